"""User actor dictionaries: the project's YAML and CSV formats, and the PETRARCH text format.

A dictionary is read into :class:`Entry` records, each remembering the file and line it came
from; :func:`kg.gazetteer.load_gazetteer` merges them into the built-in gazetteer. The formats are
described in ``docs/actor-dictionaries.md``.
"""
from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from kg.errors import ConfigError
from kg.records import ActorKind

__all__ = ["Entry", "RoleSpec", "DatedCode", "read_dictionary", "DICTIONARY_SUFFIXES"]

DICTIONARY_SUFFIXES = (".yaml", ".yml", ".csv", ".txt")
_FIELDS = {"name", "type", "country", "aliases", "demonyms", "seats", "qid", "code", "codes", "roles", "surname"}
_ROLE_FIELDS = {"title", "of", "kind", "start", "end"}
_CSV_FIELDS = ("name", "type", "country", "aliases", "demonyms", "seats", "qid", "code", "role", "role_of", "start", "end")


@dataclass(frozen=True, slots=True)
class DatedCode:
    """An event-data actor code (CAMEO style, "GONGOV"), optionally valid only between two dates."""

    code: str
    start: dt.date | None = None
    end: dt.date | None = None  # exclusive

    def valid_on(self, day: dt.date | None) -> bool:
        if day is None:
            return self.start is None and self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None


@dataclass(frozen=True, slots=True)
class RoleSpec:
    """A role as a dictionary writes it; ``of`` names a state or body, resolved when merged."""

    title: str
    of: str
    kind: str
    start: dt.date | None = None
    end: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Entry:
    """One actor of a user dictionary, before it is merged into the gazetteer.

    ``kind`` None keeps the type of the built-in actor the entry extends; ``country`` is a state's
    name, alias, ISO 3166 alpha-3 code or id (resolved when merged; for the PETRARCH format the
    country-level code of the actor code). ``where`` is ``file:line`` for error messages.
    """

    name: str
    where: str
    kind: ActorKind | None = None
    country: str | None = None
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    seats: tuple[str, ...] = ()
    qid: str | None = None
    roles: tuple[RoleSpec, ...] = ()
    codes: tuple[DatedCode, ...] = ()
    surname: object = None  # as in people.yaml: a string, a list, or [] for none
    country_is_code: bool = False  # PETRARCH: ``country`` is a code, unknown ones are let go


def role_kind(title: str) -> str:
    """The role kind the gazetteer's rules use, from a role title.

    >>> role_kind("Foreign Minister"), role_kind("president"), role_kind("prime minister"), role_kind("mayor")
    ('fm', 'hos', 'hog', 'other')
    """
    low = title.lower()
    if "foreign" in low:
        return "fm"
    if low in ("president", "king", "queen", "emir", "sultan", "monarch", "head of state", "supreme leader"):
        return "hos"
    if low in ("prime minister", "premier", "chancellor", "head of government"):
        return "hog"
    return "other"


def parse_date(value: object, where: str) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError as exc:
        raise ConfigError(f"{where}: bad date {value!r}; write YYYY-MM-DD") from exc


def _kind(value: object, where: str) -> ActorKind | None:
    if value in (None, ""):
        return None
    try:
        return ActorKind(str(value).strip().title())
    except ValueError:
        raise ConfigError(f"{where}: type {value!r} is not one of Person, State, Organization, Group") from None


def _strings(value: object, where: str, key: str) -> tuple[str, ...]:
    if value in (None, ""):
        return ()
    if isinstance(value, str):
        return tuple(v.strip() for v in value.split("|") if v.strip())
    if isinstance(value, list) and all(isinstance(v, str | int) for v in value):
        return tuple(str(v).strip() for v in value if str(v).strip())
    raise ConfigError(f"{where}: {key} must be a list of names (or one string with | between names)")


def _code(value: object, where: str) -> tuple[DatedCode, ...]:
    if value in (None, ""):
        return ()
    if not isinstance(value, str) or not value.strip().isalnum():
        raise ConfigError(f"{where}: code {value!r} must be letters and digits, e.g. GON or GONGOV")
    return (DatedCode(value.strip().upper()),)


def _codes(value: object, where: str) -> tuple[DatedCode, ...]:
    """``codes: [{code: HOBGOV, start: 1995-06-01, end: 1999-08-15}, ...]``."""
    if not isinstance(value, list):
        raise ConfigError(f"{where}: codes must be a list of {{code, start, end}}")
    out = []
    for item in value:
        if not isinstance(item, dict) or "code" not in item or set(item) - {"code", "start", "end"}:
            raise ConfigError(f"{where}: each of codes needs code (and optional start, end), e.g. {{code: GONGOV, start: 2020-01-01}}")
        out.append(DatedCode(_code(item["code"], where)[0].code, parse_date(item.get("start"), where),
                             parse_date(item.get("end"), where)))
    return tuple(out)


def _roles(value: object, where: str, country: str | None) -> tuple[RoleSpec, ...]:
    if value in (None, ""):
        return ()
    if not isinstance(value, list):
        raise ConfigError(f"{where}: roles must be a list of {{title, of, start, end}}")
    out = []
    for r in value:
        if not isinstance(r, dict) or not r.get("title") or set(r) - _ROLE_FIELDS:
            raise ConfigError(f"{where}: a role needs a title and may have of, kind, start, end, e.g. "
                              "{title: president, of: Veldoria, start: 2019-05-01}")
        of = r.get("of") or country
        if not of:
            raise ConfigError(f"{where}: role {r['title']!r} needs `of` (the state or body), or give the entry a country")
        kind = str(r.get("kind") or role_kind(str(r["title"])))
        if kind not in ("hos", "hog", "fm", "other"):
            raise ConfigError(f"{where}: role kind {kind!r} is not one of fm, hog, hos, other")
        out.append(RoleSpec(str(r["title"]), str(of), kind, parse_date(r.get("start"), where), parse_date(r.get("end"), where)))
    return tuple(out)


def _entry(data: dict[str, Any], where: str) -> Entry:
    unknown = set(data) - _FIELDS
    if unknown:
        raise ConfigError(f"{where}: unknown field(s) {sorted(unknown)}; use {sorted(_FIELDS)}")
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ConfigError(f"{where}: an entry needs a name")
    country = str(data["country"]).strip() if data.get("country") else None
    codes = _code(data.get("code"), where) + (_codes(data["codes"], where) if data.get("codes") else ())
    return Entry(name.strip(), where, _kind(data.get("type"), where), country, _strings(data.get("aliases"), where, "aliases"),
                 _strings(data.get("demonyms"), where, "demonyms"), _strings(data.get("seats"), where, "seats"),
                 str(data["qid"]).strip() if data.get("qid") else None, _roles(data.get("roles"), where, country), codes,
                 data.get("surname"))


class _Loader(yaml.SafeLoader):
    """Dates stay text, so a bad one is reported with its entry's line (not a bare ValueError)."""


def _text(loader: yaml.SafeLoader, node: yaml.Node) -> str:
    return str(node.value)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _text)


def _read_yaml(path: Path, text: str) -> list[Entry]:
    """A list of entries, or a mapping with an ``actors`` list; every error names the entry's line."""
    loader = _Loader(text)
    node: Any = None
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        raise ConfigError(f"{path}{line}: not valid YAML ({getattr(exc, 'problem', exc)})") from exc
    finally:
        loader.dispose()
    items_node = node
    if isinstance(data, dict):
        if set(data) != {"actors"}:
            raise ConfigError(f"{path}:1: the top level must be a list of actors or a mapping with one key, actors")
        data = data["actors"]
        items_node = next(v for k, v in node.value if k.value == "actors")
    if not isinstance(data, list) or not data:
        raise ConfigError(f"{path}:1: expected a list of actors (name, type, country, aliases, roles, qid)")
    entries = []
    for item, item_node in zip(data, items_node.value, strict=True):
        where = f"{path}:{item_node.start_mark.line + 1}"
        if not isinstance(item, dict):
            raise ConfigError(f"{where}: an actor is a mapping with at least a name")
        entries.append(_entry(item, where))
    return entries


def _read_csv(path: Path, text: str) -> list[Entry]:
    """One actor a row; a row repeating an earlier row's name adds a role to it (``role``,
    ``role_of``, ``start``, ``end``)."""
    lines = text.splitlines(keepends=True)
    body = [(n, line) for n, line in enumerate(lines, 1) if line.strip() and not line.startswith("#")]
    if not body:
        raise ConfigError(f"{path}:1: empty dictionary; the first line names the columns: {','.join(_CSV_FIELDS)}")
    header_line = body[0][0]
    reader = csv.DictReader([line for _, line in body])
    fields = reader.fieldnames or []
    unknown = set(fields) - set(_CSV_FIELDS)
    if "name" not in fields or unknown:
        raise ConfigError(f"{path}:{header_line}: columns must include name and be among {','.join(_CSV_FIELDS)}"
                          + (f" (unknown: {', '.join(sorted(unknown))})" if unknown else ""))
    rows: dict[str, tuple[dict[str, Any], str]] = {}
    order: list[str] = []
    for (line_no, _), row in zip(body[1:], reader, strict=False):
        where = f"{path}:{line_no}"
        if None in row:
            raise ConfigError(f"{where}: more cells than columns; quote a cell holding a comma")
        name = (row.get("name") or "").strip()
        if not name:
            raise ConfigError(f"{where}: a row needs a name")
        role = None
        if (row.get("role") or "").strip():
            role = {"title": row["role"].strip(), "of": (row.get("role_of") or "").strip() or None,
                    "start": row.get("start") or None, "end": row.get("end") or None}
            role = {k: v for k, v in role.items() if v}
        elif (row.get("start") or row.get("end") or row.get("role_of")):
            raise ConfigError(f"{where}: role_of, start and end belong to a role; fill the role column")
        if name in rows:
            data, first = rows[name]
            if role is None or any((row.get(k) or "").strip() for k in ("type", "country", "aliases", "qid", "code")):
                raise ConfigError(f"{where}: {name!r} is already at {first}; a repeated name only adds a role")
            data["roles"].append(role)
            continue
        data = {k: v.strip() for k, v in row.items() if k not in ("role", "role_of", "start", "end") and v and v.strip()}
        data["roles"] = [role] if role else []
        rows[name] = (data, where)
        order.append(name)
    return [_entry(rows[name][0], rows[name][1]) for name in order]


def read_dictionary(path: Path) -> list[Entry]:
    """The entries of one user dictionary, by extension: ``.yaml``/``.yml``, ``.csv``, or ``.txt``
    (the PETRARCH/Phoenix actor-dictionary text format).

    Raises:
        ConfigError: the file cannot be read, or an entry is malformed (the message names the line).
    """
    suffix = path.suffix.lower()
    if suffix not in DICTIONARY_SUFFIXES:
        raise ConfigError(f"{path}: unknown actor dictionary format {suffix or '(no extension)'}; "
                          "use .yaml or .csv (kg's formats) or .txt (PETRARCH actor dictionary)")
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read actor dictionary ({getattr(exc, 'strerror', None) or exc})") from exc
    if suffix == ".txt":
        from kg.gazetteer.petrarch import read_actors

        return read_actors(path, text)
    entries = _read_yaml(path, text) if suffix in (".yaml", ".yml") else _read_csv(path, text)
    seen: dict[str, str] = {}
    for entry in entries:
        key = entry.name.casefold()
        if key in seen:
            raise ConfigError(f"{entry.where}: {entry.name!r} is already defined at {seen[key]}; keep one entry")
        seen[key] = entry.where
    return entries
