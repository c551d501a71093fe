"""The PETRARCH / Phoenix (TABARI) actor- and agent-dictionary text formats.

An actor dictionary lists phrases (words joined by ``_`` or spaces) with ``+synonym`` lines and
``[CODE]`` blocks, which may be restricted by date::

    GONDOR [GON]
    +MINAS_TIRITH
    GOLLUM
    +SMEAGOL
        [HOB < 950601]
        [HOBGOV 19950601 - 19990815]
        [HOBREB > 990816]

``#`` starts a comment, ``<!-- ... -->`` is a comment block. The format carries no actor type:
how one is chosen from the code is in ``docs/actor-dictionaries.md``.
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from kg.errors import ConfigError
from kg.gazetteer.user import DatedCode, Entry
from kg.records import ActorKind

__all__ = ["read_actors", "read_agents", "parse_code_block", "kind_of_code", "NULL_CODES"]

NULL_CODES = frozenset({"---", "+++"})  # "no actor" in PETRARCH's dictionaries
_BLOCK = re.compile(r"\[([^\]]*)\]")
_CODE = re.compile(r"^\s*([A-Za-z0-9/+\-~]+)\s*(?:(<|>)\s*(\d{6}|\d{8})|(\d{6}|\d{8})\s*-\s*(\d{6}|\d{8}))?\s*$")
_ORGANIZATION_PREFIXES = ("IGO", "NGO", "NGM", "MNC")
_GROUP_PREFIXES = ("IMG",)
_GROUP_SECTORS = ("REB", "INS", "UAF", "OPP", "SEP", "IMG")


def _strip_comments(text: str) -> list[str]:
    """The file's lines with ``<!-- -->`` blocks blanked (line numbers kept) and ``#`` comments cut."""
    out: list[str] = []
    in_block = False
    for line in text.splitlines():
        kept = ""
        rest = line
        while rest:
            if in_block:
                end = rest.find("-->")
                if end < 0:
                    rest = ""
                else:
                    in_block, rest = False, rest[end + 3:]
            else:
                start = rest.find("<!")
                if start < 0:
                    kept, rest = kept + rest, ""
                else:
                    kept, rest, in_block = kept + rest[:start], rest[start + 2:], True
        out.append(kept.split("#", 1)[0].rstrip())
    return out


def _date(raw: str, where: str) -> dt.date:
    """YYYYMMDD, or TABARI's YYMMDD (years from 30 are 19xx)."""
    if len(raw) == 6:
        yy = int(raw[:2])
        raw = f"{1900 + yy if yy >= 30 else 2000 + yy}{raw[2:]}"
    try:
        return dt.date(int(raw[:4]), int(raw[4:6]), int(raw[6:8]))
    except ValueError:
        raise ConfigError(f"{where}: bad date {raw!r} in a code block; write YYYYMMDD") from None


def parse_code_block(block: str, where: str) -> DatedCode:
    """One ``[CODE]``, ``[CODE <D]``, ``[CODE >D]`` or ``[CODE D1-D2]`` block (inclusive dates).

    >>> parse_code_block("HOBGOV 19950601 - 19990815", "f:1")
    DatedCode(code='HOBGOV', start=datetime.date(1995, 6, 1), end=datetime.date(1999, 8, 16))
    >>> parse_code_block("HOB < 950601", "f:1").end
    datetime.date(1995, 6, 1)
    """
    m = _CODE.match(block)
    if m is None:
        raise ConfigError(f"{where}: cannot read code block [{block.strip()}]; write [CODE], [CODE <YYYYMMDD], "
                          "[CODE >YYYYMMDD] or [CODE YYYYMMDD-YYYYMMDD]")
    code, sign, day, lo, hi = m.groups()
    code = code.upper()
    if sign == "<":
        return DatedCode(code, None, _date(day, where))
    if sign == ">":
        return DatedCode(code, _date(day, where) + dt.timedelta(days=1), None)
    if lo:
        start, end = _date(lo, where), _date(hi, where)
        if end < start:
            raise ConfigError(f"{where}: code block [{block.strip()}] ends before it starts")
        return DatedCode(code, start, end + dt.timedelta(days=1))
    return DatedCode(code)


_SMALL = frozenset({"of", "the", "and", "de", "al", "for", "on", "in"})


def _phrase(raw: str) -> str:
    """A dictionary phrase as a name: ``MINAS_TIRITH`` -> ``Minas Tirith``. A trailing ``_``
    (whole word only) is dropped; a one-word name of up to four letters (``IMF``, ``USSR``) and
    words with dots (``U.N.``) keep their capitals.

    >>> _phrase("RADAGAST THE_BROWN"), _phrase("UN_"), _phrase("U.S.S.R"), _phrase("Gondor")
    ('Radagast the Brown', 'UN', 'U.S.S.R', 'Gondor')
    """
    words = [w for w in raw.replace("_", " ").split() if w]
    if len(words) == 1 and len(words[0]) <= 4 and words[0].isupper():
        return words[0]
    out = []
    for i, w in enumerate(words):
        if "." in w or not w.isupper():
            out.append(w)
        elif i and w.lower() in _SMALL:
            out.append(w.lower())
        else:
            out.append("-".join(part.capitalize() for part in w.split("-")))
    return " ".join(out)


def kind_of_code(code: str | None) -> tuple[ActorKind, str | None]:
    """The actor type a code implies and its country-level code (None when it names no country).

    >>> kind_of_code("GON"), kind_of_code("GONGOV"), kind_of_code("HOBREB"), kind_of_code("IGOAFR")
    ((<ActorKind.STATE: 'State'>, 'GON'), (<ActorKind.ORGANIZATION: 'Organization'>, 'GON'), \
(<ActorKind.GROUP: 'Group'>, 'HOB'), (<ActorKind.ORGANIZATION: 'Organization'>, None))
    """
    if not code or code in NULL_CODES:
        return ActorKind.ORGANIZATION, None
    code = code.split("/")[0].upper()
    if code.startswith(_ORGANIZATION_PREFIXES):
        return ActorKind.ORGANIZATION, None
    if code.startswith(_GROUP_PREFIXES):
        return ActorKind.GROUP, None
    if len(code) == 3 and code.isalpha():
        return ActorKind.STATE, code
    if len(code) < 3 or not code[:3].isalpha():
        return ActorKind.ORGANIZATION, None
    return (ActorKind.GROUP if code[3:].startswith(_GROUP_SECTORS) else ActorKind.ORGANIZATION), code[:3]


def _finish(name: str, line_no: int, path: Path, synonyms: list[str], codes: list[DatedCode]) -> Entry:
    undated = [c for c in codes if not c.dated]
    primary = undated[0].code if undated else (codes[-1].code if codes else None)
    kind, country = kind_of_code(primary)
    return Entry(name, f"{path}:{line_no}", kind, country, tuple(dict.fromkeys(s for s in synonyms if s != name)),
                 codes=tuple(codes), country_is_code=True)


def read_actors(path: Path, text: str) -> list[Entry]:
    """The entries of a PETRARCH actor dictionary, in file order.

    Raises:
        ConfigError: a synonym or code block with no phrase before it, a malformed code block,
            an agent code (``~``) or substitution (``!X! = ...``) that belongs in an agents dictionary.
    """
    entries: list[Entry] = []
    current: tuple[str, int, list[str], list[DatedCode]] | None = None
    for n, line in enumerate(_strip_comments(text), 1):
        where = f"{path}:{n}"
        stripped = line.strip()
        if not stripped:
            continue
        if (stripped.startswith("!") and "=" in stripped) or "~" in stripped:
            raise ConfigError(f"{where}: an agent entry; agents dictionaries are not actor dictionaries "
                              "(kg's own titles lexicon covers agent words)")
        if stripped.startswith("+"):
            if current is None:
                raise ConfigError(f"{where}: synonym {stripped!r} before any actor; put it under its actor's line")
            phrase = _phrase(_BLOCK.split(stripped[1:])[0])
            if phrase:
                current[2].append(phrase)
            codes = [parse_code_block(b, where) for b in _BLOCK.findall(stripped)]
            current[3].extend(codes)
            continue
        if stripped.startswith("["):
            if current is None:
                raise ConfigError(f"{where}: code block before any actor; put it under its actor's line")
            current[3].extend(parse_code_block(b, where) for b in _BLOCK.findall(stripped))
            continue
        if current is not None:
            entries.append(_finish(current[0], current[1], path, current[2], current[3]))
        head = stripped.split("[", 1)[0]
        name = _phrase(head)
        if not name or "]" in head:
            raise ConfigError(f"{where}: cannot read actor line {stripped!r}; write PHRASE [CODE]")
        current = (name, n, [], [parse_code_block(b, where) for b in _BLOCK.findall(stripped)])
    if current is not None:
        entries.append(_finish(current[0], current[1], path, current[2], current[3]))
    if not entries:
        raise ConfigError(f"{path}:1: no actors found; lines read PHRASE [CODE], +SYNONYM or [CODE dates]")
    return entries


def read_agents(path: Path) -> dict[str, str]:
    """An agents dictionary: phrase -> agent code without its ``~`` (``PRESIDENT [~GOV]`` gives
    ``president: GOV``). ``!X! = A, B`` substitutions are expanded; ``{PLURAL}`` forms kept.

    Raises:
        ConfigError: the file cannot be read or a line is malformed (the message names the line).
    """
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read agents dictionary ({getattr(exc, 'strerror', None) or exc})") from exc
    subs: dict[str, list[str]] = {}
    out: dict[str, str] = {}
    for n, line in enumerate(_strip_comments(text), 1):
        where = f"{path}:{n}"
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith("!") and "=" in stripped:
            marker, _, listed = stripped.partition("=")
            subs[marker.strip()] = [v.strip() for v in listed.split(",") if v.strip()]
            continue
        blocks = _BLOCK.findall(stripped)
        if len(blocks) != 1 or "~" not in blocks[0]:
            raise ConfigError(f"{where}: cannot read agent line {stripped!r}; write PHRASE {{PLURAL}} [~CODE]")
        code = blocks[0].replace("~", "").strip().upper()
        head = stripped.split("[", 1)[0]
        plural = re.findall(r"\{([^}]*)\}", head)
        phrase = re.sub(r"\{[^}]*\}", "", head).strip()
        forms = [phrase, *[p for p in plural if p.strip()]]
        for key, values in subs.items():
            forms = [f.replace(key, v) for f in forms for v in values] if any(key in f for f in forms) else forms
        for form in forms:
            out[_phrase(form).lower()] = code
    return out
