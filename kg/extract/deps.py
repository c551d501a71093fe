"""``deps.v1``: relation extraction by dependency patterns over one parsed sentence.

Constructions: active and passive clauses, phrasal and prepositional verbs, xcomp chains
("refused to back"), conjoined subjects and objects, light verbs ("impose sanctions on"),
nominal predicates ("X's support for Y", "Russian strikes on Y"), adjectives ("critical of Y"),
missing subjects of participial, infinitive and relative clauses, negation, hypothetical and
reported speech.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import chain

from spacy.tokens import Span, Token

from kg.extract.arguments import ArticleContext, Reading, is_fused_participle, is_passive, is_revoking, subject_token
from kg.extract.modality import is_intended, is_negated, is_refused, modality_of
from kg.extract.nouns import adjectival_readings, at_request_readings, nominal_readings, proposer_readings
from kg.extract.predicates import evaluation_readings, verbal_readings
from kg.extract.reciprocal import copular_judgement, reciprocal_readings
from kg.extract.surface import headline, headline_relations, surface_relations
from kg.lexicon import Lexicon, words
from kg.records import Modality, Relation
from kg.resolve import Ref, Resolution

__all__ = ["Candidate", "extract_sentence", "EXTRACTOR"]

EXTRACTOR = "deps.v1"


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

_FLIP = {
    Relation.SUPPORTS: Relation.OPPOSES, Relation.PRAISES: Relation.CRITICIZES,
    Relation.COOPERATES: Relation.OPPOSES, Relation.AIDS: Relation.OPPOSES,
    Relation.NEGOTIATES: Relation.OPPOSES, Relation.OPPOSES: Relation.SUPPORTS,
}

def unnamed_attackers(context: ArticleContext) -> Iterator[tuple[Span, Candidate]]:
    """Give attacks whose attacker the sentence leaves unnamed ("the ministry was hit", "the
    pummelling of Kyiv") to the article's attacker of that target, when there is exactly one.

    Args:
        context: the article's extraction context: its explicit "attacks" (attacker, target), the
            "pending" attacks without an attacker, and attack "agents" without a target.
    """
    attacks = context.attacks
    by_target: dict[str, set[str]] = {}
    refs: dict[str, Ref] = {}
    for a, t in attacks:
        by_target.setdefault(t.id, set()).add(a.id)
        refs[a.id] = a
    everyone = {a.id for a, _ in attacks} | set(context.agents)
    for sent, targets, predicate, reporter in context.pending:
        for target in targets:
            named = by_target.get(target.id, set())
            pool = named if named else everyone - {target.id}
            if len(pool) != 1:
                continue
            attacker_id = next(iter(pool))
            attacker = refs.get(attacker_id) or context.agents.get(attacker_id)
            if attacker is None or attacker.id == target.id or _own_state(attacker, target):
                continue
            yield sent, Candidate(attacker, Relation.ATTACKS, target, Modality.REPORTED if reporter else Modality.ASSERTED,
                                  False, 0.4, f"{predicate} (unnamed attacker)", reporter)

def _own_state(a: Ref, b: Ref) -> bool:
    """A person and the state they act for: not a relation between two actors."""
    return (a.kind is not None and a.country == b.id and a.id != b.id) or (b.kind is not None and b.country == a.id and a.id != b.id)

# relations whose object may be an issue: one backs, rejects, judges or negotiates a ceasefire;
# one does not attack, aid, meet or sanction it (those name an actor)
_ISSUE_RELATIONS = {Relation.SUPPORTS, Relation.OPPOSES, Relation.CRITICIZES, Relation.PRAISES, Relation.NEGOTIATES}


def _anchor(tok: Token) -> Token:
    """Where a predicate's mood is read: a relational noun takes the mood of the verb it is the
    object of ("could impose sanctions on Y", "would launch an offensive against Y"); a hyphenated
    participle on an indefinite noun takes the mood of the clause ("a Norwegian-brokered deal
    could end ..." is not yet brokered)."""
    if tok.pos_ in ("NOUN", "ADJ", "PROPN") and tok.dep_ in ("dobj", "obj", "attr", "nsubjpass") and tok.head.pos_ in ("VERB", "AUX"):
        return tok.head
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "pobj" and tok.head.lower_ in ("with", "without") and tok.head.head.pos_ == "VERB":
        return tok.head.head  # "would go to war with US help": the help takes the clause's mood
    if not is_fused_participle(tok):
        return tok
    noun = tok.head
    if not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children):
        return tok
    head = noun
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    return head if head.pos_ in ("VERB", "AUX") else tok

def _unrealised_event(noun: Token, lex: Lexicon) -> bool:
    """An event noun the sentence only projects: "a meeting that could take place", "a summit
    between A and B (that) might come this week", "a meeting would follow"."""
    clauses = [c for c in noun.children if c.dep_ in ("relcl", "acl")]
    if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.lemma_ in ("take", "happen", "come", "follow", "occur", "go"):
        clauses.append(noun.head)  # "a meeting could take place", not "the attack may have killed 20"
    for clause in clauses:
        words = clause.subtree if clause.dep_ in ("relcl", "acl") else clause.children
        if any(a.dep_ == "aux" and a.lower_ in lex.modals for a in words):
            return True
    return False

def extract_sentence(sent: Span, res: Resolution, lex: Lexicon, context: ArticleContext | None = None) -> Iterator[Candidate]:
    """Every relation candidate in one sentence.

    Args:
        context: state carried across the sentences of one article (the last attacker, for
            "X condemned the attack"); updated in place.
    """
    context = context if context is not None else ArticleContext()
    if headline(sent):
        yield from _headline_candidates(sent, res, lex)
    for tok in sent:
        if tok.lemma_ == "be":
            yield from _judgements(tok, sent, res, lex)
            continue
        for rel, subjects, objects, conf, predicate in _readings(tok, res, lex, context):
            if not subjects or not objects:
                yield from _half_read(tok, sent, rel, subjects, objects, predicate, res, lex, context)
            else:
                yield from _candidates(tok, sent, rel, subjects, objects, conf, predicate, res, lex, context)


def _readings(tok: Token, res: Resolution, lex: Lexicon, context: ArticleContext) -> Iterable[Reading]:
    """What a word says, by its part of speech: a verb, a relational noun or an adjective."""
    if tok.pos_ == "VERB":
        judged = list(evaluation_readings(tok, lex, res, context))
        return chain(judged or verbal_readings(tok, lex, res, context), reciprocal_readings(tok, lex, res), surface_relations(tok, lex, res))
    if tok.pos_ in ("NOUN", "PROPN") or (tok.pos_ == "ADJ" and tok.dep_ in ("dobj", "obj", "pobj", "nsubj")):
        return chain(nominal_readings(tok, lex, res, context), reciprocal_readings(tok, lex, res), proposer_readings(tok, res), at_request_readings(tok, lex, res))  # "launch an offensive" (tagged ADJ)
    if tok.pos_ == "ADJ":
        return adjectival_readings(tok, lex, res)
    return ()


def _headline_candidates(sent: Span, res: Resolution, lex: Lexicon) -> Iterator[Candidate]:
    for tok, rel, subjects, objects, predicate in headline_relations(sent, lex, res):
        negated, hypothetical, _ = modality_of(tok, lex, res, sent)
        if hypothetical or negated:
            continue
        for s in subjects:
            for o in objects:
                if o.id != s.id and not _own_state(s, o) and not (o.is_issue and rel not in _ISSUE_RELATIONS):
                    yield Candidate(s, rel, o, Modality.ASSERTED, False, 0.5, predicate)


def _judgements(tok: Token, sent: Span, res: Resolution, lex: Lexicon) -> Iterator[Candidate]:
    """"Y is an aggressor", said by someone: the speaker's judgement of Y."""
    for rel, _, targets, conf, predicate in copular_judgement(tok, lex, res):
        negated, hypothetical, reporter = modality_of(tok, lex, res, sent)
        if reporter is None or hypothetical or negated:  # "Syria will not be a platform for threats": no judgement
            continue
        for target in targets:
            if target.id != reporter.id and not _own_state(reporter, target):
                yield Candidate(reporter, rel, target, Modality.ASSERTED, negated, conf, predicate)


def _half_read(tok: Token, sent: Span, rel: Relation, subjects: list[Ref], objects: list[Ref], predicate: str,
               res: Resolution, lex: Lexicon, context: ArticleContext) -> Iterator[Candidate]:
    """A reading missing its subject or its object: an attack with its attacker unnamed waits for
    the article's attacker; a reported attack without a target is still an accusation."""
    if not subjects and objects and rel is Relation.ATTACKS:
        doer = subject_token(tok, lex)[0] if tok.pos_ == "VERB" and not is_passive(tok) else None
        if doer is not None and (doer.pos_ == "PROPN" or doer.ent_type_ in ("PERSON", "ORG", "NORP")
                                 or doer.lemma_.lower() in words("group_nouns") | words("attacker_nouns")):
            return  # "terrorists who kidnapped Y": the attacker is named, only not an actor we know
        negated, hypothetical, reporter = modality_of(tok, lex, res, sent)
        if not negated and not hypothetical:
            context.pending.append((sent, [o for o in objects if not o.is_issue], predicate, reporter))
    elif subjects and not objects and rel in (Relation.ATTACKS, Relation.THREATENS, Relation.SANCTIONS) and not _no_object(tok):
        # (but "says it targets no community" accuses no one)
        # '"The Russians knew where they were hitting," Zelensky said': an accusation even without a named target
        negated, hypothetical, reporter = modality_of(tok, lex, res, sent)
        if reporter is not None and not negated and not hypothetical:
            for s in subjects:
                if not s.is_issue and s.id != reporter.id and not _own_state(reporter, s):
                    yield Candidate(reporter, Relation.CRITICIZES, s, Modality.ASSERTED, False, 0.45, f"reports {predicate}")


def _no_object(verb: Token) -> bool:
    """The verb's object is "no" one ("targets no community")."""
    return any(c.dep_ in ("dobj", "obj") and any(d.lower_ in ("no", "neither") for d in c.children) for c in verb.children)


def _candidates(tok: Token, sent: Span, rel: Relation, subjects: list[Ref], objects: list[Ref], conf: float,
                predicate: str, res: Resolution, lex: Lexicon, context: ArticleContext) -> Iterator[Candidate]:
    """The claims of one reading, with its mood: negation flips it, a hypothesis or a report marks it."""
    anchor = _anchor(tok)
    negated, hypothetical, reporter = modality_of(anchor, lex, res, sent)
    if tok.pos_ == "NOUN" and not hypothetical:
        hypothetical = _unrealised_event(tok, lex) or (anchor is not tok and anchor.lemma_ in words("possibility_verbs"))
    if tok.pos_ == "NOUN" and is_negated(tok):
        negated = not negated
    if tok.pos_ == "VERB" and _no_object(tok):
        negated = not negated  # "it targets no community"
    if negated:
        refused = is_refused(tok, lex)  # "refused to condemn Moscow" stands by Moscow
        flipped = _FLIP.get(rel) or (Relation.OPPOSES if refused and rel.polarity > 0 else None) \
            or (Relation.SUPPORTS if refused and rel is Relation.CRITICIZES else None)
        if flipped is None:
            return
        rel = flipped
    if rel in (Relation.ATTACKS, Relation.SANCTIONS) and is_intended(anchor, lex, res):
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
            kind = Relation.OPPOSES if o.is_issue and rel is Relation.SANCTIONS and is_revoking(tok, lex) else rel  # "suspended the talks"
            if o.id == s.id or _own_state(s, o) or (o.is_issue and kind not in _ISSUE_RELATIONS):
                continue
            penalty = 0.1 * sum(r.via in ("pronoun", "description") for r in (s, o))
            yield Candidate(s, kind, o, modality, negated, max(0.05, c - penalty), predicate, None if own_words else reporter)
            if predicate in lex.two_way and not o.is_issue and not negated and kind is not Relation.SANCTIONS:
                # "A signed a pact with B", "A is at war with B": B stands in the same relation to A
                yield Candidate(o, kind, s, modality, negated, max(0.05, c - penalty - 0.05), f"{predicate} (each way)",
                                None if own_words else reporter)
            if kind is Relation.ATTACKS and not hypothetical:
                context.attacker = s
                context.attacks.append((s, o))
            blamed = kind in (Relation.ATTACKS, Relation.THREATENS) or (kind is Relation.OPPOSES and o.issue_type in words("peace"))
            same_side = reporter is not None and reporter.country is not None and reporter.country == s.country
            if reporter is not None and not own_words and blamed and not same_side \
                    and reporter.id != s.id and not _own_state(reporter, s) and not hypothetical:
                # "Zelensky said Russia struck American property": the speaker accuses the attacker
                yield Candidate(reporter, Relation.CRITICIZES, s, Modality.ASSERTED, False,
                                max(0.05, c - penalty - 0.15), f"reports {predicate}")
