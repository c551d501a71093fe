from __future__ import annotations

from rdflib import Graph

from kg.analyze import analyze, pair_stances, stance_over_time
from kg.graph.model import actor_iri


def _synthetic() -> Graph:
    """Two camps: A1-A2 and B1-B2 allied inside, hostile across; one broker C allied with both."""
    import datetime as dt

    from kg.graph import build_graph
    from kg.records import Actor, ActorKind, Article, Claim, Modality, Relation

    art = Article("s", "x", date=dt.date(2024, 1, 1))
    ids = ["a1", "a2", "b1", "b2", "c"]
    actors = [Actor(i, i.upper(), ActorKind.STATE) for i in ids]

    def claim(s: str, rel: Relation, o: str, n: int, mod: Modality = Modality.ASSERTED) -> Claim:
        return Claim("s", s.upper(), s, rel, o.upper(), o, False, mod, f"{s} {rel.value} {o}", n, n + 1, 0.8)

    claims = [
        claim("a1", Relation.SUPPORTS, "a2", 0), claim("b1", Relation.AIDS, "b2", 1),
        claim("a1", Relation.ATTACKS, "b1", 2), claim("a2", Relation.CRITICIZES, "b2", 3),
        claim("a2", Relation.OPPOSES, "b1", 4), claim("c", Relation.MEETS, "a1", 5), claim("c", Relation.AIDS, "b2", 6),
        claim("a1", Relation.PRAISES, "b2", 7, Modality.HYPOTHETICAL),
    ]
    return build_graph([(art, 0.0)], claims, actors)


def test_camps_balance_and_brokers() -> None:
    result = analyze(_synthetic())
    camps = [set(b) for b in result.blocs]
    a = {str(actor_iri("a1")), str(actor_iri("a2"))}
    b = {str(actor_iri("b1")), str(actor_iri("b2"))}
    assert any(a <= c for c in camps) and any(b <= c for c in camps)
    assert not any(a & c and b & c for c in camps)
    assert result.balance == 1.0 and result.triads >= 2
    assert str(actor_iri("c")) in {x for x, _ in result.brokers}


def test_hypotheticals_are_left_out() -> None:
    pairs = {(p.a, p.b): p for p in pair_stances(_synthetic())}
    key = tuple(sorted((str(actor_iri("a1")), str(actor_iri("b2")))))
    assert key not in pairs


def test_stance_over_time() -> None:
    series = stance_over_time(_synthetic(), str(actor_iri("a1")), str(actor_iri("b1")))
    assert series == [("2024-01-01", -0.8)]


def test_seed_camps(seed_graph) -> None:
    result = analyze(seed_graph)
    names = [{result.labels[x] for x in bloc} for bloc in result.blocs]
    russia = next(b for b in names if "Russia" in b)
    ukraine = next(b for b in names if "Ukraine" in b)
    assert russia is not ukraine
    assert "Europe" in ukraine and ("China" in russia or "India" in russia)
    assert any(label == "peace" for label, _, _ in result.contested)


def _two_crises() -> Graph:
    """Two unrelated crises (a1/a2 against b1, c1/c2 against d1), one actor with a single claim (e),
    and contact (meets) that must not count as a stance."""
    import datetime as dt

    from kg.graph import build_graph
    from kg.records import Actor, ActorKind, Article, Claim, Modality, Relation

    art = Article("t", "x", date=dt.date(2024, 1, 1))
    ids = ["a1", "a2", "b1", "c1", "c2", "d1", "e"]
    actors = [Actor(i, i.upper(), ActorKind.STATE) for i in ids]
    links = [("a1", Relation.SUPPORTS, "a2"), ("a1", Relation.ATTACKS, "b1"), ("a2", Relation.OPPOSES, "b1"),
             ("c1", Relation.AIDS, "c2"), ("c1", Relation.SANCTIONS, "d1"), ("c2", Relation.CRITICIZES, "d1"),
             ("e", Relation.PRAISES, "a1"), ("b1", Relation.MEETS, "c1"), ("b1", Relation.NEGOTIATES, "c1")]
    claims = [Claim("t", s.upper(), s, rel, o.upper(), o, False, Modality.ASSERTED, f"{s} {rel.value} {o}", n, n + 1, 0.8)
              for n, (s, rel, o) in enumerate(links)]
    return build_graph([(art, 0.0)], claims, actors)


def test_camps_per_component() -> None:
    from kg.analyze import component_camps

    camps = component_camps(_two_crises())
    sides = {(c.component, c.side): {m.rsplit("/", 1)[-1] for m in c.members} for c in camps}
    assert sorted(sides.values(), key=sorted) == [{"a1", "a2"}, {"b1"}, {"c1", "c2"}, {"d1"}]
    assert {k[0] for k in sides} == {0, 1}  # two crises, each with its own two camps, not one global split
    assert not any("e" in members for members in sides.values())  # one claim is too little evidence
    with_e = component_camps(_two_crises(), min_claims=1)
    assert any(str(actor_iri("e")) in c.members for c in with_e)


def test_camps_of_an_all_friendly_component_are_one() -> None:
    import datetime as dt

    from kg.analyze import component_camps
    from kg.graph import build_graph
    from kg.records import Actor, ActorKind, Article, Claim, Modality, Relation

    art = Article("f", "x", date=dt.date(2024, 1, 1))
    actors = [Actor(i, i.upper(), ActorKind.STATE) for i in ("x", "y", "z")]
    claims = [Claim("f", s.upper(), s, Relation.SUPPORTS, o.upper(), o, False, Modality.ASSERTED, f"{s} {o}", n, n + 1, 0.8)
              for n, (s, o) in enumerate([("x", "y"), ("y", "z"), ("z", "x")])]
    camps = component_camps(build_graph([(art, 0.0)], claims, actors))
    assert len(camps) == 1 and len(camps[0].members) == 3
