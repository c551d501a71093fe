"""What a mention refers to, and the resolution of one article."""
from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Token

from kg.records import ActorKind


@dataclass(frozen=True, slots=True)
class Ref:
    """What a mention refers to: an actor (``kind`` set) or an issue (``kind`` None)."""

    id: str
    name: str
    kind: ActorKind | None
    country: str | None = None
    via: str = "name"  # how it was found: name, alias, surname, role, pronoun, description, demonym (with a reason)
    issue_type: str | None = None  # an issue's canonical kind ("ceasefire" for "truce")

    def found_as(self, via: str) -> Ref:
        """The same referent, found another way ("pronoun", "description", "role", ...)."""
        return dataclasses.replace(self, via=via)

    @property
    def is_issue(self) -> bool:
        return self.kind is None


@dataclass
class Resolution:
    """Token index -> reference, plus the new actors an article introduced."""

    refs: dict[int, Ref]
    spans: dict[int, tuple[int, int]]  # token index -> (start, end) token span of its mention
    new_actors: dict[str, Ref]
    speakers: dict[int, Ref] = field(default_factory=dict)  # sentence start -> who the quotation in it is by
    groups: dict[int, list[Ref]] = field(default_factory=dict)  # plural description -> the actors it names again
    states: dict[str, Ref] = field(default_factory=dict)  # state id -> its reference, for the persons acting for it

    def at(self, token: Token) -> Ref | None:
        return self.refs.get(token.i)

    def refs_of(self, tokens: Iterable[Token], actors_only: bool = False) -> list[Ref]:
        """The references of those tokens that have one (only actors if ``actors_only``)."""
        found = (self.refs.get(t.i) for t in tokens)
        return [r for r in found if r is not None and not (actors_only and r.is_issue)]

    def state_of_person(self, ref: Ref) -> Ref | None:
        """The state a person acts for, as a reference (None for a non-person or an unknown state)."""
        if ref.kind is not ActorKind.PERSON or not ref.country:
            return None
        return self.states.get(ref.country)

    def is_issue_at(self, token: Token) -> bool:
        ref = self.refs.get(token.i)
        return ref is not None and ref.is_issue


def issue_ref(label: str, kind: str) -> Ref:
    """The reference of an issue named ``label`` in the text, of canonical ``kind``."""
    return Ref("issue:" + label, label, None, issue_type=kind)
