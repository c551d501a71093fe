"""Graph store scale: load ~1M triples of the project's own model and run the named queries.

Compares rdflib's default in-memory store with rdflib over Oxigraph (oxrdflib) in the same run and
prints load time, the pair-stance aggregation, and single-actor lookups, with the ratios.

Run: .venv/bin/python bench/store_scale.py [CLAIMS]   (default 60,000 claims ~ 1M triples)
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import synthetic_graph  # noqa: E402

from kg.graph.query import run_query  # noqa: E402

STANCE = """SELECT ?s ?o (SUM(?pol) AS ?stance) (COUNT(?c) AS ?n) WHERE {
  ?c a kg:Claim ; kg:subject ?s ; kg:object ?o ; kg:polarity ?pol } GROUP BY ?s ?o"""


def timed(fn):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def main() -> int:
    from rdflib import Graph

    claims = int(sys.argv[1]) if len(sys.argv) > 1 else 60_000
    source = synthetic_graph(actors=2_000, edges=claims, articles=500)
    path = Path(tempfile.mkdtemp()) / "big.nt"
    path.write_text(source.serialize(format="nt"), encoding="utf-8")
    print(f"{len(source):,} triples, {claims:,} claims")
    results = {}
    for name, store in (("rdflib default", "default"), ("oxrdflib", "Oxigraph")):
        g = Graph(store=store)
        t_load, _ = timed(lambda g=g: g.parse(path, format="nt"))
        t_stance, rows = timed(lambda g=g: run_query(g, STANCE).rows)
        lookups = []
        for actor in ("Actor 1", "Actor 17", "Actor 999"):
            t, _ = timed(lambda g=g, actor=actor: run_query(g, "opponents-of", {"actor": actor}).rows)
            lookups.append(t)
        results[name] = (t_load, t_stance, max(lookups))
        print(f"{name:<15} load {t_load:6.2f} s   pair-stance {t_stance:6.3f} s ({len(rows):,} pairs)   "
              f"single-actor lookup (worst of 3) {max(lookups) * 1000:7.1f} ms")
    base, ox = results["rdflib default"], results["oxrdflib"]
    print(f"ratio rdflib/oxrdflib: load {base[0] / ox[0]:.1f}x, pair-stance {base[1] / ox[1]:.1f}x, lookup {base[2] / ox[2]:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
