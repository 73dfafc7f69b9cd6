"""sitrep.batch.extract_parallel: ordered extraction on a local process pool, one writer."""

from __future__ import annotations

import io
import itertools
import os
import signal
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest
from test_batch import write_corpus

from sitrep.batch import extract_parallel, extract_parallel_tagged
from sitrep.ingest import RecordError, iter_jsonl
from sitrep.model import Article, Extraction


def _items(tmp_path: Path, n: int = 30) -> list[Article | RecordError]:
    write_corpus(tmp_path / "in.jsonl", n=n)
    with open(tmp_path / "in.jsonl", "rb") as fh:
        items = list(iter_jsonl(io.BytesIO(fh.read()), source="in.jsonl"))
    # an article the extractor refuses, in the middle
    items.insert(7, Article(text="bad\x00text", id="nul"))
    return items


def _plain(results: list) -> list:
    return [r.to_dict() if isinstance(r, Extraction) else r for r in results]


def test_results_come_in_input_order_and_equal_the_single_process_run(tmp_path: Path) -> None:
    items = _items(tmp_path)
    serial = list(extract_parallel(items, workers=0))
    parallel = list(extract_parallel(items, workers=2, chunk_size=3))
    assert len(parallel) == len(serial) == len(items)
    assert _plain(parallel) == _plain(serial)
    for item, result in zip(items, parallel, strict=True):
        if isinstance(item, RecordError):
            assert result == item  # passed through, in its place
        elif item.id == "nul":
            assert isinstance(result, RecordError) and result.code == "extract_input"
            assert result.source == "nul"
        else:
            assert isinstance(result, Extraction) and result.article.id == item.id
    assert any(isinstance(i, RecordError) for i in items)


def test_the_input_is_read_lazily_and_an_early_stop_ends_the_pool() -> None:
    read: list[int] = []

    def endless() -> Iterator[tuple[int, Article]]:
        for i in itertools.count():
            read.append(i)
            yield i, Article(text=f"Gunmen killed {i + 2} policemen in Quetta.", id=str(i))

    tagged = extract_parallel_tagged(endless(), workers=2, chunk_size=2, max_pending=3)
    first = list(itertools.islice(tagged, 5))
    assert [tag for tag, _ in first] == [0, 1, 2, 3, 4]
    assert len(read) <= 5 + 3 * 2 + 2  # what was yielded, plus the chunks in flight
    tagged.close()


def _pool_workers() -> list[psutil.Process]:
    """The pool's worker processes: children of the fork server (a child of this process)."""
    me = psutil.Process()
    return [w for server in me.children() for w in server.children()]


def test_a_worker_killed_mid_run_loses_and_duplicates_nothing(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    items = _items(tmp_path, n=24)
    serial = list(extract_parallel(items, workers=0))
    killed: list[int] = []
    results = []
    for i, result in enumerate(extract_parallel(items, workers=2, chunk_size=2, max_pending=4)):
        results.append(result)
        if i == 2 and not killed:
            # every child of the fork server: the fork server outlives a pool, so a worker of
            # an earlier test's pool may still be there; killing only the first one found could
            # miss this pool (seen in a full CI run), killing all cannot
            workers = _pool_workers()
            assert workers, "no pool worker found to kill"
            for worker in workers:
                killed.append(worker.pid)
                os.kill(worker.pid, signal.SIGKILL)
    assert killed
    assert "an extraction worker died" in caplog.text  # the pool noticed, and restarted
    for pid in killed:
        assert not psutil.pid_exists(pid) or psutil.Process(pid).status() == "zombie"
    assert _plain(results) == _plain(serial)


def test_chunk_size_must_be_positive() -> None:
    with pytest.raises(ValueError, match="chunk_size"):
        list(extract_parallel([], workers=2, chunk_size=0))
