"""Stores, incremental updates and exports."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from kg.graph import load_graph
from kg.graph.stores.memory import MemoryStore
from kg.pipeline import add, build, remove

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
A, B = "000_be1fec4c38dce20f", "001_6dd0e6ed9944d124"


@pytest.fixture(scope="module")
def corpora(tmp_path_factory):
    root = tmp_path_factory.mktemp("corpora")
    for name, doc in (("a", A), ("b", B)):
        (root / name).mkdir()
        shutil.copy(SEEDS / f"{doc}.txt", root / name / f"{doc}.txt")
    return root / "a", root / "b"


def _same(home1: Path, home2: Path) -> None:
    assert isomorphic(load_graph(home1 / "graph.ttl"), load_graph(home2 / "graph.ttl"))
    assert (home1 / "claims.jsonl").read_text() == (home2 / "claims.jsonl").read_text()


@pytest.mark.parametrize("store", ["memory", "oxigraph"])
def test_incremental_invariants(corpora, tmp_path, store: str) -> None:
    a, b = corpora
    spec = (lambda home: f"oxigraph:{home}/store") if store == "oxigraph" else (lambda home: "memory")
    inc, full, only_a = tmp_path / "inc", tmp_path / "full", tmp_path / "only_a"
    build([a], inc, store=spec(inc))
    added = add([a, b], inc)
    assert (added.added, added.already_present) == (1, 1)
    build([a, b], full, store=spec(full))
    _same(inc, full)
    assert remove([B], inc).removed == 1
    build([a], only_a, store=spec(only_a))
    _same(inc, only_a)


def test_build_twice_is_isomorphic(corpora, tmp_path) -> None:
    a, b = corpora
    build([a, b], tmp_path / "one")
    build([a, b], tmp_path / "two")
    _same(tmp_path / "one", tmp_path / "two")


def test_named_graph_per_article(corpora, tmp_path) -> None:
    a, b = corpora
    build([a, b], tmp_path)
    ds = Dataset()
    ds.parse(tmp_path / "graph.trig", format="trig")
    names = {str(g.identifier) for g in ds.graphs()}
    from kg.graph.store import article_graph_iri

    assert {str(article_graph_iri(A)), str(article_graph_iri(B))} <= names


@pytest.mark.parametrize("suffix", [".ttl", ".nt", ".jsonld", ".trig", ".graphml", ".gexf", ".csv"])
def test_exports(seed_build, tmp_path, suffix: str) -> None:
    from typer.testing import CliRunner

    from kg.cli import app

    target = tmp_path / f"export{suffix}"
    result = CliRunner().invoke(app, ["export", "-o", str(target), "--home", str(seed_build.graph_path.parent)])
    assert result.exit_code == 0, result.output
    union = load_graph(seed_build.graph_path)  # both sides in the same store: Oxigraph reads "x" as "x"^^xsd:string
    if suffix in (".ttl", ".nt", ".jsonld"):
        fmt = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld"}[suffix]
        assert isomorphic(Graph(store="Oxigraph").parse(target, format=fmt), union)
    elif suffix == ".trig":
        ds = Dataset()
        ds.parse(target, format="trig")
        merged = Graph(store="Oxigraph")
        for g in ds.graphs():
            for t in g:
                merged.add(t)
        assert isomorphic(merged, union)
    elif suffix in (".graphml", ".gexf"):
        g = nx.read_graphml(target) if suffix == ".graphml" else nx.read_gexf(target)
        assert g.number_of_edges() > 5 and all("stance" in d for _, _, d in g.edges(data=True))
    else:
        lines = target.read_text(encoding="utf-8").splitlines()
        assert lines[0].startswith("article,subject,relation,object,polarity") and len(lines) > 10


@pytest.mark.server
def test_remote_sparql_store(corpora, tmp_path, oxigraph_server) -> None:
    import urllib.parse
    import urllib.request

    a, b = corpora
    home = tmp_path / "remote"
    build([a, b], home, store=f"sparql:{oxigraph_server}")
    local = tmp_path / "local"
    build([a, b], local)
    _same(home, local)
    query = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    req = urllib.request.Request(f"{oxigraph_server}/query?" + urllib.parse.urlencode({"query": query}),
                                 headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(req, timeout=10) as resp:
        n = int(json.load(resp)["results"]["bindings"][0]["n"]["value"])
    assert n == 3  # two articles and the ontology
    assert remove([B], home).removed == 1
    with urllib.request.urlopen(req, timeout=10) as resp:
        assert int(json.load(resp)["results"]["bindings"][0]["n"]["value"]) == 2


def test_unknown_store_is_one_line_error(tmp_path) -> None:
    from kg.errors import StoreError
    from kg.graph.store import open_store

    with pytest.raises(StoreError, match="unknown store"):
        open_store("postgres://x", tmp_path)
    with pytest.raises(StoreError, match="not reachable"):
        from conftest import free_port

        open_store(f"sparql:http://127.0.0.1:{free_port()}", tmp_path)


def test_store_note_is_resolved_against_the_home(corpora, tmp_path, monkeypatch) -> None:
    a, _ = corpora
    work, elsewhere = tmp_path / "work", tmp_path / "elsewhere"
    work.mkdir()
    elsewhere.mkdir()
    monkeypatch.chdir(work)
    build([a], "home", store="oxigraph:home/store")
    assert (work / "home" / ".kg-store").read_text(encoding="utf-8").strip() == "oxigraph:store"
    monkeypatch.chdir(elsewhere)
    result = add([a], "../work/home")
    assert (result.added, result.already_present) == (0, 1)
    assert A in (work / "home" / "claims.jsonl").read_text(encoding="utf-8")
    assert not (elsewhere / "home").exists()


def test_a_home_whose_store_is_gone_is_an_error(corpora, tmp_path) -> None:
    from kg.errors import StoreError

    a, b = corpora
    home = tmp_path / "home"
    build([a], home, store=f"oxigraph:{home}/store")
    before = {p.name: p.read_bytes() for p in home.iterdir() if p.is_file()}
    (home / "store").rename(tmp_path / "moved")
    with pytest.raises(StoreError, match="store is missing"):
        add([b], home)
    with pytest.raises(StoreError, match="store is missing"):
        remove([A], home)
    assert {p.name: p.read_bytes() for p in home.iterdir() if p.is_file()} == before
    (home / "graph.trig").write_text("", encoding="utf-8")
    (home / ".kg-store").write_text("memory\n", encoding="utf-8")
    (home / "graph.trig").unlink()
    with pytest.raises(StoreError, match="store is missing"):
        add([b], home)


@pytest.mark.parametrize("spec", ["oxigraph:", "oxigraph:  "])
def test_an_empty_oxigraph_location_is_refused(tmp_path, spec: str) -> None:
    from kg.errors import StoreError
    from kg.graph.store import open_store

    with pytest.raises(StoreError, match="needs a directory"):
        build([SEEDS], tmp_path / "home", store=spec)
    with pytest.raises(StoreError, match="needs a directory"):
        open_store(spec, tmp_path)
    assert not list(tmp_path.rglob("*store*"))


def test_remove_accepts_either_id_form(corpora, tmp_path) -> None:
    a, b = corpora
    build([a, b], tmp_path)
    assert remove([A.replace("_", "-")], tmp_path).removed == 1
    assert A not in (tmp_path / "claims.jsonl").read_text(encoding="utf-8")
    assert remove([B, B.replace("_", "-")], tmp_path).removed == 1


def test_trig_is_sorted_with_bound_prefixes(seed_build) -> None:
    text = (seed_build.graph_path.parent / "graph.trig").read_text(encoding="utf-8")
    assert "ns1:" not in text and "@prefix kg: <https://kg.dev/ontology#>" in text
    import re

    names = re.findall(r"^(<[^>]+>|d:\S+) \{", text, re.M)
    assert len(names) == 3 and names == sorted(names)


class EchoStore(MemoryStore):
    """A store registered under a scheme of its own, as a new backend would be."""

    scheme = "echo"
    usage = "echo:NAME"

    @classmethod
    def open(cls, location: str, home: Path | None, create: bool) -> EchoStore:
        store = super().open("", home, create)
        store.location = location
        return store


def test_a_new_backend_is_one_registered_class(corpora, tmp_path) -> None:
    from kg.graph.store import _REGISTRY, open_store, register_store

    a, _ = corpora
    register_store("echo", __name__, "EchoStore")
    try:
        store = open_store("echo:x", tmp_path)
        assert isinstance(store, EchoStore) and store.spec == "echo:x"
        build([a], tmp_path / "home", store="echo:x")
        assert (tmp_path / "home" / ".kg-store").read_text(encoding="utf-8") == "echo:x\n"
        assert (tmp_path / "home" / "graph.trig").exists()  # what the class asked its home to keep
    finally:
        del _REGISTRY["echo"]
    from kg.errors import StoreError

    with pytest.raises(StoreError, match="unknown store 'echo:x'; use memory, oxigraph:DIR, sparql:URL"):
        open_store("echo:x")


@pytest.mark.parametrize(("spec", "message"), [("memory:out", "memory takes no location"),
                                               ("sparql:", "needs the endpoint's URL")])
def test_a_malformed_location_is_one_line_error(tmp_path, spec: str, message: str) -> None:
    from kg.errors import StoreError
    from kg.graph.store import open_store

    with pytest.raises(StoreError, match=message):
        open_store(spec, tmp_path)


class DroppingProxy:
    """A local HTTP proxy in front of a SPARQL server that drops the connection of the first
    ``drops`` update requests: ``after`` the server has applied one (its answer never arrives), or
    ``before`` forwarding it."""

    def __init__(self, upstream: str, drops: int, when: str) -> None:
        import socket
        import threading

        self.host, self.port = upstream.removeprefix("http://").split(":")
        self.drops, self.when, self.dropped, self.updates = drops, when, 0, []
        self.server = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.server.getsockname()[1]}"
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while True:
            try:
                client, _ = self.server.accept()
            except OSError:
                return
            with client:
                self._handle(client)

    @staticmethod
    def _read_request(sock) -> bytes:  # type: ignore[no-untyped-def]
        data = b""
        while b"\r\n\r\n" not in data:
            data += sock.recv(65536)
        head, _, body = data.partition(b"\r\n\r\n")
        length = next((int(line.split(b":", 1)[1]) for line in head.split(b"\r\n")
                       if line.lower().startswith(b"content-length:")), 0)
        while len(body) < length:
            body += sock.recv(65536)
        return head + b"\r\n\r\n" + body

    def _handle(self, client) -> None:  # type: ignore[no-untyped-def]
        import socket

        request = self._read_request(client)
        update = request.startswith(b"POST /update")
        if update:
            self.updates.append(len(request.partition(b"\r\n\r\n")[2]))
        drop = update and self.dropped < self.drops
        if drop and self.when == "before":
            self.dropped += 1
            return
        with socket.create_connection((self.host, int(self.port))) as upstream:
            upstream.sendall(request)
            response = b""
            while chunk := upstream.recv(65536):
                response += chunk
        if drop:
            self.dropped += 1  # applied by the server; the client never hears
            return
        client.sendall(response)

    def close(self) -> None:
        self.server.close()


def _server_graphs(url: str) -> dict[str, int]:
    import urllib.parse
    import urllib.request

    query = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
    req = urllib.request.Request(f"{url}/query?" + urllib.parse.urlencode({"query": query}),
                                 headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(req, timeout=30) as resp:
        rows = json.load(resp)["results"]["bindings"]
    return {r["g"]["value"]: int(r["n"]["value"]) for r in rows}


@pytest.mark.server
@pytest.mark.parametrize("when", ["after", "before"])
def test_bulk_load_is_batched_and_survives_dropped_connections(oxigraph_server, when: str) -> None:
    import gzip

    from rdflib import BNode, Literal, URIRef

    from kg.graph.store import open_store

    local = Dataset()
    local.parse(data=gzip.decompress((Path(__file__).parent / "data/golden/dev2.trig.gz").read_bytes()).decode(), format="trig")
    graphs = {g.identifier: g for g in local.graphs() if len(g)}
    blank = Graph()  # a blank node is inserted afresh by every request: a replayed INSERT alone would copy it
    blank.add((BNode(), URIRef("https://kg.dev/ontology#note"), Literal("x")))
    graphs[URIRef("https://kg.dev/id/graph/blank")] = blank
    proxy = DroppingProxy(oxigraph_server, drops=2, when=when)
    try:
        store = open_store(f"sparql:{proxy.url}")
        store.batch_bytes = 60_000  # type: ignore[attr-defined]
        store.put_all(graphs)
        store.put_all(graphs)  # loading again replaces, never adds
    finally:
        proxy.close()
    assert proxy.dropped == 2
    assert len(proxy.updates) >= 2 * 6 + 2 and max(proxy.updates) <= 60_000 + max(
        len(g.serialize(format="nt").encode()) + 200 for g in graphs.values())
    assert _server_graphs(oxigraph_server) == {str(iri): len(g) for iri, g in graphs.items()}


@pytest.mark.server
def test_a_refused_update_is_one_line_error(oxigraph_server) -> None:
    from kg.errors import StoreError
    from kg.graph.store import open_store

    store = open_store(f"sparql:{oxigraph_server}")
    with pytest.raises(StoreError, match=r"update refused \(HTTP 400") as info:
        store.update("INSERT DATA { <a> <b> }")  # type: ignore[attr-defined]
    assert "\n" not in str(info.value)
