"""``deps.v1``: relation extraction by dependency patterns over one parsed sentence.

Constructions: active and passive clauses, phrasal and prepositional verbs, xcomp chains
("refused to back"), conjoined subjects and objects, light verbs ("impose sanctions on"),
nominal predicates ("X's support for Y", "Russian strikes on Y"), adjectives ("critical of Y"),
missing subjects of participial, infinitive and relative clauses, negation, hypothetical and
reported speech.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import chain

from spacy.tokens import Span, Token

from kg.lexicon import Lexicon
from kg.records import Modality, Relation
from kg.resolve import Ref, Resolution

__all__ = ["Candidate", "extract_sentence", "EXTRACTOR"]

EXTRACTOR = "deps.v1"
_SUBJ = ("nsubj", "csubj")
_CLAUSAL = {"relcl", "acl", "advcl", "ccomp", "xcomp", "csubj", "parataxis", "conj", "appos", "punct", "cc"}
_NEG = {"not", "n't", "never", "no", "neither", "nor", "n’t"}
_WH = {"who", "which", "that", "whom"}


@dataclass(frozen=True, slots=True)
class Candidate:
    subject: Ref
    relation: Relation
    object: Ref
    modality: Modality
    negated: bool
    confidence: float
    predicate: str
    reporter: Ref | None = None


# person nouns whose modifier is another actor, not the referent ("US allies" are not the US)
_RELATIONAL = {"ally", "allies", "partner", "critic", "opponent", "rival", "enemy", "friend", "neighbour", "neighbor",
               "counterpart", "proxy", "bankroller", "backer", "supporter", "foe", "adversary", "client", "vassal",
               "puppet", "sponsor", "patron"}


def _antecedent_of_relative(tok: Token) -> Token | None:
    """The noun a relative pronoun stands for ("the weapons that Biden balked at")."""
    for anc in tok.ancestors:
        if anc.dep_ == "relcl":
            return anc.head
    return None


def _arg_refs(tok: Token | None, res: Resolution, depth: int = 3) -> list[Ref]:
    """The actors/issues an argument token stands for, with its conjuncts."""
    if tok is None:
        return []
    if tok.lower_ in _WH and tok.tag_ in ("WDT", "WP", "IN") and res.at(tok) is None:
        tok = _antecedent_of_relative(tok)
        if tok is None:
            return []
    heads = [tok, *[c for c in tok.conjuncts if c.i > tok.i]]
    out: list[Ref] = []
    for head in heads:
        ref = res.at(head)
        if ref is not None:
            out.append(ref)
            continue
        appos = [res.at(c) for c in head.children if c.dep_ == "appos" and res.at(c) is not None]
        if appos:
            out.append(appos[0])
            continue
        relational = head.lemma_.lower() in _RELATIONAL or head.lower_ in _RELATIONAL
        frontier = [head]
        for _ in range(depth):
            nxt = []
            for t in frontier:
                for c in t.children:
                    if c.dep_ in _CLAUSAL:
                        continue
                    if c.dep_ == "prep" and c.lower_ not in ("of", "between", "among"):
                        continue
                    nxt.append(c)
            found = [r for r in (res.at(t) for t in nxt) if r is not None]
            if relational:
                found = [r for r in found if r.kind is not None and r.kind.value == "Organization"]
            if found:
                out.extend(dict.fromkeys(found))
                break
            if relational:
                break
            frontier = nxt
    return list(dict.fromkeys(out))


_ARTIFACTS = {"post", "statement", "message", "letter", "tweet", "speech", "remarks", "interview", "op-ed", "article",
              "address", "communique", "communiqué", "declaration", "video", "broadcast", "briefing", "memo", "note", "report"}


def _agent_refs(tok: Token | None, res: Resolution, lex: Lexicon) -> list[Ref]:
    """Actors doing something; an issue-like subject stands for its owner ("Moscow's diplomacy, which ...");
    a statement stands for its author ("..., in a post that hinted at ...": whoever posted)."""
    refs = _arg_refs(tok, res)
    if tok is not None and not refs and tok.lemma_.lower() in _ARTIFACTS:
        if tok.dep_ == "pobj" and tok.head.lower_ in ("in", "through", "via") and tok.head.head.pos_ in ("VERB", "AUX"):
            subj, _ = _subject_token(tok.head.head, lex)
            return [r for r in _arg_refs(subj, res) if not r.is_issue]
    if tok is not None and refs and all(r.is_issue for r in refs):
        owners = [res.at(c) for c in tok.children if c.dep_ in ("poss", "amod", "compound") and res.at(c) is not None]
        return [r for r in owners if not r.is_issue]
    return refs


def _lemma(tok: Token, lex: Lexicon) -> str:
    """The token's lemma, repaired when the small model garbles a known word ("staged" -> "stag")."""
    lemma = tok.lemma_.lower()
    if lemma in lex.known or tok.pos_ != "VERB":
        return lemma
    low = tok.lower_
    for cand in (low, low[:-1], low[:-2], low[:-3] + "y", low[:-3] + "e") if low.endswith(("ed", "es", "s", "d")) else (low,):
        if cand in lex.known:
            return cand
    return lemma


def _passive(verb: Token) -> bool:
    """A passive clause; "he's adopted X" (has adopted) is active however the parser reads 's."""
    deps = {c.dep_ for c in verb.children}
    if "dobj" in deps or "obj" in deps:
        return False
    return "nsubjpass" in deps or ("auxpass" in deps and "nsubj" not in deps)


def _subject_token(verb: Token, lex: Lexicon, hops: int = 4) -> tuple[Token | None, bool]:
    """The subject token of a verb, walking up xcomp/conj/advcl/relcl chains; (token, inherited)."""
    for child in verb.children:
        if child.dep_ in _SUBJ or (child.dep_ == "nsubjpass" and not _passive(verb)):
            if child.lower_ in _WH and verb.dep_ == "relcl":
                head = verb.head
                while head.dep_ == "conj" and head.head is not head:  # "Moscow and Beijing, which ..."
                    head = head.head
                return head, True
            return child, False
        if child.dep_ == "agent":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj, False
    if hops == 0:
        return None, True
    head = verb.head
    if verb.dep_ == "xcomp":
        obj = next((c for c in head.children if c.dep_ in ("dobj", "obj")), None)
        if obj is None:  # "called on both sides to agree": the object of on/upon does it
            on = next((c for c in head.children if c.dep_ == "prep" and c.lower_ in ("on", "upon")), None)
            obj = next((c for c in on.children if c.dep_ == "pobj"), None) if on is not None else None
        if obj is not None and head.lemma_ in lex.object_control:
            return obj, True
        return _subject_token(head, lex, hops - 1)[0], True
    if verb.dep_ == "conj" and head.pos_ in ("VERB", "AUX"):
        said = next((c for c in head.children if c.dep_ == "ccomp" and c.right_edge.i < verb.i), None)
        key = _phrasal_key(verb, lex)
        action = (lex.phrasal.get(key) if key else lex.verbs.get(_lemma(verb, lex))) in (Relation.ATTACKS, Relation.AIDS, Relation.SANCTIONS)
        if said is not None and action and verb.lemma_ not in lex.speech:
            # "X complained that Y was ready to talk but then fired missiles": the parser hangs the
            # second verb on "complained", but it continues what Y did
            return _subject_token(said, lex, hops - 1)[0], True
        return _subject_token(head, lex, hops - 1)[0], True
    if verb.dep_ == "advcl" and verb.tag_ in ("VBG", "VBN") and not any(c.dep_ == "mark" for c in verb.children):
        # a participle after a relative clause belongs to the main clause ("..., condemning X")
        while head.dep_ in ("relcl", "acl") and head.head is not head:
            head = head.head
            while head.pos_ not in ("VERB", "AUX") and head.head is not head:
                head = head.head
        return _subject_token(head, lex, hops - 1)[0], True
    if verb.dep_ in ("relcl", "acl") and head.pos_ in ("NOUN", "PROPN", "PRON"):
        if verb.dep_ == "acl" and not head.ent_type_ and head.dep_ in ("dobj", "obj") and head.head.pos_ in ("VERB", "AUX"):
            return _subject_token(head.head, lex, hops - 1)[0], True
        return head, True
    return None, True


def _chain(verb: Token) -> Iterator[Token]:
    """The verb and the verbs governing it through xcomp/conj/ccomp/advcl (nearest first)."""
    tok = verb
    for _ in range(6):
        yield tok
        if tok.dep_ in ("xcomp", "conj", "ccomp", "advcl", "relcl", "acl", "pcomp") and tok.head is not tok:
            tok = tok.head
        else:
            return


def _intended(pred: Token, lex: Lexicon) -> bool:
    """The predicate is the aim of a vow, threat or plan ("vowed to retaliate against Y")."""
    tok = pred
    while tok.dep_ in ("xcomp", "conj") and tok.head is not tok:
        tok = tok.head
        if tok.lemma_ in lex.intention:
            return True
    return False


def _negated(tok: Token) -> bool:
    for child in tok.children:
        if child.dep_ == "neg" or (child.dep_ in ("advmod", "det") and child.lower_ in _NEG):
            return True
        if child.dep_ == "advmod" and child.lower_ == "longer" and any(g.lower_ == "no" for g in child.children):
            return True
    return False


def _modality(pred: Token, lex: Lexicon, res: Resolution, sent: Span) -> tuple[bool, bool, Ref | None]:
    """(negated, hypothetical, reporter) for a predicate token."""
    negated = False
    hypothetical = False
    reporter = None
    negation_open = modal_open = True  # negation passes up xcomp chains only; modality stops at ccomp
    came_by = ""  # how the previous link hangs on this one
    for i, tok in enumerate(_chain(pred)):
        if negation_open and _negated(tok):
            negated = not negated
        if i > 0 and negation_open and tok.lemma_ in lex.negating and tok.pos_ == "VERB":
            negated = not negated
        if modal_open and i > 0 and came_by in ("xcomp", "ccomp", "advcl") and tok.lemma_ in lex.irrealis and tok.pos_ == "VERB":
            hypothetical = True  # "urged the bloc to fund Kyiv": the funding has not happened
        if modal_open:
            for child in tok.children:
                if child.dep_ == "aux" and child.lower_ in lex.modals:
                    hypothetical = True
                if child.dep_ == "mark" and child.lower_ in lex.conditional:
                    hypothetical = True
                if child.dep_ == "advmod" and child.lower_ in lex.hedges:
                    hypothetical = True
        if i > 0 and tok.lemma_ in lex.speech and reporter is None:
            subj, _ = _subject_token(tok, lex)
            refs = _arg_refs(subj, res)
            reporter = refs[0] if refs and not refs[0].is_issue else None
            break
        came_by = tok.dep_
        if tok.dep_ != "xcomp":
            negation_open = False
        if tok.dep_ == "ccomp" and tok.head.lemma_ in lex.speech:
            modal_open = False  # "X could say that ...": the reported content keeps its own mood
    if reporter is None:
        reporter = _quote_speaker(pred, sent, lex, res)
    return negated, hypothetical, reporter


def _quote_speaker(pred: Token, sent: Span, lex: Lexicon, res: Resolution) -> Ref | None:
    """The source of a claim: the speaker of a quotation it sits in (‘"...," Lavrov said’) or the
    actor it is "according to"."""
    for tok in sent:
        if tok.pos_ == "VERB" and tok.lemma_ in lex.speech and tok.i != pred.i and tok.dep_ == "advcl" \
                and any(m.dep_ == "mark" and m.lower_ == "as" for m in tok.children):
            # "..., as several European leaders have said, ...": the parenthetical names the source
            refs = [r for r in _arg_refs(_subject_token(tok, lex)[0], res) if not r.is_issue]
            if refs:
                return refs[0]
        if tok.lower_ == "according":
            to = next((c for c in tok.children if c.lower_ == "to"), None)
            pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
            refs = [r for r in _arg_refs(pobj, res) if not r.is_issue]
            if refs:
                return refs[0]
    text = sent.text
    if '"' not in text and "\u201c" not in text:
        return None
    root = sent.root
    if root.lemma_ in lex.speech and root.i != pred.i:
        subj, _ = _subject_token(root, lex)
        refs = _arg_refs(subj, res)
        if refs and not refs[0].is_issue:
            return refs[0]
    return None


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


def _phrasal_key(pred: Token, lex: Lexicon) -> tuple[str, ...] | None:
    lemma = _lemma(pred, lex)
    prts = [c.lower_ for c in pred.children if c.dep_ == "prt"]
    preps = [c.lower_ for c in pred.children if c.dep_ in ("prep", "agent")]
    preps += [m.lower_ for c in pred.children if c.dep_ in ("advcl", "ccomp", "xcomp")
              for m in c.children if m.dep_ == "mark" and m.lower_ == "for"]  # "pay for X to buy"
    for prt in prts:
        for prep in preps:
            if (lemma, prt, prep) in lex.phrasal:
                return (lemma, prt, prep)
    for word in prts + preps:
        if (lemma, word) in lex.phrasal:
            return (lemma, word)
    return None


def _light_subject(noun: Token, lex: Lexicon) -> Token | None:
    """Subject of the verb a relational noun is the object of ("impose sanctions on X")."""
    while noun.dep_ == "conj" and noun.head is not noun:
        noun = noun.head
    tok = noun
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep":
        tok = tok.head
    if tok.dep_ in ("dobj", "obj", "prep", "attr", "nsubjpass") and tok.head.pos_ in ("VERB", "AUX"):
        verb = tok.head
        lexical = _lemma(verb, lex) in lex.verbs
        if _lemma(verb, lex) in lex.light or (noun.dep_ in ("dobj", "obj", "attr") and not lexical):
            subj, _ = _subject_token(verb, lex)
            return subj
    return None


_STANCE = {Relation.SUPPORTS, Relation.OPPOSES}
_INSTRUMENT_PREPS = ("on", "against", "towards", "toward", "into", "at", "upon")


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
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            refs = _arg_refs(pobj, res)
            if refs:
                return refs
    return []


def _instrument_target(refs: list[Ref], tok: Token | None, res: Resolution) -> list[Ref]:
    """For a conflict act done with an instrument, its target ("threatened sanctions on Russia" -> Russia)."""
    if tok is None or not refs or not all(r.is_issue for r in refs):
        return refs
    for t in tok.subtree:
        if t.dep_ == "prep" and t.lower_ in _INSTRUMENT_PREPS and res.at(t.head) is not None and res.at(t.head).is_issue:
            pobj = next((c for c in t.children if c.dep_ == "pobj"), None)
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
        if ref is not None and not ref.is_issue and t.dep_ in ("compound", "poss", "nmod") and res.at(t.head) is not None \
                and res.at(t.head).is_issue:
            return [ref]
    return refs


def _beneficiaries(refs: list[Ref], tok: Token | None, res: Resolution) -> list[Ref]:
    """Who an issue is for ("security guarantees for Ukraine", "aid to Sudan")."""
    if tok is None or not refs or not all(r.is_issue for r in refs):
        return []
    out = []
    for t in tok.subtree:
        if t.dep_ == "prep" and t.lower_ in ("for", "to") and res.at(t.head) is not None and res.at(t.head).is_issue:
            pobj = next((c for c in t.children if c.dep_ == "pobj"), None)
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


def _object_token(pred: Token) -> Token | None:
    return next((c for c in pred.children if c.dep_ in ("dobj", "obj", "dative", "attr", "oprd")), None)


_DIPLOMATS = {"ambassador", "envoy", "diplomat", "charge", "chargé", "chargé d'affaires", "consul", "attaché"}
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
    key = _phrasal_key(pred, lex)
    if key is None and pred.lemma_ in lex.evaluate and any(c.dep_ in ("oprd", "ccomp", "xcomp") for c in pred.children):
        return  # "called it a victory" judges; it is not a phone call
    rel = lex.phrasal.get(key) if key else lex.verbs.get(_lemma(pred, lex))
    if rel is None:
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
        subj_tok, inherited, passive = next((c for c in agent.children if c.dep_ == "pobj"), None), False, True
    subjects = _agent_refs(subj_tok, res, lex)
    if reduced:
        obj_tok: Token | None = pred.head
    else:
        obj_tok = next((c for c in pred.children if c.dep_ == "nsubjpass"), None) if passive else _object_token(pred)
    if key and not passive and not reduced and _object_token(pred) is not None and pred.lemma_ in lex.verbs \
            and not _targets(pred, key, res):
        key, rel = None, lex.verbs[pred.lemma_]  # "warned Israel against retaliation": warn Israel
    if obj_tok is None and key and len(key) > 1:
        prep = next((c for c in pred.children if c.dep_ in ("prep", "agent") and c.lower_ == key[-1]), None)
        obj_tok = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    objects = _arg_refs(obj_tok, res) if passive else _targets(pred, key, res)
    conf = 0.8 - (0.1 if inherited else 0.0)
    if rel is Relation.MEETS and obj_tok is not None and obj_tok.lemma_.lower() in _DIPLOMATS and _lemma(pred, lex) == "summon":
        rel = Relation.CRITICIZES  # summoning an ambassador is a diplomatic protest (CAMEO 111)
    if obj_tok is not None and rel in _STANCE:
        inner = _inner_target(obj_tok, lex, res)
        objects = inner or objects
    if obj_tok is not None and rel in _JUDGEMENT:
        agent = _event_agent(obj_tok, lex, res, context)
        objects = agent or objects
    if not objects:
        clause = next((c for c in pred.children if c.dep_ in ("xcomp", "ccomp")), None)
        if clause is not None and rel in _STANCE:
            objects = _issue_in(clause, res)
        elif clause is not None and rel in (Relation.CRITICIZES, Relation.PRAISES) and clause.dep_ == "ccomp":
            objects = [r for r in _arg_refs(_subject_token(clause, lex)[0], res) if not r.is_issue]
        conf -= 0.1
    if rel.polarity < 0 and rel not in _STANCE:
        objects = _instrument_target(objects, obj_tok, res)
        if not objects and obj_tok is not None and rel is Relation.SANCTIONS:  # "cut trade with Israel"
            for prep in obj_tok.children:
                if prep.dep_ == "prep" and prep.lower_ in ("with", "to", "on", "against", "towards", "toward", "from"):
                    objects = [r for r in _arg_refs(next((c for c in prep.children if c.dep_ == "pobj"), None), res) if not r.is_issue]
                    if objects:
                        break
    if rel is Relation.MEETS:
        objects = [r for r in _event_host(objects, obj_tok, res) if not r.is_issue]
    if _lemma(pred, lex) in lex.deal:  # what is offered, accepted or signed is a deal, not peace itself
        objects = [Ref("issue:peace deal", "peace deal", None) if r.id == "issue:peace" else r for r in objects]
    if rel is Relation.ATTACKS and not objects:  # "struck (back at) targets in Lebanon"
        heads = [obj_tok] if obj_tok is not None else [
            p for c in pred.children if c.dep_ == "prep" and c.lower_ in ("at", "on", "against", "into")
            for p in c.children if p.dep_ == "pobj"]
        for head in heads:
            objects = [r for r in _arg_refs(head, res) if not r.is_issue]
            for prep in head.children:
                if not objects and prep.dep_ == "prep" and prep.lower_ in ("in", "across", "inside"):
                    objects = [r for r in _arg_refs(next((c for c in prep.children if c.dep_ == "pobj"), None), res) if not r.is_issue]
    if rel.polarity > 0 or rel in _STANCE:  # "blocked aid for Ukraine" opposes Ukraine too
        objects = objects + _beneficiaries(objects, obj_tok, res)
    yield rel, subjects, objects, conf, " ".join(key) if key else pred.lemma_


def _nominal(noun: Token, lex: Lexicon, res: Resolution, context: dict | None = None) -> Iterator[tuple[Relation, list[Ref], list[Ref], float, str]]:
    lemma = noun.lemma_.lower()
    low = noun.lower_
    if lemma not in lex.noun_heads and low not in lex.noun_heads:
        return
    rel = None
    objects: list[Ref] = []
    preps = [c for c in noun.children if c.dep_ == "prep"]
    if noun.dep_ in ("dobj", "obj") and _lemma(noun.head, lex) in lex.light:
        preps += [c for c in noun.head.children if c.dep_ == "prep" and c.i > noun.i]  # "staged drills around Taiwan"
    for child in preps:
        if child.dep_ == "prep":
            rel = lex.nouns.get((low, child.lower_)) or lex.nouns.get((lemma, child.lower_))
            if rel is not None:
                pobj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
                objects = _arg_refs(pobj, res)
                if objects:
                    break
    if rel is None or not objects:
        if context is not None and lex.noun_heads.get(lemma) is Relation.ATTACKS:
            # "the Russian summer offensive": an attacker without a named target
            context.setdefault("agents", {}).update(
                (r.id, r) for c in noun.children if c.dep_ in ("amod", "poss", "compound") and c.i < noun.i
                for r in [res.at(c)] if r is not None and not r.is_issue)
        yield from _relational_person(noun, lemma, lex, res)
        return
    pobj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
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
                ref = res.at(t)
                if ref is not None and not ref.is_issue and ref not in objects and t.dep_ in ("poss", "amod", "compound", "nmod", "conj"):
                    subjects.append(ref)
        elif child.dep_ == "prep" and child.lower_ == "by":
            subjects.extend(r for r in _arg_refs(next((c for c in child.children if c.dep_ == "pobj"), None), res) if not r.is_issue)
    subjects = list(dict.fromkeys(subjects))
    if not subjects:
        subj_tok = _light_subject(noun, lex)
        subjects = _agent_refs(subj_tok, res, lex) if subj_tok is not None else []
        conf = 0.6
    if subjects:
        yield rel, subjects, objects, conf, f"{lemma} {child.lower_}"


def _relational_person(noun: Token, lemma: str, lex: Lexicon, res: Resolution) -> Iterator[tuple[Relation, list[Ref], list[Ref], float, str]]:
    """"X's ally Y", "US ally Modi", "its American support": the relation between two modifiers."""
    rel = lex.noun_heads.get(lemma) or lex.noun_heads.get(noun.lower_)
    if rel is None:
        return
    owner = [res.at(c) for c in noun.children if c.dep_ in ("poss", "compound", "nmod") and c.i < noun.i and res.at(c) is not None]
    appos = [r for r in _arg_refs(next((c for c in noun.children if c.dep_ == "appos"), None), res) if not r.is_issue]
    if owner and appos and not owner[0].is_issue:
        yield rel, appos, [owner[0]], 0.6, f"{lemma} (apposition)"
        return
    host = res.at(noun.head) if noun.dep_ == "appos" else None
    if owner and host is not None and not host.is_issue and not owner[0].is_issue and host != owner[0]:
        yield rel, [host], [owner[0]], 0.6, f"{lemma} (apposition)"
        return
    poss = [res.at(c) for c in noun.children if c.dep_ == "poss" and res.at(c) is not None]
    amod = [res.at(c) for c in noun.children if c.dep_ in ("amod", "compound") and c.i < noun.i and res.at(c) is not None]
    if poss and amod and poss[0] != amod[0] and not poss[0].is_issue and not amod[0].is_issue:
        yield rel, [amod[0]], [poss[0]], 0.55, f"{lemma} (modifiers)"


def _adjectival(adj: Token, lex: Lexicon, res: Resolution) -> Iterator[tuple[Relation, list[Ref], list[Ref], float, str]]:
    if adj.dep_ not in ("acomp", "oprd", "attr", "amod", "appos"):
        return
    for child in adj.children:
        rel = lex.adjectives.get((adj.lemma_.lower(), child.lower_)) if child.dep_ == "prep" else None
        if rel is None:
            continue
        pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
        objects = _arg_refs(pobj, res)
        subj_tok = adj.head if adj.dep_ in ("amod", "appos") else _subject_token(adj.head, lex)[0]
        subjects = _arg_refs(subj_tok, res)
        yield rel, subjects, objects, 0.7, f"{adj.lemma_.lower()} {child.lower_}"


_FLIP = {
    Relation.SUPPORTS: Relation.OPPOSES, Relation.PRAISES: Relation.CRITICIZES,
    Relation.COOPERATES: Relation.OPPOSES, Relation.AIDS: Relation.OPPOSES,
    Relation.NEGOTIATES: Relation.OPPOSES, Relation.OPPOSES: Relation.SUPPORTS,
}


_RECIPROCAL = {"meet", "talk", "negotiate", "agree", "clash", "fight", "cooperate", "ally", "confer", "spar", "feud", "reconcile", "quarrel"}
_BETWEEN = {"talks", "talk", "meeting", "summit", "call", "negotiation", "negotiations", "clash", "clashes", "war",
            "conflict", "fighting", "dialogue", "deal", "agreement", "tension", "tensions", "rift", "alliance",
            "partnership", "ties", "relations", "rivalry", "dispute", "standoff", "feud", "cooperation", "accord", "pact", "truce"}


def _reciprocal(tok: Token, lex: Lexicon, res: Resolution) -> Iterator[tuple[Relation, list[Ref], list[Ref], float, str]]:
    """"X and Y met", "talks between X and Y": a relation each way between every pair."""
    pairs: list[Ref] = []
    rel = None
    if tok.pos_ == "VERB" and tok.lemma_ in _RECIPROCAL and _object_token(tok) is None:
        rel = lex.verbs.get(tok.lemma_) or lex.phrasal.get((tok.lemma_, "with"))
        subj, _ = _subject_token(tok, lex)
        pairs = [r for r in _arg_refs(subj, res) if not r.is_issue]
        predicate = tok.lemma_
    elif tok.pos_ == "NOUN" and tok.lower_ in _BETWEEN and not (tok.dep_ == "pobj" and tok.head.lower_ in ("about", "for", "of", "on", "over", "to")):
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ == "between":
                pairs = [r for r in _arg_refs(next((c for c in child.children if c.dep_ == "pobj"), None), res) if not r.is_issue]
        if not pairs and tok.dep_ in ("dobj", "obj") and tok.head.lemma_ in lex.light and not any(
                c.dep_ == "prep" and c.lower_ == "with" for c in tok.children):
            pairs = [r for r in _arg_refs(_subject_token(tok.head, lex)[0], res) if not r.is_issue]
        rel = lex.nouns.get((tok.lower_, "with")) or lex.nouns.get((tok.lemma_, "with")) or lex.noun_heads.get(tok.lemma_)
        predicate = f"{tok.lower_} between"
    if rel is None or len(pairs) < 2:
        return
    for a in pairs:
        yield rel, [a], [b for b in pairs if b != a], 0.65, predicate


def unnamed_attackers(context: dict) -> Iterator[tuple[Span, Candidate]]:
    """Give attacks whose attacker the sentence leaves unnamed ("the ministry was hit", "the
    pummelling of Kyiv") to the article's attacker of that target, when there is exactly one.

    Args:
        context: the article's extraction context: its explicit "attacks" (attacker, target), the
            "pending" attacks without an attacker, and attack "agents" without a target.
    """
    attacks: list[tuple[Ref, Ref]] = context.get("attacks", [])
    by_target: dict[str, set[str]] = {}
    refs: dict[str, Ref] = {}
    for a, t in attacks:
        by_target.setdefault(t.id, set()).add(a.id)
        refs[a.id] = a
    everyone = {a.id for a, _ in attacks} | set(context.get("agents", {}))
    for sent, targets, predicate, reporter in context.get("pending", []):
        for target in targets:
            named = by_target.get(target.id, set())
            pool = named if named else everyone - {target.id}
            if len(pool) != 1:
                continue
            attacker_id = next(iter(pool))
            attacker = refs.get(attacker_id) or context.get("agents", {}).get(attacker_id)
            if attacker is None or attacker.id == target.id or _own_state(attacker, target):
                continue
            yield sent, Candidate(attacker, Relation.ATTACKS, target, Modality.REPORTED if reporter else Modality.ASSERTED,
                                  False, 0.4, f"{predicate} (unnamed attacker)", reporter)


def _own_state(a: Ref, b: Ref) -> bool:
    """A person and the state they act for: not a relation between two actors."""
    return (a.kind is not None and a.country == b.id and a.id != b.id) or (b.kind is not None and b.country == a.id and a.id != b.id)


def extract_sentence(sent: Span, res: Resolution, lex: Lexicon, context: dict | None = None) -> Iterator[Candidate]:
    """Every relation candidate in one sentence.

    Args:
        context: state carried across the sentences of one article (the last attacker, for
            "X condemned the attack"); updated in place.
    """
    context = context if context is not None else {}
    for tok in sent:
        if tok.pos_ == "VERB":
            judged = list(_evaluation(tok, lex, res))
            found = chain(judged or _verbal(tok, lex, res, context), _reciprocal(tok, lex, res))
        elif tok.pos_ in ("NOUN", "PROPN"):
            found = chain(_nominal(tok, lex, res, context), _reciprocal(tok, lex, res))
        elif tok.pos_ == "ADJ":
            found = _adjectival(tok, lex, res)
        else:
            continue
        for rel, subjects, objects, conf, predicate in found:
            if not subjects and objects and rel is Relation.ATTACKS:
                negated, hypothetical, reporter = _modality(tok, lex, res, sent)
                if not negated and not hypothetical:
                    context.setdefault("pending", []).append((sent, [o for o in objects if not o.is_issue], predicate, reporter))
                continue
            if not subjects or not objects:
                continue
            negated, hypothetical, reporter = _modality(tok, lex, res, sent)
            if tok.pos_ == "NOUN" and _negated(tok):
                negated = not negated
            if negated:
                flipped = _FLIP.get(rel)
                if flipped is None:
                    continue
                rel = flipped
            if rel in (Relation.ATTACKS, Relation.SANCTIONS) and _intended(tok, lex):
                rel, hypothetical = Relation.THREATENS, False  # "vowed to strike Y" threatens Y now
            modality = (Modality.HYPOTHETICAL if hypothetical else Modality.NEGATED if negated
                        else Modality.REPORTED if reporter else Modality.ASSERTED)
            c = conf * (0.5 if hypothetical else 1.0) - (0.05 if reporter else 0.0)
            for s in subjects:
                if s.is_issue:
                    continue
                own_words = reporter is not None and reporter.id == s.id
                if own_words:  # "Iran said ... but warned Israel": Iran's own act, not a report
                    modality = Modality.HYPOTHETICAL if hypothetical else Modality.NEGATED if negated else Modality.ASSERTED
                for o in objects:
                    if o.id == s.id or _own_state(s, o):
                        continue
                    penalty = 0.1 * sum(r.via in ("pronoun", "description") for r in (s, o))
                    yield Candidate(s, rel, o, modality, negated, max(0.05, c - penalty), predicate, None if own_words else reporter)
                    if rel is Relation.ATTACKS and not hypothetical:
                        context["attacker"] = s
                        context.setdefault("attacks", []).append((s, o))
                    if reporter is not None and not own_words and rel.polarity < 0 and rel is not Relation.CRITICIZES \
                            and reporter.id != s.id and not _own_state(reporter, s) and not hypothetical:
                        # "Zelensky said Russia struck American property": the speaker accuses the attacker
                        yield Candidate(reporter, Relation.CRITICIZES, s, Modality.ASSERTED, False,
                                        max(0.05, c - penalty - 0.15), f"reports {predicate}")
