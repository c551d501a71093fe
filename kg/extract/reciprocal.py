"""Relations each way ("X and Y met", "talks between X and Y", "accused each other") and judgements owned by a speaker."""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from kg.extract.arguments import (
    Reading,
    arg_refs,
    lemma_of,
    object_token,
    phrasal_key,
    pobj_of,
    subject_token,
)
from kg.lexicon import Lexicon, words
from kg.records import Relation
from kg.resolve import Ref, Resolution

_RECIPROCAL = words("reciprocal")

_EACH_OTHER = ({"each", "other"}, {"one", "another"})
_RECIPROCAL_REL = {"fight": Relation.ATTACKS, "agree": Relation.COOPERATES}

_BETWEEN = {"talks", "talk", "meeting", "summit", "call", "negotiation", "negotiations", "clash", "clashes", "war",
            "conflict", "fighting", "dialogue", "deal", "agreement", "tension", "tensions", "rift", "alliance",
            "partnership", "ties", "relations", "rivalry", "dispute", "standoff", "feud", "cooperation", "accord", "pact", "truce"}

def reciprocal_readings(tok: Token, lex: Lexicon, res: Resolution) -> Iterator[Reading]:
    """"X and Y met", "talks between X and Y": a relation each way between every pair."""
    pairs: list[Ref] = []
    rel = None
    obj = object_token(tok) if tok.pos_ == "VERB" else None
    if tok.pos_ == "VERB" and lemma_of(tok, lex) in lex.exchange_verbs and obj is not None \
            and (obj.lemma_.lower() in lex.exchange_objects or obj.lower_ in lex.exchange_objects):
        rel = lex.exchange_objects.get(obj.lower_) or lex.exchange_objects[obj.lemma_.lower()]
        pairs = [r for r in arg_refs(subject_token(tok, lex)[0], res) if not r.is_issue]
        with_prep = next((c for c in (*tok.children, *obj.children) if c.dep_ == "prep" and c.lower_ == "with"), None)
        if with_prep is not None:  # "X exchanged fire with Y": X and Y each way, but not Y with Z in "with Y and Z"
            partners = [r for r in arg_refs(pobj_of(with_prep), res) if not r.is_issue and r not in pairs]
            if rel is not None and pairs and partners:
                for a in pairs:
                    yield Reading(rel, [a], partners, 0.65, f"{tok.lemma_} {obj.lower_}")
                if lemma_of(tok, lex) not in words("one_way_exchange"):  # "shared intelligence with Y": Y need not share
                    for b in partners:
                        yield Reading(rel, [b], pairs, 0.65, f"{tok.lemma_} {obj.lower_}")
                return
        predicate = f"{tok.lemma_} {obj.lower_}"
    elif tok.pos_ == "VERB" and obj is not None and {obj.lower_, *(c.lower_ for c in obj.children)} in _EACH_OTHER:
        # "pledged to defend one another", "accused each other": the relation among the subjects
        key = phrasal_key(tok, lex)
        rel = lex.phrasal.get(key) if key else lex.verbs.get(lemma_of(tok, lex))
        pairs = [r for r in arg_refs(subject_token(tok, lex)[0], res) if not r.is_issue]
        predicate = f"{tok.lemma_} each other"
    elif tok.pos_ == "VERB" and obj is not None and lemma_of(tok, lex) in lex.conclude \
            and (obj.lemma_.lower() in lex.agreement_nouns or obj.lower_ in lex.agreement_nouns):
        # "Armenia and Azerbaijan signed a peace deal": the signatories cooperate with each other
        rel = Relation.COOPERATES
        pairs = [r for r in arg_refs(subject_token(tok, lex)[0], res) if not r.is_issue]
        predicate = f"{tok.lemma_} {obj.lemma_.lower()}"
    elif tok.pos_ == "VERB" and tok.lemma_ in _RECIPROCAL and (obj is None or obj.lemma_.lower() in words("fights")) \
            and not any(c.lower_ in words("side_by_side") for c in tok.children):  # "fought together", "fought alongside"
        rel = _RECIPROCAL_REL.get(tok.lemma_) or lex.verbs.get(tok.lemma_) or lex.phrasal.get((tok.lemma_, "with"))
        subj, _ = subject_token(tok, lex)
        pairs = [r for r in arg_refs(subj, res) if not r.is_issue]
        predicate = tok.lemma_
    elif tok.pos_ == "VERB" and obj is not None and lemma_of(tok, lex) in words("pit_verbs") \
            and getattr(subject_token(tok, lex)[0], "lemma_", "").lower() in words("disputes"):
        # "the quarrel has pitted China against the Philippines": each against the other
        against = next((c for c in (*tok.children, *obj.children) if c.dep_ == "prep" and c.lower_ == "against"), None)
        if against is not None:
            pairs = [r for t in (obj, pobj_of(against)) for r in arg_refs(t, res) if not r.is_issue]
            rel, predicate = Relation.OPPOSES, f"{tok.lemma_} against"
    elif tok.pos_ == "NOUN" and tok.lower_ in _BETWEEN and not (tok.dep_ == "pobj" and tok.head.lower_ in ("about", "for", "of", "on", "over", "to")):
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ == "between":
                pairs = [r for r in arg_refs(pobj_of(child), res) if not r.is_issue]
        if not pairs and tok.dep_ in ("dobj", "obj") and tok.head.lemma_ in lex.light and not any(
                c.dep_ == "prep" and c.lower_ == "with" for c in tok.children):
            pairs = [r for r in arg_refs(subject_token(tok.head, lex)[0], res) if not r.is_issue]
        rel = lex.nouns.get((tok.lower_, "with")) or lex.nouns.get((tok.lemma_, "with")) or lex.noun_heads.get(tok.lemma_)
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_.lower() in words("worsen"):
            rel = Relation.OPPOSES  # "ties between A and B have soured"
        elif tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_.lower() in words("improve") and rel is None:
            rel = Relation.COOPERATES  # "relations between A and B have thawed"
        predicate = f"{tok.lower_} between"
    if rel is None or len(pairs) < 2:
        return
    for a in pairs:
        yield Reading(rel, [a], [b for b in pairs if b != a], 0.65, predicate)


def copular_judgement(tok: Token, lex: Lexicon, res: Resolution) -> Iterator[Reading]:
    """"Y is an aggressor", "Y is the peace president": a judgement of Y, to be owned by whoever says it.

    Yields the judgement with no subject; the caller gives it to the quotation's speaker or the
    reporter, and drops it when there is none (the author's own opinion is not a claim).
    """
    if tok.lemma_ != "be":
        return
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    targets = [r for r in arg_refs(subj, res) if not r.is_issue]
    if not targets:
        return
    said = [c for c in tok.children if c.dep_ in ("attr", "acomp")]
    if any((c.lemma_.lower(), p.lower_) in lex.adjectives for c in said for p in c.children if p.dep_ == "prep"):
        return  # "X is hostile to Y": X's stance towards Y (an adjective's relation), not a judgement of X
    words = {w for c in said for t in c.subtree for w in (t.lower_, t.lemma_.lower())}
    if words & lex.evaluation_negative:
        yield Reading(Relation.CRITICIZES, [], targets, 0.5, "is (judgement)")
    elif words & (lex.evaluation_positive | {"peace"}):
        yield Reading(Relation.PRAISES, [], targets, 0.5, "is (judgement)")

