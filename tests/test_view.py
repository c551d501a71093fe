"""The HTML view: offline, escaped, and drawn by a real headless Chromium."""
from __future__ import annotations

import re
import shutil
import tempfile
import time

import pytest


def test_html_is_self_contained(seed_build) -> None:
    html = seed_build.html_path.read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert "vis.Network" in html and "Alliances and tensions" in html


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory):
    from kg.pipeline import build

    root = tmp_path_factory.mktemp("hostile")
    (root / "x.txt").write_text(
        "Turkey condemned Israel <script>window.__pwned = 1</script> on Monday.\n\n"
        "Iran backed Syria <img src=x onerror=\"window.__pwned = 2\"> in the talks.\n", encoding="utf-8")
    return build([root], root / "out")


def test_article_markup_is_escaped(hostile_build) -> None:
    html = hostile_build.html_path.read_text(encoding="utf-8")
    assert "<script>window.__pwned" not in html and "<img src=x" not in html


def _driver():
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    chromedriver = shutil.which("chromedriver")
    if not chromium or not chromedriver:
        pytest.skip("Debian chromium and chromium-driver are not installed (.ci/run installs them)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = chromium
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage",
                 f"--user-data-dir={tempfile.mkdtemp()}", "--window-size=1400,900"):
        opts.add_argument(flag)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(chromedriver), options=opts)


def _open(page) -> object:
    driver = _driver()
    driver.get(page.resolve().as_uri())
    _wait_stable(driver)
    return driver


def _wait_stable(driver, timeout: float = 60) -> None:
    end = time.time() + timeout
    while time.time() < end:
        if driver.execute_script("return window.kgStable === true"):
            return
        time.sleep(0.25)
    raise AssertionError("the network never stabilised")


@pytest.mark.browser
def test_graph_draws_in_chromium(seed_build, tmp_path) -> None:
    driver = _driver()
    try:
        driver.get(seed_build.html_path.resolve().as_uri())
        _wait_stable(driver)
        count = driver.execute_script("return Object.keys(window.kgNetwork.body.nodes).length")
        positions = driver.execute_script("return window.kgNetwork.getPositions()")
        shot = tmp_path / "seed-graph.png"
        driver.save_screenshot(str(shot))
        errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    finally:
        driver.quit()
    assert count >= 5 and len(positions) == count
    assert shot.stat().st_size > 10_000
    assert errors == []


@pytest.mark.browser
def test_script_in_article_does_not_run(hostile_build) -> None:
    driver = _driver()
    try:
        driver.get(hostile_build.html_path.resolve().as_uri())
        _wait_stable(driver)
        edge_ids = driver.execute_script("return window.kgNetwork.body.data.edges.getIds()")
        shown = ""
        for edge in edge_ids:
            driver.execute_script("window.kgShowEdge(arguments[0])", edge)
            shown += driver.execute_script("return document.getElementById('details').textContent")
        pwned = driver.execute_script("return window.__pwned === undefined ? null : window.__pwned")
    finally:
        driver.quit()
    assert pwned is None
    assert len(edge_ids) >= 2
    assert "<script>window.__pwned = 1</script>" in shown and "onerror=" in shown


@pytest.mark.browser
def test_large_graph_settles_and_stops(tmp_path, synthetic_graph) -> None:
    from kg.view import write_view

    page = write_view(synthetic_graph(120, 500), tmp_path / "big.html", max_nodes=120)
    driver = _driver()
    try:
        driver.get(page.as_uri())
        _wait_stable(driver, timeout=60)
        before = driver.execute_script("return window.kgNetwork.getPositions()")
        time.sleep(1.0)
        after = driver.execute_script("return window.kgNetwork.getPositions()")
        shown = driver.execute_script("return Object.keys(window.kgNetwork.body.nodes).length")
    finally:
        driver.quit()
    assert shown == 120
    assert before == after


def test_large_graph_keeps_the_most_connected(tmp_path, synthetic_graph) -> None:
    from kg.view import view_data

    data = view_data(synthetic_graph(120, 400), max_nodes=50)
    assert len(data["nodes"]) == 50 and data["omitted"] == 70


@pytest.mark.browser
def test_controls_filter_and_explain(seed_build) -> None:
    driver = _driver()
    try:
        driver.get(seed_build.html_path.resolve().as_uri())
        _wait_stable(driver)
        driver.execute_script("['show-alliance','show-contact'].forEach(function(id){var c=document.getElementById(id); c.checked=false; c.dispatchEvent(new Event('change'));});")
        shown = driver.execute_script(
            "return window.kgNetwork.body.data.edges.get().filter(function(e){return !e.hidden;}).map(function(e){return e.color;})")
        driver.execute_script("var s=document.getElementById('search'); s.value='Vladimir Putin'; s.dispatchEvent(new Event('change'));")
        details = driver.execute_script("return document.getElementById('details').textContent")
        selected = driver.execute_script("return window.kgNetwork.getSelectedNodes()")
        driver.execute_script("var s=document.getElementById('colour'); s.value='bloc'; s.dispatchEvent(new Event('change'));")
        colours = driver.execute_script("return window.kgNetwork.body.data.nodes.get().map(function(n){return n.color;})")
    finally:
        driver.quit()
    assert shown and all(c == "#d62728" for c in shown)
    assert "Allies:" in details and "Opponents:" in details and "Acts for: Russia" in details
    assert selected == ["https://kg.dev/id/actor/vladimir-putin"]
    assert len(set(colours)) >= 2


# --- layout, labels, camps, search, exports (issue 11) -------------------------------------------

def _realistic_graph(actors: int = 150, seed: int = 3):
    """Gazetteer actors (long names included) in three unrelated conflicts of 80, 45 and 25 actors,
    each with two camps (alliances inside, tensions across, some contact), dated over six months."""
    import datetime as dt
    import random
    from dataclasses import replace

    from kg.gazetteer import load_gazetteer
    from kg.graph import build_graph
    from kg.records import Article, Claim, Modality, Relation

    rng = random.Random(seed)
    pool = sorted(load_gazetteer().actors.values(), key=lambda a: a.id)
    # nobody acts for a state here, so the three conflicts stay apart when camps fold people into states
    chosen = [replace(a, country=None, roles=()) for a in rng.sample(pool, actors)]
    arts = [Article(f"r{i}", "x", date=dt.date(2024, 1, 1) + dt.timedelta(days=9 * i)) for i in range(20)]
    ally = [Relation.SUPPORTS, Relation.PRAISES, Relation.COOPERATES, Relation.AIDS]
    foe = [Relation.CRITICIZES, Relation.OPPOSES, Relation.THREATENS, Relation.SANCTIONS, Relation.ATTACKS]
    claims, start = [], 0
    for size in (actors * 8 // 15, actors * 3 // 10, actors - actors * 8 // 15 - actors * 3 // 10):
        group = chosen[start:start + size]
        start += size
        for n, a in enumerate(group):
            for m in (n + 1, n + 2, rng.randrange(size)):  # a chain keeps the conflict connected
                if m >= size or m == n:
                    continue
                b = group[m]
                rel = rng.choice([Relation.MEETS, Relation.NEGOTIATES]) if rng.random() < 0.15 else \
                    rng.choice(ally if n % 2 == m % 2 else foe)
                art = rng.choice(arts)
                claims.append(Claim(art.id, a.name, a.id, rel, b.name, b.id, False, Modality.ASSERTED,
                                    f"{a.name} {rel.value} {b.name}.", 0, 10, 0.7, date=art.date))
    return build_graph([(a, 0.0) for a in arts], claims, chosen), [[x.id for x in chosen[:80]], [x.id for x in chosen[80:125]],
                                                                    [x.id for x in chosen[125:]]]


@pytest.fixture(scope="module")
def realistic(tmp_path_factory):
    from kg.view import view_data, write_view

    graph, groups = _realistic_graph()
    page = write_view(graph, tmp_path_factory.mktemp("realistic") / "view.html")
    return graph, groups, view_data(graph), page


def test_same_graph_same_page(seed_graph) -> None:
    from kg.view import render_html

    assert render_html(seed_graph) == render_html(seed_graph)


def test_conflicts_are_laid_out_apart_largest_first(realistic) -> None:
    from kg.graph.model import actor_iri
    from kg.view_layout import node_box

    _graph, groups, data, _page = realistic
    node = {n["id"]: n for n in data["nodes"]}
    boxes = []
    for group in groups:
        xs, ys = [], []
        for m in group:
            n = node[str(actor_iri(m))]
            left, top, right, bottom = node_box(n["label"], n["size"], n["shape"])
            xs += [n["x"] + left, n["x"] + right]
            ys += [n["y"] + top, n["y"] + bottom]
        boxes.append((min(xs), min(ys), max(xs), max(ys)))
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert a[2] < b[0] or b[2] < a[0] or a[3] < b[1] or b[3] < a[1], (a, b)  # no two conflicts interleave
    # the largest at the top left (to a pixel: label boxes are estimates, packing aligns node boxes)
    assert boxes[0][0] <= min(b[0] for b in boxes) + 1 and boxes[0][1] <= min(b[1] for b in boxes) + 1, boxes


def test_allies_lie_closer_than_opponents(realistic) -> None:
    _graph, _groups, data, _page = realistic
    at = {n["id"]: (n["x"], n["y"]) for n in data["nodes"]}

    def mean_length(kind: str) -> float:
        lengths = [((at[e["from"]][0] - at[e["to"]][0]) ** 2 + (at[e["from"]][1] - at[e["to"]][1]) ** 2) ** 0.5
                   for e in data["edges"] if e["kind"] == kind]
        return sum(lengths) / len(lengths)

    assert mean_length("alliance") < 0.85 * mean_length("tension")


def test_an_empty_graph_gives_an_empty_view() -> None:
    from rdflib import Graph

    from kg.view import render_html, view_data

    data = view_data(Graph())
    assert data["nodes"] == [] and data["edges"] == [] and data["camps"] == []
    assert "vis.Network" in render_html(Graph())


def test_long_names_wrap() -> None:
    from kg.view_layout import wrap_label

    lines = wrap_label("Organization for Security and Co-operation in Europe").split("\n")
    assert len(lines) > 1 and all(len(line) <= 16 for line in lines)


def test_contact_is_not_alliance_and_width_counts_articles() -> None:
    import datetime as dt

    from kg.graph import build_graph
    from kg.records import Actor, ActorKind, Article, Claim, Modality, Relation
    from kg.view import EDGE_KINDS, _network, view_data

    arts = [Article(f"a{i}", "x", date=dt.date(2024, 1 + i, 1)) for i in range(3)]
    actors = [Actor(i, i.upper(), ActorKind.STATE) for i in ("p", "q", "r")]

    def claim(s: str, rel: Relation, o: str, art: int) -> Claim:
        return Claim(f"a{art}", s.upper(), s, rel, o.upper(), o, False, Modality.ASSERTED, f"{s} {rel.value} {o}.",
                     art, art + 1, 0.7, date=arts[art].date)

    graph = build_graph([(a, 0.0) for a in arts], [
        claim("p", Relation.MEETS, "q", 0), claim("p", Relation.NEGOTIATES, "q", 1), claim("p", Relation.SUPPORTS, "q", 2),
        claim("p", Relation.SUPPORTS, "r", 0), claim("p", Relation.AIDS, "r", 1), claim("p", Relation.PRAISES, "r", 2),
        claim("q", Relation.ATTACKS, "r", 0)], actors)
    data = view_data(graph)
    kinds = {(e["from"].rsplit("/", 1)[-1], e["to"].rsplit("/", 1)[-1], e["kind"]): e for e in data["edges"]}
    assert set(kinds) == {("p", "q", "contact"), ("p", "q", "alliance"), ("p", "r", "alliance"), ("q", "r", "tension")}
    assert kinds[("p", "q", "contact")]["relations"] == ["meets", "negotiates"]
    assert data["periods"] == ["2024-01", "2024-02", "2024-03"]
    _nodes, edges, _options = _network(data)
    drawn = {(e["from"].rsplit("/", 1)[-1], e["to"].rsplit("/", 1)[-1], e["kind"]): e for e in edges}
    assert drawn[("p", "q", "contact")]["color"] == EDGE_KINDS["contact"] != EDGE_KINDS["alliance"]
    assert (EDGE_KINDS["alliance"], EDGE_KINDS["tension"]) == ("#2ca02c", "#d62728")
    # three articles draw wider than one; contact stays thinner than an alliance with as many articles
    assert drawn[("p", "r", "alliance")]["width"] > drawn[("p", "q", "alliance")]["width"]
    assert drawn[("p", "q", "contact")]["width"] < drawn[("p", "q", "alliance")]["width"]


_BOXES = """
var net=window.kgNetwork, labels=[], shapes=[];
net.body.data.nodes.get().forEach(function(d){
  if(d.hidden) return; var n=net.body.nodes[d.id], s=n.labelModule.size, z=n.options.size, bb=n.shape.boundingBox;
  labels.push({id:d.id,l:s.left,t:s.top,r:s.left+s.width,b:s.top+s.height});
  shapes.push(n.options.shape==='box'?{id:d.id,l:bb.left,t:bb.top,r:bb.right,b:bb.bottom}
    :{id:d.id,l:n.x-z,t:n.y-(n.options.shape==='triangle'?1.16:1)*z,r:n.x+z,b:n.y+z});
});
function hit(a,b){return a.l<b.r&&b.l<a.r&&a.t<b.b&&b.t<a.b;}
var overlaps=[];
labels.forEach(function(a,i){
  labels.slice(i+1).forEach(function(b){if(hit(a,b)) overlaps.push(['label',a.id,b.id]);});
  shapes.forEach(function(b){if(b.id!==a.id&&hit(a,b)) overlaps.push(['node',a.id,b.id]);});
});
return {overlaps:overlaps, labels:labels.length, empty:labels.filter(function(a){return a.r-a.l<1;}).length,
        fontOnScreen:net.getScale()*net.body.nodes[labels[0].id].labelModule.fontOptions.size};
"""


@pytest.mark.browser
def test_labels_do_not_overlap_at_the_default_zoom(realistic, seed_build) -> None:
    _graph, _groups, data, page = realistic
    results = []
    for html in (page, seed_build.html_path):
        driver = _open(html)
        try:
            results.append(driver.execute_script(_BOXES))
        finally:
            driver.quit()
    big, seeds = results
    assert big["labels"] == len(data["nodes"]) == 150 and big["empty"] == 0
    assert big["overlaps"] == [] and seeds["overlaps"] == []
    assert big["fontOnScreen"] >= 5  # vis-network draws labels of 5 px and more on screen: they are all drawn


@pytest.mark.browser
def test_two_loads_give_the_same_positions(seed_build) -> None:
    positions = []
    for _ in range(2):
        driver = _open(seed_build.html_path)
        try:
            positions.append(driver.execute_script("return window.kgNetwork.getPositions()"))
            stored = driver.execute_script("var o={}; window.kgData.nodes.forEach(function(n){o[n.id]=[n.x,n.y];}); return o;")
        finally:
            driver.quit()
    assert positions[0] == positions[1]
    # the stored layout is what shows: the settle moves no node more than a few pixels
    assert all(abs(p["x"] - stored[k][0]) <= 3 and abs(p["y"] - stored[k][1]) <= 3 for k, p in positions[0].items())


@pytest.mark.browser
@pytest.mark.parametrize(("typed", "expected"), [
    ("putin", "vladimir-putin"), ("PUTIN", "vladimir-putin"), ("Vladimir Putin", "vladimir-putin"),
    ("the Kremlin", "russia"), ("kremlin", "russia"), ("Zelenskyy", "volodymyr-zelensky"), ("Zelénsky", "volodymyr-zelensky"),
    ("zelen", "volodymyr-zelensky"),
])
def test_search_by_any_name(seed_build, typed: str, expected: str) -> None:
    driver = _open(seed_build.html_path)
    try:
        driver.execute_script("var s=document.getElementById('search'); s.value=arguments[0]; s.dispatchEvent(new Event('input'));", typed)
        suggestions = driver.execute_script("return Array.from(document.querySelectorAll('#suggest li')).map(function(l){return l.dataset.id;})")
        driver.execute_script("document.getElementById('search').dispatchEvent(new Event('change'));")
        selected = driver.execute_script("return window.kgNetwork.getSelectedNodes()")
        details = driver.execute_script("return document.getElementById('details').textContent")
    finally:
        driver.quit()
    target = f"https://kg.dev/id/actor/{expected}"
    assert suggestions and suggestions[0] == target
    assert selected == [target] and "Allies:" in details


@pytest.mark.browser
def test_colour_by_camp_shows_the_camp_legend(realistic) -> None:
    _graph, _groups, data, page = realistic
    driver = _open(page)
    try:
        kind_legend = driver.execute_script("return document.getElementById('legend-nodes').textContent")
        driver.execute_script("var s=document.getElementById('colour'); s.value='bloc'; s.dispatchEvent(new Event('change'));")
        camp_legend = driver.execute_script("return document.getElementById('legend-nodes').textContent")
        entries = driver.execute_script("return document.querySelectorAll('#legend-nodes .camp').length")
        colours = driver.execute_script("return window.kgNetwork.body.data.nodes.get().map(function(n){return n.color;})")
    finally:
        driver.quit()
    assert "Organization" in kind_legend and "Organization" not in camp_legend
    assert entries == len(data["camps"]) >= 6  # two camps in each of the three conflicts
    assert {c["component"] for c in data["camps"]} == {0, 1, 2}
    assert "Conflict 3, camp B" in camp_legend and "too little evidence" in camp_legend
    assert set(colours) <= {c["colour"] for c in data["camps"]} | {"#d0d0d0"} and len(set(colours)) >= 6


@pytest.mark.browser
def test_exports_period_and_history(realistic) -> None:
    _graph, _groups, data, page = realistic
    driver = _open(page)
    try:
        png = driver.execute_script("return window.kgPng()")
        svg = driver.execute_script(
            "var d=new DOMParser().parseFromString(window.kgSvg(),'image/svg+xml');"
            "return {error:d.getElementsByTagName('parsererror').length, texts:d.getElementsByTagName('text').length,"
            "lines:d.getElementsByTagName('line').length}")
        shown = "return window.kgNetwork.body.data.edges.get().filter(function(e){return !e.hidden;}).length"
        before = driver.execute_script(shown)
        driver.execute_script("var s=document.getElementById('period'); s.value='0'; s.dispatchEvent(new Event('input'));")
        first = driver.execute_script(shown)
        label = driver.execute_script("return document.getElementById('periodlabel').textContent")
        node = data["nodes"][0]["id"]
        driver.execute_script("window.kgShowNode(arguments[0])", node)
        history = driver.execute_script("return Array.from(document.querySelectorAll('#history li')).map(function(l){return l.textContent;})")
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        printed = driver.execute_script("return [getComputedStyle(document.getElementById('net')).display,"
                                        "getComputedStyle(document.getElementById('controls')).display]")
    finally:
        driver.quit()
    assert png.startswith("data:image/png;base64,") and len(png) > 20_000
    assert svg["error"] == 0 and svg["texts"] == len(data["nodes"]) and svg["lines"] == len(data["edges"])
    assert before == len(data["edges"]) and 0 < first < before and label == "up to 2024-01"
    assert history and history == sorted(history) and all(h[:4] == "2024" for h in history)
    assert printed == ["none", "none"]
