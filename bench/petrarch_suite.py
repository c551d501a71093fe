"""Score kg on PETRARCH2's own unit-test records (a peer's suite; nothing of it is copied here).

    python bench/petrarch_suite.py [DIR]        # DIR defaults to ../shared/peer/petrarch2

The suite's sentences (``PETR.UnitTest.records.xml``, the ``sentence="true"`` ones) are coded
by kg with the suite's actor dictionary (``PETR.Validate.actors.txt``) imported as a user
dictionary (``--actors``). Each kg claim between two actors becomes (source code, target code,
polarity): the actor's dictionary code on the sentence's date (else the code of the state it acts
for), with agent codes of ``PETR.Validate.agents.txt`` (GOV, MIL, GOVFRM...) stripped from its end,
as from the expected codes. An expected CAMEO code becomes a polarity through the root codes of
``ontology/lang/en/cameo.yaml``; an event with a root that has no relation (01 statements, 09
investigate), a code outside CAMEO (the suite's 9xx synonym-set tests) or a null actor (``---``)
is not scorable. Precision and recall count distinct (source, target, polarity) per sentence.

Intentions: the suite codes what an actor is about to do ("Arnor will abandon ties", "is about
to restore") as the event; kg keeps those as hypothetical and out of stance. An expected event
counts as an intention when its CAMEO root is 03 (express intent) or its sentence says
will/would/shall, "about to", "plan(s) to", "intend(s) to" or "set to". Scores are printed with
and without them.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

_SENTENCE = re.compile(r"<Sentence\s([^>]*)>(.*?)</Sentence>", re.S)
_ATTR = re.compile(r'(\w+)\s*=\s*"([^"]*)"|(\w+)\s*=\s*\'([^\']*)\'')
_INTENT = re.compile(r"\b(will|would|shall|about to|plans? to|planned to|intends? to|intended to|set to)\b", re.I)


@dataclass
class Record:
    ident: str
    date: str
    text: str
    expected: list[tuple[str, str, str]] = field(default_factory=list)  # (source, target, CAMEO code)


def _attrs(text: str) -> dict[str, str]:
    return {(m[0] or m[2]).lower(): (m[1] if m[0] else m[3]) for m in _ATTR.findall(text)}


def read_records(path: Path) -> list[Record]:
    """The ``sentence="true"`` records with their expected codings."""
    out = []
    for n, (head, body) in enumerate(_SENTENCE.findall(path.read_text(encoding="utf-8"))):
        attrs = _attrs(head)
        if attrs.get("sentence", "").lower() != "true":
            continue
        text = " ".join(re.search(r"<Text>(.*?)</Text>", body, re.S).group(1).split())  # type: ignore[union-attr]
        rec = Record(f"{n:03d}-{attrs.get('id', 'x')}", attrs.get("date", ""), text)
        for coding in re.findall(r"<EventCoding\s([^>]*)>", body):
            a = _attrs(coding)
            if "eventcode" in a:
                rec.expected.append((a.get("sourcecode", ""), a.get("targetcode", ""), a["eventcode"]))
        out.append(rec)
    return out


def main(argv: list[str] | None = None) -> int:
    import datetime as dt

    from kg.events import load_event_map
    from kg.gazetteer import load_gazetteer
    from kg.gazetteer.petrarch import read_agents
    from kg.pipeline import run_extraction
    from kg.records import Article, Modality

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dir", nargs="?", default=str(ROOT.parent / "shared" / "peer" / "petrarch2"))
    args = parser.parse_args(argv)
    base = Path(args.dir)
    actors = base / "PETR.Validate.actors.txt"
    records = read_records(base / "PETR.UnitTest.records.xml")
    agents = sorted(set(read_agents(base / "PETR.Validate.agents.txt").values()), key=len, reverse=True)
    emap = load_event_map()
    gaz = load_gazetteer(dictionaries=[actors])

    def strip(code: str) -> str:
        code = code.strip().strip('"').upper()
        changed = True
        while changed and len(code) > 3:
            changed = False
            for agent in agents:
                if code.endswith(agent) and len(code) - len(agent) >= 3:
                    code, changed = code[: -len(agent)], True
                    break
        return code

    def day(rec: Record) -> dt.date | None:
        try:
            return dt.date(int(rec.date[:4]), int(rec.date[4:6]), int(rec.date[6:8]))
        except ValueError:
            return None

    def actor_code(ident: str, when: dt.date | None) -> str | None:
        code = gaz.code_on(ident, when)
        actor = gaz.actors.get(ident)
        if code is None and actor is not None and actor.country:
            code = gaz.code_on(actor.country, when) or {s: i for i, s in gaz.iso3.items()}.get(actor.country)
        return strip(code.split("/")[0]) if code else None

    articles = [Article(r.ident, r.text, date=day(r)) for r in records]
    ex = run_extraction(articles, dictionaries=[actors])
    predicted: dict[str, set[tuple[str, str, int]]] = {r.ident: set() for r in records}
    hypothetical: dict[str, set[tuple[str, str, int]]] = {r.ident: set() for r in records}
    by_id = {r.ident: r for r in records}
    for c in ex.claims:
        if c.object_is_issue:
            continue
        when = day(by_id[c.doc])
        s, o = actor_code(c.subject_id, when), actor_code(c.object_id, when)
        if s and o:
            (hypothetical if c.modality is Modality.HYPOTHETICAL else predicted)[c.doc].add((s, o, c.polarity))

    expected: dict[str, set[tuple[str, str, int]]] = {r.ident: set() for r in records}
    intentions: dict[str, set[tuple[str, str, int]]] = {r.ident: set() for r in records}
    unscorable = Counter()
    total = 0
    for r in records:
        for src, tgt, code in r.expected:
            total += 1
            relation, polarity = emap.from_cameo(code) if code[:2].isdigit() else (None, 0)
            if relation is None:
                unscorable["CAMEO root without a relation or not CAMEO" if src.strip("-") else "null source"] += 1
                continue
            s, t = strip(src), strip(tgt)
            if not s.strip("-") or not t.strip("-"):
                unscorable["null source or target (---)"] += 1
                continue
            key = (s, t, polarity)
            expected[r.ident].add(key)
            if code.startswith("03") or _INTENT.search(r.text):
                intentions[r.ident].add(key)

    def score(gold: dict[str, set], pred: dict[str, set]) -> tuple[int, int, int]:
        tp = sum(len(gold[d] & pred[d]) for d in gold)
        return tp, sum(len(p) for p in pred.values()), sum(len(g) for g in gold.values())

    def line(name: str, tp: int, npred: int, ngold: int) -> str:
        p = tp / npred if npred else 0.0
        rc = tp / ngold if ngold else 0.0
        f = 2 * p * rc / (p + rc) if p + rc else 0.0
        return f"{name:<44} P {p:.3f}  R {rc:.3f}  F1 {f:.3f}   (tp {tp}, predicted {npred}, expected {ngold})"

    no_intent = {d: expected[d] - intentions[d] for d in expected}
    # a predicted event matching an intention is neither right nor wrong when intentions are left out
    pred_no_intent = {d: predicted[d] - intentions[d] for d in predicted}
    with_hyp = {d: predicted[d] | hypothetical[d] for d in predicted}
    n_int = sum(len(v) for v in intentions.values())
    print(f"records: {len(records)}  expected events: {total}  scorable: {sum(len(v) for v in expected.values())} "
          f"distinct  (intentions: {n_int})  not scorable: {sum(unscorable.values())}")
    for why, n in unscorable.most_common():
        print(f"    not scorable: {why}: {n}")
    print(line("kg (asserted claims), all expected", *score(expected, predicted)))
    print(line("kg (asserted claims), without intentions", *score(no_intent, pred_no_intent)))
    print(line("kg (with hypothetical claims), all expected", *score(expected, with_hyp)))

    misses: Counter[str] = Counter()
    for d, gold in expected.items():
        pred = predicted[d]
        for s, t, p in sorted(gold - pred):
            if (s, t, -p) in pred:
                why = "opposite polarity"
            elif (t, s, p) in pred:
                why = "direction reversed"
            elif (s, t, p) in hypothetical[d]:
                why = "kg kept it as hypothetical"
            elif any(x[0] == s for x in pred):
                why = "source right, target missed"
            elif any(x[1] == t for x in pred):
                why = "target right, source missed"
            elif pred or hypothetical[d]:
                why = "other claims only"
            else:
                why = "no claim between coded actors"
            misses[why] += 1
    print("misses (all expected):")
    for why, n in misses.most_common():
        print(f"    {why}: {n}")
    spurious = sum(len(predicted[d] - expected[d]) for d in predicted)
    no_events = sum(1 for r in records if not r.expected)
    print(f"spurious: {spurious} (records coded with no events: {no_events})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
