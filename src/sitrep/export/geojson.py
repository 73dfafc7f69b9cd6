"""GeoJSON (RFC 7946): a FeatureCollection of Point features, [longitude, latitude] in WGS 84.

Events without coordinates get ``"geometry": null`` (allowed by RFC 7946, section 3.2).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from sitrep.export.common import country_name, sources_text
from sitrep.store.records import EventRecord


def feature(e: EventRecord) -> dict[str, Any]:
    geometry = None
    if e.latitude is not None and e.longitude is not None:
        geometry = {"type": "Point", "coordinates": [round(e.longitude, 6), round(e.latitude, 6)]}
    killed = e.figure("killed")
    return {
        "type": "Feature",
        "id": e.id,
        "geometry": geometry,
        "properties": {
            "event_id": e.id,
            "date": e.date.isoformat() if e.date else None,
            "date_precision": e.date_precision,
            "location": e.location,
            "admin1": e.admin1,
            "admin2": e.admin2,
            "country": country_name(e) or None,
            "country_code": e.country,
            "geo_precision": e.geo_precision,
            "types": e.types,
            "event_type": e.acled_event_type,
            "sub_event_type": e.acled_sub_event_type,
            "status": e.status,
            "perpetrators": [
                {"name": p.name, "attribution": p.attribution} for p in e.perpetrators
            ],
            "killed_low": killed.low if killed else None,
            "killed_best": killed.best if killed else None,
            "killed_high": killed.high if killed else None,
            "number_of_sources": e.number_of_sources,
            "sources": sources_text(e),
            "urls": [s.url for s in e.sources if s.url],
            "confidence": e.confidence,
            "review_status": e.review_status,
            "group_id": e.group_id,
            "summary": e.summary,
        },
    }


def write(out: TextIO, events: Iterable[EventRecord]) -> int:
    """Stream the FeatureCollection (one feature per line inside it); give the feature count."""
    out.write('{"type":"FeatureCollection","features":[')
    n = 0
    for e in events:
        out.write(",\n" if n else "\n")
        out.write(json.dumps(feature(e), ensure_ascii=False, separators=(",", ":")))
        n += 1
    out.write("\n]}\n")
    return n


def features(events: Iterable[EventRecord]) -> Iterator[dict[str, Any]]:
    for e in events:
        yield feature(e)
