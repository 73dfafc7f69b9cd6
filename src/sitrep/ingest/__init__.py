"""Ingest: read articles from text, HTML, JSONL, RSS/Atom feeds, folders and stdin.

Every reader hands back :class:`~sitrep.model.Article` records whose ``text`` is normalised by
:func:`normalise_text` (the extractor's spans index into it), or a :class:`RecordError` for each
bad input, and goes on.  Formats, fields and error codes: docs/input.md.
"""

from __future__ import annotations

from sitrep.ingest.dates import parse_published
from sitrep.ingest.decode import decode_text
from sitrep.ingest.feeds import iter_feed
from sitrep.ingest.html import html_text, html_to_article
from sitrep.ingest.jsonl import iter_jsonl, record_to_article
from sitrep.ingest.language import detect_language
from sitrep.ingest.normalise import content_id, normalise_text
from sitrep.ingest.readers import iter_articles, read_article
from sitrep.ingest.records import IngestError, RecordError

__all__ = [
    "IngestError",
    "RecordError",
    "content_id",
    "decode_text",
    "detect_language",
    "html_text",
    "html_to_article",
    "iter_articles",
    "iter_feed",
    "iter_jsonl",
    "normalise_text",
    "parse_published",
    "read_article",
    "record_to_article",
]
