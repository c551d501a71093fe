"""Build throughput and memory: one process, ``-j 2`` and ``--cluster local:2`` on generated articles.

Generates N dated articles (default 1,000) from varied actors, verbs and sentence shapes (not
copies of the seeds), then times ``kg build`` as a whole process for each mode and samples the
summed resident memory of its process tree (workers included) every 0.1 s. Prints words/s, peak
RSS and the ratios against one process. Needs the cluster extra (Dask brings psutil).

Run: .venv/bin/python bench/scale.py [N]
"""
from __future__ import annotations

import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
KG = Path(sys.executable).parent / "kg"

STATES = ["France", "Germany", "Japan", "Brazil", "India", "Turkey", "Egypt", "Kenya", "Chile", "Poland", "Canada",
          "Mexico", "Nigeria", "Vietnam", "Indonesia", "Spain", "Italy", "Norway", "Ghana", "Peru"]
PEOPLE = ["Mira Kestel", "Tomas Varga", "Lena Ostrova", "Paul Dremmel", "Ines Harlow", "Jonas Pereth", "Dana Quill",
          "Omar Veldt", "Sara Lintz", "Ravi Moller"]
POSITIVE = ["praised", "supported", "met", "thanked", "backed"]
NEGATIVE = ["criticized", "condemned", "accused", "threatened", "opposed"]
SHAPES = [
    "{a} {verb} {b} on {day}.",
    "On {day}, {a} {verb} {b} over the {topic}.",
    "Officials said {a} {verb} {b} after talks on the {topic}.",
    "{a} {verb} {b}, according to a statement released on {day}.",
    "The {topic} dominated the week as {a} {verb} {b}.",
]
TOPICS = ["trade deal", "border dispute", "fishing rights", "energy plan", "water treaty", "port project", "election"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def generate(n: int, seed: int = 11) -> list[dict]:
    rng = random.Random(seed)
    actors = STATES + PEOPLE
    out = []
    for i in range(n):
        sentences = []
        for _ in range(rng.randint(3, 6)):
            a, b = rng.sample(actors, 2)
            verb = rng.choice(POSITIVE if rng.random() < 0.5 else NEGATIVE)
            sentences.append(rng.choice(SHAPES).format(a=a, b=b, verb=verb, day=rng.choice(DAYS), topic=rng.choice(TOPICS)))
        date = f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}"
        out.append({"id": f"gen-{i:05d}", "date": date, "text": " ".join(sentences)})
    return out


def run(args: list[str]) -> tuple[float, int]:
    """Seconds and peak summed RSS (bytes) of ``kg build`` with its process tree."""
    start = time.perf_counter()
    proc = psutil.Popen([str(KG), "build", *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0
    while proc.poll() is None:
        total = 0
        for p in [proc, *proc.children(recursive=True)]:
            try:
                total += p.memory_info().rss
            except psutil.Error:  # a worker that just exited
                continue
        peak = max(peak, total)
        time.sleep(0.1)
    if proc.returncode:
        raise SystemExit(f"kg build {' '.join(args)} failed with exit code {proc.returncode}")
    return time.perf_counter() - start, peak


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "articles.jsonl"
        records = generate(n)
        corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        words = sum(len(r["text"].split()) for r in records)
        print(f"{n} articles, {words:,} words, {psutil.cpu_count()} CPUs")
        base = None
        for label, extra in (("1 process", []), ("-j 2", ["-j", "2"]), ("--cluster local:2", ["--cluster", "local:2"])):
            seconds, peak = run([str(corpus), "-o", str(Path(tmp) / label.replace(" ", "_")), *extra])
            base = base or (seconds, peak)
            print(f"{label:<18} {seconds:6.1f} s  {words / seconds:8,.0f} words/s  peak RSS {peak / 2**20:6,.0f} MiB  "
                  f"speed-up {base[0] / seconds:.2f}x  memory {peak / base[1]:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
