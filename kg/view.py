"""The interactive HTML view of alliances (green) and tensions (red), offline and self-contained.

pyvis builds the network (nodes, edges, options); the page is written from our own template with
vis-network's script and stylesheet inlined from the pyvis package, so it opens from disk with no
network. Every string that came from an article is placed as JSON data and shown through
``textContent``, never as markup.
"""
from __future__ import annotations

import html
import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rdflib import RDF, RDFS, Graph

from kg.analyze import CONTACT_RELATIONS
from kg.graph.io import atomic_write_text
from kg.graph.namespace import KG
from kg.view_layout import FONT_SIZE, layout, wrap_label
from kg.view_page import TEMPLATE

SETTLE_ITERATIONS = 12  # physics steps after load: with maxVelocity 1 and timestep 0.2, at most 2.4 px a node

__all__ = ["write_view", "view_data", "render_html", "show", "View"]

_KIND_COLOUR = {"Person": "#4c78a8", "State": "#f58518", "Organization": "#72b7b2", "Group": "#b279a2", "Issue": "#9d9d9d"}
_KIND_SHAPE = {"Person": "dot", "State": "diamond", "Organization": "square", "Group": "triangle", "Issue": "box"}
# one pair of colours per conflict (camp 0, camp 1); a conflict past the palette reuses it
_CAMP_COLOUR = [("#e45756", "#4c78a8"), ("#f58518", "#54a24b"), ("#b279a2", "#eeca3b"), ("#9d755d", "#72b7b2"),
                ("#ff9da6", "#8c6d31")]
_NO_CAMP = "#d0d0d0"
EDGE_KINDS = {"alliance": "#2ca02c", "contact": "#8c8c8c", "tension": "#d62728"}


def _kind(graph: Graph, node: Any) -> str:
    for kind in ("Person", "State", "Organization", "Group", "Issue"):
        if (node, RDF.type, getattr(KG, kind)) in graph:
            return kind
    return "Organization"


def edge_kind(relation: str, polarity: int) -> str:
    """How an edge is drawn: ``contact`` (meets, negotiates), else ``alliance`` or ``tension``.

    >>> edge_kind("meets", 1), edge_kind("supports", 1), edge_kind("attacks", -1)
    ('contact', 'alliance', 'tension')
    """
    if relation in CONTACT_RELATIONS:
        return "contact"
    return "alliance" if polarity > 0 else "tension"


def search_key(name: str) -> str:
    """A name folded for search: accents, case, punctuation and a leading article dropped.

    The page folds what is typed the same way.

    >>> search_key("the Kremlin"), search_key("Zelenskyy"), search_key("Recep Tayyip Erdoğan")
    ('kremlin', 'zelenskyy', 'recep tayyip erdogan')
    """
    text = unicodedata.normalize("NFD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = re.sub(r"[^\w]+", " ", text).strip()
    return re.sub(r"^(the|a|an) ", "", text)


def _gazetteer_names() -> dict[str, set[str]]:
    """Every name, seat of government and demonym the gazetteer knows, per actor IRI."""
    from kg.gazetteer import load_gazetteer
    from kg.graph.model import actor_iri

    gaz = load_gazetteer()
    names: dict[str, set[str]] = defaultdict(set)
    for table in (gaz.names, gaz.seats, gaz.demonyms):
        for name, ident in table.items():
            names[str(actor_iri(ident))].add(name)
    return names


def _period(date: str, monthly: bool) -> str:
    return date[:7] if monthly else date


def view_data(graph: Graph, max_nodes: int = 300, min_claims: int = 2) -> dict:
    """Nodes (with positions), edges, camps and periods of the stance graph, ready for the page.

    Args:
        max_nodes: keep the most connected actors only.
        min_claims: the stance claims an actor (or the state it acts for) needs to be given a camp.
    """
    from rdflib import URIRef
    from rdflib.namespace import SKOS

    from kg.analyze import component_camps
    from kg.graph.claims import claim_rows

    edges: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    degree: dict[str, int] = defaultdict(int)
    for row in claim_rows(graph):
        if row.hypothetical:
            continue
        edges[(row.subject, row.object, edge_kind(row.relation, row.polarity))].append({
            "relation": row.relation, "evidence": row.evidence, "confidence": float(row.confidence),
            "article": row.article_id or row.article.rsplit("/", 1)[-1], "title": row.title or "",
            "date": str(row.claim_date or row.date or ""), "url": row.url or "",
        })
    for s, o, _ in edges:
        degree[s] += 1
        degree[o] += 1
    keep = sorted(degree, key=lambda n: (-degree[n], n))[:max_nodes]
    kept = set(keep)
    camps = component_camps(graph, by_state=True, min_claims=min_claims)
    camp_of = {m: (c.component, c.side) for c in camps for m in c.members}
    gaz_names = _gazetteer_names()
    palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"]
    state_colour: dict[str, str] = {}
    nodes: list[dict[str, Any]] = []
    for node in keep:
        ref = URIRef(node)
        name = str(graph.value(ref, RDFS.label) or node.rsplit("/", 1)[-1])
        state = graph.value(ref, KG.actsFor)
        roles = []
        for role in graph.objects(ref, KG.holdsRole):
            of = graph.value(role, KG.roleOf)
            start, end = graph.value(role, KG.startDate), graph.value(role, KG.endDate)
            roles.append(f"{graph.value(role, KG.roleTitle)} of {graph.value(of, RDFS.label) or of} "
                         f"({start or '?'} to {end or 'now'})")
        kind = _kind(graph, ref)
        home = node if kind == "State" else (str(state) if state else "")
        if home and home not in state_colour:
            state_colour[home] = palette[len(state_colour) % len(palette)]
        aliases = sorted(str(a) for a in graph.objects(ref, SKOS.altLabel))
        keys = {search_key(x) for x in [name, *aliases, *gaz_names.get(node, ())]} - {""}
        camp = camp_of.get(node, camp_of.get(str(state)) if state else None)
        size = 8 + 2 * min(degree[node], 10)
        nodes.append({"id": node, "name": name, "label": wrap_label(name), "kind": kind, "degree": degree[node],
                      "size": size, "shape": _KIND_SHAPE[kind],
                      "stateColor": state_colour.get(home, "#cccccc"), "camp": list(camp) if camp else None,
                      "state": str(graph.value(state, RDFS.label) or "") if state else "",
                      "aliases": aliases[:12], "search": sorted(keys), "roles": sorted(roles)})
    out_edges: list[dict[str, Any]] = []
    for (s, o, kind), claims in sorted(edges.items()):
        if s in kept and o in kept:
            opposite = "tension" if kind == "alliance" else "alliance" if kind == "tension" else ""
            out_edges.append({"from": s, "to": o, "kind": kind, "polarity": -1 if kind == "tension" else 1,
                              "count": len(claims), "articles": len({c["article"] for c in claims}),
                              "mixed": (s, o, opposite) in edges, "relations": sorted({c["relation"] for c in claims}),
                              "claims": claims, "dates": sorted({c["date"] for c in claims if c["date"]})})
    side = {n["id"]: n["camp"][1] for n in nodes if n["camp"]}
    positions = layout(nodes, out_edges, side)
    for n in nodes:
        n["x"], n["y"] = positions[n["id"]]
    label_of = {n["id"]: n["name"] for n in nodes}
    weight = {n["id"]: n["degree"] for n in nodes}
    camp_list = []
    for c in camps:
        shown = sorted((m for m in c.members if m in label_of), key=lambda m: (-weight[m], m))
        names = [label_of.get(m) or str(graph.value(URIRef(m), RDFS.label) or m.rsplit("/", 1)[-1]) for m in c.members]
        camp_list.append({"component": c.component, "side": c.side, "colour": _CAMP_COLOUR[c.component % len(_CAMP_COLOUR)][c.side],
                          "members": names, "shown": len(shown)})
    dates: list[str] = sorted({d for e in out_edges for d in e["dates"]})
    monthly = len({d[:7] for d in dates}) > 1
    return {"nodes": nodes, "edges": out_edges, "omitted": max(0, len(degree) - len(keep)), "camps": camp_list,
            "blocs": len(camp_list), "periods": sorted({_period(d, monthly) for d in dates}), "monthly": monthly}


def _network(data: dict) -> tuple[list[dict], list[dict], dict]:
    from pyvis.network import Network

    net = Network(directed=True)
    for n in data["nodes"]:
        camp = n["camp"]
        net.add_node(n["id"], label=n["label"], name=n["name"], color=_KIND_COLOUR[n["kind"]], shape=n["shape"],
                     size=n["size"], x=n["x"], y=n["y"], kind=n["kind"], degree=n["degree"],
                     blocColor=_CAMP_COLOUR[camp[0] % len(_CAMP_COLOUR)][camp[1]] if camp else _NO_CAMP,
                     camp=camp, aliases=n["aliases"], search=n["search"], roles=n["roles"], state=n["state"],
                     stateColor=n["stateColor"])
    for i, e in enumerate(data["edges"]):
        contact = e["kind"] == "contact"
        net.add_edge(e["from"], e["to"], id=i, color=EDGE_KINDS[e["kind"]], width=edge_width(e["articles"], contact),
                     kind=e["kind"], polarity=e["polarity"], count=e["count"], articles=e["articles"],
                     relations=e["relations"], dashes=e["mixed"], dates=e["dates"])
    options = {
        # positions come from Python (kg.view_layout); physics only nudges them for a few steps, then stops
        "physics": {"solver": "forceAtlas2Based", "maxVelocity": 1, "minVelocity": 0.1, "timestep": 0.2, "adaptiveTimestep": False,
                    "stabilization": {"iterations": SETTLE_ITERATIONS, "fit": True, "updateInterval": 10}},
        "nodes": {"font": {"size": FONT_SIZE, "face": "arial", "strokeWidth": 3, "strokeColor": "#ffffff"}},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.5}}, "smooth": False},
        "interaction": {"hover": True, "tooltipDelay": 150},
    }
    return net.nodes, net.edges, options


def edge_width(articles: int, contact: bool = False) -> float:
    """Edge width: grows with the number of distinct articles; contact stays thin.

    >>> edge_width(1), edge_width(3), edge_width(20), edge_width(3, contact=True)
    (2.0, 4.0, 8.0, 1.75)
    """
    if contact:
        return 1.0 + 0.25 * min(articles, 4)
    return 1.0 + min(articles, 7)


def _asset(name: str) -> str:
    import pyvis

    path = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2" / name
    return path.read_text(encoding="utf-8")


def _json_for_script(value: object) -> str:
    return json.dumps(value, ensure_ascii=True).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def render_html(graph: Graph, title: str = "kg: alliances and tensions", max_nodes: int = 300) -> str:
    """The self-contained HTML page of ``graph``: the same bytes for the same graph."""
    data = view_data(graph, max_nodes)
    nodes, edges, options = _network(data)
    claims = {i: e["claims"] for i, e in enumerate(data["edges"])}
    payload = {"nodes": nodes, "edges": edges, "options": options, "claims": claims,
               "omitted": data["omitted"], "colours": _KIND_COLOUR, "edgeKinds": EDGE_KINDS, "camps": data["camps"],
               "noCamp": _NO_CAMP, "periods": data["periods"], "monthly": data["monthly"]}
    js = _asset("vis-network.min.js").replace("</script", "<\\/script")
    css = _asset("vis-network.css")
    return TEMPLATE.replace("%%TITLE%%", title.replace("<", "&lt;")).replace("%%CSS%%", css) \
        .replace("%%JS%%", js).replace("%%DATA%%", _json_for_script(payload))


def write_view(graph: Graph, path: str | Path, max_nodes: int = 300) -> Path:
    """Write the self-contained HTML view of ``graph`` to ``path`` (atomically)."""
    path = Path(path)
    atomic_write_text(path, render_html(graph, max_nodes=max_nodes))
    return path


@dataclass(frozen=True, slots=True)
class View:
    """The interactive view for Jupyter: a cell shows :attr:`page` in an iframe, offline."""

    page: str  # the self-contained page, as render_html gives it
    height: int = 640  # pixels

    def _repr_html_(self) -> str:
        # the whole page travels in srcdoc, so the cell needs no server, file or network; the sandbox
        # keeps the page's script out of the notebook's own page but lets it save PNG/SVG and print
        return (f'<iframe srcdoc="{html.escape(self.page, quote=True)}" title="kg view" '
                f'sandbox="allow-scripts allow-downloads allow-modals" '
                f'style="width:100%;height:{self.height}px;border:1px solid #ddd"></iframe>')

    def __repr__(self) -> str:  # the page is ~1 MB: keep it out of text reprs
        return f"View({len(self.page):,} characters of HTML, height={self.height})"


def show(graph: Graph, max_nodes: int = 300, height: int = 640) -> View:
    """The interactive view of ``graph`` for a notebook cell: end a cell with ``kg.show(graph)``.

    The cell holds the whole page (about 1 MB, mostly vis-network), so it works offline and in a
    saved or exported notebook.
    """
    return View(render_html(graph, max_nodes=max_nodes), height)
