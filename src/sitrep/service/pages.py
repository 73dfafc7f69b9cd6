"""HTML pages: the dashboard shell and the server-rendered event page.

Every value that came from an article or a request goes through :func:`~.security.h`; links are
made only from http(s) URLs; no inline script or style (the Content-Security-Policy forbids them):
behaviour lives in ``static/*.js``, looks in ``static/sitrep.css``.
"""

from __future__ import annotations

import json
from typing import Any

from sitrep import __version__
from sitrep.service.detail import EVIDENCE_KINDS
from sitrep.service.security import h, safe_url
from sitrep.store import EDITABLE

ASSET_VERSION = __version__

_KIND_NAMES = {
    "figure": "casualty figure",
    "wave-figure": "figure for the whole wave",
    "actor": "actor / source",
    "place": "place",
    "date": "date",
    "weapon": "weapon",
    "target": "target",
    "trigger": "what happened",
    "claim": "claim / statement",
    "sentence": "sentence describing the event",
}


def _asset(path: str) -> str:
    return f"/static/{path}?v={h(ASSET_VERSION)}"


def _head(title: str, *, extra_css: tuple[str, ...] = ()) -> str:
    css = "".join(f'<link rel="stylesheet" href="{_asset(c)}">' for c in (*extra_css, "sitrep.css"))
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{h(title)}</title>{css}</head>"
    )


def dashboard_page() -> str:
    """The dashboard: filters, map, timeline and table, filled in by ``static/dashboard.js``."""
    return (
        _head(
            "sitrep dashboard",
            extra_css=(
                "vendor/leaflet/leaflet.css",
                "vendor/markercluster/MarkerCluster.css",
                "vendor/markercluster/MarkerCluster.Default.css",
            ),
        )
        + '<body class="dashboard">'
        + '<header class="bar"><a class="brand" href="/">sitrep</a>'
        + '<span id="summary" class="summary" aria-live="polite">loading…</span>'
        + '<a class="api-link" href="/api/openapi.json">API</a></header>'
        + '<form id="filters" class="filters" autocomplete="off">'
        + '<label>From <input type="date" name="since"></label>'
        + '<label>To <input type="date" name="until"></label>'
        + '<label>Country <select name="country"><option value="">all</option></select></label>'
        + '<label>Province <select name="admin1"><option value="">all</option></select></label>'
        + '<label>Type <select name="type"><option value="">all</option></select></label>'
        + '<label>Actor <input type="search" name="actor" list="actor-list" maxlength="200"></label>'
        + '<datalist id="actor-list"></datalist>'
        + '<label>Min. deaths <input type="number" name="min_fatalities" min="0" step="1"></label>'
        + '<label>Text <input type="search" name="q" maxlength="200"></label>'
        + '<label class="check"><input type="checkbox" name="in_view"> in map view</label>'
        + '<button type="submit">Apply</button> <button type="reset">Clear</button>'
        + "</form>"
        + '<main class="grid">'
        + '<section class="panel map-panel"><div id="map" aria-label="map of events"></div>'
        + '<div id="legend" class="legend"></div></section>'
        + '<section class="panel timeline-panel"><div class="panel-head"><h2>Timeline</h2>'
        + '<label>per <select id="interval"><option value="day">day</option>'
        + '<option value="week" selected>week</option><option value="month">month</option></select></label>'
        + '<label>show <select id="measure"><option value="events">events</option>'
        + '<option value="fatalities">fatalities</option></select></label></div>'
        + '<div id="timeline" class="timeline"></div></section>'
        + '<section class="panel table-panel"><div class="panel-head"><h2>Events</h2>'
        + '<label>sort <select id="sort"><option value="-date">newest</option><option value="date">oldest</option>'
        + '<option value="-fatalities">most deaths</option><option value="confidence">least confident</option>'
        + '<option value="-sources">most sources</option></select></label>'
        + '<span id="pager" class="pager"><button type="button" id="prev">‹ prev</button>'
        + '<span id="page-info"></span><button type="button" id="next">next ›</button></span></div>'
        + '<table id="events" class="events"><thead><tr><th>Date</th><th>Location</th><th>Type</th>'
        + '<th>Actors</th><th class="num">Deaths</th><th class="num">Sources</th><th>Review</th></tr></thead>'
        + "<tbody></tbody></table></section>"
        + "</main>"
        + f'<script src="{_asset("vendor/leaflet/leaflet.js")}"></script>'
        + f'<script src="{_asset("vendor/markercluster/leaflet.markercluster.js")}"></script>'
        + f'<script src="{_asset("vendor/topojson/topojson-client.min.js")}"></script>'
        + f'<script src="{_asset("dashboard.js")}"></script>'
        + "</body></html>"
    )


def error_page(status: int, message: str) -> str:
    return (
        _head(f"{status} · sitrep")
        + f'<body class="page"><header class="bar"><a class="brand" href="/">sitrep</a></header>'
        f'<main class="doc"><h1>{status}</h1><p>{h(message)}</p></main></body></html>'
    )


# ---------------------------------------------------------------------- event page


def highlight(text: str, spans: list[dict[str, Any]]) -> str:
    """``text`` escaped, with each evidence span marked; figure words link to their figure.

    Overlapping spans are cut at every boundary; each piece is marked with all its kinds and
    links to the strongest figure covering it.  The first piece of a figure's words carries
    ``id="ev-<figure>"`` so the figure list can link back.
    """
    cuts = {0, len(text)}
    for s in spans:
        cuts.add(s["start"])
        cuts.add(s["end"])
    bounds = sorted(c for c in cuts if 0 <= c <= len(text))
    seen_refs: set[str] = set()
    out: list[str] = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        piece = text[a:b]
        active = [s for s in spans if s["start"] <= a and s["end"] >= b]
        if not active:
            out.append(h(piece))
            continue
        kinds = sorted({s["kind"] for s in active}, key=EVIDENCE_KINDS.index)
        labels = sorted({s["label"] for s in active if s["kind"] != "sentence"})
        figs = [s for s in active if s["kind"] in ("figure", "wave-figure") and s["ref"]]
        classes = " ".join(["ev"] + [f"ev-{k}" for k in kinds])
        title = h("; ".join(labels)) if labels else h(_KIND_NAMES[kinds[0]])
        if figs:
            ref = figs[0]["ref"]
            ident = ""
            if ref not in seen_refs:
                seen_refs.add(ref)
                ident = f' id="ev-{h(ref)}"'
            out.append(
                f'<a{ident} class="{classes}" href="#fig-{h(ref)}" data-figure="{h(ref)}" '
                f'title="{title}">{h(piece)}</a>'
            )
        else:
            out.append(f'<mark class="{classes}" title="{title}">{h(piece)}</mark>')
    return "".join(out)


def _count(low: Any, best: Any, high: Any) -> str:
    if high is None:
        return f"{h(low)}+"
    if low == high:
        return h(low)
    return f"{h(low)}–{h(high)}"


def _figures_table(figures: list[dict[str, Any]]) -> str:
    if not figures:
        return '<p class="muted">No casualty figures reported for this event.</p>'
    rows = []
    for i, f in enumerate(figures):
        reports = []
        for r in f["reports"]:
            who = r.get("source") or "the article"
            label = f"{_count(r['low'], r['best'], r['high'])} per {h(who)}"
            if r.get("outlet"):
                label += f" ({h(r['outlet'])})"
            if r.get("derived"):
                label += " · sum of the article's categories"
            if r.get("link"):
                reports.append(f'<a href="#{h(r["link"])}">{label}</a>')
            elif r.get("parts"):
                links = ", ".join(
                    f'<a href="#{h(p)}">{h(p.rsplit("-", 1)[-1])}</a>' for p in r["parts"]
                )
                reports.append(f"{label}: {links}")
            else:
                reports.append(label)
        rows.append(
            f'<tr id="est-{i}" class="{"conflict" if f["conflicting"] else ""}">'
            f"<td>{h(f['status'])}</td><td>{h(f['category'])}</td>"
            f'<td class="num">{h(f["low"])}</td><td class="num best">{h(f["best"])}</td>'
            f'<td class="num">{h(f["high"])}</td><td class="num">{h(f["number_of_sources"])}</td>'
            f"<td>{'conflicting · ' if f['conflicting'] else ''}{'; '.join(reports)}</td></tr>"
        )
    return (
        '<table class="figures"><thead><tr><th>Status</th><th>Category</th><th class="num">Low</th>'
        '<th class="num">Best</th><th class="num">High</th><th class="num">Sources</th>'
        "<th>Reported by</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>"
    )


def _source_section(src: dict[str, Any]) -> str:
    url = safe_url(src.get("url"))
    title = h(src.get("title") or src.get("url") or src["article_id"])
    heading = f'<a href="{h(url)}" rel="noopener noreferrer nofollow">{title}</a>' if url else title
    meta = " · ".join(
        h(x) for x in (src.get("outlet"), src.get("published"), f"article {src['article_id']}") if x
    )
    figs = "".join(
        f'<li id="{h(f["anchor"])}" class="figure-item{" superseded" if f["superseded"] else ""}">'
        f'<a class="to-evidence" href="#{h(f["evidence"])}">{h(f["id"])}</a> '
        f"<strong>{_count(f['low'], f['best'], f['high'])}</strong> {h(f['category'])}"
        f"{(' (' + h(f['subcategory']) + ')') if f.get('subcategory') else ''} {h(f['status'])}"
        f" · {h(f['level'])}{(' · per ' + h(f['source'])) if f.get('source') else ''}"
        f"{' · superseded' if f['superseded'] else ''}"
        f" <q>{h(f['quote'])}</q></li>"
        for f in src["figures"]
    )
    claims = "".join(
        f'<li id="{h(c["anchor"])}"><strong>{h(c["speaker"])}</strong> <em>{h(c["stance"])}</em>: '
        f"{h(c['about'])}</li>"
        for c in src["claims"]
    )
    warnings = "".join(
        f"<li><code>{h(w['code'])}</code> {h(w['message'])}</li>" for w in src["warnings"]
    )
    return (
        f'<section class="source" id="{h(src["ref"])}"><h3>{h(src["ref"])} · {heading}</h3>'
        f'<p class="muted">{meta}</p>'
        + (f'<ul class="warnings">{warnings}</ul>' if warnings else "")
        + '<div class="source-body"><div class="article" lang="'
        + h(src.get("language") or "en")
        + '">'
        + highlight(src["text"], src["evidence"])
        + "</div><aside>"
        + "<h4>Figures from this article</h4>"
        + (f'<ol class="figure-list">{figs}</ol>' if figs else '<p class="muted">none</p>')
        + "<h4>Claims and statements</h4>"
        + (f'<ul class="claims">{claims}</ul>' if claims else '<p class="muted">none</p>')
        + "</aside></div></section>"
    )


def _legend() -> str:
    return (
        '<p class="legend-kinds">'
        + " ".join(
            f'<mark class="ev ev-{k}">{h(name)}</mark>'
            for k, name in _KIND_NAMES.items()
            if k != "sentence"
        )
        + "</p>"
    )


def _review_form(event: dict[str, Any]) -> str:
    options = "".join(f'<option value="{h(f)}">{h(f)}</option>' for f in sorted(EDITABLE))
    incidents = "".join(
        f'<option value="{h(i["row"])}">{h(s["ref"])} {h(i["id"])}</option>'
        for s in event["sources"]
        for i in s.get("incidents", [])
    )
    if sum(len(s.get("incidents", [])) for s in event["sources"]) < 2:
        incidents = ""
    return (
        f'<form id="review" class="review" data-event="{h(event["id"])}" autocomplete="off">'
        "<h2>Review</h2>"
        '<label>Action <select name="action"><option value="accept">accept as correct</option>'
        '<option value="edit">edit a field</option><option value="merge">merge another event into this one</option>'
        + ('<option value="split">split a report out</option>' if incidents else "")
        + "</select></label>"
        f'<label class="for-edit">Field <select name="field">{options}</select></label>'
        '<label class="for-edit">New value <input name="value" maxlength="2000"></label>'
        '<label class="for-merge">Other event id <input name="other" type="number" min="1"></label>'
        + (
            f'<label class="for-split">Report <select name="incident">{incidents}</select></label>'
            if incidents
            else ""
        )
        + '<label>Reviewer <input name="reviewer" required maxlength="100"></label>'
        '<label>Reason <input name="reason" maxlength="2000"></label>'
        '<label>Write token <input name="token" type="password" required autocomplete="off"></label>'
        '<button type="submit">Submit review</button>'
        '<p id="review-status" class="status" role="status"></p>'
        "</form>"
    )


def _history(reviews: list[dict[str, Any]]) -> str:
    if not reviews:
        return '<p class="muted" id="no-history">No reviews yet.</p>'
    rows = "".join(
        f"<tr><td>{h(r['at'])}</td><td>{h(r['reviewer'])}</td><td>{h(r['action'])}</td>"
        f"<td>{h(r['field'])}</td><td>{h(_show(r['old_value']))}</td><td>{h(_show(r['new_value']))}</td>"
        f"<td>{h(r['reason'])}</td></tr>"
        for r in reviews
    )
    return (
        '<table class="history" id="history"><thead><tr><th>When</th><th>Who</th><th>Action</th>'
        "<th>Field</th><th>Was</th><th>Now</th><th>Why</th></tr></thead><tbody>"
        + rows
        + "</tbody></table>"
    )


def _show(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def _decisions(decisions: list[dict[str, Any]]) -> str:
    if not decisions:
        return ""
    undone = ' class="undone"'
    items = "".join(
        f"<li{undone if d['undone'] else ''}><code>{h(d['action'])}</code>"
        f"{(' score ' + h(d['score'])) if d['score'] is not None else ''} · {h('; '.join(d['reasons']))}"
        f' <span class="muted">({h(d["decided_by"])}, {h(d["decided_at"])}{", undone" if d["undone"] else ""})</span></li>'
        for d in decisions
    )
    return f'<section class="panel"><h2>Merge decisions</h2><ul class="decisions">{items}</ul></section>'


def event_page(event: dict[str, Any]) -> str:
    """The event page: facts, reconciled figures, every source article with its evidence marked,
    merge decisions, review history and the review form."""
    place = ", ".join(
        h(x)
        for x in (
            event.get("location"),
            event.get("admin2"),
            event.get("admin1"),
            event.get("country_name") or event.get("country"),
        )
        if x
    )
    actors = (
        "; ".join(
            f'{h(a["name"])} <span class="muted">({h(a["attribution"])})</span>'
            for a in event["actors"]
        )
        or '<span class="muted">unknown</span>'
    )
    facts = [
        (
            "Date",
            h(event.get("date"))
            + (f" – {h(event['date_end'])}" if event.get("date_end") else "")
            + f' <span class="muted">({h(event.get("date_precision"))})</span>',
        ),
        (
            "Place",
            (place or '<span class="muted">unknown</span>')
            + (
                f' <span class="muted">(precision {h(event.get("geo_precision"))}; '
                f"{h(event.get('latitude'))}, {h(event.get('longitude'))})</span>"
                if event.get("latitude") is not None
                else ""
            ),
        ),
        (
            "Type",
            h(event.get("event_type"))
            + (f" / {h(event['sub_event_type'])}" if event.get("sub_event_type") else "")
            + f' <span class="muted">{h(", ".join(event.get("types", [])))}</span>',
        ),
        ("Status", h(event.get("status"))),
        ("Perpetrators", actors),
        ("Targets", h(", ".join(event.get("targets", []))) or '<span class="muted">—</span>'),
        ("Weapons", h(", ".join(event.get("weapons", []))) or '<span class="muted">—</span>'),
        ("Deaths (best)", f'<strong id="fatalities">{h(event.get("fatalities"))}</strong>'),
        ("Sources", h(event.get("number_of_sources"))),
        ("Confidence", h(f"{event.get('confidence', 0):.2f}")),
        (
            "Review",
            f'<span id="review-state">{h(event.get("review_status"))}</span>'
            + (
                f' <span class="muted">edited: {h(", ".join(event["reviewed_fields"]))}</span>'
                if event.get("reviewed_fields")
                else ""
            ),
        ),
    ]
    group = event.get("group")
    if group:
        others = ", ".join(
            f'<a href="/events/{h(i)}">{h(i)}</a>' for i in group["event_ids"] if i != event["id"]
        )
        gfig = "; ".join(
            f"{_count(f['low'], f['best'], f['high'])} {h(f['category'])} {h(f['status'])}"
            for f in group["figures"]
        )
        facts.append(
            (
                "Coordinated wave",
                f"group {h(group['id'])} in {h(group.get('area'))}"
                + (f" with events {others}" if others else "")
                + (f" · wave figures: {gfig}" if gfig else ""),
            )
        )
    dl = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in facts)
    title = f"Event {event['id']}: {event.get('location') or 'unknown place'}, {event.get('date') or 'undated'}"
    return (
        _head(title)
        + f'<body class="page event-page" data-event="{h(event["id"])}">'
        + '<header class="bar"><a class="brand" href="/">sitrep</a>'
        + f'<span class="summary">{h(title)}</span>'
        + f'<a class="api-link" href="/api/events/{h(event["id"])}">JSON</a></header>'
        + '<main class="doc">'
        + f'<h1>{h(title)}</h1><p class="lead">{h(event.get("summary"))}</p>'
        + f'<section class="panel"><dl class="facts">{dl}</dl></section>'
        + f'<section class="panel"><h2>Casualty figures</h2>{_figures_table(event["figures"])}</section>'
        + '<section class="panel"><h2>Sources and evidence</h2>'
        + _legend()
        + "".join(_source_section(s) for s in event["sources"])
        + "</section>"
        + _decisions(event["merge_decisions"])
        + f'<section class="panel"><h2>Review history</h2>{_history(event["reviews"])}</section>'
        + f'<section class="panel">{_review_form(event)}</section>'
        + "</main>"
        + f'<script src="{_asset("event.js")}"></script>'
        + "</body></html>"
    )
