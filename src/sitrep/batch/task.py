"""The unit of work: one partition of JSONL lines in, four Arrow tables out.

:func:`process_partition` is a pure function of the partition (no files written, no global
state changed except sitrep's own module-level caches: lexicon, gazetteer), so Dask may run it
twice after a worker dies and the result is the same.  A worker process imports sitrep once;
the lexicon and gazetteer it loads stay cached for every later task in that process.
"""

from __future__ import annotations

import io
import logging
import os
import time
from dataclasses import dataclass, field

import pyarrow as pa

from sitrep.batch.partitions import Partition
from sitrep.batch.rows import (
    TABLES,
    Row,
    article_row,
    error_row,
    figure_rows,
    incident_rows,
    to_table,
)
from sitrep.errors import SitrepError

# The function itself: the attribute ``sitrep.extract`` is replaced by the subpackage
# ``sitrep.extract`` as soon as that subpackage is imported.
from sitrep.extract.pipeline import extract as extract_article
from sitrep.ingest import RecordError, iter_jsonl
from sitrep.model import Article, Extraction

log = logging.getLogger(__name__)

WARM_UP_TEXT = "Gunmen killed two policemen in Quetta on Monday."


@dataclass(slots=True)
class PartitionResult:
    """What one partition gave: its tables and counts (``seconds`` and ``pid`` for reporting)."""

    index: int
    tables: dict[str, pa.Table]
    articles: int
    incidents: int
    figures: int
    errors: int
    seconds: float = 0.0
    pid: int = field(default_factory=os.getpid)


def parse_line(raw: bytes | None, *, source: str) -> Article | RecordError | None:
    """The Article or RecordError one JSONL line gives; None for a blank line."""
    if raw is None:
        return RecordError(source, "line too long", "too_large")
    try:
        for item in iter_jsonl(io.BytesIO(raw), source=source):
            if isinstance(item, RecordError):
                return RecordError(source, item.message, item.code)
            return item
    except SitrepError as exc:  # the line looks like a binary file signature
        return RecordError(source, str(exc), getattr(exc, "code", "unreadable"))
    return None


def extract_or_error(article: Article, *, source: str) -> Extraction | RecordError:
    """The article's extraction, or a RecordError when the extractor refuses or fails on it.

    ``extract_input``: the extractor refused the text (an InputError, e.g. NUL characters);
    ``extract_failed``: it raised anything else (a bug: logged with its traceback).
    """
    try:
        return extract_article(
            article.text, published=article.published, url=article.url, article=article
        )
    except Exception as exc:  # noqa: BLE001 - a batch reports a bad record and goes on
        code = "extract_input" if isinstance(exc, SitrepError) else "extract_failed"
        if code == "extract_failed":
            log.exception("extraction failed for %s", source)
        return RecordError(source, f"{type(exc).__name__}: {exc}", code)


def process_partition(part: Partition, *, source_name: str) -> PartitionResult:
    """Read and extract every line of ``part``; one bad line is an error row, never a failure."""
    started = time.perf_counter()
    rows: dict[str, list[Row]] = {name: [] for name in TABLES}
    for offset, raw in enumerate(part.lines):
        line = part.first_line + offset
        source = f"{source_name}:{line}"
        item = parse_line(raw, source=source)
        if item is None:
            continue
        if isinstance(item, RecordError):
            rows["errors"].append(
                error_row(
                    partition=part.index,
                    line=line,
                    source=source,
                    code=item.code,
                    message=item.message,
                )
            )
            continue
        extraction = extract_or_error(item, source=source)
        if isinstance(extraction, RecordError):
            rows["errors"].append(
                error_row(
                    partition=part.index,
                    line=line,
                    source=source,
                    code=extraction.code,
                    message=extraction.message,
                    article_id=item.id,
                )
            )
            continue
        rows["articles"].append(article_row(extraction, partition=part.index, line=line))
        rows["incidents"].extend(incident_rows(extraction, partition=part.index, line=line))
        rows["figures"].extend(figure_rows(extraction, partition=part.index, line=line))
    tables = {name: to_table(name, rows[name]) for name in TABLES}
    return PartitionResult(
        index=part.index,
        tables=tables,
        articles=len(rows["articles"]),
        incidents=len(rows["incidents"]),
        figures=len(rows["figures"]),
        errors=len(rows["errors"]),
        seconds=time.perf_counter() - started,
    )


def warm_up() -> float:
    """Load sitrep's lexicon and gazetteer in this process; seconds it took."""
    started = time.perf_counter()
    extract_article(WARM_UP_TEXT, published="2024-01-02")
    return time.perf_counter() - started
