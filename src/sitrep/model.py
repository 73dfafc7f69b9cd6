"""The data model every stage passes on (see docs/output.md for the JSON form).

Typed records, no flag-shaped dicts.  Every extracted value carries the
character span(s) in the article text it was read from.  All records are plain
dataclasses; :func:`to_dict` / :func:`from_dict` give a lossless JSON round-trip.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import types
import typing
from dataclasses import dataclass, field
from typing import Any, TypeVar

T = TypeVar("T")


class StrEnum(enum.StrEnum):
    """An enum whose JSON form (and ``str``) is its value."""


# --------------------------------------------------------------------------- evidence


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """Character offsets ``[start, end)`` into the article text, and the text quoted."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        return cls(start, end, text[start:end])


# --------------------------------------------------------------------------- article


@dataclass(slots=True)
class Article:
    """One news report as ingested."""

    text: str
    id: str = ""
    url: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    language: str | None = None
    title: str | None = None


# --------------------------------------------------------------------------- places


class PlaceKind(StrEnum):
    TOWN = "town"  # populated place, town, city, village
    DISTRICT = "district"  # second-level unit (district, county, department)
    PROVINCE = "province"  # first-level unit (province, state, region)
    COUNTRY = "country"
    AREA = "area"  # something vaguer ("border area", "the Kurram area")
    UNKNOWN = "unknown"


@dataclass(slots=True)
class PlaceCandidate:
    """One gazetteer entry considered when resolving a place name."""

    geonames_id: int | None
    name: str
    kind: PlaceKind
    admin1: str | None
    admin2: str | None
    country: str | None
    latitude: float | None
    longitude: float | None
    score: float
    reasons: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Place:
    """A place as written, and (when resolved) where it is.

    ``precision`` follows ACLED's geo_precision: 1 exact town, 2 district or
    "near"/"outskirts of" a town, 3 province/region, 4 country (our addition).
    ``where_prec`` follows UCDP GED (1 exact .. 7 country).
    """

    name: str
    spans: list[Span] = field(default_factory=list)
    kind: PlaceKind = PlaceKind.UNKNOWN
    geonames_id: int | None = None
    canonical_name: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-2
    country_iso3: str | None = None
    country_name: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    precision: int | None = None
    where_prec: int | None = None
    resolved: bool = False
    alternatives: list[PlaceCandidate] = field(default_factory=list)

    @property
    def key(self) -> str:
        """Identity of the place for grouping: the gazetteer id or the folded name."""
        if self.geonames_id is not None:
            return f"geonames:{self.geonames_id}"
        return "name:" + (self.canonical_name or self.name).casefold()


# --------------------------------------------------------------------------- actors


class ActorKind(StrEnum):
    ARMED_GROUP = "armed_group"
    STATE_FORCE = "state_force"  # army, paramilitary, Frontier Corps, Levies
    POLICE = "police"  # police, CTD
    GOVERNMENT = "government"  # a government, ministry or state as a speaker
    OFFICIAL = "official"  # a named person speaking for an institution
    CIVILIANS = "civilians"
    ORGANIZATION = "organization"  # think tanks, NGOs, media
    UNKNOWN = "unknown"


@dataclass(slots=True)
class Actor:
    """An actor resolved against the lexicon (or a named person found in text)."""

    id: str  # lexicon id, e.g. "BLA"; "person:<name>" for people
    name: str  # canonical name
    kind: ActorKind
    country: str | None = None
    mentions: list[Span] = field(default_factory=list)  # every place it is named


class Attribution(StrEnum):
    CLAIMED = "claimed"  # the group itself claimed the act
    ALLEGED = "alleged"  # someone else (usually a government) says they did it
    SUSPECTED = "suspected"  # hedged attribution ("suspected militants", "blamed on")
    REPORTED = "reported"  # stated by the article as fact, without a source


@dataclass(slots=True)
class Perpetrator:
    actor_id: str
    name: str
    attribution: Attribution
    spans: list[Span] = field(default_factory=list)


# --------------------------------------------------------------------------- figures


class FigureStatus(StrEnum):
    KILLED = "killed"
    INJURED = "injured"
    ABDUCTED = "abducted"
    ARRESTED = "arrested"
    FREED = "freed"


class Category(StrEnum):
    CIVILIANS = "civilians"
    SECURITY_FORCES = "security_forces"
    MILITANTS = "militants"  # insurgents, terrorists, attackers, perpetrators
    UNKNOWN = "unknown"  # "people", "individuals": unknown or all


class Level(StrEnum):
    INCIDENT = "incident"  # reported for one incident
    GROUP = "group"  # reported for a coordinated wave only
    ARTICLE = "article"  # an article-wide total of the event(s) reported
    AGGREGATE = "aggregate"  # over a period spanning several actions ("133 in 48 hours")
    BACKGROUND = "background"  # a statistic, not an event ("700 in the past year")


@dataclass(slots=True)
class Quantity:
    """A count read from a number phrase: ``low <= best <= high`` (``high`` None = open)."""

    low: int
    best: int
    high: int | None
    span: Span
    approximate: bool = False  # "about", "nearly", "dozens"
    exact: bool = True  # a plain number with no qualifier


@dataclass(slots=True)
class Figure:
    """A count of people with a status and category, at the level it was reported."""

    id: str
    status: FigureStatus
    category: Category
    low: int
    best: int
    high: int | None
    level: Level
    spans: list[Span] = field(default_factory=list)  # number phrase + the words it counts
    subcategory: str | None = None  # "police", "army", "paramilitary", "levies", "ctd", ...
    source: str | None = None  # who reported it (as written), None if the article itself
    source_span: Span | None = None
    incident_id: str | None = None
    group_id: str | None = None
    period: str | None = None  # for aggregates and background: "48 hours", "the past year"
    includes: list[str] = field(default_factory=list)  # ids of figures this one contains
    supersedes: list[str] = field(default_factory=list)  # earlier figures it updates
    superseded_by: str | None = None
    sentence: Span | None = None


# --------------------------------------------------------------------------- dates


class DatePrecision(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


@dataclass(slots=True)
class EventDate:
    """A date as resolved; ``year`` None means the year is unknown (never guessed)."""

    year: int | None
    month: int | None
    day: int | None
    precision: DatePrecision
    spans: list[Span] = field(default_factory=list)
    relative: bool = False  # read from "yesterday", "on Saturday" against the publication date
    approximate: bool = False  # "late Sunday night" stays a day; "within 48 hours" is a range
    end: dt.date | None = None  # for a span of days

    @property
    def iso(self) -> str | None:
        """``YYYY-MM-DD`` when fully known, ``--MM-DD`` when the year is unknown."""
        if self.month is None:
            return f"{self.year:04d}" if self.year else None
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}" if self.year else f"--{self.month:02d}"
        if self.year is None:
            return f"--{self.month:02d}-{self.day:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def as_date(self) -> dt.date | None:
        if self.year and self.month and self.day:
            return dt.date(self.year, self.month, self.day)
        return None


# --------------------------------------------------------------------------- incidents


class AttackType(StrEnum):
    """GTD attack types plus two for state action."""

    BOMBING = "bombing/explosion"
    ARMED_ASSAULT = "armed assault"
    ASSASSINATION = "assassination"
    KIDNAPPING = "hostage taking (kidnapping)"
    FACILITY_ATTACK = "facility/infrastructure attack"
    HIJACKING = "hijacking"
    UNARMED_ASSAULT = "unarmed assault"
    ARMED_CLASH = "armed clash"
    SECURITY_OPERATION = "security operation"
    UNKNOWN = "unknown"


class IncidentStatus(StrEnum):
    CARRIED_OUT = "carried out"
    ATTEMPTED = "attempted"  # tried, repelled or failed
    FOILED = "foiled"  # stopped before or as it began


@dataclass(slots=True)
class Tagged:
    """A lexicon value found in text: a weapon, a target kind or a trigger."""

    kind: str  # lexicon id, e.g. "suicide_vest", "police", "prison"
    label: str  # readable label
    spans: list[Span] = field(default_factory=list)


@dataclass(slots=True)
class RoleFiller:
    """A noun phrase filling one role of an incident, as written, with its evidence.

    ``role``: ``perp_ind`` (perpetrator individuals: "urban guerrillas"), ``perp_org``
    (perpetrator organisations), ``victim`` (people harmed: "jaime pardo leal", "six peasants"),
    ``target`` (physical targets: "a power pylon") or ``weapon`` ("a car bomb").  ``text`` is
    the first mention; ``spans`` every mention read; ``head`` the phrase's head word; ``named``
    whether it is a person's name.
    """

    role: str
    text: str
    spans: list[Span] = field(default_factory=list)
    head: str = ""
    named: bool = False  # a person's name ("jaime pardo leal"), not a description ("the driver")


@dataclass(slots=True)
class Incident:
    """One action at one place on one day (the ACLED unit)."""

    id: str
    types: list[AttackType]
    status: IncidentStatus
    date: EventDate | None = None
    place: Place | None = None
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    perpetrators: list[Perpetrator] = field(default_factory=list)
    targets: list[Tagged] = field(default_factory=list)
    weapons: list[Tagged] = field(default_factory=list)
    triggers: list[Tagged] = field(default_factory=list)
    figure_ids: list[str] = field(default_factory=list)
    group_id: str | None = None
    suicide: bool = False
    summary: str = ""
    spans: list[Span] = field(default_factory=list)  # the sentences describing it
    arguments: list[RoleFiller] = field(default_factory=list)  # role fillers as written


@dataclass(slots=True)
class Group:
    """Incidents reported as one coordinated wave; holds figures given only for the wave."""

    id: str
    incident_ids: list[str]
    date: EventDate | None = None
    place: Place | None = None  # the common area (e.g. the province)
    perpetrators: list[Perpetrator] = field(default_factory=list)
    figure_ids: list[str] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)


# --------------------------------------------------------------------------- claims


class Stance(StrEnum):
    CLAIMS_RESPONSIBILITY = "claims_responsibility"
    ALLEGES = "alleges"
    DENIES = "denies"
    REPORTS = "reports"  # an official statement of fact or figures
    ACCUSES = "accuses"


@dataclass(slots=True)
class Claim:
    """A statement by a speaker: kept as said, never turned into fact."""

    id: str
    speaker: str  # as written
    stance: Stance
    about: str  # what it is about, as written
    spans: list[Span] = field(default_factory=list)  # the sentence or clause
    speaker_actor_id: str | None = None
    speaker_span: Span | None = None
    target_actor_ids: list[str] = field(default_factory=list)  # who is alleged/accused
    responds_to: str | None = None  # a denial's allegation id
    figure_ids: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- warnings


@dataclass(slots=True)
class Warning:
    code: str  # e.g. "year_unknown", "figures_inconsistent", "place_ambiguous"
    message: str
    spans: list[Span] = field(default_factory=list)


# --------------------------------------------------------------------------- result


@dataclass(slots=True)
class Extraction:
    """Everything read from one article."""

    article: Article
    incidents: list[Incident] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    warnings: list[Warning] = field(default_factory=list)
    version: str = ""

    def figure(self, figure_id: str) -> Figure:
        for f in self.figures:
            if f.id == figure_id:
                return f
        raise KeyError(figure_id)

    def incident_figures(self, incident: Incident) -> list[Figure]:
        return [f for f in self.figures if f.incident_id == incident.id]

    def to_dict(self) -> dict[str, Any]:
        return to_dict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Extraction:
        return from_dict(cls, data)


# --------------------------------------------------------------------------- JSON round-trip


def to_dict(obj: Any) -> Any:
    """Plain JSON-ready form of a model record (dates as ISO strings, enums as values)."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        out: dict[str, Any] = {}
        for f in dataclasses.fields(obj):
            out[f.name] = to_dict(getattr(obj, f.name))
        if isinstance(obj, EventDate):
            out["iso"] = obj.iso
        return out
    if isinstance(obj, enum.Enum):
        return obj.value
    if isinstance(obj, dt.date):
        return obj.isoformat()
    if isinstance(obj, list | tuple):
        return [to_dict(x) for x in obj]
    if isinstance(obj, dict):
        return {k: to_dict(v) for k, v in obj.items()}
    return obj


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls)
    return _HINTS[cls]


def _convert(tp: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return _convert(args[0], value)
    if origin is list:
        (arg,) = typing.get_args(tp)
        return [_convert(arg, v) for v in value]
    if isinstance(tp, type):
        if dataclasses.is_dataclass(tp):
            return from_dict(tp, value)
        if issubclass(tp, enum.Enum):
            return tp(value)
        if tp is dt.date:
            return dt.date.fromisoformat(value)
    return value


def from_dict(cls: type[T], data: dict[str, Any]) -> T:
    """Inverse of :func:`to_dict` for any model record type."""
    hints = _hints(cls)
    kwargs = {}
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        if f.name in data:
            kwargs[f.name] = _convert(hints[f.name], data[f.name])
    return cls(**kwargs)
