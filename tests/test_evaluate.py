"""Scorer correctness: identical = 100, empty = 0 recall, hand-computed partial cases, properties."""

from __future__ import annotations

import itertools
import json
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep import extract
from sitrep.evaluate import gold as gold_mod
from sitrep.evaluate import muc4, wikievents
from sitrep.evaluate.datasets import (
    MucDocument,
    MucKeyTemplate,
    MucTemplate,
    MucVictim,
    WikiArgument,
    WikiDocument,
    WikiEvent,
    gold_article,
    load_gold,
    load_muc4,
    load_wikievents,
)
from sitrep.evaluate.scoring import Counts, best_assignment, max_bipartite, normalise
from sitrep.model import (
    Article,
    AttackType,
    Attribution,
    Category,
    Claim,
    DatePrecision,
    EventDate,
    Extraction,
    Figure,
    FigureStatus,
    Group,
    Incident,
    IncidentStatus,
    Level,
    Perpetrator,
    Place,
    RoleFiller,
    Span,
    Stance,
    Tagged,
)

SHARED_DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"


def sp(text: str, start: int = 0) -> Span:
    return Span(start, start + len(text), text)


def tmpl(kind: str, **roles: list[list[str]]) -> MucTemplate:
    return MucTemplate(
        incident_type=kind,
        roles={
            r: tuple(tuple(e) for e in roles.get(r, []))
            for r in ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")
        },
    )


# --------------------------------------------------------------------------- helpers


def test_normalise_drops_case_punctuation_and_articles() -> None:
    assert normalise('The "Santo Tomas" Farm.') == "santo tomas farm"
    assert normalise("an IED") == "ied"
    assert normalise("pro-regime") == "pro regime"


def test_max_bipartite_matches_each_side_once() -> None:
    pairs = max_bipartite(["a", "a", "b"], ["a", "b"], lambda x, y: x == y)
    assert len(pairs) == 2
    assert len({i for i, _ in pairs}) == 2 and len({j for _, j in pairs}) == 2


def _brute_best(weights: list[list[float]]) -> float:
    rows, cols = len(weights), len(weights[0])
    best = 0.0
    for perm in itertools.permutations(range(max(rows, cols)), rows):
        total = sum(weights[i][j] for i, j in enumerate(perm) if j < cols and weights[i][j] > 0)
        best = max(best, total)
    return best


@settings(max_examples=60, deadline=None)
@given(
    st.integers(1, 4).flatmap(
        lambda r: st.integers(1, 4).flatmap(
            lambda c: st.lists(
                st.lists(st.sampled_from([0.0, 1.0, 2.0, 3.5]), min_size=c, max_size=c),
                min_size=r,
                max_size=r,
            )
        )
    )
)
def test_best_assignment_is_optimal_and_one_to_one(weights: list[list[float]]) -> None:
    pairs = best_assignment(weights)
    assert len({i for i, _ in pairs}) == len(pairs) == len({j for _, j in pairs})
    assert sum(weights[i][j] for i, j in pairs) == pytest.approx(_brute_best(weights))


# --------------------------------------------------------------------------- MUC-4 GTT


GOLD_T1 = tmpl(
    "attack",
    PerpInd=[["guerrillas", "guerrilla column"]],
    PerpOrg=[["fmln"]],
    Victim=[["mayor", "the mayor of the town"]],
)
GOLD_T2 = tmpl("bombing", PerpOrg=[["fmln"]], Target=[["power pylon"]], Weapon=[["dynamite"]])


def test_gtt_identical_scores_100() -> None:
    score = muc4.score_document([GOLD_T1, GOLD_T2], [GOLD_T1, GOLD_T2])
    assert score.micro.f1 == 1.0
    assert all(c.f1 == 1.0 for c in score.roles.values() if c.n_gold)


def test_gtt_empty_prediction_scores_zero_recall() -> None:
    score = muc4.score_document([], [GOLD_T1, GOLD_T2])
    assert score.micro.recall == 0.0
    assert score.micro.n_gold == 2 + 1 + 2 + 1 + 1 + 1


def test_gtt_hand_computed_partial_case() -> None:
    pred = [
        tmpl(
            "attack",
            PerpInd=[["the guerrillas"]],
            PerpOrg=[["FMLN"]],
            Victim=[["mayor"], ["policeman"]],
        ),
        tmpl("kidnapping", Victim=[["priest"]]),
    ]
    score = muc4.score_document(pred, [GOLD_T1, GOLD_T2])
    # P1 aligns with T1 (same type); P2 (kidnapping) aligns with nothing.
    # matched: type 1, PerpInd 1 ("the guerrillas" ~ "guerrillas"), PerpOrg 1, Victim 1 (mayor) = 4
    # predicted fillers: types 2 + PerpInd 1 + PerpOrg 1 + Victim 3 = 7
    # gold fillers: types 2 + PerpInd 1 + PerpOrg 2 + Target 1 + Victim 1 + Weapon 1 = 8
    # P = 4/7, R = 4/8, F1 = 2 * (4/7) * (1/2) / (4/7 + 1/2) = 8/15
    micro = score.micro
    assert (micro.tp_pred, micro.n_pred, micro.tp_gold, micro.n_gold) == (4, 7, 4, 8)
    assert micro.f1 == pytest.approx(8 / 15)
    assert score.roles["Victim"].precision == pytest.approx(1 / 3)
    assert score.missed[("Weapon", "dynamite")] == 1


def test_gtt_gold_entity_matched_once_and_alternative_types() -> None:
    gold = [tmpl("bombing / attack", PerpInd=[["guerrillas", "guerrilla column"]])]
    pred = [tmpl("attack", PerpInd=[["guerrillas"], ["guerrilla column"]])]
    score = muc4.score_document(pred, gold)
    assert score.roles["PerpInd"].tp_gold == 1
    assert score.roles["PerpInd"].n_pred == 2
    assert score.roles["incident_type"].tp_pred == 1


def test_gtt_prefers_the_alignment_with_more_matches() -> None:
    gold = [
        tmpl("attack", Victim=[["judge"]]),
        tmpl("attack", Victim=[["priest"]], Weapon=[["rifle"]]),
    ]
    pred = [tmpl("attack", Victim=[["priest"]], Weapon=[["rifle"]])]
    score = muc4.score_document(pred, gold)
    assert score.micro.tp_pred == 3  # type + priest + rifle, aligned with the second gold template


def test_gtt_normalise_is_gtts_normalize_string() -> None:
    # GTT deletes punctuation (it does not turn it into a space), then drops a/an/the
    assert muc4.gtt_normalise("AK-47") == "ak47"
    assert muc4.gtt_normalise('the "Santo Tomas" Farm.') == "santo tomas farm"
    assert muc4.gtt_normalise("The FMLN's  urban commandos") == "fmlns urban commandos"


def test_gtt_two_predictions_of_one_gold_entity_both_count() -> None:
    # GTT eval.py: a prediction is correct when it matches any gold entity; the gold entity
    # is found once.  pred fillers: type + 2 = 3, all correct; gold fillers: type + 1 = 2.
    gold = [tmpl("attack", PerpInd=[["guerrillas", "guerrilla column"]])]
    pred = [tmpl("attack", PerpInd=[["guerrillas"], ["guerrilla column"]])]
    gtt = muc4.score_document(pred, gold).micro
    assert (gtt.tp_pred, gtt.n_pred, gtt.tp_gold, gtt.n_gold) == (3, 3, 2, 2)
    assert gtt.f1 == 1.0
    # one-to-one: the second prediction is spurious; P = 2/3, R = 1, F1 = 0.8
    strict = muc4.score_document(pred, gold, one_to_one=True).micro
    assert (strict.tp_pred, strict.n_pred, strict.tp_gold, strict.n_gold) == (2, 3, 2, 2)
    assert strict.f1 == pytest.approx(0.8)


def test_gtt_predicted_mentions_must_all_be_gold_mentions() -> None:
    # GTT's matching(): every mention of the predicted entity must be among the gold entity's
    gold = [tmpl("bombing", Weapon=[["bomb"]])]
    pred = [tmpl("bombing", Weapon=[["bomb", "car bomb"]])]
    score = muc4.score_document(pred, gold)
    assert score.roles["Weapon"].tp_pred == 0 and score.roles["Weapon"].tp_gold == 0
    assert score.micro.f1 == pytest.approx(2 * (1 / 2) * (1 / 2) / 1)  # type only: P = R = 1/2


def test_gtt_ties_go_to_the_first_gold_template_as_in_gtt() -> None:
    # aligning with either gold template gives the same F1 (2 of 3 and 2 of 4); GTT keeps the
    # first map it meets in itertools.product order, i.e. the first gold template
    gold = [tmpl("attack", Victim=[["mayor"]]), tmpl("attack", PerpInd=[["gunmen"]])]
    pred = [tmpl("attack", Victim=[["mayor"]], PerpInd=[["gunmen"]])]
    score = muc4.score_document(pred, gold)
    assert score.roles["Victim"].tp_gold == 1 and score.roles["PerpInd"].tp_gold == 0
    assert score.missed[("PerpInd", "gunmen")] == 1


def _gtt_reference(pred: list[MucTemplate], gold: list[MucTemplate]) -> dict[str, tuple[int, ...]]:
    """GTT eval.py's per-document loop, restated plainly: every map of predicted templates to
    gold templates or none (itertools.product order), invalid maps skipped, first best F1."""
    roles = ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")

    def ents(t: MucTemplate, r: str) -> list[set[str]]:
        return [{muc4.gtt_normalise(m) for m in e} for e in t.roles[r]]

    best: tuple[float, dict[str, list[int]]] | None = None
    for combo in itertools.product([*range(len(gold)), -1], repeat=len(pred)):
        used = [j for j in combo if j != -1]
        if len(used) != len(set(used)):
            continue
        c = {r: [0, 0, 0, 0] for r in ("incident_type", *roles)}  # p_num p_den r_num r_den
        mapped_p, mapped_g = set(), set()
        for i, j in enumerate(combo):
            if j != -1 and pred[i].incident_type in gold[j].incident_type:
                mapped_p.add(i)
                mapped_g.add(j)
                c["incident_type"] = [x + 1 for x in c["incident_type"]]
                for r in roles:
                    pe, ge = ents(pred[i], r), ents(gold[j], r)
                    c[r][0] += sum(any(p <= g for g in ge) for p in pe)
                    c[r][1] += len(pe)
                    c[r][2] += sum(any(p <= g for p in pe) for g in ge)
                    c[r][3] += len(ge)
        for i, t in enumerate(pred):
            if i not in mapped_p:
                c["incident_type"][1] += 1
                for r in roles:
                    c[r][1] += len(t.roles[r])
        for j, t in enumerate(gold):
            if j not in mapped_g:
                c["incident_type"][3] += 1
                for r in roles:
                    c[r][3] += len(t.roles[r])
        tot = [sum(v[k] for v in c.values()) for k in range(4)]
        p = tot[0] / tot[1] if tot[1] else 0.0
        rr = tot[2] / tot[3] if tot[3] else 0.0
        f1 = 2 * p * rr / (p + rr) if p + rr else 0.0
        if best is None or f1 > best[0]:
            best = (f1, c)
    assert best is not None
    return {r: tuple(v) for r, v in best[1].items()}


ROLE_VALUES = st.sampled_from(["guerrillas", "fmln", "mayor", "bus", "dynamite", "army", "priest"])
TEMPLATE = st.builds(
    lambda kind, roles: tmpl(kind, **roles),
    st.sampled_from(["attack", "bombing", "kidnapping"]),
    st.fixed_dictionaries(
        {
            r: st.lists(st.lists(ROLE_VALUES, min_size=1, max_size=2), max_size=2)
            for r in ("PerpInd", "PerpOrg", "Victim", "Weapon")
        }
    ),
)


@settings(max_examples=80, deadline=None)
@given(
    st.lists(TEMPLATE, max_size=4),
    st.lists(TEMPLATE, max_size=4),
    st.randoms(use_true_random=False),
)
def test_gtt_properties(
    pred: list[MucTemplate], gold: list[MucTemplate], rnd: random.Random
) -> None:
    score = muc4.score_document(pred, gold)
    micro = score.micro
    assert 0.0 <= micro.precision <= 1.0 and 0.0 <= micro.recall <= 1.0
    # 2pr/(p+r) equals p when p == r only up to float rounding (0.7391304347826085 < ...086)
    assert (
        min(micro.precision, micro.recall) - 1e-12
        <= micro.f1
        <= max(micro.precision, micro.recall) + 1e-12
    )
    # template order does not matter
    p2, g2 = pred[:], gold[:]
    rnd.shuffle(p2)
    rnd.shuffle(g2)
    assert muc4.score_document(p2, g2).micro.tp_pred == micro.tp_pred
    # swapping prediction and gold swaps precision and recall (entity fillers are single mentions)
    single = [
        tmpl(t.incident_type, **{r: [[e[0]] for e in ents] for r, ents in t.roles.items()})
        for t in pred
    ]
    fwd, back = muc4.score_document(single, gold).micro, muc4.score_document(gold, single).micro
    assert fwd.tp_pred >= 0 and back.n_pred == fwd.n_gold and back.n_gold == fwd.n_pred
    # the gold against itself is perfect
    if gold:
        assert muc4.score_document(gold, gold).micro.f1 == 1.0
    # per-role counts equal GTT eval.py's exhaustive loop, tie-breaking included
    ours = {r: (c.tp_pred, c.n_pred, c.tp_gold, c.n_gold) for r, c in score.roles.items()}
    assert ours == _gtt_reference(pred, gold)
    # one-to-one entity matching never scores above GTT's any-match rule
    strict = muc4.score_document(pred, gold, one_to_one=True).micro
    assert strict.tp_pred <= micro.tp_pred and strict.tp_gold <= micro.tp_gold


# --------------------------------------------------------------------------- our model -> MUC-4


def _kidnap_extraction() -> Extraction:
    text = "gunmen of the fmln kidnapped two engineers and burned a bus with gasoline."
    inc = Incident(
        id="i1",
        types=[AttackType.KIDNAPPING],
        status=IncidentStatus.CARRIED_OUT,
        perpetrators=[
            Perpetrator("FMLN", "FMLN", Attribution.REPORTED, [sp("fmln", 14)]),
            Perpetrator("MILITANTS", "Militants", Attribution.REPORTED, [sp("gunmen", 0)]),
        ],
        targets=[Tagged("transport", "transport", [sp("bus", 52)])],
        weapons=[Tagged("incendiary", "incendiary", [sp("gasoline", 61)])],
    )
    clash = Incident(id="i2", types=[AttackType.ARMED_CLASH], status=IncidentStatus.CARRIED_OUT)
    fig = Figure(
        id="f1",
        status=FigureStatus.ABDUCTED,
        category=Category.CIVILIANS,
        low=2,
        best=2,
        high=2,
        level=Level.INCIDENT,
        spans=[sp("two", 29), sp("engineers", 33)],
        incident_id="i1",
    )
    return Extraction(article=Article(text=text), incidents=[inc, clash], figures=[fig])


def test_extraction_to_templates_maps_roles_and_skips_clashes() -> None:
    templates = muc4.extraction_to_templates(_kidnap_extraction())
    assert len(templates) == 1
    t = templates[0]
    assert t.incident_type == "kidnapping"
    assert t.roles["PerpOrg"] == (("fmln",),)
    assert t.roles["PerpInd"] == (("gunmen",),)
    # a described victim ("two engineers") is not kept: the MUC-4 keys name victims
    assert t.roles["Victim"] == ()
    # MUC-4 kidnappings have human targets only: the bus and the gasoline are not kept
    assert t.roles["Target"] == () and t.roles["Weapon"] == ()
    # as an arson the same incident keeps its physical target; "gasoline" alone names no
    # instrument (no weapon head ends it), "a gasoline bomb" does
    ext = _kidnap_extraction()
    ext.incidents[0].types = [AttackType.FACILITY_ATTACK]
    t = muc4.extraction_to_templates(ext)[0]
    assert t.incident_type == "arson"
    assert t.roles["Target"] == (("bus",),) and t.roles["Weapon"] == ()
    assert muc4.is_instrument("a gasoline bomb") and muc4.is_instrument("Rifles")
    assert not muc4.is_instrument("explosions") and not muc4.is_instrument("gasoline")
    assert not muc4.is_instrument("gunshot")  # the act ("gunshot wounds"), not the gun
    assert muc4.is_structure("the police post") and not muc4.is_structure("government")


def test_perpetrator_organisation_takes_the_short_name_given_in_brackets() -> None:
    text = "The Popular Revolutionary Vanguard (PRV) claimed the Tuesday bombing of a bridge."
    assert muc4.short_name(text, "Popular Revolutionary Vanguard") == "PRV"
    assert muc4.short_name(text.lower(), "the popular revolutionary vanguard") == "prv"
    assert muc4.short_name(text, "Revolutionary Army") == "Revolutionary Army"
    # no bracketed short name, or a one-word name: the name as read
    assert muc4.short_name(
        "The Popular Revolutionary Vanguard struck.", "Popular Revolutionary Vanguard"
    ) == ("Popular Revolutionary Vanguard")
    assert muc4.short_name("The PRV (its urban wing) struck.", "PRV") == "PRV"
    assert muc4.short_name("The Popular Front's (PF) rebels struck.", "Popular Front") == "PF"


def test_perpetrator_organisation_takes_its_acronym_used_elsewhere_in_the_report() -> None:
    text = (
        "The Camilist Union kidnapped a landowner on Monday. "
        "Police said the ELN has stepped up kidnappings this year."
    )
    assert muc4.acronym_told(text, "Camilist Union") == "ELN"
    # no acronym in the report, or one joined to other letters: the name as read
    assert muc4.acronym_told("The Camilist Union kidnapped a landowner.", "Camilist Union") == (
        "Camilist Union"
    )
    assert muc4.acronym_told("The Camilist Union (UC-ELN) struck.", "Camilist Union") == "UC-ELN"
    assert muc4.acronym_told("A farm burned.", "unknown group") == "unknown group"


def test_kidnapping_with_shooting_of_named_people_is_also_an_attack_template() -> None:
    """MUC-4 gives one template per incident type: the abduction and the shooting done in it
    are two templates with the same people; a kidnapping alone, or one whose victims are not
    named, is one."""
    both = extract(
        "gunmen kidnapped businessman alberto ruiz mena in cali on monday and shot dead his "
        "driver, pedro gomez rios.",
        published="1990-03-06",
    )
    templates = muc4.extraction_to_templates(both)
    assert [t.incident_type for t in templates] == ["kidnapping", "attack"]
    assert templates[1].roles["Victim"] == templates[0].roles["Victim"] != ()
    for text in (
        "gunmen kidnapped businessman alberto ruiz mena in cali on monday.",
        "gunmen kidnapped three peasants in cali on monday and shot dead two others.",
    ):
        kinds = [t.incident_type for t in muc4.extraction_to_templates(extract(text))]
        assert kinds == ["kidnapping"], text


def test_kidnapping_with_an_attack_word_of_its_own_is_also_an_attack_template() -> None:
    """Gunmen who attacked a car and abducted the man in it did two things: a kidnapping
    template and an attack template, even when the attack word gives no type of its own."""
    ext = extract(
        "gunmen kidnapped businessman alberto ruiz mena in cali on monday after they attacked "
        "his car with rifles.",
        published="1990-03-06",
    )
    templates = muc4.extraction_to_templates(ext)
    assert [t.incident_type for t in templates] == ["kidnapping", "attack"]
    assert templates[1].roles["Victim"] == templates[0].roles["Victim"] != ()


def test_burning_with_killings_is_also_an_attack_template() -> None:
    """Houses burned and people shot in one raid: an arson template (with what was burned) and
    an attack template (the killings, no physical target); the burning alone is one."""
    both = extract(
        "rebels burned twenty houses in the village of santa rosa on monday and shot dead four "
        "peasants.",
        published="1990-03-06",
    )
    templates = muc4.extraction_to_templates(both)
    assert [t.incident_type for t in templates] == ["arson", "attack"]
    assert templates[0].roles["Target"] != () and templates[1].roles["Target"] == ()
    alone = extract("rebels burned twenty houses in the village of santa rosa on monday.")
    assert [t.incident_type for t in muc4.extraction_to_templates(alone)] == ["arson"]


def test_kidnapping_with_burning_is_also_an_arson_template() -> None:
    """Hostages taken and a store burned in one raid: a kidnapping template (no physical
    target) and an arson template with the store; the abduction alone is one."""
    both = extract(
        "guerrillas kidnapped three engineers in the town of santa rosa on monday and set fire "
        "to a store.",
        published="1990-03-06",
    )
    templates = muc4.extraction_to_templates(both)
    assert [t.incident_type for t in templates] == ["kidnapping", "arson"]
    assert templates[0].roles["Target"] == () and templates[1].roles["Target"] == (("store",),)
    alone = extract("guerrillas kidnapped three engineers in the town of santa rosa on monday.")
    assert [t.incident_type for t in muc4.extraction_to_templates(alone)] == ["kidnapping"]


def test_robbery_alone_is_a_robbery_and_told_with_an_arson_a_template_of_its_own() -> None:
    """Rebels who loot a bank: a robbery template; rebels who loot a bank and burn a bus in one
    raid: an arson template and a robbery template with the bank only."""
    alone = extract(
        "rebels looted a bank in the town of rosario on monday.", published="1990-03-06"
    )
    (robbery,) = muc4.extraction_to_templates(alone)
    assert robbery.incident_type == "robbery" and robbery.roles["Target"] == (("bank",),)
    # what they took need not be a target of the lexicon
    looted = extract("rebels looted two pharmacies in rosario on monday.", published="1990-03-06")
    assert [t.incident_type for t in muc4.extraction_to_templates(looted)] == ["robbery"]
    both = extract(
        "rebels set fire to a bus in the town of rosario on monday. the rebels also looted a bank.",
        published="1990-03-06",
    )
    templates = muc4.extraction_to_templates(both)
    assert sorted(t.incident_type for t in templates) == ["arson", "robbery"]
    (robbed,) = [t for t in templates if t.incident_type == "robbery"]
    assert robbed.roles["Target"] == (("bank",),)


def test_bombing_with_burning_is_also_an_arson_template() -> None:
    """A bomb at a bank and a bus set on fire in one act: a bombing template and an arson
    template (without the bomb); the bombing alone is one."""
    both = extract(
        "a bomb exploded at a bank in lima on monday and rebels set fire to a bus.",
        published="1990-03-06",
    )
    templates = muc4.extraction_to_templates(both)
    assert [t.incident_type for t in templates] == ["bombing", "arson"]
    assert templates[0].roles["Weapon"] == (("bomb",),) and templates[1].roles["Weapon"] == ()
    alone = extract("a bomb exploded at a bank in lima on monday.", published="1990-03-06")
    assert [t.incident_type for t in muc4.extraction_to_templates(alone)] == ["bombing"]


def _bomb_and_shooting(text: str) -> Extraction:
    """One incident of a bombing and a killing word (hand-built from ``text``)."""

    def at(word: str) -> Span:
        return sp(word, text.index(word))

    inc = Incident(
        id="i1",
        types=[AttackType.BOMBING, AttackType.ARMED_ASSAULT],
        status=IncidentStatus.CARRIED_OUT,
        triggers=[
            Tagged("bombing", "bombing", [at("bomb")]),
            Tagged("murder", "murder", [at("murdered")]),
        ],
        arguments=[
            RoleFiller("perp_ind", "rebels", [at("rebels")]),
            RoleFiller("target", "town hall", [at("town hall")]),
            RoleFiller("weapon", "bomb", [at("bomb")]),
            RoleFiller("victim", "pedro gomez rios", [at("pedro gomez rios")], named=True),
        ],
    )
    return Extraction(article=Article(text=text), incidents=[inc])


def test_bombing_with_a_murder_told_apart_is_also_an_attack_template() -> None:
    """A bomb at the town hall and the mayor murdered in a sentence of his own: a bombing
    template and an attack template (the murder: perpetrators and victim, no target, no
    bomb); a person killed in the sentence of the blast is the bombing's victim only."""
    apart = _bomb_and_shooting(
        "rebels set off a bomb at the town hall. then they murdered the mayor, pedro gomez rios."
    )
    templates = muc4.extraction_to_templates(apart)
    assert [t.incident_type for t in templates] == ["bombing", "attack"]
    assert templates[1].roles["Victim"] == (("pedro gomez rios",),)
    assert templates[1].roles["Target"] == () and templates[1].roles["Weapon"] == ()
    together = _bomb_and_shooting(
        "rebels murdered the mayor, pedro gomez rios, with a bomb at the town hall."
    )
    assert [t.incident_type for t in muc4.extraction_to_templates(together)] == ["bombing"]


def test_muc_incident_types() -> None:
    def inc(types: list[AttackType], weapons: tuple[str, ...] = ()) -> Incident:
        return Incident(
            "x", types, IncidentStatus.CARRIED_OUT, weapons=[Tagged(w, w) for w in weapons]
        )

    assert muc4.muc_incident_type(inc([AttackType.BOMBING])) == "bombing"
    assert muc4.muc_incident_type(inc([AttackType.FACILITY_ATTACK], ("incendiary",))) == "arson"
    assert muc4.muc_incident_type(inc([AttackType.ASSASSINATION])) == "attack"
    assert muc4.muc_incident_type(inc([AttackType.SECURITY_OPERATION])) is None
    assert (
        muc4.muc_incident_type(inc([AttackType.ARMED_CLASH, AttackType.ARMED_ASSAULT])) == "attack"
    )
    # shelling, rocket fire and air raids are attacks in MUC-4; a device set off is a bombing
    assert muc4.muc_incident_type(inc([AttackType.BOMBING], ("mortar",))) == "attack"
    assert (
        muc4.muc_incident_type(inc([AttackType.BOMBING], ("airstrike", "explosives"))) == "attack"
    )
    assert muc4.muc_incident_type(inc([AttackType.BOMBING], ("rocket", "grenade"))) == "bombing"
    assert muc4.muc_incident_type(inc([AttackType.BOMBING], ("explosives",))) == "bombing"


def test_air_strike_gives_no_muc4_template() -> None:
    """A bombing done by aircraft is the state's air strike, which MUC-4 leaves out; a bomb
    set off by rebels is a bombing."""
    for text in (
        "helicopters were bombing the la cruz neighbourhood of santa rosa on monday.",
        "the air force bombed the hamlet of el pino near santa rosa on monday.",
    ):
        r = extract(text, published="1990-03-06")
        assert r.incidents, text
        assert muc4.extraction_to_templates(r) == [], text
    r = extract("rebels bombed the town hall of santa rosa on monday.", published="1990-03-06")
    assert [t.incident_type for t in muc4.extraction_to_templates(r)] == ["bombing"]


def test_attack_made_with_an_explosive_instrument_is_a_bombing() -> None:
    """An act with no bombing word but a bomb, dynamite or a grenade as its instrument is a
    MUC-4 bombing; the same act with no such instrument is an attack."""
    with_dynamite = extract(
        "guerrillas attacked the town hall in santa rosa on monday with dynamite.",
        published="1990-03-06",
    )
    assert [t.incident_type for t in muc4.extraction_to_templates(with_dynamite)] == ["bombing"]
    bare = extract(
        "guerrillas attacked the town hall in santa rosa on monday.", published="1990-03-06"
    )
    assert [t.incident_type for t in muc4.extraction_to_templates(bare)] == ["attack"]
    # the instrument read as the act's weapon filler counts too ("a car bomb", "5 kg of dynamite")
    for text, kind in (
        ("a car bomb", "bombing"),
        ("5 kg of dynamite", "bombing"),
        ("rifles", "attack"),
    ):
        inc = Incident("x", [AttackType.UNKNOWN], IncidentStatus.CARRIED_OUT)
        inc.arguments = [RoleFiller("weapon", text)]
        assert muc4.muc_incident_type(inc) == kind, text


def test_muc_heard_explosions_during_a_shooting_are_an_attack() -> None:
    def inc(words: tuple[str, ...], weapons: tuple[str, ...] = ()) -> Incident:
        trig = [Tagged("explosion", "explosion", [Span(0, len(w), w)]) for w in words]
        return Incident(
            "x",
            [AttackType.BOMBING, AttackType.ARMED_ASSAULT],
            IncidentStatus.CARRIED_OUT,
            weapons=[Tagged(w, w) for w in weapons],
            triggers=trig,
        )

    assert muc4.muc_incident_type(inc(("explosions",))) == "attack"
    assert muc4.muc_incident_type(inc(("Blasts", "explosions"))) == "attack"
    # a singular explosion, a bomb word or a device keeps the bombing
    assert muc4.muc_incident_type(inc(("explosion",))) == "bombing"
    assert muc4.muc_incident_type(inc(("explosions", "bomb"))) == "bombing"
    assert muc4.muc_incident_type(inc(("explosions",), ("grenade",))) == "bombing"
    # explosions alone, with no shooting or killing, stay a bombing
    alone = inc(("explosions",))
    alone.types = [AttackType.BOMBING]
    assert muc4.muc_incident_type(alone) == "bombing"
    for text in (
        "Gunmen shot dead a mayor in Northtown on Monday. Residents said explosions were heard.",
        "gunmen shot dead a mayor in northtown on monday. residents said explosions were heard.",
    ):
        kinds = [t.incident_type for t in muc4.extraction_to_templates(extract(text, "2024-03-04"))]
        assert kinds == ["attack"], (text, kinds)
    text = "A bomb exploded at a bank in Northtown on Monday, killing two guards."
    for t in (text, text.lower()):
        kinds = [x.incident_type for x in muc4.extraction_to_templates(extract(t, "2024-03-04"))]
        assert kinds == ["bombing"], (t, kinds)


def test_parse_muc_number() -> None:
    assert muc4.parse_muc_number("6") == (6, 6)
    assert muc4.parse_muc_number("5/6") == (5, 6)
    assert muc4.parse_muc_number("PLURAL") == (2, None)
    assert muc4.parse_muc_number("~100") == (90, 110)
    assert muc4.parse_muc_number("23 -") == (23, None)
    assert muc4.parse_muc_number("? 15") == (15, 15)


def _muc_doc(victims: list[MucVictim]) -> MucDocument:
    key = MucKeyTemplate(True, False, "ATTACK", None, None, tuple(victims))
    return MucDocument("d1", "text", "TEXT", None, (), (key, key))


def test_parse_key_location() -> None:
    parse = muc4.parse_key_location
    assert parse("PERU: LIMA (CITY)") == [muc4.KeyLocation(("PERU",), ("LIMA",))]
    assert parse("GUATEMALA: SANTO TOMAS (FARM)") == [muc4.KeyLocation(("GUATEMALA",), ())]
    assert parse("(EL SALVADOR: SAN SALVADOR (CITY)) / (EL SALVADOR)") == [
        muc4.KeyLocation(("EL SALVADOR",), ("SAN SALVADOR",)),
        muc4.KeyLocation(("EL SALVADOR",), ()),
    ]
    assert parse("COLOMBIA: ANTIOQUIA (DEPARTMENT): MEDELLIN (CITY): AMERICA (NEIGHBORHOOD)") == [
        muc4.KeyLocation(("COLOMBIA",), ("MEDELLIN", "AMERICA"))
    ]
    assert parse("CHILE: COPIAPO (CITY) - TALCA (CITY)")[0].cities == ("COPIAPO", "TALCA")
    assert parse("EL SALVADOR: USULUTAN (CITY / COUNTY / DEPARTMENT)")[0].cities == ("USULUTAN",)
    assert parse("HONDURAS / EL SALVADOR")[0].countries == ("HONDURAS", "EL SALVADOR")
    assert parse("*") == [] and parse("-") == [] and parse(None) == []


def _loc_doc(doc_id: str, *locations: str) -> MucDocument:
    keys = tuple(MucKeyTemplate(True, False, "ATTACK", None, loc, ()) for loc in locations)
    return MucDocument(doc_id, "text", "TEXT", None, (), keys)


def _ext_at(*places: Place) -> Extraction:
    incidents = [
        Incident(id=f"i{k}", types=[AttackType.BOMBING], status=IncidentStatus.CARRIED_OUT, place=p)
        for k, p in enumerate(places)
    ]
    return Extraction(article=Article(text="text"), incidents=incidents)


def test_key_location_hand_computed() -> None:
    lima = Place("lima", canonical_name="Lima", country="PE", country_name="Peru")
    cusco = Place("cusco", canonical_name="Cusco", country="PE", country_name="Peru")
    medellin_ph = Place("medellin", canonical_name="Medellin", country="PH")
    docs = [
        _loc_doc("a", "PERU: LIMA (CITY)"),  # Lima: country and city
        _loc_doc("b", "PERU: LIMA (CITY)"),  # Cusco: country only
        _loc_doc("c", "COLOMBIA: MEDELLIN (CITY)"),  # Medellin in the Philippines: neither
        _loc_doc("d", "EL SALVADOR"),  # nothing extracted
        _loc_doc("e", "*"),  # irrelevant key: not counted
    ]
    exts = {
        "a": _ext_at(lima),
        "b": _ext_at(cusco, cusco),
        "c": _ext_at(medellin_ph),
        "d": _ext_at(),
    }
    d = muc4.score_locations(exts, docs).as_dict()
    assert d["documents"] == 4 and d["documents_with_place"] == 3
    assert d["country"] == 50.0  # a, b
    assert d["country_and_city"] == 25.0  # a
    assert d["documents_with_city"] == 3 and d["city_when_key_names_one"] == pytest.approx(33.33)
    assert d["places"] == 4 and d["places_in_key_country"] == 75.0
    # identical (every key city extracted) scores 100; an empty extraction 0
    perfect = muc4.score_locations({"a": _ext_at(lima)}, docs[:1]).as_dict()
    assert perfect["country_and_city"] == 100.0
    assert muc4.score_locations({}, docs[:4]).as_dict()["country"] == 0.0


def test_victim_effects_exact_and_in_range() -> None:
    doc = _muc_doc(
        [
            MucVictim("PEASANTS", ("5/6",), ("DEATH",)),
            MucVictim("MAYOR", ("1",), ("DEATH",)),
            MucVictim("DRIVER", ("1",), ("INJURY",)),
            MucVictim("PRIEST", ("1",), ("NO INJURY OR DEATH",)),
        ]
    )
    # the key template appears twice: victims are counted once; 5..6 + 1 = 6..7 deaths
    assert muc4.gold_victim_effects(doc, "DEATH") == (6, 7)
    assert muc4.gold_victim_effects(doc, "INJURY") == (1, 1)
    figs = [
        Figure(
            "f1", FigureStatus.KILLED, Category.UNKNOWN, 7, 7, 7, Level.INCIDENT, incident_id="i1"
        ),
        Figure(
            "f2", FigureStatus.KILLED, Category.CIVILIANS, 6, 6, 6, Level.INCIDENT, incident_id="i1"
        ),
        Figure(
            "f3", FigureStatus.KILLED, Category.MILITANTS, 3, 3, 3, Level.INCIDENT, incident_id="i1"
        ),
        Figure(
            "f4",
            FigureStatus.INJURED,
            Category.CIVILIANS,
            2,
            2,
            2,
            Level.INCIDENT,
            incident_id="i1",
        ),
    ]
    ext = Extraction(
        article=Article(text="t"),
        incidents=[Incident("i1", [AttackType.ARMED_ASSAULT], IncidentStatus.CARRIED_OUT)],
        figures=figs,
    )
    # total 7 holds the 6 civilians; militants are not victims
    assert muc4.predicted_victims(ext, FigureStatus.KILLED) == 7
    deaths = muc4.score_effects({"d1": ext}, [doc], "DEATH")
    assert (deaths.exact, deaths.in_range, deaths.with_gold) == (0, 1, 1)
    injuries = muc4.score_effects({"d1": ext}, [doc], "INJURY")
    assert (injuries.exact, injuries.in_range) == (0, 0)


def test_evaluate_muc4_end_to_end_with_a_stub_extractor() -> None:
    text = "gunmen of the fmln kidnapped two engineers and burned a bus with gasoline."
    gold_t = tmpl(
        "kidnapping",
        PerpOrg=[["fmln"]],
        PerpInd=[["gunmen"]],
        Victim=[["engineers", "two engineers"]],
    )
    doc = MucDocument("d1", text, text.upper(), "1990-01-02", (gold_t,), ())

    def stub(t: str, published: str | None = None) -> Extraction:
        assert t == text and published == "1990-01-02"
        return _kidnap_extraction()

    report = muc4.evaluate_muc4([doc], extractor=stub)
    roles = report["scores"]["roles"]
    # the described victim ("two engineers") is not predicted: the keys name victims
    assert roles["PerpOrg"]["f1"] == 100.0 and roles["Victim"]["f1"] == 0.0
    # predicted 1 type + 1 + 1 = 3 (a kidnapping keeps no physical target and no instrument),
    # all correct; 3 of the 4 gold found (the victim is missed)
    assert report["scores"]["gtt_micro"]["p"] == 100.0
    assert report["scores"]["gtt_micro"]["r"] == 75.0


def test_load_muc4_shared_dev() -> None:
    docs = load_muc4(SHARED_DATA / "muc4" / "dev.jsonl", limit=5)
    assert len(docs) == 5
    first = docs[0]
    assert first.id == "TST1-MUC3-0001" and first.text.islower()
    assert first.templates[0].incident_type == "attack"
    assert ("guerrillas", "guerrilla column") in first.templates[0].roles["PerpInd"]
    assert first.key_templates[0].victims[1].effect == ("DEATH",)


# --------------------------------------------------------------------------- WikiEvents


def _wiki_doc() -> WikiDocument:
    events = (
        WikiEvent(
            "e1",
            "Conflict.Attack.DetonateExplode",
            "exploded",
            (
                WikiArgument("Attacker", "Islamic State", "T1"),
                WikiArgument("ExplosiveDevice", "roadside IED", "T2"),
                WikiArgument("Place", "Deir ez-Zor", "T3"),
            ),
        ),
        WikiEvent(
            "e2", "Life.Die.Unspecified", "killed", (WikiArgument("Victim", "general", "T4"),)
        ),
        WikiEvent(
            "e3", "Contact.Contact.Broadcast", "said", (WikiArgument("Communicator", "Tass", "T5"),)
        ),
    )
    mentions = {
        "T1": "Islamic State",
        "T6": "IS",
        "T2": "roadside IED",
        "T3": "Deir ez-Zor",
        "T4": "general",
        "T5": "Tass",
    }
    clusters = {"T1": ("T1", "T6"), "T6": ("T1", "T6")}
    return WikiDocument("w1", "text", events, mentions, clusters)


def test_wikievents_gold_roles_and_heads() -> None:
    gold = wikievents.gold_entities(_wiki_doc())
    assert gold["Attacker"] == [frozenset({"state", "is"})]
    assert gold["Instrument"] == [frozenset({"ied"})]
    assert gold["Victim"] == [frozenset({"general"})]
    assert wikievents.head("the Deir ez-Zor") == "zor"
    assert wikievents.head("members of the FMLN") == "members"
    assert wikievents.head("a roadside IED") == "ied"


def test_wikievents_hand_computed_score() -> None:
    gold = wikievents.gold_entities(_wiki_doc())
    pred = {
        "Attacker": ["is", "taliban"],
        "Target": [],
        "Victim": [],
        "Instrument": ["ied"],
        "Place": ["syria"],
    }
    counts = wikievents.score_document(pred, gold)
    # Attacker 1/2 predicted right (IS via coreference), Instrument 1/1, Place 0/1, Victim 0/1
    micro = Counts()
    for c in counts.values():
        micro.add(c)
    assert (micro.tp_pred, micro.n_pred, micro.n_gold) == (2, 4, 4)
    assert micro.f1 == pytest.approx(0.5)


def test_wikievents_identical_and_empty() -> None:
    gold = wikievents.gold_entities(_wiki_doc())
    perfect = {role: [min(ents) for ents in gold[role]] for role in gold}
    assert all(c.f1 == 1.0 for c in wikievents.score_document(perfect, gold).values() if c.n_gold)
    assert all(c.recall == 0.0 for c in wikievents.score_document({}, gold).values())


def test_load_wikievents_shared_dev() -> None:
    docs = load_wikievents(SHARED_DATA / "wikievents" / "dev.jsonl", limit=2)
    assert len(docs) == 2 and docs[0].clusters and docs[0].mentions
    assert any(e.event_type.startswith("Conflict.Attack") for e in docs[0].events)


# --------------------------------------------------------------------------- our gold


GOLD_RECORD = {
    "id": "a1",
    "title": "t",
    "outlet": "o",
    "published": "2025-03-04",
    "language": "en",
    "shape": "test",
    "text": "text",
    "incidents": [
        {
            "date": "2025-03-03",
            "place": {
                "name": "Turbat",
                "admin1": "Balochistan",
                "country": "PK",
                "latitude": 26.0,
                "longitude": 63.05,
                "precision": 1,
            },
            "types": ["armed assault"],
            "status": "carried out",
            "perpetrators": [{"actor_id": "BLF", "attribution": "claimed"}],
            "weapons": ["firearms"],
            "targets": ["security_post"],
            "figures": [
                {"status": "killed", "category": "security_forces", "low": 4, "high": 4},
                {"status": "injured", "category": "unknown", "low": 0, "high": 0},
            ],
        },
        {
            "date": "--03-05",
            "place": {
                "name": "Kech",
                "admin1": None,
                "country": "PK",
                "latitude": None,
                "longitude": None,
                "precision": 2,
            },
            "types": ["bombing/explosion"],
            "status": "foiled",
            "perpetrators": [],
            "weapons": [],
            "targets": [],
            "figures": [],
        },
    ],
    "groups": [],
    "aggregates": [
        {
            "status": "killed",
            "category": "security_forces",
            "low": 150,
            "high": 151,
            "level": "background",
            "period": "since January",
        }
    ],
    "claims": [
        {
            "speaker": "BLF spokesman",
            "speaker_actor_id": "BLF",
            "stance": "claims_responsibility",
            "about": "attack",
        },
        {
            "speaker": "the deputy commissioner",
            "speaker_actor_id": None,
            "stance": "reports",
            "about": "toll",
        },
    ],
}


def _perfect_extraction() -> Extraction:
    inc1 = Incident(
        id="i1",
        types=[AttackType.ARMED_ASSAULT],
        status=IncidentStatus.CARRIED_OUT,
        date=EventDate(2025, 3, 3, DatePrecision.DAY),
        place=Place("Turbat", latitude=26.01, longitude=63.04),
        perpetrators=[Perpetrator("BLF", "BLF", Attribution.CLAIMED)],
        weapons=[Tagged("firearms", "firearms")],
        targets=[Tagged("security_post", "security post")],
    )
    inc2 = Incident(
        id="i2",
        types=[AttackType.BOMBING],
        status=IncidentStatus.FOILED,
        date=EventDate(None, 3, 5, DatePrecision.DAY),
        place=Place("Kech"),
    )
    figs = [
        Figure(
            "f1",
            FigureStatus.KILLED,
            Category.SECURITY_FORCES,
            4,
            4,
            4,
            Level.INCIDENT,
            incident_id="i1",
        ),
        Figure(
            "f2",
            FigureStatus.KILLED,
            Category.SECURITY_FORCES,
            151,
            151,
            None,
            Level.BACKGROUND,
            period="since January",
        ),
    ]
    claims = [
        Claim(
            "c1", "BLF spokesman", Stance.CLAIMS_RESPONSIBILITY, "attack", speaker_actor_id="BLF"
        ),
        Claim("c2", "Deputy Commissioner", Stance.REPORTS, "toll"),
    ]
    return Extraction(
        article=Article(text="text", id="a1"), incidents=[inc1, inc2], figures=figs, claims=claims
    )


def test_gold_identical_scores_100() -> None:
    article = gold_article(GOLD_RECORD)
    score = gold_mod.score_gold({"a1": _perfect_extraction()}, [article])
    d = score.as_dict()
    assert d["incidents"]["f1"] == 100.0
    assert all(v["accuracy"] == 100.0 for k, v in d["fields"].items()), d["fields"]
    assert d["claims"]["f1"] == 100.0 and d["aggregates"]["f1"] == 100.0
    assert d["weapons"]["f1"] == 100.0 and d["targets"]["f1"] == 100.0
    assert d["double_counted"] == 0


def test_gold_empty_prediction_scores_zero_recall() -> None:
    article = gold_article(GOLD_RECORD)
    d = gold_mod.score_gold({}, [article]).as_dict()
    assert d["incidents"]["r"] == 0.0 and d["claims"]["r"] == 0.0 and d["aggregates"]["r"] == 0.0
    assert d["incidents"]["n_gold"] == 2


def test_gold_hand_computed_partial_case() -> None:
    ext = _perfect_extraction()
    inc1, inc2 = ext.incidents
    inc1.perpetrators = [
        Perpetrator("BLF", "BLF", Attribution.ALLEGED)
    ]  # right id, wrong attribution
    inc2.date = EventDate(2025, 3, 5, DatePrecision.DAY)  # guessed a year: no match for --03-05
    ext.incidents.append(
        Incident(
            "i3",
            [AttackType.ARMED_ASSAULT],
            IncidentStatus.CARRIED_OUT,
            date=EventDate(2025, 3, 3, DatePrecision.DAY),
            place=Place("Quetta", latitude=30.18, longitude=67.0),
        )
    )
    ext.figures.append(
        Figure(
            "f3", FigureStatus.INJURED, Category.UNKNOWN, 2, 2, 2, Level.INCIDENT, incident_id="i1"
        )
    )
    ext.claims[1].stance = Stance.ALLEGES
    d = gold_mod.score_gold({"a1": ext}, [gold_article(GOLD_RECORD)]).as_dict()
    # incidents: 3 predicted, 2 gold, 1 matched (Turbat): P 1/3, R 1/2, F1 = 2*(1/3)(1/2)/(5/6) = 0.4
    assert (d["incidents"]["p"], d["incidents"]["r"], d["incidents"]["f1"]) == (33.33, 50.0, 40.0)
    # Turbat: perpetrator id right, attribution wrong; figures: killed 4 right, "0 injured" wrong
    assert d["fields"]["perpetrator"]["accuracy"] == 100.0
    assert d["fields"]["attribution"]["accuracy"] == 0.0
    assert (d["fields"]["figures"]["correct"], d["fields"]["figures"]["total"]) == (1, 2)
    # predicted incident figures: killed 4 (in gold), injured 2 (not): precision 1/2
    assert d["figure_precision"]["p"] == 50.0
    # claims: 1 of 2 right on each side
    assert d["claims"]["f1"] == 50.0


def test_date_and_place_rules() -> None:
    assert gold_mod.date_matches(EventDate(2025, 3, 4, DatePrecision.DAY), "2025-03-03")
    assert not gold_mod.date_matches(EventDate(2025, 3, 5, DatePrecision.DAY), "2025-03-03")
    assert gold_mod.date_matches(EventDate(None, 3, 3, DatePrecision.DAY), "--03-03")
    assert not gold_mod.date_matches(EventDate(2024, 3, 3, DatePrecision.DAY), "--03-03")
    assert not gold_mod.date_matches(None, "2025-03-03")
    assert gold_mod.date_matches(None, None)
    gp = gold_article(GOLD_RECORD).incidents[0].place
    assert gold_mod.place_matches(Place("Turbat town", latitude=26.1, longitude=63.2), gp)  # ~18 km
    assert not gold_mod.place_matches(Place("Gwadar", latitude=25.12, longitude=62.32), gp)
    assert gold_mod.place_matches(Place("TURBAT"), gp)  # no coordinates: folded name
    assert 15 < gold_mod.haversine_km(26.0, 63.05, 26.1, 63.2) < 20


def test_double_counted_and_no_event_articles() -> None:
    record = dict(GOLD_RECORD, incidents=GOLD_RECORD["incidents"][:1])
    article = gold_article(record)
    ext = _perfect_extraction()
    ext.incidents = ext.incidents[:1]
    # the same 4 dead read twice (as 4 and 3) and not merged: 7 > 4
    ext.figures.append(
        Figure(
            "f9",
            FigureStatus.KILLED,
            Category.SECURITY_FORCES,
            3,
            3,
            3,
            Level.INCIDENT,
            incident_id="i1",
        )
    )
    assert gold_mod.count_double_counted(ext, article) == ["incident killed/security_forces 7 > 4"]
    ext.figures[-1].superseded_by = "f1"
    assert gold_mod.count_double_counted(ext, article) == []
    no_event = gold_article(dict(GOLD_RECORD, id="a2", incidents=[], aggregates=[], claims=[]))
    score = gold_mod.score_gold({"a2": _perfect_extraction()}, [no_event])
    assert score.no_event_articles == 1 and score.no_event_false_incidents == 2


def test_gold_groups_and_group_figures() -> None:
    record = dict(
        GOLD_RECORD,
        groups=[
            {
                "places": ["Turbat", "Kech"],
                "date": "2025-03-03",
                "perpetrators": [],
                "figures": [{"status": "killed", "category": "unknown", "low": 9, "high": 9}],
            }
        ],
    )
    ext = _perfect_extraction()
    ext.groups = [Group("g1", ["i1", "i2"])]
    ext.figures.append(
        Figure("f5", FigureStatus.KILLED, Category.UNKNOWN, 9, 9, 9, Level.GROUP, group_id="g1")
    )
    d = gold_mod.score_gold({"a1": ext}, [gold_article(record)]).as_dict()
    assert d["groups"]["f1"] == 100.0 and d["group_figures"]["accuracy"] == 100.0


def test_gold_loader_rejects_bad_dates(tmp_path: Path) -> None:
    from sitrep.errors import EvaluationError

    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(dict(GOLD_RECORD, published="4 March 2025")) + "\n", encoding="utf-8")
    with pytest.raises(EvaluationError, match="published|date"):
        load_gold(bad)


def test_project_gold_file_loads() -> None:
    path = Path(__file__).resolve().parent / "gold" / "articles.jsonl"
    articles = load_gold(path)
    assert len(articles) >= 20
    assert sum(len(a.incidents) for a in articles) > len(articles) // 2
    assert any(not a.incidents for a in articles)


def _oracle(article) -> Extraction:  # noqa: ANN001 - a GoldArticle
    """An extraction that says exactly what the gold says."""

    def date(value: str | None) -> EventDate | None:
        if value is None:
            return None
        if value.startswith("--"):
            return EventDate(None, int(value[2:4]), int(value[5:7]), DatePrecision.DAY)
        y, m, d = (int(x) for x in value.split("-"))
        return EventDate(y, m, d, DatePrecision.DAY)

    def figs(golds, level: Level, **owner: str) -> list[Figure]:  # noqa: ANN001
        return [
            Figure(
                f"f{owner}{k}",
                FigureStatus(g.status),
                Category(g.category),
                g.low,
                g.low,
                g.high,
                level,
                **owner,
            )
            for k, g in enumerate(golds)
        ]

    ext = Extraction(article=Article(text=article.text, id=article.id))
    for n, g in enumerate(article.incidents):
        inc = Incident(
            f"i{n}",
            [AttackType(t) for t in g.types],
            IncidentStatus(g.status),
            date=date(g.date),
            place=Place(g.place.name, latitude=g.place.latitude, longitude=g.place.longitude),
            perpetrators=[
                Perpetrator(p.actor_id, p.actor_id, Attribution(p.attribution))
                for p in g.perpetrators
            ],
            weapons=[Tagged(w, w) for w in g.weapons],
            targets=[Tagged(t, t) for t in g.targets],
        )
        ext.incidents.append(inc)
        ext.figures += figs(g.figures, Level.INCIDENT, incident_id=inc.id)
    for n, g in enumerate(article.groups):
        ids = [i.id for i in ext.incidents if i.place and i.place.name in g.places]
        ext.groups.append(Group(f"g{n}", ids, date=date(g.date)))
        ext.figures += figs(g.figures, Level.GROUP, group_id=f"g{n}")
    for n, a in enumerate(article.aggregates):
        ext.figures.append(
            Figure(
                f"a{n}",
                FigureStatus(a.status),
                Category(a.category),
                a.low,
                a.low,
                a.high,
                Level(a.level),
                period=a.period,
            )
        )
    ext.claims = [
        Claim(f"c{n}", c.speaker, Stance(c.stance), c.about, speaker_actor_id=c.speaker_actor_id)
        for n, c in enumerate(article.claims)
    ]
    return ext


def test_oracle_scores_100_on_the_project_gold_file() -> None:
    articles = load_gold(Path(__file__).resolve().parent / "gold" / "articles.jsonl")
    d = gold_mod.score_gold({a.id: _oracle(a) for a in articles}, articles).as_dict()
    assert d["incidents"]["f1"] == 100.0
    assert {k: v["accuracy"] for k, v in d["fields"].items()} == {k: 100.0 for k in d["fields"]}
    assert (
        d["claims"]["f1"] == 100.0 and d["aggregates"]["f1"] == 100.0 and d["groups"]["f1"] == 100.0
    )
    assert d["group_figures"]["accuracy"] == 100.0
    assert d["double_counted"] == 0 and d["no_event_false_incidents"] == 0


def test_wikievents_predicted_heads_from_an_extraction() -> None:
    text = "A roadside IED killed three soldiers near Deir ez-Zor; Islamic State claimed it."
    inc = Incident(
        "i1",
        [AttackType.BOMBING],
        IncidentStatus.CARRIED_OUT,
        place=Place("Deir ez-Zor", spans=[sp("Deir ez-Zor", 42)]),
        perpetrators=[
            Perpetrator("IS", "Islamic State", Attribution.CLAIMED, [sp("Islamic State", 55)])
        ],
        weapons=[Tagged("ied", "IED", [sp("roadside IED", 2)])],
    )
    fig = Figure(
        "f1",
        FigureStatus.KILLED,
        Category.SECURITY_FORCES,
        3,
        3,
        3,
        Level.INCIDENT,
        spans=[sp("killed", 15), sp("three", 22), sp("soldiers", 28)],
        incident_id="i1",
    )
    militants = Figure(
        "f2",
        FigureStatus.KILLED,
        Category.MILITANTS,
        1,
        1,
        1,
        Level.INCIDENT,
        spans=[sp("bomber", 0)],
    )
    ext = Extraction(article=Article(text=text), incidents=[inc], figures=[fig, militants])
    heads = wikievents.predicted_heads(ext)
    assert heads == {
        "Attacker": ["state"],
        "Target": [],
        "Victim": ["soldiers"],
        "Instrument": ["ied"],
        "Place": ["zor"],
    }
    counts = wikievents.score_document(heads, wikievents.gold_entities(_wiki_doc()))
    # Attacker (state ~ Islamic State), Instrument (ied), Place (zor) right; Victim soldiers != general
    assert [counts[r].tp_gold for r in ("Attacker", "Target", "Victim", "Instrument", "Place")] == [
        1,
        0,
        0,
        1,
        1,
    ]


def test_military_targets_are_left_out_of_muc4_templates() -> None:
    assert muc4.is_military("the garrison") and muc4.is_military("a U.S. military convoy")
    assert muc4.is_military("garrison of the 4th infantry brigade")
    assert not muc4.is_military("headquarters of the 1st infantry brigade")
    assert not muc4.is_military("an aid convoy") and not muc4.is_military("police post")
    # helicopters and war planes attacked in a conflict are the armed forces'
    assert muc4.is_military("two helicopters") and muc4.is_military("an air force plane")
    assert muc4.is_military("combat planes")
    assert not muc4.is_military("a medical helicopter") and not muc4.is_military("a cargo plane")
    # positions held by troops and barracks are military too ("attacked army positions")
    assert muc4.is_military("army positions") and muc4.is_military("the rebel positions")
    assert muc4.is_military("positions") and muc4.is_military("the army barracks")
    # the armed forces' aircraft, not a plane of any kind
    assert muc4.is_military("air force helicopters") and muc4.is_military("the combat planes")
    assert muc4.is_military("two war planes") and not muc4.is_military("the plane")
    assert not muc4.is_military("a private plane") and not muc4.is_military("the airliner")
    # military units ("the attack on the 3d regiment", "attacked the 4th infantry brigade")
    assert muc4.is_military("the 3d regiment") and muc4.is_military("a military unit")
    assert muc4.is_military("the 4th infantry brigade") and muc4.is_military(
        "the atlacatl battalion"
    )
    # tanks and troop carriers are the armed forces' ("the rebels destroyed two light tanks");
    # a fuel tank or a person's armored car is not
    assert muc4.is_military("two light tanks") and muc4.is_military("an armored personnel carrier")
    assert not muc4.is_military("a fuel tank") and not muc4.is_military("his armored vehicle")
    # the premises of a military unit are military; those of a company or a ministry are not
    assert muc4.is_military("the 9th battalion's installations")
    assert muc4.is_military("facilities of the army detachment") and muc4.is_military(
        "the naval facilities"
    )
    assert not muc4.is_military("installations of the power company")
    assert not muc4.is_military("the ministry's facilities")
    ext = _kidnap_extraction()
    ext.incidents[0].types = [AttackType.FACILITY_ATTACK]
    ext.incidents[0].arguments = [
        RoleFiller(role="target", text="military garrison"),
        RoleFiller(role="target", text="bus"),
    ]
    t = muc4.extraction_to_templates(ext)[0]
    assert t.roles["Target"] == (("bus",),)
    # an attack whose only physical targets are military gives no MUC-4 template
    ext.incidents[0].arguments = [RoleFiller(role="target", text="the army garrison")]
    assert muc4.extraction_to_templates(ext) == []


def test_ambush_of_soldiers_only_gives_no_muc4_template() -> None:
    for text in (
        "TALCA — Rebels ambushed an army patrol near Talca on Monday, killing four soldiers.",
        "TALCA — Rebels ambushed the troops near Talca on Monday.",
    ):
        for t in (text, text.lower()):
            ext = extract(t, published="2024-03-05")
            assert ext.incidents, t
            assert muc4.extraction_to_templates(ext) == [], t
    # civilians ambushed, or a person named as harmed: the keys code an attack
    for text in (
        "TALCA — Rebels ambushed a bus near Talca on Monday, killing four passengers.",
        "TALCA — Rebels ambushed an army patrol near Talca on Monday, killing Captain Jorge "
        "Paredes Oyarzun.",
    ):
        for t in (text, text.lower()):
            kinds = [
                x.incident_type
                for x in muc4.extraction_to_templates(extract(t, published="2024-03-05"))
            ]
            assert kinds == ["attack"], t
    # soldiers as the perpetrators are not a military target
    inc = Incident(
        "i1",
        [AttackType.ARMED_ASSAULT],
        IncidentStatus.CARRIED_OUT,
        targets=[Tagged("military", "military", [Span(0, 8, "soldiers")])],
        triggers=[Tagged("ambush", "ambush", [Span(14, 22, "ambushed")])],
        arguments=[RoleFiller(role="perp_ind", text="soldiers", spans=[Span(0, 8, "soldiers")])],
    )
    ext = Extraction(article=Article(text="soldiers have ambushed a car"), incidents=[inc])
    assert [x.incident_type for x in muc4.extraction_to_templates(ext)] == ["attack"]


def test_explosions_in_fighting_without_a_device_give_no_muc4_template() -> None:
    def ext(weapons: tuple[tuple[str, str], ...], victim: bool = False) -> Extraction:
        text = "clashes and explosions were reported; a bomb and a grenade; judge ana ruiz"
        inc = Incident(
            "i1",
            [AttackType.BOMBING, AttackType.ARMED_CLASH],
            IncidentStatus.CARRIED_OUT,
            weapons=[Tagged(k, k, [Span(0, len(w), w)]) for k, w in weapons],
            arguments=[RoleFiller(role="victim", text="ana ruiz", named=True)] if victim else [],
        )
        return Extraction(article=Article(text=text), incidents=[inc])

    assert muc4.extraction_to_templates(ext((("explosives", "explosions"),))) == []
    # a device set off, or a named victim, keeps the bombing
    for kept in (
        ext((("explosives", "bomb"),)),
        ext((("grenade", "grenade"),)),
        ext((("explosives", "explosions"),), victim=True),
    ):
        assert [t.incident_type for t in muc4.extraction_to_templates(kept)] == ["bombing"]


def test_bare_bombing_and_kidnapping_give_no_muc4_template() -> None:
    def ext(types: list[AttackType], args: list[RoleFiller]) -> Extraction:
        inc = Incident("i1", types, IncidentStatus.CARRIED_OUT, arguments=args)
        return Extraction(article=Article(text="a bombing; a kidnapping"), incidents=[inc])

    eln = RoleFiller(role="perp_org", text="eln")
    for types in ([AttackType.BOMBING], [AttackType.KIDNAPPING]):
        assert muc4.extraction_to_templates(ext(types, [])) == []
    assert len(muc4.extraction_to_templates(ext([AttackType.KIDNAPPING], [eln]))) == 1
    # a bombing that names only who did it ("the army bombed the cities", a charge) gives none;
    # one that names what it hit is kept
    assert muc4.extraction_to_templates(ext([AttackType.BOMBING], [eln])) == []
    bridge = RoleFiller(role="target", text="a bridge")
    assert len(muc4.extraction_to_templates(ext([AttackType.BOMBING], [eln, bridge]))) == 1
    # a bare attack is kept (on train it aligns with a key in 40 of 104 documents)
    assert len(muc4.extraction_to_templates(ext([AttackType.ARMED_ASSAULT], []))) == 1


def test_muc_attack_word_in_a_battle_gives_an_attack() -> None:
    def inc(trigger: str, **roles: str) -> Incident:
        return Incident(
            "x",
            [AttackType.ARMED_CLASH],
            IncidentStatus.CARRIED_OUT,
            triggers=[Tagged("clash", "clash"), Tagged(trigger, trigger)],
            weapons=[Tagged("incendiary", "incendiary")] if trigger == "arson" else [],
            arguments=[RoleFiller(role, text) for role, text in roles.items()],
        )

    # "the rebels set fire to a car" during confrontations: the keys code the arson
    assert muc4.muc_incident_type(inc("arson", target="car")) == "arson"
    # a bare "attacked" in a battle is an attack only when someone or something not military
    # was hit
    assert muc4.muc_incident_type(inc("attack")) is None
    assert muc4.muc_incident_type(inc("attack", target="an army post")) is None
    assert muc4.muc_incident_type(inc("attack", target="a power pylon")) == "attack"
    # a named person harmed in a clash: the keys give it an attack template
    assert muc4.muc_incident_type(inc("clash", victim="okello mbeki")) is None
    named = inc("clash", victim="okello mbeki")
    named.arguments[0].named = True
    assert muc4.muc_incident_type(named) == "attack"
    assert muc4.muc_incident_type(inc("killed_named")) is None


def test_named_dead_in_a_clash_with_the_state_give_no_muc4_template() -> None:
    """A named person killed in a clash gives an attack template ("a reporter, x, was killed in
    a shootout"), unless the clash was fought with the police or the army: the dead fought the
    state (combat or a state action, which MUC-4 keys leave out)."""

    def ext(text: str, word: str, kind: str) -> Extraction:
        at = text.index(word)
        inc = Incident(
            "i1",
            [AttackType.ARMED_CLASH],
            IncidentStatus.CARRIED_OUT,
            triggers=[Tagged(kind, kind, [Span(at, at + len(word), word)])],
            arguments=[RoleFiller(role="victim", text="pedro gil", named=True)],
        )
        return Extraction(article=Article(text=text), incidents=[inc])

    for text, word in (
        ("rebel chief pedro gil died on monday in a clash with the national police.", "clash"),
        (
            "pedro gil was killed during a confrontation with troops near the river.",
            "confrontation",
        ),
        ("there was a clash in which the police killed pedro gil and his driver.", "clash"),
    ):
        assert muc4.extraction_to_templates(ext(text, word, "clash")) == [], text
    kept = ext(
        "the reporter pedro gil was killed in a shootout in the market.", "shootout", "clash"
    )
    assert [t.incident_type for t in muc4.extraction_to_templates(kept)] == ["attack"]
    kept = ext("pedro gil was killed in a clash between two gangs.", "clash", "clash")
    assert [t.incident_type for t in muc4.extraction_to_templates(kept)] == ["attack"]


def test_template_told_again_with_fewer_fillers_is_merged() -> None:
    def inc(iid: str, args: list[RoleFiller]) -> Incident:
        return Incident(iid, [AttackType.ARMED_ASSAULT], IncidentStatus.CARRIED_OUT, arguments=args)

    first = inc(
        "i1",
        [
            RoleFiller(role="perp_org", text="the rebels"),
            RoleFiller(role="victim", text="ana ruiz", named=True),
        ],
    )
    again = inc("i2", [RoleFiller(role="perp_org", text="the rebels")])
    other = inc("i3", [RoleFiller(role="victim", text="luis vega", named=True)])
    text = "rebels shot mayor ana ruiz. the rebels' attack. judge luis vega was shot."
    ext = Extraction(article=Article(text=text), incidents=[first, again, other])
    templates = muc4.extraction_to_templates(ext)
    # the second mention names nothing the first did not: the same act told again
    assert len(templates) == 2
    assert [v for t in templates for v in t.roles["Victim"]] == [("ana ruiz",), ("luis vega",)]
    # a later mention naming only agents, one of them the earlier act's, is the same act too
    more = inc(
        "i5",
        [
            RoleFiller(role="perp_org", text="the rebels"),
            RoleFiller(role="perp_ind", text="gunmen"),
        ],
    )
    told = Extraction(article=Article(text=text), incidents=[first, more])
    assert len(muc4.extraction_to_templates(told)) == 1
    # a later mention with no filler at all is kept (a bare attack aligns with a key as often)
    bare = Extraction(article=Article(text=text), incidents=[first, inc("i4", [])])
    assert len(muc4.extraction_to_templates(bare)) == 2


def test_a_template_repeating_only_the_perpetrators_of_another_is_dropped() -> None:
    full = tmpl("bombing", PerpOrg=[["popular front"]], Target=[["bank"]], Weapon=[["bomb"]])
    again = tmpl("bombing", PerpOrg=[["popular front"]])
    other = tmpl("attack", PerpOrg=[["popular front"]])
    bare = tmpl("bombing")
    got = muc4._without_contained([full, again, other, bare])
    assert got == [full, other, bare]
    # a template that names what was hit is kept, even inside another
    hit = tmpl("bombing", PerpOrg=[["popular front"]], Target=[["bank"]])
    assert muc4._without_contained([full, hit]) == [full, hit]


def test_victims_told_only_kidnapped_or_only_shot_are_shared_out() -> None:
    text = (
        "gunmen kidnapped ana ruiz mena. they shot dead pedro gomez rios. "
        "a bomb wounded luis ortiz vega. gunmen shot dead jose pinto lara."
    )

    def at(word: str) -> Span:
        return sp(word, text.index(word))

    def victim(name: str) -> RoleFiller:
        return RoleFiller(role="victim", text=name, spans=[at(name)], named=True)

    kidnap = Incident(
        id="i1",
        types=[AttackType.KIDNAPPING, AttackType.ARMED_ASSAULT],
        status=IncidentStatus.CARRIED_OUT,
        triggers=[Tagged("kidnapping", "kidnapping", [at("kidnapped")])],
        arguments=[victim("ana ruiz mena"), victim("pedro gomez rios")],
    )
    kidnap.triggers.append(Tagged("shot_dead", "shot_dead", [at("shot dead pedro")]))
    ext = Extraction(article=Article(text=text), incidents=[kidnap])
    kinds = {t.incident_type: t.roles["Victim"] for t in muc4.extraction_to_templates(ext)}
    # the hostage stays the kidnapping's even when the sentence of a killing names only him
    assert kinds["kidnapping"] == (("ana ruiz mena",), ("pedro gomez rios",))
    assert kinds["attack"] == (("pedro gomez rios",),)  # not the one told only kidnapped
    bomb = Incident(
        id="i2",
        types=[AttackType.BOMBING, AttackType.ARMED_ASSAULT],
        status=IncidentStatus.CARRIED_OUT,
        triggers=[
            Tagged("explosion", "explosion", [at("bomb")]),
            Tagged("shot_dead", "shot_dead", [at("shot dead jose")]),
        ],
        arguments=[victim("luis ortiz vega"), victim("jose pinto lara")],
    )
    ext = Extraction(article=Article(text=text), incidents=[bomb])
    kinds = {t.incident_type: t.roles["Victim"] for t in muc4.extraction_to_templates(ext)}
    assert kinds["bombing"] == (("luis ortiz vega",),)
    assert kinds["attack"] == (("jose pinto lara",),)


def test_places_of_the_armed_forces_are_no_muc4_target_but_keep_the_template() -> None:
    assert muc4.armed_forces_place("the air force headquarters")
    assert muc4.armed_forces_place("the military complex of the armed forces joint chiefs")
    assert not muc4.armed_forces_place("the residence of u.s. military advisers")
    assert not muc4.armed_forces_place("the peace brigades office")
    assert not muc4.armed_forces_place("national guard headquarters")
    ext = _kidnap_extraction()
    ext.incidents[0].types = [AttackType.FACILITY_ATTACK]
    ext.incidents[0].arguments = [
        RoleFiller(role="perp_org", text="the people's front"),
        RoleFiller(role="target", text="navy headquarters"),
    ]
    templates = muc4.extraction_to_templates(ext)
    assert len(templates) == 1 and templates[0].roles["Target"] == ()


def test_the_things_burned_are_the_arsons_targets_and_the_rest_the_bombings() -> None:
    both = extract(
        "a bomb exploded at a bank in lima on monday and the rebels set fire to a bus with "
        "gasoline. the explosion also destroyed a hotel.",
        published="1990-03-06",
    )
    templates = muc4.extraction_to_templates(both)
    kinds = {t.incident_type: t.roles["Target"] for t in templates}
    assert set(kinds) == {"bombing", "arson"}
    assert kinds["arson"] == (("bus",),)
    assert ("bank",) in kinds["bombing"] and ("hotel",) in kinds["bombing"]
    assert ("bus",) not in kinds["bombing"]


def test_the_parts_hit_stand_for_the_network() -> None:
    ext = _kidnap_extraction()
    ext.incidents[0].types = [AttackType.FACILITY_ATTACK]
    ext.incidents[0].arguments = [
        RoleFiller(role="target", text="the national power grid"),
        RoleFiller(role="target", text="two high-voltage pylons"),
    ]
    roles = muc4.incident_roles(ext, ext.incidents[0])
    assert roles["Target"] == ["two high-voltage pylons"]
    ext.incidents[0].arguments = [RoleFiller(role="target", text="the national power grid")]
    assert muc4.incident_roles(ext, ext.incidents[0])["Target"] == ["the national power grid"]


def test_attack_in_fighting_that_hits_nothing_named_gives_no_template() -> None:
    """An attack word told with fighting that names no one harmed and nothing hit is combat,
    which MUC-4 leaves out; the same with a bus hit, or without the fighting, is an attack."""
    fighting = (
        "guerrillas opened fire in san pedro on monday, and heavy fighting with the army lasted "
        "four hours."
    )
    assert muc4.extraction_to_templates(extract(fighting, published="1990-03-06")) == []
    for text in (
        "guerrillas opened fire on a bus in san pedro on monday, and heavy fighting with the army "
        "lasted four hours.",
        "guerrillas opened fire in san pedro on monday.",
    ):
        got = muc4.extraction_to_templates(extract(text, published="1990-03-06"))
        assert [t.incident_type for t in got] == ["attack"], text


def test_the_things_sabotaged_with_a_burning_are_an_attack_of_their_own() -> None:
    """ "sabotaged a pylon and set fire to a truck": an arson template (the truck) and an
    attack template (the pylon); the burning alone is one arson."""
    both = extract(
        "rebels sabotaged a power pylon near lima on monday and set fire to a truck.",
        published="1990-03-06",
    )
    templates = muc4.extraction_to_templates(both)
    kinds = {t.incident_type: t.roles["Target"] for t in templates}
    assert kinds == {"arson": (("truck",),), "attack": (("power pylon",),)}
    alone = extract("rebels set fire to a truck near lima on monday.", published="1990-03-06")
    assert [t.incident_type for t in muc4.extraction_to_templates(alone)] == ["arson"]


def test_explosions_only_heard_do_not_make_a_shooting_a_bombing() -> None:
    """ "bomb explosions and shooting were heard": no device set off at the one shot, an attack;
    a bomb thrown at his car is a bombing of its own."""
    heard = extract(
        "soldiers shot dead the reporter juan perez in san salvador on monday. bomb explosions "
        "and shooting were heard throughout the night.",
        published="1990-03-06",
    )
    assert [t.incident_type for t in muc4.extraction_to_templates(heard)] == ["attack"]
    thrown = extract(
        "soldiers shot dead the reporter juan perez in san salvador on monday. the soldiers also "
        "threw a bomb at his car.",
        published="1990-03-06",
    )
    assert "bombing" in {t.incident_type for t in muc4.extraction_to_templates(thrown)}


def test_an_instrument_told_in_the_singular_and_the_plural_is_one_weapon() -> None:
    ext = _kidnap_extraction()
    ext.incidents[0].types = [AttackType.BOMBING]
    ext.incidents[0].arguments = [
        RoleFiller(role="weapon", text="bombs"),
        RoleFiller(role="weapon", text="the bomb"),
        RoleFiller(role="weapon", text="dynamite"),
    ]
    roles = muc4.incident_roles(ext, ext.incidents[0])
    assert roles["Weapon"] == ["bombs", "dynamite"]
