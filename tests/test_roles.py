"""Role fillers (sitrep.extract.roles) on short texts written for these tests."""

from __future__ import annotations

from sitrep.extract.roles import find_role_fillers, split_sentences
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
