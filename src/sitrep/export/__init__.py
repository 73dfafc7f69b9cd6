"""Exports of the canonical events: ACLED, GTD and UCDP GED style CSV, GeoJSON, JSON lines.

``export(store, fmt=..., out=..., where=EventFilter(...))`` writes one file; column mappings are
documented in docs/exports.md.
"""

from __future__ import annotations

from typing import TextIO

from sitrep.errors import SitrepError
from sitrep.export import acled, geojson, gtd, jsonl, ucdp
from sitrep.export.common import write_csv
from sitrep.store.records import EventFilter
from sitrep.store.store import Store

FORMATS = ("acled", "gtd", "ucdp", "geojson", "jsonl")


def export(store: Store, *, fmt: str, out: TextIO, where: EventFilter | None = None) -> int:
    """Write the events matching ``where`` to ``out`` in format ``fmt``; give the row count."""
    if fmt not in FORMATS:
        raise SitrepError(f"unknown export format {fmt!r}; one of {', '.join(FORMATS)}")
    events = store.iter_events(where)
    if fmt == "acled":
        return write_csv(out, acled.COLUMNS, acled.rows(events))
    if fmt == "gtd":
        return write_csv(out, gtd.COLUMNS, gtd.rows(events))
    if fmt == "ucdp":
        listed = list(events)
        wanted = {e.group_id for e in listed if e.group_id is not None}
        groups = {g: store.group(g) for g in sorted(wanted)}
        return write_csv(out, ucdp.COLUMNS, ucdp.rows(listed, groups))
    if fmt == "geojson":
        return geojson.write(out, events)
    return jsonl.write(out, events)


__all__ = ["FORMATS", "export"]
