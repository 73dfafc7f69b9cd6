from __future__ import annotations

from sitrep.extract.roles import split_sentences as role_sentences
from sitrep.model import Span
from sitrep.text.case import is_caseless
from sitrep.text.sentences import full_stop_cuts, split_sentences

LOWER = (
    "the army said col. perez and lt. gomez were wounded 2.5 km from the u.s. embassy. "
    'three people died in the attack! "the rebels fled." police gave no other details'
)


def texts(spans: list[Span]) -> list[str]:
    return [s.text for s in spans]


def test_lower_case_text_splits_at_full_stops():
    assert is_caseless(LOWER)
    assert texts(split_sentences(LOWER)) == [
        "the army said col. perez and lt. gomez were wounded 2.5 km from the u.s. embassy.",
        "three people died in the attack!",
        '"the rebels fled."',
        "police gave no other details",
    ]


def test_upper_case_text_splits_at_full_stops():
    upper = LOWER.upper()
    assert is_caseless(upper)
    assert texts(split_sentences(upper)) == [s.upper() for s in texts(split_sentences(LOWER))]


def test_caseless_abbreviations_and_decimals_do_not_end_a_sentence():
    text = "gen. ramirez said at 9 a.m. that 1.5 tons of explosives were found. nobody was hurt."
    assert texts(split_sentences(text)) == [
        "gen. ramirez said at 9 a.m. that 1.5 tons of explosives were found.",
        "nobody was hurt.",
    ]


def test_caseless_spans_point_into_the_text():
    text = "  the bomb went off at dawn.   two guards died.\n\nthe police sealed the area.  "
    spans = split_sentences(text)
    assert texts(spans) == [
        "the bomb went off at dawn.",
        "two guards died.",
        "the police sealed the area.",
    ]
    assert all(text[s.start : s.end] == s.text for s in spans)
    assert texts(split_sentences(text, 0, 28)) == ["the bomb went off at dawn."]


def test_cased_text_keeps_the_capital_rule():
    text = "Police said the man was arrested. the report is wrong. Lt. Khan denied it. It cost $2.5 million."
    assert not is_caseless(text)
    # a full stop before a lower-case word does not end a cased sentence
    assert texts(split_sentences(text)) == [
        "Police said the man was arrested. the report is wrong.",
        "Lt. Khan denied it.",
        "It cost $2.5 million.",
    ]


def test_caseless_can_be_forced():
    text = "Police said the man was arrested. the report is wrong."
    assert len(split_sentences(text)) == 1
    assert texts(split_sentences(text, caseless=True)) == [
        "Police said the man was arrested.",
        "the report is wrong.",
    ]


def test_role_sentences_use_the_shared_full_stop_rule():
    span = Span.of(LOWER, 0, len(LOWER))
    pieces = role_sentences(LOWER, span)
    assert [p.end for p in pieces[:-1]] == full_stop_cuts(LOWER, 0, len(LOWER))
    assert [p.text.strip() for p in pieces] == texts(split_sentences(LOWER))
