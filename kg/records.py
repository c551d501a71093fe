"""Plain records passed between the pipeline stages."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum


class Relation(StrEnum):
    """The 13 relation types of the vocabulary."""

    SUPPORTS = "supports"
    PRAISES = "praises"
    COOPERATES = "cooperates"
    AIDS = "aids"
    MEETS = "meets"
    NEGOTIATES = "negotiates"
    REQUESTS = "requests"
    PRESSURES = "pressures"
    CRITICIZES = "criticizes"
    OPPOSES = "opposes"
    THREATENS = "threatens"
    SANCTIONS = "sanctions"
    ATTACKS = "attacks"

    @property
    def polarity(self) -> int:
        """+1 for cooperation, -1 for conflict."""
        return 1 if self in _POSITIVE else -1


_POSITIVE = {
    Relation.SUPPORTS, Relation.PRAISES, Relation.COOPERATES, Relation.AIDS,
    Relation.MEETS, Relation.NEGOTIATES, Relation.REQUESTS,
}


class Modality(StrEnum):
    """How a claim is asserted."""

    ASSERTED = "asserted"
    NEGATED = "negated"
    HYPOTHETICAL = "hypothetical"
    REPORTED = "reported"


class ActorKind(StrEnum):
    PERSON = "Person"
    STATE = "State"
    ORGANIZATION = "Organization"
    GROUP = "Group"


@dataclass(frozen=True, slots=True)
class Article:
    """One input article. ``text`` is what offsets point into."""

    id: str
    text: str
    title: str = ""
    date: dt.date | None = None
    url: str = ""
    source: str = ""


@dataclass(frozen=True, slots=True)
class Role:
    """An office held by a person between two dates (``end`` None while in office)."""

    kind: str  # hos, hog, fm, other
    title: str
    of: str  # actor id of the state or body
    start: dt.date | None = None
    end: dt.date | None = None

    def held_on(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True, slots=True)
class Actor:
    """A canonical actor: a person, state, organisation or group."""

    id: str
    name: str
    kind: ActorKind
    aliases: tuple[str, ...] = ()
    country: str | None = None  # actor id of the state a person or body acts for
    qid: str | None = None
    roles: tuple[Role, ...] = ()
    known: bool = True  # False for actors first seen in an article


@dataclass(frozen=True, slots=True)
class Claim:
    """One extracted relation with its evidence."""

    doc: str
    subject: str
    subject_id: str
    relation: Relation
    object: str
    object_id: str
    object_is_issue: bool
    modality: Modality
    evidence: str
    start: int
    end: int
    confidence: float
    reporter: str | None = None
    reporter_id: str | None = None
    predicate: str = ""
    extractor: str = "deps.v1"
    date: dt.date | None = None
    subject_kind: str = ""
    object_kind: str = ""
    negated: bool = False
    issue_type: str | None = None  # the canonical kind of an issue object ("ceasefire" for "truce")

    @property
    def polarity(self) -> int:
        return self.relation.polarity

    def as_dict(self) -> dict:
        """The claims.jsonl shape."""
        return {
            "doc": self.doc, "subject": self.subject, "relation": self.relation.value,
            "object": self.object, "polarity": self.polarity, "modality": self.modality.value,
            "evidence": self.evidence, "start": self.start, "end": self.end,
            "confidence": round(self.confidence, 3), "subject_id": self.subject_id,
            "object_id": self.object_id, "object_type": "Issue" if self.object_is_issue else self.object_kind,
            "subject_type": self.subject_kind, "reporter": self.reporter, "predicate": self.predicate,
            "negated": self.negated, "extractor": self.extractor,
            "date": self.date.isoformat() if self.date else None, "issue_type": self.issue_type,
        }
