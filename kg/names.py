"""Ambiguity-safe matching of gazetteer names: which matches of the gazetteer's span ruler become
entities, and the reading each one keeps.

The span ruler runs after the named-entity recogniser and proposes every name, alias, seat, demonym
and surname it finds (case-insensitively). :class:`NameGuard` then keeps a match only where the
text uses it as that name:

- form: every word written capitalised in the name is capitalised in the text ("turkey", "polish",
  "western Ukraine" are not actors); a single-word name that is also an English word (WordNet's
  lemma index, shipped in the model's lemmatizer) must be parsed a proper noun and not a date
  ("in May"), and a person's name never follows a determiner ("the Moon");
- context: a match inside a longer name ("New Jersey", "Persian Gulf", "Jim Jordan", "Hunter
  Biden", "Kim Yo Jong") is not the shorter actor: the longer name stays an entity of its own, and
  a surname with a different given name attached becomes that new person; a personal title before
  a state's name ("Representative Jordan") makes it a person; a state name that is also a US state
  ("Georgia") is the US state in an article with US sub-national context (other US states and
  cities); an alias marked ambiguous in the gazetteer ("Congress", "RSF") needs one of its context
  states in the article and no other state qualifying it ("India's Congress").

The kept entity's ``ent_id_`` is the actor id (``surname:<name>`` for a bare surname, which the
resolver decides with the article's date), and its ``kb_id_`` the reading that was chosen, so a
reviewer can see why a mention resolved.
"""
from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING

from kg.gazetteer import Gazetteer
from kg.lexicon import words
from kg.records import ActorKind
from kg.text import fold

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

    from kg.resolve import Ref

__all__ = ["SPANS_KEY", "NameGuard", "common_words", "lower_words", "bare_surname", "personal_titles", "stripped_titles"]

SPANS_KEY = "kg_gazetteer"
_NOT_NAMES = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})
_PLACE_LABELS = frozenset({"PERSON", "GPE", "LOC", "FAC"})


def personal_titles(lang: str = "en") -> frozenset[str]:
    """Honorifics and offices written before a person's name (``names.yaml``: "mr", "senator")."""
    return words("personal_titles", lang)


@functools.lru_cache(maxsize=4)
def stripped_titles(lang: str = "en") -> frozenset[str]:
    """The personal titles dropped from a new person's name; "Sheikh Hasina", "King Salman" keep theirs."""
    return words("personal_titles", lang) - words("kept_titles", lang)


def common_words(nlp: Language) -> frozenset[str]:
    """Lower-case English words the model's lemmatizer knows (WordNet's index of nouns, verbs,
    adjectives and adverbs). Empty when the model has no lemma index."""
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return frozenset()
    table = lookups.get_table("lemma_index")
    return frozenset(w for key in table.keys() for w in table[key])  # noqa: SIM118 - a Table is not a dict


def _sentence_initial(token: Token) -> bool:
    """First word of its sentence, after any opening quotes or brackets."""
    return all(not t.is_alpha for t in token.doc[token.sent.start:token.i])


def _cap(token: Token) -> bool:
    return token.text[:1].isupper()


class NameGuard:
    """The spaCy component that turns the gazetteer span ruler's matches into entities."""

    def __init__(self, gaz: Gazetteer, common: frozenset[str], lower_ok: dict[str, frozenset[str]]) -> None:
        self.gaz = gaz
        self.common = common
        self.lower_ok = lower_ok  # pattern value -> words its names write in lower case ("the", "bin")
        self.us_state_names = {name for name, why in gaz.readings.items() if "a US state" in why}
        self.titles = personal_titles()
        self.determiners = words("determiners")
        self.institutions = words("institutions")  # "Ukraine Defense Ministry" is still Ukraine
        self.us_party = words("us_party")
        self.title_modifiers = words("title_modifiers")  # "Foreign" before "Minister", not a title alone

    # -- helpers --------------------------------------------------------------------------------

    @staticmethod
    def _parts(span: Span) -> tuple[str, str]:
        reading, _, value = span.id_.partition(":")
        return reading, value

    def _kind(self, reading: str, value: str) -> ActorKind | None:
        if reading == "surname":
            return ActorKind.PERSON
        actor = self.gaz.actors.get(value)
        return actor.kind if actor else None

    def _form_ok(self, span: Span, reading: str, value: str) -> bool:
        lower_ok = self.lower_ok.get(value, frozenset())
        particles = words("name_particles")  # "Port-au-Prince", "Dar es Salaam"
        if not all(_cap(t) or t.lower_ in lower_ok or t.lower_ in self.determiners or t.lower_ in particles for t in span if t.is_alpha):
            return False  # "the Kremlin" mid-sentence: the article is no part of the name's case
        content = [t for t in span if t.is_alpha and t.lower_ not in self.determiners]
        if reading == "demonym" or len(content) != 1 or content[0].is_upper and len(content[0]) > 1:
            return True  # "European leaders": a phrase of several words is specific enough
        word = content[0]
        if word.lower_ not in self.common:
            return True
        # capitals mark a name except at a sentence start, where the tagger must call it one
        return (word.tag_ in ("NNP", "NNPS") or not _sentence_initial(word) or word.dep_ in ("nsubj", "nsubjpass", "poss")) \
            and word.ent_type_ not in _NOT_NAMES

    @staticmethod
    def _titlecase_sentence(sent: Span, covered: set[int]) -> bool:
        """A headline in title case ("Trump Slams Iran Over Deal"): its capitals say nothing about names."""
        words = [t for t in sent if t.is_alpha and len(t) > 3 and not t.ent_type_ and t.i not in covered]
        return len(words) >= 3 and sum(t.is_title for t in words) >= 0.7 * len(words)

    def _name_like(self, token: Token, covered: set[int]) -> bool:
        return (token.is_alpha and _cap(token) and token.pos_ == "PROPN" and token.i not in covered
                and token.lower_ not in self.titles and token.ent_type_ not in _NOT_NAMES)

    def _run(self, doc: Doc, start: int, step: int, covered: set[int]) -> int:
        """How many name-like tokens run from ``start`` in direction ``step``."""
        n, i = 0, start
        while 0 <= i < len(doc) and self._name_like(doc[i], covered) and not (step > 0 and doc[i].is_sent_start):
            n, i = n + 1, i + step
            if step < 0 and doc[i + 1].is_sent_start:
                break
        return n

    def _us_context(self, doc: Doc) -> bool:
        """The article names US states or cities other than an ambiguous one, or a US party."""
        words = [t for t in doc if t.is_alpha and _cap(t)]
        for t in words:
            low = t.lower_
            nxt = doc[t.i + 1].lower_ if t.i + 1 < len(doc) else ""
            if (low in self.gaz.us_places and low not in self.us_state_names) or f"{low} {nxt}" in self.gaz.us_places \
                    or low in self.us_party:
                return True
        return False

    # -- the component --------------------------------------------------------------------------

    def __call__(self, doc: Doc) -> Doc:
        from spacy.tokens import Span
        from spacy.util import filter_spans

        matches = filter_spans(doc.spans[SPANS_KEY]) if SPANS_KEY in doc.spans else []
        covered = {i for m in matches for i in range(m.start, m.end)}
        ner = [e for e in doc.ents]
        inside: dict[int, Span] = {}  # token -> NER entity over it
        for e in ner:
            for i in range(e.start, e.end):
                inside[i] = e
        kept: list[Span] = []
        extra: list[Span] = []  # entities the guard makes (a new person's full name)
        deferred: list[Span] = []
        us_context: bool | None = None
        headlines: dict[int, bool] = {}  # sentence start -> title-case headline
        for m in matches:
            reading, value = self._parts(m)
            if reading in ("issue", "media"):
                kept.append(Span(doc, m.start, m.end, label=m.label_, span_id=m.id_))
                continue
            kind = self._kind(reading, value)
            if kind is None or not self._form_ok(m, reading, m.id_ if reading == "surname" else value):
                continue
            prev = doc[m.start - 1] if m.start > 0 else None
            if kind is ActorKind.PERSON and prev is not None and prev.lower_ in self.determiners:
                continue  # "the Moon", "a Johnson"
            sent = m.sent
            headline = headlines.get(sent.start)
            if headline is None:  # one answer per sentence: it reads the whole sentence
                headline = headlines[sent.start] = self._titlecase_sentence(sent, covered)
            longer = inside.get(m.start)
            full_name = kind is ActorKind.PERSON and reading != "surname" and len(m) > 1
            if longer is not None and not full_name and (longer.start < m.start or longer.end > m.end) and not headline \
                    and longer.start <= m.start and longer.end >= m.end \
                    and (longer.label_ in _PLACE_LABELS or kind is ActorKind.PERSON) \
                    and self._longer_name(longer, m, covered):
                continue  # the NER entity stays: "New Jersey", "Persian Gulf", "Jim Jordan", "Hunter Biden"
            if not headline and reading != "demonym":
                before = self._run(doc, m.start - 1, -1, covered)
                after = self._run(doc, m.end, 1, covered)
                if after and kind is not ActorKind.PERSON and doc[m.end].lower_ in self.institutions:
                    after = 0
                if before or after:
                    if kind is ActorKind.PERSON:
                        extra.append(Span(doc, m.start - before, m.end + after, label="PERSON"))
                    continue
            if kind is not ActorKind.PERSON and prev is not None and prev.lower_.rstrip(".") in self.titles \
                    and prev.lower_.rstrip(".") not in self.title_modifiers:
                extra.append(Span(doc, m.start, m.end, label="PERSON"))  # "Representative Jordan"
                continue
            folded = fold(m.text.removeprefix("the ").removeprefix("The "))
            if folded in self.us_state_names or fold(m.text) in self.us_state_names:
                if us_context is None:
                    us_context = self._us_context(doc)
                nxt = doc[m.end].lower_.rstrip(".") if m.end < len(doc) else ""
                if us_context or nxt in self.titles or nxt in self.us_party:
                    continue  # Georgia the US state
                reading += "; not the US state (no US context)"
            if fold(m.text) in self.gaz.context:
                deferred.append(m)
                continue
            kept.append(Span(doc, m.start, m.end, label=m.label_, kb_id=reading, span_id=value if reading != "surname" else m.id_))
        kept += self._contextual(doc, deferred, kept)
        chosen = filter_spans(kept + extra)
        taken = {i for s in chosen for i in range(s.start, s.end)}
        rest = [e for e in ner if not any(i in taken for i in range(e.start, e.end)) and not self._common_word(e)]
        ents = []
        for s in filter_spans(chosen + rest):
            ent = Span(doc, s.start, s.end, label=s.label_, kb_id=s.kb_id_, span_id=s.id_)
            ents.append(ent)
        doc.set_ents(ents, default="outside")
        return doc

    def _common_word(self, ent: Span) -> bool:
        """A one-word recogniser entity that is an English word not parsed as a proper noun
        ("Gang violence ...")."""
        return len(ent) == 1 and ent[0].lower_ in self.common and ent[0].tag_ not in ("NNP", "NNPS") and _sentence_initial(ent[0]) \
            and ent.label_ in ("PERSON", "ORG", "GPE", "NORP")

    def _longer_name(self, longer: Span, match: Span, covered: set[int]) -> bool:
        """The NER entity adds name words (not titles, possessives or other gazetteer names)."""
        extra = [t for t in longer if t.i < match.start or t.i >= match.end]
        words = [t for t in extra if t.is_alpha and t.lower_ not in self.determiners]
        return bool(words) and all(_cap(t) and t.i not in covered and t.lower_ not in self.titles for t in words)

    def _contextual(self, doc: Doc, deferred: Iterable[Span], kept: list[Span]) -> list[Span]:
        """Ambiguous aliases ("Congress", "RSF"): only with a context state in the article and no
        other state qualifying them."""
        from spacy.tokens import Span

        states: set[str] = set()
        by_token: dict[int, str] = {}
        for s in kept:
            actor = self.gaz.actors.get(s.id_)
            if actor is not None and actor.country:
                states.add(actor.country)
                for i in range(s.start, s.end):
                    by_token[i] = actor.country
        us = None
        out = []
        for m in deferred:
            reading, value = self._parts(m)
            want = self.gaz.context.get(fold(m.text), set())
            qualifier = {by_token[t.i] for t in doc[max(m.sent.start, m.start - 3):m.start] if t.i in by_token}
            if qualifier - want:
                continue  # "India's Congress"
            ok = bool(states & want)
            if not ok and "united-states" in want:
                us = self._us_context(doc) if us is None else us
                ok = us
            if ok:
                out.append(Span(doc, m.start, m.end, label=m.label_, kb_id=f"{reading}; ambiguous, kept by article context",
                                span_id=value))
        return out


def lower_words(gaz: Gazetteer) -> dict[str, frozenset[str]]:
    """Per actor id and per ``surname:<name>``: the words its names write in lower case."""
    out: dict[str, set[str]] = defaultdict(set)
    for actor in gaz.actors.values():
        for name in (actor.name, *actor.aliases):
            out[actor.id] |= {w for w in name.replace("-", " ").split() if w.islower()}
    for surname, ids in gaz.surnames.items():
        out["surname:" + surname] |= {w for w in surname.replace("-", " ").split()} - {surname.split()[-1]}
        for i in ids:
            out["surname:" + surname] |= out[i]
    return {k: frozenset(v) for k, v in out.items()}


def bare_surname(doc: Doc, ent: Span, surname: str, gaz: Gazetteer, day: dt.date,
                 seen: dict[str, Ref]) -> Ref | Span | None:
    """Who a bare surname ("Johnson") names, with the reason in the returned Ref's ``via``.

    In order: the person last named in full before it ("Mike Johnson ... Johnson"); the person
    named in full later in the article (a headline before the body): a gazetteer person as a Ref, an
    unknown one as the Span of the full name; else the one person with that surname in office on
    the article's date; else the one who left a top office within four years (news keeps using a
    former leader's surname). None when none or several fit: the caller makes a new actor.
    """
    from kg.resolve import Ref  # noqa: F811 - the runtime import of the type-checking name

    before = seen.get(surname)
    if before is not None:
        return before.found_as("surname: named in full before")
    last = surname.split()[-1]
    for later in doc.ents:
        if later.start > ent.start and later.label_ == "PERSON" and len(later) > len(ent) and fold(later[-1].text) == last:
            if later.ent_id_ and not later.ent_id_.startswith("surname:"):
                actor = gaz.actors[later.ent_id_]
                return Ref(actor.id, actor.name, actor.kind, actor.country, "surname: named in full later")
            if not later.ent_id_:
                return later
    candidates = gaz.surnames.get(surname, [])
    for test, why in ((gaz.major_on, "in office on the article's date"), (gaz.recently_major, "recently in office")):
        fits = [c for c in candidates if test(c, day)]
        if len(fits) == 1:
            actor = gaz.actors[fits[0]]
            return Ref(actor.id, actor.name, actor.kind, actor.country, f"surname: the only {actor.name.split()[-1]} {why}")
        if len(fits) > 1:
            return None
    return None
