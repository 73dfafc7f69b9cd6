"""Does this incident describe that event?  A score in [0, 1] with the reasons for it.

Pure functions over small typed records; the store feeds them rows and records the outcome.

Gates (any failing one means "not the same event", score 0):

* date: both known to the day, and the same day or adjacent days;
* place: the same gazetteer place, or coordinates within the distance the coarser of the two
  precisions allows (:data:`RADIUS_KM`), or a district report of a town in that district, or the
  same name when neither is resolved (a province-level report matches only the same province);
* type: not two sets of attack types that cannot describe one act (:func:`types_compatible`);
* articles: an event never takes two incidents of the same article (the article told them apart).

Above the gates the score weighs date, place, type and actors (:data:`WEIGHTS`); a merge needs
:data:`THRESHOLD`.  Different named perpetrators lower the score; a shared one raises it.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

THRESHOLD = 0.6
WEIGHTS = {"date": 0.3, "place": 0.35, "type": 0.15, "actors": 0.2}
# How far apart two reports of one place may be, by ACLED geo_precision of the coarser one.  A
# province (3) or a country (4) only matches itself: a report that gives the province alone is
# not evidence of the same act as a town's.
RADIUS_KM = {1: 10.0, 2: 30.0}
EARTH_RADIUS_KM = 6371.0088

# Attack types that reporters use for the same act ("gunmen stormed" vs "militants attacked").
_FAMILIES: tuple[frozenset[str], ...] = (
    frozenset(
        {"armed assault", "armed clash", "facility/infrastructure attack", "unarmed assault"}
    ),
    frozenset({"bombing/explosion", "facility/infrastructure attack", "armed assault"}),
    frozenset({"assassination", "armed assault", "bombing/explosion"}),
    frozenset({"hostage taking (kidnapping)", "hijacking", "armed assault"}),
    frozenset({"security operation", "armed clash"}),
)
UNKNOWN_TYPE = "unknown"


@dataclass(frozen=True, slots=True)
class PlaceFacts:
    key: str
    name: str
    latitude: float | None = None
    longitude: float | None = None
    precision: int | None = None  # ACLED geo_precision: 1 town .. 3 province, 4 country
    admin1: str | None = None
    admin2: str | None = None
    country: str | None = None
    resolved: bool = False


@dataclass(frozen=True, slots=True)
class Facts:
    """What matching looks at, for an incident or a canonical event."""

    date: dt.date | None
    place: PlaceFacts | None
    types: frozenset[str] = frozenset()
    actors: frozenset[str] = frozenset()  # perpetrator actor ids
    article_ids: frozenset[str] = frozenset()


@dataclass(slots=True)
class Match:
    score: float
    reasons: list[str] = field(default_factory=list)

    @property
    def accepted(self) -> bool:
        return self.score >= THRESHOLD


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle (haversine) distance."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def types_compatible(a: Iterable[str], b: Iterable[str]) -> tuple[float, str]:
    """How well two sets of attack types agree: 1 shared, 0.7 one family, 0.5 unknown, 0 not."""
    sa = {t for t in a if t != UNKNOWN_TYPE}
    sb = {t for t in b if t != UNKNOWN_TYPE}
    if not sa or not sb:
        return 0.5, "type unknown on one side"
    shared = sa & sb
    if shared:
        return 1.0, "types share " + ", ".join(sorted(shared))
    for family in _FAMILIES:
        if sa & family and sb & family:
            return 0.7, f"compatible types {sorted(sa)[0]} / {sorted(sb)[0]}"
    return 0.0, f"incompatible types {sorted(sa)} / {sorted(sb)}"


def _fold(text: str | None) -> str:
    return " ".join((text or "").casefold().replace("district", "").split())


def place_match(a: PlaceFacts | None, b: PlaceFacts | None) -> tuple[float, str]:
    """How well two places agree (0 means they cannot be the same event's place)."""
    if a is None or b is None:
        return 0.0, "place unknown"
    if a.key == b.key:
        return 1.0, f"same place {a.name} ({a.key})"
    if a.country and b.country and a.country != b.country:
        return 0.0, f"different countries {a.country} / {b.country}"
    coarse = max(a.precision or 4, b.precision or 4)
    if (
        a.latitude is not None
        and b.latitude is not None
        and a.longitude is not None
        and b.longitude is not None
    ):
        d = distance_km(a.latitude, a.longitude, b.latitude, b.longitude)
        radius = RADIUS_KM.get(coarse)
        if radius is not None and d <= radius:
            return 1.0 - 0.5 * d / radius, (
                f"{a.name} and {b.name} {d:.1f} km apart, within {radius:.0f} km for precision {coarse}"
            )
    # containment: one report gives only the district or province of the other's town
    if a.admin2 and b.admin2 and _fold(a.admin2) == _fold(b.admin2) and coarse == 2:
        return 0.6, f"{a.name} and {b.name} in the same district {a.admin2}"
    if (not a.resolved or not b.resolved) and _fold(a.name) == _fold(b.name):
        if a.precision is None or b.precision is None or a.precision == b.precision:
            return 0.8, f"same place name {a.name} (not resolved on one side)"
    return 0.0, f"different places {a.name} / {b.name}"


def area_match(a: PlaceFacts | None, b: PlaceFacts | None) -> tuple[float, str]:
    """How well the areas of two coordinated waves agree: the same place, or the same province."""
    if a is None or b is None:
        return 0.0, "area unknown"
    if a.key == b.key:
        return 1.0, f"same area {a.name}"
    if a.admin1 and b.admin1 and _fold(a.admin1) == _fold(b.admin1):
        return 0.8, f"{a.name} and {b.name} in the same province {a.admin1}"
    return 0.0, f"different areas {a.name} / {b.name}"


def score(incident: Facts, event: Facts) -> Match:
    """The match of ``incident`` against ``event`` (see the module notes)."""
    if incident.article_ids & event.article_ids:
        return Match(0.0, ["the event already has an incident from this article"])
    if incident.date is None or event.date is None:
        return Match(0.0, ["date not known to the day"])
    days = abs((incident.date - event.date).days)
    if days > 1:
        return Match(0.0, [f"{days} days apart"])
    s_date = 1.0 if days == 0 else 0.6
    reasons = ["same day " + incident.date.isoformat() if days == 0 else "adjacent days"]
    s_place, why = place_match(incident.place, event.place)
    reasons.append(why)
    if s_place == 0.0:
        return Match(0.0, reasons)
    s_type, why = types_compatible(incident.types, event.types)
    reasons.append(why)
    if s_type == 0.0:
        return Match(0.0, reasons)
    if incident.actors and event.actors:
        shared = incident.actors & event.actors
        if shared:
            s_actors, why = 1.0, "shared actors " + ", ".join(sorted(shared))
        else:
            s_actors, why = (
                0.1,
                "different perpetrators " + (f"{sorted(incident.actors)} / {sorted(event.actors)}"),
            )
    else:
        s_actors, why = 0.6, "perpetrator unknown on one side"
    reasons.append(why)
    total = (
        WEIGHTS["date"] * s_date
        + WEIGHTS["place"] * s_place
        + WEIGHTS["type"] * s_type
        + WEIGHTS["actors"] * s_actors
    )
    return Match(round(total, 4), reasons)


def same_article_cluster(facts: Sequence[Facts]) -> list[list[int]]:
    """Group one article's incidents that are one event by ACLED's rule: the same place, the
    same day, compatible types and no conflicting perpetrators.  Gives lists of indexes, in order."""
    clusters: list[list[int]] = []
    for i, f in enumerate(facts):
        for cluster in clusters:
            head = facts[cluster[0]]
            if (
                f.date is not None
                and f.date == head.date
                and f.place is not None
                and head.place is not None
                and f.place.key == head.place.key
                and types_compatible(f.types, head.types)[0] > 0
                and not (f.actors and head.actors and not f.actors & head.actors)
            ):
                cluster.append(i)
                break
        else:
            clusters.append([i])
    return clusters


def combine(facts: Sequence[Facts]) -> Facts:
    """The facts of a cluster of one article's incidents, as one."""
    head = facts[0]
    return Facts(
        date=head.date,
        place=head.place,
        types=frozenset().union(*(f.types for f in facts)),
        actors=frozenset().union(*(f.actors for f in facts)),
        article_ids=frozenset().union(*(f.article_ids for f in facts)),
    )


@dataclass(frozen=True, slots=True)
class Assignment:
    incident: int  # index into the incidents given
    event: int | None  # id of the event, None for a new event
    match: Match


def assign(incidents: Sequence[Facts], events: Sequence[tuple[int, Facts]]) -> list[Assignment]:
    """Best one-to-one placement of one article's incidents onto existing events (greedy by
    score, ties by event id); incidents left over become new events."""
    pairs: list[tuple[float, int, int, Match]] = []
    best_rejected: dict[int, Match] = {}
    for i, facts in enumerate(incidents):
        for event_id, event in events:
            m = score(facts, event)
            if m.accepted:
                pairs.append((m.score, i, event_id, m))
            elif i not in best_rejected or m.score > best_rejected[i].score:
                best_rejected[i] = m
    pairs.sort(key=lambda p: (-p[0], p[2], p[1]))
    taken_i: set[int] = set()
    taken_e: set[int] = set()
    out: dict[int, Assignment] = {}
    for _, i, event_id, m in pairs:
        if i in taken_i or event_id in taken_e:
            continue
        taken_i.add(i)
        taken_e.add(event_id)
        out[i] = Assignment(i, event_id, m)
    for i in range(len(incidents)):
        if i not in out:
            rejected = best_rejected.get(i)
            reasons = ["no existing event matched"]
            if rejected is not None and rejected.score > 0:
                reasons.append(f"best candidate scored {rejected.score:.2f} < {THRESHOLD}")
            out[i] = Assignment(i, None, Match(0.0, reasons))
    return [out[i] for i in range(len(incidents))]
