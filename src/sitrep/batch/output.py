"""The output folder: one sub-folder per table, one Parquet file per partition, a manifest.

    DIR/_batch.json                     what the run read and how it was cut
    DIR/articles/part-00000.parquet     ...
    DIR/incidents/part-00000.parquet
    DIR/figures/part-00000.parquet
    DIR/errors/part-00000.parquet

Each file is written to ``.part-NNNNN.parquet.tmp`` in the same folder, flushed to disk and
renamed over its final name, so a reader never sees half a file.  A partition is finished when
all four of its files exist; ``errors`` is written last.  A crash between renames leaves the
partition unfinished and a resumed run writes it again (same bytes, same names: no duplicates).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from sitrep.batch.rows import TABLES
from sitrep.errors import BatchError, SitrepError  # noqa: F401 - BatchError re-exported

MANIFEST = "_batch.json"
FORMAT = 1


def part_path(out: Path, table: str, index: int) -> Path:
    return out / table / f"part-{index:05d}.parquet"


def is_done(out: Path, index: int) -> bool:
    return all(part_path(out, table, index).exists() for table in TABLES)


def done_partitions(out: Path) -> set[int]:
    """Indexes of the partitions whose four files all exist."""
    found: list[set[int]] = []
    for table in TABLES:
        folder = out / table
        names = folder.glob("part-*.parquet") if folder.is_dir() else []
        found.append({int(p.stem.split("-")[1]) for p in names})
    return set.intersection(*found) if found else set()


def _atomic_write(table: pa.Table, path: Path) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "wb") as fh:
        pq.write_table(table, fh, compression="zstd")
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def write_partition(out: Path, index: int, tables: dict[str, pa.Table]) -> None:
    """Write one partition's four tables atomically, ``errors`` last (it marks completion)."""
    for table in TABLES:
        _atomic_write(tables[table], part_path(out, table, index))


def _manifest(input_path: Path, partition_size: int) -> dict[str, Any]:
    st = input_path.stat()
    return {
        "format": FORMAT,
        "input": str(input_path.resolve()),
        "input_bytes": st.st_size,
        "partition_size": partition_size,
    }


def prepare(out: Path, *, input_path: Path, partition_size: int, resume: bool) -> set[int]:
    """Create or check the output folder; the partitions already finished (empty unless resuming).

    Without ``resume`` the folder must not hold partitions yet.  With ``resume`` the manifest
    must match the input file and partition size, else the partitions would not line up.
    """
    out.mkdir(parents=True, exist_ok=True)
    manifest_path = out / MANIFEST
    expected = _manifest(input_path, partition_size)
    for table in TABLES:
        (out / table).mkdir(exist_ok=True)
        for stale in (out / table).glob(".part-*.parquet.tmp"):
            stale.unlink()
    done = done_partitions(out)
    has_parts = any(any((out / t).glob("part-*.parquet")) for t in TABLES)
    if not resume:
        if has_parts or manifest_path.exists():
            raise BatchError(f"{out} already holds a batch output; use --resume or a new folder")
    elif manifest_path.exists():
        found = json.loads(manifest_path.read_text(encoding="utf-8"))
        for key in ("format", "input_bytes", "partition_size"):
            if found.get(key) != expected[key]:
                raise BatchError(
                    f"cannot resume into {out}: {key} was {found.get(key)!r}, now {expected[key]!r}"
                )
    elif has_parts:
        raise BatchError(f"cannot resume into {out}: no {MANIFEST} beside its partitions")
    tmp = manifest_path.with_name(f".{MANIFEST}.tmp")
    tmp.write_text(json.dumps(expected, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    os.replace(tmp, manifest_path)
    return done
