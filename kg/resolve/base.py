"""The resolver's state and what every part of it uses: marking mentions, states of modifiers, antecedents."""
from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc, Span, Token

from kg.gazetteer import Gazetteer
from kg.lexicon import Lexicon, words
from kg.records import ActorKind
from kg.resolve.refs import Ref


class _Base:
    """Mentions resolved so far in one article, and the history antecedents are chosen from."""

    def __init__(self, doc: Doc, gaz: Gazetteer, lex: Lexicon, day: dt.date) -> None:
        self.doc, self.gaz, self.lex, self.day = doc, gaz, lex, day
        self.sentences: list[Span] = list(doc.sents)  # read once: plural descriptions and issue pronouns look back by sentence
        self.refs: dict[int, Ref] = {}
        self.spans: dict[int, tuple[int, int]] = {}
        self.new: dict[str, Ref] = {}
        self.history: list[tuple[int, Ref, bool]] = []  # (token index, ref, was subject)
        self.full_names: dict[str, Ref] = {}  # folded surname -> person ref seen in full
        self.given_names: dict[str, Ref | None] = {}  # folded given name -> the one new person named in full with it (None: several)
        self.speakers: dict[int, Ref] = {}
        self.groups: dict[int, list[Ref]] = {}
        self.issues: list[tuple[int, Ref]] = []  # (token index, issue) in text order
        self.offices: dict[tuple[str | None, str], Ref] = {}  # (state, office) -> a holder the text introduced
        self.gender: dict[str, str] = dict(gaz.gender)  # person id -> "male"/"female": the gazetteer's, then the article's (a title, a pronoun)

    def actor_ref(self, actor_id: str, via: str) -> Ref | None:
        actor = self.gaz.actors.get(actor_id)
        if actor is None:
            return None
        return Ref(actor.id, actor.name, actor.kind, actor.country, via)

    def mark(self, span: Span | tuple[int, int], ref: Ref) -> None:
        start, end = (span.start, span.end) if isinstance(span, Span) else span
        for i in range(start, end):
            self.refs[i] = ref
            self.spans[i] = (start, end)
        if ref.kind is None:
            self.issues.append((self.doc[start:end].root.i, ref))
        if ref.kind is ActorKind.PERSON and start > 0:
            sex = _gender_of(self.doc[start - 1].lower_.rstrip("."), "titles")  # "Ms Harris", "Mr. Kurti"
            if sex is not None:
                self.gender.setdefault(ref.id, sex)
        if ref.kind is not None:
            root = self.doc[start:end].root
            self.history.append((root.i, ref, root.dep_ in ("nsubj", "nsubjpass") or (root.dep_ == "poss" and root.head.dep_ in ("nsubj", "nsubjpass"))))

    def state_of(self, token: Token) -> str | None:
        """The state a modifier token names ("Russian", "Russia's", "US", "Kremlin")."""
        ref = self.refs.get(token.i)
        if ref is not None and ref.kind in (ActorKind.STATE, ActorKind.ORGANIZATION, ActorKind.GROUP):
            return ref.id
        return None

    def antecedent(self, token: Token, want: str) -> Ref | None:
        sent_start = token.sent.start
        best, best_score = None, -1e9
        sex = _gender_of(token.lower_, "pronouns") if want == "person" else None
        persons: set[str] = set()
        # "Blinken met Netanyahu and pressed him": an object pronoun is not its own clause's subject
        barred = self._clause_subjects(token.head) if token.dep_ in ("dobj", "obj", "dative") else set()
        for idx, ref, subj in reversed(self.history):
            if idx >= token.i:
                continue
            if not self.compatible(ref, want):
                continue
            if sex is not None and self.gender.get(ref.id, sex) != sex:
                continue  # "she" is not a man the article called "he" or "Mr"
            if ref.kind is ActorKind.PERSON:
                persons.add(ref.id)
            if token.head.i == self.doc[idx].head.i and token.dep_ != "poss" and self.doc[idx].dep_ != "poss":
                continue  # co-arguments of one verb are not coreferent ("Trump told him")
            if idx in barred:
                continue
            sents_back = 0 if idx >= sent_start else sum(1 for s in range(idx + 1, sent_start + 1) if self.doc[s].is_sent_start)
            if sents_back > 3:
                break
            score = -10.0 * sents_back + (4.0 if subj else 0.0) - 0.01 * (token.i - idx)
            if sex is not None and self.gender.get(ref.id) == sex:
                score += 11.0  # "she" after a woman the article named and a man of unknown gender named since
            if ref.kind is ActorKind.PERSON and self.doc[idx].dep_ == "poss":
                score -= 2.0
            if score > best_score:
                best, best_score = ref, score
        if best is not None and sex is not None and best.kind is ActorKind.PERSON and len(persons) == 1:
            self.gender.setdefault(best.id, sex)  # only one person it could be: the article has told us
        return best

    @staticmethod
    def _clause_subjects(verb: Token) -> set[int]:
        """Token indices of the subject of ``verb`` and of the verbs it is conjoined to."""
        out: set[int] = set()
        for _ in range(4):
            out |= {t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
            if verb.dep_ != "conj" or verb.head is verb:
                break
            verb = verb.head
        return out

    def government(self, token: Token) -> Ref | None:
        """"the administration": the state of the most recently mentioned state or leader."""
        for _, ref, _ in reversed([h for h in self.history if h[0] < token.i]):
            if ref.kind is ActorKind.STATE:
                return ref
            if ref.kind is ActorKind.PERSON and ref.country and self.gaz.major_on(ref.id, self.day):
                return self.actor_ref(ref.country, "description")
        return None

    @staticmethod
    def compatible(ref: Ref, want: str) -> bool:
        if want == "person":
            return ref.kind is ActorKind.PERSON
        if want == "thing":
            return ref.kind in (ActorKind.STATE, ActorKind.ORGANIZATION, ActorKind.GROUP)
        if want == "plural":
            return ref.kind in (ActorKind.STATE, ActorKind.ORGANIZATION, ActorKind.GROUP)
        return ref.kind is not None and ref.kind.value == want


def _gender_of(word: str, kind: str) -> str | None:
    """"male"/"female" for a gendered pronoun or title ("she", "Mr"), else None."""
    for sex in ("male", "female"):
        if word in words(f"{sex}_{kind}"):
            return sex
    return None
