"""Role fillers (sitrep.extract.roles) on short texts written for these tests."""

from __future__ import annotations

from sitrep.extract.roles import fill_roles, find_role_fillers, split_sentences
from sitrep.model import Article, Extraction, Incident, IncidentStatus, RoleFiller, Span, to_dict


def fillers(text: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for f in find_role_fillers(text, [Span.of(text, 0, len(text))]):
        out.setdefault(f.role, []).append(f.text)
        for span in f.spans:
            assert text[span.start : span.end] == span.text
    return out


def test_perpetrators_targets_weapons_lower_case() -> None:
    got = fillers(
        "urban guerrillas of the shining path dynamited a power pylon near the town last night."
    )
    assert "urban guerrillas" in got["perp_ind"]
    assert got["perp_org"] == ["shining path"]
    assert "power pylon" in got["target"]


def test_collective_and_weapon() -> None:
    got = fillers(
        "a group of armed men hurled a powerful bomb at the headquarters of the national police."
    )
    assert got["perp_ind"] == ["group of armed men"]
    assert got["weapon"] == ["powerful bomb"]
    assert got["target"] == ["headquarters of the national police"]


def test_named_victim_without_title_in_span() -> None:
    got = fillers("gunmen killed senator ramon quispe torres as he left his office.")
    assert "ramon quispe torres" in got["victim"]
    assert "gunmen" in got["perp_ind"]
    named = [
        f
        for f in find_role_fillers(
            "the murder of tomas arevalo pinto shocked the town.", [Span(0, 52, "")]
        )
        if f.named
    ]
    assert [f.text for f in named] == ["tomas arevalo pinto"]


def test_group_victims_and_speakers() -> None:
    got = fillers("six peasants and the driver were killed, the police said.")
    assert "six peasants" not in got.get("perp_ind", [])
    assert "peasants" in got["victim"] or "six peasants" in got["victim"]
    assert "driver" in got["victim"]
    assert "police" not in got.get("victim", [])


def test_event_words_are_not_weapons_or_people() -> None:
    got = fillers("the terrorist attack and the bombings destroyed the bridge.")
    assert "weapon" not in got
    assert "perp_ind" not in got
    assert got["target"] == ["bridge"]


def test_agent_of_attack_verb_is_perpetrator() -> None:
    got = fillers("soldiers fired on the crowd.")
    assert got["perp_ind"] == ["soldiers"]


def test_sentences_cut_without_capitals() -> None:
    text = "col. ruiz said the u.s. embassy was hit. a bomb exploded later."
    cuts = [s.text.strip() for s in split_sentences(text, Span.of(text, 0, len(text)))]
    assert cuts == ["col. ruiz said the u.s. embassy was hit.", "a bomb exploded later."]


def test_arguments_round_trip() -> None:
    inc = Incident(id="i1", types=[], status=IncidentStatus.CARRIED_OUT)
    inc.arguments = [RoleFiller("weapon", "a car bomb", [Span(0, 10, "a car bomb")], "bomb")]
    ext = Extraction(article=Article(text="a car bomb"), incidents=[inc])
    back = Extraction.from_dict(to_dict(ext))
    assert back.incidents[0].arguments == inc.arguments


def test_empty_and_odd_input() -> None:
    assert find_role_fillers("", []) == []
    assert find_role_fillers("...", [Span(0, 3, "...")]) == []


def test_ordinals_and_judging_adjectives_are_not_part_of_the_phrase() -> None:
    for text in (
        "rebels planted a second bomb near the market.",
        "Rebels planted a second bomb near the market.",
    ):
        assert fillers(text)["weapon"] == ["bomb"]
    assert fillers("a violent car bomb destroyed the bridge.")["weapon"] == ["car bomb"]
    # a modifier that names the thing stays
    assert fillers("Gunmen threw a powerful bomb at the bank.")["weapon"] == ["powerful bomb"]


def test_dotted_abbreviation_joins_the_phrase() -> None:
    assert fillers("a bomb damaged the u.s. embassy.")["target"] == ["u.s. embassy"]
    assert fillers("A bomb damaged the U.S. Embassy.")["target"] == ["U.S. Embassy"]


def test_property_damage_is_not_a_target() -> None:
    got = fillers("the blast caused heavy property damage to a bank.")
    assert got["target"] == ["bank"]
    got = fillers("The blast caused heavy property damage to a bank.")
    assert got["target"] == ["bank"]


def test_a_place_of_a_killing_is_not_a_physical_target() -> None:
    for text in ("gunmen killed the mayor at his home.", "Gunmen killed the mayor at his home."):
        assert "target" not in fillers(text)


def test_reference_sentences_add_targets_to_the_incident_before_them() -> None:
    for text in (
        "a car bomb exploded in the town on monday. the bomb destroyed a hotel and a bank.",
        "A car bomb exploded in the town on Monday. The bomb destroyed a hotel and a bank.",
    ):
        first = Span.of(text, 0, text.index(".") + 1)
        inc = Incident(id="i1", types=[], status=IncidentStatus.CARRIED_OUT, spans=[first])
        ref = text.index("bomb", first.end)
        fill_roles(text, [inc], references=[Span.of(text, ref, ref + 4)])
        got = {(a.role, a.text.lower()) for a in inc.arguments}
        assert ("target", "hotel") in got and ("target", "bank") in got
        assert ("weapon", "car bomb") in got
        assert ("weapon", "bomb") not in got  # the incident names its instrument already
        # without the reference, the second sentence is not read
        fill_roles(text, [inc])
        assert not [a for a in inc.arguments if a.role == "target"]


def test_generic_instrument_nouns_need_a_modifier_or_an_of_phrase() -> None:
    for text in (
        "the army seized weapons and bullets after the attack on the bridge.",
        "The army seized weapons and bullets after the attack on the bridge.",
    ):
        assert "weapon" not in fillers(text)
    assert fillers("gunmen fired automatic weapons at the bus.")["weapon"] == ["automatic weapons"]
    for text in (
        "rebels placed a charge of dynamite at the bank.",
        "Rebels placed a charge of dynamite at the bank.",
    ):
        assert fillers(text)["weapon"] == ["charge of dynamite"]
    assert fillers("the judge read the charges against him.").get("weapon") is None


def test_more_physical_targets() -> None:
    got = fillers("saboteurs dynamited two high-tension posts and a car dealership.")
    assert got["target"] == ["high-tension posts", "car dealership"]
    got = fillers("Saboteurs dynamited the electricity network near the airstrip.")
    assert got["target"] == ["electricity network", "airstrip"]


def test_seized_and_traded_arms_are_not_instruments() -> None:
    for text in (
        "after the clash, troops seized two assault rifles and a mortar in the camp.",
        "After the clash, troops seized two assault rifles and a mortar in the camp.",
        "the government supplies bombs and rockets to the army.",
    ):
        assert fillers(text).get("weapon") is None
    # a bomb defused before the seizure keeps its place; the rockets seized after it do not
    got = fillers("police defused a car bomb and confiscated five rockets near the bank.")
    assert got["weapon"] == ["car bomb"]


def test_weapon_words_that_name_no_instrument() -> None:
    for text in (
        "bomb experts examined the wreckage of the bank.",
        "The bomb squad evacuated the hotel after a bomb threat.",
        "the rebels have vowed to bomb the capital.",
        "officials said that nuclear bombs are no answer.",
        "rifle fire and explosions were heard near the barracks all night.",
        "the city has suffered dynamite attacks since may.",
    ):
        assert fillers(text).get("weapon") is None, text
    assert fillers("two bomb attacks hit the city.")["weapon"] == ["bomb"]


def test_the_attackers_aircraft_and_care_places_are_not_targets() -> None:
    got = fillers("army helicopters fired rockets at the houses.")
    assert got["target"] == ["houses"]
    got = fillers("A Honduran boat was attacked by a navy helicopter.")
    assert got["target"] == ["Honduran boat"]
    got = fillers("the bomb destroyed a bus; the wounded were taken to the hospital.")
    assert got["target"] == ["bus"]
    assert fillers("Rebels blew up a cargo helicopter.")["target"] == ["cargo helicopter"]


def test_a_vehicle_loaded_with_explosives_is_the_instrument() -> None:
    got = fillers("a car loaded with 200 kg of dynamite exploded near the bank.")
    assert got["weapon"] == ["car loaded with 200 kg of dynamite"]
    assert got["target"] == ["bank"]
    got = fillers("A truck packed with explosives blew up outside the Ministry.")
    assert got["weapon"] == ["truck packed with explosives"]


def test_a_long_name_before_a_target_head() -> None:
    got = fillers("rebels bombed the grupo radial colombiano network radio stations.")
    assert got["target"] == ["grupo radial colombiano network radio stations"]


def test_agent_after_by_with_count_and_words_between() -> None:
    got = fillers("The mayor was abducted on 3 May by four masked men.")
    assert got["perp_ind"] == ["four masked men"]
    assert got["victim"] == ["mayor"]
    got = fillers("the mayor was shot near the market by two youths.")
    assert got["perp_ind"] == ["two youths"]
    # a figure tells a force's strength, not the attackers' name
    got = fillers("the town was attacked by 200 rebels.")
    assert got["perp_ind"] == ["rebels"]


def test_people_implicated_in_an_act_are_perpetrators() -> None:
    got = fillers("Three policemen have been charged with the murder of the reporter.")
    assert got["perp_ind"] == ["Three policemen"]
    assert got["victim"] == ["reporter"]
    got = fillers("the soldiers who took part in the massacre were arrested.")
    assert got["perp_ind"] == ["soldiers"]
    got = fillers("a sergeant, two corporals and five soldiers were involved in the killing.")
    assert got["perp_ind"] == ["sergeant", "two corporals", "five soldiers"]
    got = fillers("colonel juan perez and two lieutenants are accused of the murder of a priest.")
    assert got["perp_ind"] == ["juan perez", "two lieutenants"]
    # a list broken by a verb: no link to the accused who follow
    got = fillers("the soldiers and the farmers met, and a man accused of the murder was freed.")
    assert "soldiers" not in got.get("perp_ind", [])


def test_death_squads_are_perpetrator_individuals_only() -> None:
    got = fillers("A death squad killed two farmers.")
    assert got["perp_ind"] == ["death squad"]
    assert "perp_org" not in got
    got = fillers("death squad members shot the teacher.")
    assert got["perp_ind"] == ["death squad members"]
    assert "perp_org" not in got
