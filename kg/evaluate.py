"""Score predicted relations against a gold file in the ANNOTATION.md format.

Matching: a predicted triple matches a gold one when subject and object resolve to the same gold
actor/issue (by name or alias, case-insensitively, then surname, then word-bounded containment)
and the polarity agrees; counted over distinct (subject, object, polarity) per document. The
lenient score maps each person to the state they act for.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import InputError
from kg.text import fold

__all__ = ["Scores", "score_predictions", "load_jsonl", "predictions_file", "evaluate_paths"]

if TYPE_CHECKING:
    from kg.ingest import Skip

_LEADING = re.compile(r"^(?:the|a|an)\s+")


def _key(text: str) -> str:
    t = _LEADING.sub("", fold(text or ""))
    return t.removesuffix("'s").strip()


class _GoldNames:
    def __init__(self) -> None:
        self.names: dict[str, str] = {}
        self.kinds: dict[str, str] = {}
        self.country: dict[str, str | None] = {}
        self.surnames: dict[str, str] = {}
        self._by_length: list[tuple[str, str]] | None = None

    def add(self, rec: dict) -> None:
        name = rec["name"]
        self.kinds[name] = rec["kind"]
        self.country[name] = rec.get("country") if rec["kind"] == "actor" else None
        for alias in (name, *rec.get("aliases", [])):
            self.names.setdefault(_key(alias), name)
        if rec["kind"] == "actor" and rec.get("type") == "Person":
            self.surnames.setdefault(_key(name).split()[-1], name)

    def find(self, label: str) -> str | None:
        key = _key(label)
        if not key:
            return None
        if key in self.names:
            return self.names[key]
        words = key.split()
        if words[-1] in self.surnames and (len(words) > 1 or words[-1] == key):
            return self.surnames[words[-1]]
        if self._by_length is None:
            self._by_length = sorted(self.names.items(), key=lambda kv: -len(kv[0]))
        for alias, name in self._by_length:
            if len(alias) >= 4 and (re.search(rf"\b{re.escape(alias)}\b", key) or re.search(rf"\b{re.escape(key)}\b", alias)):
                return name
        return None

    def lenient(self, name: str) -> str:
        country = self.country.get(name)
        return country if self.kinds.get(name) == "actor" and country else name


def _sign(value: object) -> int | None:
    text = str(value).strip().casefold()
    if text in ("+", "positive", "alliance", "cooperation"):
        return 1
    if text in ("-", "\u2212", "negative", "tension", "conflict"):
        return -1
    try:
        number = float(text)
    except ValueError:
        return None
    return (number > 0) - (number < 0) or None


def _prf(tp: int, npred: int, ngold: int) -> tuple[float, float, float]:
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class Scores:
    per_doc: dict[str, dict] = field(default_factory=dict)
    strict: tuple[float, float, float] = (0.0, 0.0, 0.0)
    lenient: tuple[float, float, float] = (0.0, 0.0, 0.0)
    relation_accuracy: float = 0.0
    pair_sign_accuracy: float = 0.0
    pairs: int = 0
    missed: list[tuple] = field(default_factory=list)
    spurious: list[tuple] = field(default_factory=list)
    evidence: dict[tuple, str] = field(default_factory=dict)  # (doc, subject, object, polarity) -> a sentence

    def table(self) -> str:
        lines = [f"{'doc':<24}{'gold':>5}{'pred':>5}{'tp':>4}   strict P/R/F1        lenient P/R/F1"]
        for doc, d in self.per_doc.items():
            s, le = d["strict"], d["lenient"]
            lines.append(f"{doc:<24}{d['gold']:>5}{d['pred']:>5}{d['tp']:>4}   {s[0]:.2f}/{s[1]:.2f}/{s[2]:.2f}       "
                         f"{le[0]:.2f}/{le[1]:.2f}/{le[2]:.2f}")
        lines.append(f"relation-type accuracy on matches: {self.relation_accuracy:.2f}; "
                     f"pair stance sign accuracy: {self.pair_sign_accuracy:.2f} over {self.pairs} pairs")
        return "\n".join(lines)

    def total_line(self) -> str:
        s, le = self.strict, self.lenient
        return (f"TOTAL strict P={s[0]:.3f} R={s[1]:.3f} F1={s[2]:.3f}  "
                f"lenient P={le[0]:.3f} R={le[1]:.3f} F1={le[2]:.3f}")

    def errors(self, n: int) -> str:
        """The first `n` missed and `n` spurious triples, each with a sentence that backs it."""
        lines = []
        for kind, rows in (("missed", self.missed), ("spurious", self.spurious)):
            lines.append(f"--- {kind} (first {n})")
            for row in rows[:n]:
                lines.append(f"    {row}")
                sentence = self.evidence.get(tuple(row))
                if sentence:
                    lines.append(f"        {sentence[:200]}")
        return "\n".join(lines)


def load_jsonl(path: str | Path) -> list[dict]:
    """Records of a JSON Lines file.

    Raises:
        InputError: the file is missing or a line is not JSON.
    """
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such file")
    out = []
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}:{i}: not JSON ({exc.msg}); fix or remove the line") from exc
    return out


def predictions_file(paths: list[Path]) -> Path | None:
    """The one .jsonl file of predicted claims among `paths`, or None when they are articles to extract from.

    A JSON Lines file holds predictions when its first record has a relation and no text.

    Raises:
        OSError: the .jsonl file cannot be read.
    """
    if len(paths) != 1 or paths[0].suffix != ".jsonl":
        return None
    with paths[0].open(encoding="utf-8") as fh:
        first = fh.readline()
    try:
        record = json.loads(first)
    except json.JSONDecodeError:
        return None
    return paths[0] if "relation" in record and "text" not in record else None


def _stance(keys: set[tuple], g: _GoldNames) -> dict[frozenset, int]:
    """Summed polarity per unordered actor pair (issues left out)."""
    acc: dict[frozenset, int] = defaultdict(int)
    for s, o, p in keys:
        if g.kinds.get(s) == "actor" and g.kinds.get(o) == "actor":
            acc[frozenset((s, o))] += p
    return acc


def score_predictions(gold_records: list[dict], predictions: list[dict]) -> Scores:
    """Strict and lenient P/R/F1, relation-type accuracy and pair-sign accuracy."""
    names: dict[str, _GoldNames] = defaultdict(_GoldNames)
    gold: dict[str, list[dict]] = defaultdict(list)
    declared: set[str] = set()  # documents with a header line: scored even when they hold no relation
    for rec in gold_records:
        if rec.get("kind") in ("actor", "issue"):
            names[rec["doc"]].add(rec)
        elif rec.get("kind") == "relation":
            gold[rec["doc"]].append(rec)
        elif rec.get("kind") == "document":
            declared.add(rec["doc"])
    preds: dict[str, list[dict]] = defaultdict(list)
    for rec in predictions:
        if {"doc", "subject", "object", "polarity"} <= rec.keys():
            preds[str(rec["doc"]).rsplit("/", 1)[-1].removesuffix(".txt")].append(rec)
    scores = Scores()
    totals = {"strict": [0, 0, 0], "lenient": [0, 0, 0]}
    rel_ok = rel_n = pair_ok = pair_n = 0
    for doc in sorted(set(gold) | declared):  # a document without relations: whatever is predicted there is spurious
        g = names[doc]
        gold_rel: dict[tuple, set[str]] = defaultdict(set)
        for r in gold[doc]:
            gold_rel[(r["subject"], r["object"], int(r["polarity"]))].add(r["relation"])
            scores.evidence.setdefault((doc, r["subject"], r["object"], int(r["polarity"])), r.get("evidence", ""))
        pred_rel: dict[tuple, set[str]] = defaultdict(set)
        unresolved = 0
        for r in preds.get(doc, []):
            sign = _sign(r["polarity"])
            if sign is None:
                unresolved += 1
                continue
            s, o = g.find(str(r["subject"])), g.find(str(r["object"]))
            if s is None or o is None or s == o:
                unresolved += 1
                s, o = "?" + str(r["subject"]), "?" + str(r["object"])
            pred_rel[(s, o, sign)].add(str(r.get("relation")))
            if (s, o, sign) not in gold_rel:
                scores.evidence.setdefault((doc, s, o, sign), str(r.get("evidence", "")))
        G, P = set(gold_rel), set(pred_rel)
        tp = G & P
        rel_n += len(tp)
        rel_ok += sum(bool(gold_rel[k] & pred_rel[k]) for k in tp)
        scores.missed += [(doc, *k) for k in sorted(G - P, key=str)]
        scores.spurious += [(doc, *k) for k in sorted(P - G, key=str)]
        Gl = {(g.lenient(s), g.lenient(o), p) for s, o, p in G if g.lenient(s) != g.lenient(o)}
        Pl = {(g.lenient(s), g.lenient(o), p) for s, o, p in P if not s.startswith("?") and g.lenient(s) != g.lenient(o)}
        Pl |= {k for k in P if k[0].startswith("?")}

        gs, ps = _stance(G, g), _stance(P, g)
        for pair, v in gs.items():
            if v != 0 and pair in ps:
                pair_n += 1
                pair_ok += (v > 0) == (ps[pair] > 0)
        scores.per_doc[doc] = {"gold": len(G), "pred": len(P), "tp": len(tp), "unresolved_pred": unresolved,
                               "strict": _prf(len(tp), len(P), len(G)), "lenient": _prf(len(Gl & Pl), len(Pl), len(Gl))}
        for k, counts in (("strict", (len(tp), len(P), len(G))), ("lenient", (len(Gl & Pl), len(Pl), len(Gl)))):
            for i in range(3):
                totals[k][i] += counts[i]
    scores.strict = _prf(*totals["strict"])
    scores.lenient = _prf(*totals["lenient"])
    scores.relation_accuracy = rel_ok / rel_n if rel_n else 0.0
    scores.pair_sign_accuracy = pair_ok / pair_n if pair_n else 0.0
    scores.pairs = pair_n
    return scores


def evaluate_paths(gold: str | Path, paths: list[Path], model: str | None = None) -> tuple[Scores, list[Skip]]:
    """``kg eval``: score the claims of ``paths`` against the gold file ``gold``.

    ``paths`` are articles to extract from (hypotheticals left out, as in the graph), or one
    ``.jsonl`` file of predicted claims (:func:`predictions_file`).

    Returns:
        The scores, and the inputs that were skipped.

    Raises:
        InputError: the gold or predictions file is missing or not JSON Lines; no readable article.
    """
    from kg.ingest import read_articles
    from kg.pipeline import filter_claims, run_extraction

    gold_records = load_jsonl(gold)
    predicted = predictions_file(paths)
    if predicted:
        return score_predictions(gold_records, load_jsonl(predicted)), []
    read = read_articles(paths)
    preds = [c.as_dict() for c in filter_claims(run_extraction(read.articles, model=model).claims)]
    return score_predictions(gold_records, preds), read.skipped
