"""Person names in text with and without capitals (sitrep.extract.names and the victim rules)."""

from sitrep.extract import names
from sitrep.extract.roles import find_role_fillers
from sitrep.model import Span


def _victims(text: str) -> list[str]:
    got = find_role_fillers(text, [Span.of(text, 0, len(text))])
    return [r.text for r in got if r.role == "victim" and r.named]


def test_caseless_name_word() -> None:
    assert names.caseless_name_word("ortega")
    assert names.caseless_name_word("maria")  # a given name that is also a word
    assert not names.caseless_name_word("decision")
    assert not names.caseless_name_word("colombian")
    assert not names.caseless_name_word("de")
    assert not names.caseless_name_word("monday")


def test_fullest_keeps_one_mention_per_person() -> None:
    got = names.fullest(["ortega", "pedro ortega ruiz", "ana lima", "pedro ortega ruiz"])
    assert got == ["pedro ortega ruiz", "ana lima"]
    assert names.same_person("pedro ortega ruiz", "ortega ruiz")
    assert not names.same_person("pedro ortega ruiz", "ruiz ortega")


def test_name_with_particles_after_harm_word() -> None:
    text = "rebels kidnapped tomas de la vega ruiz, the mayor of the town."
    assert _victims(text) == ["tomas de la vega ruiz"]


def test_name_stops_at_common_words_in_caseless_text() -> None:
    text = "the murder of arturo quintana shocked the capital."
    assert _victims(text) == ["arturo quintana"]
    text = "gunmen shot senator ernesto baltazar's driver."
    assert _victims(text) == ["ernesto baltazar"]


def test_name_before_passive_harm_with_apposition() -> None:
    low = "ramon ibarra soto, 52, a former judge, was shot dead by gunmen."
    assert _victims(low) == ["ramon ibarra soto"]
    cased = "Ramon Ibarra Soto, 52, a former judge, was shot dead by gunmen."
    assert _victims(cased) == ["Ramon Ibarra Soto"]


def test_coordinated_names_after_plural_title() -> None:
    text = "troops fired at photographers anselmo prieto and dalia fuentes near the market."
    assert _victims(text) == ["anselmo prieto", "dalia fuentes"]
    text = "in the attack anselmo prieto, oriol berrocal, and dalia fuentes were killed."
    assert _victims(text) == ["anselmo prieto", "oriol berrocal", "dalia fuentes"]


def test_identified_as() -> None:
    text = "the two bodies found on the road were identified as nestor aliaga and rufina chu."
    assert _victims(text) == ["nestor aliaga", "rufina chu"]


def test_no_name_from_plain_words() -> None:
    text = "the soldiers killed in the attack were buried today."
    assert _victims(text) == []
