"""What a relation word is about: its target, an instrument's target, a summit's host, who an issue is for."""
from __future__ import annotations

from spacy.tokens import Token

from kg.extract.arguments import (
    arg_refs,
    pobj_of,
)
from kg.lexicon import Lexicon, words
from kg.records import Relation
from kg.resolve import Ref, Resolution, issue_ref

STANCE = {Relation.SUPPORTS, Relation.OPPOSES}

INSTRUMENT_PREPS = words("instrument_preps")

def targets_of(pred: Token, rel_key: tuple[str, ...] | None, res: Resolution) -> list[Ref]:
    if rel_key and len(rel_key) > 1:
        prep_word = rel_key[-1]
        for child in pred.children:
            if child.dep_ in ("prep", "prt", "agent") and child.lower_ == prep_word:
                pobj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
                if pobj is not None:
                    return arg_refs(pobj, res)
                if child.dep_ == "prt":
                    break
        for clause in pred.children:  # "pay for Ukraine to buy weapons": for + subject of the infinitive
            if clause.dep_ in ("advcl", "ccomp", "xcomp") and any(m.dep_ == "mark" and m.lower_ == prep_word for m in clause.children):
                subj = next((c for c in clause.children if c.dep_ == "nsubj"), None)
                if subj is not None:
                    return arg_refs(subj, res)
        obj = next((c for c in pred.children if c.dep_ in ("dobj", "obj", "dative")), None)
        return arg_refs(obj, res) if obj is not None else []
    for child in pred.children:
        if child.dep_ in ("dobj", "obj", "dative", "attr", "oprd"):
            refs = arg_refs(child, res)
            if refs:
                return refs
    return []

def issue_in(tok: Token, res: Resolution) -> list[Ref]:
    """Issues inside a clause ("wants to end the war", "wants to make a deal")."""
    for t in tok.subtree:
        ref = res.at(t)
        if ref is not None and ref.is_issue:
            return [ref]
    return []

def inner_target(tok: Token, lex: Lexicon, res: Resolution) -> list[Ref]:
    """What a stance on a relational noun is about: "roadblocks to Trump's rush for peace" is about
    peace; "help for Ukrainian strikes on Russia" backs the striker, Ukraine."""
    for child in tok.children:
        rel = lex.nouns.get((tok.lemma_.lower(), child.lower_)) or lex.nouns.get((tok.lower_, child.lower_))
        if child.dep_ == "prep" and rel is not None:
            if rel in (Relation.MEETS, Relation.NEGOTIATES) and res.is_issue_at(tok):
                return []  # "backed Colombia's peace talks with the ELN": the talks, not the ELN
            if rel.polarity < 0:
                return [r for c in tok.children if c.dep_ in ("amod", "poss", "compound") and c.i < tok.i
                        for r in [res.at(c)] if r is not None and not r.is_issue]
            pobj = pobj_of(child)
            refs = arg_refs(pobj, res)
            if refs:
                return refs
    return []

def instrument_target(refs: list[Ref], tok: Token | None, res: Resolution) -> list[Ref]:
    """For a conflict act done with an instrument, its target ("threatened sanctions on Russia" -> Russia)."""
    if tok is None or not refs or not all(r.is_issue for r in refs):
        return refs
    for t in tok.subtree:
        if t.dep_ == "prep" and t.lower_ in INSTRUMENT_PREPS and res.is_issue_at(t.head):
            pobj = pobj_of(t)
            actors = [r for r in arg_refs(pobj, res) if not r.is_issue]
            if actors:
                return actors
    return refs

def event_host(refs: list[Ref], tok: Token | None, res: Resolution) -> list[Ref]:
    """For meeting relations, the body holding a summit ("attended the BRICS summit" -> BRICS)."""
    if tok is None or not refs or not all(r.is_issue for r in refs):
        return refs
    for t in tok.subtree:
        ref = res.at(t)
        if ref is not None and not ref.is_issue and t.dep_ in ("compound", "poss", "nmod") and res.is_issue_at(t.head):
            return [ref]
    return refs

def beneficiaries(refs: list[Ref], tok: Token | None, res: Resolution) -> list[Ref]:
    """Who an issue is for ("security guarantees for Ukraine", "aid to Sudan")."""
    if tok is None or not refs or not all(r.is_issue for r in refs):
        return []
    out: list[Ref] = []
    for t in tok.subtree:
        if t.dep_ == "prep" and t.lower_ in ("for", "to") and res.is_issue_at(t.head):
            pobj = pobj_of(t)
            out.extend(r for r in arg_refs(pobj, res) if not r.is_issue and r not in refs)
    return out


DIPLOMATS = words("diplomats")

JUDGEMENT = {Relation.SUPPORTS, Relation.OPPOSES, Relation.CRITICIZES, Relation.PRAISES}

EVENTS = {"attack", "attacks", "strike", "strikes", "airstrike", "airstrikes", "invasion", "bombing", "bombings",
           "bombardment", "shelling", "assault", "offensive", "raid", "raids", "incursion", "killing", "killings",
           "massacre", "occupation", "annexation", "siege", "blockade", "crackdown", "aggression", "onslaught"}


def open_issue(noun: Token, lex: Lexicon, res: Resolution) -> list[Ref]:
    """A measure or plan the issue lexicon does not list, named by the text's own words
    ("the dinar ban", "a buffer zone", "the terrorist designation")."""
    lemma, low = noun.lemma_.lower(), noun.lower_
    if noun.pos_ != "NOUN" or not (low in lex.measures or lemma in lex.measures) or lex.noun_heads.get(lemma) in STANCE:
        return []
    words = [noun.lower_]
    for left in reversed([c for c in noun.children if c.i < noun.i and c.dep_ == "compound" and res.at(c) is None]):
        words.insert(0, left.lower_)
    label = " ".join(words)
    return [issue_ref(label, lex.issue_kind(label, "measure"))]

