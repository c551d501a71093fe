"""Verbs in context: active, passive and reduced clauses, hyphen-fused agents, light verbs, relief of penalties."""
from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from spacy.tokens import Token

from kg.extract.arguments import (
    ArticleContext,
    Reading,
    agent_refs,
    arg_refs,
    hyphen_agents,
    is_passive,
    is_revoking,
    lemma_of,
    object_token,
    phrasal_key,
    pobj_of,
    subject_token,
)
from kg.extract.modality import is_negated
from kg.extract.targets import (
    DIPLOMATS,
    EVENTS,
    INSTRUMENT_PREPS,
    JUDGEMENT,
    STANCE,
    beneficiaries,
    event_host,
    inner_target,
    instrument_target,
    issue_in,
    open_issue,
    targets_of,
)
from kg.lexicon import Lexicon, words
from kg.records import Relation
from kg.resolve import Ref, Resolution, issue_ref


def evaluation_readings(pred: Token, lex: Lexicon, res: Resolution, context: ArticleContext | None = None) -> Iterator[Reading]:
    """"X views Y as illegitimate", "X called Y a terrorist state": a judgement of Y."""
    if pred.lemma_ not in lex.evaluate:
        return
    obj = next((c for c in pred.children if c.dep_ in ("dobj", "obj")), None)
    if obj is None:
        return
    words: list[str] = []
    for c in pred.children:
        if c.dep_ in ("oprd", "xcomp", "ccomp") or (c.dep_ == "prep" and c.lower_ in ("as", "among")):
            words += [t.lower_ for t in c.subtree] + [t.lemma_.lower() for t in c.subtree]
    words += [t.lower_ for t in obj.subtree if t.i > obj.i]
    if any(w in lex.evaluation_negative for w in words):
        rel = Relation.CRITICIZES
    elif any(w in lex.evaluation_positive for w in words):
        rel = Relation.SUPPORTS
    else:
        return
    subj, inherited = subject_token(pred, lex)
    judged = [r for r in arg_refs(obj, res) if not r.is_issue]
    if not judged and context is not None:  # "called the strikes a reckless gamble": whoever struck
        judged = _event_agent(obj, lex, res, context)
    yield Reading(rel, arg_refs(subj, res), judged, 0.6, f"{pred.lemma_} as")


def _event_agent(tok: Token, lex: Lexicon, res: Resolution, context: ArticleContext) -> list[Ref]:
    """Who did an event that is judged: "condemned Russia's invasion" -> Russia; "condemned the
    attack" -> whoever the article last said attacked."""
    issue = res.at(tok)
    penalty = issue is not None and issue.is_issue and issue.issue_type in words("penalties")
    doers = [r for c in tok.children if c.dep_ == "prep" and c.lower_ == "by" for r in arg_refs(pobj_of(c), res) if not r.is_issue]
    if doers and not (issue is not None and issue.is_issue):
        return doers  # "blames a blackmail campaign by Brussels": whoever ran it
    if tok.lemma_.lower() not in EVENTS and tok.lower_ not in EVENTS and not penalty:
        return []
    agents = [r for c in tok.children if c.dep_ in ("poss", "amod", "compound") and c.i < tok.i
              for r in [res.at(c)] if r is not None and not r.is_issue]
    agents += [r for c in tok.children if c.dep_ == "acl" for a in c.children if a.dep_ == "agent"
               for r in arg_refs(pobj_of(a), res) if not r.is_issue]  # "the sanctions imposed by China"
    if agents or penalty:
        return agents  # a penalty's imposer is named with it, never guessed from the article
    targets = {r.id for c in tok.children if c.dep_ == "prep" and c.lower_ in ("on", "against")
               for r in arg_refs(pobj_of(c), res) if not r.is_issue}
    if targets:  # "the strikes on Houthi targets": whoever the article said struck the Houthis, if one
        attackers = {a.id: a for a, t in context.attacks if t.id in targets}
        return list(attackers.values()) if len(attackers) == 1 else []
    if any(c.dep_ == "det" and c.lower_ in ("the", "this", "these", "that", "those") for c in tok.children) \
            and not any(c.dep_ == "prep" for c in tok.children) and context.attacker is not None:
        return [context.attacker]
    return []

def _blamed_on(pred: Token, obj_tok: Token | None, res: Resolution) -> list[Ref]:
    """Who an event is laid on: "blamed the ambush on Y" (the "on" hangs on the verb or the noun)."""
    holders = [pred, *([obj_tok] if obj_tok is not None else [])]
    for prep in (c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in ("on", "upon")):
        # "blamed the attack on Kyiv": a capital after the event noun is where it struck, not who did it
        refs = [r for r in arg_refs(pobj_of(prep), res) if not r.is_issue and not (prep.head is not pred and r.via == "seat")]
        if refs:
            return refs
    return []


def _cut_tie(noun: Token, verb: Token, lex: Lexicon, res: Resolution) -> Relation | None:
    """The tie a revoking verb cuts, read at the noun: help ("suspended its aid to Y") or a
    partnership that is not an agreement of its own ("froze its partnership with Y"; a scrapped
    pact is a stance against the pact)."""
    for prep in (*noun.children, *verb.children):
        rel = lex.nouns.get((noun.lemma_.lower(), prep.lower_)) if prep.dep_ == "prep" else None
        if rel is Relation.AIDS or (rel in (Relation.COOPERATES, Relation.SUPPORTS) and not res.is_issue_at(noun)):
            return rel
    return None


def _culprit(pred: Token, lex: Lexicon, res: Resolution) -> list[Ref]:
    """Who the clause lays an unnamed attack on: "an officer was killed in an ambush that police
    blamed on Y"."""
    for tok in pred.subtree:
        if tok.dep_ == "relcl" and lemma_of(tok, lex) in words("blame_on"):
            found = _blamed_on(tok, None, res)
            if found:
                return found
    return []


def _permission(pred: Token, lex: Lexicon, res: Resolution) -> Iterator[Reading]:
    """"Vilnius allowed Taiwan to open an office" backs Taiwan; "we will not let Minsk use people as a
    weapon" (negated, so read against it) opposes Minsk."""
    if lemma_of(pred, lex) not in words("permit_verbs"):
        return
    clause = next((c for c in pred.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB"), None)
    if clause is None:
        return
    obj = next((c for c in pred.children if c.dep_ in ("dobj", "obj")), None) \
        or next((c for c in clause.children if c.dep_ == "nsubj"), None)  # "allow Hezbollah to deploy" (parsed as a clause)
    if obj is None or clause.lemma_.lower() in words("fates"):
        return  # "will not allow Tripoli to become a battlefield": a fate kept from it, no stance on it
    allowed = [r for r in arg_refs(obj, res) if not r.is_issue]
    giver = subject_token(pred, lex)[0]
    if giver is None or res.at(giver) is None:
        return  # "Biden's hesitation allowed Russia to seize territory": no one let Russia do it
    givers = [r for r in arg_refs(giver, res) if not r.is_issue]
    inside = {t.i for t in obj.subtree}
    others = [r for t in clause.subtree if t.pos_ != "PRON" and t.i not in inside for r in [res.at(t)] if r is not None and not r.is_issue]
    if others and not is_negated(pred):
        return  # "permitting Europe to pay for Ukraine": the act is for Ukraine; its own reading says so
    if allowed and givers:
        yield Reading(Relation.SUPPORTS, givers, allowed, 0.6, f"{pred.lemma_} to")


def _reliance(pred: Token, lex: Lexicon, res: Resolution) -> Iterator[Reading]:
    """"Europeans who depend on the US for protection": the one relied on for something gives it."""
    if lemma_of(pred, lex) not in words("reliance"):
        return
    on = next((c for c in pred.children if c.dep_ == "prep" and c.lower_ in ("on", "upon")), None)
    what = next((c for c in pred.children if c.dep_ == "prep" and c.lower_ == "for"), None)
    if on is None or what is None or pobj_of(what) is None:
        return
    givers = [r for r in arg_refs(pobj_of(on), res) if not r.is_issue]
    takers = [r for r in agent_refs(subject_token(pred, lex)[0], res, lex) if not r.is_issue]
    if givers and takers:
        yield Reading(Relation.AIDS, givers, takers, 0.6, f"{pred.lemma_} on for")


class _Clause(NamedTuple):
    """Who does a verb's act and the token naming what it is done to."""

    subjects: list[Ref]
    obj_tok: Token | None
    passive: bool
    reduced: bool
    inherited: bool


def verbal_readings(pred: Token, lex: Lexicon, res: Resolution, context: ArticleContext | None = None) -> Iterator[Reading]:
    """What a verb says: its relation (from the lexicon, or a revoking verb's stance), who does it
    (active, passive, reduced clause) and to whom, refined by what the object names."""
    context = context if context is not None else ArticleContext()
    special = [*_permission(pred, lex, res), *_reliance(pred, lex, res)] or list(_relief(pred, lex, res))
    if special:
        yield from special
        return
    found = _verb_relation(pred, lex)
    if found is None:
        return
    rel, key, revoked = found
    fused = hyphen_agents(pred, res)
    if fused:  # "a Qatar-brokered truce": the truce brokered by Qatar
        yield from _fused(pred, rel, fused, key, lex, res)
        return
    clause = _verb_clause(pred, rel, lex, res)
    if clause is None:
        if is_passive(pred) and not (pred.dep_ == "acl" and pred.tag_ == "VBN") and rel is Relation.ATTACKS:  # "the ministry was hit": attacker unnamed
            target = next((c for c in pred.children if c.dep_ == "nsubjpass"), None)
            yield Reading(rel, _culprit(pred, lex, res), [r for r in arg_refs(target, res) if not r.is_issue], 0.45, pred.lemma_)
        return
    obj_tok = clause.obj_tok
    if key and obj_tok is not None and not clause.passive and lemma_of(pred, lex) in lex.light and key[-1] != "with" \
            and ((obj_tok.lemma_.lower(), key[-1]) in lex.nouns or (obj_tok.lower_, key[-1]) in lex.nouns):
        return  # "gave the cold shoulder to Y", "provided weapons to Y": the noun carries the relation
    if key and not clause.passive and not clause.reduced and object_token(pred) is not None and pred.lemma_ in lex.verbs \
            and not targets_of(pred, key, res):
        key, rel = None, lex.verbs[pred.lemma_]  # "warned Israel against retaliation": warn Israel
    if obj_tok is None and key and len(key) > 1:
        prep = next((c for c in pred.children if c.dep_ in ("prep", "agent") and c.lower_ == key[-1]), None)
        obj_tok = pobj_of(prep) if prep is not None else None
    objects = arg_refs(obj_tok, res) if clause.passive else targets_of(pred, key, res)
    conf = 0.8 - (0.1 if clause.inherited else 0.0)
    if rel is Relation.MEETS and obj_tok is not None and obj_tok.lemma_.lower() in DIPLOMATS and lemma_of(pred, lex) == "summon":
        rel = Relation.CRITICIZES  # summoning an ambassador is a diplomatic protest (CAMEO 111)
    objects, unnamed = _judged_objects(pred, rel, objects, obj_tok, revoked, clause.reduced, lex, res, context)
    if unnamed:
        conf -= 0.1
    if (revoked or rel is Relation.SANCTIONS) and obj_tok is not None and is_revoking(pred, lex) \
            and _cut_tie(obj_tok, pred, lex, res) is not None:
        return  # "suspended its aid to Y": a tie cut, read at the noun
    objects = _refined_objects(pred, rel, objects, obj_tok, revoked, lex, res)
    yield Reading(rel, clause.subjects, objects, conf, " ".join(key) if key else pred.lemma_)


def _verb_relation(pred: Token, lex: Lexicon) -> tuple[Relation, tuple[str, ...] | None, bool] | None:
    """The verb's relation, its phrasal key, and whether it revokes what it governs."""
    key = phrasal_key(pred, lex)
    if key is None and pred.lemma_ in lex.evaluate and any(c.dep_ in ("oprd", "ccomp", "xcomp") for c in pred.children):
        return None  # "called it a victory" judges; it is not a phone call
    rel = lex.phrasal.get(key) if key else lex.verbs.get(lemma_of(pred, lex))
    # "broke off the talks" (the particle makes it a revoking verb), "cancelled the ceasefire" (no other reading)
    if is_revoking(pred, lex) and (rel is None or any(c.dep_ == "prt" for c in pred.children)):
        return Relation.OPPOSES, None, True
    return (rel, key, False) if rel is not None else None


def _verb_clause(pred: Token, rel: Relation, lex: Lexicon, res: Resolution) -> _Clause | None:
    """Subjects and object token of an active, passive or reduced clause; None for a passive
    without an agent (its doer is unnamed)."""
    passive = is_passive(pred)
    reduced = pred.dep_ == "acl" and pred.tag_ == "VBN"  # "a deal brokered by the US"
    subj_tok, inherited = subject_token(pred, lex)
    seat = _seat_as_agent(pred, rel, res) if passive and not reduced else None
    if (passive or reduced) and not any(c.dep_ == "agent" for c in pred.children) and seat is None:
        return None
    if reduced:
        agent = next(c for c in pred.children if c.dep_ == "agent")
        subj_tok, inherited, passive = pobj_of(agent), False, True
    subjects = [seat] if seat is not None else agent_refs(subj_tok, res, lex)
    if subj_tok is not None and not inherited:  # "Lima, Quito slam ...": a headline's comma list parsed as two subjects
        subjects += [r for c in pred.children if c.dep_ == "nsubj" and c.i != subj_tok.i
                     for r in agent_refs(c, res, lex) if r not in subjects]
    if reduced:
        obj_tok: Token | None = pred.head
    else:
        obj_tok = next((c for c in pred.children if c.dep_ == "nsubjpass"), None) if passive else object_token(pred)
        if passive and obj_tok is None and pred.dep_ == "conj":  # "the strikes hit 36 targets and were supported by Y"
            obj_tok = next((c for c in pred.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return _Clause(subjects, obj_tok, passive, reduced, inherited)


def _judged_objects(pred: Token, rel: Relation, objects: list[Ref], obj_tok: Token | None, revoked: bool, reduced: bool,
                    lex: Lexicon, res: Resolution, context: ArticleContext) -> tuple[list[Ref], bool]:
    """What a stance or judgement is about: the one blamed, the doer of a judged event, an issue
    the clause or the object names; and whether no argument named it directly."""
    if rel is Relation.CRITICIZES and lemma_of(pred, lex) in words("blame_on"):
        objects = _blamed_on(pred, obj_tok, res) or objects  # "blamed the attack on Y": Y is blamed
    if obj_tok is not None and rel in STANCE and not revoked:
        objects = inner_target(obj_tok, lex, res) or objects
    if obj_tok is not None and rel in JUDGEMENT:
        objects = _event_agent(obj_tok, lex, res, context) or objects
    unnamed = not objects
    if unnamed:
        clause = next((c for c in pred.children if c.dep_ in ("xcomp", "ccomp")), None)
        if clause is not None and rel in STANCE:
            objects = issue_in(clause, res)
        elif clause is not None and rel in (Relation.CRITICIZES, Relation.PRAISES, Relation.PRESSURES, Relation.REQUESTS) \
                and clause.dep_ == "ccomp":  # "demanded that Israel halt the offensive": Israel is pressed
            objects = [r for r in arg_refs(subject_token(clause, lex)[0], res) if not r.is_issue]
        if not objects and rel in JUDGEMENT and obj_tok is not None and not reduced:
            # "took sanctions off the table": the particle's object is no target, the direct object is;
            # "defended the central bank rule": a measure the issue lexicon lacks
            objects = [r for r in arg_refs(obj_tok, res) if r.is_issue] or open_issue(obj_tok, lex, res)
    if rel in STANCE and obj_tok is not None and objects and all(o.is_issue and o.issue_type in words("statehood") for o in objects):
        owners = [r for c in obj_tok.children if c.dep_ == "poss" for r in [res.at(c)] if r is not None and not r.is_issue]
        objects = owners or objects  # "does not recognise Kosovo's independence": a stance on Kosovo
    return objects, unnamed


def _refined_objects(pred: Token, rel: Relation, objects: list[Ref], obj_tok: Token | None, revoked: bool,
                     lex: Lexicon, res: Resolution) -> list[Ref]:
    """Objects refined by the verb's kind: a revoked agreement, a signed issue, an instrument's
    target, a summit's host, a deal rather than peace, a struck place, and who an aid is for."""
    if revoked:
        objects = [o for o in objects if o.is_issue]  # "froze Y's assets" is no stance on Y
    if rel is Relation.OPPOSES and obj_tok is not None and is_revoking(pred, lex) and not res.is_issue_at(obj_tok):
        of_issue = [r for c in obj_tok.children if c.dep_ == "prep" and c.lower_ == "of" for r in arg_refs(pobj_of(c), res) if r.is_issue]
        objects = of_issue or objects  # "revoked its ratification of the treaty": against the treaty
    if lemma_of(pred, lex) in lex.issue_verbs and rel is Relation.SUPPORTS:
        objects = [o for o in objects if o.is_issue]  # "signed the accord" backs it; "signed with Israel" is no backing
    if rel.polarity < 0 and rel not in STANCE:
        objects = instrument_target(objects, obj_tok, res)
        if not objects and obj_tok is not None and rel is Relation.SANCTIONS:  # "cut trade with Israel"
            for prep in obj_tok.children:
                if prep.dep_ == "prep" and prep.lower_ in ("with", "to", "on", "against", "towards", "toward", "from"):
                    objects = [r for r in arg_refs(pobj_of(prep), res) if not r.is_issue]
                    if objects:
                        break
    if rel is Relation.MEETS:
        objects = [r for r in event_host(objects, obj_tok, res) if not r.is_issue]
    if lemma_of(pred, lex) in lex.deal:  # what is offered, accepted or signed is a deal, not peace itself
        objects = [issue_ref("peace deal", "peace deal") if r.issue_type == "peace" else r for r in objects]
    if rel is Relation.ATTACKS and not objects:  # "struck (back at) targets in Lebanon"
        heads = [obj_tok] if obj_tok is not None else [
            p for c in pred.children if c.dep_ == "prep" and c.lower_ in ("at", "on", "against", "into")
            for p in c.children if p.dep_ == "pobj"]
        for head in heads:
            objects = [r for r in arg_refs(head, res) if not r.is_issue]
            for prep in head.children:
                if not objects and prep.dep_ == "prep" and prep.lower_ in ("in", "across", "inside"):
                    objects = [r for r in arg_refs(pobj_of(prep), res) if not r.is_issue]
    if rel.polarity > 0 or rel in STANCE:  # "blocked aid for Ukraine" opposes Ukraine too
        objects = objects + beneficiaries(objects, obj_tok, res)
    return objects

def _seat_as_agent(pred: Token, rel: Relation, res: Resolution) -> Ref | None:
    """"The agreement was welcomed in Washington": a stance taken "in" a seat of government is that
    government's (only for stances and judgements, and only a seat, not any place)."""
    if rel not in JUDGEMENT:
        return None
    for prep in pred.children:
        if prep.dep_ == "prep" and prep.lower_ == "in":
            place = pobj_of(prep)
            ref = res.at(place) if place is not None else None
            if ref is not None and ref.kind is not None and ref.via == "seat":
                return ref
    return None


def _relief(pred: Token, lex: Lexicon, res: Resolution) -> Iterator[Reading]:
    """"The EU suspended its sanctions on Syria", "Washington lifted tariffs on Brazil": easing a
    penalty is a step towards its target."""
    if lemma_of(pred, lex) not in lex.relieve:
        return
    obj = object_token(pred)
    if obj is None or is_passive(pred):
        return
    penalties = [r for r in arg_refs(obj, res) if r.is_issue and r.issue_type in words("penalties")]
    targets = [r for r in instrument_target(penalties, obj, res) if not r.is_issue]
    for prep in pred.children:  # "lifted tariffs on Brazilian beef": the parser hangs "on" on the verb
        if not targets and prep.dep_ == "prep" and prep.lower_ in INSTRUMENT_PREPS:
            targets = [r for r in arg_refs(pobj_of(prep), res) if not r.is_issue]
    subjects = [r for r in agent_refs(subject_token(pred, lex)[0], res, lex) if not r.is_issue]
    if penalties and targets and subjects:
        yield Reading(Relation.COOPERATES, subjects, targets, 0.6, f"{pred.lemma_} {penalties[0].name}")

def _fused(pred: Token, rel: Relation, agents: list[Ref], key: tuple[str, ...] | None, lex: Lexicon,
           res: Resolution) -> Iterator[Reading]:
    """"Rwanda-backed M23 rebels", "Washington-imposed tariffs on Brazil": the participle's agent
    does it to the noun it modifies (or, for a conflict instrument, to that instrument's target)."""
    noun = pred.head
    while noun.pos_ != "NOUN" and noun.dep_ in ("amod", "compound", "nmod", "npadvmod") and noun.head.i != noun.i:
        noun = noun.head  # "Iranian- and Iraqi-mediated talks": the participle hangs on the first modifier
    own = res.at(noun)
    if own is not None:
        objects = [own]
    elif noun.lemma_.lower() in words("bearers") or noun.lower_ in words("bearers"):
        objects = [r for r in arg_refs(noun, res) if r not in agents and not r.is_issue]
    else:
        objects = []
    if rel.polarity < 0 and rel not in STANCE:
        objects = instrument_target(objects, noun, res)
    elif objects and all(r.is_issue for r in objects):
        objects = objects + beneficiaries(objects, noun, res)
    if objects:
        yield Reading(rel, agents, objects, 0.7, f"{pred.lemma_} (hyphenated)")

