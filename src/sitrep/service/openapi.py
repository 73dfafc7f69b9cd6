"""The OpenAPI 3.1 description of ``/api`` (served at ``/api/openapi.json``)."""

from __future__ import annotations

from functools import cache
from typing import Any

from sitrep import __version__
from sitrep.service.queries import MAX_LIMIT, REVIEW_STATUSES, SORTS
from sitrep.store import EDITABLE


def _param(
    name: str,
    description: str,
    schema: dict[str, Any],
    *,
    where: str = "query",
    required: bool = False,
) -> dict[str, Any]:
    return {
        "name": name,
        "in": where,
        "required": required,
        "description": description,
        "schema": schema,
    }


_STR = {"type": "string", "maxLength": 200}
FILTER_PARAMS = [
    _param("since", "Events on or after this date.", {"type": "string", "format": "date"}),
    _param("until", "Events on or before this date.", {"type": "string", "format": "date"}),
    _param("country", "ISO 3166-1 alpha-2 or alpha-3 code, or the country's name.", _STR),
    _param("admin1", "Province / first-level division (exact name, any case).", _STR),
    _param(
        "type",
        "ACLED event type or sub-event type, or a GTD-style attack type "
        "(e.g. `Battles`, `Suicide bomb`, `bombing/explosion`).",
        _STR,
    ),
    _param("actor", "Perpetrator id or part of a name (e.g. `BLA`, `Taliban`).", _STR),
    _param(
        "min_fatalities",
        "At least this many deaths (best estimate).",
        {"type": "integer", "minimum": 0},
    ),
    _param(
        "bbox",
        "min_lon,min_lat,max_lon,max_lat",
        {"type": "string", "pattern": r"^-?[0-9.]+,-?[0-9.]+,-?[0-9.]+,-?[0-9.]+$"},
    ),
    _param("q", "Words that must all occur in the summary, place names or actors.", _STR),
    _param("review_status", "Review state.", {"type": "string", "enum": list(REVIEW_STATUSES)}),
    _param("ids", "Comma-separated event ids (at most 500).", {"type": "string"}),
]

_ERROR = {
    "description": "Error",
    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
}


def _json(ref: str, description: str = "OK") -> dict[str, Any]:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{ref}"}}},
    }


@cache
def openapi_spec() -> dict[str, Any]:
    event_id = _param(
        "event_id", "Event id.", {"type": "integer", "minimum": 1}, where="path", required=True
    )
    figure = {
        "type": "object",
        "properties": {
            "status": {"type": "string"},
            "category": {"type": "string"},
            "low": {"type": "integer"},
            "best": {"type": "integer"},
            "high": {"type": ["integer", "null"]},
            "number_of_sources": {"type": "integer"},
            "conflicting": {"type": "boolean"},
            "reports": {
                "type": "array",
                "items": {
                    "type": "object",
                    "description": "One article's figure: low/best/high, who reported it (source), outlet, "
                    "quote, and `link`, the anchor of its evidence on the event page.",
                },
            },
        },
    }
    event_item = {
        "type": "object",
        "properties": {
            "id": {"type": "integer"},
            "date": {"type": ["string", "null"], "format": "date"},
            "location": {"type": ["string", "null"]},
            "admin1": {"type": ["string", "null"]},
            "country": {"type": ["string", "null"]},
            "country_name": {"type": ["string", "null"]},
            "latitude": {"type": ["number", "null"]},
            "longitude": {"type": ["number", "null"]},
            "geo_precision": {"type": ["integer", "null"]},
            "event_type": {"type": ["string", "null"]},
            "sub_event_type": {"type": ["string", "null"]},
            "types": {"type": "array", "items": {"type": "string"}},
            "actors": {"type": "array", "items": {"type": "object"}},
            "fatalities": {"type": "integer"},
            "number_of_sources": {"type": "integer"},
            "confidence": {"type": "number"},
            "review_status": {"type": "string"},
            "summary": {"type": "string"},
            "group_id": {"type": ["integer", "null"]},
        },
    }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "sitrep",
            "version": __version__,
            "description": "Geocoded, source-linked event data from news reports of political "
            "violence. Reads are open; writes need `Authorization: Bearer <token>` "
            "(printed by `sitrep serve`).",
        },
        "servers": [{"url": "/"}],
        "components": {
            "securitySchemes": {"token": {"type": "http", "scheme": "bearer"}},
            "schemas": {
                "Error": {
                    "type": "object",
                    "properties": {"error": {"type": "string"}},
                    "required": ["error"],
                },
                "EventItem": event_item,
                "EventPage": {
                    "type": "object",
                    "properties": {
                        "total": {"type": "integer"},
                        "limit": {"type": "integer"},
                        "offset": {"type": "integer"},
                        "sort": {"type": "string"},
                        "items": {
                            "type": "array",
                            "items": {"$ref": "#/components/schemas/EventItem"},
                        },
                    },
                },
                "Figure": figure,
                "EventDetail": {
                    "allOf": [{"$ref": "#/components/schemas/EventItem"}],
                    "type": "object",
                    "properties": {
                        "figures": {
                            "type": "array",
                            "items": {"$ref": "#/components/schemas/Figure"},
                        },
                        "sources": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "description": "A source article: url, outlet, title, published, text, "
                                "evidence spans (start, end, text, kind, ref), its figures, "
                                "claims and extraction warnings.",
                            },
                        },
                        "group": {"type": ["object", "null"]},
                        "merge_decisions": {"type": "array", "items": {"type": "object"}},
                        "reviews": {"type": "array", "items": {"type": "object"}},
                    },
                },
                "Review": {
                    "type": "object",
                    "required": ["reviewer"],
                    "additionalProperties": False,
                    "properties": {
                        "reviewer": {"type": "string", "maxLength": 100},
                        "reason": {"type": "string", "maxLength": 2000},
                        "changes": {
                            "type": "object",
                            "description": "field -> new value",
                            "propertyNames": {"enum": sorted(EDITABLE)},
                        },
                        "merge": {
                            "type": "integer",
                            "description": "Fold this other event into it.",
                        },
                        "split_incident": {
                            "type": "integer",
                            "description": "Take this report (incident id) out into a new event.",
                        },
                        "accept": {"type": "boolean"},
                    },
                },
                "ArticleIn": {
                    "type": "object",
                    "additionalProperties": False,
                    "properties": {
                        "text": {"type": "string"},
                        "html": {"type": "string"},
                        "url": {"type": "string"},
                        "published": {"type": "string", "format": "date"},
                        "outlet": {"type": "string"},
                        "title": {"type": "string"},
                        "language": {"type": "string"},
                        "id": {"type": "string"},
                    },
                    "description": "Give `text` or `html`.",
                },
            },
        },
        "paths": {
            "/api/events": {
                "get": {
                    "summary": "List events",
                    "parameters": FILTER_PARAMS
                    + [
                        _param(
                            "sort",
                            "Sort order.",
                            {"type": "string", "enum": list(SORTS), "default": "-date"},
                        ),
                        _param(
                            "limit",
                            "Page size.",
                            {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT, "default": 50},
                        ),
                        _param(
                            "offset",
                            "Skip this many.",
                            {"type": "integer", "minimum": 0, "default": 0},
                        ),
                    ],
                    "responses": {"200": _json("EventPage"), "400": _ERROR},
                }
            },
            "/api/events/{event_id}": {
                "get": {
                    "summary": "One event with sources, figures, evidence, claims, merge "
                    "decisions and review history",
                    "parameters": [event_id],
                    "responses": {"200": _json("EventDetail"), "404": _ERROR},
                },
                "patch": {
                    "summary": "Review an event (edit fields, merge, split, accept)",
                    "security": [{"token": []}],
                    "parameters": [event_id],
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Review"}}
                        },
                    },
                    "responses": {
                        "200": {"description": "The event after the review"},
                        "400": _ERROR,
                        "401": _ERROR,
                        "404": _ERROR,
                        "413": _ERROR,
                        "415": _ERROR,
                    },
                },
            },
            "/api/articles": {
                "post": {
                    "summary": "Submit an article: extract, store and merge it",
                    "security": [{"token": []}],
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/json": {
                                "schema": {"$ref": "#/components/schemas/ArticleIn"}
                            }
                        },
                    },
                    "responses": {
                        "201": {"description": "Stored; the events it reports"},
                        "200": {"description": "Already stored (duplicate)"},
                        "400": _ERROR,
                        "401": _ERROR,
                        "413": _ERROR,
                        "415": _ERROR,
                        "422": _ERROR,
                    },
                }
            },
            "/api/map": {
                "get": {
                    "summary": "Map points: [id, lat, lon, fatalities, type index, location, date]",
                    "parameters": FILTER_PARAMS
                    + [
                        _param(
                            "limit", "At most this many points.", {"type": "integer", "minimum": 1}
                        )
                    ],
                    "responses": {"200": {"description": "OK"}, "400": _ERROR},
                }
            },
            "/api/stats": {
                "get": {
                    "summary": "Events and fatalities per day/week/month by event type and victim "
                    "category; totals by region",
                    "parameters": FILTER_PARAMS
                    + [
                        _param(
                            "interval",
                            "Bucket size.",
                            {"type": "string", "enum": ["day", "week", "month"], "default": "week"},
                        )
                    ],
                    "responses": {"200": {"description": "OK"}, "400": _ERROR},
                }
            },
            "/api/facets": {
                "get": {
                    "summary": "Countries, provinces, event types and actors present",
                    "responses": {"200": {"description": "OK"}},
                }
            },
            "/api/export": {
                "get": {
                    "summary": "Export events as ACLED, GTD or UCDP GED style CSV, GeoJSON or JSON lines",
                    "parameters": [
                        _param(
                            "format",
                            "Export format.",
                            {
                                "type": "string",
                                "enum": ["acled", "gtd", "ucdp", "geojson", "jsonl"],
                            },
                            required=True,
                        )
                    ]
                    + FILTER_PARAMS,
                    "responses": {"200": {"description": "The file"}, "400": _ERROR, "501": _ERROR},
                }
            },
            "/api/health": {
                "get": {
                    "summary": "Version, backend and counts",
                    "responses": {"200": {"description": "OK"}},
                }
            },
            "/api/openapi.json": {
                "get": {"summary": "This document", "responses": {"200": {"description": "OK"}}}
            },
        },
    }
