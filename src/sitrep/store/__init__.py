"""The event store: SQLite by default (``sitrep.db``, WAL mode), PostgreSQL for teams.

``open_store(url)`` connects and migrates; :meth:`Store.ingest` stores one article's extraction
and merges it into canonical events in one transaction.  Schema and guarantees: docs/store.md.
"""

from __future__ import annotations

from sitrep.store.backend import DEFAULT_URL, parse_url
from sitrep.store.records import (
    EventFilter,
    EventRecord,
    EventSource,
    GroupRecord,
    IngestOutcome,
    MergeDecision,
    ReviewEntry,
    StoreCounts,
)
from sitrep.store.store import EDITABLE, Store, open_store

__all__ = [
    "DEFAULT_URL",
    "EDITABLE",
    "EventFilter",
    "EventRecord",
    "EventSource",
    "GroupRecord",
    "IngestOutcome",
    "MergeDecision",
    "ReviewEntry",
    "Store",
    "StoreCounts",
    "open_store",
    "parse_url",
]
