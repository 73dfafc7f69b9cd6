"""Person names in text with and without capitals (sitrep.extract.names and the victim rules)."""

from sitrep.extract import names
from sitrep.extract.roles import fill_roles, find_role_fillers, split_sentences
from sitrep.model import Incident, IncidentStatus, Span


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


def test_named_person_in_a_harm_sentence_must_be_linked_to_the_harm() -> None:
    for text in (
        "President Tomas Ruiz visited the families after the murder of three peasants.",
        "the government of president tomas ruiz will pay for the funerals of the dead.",
    ):
        assert _victims(text) == []
    assert _victims("guerrillas killed Mayor Tomas Ruiz near the town.") == ["Tomas Ruiz"]
    assert _victims("the attack wounded four people, including mayor ana lima.") == ["ana lima"]


def test_victim_links_after_the_name() -> None:
    assert _victims("Mayor Pedro Salas was seriously wounded in the blast.") == ["Pedro Salas"]
    assert _victims("senator ana lima, who was kidnapped on monday, was freed today.") == [
        "ana lima"
    ]
    assert _victims("judge pedro salas, 52, a former mayor, was shot dead.") == ["pedro salas"]
    assert _victims("Senator Ana Lima, kidnapped in May, was freed.") == ["Ana Lima"]
    assert _victims("the mayor said tomas ruiz's murder was a crime.") == ["tomas ruiz"]


def test_lists_of_names_with_titles_and_asides() -> None:
    text = (
        "gunmen killed two reporters: pedro gomez, a radio announcer, and jan kees, a photographer."
    )
    assert _victims(text) == ["pedro gomez", "jan kees"]
    text = "Engineers Pedro Gomez and Jan Kees, who work for a mining firm, were kidnapped."
    assert _victims(text) == ["Pedro Gomez", "Jan Kees"]
    text = "comrades tomas forero, ana lima, and jan kees were murdered last week."
    assert _victims(text) == ["tomas forero", "ana lima", "jan kees"]


def test_place_before_a_victim_is_not_a_name() -> None:
    text = "the bodyguard of the editor in tegucigalpa, pedro luis osorio, was killed."
    assert _victims(text) == ["pedro luis osorio"]


def test_one_incident_per_named_victim() -> None:
    text = (
        "Gunmen shot dead Judge Pedro Salas Ruiz in the capital today. "
        "Police found two bodies in a river near the border on Sunday. "
        "The weather was fine in the capital. "
        "The murder of Judge Salas was condemned by the bar."
    )
    sentences = split_sentences(text, Span.of(text, 0, len(text)))
    first = Incident(id="i1", types=[], status=IncidentStatus.CARRIED_OUT, spans=[sentences[0]])
    second = Incident(
        id="i2", types=[], status=IncidentStatus.CARRIED_OUT, spans=[sentences[1], sentences[3]]
    )
    fill_roles(text, [first, second])
    named = [
        [a.text for a in inc.arguments if a.role == "victim" and a.named] for inc in (first, second)
    ]
    assert named == [["Pedro Salas Ruiz"], []]


def test_harmed_people_before_a_copula() -> None:
    assert _victims("among the injured are juan perez, 53; mario lopez, 24; and carla ruiz.") == [
        "juan perez",
        "mario lopez",
        "carla ruiz",
    ]
    assert _victims("Among the wounded were Juan Perez and Carla Ruiz.") == [
        "Juan Perez",
        "Carla Ruiz",
    ]
    assert _victims("the injured were 19-year-old pedro gomez and 30-year-old ramon arce.") == [
        "pedro gomez",
        "ramon arce",
    ]
    assert _victims("one of the wounded is cameraman tomas rubio.") == ["tomas rubio"]
    # the killer, a spokesman, a place: not victims
    assert _victims("the man who killed the mayor was pedro ortega.") == []
    assert _victims("the spokesman of the victims was pedro ortega.") == []
    assert _victims("the injured persons were taken to rosales hospital.") == []


def test_more_harm_links() -> None:
    assert _victims("labor leader ana velasco and seven (number unclear) others were killed.") == [
        "ana velasco"
    ]
    assert _victims("maria ruiz, a u.s. nun, was seriously wounded today.") == ["maria ruiz"]
    assert _victims("Pedro Lopez, a leader of the party (PDC), was shot dead.") == ["Pedro Lopez"]
    assert _victims("the killing of 42-year-old josef pilcher was condemned.") == ["josef pilcher"]
    assert _victims("he condemned the murder of senator and party leader luis galvan.") == [
        "luis galvan"
    ]
    assert _victims("they killed two reporters, roberto nava and mauricio pinto, last night.") == [
        "roberto nava",
        "mauricio pinto",
    ]
    assert _victims(
        "the massacre of the monks, along with mrs julia ramos and her daughter celina ramos, "
        "was carried out by soldiers."
    ) == ["julia ramos", "celina ramos"]


def test_harm_objects_after_of_and_dotted_titles() -> None:
    assert _victims("there was an attempt on the life of carlos vega garcia.") == [
        "carlos vega garcia"
    ]
    assert _victims("police said the kidnappers of abilio dantas want money.") == ["abilio dantas"]
    assert _victims("the murder of dr. francisco jose guerra was condemned.") == [
        "francisco jose guerra"
    ]
    assert _victims("The murder of Dr. Francisco Guerra was condemned.") == ["Francisco Guerra"]
    # the son is harmed, not his father
    assert _victims("the kidnapping of dr. pedro montano's son shocked the city.") == []


def _place_words(text: str) -> list[str]:
    from sitrep.extract.mentions import build_doc
    from sitrep.text.lexicon import default_lexicon

    doc = build_doc(text, published=None, lexicon=default_lexicon(), geocode=False)
    return [p.name for p in doc.places]


def test_place_in_person_name_rule() -> None:
    low = "judge carlos valencia garcia was shot in valencia."
    first = low.index("valencia")
    last = low.rindex("valencia")
    assert names.place_in_person_name(low, first, first + 8, other_places=[])
    assert not names.place_in_person_name(low, last, last + 8, other_places=[])
    low = "president leon febres cordero spoke."
    assert names.place_in_person_name(low, 10, 14, other_places=[])
    low = "in leon febres was seen."  # a locative before: the place, whatever follows
    assert not names.place_in_person_name(low, 3, 7, other_places=[])
    low = "medellin bogota"  # a word of another place is not a name word
    assert not names.place_in_person_name(low, 9, 15, other_places=[Span.of(low, 0, 8)])


def test_caseless_place_words_inside_names_are_not_places() -> None:
    got = _place_words(
        "judge carlos valencia garcia was shot near downtown bogota. general osvaldo diaz "
        "salvador said two men on motorcycles fired at him in colombia."
    )
    assert "valencia" not in got and "salvador" not in got
    assert "bogota" in got and "colombia" in got
    # with capitals the rule is not needed: the cased finder reads "Carlos Valencia" as a name
    got = _place_words("Gunmen shot a judge in Valencia, Venezuela, on Monday.")
    assert "Valencia" in got


def test_plural_harm_nouns_before_of() -> None:
    assert _victims(
        "the senate condemned the murders of tomas riera velez and judge ana solis."
    ) == [
        "tomas riera velez",
        "ana solis",
    ]
    assert _victims("the kidnappings of pedro almeida ruiz upset the region.") == [
        "pedro almeida ruiz"
    ]
    # plural nouns are read only before "of"
    assert _victims("the killings were blamed on pedro almeida ruiz.") == []


def test_long_list_of_titled_names() -> None:
    # names far from the harm word are reached through the list; a graded title continues it
    assert _victims(
        "these guards died in the raid: major tomas riera velez, captain luis mora diaz, "
        "sergeant ana solis ruiz, first sergeant pedro almeida ruiz, corporal jose vara lino, "
        "and guard mario tello paz."
    ) == [
        "tomas riera velez",
        "luis mora diaz",
        "ana solis ruiz",
        "pedro almeida ruiz",
        "jose vara lino",
        "mario tello paz",
    ]


def test_name_that_says_who_a_harmed_person_is() -> None:
    assert _victims("the blast injured a guard named barrios, who was taken to hospital.") == [
        "barrios"
    ]
    assert _victims("the gunmen wounded two teachers identified only as lucia and marta.") == [
        "lucia",
        "marta",
    ]
    # the described person must be one read as harmed
    assert _victims("the mayor named barrios as his deputy after the attack.") == []


def test_people_released_from_captivity() -> None:
    assert _victims("tomas riera velez was released unharmed by his captors on sunday.") == [
        "tomas riera velez"
    ]
    assert _victims(
        "technicians pedro almeida, luis mora, and ana vidal were released today by the eln."
    ) == ["pedro almeida", "luis mora", "ana vidal"]
    assert _victims("soldiers rescued rancher pedro almeida ruiz and killed two kidnappers.") == [
        "pedro almeida ruiz"
    ]
    # a release with no captivity told is not a kidnapping
    assert _victims("the court released businessman pedro almeida ruiz on bail.") == []


def test_name_in_apposition_to_a_harmed_person() -> None:
    assert _victims("the second victim, tomas riera velez, is in a city hospital.") == [
        "tomas riera velez"
    ]
    assert _victims("the dead guard, pedro almeida ruiz, was buried on friday.") == [
        "pedro almeida ruiz"
    ]
    # the phrase must itself tell the harm
    assert _victims("the town's priest, pedro almeida ruiz, was at mass during the attack.") == []
