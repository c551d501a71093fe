"""Graph store scale: load ~1M triples of the project's own model and run the named queries.

Compares rdflib's default in-memory store with rdflib over Oxigraph (oxrdflib) in the same run:
load time, the pair-stance aggregation, and single-actor lookups (the ``opponents-of`` named
query), each store in its own process with a time limit, and prints the ratios.
The pair-stance aggregation is measured twice: summing every claim (``STANCE``, the baseline)
and summing the articles' pair-stance summaries (``kg.graph.summary.summed_pairs``, what
``kg.analyze.pair_stances`` reads); ``pair_stances`` itself (summaries, folding, sorting) is timed too.
Targets: load <= 5 s, pair-stance <= 0.3 s, single-actor lookup <= 50 ms.

Run: .venv/bin/python bench/store_scale.py [CLAIMS] [LIMIT_SECONDS]   (60,000 claims ~ 0.9M triples)

``--sparql [ARTICLES]`` instead loads ARTICLES synthetic article graphs (6 claims each) into a
fresh Oxigraph server (the PyPI package ``oxigraph``) through ``sparql:URL``, in bounded batches and
then one request per graph, and prints both times. Target: 10,000 articles in minutes.
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


def measure(store: str, path: str) -> None:
    """Print one JSON line per phase as it completes, so a time limit still leaves what finished."""
    from rdflib import Graph

    from kg.analyze import pair_stances
    from kg.graph.query import run_query
    from kg.graph.summary import summed_pairs

    def report(**kw: float) -> None:
        print(json.dumps(kw), flush=True)

    g = Graph(store=store)
    start = time.perf_counter()
    g.parse(path, format="ox-nt" if store == "Oxigraph" else "nt")
    report(load=time.perf_counter() - start)
    start = time.perf_counter()
    pairs = len(run_query(g, STANCE).rows)
    report(claims=time.perf_counter() - start, pairs=pairs)
    start = time.perf_counter()
    summed = summed_pairs(g)
    report(stance=time.perf_counter() - start, summary_pairs=len(summed or {}))
    start = time.perf_counter()
    pair_stances(g)
    report(pair_stances=time.perf_counter() - start)
    times = []
    for actor in ("Actor 1", "Actor 17", "Actor 999"):
        start = time.perf_counter()
        run_query(g, "opponents-of", {"actor": actor})
        times.append(time.perf_counter() - start)
    report(lookup=max(times))


def _show(r: dict, key: str, limit: float, unit: float = 1.0, fmt: str = "{:8.3f} s") -> str:
    return fmt.format(r[key] * unit) if key in r else f"> {limit:.0f} s (stopped)"


def sparql_load(articles: int) -> None:
    """Time loading ``articles`` article graphs into a real Oxigraph server, batched and one by one."""
    import datetime as dt
    import random
    import shutil
    import socket

    from kg.graph import build_graph
    from kg.graph.store import article_graph_iri, open_store
    from kg.records import Actor, ActorKind, Article, Claim, Modality, Relation

    rng = random.Random(7)
    actors = [Actor(f"a{i}", f"Actor {i}", ActorKind.STATE) for i in range(2_000)]
    graphs = {}
    for n in range(articles):
        art = Article(f"art{n}", "x", date=dt.date(2024, 1, 1) + dt.timedelta(days=n % 365))
        claims, used = [], set()
        for k in range(6):
            a, b = rng.sample(range(len(actors)), 2)
            rel = rng.choice(list(Relation))
            used |= {a, b}
            claims.append(Claim(art.id, f"Actor {a}", f"a{a}", rel, f"Actor {b}", f"a{b}", False, Modality.ASSERTED,
                                f"Actor {a} {rel.value} Actor {b}.", k * 20, k * 20 + 10, 0.7, date=art.date))
        graphs[article_graph_iri(art.id)] = build_graph([(art, 0.0)], claims, [actors[i] for i in sorted(used)],
                                                        with_ontology=False)
    triples = sum(len(g) for g in graphs.values())
    print(f"{articles:,} article graphs, {triples:,} triples")
    exe = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    for name, batch in (("batched (4 MB requests)", None), ("one request per graph", 1)):
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        proc = subprocess.Popen([exe, "serve", "--location", tempfile.mkdtemp(), "--bind", f"127.0.0.1:{port}"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            for _ in range(100):
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                    break
                except OSError:
                    time.sleep(0.1)
            store = open_store(f"sparql:http://127.0.0.1:{port}")
            if batch is not None:
                store.batch_bytes = batch  # type: ignore[attr-defined]
            start = time.perf_counter()
            store.put_all(graphs)
            took = time.perf_counter() - start
            print(f"{name:<24} {took:8.1f} s  {triples / took:10,.0f} triples/s  "
                  f"{store.requests:,} requests")  # type: ignore[attr-defined]
        finally:
            proc.terminate()
            proc.wait(timeout=10)


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--sparql":
        sparql_load(int(sys.argv[2]) if len(sys.argv) > 2 else 10_000)
        return 0
    if len(sys.argv) > 1 and sys.argv[1] == "--measure":
        measure(sys.argv[2], sys.argv[3])
        return 0
    from synthetic import synthetic_graph

    claims = int(sys.argv[1]) if len(sys.argv) > 1 else 60_000
    limit = float(sys.argv[2]) if len(sys.argv) > 2 else 600
    source = synthetic_graph(actors=2_000, edges=claims, articles=500)
    path = Path(tempfile.mkdtemp()) / "big.nt"
    path.write_text(source.serialize(format="nt"), encoding="utf-8")
    print(f"{len(source):,} triples, {claims:,} claims")
    results: dict[str, dict] = {}
    for name, store in (("oxrdflib", "Oxigraph"), ("rdflib default", "default")):
        try:
            out = subprocess.run([sys.executable, __file__, "--measure", store, str(path)], capture_output=True,
                                 text=True, timeout=limit, check=True).stdout
        except subprocess.TimeoutExpired as exc:
            out = exc.stdout.decode() if isinstance(exc.stdout, bytes) else (exc.stdout or "")
        r: dict = {}
        for line in out.splitlines():
            r.update(json.loads(line))
        results[name] = r

        print(f"{name:<15} load {_show(r, 'load', limit)}   pair-stance: claims {_show(r, 'claims', limit)}  "
              f"summaries {_show(r, 'stance', limit)}  pair_stances() {_show(r, 'pair_stances', limit)}   "
              f"single-actor lookup (worst of 3) {_show(r, 'lookup', limit, 1000, '{:8.1f} ms')}")
        if "claims" in r and "stance" in r:
            print(f"{'':<15} pair-stance from summaries: {r['claims'] / r['stance']:.1f}x faster than from claims "
                  f"({r.get('summary_pairs', 0):,} / {r.get('pairs', 0):,} pairs)")
    base, ox = results["rdflib default"], results["oxrdflib"]
    ratios = [f"{k} {base[k] / ox[k]:.1f}x" if k in base and k in ox else f"{k} > {limit / ox.get(k, limit):.0f}x"
              for k in ("load", "claims", "stance", "lookup")]
    print("ratio rdflib/oxrdflib: " + ", ".join(ratios))
    return 0


if __name__ == "__main__":
    sys.exit(main())
