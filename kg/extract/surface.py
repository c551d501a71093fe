"""A surface fallback for verbs the parser mis-attached.

The small English model sometimes reads "ECOWAS imposed sanctions on Mali" with "imposed" as an
adjective of "sanctions" and no clause at all. When a finite verb of the lexicon hangs in the
parse as a modifier and an actor stands right before it, the relation is read off the surface:
the actor before, the first actor (or issue) after, within the same clause.
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from kg.extract.arguments import Reading, lemma_of
from kg.lexicon import Lexicon, words
from kg.records import Relation
from kg.resolve import Ref, Resolution

__all__ = ["surface_relations", "headline", "headline_relations"]

_MISATTACHED = {"amod", "compound", "nmod", "dep", "appos", "npadvmod"}
_BOUNDARY = {",", ";", ":", ".", "that", "which", "who", "whom", "while", "but", "because", "after", "before", "when", "if"}
_WINDOW = 10


def previous_actor(tok: Token, res: Resolution) -> Ref | None:
    i = tok.i - 1
    while i >= tok.sent.start and tok.doc[i].pos_ in ("ADV", "AUX", "PART"):
        i -= 1
    ref = res.at(tok.doc[i]) if i >= tok.sent.start else None
    return ref if ref is not None and not ref.is_issue else None


def read_on(tok: Token, lemma: str, subjects: list[Ref], lex: Lexicon, res: Resolution,
             stops: set[str]) -> tuple[Relation, str, list[Ref]] | None:
    """Read a verb's relation and object off the surface after it: a particle or preposition of the
    lexicon makes it phrasal; the object is the first actor (or issue) before a clause boundary,
    reading past a conflict act's instrument ("sanctions on X") to its target."""
    after = list(tok.doc[tok.i + 1:min(tok.sent.end, tok.i + 1 + _WINDOW)])
    rel, predicate = lex.verbs.get(lemma), lemma
    for t in after:
        if t.lower_ in stops:
            break
        if (lemma, t.lower_) in lex.phrasal:
            rel, predicate = lex.phrasal[(lemma, t.lower_)], f"{lemma} {t.lower_}"
            break
    if rel is None:
        return None
    for t in after:
        if t.lower_ in stops:
            break
        ref = res.at(t)
        if ref is None or ref in subjects or any(ref.id == s.id for s in subjects):
            continue
        if ref.is_issue and rel.polarity < 0 and rel is not Relation.OPPOSES:
            continue
        return rel, predicate, [ref]
    return None


def surface_relations(tok: Token, lex: Lexicon, res: Resolution) -> Iterator[Reading]:
    """(relation, subjects, objects, confidence, predicate) for a mis-attached lexicon verb."""
    if tok.pos_ != "VERB" or tok.dep_ not in _MISATTACHED or tok.tag_ not in ("VBD", "VBZ", "VBP", "VBN"):
        return
    before = tok.doc[tok.i - 1] if tok.i > tok.sent.start else None
    if tok.tag_ == "VBN" and tok.dep_ == "amod" and before is not None and before.tag_ in ("PRP$", "DT", "POS"):
        return  # "its disputed victory", "the contested vote": an adjective, not a verb
    subject = previous_actor(tok, res)
    if subject is None:
        return
    found = read_on(tok, lemma_of(tok, lex), [subject], lex, res, _BOUNDARY)
    if found is None:
        return
    rel, predicate, objects = found
    yield Reading(rel, [subject], objects, 0.45, f"{predicate} (surface)")


_HEADLINE_END = (".", "?", "!", '"', "”", "'")
_LIST = words("list_joiners")


def headline(sent: Span) -> bool:
    """The article's headline: its first line, standing alone and without a closing full stop."""
    doc = sent.doc
    if sent.start != 0 or len(sent) < 3 or sent.text.rstrip().endswith(_HEADLINE_END):
        return False
    last = doc[sent.end - 1]
    return sent.end == len(doc) or "\n" in last.text or "\n" in last.whitespace_ or "\n" in doc[sent.end].text


def _actors_before(tok: Token, res: Resolution) -> list[Ref]:
    """The actors listed right before a headline verb ("Seoul, Tokyo slam ...", "US and Britain pound ...")."""
    out: list[Ref] = []
    i = tok.i - 1
    start = tok.sent.start
    while i >= start:
        ref = res.at(tok.doc[i])
        if ref is not None and not ref.is_issue:
            out.append(ref)
            i = res.spans.get(i, (i, i + 1))[0] - 1
            if i >= start and tok.doc[i].lower_ in _LIST:
                i -= 1
                continue
        break
    return list(dict.fromkeys(reversed(out)))


def headline_relations(sent: Span, lex: Lexicon, res: Resolution) -> Iterator[tuple[Token, Relation, list[Ref], list[Ref], str]]:
    """Relations of headline syntax, which the parser reads poorly: "Seoul, Tokyo slam Pyongyang
    missile launch" (a verb tagged as a noun, commas for "and", no articles). The actors listed
    right before a lexicon verb do it to the first actor (or issue) after it."""
    for tok in sent:
        if tok.pos_ not in ("NOUN", "VERB", "PROPN") or tok.lower_.endswith(("ed", "ing")) or res.at(tok) is not None:
            continue
        lemma = tok.lemma_.lower() if tok.lemma_.lower() in lex.known else tok.lower_.removesuffix("s") \
            if tok.lower_.removesuffix("s") in lex.known else tok.lower_.removesuffix("es")  # "slams" tagged as a noun
        subjects = _actors_before(tok, res)
        found = read_on(tok, lemma, subjects, lex, res, _BOUNDARY | {"as"}) if subjects else None
        if found is None:
            continue
        rel, predicate, objects = found
        yield tok, rel, subjects, objects, f"{predicate} (headline)"
        if lemma in lex.conclude and objects[0].is_issue and len(subjects) > 1:  # "Kenya, Ethiopia ink pact"
            for s in subjects:
                yield tok, Relation.COOPERATES, [s], [o for o in subjects if o != s], f"{predicate} (headline, each way)"
