"""Batch extraction of a large JSONL corpus on Dask distributed, into partitioned Parquet.

    from sitrep.batch import open_client, run_batch
    with open_client(workers=4) as client:
        summary = run_batch("corpus.jsonl", "out/", client=client)

Needs the ``dask`` extra (``dask[distributed]``, ``pyarrow``).  See docs/scale.md.
"""

from __future__ import annotations

from sitrep.batch.output import BatchError
from sitrep.batch.rows import SCHEMAS, TABLES, incident_counts
from sitrep.batch.run import (
    BatchProgress,
    BatchSummary,
    open_client,
    prepare_client,
    run_batch,
)

__all__ = [
    "SCHEMAS",
    "TABLES",
    "BatchError",
    "BatchProgress",
    "BatchSummary",
    "incident_counts",
    "open_client",
    "prepare_client",
    "run_batch",
]
