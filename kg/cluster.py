"""Parsing and extraction on Dask distributed: a LocalCluster of N workers, or an existing scheduler.

Extraction is per article, so the articles go out in batches (in input order); each worker
loads the spaCy pipeline once, when it joins (:class:`ModelPlugin`; :func:`kg.nlp.load_nlp` is
cached per process), parses and extracts its batches with :func:`kg.pipeline.run_extraction`, and
returns the claims. The batches' results are merged in input order, so a build on a cluster is
the same as a single-process build.

Workers of an existing scheduler (``dask scheduler`` / ``dask worker``, Kubernetes, SLURM via
dask-jobqueue...) need kg and its model installed, in the same version as the client.
Dask is optional: ``pip install 'kg[cluster]'``.
"""
from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable, Iterator, Sized
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.errors import KGError

try:
    from distributed.diagnostics.plugin import WorkerPlugin as _PluginBase
except ImportError:  # Dask is optional: run_distributed says how to install it
    _PluginBase = object  # type: ignore[misc,assignment]

if TYPE_CHECKING:
    from kg.pipeline import Extraction
    from kg.records import Article

__all__ = ["parse_cluster", "ModelPlugin", "run_distributed", "batches", "BATCH_SIZE", "IN_FLIGHT"]

BATCH_SIZE = 16  # articles per task: large enough to keep nlp.pipe batching, small enough to balance
IN_FLIGHT = 3  # tasks per worker submitted at a time: one running, the next ones queued on the worker
_LOCAL = re.compile(r"local:(\d+)")
_REMOTE = re.compile(r"tcp://[^\s:/]+:\d+")


def parse_cluster(spec: str) -> str | int:
    """The number of local workers (``local:N``) or the scheduler's address (``tcp://HOST:PORT``).

    >>> parse_cluster("local:2"), parse_cluster("tcp://10.0.0.5:8786")
    (2, 'tcp://10.0.0.5:8786')

    Raises:
        KGError: anything else, or ``local:0``.
    """
    local = _LOCAL.fullmatch(spec.strip())
    if local and int(local.group(1)) > 0:
        return int(local.group(1))
    if _REMOTE.fullmatch(spec.strip()):
        return spec.strip()
    raise KGError(f"--cluster {spec!r}: use local:N (N workers on this machine) or tcp://HOST:PORT (a Dask scheduler)")


def _distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise KGError("--cluster needs Dask distributed: pip install 'kg[cluster]'") from None
    return distributed


def batches(articles: Iterable[Article], size: int = BATCH_SIZE) -> Iterator[list[Article]]:
    """Consecutive batches of ``size`` articles, in input order.

    >>> [len(b) for b in batches(range(5), 2)]
    [2, 2, 1]
    """
    batch: list = []
    for article in articles:
        batch.append(article)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


class ModelPlugin(_PluginBase):
    """A Dask worker plugin that loads the spaCy pipeline, gazetteer and lexicon once per worker."""

    name = "kg-model"

    def __init__(self, model: str | None = None) -> None:
        self.model = model

    def setup(self, worker: Any) -> None:
        from kg.gazetteer import load_gazetteer
        from kg.lexicon import load_lexicon
        from kg.nlp import load_nlp

        load_gazetteer()
        load_lexicon()
        load_nlp(self.model)

    def teardown(self, worker: Any) -> None:
        """Nothing to release: the pipeline goes with the worker's process."""


def _extract_batch(batch: list[Article], model: str | None, dictionaries: tuple[str, ...] = ()) -> Extraction:
    from kg.pipeline import run_extraction

    return run_extraction(batch, model=model, dictionaries=dictionaries)


def _client(distributed: Any, target: str | int) -> Any:
    if isinstance(target, int):
        cluster = distributed.LocalCluster(n_workers=target, threads_per_worker=1, processes=True,
                                           dashboard_address=None)
        return distributed.Client(cluster)
    try:
        return distributed.Client(target, timeout=10)
    except (OSError, TimeoutError) as exc:
        raise KGError(f"no Dask scheduler answers at {target} ({exc.__class__.__name__}); "
                      "start one with `dask scheduler` and `dask worker`, or check the address") from exc


def run_distributed(articles: Iterable[Article], cluster: str, model: str | None = None, batch_size: int | None = None,
                    progress: Callable[[int], None] | None = None, dictionaries: Iterable[str | Path] = ()) -> Extraction:
    """Parse and extract ``articles`` on a Dask cluster (``local:N`` or ``tcp://HOST:PORT``).

    Returns the same :class:`kg.pipeline.Extraction` as :func:`kg.pipeline.run_extraction` would.
    ``articles`` is consumed as a stream: batches are submitted as earlier ones finish, at most
    ``IN_FLIGHT`` per worker at a time, so neither the client nor the scheduler holds the corpus.

    Args:
        batch_size: articles per task; by default at most ``BATCH_SIZE``, fewer when that gives
            every worker at least two tasks (when the number of articles is known).

    Raises:
        KGError: a malformed cluster spec, Dask not installed, or no scheduler at the address.
    """
    from kg.pipeline import Extraction, claim_order

    target = parse_cluster(cluster)
    distributed = _distributed()
    started = time.perf_counter()
    client = _client(distributed, target)
    parts: dict[int, Extraction] = {}
    try:
        workers = max(1, sum(client.nthreads().values()))
        size = batch_size or (max(1, min(BATCH_SIZE, -(-len(articles) // (2 * workers)))) if isinstance(articles, Sized)
                              else BATCH_SIZE)
        client.register_plugin(ModelPlugin(model), name=ModelPlugin.name)
        work = enumerate(batches(articles, size))
        names = tuple(str(d) for d in dictionaries)
        index: dict[str, int] = {}  # future key -> batch number
        running = distributed.as_completed(with_results=True)

        def submit() -> bool:
            item = next(work, None)
            if item is None:
                return False
            future = client.submit(_extract_batch, item[1], model, names, pure=False)
            index[future.key] = item[0]
            running.add(future)
            return True

        for _ in range(IN_FLIGHT * workers):
            if not submit():
                break
        for future, part in running:
            parts[index.pop(future.key)] = part
            submit()
            if progress:
                progress(len(part.articles))
    finally:
        cluster_obj = client.cluster
        client.close()
        if isinstance(target, int) and cluster_obj is not None:
            cluster_obj.close()
    out = Extraction()
    for i in range(len(parts)):
        part = parts[i]  # every submitted batch has reported
        out.articles.extend(part.articles)
        out.claims.extend(part.claims)
        for ident, actor in part.actors.items():
            out.actors.setdefault(ident, actor)  # the first article to name an actor wins, as in one process
        out.spun.update(part.spun)
        out.sentences += part.sentences
    out.claims.sort(key=claim_order)
    out.seconds = time.perf_counter() - started
    return out
