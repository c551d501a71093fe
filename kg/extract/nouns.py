"""Relational nouns and adjectives: "X's support for Y", "pressure from X", "X, a close ally of Y", "critical of Y"."""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from kg.extract.arguments import (
    ArticleContext,
    Reading,
    agent_refs,
    arg_refs,
    hyphen_agents,
    is_revoking,
    lemma_of,
    light_subject,
    pobj_of,
    subject_token,
)
from kg.extract.targets import STANCE, beneficiaries, inner_target, open_issue
from kg.lexicon import Lexicon, words
from kg.records import Relation
from kg.resolve import Ref, Resolution


def proposer_readings(noun: Token, res: Resolution) -> Iterator[Reading]:
    """"The EU's proposal for a ceasefire", "a European Union plan": whose proposal it is backs it."""
    issue = res.at(noun)
    if issue is None or not issue.is_issue or issue.issue_type != "proposal":
        return
    if any(c.dep_ == "prep" and c.lower_ in ("for", "on", "to") for c in noun.children):
        return  # "Europe's plan for security guarantees": the plan's aim carries the stance (see nominal_readings)
    if noun.dep_ == "pobj" and noun.head.lower_ in ("at", "on", "upon", "by"):
        return  # "on its own initiative": a manner, not a proposal
    owners = [r for c in noun.children if c.dep_ in ("poss", "compound", "amod", "nmod") and c.i < noun.i
              for r in [res.at(c)] if r is not None and not r.is_issue]
    if owners:
        yield Reading(Relation.SUPPORTS, owners[:1], [issue], 0.55, f"{noun.lemma_.lower()} (owner)")


def nominal_readings(noun: Token, lex: Lexicon, res: Resolution, context: ArticleContext | None = None) -> Iterator[Reading]:
    lemma = noun.lemma_.lower()
    low = noun.lower_
    if lemma not in lex.noun_heads and low not in lex.noun_heads:
        return
    rel = None
    objects: list[Ref] = []
    preps = [c for c in noun.children if c.dep_ == "prep"]
    done_by = [c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"]  # "sanctions imposed by X on Y"
    preps += [c for acl in done_by for c in acl.children if c.dep_ == "prep"]
    if noun.dep_ in ("dobj", "obj") and lemma_of(noun.head, lex) in lex.light:
        preps += [c for c in noun.head.children if c.dep_ == "dative" and c.pos_ in ("PROPN", "NOUN", "PRON")]  # "gave Oli the cold shoulder"
    if noun.dep_ in ("dobj", "obj") and (lemma_of(noun.head, lex) in lex.light or lemma_of(noun.head, lex) in words("cut_verbs")
                                         or is_revoking(noun.head, lex)):  # "cut gas supplies to Y"
        preps += [c for c in noun.head.children if c.dep_ in ("prep", "dative") and c.i > noun.i]  # "staged drills around Taiwan"
    pobj: Token | None = None
    prep_word = ""
    for child in preps:
        if child.dep_ in ("prep", "dative"):
            word = "to" if child.dep_ == "dative" and child.pos_ != "ADP" else child.lower_  # "gave Y the cold shoulder" = "to Y"
            rel = lex.nouns.get((low, word)) or lex.nouns.get((lemma, word))
            if rel is not None:
                pobj = child if word != child.lower_ else next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
                prep_word = word
                objects = arg_refs(pobj, res)
                if objects:
                    break
    if prep_word in ("on", "upon") and noun.dep_ in ("dobj", "obj") and lemma_of(noun.head, lex) in words("blame_on") \
            and not any(r.via == "seat" for r in objects):
        return  # "blamed the attack on Y": Y is the culprit, not the target (but "the attack on Kyiv" struck Kyiv)
    top = noun
    while top.dep_ == "pobj" and top.head.lower_ == "of" and top.head.head.dep_ in ("dobj", "obj"):
        top = top.head.head  # "suspended some of its sanctions": the verb governs the partitive
    governor = top.head if top.dep_ in ("dobj", "obj") else None
    if rel is Relation.SANCTIONS and governor is not None and lemma_of(governor, lex) in lex.relieve:
        return  # "suspended its sanctions on Y": the relief, read at the verb
    if rel is not None and rel is not Relation.SANCTIONS and rel.polarity < 0 and governor is not None \
            and is_revoking(governor, lex, words("cancel_verbs")):
        return  # "called off its offensive against Y": no attack (but "suspended its operations against Y" were real)
    if rel is not None and rel.polarity > 0 and governor is not None:
        verb = lemma_of(governor, lex)
        if is_revoking(governor, lex) and res.is_issue_at(noun) and rel is not Relation.AIDS:
            return  # "scrapped its defence pact with Y": a stance against the pact, read at the verb
        taken_back = is_revoking(governor, lex) or verb in words("cut_verbs")
        if taken_back and rel in (Relation.COOPERATES, Relation.AIDS, Relation.SUPPORTS) and prep_word in ("to", "for", "with"):
            rel = Relation.SANCTIONS  # "cut gas supplies to Y", "suspended its partnership with Y", "downgraded ties with Y"
        elif taken_back:
            return  # "suspended talks with Y", "withdrew troops in Iraq", "cut its reliance on Y": no tie read at the noun
        elif verb in lex.conclude and (lemma in lex.agreement_nouns or low in lex.agreement_nouns):
            rel = Relation.COOPERATES  # "signed a deal with Y": agreed, not still negotiating
    if rel in STANCE and not objects and pobj is not None:
        objects = open_issue(pobj, lex, res)  # "thrown its weight behind the process"
    if rel is None or not objects:
        yield from _from_agent(noun, lex, res)
        yield from _received(noun, lex, res)
        if context is not None and lex.noun_heads.get(lemma) is Relation.ATTACKS:
            # "the Russian summer offensive": an attacker without a named target
            context.agents.update(
                (r.id, r) for c in noun.children if c.dep_ in ("amod", "poss", "compound") and c.i < noun.i
                for r in [res.at(c)] if r is not None and not r.is_issue)
        yield from _relational_person(noun, lemma, lex, res)
        return
    if rel in STANCE:  # "roadblocks to Trump's rush for peace": opposing the push is opposing peace
        inner = inner_target(pobj, lex, res) if pobj is not None else []
        objects = inner or objects
    if rel.polarity > 0 or rel in STANCE:  # "plan for security guarantees for Ukraine"
        objects = objects + beneficiaries(objects, pobj, res)
    subjects: list[Ref] = []
    conf = 0.7
    for child in noun.children:
        if child.dep_ in ("poss", "amod", "compound", "nmod") and child.i < noun.i:
            for t in child.subtree:  # "Russian drone and missile strikes", "American and British strikes"
                if t.i in res.groups and t.dep_ == "poss":  # "their military assistance"
                    subjects.extend(r for r in res.groups[t.i] if r not in objects)
                    continue
                ref = res.at(t)
                if ref is not None and not ref.is_issue and ref not in objects and t.dep_ in ("poss", "amod", "compound", "nmod", "conj") \
                        and not t.text.endswith(("-", "–")):  # "Qatari- and Turkish-mediated talks": the mediator
                    subjects.append(ref)
        elif child.dep_ == "prep" and child.lower_ == "by":
            subjects.extend(r for r in arg_refs(pobj_of(child), res) if not r.is_issue)
        elif child in done_by:
            subjects.extend(r for a in child.children if a.dep_ == "agent" for r in arg_refs(pobj_of(a), res) if not r.is_issue)
        if child.dep_ in ("amod", "compound", "nmod") and child.i < noun.i and lemma_of(child, lex) not in lex.verbs:
            subjects.extend(hyphen_agents(child, res))  # "Washington-imposed tariffs on Y"
    subjects = list(dict.fromkeys(subjects))
    if not subjects and noun.dep_ == "appos" and res.at(noun.head) is not None:
        subjects = [r for r in [res.at(noun.head)] if r is not None and not r.is_issue]  # "Nicaragua, a close ally of Moscow,"
    if not subjects:
        subj_tok = light_subject(noun, lex)
        subjects = agent_refs(subj_tok, res, lex) if subj_tok is not None else []
        conf = 0.6
    if subjects:
        yield Reading(rel, subjects, objects, conf, f"{lemma} {prep_word}")

def _from_agent(noun: Token, lex: Lexicon, res: Resolution) -> Iterator[Reading]:
    """"despite pressure from Washington", "drawing a sharp protest from Beijing": the one the act
    comes from does it to the subject of the clause."""
    rel = lex.noun_heads.get(noun.lemma_.lower()) or lex.noun_heads.get(noun.lower_)
    prep = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "from"), None)
    if rel is None or prep is None or rel in (Relation.AIDS, Relation.COOPERATES, Relation.MEETS):
        return
    agents = [r for r in arg_refs(pobj_of(prep), res) if not r.is_issue]
    clause = noun.head
    if noun.dep_ == "pobj" and clause.dep_ == "prep" and clause.lower_ in ("despite", "under", "amid", "with"):
        clause = clause.head  # "despite pressure from X", "came under pressure from X"
    elif not (noun.dep_ in ("dobj", "obj") and lemma_of(clause, lex) in words("undergo")):
        return
    if clause.pos_ not in ("VERB", "AUX") or clause.dep_ == "prep":
        return
    if clause.pos_ not in ("VERB", "AUX"):
        return
    targets = [r for r in agent_refs(subject_token(clause, lex)[0], res, lex) if not r.is_issue]
    if agents and targets:
        yield Reading(rel, agents, targets, 0.55, f"{noun.lemma_.lower()} from")

def at_request_readings(noun: Token, lex: Lexicon, res: Resolution) -> Iterator[Reading]:
    """"Israel extended the ceasefire at Washington's request", "at the invitation of Qatar": the one
    asking requests it of whoever acted."""
    prep = noun.head
    if noun.lemma_.lower() not in words("request_nouns") or noun.dep_ != "pobj" or prep.lower_ not in ("at", "upon", "on"):
        return
    verb = prep.head
    if verb.pos_ not in ("VERB", "AUX"):
        return
    askers = [r for c in noun.children if c.dep_ == "poss" for r in [res.at(c)] if r is not None and not r.is_issue]
    askers += [r for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for r in arg_refs(pobj_of(c), res) if not r.is_issue]
    doers = [r for r in agent_refs(subject_token(verb, lex)[0], res, lex) if not r.is_issue]
    if askers and doers:
        yield Reading(Relation.REQUESTS, askers, doers, 0.55, f"at the {noun.lemma_.lower()} of")


def _received(noun: Token, lex: Lexicon, res: Resolution) -> Iterator[Reading]:
    """"Lukashenko has relied on the Kremlin's backing", "took the town with Turkish support": help
    whose giver is named goes to the subject of the clause that receives it."""
    rel = lex.noun_heads.get(noun.lemma_.lower()) or lex.noun_heads.get(noun.lower_)
    prep = noun.head
    if rel not in (Relation.SUPPORTS, Relation.AIDS) or noun.dep_ != "pobj" or prep.lower_ not in ("on", "with", "upon"):
        return
    verb = prep.head
    if verb.pos_ not in ("VERB", "AUX") or (prep.lower_ in ("on", "upon") and verb.lemma_ not in words("reliance")):
        return
    givers = [r for c in noun.children if c.dep_ in ("poss", "amod", "compound") and c.i < noun.i
              for r in [res.at(c)] if r is not None and not r.is_issue]
    givers += [r for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for r in arg_refs(pobj_of(c), res) if not r.is_issue]
    takers = [r for r in agent_refs(subject_token(verb, lex)[0], res, lex) if not r.is_issue]
    if givers and takers:
        yield Reading(rel, givers, takers, 0.55, f"{noun.lemma_.lower()} (received)")


def _relational_person(noun: Token, lemma: str, lex: Lexicon, res: Resolution) -> Iterator[Reading]:
    """"X's ally Y", "US ally Modi", "its American support": the relation between two modifiers."""
    rel = lex.noun_heads.get(lemma) or lex.noun_heads.get(noun.lower_)
    if rel is None:
        return
    owner = res.refs_of(c for c in noun.children if c.dep_ in ("poss", "compound", "nmod") and c.i < noun.i)
    appos = [r for r in arg_refs(next((c for c in noun.children if c.dep_ == "appos"), None), res) if not r.is_issue]
    if owner and appos and not owner[0].is_issue:
        yield Reading(rel, appos, [owner[0]], 0.6, f"{lemma} (apposition)")
        return
    host = noun.head
    while host.dep_ == "conj" and host.head.i != host.i:  # "Egypt and the UAE, Haftar's backers,": both
        host = host.head
    hosts = [r for r in arg_refs(host, res) if not r.is_issue and r not in owner] if noun.dep_ == "appos" else []
    if owner and hosts and not owner[0].is_issue:
        yield Reading(rel, hosts, [owner[0]], 0.6, f"{lemma} (apposition)")
        return
    poss = res.refs_of(c for c in noun.children if c.dep_ == "poss")
    amod = res.refs_of(c for c in noun.children if c.dep_ in ("amod", "compound") and c.i < noun.i)
    if poss and amod and poss[0] != amod[0] and not poss[0].is_issue and not amod[0].is_issue:
        yield Reading(rel, [amod[0]], [poss[0]], 0.55, f"{lemma} (modifiers)")

def adjectival_readings(adj: Token, lex: Lexicon, res: Resolution) -> Iterator[Reading]:
    if adj.dep_ not in ("acomp", "oprd", "attr", "amod", "appos"):
        return
    for child in adj.children:
        rel = lex.adjectives.get((adj.lemma_.lower(), child.lower_)) if child.dep_ == "prep" else None
        if rel is None:
            continue
        pobj = pobj_of(child)
        objects = arg_refs(pobj, res)
        subj_tok = adj.head if adj.dep_ in ("amod", "appos") else subject_token(adj.head, lex)[0]
        subjects = arg_refs(subj_tok, res)
        yield Reading(rel, subjects, objects, 0.7, f"{adj.lemma_.lower()} {child.lower_}")

