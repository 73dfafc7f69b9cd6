"""Casualty figures: status, category, numbers and lists, on short texts of our own."""

from __future__ import annotations

import pytest

from sitrep import extract
from sitrep.model import Category, FigureStatus, Level


def figs(text: str, published: str | None = "2025-03-12"):
    result = extract(text, published=published)
    return [f for f in result.figures if f.superseded_by is None], result


def one(text: str, **kw):
    found, _ = figs(text, **kw)
    assert len(found) == 1, [(f.best, f.category, f.status) for f in found]
    return found[0]


@pytest.mark.parametrize(
    ("text", "status", "category", "low", "high"),
    [
        (
            "A suicide bomber struck a market in Peshawar, killing at least 24 people.",
            "killed",
            "unknown",
            24,
            None,
        ),
        (
            "Eighteen civilians lost their lives when a bomb exploded in Quetta on Monday.",
            "killed",
            "civilians",
            18,
            18,
        ),
        (
            "Security forces neutralised 92 terrorists in Balochistan on Sunday.",
            "killed",
            "militants",
            92,
            92,
        ),
        (
            "Two police officers were martyred in a grenade attack in Quetta.",
            "killed",
            "security_forces",
            2,
            2,
        ),
        (
            "Gunmen attacked a checkpoint in Bannu, wounding 14 soldiers.",
            "injured",
            "security_forces",
            14,
            14,
        ),
        (
            "Militants abducted six labourers from a construction site in Kech district.",
            "abducted",
            "civilians",
            6,
            6,
        ),
        # decided: people arrested are suspects (militants), as ACLED and the gold set code them
        (
            "Police arrested 11 suspects after the blast in Karachi.",
            "arrested",
            "militants",
            11,
            11,
        ),
        (
            "More than 50 people were killed in an attack on a village in Borno State.",
            "killed",
            "unknown",
            51,
            None,
        ),
    ],
)
def test_single_figure(text, status, category, low, high):
    f = one(text)
    assert f.status == FigureStatus(status)
    assert f.category == Category(category)
    assert (f.low, f.high) == (low, high)
    # evidence: the number phrase is quoted at its offsets
    for s in f.spans:
        assert text[s.start : s.end] == s.text


def test_list_shares_one_status():
    text = (
        "The army said 18 civilians, 15 security personnel and 92 insurgents lost their lives "
        "in the attacks across Balochistan on Saturday."
    )
    found, _ = figs(text)
    by_cat = {(f.category.value, f.best) for f in found}
    assert {("civilians", 18), ("security_forces", 15), ("militants", 92)} <= by_cat
    assert all(f.status == FigureStatus.KILLED for f in found)


def test_killed_and_injured_in_one_sentence():
    text = "A roadside bomb hit a police van in Dera Ismail Khan, killing three policemen and injuring seven others."
    found, _ = figs(text)
    got = {(f.status.value, f.best) for f in found}
    assert ("killed", 3) in got and ("injured", 7) in got


def test_among_the_dead():
    text = (
        "A suicide attack on a train station in Quetta on Saturday killed 26 people. "
        "A dozen soldiers and six railway employees were among the dead, officials said."
    )
    found, _ = figs(text)
    got = {(f.category.value, f.best) for f in found}
    assert ("security_forces", 12) in got and ("civilians", 6) in got


def test_bomber_also_killed():
    text = "A suicide bomber blew himself up near a mosque in Kabul, killing five worshippers. The bomber was also killed."
    found, _ = figs(text)
    militants = [f for f in found if f.category == Category.MILITANTS]
    assert len(militants) == 1 and militants[0].best == 1


def test_rising_toll_replaces_not_adds():
    text = (
        "At least 12 people were killed when a suicide bomber attacked a rally in Bajaur on Sunday. "
        "The death toll rose to 19 on Monday as several of the wounded died in hospital."
    )
    result = extract(text, published="2023-07-31")
    live = [
        f
        for f in result.figures
        if f.status == FigureStatus.KILLED
        and f.superseded_by is None
        and f.category != Category.MILITANTS
    ]
    assert [f.best for f in live] == [19]
    old = [f for f in result.figures if f.best == 12]
    assert old and old[0].superseded_by == live[0].id


@pytest.mark.parametrize(
    "update",
    [
        "The death toll from Saturday's raid on the village has since risen to 31.",
        "The toll in the village raid climbed to 31 on Monday.",
    ],
)
def test_toll_of_a_named_act_is_an_update(update):
    text = f"Gunmen raided a village near Maiduguri on Saturday, killing nine farmers. {update}"
    result = extract(text, published="2024-06-03")
    live = [
        f for f in result.figures if f.status == FigureStatus.KILLED and f.superseded_by is None
    ]
    assert [f.best for f in live] == [31]
    assert [f.best for f in result.figures if f.superseded_by == live[0].id] == [9]


def test_toll_of_a_named_act_needs_a_rising_verb():
    text = (
        "Gunmen raided a village near Maiduguri on Saturday. "
        "The death toll from the raid is unknown but 40 houses burned."
    )
    result = extract(text, published="2024-06-03")
    assert not [f for f in result.figures if f.status == FigureStatus.KILLED]


def test_including_clause_shares_the_status_of_the_count_it_follows():
    found, _ = figs(
        "A rocket strike on a market in Kharkiv killed four people and injured 15, "
        "including three children, the mayor said."
    )
    by = {(f.status, f.best) for f in found}
    assert by == {
        (FigureStatus.KILLED, 4),
        (FigureStatus.INJURED, 15),
        (FigureStatus.INJURED, 3),
    }


def test_shot_and_wounded_one_officer():
    f = one("Gunmen raided a clinic in Kidal on Friday. A police officer was shot and wounded.")
    assert (f.status, f.best, f.category) == (
        FigureStatus.INJURED,
        1,
        Category.SECURITY_FORCES,
    )


def test_a_candidate_shot_dead_is_one_civilian_and_a_campaign_tally_is_background():
    text = (
        "Gunmen shot dead a council candidate at a rally in Oaxaca on Sunday. "
        "At least 15 candidates have been killed since the campaign began in March."
    )
    result = extract(text, published="2024-04-30")
    killed = [f for f in result.figures if f.status == FigureStatus.KILLED]
    assert [(f.best, f.category, f.level) for f in killed] == [
        (1, Category.CIVILIANS, Level.INCIDENT),
        (15, Category.CIVILIANS, Level.BACKGROUND),
    ]


def test_a_count_with_a_verb_of_its_own_takes_no_status_from_the_clause_before():
    found, _ = figs(
        "Gunmen raided a village near Djibo on Sunday. Nine people were wounded and "
        "several others remain missing, residents said."
    )
    assert [(f.status, f.best) for f in found] == [(FigureStatus.INJURED, 9)]


def test_bodies_of_people_later_found_are_killed():
    f = one("Near Mach, the bodies of six men were later found close to the railway bridge.")
    assert (f.status, f.best) == (FigureStatus.KILLED, 6)


def test_a_bare_count_does_not_reach_a_noun_past_a_status_word():
    found, _ = figs(
        "Three policemen were killed and eight injured when rebels attacked a checkpoint in "
        "Beni on Sunday, the army said."
    )
    assert sorted((f.status, f.best, f.category) for f in found) == sorted(
        [
            (FigureStatus.KILLED, 3, Category.SECURITY_FORCES),
            (FigureStatus.INJURED, 8, Category.SECURITY_FORCES),
        ]
    )


def test_a_count_over_a_whole_war_is_background():
    text = (
        "A roadside bomb killed six soldiers in Dantewada on Monday, police said. More than "
        "10,000 people have died in the conflict."
    )
    result = extract(text, published="2024-04-10")
    by = {f.best: f.level for f in result.figures}
    assert by[6] == Level.INCIDENT and by[10001] == Level.BACKGROUND


def test_deadliest_attack_in_the_war_is_still_an_act():
    text = "A car bomb killed 31 people at a market in Mosul on Friday, the deadliest attack in the war."
    result = extract(text, published="2024-04-13")
    assert len(result.incidents) == 1
    assert [f.level for f in result.figures] == [Level.INCIDENT]


def test_returning_from_an_operation_is_not_an_operation():
    text = (
        "A landmine killed seven police commandos in Bijapur on Monday. The commandos were "
        "returning from an anti-Maoist operation when the blast hit their jeep."
    )
    result = extract(text, published="2024-04-10")
    assert len(result.incidents) == 1


def test_a_phrase_between_the_person_and_the_status_verb():
    f = one("Gunmen raided a clinic in Kidal on Friday. A soldier posted at the gate was wounded.")
    assert (f.status, f.best, f.category) == (
        FigureStatus.INJURED,
        1,
        Category.SECURITY_FORCES,
    )


def test_a_night_watchman_is_a_civilian_a_security_guard_is_not():
    assert one("Bandits shot dead a night watchman at a school in Gusau on Friday.").category == (
        Category.CIVILIANS
    )
    assert one("Bandits shot dead a security guard at a bank in Gusau on Friday.").category == (
        Category.SECURITY_FORCES
    )


def test_one_person_with_two_words_before_the_noun():
    f = one("Gunmen shot dead a polio vaccination worker in Bannu on Wednesday morning.")
    assert (f.status, f.best, f.category) == (FigureStatus.KILLED, 1, Category.CIVILIANS)


def test_people_followed_by_a_participle_are_counted():
    f = one("Thirty schoolgirls abducted from a school in Kebbi state were freed on Saturday.")
    assert (f.best, f.category) == (30, Category.CIVILIANS)


def test_a_count_so_far_below_a_larger_one_told_first_is_an_earlier_count():
    text = (
        "Gunmen seized a train near Sibi on Tuesday; the army said 33 militants were killed. "
        "Earlier, officials said 16 militants had been killed so far."
    )
    result = extract(text, published="2025-03-12")
    live = [
        f.best
        for f in result.figures
        if f.status == FigureStatus.KILLED and f.superseded_by is None
    ]
    assert live == [33]


def test_a_person_and_his_son_are_two():
    f = one("Armed men killed a local councillor and his son at their home in Mardan on Sunday.")
    assert (f.status, f.best, f.category) == (FigureStatus.KILLED, 2, Category.CIVILIANS)


def test_a_shopkeeper_and_a_customer_are_two_civilians():
    f = one("A grenade was hurled at a shop in Turbat, injuring a shopkeeper and a customer.")
    assert (f.status, f.best, f.category) == (FigureStatus.INJURED, 2, Category.CIVILIANS)


def test_no_one_killed_is_not_a_figure():
    found, _ = figs("A grenade exploded outside a bank in Turbat on Tuesday but no one was killed.")
    assert not [f for f in found if f.status == FigureStatus.KILLED]


def test_background_statistic_is_kept_apart():
    text = (
        "Gunmen killed four soldiers in an attack on a checkpoint in North Waziristan on Friday. "
        "More than 700 militants have been killed by security forces in the past year, the army said."
    )
    found, _ = figs(text)
    bg = [f for f in found if f.level == Level.BACKGROUND]
    assert bg and bg[0].low == 701 and bg[0].period
    inc = [f for f in found if f.level == Level.INCIDENT]
    assert [f.best for f in inc] == [4]


def test_aggregate_over_hours():
    text = (
        "Troops killed 30 insurgents in clashes in Kech district on Monday. "
        "The military said at least 45 militants had been killed within 48 hours."
    )
    found, _ = figs(text)
    agg = [f for f in found if f.level == Level.AGGREGATE]
    assert agg and agg[0].low == 45


def test_source_is_recorded():
    text = "Police said seven people were killed in the blast in Mastung on Friday."
    f = one(text)
    assert f.source and "police" in f.source.lower()


def test_counterfactual_count_is_not_a_figure():
    text = "Had the bomber reached the hall, the police would be counting fifty bodies, an officer said."
    r = extract(text, published="2024-02-01")
    assert not [f for f in r.figures if f.best == 50]


def test_singular_object_of_a_casualty_word():
    r = extract(
        "Police shot dead a would-be suicide bomber outside a church in Peshawar on Sunday.",
        published="2024-02-01",
    )
    assert [(f.status.value, f.category.value, f.best) for f in r.figures] == [
        ("killed", "militants", 1)
    ]


def test_bodies_are_dead():
    r = extract(
        "Gunmen attacked a market in Bannu on Monday. The hospital received nine bodies and 22 wounded.",
        published="2024-02-06",
    )
    got = {(f.status.value, f.best) for f in r.figures}
    assert ("killed", 9) in got and ("injured", 22) in got


def test_one_of_the_people_is_a_count():
    r = extract(
        "One of the gunmen was shot dead by guards in Uruapan on Saturday.", published="2024-02-06"
    )
    assert [(f.status.value, f.category.value, f.best) for f in r.figures] == [
        ("killed", "militants", 1)
    ]


def test_status_after_an_of_phrase():
    r = extract(
        "Gunmen attacked the Kuje prison on Tuesday. One officer of the civil defence corps on guard "
        "duty was killed and four inmates also died.",
        published="2024-02-07",
    )
    got = sorted((f.category.value, f.best) for f in r.figures if f.status.value == "killed")
    assert got == [("security_forces", 1), ("unknown", 4)]


def test_wounded_bodyguards_are_a_security_figure_of_the_act():
    text = (
        "Gunmen shot dead the mayor of a town in Michoacan during a Day of the Dead festival "
        "on Saturday. Two of his bodyguards were wounded."
    )
    found, _ = figs(text)
    got = {(f.status.value, f.category.value, f.best, f.level.value) for f in found}
    assert ("injured", "security_forces", 2, "incident") in got
    # the feast's name is not a period: the mayor's death is the act's, not an aggregate
    assert ("killed", "civilians", 1, "incident") in got


def test_a_school_head_killed_in_an_abduction_is_a_civilian_death():
    text = (
        "Gunmen abducted 25 pupils from a school in Kebbi state on Monday. "
        "A vice-principal was killed trying to stop them."
    )
    found, _ = figs(text)
    got = {(f.status.value, f.category.value, f.best) for f in found}
    assert ("killed", "civilians", 1) in got and ("abducted", "civilians", 25) in got


def test_hostages_freed_are_counted_as_hostages_not_as_the_suspects_arrested():
    text = (
        "Police in Zamfara arrested four suspects on Sunday and freed 12 hostages held in a "
        "forest camp, a police spokesman said."
    )
    r = extract(text, published="2026-05-04")
    freed = [f for f in r.figures if f.status == "freed"]
    assert [(f.low, f.category, f.subcategory) for f in freed] == [(12, "unknown", "hostages")]


def test_a_live_blog_count_is_superseded_by_the_final_count_of_the_same_people():
    text = (
        "21:00 - The army says the siege is over: all 12 attackers have been killed. Nine "
        "hostages were killed by the attackers, it says.\n\n"
        "14:30 - Officials say eight attackers have been killed so far."
    )
    r = extract(text, published="2026-05-04")
    (final,) = [f for f in r.figures if f.low == 12]
    (partial,) = [f for f in r.figures if f.low == 8]
    assert partial.superseded_by == final.id


def test_an_attacker_captured_alive_is_arrested_not_a_hostage():
    text = (
        "Gunmen stormed a hotel in Mogadishu on Friday. Police said five of the attackers were "
        "killed and one was captured alive."
    )
    r = extract(text, published="2026-03-08")
    got = sorted((f.status.value, f.category.value, f.low) for f in r.figures)
    assert ("arrested", "militants", 1) in got
    assert not any(s == "abducted" for s, _, _ in got)


def test_vaccinators_are_civilians_and_one_is_rendered_in_the_singular():
    from sitrep.extract.render import render_text

    found, result = figs(
        "Gunmen fired on a police van in Bajaur on Tuesday, killing two policemen and "
        "wounding a vaccinator."
    )
    by_status = {f.status: f for f in found}
    assert by_status[FigureStatus.INJURED].category == Category.CIVILIANS
    assert by_status[FigureStatus.INJURED].best == 1
    text = render_text(result)
    assert "1 civilian injured" in text
    assert "2 security forces killed" in text


def test_the_people_who_speak_are_not_counted():
    found, _ = figs(
        "Gunmen abducted 40 women near Gamboru on Thursday, two residents and a local "
        "official said on Saturday."
    )
    assert [(f.best, f.status) for f in found] == [(40, FigureStatus.ABDUCTED)]
    f = one("Gunmen killed two villagers near Kano, police said.")
    assert (f.best, f.category) == (2, Category.CIVILIANS)  # the police speak, not a mixed count


def test_a_community_leader_is_a_civilian():
    f = one("Gunmen on a motorcycle shot dead a community leader in Suarez on Tuesday.")
    assert (f.best, f.status, f.category) == (1, FigureStatus.KILLED, Category.CIVILIANS)


def test_plain_men_listed_beside_police_among_the_dead_are_civilians():
    found, _ = figs(
        "A bomb exploded at a police station in Mardan on Tuesday. Among the dead were four "
        "police constables and three men who had come to file a complaint."
    )
    assert sorted((f.best, f.category) for f in found) == [
        (3, Category.CIVILIANS),
        (4, Category.SECURITY_FORCES),
    ]
    # with no security force in the list, plain people stay of unknown kind
    f = one("A bomb exploded in a bazaar in Mardan on Tuesday. Among the dead were three men.")
    assert f.category == Category.UNKNOWN


def test_a_vague_count_is_superseded_by_a_later_number_past_a_part_told_between():
    _, result = figs(
        "A bomb went off next to a van in Khar on Sunday, killing several people, including "
        "two women. Police said seven people had been killed."
    )
    by_best = {f.best: f for f in result.figures}
    seven = by_best[7]
    assert seven.superseded_by is None
    vague = next(f for f in result.figures if f.low == 3 and f.high == 9)
    assert vague.superseded_by == seven.id
    assert by_best[2].category == Category.CIVILIANS and by_best[2].superseded_by is None


def test_a_breakdown_with_an_attacker_fits_the_toll_it_details():
    _, result = figs(
        "Gunmen stormed a checkpoint in Tank on Monday, killing six people. Among the dead "
        "were four policemen, two passers-by and one of the attackers."
    )
    by_cat = {f.category: f for f in result.figures}
    total = by_cat[Category.UNKNOWN]
    assert total.best == 6
    assert set(total.includes) == {
        by_cat[Category.SECURITY_FORCES].id,
        by_cat[Category.CIVILIANS].id,
    }
    assert by_cat[Category.MILITANTS].id not in total.includes
