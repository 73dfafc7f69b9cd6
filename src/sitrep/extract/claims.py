"""Claims: statements by speakers, kept as said and never turned into facts.

Per sentence, each stance word with its speakers (see :mod:`sitrep.extract.speakers`) gives one
claim per speaker:

* ``claims_responsibility``: "X claimed responsibility (for)", "X claimed the attack",
  "responsibility was claimed by X", "X said it carried out"; not when negated ("did not claim",
  "no group has claimed", "yet to claim");
* ``alleges``: "alleged", "claimed that", "insisted that"; also a plain statement ("said") whose
  content says someone backed, was behind or may have been behind an act, with an actor named;
* ``accuses``: "accused X of", "blamed X";
* ``denies``: "denied", "refuted", "rejected", "dismissed"; ``responds_to`` is the nearest
  earlier allegation or accusation that names the denier (its id, its institution or its
  country), else the nearest earlier one;
* ``reports``: another reporting verb ("said", "reported", "confirmed", "according to") whose
  clause holds a number or an attack/casualty/status word.

``about`` is the clause content after the stance word (as written, trimmed); ``target_actor_ids``
the actors it names (for allegations and accusations), without the speakers themselves.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitrep.extract.incidents import subject_allows
from sitrep.extract.speakers import Source, object_after, subject_before
from sitrep.model import Claim, Span, Stance
from sitrep.text.lexicon import Lexicon, LexMatch
from sitrep.text.scan import last_end, longest_space

_RESP = (
    r"(?:claimed|claims|claiming|claim|has\s+claimed|have\s+claimed|accepted|accepts|accept|took|"
    r"takes|take|taking|owned|assumed|assumes)\s+(?:the\s+|full\s+)?(?:responsibility|credit|ownership)"
    r"|claimed\s+(?:the|this|that|these|those|both)\s+(?:\w+\s+)?(?:attacks?|bombings?|blasts?|assaults?|"
    r"killings?|ambush|raids?|abductions?|kidnappings?)"
)
_RESP_SAID = (
    r"(?:said|says|stated|announced|declared)\s+(?:(?:in|on|via|through)\s+(?:a|an|its|their)\s+[\w\s]{1,40}?\s+)?(?:that\s+)?"
    r"(?:it|its\s+(?:fighters|militants|members|men|cadres|operatives|suicide\s+bombers?))\s+"
    r"(?:had\s+|has\s+|have\s+)?(?:carried\s+out|was\s+behind|were\s+behind|conducted|launched|executed|"
    r"staged|targeted|attacked)"
)
_PASSIVE_RESP = re.compile(
    r"\bresponsibility\s+(?:for\s+[^.;]{0,80}?\s+)?(?:was|has\s+been|had\s+been|is)\s+claimed\s+by\s+",
    re.I,
)
_ALLEGE = r"alleged|alleges|alleging|allege|claimed\s+that|claims\s+that|insisted\s+that|insists\s+that|maintained\s+that|maintains\s+that"
_ACCUSE = r"accused|accuses|accusing|accuse|blamed|blames|blaming|blame|held\s+\w+\s+responsible"
_DENY = (
    r"denied|denies|deny|denying|refuted|refutes|refute|refuting|rejected|rejects|reject|rejecting|"
    r"dismissed|dismisses|dismiss|dismissing|repudiated|repudiates|called\s+(?:the|these|such)\s+"
    r"(?:allegations|claims|accusations)\s+(?:baseless|false|unfounded)"
)
_REPORT = (
    r"said|says|stated|states|told|tells|added|adds|confirmed|confirms|reported|reports|announced|"
    r"announces|noted|notes|indicated|indicates|revealed|reveals|disclosed|informed|explained|"
    r"briefed|put\s+the\s+(?:toll|number)"
)

# the lookahead only skips, fast, the words no alternative can start with (every stance word
# begins with one of these letters): the matches are those of the pattern without it
_STANCE_RE = re.compile(
    rf"\b(?=[abcdehimnoprst])(?:(?P<resp>{_RESP})|(?P<respsaid>{_RESP_SAID})|(?P<allege>{_ALLEGE})|(?P<accuse>{_ACCUSE})|"
    rf"(?P<deny>{_DENY})|(?P<report>{_REPORT}))\b",
    re.I,
)
_ACCORDING = re.compile(r"\b(?:according\s+to|as\s+reported\s+by|reported\s+by)\s+", re.I)
_NEGATED = re.compile(
    r"(?:\b(?:not|never|yet\s+to|no\s+one|nobody|none|neither|nor|without|refused\s+to|declined\s+to)\b|"
    r"n[\u2019']t\b|\bno\s+(?:\w+\s+){0,2}(?:group|groups|organisation|organization|outfit|one|party|faction)\b)"
    r"[^.;,]*$",
    re.I,
)
_CLAUSE_END = re.compile(
    r";|\s+-{1,2}\s+|,\s+(?:although|though|while|but|whereas|even\s+as|a\s+claim|an\s+allegation|"
    r"a\s+charge|an\s+accusation|which)\b|,?\s+(?:although|though|whereas)\s",
    re.I,
)
_CLAUSE_START = re.compile(
    r"[;:(\"\u201c\u201d]|,\s+(?:although|though|while|but|whereas|even\s+as|which)\b|"
    r",\s+(?=(?:a\s+claim|an\s+allegation|a\s+charge|an\s+accusation)\b)|\b(?:although|though|whereas|however)\b",
    re.I,
)
_ALLEGATION_CUE = re.compile(
    r"\b(?:support(?:ed)?\s+(?:from|by)|backed\s+by|backing|sponsored|sponsorship|funded\s+by|funding|"
    r"behind\s+(?:the|these|this|those)|responsible\s+for|involved\s+in|involvement|a\s+hand\s+in|"
    r"nexus|patronage|harbou?r(?:ing|s|ed)?|safe\s+havens?|using\s+\w+\s+(?:soil|territory)|proxies|proxy|"
    r"ordered\s+by|carried\s+out\s+by|the\s+work\s+of|masterminded\s+by|orchestrated\s+by|planned\s+by|"
    r"belonged\s+to|members\s+of|affiliated\s+with|crossed\s+(?:over\s+)?from|came\s+from|based\s+in|"
    r"operat(?:e|es|ing)\s+from|sheltered\s+(?:in|by)|handlers\s+in)\b",
    re.I,
)
_NUMBER = re.compile(
    r"\b(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety|hundred|hundreds|dozen|dozens|scores|thousand|thousands)\b",
    re.I,
)
_GROUP_ANAPHOR = re.compile(
    r"\b(?:the|this|that)\s+(?:militant\s+|terrorist\s+|separatist\s+|banned\s+|outlawed\s+|proscribed\s+)?"
    r"(?:group|outfit|organisation|organization)\b",
    re.I,
)
_PASSIVE = re.compile(r"\b(?:was|were|is|are|been|being|be)\s+(?:\w+ly\s+)?$", re.I)
_LEAD_THAT = re.compile(r"^(?:that|it\s+was|,)\s+", re.I)
_LEAD_TOLD = re.compile(r"^(?:[\w.']+\s+){1,6}?that\s+", re.I)
_INVERTING = ("said", "says", "added", "stated", "confirmed", "told")


@dataclass(slots=True)
class _Draft:
    stance: Stance
    speaker: Source
    about: Span
    clause: Span
    targets: list[str]


def _clause_bounds(text: str, sent: Span, pos: int) -> tuple[int, int]:
    """The clause around ``pos`` inside the sentence."""
    # an attempt of _CLAUSE_START looks at most two blank runs and 30 characters ahead
    start = last_end(_CLAUSE_START, text, sent.start, pos, 2 * longest_space(text) + 32)
    if start < 0:
        start = sent.start
    end = sent.end
    m = _CLAUSE_END.search(text, pos, sent.end)
    if m:
        end = m.start()
    return start, end


def _trimmed(text: str, start: int, end: int) -> Span | None:
    while start < end and (text[start].isspace() or text[start] in ",.;:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",.;:"):
        end -= 1
    return Span.of(text, start, end) if end > start else None


#: an attack verb or "against" right before an actor: the actor is the object of the act
_ATTACKED_BEFORE = re.compile(
    r"\b(?:target(?:ed|ing)|struck|striking|hit(?:ting)?|attack(?:ed|ing)|bomb(?:ed|ing)|"
    r"kill(?:ed|ing)|against)\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+)?$",
    re.I,
)


def _actor_ids(
    text: str, span: Span, lexicon: Lexicon, caseless: bool, *, exclude: set[str]
) -> list[str]:
    out: list[str] = []
    for m in lexicon.find(
        text, span.start, span.end, kinds=("actor",), case_sensitive_acronyms=not caseless
    ):
        if _ATTACKED_BEFORE.search(text, max(span.start, m.span.start - 40), m.span.start):
            continue  # "it had targeted Hamas militants": the one attacked, not accused
        if m.entry.id not in exclude and m.entry.id not in out:
            out.append(m.entry.id)
    if _GROUP_ANAPHOR.search(span.text):
        group = _last_armed_group(text, span.start, lexicon, caseless)
        if group is not None and group.entry.id not in exclude and group.entry.id not in out:
            out.insert(0, group.entry.id)
    return out


def _last_armed_group(text: str, before: int, lexicon: Lexicon, caseless: bool) -> LexMatch | None:
    found = [
        m
        for m in lexicon.find(
            text,
            max(0, before - 1500),
            before,
            kinds=("actor",),
            case_sensitive_acronyms=not caseless,
        )
        if m.entry.attrs.get("actor_kind") == "armed_group" and not m.entry.attrs.get("generic")
    ]
    return found[-1] if found else None


def _has_event_words(text: str, span: Span, lexicon: Lexicon, caseless: bool) -> bool:
    """An attack, casualty or status word, or a number of people ("nine bodies", "12 injured");
    a number alone ("Rs84 billion", "5,000 young people would be trained") is not enough."""
    found = lexicon.find(
        text,
        span.start,
        span.end,
        kinds=("trigger", "casualty_term", "status_cue"),
        case_sensitive_acronyms=not caseless,
    )
    if any(
        m.entry.attrs.get("event") is not False and subject_allows(text, span.start, m)
        for m in found
    ):
        return True
    victims = lexicon.find(
        text, span.start, span.end, kinds=("victim",), case_sensitive_acronyms=not caseless
    )
    for n in _NUMBER.finditer(text, span.start, span.end):
        if any(0 <= v.span.start - n.end() <= 25 for v in victims):
            return True
    return False


_DISOWN = re.compile(
    r"\b(?:nothing\s+to\s+do\s+with|not\s+involved|no\s+role\s+in|no\s+hand\s+in|played\s+no\s+part)\b",
    re.I,
)
_DENIAL_OBJECT = re.compile(
    r"\b(?:allegations?|accusations?|claims?|charges?|reports?|involvement|responsibility|role|links?|"
    r"support|propaganda|baseless|false|unfounded|that|it|them|this|these|those|such)\b",
    re.I,
)
_COLLECTIVE = frozenset(
    {
        "police",
        "military",
        "army",
        "government",
        "administration",
        "media",
        "paramilitary",
        "levies",
    }
)
_DATELINE_TAIL = re.compile(r"^[\w .'-]{1,30}\)\s*[-\u2013\u2014:]+\s*")
# "KYIV - ", "BENI, Congo - ", "MOGADISHU, Somalia (AP) - ": the dateline before the lede
_DATELINE_HEAD = re.compile(
    r"^[A-Z][A-Z .'\u2019-]{2,30}(?:,\s*[\w .'-]{2,30})?(?:\s*\([^)]{1,30}\))?\s*[-\u2013\u2014:]+\s+"
)
_COUNT_BEFORE = re.compile(
    r"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|dozens|several))"
    r"\s+(?:[\w-]+\s+){0,2}$",
    re.I,
)


def _bare_tag(src: Source, lexicon: Lexicon) -> bool:
    """'officials said', 'police said', 'the military said', 'residents said': an attribution tag,
    not a statement by someone named, titled or an institution of its own."""
    if src.actor_id and not src.actor_id.startswith("person:"):
        try:
            entry = lexicon.entry("actor", src.actor_id)
        except KeyError:
            return False
        if not entry.attrs.get("generic"):
            return False
        # "the district police chief", "railway police" are someone; "police", "the army",
        # "security officials" are not
        words = [w for w in re.findall(r"[a-z]+", src.name.lower()) if w not in ("the", "a", "an")]
        if not words:
            return True
        return (
            words[-1].endswith("s")
            or words[-1] == "media"
            or (len(words) == 1 and words[0] in _COLLECTIVE)
        )
    if src.actor_id:
        return False
    words = src.name.split()
    return (
        bool(words)
        and not any(w[:1].isupper() for w in words[1:])
        and words[-1].lower().endswith("s")
        and not any(w.lower() in ("a", "an") for w in words)
    )


def _not_a_speaker(text: str, src: Source, places: list[Span], lexicon: Lexicon) -> bool:
    """A place ("Lakki Marwat said"), a counted noun ("five policemen ..., officials said") or a
    person-shaped name that is a place, an institution or a day ("Palm Sunday", "Headquarters
    Hospital": lexicon context cues with role ``not_a_person``) is not a speaker."""
    if any(p.start <= src.span.start and src.span.end <= p.end for p in places):
        return not (src.actor_id and not src.actor_id.startswith("person:"))
    if src.actor_id and src.actor_id.startswith("person:"):
        if any(src.span.start < p.end and p.start < src.span.end for p in places):
            return True
        cues = lexicon.find(text, src.span.start, src.span.end, kinds=("context_cue",))
        if any(c.entry.attrs.get("role") == "not_a_person" for c in cues):
            return True
    # "killing ten people, among them four Levies personnel ..., officials said": counted people
    return bool(_COUNT_BEFORE.search(text, max(0, src.span.start - 40), src.span.start)) and not (
        src.actor_id and src.actor_id.startswith("person:")
    )


_DENIED_ACT = re.compile(r"\s*(?:ever\s+|having\s+)?[a-z]+ing\b", re.I)
_COORDINATED_VERB = re.compile(r"\b(?:and|but)\s+(?:also\s+|later\s+)?$", re.I)
_VERB_BETWEEN = re.compile(r"\b(?:said|says|was|were|is|are|had|has|have|who|which)\b", re.I)


def _statement_before(text: str, sent: Span, c_start: int, first: int) -> Span | None:
    """The words before a speaker that stands after a comma at the end ("..., police said")."""
    comma = text.rfind(",", sent.start, first)
    if comma < 0:
        return None
    # "..., police officer Abdullahi Nur told reporters": a title may stand before the name
    between = text[comma + 1 : first]
    if len(between.split()) > 4 or _VERB_BETWEEN.search(between):
        return None
    return _trimmed(text, sent.start, comma)


def _speaker_ids(s: Source) -> set[str]:
    return {x for x in (s.actor_id, s.on_behalf_of) if x}


def _claims_in_sentence(
    text: str, sent: Span, lexicon: Lexicon, caseless: bool, places: list[Span] | None = None
) -> list[_Draft]:
    drafts: list[_Draft] = []
    taken: list[tuple[int, int]] = []  # stance words already used
    # "responsibility was claimed by X"
    for m in _PASSIVE_RESP.finditer(text, sent.start, sent.end):
        verb = Span.of(text, m.start(), m.end())
        c_start, c_end = _clause_bounds(text, sent, m.start())
        if _NEGATED.search(text, c_start, m.start()):
            continue
        about = _trimmed(text, m.start(), m.end() - len(" claimed by ") - 4) or verb
        for src in object_after(text, m.end(), c_end, lexicon, verb=verb, caseless=caseless):
            drafts.append(
                _Draft(Stance.CLAIMS_RESPONSIBILITY, src, about, Span.of(text, c_start, c_end), [])
            )
        taken.append((m.start(), m.end()))
    # "according to X"
    for m in _ACCORDING.finditer(text, sent.start, sent.end):
        verb = Span.of(text, m.start(), m.end())
        c_start, c_end = _clause_bounds(text, sent, m.start())
        speakers = object_after(text, m.end(), c_end, lexicon, verb=verb, caseless=caseless)
        taken.append((m.start(), m.end()))
        clause = _trimmed(text, c_start, c_end)
        speakers = [
            sp
            for sp in speakers
            if not _bare_tag(sp, lexicon) and not _not_a_speaker(text, sp, places or [], lexicon)
        ]
        if not speakers or clause is None:
            continue
        # the content is the clause without "according to X"
        last = max(s.span.end for s in speakers)
        about = _trimmed(text, c_start, m.start()) or _trimmed(text, last, c_end) or clause
        if not _has_event_words(text, about, lexicon, caseless):
            continue
        for src in speakers:
            drafts.append(_Draft(Stance.REPORTS, src, about, clause, []))
    previous: list[Source] = []  # the speakers of the last stance verb in the sentence
    for m in _STANCE_RE.finditer(text, sent.start, sent.end):
        if any(s <= m.start() < e for s, e in taken):
            continue
        kind = m.lastgroup
        if kind != "resp" and _PASSIVE.search(text, max(sent.start, m.start() - 30), m.start()):
            continue  # "Tehran was accused of ...": the speaker is not the subject
        c_start, c_end = _clause_bounds(text, sent, m.start())
        verb_word = re.match(r"\S+", m.group(0))
        verb = Span.of(
            text, m.start(), m.start() + (verb_word.end() if verb_word else len(m.group(0)))
        )
        speakers = subject_before(text, c_start, verb, lexicon, caseless=caseless)
        if previous and _COORDINATED_VERB.search(text, max(sent.start, m.start() - 12), m.start()):
            # "the ministry said its forces struck military targets and denied hitting
            # civilians": the second verb has the first one's subject
            speakers = previous
        inverted = False
        if not speakers and kind == "report" and verb.text.lower() in _INVERTING:
            speakers = object_after(text, m.end(), c_end, lexicon, verb=verb, caseless=caseless)
            inverted = bool(speakers)
        if not speakers:
            continue
        previous = speakers
        if kind == "respsaid" and not any(s.kind == "armed_group" for s in speakers):
            kind = "report"  # "the army said it carried out an operation": a report
        first = min(s.span.start for s in speakers)
        if _NEGATED.search(text, max(c_start, first), m.start()):
            continue
        if kind in ("resp", "respsaid"):
            stance = Stance.CLAIMS_RESPONSIBILITY
            if kind == "respsaid":
                speakers = [s for s in speakers if s.kind == "armed_group"]
            gerund = re.compile(r",\s+\w+ing\b").search(text, m.end(), c_end)
            about = _trimmed(text, m.start() + len(verb.text), gerund.start() if gerund else c_end)
        else:
            stance = {
                "allege": Stance.ALLEGES,
                "accuse": Stance.ACCUSES,
                "deny": Stance.DENIES,
                "report": Stance.REPORTS,
            }[kind or "report"]
            about = _trimmed(text, verb.end, c_end)
            if inverted:
                # '"We received nine bodies," said a hospital official': the quote is the content
                about = _trimmed(text, sent.start, m.start())
                if about is not None:
                    about = (
                        _trimmed(text, about.start + 1, about.end - 1)
                        if about.text[0] in "\"\u201c'"
                        else about
                    )
            elif about is not None:
                lead = (
                    _LEAD_TOLD
                    if verb.text.lower() in ("told", "informed", "briefed")
                    else _LEAD_THAT
                ).match(about.text)
                if lead:
                    about = _trimmed(text, about.start + lead.end(), about.end)
        clause = _trimmed(text, min(first, m.start()), c_end) or verb
        if about is None:
            about = _trimmed(text, c_start, c_end) or clause
        tail = _DATELINE_TAIL.match(about.text) or _DATELINE_HEAD.match(about.text)
        if tail and about.end - about.start > tail.end():
            about = Span.of(text, about.start + tail.end(), about.end)  # "Wire) - Militants ..."
        exclude = set().union(*(_speaker_ids(s) for s in speakers))
        targets: list[str] = []
        if stance in (Stance.ALLEGES, Stance.ACCUSES, Stance.DENIES, Stance.REPORTS):
            targets = _actor_ids(text, about, lexicon, caseless, exclude=exclude)
        if stance == Stance.REPORTS and _DISOWN.search(about.text):
            stance = Stance.DENIES  # "said ... that they had nothing to do with the bombing"
            targets = []
        elif stance == Stance.REPORTS:
            before = _statement_before(text, sent, c_start, first)
            if before is not None and not _has_event_words(text, about, lexicon, caseless):
                # "The toll rose to 19 overnight, the district administration said in a
                # statement": the statement is the words before the speaker
                about = before
                head = _DATELINE_HEAD.match(about.text)
                if head and about.end - about.start > head.end():
                    about = Span.of(text, about.start + head.end(), about.end)
                targets = _actor_ids(text, about, lexicon, caseless, exclude=exclude)
            if targets and _ALLEGATION_CUE.search(about.text) or _hedged(about.text) and targets:
                stance = Stance.ALLEGES
            elif not _has_event_words(text, about, lexicon, caseless):
                continue
            else:
                targets = []
                speakers = [sp for sp in speakers if not _bare_tag(sp, lexicon)]
                if not speakers:
                    continue
        elif (
            stance == Stance.DENIES
            and not _DENIAL_OBJECT.search(about.text)
            and not _DENIED_ACT.match(about.text)  # "denied hitting civilian buildings"
        ):
            continue  # "rebels who rejected the 2016 peace deal": not a denial of a claim
        taken.append((m.start(), m.end()))
        for src in speakers:
            if _not_a_speaker(text, src, places or [], lexicon):
                continue
            drafts.append(_Draft(stance, src, about, clause, list(targets)))
    return drafts


_HEDGE = re.compile(
    r"\b(?:may|might|could|likely|probably|possibly|suspected|believed)\s+(?:have\s+)?(?:been\s+)?"
    r"(?:be\s+)?(?:behind|responsible|involved|linked|carried\s+out)\b",
    re.I,
)


def _hedged(s: str) -> bool:
    return bool(_HEDGE.search(s))


def _responds_to(denial: _Draft, earlier: list[Claim], denier_ids: set[str]) -> str | None:
    allegations = [c for c in earlier if c.stance in (Stance.ALLEGES, Stance.ACCUSES)]
    if not allegations:
        return None
    for c in reversed(allegations):
        if denier_ids & set(c.target_actor_ids):
            return c.id
    return allegations[-1].id


def _country_gov(lexicon: Lexicon, actor_id: str | None) -> set[str]:
    """The government ids standing for the country of ``actor_id`` (a denier's institution)."""
    if not actor_id:
        return set()
    try:
        entry = lexicon.entry("actor", actor_id)
    except KeyError:
        return set()
    country = entry.attrs.get("country")
    if not country:
        return set()
    return {
        e.id
        for e in lexicon.entries("actor")
        if e.attrs.get("actor_kind") == "government"
        and e.attrs.get("country") == country
        and "parent" not in e.attrs
    }


def find_claims(
    text: str, sentences: list[Span], lexicon: Lexicon, *, places: list[Span] | None = None
) -> list[Claim]:
    """Claims of responsibility, allegations, accusations, denials and reports, in text order.

    ``places``: the spans of the article's place mentions (a place is never a speaker, except a
    capital standing for its government when the actor lexicon names it so)."""
    from sitrep.text.case import letter_case_counts

    upper, lower = letter_case_counts(text[:20000])
    caseless = upper + lower > 0 and (upper == 0 or upper > 0.9 * (upper + lower))
    drafts: list[_Draft] = []
    for sent in sentences:
        drafts.extend(_claims_in_sentence(text, sent, lexicon, caseless, places))
    drafts.sort(key=lambda d: (d.clause.start, d.speaker.span.start, d.stance.value))
    claims: list[Claim] = []
    seen: set[tuple[str, str, int]] = set()
    for d in drafts:
        key = (d.speaker.actor_id or "", d.stance.value, d.clause.start)
        if d.speaker.actor_id and key in seen:
            continue  # "The IS group's affiliate, Islamic State Khorasan Province, claimed": one speaker
        seen.add(key)
        claim = Claim(
            id=f"c{len(claims) + 1}",
            speaker=d.speaker.name,
            stance=d.stance,
            about=d.about.text,
            spans=[d.clause],
            speaker_actor_id=d.speaker.actor_id,
            speaker_span=d.speaker.span,
            target_actor_ids=d.targets,
        )
        if d.stance == Stance.DENIES:
            ids = _speaker_ids(d.speaker)
            for i in list(ids):
                ids |= _country_gov(lexicon, i)
            claim.responds_to = _responds_to(d, claims, ids)
        claims.append(claim)
    return claims


__all__ = ["find_claims"]
