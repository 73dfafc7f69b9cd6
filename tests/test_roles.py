"""Role fillers (sitrep.extract.roles) on short texts written for these tests."""

from __future__ import annotations

import sitrep
from sitrep.extract.roles import fill_roles, find_role_fillers, split_sentences
from sitrep.model import (
    Article,
    DatePrecision,
    EventDate,
    Extraction,
    Incident,
    IncidentStatus,
    RoleFiller,
    Span,
    to_dict,
)


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
    assert got["weapon"] == ["bomb"]
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
    assert fillers("Gunmen threw a homemade bomb at the bank.")["weapon"] == ["homemade bomb"]


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
        "a car bomb exploded in the town on monday. the bomb hit a hotel and a bank.",
        "A car bomb exploded in the town on Monday. The bomb hit a hotel and a bank.",
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


def test_a_body_named_with_an_of_phrase_stays_whole_in_a_target() -> None:
    got = fillers("a car bomb damaged the offices of the ministry of public works.")
    assert got["target"] == ["offices of the ministry of public works"]
    got = fillers("Gunmen fired at the home of the mayor of the town.")
    assert got["target"] == ["home of the mayor"]


def test_targets_of_attacks_called_off_are_none() -> None:
    got = fillers("the rebels promised to suspend attacks on power pylons, bridges and buses.")
    assert "target" not in got
    got = fillers("Militants refused to halt the bombing of pipelines, and blew up a bridge.")
    assert got["target"] == ["bridge"]


def test_pharmacies_sites_and_missions_are_targets() -> None:
    got = fillers("the mob looted two pharmacies and set fire to a construction site.")
    assert got["target"] == ["pharmacies", "construction site"]
    got = fillers("Gunmen opened fire on the diplomatic mission.")
    assert got["target"] == ["diplomatic mission"]


def test_seat_of_government_and_small_premises_are_targets() -> None:
    for text in (
        "Rebels shelled the presidency with mortars and destroyed a print shop.",
        "rebels shelled the presidency with mortars and destroyed a print shop.",
    ):
        assert fillers(text)["target"] == ["presidency", "print shop"]
    got = fillers("the blast destroyed a guard post and a filling station.")
    assert got["target"] == ["guard post", "filling station"]


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


def test_of_phrase_stops_at_a_participle_and_takes_inner_coordination() -> None:
    got = fillers("A bomb went off at a branch of the Central Bank located in the north.")
    assert got["target"] == ["branch of the Central Bank"]
    got = fillers("a bomb damaged the home of the mayor owned by his family.")
    assert got["target"] == ["home of the mayor"]
    got = fillers("a bomb damaged an office of the agriculture and livestock ministry.")
    assert got["target"] == ["office of the agriculture and livestock ministry"]
    got = fillers("Bombs damaged the offices of labor unions and houses of party members.")
    assert got["target"] == ["offices of labor unions", "houses of party members"]


def test_the_attackers_vehicle_is_not_a_target() -> None:
    got = fillers("men threw a bomb from a moving car; it damaged the front of the store.")
    assert got["target"] == ["store"]
    assert "target" not in fillers("the vehicle used in the attack was found later.")
    got = fillers("They placed a bomb across from the telephone company, causing damage.")
    assert got["target"] == ["telephone company"]


def test_places_raided_by_security_forces_are_not_targets() -> None:
    assert "target" not in fillers("the army raided five farms and a home owned by the boss.")
    assert "target" not in fillers("Police and army units searched the house of a lawyer.")
    assert fillers("Guerrillas raided the police station.")["target"] == ["police station"]


def test_a_city_center_is_a_place_not_a_target() -> None:
    got = fillers("A bomb exploded in the center of Lima, damaging a health center.")
    assert got["target"] == ["health center"]
    assert "target" not in fillers("a bomb exploded in the tourist center of the city.")
    assert fillers("a bomb destroyed the shopping center.")["target"] == ["shopping center"]


def test_the_attackers_ride_is_not_a_target() -> None:
    got = fillers("Several men riding in an automobile threw a bomb at the office.")
    assert got["target"] == ["office"]
    got = fillers("unidentified gunmen in a vehicle opened fire on the offices of the newspaper.")
    assert got["target"] == ["offices of the newspaper"]
    got = fillers("two people in a car were killed when a bomb exploded.")
    assert got["target"] == ["car"]
    got = fillers("an attack with rockets by drug traffickers on the president's plane.")
    assert got["target"] == ["president's plane"]


def test_an_untitled_name_as_the_object_of_a_harm_verb() -> None:
    def victims(text: str) -> list[str]:
        return fillers(text).get("victim", [])

    assert victims("gunmen shot former council member pablo ortiz reyes in the street.") == [
        "pablo ortiz reyes"
    ]
    assert victims("Gunmen shot former council member Pablo Ortiz in the street.") == [
        "Pablo Ortiz"
    ]
    assert victims(
        "the rebels kidnapped a young couple, lucia marin and tomas ferro, on friday."
    ) == [
        "lucia marin",
        "tomas ferro",
    ]
    assert victims("the bomb exploded, injuring arnulfo pereira, who guarded the bank.") == [
        "arnulfo pereira"
    ]
    assert "gonzalo perez" in victims(
        "rebels killed nine miners, including gonzalo perez, a leader."
    )
    assert victims("they claimed the killing of former armed forces chief general ramon soto.") == [
        "ramon soto"
    ]
    assert victims("the front is still holding engineers dario restrepo and ana solis.") == [
        "dario restrepo",
        "ana solis",
    ]
    # not objects: a place after a preposition, a speaker, a noun before a colon, talks
    assert victims("soldiers killed two rebels in san pedro sula on monday.") == []
    assert "pedro perez" not in victims("three people were killed, pedro perez said.")
    assert "oscar duenas" not in victims("he is on the list of the death squad: oscar duenas.")
    assert victims("the president is holding talks with pedro perez.") == []


def test_a_date_or_place_before_of_and_a_long_apposition() -> None:
    def victims(text: str) -> list[str]:
        return fillers(text).get("victim", [])

    assert victims("they condemned the 9 may assassination in lima of ramon ortega soto.") == [
        "ramon ortega soto"
    ]
    assert victims("The assassination on 22 March of Ramon Ortega ended the talks.") == [
        "Ramon Ortega"
    ]
    assert victims("the murder in the town of santa rosa de lima was condemned.") == []
    got = victims(
        "ernesto paz lima, mayor of tuma, in the eastern province of olas, who was kidnapped "
        "on 3 may, was freed."
    )
    assert "ernesto paz lima" in got
    got = victims(
        "diego mora vidal, a candidate of the party, who replaced pablo ruiz ortega, who was "
        "killed last month, spoke today."
    )
    assert "diego mora vidal" not in got


def test_semicolon_list_of_victims() -> None:
    def victims(text: str) -> list[str]:
        return fillers(text).get("victim", [])

    assert victims(
        "the blast killed tomas vidal, 40; rosa vidal, 12; a boy known as julio; and ana lucero."
    ) == ["tomas vidal", "rosa vidal", "julio", "ana lucero"]
    assert victims(
        "The blast killed Tomas Vidal, 40; Rosa Vidal, 12; a boy known as Julio; and Ana Lucero."
    ) == ["Tomas Vidal", "Rosa Vidal", "Julio", "Ana Lucero"]
    found = victims("pedro salas, a teacher; jorge mena, a nurse; and a driver were kidnapped.")
    assert {"pedro salas", "jorge mena", "driver"} <= set(found)
    # a clause after a semicolon is no list item; nor is an index of names written surname first
    assert victims("rebels killed a farmer; pedro salas said the army came late.") == ["farmer"]
    assert "ana" not in victims(
        'the case "murder of a farmer": salas, pedro; mena, jorge; lucero, ana.'
    )


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


def test_state_force_accused_in_a_list_is_perpetrator_organisation() -> None:
    got = fillers(
        "The rebels blamed the government and the Armed Forces for the murder of a judge."
    )
    assert got["perp_org"] == ["Armed Forces"]
    got = fillers(
        "the rebels blamed the government and the armed forces for the murder of a judge."
    )
    assert got["perp_org"] == ["armed forces"]
    # no act after the accused: no perpetrator
    got = fillers("the rebels blamed the government and the armed forces for the crisis.")
    assert "perp_org" not in got


def test_attackers_by_kind_only_where_an_act_is_told() -> None:
    assert "perp_ind" not in fillers("It is a province where the Guerrillas have been active.")
    assert "perp_ind" not in fillers("the guerrillas are trying to win support in the north.")
    assert fillers("the guerrillas attacked a police post.")["perp_ind"] == ["guerrillas"]
    assert fillers("The Guerrillas burned two buses.")["perp_ind"] == ["Guerrillas"]


def test_the_owner_of_an_attacked_home_or_vehicle() -> None:
    def victims(text: str) -> list[str]:
        return fillers(text).get("victim", [])

    assert victims("rebels attacked the residence of senator tomas vidal ortega.") == [
        "tomas vidal ortega"
    ]
    assert victims("Rebels attacked the residence of Senator Tomas Vidal Ortega.") == [
        "Tomas Vidal Ortega"
    ]
    assert "rosa mena lucero" in victims(
        "mayor rosa mena lucero's house, in the north of the city, was also attacked."
    )
    assert "jorge salas" in victims(
        "gunmen carried out an attack against a car in which minister jorge salas was travelling."
    )
    # a bomb at a house targets the house; a police raid is no attack
    assert "pedro ruiz" not in victims("a bomb attack damaged the house of pedro ruiz.")
    assert victims("police raided the house of pedro ruiz today.") == []


def test_victims_named_by_a_copula_or_a_victim_phrase() -> None:
    def victims(text: str) -> list[str]:
        return fillers(text).get("victim", [])

    got = victims("the three workers who disappeared last week are tomas vidal and rosa mena.")
    assert {"tomas vidal", "rosa mena"} <= set(got)
    got = victims("The three workers who disappeared last week are Tomas Vidal and Rosa Mena.")
    assert {"Tomas Vidal", "Rosa Mena"} <= set(got)
    assert "jorge salas ortega" in victims(
        "jorge salas ortega, the party's candidate, was the victim of an attack tonight."
    )
    # an occupation before a name is a title, not part of the name
    assert victims("cattleman pedro ruiz lopez was found murdered today.") == ["pedro ruiz lopez"]
    assert "pedro ruiz lopez" in victims(
        "police said that farmer pedro ruiz lopez, the owner of a large estate near the river "
        "and brother of a former mayor, was found murdered today."
    )
    got = victims("a driver was killed, and the injured guard is tomas vidal ortega.")
    assert "tomas vidal ortega" in got
    got = victims("A driver was killed, and the injured guard is Tomas Vidal Ortega.")
    assert "Tomas Vidal Ortega" in got
    # the man who killed them is no victim
    assert "pedro ruiz" not in victims("the man who killed the workers was pedro ruiz.")


def test_addressed_places_and_the_reporters_place_are_not_targets() -> None:
    for text in (
        "A rebel spokesman who called two radio stations said the bomb destroyed the bridge.",
        "a rebel spokesman who called two radio stations said the bomb destroyed the bridge.",
    ):
        assert fillers(text)["target"] == ["bridge"]
    assert "target" not in fillers("When we asked the Foreign Ministry about the bombing, x said.")
    for text in (
        "We felt these explosions here at the Radio Nacional building.",
        "we were covering a ceremony at the plaza hotel when we heard the blast that destroyed "
        "the bank.",
    ):
        assert "building" not in fillers(text).get("target", [])
        assert "plaza hotel" not in fillers(text).get("target", [])
    got = fillers("we heard the blast that destroyed the bank.")
    assert got["target"] == ["bank"]
    got = fillers("We saw the rebels attack the police station.")
    assert got["target"] == ["police station"]


def test_both_aircraft_the_bombs_were_dropped_from_are_the_attackers() -> None:
    for text in (
        "Rebels hit the town, dropping rockets and bombs from air force airplanes and helicopters.",
        "rebels hit the town, dropping rockets and bombs from air force airplanes and helicopters.",
    ):
        got = fillers(text)
        assert "target" not in got
        assert got["weapon"] == ["rockets", "bombs"]
    got = fillers("the bomb destroyed the bridge and the police station.")
    assert got["target"] == ["bridge", "police station"]


def test_a_number_after_a_place_names_it() -> None:
    for text in (
        "Guerrillas bombed house number 729 and building 626 in the capital.",
        "guerrillas bombed house number 729 and building 626 in the capital.",
    ):
        assert fillers(text)["target"] == ["house number 729", "building 626"]
    got = fillers("the bomb damaged a house 50 meters from the bank.")
    assert "house 50" not in got["target"]


def test_throwing_and_machinegunning_mark_targets() -> None:
    for text in (
        "Two men threw a grenade at a passenger bus in the capital.",
        "two men threw a grenade at a passenger bus in the capital.",
    ):
        assert fillers(text)["target"] == ["passenger bus"]
    got = fillers("Gunmen machinegunned the mayor's car outside the town.")
    assert got["target"] == ["mayor's car"]
    got = fillers("the library was burned and the rooms had been ransacked.")
    assert got["target"] == ["library"]


def test_participle_modifiers_after_a_determiner_belong_to_the_target() -> None:
    for text in (
        "A bomb destroyed his armored vehicle.",
        "a bomb destroyed his armored vehicle.",
    ):
        assert fillers(text)["target"] == ["armored vehicle"]
    got = fillers("Rebels bombed the shopping mall.")
    assert got["target"] == ["shopping mall"]
    # a verb before the phrase is no modifier
    got = fillers("gunmen attacked parked vehicles.")
    assert got["target"] == ["vehicles"]


def test_an_organisation_before_a_place_belongs_to_the_target() -> None:
    for text in (
        "Guerrillas bombed the army headquarters.",
        "guerrillas bombed the army headquarters.",
    ):
        assert fillers(text)["target"] == ["army headquarters"]
    got = fillers("a bomb exploded at the military command post.")
    assert got["target"] == ["military command post"]


def test_powerful_is_no_part_of_a_weapon() -> None:
    for text in ("A powerful bomb exploded at the bank.", "a powerful bomb exploded at the bank."):
        got = fillers(text)
        assert got["weapon"] == ["bomb"]
        assert got["target"] == ["bank"]


def test_spelled_out_organisation_attacked_is_a_target() -> None:
    for text in (
        "The attack on UNTRAB (National Transport Workers Union) wounded two guards.",
        "the attack on untrab (national transport workers union) wounded two guards.",
    ):
        assert fillers(text)["target"] == [text.split()[3]]
    # a person spelled out by a description is not a target
    assert "target" not in fillers("The attack on Quispe (a lawyer) failed.")


def test_target_of_arms_used_against_it() -> None:
    for text in (
        "The rebels used explosives against the town hall and the clinic.",
        "the rebels used explosives against the town hall and the clinic.",
    ):
        assert [t.lower() for t in fillers(text)["target"]] == ["town hall", "clinic"]
    assert "target" not in fillers("The charges against the bank manager were dropped.")


def test_surname_that_is_a_common_word_or_ends_in_ly() -> None:
    def victims(text: str) -> list[str]:
        return fillers(text).get("victim", [])

    assert victims("trader pablo rivas hope was murdered today.") == ["pablo rivas hope"]
    assert victims("gunmen shot pablo andres rivas junior, 40, at his farm.") == [
        "pablo andres rivas junior"
    ]
    unit = victims("soldiers of the pablo rivas battalion killed marta gil.")
    assert "marta gil" in unit and "pablo rivas battalion" not in unit
    assert victims("gunmen killed frank reilly yesterday.") == ["frank reilly"]
    assert victims("Gunmen killed John Kelly yesterday.") == ["John Kelly"]
    assert victims("gunmen brutally killed marta gil.") == ["marta gil"]


def test_named_person_before_a_long_apposition_and_his_kin() -> None:
    def victims(text: str) -> list[str]:
        return fillers(text).get("victim", [])

    lower = victims(
        "party member pablo rivas, candidate for mayor of santa rosa, north department, "
        "and his son tomas rivas were shot to death."
    )
    assert "pablo rivas" in lower and "tomas rivas" in lower
    mixed = victims(
        "Party member Pablo Rivas, candidate for mayor of Santa Rosa, and his son Tomas Rivas "
        "were shot to death."
    )
    assert "Pablo Rivas" in mixed and "Tomas Rivas" in mixed
    assert "Santa Rosa" not in mixed
    # a clause with a verb between the name and "and his wife" is not an apposition
    assert "pablo rivas" not in victims(
        "mayor pablo rivas, who denounced the army, and his wife marta gil were killed."
    )


def test_places_someone_went_to_or_left_are_not_targets() -> None:
    got = fillers("gunmen machinegunned the judge's car as he was leaving his home.")
    assert "home" not in got.get("target", []) and "his home" not in got.get("target", [])
    got = fillers("after the bomb destroyed the bank, the attackers fled to the university campus.")
    assert got.get("target") == ["bank"]
    # a home that is hit stays a target
    got = fillers("guerrillas dynamited the home of the mayor.")
    assert any("home" in t for t in got.get("target", []))


def test_later_items_of_a_list_of_targets_are_targets() -> None:
    got = fillers(
        "the rebels destroyed a bus, a truck, two cars, three houses, a store, the gas "
        "station, a bank, the town hall and a school."
    )
    for want in ("bus", "gas station", "town hall", "school"):
        assert want in got.get("target", []), (want, got)
    # a place after a clause break is no item of the list
    got = fillers(
        "the rebels destroyed a bus, a truck, two cars, three houses, a store and a hotel; "
        "a bank and a school were closed."
    )
    assert "hotel" in got["target"] and "school" not in got["target"]


def test_a_target_name_joined_by_spaced_hyphens_is_kept_whole() -> None:
    got = fillers("rebels dynamited the alto - bajo - northtown oil pipeline last night.")
    assert got.get("target") == ["alto - bajo - northtown oil pipeline"], got


def test_a_shorter_mention_of_a_target_joins_the_fullest_one() -> None:
    text = (
        "a bomb damaged a water company office in the town on monday. "
        "the office was closed and a parked truck was also damaged."
    )
    inc = Incident(
        id="i1", types=[], status=IncidentStatus.CARRIED_OUT, spans=[Span.of(text, 0, len(text))]
    )
    fill_roles(text, [inc])
    targets = {a.text.lower(): a for a in inc.arguments if a.role == "target"}
    assert set(targets) == {"water company office", "parked truck"}
    assert len(targets["water company office"].spans) == 2  # "the office" is the same thing


def test_a_vehicle_the_charge_was_carried_in_is_not_a_target() -> None:
    for text in (
        "police said 100 kg of dynamite placed in a truck exploded outside the police station.",
        "a van, packed with dynamite, exploded in front of the court building.",
        "a car full of dynamite exploded in front of the finance ministry.",
    ):
        assert "target" in fillers(text)
        assert not any(t.endswith(("truck", "van", "car")) for t in fillers(text)["target"]), text
    # a vehicle told as someone's is what the bomb was set off against
    assert "mayor's car" in fillers("a bomb placed in the mayor's car exploded at noon.")["target"]


def test_a_bare_generic_target_after_the_refers_back_to_another_target() -> None:
    def targets(text: str) -> list[str]:
        inc = Incident(
            id="i1",
            types=[],
            status=IncidentStatus.CARRIED_OUT,
            spans=[Span.of(text, 0, len(text))],
        )
        fill_roles(text, [inc])
        return [a.text for a in inc.arguments if a.role == "target"]

    text = (
        "a bomb went off in a hotel at dawn, and a second bomb placed in the same "
        "establishment was defused."
    )
    assert targets(text) == ["hotel"]
    # the only target told: kept
    assert targets("rebels set fire to the building on monday.") == ["building"]


def test_they_are_names_the_people_just_reported_harmed() -> None:
    got = fillers(
        "three people were killed in the blast. they are maria lopez reyes, ana gomez, "
        "and policeman jose vigia."
    )
    assert {"maria lopez reyes", "ana gomez", "jose vigia"} <= set(got["victim"])
    got = fillers("two guards were wounded. one of them is pedro ramirez.")
    assert "pedro ramirez" in got["victim"]
    # nobody harmed before: the people named are not victims
    assert "victim" not in fillers(
        "the minister visited the town. they are juan perez and carlos ruiz."
    )


def test_a_passive_damage_verb_after_an_act_tells_its_targets() -> None:
    text = (
        "a car bomb exploded in the town on monday, killing two people. "
        "several shops and a school were seriously damaged."
    )
    first = Span.of(text, 0, text.index(".") + 1)
    inc = Incident(id="i1", types=[], status=IncidentStatus.CARRIED_OUT, spans=[first])
    fill_roles(text, [inc])
    got = {a.text for a in inc.arguments if a.role == "target"}
    assert {"shops", "school"} <= got


def test_an_active_damage_verb_after_an_act_tells_its_targets() -> None:
    text = (
        "insurgents attacked the outskirts of the town at dawn. "
        "witnesses said the insurgents destroyed the town hall and a bank. "
        "the governor said the group, which has damaged the bridge ten times, will be caught."
    )
    first = Span.of(text, 0, text.index(".") + 1)
    inc = Incident(id="i1", types=[], status=IncidentStatus.CARRIED_OUT, spans=[first])
    fill_roles(text, [inc])
    got = {a.text for a in inc.arguments if a.role == "target"}
    assert {"town hall", "bank"} <= got
    assert "bridge" not in got  # a record of the group ("which has damaged"), no act of its own


def test_a_named_victim_of_an_act_told_as_long_past_joins_no_incident() -> None:
    text = (
        "a bomb exploded at a bank in the city on monday. "
        "police recalled that banker pedro ramirez was murdered in 1985 near the same bank. "
        "the police said banker luis gomez was wounded on monday."
    )
    first = Span.of(text, 0, text.index(".") + 1)
    inc = Incident(id="i1", types=[], status=IncidentStatus.CARRIED_OUT, spans=[first])
    fill_roles(text, [inc])
    victims = {a.text for a in inc.arguments if a.role == "victim"}
    assert "luis gomez" in victims
    assert "pedro ramirez" not in victims


def test_a_named_victim_harmed_on_another_day_joins_no_incident() -> None:
    text = (
        "a bomb exploded at a bank in the city on 3 march. "
        "police recalled that banker pedro ramirez was murdered on 12 january near the bank. "
        "the police said banker luis gomez was wounded on 3 march."
    )
    first = Span.of(text, 0, text.index(".") + 1)
    inc = Incident(id="i1", types=[], status=IncidentStatus.CARRIED_OUT, spans=[first])
    inc.date = EventDate(None, 3, 3, DatePrecision.DAY)
    fill_roles(text, [inc])
    victims = {a.text for a in inc.arguments if a.role == "victim"}
    assert "luis gomez" in victims
    assert "pedro ramirez" not in victims
    # a day or two apart (a date read loosely for the act): still this act's victim
    inc.arguments = []
    fill_roles(text.replace("12 january", "2 march"), [inc])
    assert "pedro ramirez" in {a.text for a in inc.arguments if a.role == "victim"}


def test_a_named_victim_of_the_incidents_sentences_harmed_on_another_day_is_dropped() -> None:
    text = (
        "a bomb exploded at a bank in the city on 3 march, wounding banker luis gomez. "
        "banker pedro ramirez was murdered there on 12 january."
    )
    inc = Incident(
        id="i1", types=[], status=IncidentStatus.CARRIED_OUT, spans=[Span.of(text, 0, len(text))]
    )
    inc.date = EventDate(None, 3, 3, DatePrecision.DAY)
    fill_roles(text, [inc])
    victims = {a.text for a in inc.arguments if a.role == "victim"}
    assert "luis gomez" in victims
    assert "pedro ramirez" not in victims


def test_electric_systems_and_lines_are_targets() -> None:
    got = fillers("power was rationed after rebel sabotage against the electric system.")
    assert got.get("target") == ["electric system"]
    got = fillers("the rebels destroyed five high tension lines and a transmission line.")
    assert set(got["target"]) == {"high tension lines", "transmission line"}


def test_identified_as_names_the_person_just_reported_harmed() -> None:
    got = fillers("a tourist was shot dead in the city. the tourist was identified as billy moore.")
    assert "billy moore" in got["victim"]
    # the attackers identified: no victim
    got = fillers(
        "a tourist was shot dead. the gunmen were identified as billy moore and joe perez."
    )
    assert "billy moore" not in got.get("victim", [])


def test_a_passive_burning_after_an_act_tells_its_targets() -> None:
    text = (
        "rebels attacked the town hall on monday, killing a guard. "
        "two buses and a warehouse were also set on fire."
    )
    first = Span.of(text, 0, text.index(".") + 1)
    inc = Incident(id="i1", types=[], status=IncidentStatus.CARRIED_OUT, spans=[first])
    fill_roles(text, [inc])
    got = {a.text for a in inc.arguments if a.role == "target"}
    assert {"buses", "warehouse"} <= got


def test_names_before_the_harmed_people_they_are() -> None:
    got = fillers("juan perez and carlos ruiz were the two engineers kidnapped last week.")
    assert {"juan perez", "carlos ruiz"} <= set(got["victim"])
    # the killer, not a victim
    got = fillers("juan perez was the man who killed carlos ruiz.")
    assert "juan perez" not in got.get("victim", [])


def test_a_named_victim_of_an_earlier_case_recalled_joins_no_incident() -> None:
    text = (
        "a bomb exploded at a bank in the city on monday. "
        "police said nobody should forget other cases, such as the murder of banker pedro "
        "ramirez near the same bank. "
        "the police said banker luis gomez was wounded on monday."
    )
    first = Span.of(text, 0, text.index(".") + 1)
    inc = Incident(id="i1", types=[], status=IncidentStatus.CARRIED_OUT, spans=[first])
    fill_roles(text, [inc])
    victims = {a.text for a in inc.arguments if a.role == "victim"}
    assert "luis gomez" in victims
    assert "pedro ramirez" not in victims


def test_an_organisation_that_insists_is_a_speaker_not_an_attacker() -> None:
    text = (
        "in a statement the shining path insisted that the bombing of the bridge "
        "was the work of the army."
    )
    assert "shining path" not in fillers(text).get("perp_org", [])


def test_a_name_honoured_is_no_victim() -> None:
    text = (
        "The new clinic will be named after Rosa Mendez, who was killed by soldiers. "
        "Rebels killed Tomas Ibarra on Sunday."
    )
    victims = {
        f.text for f in find_role_fillers(text, [Span.of(text, 0, len(text))]) if f.role == "victim"
    }
    assert "Tomas Ibarra" in victims
    assert "Rosa Mendez" not in victims


def test_a_name_after_town_of_is_a_place() -> None:
    text = (
        "The village of Santa Rita Abajo was attacked by rebels on Monday. "
        "Soldiers killed Pablo Ortiz."
    )
    victims = {
        f.text for f in find_role_fillers(text, [Span.of(text, 0, len(text))]) if f.role == "victim"
    }
    assert "Pablo Ortiz" in victims
    assert not any("Rita" in v for v in victims)


def test_a_regiment_named_after_its_arms_is_no_weapon():
    text = (
        "Suspected militants ambushed a convoy of the Assam Rifles in Chandel district on "
        "Saturday with automatic rifles, killing two soldiers."
    )
    (inc,) = sitrep.extract(text, published="2026-05-18").incidents
    weapons = [a.text for a in inc.arguments if a.role == "weapon"]
    assert "Assam Rifles" not in weapons
    assert "automatic rifles" in weapons


def test_infinitive_blow_up_tells_the_act() -> None:
    # "to blow up" is a damage word: the insurgents named by their kind are its doers and
    # the thing blown up is a target
    got = fillers("the insurgents used explosives to blow up a section of the railway bridge.")
    assert got.get("perp_ind") == ["insurgents"]
    assert any("bridge" in t for t in got.get("target", []))


def test_definite_doer_noun_is_a_perpetrator_without_an_attack_word() -> None:
    # "the kidnappers" tells the act by itself: its sentence needs no attack word
    assert fillers("the kidnappers asked the family for a large ransom.").get("perp_ind") == [
        "kidnappers"
    ]
    # people by kind alone ("guerrillas") still need an act told near them
    assert "perp_ind" not in fillers("the guerrillas have been active in the province.")


def test_by_agent_after_an_organisation_name() -> None:
    # a unit of a named group after "by": "an eln (national liberation army) cell"
    got = fillers(
        "the engineer, who was abducted by an eln (national liberation army) cell, was freed."
    )
    assert got.get("perp_ind") == ["cell"]
    assert got.get("perp_org") == ["eln"]
    # a force's people after "by" keep the force's name and are no victims
    got = fillers("the farmer was shot dead by army soldiers near his house.")
    assert got.get("perp_ind") == ["army soldiers"]
    assert "army soldiers" not in got.get("victim", [])


def test_activated_by_names_the_doers() -> None:
    # "activated by remote control by x": the bomb's setting off, x its doers
    got = fillers("the device was activated by remote control by a rebel unit, police said.")
    assert got.get("perp_ind") == ["rebel unit"]


def test_commandoes_plural_is_read() -> None:
    # "commandoes" is the other English plural of "commando"
    got = fillers("urban commandoes hurled explosives at the bank branch last night.")
    assert got.get("perp_ind") == ["urban commandoes"]


def test_drug_dealers_are_attackers_by_kind() -> None:
    got = fillers("drug dealers set off a car bomb outside the courthouse.")
    assert got.get("perp_ind") == ["drug dealers"]


def named_victims_of(text: str) -> set[str]:
    return {
        f.text
        for f in find_role_fillers(text, [Span.of(text, 0, len(text))])
        if f.role == "victim" and f.named
    }


def test_list_items_after_modified_or_coordinated_titles() -> None:
    text = (
        "gunmen murdered judge tomas varga ruiz, provincial police chief colonel anselmo "
        "trujillo pena, and councillor and party leader hernan quijano."
    )
    victims = named_victims_of(text)
    assert {"tomas varga ruiz", "anselmo trujillo pena", "hernan quijano"} <= victims
    assert "provincial" not in victims
    text = "mayor rodrigo zuleta and mayoral candidate efrain bustos were kidnapped on monday."
    victims = named_victims_of(text)
    assert {"rodrigo zuleta", "efrain bustos"} <= victims
    assert "mayoral" not in victims
    text = "also injured were ana lucia pardo and 6-month-old mateo pardo gil."
    assert "mateo pardo gil" in named_victims_of(text)


def test_a_common_word_after_a_title_opens_a_name_in_a_list() -> None:
    text = (
        "three guards died in the raid: sergeant pablo urrutia vega, sergeant vigil arana "
        "soto, and corporal dionisio carpio lema."
    )
    victims = named_victims_of(text)
    assert {"pablo urrutia vega", "vigil arana soto", "dionisio carpio lema"} <= victims


def test_a_surname_that_is_a_word_closes_a_name_before_and() -> None:
    text = "missionaries carla ines love and juan olsen were killed in the blast."
    assert {"carla ines love", "juan olsen"} <= named_victims_of(text)


def test_a_named_victim_takes_the_fullest_form_the_report_gives() -> None:
    text = (
        "gunmen kidnapped ortega salas in the capital on friday. "
        "party leader ramon ortega salas had received threats, his aides said. "
        "in medellin ortega salas spoke to reporters last year."
    )
    first = Span.of(text, 0, text.index(".") + 1)
    inc = Incident(id="i1", types=[], status=IncidentStatus.CARRIED_OUT, spans=[first])
    fill_roles(text, [inc])
    victims = [a.text for a in inc.arguments if a.role == "victim" and a.named]
    assert victims == ["ramon ortega salas"]


def test_hopeful_and_companero_are_titles() -> None:
    assert "ignacio berrio" in named_victims_of(
        "presidential hopeful ignacio berrio was shot dead on sunday."
    )
    assert "anibal zorrilla" in named_victims_of("companero anibal zorrilla was killed by troops.")


def test_list_after_an_aside_opened_by_a_title() -> None:
    text = (
        "gunmen killed tomas herrera, leader of the popular labour front (fpl), and "
        "veteran peasant union leader ana ruiz vargas near the market."
    )
    assert {"tomas herrera", "ana ruiz vargas"} <= named_victims_of(text)


def test_a_name_after_a_noun_that_is_no_title_is_no_list_item() -> None:
    text = (
        "they planned the murder of reporter ana ruiz vargas, director of the newspaper el "
        "mundo, and tomas herrera, president of the party."
    )
    victims = named_victims_of(text)
    assert "tomas herrera" in victims
    assert "el mundo" not in victims


def test_claimed_the_lives_of_names_victims() -> None:
    text = "the riots claimed the lives of union leader berta quiroga and two students."
    assert "berta quiroga" in named_victims_of(text)
    assert "hernan ibarra lopez" in named_victims_of(
        "the ambush took the life of hernan ibarra lopez."
    )


def test_a_victim_named_before_a_long_relative_clause() -> None:
    text = (
        "police said that luis alberto mena, 64, who was selling newspapers at the corner of "
        "the main square at the time of the explosion, was killed."
    )
    assert "luis alberto mena" in named_victims_of(text)
    text = "luis alberto mena, who planned the murder of the judge, was arrested today."
    assert "luis alberto mena" not in named_victims_of(text)


def test_initials_inside_a_name_and_a_word_surname_before_were_released() -> None:
    assert "ramon j. ortega" in named_victims_of(
        "rebels kidnapped reporter ramon j. ortega near the border."
    )
    text = "the hostages tomas aguirre and luis felipe reis were released by their kidnappers."
    assert {"tomas aguirre", "luis felipe reis"} <= named_victims_of(text)


def test_a_titled_relative_of_the_victim_is_no_victim() -> None:
    text = "gunmen killed maria de soto, wife of colonel ramiro soto, outside her home."
    victims = named_victims_of(text)
    assert "maria de soto" in victims
    assert "ramiro soto" not in victims
    text = "pablo ruiz, the son-in-law of general hugo mena, was wounded in the attack."
    victims = named_victims_of(text)
    assert "pablo ruiz" in victims
    assert "hugo mena" not in victims


def test_a_titled_name_inside_a_prepositional_phrase_is_not_the_subject() -> None:
    text = (
        "general hugo barrientos, the head of the navy under governor pablo ochoa, was "
        "assassinated in the capital."
    )
    victims = named_victims_of(text)
    assert "hugo barrientos" in victims
    assert "pablo ochoa" not in victims


def test_an_alias_after_known_as_is_no_second_victim() -> None:
    text = "drug kingpin mario ortiz, also known as don chepe, was shot dead by police."
    victims = named_victims_of(text)
    assert "mario ortiz" in victims
    assert "chepe" not in victims


def test_people_who_escaped_an_attack_are_its_victims() -> None:
    assert "ana lucia berrio" in named_victims_of(
        "senator ana lucia berrio escaped a car bomb attack in the capital on friday."
    )
    assert "tomas ibarra gil" in named_victims_of(
        "judge tomas ibarra gil emerged unscathed from a grenade attack on his car."
    )
    assert "attackers" not in named_victims_of("the attackers escaped in a car after the attack.")


def test_names_joined_by_along_with_are_listed_victims() -> None:
    text = (
        "gunmen murdered teachers ana ruiz vargas and tomas herrera gil, along with mrs elena "
        "paz soto, on monday."
    )
    assert {"ana ruiz vargas", "tomas herrera gil", "elena paz soto"} <= named_victims_of(text)


def test_a_bracketed_remark_after_a_list_name_does_not_end_the_list() -> None:
    text = (
        "the rebels killed nurses ana ruiz vargas (a peruvian), and tomas herrera gil "
        "(a colombian) near the clinic."
    )
    assert {"ana ruiz vargas", "tomas herrera gil"} <= named_victims_of(text)


def test_a_bare_apostrophe_possessive_owns_the_harm() -> None:
    text = "the senate condemned luis alberto gomez' assassination on friday."
    assert "luis alberto gomez" in named_victims_of(text)


def test_a_bracketed_remark_between_a_name_and_its_harm_participle() -> None:
    text = "engineer tomas ibarra gil (name as heard), kidnapped by rebels in may, is still held."
    assert "tomas ibarra gil" in named_victims_of(text)


def test_landmines_are_instruments_and_coal_mines_targets() -> None:
    got = fillers(
        "two soldiers were wounded when mines planted by the rebels exploded on the road."
    )
    assert "mines" not in got.get("target", [])
    got = fillers("rebels dynamited a coal mine near the border last night.")
    assert "coal mine" in got["target"]


def test_the_place_people_belong_to_is_not_a_target() -> None:
    got = fillers(
        "a bomb exploded at the farm of juan perez, the manager of the agrarian institute, "
        "and destroyed the house."
    )
    assert "agrarian institute" not in got["target"]
    assert "house" in got["target"]


def test_the_hospital_where_a_victim_was_taken_is_not_a_target() -> None:
    got = fillers(
        "a bomb exploded at the bank and injured a guard, who is at the central clinic, where "
        "he was taken."
    )
    assert got["target"] == ["bank"]


def test_a_place_word_before_a_title_is_no_target() -> None:
    got = fillers(
        "gunmen machinegunned former supreme court president juan lopez, and a bomb destroyed "
        "the bank branch."
    )
    assert got["target"] == ["bank branch"]
    assert "juan lopez" in got["victim"]


def test_a_place_a_report_went_to_is_no_target() -> None:
    got = fillers("witnesses reported to two radio stations that a bomb destroyed the bank branch.")
    assert got["target"] == ["bank branch"]


def test_throwing_tells_the_target_and_the_thrower() -> None:
    got = fillers("police said the gunman was trying to throw a grenade at the city hall.")
    assert "city hall" in got["target"]
    got = fillers(
        "an air force plane is throwing rockets at the village, and a bomb destroyed the bank."
    )
    assert got["target"] == ["bank"]


def test_a_generic_head_after_the_and_a_count_refers_back() -> None:
    text = (
        "two bombs exploded at the home of a judge and at the office of a lawyer, and damaged "
        "the walls of the two premises."
    )
    inc = Incident(
        id="i1", types=[], status=IncidentStatus.CARRIED_OUT, spans=[Span.of(text, 0, len(text))]
    )
    fill_roles(text, [inc])
    targets = [a.text for a in inc.arguments if a.role == "target"]
    assert "home of a judge" in targets and "premises" not in targets


def test_a_vehicle_the_attackers_used_is_no_target() -> None:
    got = fillers(
        "the attack was staged by ten terrorists who used 2 stolen cars, and a bomb destroyed "
        "the bank."
    )
    assert got["target"] == ["bank"]


def test_where_a_target_stands_is_no_second_target() -> None:
    got = fillers("rebels blew up the river bridge, which is on the coastal highway, last night.")
    assert got["target"] == ["river bridge"]


def test_a_list_of_things_attacks_on_are_called_off_keeps_its_preposition() -> None:
    got = fillers("the rebels agreed to suspend attacks on the power grid and on shopping centers.")
    assert "target" not in got


def test_the_owner_of_a_target_is_no_second_target() -> None:
    got = fillers("the burned truck belonged to the water ministry, the police said.")
    assert got["target"] == ["truck"]
    got = fillers(
        "rebels set fire to two buses, one belonging to cotran (the national transport company)."
    )
    assert got["target"] == ["buses"]


def test_a_list_of_places_one_at_each_gives_every_target() -> None:
    got = fillers(
        "two bombs went off in the capital, one at a bank and another at the teachers college."
    )
    assert got["target"] == ["bank", "teachers college"]


def test_a_name_before_a_description_left_unclosed_is_the_victim() -> None:
    got = fillers(
        "ramon quispe torres, deputy secretary of the farmers union was shot dead by two men."
    )
    assert "ramon quispe torres" in got["victim"]
    # the description names the harmed man only when its clause tells him harmed
    got = fillers("tomas arevalo pinto, a cousin of the kidnapped engineer, read a statement.")
    assert "tomas arevalo pinto" not in got.get("victim", [])
