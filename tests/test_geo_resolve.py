"""Resolving place mentions: context, precision codes, priors, hints, unresolved places."""

from __future__ import annotations

import math

import pytest

from sitrep.geo import find_place_mentions, geocode, load_gazetteer, outlet_country, resolve_places
from sitrep.geo.evaluate import haversine_km
from sitrep.geo.mentions import PlaceMention
from sitrep.model import PlaceKind, Span


@pytest.fixture(scope="module", autouse=True)
def _loaded():
    load_gazetteer()


def places(text: str, **kw):
    return resolve_places(text, find_place_mentions(text), **kw)


def by_name(text: str, **kw):
    return {p.name: p for p in places(text, **kw)}


# GeoNames coordinates (cities500) of the seed's towns, and their districts
SEED = {
    "Quetta": (30.18414, 67.00141, "Quetta District"),
    "Mastung": (29.79966, 66.84553, "Mastung District"),
    "Nushki": (29.55218, 66.02288, "Nushki District"),
    "Noshki": (29.55218, 66.02288, "Nushki District"),
    "Dalbandin": (28.88846, 64.40616, "Chāgai District"),
    "Pasni": (25.26302, 63.46921, "Gwadar"),
    "Gwadar": (25.12163, 62.32541, "Gwadar"),
}


@pytest.mark.parametrize("name", sorted(SEED))
def test_seed_towns_within_10_km_with_their_districts(name):
    lat, lon, district = SEED[name]
    text = (
        f"Militants attacked a checkpoint in {name} in Balochistan province, Pakistan, on Monday."
    )
    p = by_name(text)[name]
    assert p.resolved and p.kind == PlaceKind.TOWN
    assert haversine_km(p.latitude, p.longitude, lat, lon) <= 10
    assert p.admin2 == district and p.admin1 == "Balochistan" and p.country == "PK"
    assert p.precision == 1 and p.where_prec == 1
    assert p.country_iso3 == "PAK" and p.geonames_id


def test_noshki_and_nushki_are_one_place():
    ps = places("A suicide bomber struck in Noshki. Nushki district police said four died.")
    nushki = [p for p in ps if p.canonical_name == "Nushki"]
    assert len(nushki) == 1 and len(nushki[0].spans) == 2


def test_district_versus_town():
    p = by_name("Gunmen stormed the jail in Mastung district.")["Mastung"]
    assert p.kind == PlaceKind.DISTRICT and p.precision == 2 and p.where_prec == 3
    assert haversine_km(p.latitude, p.longitude, 29.79966, 66.84553) <= 10  # its capital
    t = by_name("Gunmen stormed the jail in Mastung town.")["Mastung"]
    assert t.kind == PlaceKind.TOWN and t.precision == 1


def test_near_and_outskirts_give_precision_2():
    for text in ("A bomb exploded near Turbat.", "Clashes on the outskirts of Turbat."):
        p = by_name(text)["Turbat"]
        assert p.kind == PlaceKind.TOWN and p.precision == 2 and p.where_prec == 2, text


def test_province_and_country_precision():
    ps = by_name("The railway track was blown up in Balochistan, Pakistan.")
    assert ps["Balochistan"].precision == 3 and ps["Balochistan"].where_prec == 4
    assert ps["Pakistan"].precision == 4 and ps["Pakistan"].where_prec == 6
    # a country's point is its capital
    assert haversine_km(ps["Pakistan"].latitude, ps["Pakistan"].longitude, 33.72, 73.04) < 15


def test_province_context_picks_the_namesake():
    # Hyderabad: the Indian city is far bigger; Sindh in the text picks Pakistan's
    p = by_name("Police in Hyderabad, Sindh, arrested two suspects.")["Hyderabad"]
    assert p.country == "PK" and p.admin1 == "Sindh"
    p = by_name("Police in Hyderabad arrested two suspects.")["Hyderabad"]
    assert p.country == "IN"  # population prior without context


def test_country_context_and_demonyms():
    p = by_name("Pakistani troops said the attack in Hyderabad killed two.")["Hyderabad"]
    assert p.country == "PK"
    p = by_name("In Peru, rebels attacked a post in Santa Rosa.")["Santa Rosa"]
    assert p.country == "PE"


def test_co_mentioned_places_pull_together():
    # Bara: a town of the Khyber district; elsewhere Bara is in India, Nigeria, Sweden...
    text = "Militants fled from Peshawar to Landi Kotal and Jamrud after the raid."
    ps = by_name(text)
    assert {ps[n].admin1 for n in ("Peshawar", "Landi Kotal", "Jamrud")} == {"Khyber Pakhtunkhwa"}


def test_population_prior():
    assert geocode("Lima").country == "PE"
    assert geocode("San Salvador").country == "SV"  # the city, not the Bahamian island
    assert geocode("San Salvador").kind == PlaceKind.TOWN
    assert geocode("Kandahar").kind == PlaceKind.TOWN


def test_outlet_country_is_a_weak_hint():
    text = "Rebels attacked a police station in Hyderabad on Friday."
    assert by_name(text)["Hyderabad"].country == "IN"
    assert by_name(text, outlet_country="PK")["Hyderabad"].country == "PK"
    # ... but never beats what the text says
    text2 = "Rebels attacked a police station in Hyderabad, India, on Friday."
    assert by_name(text2, outlet_country="PK")["Hyderabad"].country == "IN"


def test_outlet_country_lookup():
    assert outlet_country("Dawn") == "PK"
    assert outlet_country(None, "https://www.dawn.com/news/1") == "PK"
    assert outlet_country("Some paper", "https://example.com.pk/story") == "PK"
    assert outlet_country("BBC", "https://www.bbc.co.uk/news") == "GB"
    assert outlet_country("Reuters", "https://www.reuters.com/world/") is None
    assert outlet_country("Geo", "https://www.geo.tv/latest/1") == "PK"  # by table, not .tv
    assert outlet_country(None, "https://news.example.tv/") is None
    assert outlet_country(None, None) is None


def test_aliases_and_old_names():
    assert geocode("Noshki").canonical_name == "Nushki"
    for old in ("Baluchistan", "NWFP", "FATA", "Federally Administered Tribal Areas"):
        p = geocode(old)
        assert p.kind == PlaceKind.PROVINCE and p.country == "PK", old
    assert geocode("FATA").admin1 == "Khyber Pakhtunkhwa"
    assert geocode("Kech").kind == PlaceKind.DISTRICT
    assert geocode("Chagai").kind == PlaceKind.DISTRICT
    assert geocode("Kiev").canonical_name == "Kyiv"
    assert geocode("Lakki Marwat").canonical_name == "Lakki Marwat"


def test_spelling_variants():
    for variant, name in (
        ("Miranshah", "Miran Shah"),
        ("Charsada", "Charsadda"),
        ("Raqqa", "Ar Raqqah"),
    ):
        p = geocode(variant)
        assert p.resolved and p.canonical_name == name, (variant, p.canonical_name)
        assert any("spelling variant" in r for r in p.alternatives[0].reasons)


@pytest.mark.parametrize(
    "query,country",
    [
        ("Bogota", "CO"),
        ("Medellin", "CO"),
        ("Usulutan", "SV"),
        ("Tegucigalpa", "HN"),
        ("Ayacucho", "PE"),
        ("Guatemala City", "GT"),
        ("Santiago, Chile", "CL"),
        ("Mosul", "IQ"),
        ("Fallujah", "IQ"),
        ("Aleppo", "SY"),
        ("Sanaa", "YE"),
        ("Hodeidah", "YE"),
        ("Benghazi", "LY"),
        ("Maiduguri", "NG"),
        ("Mogadishu", "SO"),
        ("Goma", "CD"),
        ("El Fasher", "SD"),
        ("Mekelle", "ET"),
        ("Gao", "ML"),
        ("Kharkiv", "UA"),
        ("Bakhmut", "UA"),
        ("Khan Younis", "PS"),
        ("Gaza City", "PS"),
        ("Kabul", "AF"),
        ("Mazar-i-Sharif", "AF"),
        ("Srinagar", "IN"),
        ("Cox's Bazar", "BD"),
        ("Jolo", "PH"),
        ("Pattani", "TH"),
        ("Myitkyina", "MM"),
        ("Culiacan", "MX"),
        ("Acapulco", "MX"),
        ("Port-au-Prince", "HT"),
        ("Beni, North Kivu", "CD"),
    ],
)
def test_worldwide_places(query, country):
    p = geocode(query)
    assert p.resolved and p.country == country, (query, p.canonical_name, p.country)
    assert p.kind == PlaceKind.TOWN and p.precision == 1
    assert p.latitude is not None and p.longitude is not None


def test_alternatives_carry_scores_and_reasons():
    p = geocode("Hyderabad, Sindh")
    assert len(p.alternatives) >= 2
    assert p.alternatives[0].score >= p.alternatives[1].score
    assert any("province Sindh" in r for r in p.alternatives[0].reasons)


def test_unresolved_place_stays_as_written():
    m = PlaceMention(
        span=Span(10, 20, "Xqzvillage"), name="Xqzvillage", key="xqzvillage", cued=True
    )
    text = "Attack in Xqzvillage and in Quetta."
    q = find_place_mentions(text)
    ps = resolve_places(text, [m, *q])
    assert [p.name for p in ps] == ["Xqzvillage", "Quetta"]
    assert not ps[0].resolved and ps[0].latitude is None and ps[0].spans == [m.span]
    assert ps[1].resolved


def test_unresolved_place_gives_a_warning_and_keeps_the_extraction():
    from sitrep import extract

    text = (
        "Militants attacked a police station in Zorbakhel village near Quetta on Monday, "
        "killing two policemen, officials said."
    )
    result = extract(text, published="2024-03-04")
    assert result.incidents, "an unknown village must not empty the extraction"
    assert any(w.code == "place_unresolved" for w in result.warnings) or all(
        p.resolved for i in result.incidents if (p := i.place)
    )


def test_empty_input():
    assert resolve_places("", []) == []
    assert not geocode("").resolved
    assert not geocode(" , ").resolved


def test_a_unit_without_coordinates_falls_back_to_its_province():
    gaz = load_gazetteer()
    rows = [
        r
        for r in range(len(gaz))
        if gaz.kind_of(r) == PlaceKind.DISTRICT
        and math.isnan(gaz._s["lats"][r])
        and gaz._s["admin1"][r] >= 0
        and not math.isnan(gaz._s["lats"][gaz._s["admin1"][r]])
    ]
    e = gaz.entry(rows[0])
    p = geocode(f"{e.name} district, {e.admin1}")
    if p.resolved and p.kind == PlaceKind.DISTRICT and p.geonames_id == e.geonames_id:
        assert p.latitude is not None and p.precision == 3 and p.where_prec == 4


@pytest.mark.parametrize("lower", [False, True])
def test_other_places_and_the_dominant_country_pick_namesakes(lower):
    # Valencia and Medellin have namesakes in Spain; Bogota makes the article Colombian
    text = (
        "Bombs went off in Bogota and Medellin on Monday. Later, a car bomb exploded in Valencia."
    )
    ps = {p.name.lower(): p for p in places(text.lower() if lower else text)}
    assert [ps[n].country for n in ("bogota", "medellin", "valencia")] == ["CO", "CO", "CO"]
    text = (
        "Pakistan said the blast in Hyderabad was the third this month in Pakistan; "
        "an Indian envoy condemned it. Pakistani police made arrests."
    )
    ps = {p.name.lower(): p for p in places(text.lower() if lower else text)}
    assert ps["hyderabad"].country == "PK" and ps["hyderabad"].admin1 == "Sindh"


@pytest.mark.parametrize("lower", [False, True])
def test_country_names_and_capitals_beat_namesake_villages(lower):
    def one(text):
        return {p.name.lower(): p for p in places(text.lower() if lower else text)}

    # El Salvador is also a village of Mexico; the country's own name is evidence of itself
    p = one("Officials of Mexico met officials of El Salvador.")["el salvador"]
    assert (p.country, p.kind) == ("SV", PlaceKind.COUNTRY)
    # one nationality adjective does not put a capital in a Mexican village of its name
    p = one("A Mexican reporter said a bomb exploded in San Salvador today.")["san salvador"]
    assert (p.country, p.kind) == ("SV", PlaceKind.TOWN)
    # "Chileans" (plural demonym) and the capital: not the Dominican province of Santiago
    p = one("Chileans voted in Santiago on Sunday.")["santiago"]
    assert (p.country, p.kind) == ("CL", PlaceKind.TOWN)


@pytest.mark.parametrize("lower", [False, True])
def test_big_cities_and_capitals_beat_small_namesakes_abroad(lower):
    def one(text):
        return {p.name.lower(): p for p in places(text.lower() if lower else text)}

    # the United States and its places named often, Colombia once with one of its cities:
    # Bogota is still Colombia's capital, not the New Jersey town of 8,000
    text = (
        "The United States condemned the attack in Bogota. Police in Miami and in Washington "
        "helped; a Colombian judge in Medellin thanked the United States."
    )
    assert [(p.name.lower(), p.country) for p in places(text.lower() if lower else text)] == [
        ("united states", "US"),
        ("bogota", "CO"),
        ("miami", "US"),
        ("washington", "US"),
        ("medellin", "CO"),
    ]
    # a city of a million (Trujillo, Peru) beats a Mexican village of its name, and the
    # country Peru beats a Mexican village "El Peru" in an article mostly about Mexico
    text = (
        "Ministers of Mexico met in Trujillo with ministers of Peru, after talks in Acapulco, "
        "Mexico, and in Monterrey, Mexico."
    )
    ps = one(text)
    assert ps["trujillo"].country == "PE"
    assert (ps["peru"].country, ps["peru"].kind) == ("PE", PlaceKind.COUNTRY)
    # without the big city's country in the article, the namesake of the country it is about
    text = "Guatemala said a bomb exploded in San Jose, a town in Guatemala's north. Guatemala"
    assert one(text)["san jose"].country == "GT"


def test_a_qualifier_keeps_a_small_namesake():
    p = geocode("Bogota, New Jersey")
    assert (p.country, p.admin1) == ("US", "New Jersey")


def test_country_weights_count_names_places_and_nationality_words():
    from sitrep.geo import country_weights
    from sitrep.model import Place

    text = "Salvadoran police and Salvadoran troops; the United States; El Salvador."
    places = [
        Place(name="United States", kind=PlaceKind.COUNTRY, country="US", spans=[Span(0, 1, "S")]),
        Place(name="El Salvador", kind=PlaceKind.COUNTRY, country="SV", spans=[Span(0, 1, "S")]),
        Place(name="Usulutan", kind=PlaceKind.PROVINCE, country="SV", spans=[Span(0, 1, "S")]),
    ]
    got = country_weights(text, places)
    assert got["US"] == 2
    assert got["SV"] == 2 + 1 + 2  # its name, a province, two nationality words


def test_an_act_with_no_town_lies_in_the_country_the_article_is_about():
    from sitrep import extract

    text = (
        "Gunmen killed two union leaders on Tuesday, Salvadoran police said. The United States "
        "condemned the killings, and the United States embassy offered help. Salvadoran "
        "officials said the Salvadoran government of El Salvador would hold an inquiry."
    )
    (inc,) = extract(text, published="1990-01-10").incidents
    assert inc.place is not None and inc.place.country == "SV"


@pytest.mark.parametrize("town", ["Khar", "Wana", "Landi Kotal"])
def test_a_small_town_stays_in_a_country_named_once_beside_one_named_more(town):
    # Afghanistan named thrice (Afghan twice, Kabul), Pakistan only by its capital: a small
    # Pakistani town is still placed, not dropped as foreign
    text = (
        f"A bomb went off on the main road in {town} on Sunday. Islamabad blamed militants on "
        "Afghan soil; the Afghan ministry in Kabul rejected the charge."
    )
    p = by_name(text)[town]
    assert (p.resolved, p.country) == (True, "PK")


def test_a_province_abroad_that_is_also_a_district_here_is_no_evidence_of_its_country():
    # "Karak" is a governorate of Jordan and a district of Pakistan: naming it four times
    # must not make the article Jordanian and drop the small Pakistani towns beside it
    text = (
        "KARAK: Gunmen attacked a police post in Karak district on Sunday. The wounded were "
        "taken to hospital in Karak. DPO Karak said a search was on. On Friday a bomb went off "
        "in Kulachi, and on Saturday gunmen shot a man in Topi."
    )
    got = {p.name.lower(): p for p in places(text)}
    assert [got[n].country for n in ("karak", "kulachi", "topi")] == ["PK", "PK", "PK"]


def test_a_small_town_beside_places_of_its_country_is_kept_when_only_a_neighbour_is_named():
    # Afghanistan named once, Pakistan never, but Peshawar lies in Pakistan: Alizai is placed
    text = (
        "Gunmen fired on a convoy near Alizai on its way to Peshawar on Thursday. The district "
        "borders Afghanistan."
    )
    got = {p.name: p for p in places(text)}
    assert (got["Alizai"].resolved, got["Alizai"].country) == (True, "PK")
