"""Ordered parallel extraction on local processes, for a caller that is the single writer.

    for result in extract_parallel(iter_articles(paths), workers=4):
        if isinstance(result, RecordError): report(result)
        else: store.ingest(result)                       # one writer, input order

Results come back in input order, one per input item: an :class:`~sitrep.model.Extraction` for
each Article, and each :class:`~sitrep.ingest.RecordError` of the input passed through in its
place (or a new one, ``extract_input`` / ``extract_failed``, when the extractor refuses or fails
on an article).  The input is consumed lazily: at most ``max_pending`` chunks of ``chunk_size``
articles are in flight, so memory stays bounded whatever the input's length, and a consumer
that stops early stops the reading too.

Each worker process loads sitrep's lexicon and gazetteer once, when it starts, never per task.
When a worker process dies (killed, out of memory), the pool is started again and every chunk
not yet handed to the caller is extracted again: nothing is lost, nothing is yielded twice.
After ``max_restarts`` such failures in one call the run stops with :class:`BatchError`.
"""

from __future__ import annotations

import logging
import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from itertools import islice
from multiprocessing.context import BaseContext
from typing import TypeVar

from sitrep.errors import BatchError
from sitrep.ingest.records import RecordError
from sitrep.model import Article, Extraction

log = logging.getLogger(__name__)

T = TypeVar("T")
Result = Extraction | RecordError

DEFAULT_CHUNK_SIZE = 8
MAX_RESTARTS = 3


def article_source(article: Article) -> str:
    """How a RecordError names an article that failed in extraction."""
    return article.id or article.url or "<article>"


# --------------------------------------------------------------------------- worker side


def _init_worker() -> None:
    from sitrep.batch.task import warm_up

    try:
        seconds = warm_up()
        log.debug("extraction worker ready in %.2f s", seconds)
    except Exception:  # noqa: BLE001 - the same failure shows again, per article, as a RecordError
        log.warning("sitrep warm-up failed in an extraction worker", exc_info=True)


def _extract_chunk(articles: list[Article]) -> list[Result]:
    from sitrep.batch.task import extract_or_error

    return [extract_or_error(a, source=article_source(a)) for a in articles]


# --------------------------------------------------------------------------- caller side


@dataclass(slots=True)
class _Chunk:
    """Consecutive input items; ``articles`` go to a worker, errors stay here in their place."""

    tags: list
    items: list[Article | RecordError]
    future: Future | None = None

    @property
    def articles(self) -> list[Article]:
        return [x for x in self.items if not isinstance(x, RecordError)]

    def merge(self, extracted: list[Result]) -> Iterator[tuple]:
        done = iter(extracted)
        for tag, item in zip(self.tags, self.items, strict=True):
            yield tag, item if isinstance(item, RecordError) else next(done)


def _finished(future: Future | None) -> bool:
    """True when ``future`` holds a result (no future: nothing to extract)."""
    if future is None:
        return True
    return future.done() and not future.cancelled() and future.exception() is None


def default_context() -> BaseContext:
    """``forkserver`` where there is one (safe in a process with threads), else ``spawn``.

    The fork server imports sitrep once, so each worker it forks starts with the code loaded
    and only reads the lexicon and gazetteer.
    """
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods:
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["sitrep.batch.task"])
        return ctx
    return multiprocessing.get_context("spawn")


def extract_parallel_tagged(
    items: Iterable[tuple[T, Article | RecordError]],
    *,
    workers: int,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    max_pending: int | None = None,
    max_restarts: int = MAX_RESTARTS,
    mp_context: BaseContext | None = None,
) -> Iterator[tuple[T, Result]]:
    """``(tag, result)`` for each ``(tag, item)`` of ``items``, in input order.

    Tags never leave this process (any value: a line number, a path, a database row).
    ``workers`` <= 1 extracts in this process, without a pool.  ``max_pending``: chunks in
    flight (default ``2 * workers``).
    """
    if chunk_size < 1:
        raise ValueError("chunk_size must be at least 1")
    if workers <= 1:
        from sitrep.batch.task import extract_or_error

        for tag, item in items:
            if isinstance(item, RecordError):
                yield tag, item
            else:
                yield tag, extract_or_error(item, source=article_source(item))
        return
    limit = max(1, max_pending or 2 * workers)
    ctx = mp_context or default_context()
    source = iter(items)
    pending: deque[_Chunk] = deque()
    restarts = 0

    def start_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_init_worker)

    def submit(pool: ProcessPoolExecutor, chunk: _Chunk) -> None:
        articles = chunk.articles
        chunk.future = pool.submit(_extract_chunk, articles) if articles else None

    def read_chunk() -> _Chunk | None:
        batch = list(islice(source, chunk_size))
        if not batch:
            return None
        return _Chunk([t for t, _ in batch], [x for _, x in batch])

    pool = start_pool()
    try:
        exhausted = False
        while True:
            while not exhausted and len(pending) < limit:
                chunk = read_chunk()
                if chunk is None:
                    exhausted = True
                    break
                submit(pool, chunk)
                pending.append(chunk)
            if not pending:
                return
            head = pending[0]
            try:
                extracted = head.future.result() if head.future is not None else []
            except BrokenProcessPool as exc:
                restarts += 1
                if restarts > max_restarts:
                    raise BatchError(
                        f"extraction workers died {restarts} times; giving up ({exc})"
                    ) from exc
                log.warning(
                    "an extraction worker died; restarting the pool and extracting the "
                    "%d pending chunk(s) again (restart %d of %d)",
                    len(pending),
                    restarts,
                    max_restarts,
                )
                pool.shutdown(wait=True, cancel_futures=True)
                pool = start_pool()
                for chunk in pending:
                    if not _finished(chunk.future):
                        submit(pool, chunk)
                continue
            pending.popleft()
            yield from head.merge(extracted)
    finally:
        # a consumer that stops early (or an error) cancels what has not started
        pool.shutdown(wait=True, cancel_futures=True)


def extract_parallel(
    articles: Iterable[Article | RecordError],
    *,
    workers: int,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    max_pending: int | None = None,
    mp_context: BaseContext | None = None,
) -> Iterator[Result]:
    """The extraction of each article (or its RecordError), in input order; see the module."""
    for _, result in extract_parallel_tagged(
        ((None, a) for a in articles),
        workers=workers,
        chunk_size=chunk_size,
        max_pending=max_pending,
        mp_context=mp_context,
    ):
        yield result
