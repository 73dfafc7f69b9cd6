"""The country an outlet publishes in: a weak hint for place resolution.

``outlet_country(article.outlet, article.url)`` looks the outlet's name or web domain up in
``geo/data/outlets.tsv`` (national outlets only), then falls back to the country code at the
end of the URL's domain (``.pk``, ``.co.uk``).  Vanity country codes that sites use for other
reasons (``.tv``, ``.io``, ``.co``, ``.me``, ``.fm``...) are ignored.  International outlets
give ``None``: they report from everywhere, and a wrong hint is worse than none.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from urllib.parse import urlsplit

from sitrep.geo.gazetteer import fold

# country-code domains used as generic ones; they say nothing about where a site is
_VANITY_TLDS = frozenset(
    "tv io co me fm am ai ly gg cc ws to la nu sh ac vc ag bz im mu sc st tk ml ga cf gq".split()
)
_TLD_ISO = {"uk": "GB"}  # the one ccTLD that is not the ISO 3166 code


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    text = resources.files("sitrep.geo").joinpath("data/outlets.tsv").read_text("utf-8")
    out: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, _, iso = line.partition("\t")
        if iso.strip():
            out[fold(name)] = iso.strip().upper()
    return out


def _domain(value: str) -> str | None:
    v = value.strip().lower()
    if "://" not in v and "/" not in v and "." in v and " " not in v:
        v = "http://" + v
    try:
        host = urlsplit(v).hostname
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    return host.removeprefix("www.")


def outlet_country(outlet: str | None, url: str | None = None) -> str | None:
    """ISO2 of the outlet's country, or None when it is unknown or international."""
    table = _table()
    for value in (outlet, url):
        if not value:
            continue
        iso = table.get(fold(value))
        if iso:
            return iso
        host = _domain(value)
        if host is None:
            continue
        parts = host.split(".")
        for i in range(len(parts) - 1):
            iso = table.get(fold(".".join(parts[i:])))
            if iso:
                return iso
        tld = parts[-1]
        if len(tld) == 2 and tld.isalpha() and tld not in _VANITY_TLDS:
            return _TLD_ISO.get(tld, tld.upper())
    return None
