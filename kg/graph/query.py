"""SPARQL over a graph: ad-hoc text or named ``.rq`` queries with bound parameters."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.query import Result

from kg.errors import KGError, QueryError
from kg.gazetteer import ONTOLOGY_DIR
from kg.graph.namespace import sparql_prologue

__all__ = ["QueryResult", "run_query", "named_queries", "NamedQuery"]

QUERY_DIR = ONTOLOGY_DIR / "queries"
PREFIXES = sparql_prologue()


@dataclass(frozen=True)
class NamedQuery:
    name: str
    description: str
    params: dict[str, str]  # name -> kind (actor, issue, article, string, int)
    text: str


def named_queries() -> dict[str, NamedQuery]:
    """The ``.rq`` files of ``ontology/queries``, read with their header comments.

    A header is ``# description: ...`` and ``# param: NAME KIND``.
    """
    out = {}
    for path in sorted(QUERY_DIR.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        desc = "".join(re.findall(r"^# description: (.*)$", text, re.M))
        params = dict(re.findall(r"^# param: (\w+) (\w+)", text, re.M))
        out[path.stem] = NamedQuery(path.stem, desc, params, text)
    return out


@dataclass
class QueryResult:
    """Rows of a SELECT (``vars``, ``rows``), one row ``[answer]`` under ``ask`` for ASK, or a graph for CONSTRUCT/DESCRIBE."""

    vars: list[str]
    rows: list[list[Any]]
    graph: Graph | None = None
    raw: Result | None = None

    def to_csv(self) -> str:
        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow(self.vars)
        writer.writerows([["" if v is None else str(v) for v in row] for row in self.rows])
        return buf.getvalue()

    terms: list[list[Any]] | None = None  # the engine's own terms, when it answered directly

    def to_json(self) -> str:
        """SPARQL 1.1 query results JSON."""
        if self.raw is not None and self.graph is None:
            data = self.raw.serialize(format="json")
            return data.decode() if isinstance(data, bytes) else str(data)
        rows = self.terms if self.terms is not None else self.rows
        return json.dumps({"head": {"vars": self.vars}, "results": {"bindings": [
            {k: _json_term(v) for k, v in zip(self.vars, row, strict=False) if v is not None} for row in rows]}})

    def to_dataframe(self) -> Any:
        """The rows as a pandas DataFrame, one column per variable, each of one dtype.

        Whole numbers become ``int64`` (``Int64`` when some are unbound), other numbers ``float64``,
        dates ``datetime64``, booleans ``bool`` (``boolean`` when some are unbound); anything else stays
        as it is. A CONSTRUCT or DESCRIBE result gives its triples, as ``subject``, ``predicate``, ``object``.

        Raises:
            KGError: pandas is not installed.
        """
        try:
            import pandas as pd
        except ImportError:
            raise KGError("a DataFrame needs pandas: pip install pandas (or use QueryResult.rows)") from None
        names, rows = self.vars, self.rows
        if self.graph is not None:
            names = ["subject", "predicate", "object"]
            rows = sorted(([_plain(t) for t in triple] for triple in self.graph), key=_row_text)
        columns = {name: _column(pd, [row[i] for row in rows]) for i, name in enumerate(names)}
        return pd.DataFrame(columns, columns=names)


def _row_text(row: list[Any]) -> list[str]:
    return [str(v) for v in row]


def _column(pd: Any, values: list[Any]) -> Any:
    """One DataFrame column of ``values`` (``None`` where unbound) with the dtype its values share."""
    import datetime as dt
    from decimal import Decimal

    present = [v for v in values if v is not None]
    unbound = len(present) < len(values)
    if not present:
        return pd.Series(values, dtype=object)
    if all(isinstance(v, bool) for v in present):
        return pd.Series(values, dtype="boolean" if unbound else bool)
    if all(isinstance(v, int) and not isinstance(v, bool) for v in present):
        if all(-2**63 <= v < 2**63 for v in present):
            return pd.Series(values, dtype="Int64" if unbound else "int64")
        return pd.Series(values, dtype=object)  # xsd:integer is unbounded: keep such values exact
    if all(isinstance(v, (int, float, Decimal)) and not isinstance(v, bool) for v in present):
        return pd.Series([float("nan") if v is None else float(v) for v in values], dtype="float64")
    if all(isinstance(v, dt.date) and not isinstance(v, dt.datetime) for v in present):
        return pd.Series(pd.to_datetime(values))
    return pd.Series(values)  # pandas picks: its string dtype for text, object for a mix


def _json_term(term: Any) -> dict:
    import pyoxigraph

    if isinstance(term, pyoxigraph.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, pyoxigraph.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, pyoxigraph.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != _XSD + "string":
            out["datatype"] = term.datatype.value
        return out
    return {"type": "literal", "value": str(term)}


_XSD = "http://www.w3.org/2001/XMLSchema#"


_FROM_LEXICAL: dict[str, Callable[[str], Any]] = {
    **dict.fromkeys((_XSD + t for t in ("integer", "int", "long", "short", "nonNegativeInteger", "positiveInteger",
                                         "negativeInteger")), int),
    _XSD + "decimal": Decimal, _XSD + "double": float, _XSD + "float": float,
    _XSD + "boolean": lambda v: v in ("true", "1"), _XSD + "date": dt.date.fromisoformat,
}


def _py(term: Any) -> Any:
    """A Python value for an Oxigraph term: IRIs as strings, typed literals as numbers, dates, booleans.

    Called for every cell of a large result, so it does no more than a dictionary lookup per term.
    """
    if term is None:
        return None
    datatype = getattr(term, "datatype", None)  # only a Literal has one
    if datatype is None:
        return term.value  # NamedNode, BlankNode
    convert = _FROM_LEXICAL.get(datatype.value)
    if convert is None:
        return term.value
    try:
        return convert(term.value)
    except (ValueError, ArithmeticError):  # an ill-typed literal stays as its text
        return term.value


def _oxigraph(graph: Graph) -> Any:
    """The pyoxigraph store under an rdflib graph backed by oxrdflib, if it is one."""
    store = graph.store
    return getattr(store, "_inner", None) if type(store).__name__ == "OxigraphStore" else None


def _bind(graph: Graph, kind: str, value: str) -> Any:
    from kg.graph.resolve_param import resolve_param

    return resolve_param(graph, kind, value)


def _with_values(text: str, bound: dict[str, Any]) -> str:
    """Bind parameters with a VALUES block at the top of the WHERE clause.

    Values are RDF terms serialised by rdflib (``n3()``), so a parameter can only ever be one IRI
    or one literal, whatever characters it holds.
    """
    if not bound:
        return text
    names = sorted(bound)
    values = "VALUES (" + " ".join("?" + n for n in names) + ") { (" + " ".join(bound[n].n3() for n in names) + ") }"
    match = re.search(r"WHERE\s*\{", text, re.I)
    if match is None:
        raise QueryError("a named query needs a WHERE { ... } clause to bind its parameters")
    return text[:match.end()] + "\n  " + values + "\n" + text[match.end():]


def _strip_prologue(text: str) -> str:
    """The query without its PREFIX/BASE lines and comments."""
    return re.sub(r"^\s*(PREFIX|BASE)\b[^\n]*$|#[^\n]*$", "", text, flags=re.I | re.M)


_NOT_NAMES = re.compile(r'#[^\n]*|"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''
                        r"|<[^<>\"{}|^`\\\s]*>")
_PREFIXED = re.compile(r"(?<![\w?$:.\-])([A-Za-z](?:[\w.\-]*\w)?)?:(?=[\w%\\])")
_DECLARED = re.compile(r"\bPREFIX\s+([A-Za-z](?:[\w.\-]*\w)?)?:", re.I)


def _position(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of ``index`` in ``text``."""
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _undeclared_prefix(query: str, full: str) -> str | None:
    """"line L, column C: unknown prefix `foo:`" for the first prefixed name in ``query`` whose
    prefix neither ``query`` nor the prologue added to it (``full``) declares."""
    declared = set(_DECLARED.findall(_NOT_NAMES.sub(lambda m: " " * len(m.group()), full)))
    blanked = _NOT_NAMES.sub(lambda m: " " * len(m.group()), query)
    for match in _PREFIXED.finditer(blanked):
        prefix = match.group(1) or ""
        if prefix not in declared:
            line, col = _position(query, match.start())
            return f"line {line}, column {col}: unknown prefix `{prefix}:`; declare it with PREFIX {prefix}: <IRI>"
    return None


def _syntax_error(exc: Exception, offset: int) -> QueryError:
    """One line "line L, column C: what was expected" from Oxigraph's or pyparsing's message."""
    msg = str(exc).splitlines()[0] if str(exc) else exc.__class__.__name__
    line = col = None
    m = re.search(r"error at (\d+):(\d+):\s*", msg)
    if m:
        line, col = int(m.group(1)), int(m.group(2))
        msg = msg[m.end():]
    m = re.search(r"\s*\(at char \d+\),\s*\(line:(\d+), col:(\d+)\)", msg)
    if m:
        line, col = int(m.group(1)), int(m.group(2))
        msg = msg[:m.start()] + msg[m.end():]
    msg = re.sub(r"\s+", " ", msg).strip()
    if len(msg) > 160:
        msg = msg[:157].rsplit(",", 1)[0] + ", ..."
    msg = msg[:1].lower() + msg[1:]
    if line is None:
        return QueryError(f"malformed SPARQL: {msg}")
    return QueryError(f"line {line - offset}, column {col}: {msg}")


def run_query(graph: Graph, query: str, params: dict[str, str] | None = None) -> QueryResult:
    """Run SPARQL text or a named query; parameters are bound, never pasted into the text.

    Raises:
        QueryError: unknown named query or parameter, or a malformed query (with its position).
    """
    params = params or {}
    named = named_queries()
    bindings: dict[str, Any] = {}
    if re.fullmatch(r"[\w-]+", query.strip()):
        if query.strip() not in named:
            raise QueryError(f"unknown query {query!r}; `kg query --list` shows the named queries")
        nq = named[query.strip()]
        unknown = set(params) - set(nq.params)
        if unknown:
            raise QueryError(f"{nq.name}: unknown parameter(s) {sorted(unknown)}; it takes {sorted(nq.params) or 'none'}")
        missing = set(nq.params) - set(params)
        if missing:
            raise QueryError(f"{nq.name}: missing --param {', '.join(sorted(missing))}=VALUE")
        bound = {k: _bind(graph, nq.params[k], v) for k, v in params.items()}
        text = _with_values(nq.text, bound)
    else:
        text = query
        bindings = {k: Literal(v) for k, v in params.items()}
    offset = 0
    user_text = text
    if "PREFIX kg:" not in text:
        text = PREFIXES + text
        offset = PREFIXES.count("\n")
    unknown_prefix = _undeclared_prefix(user_text, text)
    if unknown_prefix:
        raise QueryError(unknown_prefix)
    inner = _oxigraph(graph)
    if inner is not None and not bindings and re.search(r"^\s*SELECT\b", _strip_prologue(text), re.I | re.M):
        # answer straight from Oxigraph: on large graphs converting every cell through rdflib's
        # terms costs several times the query itself (bench/store_scale.py)
        try:
            solutions = inner.query(text, use_default_graph_as_union=True)  # type: ignore[attr-defined]
            names = [v.value for v in solutions.variables]
            terms = [[sol[v] for v in names] for sol in solutions]
        except (SyntaxError, ValueError, OSError) as exc:
            raise _syntax_error(exc, offset) from exc
        return QueryResult(names, [[_py(t) for t in row] for row in terms], terms=terms)
    try:
        result = graph.query(text, initBindings=bindings)
    except Exception as exc:  # pyparsing / rdflib raise many types for a bad query
        raise _syntax_error(exc, offset) from exc
    if result.type == "ASK":
        return QueryResult(["ask"], [[bool(result.askAnswer)]], raw=result)
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        from kg.graph.model import new_graph

        out = new_graph()  # with the project's prefixes bound, for readable Turtle
        for triple in result.graph or []:
            out.add(triple)
        return QueryResult([], [], graph=out, raw=result)
    names = [str(v) for v in result.vars or []]
    rows = [[_plain(row[v]) for v in names] for row in result]  # type: ignore[index]
    return QueryResult(names, rows, raw=result)


def _plain(value: object) -> object:
    if isinstance(value, Literal):
        return value.toPython()
    if isinstance(value, URIRef):
        return str(value)
    return value
