"""Collective references: "both countries", "the two leaders", "they" after a list, crowds, seats, issue pronouns."""
from __future__ import annotations

import functools
from collections import Counter

from spacy.tokens import Token

from kg.lexicon import word_table, words
from kg.records import ActorKind
from kg.resolve.base import _Base
from kg.resolve.refs import Ref


@functools.lru_cache(maxsize=1)
def _plural_kinds() -> dict[str, str]:
    """Plural descriptions ("both countries", "the two leaders") -> the kind of actor they name again."""
    return {str(word): kind for kind, listed in word_table("plural_kinds").items() for word in listed}


class _Collective(_Base):
    def crowd(self, token: Token) -> Ref | None:
        """"Protesters", "the opposition": a collective actor of the state the article is mostly about
        (so Georgia's protesters and Serbia's are two actors), unless a state owns it ("Hungary's opposition")."""
        if any(c.dep_ in ("prep", "poss") and c.lower_ in ("to", "of") or c.dep_ == "poss" for c in token.children):
            return None
        states = Counter(ref.id for _, ref, _ in self.history if ref.kind is ActorKind.STATE)
        if not states:
            return None
        home = min(states, key=lambda s: (-states[s], s))
        name = str(word_table("crowds")[token.lemma_.lower()])
        ident = f"group-{name}-{home}"
        return self.new.setdefault(ident, Ref(ident, name, ActorKind.GROUP, home, "description: the article's crowd"))

    def seat_of(self, token: Token) -> Ref | None:
        """A government named by where it sits: "the junta in Niamey", "the authorities in Kabul"."""
        if self.lex.descriptions.get(token.lower_) != "State":
            return None
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ == "in":
                place = next((c for c in prep.children if c.dep_ == "pobj"), None)
                ref = self.refs.get(place.i) if place is not None else None
                if ref is not None and ref.kind is ActorKind.STATE:
                    return ref.found_as("description")
        return None

    def about_issue(self, token: Token) -> bool:
        """A pronoun that is what someone signs, vetoes, rejects or backs: an issue, not an actor."""
        return token.dep_ in ("dobj", "obj") and token.head.lemma_ in self.lex.deal | words("issue_pronoun_verbs")

    def recent_issue(self, token: Token, plural: bool = False) -> Ref | None:
        """The last issue named in this sentence or the two before; for "them", only a plural one
        with no plural actor named after it ("tariffs ... fight them", never "the ceasefire ... backs them")."""
        sents = [s.start for s in self.sentences if s.start <= token.i][-3:]
        for idx, ref in reversed(self.issues):
            if sents[0] <= idx < token.i:
                if not plural:
                    return ref
                # a plural actor named in between ("Iran and Syria", "the rebels") is the likelier "them"
                plural_actor = any(idx < i < token.i and (self.doc[i].tag_ in ("NNS", "NNPS") or self.doc[i].conjuncts)
                                   for i, _, _ in self.history)
                return ref if self.doc[idx].tag_ in ("NNS", "NNPS") and not plural_actor else None
        return None

    def coordinated(self, token: Token) -> list[Ref]:
        """The actors a plural pronoun names again when they were listed together just before it
        ("Egypt and Jordan ... they", "sanctions on Iran, Belarus and North Korea over their aid")."""
        start = max(0, token.sent.start - 1)
        previous = self.doc[start].sent.start
        barred = self._clause_subjects(token.head) if token.dep_ in ("dobj", "obj", "dative") else set()
        if any(t.tag_ in ("NNS", "NNPS") and t.i not in self.refs and t.dep_ in ("nsubj", "nsubjpass", "dobj")
               for t in self.doc[token.sent.start:token.i]):
            return []  # "North Korea's launches threaten us, and they are unacceptable": they are the launches
        for idx, _, _ in reversed(self.history):
            if idx >= token.i or idx in barred:
                continue
            if idx < previous:
                break
            head = self.doc[idx]
            while head.dep_ == "conj" and head.head.i != head.i:
                head = head.head
            found = (self.refs.get(t.i) for t in (head, *head.conjuncts))
            members = list({m.id: m for m in found if m is not None and m.kind is not None}.values())
            if len(members) > 1:
                return [m.found_as("pronoun") for m in members]
        return []

    def plural(self, token: Token) -> list[Ref]:
        """The actors a plural description names again: "both countries", "the two leaders", "the
        three juntas", "the warring sides" -> the nearest sentence naming exactly that many."""
        count = None
        for child in token.children:
            word = child.lower_
            if word == "both" and child.dep_ in ("det", "predet", "amod", "nummod", "preconj"):
                count = 2
            elif child.dep_ == "nummod" and word in word_table("counts"):
                count = int(word_table("counts")[word])
            elif word in ("warring", "rival", "opposing") and any(c.lower_ == "the" for c in token.children):
                count = 2
        if count is None:
            return []
        want = _plural_kinds()[token.lower_]
        sents = [s for s in self.sentences if s.start <= token.i][-3:]
        for sent in reversed(sents):
            found: dict[str, Ref] = {}
            for idx, ref, _ in self.history:
                member = self.as_kind(ref, want) if sent.start <= idx < min(sent.end, token.i) else None
                if member is not None:
                    found.setdefault(member.id, member)
            if len(found) > count:  # "Trump spoke with A and B and warned both leaders": not Trump
                doers = self._doers(token)
                found = {k: v for k, v in found.items() if k not in doers} if len(found) - len(doers & set(found)) >= count else found
            if len(found) > count and want == "any":  # "the two sides" after two ministers and their states
                states = {m.id: m for m in (self.as_kind(r, "State") for r in found.values()) if m is not None}
                found = states if len(states) == count else found
            if len(found) == count:
                return list(found.values())
            if len(found) > count:
                return []
        return []

    def _doers(self, token: Token) -> set[str]:
        """Who does what the description undergoes: the subject of its verb, or of the verb that
        verb is conjoined to."""
        verb = token.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        for _ in range(3):
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subjects:
                return {self.refs[t.i].id for c in subjects for t in c.subtree if t.i in self.refs}
            if verb.dep_ != "conj" or verb.head.i == verb.i:
                break
            verb = verb.head
        return set()

    def as_kind(self, ref: Ref, want: str) -> Ref | None:
        """``ref`` as the kind a description wants (a leader stands for the state in "both countries")."""
        if want == "Person":
            return ref if ref.kind is ActorKind.PERSON else None
        if want == "State":
            if ref.kind is ActorKind.STATE:
                return ref.found_as("description")
            if ref.kind is ActorKind.PERSON and ref.country:
                return self.actor_ref(ref.country, "description")
            return None
        return ref.found_as("description") if ref.kind is not None else None
