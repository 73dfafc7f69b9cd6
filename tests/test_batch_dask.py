"""sitrep.batch on a real dask.distributed LocalCluster of 2 worker processes."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest
from distributed import Client
from test_batch import _Crash, crash_after, part_files, read_sorted, write_corpus

from sitrep.batch import TABLES, open_client, run_batch


@pytest.fixture(scope="module")
def client():  # noqa: ANN201
    """The cluster `sitrep batch --workers 2` starts: 2 worker processes, 1 thread each."""
    with open_client(workers=2, memory_limit=None) as c:
        yield c


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The test corpus and the output of a run in this process (the reference)."""
    root = tmp_path_factory.mktemp("batch")
    write_corpus(root / "in.jsonl", n=48)
    run_batch(root / "in.jsonl", root / "serial", partition_size=4)
    return root / "in.jsonl", root / "serial"


def _lexicon_loads(dask_worker=None) -> int:  # noqa: ARG001
    from sitrep.text.lexicon import default_lexicon

    return default_lexicon.cache_info().misses


def _worker_settings(dask_worker=None) -> tuple[int, bool]:  # noqa: ANN001
    import dask

    return dask_worker.state.nthreads, dask.config.get("distributed.worker.profile.enabled")


def _gazetteer_id(dask_worker=None) -> int:  # noqa: ARG001
    from sitrep.geo import gazetteer

    assert gazetteer._LOADED is not None, "the worker was not warmed"
    return id(gazetteer._LOADED)


def test_two_workers_give_the_single_process_result_byte_for_byte(
    client: Client, corpus: tuple[Path, Path], tmp_path: Path
) -> None:
    source, serial = corpus
    assert set(client.run(_worker_settings).values()) == {(1, False)}
    gazetteers = client.run(_gazetteer_id)  # loaded by the warm-up plugin
    summary = run_batch(source, tmp_path / "out", client=client, partition_size=4)
    assert summary.articles == 48
    for table in TABLES:
        assert read_sorted(tmp_path / "out", table).equals(read_sorted(serial, table)), table
    assert part_files(tmp_path / "out") == part_files(serial)
    # both workers did work, and each loaded the lexicon once for all its tasks
    assert set(client.run(_lexicon_loads).values()) == {1}
    assert client.run(_gazetteer_id) == gazetteers  # the same index, never loaded again


def test_resume_on_the_cluster_after_an_interrupted_run(
    client: Client, corpus: tuple[Path, Path], tmp_path: Path
) -> None:
    source, serial = corpus
    out = tmp_path / "out"
    with pytest.raises(_Crash):
        run_batch(source, out, client=client, partition_size=4, progress=crash_after(4))
    done = len(list((out / "errors").glob("part-*.parquet")))
    assert done >= 4
    summary = run_batch(source, out, client=client, partition_size=4, resume=True)
    assert summary.partitions_skipped == done
    assert part_files(out) == part_files(serial)


def test_a_worker_killed_mid_run_loses_and_duplicates_nothing(
    client: Client, corpus: tuple[Path, Path], tmp_path: Path
) -> None:
    source, serial = corpus
    pids = client.run(os.getpid)
    killed: list[int] = []
    lost: list[tuple[str, int]] = []

    def kill_a_busy_worker(p) -> None:  # noqa: ANN001
        """After the first partition is written, SIGKILL a worker that has work to lose: a task
        running, else results the client has not collected yet (tried again on each partition
        until one has)."""
        if killed or p.partitions_written < 1:
            return
        for kind, where in (("running", client.processing()), ("unwritten", client.has_what())):
            victims = [addr for addr, keys in where.items() if keys and addr in pids]
            if victims:
                killed.append(pids[victims[0]])
                lost.append((kind, len(where[victims[0]])))
                os.kill(pids[victims[0]], signal.SIGKILL)
                return

    out = tmp_path / "out"
    summary = run_batch(
        source, out, client=client, partition_size=4, in_flight=8, progress=kill_a_busy_worker
    )
    assert killed, "no worker ever had work to lose"
    assert lost[0][1] >= 1
    with pytest.raises(ProcessLookupError):
        os.kill(killed[0], 0)
    assert summary.articles == 48
    assert part_files(out) == part_files(serial)
    # the nanny restarts the killed worker; wait so the module's cluster is whole again
    client.wait_for_workers(2, timeout=60)
    deadline = time.monotonic() + 60
    while killed[0] in client.run(os.getpid).values() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert killed[0] not in client.run(os.getpid).values()
