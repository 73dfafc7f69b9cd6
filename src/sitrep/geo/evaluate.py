"""Geocoding measures: UCDP GED Pakistan coordinates and MUC-4 key locations.

``evaluate_ucdp`` (``sitrep evaluate ucdp-places``): each UCDP event row names its place in
``where_coordinates`` ("Matta town", "Kel village") and its province in ``adm_1``; we resolve
"<name>, <adm_1>, Pakistan" the way an article would give it and compare with UCDP's
coordinates and admin units.  Rows whose ``where_prec`` is 1 (an exact place) are the distance
measure.  A row counts as "in GeoNames" when the gazetteer has a town of that name (exactly, by
our alias file, or as a spelling variant) within 50 km of UCDP's point: the place exists in the
data, so a miss there is ours.  Misses are counted by cause.

``evaluate_muc4_locations``: the share of MUC-4 documents whose key location (``PERU: LIMA
(CITY)``) is matched by a place the extraction resolved (country, and city when the key names
one).  See docs/geo.md for the figures.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from pathlib import Path
from typing import Any

from sitrep.errors import EvaluationError
from sitrep.geo.gazetteer import Gazetteer, fold, load_gazetteer
from sitrep.geo.resolve import geocode
from sitrep.model import Place, PlaceKind

_PLACE_SUFFIX = re.compile(r"\s+(?:town|village|city|area|bazaar|bazar|suburb)$", re.I)
_ADMIN_SUFFIX = re.compile(
    r"\s+(?:province|district|agency|territory|division|tehsil|capital territory)$", re.I
)
IN_GEONAMES_KM = 50.0

# UCDP writes the units as they were at the time of the event; GeoNames has today's.  These
# are the same areas under their current names (sources in docs/geo.md).
_ADMIN1_NOW = {
    "federally administered tribal areas": "khyber pakhtunkhwa",  # merged 2018
    "north west frontier province": "khyber pakhtunkhwa",  # renamed 2010
    "khyber pakhtunkwa": "khyber pakhtunkhwa",  # UCDP's spelling
    "islamabad capital": "islamabad",
}


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    r = 6371.0088
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(min(1.0, math.sqrt(a)))


def _unit_key(name: str | None) -> str:
    k = fold(_ADMIN_SUFFIX.sub("", (name or "").strip()))
    k = _ADMIN_SUFFIX.sub("", k)
    return _ADMIN1_NOW.get(k, k)


def _same_unit(ours: str | None, theirs: str | None) -> bool:
    if not ours or not theirs:
        return False
    a, b = _unit_key(ours), _unit_key(theirs)
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


def _towns_named(gaz: Gazetteer, name: str) -> list[tuple[int | None, float, float]]:
    """(GeoNames id, lat, lon) of every town the resolver could reach from ``name``."""
    from sitrep.geo.resolve import _candidates

    return [
        (e.geonames_id, e.latitude, e.longitude)
        for e in _candidates(fold(name), gaz)
        if e.kind == PlaceKind.TOWN and e.latitude is not None and e.longitude is not None
    ]


def _pct(a: int, b: int) -> float:
    return round(100.0 * a / b, 2) if b else 0.0


def evaluate_ucdp(path: str | Path, *, limit: int | None = None) -> dict[str, Any]:
    """Scores (percentages), counts, misses by cause and a sample of misses."""
    gaz = load_gazetteer()
    rows = _rows(Path(path), limit)
    n = found_n = resolved_n = 0
    within: Counter[int] = Counter()
    within_found: Counter[int] = Counter()
    a1_agree = a1_agree_resolved = 0
    a2_n = a2_have = a2_agree = 0
    causes: Counter[str] = Counter()
    cause_names: dict[str, Counter[str]] = {}
    examples: list[dict[str, Any]] = []
    cache: dict[str, Place] = {}
    for row in rows:
        g = row.get("gold") or {}
        if g.get("where_prec") != 1 or g.get("latitude") is None or g.get("longitude") is None:
            continue
        raw = (g.get("where_coordinates") or "").strip()
        name = _PLACE_SUFFIX.sub("", raw)
        adm1 = _ADMIN_SUFFIX.sub("", (g.get("adm_1") or "").strip())
        if not name:
            continue
        n += 1
        glat, glon = float(g["latitude"]), float(g["longitude"])
        query = ", ".join(x for x in (name, adm1, "Pakistan") if x)
        place = cache.get(query)
        if place is None:
            place = cache[query] = geocode(query, gazetteer=gaz)
        towns = _towns_named(gaz, name)
        near = [t for t in towns if haversine_km(t[1], t[2], glat, glon) <= IN_GEONAMES_KM]
        in_geonames = bool(near)
        found_n += in_geonames
        ok = place.resolved and place.latitude is not None and place.longitude is not None
        resolved_n += ok
        d = haversine_km(place.latitude, place.longitude, glat, glon) if ok else math.inf  # type: ignore[arg-type]
        for km in (10, 25, 50):
            if d <= km:
                within[km] += 1
                if in_geonames:
                    within_found[km] += 1
        a1 = _same_unit(place.admin1, g.get("adm_1"))
        a1_agree += a1
        a1_agree_resolved += a1 and ok
        if g.get("adm_2"):
            a2_n += 1
            if ok and place.admin2:
                a2_have += 1
                a2_agree += _same_unit(place.admin2, g.get("adm_2"))
        if d <= 25:
            continue
        if not in_geonames:
            cause = (
                "not in GeoNames cities500: left unresolved"
                if not ok
                else "not in GeoNames cities500: a namesake elsewhere chosen"
            )
        elif not ok:
            cause = "in GeoNames but unresolved"
        elif place.kind != PlaceKind.TOWN:
            cause = f"resolved to a {place.kind.value}, not the town"
        elif any(t[0] == place.geonames_id for t in near):
            cause = "GeoNames and UCDP points 25-50 km apart"
        else:
            cause = "wrong town of that name"
        causes[cause] += 1
        cause_names.setdefault(cause, Counter())[raw] += 1
        if len(examples) < 60:
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
                    "ucdp": [glat, glon, g.get("adm_2")],
                    "km": None if math.isinf(d) else round(d, 1),
                }
            )

    return {
        "rows_where_prec_1": n,
        "rows_in_geonames": found_n,
        "rows_resolved": resolved_n,
        "within_10km": _pct(within[10], n),
        "within_25km": _pct(within[25], n),
        "within_50km": _pct(within[50], n),
        "within_10km_in_geonames": _pct(within_found[10], found_n),
        "within_25km_in_geonames": _pct(within_found[25], found_n),
        "within_50km_in_geonames": _pct(within_found[50], found_n),
        "admin1_agreement": _pct(a1_agree, n),
        "admin1_agreement_resolved": _pct(a1_agree_resolved, resolved_n),
        "admin2_agreement_resolved": _pct(a2_agree, a2_have),
        "admin2_rows_with_our_admin2": _pct(a2_have, a2_n),
        "miss_causes": dict(causes.most_common()),
        "miss_top_names": {c: dict(v.most_common(8)) for c, v in cause_names.items()},
        "examples": examples,
    }


# --------------------------------------------------------------------------- MUC-4

_ITEM = re.compile(r"([^:()\-/]+?)\s*\(([A-Z /]+)\)")
_PLACE_TYPES = {
    "CITY",
    "TOWN",
    "VILLAGE",
    "DEPARTMENT",
    "PROVINCE",
    "MUNICIPALITY",
    "JURISDICTION",
    "PORT",
    "COUNTY",
    "REGION",
    "STATE",
    "DISTRICT",
    "CANTON",
}


def parse_muc4_location(value: str) -> list[tuple[str, list[str]]]:
    """Alternatives of a MUC-4 key location: (country, [named places of a gazetteer type]).

    ``"PERU: LIMA (CITY)"`` gives ``[("PERU", ["LIMA"])]``; ``"(EL SALVADOR: SAN SALVADOR
    (CITY)) / (EL SALVADOR)"`` gives two alternatives; ``"*"`` (no location) gives none.
    Neighbourhoods, farms, rivers and buildings are not gazetteer places and are dropped.
    """
    value = (value or "").replace("?", "").strip()
    if not value or value in ("*", "-"):
        return []
    out = []
    for alt in _top_level_alternatives(value):
        country, _, rest = alt.partition(":")
        country = country.strip()
        if not country:
            continue
        places = []
        for m in _ITEM.finditer(rest):
            types = {t.strip() for t in m.group(2).split("/")}
            if types & _PLACE_TYPES:
                places.append(m.group(1).strip())
        out.append((country, places))
    return out


def _top_level_alternatives(value: str) -> list[str]:
    """Split on " / " outside parentheses, and drop one pair of enclosing parentheses."""
    parts, depth, cur = [], 0, []
    for ch in value:
        depth += ch == "("
        depth -= ch == ")"
        if ch == "/" and depth == 0:
            parts.append("".join(cur))
            cur = []
            continue
        cur.append(ch)
    parts.append("".join(cur))
    out = []
    for p in parts:
        p = p.strip()
        if p.startswith("(") and p.endswith(")"):
            inner, d, balanced = p[1:-1], 0, True
            for ch in inner:
                d += (ch == "(") - (ch == ")")
                balanced &= d >= 0
            if balanced and d == 0:
                p = inner.strip()
        out.append(p)
    return out


def _place_matches(p: Place, country_iso: str | None, names: list[str]) -> tuple[bool, bool]:
    """(country matches, a named place matches)."""
    c_ok = country_iso is not None and p.country == country_iso
    if not names:
        return c_ok, c_ok
    ours = {fold(x) for x in (p.canonical_name, p.name, p.admin1, p.admin2) if x}
    ours |= {
        fold(re.sub(r"^(?:provincia|departamento|municipio) de ", "", x, flags=re.I)) for x in ours
    }
    return c_ok, c_ok and any(fold(n) in ours for n in names)


def evaluate_muc4_locations(
    path: str | Path, *, limit: int | None = None, pipeline: bool = True
) -> dict[str, Any]:
    """Share of MUC-4 documents whose key location the resolved places match.

    ``pipeline=True`` uses the places of the incidents ``sitrep.extract`` builds (what the
    issue asks); ``pipeline=False`` uses every place resolved in the text (the geocoder's own
    recall, an upper bound for the pipeline).
    """
    from sitrep.geo.mentions import find_place_mentions
    from sitrep.geo.resolve import resolve_places

    gaz = load_gazetteer()
    docs = _rows(Path(path), limit)
    n = c_hits = p_hits = n_named = p_named_hits = 0
    misses: list[dict[str, Any]] = []
    for doc in docs:
        text = doc.get("text") or ""
        keys = []
        for kt in doc.get("key_templates") or []:
            keys.extend(
                parse_muc4_location((kt.get("parsed") or {}).get("incident_location") or "")
            )
        if not keys or not text.strip():
            continue
        n += 1
        if pipeline:
            from sitrep import extract

            result = extract(text, published=doc.get("doc_date"))
            places = [i.place for i in result.incidents if i.place is not None]
        else:
            places = resolve_places(text, find_place_mentions(text, gazetteer=gaz), gazetteer=gaz)
        best_c = best_p = False
        named = any(names for _, names in keys)
        for country, names in keys:
            entries = [e for e in gaz.lookup(country) if e.kind == PlaceKind.COUNTRY]
            iso = entries[0].country if entries else None
            for p in places:
                c_ok, p_ok = _place_matches(p, iso, names)
                best_c |= c_ok
                best_p |= p_ok and bool(names) if named else p_ok
        c_hits += best_c
        p_hits += best_p
        if named:
            n_named += 1
            p_named_hits += best_p
        if not best_p and len(misses) < 40:
            misses.append(
                {
                    "id": doc.get("id"),
                    "key": [f"{c}: {', '.join(ns)}" for c, ns in keys],
                    "got": [f"{p.canonical_name or p.name} ({p.country})" for p in places][:6],
                }
            )
    return {
        "documents_with_location": n,
        "country_match": _pct(c_hits, n),
        "location_match": _pct(p_hits, n),
        "documents_with_named_place": n_named,
        "city_match": _pct(p_named_hits, n_named),
        "examples": misses,
    }
