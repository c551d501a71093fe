"""Extraction speed: bare spaCy ``nlp.pipe`` against the full pipeline over the same text.

Prints words per second for both, their ratio (target >= 0.85: the pipeline adds little over
parsing), and the speed-up of the full pipeline with two processes.

Run: .venv/bin/python bench/extract_speed.py [COPIES]
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    import spacy

    from kg.ingest import read_articles
    from kg.nlp import resolve_model
    from kg.pipeline import run_extraction
    from kg.records import Article

    copies = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    seeds = read_articles([ROOT / "seeds"]).articles
    articles = [Article(f"{a.id}-{i}", a.text) for i in range(copies) for a in seeds]
    words = sum(len(a.text.split()) for a in articles)

    bare = spacy.load(resolve_model())
    start = time.perf_counter()
    for _ in bare.pipe((a.text for a in articles), batch_size=16):
        pass
    t_bare = time.perf_counter() - start

    run_extraction(articles[:1])  # load the pipeline and gazetteer outside the timing
    start = time.perf_counter()
    run_extraction(articles)
    t_full = time.perf_counter() - start

    start = time.perf_counter()
    run_extraction(articles, n_process=2)
    t_two = time.perf_counter() - start

    print(f"{len(articles)} articles, {words} words")
    print(f"bare nlp.pipe: {words / t_bare:,.0f} words/s; full pipeline: {words / t_full:,.0f} words/s; "
          f"ratio {t_bare / t_full:.2f} (target >= 0.85)")
    print(f"full pipeline with 2 processes: {words / t_two:,.0f} words/s; speed-up {t_full / t_two:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
