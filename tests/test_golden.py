"""Outputs pinned against a checked-in home: refactoring the store, claim and export code must not
change a byte of what users get.

``tests/data/golden/`` holds two homes made by ``kg build`` (``seeds/``, and ``seeds/`` with
``../shared/eval/dev2/*.txt``): their ``graph.trig`` and ``claims.jsonl``, gzipped, and
``digests.json`` with the SHA-256 of every output derived from them. The dev2 test rebuilds every
output from the stored graph, so it does not depend on extraction; the seeds test runs the real
pipeline, so a deliberate change of extraction, the gazetteer or the view needs the files
regenerated: ``KG_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py``.

The pair-stance summaries (``kg:pairStances`` of each article, ``kg.graph.summary``) are left out
of the graph comparisons: they were added on purpose after the files were made. Everything
derived from the graph (HTML, analysis, exports) is compared whole.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import os
import shutil
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import isomorphic
from typer.testing import CliRunner

from kg.cli import app

GOLDEN = Path(__file__).resolve().parent / "data" / "golden"
SEEDS = Path(__file__).resolve().parent.parent / "seeds"
PAIR_STANCES = URIRef("https://kg.dev/ontology#pairStances")
UPDATE = os.environ.get("KG_UPDATE_GOLDEN") == "1"


def _sha(data: bytes | str) -> str:
    return hashlib.sha256(data.encode("utf-8") if isinstance(data, str) else data).hexdigest()


def _unzip(name: str) -> bytes:
    return gzip.decompress((GOLDEN / name).read_bytes())


def _drop_summaries(graph: Graph | Dataset) -> None:
    """Remove the articles' ``kg:pairStances`` and the ontology's term for them, in every named graph."""
    for ctx in graph.graphs() if isinstance(graph, Dataset) else [graph]:
        ctx.remove((None, PAIR_STANCES, None))
        ctx.remove((PAIR_STANCES, None, None))


def _without_summaries(trig: str) -> Dataset:
    """The dataset of ``trig`` without its pair-stance summaries."""
    ds = Dataset()
    ds.parse(data=trig, format="trig")
    _drop_summaries(ds)
    return ds


def _same_dataset(a: Dataset, b: Dataset) -> bool:
    """The same named graphs, each isomorphic to its twin."""
    def graphs(ds: Dataset) -> dict[str, Graph]:
        return {str(g.identifier): g for g in ds.graphs() if len(g)}

    ga, gb = graphs(a), graphs(b)
    return ga.keys() == gb.keys() and all(isomorphic(ga[k], gb[k]) for k in ga)


def _turtle_without_summaries(ttl: str) -> str:
    from kg.graph.model import bind_prefixes

    g = bind_prefixes(Graph())
    g.parse(data=ttl, format="turtle")
    _drop_summaries(g)
    return g.serialize(format="turtle")


def _network(path: Path) -> str:
    """A GraphML or GEXF file's nodes and edges with their data, in a fixed order."""
    g = nx.read_graphml(path) if path.suffix == ".graphml" else nx.read_gexf(path)
    nodes = sorted((n, sorted((k, str(v)) for k, v in d.items())) for n, d in g.nodes(data=True))
    edges = sorted((s, o, sorted((k, str(v)) for k, v in d.items() if k != "id")) for s, o, d in g.edges(data=True))
    return json.dumps([nodes, edges])


def _run(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def _derived(home: Path, tmp: Path) -> dict[str, str]:
    """The SHA-256 of every output of ``home``, with the summaries left out of the graph files."""
    graph = str(home / "graph.ttl")
    out = {
        "graph.ttl": _sha(_turtle_without_summaries((home / "graph.ttl").read_text(encoding="utf-8"))),
        "graph.html": _sha((home / "graph.html").read_bytes()),
        "claims.jsonl": _sha((home / "claims.jsonl").read_bytes()),
        "analyze": _sha(_run("analyze", "--graph", graph)),
        "analyze --by-actor": _sha(_run("analyze", "--graph", graph, "--by-actor")),
        "view": _sha(Path(_run("view", "--graph", graph, "-o", str(tmp / "view.html")).split(": ", 1)[1].strip())
                     .read_bytes()),
    }
    for suffix in (".csv", ".graphml", ".gexf"):
        target = tmp / f"export{suffix}"
        _run("export", "-o", str(target), "--home", str(home))
        out[f"export{suffix}"] = _sha(target.read_bytes() if suffix == ".csv" else _network(target))
    for fmt in ("plover", "cameo"):
        target = tmp / f"{fmt}.jsonl"
        _run("export", "-o", str(target), "--format", fmt, "--home", str(home))
        out[f"export {fmt}"] = _sha(target.read_bytes())
    return out


def _check(name: str, got: dict[str, str]) -> None:
    path = GOLDEN / "digests.json"
    digests = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    if UPDATE:
        digests[name] = got
        path.write_text(json.dumps(digests, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        return
    changed = sorted(k for k in digests[name] if got.get(k) != digests[name][k])
    assert not changed, f"{name}: these outputs changed: {', '.join(changed)}"


@pytest.fixture()
def dev2_home(tmp_path: Path) -> Path:
    """A memory-store home holding the golden dev2 graph and claims."""
    home = tmp_path / "home"
    home.mkdir()
    (home / "graph.trig").write_bytes(_unzip("dev2.trig.gz"))
    (home / "claims.jsonl").write_bytes(_unzip("dev2.claims.jsonl.gz"))
    (home / ".kg-store").write_text("memory\n", encoding="utf-8")
    return home


def test_outputs_of_a_stored_graph_are_unchanged(dev2_home: Path, tmp_path: Path) -> None:
    # removing an article the home does not hold rewrites every output from the store
    _run("remove", "no-such-article", "-o", str(dev2_home))
    trig = (dev2_home / "graph.trig").read_text(encoding="utf-8")
    assert _same_dataset(_without_summaries(trig), _without_summaries(_unzip("dev2.trig.gz").decode("utf-8")))
    _check("dev2", _derived(dev2_home, tmp_path))


def test_a_seed_build_is_unchanged(tmp_path: Path) -> None:
    home = tmp_path / "home"
    shutil.copytree(SEEDS, tmp_path / "seeds")
    _run("build", str(tmp_path / "seeds"), "-o", str(home))
    trig = (home / "graph.trig").read_text(encoding="utf-8")
    if UPDATE:
        for name, data in (("seeds.trig.gz", trig.encode("utf-8")), ("seeds.claims.jsonl.gz", (home / "claims.jsonl").read_bytes())):
            (GOLDEN / name).write_bytes(gzip.compress(data, mtime=0))
    else:
        expected = _without_summaries(_unzip("seeds.trig.gz").decode("utf-8"))
        assert _same_dataset(_without_summaries(trig), expected), "the seed graph changed; see this module's docstring"
        assert (home / "claims.jsonl").read_bytes() == _unzip("seeds.claims.jsonl.gz")
    _check("seeds", _derived(home, tmp_path))
