"""Cut a JSONL file into partitions of consecutive lines, streaming (never read whole).

Partition ``i`` holds physical lines ``i * size + 1 .. (i + 1) * size`` of the file (blank lines
count), so the cut depends only on the file and ``size``: a resumed run finds the same partitions.
A line longer than ``max_line_bytes`` is read past in chunks and handed on as ``None`` (reported
as a ``too_large`` error) so one huge line never sits in memory.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sitrep.ingest.decode import signature
from sitrep.ingest.records import IngestError

MAX_LINE_BYTES = 20_000_000
_DRAIN_CHUNK = 1 << 16
_WIDE_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


@dataclass(slots=True)
class Partition:
    """Consecutive lines of the input: ``lines[k]`` is line ``first_line + k`` (None: too long)."""

    index: int
    first_line: int
    lines: list[bytes | None]
    end_offset: int  # byte offset just past the partition, for progress

    @property
    def name(self) -> str:
        return f"part-{self.index:05d}"


def check_input(path: Path) -> None:
    """Raise :class:`IngestError` when ``path`` cannot be streamed as UTF-8 JSONL."""
    with open(path, "rb") as fh:
        head = fh.read(16)
    kind = signature(head)
    if kind is not None:
        raise IngestError(f"binary data ({kind})", code="binary", source=str(path))
    if head.startswith(_WIDE_BOMS):
        raise IngestError(
            "UTF-16/UTF-32 JSONL cannot be split for a batch run; convert it to UTF-8",
            code="encoding",
            source=str(path),
        )


def iter_partitions(
    path: Path, *, size: int, max_line_bytes: int = MAX_LINE_BYTES
) -> Iterator[Partition]:
    """Partitions of ``size`` lines each, read lazily from ``path``."""
    if size < 1:
        raise ValueError("partition size must be at least 1")
    limit = max_line_bytes + 1
    with open(path, "rb") as fh:
        index = 0
        lines: list[bytes | None] = []
        while True:
            line = fh.readline(limit)
            if not line:
                break
            if not line.endswith(b"\n") and len(line) == limit:
                while line and not line.endswith(b"\n"):
                    line = fh.readline(_DRAIN_CHUNK)
                lines.append(None)
            else:
                lines.append(line)
            if len(lines) == size:
                yield Partition(index, index * size + 1, lines, fh.tell())
                index += 1
                lines = []
        if lines:
            yield Partition(index, index * size + 1, lines, fh.tell())
