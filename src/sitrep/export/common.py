"""What the exporters share: labels from the lexicons, country codes, CSV writing."""

from __future__ import annotations

import csv
import functools
import io
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TextIO

from sitrep.store.records import EventRecord

STATE_TARGETS = {
    "police",
    "military",
    "paramilitary",
    "security_post",
    "prison",
    "government",
    "politician",
}
CIVILIAN_TARGETS = {
    "civilians", "passengers", "school", "religious", "market", "hospital", "journalists",
    "business", "foreigners", "aid_workers",
}  # fmt: skip


@functools.lru_cache(maxsize=1)
def _lexicon() -> Any:
    from sitrep.text.lexicon import default_lexicon

    return default_lexicon()


def lexicon_attr(kind: str, entry_id: str, attr: str) -> str | None:
    """An attribute of a lexicon entry (e.g. a target's ``gtd_target_type``), None if absent."""
    try:
        entry = _lexicon().entry(kind, entry_id)
    except (KeyError, LookupError):
        return None
    value = entry.attrs.get(attr)
    return str(value) if value is not None else None


def lexicon_label(kind: str, entry_id: str) -> str:
    try:
        return str(_lexicon().entry(kind, entry_id).label)
    except (KeyError, LookupError):
        return entry_id.replace("_", " ")


@functools.lru_cache(maxsize=512)
def country_info(code: str | None) -> tuple[int | None, str | None, str | None, str | None]:
    """(ISO numeric, alpha-3, name, UN subregion) of an ISO alpha-2 code, from localis."""
    if not code:
        return None, None, None, None
    try:
        import localis

        c = localis.countries.lookup(code)
    except Exception:  # noqa: BLE001 - an unknown code is just unknown
        c = None
    if c is None:
        return None, None, None, None
    region = next((m.name for m in c.macroregions if m.type == "subregion"), None)
    return c.numeric, c.alpha3, c.name, region


def country_name(e: EventRecord) -> str:
    return e.country_name or country_info(e.country)[2] or e.country or ""


def sources_text(e: EventRecord, *, limit: int | None = None) -> list[str]:
    """One label per source article: the outlet, else the URL, else the article id."""
    out: list[str] = []
    for s in e.sources:
        label = s.outlet or s.url or s.article_id
        if label not in out:
            out.append(label)
    return out[:limit] if limit else out


def best(e: EventRecord, status: str, category: str = "all") -> int | None:
    f = e.figure(status, category)
    return None if f is None else f.best


def low(e: EventRecord, status: str, category: str = "all") -> int | None:
    f = e.figure(status, category)
    return None if f is None else f.low


def write_csv(out: TextIO, columns: Sequence[str], rows: Iterable[Mapping[str, Any]]) -> int:
    """Write rows (missing columns empty) with a header; give the number of rows."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    n = 0
    for row in rows:
        writer.writerow(["" if row.get(c) is None else row.get(c) for c in columns])
        n += 1
    return n


def to_csv_text(columns: Sequence[str], rows: Iterable[Mapping[str, Any]]) -> str:
    buf = io.StringIO()
    write_csv(buf, columns, rows)
    return buf.getvalue()
