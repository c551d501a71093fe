"""Parsing and extraction on a real Dask cluster give the same graph and claims as one process."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib.compare import graph_diff, to_isomorphic
from typer.testing import CliRunner

from kg.cli import app
from kg.cluster import IN_FLIGHT, batches, parse_cluster
from kg.errors import KGError
from kg.records import Article

distributed = pytest.importorskip("distributed")  # the cluster extra; the test extra installs it

CORPUS = Path(__file__).resolve().parent / "data" / "timeline"
runner = CliRunner()


@pytest.fixture(scope="module")
def single(tmp_path_factory: pytest.TempPathFactory):
    from kg.pipeline import build

    return build([CORPUS], tmp_path_factory.mktemp("single"))


def _diff(a, b) -> str:
    _, only_a, only_b = graph_diff(to_isomorphic(a), to_isomorphic(b))
    return "\n".join([f"- {t}" for t in sorted(only_a)][:10] + [f"+ {t}" for t in sorted(only_b)][:10])


def test_build_on_a_local_cluster_equals_a_single_process_build(single, tmp_path) -> None:
    from kg.graph import load_graph
    from kg.pipeline import build

    done: list[int] = []
    result = build([CORPUS], tmp_path / "out", cluster="local:2", progress=done.append)
    assert sum(done) == 14 and len(done) > 1  # several batches reported as they finished
    one, many = load_graph(single.graph_path), load_graph(result.graph_path)
    assert to_isomorphic(one) == to_isomorphic(many), _diff(one, many)
    assert result.claims_path.read_bytes() == single.claims_path.read_bytes()
    assert result.extraction.claims == single.extraction.claims
    assert result.extraction.articles == single.extraction.articles
    assert result.extraction.actors == single.extraction.actors
    assert result.extraction.sentences == single.extraction.sentences


def test_workers_of_a_scheduler_load_the_model_once_and_share_the_batches(single) -> None:
    from kg.cluster import run_distributed
    from kg.ingest import read_articles

    def model_loads() -> tuple[int, int]:
        from kg.nlp import _load_nlp  # the cache behind load_nlp, keyed by model and dictionaries

        info = _load_nlp.cache_info()
        return info.misses, info.hits

    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        address = cluster.scheduler_address
        assert address.startswith("tcp://")
        ex = run_distributed(read_articles([CORPUS]).articles, address, batch_size=3)
        with distributed.Client(address) as client:
            loads = client.run(model_loads)
        read: list[str] = []
        ahead: list[int] = []  # articles read but not yet extracted, at each finished batch

        def stream() -> Iterator[Article]:
            for article in read_articles([CORPUS]).articles:
                read.append(article.id)
                yield article

        done = 0

        def finished(n: int) -> None:
            nonlocal done
            done += n
            ahead.append(len(read) - done)

        streamed = run_distributed(stream(), address, batch_size=1, progress=finished)
    assert ex.claims == single.extraction.claims and ex.spun == single.extraction.spun
    assert len(loads) == 2
    assert all(misses == 1 for misses, _ in loads.values()), loads  # loaded once per worker, by the plugin
    assert sum(hits for _, hits in loads.values()) == 5  # 14 articles in batches of 3
    assert all(hits > 0 for _, hits in loads.values()), loads  # both workers took batches
    assert streamed.claims == single.extraction.claims and streamed.articles == single.extraction.articles
    assert max(ahead) <= IN_FLIGHT * 2, ahead  # batches go out as others finish: not all 14 articles at once


@pytest.mark.parametrize("spec", ["local:0", "local:two", "local", "tcp://host", "http://host:8786", "tcp://a b:1"])
def test_malformed_cluster_specs_are_refused(spec: str) -> None:
    with pytest.raises(KGError, match="use local:N"):
        parse_cluster(spec)


def test_cli_refuses_cluster_with_processes_and_bad_specs(tmp_path) -> None:
    result = runner.invoke(app, ["build", str(CORPUS), "-o", str(tmp_path / "o"), "--cluster", "local:2", "-j", "2"])
    assert result.exit_code == 1 and result.output == "error: --cluster and -j are alternatives; give one\n"
    result = runner.invoke(app, ["build", str(CORPUS), "-o", str(tmp_path / "o"), "--cluster", "locale:2"])
    assert result.exit_code == 1 and result.output.startswith("error: --cluster 'locale:2': use local:N")
    assert not (tmp_path / "o").exists()


def test_batches_keep_input_order() -> None:
    assert list(batches(range(7), 3)) == [[0, 1, 2], [3, 4, 5], [6]]
    assert list(batches([], 3)) == []
