"""Synthetic graphs in the project's own model, for benchmarks and scale tests."""
from __future__ import annotations

import datetime as dt
import random

from rdflib import Graph

from kg.graph import build_graph
from kg.records import Actor, ActorKind, Article, Claim, Modality, Relation


def synthetic_graph(actors: int = 500, edges: int = 3000, seed: int = 7, articles: int = 50) -> Graph:
    """``actors`` actors in two camps and ``edges`` claims (alliances inside camps, tensions across)."""
    rng = random.Random(seed)
    kinds = [ActorKind.PERSON, ActorKind.STATE, ActorKind.ORGANIZATION, ActorKind.GROUP]
    people = [Actor(f"a{i}", f"Actor {i}", kinds[i % 4]) for i in range(actors)]
    arts = [Article(f"art{i}", "x", date=dt.date(2024, 1, 1) + dt.timedelta(days=i)) for i in range(articles)]
    pos = [r for r in Relation if r.polarity > 0]
    neg = [r for r in Relation if r.polarity < 0]
    claims = []
    for n in range(edges):
        a, b = rng.sample(range(actors), 2)
        same = (a % 2) == (b % 2)
        rel = rng.choice(pos if same else neg)
        art = arts[n % articles]
        claims.append(Claim(art.id, f"Actor {a}", f"a{a}", rel, f"Actor {b}", f"a{b}", False, Modality.ASSERTED,
                            f"Actor {a} {rel.value} Actor {b}.", n, n + 10, round(rng.uniform(0.4, 0.9), 2), date=art.date))
    return build_graph([(a, 0.0) for a in arts], claims, people)
