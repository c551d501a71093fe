from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.errors import InputError
from kg.ingest import parse_date, read_articles


def test_reads_every_format(tmp_path) -> None:
    (tmp_path / "a.txt").write_text("Turkey condemned Israel.", encoding="utf-8")
    (tmp_path / "b.md").write_text("---\ntitle: B\ndate: 2024-05-01\nurl: https://example.org/b\n---\nJapan met Korea.\n", encoding="utf-8")
    (tmp_path / "c.jsonl").write_text(json.dumps({"id": "c1", "text": "Iran threatened Israel.", "date": "2023-10-09"}) + "\n", encoding="utf-8")
    (tmp_path / "d.json").write_text(json.dumps([{"id": "d1", "text": "Egypt backed Sudan."}]), encoding="utf-8")
    html = "<html><head><title>E</title></head><body><article><p>" + "Brazil criticized Argentina over trade. " * 20 + "</p></article></body></html>"
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "e.html").write_text(html, encoding="utf-8")
    result = read_articles([tmp_path])
    ids = {a.id: a for a in result.articles}
    assert set(ids) == {"a", "b", "c1", "d1", "e"}, result.skipped
    assert ids["b"].title == "B" and ids["b"].date == dt.date(2024, 5, 1) and ids["b"].text.strip() == "Japan met Korea."
    assert ids["c1"].date == dt.date(2023, 10, 9)
    assert "Brazil criticized Argentina" in ids["e"].text
    assert "<p>" not in ids["e"].text


def test_bad_inputs_are_skipped_and_counted(tmp_path) -> None:
    (tmp_path / "good.txt").write_text("Japan met Korea.", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\x89PNG")
    (tmp_path / "latin1.txt").write_bytes("Sébastien critiqua l'Iran.".encode("latin-1"))
    (tmp_path / "bad.jsonl").write_text('{"id": "x", "text": "ok text"}\nnot json\n{"id": "y"}\n', encoding="utf-8")
    (tmp_path / "bad.md").write_text("---\ntitle: [unclosed\n---\nText.\n", encoding="utf-8")
    result = read_articles([tmp_path])
    assert [a.id for a in result.articles] == ["x", "good"] or sorted(a.id for a in result.articles) == ["good", "x"]
    reasons = " | ".join(str(s) for s in result.skipped)
    assert len(result.skipped) == 6, reasons
    assert "empty" in reasons and "binary" in reasons and "not UTF-8" in reasons and "malformed JSON line" in reasons


def test_missing_path_is_an_input_error(tmp_path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_articles([tmp_path / "nope.txt"])


def test_hostile_html_keeps_text_only(tmp_path) -> None:
    html = ("<html><body><article><p>Chile praised Peru for the deal. " * 10 +
            "<script>alert(1)</script><img src=x onerror=alert(2)></p></article></body></html>")
    (tmp_path / "h.html").write_text(html, encoding="utf-8")
    [article] = read_articles([tmp_path]).articles
    assert "alert(1)" not in article.text and "onerror" not in article.text


@given(st.text(max_size=40))
def test_parse_date_never_raises(text: str) -> None:
    value = parse_date(text)
    assert value is None or isinstance(value, dt.date)


def test_huge_article_is_skipped_not_fatal(tmp_path) -> None:
    from kg.ingest import MAX_CHARS

    (tmp_path / "huge.txt").write_text("Peace. " * (MAX_CHARS // 7 + 10), encoding="utf-8")
    (tmp_path / "small.txt").write_text("Japan met Korea.", encoding="utf-8")
    result = read_articles([tmp_path])
    assert [a.id for a in result.articles] == ["small"]
    assert "longer than" in str(result.skipped[0])
