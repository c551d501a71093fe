"""Stances over time: each actor pair's signed stance per period, and how it changed.

A pair's stance in a period is the confidence-weighted sum of the polarities of its claims whose
article falls in the period (hypotheticals and claims about issues left out, as in
:func:`kg.analyze.pair_stances`). Claims without a date are counted and reported under the
period ``"undated"``; they are never given a date.

Between a pair's consecutive periods with claims, three changes are reported, each with the claims
that caused it (those of the new period whose polarity has the new sign):

- ``new alliance`` / ``new tension``: the first positive / negative stance of a pair that had
  none (or a zero one) before;
- ``sign flip``: a stance of the opposite sign to the pair's previous one.

The named query ``stance-over-time`` returns the same monthly numbers straight from SPARQL.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from kg.errors import KGError

if TYPE_CHECKING:
    from rdflib import Graph

__all__ = ["PERIODS", "UNDATED", "ChangeKind", "Evidence", "PeriodStance", "Change", "Timeline", "period_of",
           "stance_timeline"]

PERIODS = ("week", "month", "quarter")
UNDATED = "undated"

_CLAIMS = """
SELECT ?claim ?s ?o ?pol ?conf ?date ?doc ?rel ?evidence ?start WHERE {
  ?claim a kg:Claim ; kg:subject ?s ; kg:object ?o ; kg:polarity ?pol ; kg:confidence ?conf ; kg:modality ?m ;
         kg:relationType ?rel ; kg:evidence ?evidence ; kg:startOffset ?start ; prov:wasDerivedFrom ?a .
  FILTER (?m != kg:Hypothetical)
  FILTER NOT EXISTS { ?o a kg:Issue }
  OPTIONAL { ?a kg:articleId ?doc }
  OPTIONAL { ?claim kg:articleDate ?date }
}"""


class ChangeKind(StrEnum):
    NEW_ALLIANCE = "new alliance"
    NEW_TENSION = "new tension"
    SIGN_FLIP = "sign flip"


@dataclass(frozen=True, slots=True)
class Evidence:
    """One claim behind a change: who did what to whom, where it was said, and when."""

    claim: str  # the claim's IRI
    doc: str
    date: dt.date | None
    subject: str
    relation: str
    object: str
    polarity: int
    confidence: float
    text: str


@dataclass(frozen=True, slots=True)
class PeriodStance:
    """The stance of the unordered pair ``a < b`` (IRIs) in one period."""

    period: str
    a: str
    b: str
    a_label: str
    b_label: str
    stance: float
    claims: int
    supporting: int
    opposing: int


@dataclass(frozen=True, slots=True)
class Change:
    """A pair's stance in ``period`` against its previous stance (in period ``since``)."""

    period: str
    a: str
    b: str
    a_label: str
    b_label: str
    kind: ChangeKind
    before: float | None
    since: str | None
    after: float
    evidence: tuple[Evidence, ...]


@dataclass
class Timeline:
    """Stances per period (dated periods in order, then ``undated``) and the changes between them."""

    period: str
    stances: list[PeriodStance] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    undated: int = 0  # claims without a date

    def rows(self) -> list[dict[str, Any]]:
        """One plain row per period and pair; a row where the stance changed names the change."""
        changed = {(c.period, c.a, c.b): c for c in self.changes}
        out = []
        for s in self.stances:
            row: dict[str, Any] = asdict(s)
            c = changed.get((s.period, s.a, s.b))
            row["change"] = c.kind.value if c else ""
            row["before"] = c.before if c else None
            row["since"] = c.since if c else None
            out.append(row)
        return out

    def change_rows(self) -> list[dict[str, Any]]:
        """One plain row per change, its evidence as a list of plain rows."""
        out = []
        for c in self.changes:
            row: dict[str, Any] = asdict(c)
            row["kind"] = c.kind.value
            row["evidence"] = [{**asdict(e), "date": e.date.isoformat() if e.date else None} for e in c.evidence]
            out.append(row)
        return out

    def to_csv(self) -> str:
        """:meth:`rows` as CSV, each changed row with its evidence ("doc: sentence" joined by " | ")."""
        import csv
        import io

        evidence = {(c.period, c.a, c.b): " | ".join(f"{e.doc}: {' '.join(e.text.split())}" for e in c.evidence)
                    for c in self.changes}
        buf = io.StringIO()
        rows = self.rows()
        writer = csv.DictWriter(buf, fieldnames=[*(rows[0] if rows else self._columns()), "evidence"], lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({**row, "evidence": evidence.get((row["period"], row["a"], row["b"]), "")})
        return buf.getvalue()

    def to_json(self) -> str:
        """The whole timeline as one JSON document: period, undated claims, stances and changes."""
        import json

        return json.dumps({"period": self.period, "undated_claims": self.undated,
                           "stances": [asdict(s) for s in self.stances], "changes": self.change_rows()},
                          ensure_ascii=False, indent=2) + "\n"

    @staticmethod
    def _columns() -> list[str]:
        return [*PeriodStance.__dataclass_fields__, "change", "before", "since"]

    def frame(self) -> Any:
        """:meth:`rows` as a pandas DataFrame.

        Raises:
            KGError: pandas is not installed.
        """
        try:
            import pandas as pd
        except ImportError:
            raise KGError("a DataFrame needs pandas: pip install pandas (or use Timeline.rows())") from None
        return pd.DataFrame(self.rows(), columns=self._columns())


def period_of(day: dt.date | None, period: str = "month") -> str:
    """The period a date falls in: ISO week, month or quarter; ``"undated"`` without a date.

    >>> period_of(dt.date(2025, 3, 5), "week"), period_of(dt.date(2025, 3, 5)), period_of(dt.date(2025, 3, 5), "quarter")
    ('2025-W10', '2025-03', '2025-Q1')
    >>> period_of(dt.date(2024, 12, 30), "week")
    '2025-W01'
    >>> period_of(None)
    'undated'

    Raises:
        KGError: ``period`` is not week, month or quarter.
    """
    if period not in PERIODS:
        raise KGError(f"unknown period {period!r}; use week, month or quarter")
    if day is None:
        return UNDATED
    if period == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    if period == "month":
        return f"{day.year}-{day.month:02d}"
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def _sign(value: Decimal | float) -> int:
    return (value > 0) - (value < 0)


def stance_timeline(graph: Graph, period: str = "month", pairs: Iterable[tuple[str, str]] | None = None,
                    by_state: bool = True) -> Timeline:
    """Each actor pair's stance per period in ``graph``, and the changes between periods.

    Args:
        period: ``week`` (ISO weeks), ``month`` or ``quarter``.
        pairs: keep only these pairs of actors (names, aliases or IRIs; either order); all pairs when None.
        by_state: count a person's claims for the state they act for (as ``kg analyze`` does).

    Raises:
        KGError: an unknown period.
        QueryError: a pair names an actor the graph does not hold (with the nearest names).
    """
    from rdflib import RDFS, URIRef

    from kg.graph.namespace import KG
    from kg.graph.resolve_param import resolve_param

    period_of(None, period)  # check the name before reading the graph
    state = {str(a): str(s) for a, s in sorted(graph.subject_objects(KG.actsFor))} if by_state else {}
    labels = {str(s): str(o) for s, o in sorted(graph.subject_objects(RDFS.label)) if isinstance(s, URIRef)}
    wanted = None
    if pairs is not None:
        wanted = set()
        for pair in pairs:
            a, b = (str(resolve_param(graph, "actor", name)) for name in pair)
            x, y = state.get(a, a), state.get(b, b)
            wanted.add((x, y) if x < y else (y, x))
    acc: dict[tuple[str, str, str], list] = defaultdict(lambda: [Decimal(0), 0, 0, []])
    undated = 0
    periods: dict[dt.date | None, str] = {}  # a few hundred dates among tens of thousands of claims
    weights: dict[Any, Decimal] = {}  # confidence -> Decimal, exactly as written in the graph
    for row in _claim_rows(graph):
        s, o = row[1], row[2]
        x, y = state.get(s, s), state.get(o, o)
        pair_key = (x, y) if x < y else (y, x)
        if x == y or (wanted is not None and pair_key not in wanted):
            continue
        date = row[5]
        day = date if isinstance(date, dt.date) else None
        undated += day is None
        when = periods.get(day)
        if when is None:
            when = periods[day] = period_of(day, period)
        cell = acc[(when, *pair_key)]
        pol, conf = int(row[3]), row[4]
        weight = weights.get(conf)
        if weight is None:
            weight = weights[conf] = Decimal(str(conf))
        cell[0] += pol * weight
        cell[1 if pol > 0 else 2] += 1
        cell[3].append(row)  # made into Evidence only if the cell is a change
    order = sorted(acc, key=lambda k: (k[0] == UNDATED, k))
    out = Timeline(period, undated=undated)
    last: dict[tuple[str, str], tuple[str, Decimal]] = {}
    for when, a, b in order:
        total, sup, opp, found = acc[(when, a, b)]
        stance = PeriodStance(when, a, b, labels.get(a, a), labels.get(b, b), float(round(total, 3)), sup + opp, sup, opp)
        out.stances.append(stance)
        if when == UNDATED:
            continue
        prev = last.get((a, b))
        last[(a, b)] = (when, total)
        kind = _change(prev[1] if prev else None, total)
        if kind is None:
            continue
        sign = _sign(total)
        made = [(int(row[9]), _evidence(row, labels)) for row in found if int(row[3]) == sign]
        evidence = tuple(e for _, e in sorted(made, key=lambda f: (f[1].date, f[1].doc, f[0], f[1].claim)))
        out.changes.append(Change(when, a, b, stance.a_label, stance.b_label, kind,
                                  float(round(prev[1], 3)) if prev else None, prev[0] if prev else None, stance.stance, evidence))
    return out


def _evidence(row: tuple, labels: dict[str, str]) -> Evidence:
    claim, s, o, pol, conf, date, doc, rel, text, _ = row
    return Evidence(str(claim), str(doc or ""), date if isinstance(date, dt.date) else None, labels.get(s, s),
                    str(rel).rsplit("#", 1)[-1], labels.get(o, o), int(pol), float(conf), str(text))


def _claim_rows(graph: Graph) -> Iterator[tuple]:
    """The rows of ``_CLAIMS`` as Python values (as :func:`kg.graph.query.run_query` gives them).

    On a graph backed by Oxigraph the query is answered by the store directly, each solution taken
    as a tuple and each distinct typed literal (confidences, dates, offsets) converted once: on the
    graph of 10,000 articles that is several times faster than a cell-by-cell conversion.
    """
    from kg.graph.query import PREFIXES, _oxigraph, _py, run_query

    inner = _oxigraph(graph)
    if inner is None:
        yield from (tuple(row) for row in run_query(graph, _CLAIMS).rows)
        return
    typed: dict[Any, Any] = {}

    def value(term: Any) -> Any:
        if term is None:
            return None
        found = typed.get(term)
        if found is None:
            found = typed[term] = _py(term)
        return found

    for claim, s, o, pol, conf, date, doc, rel, text, start in inner.query(PREFIXES + _CLAIMS, use_default_graph_as_union=True):
        yield (claim.value, s.value, o.value, value(pol), value(conf), value(date), None if doc is None else doc.value,
               rel.value, text.value, value(start))


def _change(before: Decimal | None, after: Decimal) -> ChangeKind | None:
    """The change from a pair's previous stance to its new one, if any.

    >>> _change(None, Decimal("1.6")), _change(Decimal("0"), Decimal("-0.8")), _change(Decimal("2"), Decimal("-1"))
    (<ChangeKind.NEW_ALLIANCE: 'new alliance'>, <ChangeKind.NEW_TENSION: 'new tension'>, <ChangeKind.SIGN_FLIP: 'sign flip'>)
    >>> _change(Decimal("1"), Decimal("3")) is None, _change(Decimal("1"), Decimal("0")) is None
    (True, True)
    """
    new = _sign(after)
    old = _sign(before) if before is not None else 0
    if new == 0 or new == old:
        return None
    if old == 0:
        return ChangeKind.NEW_ALLIANCE if new > 0 else ChangeKind.NEW_TENSION
    return ChangeKind.SIGN_FLIP
