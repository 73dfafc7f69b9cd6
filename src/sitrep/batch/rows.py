"""Flatten an :class:`~sitrep.model.Extraction` into table rows for Parquet.

Four tables (schema documented in docs/scale.md):

- ``articles``: one row per article read, with counts;
- ``incidents``: one row per incident, with casualty counts computed only from that incident's
  own live figures (never from group, article, aggregate or background figures);
- ``figures``: every figure at the level it was reported, with its range, status and spans;
- ``errors``: one row per input record that could not be read or extracted.

Every row carries ``partition`` and ``line`` (the 1-based line of the input JSONL), so
``(line, incident_id)`` and ``(line, figure_id)`` are unique keys within one input file even
when two records share an article id.
"""

from __future__ import annotations

from typing import Any

import pyarrow as pa

from sitrep.model import (
    Category,
    Extraction,
    Figure,
    FigureStatus,
    Incident,
    Level,
    Span,
)

TABLES = ("articles", "incidents", "figures", "errors")

_SPAN = pa.struct([("start", pa.int64()), ("end", pa.int64()), ("text", pa.string())])
_PERPETRATOR = pa.struct(
    [("actor_id", pa.string()), ("name", pa.string()), ("attribution", pa.string())]
)
_STRINGS = pa.list_(pa.string())

_COUNTED = (FigureStatus.KILLED, FigureStatus.INJURED)
_CATEGORIES = (Category.CIVILIANS, Category.SECURITY_FORCES, Category.MILITANTS, Category.UNKNOWN)


def _count_fields() -> list[pa.Field]:
    fields = []
    for status in _COUNTED:
        for cat in _CATEGORIES:
            fields.append(pa.field(f"{status.value}_{cat.value}", pa.int64()))
        for bound in ("low", "best", "high"):
            fields.append(pa.field(f"{status.value}_{bound}", pa.int64()))
    return fields


SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema(
        [
            ("partition", pa.int32()),
            ("line", pa.int64()),
            ("article_id", pa.string()),
            ("url", pa.string()),
            ("outlet", pa.string()),
            ("title", pa.string()),
            ("published", pa.date32()),
            ("language", pa.string()),
            ("chars", pa.int64()),
            ("n_incidents", pa.int32()),
            ("n_groups", pa.int32()),
            ("n_figures", pa.int32()),
            ("n_claims", pa.int32()),
            ("warning_codes", _STRINGS),
            ("version", pa.string()),
        ]
    ),
    "incidents": pa.schema(
        [
            ("partition", pa.int32()),
            ("line", pa.int64()),
            ("article_id", pa.string()),
            ("incident_id", pa.string()),
            ("group_id", pa.string()),
            ("date", pa.string()),
            ("date_start", pa.date32()),
            ("date_end", pa.date32()),
            ("date_precision", pa.string()),
            ("date_relative", pa.bool_()),
            ("place_name", pa.string()),
            ("place_canonical", pa.string()),
            ("place_kind", pa.string()),
            ("geonames_id", pa.int64()),
            ("admin1", pa.string()),
            ("admin2", pa.string()),
            ("country", pa.string()),
            ("country_iso3", pa.string()),
            ("latitude", pa.float64()),
            ("longitude", pa.float64()),
            ("precision", pa.int32()),
            ("where_prec", pa.int32()),
            ("types", _STRINGS),
            ("acled_event_type", pa.string()),
            ("acled_sub_event_type", pa.string()),
            ("status", pa.string()),
            ("suicide", pa.bool_()),
            ("perpetrators", pa.list_(_PERPETRATOR)),
            ("targets", _STRINGS),
            ("weapons", _STRINGS),
            *_count_fields(),
            ("figure_ids", _STRINGS),
            ("summary", pa.string()),
            ("span_start", pa.int64()),
            ("span_end", pa.int64()),
        ]
    ),
    "figures": pa.schema(
        [
            ("partition", pa.int32()),
            ("line", pa.int64()),
            ("article_id", pa.string()),
            ("figure_id", pa.string()),
            ("level", pa.string()),
            ("incident_id", pa.string()),
            ("group_id", pa.string()),
            ("status", pa.string()),
            ("category", pa.string()),
            ("subcategory", pa.string()),
            ("low", pa.int64()),
            ("best", pa.int64()),
            ("high", pa.int64()),
            ("live", pa.bool_()),
            ("superseded_by", pa.string()),
            ("supersedes", _STRINGS),
            ("includes", _STRINGS),
            ("source", pa.string()),
            ("source_start", pa.int64()),
            ("source_end", pa.int64()),
            ("period", pa.string()),
            ("span_start", pa.int64()),
            ("span_end", pa.int64()),
            ("span_text", pa.string()),
            ("spans", pa.list_(_SPAN)),
            ("sentence_start", pa.int64()),
            ("sentence_end", pa.int64()),
        ]
    ),
    "errors": pa.schema(
        [
            ("partition", pa.int32()),
            ("line", pa.int64()),
            ("source", pa.string()),
            ("article_id", pa.string()),
            ("code", pa.string()),
            ("message", pa.string()),
        ]
    ),
}

Row = dict[str, Any]


# --------------------------------------------------------------------------- counts


def _top_level(figures: list[Figure]) -> list[Figure]:
    """Figures not contained in another figure of the same set (so never counted twice)."""
    inside = {fid for f in figures for fid in f.includes}
    return [f for f in figures if f.id not in inside]


def _sum_high(figures: list[Figure]) -> int | None:
    if any(f.high is None for f in figures):
        return None  # an open range ("at least 24") stays open
    return sum(f.high for f in figures)  # type: ignore[misc]


def incident_counts(extraction: Extraction, incident: Incident) -> Row:
    """Killed and injured counts for one incident, from its own live incident-level figures.

    ``<status>_<category>``: the sum of ``best`` over live figures of that category that are
    not contained in another figure of the same category (null when none was reported).
    ``<status>_unknown`` counts only unknown/mixed figures that do not themselves contain
    figures of a known category (a total with its breakdown is not counted again there).
    ``<status>_low/best/high``: the sum over live figures not contained in any other live
    figure of the incident; ``high`` is null when a range is open ("at least 24").
    """
    own = [
        f
        for f in extraction.figures
        if f.incident_id == incident.id and f.level == Level.INCIDENT and f.superseded_by is None
    ]
    by_id = {f.id: f for f in own}
    out: Row = {}
    for status in _COUNTED:
        live = [f for f in own if f.status == status]
        for cat in _CATEGORIES:
            same = [f for f in live if f.category == cat]
            tops = _top_level(same)
            if cat == Category.UNKNOWN:
                tops = [
                    f
                    for f in tops
                    if not any(
                        by_id[i].category != Category.UNKNOWN for i in f.includes if i in by_id
                    )
                ]
            out[f"{status.value}_{cat.value}"] = sum(f.best for f in tops) if tops else None
        tops = _top_level(live)
        out[f"{status.value}_low"] = sum(f.low for f in tops) if tops else None
        out[f"{status.value}_best"] = sum(f.best for f in tops) if tops else None
        out[f"{status.value}_high"] = _sum_high(tops) if tops else None
    return out


# --------------------------------------------------------------------------- rows


def _span_dict(span: Span) -> Row:
    return {"start": span.start, "end": span.end, "text": span.text}


def article_row(extraction: Extraction, *, partition: int, line: int) -> Row:
    a = extraction.article
    return {
        "partition": partition,
        "line": line,
        "article_id": a.id,
        "url": a.url,
        "outlet": a.outlet,
        "title": a.title,
        "published": a.published,
        "language": a.language,
        "chars": len(a.text),
        "n_incidents": len(extraction.incidents),
        "n_groups": len(extraction.groups),
        "n_figures": len(extraction.figures),
        "n_claims": len(extraction.claims),
        "warning_codes": [w.code for w in extraction.warnings],
        "version": extraction.version,
    }


def incident_rows(extraction: Extraction, *, partition: int, line: int) -> list[Row]:
    rows = []
    for inc in extraction.incidents:
        d, p = inc.date, inc.place
        row: Row = {
            "partition": partition,
            "line": line,
            "article_id": extraction.article.id,
            "incident_id": inc.id,
            "group_id": inc.group_id,
            "date": d.iso if d else None,
            "date_start": d.as_date() if d else None,
            "date_end": d.end if d else None,
            "date_precision": d.precision.value if d else None,
            "date_relative": d.relative if d else None,
            "place_name": p.name if p else None,
            "place_canonical": p.canonical_name if p else None,
            "place_kind": p.kind.value if p else None,
            "geonames_id": p.geonames_id if p else None,
            "admin1": p.admin1 if p else None,
            "admin2": p.admin2 if p else None,
            "country": p.country if p else None,
            "country_iso3": p.country_iso3 if p else None,
            "latitude": p.latitude if p else None,
            "longitude": p.longitude if p else None,
            "precision": p.precision if p else None,
            "where_prec": p.where_prec if p else None,
            "types": [t.value for t in inc.types],
            "acled_event_type": inc.acled_event_type,
            "acled_sub_event_type": inc.acled_sub_event_type,
            "status": inc.status.value,
            "suicide": inc.suicide,
            "perpetrators": [
                {"actor_id": q.actor_id, "name": q.name, "attribution": q.attribution.value}
                for q in inc.perpetrators
            ],
            "targets": [t.kind for t in inc.targets],
            "weapons": [w.kind for w in inc.weapons],
            **incident_counts(extraction, inc),
            "figure_ids": list(inc.figure_ids),
            "summary": inc.summary,
            "span_start": inc.spans[0].start if inc.spans else None,
            "span_end": inc.spans[-1].end if inc.spans else None,
        }
        rows.append(row)
    return rows


def figure_rows(extraction: Extraction, *, partition: int, line: int) -> list[Row]:
    rows = []
    for f in extraction.figures:
        first = f.spans[0] if f.spans else None
        rows.append(
            {
                "partition": partition,
                "line": line,
                "article_id": extraction.article.id,
                "figure_id": f.id,
                "level": f.level.value,
                "incident_id": f.incident_id,
                "group_id": f.group_id,
                "status": f.status.value,
                "category": f.category.value,
                "subcategory": f.subcategory,
                "low": f.low,
                "best": f.best,
                "high": f.high,
                "live": f.superseded_by is None,
                "superseded_by": f.superseded_by,
                "supersedes": list(f.supersedes),
                "includes": list(f.includes),
                "source": f.source,
                "source_start": f.source_span.start if f.source_span else None,
                "source_end": f.source_span.end if f.source_span else None,
                "period": f.period,
                "span_start": first.start if first else None,
                "span_end": first.end if first else None,
                "span_text": first.text if first else None,
                "spans": [_span_dict(s) for s in f.spans],
                "sentence_start": f.sentence.start if f.sentence else None,
                "sentence_end": f.sentence.end if f.sentence else None,
            }
        )
    return rows


def error_row(
    *,
    partition: int,
    line: int,
    source: str,
    code: str,
    message: str,
    article_id: str | None = None,
) -> Row:
    return {
        "partition": partition,
        "line": line,
        "source": source,
        "article_id": article_id,
        "code": code,
        "message": message,
    }


def to_table(name: str, rows: list[Row]) -> pa.Table:
    """A pyarrow Table of ``rows`` with the fixed schema of table ``name``."""
    return pa.Table.from_pylist(rows, schema=SCHEMAS[name])
