"""Lexicon files and the whole-word matcher (sitrep.text.lexicon)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.errors import LexiconError
from sitrep.model import ActorKind, AttackType, Category
from sitrep.text.lexicon import (
    LexEntry,
    Lexicon,
    default_lexicon,
    is_acronym,
    load_lexicon,
    plural_forms,
)


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return default_lexicon()


def ids(lex: Lexicon, text: str, kind: str, **kw) -> list[tuple[str, str]]:
    return [(m.span.text, m.entry.id) for m in lex.find(text, kinds=[kind], **kw)]


# ----------------------------------------------------------------------------- data files


def test_every_default_file_is_well_formed(lex):
    for kind in ("actor", "trigger", "weapon", "target", "victim"):
        entries = lex.entries(kind)
        assert entries, kind
        for e in entries:
            assert e.label and e.aliases and e.source, (kind, e.id)


def test_at_least_sixty_armed_groups(lex):
    groups = [e for e in lex.entries("actor") if e.attrs.get("actor_kind") == "armed_group"]
    assert len(groups) >= 60


def test_actor_kinds_and_trigger_types_are_model_values(lex):
    for e in lex.entries("actor"):
        ActorKind(e.attrs["actor_kind"])
    for e in lex.entries("trigger"):
        raw = e.attrs["attack_type"]
        for v in raw if isinstance(raw, list) else [raw]:
            AttackType(v)
        assert e.attrs["actor_side"] in ("militant", "state", "either")
    for e in lex.entries("victim"):
        Category(e.attrs["category"])
        assert e.attrs["subcategory"]


def test_vocabulary_ids_exist(lex):
    for aid in (
        "BLA",
        "BLF",
        "BRAS",
        "TTP",
        "ISKP",
        "IS",
        "LEJ",
        "JAA",
        "TALIBAN",
        "PK_ARMY",
        "PK_FC",
        "PK_CTD",
        "PK_LEVIES",
        "GOV_PK",
        "GOV_IN",
        "GOV_AF",
        "GOV_US",
        "SECURITY_FORCES",
        "MILITARY",
        "POLICE",
        "PICSS",
        "FMLN",
        "SHINING_PATH",
    ):
        lex.entry("actor", aid)
    for wid in (
        "suicide_vest",
        "ied",
        "vehicle_bomb",
        "grenade",
        "firearms",
        "rocket",
        "mortar",
        "landmine",
        "explosives",
        "incendiary",
        "knife",
        "drone",
        "airstrike",
        "artillery",
    ):
        lex.entry("weapon", wid)
    for tid in (
        "police",
        "military",
        "paramilitary",
        "security_post",
        "prison",
        "government",
        "civilians",
        "passengers",
        "railway",
        "religious",
        "infrastructure",
        "foreigners",
    ):
        lex.entry("target", tid)
    with pytest.raises(KeyError):
        lex.entry("actor", "NO_SUCH_GROUP")


# ----------------------------------------------------------------------------- matching


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Tehrik-i-Taliban claimed it.", "TTP"),
        ("the Tehreek-e-Taliban Pakistan said", "TTP"),
        ("the Tehreek e Taliban Pakistan said", "TTP"),
        ("the Pakistani Taliban said", "TTP"),
        ("Lashkar-i-Jhangvi gunmen", "LEJ"),
        ("LeJ gunmen", "LEJ"),
        ("the Islamic State Khorasan Province", "ISKP"),
        ("ISIS-K fighters", "ISKP"),
        ("IS-K fighters", "ISKP"),
        ("Jaish ul-Adl said", "JAA"),
        ("the Baloch Liberation Army", "BLA"),
        ("the Balochistan Liberation Army", "BLA"),
        ("Fitna al-Hindustan terrorists", "BALOCH_SEPARATISTS"),
        ("ISPR said", "PK_ARMY"),
        ("New Delhi denied", "GOV_IN"),
        ("Kabul refutes", "GOV_AF"),
    ],
)
def test_variant_spellings_map_to_one_id(lex, text, expected):
    assert expected in [i for _, i in ids(lex, text, "actor")]


def test_whole_words_only(lex):
    # "BLA" inside "BLAST", "Iran" inside "Iranian..." only as listed aliases
    assert ids(lex, "A BLAST hit", "actor") == []
    assert ids(lex, "the blasts", "trigger") == [("blasts", "explosion")]
    assert ids(lex, "blasting music", "trigger") == []


def test_acronyms_are_case_sensitive_by_default(lex):
    assert ids(lex, "this is FC territory", "actor") == [("FC", "PK_FC")]
    assert ids(lex, "the bla bla of fc", "actor") == []
    assert ("IS", "IS") in ids(lex, "IS claimed it", "actor")
    assert ids(lex, "it is what it is", "actor") == []


def test_caseless_text_option(lex):
    got = ids(
        lex,
        "the bla and the ttp attacked a fc post; it is over",
        "actor",
        case_sensitive_acronyms=False,
    )
    assert ("bla", "BLA") in got and ("ttp", "TTP") in got and ("fc", "PK_FC") in got
    # acronyms that spell an English word never match caselessly
    assert all(i not in ("IS", "GOV_US") for _, i in got)
    assert ids(lex, "tell us what it is", "actor", case_sensitive_acronyms=False) == []


def test_longest_match_wins_and_no_overlaps(lex):
    ms = lex.find("The Pakistan Army and Pakistan Railways", kinds=["actor"])
    assert [(m.span.text, m.entry.id) for m in ms] == [
        ("Pakistan Army", "PK_ARMY"),
        ("Pakistan Railways", "PK_RAILWAYS"),
    ]
    ms = lex.find("a suicide bombing and a grenade attack in Quetta")
    for a, b in zip(ms, ms[1:], strict=False):
        assert a.span.end <= b.span.start


def test_spans_point_into_the_text(lex):
    text = "On Monday, Pakistan’s interior minister said the TTP’s fighters attacked."
    for m in lex.find(text):
        assert text[m.span.start : m.span.end] == m.span.text
    assert ("Pakistan’s interior ministry", "GOV_PK") not in ids(lex, text, "actor")
    assert ("TTP", "TTP") in ids(lex, text, "actor")


def test_curly_apostrophe_equals_straight(lex):
    a = ids(lex, "Kurdistan Workers’ Party", "actor")
    b = ids(lex, "Kurdistan Workers' Party", "actor")
    assert [i for _, i in a] == [i for _, i in b] == ["PKK"]


def test_start_end_window(lex):
    text = "BLA said. TTP said."
    assert [m.entry.id for m in lex.find(text, 10, None, kinds=["actor"])] == ["TTP"]
    assert [m.entry.id for m in lex.find(text, 0, 9, kinds=["actor"])] == ["BLA"]


def test_trigger_inflections_and_attributes(lex):
    got = lex.find("two suicide attacks and a gun attack; gunmen opened fire", kinds=["trigger"])
    assert [m.entry.id for m in got] == ["suicide_bombing", "gun_attack", "open_fire"]
    assert got[0].entry.attrs["suicide"] is True
    assert lex.entry("trigger", "prison_break").attrs["attack_type"] == [
        "facility/infrastructure attack",
        "armed assault",
    ]


def test_victims_singular_and_category(lex):
    (m,) = lex.find("the suicide bomber", kinds=["victim"])
    assert m.entry.attrs["singular"] and m.entry.attrs["category"] == "militants"
    (m,) = lex.find("two police officers", kinds=["victim"])
    assert m.entry.attrs["subcategory"] == "police" and not m.entry.attrs.get("singular")
    (m,) = lex.find("13 khawarij", kinds=["victim"])
    assert m.entry.attrs["category"] == "militants"


def test_plural_rules():
    assert plural_forms("attack") == ["attacks"]
    assert plural_forms("police post") == ["police posts"]
    assert plural_forms("bus") == ["buses"]
    assert plural_forms("facility") == ["facilities"]
    assert plural_forms("highway") == ["highways"]
    assert is_acronym("BLA") and is_acronym("IS-K") and is_acronym("M23")
    assert not is_acronym("LeJ") and not is_acronym("ISLAMIC") and not is_acronym("Kabul")


# ----------------------------------------------------------------------------- loading


def test_user_file_adds_and_overrides(tmp_path: Path):
    p = tmp_path / "mine.toml"
    p.write_text(
        '[meta]\nkind = "actor"\nversion = "1"\ndescription = "x"\n'
        '[[entry]]\nid = "BLA"\nlabel = "BLA (mine)"\naliases = ["Sarmachars"]\nsource = "me"\n'
        'actor_kind = "armed_group"\n'
        '[[entry]]\nid = "NEWGRP"\nlabel = "New Group"\naliases = ["New Group Front"]\nsource = "me"\n'
        'actor_kind = "armed_group"\n',
        encoding="utf-8",
    )
    lex = load_lexicon(p)
    assert lex.entry("actor", "BLA").label == "BLA (mine)"
    assert [
        m.entry.id for m in lex.find("the Sarmachars and New Group Front", kinds=["actor"])
    ] == [
        "BLA",
        "NEWGRP",
    ]
    # the override replaced the entry: the old aliases are gone
    assert lex.find("the Baloch Liberation Army", kinds=["actor"]) == [] or all(
        m.entry.id != "BLA" for m in lex.find("the Baloch Liberation Army", kinds=["actor"])
    )
    only = load_lexicon(p, include_default=False)
    assert len(only) == 2 and only.entries("trigger") == []


@pytest.mark.parametrize(
    "content",
    [
        "not toml at all [[[",
        '[[entry]]\nid = "X"\naliases = ["x"]\n',  # no meta
        '[meta]\nkind = "actor"\n[[entry]]\nlabel = "no id"\naliases = ["x"]\n',
        '[meta]\nkind = "actor"\n[[entry]]\nid = "X"\naliases = "x"\n',
        '[meta]\nkind = "actor"\n[[entry]]\nid = "X"\naliases = []\n',
        '[meta]\nkind = "actor"\n[[entry]]\nid = "X"\naliases = ["x"]\n[[entry]]\nid = "X"\naliases = ["y"]\n',
    ],
)
def test_malformed_files_raise(tmp_path: Path, content: str):
    p = tmp_path / "bad.toml"
    p.write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError):
        load_lexicon(p, include_default=False)


def test_missing_file_raises(tmp_path: Path):
    with pytest.raises(LexiconError):
        load_lexicon(tmp_path / "absent.toml")


def test_default_lexicon_is_cached():
    assert default_lexicon() is default_lexicon()


def test_entry_is_frozen(lex):
    e: LexEntry = lex.entry("actor", "BLA")
    with pytest.raises(AttributeError):
        e.id = "X"  # type: ignore[misc]
    with pytest.raises(TypeError):
        e.attrs["country"] = "XX"  # type: ignore[index]
