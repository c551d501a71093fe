"""PLOVER and CAMEO event records: documented fields, the ontology's mapping, and a lossless round trip."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from rdflib import Graph, Literal
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import InputError
from kg.events import CAMEO_FIELDS, PLOVER_FIELDS, claim_events, load_event_map, read_events, write_events
from kg.gazetteer import ONTOLOGY_DIR, load_gazetteer
from kg.graph.namespace import KG
from kg.records import Claim, Modality, Relation

INVENTED = Path(__file__).parent / "data" / "invented"
DICTS = [INVENTED / "actors.yaml", INVENTED / "people.csv", INVENTED / "phoenix.txt"]
PLOVER_TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
                "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
runner = CliRunner()


def _claims(n: int = 0) -> list[dict]:
    """One claim of every relation and modality, with an issue object, a reporter and a missing date."""
    out = []
    mods = list(Modality)
    for i, rel in enumerate(Relation):
        issue = i % 4 == 3
        c = Claim(f"doc-{i % 3}", "Veldoria", "veldoria", rel, "ceasefire" if issue else "Dario Pell",
                  "issue:ceasefire" if issue else "dario-pell", issue, mods[i % len(mods)], f"Sentence {i} \u201cquoted\u201d.",
                  10 * i, 10 * i + 9, round(0.5 + i / 40, 3), reporter="Ostravia" if i % 5 == 0 else None,
                  reporter_id="ostravia" if i % 5 == 0 else None, predicate=["visit", "arm", "bomb", "condemn"][i % 4],
                  date=None if i == 4 else dt.date(2024, 1, 1 + i), subject_kind="State",
                  object_kind="" if issue else "Person", negated=mods[i % len(mods)] is Modality.NEGATED,
                  issue_type="ceasefire" if issue else None)
        out.append(c.as_dict())
    return out


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer(dictionaries=DICTS)


def test_every_relation_has_its_ontology_plover_type_and_a_cameo_root() -> None:
    emap = load_event_map()
    onto = Graph().parse(ONTOLOGY_DIR / "kg.ttl")
    for rel in Relation:
        assert (getattr(KG, rel.value), KG.plover, Literal(emap.plover[rel])) in onto
        relation, polarity = emap.from_cameo(emap.cameo[rel])
        assert polarity == rel.polarity and relation is not None
        assert emap.quad[rel] in ((1, 2) if rel.polarity > 0 else (3, 4))
    assert emap.from_cameo("0641") == (Relation.COOPERATES, 1) and emap.from_cameo("010") == (None, 0)


@pytest.mark.parametrize("fmt", ["plover", "cameo"])
def test_records_have_the_documented_fields(gaz, fmt: str) -> None:
    records = claim_events(_claims(), gaz, fmt)
    assert len(records) == len(Relation)
    fields = PLOVER_FIELDS if fmt == "plover" else CAMEO_FIELDS
    doc = (Path(__file__).parent.parent / "docs" / "events.md").read_text(encoding="utf-8")
    for field in fields:
        assert f"`{field}`" in doc, field
    for r in records:
        assert tuple(r) == fields
        if fmt == "plover":
            assert r["event_type"] in PLOVER_TYPES and r["quad_code"] in (1, 2, 3, 4)
            assert r["actor_country"] == "Veldoria"
            assert r["recipient_country"] == (None if r["recipient_type"] == "Issue" else "Ostravia")
        else:
            assert len(r["root_code"]) == 2 and 1 <= int(r["root_code"]) <= 20
            assert r["date8"] is None or len(r["date8"]) == 8
            assert r["source_code"] == "VLD" and r["target_code"] in (None, "OST")
    if fmt == "plover":
        modes = {r["kg"]["relation"]: r["event_mode"] for r in records}
        assert modes["supports"] is None and modes["meets"] == "visit"  # "visit": a CONSULT mode, none for SUPPORT


@pytest.mark.parametrize("fmt", ["plover", "cameo"])
def test_reading_exported_events_back_gives_the_same_claims(gaz, tmp_path, fmt: str) -> None:
    claims = _claims()
    path = write_events(claims, gaz, tmp_path / "events.jsonl", fmt)
    assert read_events(path) == claims


def test_tampered_events_are_refused_with_their_line(gaz, tmp_path) -> None:
    path = write_events(_claims(), gaz, tmp_path / "events.jsonl", "plover")
    lines = path.read_text(encoding="utf-8").splitlines()
    record = json.loads(lines[1])
    record["event_type"] = "ASSAULT"
    lines[1] = json.dumps(record)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"events.jsonl:2: .*event_type disagrees"):
        read_events(path)


def test_export_of_a_built_home_round_trips(tmp_path) -> None:
    from kg.pipeline import build

    home = tmp_path / "home"
    result = build([INVENTED / "articles"], home, actors=DICTS)
    claims = [json.loads(line) for line in result.claims_path.read_text(encoding="utf-8").splitlines()]
    for fmt in ("plover", "cameo"):
        out = tmp_path / f"{fmt}.jsonl"
        run = runner.invoke(app, ["export", "-o", str(out), "--home", str(home), "--format", fmt])
        assert run.exit_code == 0, run.output
        assert read_events(out) == claims
        first = out.read_bytes()
        runner.invoke(app, ["export", "-o", str(out), "--home", str(home), "--format", fmt])
        assert out.read_bytes() == first  # byte-identical
    cameo = {r["source"]: r["source_code"] for r in map(json.loads, (tmp_path / "cameo.jsonl").read_text().splitlines())}
    assert cameo["Orvin Dale"] == "KSTREB" and cameo["Dario Pell"] == "OST"  # the dated code on the article's date
    bad = runner.invoke(app, ["export", "-o", str(tmp_path / "x.jsonl"), "--home", str(home), "--format", "gdelt"])
    assert bad.exit_code == 1 and bad.output.strip() == "error: unknown event format 'gdelt'; use plover or cameo"
