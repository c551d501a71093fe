"""A language's words, loaded from its folder ``ontology/lang/<code>/``.

One folder per language, the way spaCy keeps ``lang/<code>/``; adding a language is adding a
folder (and installing its spaCy model). A folder holds:

- ``language.yaml``: the code and name, the spaCy model candidates (best first), the month names
  dates are written with, and the files of named word lists (``word_lists``);
- ``relations.yaml``: the 13 relations with their trigger words;
- ``frames.yaml``: frame words (light verbs, speech verbs, modals, ...), each list a frame;
- ``issues.yaml``, ``titles.yaml``: issue phrases; offices and descriptions;
- the word-list files that :func:`words` reads by name (``words.yaml`` and one file per topic);
- ``spin.yaml`` (:mod:`kg.spin`) and ``cameo.yaml`` (:mod:`kg.events`).
"""
from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from kg.errors import ConfigError
from kg.gazetteer import ONTOLOGY_DIR
from kg.records import Relation

__all__ = ["Lexicon", "Language", "load_lexicon", "load_language", "language_dir", "words", "word_table", "LANG_DIR"]

LANG_DIR = ONTOLOGY_DIR / "lang"  # one folder per language code
# the frames whose words are verb lemmas: with the relation verbs they repair garbled lemmas
_VERB_FRAMES = ("light", "speech", "attempt", "negating", "evaluate", "intention", "irrealis", "object_control", "deal",
                "exchange_verbs", "charge", "revoke", "conclude", "relieve", "denial")
_TABLES = ("exchange_objects",)  # the entries of frames.yaml that are mappings, not frames


@dataclass(frozen=True)
class Language:
    """What ``language.yaml`` says about a language."""

    code: str
    name: str
    directory: Path
    models: tuple[str, ...]  # spaCy pipelines to try, best first
    months: tuple[tuple[str, ...], ...]  # each month's full name, then its abbreviations
    word_lists: tuple[str, ...]  # the files of named word lists, in the folder


@dataclass(frozen=True)
class Lexicon(Mapping[str, frozenset[str]]):
    """A language's lexicon: the relation tables, and a mapping of frame name -> frame words.

    The frames are the lists of ``frames.yaml``; each is read as ``lex["speech"]`` or
    ``lex.speech``, so a new frame needs no code here.
    """

    frames: Mapping[str, frozenset[str]]
    verbs: dict[str, Relation]
    phrasal: dict[tuple[str, ...], Relation]
    nouns: dict[tuple[str, str], Relation]
    noun_heads: dict[str, Relation]
    adjectives: dict[tuple[str, str], Relation]
    plover: dict[Relation, str]
    issues: dict[str, list[str]]
    exchange_objects: dict[str, Relation]
    titles: dict[str, str]
    descriptions: dict[str, str]
    state_agents: frozenset[str]
    lang: str = "en"
    known: frozenset[str] = frozenset()  # every verb lemma the lexicons name: repairs garbled lemmas
    issue_phrases: dict[str, str] = dataclasses.field(default_factory=dict)  # issue phrase -> its kind

    def __getitem__(self, name: str) -> frozenset[str]:
        return self.frames[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self.frames)

    def __len__(self) -> int:
        return len(self.frames)

    def __getattr__(self, name: str) -> frozenset[str]:
        """A frame by attribute (``lex.speech``); called only for names that are not fields."""
        if name.startswith("_") or name == "frames":  # copy, pickle and a half-built instance look these up
            raise AttributeError(name)
        try:
            return self.frames[name]
        except KeyError:
            raise AttributeError(f"no frame {name!r} in the {self.lang!r} lexicon; add it to "
                                 f"ontology/lang/{self.lang}/frames.yaml") from None

    def issue_kind(self, label: str, fallback: str) -> str:
        """The canonical kind of an issue named ``label``: decided by the words alone (the label,
        else its head word), so one issue node never gets two kinds."""
        return self.issue_phrases.get(label) or self.issue_phrases.get(label.rsplit(" ", 1)[-1]) or fallback


def _load(path: Path) -> dict:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"{path}: cannot read lexicon ({exc}); restore it from the repository") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping at the top level")
    return data


def _word(value: object) -> str:
    """A lexicon word; YAML 1.1 reads a bare ``on``/``off`` as a boolean."""
    if value is True:
        return "on"
    if value is False:
        return "off"
    return str(value)


def _put(table: dict, key: object, rel: Relation, path: Path) -> None:
    if key in table and table[key] is not rel:
        raise ConfigError(f"{path}: {key!r} listed under both {table[key].value} and {rel.value}; keep one")
    table[key] = rel


def _exchange(table: dict, path: Path) -> dict[str, Relation]:
    try:
        return {str(k): Relation(v) for k, v in table.items()}
    except ValueError as exc:
        raise ConfigError(f"{path}: exchange_objects: {exc}; use a relation name") from exc


def language_dir(lang: str = "en", root: Path | None = None) -> Path:
    """The folder of language ``lang`` (``ontology/lang/<lang>/``, or under ``root``).

    Raises:
        ConfigError: there is no such folder.
    """
    root = root or LANG_DIR
    directory = root / lang
    if not re.fullmatch(r"[a-z][a-z0-9_-]*", lang) or not (directory / "language.yaml").is_file():
        known = sorted(p.parent.name for p in root.glob("*/language.yaml"))
        raise ConfigError(f"no language {lang!r}: add the folder {directory}/ (a copy of {root / 'en'}/ with its words "
                          f"translated and its spaCy model named in language.yaml); known: {', '.join(known) or 'none'}")
    return directory


@functools.lru_cache(maxsize=8)
def load_language(lang: str = "en", root: Path | None = None) -> Language:
    """Read ``language.yaml`` of language ``lang``.

    Raises:
        ConfigError: the folder or the file is missing, or an entry is malformed.
    """
    directory = language_dir(lang, root)
    path = directory / "language.yaml"
    data = _load(path)
    try:
        months = tuple((str(full), *map(str, short or ())) for full, short in data["months"].items())
        language = Language(code=str(data["code"]), name=str(data["name"]), directory=directory,
                            models=tuple(map(str, data["models"])), months=months,
                            word_lists=tuple(map(str, data["word_lists"])))
    except (KeyError, TypeError, AttributeError) as exc:
        raise ConfigError(f"{path}: malformed ({exc!r}); it needs code, name, models, months and word_lists") from exc
    if language.code != lang or len(months) != 12:
        raise ConfigError(f"{path}: code must be {lang!r} (the folder's name) and months must name 12 months")
    return language


@functools.lru_cache(maxsize=4)
def load_lexicon(lang: str = "en", root: Path | None = None) -> Lexicon:
    """Load and validate the lexicon of language ``lang`` (its folder under ``root``, by default
    ``ontology/lang/``).

    Raises:
        ConfigError: the language or a file is missing, a relation is unknown, or a word maps to
            two relations.
    """
    directory = language_dir(lang, root)
    path = directory / "relations.yaml"
    rels = _load(path)
    verbs: dict = {}
    phrasal: dict = {}
    nouns: dict = {}
    noun_heads: dict = {}
    adjectives: dict = {}
    plover: dict = {}
    for name, entry in rels.items():
        try:
            rel = Relation(name)
        except ValueError as exc:
            raise ConfigError(f"{path}: unknown relation {name!r}; use one of {[r.value for r in Relation]}") from exc
        if int(entry.get("polarity", 0)) != rel.polarity:
            raise ConfigError(f"{path}: {name}: polarity must be {rel.polarity}")
        plover[rel] = entry.get("plover", "")
        for verb in entry.get("verbs") or []:
            words = tuple(str(verb).split())
            _put(verbs if len(words) == 1 else phrasal, words[0] if len(words) == 1 else words, rel, path)
        for phrase in entry.get("phrasal") or []:
            _put(phrasal, tuple(str(phrase).split()), rel, path)
        for noun, preps in (entry.get("nouns") or {}).items():
            noun_heads.setdefault(noun, rel)
            for prep in preps:
                _put(nouns, (str(noun), _word(prep)), rel, path)
        for adj, preps in (entry.get("adjectives") or {}).items():
            for prep in preps:
                _put(adjectives, (str(adj), _word(prep)), rel, path)
    missing = set(Relation) - set(plover)
    if missing:
        raise ConfigError(f"{path}: relations without an entry: {sorted(r.value for r in missing)}")
    frame_file = _load(directory / "frames.yaml")
    frames = _frames(frame_file, directory / "frames.yaml")
    issues = _load(directory / "issues.yaml")
    titles = _load(directory / "titles.yaml")
    lex = Lexicon(
        frames=frames, verbs=verbs, phrasal=phrasal, nouns=nouns, noun_heads=noun_heads, adjectives=adjectives, plover=plover,
        issues={str(k): [str(p).lower() for p in v] for k, v in issues.items()},
        exchange_objects=_exchange(frame_file.get("exchange_objects") or {}, directory / "frames.yaml"),
        titles=dict(titles["titles"]), descriptions=dict(titles["descriptions"]),
        state_agents=frozenset(titles["state_agents"]), lang=lang,
    )
    known = frozenset(lex.verbs) | {k[0] for k in lex.phrasal} | frozenset().union(*(lex[name] for name in _VERB_FRAMES))
    phrases: dict[str, str] = {}
    for kind, listed in lex.issues.items():
        for phrase in listed:
            if phrases.setdefault(phrase, kind) != kind:
                raise ConfigError(f"{directory / 'issues.yaml'}: {phrase!r} listed under both {phrases[phrase]} and {kind}; keep one")
    return dataclasses.replace(lex, known=known, issue_phrases=phrases)


def _frames(data: dict, path: Path) -> dict[str, frozenset[str]]:
    """Every list of ``frames.yaml`` as a frame; the verb frames must be there."""
    frames = {}
    for name, entry in data.items():
        if name in _TABLES:
            continue
        if not isinstance(entry, list):
            raise ConfigError(f"{path}: {name}: expected a list of words (a frame)")
        frames[str(name)] = frozenset(map(_word, entry))
    missing = [name for name in _VERB_FRAMES if name not in frames]
    if missing:
        raise ConfigError(f"{path}: frames missing: {', '.join(missing)}; add them")
    return frames


@functools.lru_cache(maxsize=256)
def words(name: str, lang: str = "en", root: Path | None = None) -> frozenset[str]:
    """A named word list of the language's word-list files (a mapping gives its keys).

    Raises:
        ConfigError: the language, a file or the list is missing.
    """
    table = word_table(name, lang, root)
    return frozenset(str(k) for k in table)


@functools.lru_cache(maxsize=256)
def word_table(name: str, lang: str = "en", root: Path | None = None) -> dict:
    """A named list or mapping of the language's word-list files (``word_lists`` in
    ``language.yaml``: ``words.yaml`` and one file per topic), as written.

    Raises:
        ConfigError: the language, a file or the entry is missing.
    """
    lists = _word_lists(lang, root)
    if name not in lists:
        language = load_language(lang, root)
        raise ConfigError(f"{language.directory}: no word list {name!r} in {', '.join(language.word_lists)}; "
                          "add it to one of them (or restore it from the repository)")
    path, entry = lists[name]
    if isinstance(entry, dict):
        return {str(k): v for k, v in entry.items()}
    if not isinstance(entry, list) or any(isinstance(w, bool) for w in entry):
        raise ConfigError(f"{path}: {name}: expected a list of words; quote yes/no/on/off, which YAML reads as booleans")
    return dict.fromkeys(map(str, entry))


@functools.lru_cache(maxsize=8)
def _word_lists(lang: str, root: Path | None) -> dict[str, tuple[Path, object]]:
    """Every named list of the language's word-list files -> (its file, the list)."""
    found: dict[str, tuple[Path, object]] = {}
    for file_name in load_language(lang, root).word_lists:
        path = language_dir(lang, root) / file_name
        for name, entry in _load(path).items():
            if name in found:
                raise ConfigError(f"{path}: word list {name!r} is also in {found[name][0].name}; keep one")
            found[str(name)] = (path, entry)
    return found
