"""GTD-style CSV: one row per attack (column meanings and unknown codes: docs/exports.md).

Unknown values follow the GTD codebook: -9 for an unknown yes/no or category, -99 for an unknown
count.  Security operations (state action, not terrorism) and events without a year are left out.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from sitrep.export.common import (
    best,
    country_info,
    country_name,
    lexicon_attr,
    lexicon_label,
)
from sitrep.store.records import EventRecord

COLUMNS = [
    "eventid", "iyear", "imonth", "iday", "approxdate", "extended", "country_txt", "region_txt",
    "provstate", "city", "latitude", "longitude", "specificity", "vicinity", "summary", "crit1",
    "crit2", "crit3", "doubtterr", "multiple", "related", "success", "suicide",
    "attacktype1_txt", "attacktype2_txt", "attacktype3_txt", "targtype1_txt", "target1",
    "targtype2_txt", "target2", "gname", "gname2", "guncertain1", "guncertain2", "claimed",
    "weaptype1_txt", "weaptype2_txt", "nkill", "nkillter", "nwound", "nwoundter", "property",
    "ishostkid", "nhostkid", "scite1", "scite2", "scite3", "dbsource",
]  # fmt: skip

UNKNOWN, UNKNOWN_COUNT = -9, -99
ATTACK_TYPES = {
    "bombing/explosion": "Bombing/Explosion",
    "armed assault": "Armed Assault",
    "armed clash": "Armed Assault",
    "assassination": "Assassination",
    "hostage taking (kidnapping)": "Hostage Taking (Kidnapping)",
    "facility/infrastructure attack": "Facility/Infrastructure Attack",
    "hijacking": "Hijacking",
    "unarmed assault": "Unarmed Assault",
}
_SPECIFICITY = {1: 1, 2: 3, 3: 4}
_UNCERTAIN = {"claimed": 0, "reported": 0, "alleged": 1, "suspected": 1}


def eventid(e: EventRecord) -> str:
    """GTD's form: the date as YYYYMMDD (00 for an unknown month or day) and a sequence number
    (here the sitrep event id, at least 4 digits)."""
    d = e.date
    stamp = f"{d.year:04d}{d.month:02d}{d.day:02d}" if d else "00000000"
    if d and e.date_precision in ("month", "year"):
        stamp = (
            f"{d.year:04d}{d.month:02d}00" if e.date_precision == "month" else f"{d.year:04d}0000"
        )
    return f"{stamp}{e.id:04d}"


def included(e: EventRecord) -> bool:
    return e.date is not None and any(
        t in ATTACK_TYPES or t == "unknown" for t in e.types or ["unknown"]
    )


def _count(value: int | None) -> int:
    return UNKNOWN_COUNT if value is None else value


def rows(events: Iterable[EventRecord]) -> Iterator[dict[str, Any]]:
    listed = [e for e in events if included(e)]
    ids = {e.id: eventid(e) for e in listed}
    for e in listed:
        assert e.date is not None
        attack = []
        for t in e.types:
            label = ATTACK_TYPES.get(t)
            if label and label not in attack:
                attack.append(label)
        attack = attack or ["Unknown"]
        targets = [
            (lexicon_attr("target", t, "gtd_target_type") or "Unknown", lexicon_label("target", t))
            for t in e.targets
        ]
        weapons: list[str] = []
        for w in e.weapons:
            label = lexicon_attr("weapon", w, "gtd_weapon_type") or "Unknown"
            if label not in weapons:
                weapons.append(label)
        perps = e.perpetrators
        related = [ids.get(i) or f"(sitrep {i})" for i in e.group_event_ids if i != e.id]
        kidnap = "hostage taking (kidnapping)" in e.types or "hijacking" in e.types
        day_known = e.date_precision == "day"
        yield {
            "eventid": eventid(e),
            "iyear": e.date.year,
            "imonth": e.date.month if e.date_precision in ("day", "week", "month") else 0,
            "iday": e.date.day if day_known else 0,
            "approxdate": "" if day_known else e.date.isoformat(),
            "extended": 0,
            "country_txt": country_name(e),
            "region_txt": country_info(e.country)[3] or "",
            "provstate": e.admin1 or "",
            "city": e.location if (e.geo_precision or 9) <= 2 else "",
            "latitude": round(e.latitude, 6) if e.latitude is not None else "",
            "longitude": round(e.longitude, 6) if e.longitude is not None else "",
            "specificity": _SPECIFICITY.get(e.geo_precision or 0, 5),
            "vicinity": {1: 0, 2: 1}.get(e.geo_precision or 0, UNKNOWN),
            "summary": f"{e.date.isoformat()}: {e.summary}",
            "crit1": 1,
            "crit2": 1,
            "crit3": 1,
            "doubtterr": UNKNOWN,
            "multiple": 1 if len(e.group_event_ids) > 1 else 0,
            "related": ", ".join(sorted(related)),
            "success": 1 if e.status == "carried out" else 0,
            "suicide": 1 if e.suicide else 0,
            "attacktype1_txt": attack[0],
            "attacktype2_txt": attack[1] if len(attack) > 1 else "",
            "attacktype3_txt": attack[2] if len(attack) > 2 else "",
            "targtype1_txt": targets[0][0] if targets else "Unknown",
            "target1": targets[0][1] if targets else "",
            "targtype2_txt": targets[1][0] if len(targets) > 1 else "",
            "target2": targets[1][1] if len(targets) > 1 else "",
            "gname": perps[0].name if perps else "Unknown",
            "gname2": perps[1].name if len(perps) > 1 else "",
            "guncertain1": _UNCERTAIN.get(perps[0].attribution, UNKNOWN) if perps else UNKNOWN,
            "guncertain2": _UNCERTAIN.get(perps[1].attribution, UNKNOWN) if len(perps) > 1 else "",
            "claimed": 1 if any(p.attribution == "claimed" for p in perps) else UNKNOWN,
            "weaptype1_txt": weapons[0] if weapons else "Unknown",
            "weaptype2_txt": weapons[1] if len(weapons) > 1 else "",
            "nkill": _count(best(e, "killed")),
            "nkillter": _count(best(e, "killed", "militants")),
            "nwound": _count(best(e, "injured")),
            "nwoundter": _count(best(e, "injured", "militants")),
            "property": UNKNOWN,
            "ishostkid": 1 if kidnap and best(e, "abducted") else (0 if not kidnap else UNKNOWN),
            "nhostkid": _count(best(e, "abducted")) if kidnap else "",
            "scite1": _cite(e, 0),
            "scite2": _cite(e, 1),
            "scite3": _cite(e, 2),
            "dbsource": "sitrep",
        }


def _cite(e: EventRecord, i: int) -> str:
    if i >= len(e.sources):
        return ""
    s = e.sources[i]
    parts = [
        p for p in (s.outlet, s.title, s.published.isoformat() if s.published else None, s.url) if p
    ]
    return ", ".join(parts) or s.article_id
