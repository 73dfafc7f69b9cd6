"""The REST API under ``/api``: events (list, one, review), articles (submit), stats, map points,
facets, exports and the OpenAPI spec.  Routes are listed in :data:`ROUTES`; the spec in
:mod:`sitrep.service.openapi` documents each of them."""

from __future__ import annotations

import datetime as dt
import json
import logging
import math
from collections.abc import Callable, Mapping
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

import sitrep
from sitrep.errors import InputError, StoreError
from sitrep.ingest.records import IngestError
from sitrep.service import exports, queries
from sitrep.service.detail import event_detail
from sitrep.service.openapi import openapi_spec
from sitrep.service.queries import MAX_TEXT, EventQuery, QueryError
from sitrep.service.security import token_ok
from sitrep.service.state import state_of
from sitrep.store import EDITABLE

log = logging.getLogger(__name__)

_FILTERS = (
    "since",
    "until",
    "country",
    "admin1",
    "type",
    "actor",
    "min_fatalities",
    "bbox",
    "q",
    "review_status",
    "ids",
)
MAX_IDS = 500


# ---------------------------------------------------------------------- parameters


def _date(name: str, value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise QueryError(f"{name} must be a date YYYY-MM-DD, got {value[:40]!r}") from None


def _int(name: str, value: str, *, low: int = 0, high: int = 10**9) -> int:
    try:
        n = int(value)
    except ValueError:
        raise QueryError(f"{name} must be an integer, got {value[:40]!r}") from None
    if not low <= n <= high:
        raise QueryError(f"{name} must be between {low} and {high}")
    return n


def _text(name: str, value: str) -> str | None:
    value = value.strip()
    if len(value) > MAX_TEXT:
        raise QueryError(f"{name} is longer than {MAX_TEXT} characters")
    if "\x00" in value:
        raise QueryError(f"{name} contains a NUL character")
    return value or None


def _bbox(value: str) -> tuple[float, float, float, float]:
    parts = value.split(",")
    if len(parts) != 4:
        raise QueryError("bbox must be min_lon,min_lat,max_lon,max_lat")
    try:
        w, s, e, n = (float(p) for p in parts)
    except ValueError:
        raise QueryError("bbox must be four numbers: min_lon,min_lat,max_lon,max_lat") from None
    if not all(math.isfinite(v) for v in (w, s, e, n)):
        raise QueryError("bbox numbers must be finite")
    if not (-180 <= w <= e <= 180 and -90 <= s <= n <= 90):
        raise QueryError(
            "bbox must satisfy -180 <= min_lon <= max_lon <= 180 and -90 <= min_lat <= max_lat <= 90"
        )
    return (w, s, e, n)


def parse_query(params: Mapping[str, str], *, allowed: tuple[str, ...] = ()) -> EventQuery:
    """An :class:`EventQuery` from request parameters; :class:`QueryError` on anything unusable."""
    unknown = sorted(set(params) - set(_FILTERS) - set(allowed))
    if unknown:
        raise QueryError(f"unknown parameter(s): {', '.join(u[:40] for u in unknown)}")
    values: dict[str, Any] = {}
    for name in ("country", "admin1", "type", "actor", "q"):
        if name in params:
            values[name] = _text(name, params[name])
    if params.get("since"):
        values["since"] = _date("since", params["since"])
    if params.get("until"):
        values["until"] = _date("until", params["until"])
    if values.get("since") and values.get("until") and values["since"] > values["until"]:
        raise QueryError("since is after until")
    if params.get("min_fatalities"):
        values["min_fatalities"] = _int("min_fatalities", params["min_fatalities"])
    if params.get("bbox"):
        values["bbox"] = _bbox(params["bbox"])
    if params.get("review_status"):
        status = params["review_status"]
        if status not in queries.REVIEW_STATUSES:
            raise QueryError(f"review_status must be one of {', '.join(queries.REVIEW_STATUSES)}")
        values["review_status"] = status
    if params.get("ids"):
        raw = [p for p in params["ids"].split(",") if p.strip()]
        if len(raw) > MAX_IDS:
            raise QueryError(f"at most {MAX_IDS} ids")
        values["ids"] = tuple(_int("ids", p.strip(), low=1, high=2**62) for p in raw)
    return EventQuery(**values)


def _bad(message: str, status: int = 400) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


# ---------------------------------------------------------------------- reads


def list_events(request: Request) -> Response:
    params = request.query_params
    try:
        query = parse_query(params, allowed=("sort", "limit", "offset"))
        limit = _int("limit", params.get("limit", "50"), low=1, high=queries.MAX_LIMIT)
        offset = _int("offset", params.get("offset", "0"), high=10**8)
        page = queries.list_events(
            state_of(request).db(),
            query,
            sort=params.get("sort", queries.DEFAULT_SORT),
            limit=limit,
            offset=offset,
        )
    except QueryError as exc:
        return _bad(str(exc))
    return JSONResponse(
        {
            "total": page.total,
            "limit": page.limit,
            "offset": page.offset,
            "sort": page.sort,
            "items": page.items,
        }
    )


def _event_id(request: Request) -> int:
    event_id = request.path_params["event_id"]
    if not 1 <= event_id <= 2**62:
        raise HTTPException(404, "no such event")
    return int(event_id)


def get_event(request: Request) -> Response:
    event_id = _event_id(request)
    store = state_of(request).store()
    try:
        return JSONResponse(event_detail(store, event_id))
    except StoreError:
        return _bad(f"no event {event_id}", 404)


def map_points(request: Request) -> Response:
    try:
        query = parse_query(request.query_params, allowed=("limit",))
        limit = _int(
            "limit",
            request.query_params.get("limit", str(queries.MAX_MAP_POINTS)),
            low=1,
            high=queries.MAX_MAP_POINTS,
        )
    except QueryError as exc:
        return _bad(str(exc))
    return JSONResponse(queries.map_points(state_of(request).db(), query, limit=limit))


def get_stats(request: Request) -> Response:
    try:
        query = parse_query(request.query_params, allowed=("interval",))
        return JSONResponse(
            queries.stats(
                state_of(request).db(), query, interval=request.query_params.get("interval", "week")
            )
        )
    except QueryError as exc:
        return _bad(str(exc))


def get_facets(request: Request) -> Response:
    return JSONResponse(queries.facets(state_of(request).db()))


def get_export(request: Request) -> Response:
    params = request.query_params
    fmt = params.get("format", "")
    try:
        query = parse_query(params, allowed=("format",))
    except QueryError as exc:
        return _bad(str(exc))
    if fmt not in exports.FORMATS:
        return _bad(f"format must be one of {', '.join(exports.FORMATS)}")
    try:
        body, media_type, filename = exports.export(state_of(request).store(), fmt, query)
    except exports.ExportUnavailable as exc:
        return _bad(str(exc), 501)
    return Response(
        body,
        media_type=media_type,
        headers={"content-disposition": f'attachment; filename="{filename}"'},
    )


def health(request: Request) -> Response:
    store = state_of(request).store()
    counts = store.counts()
    return JSONResponse(
        {
            "status": "ok",
            "version": sitrep.__version__,
            "backend": store.backend,
            "schema_version": store.schema_version(),
            "events": counts.events,
            "articles": counts.articles,
        }
    )


def get_openapi(request: Request) -> Response:
    return JSONResponse(openapi_spec())


# ---------------------------------------------------------------------- writes


def _require_token(request: Request) -> None:
    if not token_ok(request, state_of(request).config.token):
        raise HTTPException(
            401,
            "a write needs 'Authorization: Bearer <token>'",
            headers={"WWW-Authenticate": "Bearer"},
        )


async def _json_body(request: Request) -> dict[str, Any]:
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype != "application/json":
        raise HTTPException(415, "send the body as application/json")
    raw = await request.body()
    try:
        body = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise HTTPException(400, f"body is not valid JSON: {exc}") from None
    if not isinstance(body, dict):
        raise HTTPException(400, "body must be a JSON object")
    return body


def _short_text(
    body: dict[str, Any], name: str, *, required: bool = False, limit: int = 2000
) -> str:
    value = body.get(name)
    if value is None or value == "":
        if required:
            raise HTTPException(400, f"{name!r} is required")
        return ""
    if not isinstance(value, str):
        raise HTTPException(400, f"{name!r} must be a string")
    value = value.strip()
    if len(value) > limit:
        raise HTTPException(400, f"{name!r} is longer than {limit} characters")
    if required and not value:
        raise HTTPException(400, f"{name!r} is required")
    return value


_PATCH_KEYS = {"reviewer", "reason", "accept", "changes", "merge", "split_incident"}


async def patch_event(request: Request) -> Response:
    """Review one event: edit fields, merge another event into it, split a report out, accept."""
    _require_token(request)
    event_id = _event_id(request)
    body = await _json_body(request)
    unknown = sorted(set(body) - _PATCH_KEYS)
    if unknown:
        return _bad(f"unknown field(s): {', '.join(str(u)[:40] for u in unknown)}")
    reviewer = _short_text(body, "reviewer", required=True, limit=100)
    reason = _short_text(body, "reason")
    changes = body.get("changes") or {}
    if not isinstance(changes, dict):
        return _bad("'changes' must be an object {field: value}")
    bad_fields = sorted(str(f)[:40] for f in changes if f not in EDITABLE)
    if bad_fields:
        return _bad(
            f"not editable: {', '.join(bad_fields)}; editable: {', '.join(sorted(EDITABLE))}"
        )
    for f, v in changes.items():
        if isinstance(v, str) and len(v) > 2000 or isinstance(v, dict):
            return _bad(f"bad value for {f}")
    merge = body.get("merge")
    split = body.get("split_incident")
    for name, value in (("merge", merge), ("split_incident", split)):
        if value is not None and (
            isinstance(value, bool) or not isinstance(value, int) or value < 1
        ):
            return _bad(f"{name!r} must be a positive integer id")
    accept = body.get("accept", False)
    if not isinstance(accept, bool):
        return _bad("'accept' must be true or false")
    if not (changes or merge or split or accept):
        return _bad("nothing to do: give 'changes', 'merge', 'split_incident' or 'accept': true")

    def work() -> dict[str, Any]:
        store = state_of(request).store()
        store.event(event_id)  # 404 before any write
        result: dict[str, Any] = {}
        for f, v in changes.items():
            store.edit(event_id, f, v, reviewer=reviewer, reason=reason)
        if merge is not None:
            store.merge_events(event_id, merge, reviewer=reviewer, reason=reason)
        if split is not None:
            result["new_event_id"] = store.split(event_id, split, reviewer=reviewer, reason=reason)
        if accept:
            store.accept(event_id, reviewer=reviewer, reason=reason)
        result["event"] = event_detail(store, event_id)
        return result

    try:
        result = await run_in_threadpool(work)
    except StoreError as exc:
        message = str(exc)
        status = 404 if message.startswith(f"no event {event_id}") else 400
        return _bad(message, status)
    return JSONResponse(result)


_ARTICLE_KEYS = {"text", "html", "url", "published", "outlet", "title", "language", "id"}


async def post_article(request: Request) -> Response:
    """Submit one article (text or HTML): extract, store, merge; give the events it touched."""
    _require_token(request)
    body = await _json_body(request)
    unknown = sorted(set(body) - _ARTICLE_KEYS)
    if unknown:
        return _bad(f"unknown field(s): {', '.join(str(u)[:40] for u in unknown)}")

    def work() -> dict[str, Any]:
        from sitrep.ingest import record_to_article

        article = record_to_article(body, source="api")
        extraction = sitrep.extract(article.text, published=article.published, article=article)
        state = state_of(request)
        store = state.store()
        outcome = store.ingest(extraction, source="api")
        event_ids = tuple(
            int(r[0])
            for r in store.db.all(
                "SELECT DISTINCT event_id FROM incidents WHERE article_id = ? AND event_id IS NOT NULL",
                (outcome.article_id,),
            )
        )
        page = (
            queries.list_events(
                store.db, EventQuery(ids=event_ids), sort="id", limit=queries.MAX_LIMIT
            )
            if event_ids
            else None
        )
        return {
            "article_id": outcome.article_id,
            "status": outcome.status,
            "reason": outcome.reason,
            "incidents": outcome.incidents,
            "events_new": outcome.events_new,
            "events_merged": outcome.events_merged,
            "warnings": [{"code": w.code, "message": w.message} for w in extraction.warnings],
            "events": page.items if page else [],
        }

    try:
        result = await run_in_threadpool(work)
    except (InputError, IngestError) as exc:
        return _bad(str(exc), 422)
    except StoreError as exc:
        return _bad(str(exc), 422)
    return JSONResponse(result, status_code=201 if result["status"] != "duplicate" else 200)


Handler = Callable[[Request], Any]

ROUTES = [
    Route("/api/events", list_events, methods=["GET"]),
    Route("/api/events/{event_id:int}", get_event, methods=["GET"]),
    Route("/api/events/{event_id:int}", patch_event, methods=["PATCH"]),
    Route("/api/articles", post_article, methods=["POST"]),
    Route("/api/map", map_points, methods=["GET"]),
    Route("/api/stats", get_stats, methods=["GET"]),
    Route("/api/facets", get_facets, methods=["GET"]),
    Route("/api/export", get_export, methods=["GET"]),
    Route("/api/health", health, methods=["GET"]),
    Route("/api/openapi.json", get_openapi, methods=["GET"]),
]
