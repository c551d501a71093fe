"""Exports of a graph home by file extension."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import networkx as nx
from rdflib import Graph

from kg.errors import StoreError
from kg.graph.io import FORMATS, atomic_write_text

__all__ = ["export", "EXPORT_SUFFIXES"]

EXPORT_SUFFIXES = (".ttl", ".nt", ".jsonld", ".trig", ".graphml", ".gexf", ".csv")

_CLAIMS = """
SELECT ?article ?subject ?relation ?object ?polarity ?modality ?confidence ?evidence ?start ?end WHERE {
  ?c a kg:Claim ; prov:wasDerivedFrom ?a ; kg:subject ?s ; kg:object ?o ; kg:relationType ?r ; kg:polarity ?polarity ;
     kg:modality ?m ; kg:confidence ?confidence ; kg:evidence ?evidence ; kg:startOffset ?start ; kg:endOffset ?end .
  ?a kg:articleId ?article . ?s rdfs:label ?subject . ?o rdfs:label ?object . ?r rdfs:label ?relation . ?m rdfs:label ?modality .
} ORDER BY ?article ?start ?subject ?relation ?object"""


def _stance_nx(graph: Graph) -> nx.DiGraph:
    """Directed actor stance graph: one edge per (subject, object) with polarity sums and counts."""
    from kg.analyze import _labels
    from kg.graph.query import run_query

    labels = _labels(graph)
    g = nx.DiGraph()
    rows = run_query(graph, """SELECT ?s ?o ?pol ?conf WHERE { ?c a kg:Claim ; kg:subject ?s ; kg:object ?o ;
        kg:polarity ?pol ; kg:confidence ?conf ; kg:modality ?m . FILTER (?m != kg:Hypothetical) ?o a kg:Actor }""").rows
    for s, o, pol, conf in rows:
        for node in (s, o):
            if node not in g:
                g.add_node(node, label=labels.get(node, node))
        if not g.has_edge(s, o):
            g.add_edge(s, o, stance=0.0, supporting=0, opposing=0)
        edge = g[s][o]
        edge["stance"] = round(edge["stance"] + int(pol) * float(conf), 3)
        edge["supporting" if int(pol) > 0 else "opposing"] += 1
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
        g = _stance_nx(home_union)
        raw = io.BytesIO()
        (nx.write_graphml if suffix == ".graphml" else nx.write_gexf)(g, raw)
        atomic_write_text(path, raw.getvalue().decode("utf-8"))
    elif suffix == ".csv":
        from kg.graph.query import run_query

        result = run_query(home_union, _CLAIMS)
        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow(result.vars)
        writer.writerows(result.rows)
        atomic_write_text(path, buf.getvalue())
    else:
        atomic_write_text(path, home_union.serialize(format=FORMATS[suffix]))
    return path
