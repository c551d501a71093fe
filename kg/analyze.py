"""Network analysis of the stance graph (networkx): pair stances, blocs, balance, brokers, issues.

Everything is computed from the RDF graph, so it always agrees with what the graph holds.

Blocs come from **signed spectral partitioning** (Kunegis et al., "Spectral analysis of signed
graphs", 2010): the eigenvector of the smallest eigenvalue of the signed Laplacian
``D̄ − A`` (``A`` the signed, confidence-weighted stance matrix, ``D̄`` its absolute degrees)
splits the actors so that alliances fall inside camps and tensions across them, in the relaxed
least-squares sense. It needs no parameters, is deterministic, and works on the small, sparse,
noisy graphs news gives, where balance-search heuristics would overfit single claims.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import combinations

import networkx as nx
from rdflib import Graph

from kg.graph.claims import claim_rows, labels
from kg.graph.query import run_query
from kg.graph.summary import PairSums, summed_pairs

__all__ = ["PairStance", "Analysis", "Camp", "pair_stances", "stance_graph", "analyze", "stance_over_time", "contested_issues",
           "component_camps"]



@dataclass(frozen=True)
class PairStance:
    """Signed stance between two actors: sum of polarity x confidence over their claims."""

    a: str
    b: str
    stance: float
    supporting: int
    opposing: int


@dataclass
class Analysis:
    pairs: list[PairStance]
    blocs: list[list[str]]
    balance: float | None
    triads: int
    brokers: list[tuple[str, list[int]]]
    contested: list[tuple[str, int, int]]
    labels: dict[str, str] = field(default_factory=dict)

    def bloc_of(self) -> dict[str, int]:
        return {actor: i for i, bloc in enumerate(self.blocs) for actor in bloc}


def _state_of(graph: Graph) -> dict[str, str]:
    from kg.graph.namespace import KG

    return {str(a): str(s) for a, s in graph.subject_objects(KG.actsFor)}


def pair_stances(graph: Graph, by_state: bool = False) -> list[PairStance]:
    """Stance per unordered actor pair, hypotheticals excluded.

    Args:
        by_state: count a person's claims for the state they act for.
    """
    acc: dict[tuple[str, str], list] = defaultdict(lambda: [Decimal(0), 0, 0])
    state = _state_of(graph) if by_state else {}
    for (subject, obj), (stance, supporting, opposing) in _directed_sums(graph).items():
        s, o = state.get(subject, subject), state.get(obj, obj)
        if s == o:
            continue
        entry = acc[(s, o) if s < o else (o, s)]
        entry[0] += stance
        entry[1] += supporting
        entry[2] += opposing
    return sorted((PairStance(a, b, round(float(v[0]), 3), v[1], v[2]) for (a, b), v in acc.items()),
                  key=lambda p: (-abs(p.stance), p.a, p.b))


def _directed_sums(graph: Graph) -> PairSums:
    """Exact stance sums and claim counts per (subject, object) actor pair, hypotheticals left out:
    from the articles' pair-stance summaries, or from the claims when some article has none."""
    sums = summed_pairs(graph)
    if sums is not None:
        return sums
    acc: dict[tuple[str, str], list] = defaultdict(lambda: [Decimal(0), 0, 0])
    for row in claim_rows(graph):
        if row.hypothetical or row.object_is_issue:
            continue
        entry = acc[(row.subject, row.object)]
        entry[0] += row.polarity * Decimal(str(row.confidence))
        entry[1 if row.polarity > 0 else 2] += 1
    return {pair: (v[0], v[1], v[2]) for pair, v in acc.items()}


def stance_graph(graph: Graph, by_state: bool = False) -> nx.Graph:
    """Undirected signed graph: edge weight = pair stance (zero-sum pairs left out)."""
    g = nx.Graph()
    for p in pair_stances(graph, by_state):
        if p.stance:
            g.add_edge(p.a, p.b, weight=p.stance, sign=1 if p.stance > 0 else -1, supporting=p.supporting, opposing=p.opposing)
    return g


def _spectral_blocs(g: nx.Graph) -> list[list[str]]:
    import numpy as np

    if g.number_of_nodes() < 2:
        return [sorted(g.nodes)] if g.number_of_nodes() else []
    blocs: list[list[str]] = [[], []]
    for component in sorted(nx.connected_components(g), key=len, reverse=True):
        nodes = sorted(component)
        if len(nodes) < 2:
            continue
        a = nx.to_numpy_array(g, nodelist=nodes, weight="weight")
        lap = np.diag(np.abs(a).sum(axis=1)) - a
        _, vecs = np.linalg.eigh(lap)
        vec = vecs[:, 0]
        # orient so the most connected actor is in camp 0: stable across runs and rebuilds
        anchor = max(range(len(nodes)), key=lambda i: (np.abs(a[i]).sum(), nodes[i]))
        if vec[anchor] < 0:
            vec = -vec
        for node, value in zip(nodes, vec, strict=True):
            blocs[0 if value >= 0 else 1].append(node)
    return [sorted(b) for b in blocs if b]


def _balance(g: nx.Graph) -> tuple[float | None, int]:
    balanced = total = 0
    for a, b, c in (t for t in _triangles(g)):
        total += 1
        balanced += g[a][b]["sign"] * g[b][c]["sign"] * g[a][c]["sign"] > 0
    return (balanced / total if total else None), total


def _triangles(g: nx.Graph):  # type: ignore[no-untyped-def]
    for a in g:
        for b, c in combinations(sorted(g[a]), 2):
            if a < b and a < c and g.has_edge(b, c):
                yield a, b, c


def contested_issues(graph: Graph) -> list[tuple[str, int, int]]:
    """Issues with both supporters and opponents: (label, supporters, opponents), most contested first."""
    rows = run_query(graph, "contested-issues").rows
    return [(str(label), int(sup), int(opp)) for label, sup, opp in rows]


def stance_over_time(graph: Graph, a: str, b: str) -> list[tuple[str, float]]:
    """Stance between two actors (IRIs) per article date ("undated" when an article has none)."""
    acc: dict[str, float] = defaultdict(float)
    for row in claim_rows(graph):
        if not row.hypothetical and {row.subject, row.object} == {a, b}:
            acc[str(row.date) if row.date else "undated"] += row.stance
    return sorted(acc.items())


def analyze(graph: Graph, by_state: bool = True) -> Analysis:
    """Pair stances, blocs, structural balance, brokers and contested issues of a graph.

    Args:
        by_state: fold people into the state they act for (camps of states and bodies); False
            keeps every person as their own node.
    """
    g = stance_graph(graph, by_state)
    blocs = _spectral_blocs(g)
    bloc_of = {actor: i for i, bloc in enumerate(blocs) for actor in bloc}
    balance, triads = _balance(g)
    brokers = []
    for node in sorted(g):
        allies_in = sorted({bloc_of[n] for n in g[node] if g[node][n]["sign"] > 0 and n in bloc_of})
        if len(allies_in) > 1:
            brokers.append((node, allies_in))
    return Analysis(pair_stances(graph, by_state), blocs, balance, triads, brokers, contested_issues(graph), labels(graph))


CONTACT_RELATIONS = frozenset({"meets", "negotiates"})  # meeting or talking to someone is not siding with them


@dataclass(frozen=True)
class Camp:
    """One side of one conflict: actors allied with each other against the component's other camp.

    ``component`` numbers the connected parts of the stance graph, largest first; ``side`` is 0 for
    the camp holding the component's most connected actor. ``members`` are sorted, most connected
    first (then by IRI).
    """

    component: int
    side: int
    members: tuple[str, ...]


def component_camps(graph: Graph, by_state: bool = True, min_claims: int = 2) -> list[Camp]:
    """Camps computed separately in each connected component of the stance graph.

    Two unrelated crises are never forced into two global camps: each connected component gets its
    own signed spectral split (one camp when it holds no tension). Contact (meets, negotiates) is
    not a stance and is left out; so are hypotheticals and issues. An actor in fewer than
    ``min_claims`` stance claims has too little evidence and belongs to no camp.

    Args:
        by_state: count a person's claims for the state they act for.
        min_claims: the evidence an actor needs to be placed in a camp.

    Returns:
        Camps ordered by component, then side.
    """
    state = _state_of(graph) if by_state else {}
    stance: dict[tuple[str, str], float] = defaultdict(float)
    evidence: dict[str, int] = defaultdict(int)
    for row in claim_rows(graph):
        if row.hypothetical or row.relation in CONTACT_RELATIONS or row.object_is_issue:
            continue
        a, b = state.get(row.subject, row.subject), state.get(row.object, row.object)
        if a == b:
            continue
        evidence[a] += 1
        evidence[b] += 1
        stance[(min(a, b), max(a, b))] += row.stance
    g = nx.Graph()
    for (a, b), value in sorted(stance.items()):
        if value and evidence[a] >= min_claims and evidence[b] >= min_claims:
            g.add_edge(a, b, weight=value)
    components = sorted((sorted(c) for c in nx.connected_components(g)), key=lambda c: (-len(c), c[0]))
    camps = []
    for number, nodes in enumerate(components):
        sub = g.subgraph(nodes)
        weight = {n: sum(abs(d["weight"]) for _, _, d in sub.edges(n, data=True)) for n in nodes}
        sides = _spectral_blocs(sub) if any(d["weight"] < 0 for _, _, d in sub.edges(data=True)) else [nodes]
        # the camp of the most connected actor first, as _spectral_blocs anchors its split
        anchor = max(nodes, key=lambda n: (weight[n], n))
        sides.sort(key=lambda side: anchor not in side)
        for i, side in enumerate(sides):
            camps.append(Camp(number, i, tuple(sorted(side, key=lambda n: (-weight[n], n)))))
    return camps
