"""Claims as event-data records: PLOVER/POLECAT-shaped events and CAMEO-coded ones.

The mapping of the 13 relations onto PLOVER event types, CAMEO root codes and quad classes is
``ontology/lang/en/cameo.yaml``; the record fields are in ``docs/events.md``. Each record keeps
the claim's remaining fields under ``kg``, so :func:`read_events` gives back the claims exactly.
"""
from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

from kg.errors import ConfigError, InputError
from kg.gazetteer import Gazetteer
from kg.records import Relation

__all__ = ["EventMap", "load_event_map", "claim_events", "write_events", "read_events", "EVENT_FORMATS", "PLOVER_FIELDS", "CAMEO_FIELDS"]

EVENT_FORMATS = ("plover", "cameo")
PLOVER_FIELDS = ("event_id", "event_date", "event_type", "event_mode", "quad_code", "contexts", "actor_name", "actor_type",
                 "actor_country", "recipient_name", "recipient_type", "recipient_country", "event_text", "story_id", "kg")
CAMEO_FIELDS = ("id", "date8", "source", "source_code", "target", "target_code", "root_code", "quad_class", "sentence",
                "doc_id", "kg")
# the claim fields every record carries under "kg" (the rest are in the record's own fields)
_KG_FIELDS = ("relation", "modality", "start", "end", "confidence", "subject_id", "object_id", "reporter", "predicate",
              "negated", "extractor", "issue_type")
_CLAIM_ORDER = ("doc", "subject", "relation", "object", "polarity", "modality", "evidence", "start", "end", "confidence",
                "subject_id", "object_id", "object_type", "subject_type", "reporter", "predicate", "negated", "extractor",
                "date", "issue_type")


@dataclass(frozen=True)
class EventMap:
    """The event-data view of the relation vocabulary."""

    plover: dict[Relation, str]
    cameo: dict[Relation, str]
    quad: dict[Relation, int]
    modes: dict[str, dict[str, str]]  # PLOVER type -> predicate -> mode
    roots: dict[str, tuple[Relation | None, int]]  # CAMEO root -> (relation, polarity)

    def mode(self, relation: Relation, predicate: str) -> str | None:
        """The PLOVER mode the predicate names, if any ("visit" for a CONSULT by visiting)."""
        return self.modes.get(self.plover[relation], {}).get(predicate)

    def from_cameo(self, code: str) -> tuple[Relation | None, int]:
        """The relation and polarity of a CAMEO code by its root ("0641" -> cooperates, +1)."""
        return self.roots.get(code[:2], (None, 0))


@functools.lru_cache(maxsize=2)
def load_event_map(path: Path | None = None) -> EventMap:
    """Load and check ``cameo.yaml`` against the relation vocabulary.

    Raises:
        ConfigError: a relation is missing or unknown, a PLOVER type disagrees with relations.yaml,
            or a code is malformed.
    """
    from kg.lexicon import language_dir, load_lexicon

    path = path or language_dir() / "cameo.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"{path}: cannot read ({exc}); restore it from the repository") from exc
    rels = data.get("relations") or {}
    try:
        by_rel = {Relation(name): entry for name, entry in rels.items()}
    except ValueError as exc:
        raise ConfigError(f"{path}: {exc}; use the relation names of relations.yaml") from exc
    missing = set(Relation) - set(by_rel)
    if missing:
        raise ConfigError(f"{path}: relations without an entry: {sorted(r.value for r in missing)}")
    lexicon_plover = load_lexicon().plover
    roots: dict[str, tuple[Relation | None, int]] = {}
    for code, entry in (data.get("cameo_roots") or {}).items():
        relation = Relation(entry["relation"]) if entry.get("relation") else None
        roots[str(code)] = (relation, int(entry["polarity"]))
    for rel, entry in by_rel.items():
        if entry.get("plover") != lexicon_plover[rel]:
            raise ConfigError(f"{path}: {rel.value}: plover {entry.get('plover')!r} disagrees with relations.yaml "
                              f"({lexicon_plover[rel]!r}); keep them the same")
        if str(entry.get("cameo")) not in roots or entry.get("quad") not in (1, 2, 3, 4):
            raise ConfigError(f"{path}: {rel.value}: cameo must be a root code of cameo_roots and quad 1-4")
        if roots[str(entry["cameo"])][1] != rel.polarity:
            raise ConfigError(f"{path}: {rel.value}: CAMEO root {entry['cameo']} has the other polarity")
    return EventMap({r: e["plover"] for r, e in by_rel.items()}, {r: str(e["cameo"]) for r, e in by_rel.items()},
                    {r: int(e["quad"]) for r, e in by_rel.items()},
                    {str(k): {str(p): str(m) for p, m in v.items()} for k, v in (data.get("modes") or {}).items()}, roots)


def _country(gaz: Gazetteer, actor_id: str) -> str | None:
    actor = gaz.actors.get(actor_id)
    country = gaz.actors.get(actor.country) if actor and actor.country else None
    return country.name if country else None


def _code(gaz: Gazetteer, actor_id: str, day: dt.date | None) -> str | None:
    """The actor's code: its dictionary code on ``day``, else its state's ISO 3166 alpha-3 code."""
    code = gaz.code_on(actor_id, day)
    if code:
        return code
    actor = gaz.actors.get(actor_id)
    if actor is None or actor.country is None:
        return None
    iso = {sid: iso for iso, sid in gaz.iso3.items()}
    return gaz.code_on(actor.country, day) or iso.get(actor.country)


def _event_id(claim: dict) -> str:
    from kg.graph.model import claim_iri
    from kg.records import Claim, Modality

    c = Claim(claim["doc"], "", claim["subject_id"], Relation(claim["relation"]), "", claim["object_id"], False,
              Modality(claim["modality"]), "", claim["start"], claim["end"], 0.0)
    return str(claim_iri(c)).rsplit("/", 1)[-1]  # the claim's node in the graph has the same hash


def claim_events(claims: Iterable[dict], gaz: Gazetteer, fmt: str = "plover") -> list[dict]:
    """One event record per claim (claims in the ``claims.jsonl`` shape), in the claims' order.

    Raises:
        InputError: ``fmt`` is not plover or cameo.
    """
    if fmt not in EVENT_FORMATS:
        raise InputError(f"unknown event format {fmt!r}; use plover or cameo")
    emap = load_event_map()
    out = []
    for claim in claims:
        rel = Relation(claim["relation"])
        day = dt.date.fromisoformat(claim["date"]) if claim.get("date") else None
        kg = {k: claim[k] for k in _KG_FIELDS}
        if fmt == "plover":
            out.append({
                "event_id": _event_id(claim), "event_date": claim.get("date"), "event_type": emap.plover[rel],
                "event_mode": emap.mode(rel, claim.get("predicate") or ""), "quad_code": emap.quad[rel],
                "contexts": [claim["issue_type"]] if claim.get("issue_type") else [],
                "actor_name": claim["subject"], "actor_type": claim.get("subject_type") or None,
                "actor_country": _country(gaz, claim["subject_id"]),
                "recipient_name": claim["object"], "recipient_type": claim.get("object_type") or None,
                "recipient_country": None if claim.get("object_type") == "Issue" else _country(gaz, claim["object_id"]),
                "event_text": claim["evidence"], "story_id": claim["doc"], "kg": kg})
        else:
            out.append({
                "id": _event_id(claim), "date8": day.strftime("%Y%m%d") if day else None,
                "source": claim["subject"], "source_code": _code(gaz, claim["subject_id"], day),
                "target": claim["object"],
                "target_code": None if claim.get("object_type") == "Issue" else _code(gaz, claim["object_id"], day),
                "root_code": emap.cameo[rel], "quad_class": emap.quad[rel], "sentence": claim["evidence"],
                "doc_id": claim["doc"], "kg": {**kg, "subject_type": claim.get("subject_type"),
                                               "object_type": claim.get("object_type")}})
    return out


def write_events(claims: Iterable[dict], gaz: Gazetteer, path: Path, fmt: str = "plover") -> Path:
    """Write the event records of ``claims`` to ``path`` as JSON Lines (atomically).

    Raises:
        InputError: unknown format.
        StoreError: ``path`` cannot be written.
    """
    from kg.graph.io import atomic_write_text

    records = claim_events(claims, gaz, fmt)
    atomic_write_text(path, "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
    return path


def _claim(record: dict, where: str) -> dict:
    """The claim an event record was made from."""
    emap = load_event_map()
    kg = record.get("kg")
    if not isinstance(kg, dict) or set(_KG_FIELDS) - set(kg):
        raise InputError(f"{where}: no kg block with {', '.join(_KG_FIELDS)}; only events kg exported can be read back")
    try:
        rel = Relation(kg["relation"])
    except ValueError:
        raise InputError(f"{where}: unknown relation {kg['relation']!r}") from None
    if "event_type" in record:
        if set(record) != set(PLOVER_FIELDS) or record["event_type"] != emap.plover[rel]:
            raise InputError(f"{where}: not a PLOVER record of kg, or its event_type disagrees with relation {rel.value}")
        base = {"doc": record["story_id"], "subject": record["actor_name"], "object": record["recipient_name"],
                "evidence": record["event_text"], "date": record["event_date"],
                "subject_type": record["actor_type"] or "", "object_type": record["recipient_type"] or ""}
    elif "root_code" in record:
        if set(record) != set(CAMEO_FIELDS) or record["root_code"] != emap.cameo[rel]:
            raise InputError(f"{where}: not a CAMEO record of kg, or its root_code disagrees with relation {rel.value}")
        date8 = record["date8"]
        base = {"doc": record["doc_id"], "subject": record["source"], "object": record["target"],
                "evidence": record["sentence"], "date": f"{date8[:4]}-{date8[4:6]}-{date8[6:]}" if date8 else None,
                "subject_type": kg.get("subject_type") or "", "object_type": kg.get("object_type") or ""}
    else:
        raise InputError(f"{where}: neither a PLOVER (event_type) nor a CAMEO (root_code) record")
    merged = {**{k: kg[k] for k in _KG_FIELDS}, **base, "polarity": rel.polarity}
    return {k: merged[k] for k in _CLAIM_ORDER}


def read_events(path: Path) -> list[dict]:
    """The claims (``claims.jsonl`` shape) of an events file kg exported, PLOVER or CAMEO.

    Raises:
        InputError: the file cannot be read, or a line is not an event record kg wrote (the message
            names the line).
    """
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    out = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{n}: not JSON ({exc.msg})") from exc
        out.append(_claim(record, f"{path}:{n}"))
    return out
