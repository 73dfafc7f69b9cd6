"""Perpetrators (sitrep.extract.perpetrators via sitrep.extract.roles) on texts written for these
tests: organisation names as one entity, state forces only as agents, perpetrators named in
another sentence of the report."""

from __future__ import annotations

import pytest

from sitrep.extract.roles import fill_roles, find_role_fillers
from sitrep.model import Incident, IncidentStatus, Span, Tagged


def fillers(text: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for f in find_role_fillers(text, [Span.of(text, 0, len(text))]):
        out.setdefault(f.role, []).append(f.text)
    return out


def incident_roles(text: str, first_sentence_end: int) -> dict[str, list[str]]:
    """Roles of one incident told in the text's first sentence (up to ``first_sentence_end``)."""
    inc = Incident(id="i1", types=[], status=IncidentStatus.CARRIED_OUT)
    inc.spans = [Span.of(text, 0, first_sentence_end)]
    fill_roles(text, [inc])
    out: dict[str, list[str]] = {}
    for a in inc.arguments:
        out.setdefault(a.role, []).append(a.text)
    return out


@pytest.mark.parametrize("lower", [False, True])
def test_group_name_and_its_fighters_are_two_roles(lower: bool) -> None:
    text = "FMLN guerrillas dynamited a bridge near the town."
    got = fillers(text.lower() if lower else text)
    assert got["perp_ind"] == ["guerrillas"]
    assert [t.lower() for t in got["perp_org"]] == ["fmln"]


@pytest.mark.parametrize("lower", [False, True])
def test_full_name_and_acronym_are_one_organisation(lower: bool) -> None:
    text = (
        "Rebels of the Farabundo Marti National Liberation Front (FMLN) attacked a police post;"
        " the FMLN fighters burned two trucks."
    )
    got = fillers(text.lower() if lower else text)
    assert [t.lower() for t in got["perp_org"]] == ["farabundo marti national liberation front"]


def test_members_of_keep_the_name() -> None:
    got = fillers("shining path members killed two mayors in the highlands.")
    assert got["perp_ind"] == ["shining path members"]
    assert got["perp_org"] == ["shining path"]


@pytest.mark.parametrize("lower", [False, True])
def test_state_force_only_as_agent(lower: bool) -> None:
    agent = "Army troops fired on a crowd of peasants in the village."
    by = "The houses were bombed by the air force."
    speaker = "The army reported that a bomb damaged a power pylon."
    victim = "A bomb destroyed an army truck and damaged a bridge."
    case = str.lower if lower else str
    assert fillers(case(agent))["perp_org"] == [case("Army")]
    assert fillers(case(by))["perp_org"] == ["air force"]
    assert "perp_org" not in fillers(case(speaker))
    assert "perp_org" not in fillers(case(victim))


def test_far_is_not_an_organisation_in_caseless_text() -> None:
    got = fillers("so far the rebels have bombed three pylons.")
    assert "perp_org" not in got
    assert got["perp_ind"] == ["rebels"]


@pytest.mark.parametrize("lower", [False, True])
def test_responsibility_in_another_sentence(lower: bool) -> None:
    text = (
        "A bomb exploded at a bank in the capital last night. "
        "The police said the Manuel Rodriguez Patriotic Front guerrillas were responsible."
    )
    text = text.lower() if lower else text
    got = incident_roles(text, text.index(".") + 1)
    assert [t.lower() for t in got["perp_org"]] == ["manuel rodriguez patriotic front"]
    # the fighters' noun in a sentence that tells no act is not read as attackers (measured:
    # reading it in attribution sentences too cost MUC-4 train 0.02 and dev 0.12 GTT F1)
    assert "perp_ind" not in got


def test_accuser_is_not_the_perpetrator() -> None:
    text = (
        "a bomb exploded at a market in the town on monday. "
        "the shining path accused the army of the blast."
    )
    got = incident_roles(text, text.index(".") + 1)
    assert "shining path" not in got.get("perp_org", [])


@pytest.mark.parametrize("lower", [False, True])
def test_unnamed_rebels_take_the_group_the_report_names(lower: bool) -> None:
    text = (
        "Rebels burned three buses on the highway to the port. "
        "The Tupac Amaru Revolutionary Movement has called a strike. "
        "The MRTA wants the government to free its prisoners."
    )
    text = text.lower() if lower else text
    got = incident_roles(text, text.index(".") + 1)
    assert got["perp_ind"] == [("rebels" if lower else "Rebels")]
    assert [t.lower() for t in got["perp_org"]] == ["tupac amaru revolutionary movement"]


def test_no_group_named_gives_no_organisation() -> None:
    text = "gunmen shot a judge in the city. the police are searching for them."
    got = incident_roles(text, text.index(".") + 1)
    assert got["perp_ind"] == ["gunmen"]
    assert "perp_org" not in got


@pytest.mark.parametrize("lower", [False, True])
def test_attack_phrase_after_attackers(lower: bool) -> None:
    text = "Urban guerrillas blew up a bus; gunmen opened fire on a patrol."
    got = fillers(text.lower() if lower else text)
    assert [t.lower() for t in got["perp_ind"]] == ["urban guerrillas", "gunmen"]


def test_credit_claimed_in_another_sentence_and_fighters_of_the_group() -> None:
    text = (
        "a bomb damaged a bank in the port city on friday. "
        "guerrillas of the zarate willka liberation armed forces claimed credit for the blast."
    )
    got = incident_roles(text, text.index(".") + 1)
    assert got["perp_org"] == ["zarate willka liberation armed forces"]
    assert got["perp_ind"] == ["guerrillas"]


def test_fighters_of_the_named_group_from_another_sentence() -> None:
    text = (
        "the cinchoneros dynamited a power pylon near the capital. "
        "cinchoneros guerrillas had threatened to cut power to the city."
    )
    got = incident_roles(text, text.index(".") + 1)
    assert got["perp_org"] == ["cinchoneros"]
    assert got["perp_ind"] == ["guerrillas"]


def test_one_phrase_per_group_of_attackers() -> None:
    text = "urban guerrillas attacked a bank, and the guerrillas burned a car."
    got = incident_roles(text, len(text))
    assert got["perp_ind"] == ["urban guerrillas"]


@pytest.mark.parametrize("lower", [False, True])
def test_hedge_is_not_part_of_the_attackers(lower: bool) -> None:
    text = "Alleged urban guerrillas burned a bus near the market. Police arrived later."
    text = text.lower() if lower else text
    got = incident_roles(text, text.index(".") + 1)
    assert [t.lower() for t in got["perp_ind"]] == ["urban guerrillas"]


@pytest.mark.parametrize("lower", [False, True])
def test_group_of_attackers_is_one_phrase(lower: bool) -> None:
    text = "A group of rebels attacked the town hall on Sunday."
    got = fillers(text.lower() if lower else text)
    assert [t.lower() for t in got["perp_ind"]] == ["group of rebels"]


@pytest.mark.parametrize("lower", [False, True])
def test_irregular_verb_after_the_attackers(lower: bool) -> None:
    for text in (
        "Unidentified men set off a bomb outside the bank.",
        "The guerrillas stole two trucks from the depot.",
        "Guerilla columns dynamited the bridge.",
    ):
        got = fillers(text.lower() if lower else text)
        assert len(got.get("perp_ind", [])) == 1, text
    got = fillers("unidentified men set off a bomb outside the bank.")
    assert got["perp_ind"] == ["unidentified men"]


@pytest.mark.parametrize("lower", [False, True])
def test_attackers_told_in_a_sentence_of_no_incident(lower: bool) -> None:
    text = (
        "A bomb exploded at a hotel in the capital on Friday. The mayor visited the site. "
        "Unidentified individuals had planted the bomb in the parking lot."
    )
    text = text.lower() if lower else text
    got = incident_roles(text, text.index(".") + 1)
    assert [t.lower() for t in got["perp_ind"]] == ["unidentified individuals"]
    # people who are no agent of an attack in such a sentence are not taken
    text = "A bomb exploded at a hotel in the capital on Friday. Police detained two men."
    text = text.lower() if lower else text
    assert "perp_ind" not in incident_roles(text, text.index(".") + 1)


@pytest.mark.parametrize("lower", [False, True])
def test_state_force_inside_the_attackers_phrase(lower: bool) -> None:
    for text, org in (
        ("Members of the Army were arrested for the murder of two teachers.", "army"),
        ("Armed Forces members are responsible for the murder of the teachers.", "armed forces"),
    ):
        got = fillers(text.lower() if lower else text)
        assert [t.lower() for t in got["perp_org"]] == [org]
    # a state force that only speaks is no perpetrator
    got = fillers(
        "The Army said rebels attacked the town."
        if not lower
        else "the army said rebels attacked the town."
    )
    assert "perp_org" not in got


@pytest.mark.parametrize("lower", [False, True])
def test_strafed_makes_the_air_force_the_agent(lower: bool) -> None:
    text = "Air Force helicopters strafed the village on Tuesday."
    got = fillers(text.lower() if lower else text)
    assert [t.lower() for t in got["perp_org"]] == ["air force"]


def test_insurgents_named_two_ways_are_one_group() -> None:
    text = "Guerrillas attacked the town hall. The rebels burned two trucks."
    inc = Incident(id="i1", types=[], status=IncidentStatus.CARRIED_OUT)
    inc.spans = [Span.of(text, 0, len(text))]
    fill_roles(text, [inc])
    people = [a for a in inc.arguments if a.role == "perp_ind"]
    assert [a.text for a in people] == ["Guerrillas"]
    assert len(people[0].spans) == 2


@pytest.mark.parametrize("lower", [False, True])
def test_source_of_a_report_is_no_perpetrator(lower: bool) -> None:
    text = "According to the rebels, the Army is responsible for the attack on the union offices."
    got = fillers(text.lower() if lower else text)
    assert "perp_ind" not in got
    assert [t.lower() for t in got["perp_org"]] == ["army"]
    text = "According to the FMLN, the Army was behind the massacre."
    got = fillers(text.lower() if lower else text)
    assert [t.lower() for t in got["perp_org"]] == ["army"]


def test_perpetrators_alone_need_a_modifier_or_an_act() -> None:
    assert "perp_ind" not in fillers("the perpetrators of the crime were never found.")
    got = fillers("unidentified perpetrators burned the bus.")
    assert got["perp_ind"] == ["unidentified perpetrators"]


@pytest.mark.parametrize("lower", [False, True])
def test_a_side_of_a_clash_is_no_attacker(lower: bool) -> None:
    for text in (
        "Heavy fighting between the Army and the rebels continued near the town.",
        "Army troops clashed with ELN guerrillas near the border.",
    ):
        got = fillers(text.lower() if lower else text)
        assert "perp_ind" not in got, text
    got = fillers("Guerrillas attacked the town and clashed with soldiers.")
    assert got["perp_ind"] == ["Guerrillas"]


def _massacre_roles(text: str) -> dict[str, list[str]]:
    """Roles of a massacre told in the first sentence (its trigger "massacred")."""
    end = text.index(".") + 1
    k = text.lower().index("massacred")
    inc = Incident(
        id="i1",
        types=[],
        status=IncidentStatus.CARRIED_OUT,
        spans=[Span.of(text, 0, end)],
        triggers=[Tagged("massacre", "massacre", [Span.of(text, k, k + 9)])],
    )
    fill_roles(text, [inc])
    out: dict[str, list[str]] = {}
    for a in inc.arguments:
        out.setdefault(a.role, []).append(a.text.lower())
    return out


@pytest.mark.parametrize("lower", [False, True])
def test_attribution_of_the_same_act_adds_a_second_perpetrator(lower: bool) -> None:
    first = "Shining Path guerrillas massacred ten peasants on Monday. "
    for second, org in (
        ("The bishop said that members of the Army were responsible for the massacre.", "army"),
        ("The bishop said that the Armed Forces were guilty of the massacre.", "armed forces"),
    ):
        text = first + second
        got = _massacre_roles(text.lower() if lower else text)
        assert got["perp_org"] == ["shining path", org]
    # another act: the incident keeps its own perpetrator only
    text = first + "The bishop said that the Armed Forces were guilty of the kidnapping of a judge."
    got = _massacre_roles(text.lower() if lower else text)
    assert got["perp_org"] == ["shining path"]


@pytest.mark.parametrize("lower", [False, True])
def test_accused_people_and_counted_ranks_are_perpetrators(lower: bool) -> None:
    def people(text: str) -> list[str]:
        text = text.lower() if lower else text
        return [t.lower() for t in fillers(text).get("perp_ind", [])]

    text = "The minister implicated four officers, including one colonel, in the murder of a judge."
    assert people(text) == ["four officers", "one colonel"]
    assert people("Two lieutenants were involved in the massacre of the peasants.") == [
        "two lieutenants"
    ]
    # a rank with a count but no act of theirs, or praised rather than accused
    assert people("One colonel attended the funeral of the murdered judge.") == []
    text = "The minister praised four officers, including one colonel, for the arrest of a gang."
    assert people(text) == []


@pytest.mark.parametrize("lower", [False, True])
def test_people_involved_in_the_same_act_elsewhere_are_perpetrators(lower: bool) -> None:
    first = "Gunmen massacred ten peasants on Monday. "
    text = first + "The judge said that two soldiers were involved in the massacre."
    got = _massacre_roles(text.lower() if lower else text)
    assert got["perp_ind"] == ["gunmen", "two soldiers"]
    text = first + "The judge said that two soldiers were involved in the kidnapping of a mayor."
    got = _massacre_roles(text.lower() if lower else text)
    assert got["perp_ind"] == ["gunmen"]


@pytest.mark.parametrize("lower", [False, True])
def test_people_held_for_the_act_in_another_sentence(lower: bool) -> None:
    text = (
        "Gunmen massacred ten peasants in the town on Sunday. "
        "The police later arrested Ramon Ortega Vidal and Hugo Pineda Soto for the massacre."
    )
    text = text.lower() if lower else text
    perps = _massacre_roles(text)["perp_ind"]
    assert "ramon ortega vidal" in perps
    assert "hugo pineda soto" in perps


@pytest.mark.parametrize("lower", [False, True])
def test_arrest_without_the_act_named_gives_no_perpetrator(lower: bool) -> None:
    text = (
        "Gunmen massacred ten peasants in the town on Sunday. "
        "The police arrested Ramon Ortega Vidal at his home in the capital."
    )
    text = text.lower() if lower else text
    assert "ramon ortega vidal" not in _massacre_roles(text).get("perp_ind", [])


@pytest.mark.parametrize("lower", [False, True])
def test_participle_after_people_harms_them(lower: bool) -> None:
    # a harm participle with no object after a noun qualifies the noun: not an attacker
    for text in (
        "The rebels condemned the trial of the officers who ordered the deaths of the nuns "
        "murdered in March.",
        "A mayor wounded by a grenade was flown to the capital.",
        "The number of villagers killed and injured is not known.",
    ):
        got = fillers(text.lower() if lower else text)
        assert not {"nuns", "mayor", "villagers"} & set(got.get("perp_ind", [])), text
    # with an object the verb is active: the noun before it is the attacker
    got = fillers(
        "Soldiers murdered two farmers in the village."
        if not lower
        else "soldiers murdered two farmers in the village."
    )
    assert got["perp_ind"] == ["soldiers" if lower else "Soldiers"]


def test_attackers_by_kind_only_near_the_act() -> None:
    near = "rebels dynamited the bridge on the main road to the port."
    assert fillers(near)["perp_ind"] == ["rebels"]
    far = (
        "a bomb damaged the bridge on the main road to the port early on tuesday, the "
        "ministry of transport said in a long statement that also mentioned the budget, the "
        "elections and the role of the rebels in the northern provinces."
    )
    assert "rebels" not in fillers(far).get("perp_ind", [])


@pytest.mark.parametrize("lower", [False, True])
def test_description_of_the_attackers_is_part_of_the_phrase(lower: bool) -> None:
    cases = {
        "Three men wearing police uniforms robbed the bank.": "Three men wearing police uniforms",
        "Two men riding a scooter shot the judge.": "Two men riding a scooter",
        "The judge was shot by four men in civilian clothes.": "four men in civilian clothes",
        "A group of youths dressed as soldiers burned the bus.": "group of youths dressed as soldiers",
    }
    for text, want in cases.items():
        got = fillers(text.lower() if lower else text)
        assert got["perp_ind"] == [want.lower() if lower else want], text
    # "in" + a place is where they were, not a description
    got = fillers("The judge was shot by two men in the market.")
    assert got["perp_ind"] == ["two men"]


def test_people_in_a_vehicle_who_attack_are_the_attackers() -> None:
    # "in"/"on" + a vehicle, then an attack verb: the vehicle tells the attackers apart
    got = fillers("two men on a motorcycle threw a grenade at the bakery.")
    assert got["perp_ind"] == ["two men on a motorcycle"]
    assert "target" not in got or "motorcycle" not in got["target"]
    got = fillers("several women in a van opened fire on the clinic.")
    assert got["perp_ind"] == ["several women in a van"]
    # people in a vehicle who were harmed keep their phrase short
    got = fillers("two men in a car were killed near the bridge.")
    assert "perp_ind" not in got


def test_verb_after_a_group_of_people_ends_the_phrase() -> None:
    got = fillers("a group of rebels conducted an attack on the town hall.")
    assert got["perp_ind"] == ["group of rebels"]


def test_hyphenated_modifier_ending_like_a_verb() -> None:
    # hyphenated compounds ("right-wing", "scooter-riding") are adjectives, not verb forms
    got = fillers("the judge was killed by scooter-riding gunmen at noon.")
    assert got["perp_ind"] == ["scooter-riding gunmen"]
    got = fillers("the farmers were killed by right-wing squads.")
    assert got["perp_ind"] == ["right-wing squads"]
    got = fillers("the office was bombed by a left-wing armed group.")
    assert got["perp_ind"] == ["left-wing armed group"]


def test_attackers_of_a_later_sentence_go_to_the_act_told_before_them() -> None:
    text = (
        "An explosion shook the capital on friday night. "
        "The mayor said that the city would pay for the repairs of every shop and every home "
        "that the blast had damaged, and that schools would open again on monday. "
        "Unidentified individuals had planted the bomb near the market. "
        "A bus was burned in another town."
    )
    first = Incident(id="i1", types=[], status=IncidentStatus.CARRIED_OUT)
    first.spans = [Span.of(text, 0, text.index(".") + 1)]
    at = text.index("A bus")
    second = Incident(id="i2", types=[], status=IncidentStatus.CARRIED_OUT)
    second.spans = [Span.of(text, at, len(text))]
    fill_roles(text, [first, second])
    # the first act has no role filler of its own yet, and is told before the attackers
    assert [a.text for a in first.arguments if a.role == "perp_ind"] == ["Unidentified individuals"]
    assert not [a for a in second.arguments if a.role == "perp_ind"]


@pytest.mark.parametrize("lower", [False, True])
def test_act_referred_to_with_a_modifier(lower: bool) -> None:
    # "the brutal massacre" refers to the act as "the massacre" does
    text = (
        "Gunmen massacred ten peasants in the town on Sunday. "
        "The police later arrested Ramon Ortega Vidal and Hugo Pineda Soto for the brutal "
        "massacre."
    )
    text = text.lower() if lower else text
    perps = _massacre_roles(text)["perp_ind"]
    assert "ramon ortega vidal" in perps
    assert "hugo pineda soto" in perps


@pytest.mark.parametrize("lower", [False, True])
def test_claim_of_responsibility_is_no_report(lower: bool) -> None:
    def got(text: str) -> dict[str, list[str]]:
        return {
            k: [v.lower() for v in vs] for k, vs in fillers(text.lower() if lower else text).items()
        }

    assert got("Rebels claimed responsibility for the bombing of the bridge.")["perp_ind"] == [
        "rebels"
    ]
    assert got("The FMLN took credit for the attack on the garrison.")["perp_org"] == ["fmln"]
    # a state force only as the agent: accepting responsibility makes it one
    assert got("The army accepted full responsibility for the killing of two farmers.")[
        "perp_org"
    ] == ["army"]
    # a report by the group is still a report
    assert got("The FMLN claimed that the army had bombed the village.")["perp_org"] == ["army"]


def test_accused_of_and_charged_with_are_no_reports() -> None:
    got = fillers("the army detained three soldiers accused of the massacre of the farmers.")
    assert got["perp_ind"] == ["three soldiers"]
    got = fillers("two men charged with the murder of the judge were released on bail.")
    assert got["perp_ind"] == ["two men"]
    # a reporting verb before a clause is still a report
    assert "soldiers" not in fillers("the soldiers said gunmen killed the judge.")["perp_ind"]


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("Soldiers yesterday shot three students near the campus.", "Soldiers"),
        ("Two policemen last night killed a trader in the market.", "Two policemen"),
        ("The people who kidnapped the banker asked his family for a ransom.", "people"),
    ],
)
def test_agent_after_time_words_or_who(text: str, agent: str) -> None:
    """Time words or a relative pronoun between a subject and its attack verb leave the
    subject the agent."""
    for t in (text, text.lower()):
        got = fillers(t)
        assert got.get("perp_ind") == [agent if t == text else agent.lower()]
        assert agent.lower() not in [v.lower() for v in got.get("victim", [])]


def test_who_with_a_verb_of_motion_is_no_attacker() -> None:
    got = fillers("peasants who arrived at the town said that the bridge was bombed.")
    assert "perp_ind" not in got


def test_members_of_a_civilian_body_are_no_attackers_by_kind() -> None:
    got = fillers(
        "members of the liberal party marched to the square after the bombing of their offices."
    )
    assert "perp_ind" not in got
    got = fillers("members of the electoral commission were kidnapped by guerrillas yesterday.")
    assert got["perp_ind"] == ["guerrillas"]
    assert got["victim"] == ["members of the electoral commission"]


@pytest.mark.parametrize(
    "text",
    [
        "members of the patriotic front burned two buses near the border.",
        "a group of hooded men burned two buses near the border.",
        "members of the liberation commandos burned two buses near the border.",
    ],
)
def test_members_of_an_armed_body_stay_attackers(text: str) -> None:
    got = fillers(text)
    assert got["perp_ind"] == [text.split(" burned")[0].removeprefix("a ")]


@pytest.mark.parametrize("lower", [False, True])
def test_one_member_of_a_body_is_an_attacker_only_as_the_agent(lower: bool) -> None:
    for text in (
        "Residents condemned the murder of a member of the Carabineros on Sunday.",
        "Two men shot a judge, who is a member of the National Intelligence Centre, on Friday.",
    ):
        got = fillers(text.lower() if lower else text)
        assert not any("member" in t for t in got.get("perp_ind", [])), text
    for text in (
        "A member of the FMLN shot the mayor.",
        "The mayor was shot by a member of the FMLN.",
    ):
        got = fillers(text.lower() if lower else text)
        assert [t.lower() for t in got["perp_ind"]] == ["member of the fmln"], text


def test_unknown_before_people_is_part_of_the_attackers_phrase() -> None:
    text = "The trader was abducted on Monday by unknown persons near the market."
    assert fillers(text)["perp_ind"] == ["unknown persons"]
    assert fillers(text.lower())["perp_ind"] == ["unknown persons"]


def test_people_far_from_the_attribution_of_another_sentence_are_not_its_doers() -> None:
    text = (
        "A judge was shot dead in the capital on Monday. The mayor blamed the murder on the "
        "cartel and asked the government to disband the armed groups that the ranchers pay."
    )
    assert "perp_ind" not in incident_roles(text, text.index(".") + 1)
    text = (
        "A judge was shot dead in the capital on Monday. The police said the murder was "
        "perpetrated by presumed urban guerrillas."
    )
    assert incident_roles(text, text.index(".") + 1)["perp_ind"] == ["urban guerrillas"]


@pytest.mark.parametrize("lower", [False, True])
def test_bare_people_words_are_no_perpetrators(lower: bool) -> None:
    text = (
        "Unidentified individuals threw a grenade at the mayor's house on Sunday. "
        "The group fled in a truck."
    )
    text = text.lower() if lower else text
    got = incident_roles(text, len(text))
    assert [t.lower() for t in got["perp_ind"]] == ["unidentified individuals"]
    text = "The men shot the mayor on Sunday."
    assert "perp_ind" not in incident_roles(text.lower() if lower else text, len(text))
    text = "Two men shot the mayor on Sunday."
    assert [t.lower() for t in incident_roles(text, len(text))["perp_ind"]] == ["two men"]


@pytest.mark.parametrize("lower", [False, True])
def test_a_rebel_group_takes_the_organisation_the_report_names(lower: bool) -> None:
    text = (
        "A rebel group blew up a bridge near the town on Monday. "
        "The FMLN has stepped up its campaign in the east, where FMLN units hold two towns."
    )
    text = text.lower() if lower else text
    got = incident_roles(text, text.index(".") + 1)
    assert [t.lower() for t in got["perp_org"]] == ["fmln"]


def _one_bombing(text: str) -> Incident:
    """The text as one bombing incident (its first "bomb " as the trigger), roles filled."""
    k = text.index("bomb ")
    inc = Incident(
        id="i1",
        types=[],
        status=IncidentStatus.CARRIED_OUT,
        spans=[Span.of(text, 0, len(text))],
        triggers=[Tagged("bombing", "bomb", [Span.of(text, k, k + 4)])],
    )
    fill_roles(text, [inc])
    return inc


def test_an_organisation_that_reports_or_blames_in_another_sentence_is_no_perpetrator() -> None:
    text = (
        "A bomb exploded at the central market on Friday, killing two people. "
        "The FMLN said the army was behind the bombing."
    )
    inc = _one_bombing(text)
    assert "FMLN" not in [a.text for a in inc.arguments if a.role == "perp_org"]


def test_by_after_another_participle_names_no_attacker() -> None:
    got = fillers("On Sunday a bomb destroyed a house owned by the family of the governor.")
    assert "perp_ind" not in got
    got = fillers("The attack on the bridge was planned by hired killers.")
    assert got["perp_ind"] == ["hired killers"]


@pytest.mark.parametrize("lower", [False, True])
def test_people_who_shoot_the_attackers_are_defenders(lower: bool) -> None:
    text = "The bodyguards shot the gunmen after they fired at the senator."
    got = fillers(text.lower() if lower else text)
    assert "bodyguards" not in [t.lower() for t in got.get("perp_ind", [])]
    text = "The gunmen, who were shot by policemen, had wounded the senator."
    got = fillers(text.lower() if lower else text)
    assert "policemen" not in [t.lower() for t in got.get("perp_ind", [])]
    text = "Policemen shot the senator."
    assert [t.lower() for t in fillers(text.lower() if lower else text)["perp_ind"]] == [
        "policemen"
    ]


@pytest.mark.parametrize("lower", [False, True])
def test_a_group_attacked_is_no_perpetrator(lower: bool) -> None:
    text = "Mercenaries ambushed members of a religious group near the river."
    got = fillers(text.lower() if lower else text)
    assert [t.lower() for t in got["perp_ind"]] == ["mercenaries"]
    # attackers by kind stay attackers when others act against them
    text = "Soldiers overpowered the group of extremists who had entered the embassy."
    got = fillers(text.lower() if lower else text)
    assert "group of extremists" in [t.lower() for t in got.get("perp_ind", [])]


def test_later_sentences_tell_the_same_attackers_again() -> None:
    text = (
        "The trader was kidnapped on Monday by several unknown persons. "
        "Police later killed six kidnappers, all common criminals, in a rescue operation."
    )
    got = incident_roles(text, len(text))
    assert got["perp_ind"] == ["several unknown persons"]
    # a list in the first sentence is kept
    text = "Two lieutenants and two soldiers were involved in the murder of the judge."
    got = incident_roles(text, len(text))
    assert [t.lower() for t in got["perp_ind"]] == ["two lieutenants", "two soldiers"]


def test_an_organisation_of_a_later_sentence_is_another_party() -> None:
    text = "FMLN rebels blew up a bridge near the town on Monday. Later the army bombed the hills around the town."
    got = incident_roles(text, len(text))
    assert got["perp_org"] == ["FMLN"]


def test_an_organisation_merely_mentioned_in_another_sentence_is_no_perpetrator() -> None:
    text = (
        "A bomb exploded at the central market on Friday, killing two people. "
        "The ELN has been active in the province for years."
    )
    inc = _one_bombing(text)
    assert not [a.text for a in inc.arguments if a.role == "perp_org"]


@pytest.mark.parametrize("lower", [False, True])
def test_a_group_speaking_after_its_acronym_in_brackets_is_a_speaker(lower: bool) -> None:
    text = "The National Liberation Army (ELN) condemned the shelling of the market on Sunday."
    got = fillers(text.lower() if lower else text)
    assert "perp_org" not in got
    text = "The National Liberation Army (ELN) shelled the market on Sunday."
    got = fillers(text.lower() if lower else text)
    assert [t.lower() for t in got["perp_org"]] == ["national liberation army"]


@pytest.mark.parametrize("lower", [False, True])
def test_a_group_whose_fighters_are_killed_is_no_perpetrator(lower: bool) -> None:
    for text in (
        "Four rebels of the ELN were killed by police near the border on Tuesday.",
        "Four ELN rebels were killed by police near the border on Tuesday.",
    ):
        got = fillers(text.lower() if lower else text)
        assert "perp_org" not in got, text
    text = "Four ELN rebels killed two policemen near the border on Tuesday."
    got = fillers(text.lower() if lower else text)
    assert [t.lower() for t in got["perp_org"]] == ["eln"]


def test_unnamed_rebels_take_no_group_when_the_report_names_several_or_one_in_passing() -> None:
    # two groups named: whose the rebels are is not told
    text = (
        "rebels blew up a bridge near the town on monday. the eln and the farc met in havana "
        "this week; the eln wants a ceasefire."
    )
    assert "perp_org" not in incident_roles(text, text.index(".") + 1)
    # one group named once, in passing
    text = "rebels blew up a bridge near the town on monday. the farc met officials in havana."
    assert "perp_org" not in incident_roles(text, text.index(".") + 1)
    # one group named again and again: the rebels are its fighters
    text = (
        "rebels blew up a bridge near the town on monday. the farc met officials in havana; "
        "the farc wants a ceasefire."
    )
    assert [t.lower() for t in incident_roles(text, text.index(".") + 1)["perp_org"]] == ["farc"]


@pytest.mark.parametrize("lower", [False, True])
def test_a_group_that_blames_another_is_no_perpetrator(lower: bool) -> None:
    for text in (
        "The ELN blamed the army for the bombing of the bridge on Monday.",
        "The ELN (National Liberation Army) holds the army responsible for the bombing of the bridge.",
    ):
        got = fillers(text.lower() if lower else text)
        assert [t.lower() for t in got["perp_org"]] == ["army"], text


@pytest.mark.parametrize("lower", [False, True])
def test_a_group_that_is_a_side_of_a_clash_is_no_perpetrator(lower: bool) -> None:
    for text in (
        "Three soldiers were killed in clashes with the ELN in the east.",
        "Three soldiers were killed in clashes against members of the ELN in the east.",
    ):
        got = fillers(text.lower() if lower else text)
        assert "perp_org" not in got, text
        assert got["victim"] == ["soldiers"]


def test_wire_spellings_of_a_group_name_are_the_group() -> None:
    for text, want in (
        ("the zarate willca group shot two missionaries in la paz.", "zarate willca"),
        (
            "the tupac amary revolutionary movement bombed a bank in lima.",
            "tupac amary revolutionary movement",
        ),
    ):
        assert fillers(text)["perp_org"] == [want], text


def test_attackers_told_with_the_victims_surname_in_another_incidents_sentence() -> None:
    text = (
        "Radio host Marta Quintal Ferreira was murdered today in the port city. "
        "Quintal Ferreira, 48, was shot by two men riding a scooter as she left the studio. "
        "Hours earlier, judge Tomas Berrio was killed in the capital."
    )
    first = text.index(" Quintal Ferreira, 48")
    a = Incident(id="a", types=[], status=IncidentStatus.CARRIED_OUT)
    a.spans = [Span.of(text, 0, first)]
    b = Incident(id="b", types=[], status=IncidentStatus.CARRIED_OUT)
    b.spans = [Span.of(text, first + 1, len(text))]
    fill_roles(text, [a, b])
    perps_a = [x.text for x in a.arguments if x.role == "perp_ind"]
    perps_b = [x.text for x in b.arguments if x.role == "perp_ind"]
    assert perps_a == ["two men riding a scooter"]
    assert perps_b == []


def test_hedged_collective_is_kept_without_its_hedge() -> None:
    # a bare collective word ("members", "commandos") is dropped unless a hedge told it as the
    # doers ("alleged commandos"): the hedge goes, the word stays
    text = "On Monday alleged members shot a judge in the port."
    got = incident_roles(text, len(text))
    assert got["perp_ind"] == ["members"]
    text = "On Monday members shot a judge in the port."
    assert "perp_ind" not in incident_roles(text, len(text))


def test_attackers_by_kind_harmed_with_an_adverb_are_not_perpetrators() -> None:
    # "were also killed", "was reportedly shot": the adverb does not make the verb active
    got = fillers("four insurgents were also killed during the night.")
    assert "perp_ind" not in got
    got = fillers("the gunman was reportedly shot dead by a guard.")
    assert "perp_ind" not in got or "gunman" not in got["perp_ind"]
    got = fillers("the insurgents also killed two farmers.")
    assert got["perp_ind"] == ["insurgents"]


def test_participle_before_an_auxiliary_qualifies_the_harmed() -> None:
    # "the people killed have been named": "killed" qualifies "people", who are no attackers
    got = fillers("the three people killed have been named by the hospital.")
    assert "perp_ind" not in got
    got = fillers("the men wounded were taken to the clinic.")
    assert "perp_ind" not in got
    got = fillers("unidentified men killed three people at the market.")
    assert got["perp_ind"] == ["unidentified men"]


def test_people_of_a_force_are_implicated_past_its_name() -> None:
    # "<people> of the <force> are implicated in <act>": the force's name stands between
    got = fillers("three soldiers of the army are implicated in the murder of the judge.")
    assert got["perp_ind"] == ["three soldiers"]
    got = fillers("three soldiers of the army are guarding the murder scene.")
    assert "perp_ind" not in got


def test_members_of_the_public_are_no_attackers_by_kind() -> None:
    got = fillers("gunmen stormed the bank while members of the public were inside the hall.")
    assert got["perp_ind"] == ["gunmen"]
    # as the agent of an act they are
    got = fillers("members of the public attacked the guard with stones.")
    assert got["perp_ind"] == ["members of the public"]


def test_people_implicated_in_the_harm_of_a_named_victim_elsewhere() -> None:
    text = (
        "Judge Ana Prado was murdered on Friday in the old town. "
        "Police said three youths were involved in the murder of Prado. "
        "On Saturday, farmer Tomas Berrio was killed near the river."
    )
    cut = text.index(" Police said")
    a = Incident(id="a", types=[], status=IncidentStatus.CARRIED_OUT)
    a.spans = [Span.of(text, 0, cut)]
    b = Incident(id="b", types=[], status=IncidentStatus.CARRIED_OUT)
    b.spans = [Span.of(text, cut + 1, len(text))]
    fill_roles(text, [a, b])
    assert [x.text for x in a.arguments if x.role == "perp_ind"] == ["three youths"]
