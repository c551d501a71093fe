"""A surface fallback for verbs the parser mis-attached.

The small English model sometimes reads "ECOWAS imposed sanctions on Mali" with "imposed" as an
adjective of "sanctions" and no clause at all. When a finite verb of the lexicon hangs in the
parse as a modifier and an actor stands right before it, the relation is read off the surface:
the actor before, the first actor (or issue) after, within the same clause.
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from kg.extract.arguments import _lemma
from kg.lexicon import Lexicon
from kg.records import Relation
from kg.resolve import Ref, Resolution

__all__ = ["surface_relations"]

_MISATTACHED = {"amod", "compound", "nmod", "dep", "appos", "npadvmod"}
_BOUNDARY = {",", ";", ":", ".", "that", "which", "who", "whom", "while", "but", "because", "after", "before", "when", "if"}
_WINDOW = 10


def _previous_actor(tok: Token, res: Resolution) -> Ref | None:
    i = tok.i - 1
    while i >= tok.sent.start and tok.doc[i].pos_ in ("ADV", "AUX", "PART"):
        i -= 1
    ref = res.at(tok.doc[i]) if i >= tok.sent.start else None
    return ref if ref is not None and not ref.is_issue else None


def surface_relations(tok: Token, lex: Lexicon, res: Resolution) -> Iterator[tuple[Relation, list[Ref], list[Ref], float, str]]:
    """(relation, subjects, objects, confidence, predicate) for a mis-attached lexicon verb."""
    if tok.pos_ != "VERB" or tok.dep_ not in _MISATTACHED or tok.tag_ not in ("VBD", "VBZ", "VBP", "VBN"):
        return
    subject = _previous_actor(tok, res)
    if subject is None:
        return
    lemma = _lemma(tok, lex)
    end = min(tok.sent.end, tok.i + 1 + _WINDOW)
    words = list(tok.doc[tok.i + 1:end])
    rel, predicate = lex.verbs.get(lemma), lemma
    for t in words:
        if t.lower_ in _BOUNDARY:
            break
        if (lemma, t.lower_) in lex.phrasal:
            rel, predicate = lex.phrasal[(lemma, t.lower_)], f"{lemma} {t.lower_}"
            break
    if rel is None:
        return
    objects: list[Ref] = []
    for t in words:
        if t.lower_ in _BOUNDARY:
            break
        ref = res.at(t)
        if ref is None or ref.id == subject.id:
            continue
        if ref.is_issue and rel.polarity < 0 and rel is not Relation.OPPOSES:
            continue  # the instrument ("sanctions on X"): read on to the target
        objects = [ref]
        break
    if objects:
        yield rel, [subject], objects, 0.45, f"{predicate} (surface)"
