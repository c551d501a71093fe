"""Modality of a predicate: negation, hypothesis, and the source of reported speech."""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from kg.extract.arguments import arg_refs, lemma_of, pobj_of, subject_token
from kg.lexicon import Lexicon, words
from kg.resolve import Ref, Resolution

_NEG = words("negators")

def clause_chain(verb: Token) -> Iterator[Token]:
    """The verb and the verbs governing it through xcomp/conj/ccomp/advcl (nearest first)."""
    tok = verb
    for _ in range(6):
        yield tok
        if (tok.dep_ in ("xcomp", "conj", "ccomp", "advcl", "relcl", "acl", "pcomp", "acomp")
                or tok.dep_ == "pobj" and tok.tag_ == "VBG") and tok.head.i != tok.i:
            tok = tok.head
            if tok.dep_ == "prep" and tok.head.pos_ == "VERB":  # "accused X of arming Y": up to "accused"
                tok = tok.head
        else:
            return

def is_intended(pred: Token, lex: Lexicon, res: Resolution | None = None) -> bool:
    """The predicate is the aim of a vow, threat or plan ("vowed to retaliate against Y")."""
    tok = pred
    while tok.dep_ in ("xcomp", "conj") and tok.head.i != tok.i:
        tok = tok.head
        if tok.lemma_ in lex.intention or (tok.pos_ == "ADJ" and tok.lower_ in words("ready_adjectives")):
            return True  # "vowed to strike Y", "stands ready to strike Y"
    # "Ankara warned that it would launch an offensive against Y": a threat stated as a forecast
    # "Iran said it would retaliate against Israel": a speaker's forecast of its own force is a threat too
    if not (tok.dep_ == "ccomp" and (tok.head.lemma_ in lex.intention or tok.head.lemma_ in lex.speech)
            and any(c.dep_ == "aux" and c.lower_ in ("would", "will", "'ll") for c in tok.children)):
        return False
    doer = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if doer is None or doer.pos_ == "PRON":
        return doer is not None  # its own act: "warned that it would"
    warner = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
    if res is None or warner is None:
        return False
    said = next(iter(res.refs_of(warner.subtree, actors_only=True)), None)  # "Kenya's foreign minister"
    does = res.at(doer)
    # "Fidan warned that Ankara would strike": the warner's own state
    return said is not None and does is not None and does.id in (said.id, said.country)

def is_refused(pred: Token, lex: Lexicon) -> bool:
    """The predicate is what someone refused or declined ("refused to attend the summit")."""
    tok = pred
    while tok.dep_ == "xcomp" and tok.head.i != tok.i:
        tok = tok.head
        if tok.lemma_ in lex.negating and tok.lemma_ not in ("fail", "neglect", "hesitate", "avoid"):
            return True
        if tok.pos_ == "ADJ" and tok.lower_ in words("unwilling_adjectives"):
            return True  # "unwilling to fund Y"
    return False


def is_negated(tok: Token) -> bool:
    for child in tok.children:
        if child.dep_ == "neg" or (child.dep_ in ("advmod", "det") and child.lower_ in _NEG):
            return True
        if child.dep_ == "advmod" and child.lower_ == "longer" and any(g.lower_ == "no" for g in child.children):
            return True
    return False

def _own_intention(verb: Token, aux: Token, lex: Lexicon, res: Resolution) -> bool:
    """"She said she would back Paraguay's bid", "Rubio said the United States would continue to
    back Syria": a speaker's stated intention for themselves or their own side, not a hypothesis."""
    if not (aux.lower_ in ("would", "will", "'ll") and verb.dep_ == "ccomp" and verb.head.lemma_ in lex.speech
            and not any(c.dep_ == "mark" and c.lower_ in lex.conditional for c in verb.children)
            and not any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in lex.conditional for m in c.children)
                        for c in verb.children)):  # "said Spain would support Y if ...": a condition
        return False
    doer = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if doer is None:
        return False
    if doer.pos_ == "PRON" and doer.lower_ != "it":
        return True
    does = next(iter(arg_refs(doer, res)), None)  # "Gazprom said it would cut supplies": "it" if it is the speaker
    speaker = next(iter(r for r in arg_refs(subject_token(verb.head, lex)[0], res) if not r.is_issue), None)
    return does is not None and speaker is not None and not does.is_issue \
        and (does.id in (speaker.id, speaker.country) or does.country == speaker.id)


_COGNITION = words("cognition")


def modality_of(pred: Token, lex: Lexicon, res: Resolution, sent: Span) -> tuple[bool, bool, Ref | None]:
    """(negated, hypothetical, reporter) for a predicate token."""
    negated = False
    hypothetical = False
    reporter = believer = None
    negation_open = modal_open = True  # negation passes up xcomp chains only; modality stops at ccomp
    came_by = ""  # how the previous link hangs on this one
    sourcing = False  # past a belief verb: only looking for who says it
    previous: Token | None = None
    for i, tok in enumerate(clause_chain(pred)):
        if i > 0 and came_by == "conj" and previous is not None and any(c.dep_ in ("nsubj", "nsubjpass") for c in previous.children):
            break  # "X said ..., but Y warned ...": Y's own clause, not X's report
        previous_marked = previous is not None and any(c.dep_ == "mark" and c.lower_ in words("event_marks") for c in previous.children)
        previous = tok
        if i > 0 and tok.lemma_ in lex.denial and not sourcing and came_by in ("xcomp", "ccomp", "pcomp", "pobj"):
            hypothetical = True  # "Rwanda denied arming M23", "dismissed claims that ...": not asserted
        if i > 0 and tok.lemma_ in lex.speech:
            subj, _ = subject_token(tok, lex)
            refs = arg_refs(subj, res)
            found = refs[0] if refs and not refs[0].is_issue else None
            if tok.lemma_ not in _COGNITION:
                reporter = found
                break
            # "X knew/believed that ...": keep looking for who says so ('"...," Zelensky said')
            believer = believer or found
            sourcing = True
        if sourcing:
            continue
        if negation_open and is_negated(tok):
            negated = not negated
        if i > 0 and negation_open and tok.lemma_ in lex.negating and tok.pos_ == "VERB":
            negated = not negated
        if i > 0 and tok.pos_ == "VERB" and (tok.lemma_ in words("possibility_verbs") or any(
                f"{tok.lemma_} {c.lower_}" in words("possibility_verbs") for c in tok.children if c.dep_ == "prt")):
            hypothetical = True  # "not ruling out joining the AES", "considering sanctions on Y": not done
        if modal_open and i > 0 and came_by in ("xcomp", "ccomp", "advcl") and tok.lemma_ in lex.irrealis and tok.pos_ == "VERB" \
                and not (came_by == "advcl" and previous_marked):
            hypothetical = True  # "urged the bloc to fund Kyiv": the funding has not happened (but "urged calm after Y struck" did)
        if i > 0 and came_by == "xcomp" and tok.pos_ == "ADJ":
            if negation_open and tok.lower_ in words("unwilling_adjectives"):
                negated = not negated  # "is reluctant to arm Y"
            elif modal_open and (tok.lower_ in words("unrealised_adjectives")
                                 or (tok.lower_ in words("ready_adjectives") and lemma_of(pred, lex) in words("event_verbs"))):
                hypothetical = True  # "is likely to strike Y", "ready to meet Y": not done (but "quick to condemn Y" is)
        if modal_open:
            for child in tok.children:
                if child.dep_ == "aux" and child.lower_ in lex.modals and not _own_intention(tok, child, lex, res):
                    hypothetical = True
                if child.dep_ == "mark" and child.lower_ in lex.conditional:
                    hypothetical = True
                if child.dep_ == "advmod" and child.lower_ in lex.hedges:
                    hypothetical = True
        if tok.dep_ != "xcomp" and not (tok.dep_ == "acomp" and tok.pos_ == "ADJ" and came_by == "xcomp"):
            negation_open = False  # negation reaches "is not ready to talk" through the adjective
        came_by = tok.dep_
        if tok.dep_ == "ccomp" and tok.head.lemma_ in lex.speech:
            modal_open = False  # "X could say that ...": the reported content keeps its own mood
    if reporter is None:
        reporter = _quote_speaker(pred, sent, lex, res) or believer
    return negated, hypothetical, reporter

def _quote_speaker(pred: Token, sent: Span, lex: Lexicon, res: Resolution) -> Ref | None:
    """The source of a claim: the speaker of a quotation it sits in (‘"...," Lavrov said’) or the
    actor it is "according to"."""
    for tok in sent:
        if tok.pos_ == "VERB" and tok.lemma_ in lex.speech and tok.i != pred.i and tok.dep_ == "advcl" \
                and any(m.dep_ == "mark" and m.lower_ == "as" for m in tok.children):
            # "..., as several European leaders have said, ...": the parenthetical names the source
            refs = [r for r in arg_refs(subject_token(tok, lex)[0], res) if not r.is_issue]
            if refs:
                return refs[0]
        if tok.lower_ == "according":
            to = next((c for c in tok.children if c.lower_ == "to"), None)
            pobj = pobj_of(to) if to is not None else None
            refs = [r for r in arg_refs(pobj, res) if not r.is_issue]
            if refs:
                return refs[0]
    speaker = res.speakers.get(sent.start)  # found by the resolver with the quotation's first persons
    return speaker if speaker is not None and not (pred.lemma_ in lex.speech and pred.dep_ == "ROOT") else None
