"""Relation, issue, frame and title lexicons, loaded from ``ontology/lang/en/``."""
from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass
from pathlib import Path

import yaml

from kg.errors import ConfigError
from kg.gazetteer import ONTOLOGY_DIR
from kg.records import Relation

__all__ = ["Lexicon", "load_lexicon", "words"]


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, Relation]
    phrasal: dict[tuple[str, ...], Relation]
    nouns: dict[tuple[str, str], Relation]
    noun_heads: dict[str, Relation]
    adjectives: dict[tuple[str, str], Relation]
    issues: dict[str, list[str]]
    light: frozenset[str]
    attempt: frozenset[str]
    negating: frozenset[str]
    speech: frozenset[str]
    modals: frozenset[str]
    conditional: frozenset[str]
    hedges: frozenset[str]
    evaluate: frozenset[str]
    intention: frozenset[str]
    object_control: frozenset[str]
    irrealis: frozenset[str]
    deal: frozenset[str]
    charge: frozenset[str]
    two_way: frozenset[str]
    revoke: frozenset[str]
    agreement_nouns: frozenset[str]
    conclude: frozenset[str]
    denial: frozenset[str]
    issue_verbs: frozenset[str]
    measures: frozenset[str]
    relieve: frozenset[str]
    exchange_verbs: frozenset[str]
    exchange_objects: dict[str, Relation]
    evaluation_negative: frozenset[str]
    evaluation_positive: frozenset[str]
    titles: dict[str, str]
    descriptions: dict[str, str]
    state_agents: frozenset[str]
    plover: dict[Relation, str]
    known: frozenset[str] = frozenset()  # every verb lemma the lexicons name: repairs garbled lemmas
    issue_phrases: dict[str, str] = dataclasses.field(default_factory=dict)  # issue phrase -> its kind

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


@functools.lru_cache(maxsize=2)
def load_lexicon(directory: Path | None = None) -> Lexicon:
    """Load and validate the lexicons.

    Raises:
        ConfigError: a file is missing, a relation is unknown, or a word maps to two relations.
    """
    directory = directory or ONTOLOGY_DIR / "lang" / "en"
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
    frames = _load(directory / "frames.yaml")
    issues = _load(directory / "issues.yaml")
    titles = _load(directory / "titles.yaml")
    lex = Lexicon(
        verbs=verbs, phrasal=phrasal, nouns=nouns, noun_heads=noun_heads, adjectives=adjectives,
        issues={str(k): [str(p).lower() for p in v] for k, v in issues.items()},
        light=frozenset(frames["light"]), attempt=frozenset(frames["attempt"]),
        negating=frozenset(frames["negating"]), speech=frozenset(frames["speech"]),
        modals=frozenset(frames["modals"]), conditional=frozenset(frames["conditional"]),
        hedges=frozenset(frames["hedges"]), evaluate=frozenset(frames["evaluate"]), intention=frozenset(frames["intention"]), object_control=frozenset(frames["object_control"]), irrealis=frozenset(frames["irrealis"]), deal=frozenset(frames["deal"]), charge=frozenset(frames["charge"]), two_way=frozenset(frames["two_way"]), revoke=frozenset(frames["revoke"]),
        agreement_nouns=frozenset(frames["agreement_nouns"]), conclude=frozenset(frames["conclude"]),
        denial=frozenset(frames["denial"]), issue_verbs=frozenset(frames["issue_verbs"]), measures=frozenset(frames["measures"]), relieve=frozenset(frames["relieve"]), exchange_verbs=frozenset(frames["exchange_verbs"]),
        exchange_objects=_exchange(frames["exchange_objects"], directory / "frames.yaml"),
        evaluation_negative=frozenset(frames["evaluation_negative"]), evaluation_positive=frozenset(frames["evaluation_positive"]),
        titles=dict(titles["titles"]),
        descriptions=dict(titles["descriptions"]), state_agents=frozenset(titles["state_agents"]),
        plover=plover,
    )
    known = frozenset(lex.verbs) | {k[0] for k in lex.phrasal} | lex.light | lex.speech | lex.attempt | lex.negating \
        | lex.evaluate | lex.intention | lex.irrealis | lex.object_control | lex.deal | lex.exchange_verbs | lex.charge | lex.revoke | lex.conclude | lex.relieve | lex.denial
    phrases: dict[str, str] = {}
    for kind, listed in lex.issues.items():
        for phrase in listed:
            if phrases.setdefault(phrase, kind) != kind:
                raise ConfigError(f"{directory / 'issues.yaml'}: {phrase!r} listed under both {phrases[phrase]} and {kind}; keep one")
    return dataclasses.replace(lex, known=known, issue_phrases=phrases)


@functools.lru_cache(maxsize=64)
def words(name: str, directory: Path | None = None) -> frozenset[str]:
    """A named word list of ``ontology/lang/en/words.yaml`` (a mapping gives its keys).

    Raises:
        ConfigError: the file or the list is missing.
    """
    table = word_table(name, directory)
    return frozenset(str(k) for k in table)


@functools.lru_cache(maxsize=64)
def word_table(name: str, directory: Path | None = None) -> dict:
    """A named list or mapping of ``ontology/lang/en/words.yaml``, as written.

    Raises:
        ConfigError: the file or the entry is missing.
    """
    path = (directory or ONTOLOGY_DIR / "lang" / "en") / "words.yaml"
    data = _words_file(path)
    if name not in data:
        raise ConfigError(f"{path}: no word list {name!r}; restore it from the repository")
    entry = data[name]
    return {str(k): v for k, v in entry.items()} if isinstance(entry, dict) else dict.fromkeys(map(str, entry))


@functools.lru_cache(maxsize=4)
def _words_file(path: Path) -> dict:
    return _load(path)
