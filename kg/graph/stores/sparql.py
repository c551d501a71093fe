"""``sparql:URL``: any SPARQL 1.1 endpoint with update (Oxigraph server, Fuseki, GraphDB, QLever).

``URL/query`` and ``URL/update`` are used unless the URL names a ``/sparql`` or ``/query``
endpoint. Named graphs are loaded in bulk: each update request replaces whole graphs
(``DROP SILENT GRAPH g ; INSERT DATA { GRAPH g { ... } }`` per graph) and holds at most
``batch_bytes`` of N-Triples (a larger graph goes alone). Replacing a graph is idempotent, so a
request whose connection dropped is sent again as it was: whether or not the endpoint applied it
the first time, each graph ends up holding its triples once.
"""
from __future__ import annotations

import http.client
import time
import urllib.error
import urllib.request
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from rdflib import Dataset, Graph, URIRef

from kg.errors import StoreError
from kg.graph.store import DatasetStore

__all__ = ["SparqlStore", "update_batches"]

BATCH_BYTES = 4_000_000  # per update request; endpoints commonly accept 10 MB and more
RETRIES = 5  # attempts per request after a dropped connection or a busy endpoint
_TRANSIENT_STATUS = {429, 502, 503, 504}


def _endpoints(url: str) -> tuple[str, str]:
    url = url.rstrip("/")
    if url.endswith(("/sparql", "/query")):
        return url, url.rsplit("/", 1)[0] + "/update" if url.endswith("/query") else url
    return url + "/query", url + "/update"


def _graph_update(iri: URIRef, graph: Graph) -> str:
    """One graph's replacement: drop it, then insert its triples (N-Triples lines are SPARQL)."""
    body = graph.serialize(format="nt").strip()
    drop = f"DROP SILENT GRAPH {iri.n3()}"
    return f"{drop} ;\nINSERT DATA {{ GRAPH {iri.n3()} {{\n{body}\n}} }}" if body else drop


def update_batches(statements: Iterable[str], batch_bytes: int = BATCH_BYTES) -> Iterator[str]:
    """SPARQL update statements joined with ``;`` into requests of at most ``batch_bytes`` (UTF-8),
    never splitting a statement (one larger than the bound goes alone).

    >>> list(update_batches(["DROP GRAPH <a>", "DROP GRAPH <b>", "DROP GRAPH <c>"], batch_bytes=40))
    ['DROP GRAPH <a> ;\\nDROP GRAPH <b>', 'DROP GRAPH <c>']
    """
    batch: list[str] = []
    size = 0
    for statement in statements:
        n = len(statement.encode("utf-8")) + 3
        if batch and size + n > batch_bytes:
            yield " ;\n".join(batch)
            batch, size = [], 0
        batch.append(statement)
        size += n
    if batch:
        yield " ;\n".join(batch)


class SparqlStore(DatasetStore):
    """A remote dataset behind the SPARQL 1.1 protocol; it persists itself."""

    scheme = "sparql"
    usage = "sparql:URL"

    def __init__(self, dataset: Dataset, location: str, update_url: str, batch_bytes: int | None = None,
                 retries: int | None = None, timeout: float = 300.0) -> None:
        super().__init__(dataset, location)
        self.update_url, self.timeout = update_url, timeout
        self.batch_bytes = BATCH_BYTES if batch_bytes is None else batch_bytes
        self.retries = RETRIES if retries is None else retries
        self.requests = 0  # update requests sent, retries included

    @classmethod
    def open(cls, location: str, home: Path | None, create: bool) -> SparqlStore:
        from rdflib.plugins.stores.sparqlstore import SPARQLUpdateStore

        if not location.strip():
            raise StoreError("--store sparql: needs the endpoint's URL, e.g. --store sparql:http://localhost:7878")
        query, update = _endpoints(location)
        store = SPARQLUpdateStore(query_endpoint=query, update_endpoint=update, context_aware=True, autocommit=True)
        dataset = Dataset(store=store, default_union=True)
        try:
            dataset.query("ASK { ?s ?p ?o }")
        except Exception as exc:  # urllib/http errors from the endpoint
            raise StoreError(f"{query}: SPARQL endpoint not reachable ({exc.__class__.__name__}); check the URL") from exc
        return cls(dataset, location, update)

    def put(self, iri: URIRef, graph: Graph) -> None:
        self.put_all({iri: graph})

    def put_all(self, graphs: Mapping[URIRef, Graph]) -> None:
        """Replace the graphs in bounded, idempotent update requests (see the module docstring)."""
        for request in update_batches((_graph_update(iri, g) for iri, g in graphs.items()), self.batch_bytes):
            self.update(request)

    def drop(self, iri: URIRef) -> None:
        self.drop_all([iri])

    def drop_all(self, iris: Iterable[URIRef]) -> None:
        for request in update_batches((f"DROP SILENT GRAPH {iri.n3()}" for iri in iris), self.batch_bytes):
            self.update(request)

    def update(self, request: str) -> None:
        """POST one update, sending it again after a dropped connection or a busy answer.

        Raises:
            StoreError: the endpoint refused the update, or did not answer after the retries.
        """
        data = request.encode("utf-8")
        for attempt in range(self.retries + 1):
            self.requests += 1
            req = urllib.request.Request(self.update_url, data=data, method="POST",
                                         headers={"Content-Type": "application/sparql-update; charset=utf-8"})
            try:
                with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                    resp.read()
                return
            except urllib.error.HTTPError as exc:
                if exc.code not in _TRANSIENT_STATUS or attempt == self.retries:
                    detail = exc.read().decode("utf-8", "replace").strip().splitlines()[:1]
                    raise StoreError(f"{self.update_url}: update refused (HTTP {exc.code}"
                                     f"{': ' + detail[0][:160] if detail else ''})") from exc
            except (urllib.error.URLError, http.client.HTTPException, ConnectionError, TimeoutError) as exc:
                if attempt == self.retries:
                    raise StoreError(f"{self.update_url}: the endpoint stopped answering "
                                     f"({exc.__class__.__name__}) after {self.retries + 1} attempts") from exc
            time.sleep(min(0.2 * 2 ** attempt, 5.0))

    def article_ids(self) -> set[str]:
        from kg.graph.query import PREFIXES

        rows = self.dataset.query(PREFIXES + "SELECT DISTINCT ?id WHERE { GRAPH ?g { ?a kg:articleId ?id } }")
        return {str(row[0]) for row in rows}  # type: ignore[index]

    def union(self) -> Graph:
        from kg.graph.model import new_graph

        out = new_graph("Oxigraph")
        result = self.dataset.query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
        for triple in result:
            out.add(triple)  # type: ignore[arg-type]
        return out
