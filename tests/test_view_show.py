"""`kg.show(graph)`: the interactive view in a Jupyter cell, as an iframe holding the whole page, offline."""
from __future__ import annotations

import html
import re

import pytest

import kg
from kg.view import View, render_html

LOADS_FROM_NETWORK = re.compile(r"""(src|href|action)\s*=\s*["']?\s*(https?:)?//|url\(\s*["']?\s*(https?:)?//|@import""", re.I)


def _srcdoc(cell: str) -> str:
    match = re.fullmatch(r'<iframe srcdoc="([^"]*)"[^>]*></iframe>', cell)
    assert match, cell[:200]
    return html.unescape(match.group(1))


def test_show_is_the_page_in_an_iframe(seed_graph) -> None:
    view = kg.show(seed_graph)
    assert isinstance(view, View)
    cell = view._repr_html_()
    assert _srcdoc(cell) == render_html(seed_graph)  # the whole self-contained page, nothing lost in escaping
    assert "https://kg.dev/id/actor/vladimir-putin" in cell and "Vladimir Putin" in cell  # the graph's own data
    assert 'sandbox="allow-scripts' in cell and "height:640px" in cell


def test_the_cell_loads_nothing_from_the_network(seed_graph) -> None:
    cell = kg.show(seed_graph)._repr_html_()
    page = _srcdoc(cell)
    assert not LOADS_FROM_NETWORK.search(cell.replace(html.escape(page, quote=True), ""))  # the iframe itself has no src
    assert not LOADS_FROM_NETWORK.search(page)
    assert "default-src 'none'" in page  # and the page's CSP would refuse a fetch anyway


def test_the_network_pattern_catches_a_remote_script() -> None:
    assert LOADS_FROM_NETWORK.search('<script src="https://cdn.example/vis.js">')
    assert LOADS_FROM_NETWORK.search("<link href=//cdn.example/vis.css>")
    assert not LOADS_FROM_NETWORK.search('<a id="x">https://kg.dev/id/actor/a</a>')


def test_quotes_and_markup_cannot_leave_the_srcdoc() -> None:
    page = """<p title="a 'b'">&amp; x</p><script>var s = "</iframe><script>alert(1)</script>";</script>"""
    cell = View(page)._repr_html_()
    assert _srcdoc(cell) == page
    assert re.sub(r'srcdoc="[^"]*"', "", cell).count("<") == 2  # only <iframe ...> and </iframe> are markup
    assert "<" not in cell.split('srcdoc="', 1)[1].split('"', 1)[0]


def test_repr_is_short_and_height_is_kept(seed_graph) -> None:
    view = kg.show(seed_graph, height=400)
    assert len(repr(view)) < 80 and repr(view).startswith("View(")
    assert "height:400px" in view._repr_html_()


@pytest.mark.browser
def test_the_cell_draws_the_graph_in_chromium(seed_graph, tmp_path) -> None:
    from test_view import _driver, _wait_stable  # the one headless-Chromium set-up, in the view's tests

    cell = tmp_path / "cell.html"  # the cell's HTML inside a page, as Jupyter shows an output
    cell.write_text(f"<!DOCTYPE html><html><body><div>{kg.show(seed_graph)._repr_html_()}</div></body></html>",
                    encoding="utf-8")
    driver = _driver()
    try:
        driver.get(cell.resolve().as_uri())
        driver.switch_to.frame(driver.find_element("tag name", "iframe"))
        _wait_stable(driver)
        count = driver.execute_script("return Object.keys(window.kgNetwork.body.nodes).length")
        putin = driver.execute_script("return window.kgNetwork.body.nodes['https://kg.dev/id/actor/vladimir-putin'] !== undefined")
        errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    finally:
        driver.quit()
    assert count >= 5 and putin
    assert errors == []
