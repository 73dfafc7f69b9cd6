"""Stage 2: casualty figures.

Reads, sentence by sentence, counts of people with a status (killed, injured, abducted, arrested,
freed) and a category (civilians, security forces, militants, unknown):

* a number phrase followed by the people it counts: "two police officers", "92 insurgents",
  "33 civilians and security personnel" (a mixed count: category unknown);
* a number phrase followed directly by a status word: "12 dead", "30 others wounded";
* a number after a toll phrase: "the death toll rose to 26" (an update of an earlier count);
* a singular person with a status and no number: "the bomber was also killed" (one).

Status comes from the casualty terms of the clause: the term right after the people ("were
killed", "lost their lives", "were among the dead"), else the nearest term before them ("killing",
"neutralised", "claiming the lives of"), else the nearest after.  A list of counts ("18 civilians,
15 security personnel and 92 insurgents losing their lives") shares one status.  Periods in the
clause ("within 48 hours", "in the past year") mark aggregates and background statistics; the
level of the rest (incident, group, article) is decided when incidents are assembled.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sitrep.extract.mentions import Doc
from sitrep.extract.speakers import find_source
from sitrep.model import Category, FigureStatus, Level, Quantity, Span
from sitrep.text.lexicon import Lexicon, LexMatch

# Periods up to this many days make a figure an aggregate of several actions; longer ones make
# it a background statistic.
AGGREGATE_MAX_DAYS = 14

_GAP_TO_VICTIM = re.compile(
    r"^(?:\s+|\s*[\"\u201c\u201d']\s*|\s+(?:more|other|others|additional|further|of\s+the|of\s+them|"
    r"of\s+whom|of\s+those|of\s+its|of\s+their|of\s+the\s+\w+|[A-Za-z]+(?:-[A-Za-z]+)?)(?=\s|[\"\u201c\u201d']))*\s*"
    r"[\"\u201c\u201d']?$"
)
_PARTICIPLE = re.compile(r"(?:ed|en)$", re.I)
_NOT_IN_A_NOUN_PHRASE = re.compile(
    r"\b(?:when|as|after|before|while|by|in|at|on|and|or|had|have|has|who|that)\b",
    re.I,
)
_LINKING = re.compile(
    r"^[\s,\"\u201c\u201d']*(?:(?:were|was|are|is|have|has|had|been|being|also|reportedly|later|"
    r"all|both|each|who|allegedly|confirmed|officially|now|so\s+far|in\s+all|in\s+total|"
    r"total|subsequently|eventually|immediately|on\s+the\s+spot|instantly|critically|seriously|"
    r"severely|badly|slightly|lightly|gravely|(?:shot|stabbed|hit|beaten|attacked)\s+and)\s*[,]?\s*)*$",
    re.I,
)
_LIST_SEP = re.compile(
    r"^\s*(?:,\s*(?:and\s+|as\s+well\s+as\s+|including\s+)?|and\s+|as\s+well\s+as\s+|while\s+)$",
    re.I,
)
_INCLUDING = re.compile(
    r"(?:including|among\s+them|of\s+whom|of\s+them)\s+(?:those\s+of\s+|that\s+of\s+)?(?:the\s+)?$",
    re.I,
)
_CLAUSE_BREAK = re.compile(r"[;:]|\bwhile\b|\bwhereas\b|\bbut\b", re.I)
_NEGATION = re.compile(r"\b(?:no|not|none|nobody|no\s+one|without)\b[^.;]*$", re.I)
_ONLY_WORDS_BETWEEN = 6
_THING_AFTER = re.compile(
    r"\s(?:attacks?|vehicles?|trucks?|posts?|camps?|stations?|checkpoints?|hideouts?|groups?|"
    r"organi[sz]ations?|outfits?|units?|operations?|strikes?|raids?|incidents?|cases?|bases?)\b",
    re.I,
)
_DURATION = re.compile(r"(?:for|lasting|lasted)\s", re.I)
_DURATION_BEFORE = re.compile(r"\b(?:for|lasting|lasted)\s+$", re.I)
_APPOSITIVE = re.compile(
    r"^\s*,\s*(?:(?:an?|one)\s+[\w-]+\s*(?:,\s*|\s+and\s+))*(?:an?|one)\s+$", re.I
)
_MOST_OF_THEM = re.compile(
    r"\s*,\s*(?:most|all|many|mostly|the\s+majority)(?:\s+of\s+(?:them|whom))?\s+", re.I
)
_OTHERS = frozenset({"others", "other", "more"})
#: words for people of no stated kind (not "prisoners", "occupants": they say who the people are)
_PLAIN_PEOPLE = frozenset({"people", "persons", "individuals", "men", "victims"})
# "two residents and a local official said", "three witnesses told Reuters": the people counted
# are the ones speaking, not casualties
_SPEAKING_AFTER = re.compile(
    r"(?:\s+and\s+(?:an?|the|one|two|three|several)\s+[\w-]+(?:\s+[\w-]+){0,2}?)?"
    r"\s+(?:said|say|says|told|recounted|recalled|described|explained)\b",
    re.I,
)
_NOUN_LIST_SEP = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or|&)\s+)")
_COUNTED_PRONOUN = re.compile(
    r"\s*(?:more|others?|people|persons|(?P<partitive>of\s+(?:them|whom|those|these|the\s+hostages)))?\s*",
    re.I,
)


@dataclass(slots=True)
class FigureMention:
    """A casualty count found in one sentence, before it is attached to incidents."""

    quantity: Quantity
    status: FigureStatus
    category: Category
    sentence: int
    spans: list[Span]
    subcategory: str | None = None
    victim: LexMatch | None = None
    status_term: LexMatch | None = None
    update: bool = False  # a revised count ("toll rose to")
    period: str | None = None
    period_days: float | None = None
    level_hint: Level | None = None  # AGGREGATE / BACKGROUND when a period says so
    part_of: int | None = None  # index (in the returned list) of the figure it is part of
    source: str | None = None
    source_span: Span | None = None
    extra: dict = field(default_factory=dict)

    @property
    def start(self) -> int:
        return min(s.start for s in self.spans)

    @property
    def end(self) -> int:
        return max(s.end for s in self.spans)


def _status_of(term: LexMatch) -> FigureStatus:
    return FigureStatus(term.entry.attrs["status"])


def _position(term: LexMatch) -> str:
    return term.entry.attrs.get("position", "either")


def _category(victim: LexMatch) -> tuple[Category, str | None]:
    attrs = victim.entry.attrs
    return Category(attrs.get("category", "unknown")), attrs.get("subcategory")


def _victim_after(doc: Doc, end: int, limit: int, victims: list[LexMatch]) -> LexMatch | None:
    """The victim noun that the words right after offset ``end`` lead to, if any."""
    for v in victims:
        if v.span.start < end:
            continue
        if v.span.start > limit:
            break
        gap = doc.text[end : v.span.start]
        if len(gap.split()) > 3 or any(c in gap for c in ",;:.()"):
            return None
        # "seven injured when guerrillas attacked": a status word or a clause word between
        if _NOT_IN_A_NOUN_PHRASE.search(gap) or doc.terms_in(end, v.span.start, "casualty_term"):
            return None
        if _GAP_TO_VICTIM.match(gap):
            return v
        return None
    return None


def _modifies_a_thing(doc: Doc, victim: LexMatch) -> bool:
    """The victim word is an adjective of an attack word or a thing ("militant attacks",
    "police vehicles", "army posts") rather than the people counted."""
    nxt = doc.text[victim.span.end : victim.span.end + 2]
    if not nxt.startswith(" "):
        return False
    for m in doc.terms_in(victim.span.end + 1, victim.span.end + 30, "trigger", "target"):
        if m.entry.kind == "trigger" and _PARTICIPLE.search(m.span.text):
            continue  # "24 schoolgirls abducted from a school": a verb, not "militant attacks"
        if m.span.start == victim.span.end + 1 and m.entry.id not in (
            "militants",
            "civilians",
            "police",
            "military",
        ):
            return True
    return bool(_THING_AFTER.match(doc.text, victim.span.end))


def _term_right_after(doc: Doc, end: int, sent_end: int, terms: list[LexMatch]) -> LexMatch | None:
    """The status word right after the people counted ("were killed", "lost their lives"); an
    "of ..." phrase may stand between ("One officer of the Civil Defence Corps on guard duty was
    killed")."""
    pp = _PP_BEFORE_VERB.match(doc.text, end, min(sent_end, end + 90))
    starts = (end, pp.end()) if pp else (end,)
    for start in starts:
        for t in terms:
            if t.span.start < start or _position(t) == "after" and not t.entry.attrs.get("noun"):
                continue
            if t.span.start > min(sent_end, start + 60):
                break
            if _LINKING.match(doc.text[start : t.span.start]):
                return t
            break
    return None


def _clause_bounds(doc: Doc, sent: Span, start: int, end: int) -> tuple[int, int]:
    """The part of the sentence around ``[start, end)`` not cut off by ';', ':', 'while', 'but'."""
    lo, hi = sent.start, sent.end
    for ms, me in _clause_breaks(doc.text, sent.start, sent.end):
        if me <= start:
            lo = me
        elif ms >= end and ms < hi:
            hi = ms
            break
    return lo, hi


# the clause breaks of the sentences of the last text read: (text, {(start, end): breaks})
_BREAKS: tuple[str, dict[tuple[int, int], list[tuple[int, int]]]] = ("", {})


def _clause_breaks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the clause breaks in ``text[start:end]``, found once per sentence."""
    global _BREAKS
    memo = _BREAKS
    if memo[0] is not text:
        memo = _BREAKS = (text, {})
    got = memo[1].get((start, end))
    if got is None:
        got = memo[1][(start, end)] = [m.span() for m in _CLAUSE_BREAK.finditer(text, start, end)]
    return got


def find_figure_mentions(doc: Doc, lexicon: Lexicon) -> list[FigureMention]:
    """Every casualty count of the article, in text order, with status and category."""
    out: list[FigureMention] = []
    blocked = [d.span for d in doc.dates] + [p.span for p in doc.periods]
    for si, sent in enumerate(doc.sentences):
        if sent.end <= doc.body_start:  # the headline repeats the body's figures
            continue
        quantities = [
            q
            for q in doc.quantities_in(sent.start, sent.end)
            if not any(b.start <= q.span.start < b.end for b in blocked)
        ]
        victims = doc.terms_in(sent.start, sent.end, "victim")
        terms = doc.terms_in(sent.start, sent.end, "casualty_term")
        if not terms:
            continue
        quantities = sorted([*quantities, *_one_of(doc, sent, victims)], key=lambda q: q.span.start)
        found: list[FigureMention] = []
        for q in quantities:
            if not q.exact and _SUBSET_AFTER.match(doc.text, q.span.end):
                continue  # "23 people were wounded, several of them critically": not a count of its own
            fm = _figure_from_quantity(doc, sent, si, q, victims, terms)
            if fm is not None:
                found.append(fm)
        found.extend(_singular_figures(doc, sent, si, victims, terms, found))
        found.sort(key=lambda f: f.start)
        _assign_status(doc, sent, found, terms)
        found = [f for f in found if f.extra.get("status_ok") and not _hypothetical(doc, sent, f)]
        if not found:
            continue
        _mark_periods(doc, sent, found)
        _mark_parts(doc, found, base=len(out))
        _resolve_partitives(found, out)
        _inherit_categories(doc, found)
        _contrasted_civilians(found)
        for f in found:
            if f.status == FigureStatus.ARRESTED and f.category == Category.UNKNOWN:
                # decided (ACLED/gold convention): people arrested after an attack are suspects
                f.category, f.subcategory = Category.MILITANTS, "suspects"
            if (
                f.status == FigureStatus.ABDUCTED
                and f.category == Category.MILITANTS
                and f.status_term is not None
                and f.status_term.entry.attrs.get("militants_status")
            ):
                # "five attackers were killed and one was captured alive": taken by the state
                f.status = FigureStatus(f.status_term.entry.attrs["militants_status"])
        source = find_source(doc.text, sent, lexicon)
        for f in found:
            if source is not None:
                f.source, f.source_span = source.name, source.span
            f.extra.pop("status_ok", None)
        out.extend(found)
    return out


def _figure_from_quantity(
    doc: Doc,
    sent: Span,
    si: int,
    q: Quantity,
    victims: list[LexMatch],
    terms: list[LexMatch],
) -> FigureMention | None:
    text = doc.text
    victim = _victim_after(doc, q.span.end, q.span.end + 60, victims)
    if victim is not None and _modifies_a_thing(doc, victim):
        return None  # "170 militant attacks", "35 police vehicles": not people
    if victim is not None:
        category, sub = _category(victim)
        spans = [q.span, victim.span]
        end = victim.span.end
        # "33 civilians and security personnel", "16 soldiers, policemen and civilians": further
        # nouns with no number of their own make one mixed count
        names = [category.value]
        while True:
            m = _NOUN_LIST_SEP.match(text, end, min(end + 12, sent.end))
            if m is None:
                break
            nxt = _victim_after(doc, m.end(), m.end() + 40, victims)
            if nxt is None or nxt.span.start != m.end():
                break
            if _SPEAKING_AFTER.match(text, nxt.span.end, min(nxt.span.end + 50, sent.end)):
                break  # "two villagers, police said": the police speak
            cat2, sub2 = _category(nxt)
            if cat2 != category:
                category = Category.UNKNOWN
            names.append(cat2.value)
            spans.append(nxt.span)
            end = nxt.span.end
        if _SPEAKING_AFTER.match(text, end, min(end + 50, sent.end)):
            return None
        if len(names) > 1 and category == Category.UNKNOWN:
            # the categories the mixed count covers ("security_forces and civilians")
            sub = " and ".join(dict.fromkeys(n if n != "unknown" else "people" for n in names))
        # "Fourteen people, most of them shoppers and street vendors": who the people were
        if category == Category.UNKNOWN and len(names) == 1:
            m2 = _MOST_OF_THEM.match(text, end, min(end + 30, sent.end))
            if m2 is not None:
                who = _victim_after(doc, m2.end(), m2.end() + 40, victims)
                if who is not None and who.span.start == m2.end():
                    category, sub = _category(who)
                    spans.append(who.span)
        fm = FigureMention(q, FigureStatus.KILLED, category, si, spans, sub, victim)
        noun = [
            t
            for t in terms
            if t.entry.attrs.get("noun") and t.span.start <= victim.span.start < t.span.end
        ]
        if noun:  # "nine bodies", "21 dead": the noun says what happened to them
            fm.status, fm.status_term = _status_of(noun[0]), noun[0]
            fm.extra["status_ok"] = True
        return fm
    # "12 dead", "30 others wounded", "five were killed": a status word right after the number
    after = text[q.span.end : q.span.end + 40]
    m = _COUNTED_PRONOUN.match(after)
    term = _term_right_after(doc, q.span.end + (m.end() if m else 0), sent.end, terms)
    if term is not None and term.span.start - q.span.end <= 30:
        fm = FigureMention(q, _status_of(term), Category.UNKNOWN, si, [q.span, term.span])
        fm.status_term = term
        fm.extra["status_ok"] = True
        if m is not None and m.group("partitive"):
            fm.extra["partitive"] = True  # "four of them were released": the people counted before
        return fm
    # "the death toll rose to 26", "killing 24": a status phrase right before the number
    for t in terms:
        if t.span.end <= q.span.start and q.span.start - t.span.end <= 110:
            between = text[t.span.end : q.span.start]
            if _position(t) in ("after", "either") and (
                (len(between) <= 40 and _TERM_TO_NUMBER.fullmatch(between))
                or (t.entry.attrs.get("noun") and _TOLL_OF_ACT_TO_NUMBER.fullmatch(between))
            ):
                fm = FigureMention(q, _status_of(t), Category.UNKNOWN, si, [t.span, q.span])
                fm.status_term = t
                fm.update = bool(t.entry.attrs.get("update"))
                fm.extra["status_ok"] = True
                return fm
    return None


def _singular_figures(
    doc: Doc,
    sent: Span,
    si: int,
    victims: list[LexMatch],
    terms: list[LexMatch],
    found: list[FigureMention],
) -> list[FigureMention]:
    """'the bomber was also killed', 'a policeman was martyred': one person, no number."""
    out = []
    taken = [(f.start, f.end) for f in found]
    for v in victims:
        if not v.entry.attrs.get("singular"):
            continue
        if any(s <= v.span.start < e for s, e in taken):
            continue
        # "Two soldiers, a havildar and a sepoy, embraced martyrdom": the two, named one by one
        if any(
            _APPOSITIVE.match(doc.text[e : v.span.start]) for _, e in taken if e <= v.span.start
        ):
            continue
        # "a policeman", "the young driver", "a polio vaccination worker"
        before = doc.text[max(sent.start, v.span.start - 30) : v.span.start]
        if not re.search(r"\b(?:the|a|an|one|his|her|their)\s+(?:[\w-]+\s+){0,2}$", before, re.I):
            continue
        listed = [
            f
            for f in (*found, *out)  # "killed a local councillor and his son"
            if f.end <= v.span.start and _LISTED_ONE.match(doc.text[f.end : v.span.start])
        ]
        if listed:
            category, sub = _category(v)
            prev = listed[-1]
            if any(prev is o for o in out) and prev.category == category:
                # "killed a local councillor and his son": two people of one kind, one count
                n = prev.quantity.best + 1
                prev.quantity = Quantity(low=n, best=n, high=n, span=prev.quantity.span, exact=True)
                prev.spans.append(v.span)
                continue
            # "among the dead were two guards and a woman", "four Levies personnel, a policeman
            # and five civilians": one more in the list, with the list's status
            q = Quantity(low=1, best=1, high=1, span=v.span, exact=True)
            status = prev.status if any(prev is o for o in out) else FigureStatus.KILLED
            out.append(FigureMention(q, status, category, si, [v.span], sub, v))
            continue
        term = _term_right_after(doc, v.span.end, sent.end, terms)
        if term is None or _position(term) == "after":
            term = _term_right_before(doc, v.span.start, sent.start, terms)
            if term is None:
                continue
        q = Quantity(low=1, best=1, high=1, span=v.span, exact=True)
        category, sub = _category(v)
        fm = FigureMention(q, _status_of(term), category, si, [v.span, term.span], sub, v)
        fm.status_term = term
        fm.extra["status_ok"] = True
        out.append(fm)
    return out


# "the death toll rose to 26", "the toll later rose to 11", "the death toll has since climbed to 30"
_TERM_TO_NUMBER = re.compile(
    r"[\s,]*(?:(?:later|has|had|have|now|since|further|then|also|overnight|again)\s+)*"
    r"(?:(?:rose|risen|climbed|jumped|increased|reached|stood|stands|went\s+up|gone\s+up)\s+)?(?:to|at|of)?\s*",
    re.I,
)
# "the death toll from Sunday's bombing has risen to 55", "the toll in the attack on the market
# climbed to 30": a phrase naming the act between the toll noun and its verb (the verb is needed)
_STATUS_RIGHT_BEFORE = re.compile(r"(?:\s|,|\bof\b|\bthe\b|\ban?\b)*", re.I)
_OWN_PREDICATE = re.compile(
    r"\s+(?:still\s+)?(?:remain|remains|remained|are|were|is|was|went|fled|escaped|managed)\b",
    re.I,
)
_TOLL_OF_ACT_TO_NUMBER = re.compile(
    r"\s+(?:from|in|of)\s+[^,.;:()\"\d]{1,80}?\s+"
    r"(?:(?:later|has|had|have|now|since|further|then|also|again)\s+)*"
    r"(?:rose|risen|climbed|jumped|increased|reached|gone\s+up|went\s+up)\s+(?:to\s+)?",
    re.I,
)
_PP_BEFORE_VERB = re.compile(
    r"\s+(?:of|from|with|on|in|at|near|inside|outside|posted|stationed|deployed|guarding|manning)"
    r"\s+[^,.;:()\"]{1,70}?(?=\s+(?:was|were|had|has|have)\b)",
    re.I,
)
_LISTED_ONE = re.compile(
    r"^\s*(?:,\s*(?:and\s+)?|and\s+)(?:a|an|one|his|her|their)\s+(?:[\w-]+\s+)?$", re.I
)
_SUBSET_AFTER = re.compile(r"\s+of\s+(?:them|whom|those|these)\b", re.I)
_OBJECT_GAP = re.compile(r"^\s+(?:(?:a|an|one|the)\s+(?:[\w-]+\s+){0,2})?$", re.I)


def _term_right_before(
    doc: Doc, start: int, sent_start: int, terms: list[LexMatch]
) -> LexMatch | None:
    """'shot dead a would-be suicide bomber', 'killing a police officer': the casualty word
    whose object the singular victim is."""
    before = [
        t
        for t in terms
        if t.span.end <= start and start - t.span.end <= 30 and t.span.start >= sent_start
    ]
    if not before:
        return None
    t = before[-1]
    if _position(t) in ("after", "either") and _OBJECT_GAP.match(doc.text[t.span.end : start]):
        return t
    return None


def _assign_status(doc: Doc, sent: Span, found: list[FigureMention], terms: list[LexMatch]) -> None:
    """Give each figure still without a status the one its clause gives; lists share one."""
    text = doc.text
    # group consecutive figures joined only by list separators
    lists: list[list[FigureMention]] = []
    for f in found:
        # "killed three people and injured 11": a count led by its own status word starts a
        # new list
        own_word = f.extra.get("status_ok") and f.status_term is not None
        led = own_word and f.status_term.span.start <= f.quantity.span.start
        if lists and not led and _LIST_SEP.match(text[lists[-1][-1].end : f.start]):
            lists[-1].append(f)
        else:
            lists.append([f])
    for group in lists:
        pending = [f for f in group if not f.extra.get("status_ok")]
        if not pending:
            continue
        # "12 people were wounded and several others remain missing": a count with a verb of its
        # own that is no status word is not a count of the list's status
        lo, hi = _clause_bounds(doc, sent, group[0].start, group[-1].end)
        for f in pending:
            if any(
                t.span.end <= f.start and _STATUS_RIGHT_BEFORE.fullmatch(text, t.span.end, f.start)
                for t in terms
            ):
                continue  # "the bodies of six men were later found": the status word is before
            if _OWN_PREDICATE.match(text, f.end) and not _term_right_after(doc, f.end, hi, terms):
                f.extra["own_predicate"] = True
        pending = [f for f in pending if not f.extra.get("own_predicate")]
        if not pending:
            continue
        settled = [f for f in group if f.extra.get("status_ok") and f.status_term is not None]
        if settled:
            # "injured 11, including two children": the list's counts share its status word
            for f in pending:
                prior = [g for g in settled if g.start < f.start] or settled
                term = prior[-1].status_term
                f.status = _status_of(term)
                f.status_term = term
                f.spans.append(term.span)
                f.extra["status_ok"] = True
            continue
        first, last = group[0], group[-1]
        lo, hi = _clause_bounds(doc, sent, first.start, last.end)
        term = _term_right_after(doc, last.end, hi, terms)
        if term is None:
            before = [
                t
                for t in terms
                if lo <= t.span.start and t.span.end <= first.start and _position(t) != "before"
            ]
            # the nearest status word before the list, if no other count stands between
            before = [
                t
                for t in before
                if not any(t.span.end <= g.start < first.start for g in found if g not in group)
            ]
            if before:
                term = before[-1]
        if term is None:
            after = [t for t in terms if t.span.start >= last.end and t.span.end <= hi]
            after = [t for t in after if _position(t) != "after"]
            if after:
                term = after[0]
        if term is None:
            continue
        # "no one was killed", "none of the 40 passengers was hurt": not a count of casualties
        if _NEGATION.search(text[max(lo, first.start - 30) : first.start]):
            continue
        for f in pending:
            f.status = _status_of(term)
            f.status_term = term
            f.spans.append(term.span)
            f.extra["status_ok"] = True


def _inherit_categories(doc: Doc, found: list[FigureMention]) -> None:
    """'Three soldiers were killed and two others were wounded', 'killing three soldiers and
    wounding two': a count with no people of its own (or only "others") counts the same people
    as the count before it in the sentence."""
    for i, f in enumerate(found):
        if f.category != Category.UNKNOWN or i == 0:
            continue
        bare = f.victim is None or f.victim.span.text.lower() in _OTHERS
        wholes = [g for g in found[:i] if g.part_of is None]  # not "including two women"
        if not wholes:
            continue
        prev = wholes[-1]
        if not bare or prev.category == Category.UNKNOWN or prev.status == f.status:
            continue
        if (
            f.victim is None
            and f.status_term is not None
            and f.status_term.span.start < f.quantity.span.start
        ):
            between = doc.text[prev.end : f.quantity.span.start]
            if not re.search(r"\band\b|,", between):
                continue
        f.category, f.subcategory = prev.category, prev.subcategory


def _contrasted_civilians(found: list[FigureMention]) -> None:
    """'Among the dead were eleven police constables and eight young men': a breakdown of the
    dead that sets people of no stated kind beside security forces counts them as the
    non-combatants they are told apart from (civilians), not as a second toll of people."""
    listed = [
        f
        for f in found
        if f.status_term is not None and f.status_term.span.text.lower().startswith("among")
    ]
    if not any(f.category == Category.SECURITY_FORCES for f in listed):
        return
    for f in listed:
        if (
            f.category == Category.UNKNOWN
            and f.victim is not None
            and f.victim.entry.id == "people"
            and f.victim.span.text.lower().split()[-1] in _PLAIN_PEOPLE
        ):
            f.category, f.subcategory = Category.CIVILIANS, "civilians"


_ONE_OF = re.compile(r"\b(one)\s+of\s+(?:the|them|those|whom|its|their)\b", re.I)


def _one_of(doc: Doc, sent: Span, victims: list[LexMatch]) -> list[Quantity]:
    """'One of the gunmen was shot dead': a count of one (the number parser leaves "one of"
    out, as in "one of the deadliest raids"), when people follow."""
    out = []
    for m in _ONE_OF.finditer(doc.text, sent.start, sent.end):
        if any(0 <= v.span.start - m.end() <= 25 for v in victims) or re.match(
            r"\s+(?:them|whom|those)\b", doc.text[m.end(1) + 3 : m.end() + 1]
        ):
            out.append(
                Quantity(
                    low=1, best=1, high=1, span=Span.of(doc.text, m.start(1), m.end(1)), exact=True
                )
            )
    return out


def _hypothetical(doc: Doc, sent: Span, f: FigureMention) -> bool:
    """'Had he reached the hall, we would be counting a hundred bodies': a count that did not
    happen (a hypothetical context cue before it in its sentence)."""
    q = f.quantity.span.start
    lo, _hi = _clause_bounds(doc, sent, q, f.end)
    lo = max(lo, _last_comma(doc.text, sent.start, q))
    return any(
        c.entry.attrs.get("role") == "hypothetical" and c.span.end <= q
        for c in doc.terms_in(lo, q, "context_cue")
    )


def _last_comma(text: str, start: int, end: int) -> int:
    i = text.rfind(",", start, end)
    return i + 1 if i >= 0 else start


def _resolve_partitives(found: list[FigureMention], earlier: list[FigureMention]) -> None:
    """'four of them were later released': the category of the people counted just before."""
    for i, f in enumerate(found):
        if not f.extra.pop("partitive", False):
            continue
        before = [g for g in (*earlier, *found[:i]) if g.category != Category.UNKNOWN]
        if before and before[-1].quantity.best >= f.quantity.best:
            f.category, f.subcategory = before[-1].category, before[-1].subcategory


def _mark_periods(doc: Doc, sent: Span, found: list[FigureMention]) -> None:
    """Figures over a period of days are aggregates; over weeks or more, background."""
    periods = doc.periods_in(sent.start, sent.end)
    for f in found:
        lo, hi = _clause_bounds(doc, sent, f.start, f.end)
        # "for several hours" is how long something lasted, not the period a count covers
        near = [
            p
            for p in periods
            if lo <= p.span.start < hi
            and not _DURATION.match(p.span.text)
            and not _DURATION_BEFORE.search(doc.text[max(0, p.span.start - 10) : p.span.start])
            # "killed 31 people, the deadliest attack in the war": the war ranks the act
            and not (
                p.kind == "war" and doc.terms_in(min(f.end, p.span.start), p.span.start, "trigger")
            )
        ]
        if not near:
            continue
        p = min(near, key=lambda p: abs(p.span.start - f.end))
        f.period = p.span.text
        f.period_days = p.days
        days = p.days if p.days is not None else 365
        f.level_hint = Level.AGGREGATE if days <= AGGREGATE_MAX_DAYS else Level.BACKGROUND
        f.spans.append(p.span)


def _mark_parts(doc: Doc, found: list[FigureMention], *, base: int) -> None:
    """'133 militants ..., including the 92 insurgents': the second is part of the first."""
    for i, f in enumerate(found):
        qstart = f.quantity.span.start
        head = doc.text[max(0, qstart - 25) : qstart]
        if _INCLUDING.search(head) and i > 0:
            for j in range(i - 1, -1, -1):
                if found[j].status == f.status and found[j].quantity.best >= f.quantity.best:
                    f.part_of = base + j
                    break
