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


def dated_graph(articles: int = 10_000, seed: int = 5, states: int = 40, people: int = 80) -> Graph:
    """The graph a build of ``articles`` dated news articles would give: their nodes and claims
    (2-6 each, over two years, 3% of the articles undated), people acting for states, stances that
    drift and flip over time, some hypothetical and reported claims and some about issues.

    Made with :func:`kg.graph.build_graph` (what ``kg build`` puts in each article's graph), so no
    article has to be parsed.
    """
    rng = random.Random(seed)
    nations = [Actor(f"state-{i}", f"State {i}", ActorKind.STATE) for i in range(states)]
    persons = [Actor(f"person-{i}", f"Person {i}", ActorKind.PERSON, country=f"state-{i % states}") for i in range(people)]
    actors = nations + persons
    pos = [r for r in Relation if r.polarity > 0]
    neg = [r for r in Relation if r.polarity < 0]
    start = dt.date(2024, 1, 1)
    arts, claims = [], []
    for i in range(articles):
        day = None if rng.random() < 0.03 else start + dt.timedelta(days=i * 730 // articles)
        art = Article(f"gen-{i:05d}", "x", title=f"Article {i}", date=day)
        arts.append(art)
        phase = i * 8 // articles  # every quarter each pair changes mood: stances drift and flip
        for n in range(rng.randint(2, 6)):
            x, y = rng.sample(range(len(actors)), 2)
            a, b = actors[x], actors[y]
            friendly = rng.random() < (0.75 if (x + y + phase) % 2 else 0.25)
            rel = rng.choice(pos if friendly else neg)
            modality = rng.choices(list(Modality), weights=[85, 4, 5, 6])[0]
            issue = rng.random() < 0.05
            obj_name, obj_id = ("sanctions", "issue:sanctions") if issue else (b.name, b.id)
            claims.append(Claim(art.id, a.name, a.id, rel, obj_name, obj_id, issue, modality,
                                f"{a.name} {rel.value} {obj_name}.", 40 * n, 40 * n + 30, round(rng.uniform(0.4, 0.9), 2),
                                date=day, subject_kind=a.kind.value, object_kind="" if issue else b.kind.value))
    return build_graph([(a, 0.0) for a in arts], claims, actors)
