"""Reading and writing graph files atomically."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from rdflib import Graph

from kg.errors import StoreError

__all__ = ["load_graph", "save_graph", "atomic_write_text", "FORMATS"]

_OX_FORMATS = {"turtle": "ox-turtle", "nt": "ox-nt", "json-ld": "ox-json-ld", "xml": "ox-xml", "nquads": "ox-nquads"}
FORMATS = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".trig": "trig", ".rdf": "xml", ".xml": "xml", ".nq": "nquads"}


def atomic_write_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def save_graph(graph: Graph, path: str | Path) -> Path:
    """Serialise by file extension (.ttl, .nt, .jsonld, .trig, .rdf), atomically."""
    path = Path(path)
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise StoreError(f"{path}: unknown graph format; use one of {', '.join(FORMATS)}")
    atomic_write_text(path, graph.serialize(format=fmt))
    return path


def load_graph(path: str | Path, store: str = "Oxigraph") -> Graph:
    """Parse a graph file into an in-memory store (rdflib over Oxigraph by default: it loads and
    aggregates far faster than rdflib's own memory store, see bench/store_scale.py).

    Raises:
        StoreError: the file is missing or does not parse.
    """
    from kg.graph.model import new_graph

    path = Path(path)
    if not path.exists():
        raise StoreError(f"{path}: no such graph file; run `kg build` first or give --graph")
    fmt = FORMATS.get(path.suffix.lower(), "turtle")
    g = new_graph(store)
    if store == "Oxigraph" and fmt in _OX_FORMATS:
        fmt = _OX_FORMATS[fmt]  # oxrdflib's native parsers load straight into the store
    try:
        g.parse(path, format=fmt)
    except Exception as exc:  # rdflib raises many parser-specific types
        raise StoreError(f"{path}: not a readable {fmt} graph ({exc.__class__.__name__}: {str(exc)[:120]})") from exc
    return g
