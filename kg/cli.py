"""The ``kg`` command line: thin wrappers over the library."""
from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, ParamSpec, TypeVar

import typer

from kg.errors import KGError

if TYPE_CHECKING:
    from kg.pipeline import Extraction

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Actor-relationship knowledge graph from news articles.")

Paths = Annotated[list[Path], typer.Argument(help="Article files or directories (.txt, .md, .html, .jsonl, .json).")]
Model = Annotated[str | None, typer.Option("--model", help="spaCy model to load (default: the best installed).")]
Actors = Annotated[list[Path] | None, typer.Option(
    "--actors", help="User actor dictionary (.yaml, .csv, or PETRARCH .txt; repeatable; docs/actor-dictionaries.md).")]


def _fail(exc: KGError | OSError) -> NoReturn:
    if isinstance(exc, OSError):  # the library turns the ones it expects into KGError; this is the net
        where = exc.filename if exc.filename else ""
        exc = KGError(f"{where}: {exc.strerror or exc.__class__.__name__}" if where else f"{exc.strerror or exc}")
    typer.echo(f"error: {exc}", err=True)
    raise typer.Exit(1)


P = ParamSpec("P")
R = TypeVar("R")


def _one_line_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Run a command, turning a library error (or an unexpected OSError) into `error: ...` and exit code 1."""
    @functools.wraps(command)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except (KGError, OSError) as exc:
            _fail(exc)
    return run


def _warn_skips(skipped: list) -> None:
    for skip in skipped:
        typer.echo(f"warning: skipped {skip}", err=True)


@app.command()
@_one_line_errors
def build(
    paths: Paths,
    out: Annotated[Path, typer.Option("-o", "--out", help="Output directory.")] = Path("out"),
    model: Model = None,
    processes: Annotated[int, typer.Option("--processes", "-j", help="Parser processes.")] = 1,
    store: Annotated[str, typer.Option("--store", help="memory, oxigraph:DIR or sparql:URL.")] = "memory",
    actors: Actors = None,
    cluster: Annotated[str | None, typer.Option("--cluster", help="Run on Dask: local:N workers, or tcp://HOST:PORT of a scheduler.")] = None,
) -> None:
    """Build the graph: articles in; graph.ttl, claims.jsonl and graph.html out.

    Example: kg build seeds/ -o out/ --actors my-actors.yaml --cluster local:2
    """
    from rich.console import Console
    from rich.progress import Progress

    from kg.ingest import read_articles
    from kg.pipeline import build as run_build
    from kg.pipeline import check_build

    console = Console(stderr=True)
    if cluster and processes != 1:
        raise KGError("--cluster and -j are alternatives; give one")
    check_build(out, store, actors or [], cluster)  # before reading and extracting, which can take long
    read = read_articles(paths)
    _warn_skips(read.skipped)
    with Progress(console=console, transient=True) as bar:
        task = bar.add_task("extracting", total=len(read.articles))
        result = run_build(paths, out, model=model, n_process=processes, read=read, store=store, cluster=cluster,
                           progress=lambda n: bar.advance(task, n), actors=actors or [])
    ex = result.extraction
    typer.echo(_summary(ex, len(result.skipped)))
    typer.echo(f"graph: {result.graph_path}\nclaims: {result.claims_path}\nhtml: {result.html_path}")


@app.command()
@_one_line_errors
def add(
    paths: Paths,
    out: Annotated[Path, typer.Option("-o", "--out", help="The graph home made by kg build.")] = Path("out"),
    model: Model = None,
    store: Annotated[str | None, typer.Option("--store", help="Override the home's store.")] = None,
    actors: Actors = None,
) -> None:
    """Add new articles to a graph home without re-processing the old ones (with the home's actor dictionaries).

    Example: kg add new-articles/ -o out/
    """
    from kg.pipeline import add as run_add

    result = run_add(paths, out, model=model, store=store, actors=actors or [])
    _warn_skips(result.skipped)
    typer.echo(f"added: {result.added}  already present: {result.already_present}  skipped: {len(result.skipped)}  "
               f"claims: {len(result.extraction.claims)}")
    typer.echo(f"graph: {result.graph_path}\nclaims: {result.claims_path}\nhtml: {result.html_path}")


@app.command()
@_one_line_errors
def remove(
    article_ids: Annotated[list[str], typer.Argument(help="Article ids (file names without extension, or record ids).")],
    out: Annotated[Path, typer.Option("-o", "--out", help="The graph home made by kg build.")] = Path("out"),
    store: Annotated[str | None, typer.Option("--store", help="Override the home's store.")] = None,
) -> None:
    """Remove articles and every triple only they backed.

    Example: kg remove 001_6dd0e6ed9944d124 -o out/
    """
    from kg.pipeline import remove as run_remove

    result = run_remove(article_ids, out, store=store)
    typer.echo(f"removed: {result.removed}  not present: {len(article_ids) - result.removed}")
    typer.echo(f"graph: {result.graph_path}\nclaims: {result.claims_path}\nhtml: {result.html_path}")


@app.command()
@_one_line_errors
def export(
    out: Annotated[Path, typer.Option("-o", "--out", help="File to write: .ttl .nt .jsonld .trig .graphml .gexf .csv")],
    home: Annotated[Path, typer.Option("--home", help="The graph home made by kg build.")] = Path("out"),
    fmt: Annotated[str | None, typer.Option("--format", "-f", help="plover or cameo: the claims as event records "
                                            "(JSON Lines; docs/events.md). Default: the graph, by extension.")] = None,
) -> None:
    """Export the graph by file extension, or its claims as PLOVER or CAMEO event records.

    Example: kg export -o stance.graphml --home out/ ; kg export -o events.jsonl --format plover
    """
    from kg.pipeline import export as run_export

    path = run_export(home, out, fmt=fmt)
    typer.echo(f"exported: {path}")


def _summary(ex: Extraction, skipped: int) -> str:
    from collections import Counter

    from kg.records import Modality

    claims = [c for c in ex.claims if c.modality is not Modality.HYPOTHETICAL]
    pairs = Counter((c.subject, c.object, c.polarity) for c in claims if not c.object_is_issue)
    lines = [f"articles: {len(ex.articles)}  skipped: {skipped}  sentences: {ex.sentences}  "
             f"claims: {len(claims)} (+{len(ex.claims) - len(claims)} hypothetical)  actors: {len(ex.actors)}  "
             f"time: {ex.seconds:.1f}s"]
    if ex.spun_articles:
        spun = sorted(ex.spun_articles)
        more = f" and {len(spun) - 10} more" if len(spun) > 10 else ""
        lines.append(f"spun text detected in: {', '.join(spun[:10])}{more}")
    for sign, name in ((1, "alliances"), (-1, "tensions")):
        top = [f"{s} -> {o} ({n})" for (s, o, p), n in pairs.most_common() if p == sign][:5]
        lines.append(f"top {name}: " + ("; ".join(top) or "none"))
    return "\n".join(lines)


@app.command()
@_one_line_errors
def extract(
    paths: Paths,
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl, csv or table.")] = "jsonl",
    model: Model = None,
    include_hypothetical: Annotated[bool, typer.Option("--include-hypothetical", help="Also print hypothetical claims.")] = False,
    min_confidence: Annotated[float, typer.Option("--min-confidence", help="Drop claims below this confidence.")] = 0.0,
    actors: Actors = None,
) -> None:
    """Print the claims extracted from articles.

    Example: kg extract seeds/*.txt --format jsonl > claims.jsonl
    """
    from kg.gazetteer.config import dictionaries_for
    from kg.ingest import read_articles
    from kg.pipeline import filter_claims, run_extraction

    if fmt not in ("jsonl", "csv", "table"):
        raise KGError(f"unknown format {fmt!r}; use jsonl, csv or table")
    dictionaries = dictionaries_for(actors or [])
    read = read_articles(paths)
    _warn_skips(read.skipped)
    ex = run_extraction(read.articles, model=model, dictionaries=dictionaries)
    claims = filter_claims(ex.claims, include_hypothetical, min_confidence)
    if fmt == "jsonl":
        for c in claims:
            sys.stdout.write(json.dumps(c.as_dict(), ensure_ascii=False) + "\n")
    elif fmt == "csv":
        import csv

        writer = csv.DictWriter(sys.stdout, fieldnames=list(claims[0].as_dict()) if claims else ["doc"])
        writer.writeheader()
        for c in claims:
            writer.writerow(c.as_dict())
    else:
        _print_claims_table(claims)


def _print_claims_table(claims: list) -> None:
    """A boxed table on a terminal; piped, plain tab-separated lines with the whole evidence."""
    header = ("doc", "subject", "relation", "object", "modality", "conf", "evidence")
    rows = [(c.doc, c.subject, c.relation.value, c.object, c.modality.value.upper() if c.modality.value == "hypothetical"
             else c.modality.value, f"{c.confidence:.2f}", c.evidence) for c in claims]
    if not sys.stdout.isatty():
        for row in [header, *rows]:
            sys.stdout.write("\t".join(" ".join(cell.split()) for cell in row) + "\n")
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(*header)
    for row in rows:
        table.add_row(*row[:-1], row[-1][:80], style="dim italic" if row[4] == "HYPOTHETICAL" else None)
    Console().print(table)


@app.command()
@_one_line_errors
def query(
    sparql: Annotated[str | None, typer.Argument(help="SPARQL text, a .rq file, or a named query.")] = None,
    graph: Annotated[Path, typer.Option("--graph", "-g", help="Graph file.")] = Path("out/graph.ttl"),
    param: Annotated[list[str] | None, typer.Option("--param", "-p", help="Parameter NAME=VALUE (repeatable).")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, csv, json or turtle.")] = "table",
    list_queries: Annotated[bool, typer.Option("--list", help="List the named queries.")] = False,
) -> None:
    """Run SPARQL over a graph.

    Example: kg query opponents-of --param actor="Putin" --graph out/graph.ttl
    """
    from kg.graph import load_graph, run_query
    from kg.graph.query import named_queries

    if fmt not in ("table", "csv", "json", "turtle"):
        raise KGError(f"unknown format {fmt!r}; use table, csv, json or turtle")
    if list_queries:
        for nq in named_queries().values():
            takes = " ".join(f"{k}=<{v}>" for k, v in nq.params.items())
            typer.echo(f"{nq.name:<22} {nq.description} {takes}".rstrip())
        return
    if not sparql:
        raise KGError("give a SPARQL query, a .rq file or a query name (kg query --list)")
    if sparql.endswith(".rq") and Path(sparql).exists():
        sparql = Path(sparql).read_text(encoding="utf-8")
    params = {}
    for item in param or []:
        if "=" not in item:
            raise KGError(f"--param {item!r}: write NAME=VALUE")
        key, value = item.split("=", 1)
        params[key.strip()] = value.strip()
    result = run_query(load_graph(graph), sparql, params)
    if result.graph is not None:
        typer.echo(result.graph.serialize(format="turtle"))
    elif fmt == "csv":
        typer.echo(result.to_csv(), nl=False)
    elif fmt == "json":
        typer.echo(result.to_json())
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(*result.vars)
        for row in result.rows:
            table.add_row(*["" if v is None else str(v) for v in row])
        Console(width=200).print(table)


@app.command()
@_one_line_errors
def view(
    graph: Annotated[Path, typer.Option("--graph", "-g", help="Graph file.")] = Path("out/graph.ttl"),
    out: Annotated[Path, typer.Option("-o", "--out", help="HTML file to write.")] = Path("out/graph.html"),
    max_nodes: Annotated[int, typer.Option("--max-nodes", help="Keep the N most connected actors.")] = 300,
) -> None:
    """Write the interactive HTML view of a graph.

    Example: kg view --graph out/graph.ttl -o out/graph.html
    """
    from kg.graph import load_graph
    from kg.view import write_view

    path = write_view(load_graph(graph), out, max_nodes=max_nodes)
    typer.echo(f"html: {path}")


@app.command()
@_one_line_errors
def analyze(
    graph: Annotated[Path, typer.Option("--graph", "-g", help="Graph file.")] = Path("out/graph.ttl"),
    by_actor: Annotated[bool, typer.Option("--by-actor", help="Keep people apart from the states they act for.")] = False,
    top: Annotated[int, typer.Option("--top", help="Rows per table.")] = 15,
    timeline: Annotated[bool, typer.Option("--timeline", help="Stance per period and the changes between periods.")] = False,
    period: Annotated[str | None, typer.Option("--period", help="With --timeline: week, month (default) or quarter.")] = None,
    pair: Annotated[tuple[str, str] | None, typer.Option("--pair", help="With --timeline: only this pair of actors.")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="With --timeline: table, csv or json.")] = "table",
) -> None:
    """Print pair stances, camps, structural balance, brokers and contested issues; or, with
    --timeline, each pair's stance per period and its changes (new alliances, new tensions, sign
    flips) with their evidence.

    Example: kg analyze --graph out/graph.ttl --timeline --period month --pair Kestel Varga
    """
    from rich.console import Console
    from rich.table import Table

    from kg.analyze import analyze as run_analysis
    from kg.graph import load_graph

    if not timeline and (period or pair or fmt != "table"):
        raise KGError("--period, --pair and --format go with --timeline")
    if timeline:
        _print_timeline(graph, period or "month", pair, fmt, by_state=not by_actor)
        return
    result = run_analysis(load_graph(graph), by_state=not by_actor)
    name = result.labels.get
    console = Console(width=160)
    table = Table("actor", "actor", "stance", "supporting", "opposing", title="Pair stances (confidence-weighted)")
    for p in result.pairs[:top]:
        table.add_row(name(p.a, p.a), name(p.b, p.b), f"{p.stance:+.2f}", str(p.supporting), str(p.opposing))
    console.print(table)
    table = Table("camp", "members", title="Camps (signed spectral partition)")
    for i, bloc in enumerate(result.blocs):
        table.add_row(str(i + 1), ", ".join(name(a, a) for a in bloc))
    console.print(table)
    balance = "n/a (no closed triads)" if result.balance is None else f"{result.balance:.2f} over {result.triads} triads"
    console.print(f"Structural balance: {balance}")
    brokers = "; ".join(f"{name(a, a)} (camps {', '.join(str(c + 1) for c in camps)})" for a, camps in result.brokers)
    console.print(f"Brokers: {brokers or 'none'}")
    table = Table("issue", "supporters", "opponents", title="Most contested issues")
    for label, sup, opp in result.contested[:top]:
        table.add_row(label, str(sup), str(opp))
    console.print(table)


def _print_timeline(graph: Path, period: str, pair: tuple[str, str] | None, fmt: str, by_state: bool) -> None:
    from rich.console import Console
    from rich.table import Table

    from kg.graph import load_graph
    from kg.timeline import stance_timeline

    if fmt not in ("table", "csv", "json"):
        raise KGError(f"unknown format {fmt!r}; use table, csv or json")
    result = stance_timeline(load_graph(graph), period, [pair] if pair else None, by_state=by_state)
    if fmt == "csv":
        typer.echo(result.to_csv(), nl=False)
        return
    if fmt == "json":
        typer.echo(result.to_json(), nl=False)
        return
    console = Console(width=160)
    table = Table(period, "actor", "actor", "stance", "claims", "supporting", "opposing", "change",
                  title=f"Stance per {period} (confidence-weighted)")
    for row in result.rows():
        table.add_row(row["period"], row["a_label"], row["b_label"], f"{row['stance']:+.2f}", str(row["claims"]),
                      str(row["supporting"]), str(row["opposing"]), row["change"])
    console.print(table)
    for change in result.changes:
        before = "none" if change.before is None else f"{change.before:+.2f} in {change.since}"
        console.print(f"{change.period}  {change.a_label} - {change.b_label}: {change.kind.value} "
                      f"({before} -> {change.after:+.2f})", markup=False, highlight=False)
        for e in change.evidence:
            console.print(f"    {e.date} {e.doc}: {' '.join(e.text.split())}", markup=False, highlight=False)
    console.print(f"undated claims: {result.undated}", markup=False, highlight=False)


@app.command("eval")
@_one_line_errors
def evaluate(
    gold: Annotated[Path, typer.Argument(help="Gold JSONL file; its format and the 13 relations are in docs/gold-format.md.")],
    paths: Paths,
    model: Model = None,
    show_errors: Annotated[int, typer.Option("--show-errors", help="List N missed and N spurious triples.")] = 0,
) -> None:
    """Score extraction on articles (or on a predictions .jsonl) against a gold file (docs/gold-format.md).

    Example: kg eval gold.jsonl seeds/*.txt --show-errors 20
    """
    from kg.evaluate import evaluate_paths

    scores, skipped = evaluate_paths(gold, paths, model=model)
    _warn_skips(skipped)
    typer.echo(scores.table())
    if show_errors:
        typer.echo(scores.errors(show_errors))
    typer.echo(scores.total_line())
