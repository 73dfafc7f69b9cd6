"""Resolve place mentions to gazetteer entries, with precision codes.

For each distinct name the candidates are scored on:

- population (a prior: a bare "Lima" is Peru's capital, not a village in Argentina);
- the countries and provinces the article names (or whose people it names: "Pakistani");
- the provinces of the article's other places (co-mentioned places lie together);
- a qualifier written beside it ("Noshki, Balochistan");
- the unit word after it ("Mastung district" prefers the district over the town);
- an entry of our alias file (``geo/data/aliases.toml``);
- the outlet's country, as a weak hint only.

The best candidate wins; the others are kept as ``alternatives`` with their scores and reasons.
A name whose candidates are too close gets a ``place_ambiguous`` note in ``Place.alternatives``
(the pipeline turns unresolved places into warnings).  Precision codes:

==========================  ========================  =======================
what the text gives         ACLED ``geo_precision``    UCDP ``where_prec``
==========================  ========================  =======================
a town or village           1                          1
"near"/"outskirts of" town  2                          2
a district                  2                          3
a province                  3                          4
a country                   4 (ours)                   6
==========================  ========================  =======================
"""

from __future__ import annotations

import math
import re
import weakref
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial

from sitrep.geo.gazetteer import Alias, Entry, Gazetteer, fold, load_gazetteer
from sitrep.geo.mentions import PlaceMention, demonyms
from sitrep.model import Place, PlaceCandidate, PlaceKind, Span

MAX_ALTERNATIVES = 5
DOMINANT_BONUS = 1.0  # the country the article speaks of most (named, or its places' country)
DOMINANT_RATIO = 1.5  # ... by this much more than any other
CAPITAL_BONUS = 1.5  # a bare "Bogota" or "San Salvador" is the capital (less than a named country)
PEER_MARGIN = 0.5  # a place counts for its country when it beats other countries' by this much
LOOSE_PENALTY = 0.6  # a candidate found only through gazetteer.compact()
BIG_CITY_POPULATION = 1_000_000  # a city this big (or a national capital) is well known ...
NAMESAKE_RATIO = 100  # ... and a town this many times smaller that shares its name ...
NAMESAKE_PENALTY = 2.0  # ... needs evidence of its own (province, qualifier, alias) to win
_SUFFIX = re.compile(
    r"\s+(?:district|province|division|agency|tehsil|region|prefecture|department|county|"
    r"governorate|municipality|protected area)$",
    re.I,
)


@dataclass(slots=True)
class _Scored:
    entry: Entry
    score: float
    reasons: list[str]
    alias: Alias | None = None
    specific: bool = False  # evidence for this very place: its province, a qualifier, an alias


_DEMONYM = re.compile(r"\b(?:[A-Za-z][a-z]+ )?[A-Za-z][a-z]+(?:i|an|ian|ese|ish|ic|ine)s?\b")
AMBIGUOUS_TOWN_POPULATION = 100_000  # a province's name that is also such a town abroad


def text_context(
    text: str,
    mentions: list[PlaceMention],
    gaz: Gazetteer,
    own: dict[str, Counter[str]] | None = None,
    own_provinces: dict[str, Counter[int]] | None = None,
) -> tuple[Counter[str], Counter[int]]:
    """Countries (ISO2) and provinces (rows) the article names, with how often.

    ``own``, when given, receives each key's own share of the country counts, so that a name
    is not its own evidence ("Santa Rosa", a province of Guatemala, does not make the article
    Guatemalan when it is scored itself); ``own_provinces`` the same for the province counts
    ("Trujillo", a state of Venezuela, is not evidence for the Venezuelan town).  A province's
    name that is also a city of 100,000 or more or a district in another country ("Valencia";
    "Karak", a governorate of Jordan and a district of Pakistan) is no evidence of its
    country at all.
    """
    countries: Counter[str] = Counter()
    provinces: Counter[int] = Counter()
    for m in mentions:
        before = Counter(countries) if own is not None else None
        before_p = Counter(provinces) if own_provinces is not None else None
        entries = _candidates(m.key, gaz)
        kinds = {e.kind for e in entries}
        if kinds == {PlaceKind.COUNTRY} or (
            PlaceKind.COUNTRY in kinds and not m.kind_hint == PlaceKind.DISTRICT
        ):
            for e in entries:
                if e.kind == PlaceKind.COUNTRY and e.country:
                    countries[e.country] += 2
        provs = [e for e in entries if e.kind == PlaceKind.PROVINCE]
        if (
            provs
            and len({e.country for e in provs}) == 1
            and not any(
                e.country != provs[0].country
                and (
                    (e.kind == PlaceKind.TOWN and e.population >= AMBIGUOUS_TOWN_POPULATION)
                    or e.kind == PlaceKind.DISTRICT
                )
                for e in entries
            )
        ):
            for e in provs:
                provinces[e.row] += 2
                if e.country:
                    countries[e.country] += 1
        if own is not None and before is not None:
            own.setdefault(m.key, Counter()).update(countries - before)
        if own_provinces is not None and before_p is not None:
            own_provinces.setdefault(m.key, Counter()).update(provinces - before_p)
    countries.update(_demonym_countries(text))
    return countries, provinces


def _demonym_countries(text: str) -> Counter[str]:
    """One count per nationality word ("Pakistani", "Chileans") for its country (ISO2)."""
    out: Counter[str] = Counter()
    table = demonyms()
    for dm in _DEMONYM.finditer(text):
        word = dm.group(0).casefold()
        iso = table.get(word) or table.get(word.rsplit(" ", 1)[-1])
        if not iso and word.endswith("s"):  # "Chileans", "Pakistanis"
            word = word[:-1]
            iso = table.get(word) or table.get(word.rsplit(" ", 1)[-1])
        if iso:
            out[iso] += 1
    return out


_MEMO: weakref.WeakKeyDictionary[Gazetteer, dict] = weakref.WeakKeyDictionary()
_MEMO_MAX = 20_000  # keys remembered per gazetteer (the gazetteer is immutable)


def _memo(gaz: Gazetteer) -> dict:
    memo = _MEMO.get(gaz)
    if memo is None:
        memo = _MEMO[gaz] = {}
    elif len(memo) > _MEMO_MAX:
        memo.clear()
    return memo


def _candidates(key: str, gaz: Gazetteer) -> tuple[Entry, ...]:
    """The entries a folded key may name (exact, alias targets, spelling variants), memoised."""
    memo = _memo(gaz)
    got = memo.get(("c", key))
    if got is None:
        got = memo[("c", key)] = tuple(_find_candidates(key, gaz))
    return got


def _alias_rows(key: str, gaz: Gazetteer) -> dict[int, Alias]:
    """Rows the alias file's entries for ``key`` name, with the entry (memoised; read-only)."""
    memo = _memo(gaz)
    got = memo.get(("a", key))
    if got is None:
        got = memo[("a", key)] = {
            e.row: al for al in gaz.aliases.get(key, ()) for e in _alias_targets(al, gaz)
        }
    return got


def _find_candidates(key: str, gaz: Gazetteer) -> list[Entry]:
    out = list(gaz.entry(r) for r in gaz.rows(key))
    for al in gaz.aliases.get(key, ()):
        out.extend(_alias_targets(al, gaz))
    # spelling variants: "Miranshah" for "Miran Shah", "Raqqa" for "Ar Raqqah" (scored lower)
    for k in gaz.loose_keys(key):
        out.extend(e for e in map(gaz.entry, gaz.rows(k)) if e.kind != PlaceKind.COUNTRY)
    seen: set[int] = set()
    uniq = []
    for e in out:
        if e.row not in seen:
            seen.add(e.row)
            uniq.append(e)
    return uniq


def _alias_targets(al: Alias, gaz: Gazetteer) -> list[Entry]:
    found = []
    for e in gaz.lookup(al.target):
        if al.country and e.country != al.country:
            continue
        if al.kind and e.kind.value != al.kind:
            continue
        if al.admin1 and e.admin1 and fold(e.admin1) != fold(al.admin1):
            continue
        found.append(e)
    return found


def _score(
    m: PlaceMention,
    e: Entry,
    *,
    countries: Counter[str],
    provinces: Counter[int],
    peer_provinces: Counter[int],
    peer_countries: Counter[str] | None = None,
    dominant: str | None = None,
    all_countries: Counter[str] | None = None,
    capitals: frozenset[int] = frozenset(),
    alias_rows: dict[int, Alias],
    qualifier_rows: set[int],
    outlet_country: str | None,
    loose_rows: frozenset[int] = frozenset(),
    seat_units: frozenset[int] = frozenset(),
    famous: Entry | None = None,
    explain: bool = True,
) -> _Scored:
    """The candidate's score; with ``explain`` False the reasons are left out (same score)."""
    reasons: list[str] = []
    score = 0.0
    specific = False
    pop = max(e.population, 0)
    prior = min(math.log10(pop + 10) / 7.0, 1.2)
    score += prior
    if explain:
        reasons.append(f"population {pop:,} (+{prior:.2f})")
    if e.kind == PlaceKind.COUNTRY and all_countries is not None:
        countries = all_countries  # a country's name is evidence of itself
    if e.country and countries.get(e.country):
        n = countries[e.country]
        # one nationality adjective ("a Mexican newsman") is weaker than a country's name
        bonus = 2.0 + min(n, 6) * 0.1 if n >= 2 else 1.6
        score += bonus
        if explain:
            reasons.append(f"country {e.country} named in the text (+{bonus:.1f})")
    if e.admin1_row is not None and e.kind != PlaceKind.PROVINCE and provinces.get(e.admin1_row):
        score += 2.0
        specific = True
        if explain:
            reasons.append(f"province {e.admin1} named in the text (+2.0)")
    if e.admin1_row is not None and peer_provinces.get(e.admin1_row):
        bonus = min(peer_provinces[e.admin1_row], 4) * 0.4
        score += bonus
        specific = True
        if explain:
            reasons.append(f"other places of the article lie in {e.admin1} (+{bonus:.1f})")
    if (
        e.kind != PlaceKind.COUNTRY
        and e.country
        and peer_countries
        and peer_countries.get(e.country)
    ):
        bonus = min(peer_countries[e.country], 3) * 0.5
        score += bonus
        if explain:
            reasons.append(f"other places of the article lie in {e.country} (+{bonus:.1f})")
    if e.row in capitals and e.kind == PlaceKind.TOWN:
        score += CAPITAL_BONUS
        if explain:
            reasons.append(f"the capital of {e.country} (+{CAPITAL_BONUS})")
    if e.kind != PlaceKind.COUNTRY and dominant and e.country == dominant:
        score += DOMINANT_BONUS
        if explain:
            reasons.append(f"the article is mostly about {e.country} (+{DOMINANT_BONUS})")
    if (
        e.row in qualifier_rows
        or (e.admin1_row in qualifier_rows)
        or (e.admin2_row in qualifier_rows)
    ):
        score += 3.0
        specific = True
        if explain:
            reasons.append(f"qualified as {m.qualifier!r} (+3.0)")
    if e.row in alias_rows:
        score += 1.5
        specific = True
        if explain:
            reasons.append("our alias file names it (+1.5)")
    if e.latitude is None:
        score -= 1.0
        if explain:
            reasons.append("no coordinates in the data (-1.0)")
    if e.row in loose_rows:
        score -= LOOSE_PENALTY
        if explain:
            reasons.append(f"a spelling variant of {e.name!r} (-{LOOSE_PENALTY})")
    hint = m.kind_hint
    if e.row in seat_units and hint not in (PlaceKind.DISTRICT, PlaceKind.PROVINCE):
        # "San Salvador" names the city more often than the department it lies in
        score -= 1.0
        if explain:
            reasons.append("a town of this name lies in it (-1.0)")
    if hint == PlaceKind.DISTRICT:
        if e.kind == PlaceKind.DISTRICT:
            score += 1.5
            if explain:
                reasons.append("written as a district (+1.5)")
    elif hint == PlaceKind.PROVINCE:
        if e.kind == PlaceKind.PROVINCE:
            score += 1.5
            if explain:
                reasons.append("written as a province (+1.5)")
    elif hint == PlaceKind.TOWN:
        if e.kind == PlaceKind.TOWN:
            score += 1.0
            if explain:
                reasons.append("written as a town (+1.0)")
    else:
        if e.kind == PlaceKind.COUNTRY:
            score += 2.0
            if explain:
                reasons.append("a country's name (+2.0)")
        elif e.kind == PlaceKind.PROVINCE:
            score += 0.4
            if explain:
                reasons.append("a province's name (+0.4)")
        elif e.kind == PlaceKind.TOWN:
            score += 0.3
    if outlet_country and e.country == outlet_country:
        score += 0.3
        if explain:
            reasons.append("the outlet's country (+0.3)")
    if (
        famous is not None
        and not specific
        and e.row != famous.row
        and e.kind == PlaceKind.TOWN
        and hint not in (PlaceKind.DISTRICT, PlaceKind.PROVINCE)
        and max(pop, 1) * NAMESAKE_RATIO <= famous.population
    ):
        # a bare "Bogota" in an article about the United States is still Colombia's capital,
        # not a town of 8,000 in New Jersey ("Bogota, New Jersey" would qualify it)
        score -= NAMESAKE_PENALTY
        if explain:
            reasons.append(
                f"a small namesake of {famous.name}, {famous.country} (-{NAMESAKE_PENALTY})"
            )
    return _Scored(e, score, reasons, alias_rows.get(e.row), specific)


def _famous(
    cands: tuple[Entry, ...],
    capitals: frozenset[int],
    countries: Counter[str],
    peer_countries: Counter[str],
) -> Entry | None:
    """The best-known place among ``cands``: a country, else the most populous national capital
    or big city when the article speaks of its country (named twice, or named and a place of
    it).

    "San Jose" in an article about Guatemala alone is a Guatemalan San José, not Costa Rica's
    capital; "Bogota" in one naming the United States often and Colombia too is Colombia's.
    """
    # a country is always well known: "Peru" is not a Mexican village of that name
    country = max(
        (e for e in cands if e.kind == PlaceKind.COUNTRY and e.latitude is not None),
        key=lambda e: e.population,
        default=None,
    )
    if country is not None:
        return country
    best = None
    for e in cands:
        if e.kind != PlaceKind.TOWN or e.latitude is None:
            continue
        if e.row in capitals or e.population >= BIG_CITY_POPULATION:
            if best is None or e.population > best.population:
                best = e
    if best is None or countries.get(best.country, 0) + 2 * peer_countries.get(best.country, 0) < 2:
        return None
    return best


def _seat_units(cands: list[Entry]) -> frozenset[int]:
    """Provinces and districts among ``cands`` that contain a candidate town of the same name."""
    units = {e.row for e in cands if e.kind in (PlaceKind.PROVINCE, PlaceKind.DISTRICT)}
    if not units:
        return frozenset()
    out = set()
    for e in cands:
        if e.kind == PlaceKind.TOWN:
            for u in (e.admin1_row, e.admin2_row):
                if u in units:
                    out.add(u)
    return frozenset(out)


def resolve_places(
    text: str,
    mentions: list[PlaceMention],
    *,
    gazetteer: Gazetteer | None = None,
    outlet_country: str | None = None,
) -> list[Place]:
    """One :class:`Place` per distinct place mentioned, with every span that names it."""
    gaz = gazetteer or load_gazetteer()
    own: dict[str, Counter[str]] = {}
    own_prov: dict[str, Counter[int]] = {}
    countries, provinces = text_context(text, mentions, gaz, own, own_prov)
    # a name and the same name written as a district are resolved apart (town vs district)
    by_key: dict[tuple[str, bool], list[PlaceMention]] = {}
    for m in mentions:
        by_key.setdefault((m.key, m.kind_hint == PlaceKind.DISTRICT), []).append(m)

    # pass 1 without peers, pass 2 with the provinces the other places' best candidates lie in
    peer: Counter[int] = Counter()
    peer_c: Counter[str] = Counter()
    choice: dict = {}
    sure: set = set()
    capitals = frozenset(gaz.capital_rows.values())
    for _pass in range(2):
        scored_all = {}
        for group_key, ms in by_key.items():
            m = ms[0]
            cands = _candidates(m.key, gaz)
            if not cands:
                continue
            alias_rows = _alias_rows(m.key, gaz)
            qual_rows: set[int] = set()
            for mm in ms:
                if mm.qualifier:
                    qual_rows.update(gaz.rows(fold(mm.qualifier)))
            exact = set(gaz.rows(m.key))
            loose = frozenset(
                e.row for e in cands if e.row not in exact and e.row not in alias_rows
            )
            seats = _seat_units(cands)
            own_peer = Counter(peer)
            prev = choice.get(group_key)
            if prev is not None and prev.entry.admin1_row is not None:
                own_peer[prev.entry.admin1_row] -= 1  # do not count yourself
            key_countries = (countries - own[m.key]) if own.get(m.key) else countries
            key_provinces = (provinces - own_prov[m.key]) if own_prov.get(m.key) else provinces
            key_peers = +own_peer
            own_peer_c = Counter(peer_c)
            if prev is not None and group_key in sure and _counts_as_peer(prev):
                own_peer_c[prev.entry.country] -= 1
            own_peer_c = +own_peer_c
            dominant = _dominant(key_countries, own_peer_c)
            famous = _famous(cands, capitals, key_countries, own_peer_c)
            score = partial(
                _score,
                m,
                countries=key_countries,
                provinces=key_provinces,
                peer_provinces=key_peers,
                peer_countries=own_peer_c,
                dominant=dominant,
                all_countries=countries,
                capitals=capitals,
                alias_rows=alias_rows,
                qualifier_rows=qual_rows,
                outlet_country=outlet_country,
                loose_rows=loose,
                seat_units=seats,
                famous=famous,
            )
            scored = [score(e, explain=False) for e in cands]
            scored.sort(key=lambda s: (-s.score, -s.entry.population, s.entry.row))
            if _pass:  # the shown candidates, with their reasons (the scores do not change)
                scored[:MAX_ALTERNATIVES] = [score(s.entry) for s in scored[:MAX_ALTERNATIVES]]
            scored_all[group_key] = scored
        choice = {k: v[0] for k, v in scored_all.items()}
        sure = {k for k, v in scored_all.items() if _sure(v)}
        peer = Counter(
            s.entry.admin1_row
            for s in choice.values()
            if s.entry.admin1_row is not None
            and s.entry.kind in (PlaceKind.TOWN, PlaceKind.DISTRICT)
        )
        peer_c = Counter(
            s.entry.country for k, s in choice.items() if k in sure and _counts_as_peer(s)
        )

    places: dict[str, Place] = {}
    order: list[str] = []
    for group_key, ms in by_key.items():
        scored = scored_all.get(group_key)
        if not scored:
            place = Place(
                name=ms[0].name,
                spans=[m.span for m in ms],
                kind=ms[0].kind_hint,
            )
            key = place.key
        elif _outside_article(scored[0], countries) and not _peers_in_its_country(
            scored[0], peer_c, own=group_key in sure
        ):
            # the only candidates lie in countries the article does not speak of: a village of
            # the same name abroad is a worse answer than none (kept as alternatives)
            place = _place(ms, scored, gaz)
            place = Place(
                name=ms[0].name,
                spans=[m.span for m in ms],
                kind=ms[0].kind_hint,
                alternatives=place.alternatives,
            )
            key = place.key
        else:
            place = _place(ms, scored, gaz)
            key = place.key
        if key in places:
            places[key].spans.extend(m.span for m in ms)
        else:
            places[key] = place
            order.append(key)
    result = [places[k] for k in order]
    result = _fold_districts_into_towns(result)
    for p in result:
        p.spans.sort()
    result.sort(key=lambda p: p.spans[0].start)
    return result


FOREIGN_TOWN_POPULATION = 100_000


def _counts_as_peer(s: _Scored) -> bool:
    """A first-pass choice whose country is evidence for the article's other places."""
    return bool(s.entry.country) and s.entry.kind != PlaceKind.COUNTRY


def _sure(scored: list[_Scored]) -> bool:
    """The best candidate beats every candidate in another country by ``PEER_MARGIN``."""
    best = scored[0]
    rival = next((s.score for s in scored[1:] if s.entry.country != best.entry.country), None)
    return rival is None or best.score - rival >= PEER_MARGIN


def _dominant(countries: Counter[str], peer_countries: Counter[str]) -> str | None:
    """The country the article speaks of most: named (counts) and its places (2 each).

    None unless it has at least 2 and 1.5 times any other country's: "Hyderabad" in an
    article naming Pakistan three times and India once is Pakistan's; in one naming each once
    the other evidence decides.
    """
    total = Counter(countries)
    for c, n in peer_countries.items():
        total[c] += 2 * n
    top = total.most_common(2)
    if not top or top[0][1] < 2:
        return None  # one nationality adjective is no article's subject
    if len(top) > 1 and top[0][1] < DOMINANT_RATIO * top[1][1]:
        return None
    return top[0][0]


def _outside_article(best: _Scored, countries: Counter[str]) -> bool:
    """True when the article names a country twice or more and ``best`` is a small place in
    a country it never names ("Khar" in a report naming Afghanistan twice and Pakistan once
    is still Pakistan's)."""
    e = best.entry
    if not countries or e.kind == PlaceKind.COUNTRY:
        return False
    strong = {c for c, n in countries.items() if n >= 2}
    return bool(strong) and e.country not in countries and e.population < FOREIGN_TOWN_POPULATION


def _peers_in_its_country(best: _Scored, peer_countries: Counter[str], *, own: bool) -> bool:
    """Another place the article names surely lies in ``best``'s country ("Alizai" beside
    Peshawar and Parachinar in a report that names Afghanistan and never Pakistan)."""
    n = peer_countries.get(best.entry.country or "", 0)
    if own and _counts_as_peer(best):
        n -= 1  # not its own evidence
    return n >= 1


def _place(ms: list[PlaceMention], scored: list[_Scored], gaz: Gazetteer) -> Place:
    best = scored[0]
    e = best.entry
    lat, lon = e.latitude, e.longitude
    near = all(m.near or m.kind_hint == PlaceKind.AREA for m in ms)
    kind = e.kind
    if kind == PlaceKind.TOWN:
        precision, where_prec = (2, 2) if near else (1, 1)
    elif kind == PlaceKind.DISTRICT:
        precision, where_prec = 2, 3
    elif kind == PlaceKind.PROVINCE:
        precision, where_prec = 3, 4
    else:
        precision, where_prec = 4, 6
    if lat is None:
        # a unit with no town in the data: its province's point (or country's), coded as such
        up = gaz.entry(e.admin1_row) if e.admin1_row not in (None, e.row) else None
        if up is not None and up.latitude is not None:
            lat, lon, precision, where_prec = up.latitude, up.longitude, 3, 4
        elif e.country and (c := gaz.country(e.country)) is not None and c.latitude is not None:
            lat, lon, precision, where_prec = c.latitude, c.longitude, 4, 6
    canonical = e.name if kind != PlaceKind.DISTRICT else _SUFFIX.sub("", e.name)
    if best.alias is not None and best.alias.canonical:
        canonical = best.alias.canonical
    alternatives = [
        PlaceCandidate(
            geonames_id=s.entry.geonames_id,
            name=s.entry.name,
            kind=s.entry.kind,
            admin1=s.entry.admin1,
            admin2=s.entry.admin2,
            country=s.entry.country,
            latitude=s.entry.latitude,
            longitude=s.entry.longitude,
            score=round(s.score, 3),
            reasons=s.reasons,
        )
        for s in scored[:MAX_ALTERNATIVES]
    ]
    return Place(
        name=ms[0].name,
        spans=[m.span for m in ms],
        kind=kind,
        geonames_id=e.geonames_id,
        canonical_name=canonical,
        admin1=e.admin1 if kind != PlaceKind.PROVINCE else e.name,
        admin2=e.admin2 if kind != PlaceKind.DISTRICT else e.name,
        country=e.country,
        country_iso3=e.country_iso3,
        country_name=e.country_name,
        latitude=lat,
        longitude=lon,
        precision=precision,
        where_prec=where_prec,
        resolved=True,
        alternatives=alternatives,
    )


def _fold_districts_into_towns(places: list[Place]) -> list[Place]:
    """ "Nushki district" and "Noshki" in one article are one place: the town, spans merged."""
    towns = {
        (fold(p.canonical_name or ""), p.admin2): p
        for p in places
        if p.kind == PlaceKind.TOWN and p.resolved
    }
    out = []
    for p in places:
        if p.kind == PlaceKind.DISTRICT and p.resolved:
            town = towns.get((fold(p.canonical_name or ""), p.admin2))
            if town is not None:
                town.spans.extend(p.spans)
                continue
        out.append(p)
    return out


def country_weights(text: str, places: Sequence[Place]) -> Counter[str]:
    """How much the article speaks of each country (ISO2): 2 for each mention of the country's
    name, of a town or a district in it, 1 for each of its provinces and each nationality word
    ("salvadoran").  The country named most is not always the subject: a report from San
    Salvador may name the United States three times and El Salvador once."""
    weights: Counter[str] = Counter()
    for p in places:
        if not p.country:
            continue
        per = 1 if p.kind == PlaceKind.PROVINCE else 2
        weights[p.country] += per * max(1, len(p.spans))
    weights.update(_demonym_countries(text))
    return weights


def geocode(query: str, *, gazetteer: Gazetteer | None = None) -> Place:
    """Resolve a query such as ``"Nushki, Balochistan"``: a name, then optional context."""
    from sitrep.geo.mentions import PlaceMention as _PM

    gaz = gazetteer or load_gazetteer()
    parts = [p.strip() for p in query.split(",") if p.strip()]
    if not parts:
        return Place(name=query)
    name = parts[0]
    hint = PlaceKind.UNKNOWN
    m = re.search(r"\s+(district|province|city|town|village)$", name, re.I)
    if m and (gaz.rows(fold(name)) or fold(name) in gaz.aliases):
        m = None  # "Gaza City", "Kuwait City": the unit word is part of the name
    if m:
        from sitrep.geo.mentions import _UNIT_KIND

        hint = _UNIT_KIND[m.group(1).lower()]
        name = name[: m.start()]
    mention = _PM(
        span=Span(0, len(name), name),
        name=name,
        key=fold(name),
        kind_hint=hint,
        cued=True,
        qualifier=parts[1] if len(parts) > 1 else None,
    )
    context = [_PM(span=Span(0, len(p), p), name=p, key=fold(p), cued=True) for p in parts[1:]]
    places = resolve_places(query, [mention, *context], gazetteer=gaz)
    for p in places:
        if any(s.text == name for s in p.spans):
            return p
    return Place(name=name, spans=[mention.span])
