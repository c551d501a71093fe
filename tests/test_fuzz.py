"""Property tests: any input file is read or skipped, the spin map keeps evidence on its words,
and extraction returns on odd sentences. ``scripts/fuzz.py --minutes N`` runs them for longer
(``KG_FUZZ_EXAMPLES`` sets the number of examples per property)."""
from __future__ import annotations

import json
import os
import re
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.ingest import read_articles
from kg.spin import normalise

ROOT = Path(__file__).resolve().parent.parent
FAST = int(os.environ.get("KG_FUZZ_EXAMPLES", "0"))


def _settings(default: int) -> settings:
    return settings(max_examples=FAST or default, deadline=None, derandomize=not FAST,
                    suppress_health_check=[HealthCheck.too_slow])


def _read_one(name: str, data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        result = read_articles([path])
    assert len(result.articles) + len(result.skipped) >= 1
    for article in result.articles:
        assert isinstance(article.text, str) and article.id


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html", ".jsonl", ".json"])
@_settings(25)
@given(data=st.binary(max_size=400))
def test_random_bytes_are_read_or_skipped(suffix: str, data: bytes) -> None:
    _read_one("a" + suffix, data)


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html"])
@_settings(25)
@given(text=st.text(max_size=300))
def test_random_unicode_is_read_or_skipped(suffix: str, text: str) -> None:
    _read_one("a" + suffix, text.encode("utf-8", "surrogatepass"))


_JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
                     lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
                     max_leaves=8)
_RECORD = st.fixed_dictionaries({}, optional={"id": _JSON, "text": st.text(max_size=80) | _JSON, "title": _JSON,
                                              "date": st.text(max_size=12) | _JSON, "url": _JSON})


@_settings(40)
@given(records=st.lists(_RECORD | _JSON, max_size=5))
def test_random_jsonl_records_are_read_or_skipped(records: list) -> None:
    lines = "\n".join(json.dumps(r, ensure_ascii=False, allow_nan=True) for r in records)
    _read_one("a.jsonl", lines.encode("utf-8", "surrogatepass"))


_WORDS = ["the", "struggle", "war", "commerce", "chief", "safety", "ensures", "assures", "need", "needs", "to",
          "end", "finish", "this", "stated", "with", "out", "Russia", "said", "Putin", "on", "security", "a", "of"]


@_settings(150)
@given(words=st.lists(st.sampled_from(_WORDS), min_size=1, max_size=40), cuts=st.lists(st.integers(0, 39), max_size=4))
def test_spin_offsets_send_evidence_back_to_its_words(words: list[str], cuts: list[int]) -> None:
    text = " ".join(w + "." if i in cuts else w for i, w in enumerate(words))
    norm, offsets, _ = normalise(text, force=True)
    spans = [m.span() for m in re.finditer(r"\S+", norm)]
    original_words = {m.start(): m.group() for m in re.finditer(r"\S+", text)}
    ends = {m.end() for m in re.finditer(r"\S+", text)}
    for i, (start, _) in enumerate(spans):
        for _, end in spans[i:]:
            a, b = offsets.original(start), offsets.original(end)
            assert a in original_words and b in ends, (text, norm, norm[start:end], text[a:b])
            first = norm[start:end].split()[0]
            if first == original_words[a]:
                assert text[a:b].split()[0] == first


@pytest.fixture(scope="module")
def run(nlp, gaz, lex):
    from kg.extract import extract_claims
    from kg.records import Article

    def extract(text: str) -> list:
        norm, offsets, _ = normalise(text)
        claims, _ = extract_claims(Article("f", text), nlp(norm), gaz, lex, offsets)
        for c in claims:
            assert 0 <= c.start <= c.end <= len(text)
        return claims

    return extract


_SENTENCES = [s.strip() + "." for s in (ROOT / "seeds" / "001_6dd0e6ed9944d124.txt").read_text(encoding="utf-8").split(". ")
              if 20 < len(s) < 300][:40]


@_settings(3)
@given(order=st.permutations(_SENTENCES))
def test_extraction_on_shuffled_sentences(run, order: list[str]) -> None:
    run(" ".join(order[:15]))


@pytest.mark.parametrize("text", [
    " ".join(["Russia", "and", "China", "support", "peace", ","] * 834),  # one sentence of ~5,000 tokens
    "Putin Xi Trump Zelensky Macron Erdogan Modi.",
    "!!! ... ,,, ;;; ??? --- \"\" '' () [] {} ... !!!",
    "",
])
def test_extraction_returns_on_odd_sentences(run, text: str) -> None:
    started = time.perf_counter()
    run(text)
    assert time.perf_counter() - started < 30
