"""Graph store scale: load ~1M triples of the project's own model and run the named queries.

Compares rdflib's default in-memory store with rdflib over Oxigraph (oxrdflib) in the same run:
load time, the pair-stance aggregation, and single-actor lookups (the ``opponents-of`` named
query), each store in its own process with a time limit, and prints the ratios.
Targets: load <= 5 s, pair-stance <= 0.3 s, single-actor lookup <= 50 ms.

Run: .venv/bin/python bench/store_scale.py [CLAIMS] [LIMIT_SECONDS]   (60,000 claims ~ 0.9M triples)
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

STANCE = """SELECT ?s ?o (SUM(?pol) AS ?stance) (COUNT(?c) AS ?n) WHERE {
  ?c a kg:Claim ; kg:subject ?s ; kg:object ?o ; kg:polarity ?pol } GROUP BY ?s ?o"""


def measure(store: str, path: str) -> dict:
    from rdflib import Graph

    from kg.graph.query import run_query

    out = {}
    g = Graph(store=store)
    start = time.perf_counter()
    g.parse(path, format="ox-nt" if store == "Oxigraph" else "nt")
    out["load"] = time.perf_counter() - start
    start = time.perf_counter()
    out["pairs"] = len(run_query(g, STANCE).rows)
    out["stance"] = time.perf_counter() - start
    times = []
    for actor in ("Actor 1", "Actor 17", "Actor 999"):
        start = time.perf_counter()
        run_query(g, "opponents-of", {"actor": actor})
        times.append(time.perf_counter() - start)
    out["lookup"] = max(times)
    return out


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--measure":
        print(json.dumps(measure(sys.argv[2], sys.argv[3])))
        return 0
    from synthetic import synthetic_graph

    claims = int(sys.argv[1]) if len(sys.argv) > 1 else 60_000
    limit = float(sys.argv[2]) if len(sys.argv) > 2 else 600
    source = synthetic_graph(actors=2_000, edges=claims, articles=500)
    path = Path(tempfile.mkdtemp()) / "big.nt"
    path.write_text(source.serialize(format="nt"), encoding="utf-8")
    print(f"{len(source):,} triples, {claims:,} claims")
    results = {}
    for name, store in (("oxrdflib", "Oxigraph"), ("rdflib default", "default")):
        try:
            proc = subprocess.run([sys.executable, __file__, "--measure", store, str(path)], capture_output=True,
                                  text=True, timeout=limit, check=True)
            r = json.loads(proc.stdout.strip().splitlines()[-1])
            results[name] = r
            print(f"{name:<15} load {r['load']:6.2f} s   pair-stance {r['stance']:7.3f} s ({r['pairs']:,} pairs)   "
                  f"single-actor lookup (worst of 3) {r['lookup'] * 1000:8.1f} ms")
        except subprocess.TimeoutExpired:
            print(f"{name:<15} did not finish load + queries within {limit:.0f} s")
    if len(results) == 2:
        base, ox = results["rdflib default"], results["oxrdflib"]
        print(f"ratio rdflib/oxrdflib: load {base['load'] / ox['load']:.1f}x, pair-stance {base['stance'] / ox['stance']:.1f}x, "
              f"lookup {base['lookup'] / ox['lookup']:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
