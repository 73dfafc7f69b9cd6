"""Finding place names: cased news text, ALL-CAPS datelines, lower-case MUC-4-like text, and
names of people and organisations that contain place words (texts written for these tests)."""

from __future__ import annotations

import pytest

from sitrep.geo import find_place_mentions, load_gazetteer
from sitrep.model import PlaceKind


@pytest.fixture(scope="module", autouse=True)
def _loaded():
    load_gazetteer()


def names(text: str, **kw) -> list[str]:
    return [m.name for m in find_place_mentions(text, **kw)]


def test_cased_towns_provinces_and_countries():
    text = (
        "Gunmen attacked a police post in Mastung on Tuesday, officials in Quetta said. "
        "The province of Balochistan borders Iran and Afghanistan."
    )
    got = names(text)
    for n in ("Mastung", "Quetta", "Balochistan", "Iran", "Afghanistan"):
        assert n in got, got
    assert "Tuesday" not in got


def test_spans_point_into_the_text():
    text = "A blast hit a market in Peshawar."
    (m,) = find_place_mentions(text)
    assert text[m.span.start : m.span.end] == "Peshawar" == m.span.text
    assert m.cued and m.key == "peshawar"


def test_unit_word_near_and_qualifier():
    ms = {
        m.name: m
        for m in find_place_mentions(
            "Clashes broke out in Kech district and near Turbat, while residents of Noshki, "
            "Balochistan, stayed indoors. Troops moved to the outskirts of Gwadar."
        )
    }
    assert ms["Kech"].kind_hint == PlaceKind.DISTRICT
    assert ms["Turbat"].near
    assert ms["Gwadar"].near
    assert ms["Noshki"].qualifier == "Balochistan"
    assert not ms["Noshki"].near


def test_all_caps_dateline():
    text = "QUETTA: Two soldiers were killed when militants opened fire on a checkpoint.\n"
    assert names(text)[:1] == ["QUETTA"]
    text = "KABUL — A roadside bomb struck a minibus in the west of the city on Sunday.\n"
    assert names(text)[:1] == ["KABUL"]


def test_person_and_organisation_names_are_not_places():
    text = (
        "Spokesman Abdullah Khan said the Pakistan Institute of Peace Studies and "
        "Victoria Jones of the Lahore University of Management Sciences disagreed. "
        "Police Chief Washington Mendes spoke to Paris Hilton."
    )
    got = names(text)
    for bad in ("Khan", "Victoria", "Paris"):
        assert bad not in got, got


def test_glued_capitals_keep_countries_but_not_towns():
    got = names("The Balochistan Liberation Army and the Quetta Shura issued statements.")
    assert "Quetta" not in got


def test_weekdays_months_and_common_words():
    got = names("On Monday in March, the Police and the Army said May was calm.")
    assert got == []


def test_lowercase_text_like_muc4():
    text = (
        "salvadoran guerrillas attacked a military post in the town of usulutan today, and "
        "a car bomb exploded in san salvador. the army said them and one more would pay. "
        "colonel rivera said the attack near zacatecoluca killed two soldiers."
    )
    got = [n.lower() for n in names(text)]
    for n in ("usulutan", "san salvador", "zacatecoluca"):
        assert n in got, got
    for bad in ("them", "one", "pay", "car", "rivera"):
        assert bad not in got, got


def test_uppercase_text_is_caseless():
    text = (
        "GUERRILLAS OF THE FMLN ATTACKED THE NATIONAL GUARD POST IN SAN MIGUEL AND IN "
        "USULUTAN LAST NIGHT, THE ARMED FORCES OF EL SALVADOR REPORTED. THEY WILL SAY MORE."
    )
    got = [n.lower() for n in names(text)]
    assert "san miguel" in got and "usulutan" in got and "el salvador" in got
    assert "will" not in got and "say" not in got


def test_lowercase_foreign_namesakes_need_a_country_or_a_big_city():
    # "escalon" is a neighbourhood of San Salvador and a small town in California
    got = [n.lower() for n in names("the bomb went off in escalon, el salvador, at dawn.")]
    assert "escalon" not in got


def test_empty_and_odd_input():
    assert names("") == []
    assert names("12345 ... !!!") == []
    assert names("ÄÖÜ " * 50) == []


def test_lowercase_direction_words_between_cue_and_town():
    # "near downtown x", "in northern x": the cue still makes the town a place
    assert "bogota" in names("two men shot a judge near downtown bogota yesterday.")
    assert "lima" in names("a car bomb exploded in northern lima at dawn.")


@pytest.mark.parametrize(
    "text, quoted, town",
    [
        ("A bomb struck a cafe in Somalia's capital on Friday.", "Somalia's capital", "Mogadishu"),
        ("Gunmen attacked a hotel in the Afghan capital on Monday.", "the Afghan capital", "Kabul"),
        ("A grenade exploded in the capital of Mali on Sunday.", "Mali", "Bamako"),
    ],
)
def test_a_countrys_capital_is_its_capital_town(text, quoted, town):
    found = find_place_mentions(text)
    assert [(m.span.text, m.name) for m in found] == [(quoted, town)]


def test_a_capital_named_right_after_is_found_as_itself():
    found = find_place_mentions("Clashes broke out in the Afghan capital, Kabul, on Monday.")
    assert [(m.span.text, m.name) for m in found] == [("Kabul", "Kabul")]


@pytest.mark.parametrize(
    "text, names",
    [
        (
            "Militants attacked a checkpoint in Khyber Pakhtunkhwa's Bannu district.",
            ["Khyber Pakhtunkhwa", "Bannu"],
        ),
        (
            "A bomb was found in Jammu and Kashmir's Pulwama district.",
            ["Jammu and Kashmir", "Pulwama"],
        ),
    ],
)
def test_a_possessive_place_is_found_without_its_s(text, names):
    assert [m.name for m in find_place_mentions(text)] == names


@pytest.mark.parametrize(
    "text", ["Farmers were killed near Lake Chad on Sunday.", "Boats sank on the Congo River."]
)
def test_a_natural_feature_named_after_a_country_is_not_the_country(text):
    assert find_place_mentions(text) == []


def test_an_adjective_of_nationality_is_no_place_unless_a_unit_word_follows():
    got = names(
        "A car bomb went off near the Somali parliament, and Somali forces sealed the area."
    )
    assert "Somali" not in got
    assert "Somali" in names("Fighting was reported in the Somali Region of Ethiopia.")


def test_the_tail_of_an_unknown_capitalised_name_is_no_place_even_before_a_unit_word():
    # "Ta Lu" is a hamlet in Vietnam; "Lin Ta Lu village" is another place, not in the gazetteer
    assert "Ta Lu" not in names("Jets bombed a monastery in Lin Ta Lu village in Sagaing region.")
    # a possessive before the name is no part of it
    assert "Bijapur" in names("The IED went off in Chhattisgarh's Bijapur district on Monday.")


def test_a_name_marked_by_a_place_word_is_a_place_the_gazetteer_may_lack():
    text = (
        "Fighters entered the village of Ngakobo and Tassiga village, near the Sunni-majority town."
    )
    got = {m.name: m for m in find_place_mentions(text)}
    assert {"Ngakobo", "Tassiga"} <= set(got)
    assert got["Tassiga"].cued and got["Tassiga"].kind_hint == PlaceKind.UNKNOWN
    assert not any("Sunni" in n for n in got)
    assert names("A bomb went off in Fishing village.") == []  # an English word is no unlisted name


def test_the_sahel_is_no_province_unless_its_unit_word_says_so():
    assert "Sahel" not in names("JNIM, an affiliate active across the Sahel, claimed the raid.")
    assert "Sahel" in names("Gunmen attacked a market in the Sahel region of Burkina Faso.")
