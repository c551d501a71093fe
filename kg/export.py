"""Exports of a graph by file extension: RDF, the stance network (GraphML, GEXF) or the claim table (CSV)."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import networkx as nx
from rdflib import Graph

from kg.errors import StoreError
from kg.graph.claims import claim_rows, labels
from kg.graph.io import FORMATS, atomic_write_text

__all__ = ["export", "EXPORT_SUFFIXES", "claim_table", "stance_network"]

EXPORT_SUFFIXES = (".ttl", ".nt", ".jsonld", ".trig", ".graphml", ".gexf", ".csv")

_CSV_HEADER = ["article", "subject", "relation", "object", "polarity", "modality", "confidence", "evidence", "start", "end"]


def claim_table(graph: Graph) -> list[list]:
    """The claims as CSV rows under :data:`_CSV_HEADER`: labels for actors, relations and
    modalities, ordered by article, offset, subject, relation and object."""
    names = labels(graph)
    rows = [[r.article_id or "", names.get(r.subject, r.subject), names.get(r.relation_iri, r.relation),
             names.get(r.object, r.object), r.polarity, names.get(r.modality_iri, r.modality), r.confidence, r.evidence,
             r.start, r.end] for r in claim_rows(graph)]
    rows.sort(key=lambda row: (row[0], row[8], row[1], row[2], row[3]))
    return rows


def stance_network(graph: Graph) -> nx.DiGraph:
    """Directed actor stance graph: one edge per (subject, object) with polarity sums and counts,
    hypotheticals and issues left out."""
    names = labels(graph)
    g = nx.DiGraph()
    for row in claim_rows(graph):
        if row.hypothetical or row.object_is_issue:
            continue
        s, o = row.subject, row.object
        for node in (s, o):
            if node not in g:
                g.add_node(node, label=names.get(node, node))
        if not g.has_edge(s, o):
            g.add_edge(s, o, stance=0.0, supporting=0, opposing=0)
        edge = g[s][o]
        edge["stance"] = round(edge["stance"] + row.stance, 3)
        edge["supporting" if row.polarity > 0 else "opposing"] += 1
    return g


def export(home_union: Graph, path: str | Path, dataset_trig: str | None = None) -> Path:
    """Write ``home_union`` (or the per-article dataset for .trig) to ``path`` by extension.

    Raises:
        StoreError: unknown extension.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in EXPORT_SUFFIXES:
        raise StoreError(f"{path}: cannot export to {suffix or 'no extension'}; use one of {', '.join(EXPORT_SUFFIXES)}")
    if suffix == ".trig":
        if dataset_trig is None:
            raise StoreError(f"{path}: TriG export needs the graph home (kg export --home out/)")
        atomic_write_text(path, dataset_trig)
    elif suffix in (".graphml", ".gexf"):
        g = stance_network(home_union)
        raw = io.BytesIO()
        (nx.write_graphml if suffix == ".graphml" else nx.write_gexf)(g, raw)
        atomic_write_text(path, raw.getvalue().decode("utf-8"))
    elif suffix == ".csv":
        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow(_CSV_HEADER)
        writer.writerows(claim_table(home_union))
        atomic_write_text(path, buf.getvalue())
    elif suffix == ".nt":
        lines = home_union.serialize(format="nt").splitlines(keepends=True)
        atomic_write_text(path, "".join(sorted(line for line in lines if line.strip())))  # the same bytes every run
    else:
        atomic_write_text(path, home_union.serialize(format=FORMATS[suffix]))
    return path
