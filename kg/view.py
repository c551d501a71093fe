"""The interactive HTML view of alliances (green) and tensions (red), offline and self-contained.

pyvis builds the network (nodes, edges, options); the page is written from our own template with
vis-network's script and stylesheet inlined from the pyvis package, so it opens from disk with no
network. Every string that came from an article is placed as JSON data and shown through
``textContent``, never as markup.
"""
from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

from rdflib import RDF, RDFS, Graph

from kg.graph.io import atomic_write_text
from kg.graph.namespace import KG

__all__ = ["write_view", "view_data", "render_html"]

_KIND_COLOUR = {"Person": "#4c78a8", "State": "#f58518", "Organization": "#72b7b2", "Group": "#b279a2", "Issue": "#9d9d9d"}
_BLOC_COLOUR = ["#e45756", "#4c78a8", "#54a24b", "#eeca3b", "#b279a2", "#ff9da6"]
_KIND_SHAPE = {"Person": "dot", "State": "diamond", "Organization": "square", "Group": "triangle", "Issue": "box"}
_QUERY = """
SELECT ?claim ?s ?o ?rel ?pol ?evidence ?conf ?art ?title ?date ?url ?mod ?aid WHERE {
  ?claim a kg:Claim ; kg:subject ?s ; kg:object ?o ; kg:relationType ?rel ; kg:polarity ?pol ;
         kg:evidence ?evidence ; kg:confidence ?conf ; kg:modality ?mod ; prov:wasDerivedFrom ?art .
  OPTIONAL { ?art dcterms:title ?title } OPTIONAL { ?art dcterms:date ?date } OPTIONAL { ?art schema:url ?url }
  OPTIONAL { ?art kg:articleId ?aid }
}"""


def _kind(graph: Graph, node: Any) -> str:
    for kind in ("Person", "State", "Organization", "Group", "Issue"):
        if (node, RDF.type, getattr(KG, kind)) in graph:
            return kind
    return "Organization"


def _row_key(row: list) -> tuple:
    """Rows in a fixed order (the engine's is not), so the page is the same on every run."""
    return tuple("" if v is None else str(v) for v in row)


def view_data(graph: Graph, max_nodes: int = 300) -> dict:
    """Nodes and edges of the stance graph with their claims, ready for the page."""
    from kg.graph.query import run_query

    rows = run_query(graph, _QUERY).rows
    edges: dict[tuple[str, str, int], list[dict]] = defaultdict(list)
    degree: dict[str, int] = defaultdict(int)
    for _claim, s, o, rel, pol, evidence, conf, art, title, date, url, mod, aid in sorted(rows, key=_row_key):
        if str(mod).endswith("Hypothetical"):
            continue
        edges[(s, o, int(pol))].append({
            "relation": str(rel).rsplit("#", 1)[-1], "evidence": str(evidence), "confidence": float(conf),
            "article": str(aid or str(art).rsplit("/", 1)[-1]), "title": str(title or ""), "date": str(date or ""), "url": str(url or ""),
        })
    for s, o, _ in edges:
        degree[s] += 1
        degree[o] += 1
    from rdflib import URIRef
    from rdflib.namespace import SKOS

    from kg.analyze import analyze
    from kg.graph.namespace import KG

    keep = sorted(degree, key=lambda n: (-degree[n], n))[:max_nodes]
    kept = set(keep)
    analysis = analyze(graph, by_state=True)
    # camps numbered by their first member, not by the order the partition found them in
    bloc_of = {actor: i for i, bloc in enumerate(sorted(sorted(b) for b in analysis.blocs)) for actor in bloc}
    nodes = []
    palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"]
    state_colour: dict[str, str] = {}
    for node in keep:
        ref = URIRef(node)
        label = str(graph.value(ref, RDFS.label) or node.rsplit("/", 1)[-1])
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
        nodes.append({"id": node, "label": label, "kind": kind, "degree": degree[node],
                      "stateColor": state_colour.get(home, "#cccccc"),
                      "bloc": bloc_of.get(node, bloc_of.get(str(state)) if state else None),
                      "state": str(graph.value(state, RDFS.label) or "") if state else "",
                      "aliases": sorted(str(a) for a in graph.objects(ref, SKOS.altLabel))[:12], "roles": sorted(roles)})
    out_edges = []
    for (s, o, pol), claims in sorted(edges.items()):
        if s in kept and o in kept:
            out_edges.append({"from": s, "to": o, "polarity": pol, "count": len(claims), "mixed": (s, o, -pol) in edges,
                              "relations": sorted({c["relation"] for c in claims}), "claims": claims,
                              "dates": sorted({c["date"] for c in claims if c["date"]})})
    return {"nodes": nodes, "edges": out_edges, "omitted": max(0, len(degree) - len(keep)), "blocs": len(analysis.blocs)}


def _network(data: dict) -> tuple[list[dict], list[dict], dict]:
    from pyvis.network import Network

    net = Network(directed=True)
    for n in data["nodes"]:
        bloc = n["bloc"]
        net.add_node(n["id"], label=n["label"], color=_KIND_COLOUR[n["kind"]], shape=_KIND_SHAPE[n["kind"]],
                     size=10 + 3 * min(n["degree"], 15), kind=n["kind"],
                     blocColor=_BLOC_COLOUR[bloc % len(_BLOC_COLOUR)] if bloc is not None else "#cccccc",
                     bloc=bloc, aliases=n["aliases"], roles=n["roles"], state=n["state"], stateColor=n["stateColor"])
    for i, e in enumerate(data["edges"]):
        net.add_edge(e["from"], e["to"], id=i, color="#2ca02c" if e["polarity"] > 0 else "#d62728",
                     width=1 + min(e["count"], 8), polarity=e["polarity"], count=e["count"], relations=e["relations"],
                     dashes=e["mixed"], dates=e["dates"])
    options = {
        "layout": {"randomSeed": 20240601},  # the same starting positions, so the same picture, on every load
        "physics": {"solver": "forceAtlas2Based", "stabilization": {"iterations": 300, "fit": True}},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.5}}, "smooth": {"type": "continuous"}},
        "interaction": {"hover": True, "tooltipDelay": 150},
    }
    return net.nodes, net.edges, options


def _asset(name: str) -> str:
    import pyvis

    path = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2" / name
    return path.read_text(encoding="utf-8")


def _json_for_script(value: object) -> str:
    return json.dumps(value, ensure_ascii=True).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def render_html(graph: Graph, title: str = "kg: alliances and tensions", max_nodes: int = 300) -> str:
    data = view_data(graph, max_nodes)
    nodes, edges, options = _network(data)
    claims = {i: e["claims"] for i, e in enumerate(data["edges"])}
    payload = {"nodes": nodes, "edges": edges, "options": options, "claims": claims,
               "omitted": data["omitted"], "colours": _KIND_COLOUR, "blocs": data["blocs"], "blocColours": _BLOC_COLOUR,
               "dates": sorted({d for e in data["edges"] for d in e["dates"]})}
    js = _asset("vis-network.min.js").replace("</script", "<\\/script")
    css = _asset("vis-network.css")
    return _TEMPLATE.replace("%%TITLE%%", title.replace("<", "&lt;")).replace("%%CSS%%", css) \
        .replace("%%JS%%", js).replace("%%DATA%%", _json_for_script(payload))


def write_view(graph: Graph, path: str | Path, max_nodes: int = 300) -> Path:
    """Write the self-contained HTML view of ``graph`` to ``path`` (atomically)."""
    path = Path(path)
    atomic_write_text(path, render_html(graph, max_nodes=max_nodes))
    return path


_TEMPLATE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:;">
<title>%%TITLE%%</title>
<style>%%CSS%%</style>
<style>
body{margin:0;font:14px system-ui,sans-serif;display:flex;height:100vh}
#net{flex:1;border-right:1px solid #ddd}
#side{width:380px;overflow:auto;padding:10px}
.legend span{display:inline-block;margin-right:10px}
.sw{display:inline-block;width:12px;height:12px;margin-right:4px;vertical-align:middle}
.claim{border-bottom:1px solid #eee;padding:6px 0}
.rel{font-weight:600}.meta{color:#666;font-size:12px}
label{display:block;margin:4px 0}
</style></head>
<body><div id="net"></div><div id="side">
<h3>Alliances and tensions</h3>
<div class="legend" id="legend"></div>
<div id="controls">
<label>Search actor <input id="search" list="names"><datalist id="names"></datalist></label>
<label>Polarity <select id="pol"><option value="all">all</option><option value="1">alliances</option><option value="-1">tensions</option></select></label>
<label>Relation <select id="rel"><option value="all">all</option></select></label>
<label>Minimum evidence <input id="minev" type="number" min="1" value="1" style="width:4em"></label>
<label>Actor kind <select id="kind"><option value="all">all</option><option>Person</option><option>State</option><option>Organization</option><option>Group</option><option>Issue</option></select></label>
<label>Colour by <select id="colour"><option value="kind">kind</option><option value="bloc">camp</option><option value="state">state</option></select></label>
<label id="datebox">Dates <span id="datelabel"></span><br><input id="from" type="range" min="0" value="0"> <input id="to" type="range" min="0" value="0"></label>
</div>
<p class="meta" id="omitted"></p>
<div id="details"><p class="meta">Click an edge to see its evidence, or a node for its allies and opponents.</p></div>
</div>
<script>%%JS%%</script>
<script id="kg-data" type="application/json">%%DATA%%</script>
<script>
(function(){
var data = JSON.parse(document.getElementById('kg-data').textContent);
function el(tag, text, cls){var e=document.createElement(tag); if(text!==undefined) e.textContent=text; if(cls) e.className=cls; return e;}
var legend=document.getElementById('legend');
Object.keys(data.colours).forEach(function(k){var s=el('span'); var sw=el('span','', 'sw'); sw.style.background=data.colours[k]; s.appendChild(sw); s.appendChild(document.createTextNode(k)); legend.appendChild(s);});
[['#2ca02c','alliance'],['#d62728','tension']].forEach(function(p){var s=el('span'); var sw=el('span','','sw'); sw.style.background=p[0]; s.appendChild(sw); s.appendChild(document.createTextNode(p[1]+' edge')); legend.appendChild(s);});
if(data.omitted>0){document.getElementById('omitted').textContent=data.omitted+' less connected actors left out of this view.';}
var names=document.getElementById('names'); data.nodes.forEach(function(n){var o=el('option'); o.value=n.label; names.appendChild(o);});
var rels={}; data.edges.forEach(function(e){(e.relations||[]).forEach(function(r){rels[r]=1;});});
var relSel=document.getElementById('rel'); Object.keys(rels).sort().forEach(function(r){var o=el('option',r); o.value=r; relSel.appendChild(o);});
var nodes=new vis.DataSet(data.nodes.map(function(n){return {id:n.id,label:n.label,color:n.color,shape:n.shape,size:n.size,title:n.label+' ('+n.kind+')'};}));
var edges=new vis.DataSet(data.edges.map(function(e){return {id:e.id,from:e.from,to:e.to,color:e.color,width:e.width,dashes:e.dashes,title:e.count+' claim(s): '+e.relations.join(', ')+(e.dashes?' (mixed stance)':'')};}));
var byId={}; data.nodes.forEach(function(n){byId[n.id]=n;});
var fromEl=document.getElementById('from'), toEl=document.getElementById('to');
if(data.dates.length){fromEl.max=toEl.max=data.dates.length-1; toEl.value=data.dates.length-1;} else {document.getElementById('datebox').style.display='none';}
function dateLabel(){ if(data.dates.length) document.getElementById('datelabel').textContent=data.dates[+fromEl.value]+' to '+data.dates[+toEl.value]; }
dateLabel();
var container=document.getElementById('net');
var network=new vis.Network(container,{nodes:nodes,edges:edges},data.options);
window.kgNetwork=network; window.kgStable=false; window.kgShowEdge=function(id){showEdge(id);};
network.once('stabilizationIterationsDone',function(){network.setOptions({physics:false}); window.kgStable=true;});
function label(id){var n=nodes.get(id); return n?n.label:id;}
function showEdge(id){
  var d=document.getElementById('details'); d.replaceChildren();
  var e=data.edges.find(function(x){return x.id===id;}); if(!e) return;
  d.appendChild(el('h4', label(e.from)+' \\u2192 '+label(e.to)));
  (data.claims[id]||[]).forEach(function(c){
    var div=el('div','','claim'); div.appendChild(el('div',c.relation,'rel')); div.appendChild(el('div',c.evidence));
    div.appendChild(el('div',[c.title||c.article,c.date,c.url,'confidence '+c.confidence].filter(Boolean).join(' \\u00b7 '),'meta'));
    d.appendChild(div);
  });
}
function showNode(id){
  var d=document.getElementById('details'); d.replaceChildren(); d.appendChild(el('h4',label(id)));
  var allies=[],foes=[]; data.edges.forEach(function(e){ if(e.from!==id&&e.to!==id) return; var other=e.from===id?e.to:e.from; (e.polarity>0?allies:foes).push(label(other)+' ('+e.relations.join(', ')+')');});
  var n=byId[id]||{};
  if(n.state) d.appendChild(el('div','Acts for: '+n.state,'meta'));
  if(n.aliases&&n.aliases.length) d.appendChild(el('div','Also called: '+n.aliases.join(', '),'meta'));
  (n.roles||[]).forEach(function(r){d.appendChild(el('div',r,'meta'));});
  d.appendChild(el('div','Allies: '+(allies.join('; ')||'none'))); d.appendChild(el('div','Opponents: '+(foes.join('; ')||'none')));
}
network.on('click',function(p){ if(p.edges.length&&!p.nodes.length) showEdge(p.edges[0]); else if(p.nodes.length) showNode(p.nodes[0]); });
function applyFilters(){
  var pol=document.getElementById('pol').value, rel=relSel.value, minev=parseInt(document.getElementById('minev').value||'1',10);
  var kind=document.getElementById('kind').value, lo=data.dates[+fromEl.value], hi=data.dates[+toEl.value];
  dateLabel();
  var touched={};
  edges.update(data.edges.map(function(e){
    var inRange=!data.dates.length||!e.dates.length||e.dates.some(function(d){return d>=lo&&d<=hi;});
    var kindOk=kind==='all'||(byId[e.from]||{}).kind===kind||(byId[e.to]||{}).kind===kind;
    var hidden=(pol!=='all'&&String(e.polarity)!==pol)||(rel!=='all'&&e.relations.indexOf(rel)<0)||e.count<minev||!inRange||!kindOk;
    if(!hidden){touched[e.from]=1; touched[e.to]=1;}
    return {id:e.id,hidden:hidden};}));
  nodes.update(data.nodes.map(function(n){return {id:n.id,hidden:kind!=='all'&&n.kind!==kind&&!touched[n.id]};}));
}
function applyColour(){
  var mode=document.getElementById('colour').value;
  nodes.update(data.nodes.map(function(n){return {id:n.id,color:mode==='bloc'?n.blocColor:mode==='state'?n.stateColor:n.color};}));
}
['pol','rel','minev','kind','from','to'].forEach(function(id){document.getElementById(id).addEventListener('change',applyFilters); document.getElementById(id).addEventListener('input',applyFilters);});
document.getElementById('colour').addEventListener('change',applyColour);
document.getElementById('search').addEventListener('change',function(ev){
  var n=data.nodes.find(function(x){return x.label.toLowerCase()===ev.target.value.toLowerCase();}); if(!n) return;
  network.selectNodes([n.id]); network.focus(n.id,{scale:1.2}); showNode(n.id);
});
})();
</script></body></html>
"""
