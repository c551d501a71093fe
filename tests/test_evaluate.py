from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kg.evaluate import score_predictions

GOLD = [
    {"kind": "actor", "doc": "d", "name": "Recep Tayyip Erdoğan", "type": "Person", "country": "Turkey", "aliases": ["Erdogan"]},
    {"kind": "actor", "doc": "d", "name": "Turkey", "type": "State", "country": "Turkey", "aliases": ["Ankara"]},
    {"kind": "actor", "doc": "d", "name": "Sweden", "type": "State", "country": "Sweden", "aliases": []},
    {"kind": "issue", "doc": "d", "name": "membership", "aliases": ["NATO membership"]},
    {"kind": "relation", "doc": "d", "subject": "Recep Tayyip Erdoğan", "relation": "opposes", "object": "membership", "polarity": -1},
    {"kind": "relation", "doc": "d", "subject": "Turkey", "relation": "criticizes", "object": "Sweden", "polarity": -1},
    {"kind": "relation", "doc": "d", "subject": "Turkey", "relation": "meets", "object": "Sweden", "polarity": 1},
]


def test_strict_and_lenient() -> None:
    preds = [
        {"doc": "d", "subject": "Erdogan", "relation": "opposes", "object": "NATO membership", "polarity": -1},
        {"doc": "d", "subject": "Erdogan", "relation": "criticizes", "object": "Sweden", "polarity": -1},
        {"doc": "d", "subject": "Ankara", "relation": "blocks", "object": "Stockholm", "polarity": "-"},
    ]
    s = score_predictions(GOLD, preds)
    assert s.per_doc["d"]["tp"] == 1
    assert s.strict == pytest.approx((1 / 3, 1 / 3, 1 / 3))
    # lenient: Erdogan -> Turkey, so (Turkey, Sweden, -1) matches too
    assert s.lenient[0] == pytest.approx(2 / 3) and s.lenient[1] == pytest.approx(2 / 3)
    assert s.relation_accuracy == 1.0


def test_agrees_with_reference_scorer(seed_build, tmp_path) -> None:
    shared = Path(__file__).resolve().parents[2] / "shared" / "eval"
    if not (shared / "score.py").exists():
        pytest.skip("the reference scorer is not beside this checkout")
    pred = tmp_path / "pred.jsonl"
    from kg.pipeline import filter_claims

    pred.write_text("".join(json.dumps(c.as_dict()) + "\n" for c in filter_claims(seed_build.extraction.claims)), encoding="utf-8")
    ref = subprocess.run([sys.executable, str(shared / "score.py"), str(shared / "seeds.gold.jsonl"), str(pred)],
                         capture_output=True, text=True, check=True).stdout.strip().splitlines()
    from kg.evaluate import load_jsonl

    ours = score_predictions(load_jsonl(shared / "seeds.gold.jsonl"), [json.loads(x) for x in pred.read_text().splitlines()])
    assert ours.total_line() == ref[-1]
    assert ours.table().splitlines() == ref[:-1]


def test_a_document_without_relations_counts_what_is_predicted_there() -> None:
    from kg.evaluate import score_predictions

    gold = [{"kind": "document", "doc": "quiet"}, {"kind": "document", "doc": "busy"},
            {"kind": "actor", "doc": "busy", "name": "Chile", "type": "State", "aliases": []},
            {"kind": "actor", "doc": "busy", "name": "Peru", "type": "State", "aliases": []},
            {"kind": "relation", "doc": "busy", "subject": "Chile", "relation": "criticizes", "object": "Peru", "polarity": -1}]
    pred = [{"doc": "busy", "subject": "Chile", "object": "Peru", "polarity": -1},
            {"doc": "quiet", "subject": "Chile", "object": "Peru", "polarity": -1}]
    scores = score_predictions(gold, pred)
    assert "quiet" in scores.per_doc and scores.per_doc["quiet"]["pred"] == 1
    assert scores.strict[0] == 0.5  # one of the two predictions is right


def _jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_evaluate_paths_scores_a_predictions_file(tmp_path) -> None:
    from kg.evaluate import evaluate_paths

    preds = [{"doc": "d", "subject": "Ankara", "relation": "criticizes", "object": "Sweden", "polarity": -1}]
    scores, skipped = evaluate_paths(_jsonl(tmp_path / "gold.jsonl", GOLD), [_jsonl(tmp_path / "p.jsonl", preds)])
    assert skipped == [] and scores.per_doc["d"]["tp"] == 1 and scores.strict[0] == 1.0


def test_evaluate_paths_extracts_from_articles(tmp_path) -> None:
    from kg.evaluate import evaluate_paths

    (tmp_path / "d.txt").write_text("Turkey criticized Sweden on Monday.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    scores, skipped = evaluate_paths(_jsonl(tmp_path / "gold.jsonl", GOLD), [tmp_path / "d.txt", tmp_path / "empty.txt"])
    assert scores.per_doc["d"]["tp"] == 1 and [Path(s.path).name for s in skipped] == ["empty.txt"]
