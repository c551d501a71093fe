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
        driver.execute_script("var s=document.getElementById('pol'); s.value='-1'; s.dispatchEvent(new Event('change'));")
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
