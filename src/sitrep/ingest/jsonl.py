"""JSON Lines: one article per line, read as a stream (a line at a time, never the whole file).

Fields: ``text`` (required, or ``html`` instead), ``url``, ``published``, ``outlet``, ``title``,
``id``, ``language``; other fields are ignored.  Each bad line gives one :class:`RecordError`
with ``path:line`` as its source and the reading goes on.
"""

from __future__ import annotations

import codecs
import io
import json
import logging
from collections.abc import Iterator
from typing import Any, BinaryIO

from sitrep.ingest.dates import parse_published
from sitrep.ingest.decode import decode_text, read_stream, signature
from sitrep.ingest.html import html_to_article
from sitrep.ingest.language import detect_language
from sitrep.ingest.normalise import hash_normalised, normalise_text
from sitrep.ingest.records import IngestError, RecordError
from sitrep.model import Article

log = logging.getLogger(__name__)

_STRING_FIELDS = ("url", "outlet", "title", "language")
_WIDE_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_DRAIN_CHUNK = 1 << 16


def _optional_str(record: dict[str, Any], name: str, source: str) -> str | None:
    value = record.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise IngestError(
            f"field {name!r} must be a string, got {type(value).__name__}",
            code="bad_field",
            source=source,
        )
    value = normalise_text(value)
    return value or None


def record_to_article(record: object, *, source: str) -> Article:
    """An Article from one decoded JSON record; :class:`IngestError` when the record is unusable.

    An unreadable ``published`` is an error (``bad_date``): the value was given on purpose, and
    a wrong one (e.g. columns swapped in an export) must be fixed, not silently dropped.
    """
    if not isinstance(record, dict):
        raise IngestError(
            f"expected a JSON object, got {type(record).__name__}", code="not_object", source=source
        )
    fields = {name: _optional_str(record, name, source) for name in _STRING_FIELDS}
    raw_id = record.get("id")
    if raw_id is not None and (isinstance(raw_id, bool) or not isinstance(raw_id, str | int)):
        raise IngestError(
            f"field 'id' must be a string or an integer, got {type(raw_id).__name__}",
            code="bad_field",
            source=source,
        )
    try:
        published = parse_published(record.get("published"))
    except ValueError as exc:
        raise IngestError(
            f"invalid 'published' date: {exc}", code="bad_date", source=source
        ) from None

    raw_text = record.get("text")
    if raw_text is None and isinstance(record.get("html"), str):
        try:
            article = html_to_article(record["html"], url=fields["url"])
        except IngestError as exc:
            raise IngestError(exc.message, code=exc.code, source=source) from None
    elif raw_text is None:
        raise IngestError("no 'text' field", code="missing_text", source=source)
    elif not isinstance(raw_text, str):
        raise IngestError(
            f"field 'text' must be a string, got {type(raw_text).__name__}",
            code="missing_text",
            source=source,
        )
    else:
        text = normalise_text(raw_text)
        if not text:
            raise IngestError("empty 'text'", code="empty", source=source)
        article = Article(text=text, id=hash_normalised(text))

    article.url = fields["url"] or article.url
    article.outlet = fields["outlet"] or article.outlet
    article.title = fields["title"] or article.title
    article.published = published or article.published
    if raw_id is not None and str(raw_id).strip():
        article.id = str(raw_id).strip()
    article.language = (
        fields["language"].lower() if fields["language"] else detect_language(article.text)
    )
    return article


def _parse_line(raw: bytes, *, source: str) -> Article:
    text = decode_text(raw, source=source)
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        raise IngestError(
            f"invalid JSON: {exc.msg} (column {exc.colno})", code="malformed_json", source=source
        ) from None
    except RecursionError:
        raise IngestError(
            "invalid JSON: nested too deeply", code="malformed_json", source=source
        ) from None
    return record_to_article(record, source=source)


def _lines(stream: BinaryIO, *, max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """``(line number, bytes)`` for each line; ``bytes`` is None for a line over ``max_bytes``
    (read past in chunks, never held whole)."""
    lineno = 0
    limit = max_bytes + 1
    while True:
        line = stream.readline(limit)
        if not line:
            return
        lineno += 1
        if not line.endswith(b"\n") and len(line) == limit:
            while line and not line.endswith(b"\n"):
                line = stream.readline(_DRAIN_CHUNK)
            yield lineno, None
            continue
        yield lineno, line


def _wide_lines(
    stream: BinaryIO, *, max_bytes: int, source: str
) -> Iterator[tuple[int, bytes | None]]:
    """UTF-16/32 JSONL (rare: Windows tools): read whole, bounded by ``max_bytes``, re-encoded."""
    text = decode_text(read_stream(stream, max_bytes=max_bytes, source=source), source=source)
    for lineno, line in enumerate(text.split("\n"), start=1):
        yield lineno, line.encode("utf-8", "surrogatepass")


def iter_jsonl(
    stream: BinaryIO, *, source: str, max_bytes: int = 20_000_000
) -> Iterator[Article | RecordError]:
    """One Article or RecordError per non-blank line of a JSONL stream.

    Raises :class:`IngestError` only when the whole stream is unusable (a binary file signature,
    or a UTF-16 file larger than ``max_bytes``).
    """
    if not hasattr(stream, "peek"):
        stream = io.BufferedReader(stream)  # type: ignore[arg-type]
    head = stream.peek(16)[:16]  # type: ignore[attr-defined]
    kind = signature(head)
    if kind is not None:
        raise IngestError(f"binary data ({kind})", code="binary", source=source)
    if head.startswith(_WIDE_BOMS):
        lines = _wide_lines(stream, max_bytes=max_bytes, source=source)
    else:
        lines = _lines(stream, max_bytes=max_bytes)
    for lineno, raw in lines:
        line_source = f"{source}:{lineno}"
        if raw is None:
            yield RecordError(line_source, f"line longer than {max_bytes:,} bytes", "too_large")
            continue
        if lineno == 1 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8) :]
        if not raw.strip():
            continue
        try:
            yield _parse_line(raw.rstrip(b"\r\n"), source=line_source)
        except IngestError as exc:
            yield exc.record()
