"""Extraction speed: ``kg extract`` as a whole process against a bare spaCy ``nlp.pipe`` process.

Both processes start from nothing, load the same model and go through the same article files
(COPIES copies of the seed articles, about 3,000 words each); the bare one only parses. Each round
runs the two back to back, in alternating order, and prints their ratio (bare seconds / kg seconds;
target >= 0.85: start-up, gazetteer, extraction and output add little over parsing). The median of
the rounds is the result. CPU seconds (user + system) are printed beside wall-clock ones: on a
machine shared with other work they vary less; look at the spread too.

One ``kg extract`` runs first, outside the timing, as a user's earlier command would: it fills the
on-disk cache (``kg.gazetteer.cache``); that first start is timed and printed on its own.

Run: .venv/bin/python bench/extract_speed.py [COPIES] [ROUNDS]
"""
from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KG = Path(sys.executable).parent / "kg"
BARE = """
import sys
from pathlib import Path

import spacy

texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[1]).glob("*.txt"))]
nlp = spacy.load(sys.argv[2])
for _ in nlp.pipe(texts, batch_size=16):
    pass
"""


def timed(args: list[str], cache: Path) -> tuple[float, float]:
    """Wall-clock and CPU (user + system) seconds of one whole process, with its own cache directory."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL, env={**os.environ, "KG_CACHE_DIR": str(cache)})
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> int:
    from kg.nlp import resolve_model

    copies = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    model = resolve_model()
    with tempfile.TemporaryDirectory() as tmp:
        corpus, cache = Path(tmp) / "corpus", Path(tmp) / "cache"
        corpus.mkdir()
        seeds = sorted((ROOT / "seeds").glob("*.txt"))
        for i in range(copies):
            for seed in seeds:
                shutil.copy(seed, corpus / f"{seed.stem}-{i}.txt")
        words = sum(len(p.read_text(encoding="utf-8").split()) for p in corpus.glob("*.txt"))
        bare = [sys.executable, "-c", BARE, str(corpus), model]
        full = [str(KG), "extract", str(corpus), "--model", model, "--format", "jsonl"]
        print(f"{copies * len(seeds)} articles, {words:,} words, model {model}")
        first, _ = timed([str(KG), "extract", str(seeds[0]), "--model", model], cache)
        print(f"kg extract of one article, empty cache: {first:.2f} s")
        walls, cpus = [], []
        for r in range(rounds):
            order = (bare, full) if r % 2 == 0 else (full, bare)
            seconds = {id(cmd): timed(cmd, cache) for cmd in order}
            (w_bare, c_bare), (w_full, c_full) = seconds[id(bare)], seconds[id(full)]
            walls.append(w_bare / w_full)
            cpus.append(c_bare / c_full)
            print(f"round {r + 1}: bare nlp.pipe {w_bare:5.1f} s ({words / w_bare:,.0f} words/s, CPU {c_bare:5.1f} s); "
                  f"kg extract {w_full:5.1f} s ({words / w_full:,.0f} words/s, CPU {c_full:5.1f} s); "
                  f"ratio {w_bare / w_full:.2f} wall, {c_bare / c_full:.2f} CPU")
    for what, ratios in (("wall-clock", walls), ("CPU time", cpus)):
        print(f"ratio of {what}, median of {rounds}: {statistics.median(ratios):.2f} (target >= 0.85; "
              f"range {min(ratios):.2f}-{max(ratios):.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
