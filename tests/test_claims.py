"""Speakers (sitrep.extract.speakers) and claims (sitrep.extract.claims) on short texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.extract.claims import find_claims
from sitrep.extract.speakers import find_source, find_speakers
from sitrep.model import Claim, Stance
from sitrep.text.lexicon import default_lexicon
from sitrep.text.sentences import split_sentences

SEED = (
    Path(__file__).resolve().parents[1]
    / ".."
    / "shared"
    / "seed"
    / "balochistan-coordinated-attacks.txt"
)


@pytest.fixture(scope="module")
def lex():
    return default_lexicon()


def claims(text: str, lex) -> list[Claim]:
    return find_claims(text, split_sentences(text), lex)


def one(text: str, lex):
    (s,) = split_sentences(text)
    return find_source(text, s, lex)


# ----------------------------------------------------------------------------- speakers


@pytest.mark.parametrize(
    "text, name, actor_id",
    [
        ("The military said four soldiers were martyred.", "The military", "MILITARY"),
        ("According to police, three constables were hurt.", "police", "POLICE"),
        ("Officials said the road was closed.", "Officials", "AUTHORITIES"),
        ("ISPR said in a statement that five terrorists were killed.", "ISPR", "PK_ARMY"),
        ("On Monday, the army said it had cleared the area.", "the army", "MILITARY"),
        (
            "Interior Minister Mohsin Naqvi told reporters that 12 people died.",
            "Mohsin Naqvi",
            "person:Mohsin Naqvi",
        ),
        ("Kabul has flatly denied the charge.", "Kabul", "GOV_AF"),
        (
            "Russia's defence ministry said its forces had hit only military sites.",
            "Russia's defence ministry",
            "GOV_RU",
        ),
    ],
)
def test_find_source(lex, text, name, actor_id):
    src = one(text, lex)
    assert src is not None and src.name == name and src.actor_id == actor_id
    assert text[src.span.start : src.span.end] == name


def test_person_speaking_for_an_institution(lex):
    text = "Jan Achakzai, a spokesman for the Balochistan government, stated that six attacks were repelled."
    src = one(text, lex)
    assert src.name == "Jan Achakzai" and src.actor_id == "person:Jan Achakzai"
    assert src.on_behalf_of == "GOV_PK_BALOCHISTAN"
    assert src.role and "spokesman" in src.role


def test_title_before_name_and_country_possessive(lex):
    text = "India’s foreign secretary, Vikram Misri, rejected the charge."
    src = one(text, lex)
    assert src.name == "Vikram Misri" and src.on_behalf_of == "GOV_IN"


def test_inverted_said_and_described_official(lex):
    text = '"We received nine bodies," said a hospital official.'
    src = one(text, lex)
    assert src.name == "a hospital official" and src.actor_id is None and src.kind == "official"


def test_the_group_resolves_to_last_named_group(lex):
    text = "The TTP was active in the area. The group said in a message to journalists that it attacked the post."
    s = split_sentences(text)[1]
    src = find_source(text, s, lex)
    assert src.actor_id == "TTP" and src.name == "The group"


def test_no_speaker(lex):
    assert one("A bomb exploded near a market in Peshawar.", lex) is None


def test_several_speakers_in_one_subject(lex):
    text = "The army and the police said the attackers had fled."
    (s,) = split_sentences(text)
    got = [x.actor_id for x in find_speakers(text, s, lex)]
    assert got == ["MILITARY", "POLICE"]


@pytest.mark.parametrize(
    "text, name",
    [
        # the statement's tail before a bare comma is not a second speaker
        (
            "Bandits killed 14 villagers in raids on three hamlets in Nigeria's Zamfara state, "
            "local officials said.",
            "local officials",
        ),
        (
            "Gunmen seized 30 passengers from a bus near Gwoza in northeastern Nigeria on "
            "Friday, wounding the driver who tried to flee, police said.",
            "police",
        ),
        # a relative clause or an indefinite description after the speaker is set off
        (
            "Governor Babagana Zulum, who toured the camp on Monday, said 20 people died.",
            "Babagana Zulum",
        ),
        (
            "The Islamic State Sahel Province, a rival of JNIM, claimed the raid.",
            "Islamic State Sahel Province",
        ),
    ],
)
def test_only_the_speakers_before_the_verb(lex, text, name):
    (s,) = split_sentences(text)
    assert [x.name for x in find_speakers(text, s, lex)] == [name]


def test_a_short_list_ending_in_and_is_several_speakers(lex):
    text = "Police, soldiers and local officials said the attackers had fled."
    (s,) = split_sentences(text)
    got = [x.actor_id for x in find_speakers(text, s, lex)]
    assert got == ["POLICE", "MILITARY", "AUTHORITIES"]


# ----------------------------------------------------------------------------- claims


def test_claim_of_responsibility(lex):
    (c,) = claims("The Baloch Liberation Army claimed responsibility for the bombing.", lex)
    assert c.stance == Stance.CLAIMS_RESPONSIBILITY and c.speaker_actor_id == "BLA"
    assert c.id == "c1" and "bombing" in c.about
    assert c.speaker_span.text == "Baloch Liberation Army"


def test_passive_and_said_it_carried_out(lex):
    cs = claims(
        "Responsibility for the attack was claimed by Jaish al-Adl. "
        "The TTP said it carried out the raid on the checkpost.",
        lex,
    )
    assert [(c.stance, c.speaker_actor_id) for c in cs] == [
        (Stance.CLAIMS_RESPONSIBILITY, "JAA"),
        (Stance.CLAIMS_RESPONSIBILITY, "TTP"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The group did not claim responsibility for the blast.",
        "No group has claimed responsibility for the attack so far.",
        "No one has yet claimed responsibility.",
        "The TTP has not claimed the attack.",
    ],
)
def test_negated_responsibility_is_no_claim(lex, text):
    assert not [c for c in claims(text, lex) if c.stance == Stance.CLAIMS_RESPONSIBILITY]


def test_state_force_saying_it_carried_out_is_a_report(lex):
    (c,) = claims("The ISPR said it carried out an operation in Tirah, killing six militants.", lex)
    assert c.stance == Stance.REPORTS and c.speaker_actor_id == "PK_ARMY"


def test_bare_attribution_tags_are_not_claims(lex):
    # decided (docs/gold-articles.md): "officials said", "police said", "the army said",
    # "residents said" only attribute the sentence; they are not statements of their own
    cs = claims(
        "Police said 12 people were killed. Officials said the blast damaged a school. "
        "The army said six militants died. Residents said the firing lasted an hour.",
        lex,
    )
    assert cs == []


def test_hypothetical_is_an_allegation(lex):
    # decided: a hedged attribution by a speaker ("may have been behind") is an allegation
    (c,) = claims("Police said the Islamic State may have been behind the bombing.", lex)
    assert c.stance == Stance.ALLEGES and c.target_actor_ids == ["IS"]


def test_accusation_and_denial(lex):
    cs = claims(
        "Officials blamed India for the violence, but New Delhi rejected the accusation.", lex
    )
    assert [(c.stance, c.speaker_actor_id) for c in cs] == [
        (Stance.ACCUSES, "AUTHORITIES"),
        (Stance.DENIES, "GOV_IN"),
    ]
    assert cs[0].target_actor_ids == ["GOV_IN"] and cs[1].responds_to == cs[0].id


def test_denial_answers_the_allegation_naming_the_denier(lex):
    cs = claims(
        "Islamabad alleged that Kabul shelters the TTP. Tehran was accused of arming Jaish al-Adl. "
        "The police said 3 people were killed. Kabul refutes the allegations.",
        lex,
    )
    allegation = next(c for c in cs if c.stance == Stance.ALLEGES)
    denial = next(c for c in cs if c.stance == Stance.DENIES)
    assert "GOV_AF" in allegation.target_actor_ids and "TTP" in allegation.target_actor_ids
    assert denial.speaker_actor_id == "GOV_AF" and denial.responds_to == allegation.id
    assert not [c for c in cs if c.speaker_actor_id == "GOV_IR"]  # passive: Tehran is accused


def test_reports_need_a_number_or_an_attack_word(lex):
    cs = claims(
        "The spokesman said the weather was fine. The district police chief said 12 people were "
        "killed. A hospital official said the blast damaged a school.",
        lex,
    )
    assert [(c.stance, c.speaker) for c in cs] == [
        (Stance.REPORTS, "The district police chief"),
        (Stance.REPORTS, "A hospital official"),
    ]
    assert cs[0].about == "12 people were killed"


def test_quote_is_the_content_of_an_inverted_report(lex):
    (c,) = claims('"Nine bodies were brought in," said a hospital official.', lex)
    assert c.stance == Stance.REPORTS and c.about == "Nine bodies were brought in"


def test_spans_and_ids(lex):
    text = "Police said two people died. The TTP claimed responsibility. India denied it."
    cs = claims(text, lex)
    assert [c.id for c in cs] == [f"c{i}" for i in range(1, len(cs) + 1)]
    for c in cs:
        assert c.spans and all(text[s.start : s.end] == s.text for s in c.spans)
        assert text[c.speaker_span.start : c.speaker_span.end] == c.speaker_span.text


def test_no_claims_in_plain_narrative(lex):
    assert claims("A bomb exploded near a market in Peshawar, killing three people.", lex) == []


# ----------------------------------------------------------------------------- the seed


@pytest.fixture(scope="module")
def seed_claims(lex):
    assert SEED.exists(), SEED
    return claims(SEED.read_text(encoding="utf-8"), lex)


def test_seed_responsibility(seed_claims):
    resp = [c for c in seed_claims if c.stance == Stance.CLAIMS_RESPONSIBILITY]
    assert [c.speaker_actor_id for c in resp] == ["BLA"]


def test_seed_indian_support_alleged_twice_and_denied(seed_claims):
    india = [
        c for c in seed_claims if c.stance == Stance.ALLEGES and "GOV_IN" in c.target_actor_ids
    ]
    speakers = {c.speaker_actor_id for c in india}
    assert {"MILITARY", "person:Mohsin Naqvi", "GOV_PK"} <= speakers
    first_two = [c for c in india if c.speaker_actor_id in ("MILITARY", "person:Mohsin Naqvi")]
    assert len(first_two) == 2 and first_two[0].spans == first_two[1].spans
    delhi = next(c for c in seed_claims if c.stance == Stance.DENIES and c.speaker == "New Delhi")
    assert delhi.speaker_actor_id == "GOV_IN" and delhi.responds_to in {c.id for c in first_two}
    pk = next(c for c in india if c.speaker_actor_id == "GOV_PK")
    assert "BLA" in pk.target_actor_ids  # "the group" = the BLA named just before
    india_denies = next(
        c for c in seed_claims if c.stance == Stance.DENIES and c.speaker == "India"
    )
    assert india_denies.responds_to == pk.id


def test_seed_afghan_territory_accusation_and_refutation(seed_claims):
    acc = next(c for c in seed_claims if c.stance == Stance.ACCUSES)
    assert acc.speaker_actor_id == "GOV_PK"
    assert {"BALOCH_SEPARATISTS", "TTP", "MILITANTS", "GOV_AF"} <= set(acc.target_actor_ids)
    kabul = next(
        c for c in seed_claims if c.stance == Stance.DENIES and c.speaker_actor_id == "GOV_AF"
    )
    assert kabul.responds_to == acc.id


def test_seed_official_reports(seed_claims):
    reports = {c.speaker: c for c in seed_claims if c.stance == Stance.REPORTS}
    assert "thwarted" in reports["Shahid Rind"].about
    assert "700" in reports["Sarfraz Bugti"].about
    assert reports["Shahid Rind"].speaker_actor_id == "person:Shahid Rind"


def test_seed_no_claim_from_analysts(seed_claims):
    assert not [c for c in seed_claims if "Abdullah Khan" in c.speaker]


def test_a_place_is_not_a_speaker():
    from sitrep import extract

    text = "Gunmen killed three guards in Lakki Marwat, the deputy commissioner said."
    (c,) = extract(text, published="2024-05-02").claims
    assert c.speaker == "the deputy commissioner"


def test_disowning_is_a_denial(lex):
    (c,) = claims("The TTP said it had nothing to do with the bombing.", lex)
    assert c.stance == Stance.DENIES and c.speaker_actor_id == "TTP"


def test_rejecting_a_deal_is_not_a_denial(lex):
    cs = claims("The faction, which rejected the peace deal, stayed silent.", lex)
    assert not [c for c in cs if c.stance == Stance.DENIES]


def test_role_of_a_place_and_an_office_are_speakers():
    from sitrep import extract

    text = (
        "Gunmen opened fire on a checkpoint in Turbat on Monday, killing two guards, the deputy "
        "commissioner of the district said. Two attackers were killed in the exchange of fire, the provincial "
        "home department said."
    )
    speakers = [c.speaker for c in extract(text, published="2024-05-08").claims]
    assert speakers == ["the deputy commissioner of the district", "the provincial home department"]


def test_crossing_from_a_country_is_an_allegation():
    (c,) = claims(
        "Interior Minister Ali Raza said the attackers had crossed from Afghanistan.",
        lex=default_lexicon(),
    )
    assert c.stance == Stance.ALLEGES and "GOV_AF" in c.target_actor_ids


def test_a_titled_speaker_after_the_statement_reports_it(lex):
    text = (
        "Gunmen stormed the hotel before all four attackers were killed, police officer "
        "Hassan Ali told reporters."
    )
    (c,) = claims(text, lex)
    assert c.speaker == "Hassan Ali" and c.stance == Stance.REPORTS
    assert c.about.startswith("Gunmen stormed the hotel")


def test_a_surname_named_in_full_before_is_a_speaker(lex):
    text = (
        "Regional governor Oleh Kiper said three people were killed. "
        "A warehouse burned for hours, Kiper said."
    )
    sents = split_sentences(text)
    assert [x.name for x in find_speakers(text, sents[1], lex)] == ["Oleh Kiper"]
    assert (
        find_speakers(
            "A warehouse burned for hours, Kiper said.",
            split_sentences("A warehouse burned for hours, Kiper said.")[0],
            lex,
        )
        == []
    )


def test_the_dateline_is_not_part_of_what_was_reported(lex):
    text = "KYIV - A drone strike on Odesa killed three people, governor Oleh Kiper said."
    (c,) = claims(text, lex)
    assert c.about.startswith("A drone strike")


def test_a_second_verb_shares_the_first_ones_speaker(lex):
    text = (
        "The defence ministry said its jets had struck rebel positions and denied hitting a "
        "hospital."
    )
    got = [(c.speaker, c.stance) for c in claims(text, lex)]
    assert ("The defence ministry", Stance.DENIES) in got


def test_a_countrys_possessive_owns_the_speaker(lex):
    text = "Burkina Faso's government has rejected the accusations."
    (c,) = claims(text, lex)
    assert (c.speaker, c.speaker_actor_id, c.stance) == (
        "Burkina Faso's government",
        "GOV_BF",
        Stance.DENIES,
    )


def test_days_and_places_of_the_statement_are_not_speakers(lex):
    text = (
        "Fighters killed 37 farmers in raids on villages near Lake Chad on Saturday and "
        "Sunday, a local official and a militia leader said."
    )
    (s,) = split_sentences(text)
    assert [x.name for x in find_speakers(text, s, lex)] == ["a local official", "a militia leader"]


def test_a_groups_spokesman_speaks_for_it_and_does_not_do_the_act(lex):
    from sitrep import extract

    text = "A suicide bomber killed 14 people in Kabul on Monday, a Taliban spokesman said."
    r = extract(text, published="2024-08-06")
    assert not [p for inc in r.incidents for p in inc.perpetrators]


def test_a_group_described_after_its_name_is_the_claimant_not_the_group_it_is_linked_to(lex):
    text = (
        "Al-Shabab, the al-Qaida-linked extremist group, claimed responsibility for the "
        "bombing in a radio statement."
    )
    (c,) = [c for c in claims(text, lex) if c.stance == Stance.CLAIMS_RESPONSIBILITY]
    assert c.speaker_actor_id == "AL_SHABAAB"
    other = "Ahmed Omar, the group's spokesman, said the fighters had withdrawn."
    (sentence,) = split_sentences(other)
    assert [s.name for s in find_speakers(other, sentence, lex)] == ["Ahmed Omar"]


def test_an_armed_groups_branch_claiming_is_the_group_speaking(lex):
    text = "The Islamic State's Central Africa Province claimed responsibility for the killings."
    (c,) = claims(text, lex)
    assert c.stance == Stance.CLAIMS_RESPONSIBILITY
    assert c.speaker_actor_id == "IS" and c.speaker == "Islamic State's Central Africa Province"


def test_a_group_with_an_arabic_name_described_as_an_affiliate_is_the_speaker(lex):
    text = (
        "Jama'at Nusrat al-Islam wal-Muslimin, the al-Qaeda affiliate in the Sahel, said it "
        "carried out the attack on the convoy."
    )
    (c,) = claims(text, lex)
    assert c.speaker_actor_id == "JNIM"


def test_hit_and_run_is_no_event_word(lex):
    text = "This is no longer a hit-and-run insurgency, a Quetta-based analyst said."
    assert claims(text, lex) == []


def test_the_group_linked_to_another_is_the_group_told_before(lex):
    text = (
        "Al-Shabaab fighters stormed a hotel in Mogadishu on Friday. The al-Qaeda-linked group "
        "claimed the attack in a radio statement."
    )
    got = [c for c in claims(text, lex) if c.stance == Stance.CLAIMS_RESPONSIBILITY]
    assert [c.speaker_actor_id for c in got] == ["AL_SHABAAB"]


def test_the_us_military_is_one_speaker(lex):
    text = (
        "Houthi rebels fired two missiles at a cargo ship in the Red Sea on Wednesday, killing "
        "three crew members, the U.S. military said."
    )
    (c,) = claims(text, lex)
    assert c.speaker.endswith("U.S. military")
    assert (c.speaker_actor_id, c.stance) == ("US_MILITARY", Stance.REPORTS)


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        (
            "At least 25 social leaders were killed this year, according to the rights group "
            "Temoris.",
            "Temoris",
            "organization",
        ),
        ("Nine villagers were killed last month, according to Halvane.", "Halvane", "unknown"),
    ],
)
def test_a_body_no_lexicon_lists_after_according_to(lex, text, name, kind):
    (s,) = split_sentences(text)
    assert [(x.name, x.kind) for x in find_speakers(text, s, lex)] == [(name, kind)]


def test_according_to_witnesses_is_not_a_named_body(lex):
    text = "Three people were killed, according to witnesses."
    (s,) = split_sentences(text)
    assert [x.name for x in find_speakers(text, s, lex)] == ["witnesses"]


def test_told_with_a_long_object_before_that(lex):
    t = "A doctor told reporters outside the district hospital that nine bodies had been brought in."
    (c,) = claims(t, lex)
    assert (c.stance, c.speaker, c.about) == (
        Stance.REPORTS,
        "A doctor",
        "nine bodies had been brought in",
    )
