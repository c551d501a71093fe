"""run_extraction streams its input: a corpus is never held in memory all at once."""
from __future__ import annotations

from collections.abc import Iterator

from kg.pipeline import run_extraction
from kg.records import Article

SENTENCES = ["France criticized Germany over the trade deal.", "Japan praised India on Monday.",
             "Officials said Brazil opposed Chile after talks on the border dispute."]


def test_articles_are_read_as_they_are_parsed_and_kept_without_text(nlp) -> None:
    read: list[int] = []
    ahead: list[int] = []  # articles read but not yet extracted, at each extracted article

    def corpus() -> Iterator[Article]:
        for i in range(120):
            read.append(i)
            yield Article(f"a{i:03d}", " ".join(SENTENCES[j % 3] for j in range(i, i + 3)))

    done = 0

    def progress(n: int) -> None:
        nonlocal done
        done += n
        ahead.append(len(read) - done)

    ex = run_extraction(corpus(), batch_size=4, progress=progress)
    assert done == len(read) == 120 and len(ex.claims) >= 120
    assert max(ahead) <= 16, ahead  # a few batches of 4, not the corpus
    assert [a.id for a in ex.articles] == [f"a{i:03d}" for i in range(120)]
    assert all(a.text == "" for a in ex.articles)
    assert ex.claims[0].evidence == SENTENCES[0]  # the claims keep their evidence
