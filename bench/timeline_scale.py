"""``kg analyze --timeline`` on the graph of 10,000 dated articles (target: <= 10 s).

Builds the graph a ``kg build`` of N generated dated articles would give (``synthetic.dated_graph``:
the articles' claims put straight into the project's RDF model, no parsing), writes it as
``graph.ttl`` and times, as whole processes, the CLI (``kg analyze --graph graph.ttl --timeline``,
CSV to a pipe) for each period against a baseline process that only loads the same graph. Then, in
one process, the load and :func:`kg.timeline.stance_timeline` apart.

Run: .venv/bin/python bench/timeline_scale.py [N]
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import dated_graph  # noqa: E402 - the bench folder is not a package

KG = Path(sys.executable).parent / "kg"
LOAD = "import sys; from kg.graph import load_graph; load_graph(sys.argv[1])"


def timed(command: list[str]) -> tuple[float, bytes]:
    start = time.perf_counter()
    out = subprocess.run(command, check=True, capture_output=True).stdout
    return time.perf_counter() - start, out


def main() -> int:
    from kg.graph import load_graph
    from kg.graph.namespace import KG as KGNS
    from kg.timeline import stance_timeline

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "graph.ttl"
        start = time.perf_counter()
        graph = dated_graph(n)
        path.write_text(graph.serialize(format="turtle"), encoding="utf-8")
        claims = len(set(graph.subjects(predicate=KGNS.evidence)))
        print(f"{n:,} articles, {claims:,} claims, {len(graph):,} triples; graph made in {time.perf_counter() - start:.1f} s")
        del graph
        load, _ = timed([sys.executable, "-c", LOAD, str(path)])
        print(f"baseline: a process that loads graph.ttl: {load:.1f} s")
        for period in ("month", "week", "quarter"):
            seconds, out = timed([str(KG), "analyze", "--graph", str(path), "--timeline", "--period", period, "--format", "csv"])
            rows = out.count(b"\n") - 1
            print(f"kg analyze --timeline --period {period:<8} {seconds:5.1f} s ({rows:,} rows)  "
                  f"{seconds / load:.2f}x the load  (target <= 10 s)")
        start = time.perf_counter()
        graph = load_graph(path)
        loaded = time.perf_counter() - start
        start = time.perf_counter()
        result = stance_timeline(graph, "month")
        print(f"in one process: load_graph {loaded:.1f} s, stance_timeline (month) {time.perf_counter() - start:.1f} s; "
              f"{len(result.stances):,} pair-months, {len(result.changes):,} changes, {result.undated:,} undated claims")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
