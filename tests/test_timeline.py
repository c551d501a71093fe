"""Time: article dates (metadata and datelines), stances per period and their changes, the
``stance-over-time`` query, ``kg analyze --timeline`` and the timeline notebook.

tests/data/timeline/ is a fictional corpus written for these tests: 14 short articles from January
to April 2025 about four invented people, in every input format (front matter, JSON Lines dates,
HTML metadata, wire datelines with and without a year) and two that carry no date. Governor Mira
Kestel and Mayor Tomas Varga are allies in January and February and fall out in March; union
leader Lena Ostrova turns from Kestel's critic (January) to her ally (March).
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import KGError
from kg.ingest import dateline_date, read_articles
from kg.timeline import UNDATED, ChangeKind, period_of, stance_timeline

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "timeline"
KESTEL, VARGA, OSTROVA, DREMMEL = ("https://kg.dev/id/actor/person-" + n for n in ("mira-kestel", "tomas-varga", "lena-ostrova",
                                                                                   "paul-dremmel"))
runner = CliRunner()


@pytest.fixture(scope="module")
def corpus_build(tmp_path_factory: pytest.TempPathFactory):
    from kg.pipeline import build

    return build([CORPUS], tmp_path_factory.mktemp("timeline-build"))


@pytest.fixture(scope="module")
def corpus_graph(corpus_build):
    from kg.graph import load_graph

    return load_graph(corpus_build.graph_path)


# --- dates -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("WASHINGTON, Aug. 21, 2025 (Reuters) - Talks ended.", dt.date(2025, 8, 21)),
    ("TRIPOLI, May 18 (Wire) - The council met after the vote of 2 May 2025.", dt.date(2025, 5, 18)),
    ("KYIV, Jan. 3 (Wire) -- Strikes went on, as since 28 December 2024.", dt.date(2025, 1, 3)),
    ("KYIV, Dec. 30 (Wire) — Talks are set for 2025-01-04.", dt.date(2024, 12, 30)),
    ("Headline of the day\nGENEVA, Switzerland, September 9, 2024 (AP) - Text.", dt.date(2024, 9, 9)),
    ("TRIPOLI, May 18 (Wire) - The council met.", None),  # no year anywhere: unknown, not this year
    ("TRIPOLI, Feb. 29 (Wire) - It met on 3 March 2026.", None),  # no 29 February in 2025-2027
    ("The council met in TRIPOLI, May 18 (Wire) - so it said, on 2 May 2025.", None),  # not at a line start
    ("Putin met Xi on 3 September 2025.", None),  # a date in the text is not a dateline
])
def test_dateline_date(text: str, expected: dt.date | None) -> None:
    assert dateline_date(text) == expected


def test_every_format_gives_its_date_and_undated_articles_stay_undated() -> None:
    result = read_articles([CORPUS])
    dates = {a.id: a.date for a in result.articles}
    assert not result.skipped
    assert len(dates) == 14
    assert dates["01-harbour-plan"] == dt.date(2025, 1, 8)  # front matter
    assert dates["04-bridge"] == dt.date(2025, 2, 18)  # JSON Lines, a timestamp
    assert dates["05-ferry"] == dt.date(2025, 2, 25)  # HTML metadata
    assert dates["06-rift"] == dt.date(2025, 3, 5)  # a dateline, its year from a date in the text
    assert dates["07-accusations"] == dt.date(2025, 3, 19)  # a dateline with its year
    assert dates["12-late-april"] == dt.date(2025, 4, 29)  # "April 29, 2025" in front matter
    assert dates["13-undated-dateline"] is None and dates["14-undated"] is None
    assert {d.month for d in dates.values() if d} == {1, 2, 3, 4}


def test_metadata_date_wins_over_the_dateline(tmp_path) -> None:
    (tmp_path / "a.md").write_text("---\ndate: 2024-06-01\n---\nPARIS, May 3, 2024 (Wire) - France praised Chile.\n", encoding="utf-8")
    [article] = read_articles([tmp_path]).articles
    assert article.date == dt.date(2024, 6, 1)


def test_claims_carry_their_article_date_and_none_when_unknown(corpus_build) -> None:
    claims = {c.doc: c for c in corpus_build.extraction.claims}
    assert claims["06-rift"].date == dt.date(2025, 3, 5)
    assert claims["13-undated-dateline"].date is None  # never today's date
    assert claims["14-undated"].date is None
    rows = [json.loads(line) for line in corpus_build.claims_path.read_text(encoding="utf-8").splitlines()]
    assert {r["date"] for r in rows if r["doc"] in ("13-undated-dateline", "14-undated")} == {None}
    assert {r["date"] for r in rows if r["doc"] == "09-strike-ends"} == {"2025-04-09"}


# --- periods and changes -------------------------------------------------------------------

@pytest.mark.parametrize(("day", "period", "expected"), [
    (dt.date(2025, 1, 1), "week", "2025-W01"), (dt.date(2023, 1, 1), "week", "2022-W52"),
    (dt.date(2025, 4, 30), "month", "2025-04"), (dt.date(2025, 4, 1), "quarter", "2025-Q2"),
    (dt.date(2025, 12, 31), "quarter", "2025-Q4"), (None, "week", UNDATED),
])
def test_period_of(day: dt.date | None, period: str, expected: str) -> None:
    assert period_of(day, period) == expected


def test_unknown_period_is_an_error(corpus_graph) -> None:
    with pytest.raises(KGError, match="unknown period 'year'; use week, month or quarter"):
        stance_timeline(corpus_graph, "year")


def _series(timeline, a: str, b: str) -> dict[str, float]:
    return {s.period: s.stance for s in timeline.stances if (s.a, s.b) == tuple(sorted((a, b)))}


def test_the_relationship_turns_in_march_with_its_evidence(corpus_graph) -> None:
    tl = stance_timeline(corpus_graph, "month")
    kv = _series(tl, KESTEL, VARGA)
    assert [p for p in kv] == ["2025-01", "2025-02", "2025-03", "2025-04"]
    assert kv["2025-01"] > 0 and kv["2025-02"] > 0 and kv["2025-03"] < 0 and kv["2025-04"] < 0
    changes = {(c.period, c.a, c.b): c for c in tl.changes}
    flip = changes[("2025-03", KESTEL, VARGA)]
    assert flip.kind is ChangeKind.SIGN_FLIP and flip.since == "2025-02" and flip.before == kv["2025-02"] and flip.after == kv["2025-03"]
    assert {e.doc for e in flip.evidence} >= {"06-rift", "07-accusations"}
    assert all(e.polarity < 0 and e.date and e.date.month == 3 for e in flip.evidence)
    assert [e.date for e in flip.evidence] == sorted(e.date for e in flip.evidence if e.date)
    assert "criticized" in flip.evidence[0].text
    assert changes[("2025-01", KESTEL, VARGA)].kind is ChangeKind.NEW_ALLIANCE
    assert ("2025-02", KESTEL, VARGA) not in changes and ("2025-04", KESTEL, VARGA) not in changes  # same sign: no change
    # Ostrova: a critic in January, silent in February, an ally in March: a flip against January
    ostrova = changes[("2025-03", OSTROVA, KESTEL)]
    assert ostrova.kind is ChangeKind.SIGN_FLIP and ostrova.since == "2025-01" and ostrova.before is not None and ostrova.before < 0
    assert changes[("2025-01", OSTROVA, KESTEL)].kind is ChangeKind.NEW_TENSION
    assert changes[("2025-04", OSTROVA, VARGA)].kind is ChangeKind.NEW_TENSION
    assert changes[("2025-03", DREMMEL, VARGA)].kind is ChangeKind.NEW_ALLIANCE


def test_undated_claims_are_counted_and_shown_apart(corpus_graph) -> None:
    tl = stance_timeline(corpus_graph)
    undated = [s for s in tl.stances if s.period == UNDATED]
    assert tl.undated == sum(s.claims for s in undated) == 2
    assert tl.stances[-len(undated):] == undated  # after every dated period
    assert all(c.period != UNDATED for c in tl.changes)


@pytest.mark.parametrize("period", ["week", "month", "quarter"])
def test_periods_add_up_to_the_timeless_pair_stance(corpus_graph, period: str) -> None:
    from kg.analyze import pair_stances

    tl = stance_timeline(corpus_graph, period)
    totals: dict[tuple[str, str], Decimal] = {}
    counts: dict[tuple[str, str], int] = {}
    for s in tl.stances:
        totals[(s.a, s.b)] = totals.get((s.a, s.b), Decimal(0)) + Decimal(str(s.stance))
        counts[(s.a, s.b)] = counts.get((s.a, s.b), 0) + s.claims
    expected = {(p.a, p.b): (Decimal(str(p.stance)), p.supporting + p.opposing) for p in pair_stances(corpus_graph, by_state=True)}
    assert {k: (totals[k], counts[k]) for k in totals} == expected
    assert [s.period for s in tl.stances] == sorted((s.period for s in tl.stances), key=lambda p: (p == UNDATED, p))


def test_quarters_hold_their_months(corpus_graph) -> None:
    months, quarters = _series(stance_timeline(corpus_graph, "month"), KESTEL, VARGA), _series(stance_timeline(corpus_graph, "quarter"), KESTEL, VARGA)
    assert quarters["2025-Q1"] == pytest.approx(months["2025-01"] + months["2025-02"] + months["2025-03"])
    assert quarters["2025-Q2"] == months["2025-04"]


def test_a_pair_by_name_keeps_only_that_pair(corpus_graph) -> None:
    tl = stance_timeline(corpus_graph, pairs=[("Varga", "Mira Kestel")])
    assert {(s.a, s.b) for s in tl.stances} == {(KESTEL, VARGA)}
    assert tl.undated == 0
    from kg.errors import QueryError

    with pytest.raises(QueryError, match="no actor matches 'Vraga'; did you mean 'Tomas Varga'"):
        stance_timeline(corpus_graph, pairs=[("Kestel", "Vraga")])


def test_rows_and_frame_agree(corpus_graph) -> None:
    tl = stance_timeline(corpus_graph)
    rows = tl.rows()
    assert [r["change"] for r in rows if r["period"] == "2025-03" and (r["a"], r["b"]) == (KESTEL, VARGA)] == ["sign flip"]
    frame = tl.frame()
    assert list(frame["stance"]) == [r["stance"] for r in rows]
    assert list(frame["period"]) == [r["period"] for r in rows]
    assert list(frame.columns)[-3:] == ["change", "before", "since"]


def _query_rows(graph) -> list[tuple]:
    from kg.graph import run_query

    result = run_query(graph, "stance-over-time")
    assert result.vars == ["period", "aLabel", "bLabel", "stance", "claims", "supporting", "opposing", "a", "b"]
    return [(p, a, b, round(Decimal(str(s)), 3), int(c), int(up), int(down)) for p, _al, _bl, s, c, up, down, a, b in result.rows]


def _api_rows(graph) -> list[tuple]:
    return [(s.period, s.a, s.b, Decimal(str(s.stance)), s.claims, s.supporting, s.opposing)
            for s in stance_timeline(graph, "month", by_state=True).stances]


def test_the_named_query_gives_the_same_numbers(corpus_graph, seed_graph) -> None:
    assert _query_rows(corpus_graph) == _api_rows(corpus_graph)
    # the seed articles are undated and name people who act for states: folding and "undated"
    seed = _api_rows(seed_graph)
    assert seed and {r[0] for r in seed} == {UNDATED}
    assert _query_rows(seed_graph) == seed


def test_the_named_query_agrees_on_an_oxigraph_store(corpus_build) -> None:
    from kg.graph.model import new_graph

    graph = new_graph(store="Oxigraph")
    graph.parse(corpus_build.graph_path, format="turtle")
    assert _query_rows(graph) == _api_rows(graph)


@pytest.mark.parametrize("period", ["week", "month", "quarter"])
def test_an_oxigraph_store_and_rdflibs_own_give_the_same_timeline(tmp_path, period: str) -> None:
    """Oxigraph answers the timeline's query directly (its fast path); rdflib's memory store goes
    through run_query. A generated graph with people acting for states, hypotheticals, issues,
    undated articles and flips gives byte-identical results both ways."""
    import sys

    from kg.graph import load_graph

    sys.path.insert(0, str(ROOT / "bench"))
    from synthetic import dated_graph

    memory = dated_graph(articles=400, seed=3)
    path = tmp_path / "graph.ttl"
    path.write_text(memory.serialize(format="turtle"), encoding="utf-8")
    oxigraph = load_graph(path)
    assert type(oxigraph.store).__name__ == "OxigraphStore" and type(memory.store).__name__ == "Memory"
    for by_state in (True, False):
        fast, plain = stance_timeline(oxigraph, period, by_state=by_state), stance_timeline(memory, period, by_state=by_state)
        assert fast.changes and fast.undated and any(c.kind is ChangeKind.SIGN_FLIP for c in fast.changes)
        assert fast.to_json() == plain.to_json() and fast.to_csv() == plain.to_csv()


# --- CLI -----------------------------------------------------------------------------------

def test_cli_timeline_table(corpus_build) -> None:
    result = runner.invoke(app, ["analyze", "--graph", str(corpus_build.graph_path), "--timeline"])
    assert result.exit_code == 0, result.output
    assert "Stance per month" in result.output
    assert "2025-03  Mira Kestel - Tomas Varga: sign flip (+3.20 in 2025-02 -> " in result.output
    assert "06-rift: Mayor Tomas Varga criticized Governor Mira Kestel" in result.output
    assert result.output.rstrip().endswith("undated claims: 2")


def test_cli_timeline_csv_and_json_are_stable(corpus_build) -> None:
    args = ["analyze", "--graph", str(corpus_build.graph_path), "--timeline", "--pair", "Kestel", "Varga"]
    first = runner.invoke(app, [*args, "--format", "csv"])
    assert first.exit_code == 0, first.output
    assert runner.invoke(app, [*args, "--format", "csv"]).output == first.output
    rows = list(csv.DictReader(io.StringIO(first.output)))
    assert [(r["period"], r["change"]) for r in rows] == [("2025-01", "new alliance"), ("2025-02", ""), ("2025-03", "sign flip"),
                                                           ("2025-04", "")]
    assert "07-accusations: " in rows[2]["evidence"]
    out = runner.invoke(app, [*args, "--format", "json", "--period", "quarter"])
    data = json.loads(out.output)
    assert data["period"] == "quarter" and data["undated_claims"] == 0
    assert [s["period"] for s in data["stances"]] == ["2025-Q1", "2025-Q2"]
    assert [(c["period"], c["kind"]) for c in data["changes"]] == [("2025-Q1", "new alliance"), ("2025-Q2", "sign flip")]
    assert all(e["polarity"] == -1 for e in data["changes"][1]["evidence"])


@pytest.mark.parametrize(("args", "message"), [
    (["--timeline", "--period", "year"], "error: unknown period 'year'; use week, month or quarter"),
    (["--timeline", "--format", "xml"], "error: unknown format 'xml'; use table, csv or json"),
    (["--timeline", "--pair", "Kestel", "Vraga"], "error: no actor matches 'Vraga'; did you mean 'Tomas Varga'"),
    (["--period", "week"], "error: --period, --pair and --format go with --timeline"),
])
def test_cli_timeline_errors_are_one_line(corpus_build, args: list[str], message: str) -> None:
    result = runner.invoke(app, ["analyze", "--graph", str(corpus_build.graph_path), *args])
    assert result.exit_code == 1
    assert result.output.startswith(message) and result.output.count("\n") == 1


# --- notebook ------------------------------------------------------------------------------

def test_timeline_notebook_plots_and_lists_the_flips(tmp_path) -> None:
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(ROOT / "notebooks" / "timeline.ipynb", as_version=4)
    [params] = [i for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", [])]
    assert params == min(i for i, c in enumerate(nb.cells) if c.cell_type == "code")
    assert "corpus =" in nb.cells[params].source and "out =" in nb.cells[params].source
    injected = f"corpus = {str(CORPUS)!r}\nout = {str(tmp_path / 'out')!r}\npairs = [('Mira Kestel', 'Tomas Varga'), ('Lena Ostrova', 'Kestel')]"
    nb.cells.insert(params + 1, nbformat.v4.new_code_cell(injected))
    NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    assert any("image/png" in o.get("data", {}) for o in outputs)  # the plot, inline
    text = "".join(o.get("text", "") for o in outputs if o.get("output_type") == "stream")
    assert "2025-03  Mira Kestel - Tomas Varga: +3.20 in 2025-02 -> " in text
    assert "2025-03  Lena Ostrova - Mira Kestel: -1.60 in 2025-01 -> +1.60" in text
    assert "06-rift: Tomas Varga criticizes Mira Kestel" in text
    assert "sign flips: 2" in text and "undated claims: 0" in text
    assert (tmp_path / "out" / "graph.ttl").exists()
