"""Arguments of a predicate: who does it and to whom, through the parse and the resolved mentions."""
from __future__ import annotations

from spacy.tokens import Token

from kg.lexicon import Lexicon
from kg.records import Relation
from kg.resolve import Ref, Resolution

_SUBJ = ("nsubj", "csubj")

_CLAUSAL = {"relcl", "acl", "advcl", "ccomp", "xcomp", "csubj", "parataxis", "conj", "appos", "punct", "cc"}

_WH = {"who", "which", "that", "whom"}

# person nouns whose modifier is another actor, not the referent ("US allies" are not the US)
_RELATIONAL = {"ally", "allies", "partner", "critic", "opponent", "rival", "enemy", "friend", "neighbour", "neighbor",
               "counterpart", "proxy", "bankroller", "backer", "supporter", "foe", "adversary", "client", "vassal",
               "puppet", "sponsor", "patron"}

def _pobj(prep: Token) -> Token | None:
    """The object of a preposition, if the parse gives it one."""
    return next((c for c in prep.children if c.dep_ == "pobj"), None)


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
        appos = res.refs_of(c for c in head.children if c.dep_ == "appos")
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
            found = res.refs_of(nxt)
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
        return res.refs_of((c for c in tok.children if c.dep_ in ("poss", "amod", "compound")), actors_only=True)
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
            pobj = _pobj(child)
            if pobj is not None:
                return pobj, False
    if hops == 0:
        return None, True
    head = verb.head
    if verb.dep_ == "xcomp":
        obj = next((c for c in head.children if c.dep_ in ("dobj", "obj")), None)
        if obj is None:  # "called on both sides to agree": the object of on/upon does it
            on = next((c for c in head.children if c.dep_ == "prep" and c.lower_ in ("on", "upon")), None)
            obj = _pobj(on) if on is not None else None
        if obj is not None and head.lemma_ in lex.object_control:
            return obj, True
        patient = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
        if obj is None and patient is not None:  # "Modi is set to meet Xi", "X was forced to withdraw"
            return patient, True
        return _subject_token(head, lex, hops - 1)[0], True
    if verb.dep_ == "conj" and head.tag_ == "VB" and head.dep_ == "xcomp" and verb.tag_ in ("VBD", "VBN"):
        # "has ordered troops to leave and expelled the envoy": a past form cannot share "to";
        # it continues the verb above the infinitive
        return _subject_token(head.head, lex, hops - 1)[0], True
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

def _object_token(pred: Token) -> Token | None:
    return next((c for c in pred.children if c.dep_ in ("dobj", "obj", "dative", "attr", "oprd")), None)
