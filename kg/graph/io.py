"""Reading and writing graph files atomically."""
from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path

from rdflib import Dataset, Graph

from kg.errors import StoreError

__all__ = ["load_graph", "save_graph", "atomic_write_text", "dataset_trig", "FORMATS"]

_OX_FORMATS = {"turtle": "ox-turtle", "nt": "ox-nt", "json-ld": "ox-json-ld", "xml": "ox-xml", "nquads": "ox-nquads"}
FORMATS = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".trig": "trig", ".rdf": "xml", ".xml": "xml", ".nq": "nquads"}


def os_error(path: str | Path, exc: OSError, doing: str = "cannot write") -> StoreError:
    """One line for an ``OSError``, naming the path (the exception's own file name when it has one)."""
    where = exc.filename if isinstance(exc.filename, str) and exc.filename else str(path)
    return StoreError(f"{where}: {doing} ({exc.strerror or exc.__class__.__name__})")


def atomic_write_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file and a rename.

    Raises:
        StoreError: the directory cannot be made or written, or ``path`` is a directory.
    """
    tmp = None
    blocker = next((p for p in path.parents if p.exists()), None)
    if blocker is not None and not blocker.is_dir():
        raise StoreError(f"{blocker}: is not a directory, so {path} cannot be written")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.is_dir():
            raise StoreError(f"{path}: is a directory; give a file name")
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        raise os_error(path, exc) from exc
    finally:
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)


def dataset_trig(dataset: Dataset) -> str:
    """The dataset as TriG, byte-identical for the same triples: named graphs sorted by IRI,
    subjects in rdflib's sorted order, and the project's prefixes bound (never ``ns1:``)."""
    from rdflib.plugins.serializers.trig import TrigSerializer

    from kg.graph.model import bind_prefixes

    bind_prefixes(dataset)
    ser = TrigSerializer(dataset)
    ser.contexts = sorted(ser.contexts, key=lambda g: str(g.identifier))  # the store keeps them in a set
    buf = io.BytesIO()
    ser.serialize(buf, encoding="utf-8")
    return buf.getvalue().decode("utf-8")


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
    if path.is_dir():
        raise StoreError(f"{path}: is a directory; give the graph file (e.g. {path / 'graph.ttl'})")
    fmt = FORMATS.get(path.suffix.lower(), "turtle")
    g = new_graph(store)
    if store == "Oxigraph" and fmt in _OX_FORMATS:
        fmt = _OX_FORMATS[fmt]  # oxrdflib's native parsers load straight into the store
    try:
        g.parse(path, format=fmt)
    except OSError as exc:
        raise os_error(path, exc, "cannot read") from exc
    except Exception as exc:  # rdflib raises many parser-specific types
        raise StoreError(f"{path}: not a readable {fmt} graph ({exc.__class__.__name__}: {str(exc)[:120]})") from exc
    return g
