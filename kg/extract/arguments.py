"""Arguments of a predicate: who does it and to whom, through the parse and the resolved mentions."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from spacy.tokens import Span, Token

from kg.lexicon import Lexicon, words
from kg.records import ActorKind, Relation
from kg.resolve import Ref, Resolution
from kg.text import HYPHENS


class Reading(NamedTuple):
    """What one relation word says: who does what to whom, how sure, through which words."""

    relation: Relation
    subjects: list[Ref]
    objects: list[Ref]
    confidence: float
    predicate: str


@dataclass
class ArticleContext:
    """What extraction carries across the sentences of one article, for attacks told in pieces."""

    attacker: Ref | None = None  # the last actor said to attack: "X condemned the attack"
    attacks: list[tuple[Ref, Ref]] = field(default_factory=list)  # (attacker, target) as stated
    pending: list[tuple[Span, list[Ref], str, Ref | None]] = field(default_factory=list)  # attacks with the attacker unnamed
    agents: dict[str, Ref] = field(default_factory=dict)  # attackers named without a target ("the Russian offensive")


_SUBJ = ("nsubj", "csubj")

_CLAUSAL = {"relcl", "acl", "advcl", "ccomp", "xcomp", "csubj", "parataxis", "conj", "appos", "punct", "cc"}

_WH = words("relative_pronouns")

# person nouns whose modifier is another actor, not the referent ("US allies" are not the US)
_RELATIONAL = {"ally", "allies", "partner", "critic", "opponent", "rival", "enemy", "friend", "neighbour", "neighbor",
               "counterpart", "proxy", "bankroller", "backer", "supporter", "foe", "adversary", "client", "vassal",
               "puppet", "sponsor", "patron"}

def pobj_of(prep: Token) -> Token | None:
    """The object of a preposition, if the parse gives it one."""
    return next((c for c in prep.children if c.dep_ == "pobj"), None)


def _antecedent_of_relative(tok: Token) -> Token | None:
    """The noun a relative pronoun stands for ("the weapons that Biden balked at")."""
    for anc in tok.ancestors:
        if anc.dep_ == "relcl":
            return anc.head
    return None

def _persons_named(tok: Token, res: Resolution) -> list[Ref]:
    """The persons a name phrase lists, outside its prepositions ("Ahmed al-Sharaa and Mazloum Abdi,
    commander of the SDF," parsed as one phrase: both, not the SDF)."""
    out = []
    for t in tok.subtree:
        ref = res.at(t)
        if ref is None or ref.kind is not ActorKind.PERSON:
            continue
        up = t
        while up.i != tok.i and up.dep_ not in ("prep", "relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis"):
            up = up.head  # "William Ruto, who had met Xi Jinping": not Xi
        if up.i == tok.i:
            out.append(ref)
    return list(dict.fromkeys(out))


def arg_refs(tok: Token | None, res: Resolution, depth: int = 3) -> list[Ref]:
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
        if head.i in res.groups:  # "both countries", "the two leaders"
            out.extend(res.groups[head.i])
            continue
        named = [] if res.at(head) is not None else list(dict.fromkeys(
            r for c in head.children if c.dep_ == "appos" and getattr(res.at(c), "kind", None) is ActorKind.PERSON
            for r in _persons_named(c, res)))
        if named:  # "hosted Tanzania's president, Samia Suluhu Hassan": the person, not her state
            out.extend(named)
            continue
        members = _members(head, res) if head.tag_ in ("NNS", "NNPS") or res.at(head) is None else []
        if members:  # "four countries — A, B, C and D —", "European governments, including A and B,"
            out.extend(members)
            continue
        ref = res.at(head)
        if ref is not None:
            out.append(ref)
            continue
        if head.dep_ == "appos" and head.pos_ == "NOUN" and depth > 0:
            described = [r for r in arg_refs(head.head, res, depth - 1) if not r.is_issue]
            if described:  # "the STC, a group backed by the UAE": the group is the STC
                out.extend(described)
                continue
        relational = head.lemma_.lower() in _RELATIONAL or head.lower_ in _RELATIONAL
        frontier = [head]
        for _ in range(depth):
            nxt = []
            for t in frontier:
                for c in t.children:
                    if c.dep_ in _CLAUSAL:
                        continue
                    if c.dep_ == "prep" and c.lower_ not in ("of", "between", "among") \
                            and not (c.lower_ in ("in", "at", "from") and t.lemma_.lower() in words("located_agents")):
                        continue  # "officials in Kabul", "diplomats at the White House" stand for where they serve
                    if is_fused_participle(c):  # "Rwanda-backed M23 rebels" are not Rwanda
                        continue
                    nxt.append(c)
            found = res.refs_of(nxt)
            if found and head.lemma_.lower() in words("government_nouns"):  # "his government", "Kurti's government"
                found = [res.state_of_person(r) or r for r in found]
            if found:  # "American and British warplanes": the modifier's conjuncts too
                found += res.refs_of(conj for t in nxt if res.at(t) is not None for conj in t.conjuncts)
            if relational:
                found = [r for r in found if r.kind is not None and r.kind.value == "Organization"]
            if found:
                out.extend(dict.fromkeys(found))
                break
            if relational:
                break
            frontier = nxt
    return list(dict.fromkeys(out))

def _members(head: Token, res: Resolution, depth: int = 3) -> list[Ref]:
    """The actors a noun lists in apposition or after "including" ("three leaders — A, B and C —")."""
    listed = [c for c in head.children if c.dep_ == "appos"]
    listed += [p for c in head.children if c.dep_ == "prep" and c.lower_ in words("listing") for p in c.children if p.dep_ == "pobj"]
    out: list[Ref] = []
    for tok in listed:
        for member in (tok, *tok.conjuncts):
            ref = res.at(member)
            if ref is not None:
                out.append(ref)
            elif depth > 0:
                out.extend(_members(member, res, depth - 1))
    return list(dict.fromkeys(out))

_ARTIFACTS = {"post", "statement", "message", "letter", "tweet", "speech", "remarks", "interview", "op-ed", "article",
              "address", "communique", "communiqué", "declaration", "video", "broadcast", "briefing", "memo", "note", "report"}

def agent_refs(tok: Token | None, res: Resolution, lex: Lexicon) -> list[Ref]:
    """Actors doing something; an issue-like subject stands for its owner ("Moscow's diplomacy, which ...");
    a statement stands for its author ("..., in a post that hinted at ...": whoever posted)."""
    refs = arg_refs(tok, res)
    if tok is not None and not refs and tok.lemma_.lower() in _ARTIFACTS:
        if tok.dep_ == "pobj" and tok.head.lower_ in ("in", "through", "via") and tok.head.head.pos_ in ("VERB", "AUX"):
            subj, _ = subject_token(tok.head.head, lex)
            return [r for r in arg_refs(subj, res) if not r.is_issue]
    if tok is not None and not refs:  # "the air strikes ordered by General X hit Y"
        for clause in tok.children:
            agent = next((c for c in clause.children if c.dep_ == "agent"), None) if clause.dep_ == "acl" else None
            if agent is not None:
                return [r for r in arg_refs(pobj_of(agent), res) if not r.is_issue]
    if tok is not None and refs and all(r.is_issue for r in refs):
        return res.refs_of((c for c in tok.children if c.dep_ in ("poss", "amod", "compound")), actors_only=True)
    return refs


def is_fused_participle(tok: Token) -> bool:
    """A participle with a patron fused to it by a hyphen ("Rwanda-backed", "US-led")."""
    low, patronage = tok.lower_, words("patronage")
    return tok.tag_ in ("VBN", "VBD", "JJ") and tok.i > tok.sent.start and tok.doc[tok.i - 1].text in HYPHENS \
        and (tok.lemma_.lower() in patronage or low[:-2] in patronage or low[:-1] in patronage)

def hyphen_agents(pred: Token, res: Resolution) -> list[Ref]:
    """Actors fused to a participle by a hyphen: "a Qatar-brokered truce", "African Union-backed
    forces", "Qatari- and Turkish-mediated talks" (the first actor keeps its own hyphen)."""
    if not is_fused_participle(pred) or pred.dep_ not in ("amod", "compound", "nmod", "acl", "conj"):
        return []  # "Iranian-designed drones" name a maker, not a patron
    doc, start = pred.doc, pred.sent.start
    out: list[Ref] = []
    i = pred.i - 1
    while i > start and doc[i].text in HYPHENS:
        ref = res.at(doc[i - 1])
        if ref is None or ref.is_issue:
            break
        out.append(ref)
        i = res.spans.get(i - 1, (i - 1, i))[0] - 1  # before the whole name ("African Union")
        if i <= start or doc[i].lower_ not in ("and", "or", ","):
            break
        i -= 1  # "Qatari- and": the earlier actor carries its hyphen in one token
        ref = res.at(doc[i])
        if ref is not None and not ref.is_issue and doc[i].text.endswith(HYPHENS):
            out.append(ref)
            break
    return list(dict.fromkeys(out))

def lemma_of(tok: Token, lex: Lexicon) -> str:
    """The token's lemma, repaired when the small model garbles a known word ("staged" -> "stag")."""
    lemma = tok.lemma_.lower()
    if lemma in lex.known or tok.pos_ != "VERB":
        return lemma
    low = tok.lower_
    if low.endswith("ing"):  # "cozying" -> "cozy", "cutting" -> "cut", "staging" -> "stage"
        stem = low[:-3]
        forms: tuple[str, ...] = (stem, stem + "e", stem + "y", stem[:-1])
    elif low.endswith(("ed", "es", "s", "d")):
        forms = (low, low[:-1], low[:-2], low[:-3], low[:-3] + "y", low[:-3] + "e")
    else:
        forms = (low,)
    for cand in forms:
        if cand in lex.known:
            return cand
    return lemma

def is_passive(verb: Token) -> bool:
    """A passive clause; "he's adopted X" (has adopted) is active however the parser reads 's."""
    deps = {c.dep_ for c in verb.children}
    if "dobj" in deps or "obj" in deps:
        return False
    return "nsubjpass" in deps or ("auxpass" in deps and "nsubj" not in deps)

def is_revoking(tok: Token, lex: Lexicon, table: frozenset[str] | None = None) -> bool:
    """A verb that suspends or ends something ("suspended", "broke off", "called off"), or one
    of ``table`` with its particle."""
    table = lex.revoke if table is None else table
    lemma = lemma_of(tok, lex)
    return lemma in table or any(f"{lemma} {c.lower_}" in table for c in tok.children if c.dep_ == "prt")


def phrasal_key(pred: Token, lex: Lexicon) -> tuple[str, ...] | None:
    lemma = lemma_of(pred, lex)
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

def subject_token(verb: Token, lex: Lexicon, hops: int = 4) -> tuple[Token | None, bool]:
    """The subject token of a verb, walking up xcomp/conj/advcl/relcl chains; (token, inherited)."""
    for child in verb.children:
        if child.dep_ in _SUBJ or (child.dep_ == "nsubjpass" and not is_passive(verb)):
            if child.lower_ in _WH and verb.dep_ == "relcl":
                head = verb.head
                while head.dep_ == "conj" and head.head.i != head.i:  # "Moscow and Beijing, which ..."
                    head = head.head
                return head, True
            return child, False
        if child.dep_ == "agent":
            pobj = pobj_of(child)
            if pobj is not None:
                return pobj, False
    if hops == 0:
        return None, True
    head = verb.head
    if (verb.dep_ == "pcomp" or verb.dep_ == "pobj" and verb.tag_ == "VBG") and head.lower_ in ("of", "for") \
            and head.head.lemma_ in lex.charge:
        # "accused Rwanda of arming the rebels", "thanked Norway for funding drones": the one charged does it
        charger = head.head
        charged = next((c for c in charger.children if c.dep_ in ("dobj", "obj")), None)
        if charged is None and is_passive(charger):
            charged = next((c for c in charger.children if c.dep_ == "nsubjpass"), None)
        return charged, True
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.lower_ in words("manner_preps") and head.head.pos_ in ("VERB", "AUX"):
        # "deprived customers of gas by refusing to extend the deal": who deprived refused
        return subject_token(head.head, lex, hops - 1)[0], True
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.lower_ in ("in", "at") and head.head.pos_ == "NOUN":
        # "the tenacity of Kyiv's forces in holding back the offensive": whose tenacity holds it back
        noun = head.head
        owner = next((c for c in noun.children if c.dep_ == "poss"), None) \
            or next((pobj_of(c) for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" and c.i < head.i), None)
        if owner is not None:
            return owner, True
    if verb.dep_ == "xcomp" and head.pos_ == "ADJ" and head.dep_ in ("acomp", "oprd", "amod") and head.head.i != head.i:
        # "Ukraine was ready to help Y", "stands ready to mediate": the one who is ready does it
        return subject_token(head.head, lex, hops - 1)[0], True
    if verb.dep_ == "xcomp":
        obj = next((c for c in head.children if c.dep_ in ("dobj", "obj")), None)
        if obj is None:  # "called on both sides to agree": the object of on/upon does it
            on = next((c for c in head.children if c.dep_ == "prep" and c.lower_ in ("on", "upon")), None)
            obj = pobj_of(on) if on is not None else None
        if obj is not None and head.lemma_ in lex.object_control:
            return obj, True
        patient = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
        if obj is None and patient is not None:  # "Modi is set to meet Xi", "X was forced to withdraw"
            return patient, True
        return subject_token(head, lex, hops - 1)[0], True
    if verb.dep_ == "conj" and head.tag_ == "VB" and head.dep_ == "xcomp" and verb.tag_ in ("VBD", "VBN"):
        # "has ordered troops to leave and expelled the envoy": a past form cannot share "to";
        # it continues the verb above the infinitive
        return subject_token(head.head, lex, hops - 1)[0], True
    if verb.dep_ == "conj" and head.pos_ in ("VERB", "AUX"):
        said = next((c for c in head.children if c.dep_ == "ccomp" and c.right_edge.i < verb.i), None)
        key = phrasal_key(verb, lex)
        action = (lex.phrasal.get(key) if key else lex.verbs.get(lemma_of(verb, lex))) in (Relation.ATTACKS, Relation.AIDS, Relation.SANCTIONS)
        if said is not None and action and verb.lemma_ not in lex.speech:
            # "X complained that Y was ready to talk but then fired missiles": the parser hangs the
            # second verb on "complained", but it continues what Y did
            return subject_token(said, lex, hops - 1)[0], True
        return subject_token(head, lex, hops - 1)[0], True
    if verb.dep_ == "advcl" and verb.tag_ == "VBN" and verb.i == verb.sent.start:
        return None, True  # "Asked whether Y would ..., X said": X was asked; the asker is not named
    if verb.dep_ == "advcl" and verb.tag_ in ("VBG", "VBN") and not any(c.dep_ == "mark" for c in verb.children):
        # a participle after a relative clause belongs to the main clause ("..., condemning X")
        while head.dep_ in ("relcl", "acl") and head.head.i != head.i:
            head = head.head
            while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
                head = head.head
        return subject_token(head, lex, hops - 1)[0], True
    if verb.dep_ in ("relcl", "acl") and head.pos_ in ("NOUN", "PROPN", "PRON"):
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        if verb.dep_ == "acl" and owner is not None:
            return owner, True  # "the UN chief's efforts to revive talks": the chief's
        if verb.dep_ == "acl" and head.ent_type_ in ("", "ISSUE") and head.dep_ in ("dobj", "obj") and head.head.pos_ in ("VERB", "AUX"):
            return subject_token(head.head, lex, hops - 1)[0], True
        if verb.dep_ == "acl" and verb.tag_ == "VBG" and head.ent_type_ == "" and head.lemma_.lower() in words("messages") \
                and head.dep_ == "pobj" and head.head.head.pos_ in ("VERB", "AUX"):
            return subject_token(head.head.head, lex, hops - 1)[0], True  # "answered with a letter urging Y to ..."
        return head, True
    return None, True

def light_subject(noun: Token, lex: Lexicon) -> Token | None:
    """Subject of the verb a relational noun is the object of ("impose sanctions on X")."""
    while noun.dep_ == "conj" and noun.head.i != noun.i:
        noun = noun.head
    tok = noun
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep":
        tok = tok.head
    if tok.dep_ == "prep" and tok.head.lemma_.lower() == "responsibility" and tok.head.head.lemma_ in words("claims"):
        return subject_token(tok.head.head, lex)[0]  # "claimed responsibility for an attack on Y"
    if tok.dep_ in ("dobj", "obj", "prep", "attr", "nsubjpass") and tok.head.pos_ in ("VERB", "AUX"):
        verb = tok.head
        lexical = lemma_of(verb, lex) in lex.verbs
        if lemma_of(verb, lex) in lex.light or (noun.dep_ in ("dobj", "obj", "attr") and not lexical):
            subj, _ = subject_token(verb, lex)
            return subj
    return None

def object_token(pred: Token) -> Token | None:
    """The object of a verb; one shared with a conjoined verb ("ramming and water-cannoning a boat")."""
    found = next((c for c in pred.children if c.dep_ in ("dobj", "obj", "dative", "attr", "oprd")), None)
    if found is None and pred.pos_ == "VERB" and not any(c.dep_ == "prep" for c in pred.children):
        for conj in pred.children:
            if conj.dep_ == "conj" and conj.pos_ == "VERB" and not any(c.dep_ in _SUBJ for c in conj.children):
                return next((c for c in conj.children if c.dep_ in ("dobj", "obj")), None)
    return found
