"""How long the HTML view takes to settle (physics stopped) in headless Chromium.

Synthetic graph: 500 actors, 3,000 claims. Compares the project's view (positions computed in
Python and stored in the page, a brief capped settle, physics switched off once stable) with the
same page laid out by vis-network's default physics from random positions, in the same run, and
prints both times, their ratio and the time Python takes to compute the layout.

The 500-actor timing moved here from the test suite (tests/test_view.py keeps a smaller browser
check that the layout settles): besides the times, it fails when the view does not draw every actor
or when nodes still move after the view reported stable.

Run: .venv/bin/python bench/view_settle.py [ACTORS EDGES]
"""
from __future__ import annotations

import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import synthetic_graph  # noqa: E402

from kg.view import render_html  # noqa: E402


def settle_seconds(html: str, timeout: float = 300.0, nodes: int | None = None) -> float:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage", f"--user-data-dir={tempfile.mkdtemp()}"):
        opts.add_argument(flag)
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=opts)
    path = Path(tempfile.mkdtemp()) / "view.html"
    path.write_text(html, encoding="utf-8")
    try:
        start = time.perf_counter()
        driver.get(path.as_uri())
        while time.perf_counter() - start < timeout:
            if driver.execute_script("return window.kgStable === true"):
                break
            time.sleep(0.1)
        else:
            return float("inf")
        elapsed = time.perf_counter() - start
        p1 = driver.execute_script("return window.kgNetwork.getPositions()")
        time.sleep(1.0)
        p2 = driver.execute_script("return window.kgNetwork.getPositions()")
        moving = sum(1 for k in p1 if p1[k] != p2.get(k))
        if moving:
            raise SystemExit(f"{moving} nodes still moving after the view reported stable")
        shown = driver.execute_script("return Object.keys(window.kgNetwork.body.nodes).length")
        if nodes is not None and shown != nodes:
            raise SystemExit(f"the view drew {shown} of {nodes} actors")
        return elapsed
    finally:
        driver.quit()


def main() -> int:
    actors, edges = (int(a) for a in sys.argv[1:3]) if len(sys.argv) > 2 else (500, 3000)
    graph = synthetic_graph(actors, edges)
    start = time.perf_counter()
    ours = render_html(graph, max_nodes=actors)
    t_render = time.perf_counter() - start
    default_opts = json.dumps({"physics": {"stabilization": {"iterations": 1000}}})
    stored = "x:n.x,y:n.y,title:"  # where the page hands vis-network the stored positions
    if ours.count(stored) != 1 or ours.count("data.options") != 1:
        raise SystemExit("the page changed: update how the baseline is made from it")
    baseline = ours.replace(stored, "title:").replace("data.options", default_opts)
    t_ours = settle_seconds(ours, nodes=actors)
    t_base = settle_seconds(baseline)
    print(f"graph: {actors} actors, {edges} claims; page rendered (layout included) in {t_render:.1f} s")
    print(f"kg view settles in {t_ours:.1f} s; vis-network default physics: {t_base:.1f} s; ratio {t_base / t_ours:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
