"""Batch extraction: a large JSONL corpus on Dask distributed into partitioned Parquet, and
ordered parallel extraction on local processes for a single writer (the store).

    from sitrep.batch import open_client, run_batch
    with open_client(workers=4) as client:
        summary = run_batch("corpus.jsonl", "out/", client=client)

    from sitrep.batch import extract_parallel
    for result in extract_parallel(articles, workers=4):   # input order, Extraction|RecordError
        ...

``run_batch`` needs the ``dask`` extra (``dask[distributed]``, ``pyarrow``); ``extract_parallel``
needs nothing beyond sitrep.  See docs/scale.md.

Names are imported on first use, so ``import sitrep.batch.cli`` (the CLI's look-up) stays cheap
and works without the extra installed.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from sitrep.batch.parallel import extract_parallel, extract_parallel_tagged
    from sitrep.batch.rows import SCHEMAS, TABLES, incident_counts
    from sitrep.batch.run import (
        BatchProgress,
        BatchSummary,
        open_client,
        prepare_client,
        run_batch,
    )
    from sitrep.errors import BatchError

_WHERE = {
    "BatchError": "sitrep.errors",
    "SCHEMAS": "sitrep.batch.rows",
    "TABLES": "sitrep.batch.rows",
    "incident_counts": "sitrep.batch.rows",
    "BatchProgress": "sitrep.batch.run",
    "BatchSummary": "sitrep.batch.run",
    "open_client": "sitrep.batch.run",
    "prepare_client": "sitrep.batch.run",
    "run_batch": "sitrep.batch.run",
    "extract_parallel": "sitrep.batch.parallel",
    "extract_parallel_tagged": "sitrep.batch.parallel",
}

__all__ = [
    "SCHEMAS",
    "TABLES",
    "BatchError",
    "BatchProgress",
    "BatchSummary",
    "extract_parallel",
    "extract_parallel_tagged",
    "incident_counts",
    "open_client",
    "prepare_client",
    "run_batch",
]


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module 'sitrep.batch' has no attribute {name!r}")
    value = getattr(importlib.import_module(_WHERE[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_WHERE))
