"""The geocoding measure on UCDP GED Pakistan (``sitrep evaluate ucdp-places``).

Each event row names its place in ``where_coordinates`` ("Matta town", "Kel village") and its
province in ``adm_1``; we resolve "<name>, <adm_1>, Pakistan" the way an article would give it
and compare with UCDP's coordinates and admin units.  Rows whose ``where_prec`` is 1 (an exact
place) are the distance measure; a row counts as "in GeoNames" when the gazetteer has a town of
that name in Pakistan.  Misses are listed by cause.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from pathlib import Path
from typing import Any

from sitrep.errors import EvaluationError
from sitrep.geo.gazetteer import fold, load_gazetteer
from sitrep.geo.resolve import geocode
from sitrep.model import PlaceKind

_PLACE_SUFFIX = re.compile(r"\s+(?:town|village|city|area|bazaar|bazar)$", re.I)
_ADMIN_SUFFIX = re.compile(r"\s+(?:province|district|agency|territory|division|tehsil)$", re.I)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    r = 6371.0088
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(min(1.0, math.sqrt(a)))


def _same_unit(ours: str | None, theirs: str | None) -> bool:
    if not ours or not theirs:
        return False
    a = fold(_ADMIN_SUFFIX.sub("", ours))
    b = fold(_ADMIN_SUFFIX.sub("", theirs))
    return a == b or a.startswith(b) or b.startswith(a)


def _rows(path: Path, limit: int | None) -> list[dict[str, Any]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise EvaluationError(f"cannot read {path}: {exc}") from exc
    out = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            out.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise EvaluationError(f"{path}:{n}: not JSON ({exc})") from exc
    return out[:limit] if limit else out


def evaluate_ucdp(path: str | Path, *, limit: int | None = None) -> dict[str, Any]:
    """Scores (percentages) and a sample of misses by cause."""
    gaz = load_gazetteer()
    rows = _rows(Path(path), limit)
    n = found_n = 0
    within = Counter()
    within_found = Counter()
    a1_agree = a2_agree = a2_n = 0
    causes: Counter[str] = Counter()
    examples: list[dict[str, Any]] = []
    cache: dict[str, Any] = {}
    for row in rows:
        g = row.get("gold") or {}
        if g.get("where_prec") != 1 or g.get("latitude") is None:
            continue
        raw = (g.get("where_coordinates") or "").strip()
        name = _PLACE_SUFFIX.sub("", raw)
        adm1 = _ADMIN_SUFFIX.sub("", (g.get("adm_1") or "").strip())
        if not name:
            continue
        n += 1
        query = ", ".join(x for x in (name, adm1, "Pakistan") if x)
        place = cache.get(query)
        if place is None:
            place = cache[query] = geocode(query, gazetteer=gaz)
        in_geonames = any(e.kind == PlaceKind.TOWN and e.country == "PK" for e in gaz.lookup(name))
        found_n += in_geonames
        cause = None
        if not place.resolved or place.latitude is None:
            cause = "not in GeoNames" if not in_geonames else "unresolved"
            d = math.inf
        else:
            d = haversine_km(place.latitude, place.longitude, g["latitude"], g["longitude"])
            if place.kind != PlaceKind.TOWN:
                cause = f"resolved to a {place.kind.value}" if d > 25 else None
            elif d > 25:
                cause = "wrong town of that name" if in_geonames else "not in GeoNames"
        for km in (10, 25, 50):
            if d <= km:
                within[km] += 1
                if in_geonames:
                    within_found[km] += 1
        if _same_unit(place.admin1, g.get("adm_1")) or (
            "tribal" in (g.get("adm_1") or "").lower()
            and _same_unit(place.admin1, "Khyber Pakhtunkhwa")
        ):
            a1_agree += 1
        if g.get("adm_2"):
            a2_n += 1
            a2_agree += _same_unit(place.admin2, g.get("adm_2"))
        if cause:
            causes[cause] += 1
            if len(examples) < 40:
                examples.append(
                    {
                        "query": query,
                        "cause": cause,
                        "got": [
                            place.canonical_name,
                            place.admin1,
                            place.admin2,
                            place.latitude,
                            place.longitude,
                        ],
                        "ucdp": [g.get("latitude"), g.get("longitude"), g.get("adm_2")],
                        "km": None if math.isinf(d) else round(d, 1),
                    }
                )

    def pct(a: int, b: int) -> float:
        return round(100.0 * a / b, 2) if b else 0.0

    return {
        "rows_where_prec_1": n,
        "rows_in_geonames": found_n,
        "within_10km": pct(within[10], n),
        "within_25km": pct(within[25], n),
        "within_50km": pct(within[50], n),
        "within_10km_in_geonames": pct(within_found[10], found_n),
        "within_25km_in_geonames": pct(within_found[25], found_n),
        "within_50km_in_geonames": pct(within_found[50], found_n),
        "admin1_agreement": pct(a1_agree, n),
        "admin2_agreement": pct(a2_agree, a2_n),
        "miss_causes": dict(causes.most_common()),
        "examples": examples,
    }
