"""Perpetrators beyond an incident's own sentences, and state forces only as agents.

Helpers of the role-filler stage (:mod:`sitrep.extract.roles`):

- :func:`org_is_perpetrator`: an armed group named in an attack sentence is read as its
  perpetrator (the stage's rule); a state force (``agent_only`` in ``roles_organisations.toml``:
  "the army", "the air force") only where the sentence makes it the agent: "army troops
  fired on", "bombed by the air force", "blamed on the armed forces".
- :func:`complete_from_document`: reports often name the perpetrator in a sentence of their own
  ("... for which the guerrillas are being held responsible", "the FMLN claimed responsibility
  for the attack"), and call the attackers "the guerrillas" where the attack is told while the
  organisation is named elsewhere.  An incident without a perpetrator organisation takes those
  named in the report's attribution sentences; failing that, an incident whose attackers are
  insurgents without a name ("guerrillas", "rebels", "terrorists") takes the one armed group the
  report names (more than once).  An incident without perpetrator individuals takes those of the
  attribution sentences.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence, Set
from typing import Any

from sitrep.model import Incident, RoleFiller, Span
from sitrep.text.numbers import words_to_int

#: words that attribute an act to someone ("claimed responsibility", "blamed on", "attributed to")
ATTRIBUTION = re.compile(
    r"\b(?:responsib\w*|blam\w*|attribut\w*|(?:perpetrated|carried out|committed|claimed) by|"
    r"the work of|claimed (?:the|that|it|they)|(?:claim\w*|took|take\w*) credit|accused|"
    r"suspected of|guilty|implicat\w*)\b",
    re.IGNORECASE,
)
#: words that make people the doers of an act ("the soldiers involved in the murders", "two
#: men charged with the killing"): the people of such sentences, not the organisations
INVOLVED = re.compile(r"\b(?:involved in|charged with|took part)\b", re.IGNORECASE)
_ATTRIBUTION_BEFORE = re.compile(r"^(?:responsib\w*|blam\w*|attribut\w*|accus\w*)$")

#: head words of unnamed insurgents: the organisation the report names is theirs
INSURGENT_HEADS = frozenset(
    "guerrilla guerrillas guerrila guerrilas guerilla guerillas rebel rebels insurgent insurgents subversive "
    "subversives terrorist terrorists narcoterrorist narcoterrorists commando commandos commandoes "
    "extremist extremists militant militants sapper sappers".split()
)


def _insurgent(filler: RoleFiller) -> bool:
    """Unnamed insurgents: an insurgent head ("guerrillas") or a phrase with an insurgent word
    ("a rebel group", "a guerrilla unit", "terrorist commandos")."""
    if filler.head.lower() in INSURGENT_HEADS:
        return True
    return any(w in INSURGENT_HEADS for w in re.findall(r"[^\W_]+", filler.text.lower()))


def org_entity(reader: Any, filler: RoleFiller) -> str | None:
    """The lexicon entry of the organisation a ``perp_org`` filler names (None if none)."""
    for span in filler.spans:
        for m in reader.find(span.start, span.end + 2, ["role_org"]):
            if m.span.start == span.start:
                return str(m.entry.id)
    return None


#: words of an organisation's name in brackets after its other name
_BRACKETED_NAME = 8


def past_short_name(reader: Any, sent: Any, j: int) -> int:
    """The last token of the other name in brackets right after the name ending at token j
    ("the farabundo marti national liberation front (fmln)" -> the token "fmln", "the fmln
    (farabundo marti national liberation front)" -> "front"), else j."""
    toks = sent.toks
    if j + 1 >= len(toks) or reader._gap(sent, j, j + 1).strip() != "(":
        return j
    for k in range(j + 1, min(j + 2 + _BRACKETED_NAME, len(toks))):
        gap = reader.text[toks[k].end : toks[k + 1].start if k + 1 < len(toks) else toks[k].end + 1]
        if gap.strip().startswith(")"):
            return k
        if gap.strip():
            return j
    return j


def org_harmed(reader: Any, sent: Any, i: int, j: int) -> bool:
    """The organisation at tokens i..j names people who are harmed: "two guerrillas of the
    fmln were killed", "fmln rebels died in the clash", "soldiers killed three fmln
    guerrillas": the group lost people, it is no perpetrator of that act."""
    toks = sent.toks
    first, last = i, j
    # "guerrillas of the fmln": the people before the name
    k = i - 1
    if k >= 0 and toks[k].low in _ARTICLE:
        k -= 1
    if k >= 1 and toks[k].low == "of" and reader._joined(sent, k - 1, k):
        people = reader.find(toks[k - 1].start, toks[k - 1].end, ["role_person"])
        if any(m.span.end == toks[k - 1].end for m in people):
            first = reader.grow_left(sent, k - 1)
    else:
        # "fmln guerrillas": the people after the name
        for m in reader.find(toks[j].end, toks[min(j + 3, len(toks) - 1)].end, ["role_person"]):
            e = sent.by_end.get(m.span.end)
            if e is not None and all(reader._joined(sent, n - 1, n) for n in range(j + 1, e + 1)):
                last = max(last, e)
    if last == j and first == i:
        return False  # the name alone ("the fmln was attacked"): the group itself, read elsewhere
    return bool(reader.passive_harm(sent, last) or reader.object_of_act(sent, first))


def _people_of(reader: Any, sent: Any, i: int) -> int:
    """The first token of the people phrase an organisation at token i closes ("members of
    the fmln" -> "members"), else i."""
    toks = sent.toks
    k = i - 1
    if k >= 0 and toks[k].low in _ARTICLE:
        k -= 1
    if k >= 1 and toks[k].low == "of" and reader._joined(sent, k - 1, k):
        people = reader.find(toks[k - 1].start, toks[k - 1].end, ["role_person"])
        if any(m.span.end == toks[k - 1].end for m in people):
            return int(reader.grow_left(sent, k - 1))
    return i


def is_source(sent: Any, i: int) -> bool:
    """The phrase starting at token i is the source of a report: "according to (the) ..."."""
    k = i - 1
    if k >= 0 and sent.toks[k].low in ("the", "a", "an"):
        k -= 1
    return k >= 1 and sent.toks[k].low == "to" and sent.toks[k - 1].low == "according"


_CLASH = frozenset(
    "clash clashes clashed clashing fighting fought fight fights battle battles battling combat "
    "combats skirmish skirmishes confrontation confrontations engaged exchange".split()
)
_ARTICLE = frozenset(("the", "a", "an"))
_SIDE_WORDS = frozenset(("the", "a", "an", "with", "against", "and", "between"))


def in_clash(sent: Any, i: int) -> bool:
    """The phrase starting at token i is a side of a clash: "clashed with (the) guerrillas",
    "fighting between the army and the rebels", "a clash between soldiers and ..."."""
    toks = sent.toks
    k = i - 1
    # over a name before the people ("clashed with eln guerrillas")
    for _ in range(3):
        if (
            k < 1
            or toks[k].low in _SIDE_WORDS
            or sent.text[toks[k].end : toks[k + 1].start].strip()
        ):
            break
        k -= 1
    if k >= 0 and toks[k].low in _ARTICLE:
        k -= 1
    if k < 1:
        return False
    if toks[k].low in ("with", "against") and toks[k - 1].low in _CLASH:
        return True
    if toks[k].low == "and":  # the second side: "between the army and the guerrillas"
        for b in range(k - 1, max(-1, k - 7), -1):
            if toks[b].low == "between":
                k = b
                break
        else:
            return False
    if toks[k].low != "between":
        return False
    return any(t.low in _CLASH for t in toks[max(0, k - 3) : k])


_COUNTING = frozenset(
    "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty "
    "fifty hundred dozen dozens several some about approximately nearly around another other many "
    "few least more than".split()
)

#: tokens between "by" and the attack word before it ("kidnapped on 9 july by ...")
BY_REACH = 6


def counting_word(low: str) -> bool:
    """A count before a noun ("three", "30", "several", "some", "another")."""
    return low in _COUNTING or low.isdigit()


def with_count(reader: Any, sent: Any, first: int) -> int:
    """The first token of a perpetrator phrase with its count: "two men", "eight men in
    civilian clothes", "30 guerrillas" (a count names how many took part)."""
    k = first
    if k >= 1 and reader._joined(sent, k - 1, k):
        low = sent.toks[k - 1].low
        # a number word, not figures: "150 guerrillas" tells a force's strength
        if low == "several" or (low.isalpha() and words_to_int(low) is not None):
            k -= 1
    return k


_DESCRIPTION_WORDS = 5  # words of the thing a description names ("a camouflage military uniform")
_ARTICLES = frozenset(("the", "a", "an", "their", "two"))


def described(reader: Any, sent: Any, last: int, ride: bool = False) -> int:
    """The last token of the description that follows the people phrase ending at ``last``
    (``last`` if none): what they wore or rode, which reports give to tell unknown attackers
    apart: "men wearing military uniforms", "a man dressed in combat gear", "eight men in
    civilian clothes", "two men riding a motorcycle", "soldiers in uniform"."""
    toks = sent.toks
    n = len(toks)
    k = last + 1
    if k >= n or not reader._joined(sent, last, k):
        return last
    low = toks[k].low
    attire_only = False
    if ride and low in ("in", "on", "aboard"):
        end = _vehicle_after(reader, sent, k + 1)
        if end is not None and reader.agent_of_act(sent, end):
            return end  # "two men on a motorcycle fired": the attackers as told
    if low in reader.rl.describe:
        k += 1
        if k < n and toks[k].low in ("in", "as", "on", "aboard") and reader._joined(sent, k - 1, k):
            k += 1  # "dressed in", "disguised as", "riding on"
    elif low == "in":
        k += 1
        attire_only = True  # "in civilian clothes", not "in the street"
    else:
        return last
    while k < n and toks[k].low in _ARTICLES and reader._joined(sent, k - 1, k):
        k += 1
    end = None
    m = k
    while m < n and m - k < _DESCRIPTION_WORDS and reader._joined(sent, m - 1, m):
        w = toks[m].low
        if (
            w in reader.rl.stop
            or m in sent.cues
            or not w.replace("-", "").isalpha()
            or (_VERB_FORM.search(w) and w not in reader.rl.attire)
        ):
            break
        end = m
        m += 1
    if end is None or (attire_only and toks[end].low not in reader.rl.attire):
        return last
    return end


def _vehicle_after(reader: Any, sent: Any, k: int) -> int | None:
    """The last token of a vehicle told from token ``k`` on ("a motorcycle", "two cars", "a
    red pickup truck", "motorcycles"): an article or count maybe, then up to three words ending
    in a vehicle of the target lexicon; else None."""
    toks = sent.toks
    n = len(toks)
    if k >= n or not reader._joined(sent, k - 1, k):
        return None
    a = k + 1 if toks[k].low in _RIDE_ARTICLES else k
    for m in range(a, min(a + 3, n)):
        if not reader._joined(sent, m - 1, m) or m in sent.cues:
            return None
        for v in reader.find(toks[a].start, toks[m].end, ["role_target"]):
            if v.entry.id == "vehicle" and v.span.end == toks[m].end:
                return m
    return None


_RIDE_ARTICLES = frozenset(("a", "an", "the", "their", "two", "three", "several"))


#: words that make a person the accused of an act ("soldiers involved in the killing",
#: "three students charged with the murder", "the officers who took part in the massacre")
_IMPLICATED = frozenset(
    "involved implicated charged accused responsible participated suspected convicted guilty "
    "involvement participation took".split()
)
_IMPLICATED_GAP = frozenset(
    "who that are were is was have has had been being be apparently allegedly reportedly "
    "also directly all of".split()
)
_IMPLICATED_PREP = frozenset("in with of for part".split())
_LIST_REACH = 16
_VERB_FORM = re.compile(r"(?:ed|ing)$")


def implicated(reader: Any, sent: Any, j: int) -> bool:
    """The person phrase ending at token j is said to have done the sentence's act: "the
    soldiers involved in the killing", "x, accused of the murder of y", "two students have
    been charged with the killing", "the troops who took part in the massacre"."""
    toks = sent.toks
    n = len(toks)
    k = j + 1
    if k < n and reader._gap(sent, j, k).strip() == ",":
        pass  # "x, accused of the murder"
    elif k < n and reader._gap(sent, j, k).strip():
        return False
    # over the rest of a list of people: "a colonel, two lieutenants, and two soldiers were
    # involved in ..." (each item a few plain words ending in a person noun)
    k = _after_list(reader, sent, j, k)
    k = _past_force_name(reader, sent, k)
    start = k
    while k < n and k - start < 5 and toks[k].low in _IMPLICATED_GAP:
        if reader._gap(sent, k - 1, k).strip() not in ("", ","):
            return False
        k += 1
    if k >= n or toks[k].low not in _IMPLICATED:
        return False
    if toks[k].low == "took" and not (k + 1 < n and toks[k + 1].low == "part"):
        return False
    # the act within a few words: "in the killing", "with the murder of", "of the massacre"
    seen_prep = False
    for m in range(k + 1, min(k + 6, n)):
        if reader._gap(sent, m - 1, m).strip():
            return False
        if toks[m].low in _IMPLICATED_PREP:
            seen_prep = True
        if seen_prep and sent.cues.get(m, frozenset()) & {"harm", "damage"}:
            return True
    return False


def _past_force_name(reader: Any, sent: Any, k: int) -> int:
    """The token after "of (the) <organisation>" at token k ("two soldiers of the salvadoran
    armed forces are implicated"), k when no such phrase is there."""
    toks = sent.toks
    n = len(toks)
    if k >= n or toks[k].low != "of" or k + 1 >= n:
        return k
    a = k + 2 if toks[k + 1].low == "the" else k + 1
    if a >= n:
        return k
    ends = [
        sent.by_end.get(m.span.end)
        for m in reader.find(toks[a].start, toks[min(n - 1, a + 6)].end, ["role_org"])
        if m.span.start == toks[a].start
    ]
    ends = [e for e in ends if e is not None]
    if not ends:
        return k
    return max(ends) + 1


def _after_list(reader: Any, sent: Any, j: int, k: int) -> int:
    """The token after the list of people that continues the phrase ending at j (k if none)."""
    toks = sent.toks
    n = len(toks)
    if k >= n or not (toks[k].low == "and" or reader._gap(sent, j, k).strip() == ","):
        return k
    people = set()
    for m in reader.find(toks[k].start, toks[-1].end, ["role_person", "role_title"]):
        e = sent.by_end.get(m.span.end)
        if e is not None:
            people.add(e)
    m = k
    item = 0
    while m < n and m - j <= _LIST_REACH:
        low = toks[m].low
        gap = reader._gap(sent, m - 1, m).strip()
        if gap not in ("", ","):
            break
        if gap == "," or low == "and":
            if item and m - 1 not in people:
                break
            item = 0
            if low == "and":
                m += 1
                continue
        if m - 1 in people and item and low in _IMPLICATED_GAP | _IMPLICATED:
            return m
        if not low.isalpha() or _VERB_FORM.search(low) or m in sent.cues or item >= 4:
            break
        item += 1
        m += 1
    return k


#: verbs and nouns of a claim of responsibility: "the fmln claimed responsibility for",
#: "the army accepted responsibility for", "rebels took credit for"
_CLAIM_VERBS = frozenset(
    "claimed claims claim claiming accepted accepts assumed assumes admitted took takes".split()
)
_CLAIM_NOUNS = frozenset("responsibility credit authorship".split())


def claims_act(sent: Any, k: int) -> bool:
    """Token k is a verb of a claim of responsibility ("claimed responsibility", "took
    credit", "accepted full responsibility"): its subject did the act."""
    toks = sent.toks
    if toks[k].low not in _CLAIM_VERBS:
        return False
    m = k + 1
    while m < len(toks) and m - k <= 2 and toks[m].low in ("full", "the", "sole"):
        m += 1
    return m < len(toks) and toks[m].low in _CLAIM_NOUNS


_RESPONSIBLE_AFTER = frozenset("responsible behind guilty".split())
_BE = frozenset("is are was were has have had been be also allegedly reportedly".split())


def org_is_perpetrator(reader: Any, sent: Any, match: Any, i: int, j: int) -> bool:
    """The organisation at tokens i..j of ``sent`` is a perpetrator of the sentence's act: any
    armed group; a state force (``agent_only``) only as the agent."""
    if is_source(sent, i):
        return False
    if org_harmed(reader, sent, i, j):
        return False
    if in_clash(sent, _people_of(reader, sent, i)):
        return False  # "clashes with the eln", "fighting against members of the fmln": a side
    if not match.entry.attrs.get("agent_only"):
        return True
    if reader.agent_of_act(sent, j) or reader.by_agent(sent, i):
        return True
    toks = sent.toks
    # "the armed forces are responsible for", "the army was behind the massacre"
    for k in range(j + 1, min(j + 5, len(toks))):
        if toks[k].low in _RESPONSIBLE_AFTER or claims_act(sent, k):
            return True  # "... was behind the massacre", "... accepted responsibility for"
        if toks[k].low not in _BE:
            break
    # "army troops fired", "air force planes bombed": a noun after the name is the agent
    for k in range(j + 1, min(j + 3, len(toks))):
        if not reader._joined(sent, k - 1, k):
            break
        if reader.agent_of_act(sent, k):
            return True
    # "blamed on the army", "attributed to the armed forces", "responsibility of the military"
    for k in range(max(0, i - 4), i):
        if _ATTRIBUTION_BEFORE.match(toks[k].low):
            return True
    # "blamed the government and the armed forces for the murder"
    return accused_object(reader, sent, i, j)


def accused_person(reader: Any, sent: Any, first: int, last: int) -> bool:
    """People the sentence accuses of its act: "cristiani implicated four officers in the
    murder", "the minister accused army dissidents of the bombing" (see :func:`accused_object`)."""
    return accused_object(reader, sent, with_count(reader, sent, first), last)


def counted_title(reader: Any, sent: Any, i: int, j: int, add: Any) -> None:
    """A count and a rank without a name ("one colonel", "two lieutenants") said to have done
    the act: "implicated four officers, including one colonel, in the murder", "two
    lieutenants were involved in the massacre"."""
    if i < 1 or not reader._joined(sent, i - 1, i) or not counting_word(sent.toks[i - 1].low):
        return
    if sent.toks[i - 1].low.isdigit():
        return
    if (
        reader.agent_of_act(sent, j)
        or implicated(reader, sent, j)
        or accused_object(reader, sent, i - 1, j)
    ):
        add("perp_ind", i - 1, j, j)


def forces_of_attackers(reader: Any, span: Span, found: Sequence[Any]) -> list[Any]:
    """State forces named inside a perpetrator phrase of the sentence at ``span`` ("members
    of the army", "armed forces members"): the force is a perpetrator organisation too."""
    from sitrep.extract import roles

    people = [f.span for f in found if f.role == roles.PERP_IND and not f.named]
    if not people:
        return []
    have = {f.entity for f in found if f.role == roles.PERP_ORG}
    out = []
    for m in reader.find(span.start, span.end, ["role_org"]):
        if not m.entry.attrs.get("agent_only") or m.entry.id in have:
            continue
        if any(p.start <= m.span.start and m.span.end <= p.end for p in people):
            have.add(m.entry.id)
            head = m.span.text.lower().split()[-1]
            out.append(roles.Found(roles.PERP_ORG, m.span, head, entity=m.entry.id))
    return out


_ACCUSE = frozenset(
    "accused accuses accuse blamed blames blame charged charges denounced denounces "
    "attributed attributes held holds condemned condemns".split()
)


def is_accuser(sent: Any, i: int, j: int) -> bool:
    """The phrase at tokens i..j accuses someone else: "X accused the army of ...", "X has
    blamed Y", "X denounced ..." (not "X was accused", "X is blamed")."""
    for w in [t.low for t in sent.toks[j + 1 : j + 4]]:
        if w in _ACCUSE:
            return True
        if w not in ("has", "have", "had", "also", "today", "yesterday", "again", "publicly"):
            return False
    return False


#: words between people and the words that attribute an act to them ("guerrillas, who claimed
#: responsibility", "men who were involved in"); more words, the people are others of the
#: sentence ("autopsies carried out by forensic doctors" after the murderers)
_ATTRIBUTION_GAP = 3


def _told_as_doers(reader: Any, text: str, tokens: Any, sent: Span, f: Any, i: int, j: int) -> bool:
    """People of an attribution sentence are the doers it names: within a few words of the
    attribution ("perpetrated by presumed guerrillas", "a leftist group, which claimed
    responsibility", "the soldiers involved in the murders") or the agent of its act."""
    if reader.agent_of_act(tokens, j) or reader.by_agent(tokens, i):
        return True
    for pattern in (ATTRIBUTION, INVOLVED):
        for m in pattern.finditer(text, sent.start, sent.end):
            if m.end() <= f.span.start:
                gap = text[m.end() : f.span.start]
            elif m.start() >= f.span.end:
                gap = text[f.span.end : m.start()]
            else:
                return True
            if len(re.findall(r"[^\W_]+", gap)) <= _ATTRIBUTION_GAP:
                return True
    return False


#: mentions of the one armed group a report names that make it the group of the report's
#: unnamed insurgents
_GROUP_MENTIONS = 2


def _report_group(counts: Counter[str]) -> str | None:
    """The armed group whose fighters a report's unnamed insurgents are: the only group it
    names, named more than once.  A report naming several groups (a guerrilla attack in a
    story of talks between two fronts), or naming one only in passing, does not tell whose
    the "guerrillas" are (on train, fallbacks with a second group named were all wrong)."""
    if len(counts) != 1:
        return None
    ((group, n),) = counts.items()
    return group if n >= _GROUP_MENTIONS else None


def _last_token(sent: Any, end: int) -> int | None:
    j = sent.by_end.get(end)
    if j is None:  # a possessive cut off the phrase ("the fmln's")
        j = sent.by_end.get(end + 2, sent.by_end.get(end + 1))
    return j


def complete_from_document(reader: Any, text: str, incidents: Sequence[Incident]) -> None:
    """Give incidents without perpetrators those the rest of the report names (see above)."""
    from sitrep.extract import roles

    if not incidents or not text.strip():
        return
    sentences = roles.split_sentences(text, Span.of(text, 0, len(text)))
    attributed: list[Any] = []
    acts_of: dict[Span, set[str]] = {}
    need_act: set[Span] = set()
    for sent in sentences:
        if _HELD_WORDS.search(sent.text):
            _add_held(reader, text, sent, attributed, need_act, acts_of)
        people_only = False
        if not ATTRIBUTION.search(sent.text):
            if not INVOLVED.search(sent.text):
                continue
            people_only = True
        got = reader.read(sent)
        tokens = reader.sentence(sent)
        for f in got:
            if f.role not in (roles.PERP_ORG, roles.PERP_IND):
                continue
            if people_only and f.role != roles.PERP_IND:
                continue
            i = tokens.by_start.get(f.span.start)
            j = _last_token(tokens, f.span.end)
            if (
                f.role == roles.PERP_IND
                and not f.named
                and i is not None
                and j is not None
                and not _told_as_doers(reader, text, tokens, sent, f, i, j)
            ):
                continue
            if (
                i is None
                or j is None
                or not is_accuser(tokens, i, past_short_name(reader, tokens, j))
            ):
                attributed.append(f)
                if people_only:
                    need_act.add(f.span)
                acts_of.setdefault(f.span, set()).update(_act_references(tokens))
    attributed_fillers = roles._merge(attributed)
    counts: Counter[str] = Counter()
    first: dict[str, Span] = {}
    for m in reader.find(0, len(text), ["role_org"]):
        if m.entry.attrs.get("agent_only") or m.entry.attrs.get("unnamed"):
            continue
        counts[m.entry.id] += 1
        first.setdefault(m.entry.id, m.span)
    agents = _agents_elsewhere(reader, sentences, incidents)
    for inc in incidents:
        has = {a.role for a in inc.arguments}
        added: list[RoleFiller] = []
        held: set[int] = set()  # ends of the phrases an attribution sentence gives
        orgs = {org_entity(reader, a) for a in inc.arguments if a.role == roles.PERP_ORG}
        words = _act_words(inc)
        for f in attributed_fillers:
            if f.role in has or any(sp in need_act for sp in f.spans):
                refs = set().union(*(acts_of.get(sp, set()) for sp in f.spans))
                if not (refs & words):
                    continue
                if any(
                    a.role == f.role and a.text.lower() == f.text.lower() for a in inc.arguments
                ):
                    continue
            if f.role == roles.PERP_ORG and org_entity(reader, f) in orgs:
                continue
            added.append(_copy(f))
            held.add(f.spans[0].end)
        if roles.PERP_ORG not in has and not any(a.role == roles.PERP_ORG for a in added):
            insurgents = any(
                a.role == roles.PERP_IND and _insurgent(a) for a in list(inc.arguments) + added
            )
            group = _report_group(counts)
            if insurgents and group is not None:
                span = first[group]
                added.append(RoleFiller(roles.PERP_ORG, span.text, [span], span.text.split()[-1]))
        if roles.PERP_IND not in has and not any(a.role == roles.PERP_IND for a in added):
            named = [a for a in list(inc.arguments) + added if a.role == roles.PERP_ORG]
            fighters = _fighters(reader, text, sentences, named)
            if fighters is not None:
                added.append(fighters)
            elif agents.get(_key(inc)):
                added.append(_copy(agents[_key(inc)][0]))
        if added:
            inc.arguments = roles._sorted(list(inc.arguments) + added)
        inc.arguments = one_per_head([without_hedge(text, a) for a in inc.arguments])
        inc.arguments = without_bare_people(reader, inc.arguments)
        inc.arguments = first_told(sentences, inc.arguments, held)
        inc.arguments = first_told(sentences, inc.arguments, held, roles.PERP_ORG)


#: words that make the act word after them a reference to an act told elsewhere ("the
#: massacre", "this assassination", "these murders")
_REFERENCE = frozenset("the this that these those such".split())


def _stem(word: str) -> str:
    return word[:5]


def _act_references(sent: Any) -> set[str]:
    """The act words of an attribution sentence told as a reference to a known act: "the
    massacre", "this assassination", "the murders of the jesuits" (stems of the words)."""
    out = set()
    toks = sent.toks
    for k, kinds in sent.cues.items():
        if not kinds & {"harm", "damage", "act"}:
            continue
        if k >= 1 and toks[k - 1].low in _REFERENCE:
            out.add(_stem(toks[k].low))
        elif (
            k >= 2
            and toks[k - 2].low in _REFERENCE
            and k - 1 not in sent.cues
            and toks[k - 1].low.isalpha()
        ):
            out.add(_stem(toks[k].low))  # "the armed attack", "this cowardly murder"
    return out


def _act_words(inc: Incident) -> set[str]:
    """Stems of the words that tell an incident's act (its triggers)."""
    return {_stem(sp.text.lower().split()[-1]) for t in inc.triggers for sp in t.spans if sp.text}


def _agents_elsewhere(
    reader: Any, sentences: Sequence[Span], incidents: Sequence[Incident]
) -> dict[Any, list[RoleFiller]]:
    """Attackers told in a sentence of no incident ("the bomb was left by unidentified
    individuals", "several gunmen killed ..." in a later paragraph), each given to the incident
    reported last before it (:func:`_told_before`; and to the incidents told the same way: one
    event read twice), keyed by
    :func:`_key`: only people who are the agent of an attack verb, not named persons."""
    from sitrep.extract import roles

    spans = [sp for inc in incidents for sp in inc.spans]
    out: dict[int, list[RoleFiller]] = {}
    for sent in sentences:
        if any(sp.start < sent.end and sent.start < sp.end for sp in spans):
            continue
        got = reader.read(sent)
        tokens = None
        for f in got:
            if f.role != roles.PERP_IND or f.named:
                continue
            tokens = tokens or reader.sentence(sent)
            i = tokens.by_start.get(f.span.start)
            j = _last_token(tokens, f.span.end)
            if i is None or j is None:
                continue
            if not (reader.agent_of_act(tokens, j) or reader.by_agent(tokens, i)):
                continue
            best = _told_before(incidents, f.span.start)
            out.setdefault(_key(best), []).append(
                RoleFiller(f.role, f.span.text, [f.span], f.head, f.named)
            )
    return out


def _told_before(incidents: Sequence[Incident], at: int) -> Incident:
    """The incident a sentence at offset ``at`` tells more of: the one reported last before
    it (a report gives an act, then its details), the nearest when none is reported before."""
    best, last = None, -1
    for inc in incidents:
        starts = [sp.start for sp in inc.spans if sp.start < at]
        if starts and max(starts) > last:
            best, last = inc, max(starts)
    if best is not None:
        return best
    return min(incidents, key=lambda inc: _distance(inc, at))


def _key(inc: Incident) -> Any:
    """What an incident says: its types and role fillers (two readings of one event say the
    same and take the same perpetrators)."""
    return (
        frozenset(inc.types),
        frozenset((a.role, a.text.lower()) for a in inc.arguments),
    )


def _distance(inc: Incident, at: int) -> int:
    if not inc.spans:
        return 1 << 30
    return min(
        0 if sp.start <= at < sp.end else min(abs(at - sp.start), abs(at - sp.end))
        for sp in inc.spans
    )


#: words that hedge an attribution ("alleged urban guerrillas", "suspected rebels"): the
#: perpetrators are the people named after them
HEDGE = re.compile(
    r"(?:alleged|allegedly|suspected|presumed|presumably|supposed|possible|probable|reputed)\s+",
    re.IGNORECASE,
)


def without_hedge(text: str, filler: RoleFiller) -> RoleFiller:
    """A perpetrator phrase without the hedge before it: "alleged urban guerrillas" is
    "urban guerrillas" (the hedge is kept in no span; a hedge alone is left as it is)."""
    if filler.role != "perp_ind" or filler.named:
        return filler
    spans = []
    for sp in filler.spans:
        m = HEDGE.match(text, sp.start, sp.end)
        spans.append(Span.of(text, m.end(), sp.end) if m and m.end() < sp.end else sp)
    if spans == filler.spans:
        return filler
    return RoleFiller(filler.role, spans[0].text, spans, filler.head, filler.named)


def first_told(
    sentences: Sequence[Span],
    fillers: Sequence[RoleFiller],
    held: Set[int] = frozenset(),
    role: str = "perp_ind",
) -> list[RoleFiller]:
    """An incident's unnamed perpetrators (``role``: individuals or organisations) as the
    sentence that first names any tells them (a list there is kept: "four officers, including
    one colonel, and five soldiers"): the phrases of later sentences tell the same attackers
    again ("several unknown persons" ... "the kidnappers" ... "common criminals"), which the
    keys give as one entity, or name other parties to the events (the army that answered
    the attack).  Named people, and those a sentence holds for the act (phrases ending at an
    offset of ``held``: "two soldiers were involved in the massacre"), are all kept."""

    def kept(f: RoleFiller) -> bool:
        return f.role != role or f.named or any(sp.end in held for sp in f.spans)

    told = [f for f in fillers if not kept(f)]
    if len(told) < 2:
        return list(fillers)
    at = min(f.spans[0].start for f in told)
    sent = next((sp for sp in sentences if sp.start <= at < sp.end), None)
    if sent is None:
        return list(fillers)
    return [f for f in fillers if kept(f) or sent.start <= f.spans[0].start < sent.end]


_BARE_DETERMINERS = frozenset("the a an some these those this that".split())


def without_bare_people(reader: Any, fillers: Sequence[RoleFiller]) -> list[RoleFiller]:
    """Perpetrators without the bare words that tell nothing of who they are ("the men",
    "the group", "people", "members": the lexicon's people by no kind, alone); "unidentified
    men", "a group of rebels", "two men" are kept.  MUC-4 keys seldom give such a word (on
    train 7 of the 49 we read matched a key), and another phrase usually tells the same
    people better ("unidentified individuals" ... "the group")."""
    weak = reader.rl.weak_people

    def bare(f: RoleFiller) -> bool:
        if _hedged(reader.text, f):
            return False  # "alleged commandos": the hedge tells them as the act's doers
        words = [w for w in re.findall(r"[^\W_]+", f.text.lower()) if w not in _BARE_DETERMINERS]
        return f.role == "perp_ind" and not f.named and len(words) == 1 and words[0] in weak

    return [f for f in fillers if not bare(f)]


def _hedged(text: str, f: RoleFiller) -> bool:
    """A hedge ("alleged", "suspected") stood right before the phrase's first mention."""
    before = text[max(0, f.spans[0].start - 12) : f.spans[0].start] if f.spans else ""
    return bool(re.search(r"\b" + HEDGE.pattern + r"$", before, re.IGNORECASE))


def one_per_head(fillers: Sequence[RoleFiller]) -> list[RoleFiller]:
    """One perpetrator phrase per head word: "the guerrillas" after "urban guerrillas" is the
    same group told again (the first, fullest, mention is kept, with the later spans)."""
    kept: dict[str, RoleFiller] = {}
    out: list[RoleFiller] = []
    for f in fillers:
        if f.role != "perp_ind" or f.named:
            out.append(f)
            continue
        key = f.head.lower().rstrip("s")
        if f.head.lower() in INSURGENT_HEADS:
            key = "insurgent"  # "the rebels" after "guerrillas": one group named two ways
        prev = kept.get(key)
        if prev is None:
            kept[key] = f
            out.append(f)
            continue
        prev.spans.extend(sp for sp in f.spans if sp not in prev.spans)
    return out


def _fighters(
    reader: Any, text: str, sentences: Sequence[Span], orgs: Sequence[RoleFiller]
) -> RoleFiller | None:
    """The people the report says belong to one of ``orgs``: the first perpetrator phrase
    right before or after one of their names ("shining path guerrillas", "guerrillas of the
    mrta", "members of the fmln")."""
    from sitrep.extract import roles

    ids = {org_entity(reader, o) for o in orgs} - {None}
    if not ids:
        return None
    starts = [s.start for s in sentences]
    for m in reader.find(0, len(text), ["role_org"]):
        if m.entry.id not in ids:
            continue
        k = bisect_right(starts, m.span.start) - 1
        if k < 0:
            continue
        sent = sentences[k]
        got = reader.read(sent)
        for f in got:
            if f.role != roles.PERP_IND or f.head not in INSURGENT_HEADS | _MEMBERS:
                continue
            gap_after = text[m.span.end : f.span.start]
            gap_before = text[f.span.end : m.span.start]
            if (
                (f.span.start >= m.span.end and not gap_after.strip())
                or (f.span.start <= m.span.start <= f.span.end)
                or (f.span.end <= m.span.start and _OF_THE.fullmatch(gap_before))
            ):
                return RoleFiller(f.role, f.span.text, [f.span], f.head, f.named)
    return None


_MEMBERS = frozenset("member members militant militants fighter fighters".split())
_OF_THE = re.compile(r"\s+of\s+(?:the\s+)?", re.IGNORECASE)


def _copy(f: RoleFiller) -> RoleFiller:
    return RoleFiller(f.role, f.text, list(f.spans), f.head, f.named)


__all__ = ["ATTRIBUTION", "complete_from_document", "org_entity", "org_is_perpetrator"]


#: verbs and nouns that make the phrase after them the accused of an act: "cristiani implicated
#: four officers in the murder", "the rebels blamed the army for the massacre", "they accused
#: three soldiers of the killing"
_ACCUSE_OBJECT = frozenset(
    "implicated implicates implicate accused accuses accuse blamed blames blame".split()
)
#: words a list of accused may hold between the verb and the phrase ("four officers, including
#: one colonel, and five soldiers"; "the government and the armed forces")
_LIST_WORDS = frozenset("and the a an its their including particularly especially".split())
_ACCUSE_PREP = frozenset("in of for with".split())
_ACCUSE_REACH = 14


def accused_object(reader: Any, sent: Any, i: int, j: int) -> bool:
    """The phrase at tokens i..j is the object of an accusation of the sentence's act: an
    accusing verb before it (over a list of the accused) and "in/of/for" + the act after it."""
    toks = sent.toks
    n = len(toks)
    k = i - 1
    found = False
    while k >= 0 and i - k <= _ACCUSE_REACH:
        gap = reader._gap(sent, k, k + 1).strip()
        if gap not in ("", ",", '"'):
            return False
        low = toks[k].low
        if low in _ACCUSE_OBJECT:
            found = True
            break
        if k in sent.cues or not (low.isalpha() or "-" in low or low.isdigit()):
            return False
        if low not in _LIST_WORDS and low not in _COUNTING and _VERB_FORM.search(low):
            if low not in ("armed",):
                return False
        k -= 1
    if not found:
        return False
    # the act after the phrase (over the rest of the list): "... in the murder of", "for this
    # assassination", "of being responsible for the attack"
    seen_prep = False
    for m in range(j + 1, min(j + 1 + _ACCUSE_REACH, n)):
        gap = reader._gap(sent, m - 1, m).strip()
        if gap not in ("", ",", '"', ")", "("):
            return False
        if toks[m].low in _ACCUSE_PREP:
            seen_prep = True
        if seen_prep and sent.cues.get(m, frozenset()) & {"harm", "damage", "act"}:
            return True
    return False


#: words after which the people named are held for an act: "police arrested x and y",
#: "an arrest warrant for x", "the indictment against x", "the murderers of x, including y"
_HELD_BEFORE = frozenset("arrested detained captured indicted".split())
_HELD_PREP = {
    "for": frozenset("warrant warrants".split()),
    "against": frozenset("warrant warrants indictment indictments charges".split()),
    "including": frozenset(
        "murderers killers assassins perpetrators kidnappers authors suspects".split()
    ),
    "as": frozenset(("identified",)),
}
#: words after the people named: "x and y were arrested", "x was the perpetrator of"
_HELD_AFTER = frozenset("arrested detained captured indicted".split())
_DOER = frozenset(
    "perpetrator perpetrators murderer murderers killer killers assassin assassins author "
    "authors mastermind masterminds kidnapper kidnappers".split()
)
_HELD_REACH = 12  # tokens from the list word back to the act's doers ("the murderers of x,")
_HELD_WORDS = re.compile(
    r"\b(?:arrest\w*|detained|captured|indict\w*|warrants?|charges against|perpetrators?|"
    r"murderers?|killers?|assassins?|masterminds?|kidnappers?|authors?|suspects)\b",
    re.IGNORECASE,
)


def held_names(reader: Any, sent: Any, taken: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Names of people the sentence holds for its act, as token ranges: "police arrested juan
    perez and pedro gomez for the murder", "an arrest warrant for x for the killing", "x was
    the perpetrator of the massacre".  Only in a sentence that names an act (a harm or attack
    word), only names of two words or more (one word alone is too weak without a title), and
    not the names ``taken`` (already given a role)."""
    from sitrep.extract import role_names

    toks = sent.toks
    if not any(c & {"harm", "act"} for c in sent.cues.values()):
        return []
    out: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b < x or a > y for x, y in list(taken) + out)

    def name_from(k: int) -> None:
        while (
            k < len(toks) - 1 and toks[k].low in reader.rl.heads and reader._joined(sent, k, k + 1)
        ):
            k += 1  # a title before the name ("major x", "dr x")
        last = reader.name_at(sent, k)
        if last is None or last == k or not free(k, last) or reader.speaker(sent, last):
            return
        out.append((k, last))
        more = [(k, last)]
        while more:
            for a, b in role_names.coordinated(reader, sent, *more.pop()):
                if b > a and free(a, b):
                    out.append((a, b))
                    more.append((a, b))

    for k, tok in enumerate(toks[:-1]):
        low = tok.low
        if not reader._joined(sent, k, k + 1) and reader._gap(sent, k, k + 1).strip() not in (
            ",",
            ":",
        ):
            continue
        if low in _HELD_BEFORE:
            name_from(k + 1)
        elif low in _HELD_PREP:
            heads = _HELD_PREP[low]
            reach = _HELD_REACH if low == "including" else 2
            if any(t.low in heads for t in toks[max(0, k - reach) : k]):
                name_from(k + 1)
    # "x and y were arrested", "x was the perpetrator of the murder"
    for k, tok in enumerate(toks):
        if tok.low not in ("was", "were") or k + 1 >= len(toks):
            continue
        nxt = toks[k + 1].low
        if not (
            nxt in _HELD_AFTER or (nxt == "the" and k + 2 < len(toks) and toks[k + 2].low in _DOER)
        ):
            continue
        end = k - 1
        a = end
        while a - 1 >= 0 and end - a < 6 and reader._name_word(toks[a - 1]):
            a -= 1
        while a < end and reader.name_at(sent, a) != end:
            a += 1
        if a < end and reader.name_at(sent, a) == end and free(a, end):
            out.append((a, end))
            more = [(a, end)]
            while more:
                for x, y in role_names.coordinated(reader, sent, *more.pop()):
                    if y > x and free(x, y):
                        out.append((x, y))
                        more.append((x, y))
    return out


def _add_held(
    reader: Any,
    text: str,
    sent: Span,
    attributed: list[Any],
    need_act: set[Span],
    acts_of: dict[Span, set[str]],
) -> None:
    """The people a sentence holds for its act (:func:`held_names`), as perpetrators of the
    incident whose act the sentence refers to."""
    from sitrep.extract import roles

    got = reader.read(sent)
    tokens = reader.sentence(sent)
    taken = []
    for f in got:
        i = tokens.by_start.get(f.span.start)
        j = _last_token(tokens, f.span.end)
        if i is not None and j is not None:
            taken.append((i, j))
    refs = _act_references(tokens)
    for a, b in held_names(reader, tokens, taken):
        span = Span.of(text, tokens.toks[a].start, tokens.toks[b].end)
        attributed.append(roles.Found(roles.PERP_IND, span, tokens.toks[b].low, named=True))
        need_act.add(span)
        acts_of.setdefault(span, set()).update(refs)
