"""One event with everything behind it: figures and who reported them, every source article with
its evidence spans, claims, warnings, merge decisions and the review history.

Built from the store's public reads (:meth:`Store.event`, :meth:`Store.decisions`,
:meth:`Store.reviews`, :meth:`Store.group`, :meth:`Store.article_text`) plus parameterised reads
of the per-article rows (figures, incidents, claims, warnings) the evidence view needs.

Anchors: source articles are numbered ``s1``, ``s2``, ...; a figure ``f3`` of article ``s1`` is
listed under id ``fig-s1-f3`` and its words in the article are marked from ``ev-s1-f3`` on, so the
page links both ways.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict
from typing import Any

from sitrep.store import Store
from sitrep.store.records import EventRecord

# kinds of evidence, strongest first (a word in several spans is shown as the first kind)
EVIDENCE_KINDS = (
    "figure",
    "wave-figure",
    "actor",
    "place",
    "date",
    "weapon",
    "target",
    "trigger",
    "claim",
    "sentence",
)


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def event_summary(rec: EventRecord) -> dict[str, Any]:
    """The event's own fields (reviewed values applied) as JSON-ready values."""
    deaths = rec.deaths()
    return {
        "id": rec.id,
        "group_id": rec.group_id,
        "date": _iso(rec.date),
        "date_end": _iso(rec.date_end),
        "date_precision": rec.date_precision,
        "location": rec.location,
        "admin1": rec.admin1,
        "admin2": rec.admin2,
        "country": rec.country,
        "country_iso3": rec.country_iso3,
        "country_name": rec.country_name,
        "latitude": rec.latitude,
        "longitude": rec.longitude,
        "geo_precision": rec.geo_precision,
        "where_prec": rec.where_prec,
        "types": list(rec.types),
        "status": rec.status,
        "event_type": rec.acled_event_type,
        "sub_event_type": rec.acled_sub_event_type,
        "actors": [asdict(p) for p in rec.perpetrators],
        "targets": list(rec.targets),
        "weapons": list(rec.weapons),
        "suicide": rec.suicide,
        "summary": rec.summary,
        "fatalities": deaths.best if deaths else 0,
        "number_of_sources": rec.number_of_sources,
        "confidence": rec.confidence,
        "review_status": rec.review_status,
        "reviewed_fields": list(rec.reviewed_fields),
        "group_event_ids": list(rec.group_event_ids),
    }


def _span(
    text: str, raw: dict[str, Any] | None, kind: str, ref: str | None, label: str
) -> dict[str, Any] | None:
    """An evidence span when its offsets really point at its words in ``text``."""
    if not raw:
        return None
    start, end = int(raw.get("start", -1)), int(raw.get("end", -1))
    if not 0 <= start < end <= len(text):
        return None
    if raw.get("text") is not None and text[start:end] != raw["text"]:
        return None
    return {
        "start": start,
        "end": end,
        "text": text[start:end],
        "kind": kind,
        "ref": ref,
        "label": label,
    }


def _figure_label(fig: dict[str, Any]) -> str:
    low, best, high = fig.get("low"), fig.get("best"), fig.get("high")
    if high is None:
        count = f"at least {low}" if low == best else f"{low}-{best}+"
    elif low == high:
        count = str(low)
    else:
        count = f"{low}-{high} (best {best})"
    words = f"{count} {fig.get('category')} {fig.get('status')}"
    if fig.get("source"):
        words += f", per {fig['source']}"
    return words


def event_detail(store: Store, event_id: int) -> dict[str, Any]:
    """Everything the event page and ``GET /api/events/{id}`` show.  Raises ``StoreError`` when
    there is no such event."""
    rec = store.event(event_id)
    out = event_summary(rec)

    # source articles, numbered in the order the store gives (by publication date)
    article_ids: list[str] = []
    incidents_by_article: dict[str, list[int]] = {}
    for src in rec.sources:
        if src.article_id not in incidents_by_article:
            article_ids.append(src.article_id)
            incidents_by_article[src.article_id] = []
        incidents_by_article[src.article_id].append(src.incident_id)
    anchor = {art: f"s{i + 1}" for i, art in enumerate(article_ids)}

    sources: list[dict[str, Any]] = []
    known_figures: dict[tuple[str, str], tuple[str, bool]] = {}
    for art in article_ids:
        sources.append(
            _source(store, rec, art, anchor[art], incidents_by_article[art], known_figures)
        )

    figures = []
    for est in rec.figures:
        reports = []
        for r in est.reports:
            a = anchor.get(r.article_id)
            link = (
                f"fig-{a}-{r.figure_id}"
                if a and (r.article_id, r.figure_id) in known_figures
                else None
            )
            parts = []
            if r.derived and a:
                parts = [
                    f"fig-{a}-{fid}" for (aid, fid) in sorted(known_figures) if aid == r.article_id
                ]
            reports.append(
                {
                    "article_id": r.article_id,
                    "source_ref": a,
                    "figure_id": r.figure_id or None,
                    "low": r.low,
                    "best": r.best,
                    "high": r.high,
                    "level": r.level,
                    "source": r.source,
                    "outlet": r.outlet,
                    "quote": r.quote,
                    "derived": r.derived,
                    "link": link,
                    "parts": parts,
                }
            )
        figures.append(
            {
                "status": est.status,
                "category": est.category,
                "low": est.low,
                "best": est.best,
                "high": est.high,
                "number_of_sources": est.number_of_sources,
                "conflicting": est.conflicting,
                "reports": reports,
            }
        )
    out["figures"] = figures
    out["sources"] = sources
    out["group"] = _group(store, rec)
    out["merge_decisions"] = [
        {
            "id": d.id,
            "kind": d.kind,
            "action": d.action,
            "incident_id": d.incident_id,
            "score": d.score,
            "reasons": d.reasons,
            "decided_by": d.decided_by,
            "decided_at": d.decided_at,
            "undone": d.undone_by is not None,
        }
        for d in store.decisions(event_id=event_id)
    ]
    out["reviews"] = [
        {
            "id": r.id,
            "reviewer": r.reviewer,
            "at": r.at,
            "action": r.action,
            "field": r.field,
            "old_value": r.old_value,
            "new_value": r.new_value,
            "reason": r.reason,
        }
        for r in store.reviews(event_id)
    ]
    return out


def _group(store: Store, rec: EventRecord) -> dict[str, Any] | None:
    if rec.group_id is None:
        return None
    g = store.group(rec.group_id)
    return {
        "id": g.id,
        "date": _iso(g.date),
        "area": g.area,
        "admin1": g.admin1,
        "event_ids": g.event_ids,
        "article_ids": g.article_ids,
        "figures": [
            {
                "status": f.status,
                "category": f.category,
                "low": f.low,
                "best": f.best,
                "high": f.high,
                "number_of_sources": f.number_of_sources,
                "conflicting": f.conflicting,
            }
            for f in g.figures
        ],
    }


def _source(
    store: Store,
    rec: EventRecord,
    article_id: str,
    ref: str,
    incident_rows: list[int],
    known_figures: dict[tuple[str, str], tuple[str, bool]],
) -> dict[str, Any]:
    db = store.db
    row = db.one(
        "SELECT url, outlet, published, title, language FROM articles WHERE id = ?", (article_id,)
    )
    url, outlet, published, title, language = row if row else (None, None, None, None, None)
    text = store.article_text(article_id)
    marks = ",".join("?" * len(incident_rows))
    incidents = db.all(
        f"SELECT id, local_id, article_group_id, data FROM incidents WHERE id IN ({marks}) ORDER BY id",
        incident_rows,
    )
    group_rows = sorted({r[2] for r in incidents if r[2] is not None})
    # this event's figures from this article: its incidents', its wave's, and those the
    # reconciled estimates cite (e.g. an article-level total for a one-incident article)
    cited = {
        r.figure_id
        for e in rec.figures
        for r in e.reports
        if r.article_id == article_id and r.figure_id
    }
    fig_rows = db.all(
        "SELECT local_id, incident_id, article_group_id, level, superseded, data FROM figures "
        "WHERE article_id = ? ORDER BY id",
        (article_id,),
    )
    spans: list[dict[str, Any]] = []
    figures: list[dict[str, Any]] = []
    for local_id, inc_id, ag_id, level, superseded, data in fig_rows:
        wave = ag_id is not None and ag_id in group_rows
        if not (inc_id in incident_rows or wave or local_id in cited):
            continue
        fig = json.loads(data)
        fid = f"{ref}-{local_id}"
        kind = "wave-figure" if wave and inc_id is None else "figure"
        known_figures[(article_id, local_id)] = (str(fig.get("status")), kind == "wave-figure")
        label = _figure_label(fig)
        figures.append(
            {
                "id": local_id,
                "anchor": f"fig-{fid}",
                "evidence": f"ev-{fid}",
                "status": fig.get("status"),
                "category": fig.get("category"),
                "subcategory": fig.get("subcategory"),
                "low": fig.get("low"),
                "best": fig.get("best"),
                "high": fig.get("high"),
                "level": level,
                "source": fig.get("source"),
                "period": fig.get("period"),
                "superseded": bool(superseded),
                "label": label,
                "quote": " … ".join(s.get("text", "") for s in fig.get("spans", [])),
            }
        )
        for s in fig.get("spans", []):
            sp = _span(text, s, kind, fid, label)
            if sp:
                spans.append(sp)
        sp = _span(text, fig.get("source_span"), "actor", None, f"source: {fig.get('source')}")
        if sp:
            spans.append(sp)
    local_incidents = []
    for row_id, local_id, _ag, data in incidents:
        inc = json.loads(data)
        local_incidents.append(
            {"id": local_id, "row": int(row_id), "summary": inc.get("summary", "")}
        )
        for s in inc.get("spans", []):
            sp = _span(text, s, "sentence", None, "describes this event")
            if sp:
                spans.append(sp)
        place = inc.get("place") or {}
        for s in place.get("spans", []):
            sp = _span(
                text, s, "place", None, f"place: {place.get('canonical_name') or place.get('name')}"
            )
            if sp:
                spans.append(sp)
        date = inc.get("date") or {}
        for s in date.get("spans", []):
            sp = _span(text, s, "date", None, f"date: {date.get('iso')}")
            if sp:
                spans.append(sp)
        for p in inc.get("perpetrators", []):
            for s in p.get("spans", []):
                sp = _span(
                    text, s, "actor", None, f"{p.get('attribution')} perpetrator: {p.get('name')}"
                )
                if sp:
                    spans.append(sp)
        for key, kind in (("weapons", "weapon"), ("targets", "target"), ("triggers", "trigger")):
            for t in inc.get(key, []):
                for s in t.get("spans", []):
                    sp = _span(text, s, kind, None, f"{kind}: {t.get('label')}")
                    if sp:
                        spans.append(sp)
    claims = []
    for local_id, data in db.all(
        "SELECT local_id, data FROM claims WHERE article_id = ? ORDER BY id", (article_id,)
    ):
        c = json.loads(data)
        cid = f"{ref}-{local_id}"
        claims.append(
            {
                "id": local_id,
                "anchor": f"claim-{cid}",
                "speaker": c.get("speaker"),
                "stance": c.get("stance"),
                "about": c.get("about"),
                "target_actor_ids": c.get("target_actor_ids", []),
            }
        )
        for s in c.get("spans", []):
            sp = _span(text, s, "claim", f"claim:{cid}", f"{c.get('speaker')} {c.get('stance')}")
            if sp:
                spans.append(sp)
    warnings_raw = db.scalar("SELECT warnings FROM extractions WHERE article_id = ?", (article_id,))
    warnings = [
        {"code": w.get("code"), "message": w.get("message")}
        for w in (json.loads(warnings_raw) if warnings_raw else [])
    ]
    spans.sort(key=lambda s: (s["start"], -s["end"], EVIDENCE_KINDS.index(s["kind"])))
    return {
        "ref": ref,
        "article_id": article_id,
        "url": url,
        "outlet": outlet,
        "published": published,
        "title": title,
        "language": language,
        "incidents": local_incidents,
        "text": text,
        "evidence": spans,
        "figures": figures,
        "claims": claims,
        "warnings": warnings,
    }
