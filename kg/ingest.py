"""Read articles from files and directories.

Supported: ``.txt``; ``.md`` with optional YAML front matter (title, date, url, source);
``.html``/``.htm`` (main text by trafilatura); ``.jsonl`` and ``.json`` records with ``id`` and
``text`` (and optional title, date, url, source). Unreadable inputs are skipped and counted,
never fatal.

An article's date comes from its metadata (front matter, record field, HTML metadata), else from
a wire-style dateline at the start of its text; otherwise it stays unknown (None).
"""
from __future__ import annotations

import datetime as dt
import functools
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from kg.errors import InputError
from kg.records import Article

__all__ = ["read_articles", "Skip", "ReadResult", "MAX_BYTES", "SUFFIXES", "parse_date", "dateline_date"]

SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".jsonl", ".json"}
MAX_BYTES = 50_000_000  # one file; larger ones are skipped with a note
MAX_CHARS = 1_000_000  # one article: the parser's own limit (and ~1 GB of memory)
_FRONT = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)


@dataclass(frozen=True, slots=True)
class Skip:
    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass
class ReadResult:
    articles: list[Article] = field(default_factory=list)
    skipped: list[Skip] = field(default_factory=list)


def parse_date(value: object) -> dt.date | None:
    """A date from an ISO string, a datetime or a date; None when absent or unreadable.

    >>> parse_date("2025-08-21T10:00:00Z")
    datetime.date(2025, 8, 21)
    >>> parse_date("soon") is None
    True
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    for fmt in ("%B %d, %Y", "%d %B %Y", "%b %d, %Y", "%d %b %Y", "%Y/%m/%d"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


@dataclass(frozen=True)
class _DatePatterns:
    """How a language writes dates: its month names (``language.yaml``) compiled into patterns."""

    mdy: re.Pattern[str]  # "August 15, 2025"
    dmy: re.Pattern[str]  # "3 September 2025"
    dateline: re.Pattern[str]  # "TRIPOLI, May 18 (Wire) -"
    month_number: dict[str, int]  # a month's name or abbreviation -> 1..12


@functools.lru_cache(maxsize=4)
def _date_patterns(lang: str = "en") -> _DatePatterns:
    from kg.lexicon import load_language

    months = load_language(lang).months
    full = "|".join(re.escape(names[0]) for names in months)
    short = "|".join(re.escape(name) for names in months for name in names[1:])
    dateline = re.compile(
        rf"^[ \t]*[A-Z][A-Z.'’ -]+(?:,[ \t]+[A-Z][\w.'’ -]*)*,[ \t]+(?P<month>{full}|(?:{short})\.?)[ \t]+(?P<day>\d{{1,2}})"
        rf"(?:,?[ \t]+(?P<year>\d{{4}}))?[ \t]*(?:\([^)\n]{{1,40}}\)[ \t]*)?(?:-{{1,2}}|[–—])", re.M)
    return _DatePatterns(re.compile(rf"\b({full})\.? (\d{{1,2}}),? (\d{{4}})\b"), re.compile(rf"\b(\d{{1,2}}) ({full}),? (\d{{4}})\b"),
                         dateline, {name: i for i, names in enumerate(months, 1) for name in names})


def infer_date(text: str, today: dt.date | None = None, lang: str = "en") -> dt.date | None:
    """The latest full date the text gives (captions and datelines carry them), never after today.

    Used to resolve role titles ("the US president") in articles that come without a date.

    >>> infer_date("Putin spoke in Alaska on Friday, August 15, 2025. He met Xi on 3 September 2025.")
    datetime.date(2025, 9, 3)
    >>> infer_date("No dates here.") is None
    True
    """
    today = today or dt.date.today()
    dates = [day for day in _full_dates(text, lang) if day <= today]
    return max(dates) if dates else None


def _full_dates(text: str, lang: str = "en") -> list[dt.date]:
    """Every valid full date (with its year) that ``text`` writes out."""
    dates_in = _date_patterns(lang)
    month = dates_in.month_number
    found = [(int(m.group(3)), month[m.group(1)], int(m.group(2))) for m in dates_in.mdy.finditer(text)]
    found += [(int(m.group(3)), month[m.group(2)], int(m.group(1))) for m in dates_in.dmy.finditer(text)]
    found += [(int(m.group(1)), int(m.group(2)), int(m.group(3))) for m in _ISO.finditer(text)]
    dates = []
    for y, mo, d in found:
        try:
            dates.append(dt.date(y, mo, d))
        except ValueError:
            continue
    return dates


def dateline_date(text: str, lang: str = "en") -> dt.date | None:
    """The date of a wire-style dateline near the start ("TRIPOLI, May 18 (Wire) -").

    A dateline without a year takes the year that puts it nearest to the full dates the article
    gives elsewhere; with none, the date is unknown (None), never guessed from today.

    >>> dateline_date("WASHINGTON, Aug. 21, 2025 (Reuters) - The talks ended.")
    datetime.date(2025, 8, 21)
    >>> dateline_date("KYIV, Jan. 3 (Wire) - The strikes went on, as they had since 28 December 2024.")
    datetime.date(2025, 1, 3)
    >>> dateline_date("TRIPOLI, May 18 (Wire) - The council met.") is None
    True
    """
    dates_in = _date_patterns(lang)
    match = dates_in.dateline.search(text[:600])
    if match is None:
        return None
    month, day = dates_in.month_number[match.group("month").rstrip(".")], int(match.group("day"))
    if match.group("year"):
        try:
            return dt.date(int(match.group("year")), month, day)
        except ValueError:
            return None
    others = _full_dates(text, lang)
    candidates = []
    for year in sorted({d.year + k for d in others for k in (-1, 0, 1)}):
        try:
            day_then = dt.date(year, month, day)
        except ValueError:  # 29 February of a common year
            continue
        candidates.append((min(abs((day_then - d).days) for d in others), day_then))
    return min(candidates)[1] if candidates else None


def _dated(article: Article) -> Article:
    """``article`` with the date of its dateline when its metadata gave none."""
    if article.date is not None:
        return article
    day = dateline_date(article.text)
    return article if day is None else replace(article, date=day)


def _files(paths: Iterable[str | Path]) -> Iterator[Path]:
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise InputError(f"{path}: no such file or directory; check the path")
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
                              and not any(part.startswith(".") for part in p.relative_to(path).parts))
        else:
            yield path


def _decode(path: Path, data: bytes) -> str:
    if not data.strip():
        raise ValueError("empty file; nothing to read")
    if b"\x00" in data[:4096]:
        raise ValueError("binary file; give a text, Markdown, HTML or JSON Lines file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(f"not UTF-8 (byte {exc.start}); re-save the file as UTF-8") from exc


def _clean(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _from_html(path: Path, text: str) -> list[Article]:
    import trafilatura

    body = trafilatura.extract(text, include_comments=False, include_tables=False, favor_precision=True)
    if not body or not body.strip():
        raise ValueError("HTML without readable article text")
    meta = trafilatura.extract_metadata(text)
    return [Article(path.stem, _clean(body), title=(meta.title or "") if meta else "",
                    date=parse_date(meta.date) if meta else None, url=(meta.url or "") if meta else "",
                    source=(meta.sitename or "") if meta else "")]


def _from_markdown(path: Path, text: str) -> list[Article]:
    meta: dict = {}
    match = _FRONT.match(text)
    if match:
        try:
            loaded = yaml.safe_load(match.group(1))
        except yaml.YAMLError as exc:
            raise ValueError(f"bad YAML front matter ({exc.__class__.__name__}); fix the block between the --- lines") from exc
        meta = loaded if isinstance(loaded, dict) else {}
        text = text[match.end():]
    if not text.strip():
        raise ValueError("no text after the front matter")
    return [Article(path.stem, _clean(text), title=str(meta.get("title") or ""), date=parse_date(meta.get("date")),
                    url=str(meta.get("url") or ""), source=str(meta.get("source") or ""))]


def _record(path: Path, rec: object, where: str, skipped: list[Skip]) -> Article | None:
    if not isinstance(rec, dict) or not isinstance(rec.get("text"), str) or not rec["text"].strip():
        skipped.append(Skip(where, "record without a non-empty 'text' field; skipped"))
        return None
    rid = str(rec.get("id") or rec.get("doc") or f"{path.stem}-{where.rsplit(':', 1)[-1]}")
    return Article(rid, _clean(rec["text"]), title=str(rec.get("title") or ""), date=parse_date(rec.get("date")),
                   url=str(rec.get("url") or ""), source=str(rec.get("source") or ""))


def _from_json(path: Path, text: str, skipped: list[Skip]) -> list[Article]:
    out: list[Article] = []
    if path.suffix.lower() == ".jsonl":
        for i, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError:
                skipped.append(Skip(f"{path}:{i}", "malformed JSON line; skipped"))
                continue
            art = _record(path, rec, f"{path}:{i}", skipped)
            if art:
                out.append(art)
        return out
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"malformed JSON at line {exc.lineno} column {exc.colno}") from exc
    records = data if isinstance(data, list) else [data]
    for i, rec in enumerate(records, 1):
        art = _record(path, rec, f"{path}:{i}", skipped)
        if art:
            if isinstance(data, dict) and not rec.get("id"):
                art = Article(path.stem, art.text, art.title, art.date, art.url, art.source)
            out.append(art)
    return out


def read_articles(paths: Iterable[str | Path], max_bytes: int = MAX_BYTES) -> ReadResult:
    """Read every article under ``paths``.

    Raises:
        InputError: a path does not exist.
    """
    result = ReadResult()
    seen: set[str] = set()
    for path in _files(paths):
        try:
            if path.stat().st_size > max_bytes:
                raise ValueError(f"larger than {max_bytes // 1_000_000} MB; split it into smaller files")
            text = _decode(path, path.read_bytes())
            suffix = path.suffix.lower()
            if suffix in (".html", ".htm"):
                arts = _from_html(path, text)
            elif suffix in (".md", ".markdown"):
                arts = _from_markdown(path, text)
            elif suffix in (".jsonl", ".json"):
                arts = _from_json(path, text, result.skipped)
            else:
                arts = [Article(path.stem, _clean(text))]
        except (ValueError, OSError) as exc:
            result.skipped.append(Skip(str(path), str(exc)))
            continue
        for art in arts:
            if len(art.text) > MAX_CHARS:
                result.skipped.append(Skip(str(path), f"article {art.id!r} is longer than {MAX_CHARS:,} characters; split it"))
                continue
            if art.id in seen:
                result.skipped.append(Skip(str(path), f"duplicate article id {art.id!r}; skipped"))
                continue
            seen.add(art.id)
            result.articles.append(_dated(art))
    return result
