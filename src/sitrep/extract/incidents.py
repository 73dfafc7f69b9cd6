"""Stage 3: incidents, one per place per day with its own action (the ACLED unit).

An *event mention* is an attack word (lexicon kind ``trigger``) in a sentence that reports a
specific act.  Attack words in generic or habitual statements ("have historically targeted",
"has been implicated in numerous attacks"), in references back to acts already reported ("these
assaults", "the attacks") or in descriptions of a whole wave ("a series of coordinated attacks")
do not make incidents of their own: the first are dropped, the others mark a coordinated group.

Each specific event mention is paired with the place its clause names (the nearest place after
the attack word in the same clause, else before it, else in the sentence), takes the date of its
sentence or the article's event date, its status from cues ("attempted", "thwarted"), and its
weapons, targets and agents from the same clause.  Mentions at the same place on the same date
become one incident.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field

from sitrep.extract.mentions import Doc
from sitrep.extract.names import caseless_name_word
from sitrep.extract.speakers import REPORTING_VERBS
from sitrep.model import (
    AttackType,
    EventDate,
    IncidentStatus,
    Place,
    PlaceKind,
    Span,
    Tagged,
)
from sitrep.text.dates import DateMention, resolve_date
from sitrep.text.lexicon import LexEntry, LexMatch

# structural patterns of generic statements (the words are lexicon context cues)
_PLACE_RIGHT_AFTER = re.compile(
    r"\s+(?:\w+\s+){0,3}?(?:in|at|on|near|outside|inside)\s+(?:the\s+)?(?:\w+\s+){0,2}?\w", re.I
)
# "who have kidnapped ... before" (a habit); not a passive "who has been kidnapped" (a state)
_HABIT_BEFORE = re.compile(r"\b(?:who|which)\s+(?:have|has)\s(?!been\s)[^,.;]{0,80}$", re.I)
# an attack word governed by a modal ("could attack", "would not bomb"), by a bare infinitive
# after a word of plan, order or purpose ("urged the people to murder", "money to murder"; not
# after a word of attempt or means: "tried to attack", "used aircraft to bomb", "due to sabotage"),
# or negated ("we are not bombing", "never attacked", "without firing"): no act is reported
_MODAL_BEFORE = re.compile(
    r"\b(?:will|would|could|might|may|must|should|shall|can|cannot|can't|won't)\s+"
    r"(?:(?:not|be|have|been|also|again|even|try\s+to|continue\s+to|want\s+to|[a-z]+ly)\s+){0,3}$",
    re.I,
)
# "to", maybe an adverb, right before the attack word
_TO_BEFORE = r"to\s+(?:(?:not|also|again|even|[a-z]+ly)\s+)?$"
_INFINITIVE_BEFORE = re.compile(r"\b[a-z]+\s+" + _TO_BEFORE, re.I)
# an infinitive after these (up to four words before it) reports an act tried or done
_INFINITIVE_ACT = re.compile(
    r"\b(?:tr(?:y|ied|ies|ying)|attempt(?:s|ed|ing)?|managed|fail(?:s|ed|ing)?|us(?:e|ed|es|ing)|began|"
    r"begun|start(?:ed|s)?|due|according|prior|next|addition|owing|lead(?:ing)?|led|went|came|(?<!in )order|"
    r"continue[sd]?|continuing)\s+(?:[\w'-]+\s+){0,4}?" + _TO_BEFORE,
    re.I,
)
_NEGATED_BEFORE = re.compile(
    r"\b(?:not|never|no|n't|nor|neither|without)\s+(?:(?!only\b)[\w']+\s+){0,2}$", re.I
)
_GENERIC_PATTERN = re.compile(r"\bsince\s+(?:1[89]|20)\d\d\b", re.I)
WAVE_WORDS = re.compile(
    r"\b(?:coordinated|simultaneous(?:ly)?|series\s+of|wave\s+of|string\s+of|multiple\s+attacks|"
    r"several\s+attacks|across\s+the\s+(?:province|region|country|state)|"
    r"(?:various|several|multiple|different)\s+(?:districts|areas|towns|cities|parts))\b",
    re.I,
)
# how far into the article a description of a coordinated wave is looked for
WAVE_SENTENCES = 10
_WAVE_BEFORE = re.compile(
    r"(?:series\s+of|wave\s+of|string\s+of|spate\s+of|coordinated|simultaneous|multiple|several|"
    r"additional|a\s+number\s+of|serial|twin|separate)\s+(?:[\w-]+\s+){0,3}$",
    re.I,
)
# victims counted in hundreds or thousands as the subject of a passive harm word ("hundreds of
# peasants who have been murdered, kidnapped and tortured", "thousands of colombians were
# killed"): a toll over a period, not one act (ACLED codebook 2023: only specific events are
# coded); "hundreds of gunmen stormed the town" is an act
_TOLL_BEFORE = re.compile(
    r"\b(?:hundreds|thousands)\s+of\s+(?:[\w-]+\s+){1,3}?(?:who\s+|that\s+)?"
    r"(?:(?:have|has|had)\s+)?(?:been|were)\s+(?:[\w-]+,?\s+(?:and\s+)?){0,3}$",
    re.I,
)
# a count of ten or more (or dozens, scores, hundreds, thousands) right before a plural attack
# noun, at most one word between ("386 clashes", "hundreds of dynamite attacks"): a tally of acts
# over a period, not one act (UCDP GED and ACLED code events, not totals)
_TALLY_BEFORE = re.compile(
    r"(?:\b(\d[\d,.]*)|\b(?:dozens|scores|hundreds|thousands)\s+of)\s+(?:[^\W\d]+\s+)?$", re.I
)


def _tally_before(before: str) -> bool:
    m = _TALLY_BEFORE.search(before)
    if m is None:
        return False
    if m.group(1) is None:
        return True
    digits = m.group(1).replace(",", "").rstrip(".")
    return digits.isdigit() and int(digits) >= 10


# victims counted in hundreds or more (a figure of three digits or more, not part of a name as in
# "c-123") as the subject of a perfect harm word ("nearly 1,000 of its members have been murdered",
# "1,980 people, most of them youths, have been kidnapped", "release the 1,000 people they have
# kidnapped"): a toll over a period, not one act
_TOLL_COUNT_BEFORE = re.compile(
    r"(?<![\w,.-])(?:\d{1,3}(?:,\d{3})+|[1-9]\d{2,})\s+(?:of\s+)?(?:[\w-]+,?\s+){1,6}?"
    r"(?:who\s+|that\s+|they\s+)?(?:have|has|had)\s+(?:been\s+)?(?:[\w-]+,?\s+(?:and\s+)?){0,3}$",
    re.I,
)
# shots fired into the air (in celebration, as a warning) attack no one (not "the plane exploded
# in the air"): the attack words of shooting (triggers.toml)
_SHOT_TRIGGERS = frozenset({"open_fire", "shot_dead"})
_INTO_THE_AIR = re.compile(
    r"\s+(?:(?:them|it|their\s+\w+|\w+\s+(?:shots|rounds|bullets))\s+)?(?:into|in)\s+the\s+air\b",
    re.I,
)
# "arrested in connection with recent attacks", "wanted for previous bombings": acts named as the
# reason for an arrest or a charge, not acts reported
_EARLIER_ACTS_BEFORE = re.compile(
    r"\b(?:in\s+connection\s+with|linked\s+to|wanted\s+for|charged\s+(?:with|over)|"
    r"suspected\s+of|involvement\s+in|responsible\s+for)\s+(?:the\s+)?"
    r"(?:recent|previous|earlier|past|prior|several|numerous|many|a\s+series\s+of)\s+"
    r"(?:[\w-]+\s+){0,1}$",
    re.I,
)
_ANAPHOR_BEFORE = re.compile(
    r"\b(?:these|those|the|such|this|that|its|their|of\s+these|most\s+of\s+the|most\s+of\s+these)\s+(?:[\w-]+\s+){0,1}$",
    re.I,
)
# a past verb: "-ed", or the first word of an attack word is the irregular past of a verb whose
# subject is the attacker ("the rebels blew up a store", "the terrorists set two schools on
# fire"); not "the device went off" (the device is the act already told)
_VERB_FORM = re.compile(r"ed$|^(?:blew|threw|set|shot|burnt|overran|slew)\b", re.I)
# a bare plural attack noun that is one item of an enumeration names a kind of act, not an act
# reported ("arrests, murders, and disappearances", "bombings and lies"): no determiner, number
# or quantifier before it, a list separator right before or after it, no object after it
_COUNTED_BEFORE = re.compile(
    r"\b(?:the|these|those|such|this|that|its|their|his|her|our|both|several|various|many|"
    r"multiple|two|three|four|five|six|seven|eight|nine|ten|dozens|scores|\d+|series\s+of|"
    r"wave\s+of|string\s+of|spate\s+of)\s+(?:[\w-]+\s+){0,2}$",
    re.I,
)
_WOUNDS = re.compile(r"\bwounds$", re.I)  # "bullet wounds", "gunshot wounds": marks, not kinds
#: singular attack nouns that name a kind of crime when listed bare ("torture, murder, rape")
_CRIME_NOUNS = frozenset({"murder", "assassination", "kidnapping", "massacre", "sabotage"})
_LIST_BEFORE = re.compile(r"(?:,|\band|\bor)\s*$", re.I)
_LIST_OR_END_AFTER = re.compile(r"\s*(?:,|and\b|or\b|\.|;|\)|$)", re.I)


def _listed_crime_noun(text: str, sent: Span, t: LexMatch) -> bool:
    """A singular crime noun (``_CRIME_NOUNS``) between list separators ("torture, murder, rape,
    and disappearances"); not a verb with its object ("intimidate and murder voters") nor a
    possessed noun before a comma ("galan's murder, ...")."""
    if t.span.text.lower() not in _CRIME_NOUNS:
        return False
    head = text[max(sent.start, t.span.start - 6) : t.span.start]
    return bool(_LIST_BEFORE.search(head)) and bool(
        _LIST_OR_END_AFTER.match(text, t.span.end, sent.end)
    )


_OBJECT_AFTER_LISTED = re.compile(r"\s+(?:on|against|targeting|upon)\s", re.I)
_LIST_AFTER = re.compile(r"\s*(?:,|and\b|or\b)", re.I)
_DETERMINER_BEFORE = re.compile(r"\b(?:these|those|the|such|this|that|its|their)\s+$", re.I)
_EARLIER = re.compile(r"\b(?:recent|earlier|previous|prior|last\s+(?:week|month)|followed)\b", re.I)
_SEGMENT_BREAK = re.compile(
    r"[;,]\s*(?:and\s+|while\s+|but\s+)?|\s+(?:and|while|but)\s+(?=(?:an?|the)\s)"
)
_AGENT_BEFORE = re.compile(r"\b(?:by|of)\s+(?:the\s+)?$", re.I)
_SUSPECT = re.compile(
    r"\b(?:suspected|believed\s+to\s+(?:be|have)|thought\s+to|likely|blamed\s+on|linked\s+to)\b",
    re.I,
)

SMALL_PLACE_KINDS = (PlaceKind.TOWN, PlaceKind.DISTRICT, PlaceKind.AREA, PlaceKind.UNKNOWN)

_TYPE_ORDER = [
    AttackType.BOMBING,
    AttackType.ARMED_ASSAULT,
    AttackType.ASSASSINATION,
    AttackType.KIDNAPPING,
    AttackType.FACILITY_ATTACK,
    AttackType.HIJACKING,
    AttackType.UNARMED_ASSAULT,
    AttackType.ARMED_CLASH,
    AttackType.SECURITY_OPERATION,
    AttackType.UNKNOWN,
]


@dataclass(slots=True)
class EventMention:
    """One specific attack word with what its clause says about it."""

    trigger: LexMatch
    sentence: int
    segment: Span
    attack_types: list[AttackType]
    status: IncidentStatus = IncidentStatus.CARRIED_OUT
    status_spans: list[Span] = field(default_factory=list)
    place: Place | None = None
    place_span: Span | None = None
    date: EventDate | None = None
    earlier: bool = False  # "recent raids", "earlier": before the article's event date
    suicide: bool = False
    weapons: list[LexMatch] = field(default_factory=list)
    targets: list[LexMatch] = field(default_factory=list)
    agents: list[tuple[LexMatch, bool]] = field(default_factory=list)  # (actor, suspected?)
    attributed: bool = False  # the sentence is someone's statement ("the military said")
    accused: bool = False  # the sentence accuses someone of the act ("..., accusing the army")
    state_agent: LexMatch | None = (
        None  # the state force acting ("troops raided", "raids by police")
    )
    specific_state: LexMatch | None = None  # a named force for a generic one ("ISPR" for "troops")
    insurgent_subject: bool = False  # "militants attacked", "gunmen opened fire": an insurgent act
    own_date: bool = False  # the date was read from its own sentence (not the article's)
    act: int = 0  # which of the distinct acts told at one place and date (0: the first)
    another: bool = False  # told as another act ("a second bomb", "another explosion")


@dataclass(slots=True)
class Reading:
    """What stage 3 read: specific event mentions and the evidence of a coordinated wave."""

    events: list[EventMention]
    wave_spans: list[Span]
    reference_spans: list[Span]
    event_date: EventDate | None
    suspicions: list[tuple[int, LexMatch]] = field(default_factory=list)  # (sentence, group)


def _attack_types(m: LexMatch) -> list[AttackType]:
    return trigger_types(m.entry)


def trigger_types(entry: LexEntry) -> list[AttackType]:
    """The attack types a trigger entry gives (``attack_type``, one value or a list)."""
    raw = entry.attrs.get("attack_type") or entry.attrs.get("attack_types") or "unknown"
    values = raw if isinstance(raw, list) else [raw]
    out = []
    for v in values:
        try:
            out.append(AttackType(v))
        except ValueError:
            out.append(AttackType.UNKNOWN)
    return out


_NOUN_OF = re.compile(r"\s+of\s", re.I)
_NOUN_BEFORE = re.compile(
    r"(?:\b(?:the|a|an|this|that|these|those|his|her|their|its|our|such)|'s)\s+"
    r"(?:(?!(?:is|are|was|were|be|been|has|have|had)\s)[\w-]+\s+)?$"
    r"|\b(?:of|for)\s+$",
    re.I,
)


def _noun_use(text: str, t: LexMatch, before: str) -> bool:
    """A trigger marked ``noun_only`` ("killing") used as a noun: followed by "of" ("killing of
    the judge"), after a determiner or a possessive ("the killing", "his killing", "the brutal
    killing") or a gerund after "of" or "for" ("accused of killing the judge"); not a participle
    ("..., killing two") or a verb ("are killing civilians", "a country that is killing")."""
    return bool(_NOUN_OF.match(text, t.span.end) or _NOUN_BEFORE.search(before))


_NAME_WORD = r"[^\W\d_][\w'-]*"
# "x y, 42, was killed", "x y, who was killed", "x y has been killed"
_NAMED_BEFORE_PASSIVE = re.compile(
    rf"({_NAME_WORD})\s+({_NAME_WORD})(?:\s*,\s*(?:\d+\s*,\s*|who\s+)?|\s+)"
    r"(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:[a-z]+ly\s+)?$",
    re.I,
)
_NAMED_AFTER = re.compile(rf"\s+({_NAME_WORD})\s+({_NAME_WORD})")


# "killed attorney general x y", "killed the presidency minister x y": a title before the name
_TITLED_AFTER = [
    re.compile(rf"\s+(?:the\s+)?((?:[\w-]+\s+){{{n}}})({_NAME_WORD})\s+({_NAME_WORD})", re.I)
    for n in (1, 2, 3)
]


@functools.lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    """The last words of the titles written before a person's name (``roles_titles.toml``:
    "minister", "general", "senator")."""
    from sitrep.extract.role_reader import role_lexicon

    return frozenset(
        a.lower().split()[-1]
        for e in role_lexicon().lexicon.entries("role_title")
        for a in e.aliases
    )


def _titled_objects(doc: Doc, sent: Span, t: LexMatch) -> list[re.Match[str]]:
    """The readings of the verb's object as a title and a name ("killed attorney general x
    y"): one to three words ending in a title word, then two words (to be tested as names)."""
    out = []
    for pattern in _TITLED_AFTER:
        m = pattern.match(doc.text, t.span.end, sent.end)
        if m is not None and m.group(1).split()[-1].lower() in _title_words():
            out.append(m)
    return out


def _named_victim(doc: Doc, sent: Span, t: LexMatch) -> bool:
    """A person's name (two name words) is the one the verb harms: the subject of its passive
    ("x y, 42, was killed", "x y, who was killed") or its object ("killed x y", "killed
    attorney general x y") (lexicon ``needs_named_victim`` triggers)."""
    text = doc.text

    def named(found: re.Match[str] | None) -> bool:
        return found is not None and all(
            caseless_name_word(w.lower()) and (doc.caseless or w[:1].isupper())
            for w in found.group(found.re.groups - 1, found.re.groups)
        )

    before = text[max(sent.start, t.span.start - 80) : t.span.start]
    return (
        named(_NAMED_BEFORE_PASSIVE.search(before))
        or named(_NAMED_AFTER.match(text, t.span.end, sent.end))
        or any(named(m) for m in _titled_objects(doc, sent, t))
    )


_PASSIVE_OR_PERFECT = re.compile(r"\b(?:was|were|is|are|be|been|being|has|have|had)\b", re.I)
#: what follows a participle with no object ("killed on duty", "killed by", "killed.")
_NO_OBJECT_AFTER = re.compile(
    r"\s*(?:[.,;:)!?]|$)|\s+(?:by|in|on|at(?!\s+(?:least|most)\b)|during|near|with|while|when|"
    r"after|last|yesterday|today|since|for|inside|outside)\b",
    re.I,
)
_SUBJECT_GAP = 30  # characters between the attackers and their verb ("gunmen on motorbikes killed")


def _killed_by_attackers(doc: Doc, seg: Span, t: LexMatch, *, state: bool = False) -> bool:
    """The active verb's subject, the nearest actor or people word before it in its clause, is
    attackers or an armed group ("gunmen killed two union leaders"), or with ``state`` a state
    force ("troops killed eight militants": the state's own operation).  Not a passive
    ("militants were killed": a casualty) nor a perfect ("insurgents have killed hundreds": a
    tally)."""
    last = _nearest_actor_before(doc, seg, t)
    if last is None:
        return False
    gap = doc.text[last.span.end : t.span.start]
    if len(gap) > _SUBJECT_GAP or _PASSIVE_OR_PERFECT.search(gap):
        return False
    if _NO_OBJECT_AFTER.match(doc.text, t.span.end):
        return False  # "personnel killed on duty", "the men killed in the raid": a participle
    if state:
        return True  # the nearest actor is the state force (``_state_killer``)
    if last.entry.kind == "actor":
        return last.entry.attrs.get("actor_kind") == "armed_group"
    return last.entry.attrs.get("category") in _ATTACKER_CATEGORIES


#: weapons that are a device set somewhere (a bomb, a charge, a mine, a firebomb)
_DEVICES = frozenset(
    {"suicide_vest", "ied", "vehicle_bomb", "grenade", "landmine", "explosives", "incendiary"}
)
_PASSIVE_AUX = re.compile(
    r"(?:\s+[a-z]+)?"  # the head noun the device word modifies: "a dynamite charge was placed"
    r"(?:\s*,?\s*(?:which|that)\s+|\s+)(?:was|were|is|are|had\s+been|has\s+been|have\s+been|been)"
    r"\s+(?:(?:also|again|[a-z]+ly)\s+)?$",
    re.I,
)


def _places_device(doc: Doc, sent: Span, t: LexMatch) -> bool:
    """A verb of setting ("placed") whose object is a device ("placed a bomb", "placed two
    charges of dynamite") or whose passive subject is one ("the bomb, which had been placed")
    (lexicon ``needs_device`` triggers)."""
    return _set_device(doc, sent, t) is not None


def _set_device(doc: Doc, sent: Span, t: LexMatch) -> Span | None:
    """The device a ``needs_device`` verb sets, throws or sets off (see ``_places_device``)."""
    # not a device word inside a word that names no act ("the bomb squad was placed on alert")
    units = [
        u.span
        for u in doc.terms_in(sent.start, sent.end, "trigger")
        if u.entry.attrs.get("event") is False
    ]
    weapons = [
        m
        for m in doc.terms_in(max(sent.start, t.span.start - 60), sent.end, "weapon")
        if m.entry.id in _DEVICES and not any(u.start <= m.span.start < u.end for u in units)
    ]
    after = next((m.span for m in weapons if 0 <= m.span.start - t.span.end <= 30), None)
    if after is not None:
        return after
    return next(
        (
            m.span
            for m in weapons
            if m.span.end <= t.span.start
            and _PASSIVE_AUX.fullmatch(doc.text, m.span.end, t.span.start)
        ),
        None,
    )


#: how far after the attack word a word of killing or wounding may stand ("strikes across the
#: gaza strip killed 27": 26 characters between)
_HARM_GAP = 60
_HARM_STATUSES = frozenset({"killed", "injured"})


def _harms_after(doc: Doc, seg: Span, t: LexMatch) -> bool:
    """A ``needs_harm_after`` trigger ("strike") that is an act: a word of killing or wounding
    follows it in its clause, within ``_HARM_GAP`` characters ("israeli strikes across the city
    killed 27", "a strike that wounded four")."""
    before = doc.text[max(seg.start, t.span.start - 30) : t.span.start].split()
    end = min(seg.end, t.span.end + _HARM_GAP)
    if any(
        m.entry.attrs.get("status") in _HARM_STATUSES
        for m in doc.terms_in(t.span.end, end, "casualty_term")
    ):
        return True
    # "were killed in Israeli strikes", "wounded by Russian strikes": the harm told before it,
    # when a state's name or the plural says it is no labour strike ("injured in the strike at
    # the factory" may be one)
    if not (_is_plural_noun(t.span.text) or (before and before[-1][:1].isupper())):
        return False
    return any(
        m.entry.attrs.get("status") in _HARM_STATUSES
        and _HARMED_IN.fullmatch(doc.text, m.span.end, t.span.start)
        for m in doc.terms_in(max(seg.start, t.span.start - 40), t.span.start, "casualty_term")
    )


def _blocked_before(text: str, lo: int, t: LexMatch) -> bool:
    """One of the trigger entry's ``not_after`` words stands right before it ("the general
    strike", "the storm hit the coast"), or one of its ``not_before`` phrases right after it
    ("burned to death")."""
    following = t.entry.attrs.get("not_before")
    if following:
        after = " ".join(text[t.span.end : t.span.end + 30].lower().split())
        if any(
            after == f
            or after.startswith(f + " ")
            or after.startswith(f + ",")
            or after.startswith(f + ".")
            for f in following
        ):
            return True  # "the policemen burned to death": burns, not arson
    blocked = t.entry.attrs.get("not_after")
    if not blocked:
        return False
    words = text[max(lo, t.span.start - 30) : t.span.start].split()
    return bool(words) and words[-1].lower().strip("'’") in {w.lower() for w in blocked}


def subject_allows(text: str, lo: int, t: LexMatch) -> bool:
    """A ``needs_subject`` trigger ("struck", "hit") is an act only when the word right before
    it (after ``lo``) is one of the entry's subject nouns ("a Russian missile struck", "two
    drones hit"; not "the storm hit", "a hit-and-run insurgency"); other triggers always are."""
    subjects = t.entry.attrs.get("needs_subject")
    if not subjects:
        return True
    words = text[max(lo, t.span.start - 30) : t.span.start].split()
    return bool(words) and words[-1].lower().strip(",;:'’") in {w.lower() for w in subjects}


_HARMED_IN = re.compile(
    r"\s+(?:in|by)\s+(?:(?:a|an|the|two|three|several|new|overnight|[A-Z][\w.-]*)\s+){0,2}"
)


def _violence_sign(doc: Doc, sent: Span, t: LexMatch) -> bool:
    """A ``discovery`` trigger's sentence tells violence: one of the entry's ``violence_signs``
    ("tortured", "dumped", "bullet") or a weapon stands in it."""
    if _sign_words(tuple(t.entry.attrs.get("violence_signs", ()))).search(sent.text):
        return True
    return bool(doc.terms_in(sent.start, sent.end, "weapon"))


@functools.lru_cache(maxsize=8)
def _sign_words(words: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for a trigger entry's ``violence_signs`` (compiled once per entry)."""
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})\b" if words else r"(?!)", re.I)


_BATTLE = frozenset({AttackType.ARMED_CLASH, AttackType.SECURITY_OPERATION})
_BY_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,4}?by\s+(?:the\s+)?$", re.I)


def _nearest_actor_before(doc: Doc, seg: Span, t: LexMatch) -> LexMatch | None:
    """The actor or people word nearest before the attack word in its clause (its subject)."""
    before = [
        m
        for m in doc.terms_in(seg.start, t.span.start, "actor", "victim")
        if m.span.end <= t.span.start
    ]
    return max(before, key=lambda m: m.span.end) if before else None


def _state_killer(doc: Doc, seg: Span, t: LexMatch) -> bool:
    """The one who kills is the state: the nearest actor before the verb in its clause is a
    state force or the police ("troops killed x"), or one follows "by" after it ("x was killed
    by the police")."""

    last = _nearest_actor_before(doc, seg, t)
    if last is not None and _is_state(last):
        return True
    return _killed_by_state_agent(doc, seg, t)


def _killed_by_state_agent(doc: Doc, seg: Span, t: LexMatch) -> bool:
    """A state force follows "by" after the verb ("eight militants were killed by troops")."""
    return any(
        _is_state(m) and _BY_AFTER.fullmatch(doc.text, t.span.end, m.span.start)
        for m in doc.terms_in(t.span.end, min(seg.end, t.span.end + 50), "actor", "victim")
    )


def _is_state(m: LexMatch) -> bool:
    if m.entry.kind == "actor":
        return m.entry.attrs.get("actor_kind") in _STATE_KINDS
    return m.entry.attrs.get("category") == "security_forces"


def _is_plural_noun(text: str) -> bool:
    last = text.split()[-1].lower() if text.split() else ""
    return last.endswith("s") and not last.endswith("ss")


def _segments(doc: Doc, sent: Span) -> list[Span]:
    cuts = [sent.start]
    for m in _SEGMENT_BREAK.finditer(doc.text, sent.start, sent.end):
        cuts.append(m.start())
    cuts.append(sent.end)
    return [Span.of(doc.text, a, b) for a, b in zip(cuts, cuts[1:], strict=False) if b > a]


def _segment_of(segments: list[Span], offset: int) -> Span:
    for s in segments:
        if s.start <= offset < s.end:
            return s
    return segments[-1]


def _in_dateline(doc: Doc, span: Span) -> bool:
    return doc.dateline is not None and doc.dateline.start <= span.start < doc.dateline.end


def article_event_date(doc: Doc) -> EventDate | None:
    """The date the article's events happened: the first date in the first sentences that
    resolves, e.g. 'On February 2' or 'on Saturday'."""
    limit = doc.sentences[min(len(doc.sentences), 4) - 1].end if doc.sentences else 0
    for d in doc.dates:
        if d.span.start > limit:
            break
        if _in_dateline(doc, d.span) or _statement_day(doc, 0, d):
            continue
        resolved = resolve_date(d, doc.published)
        if d.span.text.lower() == "overnight":
            # "overnight ..., officials said on Tuesday": the statement's day, as for its act
            resolved = _statement_day_of(doc, d) or resolved
        if resolved is not None and resolved.day is not None:
            return resolved
    return None


def _statement_day_of(doc: Doc, d: DateMention) -> EventDate | None:
    """The resolved day of a statement ("said on Tuesday") in the sentence of ``d``."""
    sent = doc.sentences[doc.sentence_of(d.span.start)]
    for other in doc.dates_in(sent.start, sent.end):
        if other is not d and _statement_day(doc, sent.start, other):
            day = resolve_date(other, doc.published)
            if day is not None and day.day is not None:
                return day
    return None


def _enumerated_kind(text: str, sent: Span, t: LexMatch, before: str) -> bool:
    """A bare plural attack noun listed with other nouns ("torture, murders, and
    disappearances"): no determiner, number or quantifier before it and a list separator (',',
    'and', 'or') right before or after it."""
    if _COUNTED_BEFORE.search(before) or _OBJECT_AFTER_LISTED.match(text, t.span.end, sent.end):
        return False  # "and grenade attacks on government offices in X": acts told
    if _WOUNDS.search(t.span.text):
        return False  # "died from gunshot wounds, a spokesman said": the marks of one shooting
    head = text[max(sent.start, t.span.start - 6) : t.span.start]
    return bool(_LIST_BEFORE.search(head) or _LIST_AFTER.match(text, t.span.end, sent.end))


# the object slot of an attack word: "bombing the ...", "attacks against the salvadoran ..."
_OBJECT_THE = re.compile(
    r"\s+(?:(?:against|on|upon|of|at)\s+)?the\s+(?:[^\W\d]+(?:-[^\W\d]+)*'?s?\s+){0,2}?$", re.I
)


# the object slot without an article, before a plural noun ("bombing densely populated areas",
# "bombings of heavily populated areas", "to bomb civilians"): no number, quantifier or preposition among its words ("killed two
# civilians", "kidnapped by ... people's")
_OBJECT_BARE = re.compile(
    r"\s+(?:(?:against|on|upon|at|of)\s+)?(?:(?!(?:one|two|three|four|five|six|seven|eight|nine|ten|"
    r"dozens?|scores?|hundreds|thousands|several|some|many|few|more|other|by|with|and|or|of)\b)"
    r"[^\W\d]+\s+){0,2}?$",
    re.I,
)


def _against_whole_population(doc: Doc, sent: Span, t: LexMatch) -> bool:
    """The attack word's object is a whole population ("bombing the salvadoran people",
    "attacks against the civilian population", "bombing densely populated areas", "to bomb
    civilians"; lexicon context cues with role ``whole_population``), not "the people of <a
    place>" nor a counted group ("the 30 people", "two civilians").  Cues marked ``bare`` (a
    plural of places or of civilians) stand without an article; "people" and "population"
    need "the" ("unidentified people fired")."""
    for c in doc.terms_in(t.span.end, min(sent.end, t.span.end + 50), "context_cue"):
        if c.entry.attrs.get("role") != "whole_population":
            continue
        after = doc.text[c.span.end : c.span.end + 6]
        if re.match(r"'s\b", after):
            return False  # "people's liberation army": a name
        if c.entry.attrs.get("bare") and _OBJECT_BARE.fullmatch(doc.text, t.span.end, c.span.start):
            return not re.match(r"\s+of\b", after)
        if not _OBJECT_THE.fullmatch(doc.text, t.span.end, c.span.start):
            return False
        return not re.match(r"\s+(?:of|in|at|from)\b", after)
    return False


def _long_period_in(periods: list, seg: Span) -> bool:
    """A period of more than two weeks (or of unknown length) is told in ``seg``."""
    return any(
        seg.start <= p.span.start < seg.end and (p.days if p.days is not None else 365) > 14
        for p in periods
    )


def _generic_sentence(doc: Doc, sent: Span) -> bool:
    """The sentence states a habit, history, plan or threat (sentence-scope context cues)."""
    if _GENERIC_PATTERN.search(sent.text):
        return True
    return any(
        c.entry.attrs.get("scope") == "sentence"
        and c.entry.attrs.get("role") in ("generic", "hypothetical")
        for c in doc.terms_in(sent.start, sent.end, "context_cue")
    )


def read_events(doc: Doc) -> Reading:
    """Find the specific event mentions of the article and the wave/reference mentions."""
    events: list[EventMention] = []
    wave: list[Span] = []
    refs: list[Span] = []
    named_refs: list[tuple[int, LexMatch]] = []  # "the attack on the nuns", "the murder of x"
    event_date = article_event_date(doc)
    doc.wave_article = any(
        WAVE_WORDS.search(s.text) and not _generic_sentence(doc, s)
        for s in doc.sentences[:WAVE_SENTENCES]
    )
    text = doc.text
    for si, sent in enumerate(doc.sentences):
        triggers = doc.terms_in(sent.start, sent.end, "trigger")
        if not triggers:
            continue
        sentence_text = sent.text
        if sent.end <= doc.body_start:  # the headline repeats the body
            continue
        cues = doc.terms_in(sent.start, sent.end, "context_cue")
        generic = _generic_sentence(doc, sent)
        clause_cues = [
            c
            for c in cues
            if c.entry.attrs.get("scope") == "clause"
            and c.entry.attrs.get("role") in ("hypothetical", "generic")
        ]
        # "in the conflict" marks counts, not acts ("the deadliest attack in the conflict")
        periods = [p for p in doc.periods_in(sent.start, sent.end) if p.kind != "war"]
        # "since January" (no length given) counts as long: a statistic, not one act
        background_period = any((p.days if p.days is not None else 365) > 14 for p in periods)
        aggregate_period = any(p.days is not None and p.days <= 14 for p in periods)
        segments = _segments(doc, sent)
        specific: list[EventMention] = []
        for t in triggers:
            if t.entry.attrs.get("event") is False:
                continue  # "the bomb disposal squad", "attack helicopters"
            before = text[max(sent.start, t.span.start - 40) : t.span.start]
            if t.entry.attrs.get("noun_only") and not _noun_use(text, t, before):
                continue  # "a bomb went off, killing two": the act is the bomb, not the killing
            if t.entry.attrs.get("needs_device") and not _places_device(doc, sent, t):
                continue  # "placed under arrest", "placed at the disposal of the court"
            if t.entry.attrs.get("discovery") and not _violence_sign(doc, sent, t):
                continue  # "rescuers found the bodies of 20 flood victims": no act of violence
            if _blocked_before(text, sent.start, t):
                continue  # "a hunger strike", "the storm hit": the entry's not_after words
            if not subject_allows(text, sent.start, t):
                continue  # "the storm hit the coast", "prices struck a high": no act
            if t.entry.attrs.get("needs_harm_after") and not _harms_after(
                doc, _segment_of(segments, t.span.start), t
            ):
                continue  # "the general strike", "strikes by teachers": no act of violence
            by_state = False
            if t.entry.attrs.get("needs_named_victim"):
                seg = _segment_of(segments, t.span.start)
                by_state = _state_killer(doc, seg, t)
                subject = _killed_by_attackers(doc, seg, t, state=by_state) or (
                    by_state and _killed_by_state_agent(doc, seg, t)
                )
                if (
                    not (subject or _named_victim(doc, sent, t))
                    or (by_state and not subject)
                    or any(set(_attack_types(u)) & _BATTLE for u in triggers)
                ):
                    # "12 soldiers were killed": a casualty; "x was killed by the police", "a
                    # clash ensued and x was killed": deaths in a battle told elsewhere; "x was
                    # killed", "gunmen killed two", "troops killed eight militants": an act
                    continue
            # "seized 20 hostages": a word for the people taken counts people, not acts
            plural = _is_plural_noun(t.span.text) and not _is_people_noun(t)
            # "a string of bomb and gun attacks": a modifier of the plural attack word after it
            modifier = any(
                u.span.start > t.span.end
                and u.span.start - t.span.end <= 25
                and _is_plural_noun(u.span.text)
                for u in triggers
            )
            if _WAVE_BEFORE.search(before) and (plural or modifier):
                wave.append(t.span)
                continue
            if (plural or _listed_crime_noun(text, sent, t)) and _enumerated_kind(
                text, sent, t, before
            ):
                # "murders, searches, raids on labor offices", "torture, murder, rape, and
                # disappearances": kinds of act listed
                continue
            if _against_whole_population(doc, sent, t):
                continue  # "the army is bombing the salvadoran people": a charge, not one act
            if t.entry.id in _SHOT_TRIGGERS and _INTO_THE_AIR.match(text, t.span.end, sent.end):
                continue  # "fired into the air", "shot them into the air": no one was attacked
            lead = text[max(sent.start, t.span.start - 100) : t.span.start]
            if _TOLL_BEFORE.search(lead) or _TOLL_COUNT_BEFORE.search(lead):
                continue  # "hundreds of peasants have been murdered": a toll, not one act
            if plural and _tally_before(before):
                # "386 clashes in january", "more than 260 bombs": a tally of acts (or, told of
                # one day, a wave: "some 21 bombs had gone off in the city"), not one act
                wave.append(t.span)
                continue
            if plural and WAVE_WORDS.search(
                sentence_text
            ):  # "24 separate attacks across the region"
                wave.append(t.span)
                continue
            # "the gunmen attacked": a verb after its subject, no reference ("the murdered
            # travellers" is one)
            verb = bool(_VERB_FORM.search(t.span.text)) and not _DETERMINER_BEFORE.search(before)
            if plural and not verb and _EARLIER_ACTS_BEFORE.search(before):
                # "arrested four suspects in connection with recent attacks on security forces"
                refs.append(t.span)
                continue
            if (
                _ANAPHOR_BEFORE.search(before)
                and not verb
                and (plural or not re.search(r"\b(?:a|an)\s", before))
            ):
                # "these assaults", "the attack": a reference to acts already reported, unless
                # the clause names a place of its own ("the attack in Quetta")
                named = any(
                    p.kind in SMALL_PLACE_KINDS
                    and _PLACE_RIGHT_AFTER.match(doc.text, t.span.end, s.start + 1)
                    for s, p in doc.places_in(t.span.end, min(sent.end, t.span.end + 40))
                )
                # a singular noun of reference with nothing before it to refer to is the article's
                # first report of the act ("the bomb attack on the institute has caused damage",
                # "two guards were wounded in the attack"); not a noun in a statement of motive
                # or plan ("said the bombing was revenge for ...")
                first = not plural and not events and not specific and not clause_cues
                if (not named or plural) and not first:
                    refs.append(t.span)
                    if (
                        not generic or _condemnation_only(doc, sent, segments, t)
                    ) and _names_its_object(doc, sent, t, before):
                        named_refs.append((si, t))
                    continue
            if generic or background_period:
                # "condemned the murder of judge x": the first report of the act is its condemnation
                if (
                    generic
                    and not background_period
                    and not verb
                    and _condemnation_only(doc, sent, segments, t)
                    and _names_its_object(doc, sent, t, before)
                ):
                    named_refs.append((si, t))
                elif (
                    background_period
                    and not verb
                    and not _long_period_in(periods, _segment_of(segments, t.span.start))
                    and (not generic or _condemnation_only(doc, sent, segments, t))
                    and _names_its_object(doc, sent, t, before)
                ):
                    # "learning of the killing of x, mayor of medellin in 1984": the year is told
                    # in another clause than the act's (of the victim's office), not of the act
                    named_refs.append((si, t))
                if not (
                    generic
                    and not background_period
                    and verb
                    and _no_cue_governs(doc, sent, segments, t)
                ):
                    continue
                # "warned about the incidents this morning, when gunmen machinegunned x": the
                # cue stands in another clause than the past verb that reports the act
            if aggregate_period and plural:
                continue  # "follow-up operations ... had raised the number killed in three days"
            seg = _segment_of(segments, t.span.start)
            if any(
                seg.start <= c.span.start < t.span.start and _cue_reaches(text, c, t)
                for c in clause_cues
            ):
                continue  # "to prevent future attacks", "revenge for military operations"
            if _denied_before(text, sent.start, t.span.start):
                continue  # "the army denied on Monday that its planes had bombed the village"
            if _unreal(doc.text[max(seg.start, t.span.start - 50) : t.span.start]):
                continue  # "the contras could attack", "urged them to murder", "we are not bombing"
            if _HABIT_BEFORE.search(doc.text, seg.start, t.span.start):
                continue  # "the Taliban, who have kidnapped government employees before"
            if _legal_charge(text, sent.start, t):
                continue  # "charged with murder", "faces charges of kidnapping": a charge's name
            if _habit_present(text, sent.start, t):
                continue  # "contras who kidnap and murder peasants", "when they take hostages"
            if _freed_people(text, sent.start, t):
                continue  # "troops freed seven hostages": a rescue, not the taking
            if _dated_years_back(doc, sent, seg, t):
                continue  # "the 1984 killing of a reporter", "in March 1987, during an attack"
            if t.entry.attrs.get("generic") and not _has_violence_evidence(doc, seg, t):
                continue  # "the opposition attacked the budget"
            if t.entry.attrs.get("needs_attacker") and (
                any(
                    r.start >= sent.start and _SAYING.search(text, r.end, t.span.start)
                    for r in refs
                )
                or not _damage_by_attacker(doc, seg, t)
            ):
                # "the storm destroyed two bridges", "troops destroyed a drug laboratory"; not said
                # of an act already told ("claimed the ambush, saying it destroyed two trucks")
                continue
            em = EventMention(
                trigger=t,
                sentence=si,
                segment=seg,
                # "troops killed eight militants": the state's operation, not an armed assault
                attack_types=[AttackType.SECURITY_OPERATION] if by_state else _attack_types(t),
                suicide=bool(t.entry.attrs.get("suicide")),
            )
            specific.append(em)
        # "set off more than 260 bombs", "seven bombs were set off in two cities": the verb
        # whose device is a tally of devices tells the tally (a wave), not one more act
        specific = [
            em
            for em in specific
            if not (
                em.trigger.entry.attrs.get("needs_device")
                and (device := _set_device(doc, sent, em.trigger)) is not None
                and any(w.start < device.end and device.start < w.end for w in wave)
            )
        ]
        if not specific:
            continue
        _pair_places(doc, sent, segments, specific)
        sent_dates = [
            (d, resolve_date(d, doc.published))
            for d in doc.dates_in(sent.start, sent.end)
            if not _in_dateline(doc, d.span)  # "MAIDUGURI, Sept 7 (Wire) -": the filing date
        ]
        # "Human Rights Watch said on Thursday": the day of the statement, not of the act
        said_on = [
            (d, r) for d, r in sent_dates if r is not None and _statement_day(doc, sent.start, d)
        ]
        sent_dates = [(d, r) for d, r in sent_dates if r is not None and (d, r) not in said_on]
        statement_days = [r for _, r in said_on if r.day is not None]
        if statement_days:
            # "killed 26 people overnight ..., an official said on Tuesday": the night before
            # the statement's day, not before publication
            sent_dates = [
                (d, statement_days[0] if d.span.text.lower() == "overnight" else r)
                for d, r in sent_dates
            ]
        days = [(d, r) for d, r in sent_dates if r.day is not None]
        months = [(d, r) for d, r in sent_dates if r.day is None and r.month is not None]
        sent_dates = days
        single = len({e.trigger.span for e in specific}) == 1
        for em in specific:
            _read_clause(doc, sent, em, single=single)
            own = _date_of(em, sent_dates, single=single)
            if own is None and not sent_dates:
                # "killed 223 villagers in February": the month, when no day is given
                own = next(
                    (r for d, r in months if em.segment.start <= d.span.start < em.segment.end),
                    months[0][1] if len(months) == 1 else None,
                )
                if (
                    own is not None
                    and event_date is not None
                    and event_date.day is not None
                    and (event_date.year, event_date.month) == (own.year, own.month)
                ):
                    own = event_date  # "in February" ... "The killings took place on Feb. 25"
            if own is not None:
                em.date = own
                em.own_date = True
            elif _EARLIER.search(doc.text, em.segment.start, em.trigger.span.end + 40):
                em.earlier = True  # "the incidents followed recent raids": an earlier act
            else:
                # no date of its own and none for the article: the day of the act told last
                # ("killed 43 in an overnight raid ..., officials said on Tuesday. The attackers
                # set fire to houses"), not the day of publication
                em.date = event_date if event_date is not None else _last_own_date(events)
        events.extend(specific)
    if not events and named_refs:
        events.extend(_referenced_acts(doc, named_refs, event_date))
    elif named_refs:  # "to protest the assassination of magistrate x": a person no act names
        told = " ".join(doc.sentences[i].text.lower() for i in {e.sentence for e in events})
        other = [
            (si, t)
            for si, t in named_refs
            if (n := _object_name(doc, doc.sentences[si], t))
            and not re.search(rf"\b{re.escape(n.split()[-1])}\b", told)
        ]
        for em in _referenced_acts(doc, other, None):
            em.earlier = True
            events.append(em)
    return Reading(
        events=events,
        wave_spans=wave,
        reference_spans=refs,
        event_date=event_date,
        suspicions=_suspicions(doc),
    )


# "the murder of x", "the murder case of x"; "the murders ..., and especially that of x"
_OBJECT_AFTER = re.compile(
    r"\s+(?:in\s+[\w-]+(?:\s+[\w-]+)?\s+(?=of\s))?"  # "the murder in guatemala of x"
    r"(?:(?:case|investigation|inquiry|trial|probe)\s+)?(?:of|on|against)\s+(?:the\s+)?",
    re.I,
)
_THAT_OF = re.compile(
    r",?\s+(?:and\s+)?(?:especially|particularly|in\s+particular|notably|above\s+all)\s+"
    r"(?:that|those)\s+of\s+(?:the\s+)?",
    re.I,
)


def _object_start(doc: Doc, sent: Span, t: LexMatch) -> int | None:
    """Where the object of a noun of reference begins: after "of/on/against" ("the murder case
    of x"), or after "especially that of" later in the sentence ("the murders which have
    occurred, and especially that of x")."""
    m = _OBJECT_AFTER.match(doc.text, t.span.end, sent.end)
    if m is not None:
        return m.end()
    m = _THAT_OF.search(doc.text, t.span.end, min(sent.end, t.span.end + 120))
    return m.end() if m is not None else None


_GENERIC_DETERMINER = re.compile(
    r"\b(?:these|those|such|similar|other|any|all)\s+(?:[\w-]+\s+)?$", re.I
)


def _condemnation_only(doc: Doc, sent: Span, segments: list[Span], t: LexMatch) -> bool:
    """The words that make the sentence generic are only a condemnation ("condemned the attack on
    x": condemning an act reports it) or stand in other clauses than the attack word's ("attacks
    meant to threaten judges, especially the murder of x"); not a threat or plan of its own."""
    if _GENERIC_PATTERN.search(sent.text):
        return False
    seg = _segment_of(segments, t.span.start)
    return not _sentence_cue_in(doc, sent, seg.start, seg.end)


def _no_cue_governs(doc: Doc, sent: Span, segments: list[Span], t: LexMatch) -> bool:
    """No cue that makes the sentence generic stands before the past verb in its clause (a cue
    in another clause, or after the verb, governs another act: "set the club on fire after
    threatening the watchmen"); not a sentence that is generic as a whole ("since 1980"), nor
    a verb its clause dates after it by a ``trailing`` cue ("kidnapped five years ago")."""
    if _GENERIC_PATTERN.search(sent.text):
        return False
    seg = _segment_of(segments, t.span.start)
    if any(
        c.entry.attrs.get("trailing") and t.span.end <= c.span.start < seg.end
        for c in doc.terms_in(sent.start, sent.end, "context_cue")
    ):
        return False  # "who were kidnapped more than five years ago": the time told after the verb
    return not _sentence_cue_in(doc, sent, seg.start, t.span.start)


def _sentence_cue_in(doc: Doc, sent: Span, start: int, end: int) -> bool:
    """A cue that makes a sentence generic or hypothetical (not a condemnation) starts in
    ``[start, end)``."""
    return any(
        c.entry.attrs.get("scope") == "sentence"
        and c.entry.attrs.get("role") in ("generic", "hypothetical")
        and not c.span.text.lower().startswith("condemn")
        and start <= c.span.start < end
        for c in doc.terms_in(sent.start, sent.end, "context_cue")
    )


def _names_its_object(doc: Doc, sent: Span, t: LexMatch, before: str) -> bool:
    """A noun of reference whose object names who or what was hit: "the attack on the nuns",
    "the murder of magistrate x", "the murders of x, y and z"; not "such killings", "these
    attacks on civilians" or "the attacks" (generic references)."""
    if _GENERIC_DETERMINER.search(before):
        return False
    start = _object_start(doc, sent, t)
    if start is None:
        return False
    if _object_name(doc, sent, t):
        return True
    if _is_plural_noun(t.span.text):
        return False
    return any(
        u.span.start < start + 30
        for u in doc.terms_in(start, min(sent.end, start + 60), "target", "victim")
    )


_NEXT_WORD = re.compile(r"\s+([\w'-]+)")


def _object_name(doc: Doc, sent: Span, t: LexMatch) -> str | None:
    """The first name-like word among the first three of the object of a noun of reference ("the
    murder of magistrate x": "x"), not a place name."""
    start = _object_start(doc, sent, t)
    if start is None:
        return None
    places = [s for s, _ in doc.places_in(start, min(sent.end, start + 40))]
    for w in re.finditer(r"[\w'-]+", doc.text[start : min(sent.end, start + 40)]):
        if w.start() > 0 and len(re.findall(r"[\w'-]+", doc.text[start : start + w.start()])) >= 3:
            break
        ws = start + w.start()
        if any(s.start <= ws < s.end for s in places):
            continue
        word = w.group()
        if caseless_name_word(word.lower()) and (doc.caseless or word[:1].isupper()):
            # the whole name: "carlos valencia" of "justice carlos valencia in bogota"
            run, at = [word.lower()], ws + len(word)
            while len(run) < 4 and (nxt := _NEXT_WORD.match(doc.text, at, sent.end)):
                more = nxt.group(1)
                if not (caseless_name_word(more.lower()) and (doc.caseless or more[:1].isupper())):
                    break
                run.append(more.lower())
                at = nxt.end()
            return " ".join(run)
    return None


def _last_own_date(events: list[EventMention]) -> EventDate | None:
    """The date of the last act told before that gave a day of its own."""
    return next((e.date for e in reversed(events) if e.own_date and e.date is not None), None)


def _referenced_acts(
    doc: Doc, named_refs: list[tuple[int, LexMatch]], event_date: EventDate | None
) -> list[EventMention]:
    """An article that reports no act but refers to one that names its victim or target ("condemned
    the attack on the nuns") is about that act: each such reference is an act of its own, on the
    article's event date when one is given."""
    out: list[EventMention] = []
    for si, t in named_refs:
        sent = doc.sentences[si]
        segments = _segments(doc, sent)
        seg = _segment_of(segments, t.span.start)
        if _unreal(doc.text[max(seg.start, t.span.start - 50) : t.span.start]):
            continue
        if any(
            c.entry.attrs.get("reach") is not None
            and seg.start <= c.span.start < t.span.start
            and _cue_reaches(doc.text, c, t)
            for c in doc.terms_in(sent.start, sent.end, "context_cue")
        ):
            continue  # "urged the murder of the mayor": a call, not a report of the act
        if _dated_years_back(doc, sent, seg, t):
            continue  # "recalled that in 2016 the cartel organized the murder of a judge"
        em = EventMention(
            trigger=t,
            sentence=si,
            segment=seg,
            attack_types=_attack_types(t),
            suicide=bool(t.entry.attrs.get("suicide")),
        )
        _pair_places(doc, sent, segments, [em])
        _read_clause(doc, sent, em, single=True)
        em.date = event_date
        out.append(em)
    return out


# a subject that makes a bare present verb a habit: a relative pronoun or a plural personal
# pronoun, maybe a list of verbs before ("who kidnap", "they steal, kidnap, and murder", "when
# they take people hostage"; not "who perpetrated an attack")
_HABIT_SUBJECT = re.compile(
    r"\b(?:who|they)\s+(?:[a-z]+,\s+){0,3}(?:[a-z]+,?\s+(?:and|or)\s+)?$", re.I
)
_HABIT_VERB_BEFORE = re.compile(r"\b(?:who|they)\s+([a-z]+)\s+(?:[a-z]+\s+){0,3}$", re.I)
_HABIT_THAT = re.compile(
    r"\b(?:that|which)\s+(?:[a-z]+,\s+){0,3}(?:[a-z]+,?\s+(?:and|or)\s+)?$", re.I
)
#: bare present attack verbs that are no nouns ("that kill", not "that attack was")
_VERB_ONLY = frozenset("kidnap assassinate kill torture abduct shoot".split())
#: bare present forms of attack verbs (a habit after a plural subject, not one act)
_BARE_ATTACK_VERBS = frozenset(
    "kidnap murder assassinate attack bomb kill massacre sabotage torture abduct ambush burn "
    "shoot take".split()
)


def _is_people_noun(t: LexMatch) -> bool:
    """The match is one of its entry's `people_nouns` ("hostages"): it names the people an act
    harms, not the act (triggers.toml)."""
    return t.span.text.lower() in t.entry.attrs.get("people_nouns", ())


_FREED_BEFORE = re.compile(
    r"\b(?:freed|freeing|frees|rescued|rescuing|rescues|released|releasing|releases|liberated|"
    r"liberating|recovered|evacuated)\s+(?:(?:the|all|its|their|[\w-]+)\s+){0,3}$",
    re.I,
)


def _freed_people(text: str, sent_start: int, t: LexMatch) -> bool:
    """A people noun ("hostages") as what a verb of freeing frees ("troops freed seven
    hostages", "the rebels released their hostages"): the end of a hostage taking told
    before or not at all, not a taking of its own."""
    if not _is_people_noun(t):
        return False
    return _FREED_BEFORE.search(text, max(sent_start, t.span.start - 50), t.span.start) is not None


def _habit_present(text: str, sent_start: int, t: LexMatch) -> bool:
    """A bare present attack verb after "who" or "they" ("the police who kidnap, torture and
    murder", "they steal, kidnap, and murder anyone", "when they take people as hostages"): a
    habit or a charge, not one act (ACLED codebook 2023: only specific events are coded)."""
    first = t.span.text.split()[0].lower() if t.span.text.split() else ""
    lo = max(sent_start, t.span.start - 60)
    if _is_people_noun(t):
        # "when they take people as hostages": the people noun of a bare verb's act
        verb = _HABIT_VERB_BEFORE.search(text, lo, t.span.start)
        return verb is not None and verb.group(1).lower() in _BARE_ATTACK_VERBS
    if first not in _BARE_ATTACK_VERBS:
        return False
    if _HABIT_SUBJECT.search(text, lo, t.span.start) is not None:
        return True
    # "forces that assassinate and destroy": "that" or "which" only before a form that is no noun
    return first in _VERB_ONLY and _HABIT_THAT.search(text, lo, t.span.start) is not None


# a legal word right before a bare attack noun, no article ("charged with murder", "faces charges
# of kidnapping", "implicated in murders", "tried for murders"): the name of a crime in a charge,
# not an act reported ("charged with the killing of two missionaries" names one)
_LEGAL_CHARGE_BEFORE = re.compile(
    r"\b(?:charged|charges?|accused|convicted|tried|sentenced|implicated|indicted|prosecuted|"
    r"wanted|jailed|imprisoned|acquitted|guilty)\s+(?:with|for|of|in)\s+[\"'“]?$",
    re.I,
)

# an object after a gerund ("accused of killing two farmers"): the gerund tells an act
_OBJECT_NEXT = re.compile(
    r"\s+(?:a|an|the|his|her|their|its|him|them|this|that|these|those|one|two|three|four|five|"
    r"six|seven|eight|nine|ten|several|dozens|\d[\d,]*)\b",
    re.I,
)


def _legal_charge(text: str, sent_start: int, t: LexMatch) -> bool:
    """The attack word is the bare name of a crime after a legal word ("charged with murder",
    "faces charges of kidnapping and torture", "implicated in murders"); not a gerund with an
    object ("accused of killing two farmers": an act, alleged)."""
    if not _LEGAL_CHARGE_BEFORE.search(text, max(sent_start, t.span.start - 60), t.span.start):
        return False
    return not (t.span.text.lower().endswith("ing") and _OBJECT_NEXT.match(text, t.span.end))


# a year ("1984", "March 1987", "7 April 1988"): not part of a larger number ("1,984", "c-1984")
_YEAR = re.compile(
    r"(?<![\w,.-])(?:(?:(\d{1,2})\s+)?(january|february|march|april|may|june|july|august|"
    r"september|october|november|december)\s+)?((?:1[89]|20)\d\d)(?![\w,.-]*\d)",
    re.I,
)
_MONTHS = "january february march april may june july august september october november december"
# a date phrase that opens the sentence ("In March 1987, ...", "On 7 April 1988, ..."): it dates
# every act the sentence tells
# (after a dateline, "LIMA — ", when the text has no case to find it by)
_FRONTED = re.compile(
    r"\s*(?:[^\W\d][^,;—–]{0,40}?\s[—–-]{1,2}\s+)?(?:in|on|during|by)\s+[^,;]{0,30}?,", re.I
)
#: how long before publication an act dated by its year is history, not news (in days)
YEARS_BACK_DAYS = 365


def _dated_years_back(doc: Doc, sent: Span, seg: Span, t: LexMatch) -> bool:
    """The attack word is dated by a year more than a year before publication, given before it in
    its clause ("the 1984 killing of a reporter", "organized in 1984 the assassination of x") or
    in a date phrase that opens the sentence ("In March 1987, during another attack on the
    garrison, ..."): history recalled, not an act reported (ACLED codebook 2023: events are coded
    when they occur).  A year told after the attack word ("was kidnapped on 25 January 1988") is
    left to the date reader."""
    if doc.published is None:
        return False
    spans = [(seg.start, t.span.start)]
    opening = sent.start
    if doc.dateline is not None and sent.start <= doc.dateline.start < sent.end:
        opening = doc.dateline.end  # "LIMA — In March 2019, ...": after the dateline
    fronted = _FRONTED.match(doc.text, opening, t.span.start)
    if fronted is not None:
        spans.append((sent.start, fronted.end()))
    for lo, hi in spans:
        for m in _YEAR.finditer(doc.text, lo, hi):
            year = int(m.group(3))
            month = _MONTHS.split().index(m.group(2).lower()) + 1 if m.group(2) else 12
            day = int(m.group(1)) if m.group(1) else 28  # no day: the month's end, near enough
            try:
                when = dt.date(year, month, min(day, 28))
            except ValueError:
                continue
            if (doc.published - when).days > YEARS_BACK_DAYS:
                return True
    return False


# a denial with words of time or manner between the verb and its "that" ("denied on Monday
# that", "denied, however, that", "categorically denied yesterday that"; "denied that" itself is
# the lexicon's denial cue); nothing after it that starts another clause (";", "but", "while")
_DENIED_THAT = re.compile(
    r"\bden(?:y|ies|ied|ying)(?:\s*,?\s+(?:however|also|again|today|yesterday|tonight|"
    r"on\s+(?:[\w-]+\s+){0,2}?[\w-]+|in\s+a\s+statement|[a-z]+ly)\b,?){1,3}\s+that\b"
    r"(?![^;]*?\b(?:but|while|whereas)\b)[^;]*$",
    re.I,
)


def _denied_before(text: str, start: int, end: int) -> bool:
    """A denial governs the attack word: "denied on Monday that ... bombed" (ACLED codebook 2023:
    an event must have occurred; a denied charge is not reported as one)."""
    return _DENIED_THAT.search(text, start, end) is not None


def _unreal(before: str) -> bool:
    """The words before an attack word say the act did not happen: a modal, an infinitive of plan
    or purpose, a negation ("not only" is no negation)."""
    if _MODAL_BEFORE.search(before):
        return True
    if _INFINITIVE_BEFORE.search(before) and not _INFINITIVE_ACT.search(before):
        return True
    return bool(_NEGATED_BEFORE.search(before)) and not re.search(
        r"\bnot\s+only\b", before[-30:], re.I
    )


def _suspicions(doc: Doc) -> list[tuple[int, LexMatch]]:
    """'Police suspect the Pakistani Taliban', 'investigations pointed to a cell of ISKP': a named
    group after a suspicion cue in its sentence (lexicon context cue, role ``suspicion``)."""
    out = []
    for si, sent in enumerate(doc.sentences):
        cues = [
            c
            for c in doc.terms_in(sent.start, sent.end, "context_cue")
            if c.entry.attrs.get("role") == "suspicion"
        ]
        if not cues:
            continue
        for a in doc.terms_in(cues[0].span.end, sent.end, "actor"):
            if a.entry.attrs.get("actor_kind") == "armed_group" and not a.entry.attrs.get(
                "generic"
            ):
                if a.span.start - cues[0].span.end <= 60:
                    out.append((si, a))
                    break
    return out


# two places further apart than this (in characters) in one clause are two sites, not one
# site named more and less precisely ("the Mir Ali area of North Waziristan district")
_SAME_SITE_GAP = 50
_PLACE_LIST_GAP = re.compile(r"^\s*(?:,\s*(?:and\s+|or\s+)?|(?:and|or|&)\s+)$", re.I)
_SPECIFICITY = {PlaceKind.TOWN: 0, PlaceKind.AREA: 1, PlaceKind.UNKNOWN: 2, PlaceKind.DISTRICT: 3}


def event_places(doc: Doc, sent: Span) -> list[tuple[Span, Place]]:
    """The places of a sentence that can be where its acts happened.

    Not the dateline ("RAWALPINDI, May 20 -": where the report was filed) when the sentence
    names another town; not a place after a cue such as "shifted to hospital in" (lexicon
    ``context_cue`` with role ``not_event_place``)."""
    places = doc.places_in(sent.start, sent.end)
    heads = [
        c
        for c in doc.terms_in(sent.start, sent.end, "context_cue")
        if c.entry.attrs.get("role") == "place_head"
    ]
    if heads:
        # "the Gomal bridge in Tank district" (a landmark: the town named with it is the
        # place, else the landmark's name), "IG Police (Bastar range)" (a unit: never the place)
        def headed(s: Span, units: bool) -> bool:
            return any(
                h.span.start - s.end == 1 and bool(h.entry.attrs.get("unit")) == units
                for h in heads
            )

        places = [(s, p) for s, p in places if not headed(s, True)]
        kept = [(s, p) for s, p in places if not headed(s, False)]
        places = kept or places
    cues = [
        c
        for c in doc.terms_in(sent.start, sent.end, "context_cue")
        if c.entry.attrs.get("role") == "not_event_place"
    ]
    if cues:
        places = [
            (s, p)
            for s, p in places
            if not any(
                0 <= s.start - c.span.end <= 25 and "." not in doc.text[c.span.end : s.start]
                for c in cues
            )
        ]
    dl = doc.dateline
    if dl is not None:
        inside = [(s, p) for s, p in places if dl.start <= s.start < dl.end]
        scene = _HERE.search(sent.text) or (not doc.wave_article and _local_dateline_is_scene(doc))
        if inside and not scene:
            places = [(s, p) for s, p in places if not dl.start <= s.start < dl.end]
    return places


_HERE = re.compile(r"\bhere\b", re.I)


def _local_dateline_is_scene(doc: Doc) -> bool:
    """A local paper's dateline ("KARAK: ...", no agency or date in it) is the scene when the
    first sentences of the body name no other town; a wire dateline ("LIMA (AP) -",
    "RAIPUR, Jan 7 -") is the bureau's city, the scene only when the body says "here" or names
    it again."""
    dl = doc.dateline
    if dl is None:
        return False
    limit = doc.sentences[min(len(doc.sentences), 3) - 1].end if doc.sentences else 0
    filed = [p for s, p in doc.places_in(dl.start, dl.end) if p.kind in SMALL_PLACE_KINDS]
    if "(" in dl.text or any(c.isdigit() for c in dl.text):
        # a wire dateline is the scene only when the body's first sentences name no other
        # place at all but the dateline town's own country ("MOGADISHU, Somalia (AP) - a
        # suicide bomber blew himself up at a restaurant near the parliament")
        countries = {f.country for f in filed}
        return bool(filed) and all(
            p.kind == PlaceKind.COUNTRY and p.country in countries
            for s, p in doc.places_in(dl.end, limit)
        )
    # "ABUJA, Nigeria - ... from a boarding school in Kebbi state": a province the dateline's
    # town is not in is another scene too
    return not any(
        not dl.start <= s.start < dl.end
        and (
            p.kind in SMALL_PLACE_KINDS
            or p.kind == PlaceKind.PROVINCE
            and filed
            and not any(place_contains(p, f) for f in filed)
        )
        for s, p in doc.places_in(dl.end, limit)
    )


# how far after an active attack verb its object is looked for ("attacked a police post")
OBJECT_CHARS = 40
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?$", re.I)


# a relative or participle clause right after an attack word, up to its verb ("the attack,
# which killed", "the attack that left", ", killing"): the harm it tells is the attack's
_HARM_CLAUSE_AFTER = re.compile(
    r"\s*,?\s*(?:(?:which|that)\s+(?:[\w-]+\s+){0,2}[\w-]+|(?:killing|wounding|injuring|leaving)\b)",
    re.I,
)


def _has_violence_evidence(doc: Doc, seg: Span, trigger: LexMatch) -> bool:
    """A bare attack word ("attacked", "targeted") reports violence only with a weapon, a
    casualty word or a place in its clause, or a target or victim as its object (after it, or
    before a passive "was attacked") (lexicon ``generic`` triggers): "opposition senators
    attacked the deal" is not violence."""
    if any(
        m.span != trigger.span for m in doc.terms_in(seg.start, seg.end, "weapon", "casualty_term")
    ):
        return True
    relative = _HARM_CLAUSE_AFTER.match(doc.text, trigger.span.end)
    if relative and doc.terms_in(trigger.span.end, relative.end(), "casualty_term"):
        return True  # "claimed the attack, which killed 40 people": its harm in a relative clause
    passive = bool(_PASSIVE_BEFORE.search(doc.text, seg.start, trigger.span.start))
    lo = seg.start if passive else trigger.span.end
    hi = seg.end
    if not passive:  # the object: the words right after, not a quotation further on
        quote = doc.text.find('"', trigger.span.end, seg.end)
        hi = min(hi, trigger.span.end + OBJECT_CHARS, quote if quote >= 0 else hi)
    # a target that begins in the object window counts even when its long name runs past it
    # ("an attack against the trans-andean oil pipeline")
    if any(
        m.span != trigger.span and m.span.start < hi
        for m in doc.terms_in(lo, seg.end, "target", "victim")
    ):
        return True
    if not passive and _titled_person_object(doc, seg, trigger):
        return True
    return any(p.kind in SMALL_PLACE_KINDS for _, p in doc.places_in(seg.start, seg.end))


_AGAINST = re.compile(r"\s+(?:against|on)\s+(?:the\s+)?", re.I)


def _titled_person_object(doc: Doc, seg: Span, trigger: LexMatch) -> bool:
    """The attack word's object is a person with a title ("the attack against attorney general
    x y", "an attack on former minister x"): a title word among its first four words, then a
    name word."""
    m = _AGAINST.match(doc.text, trigger.span.end, seg.end)
    if m is None:
        return False
    words = re.findall(r"[\w'-]+", doc.text[m.end() : min(seg.end, m.end() + 60)])[:5]
    titles = _title_words()
    return any(
        w.lower() in titles
        and caseless_name_word(nxt.lower())
        and nxt.lower() not in titles
        and (doc.caseless or nxt[:1].isupper())
        for w, nxt in zip(words[:4], words[1:], strict=False)
    )


_ATTACKER_CATEGORIES = {"militants"}
_SAYING = re.compile(r"\b(?:saying|said|says|claim(?:ed|ing|s)?|stat(?:ed|ing))\b", re.I)
_NOT_PROPERTY = {"Terrorists/Non-State Militia"}


# "by several", "with 10 kg of": not "by the explosion", "by this blast" (the act already told)
_MEANS_AFTER = re.compile(
    r"\s+(?:by|with)\s+(?!(?:the|this|that|these|those|its|their|such)\b)(?:[\w-]+\s+){0,3}?$",
    re.I,
)


def _destroyed_by_device(doc: Doc, seg: Span, trigger: LexMatch) -> bool:
    """The passive damage verb's means is a device set off, "by" or "with" up to three words
    before it, and a property target is its subject."""
    if not any(
        m.entry.attrs.get("gtd_target_type") not in _NOT_PROPERTY
        for m in doc.terms_in(seg.start, trigger.span.start, "target")
    ):
        return False
    return any(
        m.entry.id in _DEVICES
        and not re.match(r"(?:explosion|blast)s?$", m.span.text, re.I)
        and _MEANS_AFTER.fullmatch(doc.text, trigger.span.end, m.span.start)
        for m in doc.terms_in(
            trigger.span.end, min(seg.end, trigger.span.end + OBJECT_CHARS), "weapon"
        )
    )


def _damage_by_attacker(doc: Doc, seg: Span, trigger: LexMatch) -> bool:
    """A damage verb ("destroyed", "damaged") reports an attack only when the nearest actor
    before it in its clause is an armed group or attackers ("guerrillas destroyed two bridges",
    "the ELN damaged a section of the pipeline") and a property target is its object; not a
    storm, nor troops destroying a camp or a laboratory (lexicon ``needs_attacker`` triggers).
    The caller takes none said of a reference to a told act.  A passive one whose means is a
    device set off ("the bridge was destroyed with dynamite", "were destroyed by several
    dynamite blasts") is an attack too, with its subject as the thing hit."""
    if _PASSIVE_BEFORE.search(doc.text, seg.start, trigger.span.start) and _destroyed_by_device(
        doc, seg, trigger
    ):
        return True
    hi = min(seg.end, trigger.span.end + OBJECT_CHARS)
    if not trigger.entry.attrs.get("any_object") and not any(
        m.span.start < hi and m.entry.attrs.get("gtd_target_type") not in _NOT_PROPERTY
        for m in doc.terms_in(trigger.span.end, seg.end, "target")
    ):
        return False
    last = _nearest_actor_before(doc, seg, trigger)
    if last is None:
        return False
    if last.entry.kind == "actor":
        return last.entry.attrs.get("actor_kind") == "armed_group"
    return last.entry.attrs.get("category") in _ATTACKER_CATEGORIES


# "Human Rights Watch said on Thursday", "told reporters on Monday": a day right after a
# reporting verb (speakers.REPORTING_VERBS) is the day of the statement
_STATEMENT_DAY = re.compile(
    r"\b(?:(?:told|tells|telling|informed|briefed)\s+(?:\w+\s+){0,3}?|"
    + "|".join(sorted(set(REPORTING_VERBS) - {"told", "tells", "telling", "informed", "briefed"}))
    + r")\s+(?:late\s+|early\s+)?(?:on\s+)?$",
    re.I,
)


def _statement_day(doc: Doc, lo: int, d: DateMention) -> bool:
    """The date mention ``d`` is the day of a statement ("said on Thursday")."""
    return bool(_STATEMENT_DAY.search(doc.text, max(lo, d.span.start - 40), d.span.start))


def _date_of(em: EventMention, dates: list, *, single: bool) -> EventDate | None:
    """The date of an attack word: one in its own clause, else the sentence's first date when it
    comes before the attack word ("On Monday, gunmen ..."); a date after it in another clause
    ("..., four of whom were freed on Tuesday") belongs to that clause."""
    seg = em.segment
    in_seg = [r for d, r in dates if seg.start <= d.span.start < seg.end]
    if in_seg:
        return in_seg[0]
    before = [r for d, r in dates if d.span.start < em.trigger.span.start]
    if before:
        return before[0]
    if single and len(dates) == 1:
        return dates[0][1]
    return None


def _pair_places(doc: Doc, sent: Span, segments: list[Span], events: list[EventMention]) -> None:
    """Give each place in the sentence to one attack word: in its own segment the nearest
    attack word before it, else after it; else the nearest before it in the sentence, else after."""
    places = event_places(doc, sent)
    small = [(s, p) for s, p in places if p.kind in SMALL_PLACE_KINDS]
    use = small or places
    assigned: dict[int, list[tuple[Span, Place]]] = {}
    for span, place in use:
        seg = _segment_of(segments, span.start)
        in_seg = [e for e in events if seg.start <= e.trigger.span.start < seg.end]
        before = [e for e in in_seg if e.trigger.span.start < span.start]
        after = [e for e in in_seg if e.trigger.span.start >= span.start]
        choice = None
        if before:
            choice = before[-1]
        elif after:
            choice = after[0]
        else:
            before = [e for e in events if e.trigger.span.start < span.start]
            after = [e for e in events if e.trigger.span.start >= span.start]
            if after and (
                not before
                or after[0].trigger.span.start - span.end < span.start - before[-1].trigger.span.end
            ):
                choice = after[0]
            elif before:
                choice = before[-1]
        if choice is not None:
            assigned.setdefault(id(choice), []).append((span, place))
    # "the squad defused an IED planted under the track near Jacobabad": one site in the
    # sentence is the site of each of its attack words
    sites = {p.key for got in assigned.values() for _, p in got}
    if len(sites) == 1:
        only = next(iter(assigned.values()))
        for em in events:
            assigned.setdefault(id(em), only[:1])
    extra: list[EventMention] = []
    for em in events:
        got = assigned.get(id(em), [])
        for k, (span, place) in enumerate(_distinct_sites(doc, got, around=places)):
            target = em
            if k > 0:  # "In Pasni and Gwadar, attempts to abduct ...": one action per place
                target = EventMention(
                    trigger=em.trigger,
                    sentence=em.sentence,
                    segment=em.segment,
                    attack_types=list(em.attack_types),
                    suicide=em.suicide,
                )
                extra.append(target)
            target.place, target.place_span = place, span
    events.extend(extra)
    events.sort(key=lambda e: (e.trigger.span.start, e.place_span.start if e.place_span else 0))


def _distinct_sites(
    doc: Doc, got: list[tuple[Span, Place]], *, around: list[tuple[Span, Place]] = ()
) -> list[tuple[Span, Place]]:
    """The places an attack word stands for, one per site.

    Places listed as peers ("in Pasni and Gwadar", "Quetta, Kalat and Mastung") are separate
    sites; otherwise the words name one site more or less precisely ("the Mir Ali area of North
    Waziristan district", "Noshki, Balochistan") and the most specific place is kept, with the
    province and country of the wider one when it has none of its own (``around``: every place
    of the sentence, where the district or province around an unresolved place is looked for)."""
    if not got:
        return []
    small = [g for g in got if g[1].kind in SMALL_PLACE_KINDS] or got
    small.sort(key=lambda g: g[0].start)
    # "In Cali, a bomb exploded in the Manuela Beltran neighbourhood": a name the gazetteer lacks
    # is part of the town named with it, no site of its own (unless owned by it: "Karachi's
    # Gulshan-e-Iqbal area", the more specific place of the same site)
    if any(g[1].resolved and g[1].kind in (PlaceKind.TOWN, PlaceKind.AREA) for g in small):
        small = [g for g in small if not _unlisted(g[1]) or _owned_by_town(doc, small, g)]
    # "near Daquq, south of Kirkuk": a reference town only when nothing nearer is named
    refs = [
        c.span.end
        for c in doc.terms_in(small[0][0].start - 40, small[-1][0].end, "context_cue")
        if c.entry.attrs.get("role") == "reference_place"
    ]
    kept = [g for g in small if not any(0 <= g[0].start - e <= 3 for e in refs)]
    small = kept or small
    runs: list[list[tuple[Span, Place]]] = [[small[0]]]
    for prev, cur in zip(small, small[1:], strict=False):
        gap = doc.text[prev[0].end : cur[0].start]
        same_kind = _SPECIFICITY.get(prev[1].kind, 4) == _SPECIFICITY.get(cur[1].kind, 4)
        listed = (
            _PLACE_LIST_GAP.match(gap)
            and same_kind
            and not place_contains(prev[1], cur[1])
            and not place_contains(cur[1], prev[1])
        )
        if (
            listed or len(gap) > _SAME_SITE_GAP
        ):  # "In Jamundi, ... a drone ..., while in Caloto ..."
            runs.append([cur])
        else:
            runs[-1].append(cur)
    out = []
    for run in runs:
        best = min(run, key=lambda g: (_specificity(doc, run, g), g[0].start))
        wider = [g[1] for g in run if g is not best and g[1].resolved]
        if not best[1].resolved and not wider:
            # "the town of Pont-Sonde in the Artibonite region": the unit around it
            wider = [
                g[1]
                for g in sorted(
                    [*got, *around],
                    key=lambda g: (g[1].kind == PlaceKind.COUNTRY, abs(g[0].start - best[0].start)),
                )
                if g[1].resolved
                and (
                    g[1].kind in (PlaceKind.DISTRICT, PlaceKind.PROVINCE, PlaceKind.COUNTRY)
                    # "Karachi's Gulshan-e-Iqbal area": a part of the town named before it
                    or g[1].kind == PlaceKind.TOWN
                    and _POSSESSIVE_GAP.fullmatch(doc.text, g[0].end, best[0].start) is not None
                )
                and abs(g[0].start - best[0].start) <= _WIDER_REACH
            ]
            if not wider and _unlisted(best[1]):
                continue  # "the Qabul Khel area" alone: where it lies is not known, no site
        out.append(
            (
                best[0],
                placed_within(best[1], wider[0]) if wider and not best[1].resolved else best[1],
            )
        )
    return out


_POSSESSIVE_GAP = re.compile(r"['’]s\s+")


def _unlisted(place: Place) -> bool:
    """A place named by a place word that the gazetteer lacks ("the town of Barsalogho"): no
    candidate anywhere (a place resolved abroad only keeps its candidates as alternatives)."""
    return not place.resolved and not place.alternatives


def _owned_by_town(doc: Doc, places: list[tuple[Span, Place]], g: tuple[Span, Place]) -> bool:
    """``g`` is unresolved and a town of ``places`` owns it ("Karachi's Gulshan-e-Iqbal area")."""
    return not g[1].resolved and any(
        o[1].kind == PlaceKind.TOWN and _POSSESSIVE_GAP.fullmatch(doc.text, o[0].end, g[0].start)
        for o in places
    )


def _specificity(doc: Doc, run: list[tuple[Span, Place]], g: tuple[Span, Place]) -> int:
    """How specific a place of one site is (lower: more): a town before a district before a
    province; an unresolved place owned by a town of the run ("Karachi's Gulshan-e-Iqbal area")
    is a part of it, more specific still."""
    if _owned_by_town(doc, run, g):
        return -1
    return _SPECIFICITY.get(g[1].kind, 4)


#: how far (in characters) from an unresolved place the district or province around it is named
_WIDER_REACH = 60


def place_contains(outer: Place, inner: Place) -> bool:
    """True when ``inner`` lies in ``outer`` by the admin names the gazetteer gives."""
    if outer.kind not in (PlaceKind.DISTRICT, PlaceKind.PROVINCE, PlaceKind.COUNTRY):
        return False
    names = {x for x in (outer.canonical_name, outer.name) if x}
    return bool(names & {inner.admin1, inner.admin2}) or (
        outer.kind == PlaceKind.COUNTRY
        and inner.country == outer.country
        and inner.country is not None
    )


def placed_within(place: Place, wider: Place) -> Place:
    """An unresolved place ("Mir Ali") placed in the resolved district or province around it:
    the wider unit's coordinates at district precision (ACLED: a place known only to lie in a
    district is coded at the district, precision 2; province precision 3)."""
    district = wider.kind in (PlaceKind.DISTRICT, PlaceKind.TOWN, PlaceKind.AREA)
    country = wider.kind == PlaceKind.COUNTRY
    return Place(
        name=place.name,
        spans=list(place.spans),
        kind=place.kind,
        canonical_name=place.name,
        admin1=wider.admin1
        if wider.kind != PlaceKind.PROVINCE
        else (wider.canonical_name or wider.name),
        admin2=wider.admin2
        if wider.kind != PlaceKind.DISTRICT
        else (wider.canonical_name or wider.name),
        country=wider.country,
        country_iso3=wider.country_iso3,
        country_name=wider.country_name,
        latitude=wider.latitude,
        longitude=wider.longitude,
        precision=2 if district else 4 if country else 3,
        where_prec=3 if district else 7 if country else 4,
        resolved=False,
        alternatives=[],
    )


_CLAUSE_BREAK = re.compile(r";|\s(?:while|whereas|but)\s", re.I)


#: targets that are civilians or their places (targets.toml ids)
_CIVILIAN_TARGETS = frozenset(
    "civilians passengers school religious market hospital journalists business aid_workers".split()
)


#: weapons fired from afar (weapons.toml ids)
_REMOTE_WEAPONS = frozenset({"rocket", "mortar", "drone", "airstrike", "artillery"})


def _civilians_struck(em: EventMention) -> bool:
    """A state's strike from afar (missile, drone, shell) whose own targets are civilians or
    their places only ("a Russian missile struck a residential building"): an attack, not a
    security operation against armed people (ACLED: explosions/remote violence or violence
    against civilians)."""
    ids = {t.entry.id for t in em.targets}
    remote = any(w.entry.id in _REMOTE_WEAPONS for w in em.weapons)
    return remote and bool(ids) and ids <= _CIVILIAN_TARGETS


def _cue_reaches(text: str, cue: LexMatch, t: LexMatch) -> bool:
    """A clause cue governs the attack word after it: any in its clause, or, for a cue with a
    ``reach``, one at most that many words after it ("urged the throwing of fire bombs"; not
    "decided to suspend the dialogue process following the dynamite attack")."""
    reach = cue.entry.attrs.get("reach")
    if reach is None:
        return True
    return len(text[cue.span.end : t.span.start].split()) <= int(reach)


def _clause_of(doc: Doc, sent: Span, offset: int) -> tuple[int, int]:
    """The part of the sentence around ``offset`` between ';', 'while', 'but'."""
    lo, hi = sent.start, sent.end
    for m in _CLAUSE_BREAK.finditer(doc.text, sent.start, sent.end):
        if m.end() <= offset:
            lo = m.end()
        elif m.start() >= offset:
            hi = m.start()
            break
    return lo, hi


def _read_clause(doc: Doc, sent: Span, em: EventMention, *, single: bool = True) -> None:
    seg = em.segment
    # status: cues in the segment, or in the sentence when it has a single action
    cues = doc.terms_in(seg.start, seg.end, "status_cue")
    if not cues and single:
        lo, hi = _clause_of(doc, sent, em.trigger.span.start)
        cues = doc.terms_in(lo, hi, "status_cue")
    statuses = {c.entry.attrs.get("status") for c in cues}
    if "foiled" in statuses:
        em.status = IncidentStatus.FOILED
    elif "attempted" in statuses:
        em.status = IncidentStatus.ATTEMPTED
    em.status_spans = [c.span for c in cues]
    lo = seg.start
    hi = seg.end
    em.weapons = doc.terms_in(lo, hi, "weapon")
    em.targets = _not_speakers(doc, doc.terms_in(lo, hi, "target"))
    if not em.weapons:
        em.weapons = [w for w in doc.terms_in(sent.start, sent.end, "weapon")]
    if not em.targets:
        em.targets = _not_speakers(doc, doc.terms_in(sent.start, sent.end, "target"))
    if em.trigger.entry.attrs.get("discovery"):
        # "police found the bodies of nine men": the finders before it are not what was hit
        em.targets = [m for m in em.targets if m.span.start >= em.trigger.span.end]
    if (
        any(w.entry.id == "suicide_vest" for w in em.weapons)
        or "suicide" in em.trigger.span.text.lower()
    ):
        em.suicide = True
    em.attributed = bool(_ATTRIBUTED.search(sent.text))
    em.accused = bool(_ACCUSING.search(sent.text))
    em.insurgent_subject = any(
        m.entry.attrs.get("actor_kind") == "armed_group"
        or m.entry.attrs.get("category") == "militants"
        for m in doc.terms_in(seg.start, em.trigger.span.start, "actor", "victim")
    )
    em.state_agent = _state_agent(doc, sent, em)
    if em.state_agent is not None and em.state_agent.entry.attrs.get("generic"):
        em.specific_state = _named_force(doc, em.state_agent)
    if (
        em.state_agent is not None
        and AttackType.SECURITY_OPERATION not in em.attack_types
        and not _civilians_struck(em)
    ):
        # "security forces killed eight militants", "raids by police": the state's own action
        em.attack_types = [t for t in em.attack_types if t != AttackType.UNKNOWN] + [
            AttackType.SECURITY_OPERATION
        ]
    aircraft = _aerial_bombing(doc, sent, em)
    if aircraft is not None:
        # "the air force is bombing the suburbs", "villages bombed by helicopters": an air strike
        em.attack_types = [AttackType.SECURITY_OPERATION]
        if not any(w.entry.id in ("airstrike", "drone") for w in em.weapons):
            # the aircraft is the weapon (ACLED "air/drone strike")
            from sitrep.text.lexicon import default_lexicon

            strike = default_lexicon().entry("weapon", "airstrike")
            em.weapons = [*em.weapons, LexMatch(strike, aircraft.span)]
    # the groups of the attack word's own clause ("Hamas fired rockets, while Israel said its
    # jets struck Gaza": not Hamas for the strike); the sentence's when the clause names nobody
    scope = em.segment
    if not doc.terms_in(scope.start, scope.end, "actor"):
        scope = sent
    for a in doc.terms_in(scope.start, scope.end, "actor"):
        if a.entry.attrs.get("actor_kind") != "armed_group" or a.entry.attrs.get("generic"):
            continue  # "militants", "separatists": nobody in particular
        if _AFFILIATION_AFTER.match(doc.text, a.span.end):
            continue  # "the al-Qaida-linked al-Shabab": an affiliation, not a doer
        if _SPEAKER_AFTER.match(doc.text, a.span.end):
            continue  # "a Taliban spokesman said": the group speaks of the act
        if 0 <= a.span.start - em.trigger.span.end <= 30 and _OBJECT_GAP.fullmatch(
            doc.text, em.trigger.span.end, a.span.start
        ):
            continue  # "it had targeted Hamas militants": the group is the one attacked
        if _counted_harmed(doc, scope, a):
            continue  # "a drone strike killed three al-Shabaab commanders": the ones hit
        before = doc.text[max(sent.start, a.span.start - 40) : a.span.start]
        suspected = bool(_SUSPECT.search(before))
        em.agents.append((a, suspected))


#: between an attack word and a group right after it when the group is its object ("struck
#: the Hamas", "attacked suspected TTP hideouts"); never "by", "of", "from" ("attack by TTP")
def _counted_harmed(doc: Doc, scope: Span, a: LexMatch) -> bool:
    """The group's name stands in a count of people harmed or arrested: "killed three
    al-Shabaab commanders", "three al-Shabaab fighters were killed" (not "two Boko Haram
    fighters attacked": counted doers)."""
    counts = [q.span for q in doc.quantities_in(max(scope.start, a.span.start - 30), a.span.start)]
    counted = [q for q in counts if 0 <= a.span.start - q.end <= 3]
    if not counted:
        return False
    q = counted[-1]
    harm = {"killed", "injured", "arrested", "abducted"}
    before = doc.terms_in(max(scope.start, q.start - 25), q.start, "casualty_term")
    after = doc.terms_in(a.span.end, min(scope.end, a.span.end + 40), "casualty_term")
    return any(m.entry.attrs.get("status") in harm for m in [*before, *after])


_OBJECT_GAP = re.compile(r"\s+(?:(?:the|a|an|suspected|alleged|known)\s+)?", re.I)


# "a police spokesman said", "army officials told": the institution speaks, it is not hit
# "..., police said", "police told reporters", "what police described as": the word is the speaker
_SPEAKS_AFTER = re.compile(
    r"\s+(?:officials?\s+|sources?\s+|chiefs?\s+)?(?:"
    + "|".join(REPORTING_VERBS + ["described", "called", "termed"])
    + r")\b",
    re.I,
)
# "police said they shot dead", "the army said its troops killed": the speaker did the act
_SAID_THEY_DID = re.compile(
    r"\s+(?:said|say|says|announced|reported|confirmed|claimed)\s+(?:that\s+)?"
    r"(?:they|it|its\s+[\w-]+|their\s+[\w-]+)\s+(?:had\s+|have\s+|has\s+)?(?:[\w-]+ly\s+)?$",
    re.I,
)
_SPEAKER_AFTER = re.compile(
    r"\s+(?:spokesman|spokeswoman|spokesperson|media\s+wing)\b",
    re.I,
)


def _not_speakers(doc: Doc, targets: list[LexMatch]) -> list[LexMatch]:
    """The target words that are no speaker ("a police spokesman", "..., police said", "in what
    police described as a gang killing") and describe no armed group."""
    return [
        t
        for t in targets
        if not _SPEAKER_AFTER.match(doc.text, t.span.end)
        and not _SPEAKS_AFTER.match(doc.text, t.span.end)
        and not _describes_a_group(doc, t)
    ]


def _describes_a_group(doc: Doc, t: LexMatch) -> bool:
    """A target word right before an armed group's name describes the group ("paramilitary
    Rapid Support Forces fighters killed 40"): the doers, not what they hit."""
    after = doc.terms_in(t.span.end, t.span.end + 120, "actor")
    return any(
        0 < a.span.start - t.span.end <= 2
        and a.entry.attrs.get("actor_kind") == "armed_group"
        and doc.text[t.span.end : a.span.start].strip() == ""
        for a in after
    )


_AFFILIATION_AFTER = re.compile(
    r"[\s-]*(?:linked|affiliated|allied|aligned|backed|inspired|loyal)\b", re.I
)


# between an aircraft and the bombing word it does: auxiliaries, adverbs, "used ... to"
_AIR_AGENT_GAP = re.compile(
    r"^\s*(?:(?:that|which|is|are|was|were|has|have|had|been|being|also|again|then|still|now|continued|"
    r"continues|continue|began|begun|started|kept|used|to|[a-z]+ly)\s+){0,4}$",
    re.I,
)
_BY_AIR = re.compile(r"\s+(?:[\w-]+\s+){0,4}?by\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,2}$", re.I)


def _aerial_bombing(doc: Doc, sent: Span, em: EventMention) -> LexMatch | None:
    """The aircraft or air arm (lexicon context cue with role ``aircraft``) that is the agent
    of a bombing word: "the air force is bombing", "helicopters bombed", "air force bombings",
    "bombed by planes"; None for "the plane bombing" (a plane as what was bombed) or "a bomb
    exploded on a plane"."""
    t = em.trigger
    word = t.span.text.lower()
    if t.entry.id not in ("bombing", "explode_verb", "drone_drop") or not (
        word.startswith("bomb") or word.startswith("dropp")
    ):
        return None
    verb = word.endswith("ed") or word.startswith("dropp")
    seg = em.segment
    for c in doc.terms_in(seg.start, seg.end, "context_cue"):
        if c.entry.attrs.get("role") != "aircraft":
            continue
        if c.span.end <= t.span.start and t.span.start - c.span.end <= 50:
            gap = doc.text[c.span.end : t.span.start]
            modifier = c.span.text.lower() in c.entry.attrs.get("modifier", [])
            plural_agent = c.span.text.lower().endswith("s") and word == "bomb"
            if gap.strip() == "" and not (modifier or verb or plural_agent):
                continue  # "the plane bombing": what was bombed; not "airplanes bomb cities"
            if gap.strip() == "" or _AIR_AGENT_GAP.match(gap):
                return c
        elif c.span.start >= t.span.end and c.span.start - t.span.end <= 40:
            if _BY_AIR.fullmatch(doc.text[t.span.end : c.span.start]):
                return c
    return None


_STATE_KINDS = ("state_force", "police")
_ACCUSING = re.compile(r"\b(?:accus(?:ed|es|ing)|alleg(?:ed|es|ing)|blam(?:ed|es|ing))\b", re.I)
_ATTRIBUTED = re.compile(
    r"\b(?:said|says|told|stated|according\s+to|reported|confirmed|alleged|blamed|accused|claimed\s+by)\b",
    re.I,
)


def _named_force(doc: Doc, generic: LexMatch) -> LexMatch | None:
    """The named state force of the same kind the article names ("troops" and "the ISPR said"
    are the Pakistan Army), when it names exactly one."""
    kind = generic.entry.attrs.get("actor_kind")
    named = {
        a.entry.id: a
        for a in doc.terms
        if a.entry.kind == "actor"
        and a.entry.attrs.get("actor_kind") == kind
        and not a.entry.attrs.get("generic")
    }
    return next(iter(named.values())) if len(named) == 1 else None


# "an Israeli airstrike", "a Russian drone attack", "Turkish artillery shelling", "a U.S. drone
# strike": a nationality word (with a weapon word) right before the attack word
_NATION_BEFORE = re.compile(
    r"(?P<nation>\b[A-Z][a-z]+|\bU\.S\.|\bUS)\s+"
    r"(?:(?:air|drones?|missiles?|rockets?|artillery|naval|tanks?|mortars?|military|army|cruise|"
    r"ballistic|jets|warplanes|fighter|shells)\s+){0,2}$"
)
_NATION_WORDS = {"u.s.": "US", "us": "US", "american": "US"}


@functools.lru_cache(maxsize=1)
def _national_forces() -> dict[str, LexEntry]:
    """Country (ISO2) -> its one named state force in the actor lexicon."""
    from sitrep.text.lexicon import default_lexicon

    by: dict[str, list[LexEntry]] = {}
    for e in default_lexicon().entries("actor"):
        if e.attrs.get("actor_kind") == "state_force" and not e.attrs.get("generic"):
            country = e.attrs.get("country")
            if country:
                by.setdefault(country, []).append(e)
    return {c: es[0] for c, es in by.items() if len(es) == 1}


def _national_force(doc: Doc, seg: Span, t: LexMatch) -> LexMatch | None:
    """The state force a nationality word names when it stands right before the attack word
    ("an Israeli airstrike": the Israel Defense Forces), if the lexicon names one for it."""
    from sitrep.geo.mentions import demonyms

    m = _NATION_BEFORE.search(doc.text, max(seg.start, t.span.start - 40), t.span.start)
    if m is None:
        return None
    word = m.group("nation")
    iso = _NATION_WORDS.get(word.casefold()) or demonyms().get(word.casefold())
    entry = _national_forces().get(iso) if iso else None
    if entry is None:
        return None
    return LexMatch(entry, Span.of(doc.text, m.start("nation"), m.end("nation")))


_OWN_FORCE = re.compile(
    r"\b(?:its|their)\s+(?:own\s+)?(?:jets|warplanes|fighter\s+jets|aircraft|drones|forces|troops|"
    r"army|military|soldiers|artillery|navy|air\s+force)\b",
    re.I,
)


def _own_force_of_state(doc: Doc, sent: Span, seg: Span, t: LexMatch) -> LexMatch | None:
    """ "Israel said its jets struck targets in Gaza": a government's own force doing the act is
    that country's named state force (when the lexicon has one)."""
    found = list(_OWN_FORCE.finditer(doc.text, seg.start, t.span.end))
    if not found:
        return None
    m = found[-1]
    govs = [
        a
        for a in doc.terms_in(sent.start, m.start(), "actor")
        if a.entry.attrs.get("actor_kind") == "government" and a.entry.attrs.get("country")
    ]
    if not govs:
        return None
    entry = _national_forces().get(str(govs[-1].entry.attrs["country"]))
    if entry is None:
        return None
    return LexMatch(entry, Span.of(doc.text, m.start(), m.end()))


def _state_agent(doc: Doc, sent: Span, em: EventMention) -> LexMatch | None:
    """The state force that carried out the act: the subject of the attack word in its clause
    with no armed group between ("troops raided"), or the agent after "by" ("raids by police");
    for attack words that are the state's by definition ("intelligence-based operation",
    "airstrike") the nearest state force in the sentence."""
    t = em.trigger
    if t.entry.attrs.get("discovery"):
        return None  # "police found the bodies of two men": the finders, not the killers
    seg = em.segment
    side = t.entry.attrs.get("actor_side", "either")
    # "a Russian drone attack": a nationality word on the attack word names the state's force
    # even for attack words insurgents usually do
    national = _national_force(doc, seg, t) or _own_force_of_state(doc, sent, seg, t)
    if national is not None:
        return national
    if side == "militant":
        return None
    actors = doc.terms_in(sent.start, sent.end, "actor")
    longer = [
        m.span
        for m in doc.terms_in(sent.start, sent.end, "target", "victim")
        if m.span.end - m.span.start
    ]
    state = [
        a
        for a in actors
        if a.entry.attrs.get("actor_kind") in _STATE_KINDS
        and not any(
            sp.start < a.span.end and sp.end > a.span.end and sp.start >= a.span.start - 4
            for sp in longer
        )  # "the police station", "an army camp": what was attacked, not who acted
        # "in what police described as": a speaker, unless it says it did the act itself
        # ("police said they shot dead two militants")
        and (
            not _SPEAKS_AFTER.match(doc.text, a.span.end)
            or _SAID_THEY_DID.match(doc.text[a.span.end : t.span.start]) is not None
        )
    ]
    if not state:
        return None
    counted = [q.span for q in doc.quantities_in(sent.start, t.span.start)]
    kills = [m.span for m in doc.terms_in(sent.start, t.span.start, "casualty_term")]
    groups_before = [
        a
        for a in actors
        if a.entry.attrs.get("actor_kind") == "armed_group"
        and seg.start <= a.span.start < t.span.start
        # "troops killed five militants in a raid": the militants are the object
        and not any(0 <= a.span.start - q.end <= 3 for q in counted)
        and not any(0 <= a.span.start - k.end <= 12 for k in kills)
    ]
    subject = [
        a
        for a in state
        if seg.start <= a.span.start < t.span.start
        and t.span.start - a.span.end <= 60
        # "militants killed 17 soldiers in an attack": counted or killed, the soldiers are harmed
        and not any(0 <= a.span.start - q.end <= 3 for q in counted)
        and not any(0 <= a.span.start - k.end <= 12 for k in kills)
        and (
            not _ATTRIBUTED.search(doc.text[a.span.end : t.span.start])  # "police said the bomb"
            or _SAID_THEY_DID.match(doc.text[a.span.end : t.span.start]) is not None
        )
    ]
    # "two police officers were shot dead by gunmen": the subject of a passive is harmed
    passive = bool(
        re.match(r"(?:was|were|been|being|is|are)\s", t.span.text, re.I)
        or _PASSIVE_BEFORE.search(doc.text, seg.start, t.span.start)
    )
    if (
        subject
        and not passive
        and not any(g.span.start > subject[-1].span.start for g in groups_before)
    ):
        if (
            not groups_before
            or _AGENT_BEFORE.search(
                doc.text[max(sent.start, subject[-1].span.start - 6) : subject[-1].span.start]
            )
            is None
        ):
            return subject[-1]
    after = doc.text[t.span.end : t.span.end + 12]
    if re.match(r"\s+by\s+(?:the\s+)?$", after[: len(after)]) or re.match(r"\s+by\s", after):
        for a in state:
            if 0 <= a.span.start - t.span.end <= 14:
                return a
    if t.entry.attrs.get("actor_side") == "state" and not groups_before:
        return min(state, key=lambda a: abs(a.span.start - t.span.start))
    return None


def tagged(matches: list[LexMatch]) -> list[Tagged]:
    """Lexicon matches as model values, one per id with all spans."""
    by_id: dict[str, Tagged] = {}
    for m in matches:
        t = by_id.get(m.entry.id)
        if t is None:
            t = by_id[m.entry.id] = Tagged(kind=m.entry.id, label=m.entry.label)
        if m.span not in t.spans:
            t.spans.append(m.span)
    return list(by_id.values())


def order_types(types: set[AttackType]) -> list[AttackType]:
    if len(types) > 1:
        types.discard(AttackType.UNKNOWN)
    return [t for t in _TYPE_ORDER if t in types]


def date_key(date: EventDate | None) -> str:
    return date.iso if date is not None and date.iso else "?"


def same_day(a: EventDate | None, b: EventDate | None) -> bool:
    return a is not None and b is not None and a.iso == b.iso


def earliest(dates: list[dt.date]) -> dt.date | None:
    return min(dates) if dates else None
