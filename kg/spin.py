"""Detect and undo synonym-spun text, keeping offsets into the original.

An article spinner rewrites news with thesaurus synonyms ("the struggle" for the war, "safety
ensures" for security guarantees). ``spun_score`` rates how spun a text looks; ``normalise``
rewrites a spun text back to plain news English with a phrase table and returns an
``OffsetMap`` so that evidence is still quoted from the text as written.
"""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from kg.errors import ConfigError
from kg.lexicon import language_dir

__all__ = ["OffsetMap", "SpinTable", "load_spin_table", "normalise", "spun_score"]


@dataclass(frozen=True)
class SpinTable:
    threshold: float
    markers: tuple[re.Pattern[str], ...]
    rules: tuple[tuple[re.Pattern[str], str | dict[str, str]], ...]


@functools.lru_cache(maxsize=2)
def load_spin_table(path: Path | None = None, lang: str = "en") -> SpinTable:
    """The spin table at ``path``, by default ``spin.yaml`` of language ``lang``'s folder.

    Raises:
        ConfigError: the table is missing or malformed.
    """
    path = path or language_dir(lang) / "spin.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        markers = tuple(re.compile(m) for m in data["markers"])
        rules = []
        for pattern, repl in data["rules"]:
            rx = re.compile(pattern)
            if "w" not in rx.groupindex:
                raise ConfigError(f"{path}: rule {pattern!r} has no (?P<w>...) group")
            rules.append((rx, repl))
        return SpinTable(float(data["threshold"]), markers, tuple(rules))
    except (OSError, KeyError, TypeError, ValueError, re.error, yaml.YAMLError) as exc:
        raise ConfigError(f"{path}: malformed spin table ({exc}); restore it from the repository") from exc


class OffsetMap:
    """Maps character offsets in a normalised text back to the original text."""

    def __init__(self, edits: list[tuple[int, int, int, int]] | None = None) -> None:
        # (new_start, new_end, old_start, old_end), sorted, non-overlapping
        self._edits = edits or []
        self._starts = [e[0] for e in self._edits]

    def __bool__(self) -> bool:
        return bool(self._edits)

    def original(self, pos: int) -> int:
        """The original offset of normalised offset ``pos``.

        >>> OffsetMap([(4, 7, 4, 12)]).original(10)
        15
        """
        i = bisect.bisect_right(self._starts, pos) - 1
        if i < 0:
            return pos
        new_start, new_end, old_start, old_end = self._edits[i]
        if pos < new_end:
            return old_start if pos == new_start else min(old_end, old_start + (pos - new_start))
        return old_end + (pos - new_end)


def spun_score(text: str, table: SpinTable | None = None) -> float:
    """Spin markers per 1,000 words.

    >>> spun_score("The war goes on.")
    0.0
    """
    table = table or load_spin_table()
    words = max(1, len(text.split()))
    hits = sum(len(rx.findall(text)) for rx in table.markers)
    return round(1000.0 * hits / words, 2)


# typographic quotes and apostrophes -> ASCII, one character for one, so offsets are unchanged;
# the parser reads "doesn't" and "it's" far better than "doesn’t" and "it’s"
_ASCII_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u02bc": "'"})


def normalise(text: str, table: SpinTable | None = None, force: bool = False) -> tuple[str, OffsetMap, float]:
    """Undo spinning when the text looks spun (or ``force``); typographic quotes become ASCII.

    Returns:
        the normalised text, the map back to ``text``, and the spun score.
    """
    table = table or load_spin_table()
    text = text.translate(_ASCII_QUOTES)
    score = spun_score(text, table)
    if not force and score < table.threshold:
        return text, OffsetMap(), score
    spans: dict[int, tuple[int, str]] = {}
    for rx, repl in table.rules:
        for m in rx.finditer(text):
            start, end = m.span("w")
            word = m.group("w")
            new = repl.get(word, word) if isinstance(repl, dict) else repl
            if word[:1].isupper() and new[:1].islower():
                new = new[:1].upper() + new[1:]
            if any(s < end and start < s + ln for s, (ln, _) in spans.items()):
                continue
            spans[start] = (end - start, new)
    out, edits, pos, shift = [], [], 0, 0
    for start in sorted(spans):
        length, new = spans[start]
        out.append(text[pos:start])
        edits.append((start + shift, start + shift + len(new), start, start + length))
        out.append(new)
        shift += len(new) - length
        pos = start + length
    out.append(text[pos:])
    return "".join(out), OffsetMap(edits), score
