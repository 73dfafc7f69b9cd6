"""Typed records the store hands back: outcomes of ingest, canonical events, decisions, reviews."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sitrep.merge.figures import FigureEstimate

NEW, DUPLICATE, REEXTRACTED, UNCHANGED = "new", "duplicate", "reextracted", "unchanged"


@dataclass(slots=True)
class IngestOutcome:
    """What storing one article did."""

    article_id: str
    status: str  # new | duplicate | reextracted
    reason: str = ""  # for a duplicate: "same content" or "same URL"
    incidents: int = 0
    events_new: int = 0
    events_merged: int = 0  # incidents that joined an existing event
    groups_new: int = 0
    groups_merged: int = 0


@dataclass(slots=True)
class StoredArticle:
    id: str
    url: str | None
    outlet: str | None
    published: dt.date | None
    title: str | None
    extraction_version: str | None


@dataclass(slots=True)
class EventSource:
    """One article's report of an event: which incident of which article."""

    article_id: str
    incident_id: int
    local_id: str
    url: str | None
    outlet: str | None
    title: str | None
    published: dt.date | None
    place_name: str | None
    summary: str


@dataclass(slots=True)
class PerpetratorRecord:
    actor_id: str
    name: str
    attribution: str  # the strongest any source gives: claimed > reported > alleged > suspected
    kind: str | None = None  # model.ActorKind value when the actor is in the lexicon
    sources: int = 1


@dataclass(slots=True)
class EventRecord:
    """A canonical event with the reviewed values applied (``reviewed_fields`` names them)."""

    id: int
    group_id: int | None
    date: dt.date | None
    date_end: dt.date | None
    date_precision: str | None
    location: str | None
    admin1: str | None
    admin2: str | None
    country: str | None  # ISO 3166-1 alpha-2
    country_iso3: str | None
    country_name: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: int | None
    where_prec: int | None
    types: list[str]
    status: str | None
    acled_event_type: str | None
    acled_sub_event_type: str | None
    perpetrators: list[PerpetratorRecord]
    targets: list[str]  # target lexicon ids
    weapons: list[str]  # weapon lexicon ids
    suicide: bool
    summary: str
    number_of_sources: int
    confidence: float
    review_status: str
    reviewed_fields: list[str] = field(default_factory=list)
    figures: list[FigureEstimate] = field(default_factory=list)
    sources: list[EventSource] = field(default_factory=list)
    group_event_ids: list[int] = field(default_factory=list)  # every event of its group

    def deaths(self, category: str = "all") -> FigureEstimate | None:
        for f in self.figures:
            if f.status == "killed" and f.category == category:
                return f
        return None

    def figure(self, status: str, category: str = "all") -> FigureEstimate | None:
        for f in self.figures:
            if f.status == status and f.category == category:
                return f
        return None


@dataclass(slots=True)
class GroupRecord:
    """A coordinated wave: its events and the figures reported only for the wave."""

    id: int
    date: dt.date | None
    area: str | None
    admin1: str | None
    country: str | None
    latitude: float | None
    longitude: float | None
    event_ids: list[int]
    article_ids: list[str]
    figures: list[FigureEstimate] = field(default_factory=list)


@dataclass(slots=True)
class MergeDecision:
    id: int
    kind: str  # incident | group
    action: str  # new | merge | carry | manual_merge | split | group_new | group_merge | ...
    incident_id: int | None
    article_group_id: int | None
    event_id: int | None
    event_group_id: int | None
    score: float | None
    reasons: list[str]
    decided_by: str
    decided_at: str
    undone_by: int | None


@dataclass(slots=True)
class ReviewEntry:
    id: int
    event_id: int
    reviewer: str
    at: str
    action: str  # accept | edit | merge | split | undo
    field: str | None
    old_value: Any
    new_value: Any
    reason: str


@dataclass(slots=True)
class StoreCounts:
    articles: int
    extractions: int
    incidents: int
    events: int
    groups: int
    figures: int
    claims: int
    decisions: int
    reviews: int


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events to read (all conditions hold); ``bbox`` is (min_lon, min_lat, max_lon, max_lat)."""

    since: dt.date | None = None
    until: dt.date | None = None
    country: str | None = None  # ISO alpha-2, alpha-3 or the country name
    bbox: tuple[float, float, float, float] | None = None
    event_ids: tuple[int, ...] | None = None
