"""Throughput, memory and cluster speed-up on generated articles.

Generates N dated articles (default 1,000) from varied actors, verbs and sentence shapes (not
copies of the seeds). Every measurement is a whole process, and its process tree's summed resident
memory (workers included) is sampled every 0.1 s; ratios are against a baseline of the same run.

1. ``kg build`` with one process, ``-j 2`` and ``--cluster local:2``: words/s, peak RSS, speed-up.
2. The extraction stage alone (``kg.pipeline.run_extraction`` against ``kg.cluster.run_distributed``
   on ``local:2``, model loading and cluster start-up included): what a cluster parallelises.
3. Memory as the corpus grows: ``kg extract`` on N and 10 N articles (extraction streams, so the
   peak should stay flat).
4. What a cluster of 10 machines like this one would take for 1,000,000 such articles,
   extrapolated from the measured per-worker throughput and two-worker efficiency of step 2.

Needs the cluster extra (Dask brings psutil). On a machine shared with other work, compare the
ratios, not the seconds. ``--skip-build`` leaves out step 1 (the slowest).

Run: .venv/bin/python bench/scale.py [N] [--skip-build]
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


def measure(command: list[str]) -> tuple[float, int]:
    """Seconds and peak summed RSS (bytes) of ``command`` with its process tree."""
    start = time.perf_counter()
    proc = psutil.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
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
        raise SystemExit(f"{' '.join(command[:4])} failed with exit code {proc.returncode}: {proc.stderr.read().decode()[-2000:]}")
    return time.perf_counter() - start, peak


EXTRACT = """
import sys
from kg.ingest import read_articles
articles = read_articles([sys.argv[1]]).articles
if sys.argv[2] == "1":
    from kg.pipeline import run_extraction
    run_extraction(articles)
else:
    from kg.cluster import run_distributed
    run_distributed(articles, "local:" + sys.argv[2])
"""


def main() -> int:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    n = int(args[0]) if args else 1000
    with tempfile.TemporaryDirectory() as tmp:
        corpus, big = Path(tmp) / "articles.jsonl", Path(tmp) / "articles-10x.jsonl"
        records = generate(10 * n)
        corpus.write_text("".join(json.dumps(r) + "\n" for r in records[:n]), encoding="utf-8")
        big.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        words = sum(len(r["text"].split()) for r in records[:n])
        print(f"{n:,} articles, {words:,} words, {psutil.cpu_count()} CPUs, load average {psutil.getloadavg()[0]:.1f}")
        measure([str(KG), "extract", str(corpus), "--format", "jsonl"])  # the gazetteer cache, as after a first command
        if "--skip-build" not in sys.argv:
            print("kg build:")
            base = None
            for label, extra in (("1 process", []), ("-j 2", ["-j", "2"]), ("--cluster local:2", ["--cluster", "local:2"])):
                seconds, peak = measure([str(KG), "build", str(corpus), "-o", str(Path(tmp) / label.replace(" ", "_")), *extra])
                base = base or (seconds, peak)
                print(f"  {label:<18} {seconds:6.1f} s  {words / seconds:8,.0f} words/s  peak RSS {peak / 2**20:6,.0f} MiB  "
                      f"speed-up {base[0] / seconds:.2f}x  memory {peak / base[1]:.2f}x")
        print("extraction stage (run_extraction / run_distributed, model loading and cluster start-up included):")
        one, _ = measure([sys.executable, "-c", EXTRACT, str(corpus), "1"])
        two, _ = measure([sys.executable, "-c", EXTRACT, str(corpus), "2"])
        print(f"  1 process          {one:6.1f} s  {words / one:8,.0f} words/s")
        print(f"  local:2            {two:6.1f} s  {words / two:8,.0f} words/s  speed-up {one / two:.2f}x")
        print("memory as the corpus grows (kg extract, one process):")
        small_s, small_peak = measure([str(KG), "extract", str(corpus), "--format", "jsonl"])
        big_s, big_peak = measure([str(KG), "extract", str(big), "--format", "jsonl"])
        print(f"  {n:>7,} articles  {small_s:6.1f} s  peak RSS {small_peak / 2**20:6,.0f} MiB")
        print(f"  {10 * n:>7,} articles  {big_s:6.1f} s  peak RSS {big_peak / 2**20:6,.0f} MiB  "
              f"memory {big_peak / small_peak:.2f}x for 10x the articles")
    per_article = one / n  # one worker, start-up included: an upper bound
    efficiency = one / two / 2
    print("1,000,000 such articles, extrapolated from the extraction stage (graph loading not included):")
    for machines in (1, 10):
        workers = machines * 2
        hours = 1_000_000 * per_article / (workers * efficiency) / 3600
        print(f"  {machines:>2} machine(s) x 2 workers  {hours:6.1f} h  ({workers / per_article * efficiency:,.0f} articles/s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
