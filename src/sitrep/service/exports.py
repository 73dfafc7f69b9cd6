"""``GET /api/export``: the store's exports (:func:`sitrep.export.export`) for the API's filters.

The exporters take the store's :class:`~sitrep.store.EventFilter` (dates, country, bbox, ids).
Filters only the API has (province, type, actor, deaths, text, review state) are applied by
selecting the matching event ids with :mod:`sitrep.service.queries` first.
"""

from __future__ import annotations

import io
from dataclasses import replace

from sitrep.service import queries
from sitrep.service.queries import EventQuery
from sitrep.store import EventFilter, Store

FORMATS = ("acled", "gtd", "ucdp", "geojson", "jsonl")
MEDIA = {
    "acled": ("text/csv; charset=utf-8", "csv"),
    "gtd": ("text/csv; charset=utf-8", "csv"),
    "ucdp": ("text/csv; charset=utf-8", "csv"),
    "geojson": ("application/geo+json", "geojson"),
    "jsonl": ("application/x-ndjson", "jsonl"),
}
MAX_SELECTED = 30_000  # events an id-selected export may hold (SQL parameter limits)


class ExportUnavailable(Exception):
    """The export cannot be made (module missing, or the selection is too large)."""


def _store_filter(store: Store, query: EventQuery) -> EventFilter:
    simple = replace(query, since=None, until=None, country=None, bbox=None)
    if simple == EventQuery():
        return EventFilter(
            since=query.since, until=query.until, country=query.country, bbox=query.bbox
        )
    page_ids: list[int] = []
    offset = 0
    while True:
        page = queries.list_events(
            store.db, query, sort="id", limit=queries.MAX_LIMIT, offset=offset
        )
        page_ids += [item["id"] for item in page.items]
        if len(page_ids) > MAX_SELECTED:
            raise ExportUnavailable(
                f"more than {MAX_SELECTED} events match; narrow the filters or export by date/country"
            )
        offset += queries.MAX_LIMIT
        if offset >= page.total:
            break
    return EventFilter(event_ids=tuple(page_ids))


def export(store: Store, fmt: str, query: EventQuery) -> tuple[bytes, str, str]:
    """The export file's bytes, media type and file name."""
    try:
        from sitrep.export import export as write_export
    except ImportError as exc:  # pragma: no cover - the export package ships with sitrep
        raise ExportUnavailable(f"exports are not available: {exc}") from exc
    where = _store_filter(store, query)
    out = io.StringIO()
    write_export(store, fmt=fmt, out=out, where=where)
    media, ext = MEDIA[fmt]
    return out.getvalue().encode("utf-8"), media, f"sitrep-events-{fmt}.{ext}"
