"""Read articles from files, folders, bytes and stdin; route each input to its reader."""

from __future__ import annotations

import datetime as dt
import io
import logging
import os
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from sitrep.ingest.decode import decode_text, read_file, read_stream
from sitrep.ingest.feeds import iter_feed
from sitrep.ingest.html import decode_html, html_to_article, looks_like_html
from sitrep.ingest.jsonl import iter_jsonl
from sitrep.ingest.language import detect_language
from sitrep.ingest.normalise import hash_normalised, normalise_text
from sitrep.ingest.records import IngestError, RecordError
from sitrep.model import Article

log = logging.getLogger(__name__)

MAX_BYTES = 20_000_000
STDIN = "<stdin>"

TEXT, HTML, JSONL, FEED = "text", "html", "jsonl", "feed"
EXTENSIONS: dict[str, str] = {
    ".txt": TEXT,
    ".text": TEXT,
    ".html": HTML,
    ".htm": HTML,
    ".xhtml": HTML,
    ".jsonl": JSONL,
    ".ndjson": JSONL,
    ".xml": FEED,
    ".rss": FEED,
    ".atom": FEED,
}
# An XML prolog, comments and a doctype (with an internal subset), then a feed's root element.
_FEED_ROOT = re.compile(
    rb"(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*|<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>\s*)*"
    rb"<(?:[A-Za-z_][\w.-]*:)?(?:rss|feed|RDF)[\s>]",
    re.S,
)


def sniff(head: bytes) -> str:
    """The kind of input the first bytes suggest: jsonl, feed, html or text."""
    probe = head[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if probe.startswith(b"{"):
        return JSONL
    if probe.startswith(b"<"):
        if _FEED_ROOT.match(probe):
            return FEED
        return HTML
    return TEXT


def _kind_of(path: Path) -> str | None:
    return EXTENSIONS.get(path.suffix.lower())


def _article(
    data: bytes, *, kind: str | None, source: str, url: str | None, published: dt.date | None
) -> Article:
    """One Article from the bytes of a text or HTML input."""
    if not data.strip():
        raise IngestError("empty input", code="empty", source=source)
    if kind is None and looks_like_html(data[:4096].decode("utf-8", "replace")):
        kind = HTML
    raw = decode_html(data, source=source) if kind == HTML else decode_text(data, source=source)
    if kind is None and looks_like_html(raw):  # e.g. UTF-16 HTML
        kind = HTML
    if kind == HTML:
        try:
            article = html_to_article(raw, url=url)
        except IngestError as exc:
            raise IngestError(exc.message, code=exc.code, source=source) from None
        if published is not None:
            article.published = published
        return article
    text = normalise_text(raw)
    if not text:
        raise IngestError(
            "empty input (only whitespace or control characters)", code="empty", source=source
        )
    return Article(
        text=text,
        id=hash_normalised(text),
        url=url,
        published=published,
        language=detect_language(text),
    )


def _stdin() -> BinaryIO:
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is not None:
        return buffer
    return io.BytesIO(sys.stdin.read().encode("utf-8", "surrogateescape"))  # a text stream (tests)


def read_article(
    path_or_bytes: str | Path | bytes,
    *,
    source: str | None = None,
    url: str | None = None,
    published: dt.date | None = None,
    max_bytes: int = MAX_BYTES,
) -> Article:
    """Read one article: a text or HTML file (``"-"`` is stdin) or the bytes of one.

    The kind comes from the file extension (``.html``/``.htm`` HTML, else text), or from the
    content for bytes, stdin and unknown extensions.  ``url`` and ``published`` override what the
    page says.  Never reads more than ``max_bytes + 1`` bytes.  Raises :class:`IngestError` (an
    ``InputError``) with a ``code``: empty, binary, encoding, too_large, html_no_text, not_found,
    unreadable, unsupported (JSONL or a feed: several articles, use :func:`iter_articles`).
    """
    kind: str | None
    if isinstance(path_or_bytes, bytes | bytearray | memoryview):
        src = source or "<bytes>"
        data = bytes(path_or_bytes)
        if len(data) > max_bytes:
            raise IngestError(
                f"too large: more than {max_bytes:,} bytes", code="too_large", source=src
            )
        kind = None
    elif str(path_or_bytes) == "-":
        src = source or STDIN
        data = read_stream(_stdin(), max_bytes=max_bytes, source=src)
        kind = None
    else:
        path = Path(path_or_bytes)
        src = source or str(path)
        data = read_file(path, max_bytes=max_bytes, source=src)
        kind = _kind_of(path)
    if kind is None:
        sniffed = sniff(data)
        kind = sniffed if sniffed in (JSONL, FEED) else None
    if kind in (JSONL, FEED):
        raise IngestError(
            f"a {'JSONL file' if kind == JSONL else 'feed'} holds several articles; read it with "
            "iter_articles (sitrep ingest)",
            code="unsupported",
            source=src,
        )
    return _article(data, kind=kind, source=src, url=url, published=published)


def _walk(folder: Path, *, recursive: bool) -> Iterator[Path]:
    """Files of a folder with a known extension, in sorted order; hidden names skipped."""
    if not recursive:
        for entry in sorted(folder.iterdir()):
            if entry.is_file() and not entry.name.startswith(".") and _kind_of(entry):
                yield entry
        return
    for top, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(top, name)
            if name.startswith("."):
                continue
            if _kind_of(path):
                yield path
            else:
                log.debug("%s: skipped (not a known article file type)", path)


def _iter_bytes(
    data: bytes, *, kind: str | None, source: str, max_bytes: int
) -> Iterator[Article | RecordError]:
    kind = kind or sniff(data)
    try:
        if kind == JSONL:
            yield from iter_jsonl(io.BytesIO(data), source=source, max_bytes=max_bytes)
        elif kind == FEED:
            yield from iter_feed(data, source=source)
        else:
            yield _article(
                data, kind=kind if kind == HTML else None, source=source, url=None, published=None
            )
    except IngestError as exc:
        yield exc.record()


def _iter_file(path: Path, *, max_bytes: int) -> Iterator[Article | RecordError]:
    source = str(path)
    kind = _kind_of(path)
    try:
        if kind == JSONL:
            with path.open("rb") as fh:
                yield from iter_jsonl(fh, source=source, max_bytes=max_bytes)
            return
        data = read_file(path, max_bytes=max_bytes)
    except IngestError as exc:
        yield exc.record()
        return
    except OSError as exc:
        yield RecordError(source, f"cannot read: {exc.strerror or exc}", "unreadable")
        return
    yield from _iter_bytes(data, kind=kind, source=source, max_bytes=max_bytes)


def _iter_stdin(*, max_bytes: int) -> Iterator[Article | RecordError]:
    stream = _stdin()
    if not hasattr(stream, "peek"):
        stream = io.BufferedReader(stream)  # type: ignore[arg-type]
    if sniff(stream.peek(4096)) == JSONL:  # type: ignore[attr-defined]
        try:
            yield from iter_jsonl(stream, source=STDIN, max_bytes=max_bytes)
        except IngestError as exc:
            yield exc.record()
        return
    try:
        data = read_stream(stream, max_bytes=max_bytes, source=STDIN)
    except IngestError as exc:
        yield exc.record()
        return
    yield from _iter_bytes(data, kind=None, source=STDIN, max_bytes=max_bytes)


def iter_articles(
    paths: Iterable[str | Path], *, recursive: bool = True, max_bytes: int = MAX_BYTES
) -> Iterator[Article | RecordError]:
    """Every article in the given files and folders (``"-"`` is stdin), in a stable order.

    Text (``.txt``), HTML (``.html``/``.htm``), JSONL (``.jsonl``/``.ndjson``, streamed line by
    line) and RSS/Atom feeds (``.xml``/``.rss``/``.atom``); in folders only these extensions are
    read (sorted, hidden names skipped, subfolders when ``recursive``); a file named explicitly
    with another extension is sniffed.  Each bad input or record yields one :class:`RecordError`
    and the iteration goes on.  ``max_bytes`` bounds one file (one line for JSONL).
    """
    for item in paths:
        if str(item) == "-":
            yield from _iter_stdin(max_bytes=max_bytes)
            continue
        path = Path(item)
        if path.is_dir():
            found = False
            for file in _walk(path, recursive=recursive):
                found = True
                yield from _iter_file(file, max_bytes=max_bytes)
            if not found:
                log.warning("%s: no article files found in this folder", path)
        elif path.exists():
            yield from _iter_file(path, max_bytes=max_bytes)
        else:
            yield RecordError(str(path), "no such file or folder", "not_found")
