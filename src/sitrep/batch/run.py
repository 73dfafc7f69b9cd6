"""Run a batch: stream partitions of a JSONL file to Dask workers, write what comes back.

The client (this process) reads the input one partition at a time and keeps only a bounded
number of partitions in flight; the workers extract and return Arrow tables; the client writes
each partition atomically as it arrives (workers need no shared file system).  Without a Dask
client the same function runs every partition in this process, one after another.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sitrep.batch.output import BatchError, prepare, write_partition
from sitrep.batch.partitions import check_input, iter_partitions
from sitrep.batch.task import PartitionResult, process_partition, warm_up

if TYPE_CHECKING:  # pragma: no cover
    from distributed import Client

log = logging.getLogger(__name__)

DEFAULT_PARTITION_SIZE = 2000

# Dask settings for the workers of a local cluster (docs/scale.md gives the same for
# `dask worker` as environment variables)
WORKER_CONFIG = {"distributed.worker.profile.enabled": False}


@dataclass(slots=True)
class BatchProgress:
    """The state of a run after each finished partition (for a progress display)."""

    partitions_written: int
    partitions_skipped: int
    articles: int
    incidents: int
    figures: int
    errors: int
    fraction_read: float  # of the input's bytes handed out so far
    elapsed: float

    @property
    def articles_per_second(self) -> float:
        return self.articles / self.elapsed if self.elapsed > 0 else 0.0


@dataclass(slots=True)
class BatchSummary:
    """What a run did: counts cover the partitions written by this run (not skipped ones)."""

    partitions_written: int
    partitions_skipped: int
    articles: int
    incidents: int
    figures: int
    errors: int
    seconds: float

    @property
    def articles_per_second(self) -> float:
        return self.articles / self.seconds if self.seconds > 0 else 0.0


class _Tally:
    def __init__(self, total_bytes: int, skipped: int) -> None:
        self.started = time.perf_counter()
        self.total_bytes = max(total_bytes, 1)
        self.read = 0
        self.written = 0
        self.skipped = skipped
        self.articles = self.incidents = self.figures = self.errors = 0

    def add(self, result: PartitionResult) -> None:
        self.written += 1
        self.articles += result.articles
        self.incidents += result.incidents
        self.figures += result.figures
        self.errors += result.errors

    def progress(self) -> BatchProgress:
        return BatchProgress(
            self.written,
            self.skipped,
            self.articles,
            self.incidents,
            self.figures,
            self.errors,
            min(self.read / self.total_bytes, 1.0),
            time.perf_counter() - self.started,
        )

    def summary(self) -> BatchSummary:
        return BatchSummary(
            self.written,
            self.skipped,
            self.articles,
            self.incidents,
            self.figures,
            self.errors,
            time.perf_counter() - self.started,
        )


def run_batch(
    input_path: Path | str,
    out: Path | str,
    *,
    client: Client | None = None,
    partition_size: int = DEFAULT_PARTITION_SIZE,
    resume: bool = False,
    in_flight: int | None = None,
    progress: Callable[[BatchProgress], None] | None = None,
) -> BatchSummary:
    """Extract every record of the JSONL file ``input_path`` into partitioned Parquet in ``out``.

    ``client``: a ``distributed.Client`` to run partitions on (None: in this process).
    ``resume``: skip partitions a previous run into ``out`` finished.  ``in_flight``: how many
    partitions may be submitted and not yet written (default twice the cluster's threads).
    Raises :class:`BatchError` when the output folder does not fit the run or a partition
    fails on every retry (finished partitions stay written: run again with ``resume``).
    """
    input_path, out = Path(input_path), Path(out)
    check_input(input_path)
    done = prepare(out, input_path=input_path, partition_size=partition_size, resume=resume)
    tally = _Tally(input_path.stat().st_size, 0)
    source_name = input_path.name

    def todo() -> Iterator:
        for part in iter_partitions(input_path, size=partition_size):
            tally.read = part.end_offset
            if part.index in done:
                tally.skipped += 1
                continue
            yield part

    def finish(result: PartitionResult) -> None:
        write_partition(out, result.index, result.tables)
        tally.add(result)
        log.debug(
            "partition %d: %d articles in %.2fs", result.index, result.articles, result.seconds
        )
        if progress is not None:
            progress(tally.progress())

    if client is None:
        for part in todo():
            finish(process_partition(part, source_name=source_name))
    else:
        _run_distributed(client, todo(), finish, source_name=source_name, in_flight=in_flight)
    summary = tally.summary()
    log.info(
        "batch done: %d partitions written, %d skipped, %d articles, %d errors, %.1f articles/s",
        summary.partitions_written,
        summary.partitions_skipped,
        summary.articles,
        summary.errors,
        summary.articles_per_second,
    )
    return summary


def _run_distributed(
    client: Client,
    parts: Iterator,
    finish: Callable[[PartitionResult], None],
    *,
    source_name: str,
    in_flight: int | None,
) -> None:
    from dask.base import tokenize
    from distributed import as_completed

    limit = in_flight or max(2, 2 * sum(client.nthreads().values()))
    run_token = tokenize(source_name, time.time_ns())
    pending = as_completed()
    submitted: list = []

    def collect_one() -> None:
        future = next(pending)
        try:
            result = future.result()
        except Exception as exc:
            raise BatchError(f"a partition failed: {type(exc).__name__}: {exc}") from exc
        submitted.remove(future)
        finish(result)

    try:
        for part in parts:
            future = client.submit(
                process_partition,
                part,
                source_name=source_name,
                key=f"sitrep-batch-{run_token}-{part.name}",
                pure=False,
            )
            submitted.append(future)
            pending.add(future)
            while len(submitted) >= limit:
                collect_one()
        while submitted:
            collect_one()
    except BaseException:
        client.cancel(submitted)  # interrupted: finished partitions stay written
        raise


# --------------------------------------------------------------------------- clusters


def _warm_worker(dask_worker=None) -> float:  # noqa: ARG001 - called by client.run
    try:
        return warm_up()
    except Exception:  # noqa: BLE001 - a failing warm-up shows again, per record, in the run
        log.warning("sitrep warm-up failed on a worker", exc_info=True)
        return -1.0


def _plugin():
    from distributed.diagnostics.plugin import WorkerPlugin

    class SitrepWarmUp(WorkerPlugin):
        """Import sitrep and load its lexicon and gazetteer when a worker starts (or restarts)."""

        name = "sitrep-warm-up"

        def setup(self, worker) -> None:  # noqa: ANN001
            _warm_worker()

    return SitrepWarmUp()


def prepare_client(client: Client) -> dict[str, float]:
    """Warm every worker of ``client`` (and every worker that joins later); seconds per worker."""
    client.register_plugin(_plugin())
    return client.run(_warm_worker)


@contextlib.contextmanager
def open_client(
    *, address: str | None = None, workers: int | None = None, memory_limit: str | None = "auto"
) -> Iterator[Client]:
    """A warmed Client: to the scheduler at ``address``, or a LocalCluster of ``workers``
    processes with one thread each."""
    from distributed import Client, LocalCluster

    if address:
        client = Client(address)
        try:
            prepare_client(client)
            yield client
        finally:
            client.close()
        return
    if not workers or workers < 1:
        raise BatchError("give a scheduler address or a number of workers (at least 1)")
    import dask

    # the workers' statistical profiler (for the dashboard) samples the running thread every
    # 10 ms; on pure-Python extraction it costs a few percent of each core
    with dask.config.set(WORKER_CONFIG):
        cluster = LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            memory_limit=memory_limit,
        )
    try:
        with Client(cluster) as client:
            prepare_client(client)
            yield client
    finally:
        cluster.close()
