"""Relation words in context: verbs, relational nouns, adjectives, reciprocals and judgements."""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from kg.extract.arguments import (
    BEARERS,
    _agent_refs,
    _antecedent_of_relative,
    _arg_refs,
    _hyphen_agents,
    _lemma,
    _light_subject,
    _object_token,
    _passive,
    _phrasal_key,
    _pobj,
    _subject_token,
)
from kg.lexicon import Lexicon
from kg.records import Relation
from kg.resolve import Ref, Resolution, issue_ref

_STANCE = {Relation.SUPPORTS, Relation.OPPOSES}

_INSTRUMENT_PREPS = ("on", "against", "towards", "toward", "into", "at", "upon")

def _targets(pred: Token, rel_key: tuple[str, ...] | None, res: Resolution) -> list[Ref]:
    if rel_key and len(rel_key) > 1:
        prep_word = rel_key[-1]
        for child in pred.children:
            if child.dep_ in ("prep", "prt", "agent") and child.lower_ == prep_word:
                pobj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
                if pobj is not None:
                    return _arg_refs(pobj, res)
                if child.dep_ == "prt":
                    break
        for clause in pred.children:  # "pay for Ukraine to buy weapons": for + subject of the infinitive
            if clause.dep_ in ("advcl", "ccomp", "xcomp") and any(m.dep_ == "mark" and m.lower_ == prep_word for m in clause.children):
                subj = next((c for c in clause.children if c.dep_ == "nsubj"), None)
                if subj is not None:
                    return _arg_refs(subj, res)
        obj = next((c for c in pred.children if c.dep_ in ("dobj", "obj", "dative")), None)
        return _arg_refs(obj, res) if obj is not None else []
    for child in pred.children:
        if child.dep_ in ("dobj", "obj", "dative", "attr", "oprd"):
            refs = _arg_refs(child, res)
            if refs:
                return refs
    return []

def _issue_in(tok: Token, res: Resolution) -> list[Ref]:
    """Issues inside a clause ("wants to end the war", "wants to make a deal")."""
    for t in tok.subtree:
        ref = res.at(t)
        if ref is not None and ref.is_issue:
            return [ref]
    return []

def _inner_target(tok: Token, lex: Lexicon, res: Resolution) -> list[Ref]:
    """What a stance on a relational noun is about: "roadblocks to Trump's rush for peace" is about
    peace; "help for Ukrainian strikes on Russia" backs the striker, Ukraine."""
    for child in tok.children:
        rel = lex.nouns.get((tok.lemma_.lower(), child.lower_)) or lex.nouns.get((tok.lower_, child.lower_))
        if child.dep_ == "prep" and rel is not None:
            if rel.polarity < 0:
                return [r for c in tok.children if c.dep_ in ("amod", "poss", "compound") and c.i < tok.i
                        for r in [res.at(c)] if r is not None and not r.is_issue]
            pobj = _pobj(child)
            refs = _arg_refs(pobj, res)
            if refs:
                return refs
    return []

def _instrument_target(refs: list[Ref], tok: Token | None, res: Resolution) -> list[Ref]:
    """For a conflict act done with an instrument, its target ("threatened sanctions on Russia" -> Russia)."""
    if tok is None or not refs or not all(r.is_issue for r in refs):
        return refs
    for t in tok.subtree:
        if t.dep_ == "prep" and t.lower_ in _INSTRUMENT_PREPS and res.is_issue_at(t.head):
            pobj = _pobj(t)
            actors = [r for r in _arg_refs(pobj, res) if not r.is_issue]
            if actors:
                return actors
    return refs

def _event_host(refs: list[Ref], tok: Token | None, res: Resolution) -> list[Ref]:
    """For meeting relations, the body holding a summit ("attended the BRICS summit" -> BRICS)."""
    if tok is None or not refs or not all(r.is_issue for r in refs):
        return refs
    for t in tok.subtree:
        ref = res.at(t)
        if ref is not None and not ref.is_issue and t.dep_ in ("compound", "poss", "nmod") and res.is_issue_at(t.head):
            return [ref]
    return refs

def _beneficiaries(refs: list[Ref], tok: Token | None, res: Resolution) -> list[Ref]:
    """Who an issue is for ("security guarantees for Ukraine", "aid to Sudan")."""
    if tok is None or not refs or not all(r.is_issue for r in refs):
        return []
    out: list[Ref] = []
    for t in tok.subtree:
        if t.dep_ == "prep" and t.lower_ in ("for", "to") and res.is_issue_at(t.head):
            pobj = _pobj(t)
            out.extend(r for r in _arg_refs(pobj, res) if not r.is_issue and r not in refs)
    return out

def _evaluation(pred: Token, lex: Lexicon, res: Resolution) -> Iterator[tuple[Relation, list[Ref], list[Ref], float, str]]:
    """"X views Y as illegitimate", "X called Y a terrorist state": a judgement of Y."""
    if pred.lemma_ not in lex.evaluate:
        return
    obj = next((c for c in pred.children if c.dep_ in ("dobj", "obj")), None)
    if obj is None:
        return
    words: list[str] = []
    for c in pred.children:
        if c.dep_ in ("oprd", "xcomp", "ccomp") or (c.dep_ == "prep" and c.lower_ == "as"):
            words += [t.lower_ for t in c.subtree] + [t.lemma_.lower() for t in c.subtree]
    words += [t.lower_ for t in obj.subtree if t.i > obj.i]
    if any(w in lex.evaluation_negative for w in words):
        rel = Relation.CRITICIZES
    elif any(w in lex.evaluation_positive for w in words):
        rel = Relation.SUPPORTS
    else:
        return
    subj, inherited = _subject_token(pred, lex)
    yield rel, _arg_refs(subj, res), [r for r in _arg_refs(obj, res) if not r.is_issue], 0.6, f"{pred.lemma_} as"

_DIPLOMATS = {"commissioner", "ambassador", "envoy", "diplomat", "charge", "chargé", "chargé d'affaires", "consul", "attaché"}

_JUDGEMENT = {Relation.SUPPORTS, Relation.OPPOSES, Relation.CRITICIZES, Relation.PRAISES}

_EVENTS = {"attack", "attacks", "strike", "strikes", "airstrike", "airstrikes", "invasion", "bombing", "bombings",
           "bombardment", "shelling", "assault", "offensive", "raid", "raids", "incursion", "killing", "killings",
           "massacre", "occupation", "annexation", "siege", "blockade", "crackdown", "aggression", "onslaught"}

def _event_agent(tok: Token, lex: Lexicon, res: Resolution, context: dict) -> list[Ref]:
    """Who did an event that is judged: "condemned Russia's invasion" -> Russia; "condemned the
    attack" -> whoever the article last said attacked."""
    if tok.lemma_.lower() not in _EVENTS and tok.lower_ not in _EVENTS:
        return []
    agents = [r for c in tok.children if c.dep_ in ("poss", "amod", "compound") and c.i < tok.i
              for r in [res.at(c)] if r is not None and not r.is_issue]
    if agents:
        return agents
    if any(c.dep_ == "det" and c.lower_ in ("the", "this", "these", "that", "those") for c in tok.children) \
            and not any(c.dep_ == "prep" for c in tok.children) and context.get("attacker") is not None:
        return [context["attacker"]]
    return []

def _verbal(pred: Token, lex: Lexicon, res: Resolution, context: dict | None = None) -> Iterator[tuple[Relation, list[Ref], list[Ref], float, str]]:
    context = context if context is not None else {}
    relief = list(_relief(pred, lex, res))
    if relief:
        yield from relief
        return
    key = _phrasal_key(pred, lex)
    if key is None and pred.lemma_ in lex.evaluate and any(c.dep_ in ("oprd", "ccomp", "xcomp") for c in pred.children):
        return  # "called it a victory" judges; it is not a phone call
    rel = lex.phrasal.get(key) if key else lex.verbs.get(_lemma(pred, lex))
    if rel is None:
        return
    fused = _hyphen_agents(pred, res)
    if fused:  # "a Qatar-brokered truce": the truce brokered by Qatar
        yield from _fused(pred, rel, fused, key, lex, res)
        return
    passive = _passive(pred)
    reduced = pred.dep_ == "acl" and pred.tag_ == "VBN"  # "a deal brokered by the US"
    subj_tok, inherited = _subject_token(pred, lex)
    if (passive or reduced) and not any(c.dep_ == "agent" for c in pred.children):
        if passive and not reduced and rel is Relation.ATTACKS:  # "the ministry was hit": attacker unnamed
            target = next((c for c in pred.children if c.dep_ == "nsubjpass"), None)
            yield rel, [], [r for r in _arg_refs(target, res) if not r.is_issue], 0.45, pred.lemma_
        return
    if reduced:
        agent = next(c for c in pred.children if c.dep_ == "agent")
        subj_tok, inherited, passive = _pobj(agent), False, True
    subjects = _agent_refs(subj_tok, res, lex)
    if subj_tok is not None and not inherited:  # "Lima, Quito slam ...": a headline's comma list parsed as two subjects
        subjects += [r for c in pred.children if c.dep_ == "nsubj" and c.i != subj_tok.i
                     for r in _agent_refs(c, res, lex) if r not in subjects]
    if reduced:
        obj_tok: Token | None = pred.head
    else:
        obj_tok = next((c for c in pred.children if c.dep_ == "nsubjpass"), None) if passive else _object_token(pred)
    if key and obj_tok is not None and not passive and _lemma(pred, lex) in lex.light and key[-1] != "with" \
            and ((obj_tok.lemma_.lower(), key[-1]) in lex.nouns or (obj_tok.lower_, key[-1]) in lex.nouns):
        return  # "gave the cold shoulder to Y", "provided weapons to Y": the noun carries the relation
    if key and not passive and not reduced and _object_token(pred) is not None and pred.lemma_ in lex.verbs \
            and not _targets(pred, key, res):
        key, rel = None, lex.verbs[pred.lemma_]  # "warned Israel against retaliation": warn Israel
    if obj_tok is None and key and len(key) > 1:
        prep = next((c for c in pred.children if c.dep_ in ("prep", "agent") and c.lower_ == key[-1]), None)
        obj_tok = _pobj(prep) if prep is not None else None
    objects = _arg_refs(obj_tok, res) if passive else _targets(pred, key, res)
    conf = 0.8 - (0.1 if inherited else 0.0)
    if rel is Relation.MEETS and obj_tok is not None and obj_tok.lemma_.lower() in _DIPLOMATS and _lemma(pred, lex) == "summon":
        rel = Relation.CRITICIZES  # summoning an ambassador is a diplomatic protest (CAMEO 111)
    if obj_tok is not None and rel in _STANCE:
        inner = _inner_target(obj_tok, lex, res)
        objects = inner or objects
    if obj_tok is not None and rel in _JUDGEMENT:
        agents = _event_agent(obj_tok, lex, res, context)
        objects = agents or objects
    if not objects:
        clause = next((c for c in pred.children if c.dep_ in ("xcomp", "ccomp")), None)
        if clause is not None and rel in _STANCE:
            objects = _issue_in(clause, res)
        elif clause is not None and rel in (Relation.CRITICIZES, Relation.PRAISES) and clause.dep_ == "ccomp":
            objects = [r for r in _arg_refs(_subject_token(clause, lex)[0], res) if not r.is_issue]
        if not objects and rel in _JUDGEMENT and obj_tok is not None and not reduced:
            objects = _open_issue(obj_tok, lex, res)  # "defended the central bank rule", "rejected the buffer zone"
        conf -= 0.1
    if rel.polarity < 0 and rel not in _STANCE:
        objects = _instrument_target(objects, obj_tok, res)
        if not objects and obj_tok is not None and rel is Relation.SANCTIONS:  # "cut trade with Israel"
            for prep in obj_tok.children:
                if prep.dep_ == "prep" and prep.lower_ in ("with", "to", "on", "against", "towards", "toward", "from"):
                    objects = [r for r in _arg_refs(_pobj(prep), res) if not r.is_issue]
                    if objects:
                        break
    if rel is Relation.MEETS:
        objects = [r for r in _event_host(objects, obj_tok, res) if not r.is_issue]
    if _lemma(pred, lex) in lex.deal:  # what is offered, accepted or signed is a deal, not peace itself
        objects = [issue_ref("peace deal", "peace deal") if r.issue_type == "peace" else r for r in objects]
    if rel is Relation.ATTACKS and not objects:  # "struck (back at) targets in Lebanon"
        heads = [obj_tok] if obj_tok is not None else [
            p for c in pred.children if c.dep_ == "prep" and c.lower_ in ("at", "on", "against", "into")
            for p in c.children if p.dep_ == "pobj"]
        for head in heads:
            objects = [r for r in _arg_refs(head, res) if not r.is_issue]
            for prep in head.children:
                if not objects and prep.dep_ == "prep" and prep.lower_ in ("in", "across", "inside"):
                    objects = [r for r in _arg_refs(_pobj(prep), res) if not r.is_issue]
    if rel.polarity > 0 or rel in _STANCE:  # "blocked aid for Ukraine" opposes Ukraine too
        objects = objects + _beneficiaries(objects, obj_tok, res)
    yield rel, subjects, objects, conf, " ".join(key) if key else pred.lemma_

_PENALTIES = {"sanctions", "tariffs"}

def _relief(pred: Token, lex: Lexicon, res: Resolution) -> Iterator[tuple[Relation, list[Ref], list[Ref], float, str]]:
    """"The EU suspended its sanctions on Syria", "Washington lifted tariffs on Brazil": easing a
    penalty is a step towards its target."""
    if _lemma(pred, lex) not in lex.relieve:
        return
    obj = _object_token(pred)
    if obj is None or _passive(pred):
        return
    penalties = [r for r in _arg_refs(obj, res) if r.is_issue and r.issue_type in _PENALTIES]
    targets = [r for r in _instrument_target(penalties, obj, res) if not r.is_issue]
    for prep in pred.children:  # "lifted tariffs on Brazilian beef": the parser hangs "on" on the verb
        if not targets and prep.dep_ == "prep" and prep.lower_ in _INSTRUMENT_PREPS:
            targets = [r for r in _arg_refs(_pobj(prep), res) if not r.is_issue]
    subjects = [r for r in _agent_refs(_subject_token(pred, lex)[0], res, lex) if not r.is_issue]
    if penalties and targets and subjects:
        yield Relation.COOPERATES, subjects, targets, 0.6, f"{pred.lemma_} {penalties[0].name}"

# nouns of measures, plans and processes that a stance can be about, beyond the issue lexicon
_MEASURES = {"ban", "plan", "deal", "rule", "law", "bill", "move", "decision", "bid", "policy", "reform", "zone", "programme",
             "program", "project", "reprieve", "pause", "exemption", "drills", "exercises", "offer", "demand", "vote", "verdict",
             "ruling", "result", "results", "order", "levy", "levies", "boycott", "operation", "mission", "presence",
             "deployment", "base", "bases", "exit", "withdrawal", "return", "handover", "transfer", "purchase", "loan",
             "process", "framework", "code", "corridor", "pipeline", "deadline", "freeze", "cap", "quota", "visa", "visas",
             "tax", "measure", "measures", "restrictions", "curbs", "controls", "strategy", "idea", "approach", "formula"}
_MEASURE_ENDINGS = ("tion", "sion", "ment", "ance", "ence", "ism", "ure", "ship", "ade", "ity", "isation", "ization")
_NOT_MEASURES = {"statement", "comment", "comments", "accusation", "accusations", "allegation", "allegations", "claim",
                 "claims", "charge", "charges", "criticism", "report", "reports", "remark", "remarks", "position", "question",
                 "situation", "nation", "population", "community", "majority", "minority", "authority", "authorities",
                 "government", "administration", "ministry", "embassy", "militia", "city", "capacity", "security", "country",
                 "mention", "attention", "intention", "condition", "conditions", "opposition", "relation", "relations",
                 "conversation", "meeting", "attempt", "efforts", "effort", "motion", "nature", "future", "culture", "pressure"}

def _open_issue(noun: Token, lex: Lexicon, res: Resolution) -> list[Ref]:
    """A measure or plan the issue lexicon does not list, named by the text's own words
    ("the dinar ban", "a buffer zone", "the terrorist designation")."""
    lemma, low = noun.lemma_.lower(), noun.lower_
    if noun.pos_ != "NOUN" or low in _NOT_MEASURES or lemma in _NOT_MEASURES:
        return []
    if not (low in _MEASURES or lemma in _MEASURES or lemma.endswith(_MEASURE_ENDINGS)) or lex.noun_heads.get(lemma) in _STANCE:
        return []
    words = [noun.lower_]
    for left in reversed([c for c in noun.children if c.i < noun.i and c.dep_ == "compound" and res.at(c) is None]):
        words.insert(0, left.lower_)
    label = " ".join(words)
    return [issue_ref(label, lex.issue_kind(label, "measure"))]

def _fused(pred: Token, rel: Relation, agents: list[Ref], key: tuple[str, ...] | None, lex: Lexicon,
           res: Resolution) -> Iterator[tuple[Relation, list[Ref], list[Ref], float, str]]:
    """"Rwanda-backed M23 rebels", "Washington-imposed tariffs on Brazil": the participle's agent
    does it to the noun it modifies (or, for a conflict instrument, to that instrument's target)."""
    noun = pred.head
    while noun.pos_ != "NOUN" and noun.dep_ in ("amod", "compound", "nmod", "npadvmod") and noun.head.i != noun.i:
        noun = noun.head  # "Iranian- and Iraqi-mediated talks": the participle hangs on the first modifier
    own = res.at(noun)
    if own is not None:
        objects = [own]
    elif noun.lemma_.lower() in BEARERS or noun.lower_ in BEARERS:
        objects = [r for r in _arg_refs(noun, res) if r not in agents and not r.is_issue]
    else:
        objects = []
    if rel.polarity < 0 and rel not in _STANCE:
        objects = _instrument_target(objects, noun, res)
    elif objects and all(r.is_issue for r in objects):
        objects = objects + _beneficiaries(objects, noun, res)
    if objects:
        yield rel, agents, objects, 0.7, f"{pred.lemma_} (hyphenated)"

def _nominal(noun: Token, lex: Lexicon, res: Resolution, context: dict | None = None) -> Iterator[tuple[Relation, list[Ref], list[Ref], float, str]]:
    lemma = noun.lemma_.lower()
    low = noun.lower_
    if lemma not in lex.noun_heads and low not in lex.noun_heads:
        return
    rel = None
    objects: list[Ref] = []
    preps = [c for c in noun.children if c.dep_ == "prep"]
    if noun.dep_ in ("dobj", "obj") and _lemma(noun.head, lex) in lex.light:
        preps += [c for c in noun.head.children if c.dep_ in ("prep", "dative") and c.i > noun.i]  # "staged drills around Taiwan"
    pobj: Token | None = None
    prep_word = ""
    for child in preps:
        if child.dep_ in ("prep", "dative"):
            rel = lex.nouns.get((low, child.lower_)) or lex.nouns.get((lemma, child.lower_))
            if rel is not None:
                pobj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
                prep_word = child.lower_
                objects = _arg_refs(pobj, res)
                if objects:
                    break
    top = noun
    while top.dep_ == "pobj" and top.head.lower_ == "of" and top.head.head.dep_ in ("dobj", "obj"):
        top = top.head.head  # "suspended some of its sanctions": the verb governs the partitive
    governor = top.head if top.dep_ in ("dobj", "obj") else None
    if rel is Relation.SANCTIONS and governor is not None and _lemma(governor, lex) in lex.relieve:
        return  # "suspended its sanctions on Y": the relief, read at the verb
    if rel is not None and rel.polarity > 0 and governor is not None:
        verb = _lemma(governor, lex)
        if verb in lex.revoke:  # "suspended its partnership with Y", "downgraded ties with Y"
            rel = Relation.SANCTIONS
        elif verb in lex.conclude and (lemma in lex.agreement_nouns or low in lex.agreement_nouns):
            rel = Relation.COOPERATES  # "signed a deal with Y": agreed, not still negotiating
    if rel is None or not objects:
        yield from _from_agent(noun, lex, res)
        if context is not None and lex.noun_heads.get(lemma) is Relation.ATTACKS:
            # "the Russian summer offensive": an attacker without a named target
            context.setdefault("agents", {}).update(
                (r.id, r) for c in noun.children if c.dep_ in ("amod", "poss", "compound") and c.i < noun.i
                for r in [res.at(c)] if r is not None and not r.is_issue)
        yield from _relational_person(noun, lemma, lex, res)
        return
    if rel in _STANCE:  # "roadblocks to Trump's rush for peace": opposing the push is opposing peace
        inner = _inner_target(pobj, lex, res) if pobj is not None else []
        objects = inner or objects
    if rel.polarity > 0 or rel in _STANCE:  # "plan for security guarantees for Ukraine"
        objects = objects + _beneficiaries(objects, pobj, res)
    subjects: list[Ref] = []
    conf = 0.7
    for child in noun.children:
        if child.dep_ in ("poss", "amod", "compound", "nmod") and child.i < noun.i:
            for t in child.subtree:  # "Russian drone and missile strikes", "American and British strikes"
                if t.i in res.groups and t.dep_ == "poss":  # "their military assistance"
                    subjects.extend(r for r in res.groups[t.i] if r not in objects)
                    continue
                ref = res.at(t)
                if ref is None and t.lower_ == "whose":  # "Rudd, whose criticism of him ..."
                    owner = _antecedent_of_relative(t)
                    ref = res.at(owner) if owner is not None else None
                if ref is not None and not ref.is_issue and ref not in objects and t.dep_ in ("poss", "amod", "compound", "nmod", "conj") \
                        and not t.text.endswith(("-", "–")):  # "Qatari- and Turkish-mediated talks": the mediator
                    subjects.append(ref)
        elif child.dep_ == "prep" and child.lower_ == "by":
            subjects.extend(r for r in _arg_refs(_pobj(child), res) if not r.is_issue)
        if child.dep_ in ("amod", "compound", "nmod") and child.i < noun.i and _lemma(child, lex) not in lex.verbs:
            subjects.extend(_hyphen_agents(child, res))  # "Washington-imposed tariffs on Y"
    subjects = list(dict.fromkeys(subjects))
    if not subjects and noun.dep_ == "appos" and res.at(noun.head) is not None:
        subjects = [r for r in [res.at(noun.head)] if r is not None and not r.is_issue]  # "Nicaragua, a close ally of Moscow,"
    if not subjects:
        subj_tok = _light_subject(noun, lex)
        subjects = _agent_refs(subj_tok, res, lex) if subj_tok is not None else []
        conf = 0.6
    if subjects:
        yield rel, subjects, objects, conf, f"{lemma} {prep_word}"

_UNDERGO = {"draw", "face", "receive", "prompt", "provoke", "trigger", "earn", "spark", "attract", "meet", "come", "bow", "resist", "defy", "withstand"}

def _from_agent(noun: Token, lex: Lexicon, res: Resolution) -> Iterator[tuple[Relation, list[Ref], list[Ref], float, str]]:
    """"despite pressure from Washington", "drawing a sharp protest from Beijing": the one the act
    comes from does it to the subject of the clause."""
    rel = lex.noun_heads.get(noun.lemma_.lower()) or lex.noun_heads.get(noun.lower_)
    prep = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "from"), None)
    if rel is None or prep is None or rel in (Relation.AIDS, Relation.COOPERATES, Relation.MEETS):
        return
    agents = [r for r in _arg_refs(_pobj(prep), res) if not r.is_issue]
    clause = noun.head
    if noun.dep_ == "pobj" and clause.dep_ == "prep":  # "despite pressure from X", "under pressure from X"
        clause = clause.head
    elif not (noun.dep_ in ("dobj", "obj") and _lemma(clause, lex) in _UNDERGO):
        return
    if clause.pos_ not in ("VERB", "AUX"):
        return
    targets = [r for r in _agent_refs(_subject_token(clause, lex)[0], res, lex) if not r.is_issue]
    if agents and targets:
        yield rel, agents, targets, 0.55, f"{noun.lemma_.lower()} from"

def _relational_person(noun: Token, lemma: str, lex: Lexicon, res: Resolution) -> Iterator[tuple[Relation, list[Ref], list[Ref], float, str]]:
    """"X's ally Y", "US ally Modi", "its American support": the relation between two modifiers."""
    rel = lex.noun_heads.get(lemma) or lex.noun_heads.get(noun.lower_)
    if rel is None:
        return
    owner = res.refs_of(c for c in noun.children if c.dep_ in ("poss", "compound", "nmod") and c.i < noun.i)
    appos = [r for r in _arg_refs(next((c for c in noun.children if c.dep_ == "appos"), None), res) if not r.is_issue]
    if owner and appos and not owner[0].is_issue:
        yield rel, appos, [owner[0]], 0.6, f"{lemma} (apposition)"
        return
    host = res.at(noun.head) if noun.dep_ == "appos" else None
    if owner and host is not None and not host.is_issue and not owner[0].is_issue and host != owner[0]:
        yield rel, [host], [owner[0]], 0.6, f"{lemma} (apposition)"
        return
    poss = res.refs_of(c for c in noun.children if c.dep_ == "poss")
    amod = res.refs_of(c for c in noun.children if c.dep_ in ("amod", "compound") and c.i < noun.i)
    if poss and amod and poss[0] != amod[0] and not poss[0].is_issue and not amod[0].is_issue:
        yield rel, [amod[0]], [poss[0]], 0.55, f"{lemma} (modifiers)"

def _adjectival(adj: Token, lex: Lexicon, res: Resolution) -> Iterator[tuple[Relation, list[Ref], list[Ref], float, str]]:
    if adj.dep_ not in ("acomp", "oprd", "attr", "amod", "appos"):
        return
    for child in adj.children:
        rel = lex.adjectives.get((adj.lemma_.lower(), child.lower_)) if child.dep_ == "prep" else None
        if rel is None:
            continue
        pobj = _pobj(child)
        objects = _arg_refs(pobj, res)
        subj_tok = adj.head if adj.dep_ in ("amod", "appos") else _subject_token(adj.head, lex)[0]
        subjects = _arg_refs(subj_tok, res)
        yield rel, subjects, objects, 0.7, f"{adj.lemma_.lower()} {child.lower_}"

_RECIPROCAL = {"meet", "talk", "negotiate", "agree", "clash", "fight", "cooperate", "ally", "confer", "spar", "feud", "reconcile", "quarrel"}

_EACH_OTHER = ({"each", "other"}, {"one", "another"})
_RECIPROCAL_REL = {"fight": Relation.ATTACKS, "agree": Relation.COOPERATES}
_FIGHTS = {"war", "battle", "battles", "skirmish", "skirmishes", "clash", "clashes", "duel"}

_BETWEEN = {"talks", "talk", "meeting", "summit", "call", "negotiation", "negotiations", "clash", "clashes", "war",
            "conflict", "fighting", "dialogue", "deal", "agreement", "tension", "tensions", "rift", "alliance",
            "partnership", "ties", "relations", "rivalry", "dispute", "standoff", "feud", "cooperation", "accord", "pact", "truce"}

def _reciprocal(tok: Token, lex: Lexicon, res: Resolution) -> Iterator[tuple[Relation, list[Ref], list[Ref], float, str]]:
    """"X and Y met", "talks between X and Y": a relation each way between every pair."""
    pairs: list[Ref] = []
    rel = None
    obj = _object_token(tok) if tok.pos_ == "VERB" else None
    if tok.pos_ == "VERB" and _lemma(tok, lex) in lex.exchange_verbs and obj is not None \
            and (obj.lemma_.lower() in lex.exchange_objects or obj.lower_ in lex.exchange_objects):
        rel = lex.exchange_objects.get(obj.lower_) or lex.exchange_objects[obj.lemma_.lower()]
        pairs = [r for r in _arg_refs(_subject_token(tok, lex)[0], res) if not r.is_issue]
        with_prep = next((c for c in (*tok.children, *obj.children) if c.dep_ == "prep" and c.lower_ == "with"), None)
        if with_prep is not None:  # "X exchanged fire with Y"
            pairs += [r for r in _arg_refs(_pobj(with_prep), res) if not r.is_issue and r not in pairs]
        predicate = f"{tok.lemma_} {obj.lower_}"
    elif tok.pos_ == "VERB" and obj is not None and {obj.lower_, *(c.lower_ for c in obj.children)} in _EACH_OTHER:
        # "pledged to defend one another", "accused each other": the relation among the subjects
        key = _phrasal_key(tok, lex)
        rel = lex.phrasal.get(key) if key else lex.verbs.get(_lemma(tok, lex))
        pairs = [r for r in _arg_refs(_subject_token(tok, lex)[0], res) if not r.is_issue]
        predicate = f"{tok.lemma_} each other"
    elif tok.pos_ == "VERB" and obj is not None and _lemma(tok, lex) in lex.conclude \
            and (obj.lemma_.lower() in lex.agreement_nouns or obj.lower_ in lex.agreement_nouns):
        # "Armenia and Azerbaijan signed a peace deal": the signatories cooperate with each other
        rel = Relation.COOPERATES
        pairs = [r for r in _arg_refs(_subject_token(tok, lex)[0], res) if not r.is_issue]
        predicate = f"{tok.lemma_} {obj.lemma_.lower()}"
    elif tok.pos_ == "VERB" and tok.lemma_ in _RECIPROCAL and (obj is None or obj.lemma_.lower() in _FIGHTS):
        rel = _RECIPROCAL_REL.get(tok.lemma_) or lex.verbs.get(tok.lemma_) or lex.phrasal.get((tok.lemma_, "with"))
        subj, _ = _subject_token(tok, lex)
        pairs = [r for r in _arg_refs(subj, res) if not r.is_issue]
        predicate = tok.lemma_
    elif tok.pos_ == "NOUN" and tok.lower_ in _BETWEEN and not (tok.dep_ == "pobj" and tok.head.lower_ in ("about", "for", "of", "on", "over", "to")):
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ == "between":
                pairs = [r for r in _arg_refs(_pobj(child), res) if not r.is_issue]
        if not pairs and tok.dep_ in ("dobj", "obj") and tok.head.lemma_ in lex.light and not any(
                c.dep_ == "prep" and c.lower_ == "with" for c in tok.children):
            pairs = [r for r in _arg_refs(_subject_token(tok.head, lex)[0], res) if not r.is_issue]
        rel = lex.nouns.get((tok.lower_, "with")) or lex.nouns.get((tok.lemma_, "with")) or lex.noun_heads.get(tok.lemma_)
        predicate = f"{tok.lower_} between"
    if rel is None or len(pairs) < 2:
        return
    for a in pairs:
        yield rel, [a], [b for b in pairs if b != a], 0.65, predicate


def _copular_judgement(tok: Token, lex: Lexicon, res: Resolution) -> Iterator[tuple[Relation, list[Ref], list[Ref], float, str]]:
    """"Y is an aggressor", "Y is the peace president": a judgement of Y, to be owned by whoever says it.

    Yields the judgement with no subject; the caller gives it to the quotation's speaker or the
    reporter, and drops it when there is none (the author's own opinion is not a claim).
    """
    if tok.lemma_ != "be":
        return
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    targets = [r for r in _arg_refs(subj, res) if not r.is_issue]
    if not targets:
        return
    words = {w for c in tok.children if c.dep_ in ("attr", "acomp") for t in c.subtree for w in (t.lower_, t.lemma_.lower())}
    if words & lex.evaluation_negative:
        yield Relation.CRITICIZES, [], targets, 0.5, "is (judgement)"
    elif words & (lex.evaluation_positive | {"peace"}):
        yield Relation.PRAISES, [], targets, 0.5, "is (judgement)"
