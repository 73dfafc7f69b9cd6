"""ACLED-style CSV: one row per canonical event (column meanings: docs/exports.md)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from sitrep.export.common import (
    CIVILIAN_TARGETS,
    STATE_TARGETS,
    country_info,
    country_name,
    low,
    sources_text,
)
from sitrep.store.records import EventRecord

COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "sitrep_event_id", "sitrep_confidence", "sitrep_number_of_sources",
]  # fmt: skip

# ACLED actor types ("inter" codes), in ACLED's order
INTER = {
    "State forces": 1, "Rebel group": 2, "Political militia": 3, "Identity militia": 4,
    "Rioters": 5, "Protesters": 6, "Civilians": 7, "External/Other forces": 8,
}  # fmt: skip
_KIND_INTER = {
    "armed_group": "Rebel group",
    "state_force": "State forces",
    "police": "State forces",
    "government": "State forces",
    "civilians": "Civilians",
}
_TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
_STRATEGIC = "Strategic developments"


def fallback_types(e: EventRecord) -> tuple[str, str]:
    """ACLED event and sub-event type from the attack types when the extractor gave none."""
    types = set(e.types)
    civilians_only = bool(e.targets) and set(e.targets) <= CIVILIAN_TARGETS
    if "bombing/explosion" in types:
        if e.suicide or "suicide_vest" in e.weapons:
            return "Explosions/Remote violence", "Suicide bomb"
        if "grenade" in e.weapons:
            return "Explosions/Remote violence", "Grenade"
        return "Explosions/Remote violence", "Remote explosive/landmine/IED"
    if types & {"hostage taking (kidnapping)", "hijacking"}:
        return "Violence against civilians", "Abduction/forced disappearance"
    if types & {"armed assault", "assassination", "unarmed assault"} and civilians_only:
        return "Violence against civilians", "Attack"
    if types & {
        "armed assault",
        "armed clash",
        "facility/infrastructure attack",
        "assassination",
        "security operation",
    }:
        return "Battles", "Armed clash"
    return "", ""


def _target_actor(e: EventRecord, country: str) -> tuple[str, str]:
    targets = set(e.targets)
    if targets & {"military", "paramilitary", "security_post"}:
        return f"Military Forces of {country}", "State forces"
    if targets & {"police", "prison"}:
        return f"Police Forces of {country}", "State forces"
    if targets & STATE_TARGETS:
        return f"Government of {country}", "State forces"
    if targets & CIVILIAN_TARGETS:
        return f"Civilians ({country})", "Civilians"
    return "", ""


def rows(events: Iterable[EventRecord]) -> Iterator[dict[str, Any]]:
    for e in events:
        country = country_name(e)
        numeric, iso3, _, region = country_info(e.country)
        event_type, sub_type = e.acled_event_type or "", e.acled_sub_event_type or ""
        if not event_type:
            event_type, sub_type = fallback_types(e)
        perps = e.perpetrators
        if perps:
            actor1 = perps[0].name
            inter1 = _KIND_INTER.get(perps[0].kind or "", "Political militia")
        else:
            actor1, inter1 = (
                (
                    f"Unidentified Armed Group ({country})"
                    if country
                    else "Unidentified Armed Group"
                ),
                "Political militia",
            )
        actor2, inter2 = _target_actor(e, country)
        pair = sorted([i for i in (inter1, inter2) if i], key=lambda i: INTER.get(i, 9))
        interaction = "-".join(pair) if len(pair) == 2 else (f"{pair[0]} only" if pair else "")
        civilian = (
            "Civilian targeting"
            if set(e.targets) & CIVILIAN_TARGETS and event_type != "Battles"
            else ""
        )
        tags = []
        if e.group_id is not None and len(e.group_event_ids) > 1:
            tags.append(f"coordinated attack ({len(e.group_event_ids)} locations)")
        if e.status and e.status != "carried out":
            tags.append(e.status)
        killed = low(e, "killed")
        yield {
            "event_id_cnty": f"{iso3 or 'XXX'}{e.id}",
            "event_date": e.date.isoformat() if e.date else "",
            "year": e.date.year if e.date else "",
            "time_precision": _TIME_PRECISION.get(e.date_precision or "", 3),
            "disorder_type": _STRATEGIC if event_type == _STRATEGIC else "Political violence",
            "event_type": event_type,
            "sub_event_type": sub_type,
            "actor1": actor1,
            "assoc_actor_1": "; ".join(p.name for p in perps[1:]),
            "inter1": inter1,
            "actor2": actor2,
            "assoc_actor_2": "",
            "inter2": inter2,
            "interaction": interaction,
            "civilian_targeting": civilian,
            "iso": numeric if numeric is not None else "",
            "region": region or "",
            "country": country,
            "admin1": e.admin1 or "",
            "admin2": e.admin2 or "",
            "admin3": "",
            "location": e.location or "",
            "latitude": round(e.latitude, 5) if e.latitude is not None else "",
            "longitude": round(e.longitude, 5) if e.longitude is not None else "",
            "geo_precision": min(e.geo_precision or 3, 3),
            "source": "; ".join(sources_text(e)),
            "source_scale": "",
            "notes": e.summary,
            "fatalities": killed if killed is not None else 0,
            "tags": "; ".join(tags),
            "sitrep_event_id": e.id,
            "sitrep_confidence": e.confidence,
            "sitrep_number_of_sources": e.number_of_sources,
        }
