"""Offices: "the US president", "Russia's foreign minister", "the prime minister" of a person the text introduced."""
from __future__ import annotations

import dataclasses

from spacy.tokens import Span, Token

from kg.names import personal_titles
from kg.resolve.base import _Base
from kg.resolve.refs import Ref

_PERSON_NOUNS = {"minister", "secretary", "senator", "ambassador", "envoy", "spokesman", "spokeswoman", "spokesperson",
                 "general", "commander", "governor", "mayor", "lawmaker", "adviser", "advisor", "diplomat", "official",
                 "negotiator", "chairman", "chairwoman", "director", "mr", "mrs", "ms", "dr", "sen", "rep", "gen"}


class _Roles(_Base):
    def titled(self, ent: Span) -> bool:
        """A name next to a personal title ("President X", "X, the foreign minister", "the envoy, X")."""
        before = self.doc[ent.start - 1] if ent.start > 0 else None
        root = ent.root
        words = set(self.lex.titles) | _PERSON_NOUNS | personal_titles()
        if before is not None and before.lower_.rstrip(".") in words:
            return True
        if root.dep_ == "appos" and root.head.lemma_.lower() in words:
            return True
        return any(c.dep_ == "appos" and c.lemma_.lower() in words for c in root.children)

    def role(self, token: Token) -> tuple[tuple[int, int], Ref] | None:
        """Resolve a title noun ("president", "leader", "minister") to its holder."""
        lemma = token.lemma_.lower()
        title = self.title_of(token)
        if not title or token.pos_ not in ("NOUN", "PROPN") or token.tag_ in ("NNS", "NNPS"):
            return None
        if token.dep_ == "compound" and token.head.ent_type_ == "PERSON":
            return None
        if any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in token.children):
            return None
        if token.head.dep_ == "appos" and token.head.ent_type_ == "PERSON":
            return None
        state = None
        start = token.i
        for child in token.children:
            if child.i < token.i and child.dep_ in ("amod", "compound", "poss", "nmod"):
                state = state or self.state_of(child)
                start = min(start, child.left_edge.i)
        if state is None and title == "leader" and lemma != "counterpart":
            return None
        if lemma == "counterpart":  # "his Brazilian counterpart": a leader's counterpart only, not a minister's
            owner = next((self.refs.get(c.i) for c in token.children if c.dep_ == "poss"), None)
            actor = self.gaz.actors.get(owner.id) if owner is not None else None
            if actor is None or not any(r.held_on(self.day) and r.kind in ("hos", "hog") for r in actor.roles):
                return None
        if state is None:
            if not any(c.lower_ == "the" for c in token.children):
                return None
            holder = self.recent_holder(title)
        else:
            holder = self.gaz.holder(state, title, self.day)
        ref = self.actor_ref(holder, "role") if holder is not None else None
        if ref is None:  # "Prime Minister Jotham Napat ... the prime minister": a holder the text introduced
            known = self.offices.get((state, title))
            ref = known.found_as("role") if known is not None else None
        return ((start, token.i + 1), ref) if ref else None

    def title_of(self, token: Token) -> str | None:
        """The office a title noun names ("president", "foreign minister", "secretary of state")."""
        lemma = token.lemma_.lower()
        if lemma == "minister" and any(c.lower_ == "foreign" for c in token.children):
            return "foreign minister"
        if lemma == "secretary" and any(c.lower_ == "state" for c in token.subtree if c.i > token.i):
            return "foreign minister"
        if lemma == "minister" and token.i > 0 and self.doc[token.i - 1].lower_ == "prime":
            return "prime minister"
        return self.lex.titles.get(lemma)

    def note_title(self, ent: Span, ref: Ref) -> Ref:
        """A person the gazetteer lacks, with what their introduction says: the state they act for
        ("Poland's interior minister, Tomasz Wilk", "the Philippine defence secretary, Ramon Cruz")
        and the office, remembered for "the prime minister" later."""
        root = ent.root
        candidates = [self.doc[ent.start - 1]] if ent.start > 0 else []
        if root.dep_ == "appos":
            candidates.append(root.head)
        candidates += [c for c in root.children if c.dep_ == "appos"]
        for token in candidates:
            if token.pos_ not in ("NOUN", "PROPN") or token.i in self.refs:
                continue
            state = next((s for c in token.children if c.i < token.i for s in [self.state_of(c)] if s), None)
            if state is not None and ref.country is None and ref.id in self.new:
                ref = dataclasses.replace(ref, country=state)
                self.new[ref.id] = ref
                self.full_names.update({k: ref for k, v in self.full_names.items() if v.id == ref.id})
            title = self.title_of(token)
            if title is not None and title != "leader":
                self.offices[(state, title)] = ref
                self.offices[(None, title)] = ref
                break
        return ref

    def recent_holder(self, title: str) -> str | None:
        for _, ref, _ in reversed(self.history):
            actor = self.gaz.actors.get(ref.id)
            if actor and any(r.title == title and r.held_on(self.day) for r in actor.roles):
                return ref.id
        return None
