"""Role fillers: the noun phrases an incident's sentences give for its roles, as written.

For each incident, over the sentences that describe it (``Incident.spans``), this stage finds
noun-phrase spans for

- ``perp_ind``: perpetrator individuals ("urban guerrillas", "a group of armed men"),
- ``perp_org``: perpetrator organisations ("the farabundo marti national liberation front"),
- ``victim``: people harmed, named ("jaime pardo leal", from "senator jaime pardo leal") or
  described ("six peasants", "the driver"),
- ``target``: physical targets ("the headquarters of the national police", "a power pylon"),
- ``weapon``: instruments as written ("a car bomb", "dynamite").

It works without capitals (the MUC-4 texts are lower-cased): heads come from the lexicons
``roles_*.toml`` (kinds ``role_person``, ``role_title``, ``role_target``, ``role_weapon``,
``role_org``, ``role_cue``), and the phrase is grown from its head by word-class rules:
leftwards over modifiers (no closed-class word, cue word, number or verb form), rightwards over
an "of" phrase for heads that take one ("members of ...", "headquarters of ...").  A person's
role is read from the clause: the agent of an attack verb ("soldiers fired", "by soldiers") is a
perpetrator, people in a clause that harms someone are victims, speakers ("police said") are
neither.  A named person is the run of name-like words after a title ("colonel", "senator") or
after a harm word ("the murder of ...", "kidnapped ..."); the title is not part of the name.
A titled name is a victim only when the clause links it to the harm: the object of a harm word
before the title ("the murder of senator x", "wounded four, including mayor x"), or the subject
of a passive harm verb after the name, its apposition, relative clause or list of names ("x, 45,
a former mayor, was shot", "x, who was kidnapped", "engineers x and y ... were kidnapped",
"x's murder"); "president x condemned the murder" names no victim.  A person is a named victim
of one incident of the report only.

Every filler carries the span(s) it was read from; spans are character offsets into the text.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from sitrep.extract import names, perpetrators
from sitrep.extract.role_names import (
    read_apposed_names,
    read_harmed_names,
    read_more_names,
    read_owners,
    read_person,
    read_title,
)
from sitrep.extract.role_reader import (
    AREA_HEADS,
    AREA_MODS,
    COUNTS,
    CUE_WINDOW,
    DETERMINERS,
    MAX_LEFT,
    NOT_ATTACK_ARMS,
    PERP_IND,
    PERP_ORG,
    REFERENCE_REACH,
    ROLES,
    TARGET,
    TOKEN,
    VICTIM,
    WEAPON,
    Found,
    RoleLexicon,
    RoleReader,
    Sentence,
    role_lexicon,
)
from sitrep.model import EventDate, Incident, RoleFiller, Span
from sitrep.text.dates import find_dates
from sitrep.text.sentences import full_stop_cuts


def _read_sentence(reader: RoleReader, span: Span) -> list[Found]:
    sent = reader.sentence(span)
    if not sent.toks:
        return []
    out: list[Found] = []
    used: list[tuple[int, int]] = []  # token ranges already given a role

    def free(i: int, j: int) -> bool:
        return all(j < a or i > b for a, b in used)

    def add(
        role: str, i: int, j: int, head_tok: int, named: bool = False, entity: str | None = None
    ) -> None:
        used.append((i, j))
        if named and role == VICTIM and (reader.place_named(sent, i) or reader.honoured(sent, i)):
            # "the town of san x was attacked": a place; "a street named after x", "in memory
            # of x": honoured, not harmed
            return
        span = reader.span(sent, i, j)
        if named and span.text.lower().endswith(("'s", "’s")):  # "galan's murder"
            span = Span.of(reader.text, span.start, span.end - 2)
        out.append(Found(role, span, sent.toks[head_tok].low, named, entity))

    # organisations first: their words are names, not modifiers of a person noun
    org_ranges: list[tuple[int, int]] = []
    for m in reader.find(span.start, span.end, ["role_org"]):
        i, j = sent.by_start.get(m.span.start), sent.by_end.get(m.span.end)
        if i is None or j is None:
            continue
        org_ranges.append((i, j))
        if m.entry.attrs.get("unnamed"):
            continue  # "death squads": people of a kind, read as individuals
        # the clause goes on after the short name in brackets ("the ... front (fmln) said")
        after = perpetrators.past_short_name(reader, sent, j)
        if (
            not reader.speaker(sent, after) and not perpetrators.is_accuser(sent, i, after)
        ) and perpetrators.org_is_perpetrator(reader, sent, m, i, after):
            add(PERP_ORG, i, j, j, entity=m.entry.id)

    for m in reader.find(span.start, span.end, ["role_title"]):
        i, j = sent.by_start.get(m.span.start), sent.by_end.get(m.span.end)
        if i is not None and j is not None and free(i, j):
            last = read_title(reader, sent, i, j, add, free)
            if last is not None:
                used.append((i, last))
    heads = [
        (m, sent.by_start.get(m.span.start), sent.by_end.get(m.span.end))
        for m in reader.find(span.start, span.end, ["role_person", "role_target", "role_weapon"])
    ]
    heads = [(m, i, j) for m, i, j in heads if i is not None and j is not None]
    weapon_toks = {k for m, i, j in heads if m.entry.kind == "role_weapon" for k in range(i, j + 1)}
    targets: list[tuple[int, int]] = []  # token ranges of the targets read, in order
    off: list[tuple[int, int]] = []  # things whose attacks are called off ("to suspend attacks on")
    for n, (m, i, j) in enumerate(heads):
        kind = m.entry.kind
        of_phrase = m.span.text.lower().endswith(" of")  # "a group of rebels": one phrase
        nxt = n + 1 < len(heads) and heads[n + 1][1] == j + 1 and reader._joined(sent, j, j + 1)
        if nxt and not of_phrase:
            continue  # a noun modifying the next head ("guerrilla column", "power substation")
        if kind == "role_person" and not of_phrase and reader.compound_next(sent, j):
            continue  # "terrorist attack", "guerrilla offensive": not a person
        if not free(i, j):
            # a person noun right after an organisation name ("shining path members")
            if not any(a <= i <= b for a, b in org_ranges):
                continue
        # a place's name before its head is often long ("grupo radial colombiano network radio
        # stations"); people and instruments take few modifiers
        first = (
            reader.grow_left_target(sent, i)
            if kind == "role_target"
            else reader.grow_left(sent, i, MAX_LEFT)
        )
        # an organisation right before the head: part of a collective ("shining path members"),
        # a name apart from the people it fields ("fmln guerrillas": fmln + guerrillas)
        for a, b in org_ranges:
            if a < i and b >= first - 1 and b < i:
                if m.entry.attrs.get("role") == "collective":
                    first = min(first, a) if b == i - 1 and reader._joined(sent, b, i) else first
                elif kind == "role_target" and b == i - 1 and reader._joined(sent, b, i):
                    first = min(first, a)  # "army headquarters": the organisation's place
                else:
                    first = max(first, b + 1)
        head_tok = j
        if kind == "role_person":
            read_person(reader, sent, m, first, i, j, add)
        elif kind == "role_target":
            if m.entry.id == "vehicle" and _attackers_ride(reader, sent, first, out):
                continue  # "men riding in a car threw a bomb": the attackers' vehicle
            if m.entry.id == "vehicle" and _used_vehicle(sent, first):
                continue  # "the terrorists used two cars": the attackers' means
            if m.entry.id == "vehicle" and _charge_carrier(reader, sent, first, j, weapon_toks):
                continue  # "dynamite placed in a truck", "a car, packed with dynamite": the bomb
            if reader.before_damage_noun(sent, j):
                continue  # "property damage", "material losses": the damage, not a target
            if (
                i == j
                and sent.toks[j].low in AREA_HEADS
                and (first == i or any(t.low in AREA_MODS for t in sent.toks[first:i]))
            ):
                continue  # "the center of san salvador", "a tourist center": where, not what
            last = reader.grow_of(sent, j) if m.entry.attrs.get("takes_of") else j
            last = reader.grow_number(sent, last)
            if (
                reader.attacking_thing(sent, first, last)
                or reader.care_place(sent, first, last)
                or reader.moved_place(sent, first)
                or reader.searched_by_forces(sent, first, last)
                or reader.addressed(sent, first)
                or reader.reporter_place(sent, first)
                or (not m.entry.attrs.get("military") and reader.people_of(sent, first))
                or (last == j and reader.before_person(sent, j))
                or reader.located_on(sent, first)
                or reader.owner(sent, first)
            ):
                continue  # "army helicopters fired rockets", "attacked by a helicopter"
            if _called_off(sent, first) or _listed_after(reader, sent, first, off):
                off.append((first, last))
                continue  # "the rebels agreed to suspend attacks on the power grid"
            if (
                reader.near_cue(sent, first, last, ("damage",))
                or _arms_against(sent, first, weapon_toks)
                or _listed_after(reader, sent, first, targets)
            ) and not reader.speaker(sent, last):
                add(TARGET, first, last, head_tok)
                targets.append((first, last))
        elif kind == "role_weapon":
            last = reader.weapon_of(sent, j)
            if m.entry.attrs.get("bare") is False and first == i and last == j:
                continue  # "weapons were seized", "the charges against him"
            if (
                reader.verb_use(sent, i, j)
                or reader.traded_weapon(sent, i, last, weapon_toks)
                or reader.generic_attacks(sent, first, last)
                or reader.heard_only(sent, last)
            ):
                continue  # "to bomb the city"; "the army seized two rifles", "bomb experts"
            if any(t.low in NOT_ATTACK_ARMS for t in sent.toks[first:i]):
                continue  # "nuclear bombs"
            if _unit_name(reader, sent, i, j):
                continue  # "a convoy of the Assam Rifles": a regiment, not its rifles
            carrier = _loaded_carrier(reader, sent, first, out)
            if carrier is not None:
                # "a car loaded with 200 kg of dynamite": the loaded vehicle is the instrument
                out.remove(carrier)
                first = sent.by_start[carrier.span.start]
            add(WEAPON, first, last, head_tok)
    _read_spelled_out_targets(reader, sent, add, free)
    read_harmed_names(reader, sent, add, free)
    read_more_names(reader, sent, out, add, free)
    read_owners(reader, sent, out, add)
    read_apposed_names(reader, sent, out, add, free)
    out.extend(perpetrators.forces_of_attackers(reader, span, out))
    return out


#: words between the items of a list ("the town hall, a gas station and on two clinics"; "one
#: at the bank, another at the school")
_LIST_GLUE = (
    frozenset({"and", "or", "as", "well", "on", "against", "at", "another"}) | DETERMINERS | COUNTS
)


def _listed_after(
    reader: RoleReader, sent: Sentence, first: int, targets: list[tuple[int, int]]
) -> bool:
    """The phrase at ``first`` is a later item of a list whose earlier item is a target read
    ("destroyed the town hall, a gas station, two clinics and the civil defense post"): only
    commas, "and", "as well as", determiners and counts stand between them."""
    if not targets:
        return False
    prev = targets[-1][1]
    if prev >= first:
        return False
    between = sent.toks[prev + 1 : first]
    if len(between) > 4 or not (
        "," in reader._gap(sent, prev, prev + 1) or any(t.low in ("and", "or") for t in between)
    ):
        return False
    return all(t.low in _LIST_GLUE or t.low.isdigit() for t in between) and all(
        reader._gap(sent, k, k + 1).strip() in ("", ",") for k in range(prev, first)
    )


def _unit_name(reader: RoleReader, sent: Sentence, i: int, j: int) -> bool:
    """In cased text, a weapon word written with a capital after a capitalised word is part of a
    name ("the Assam Rifles", "the Rashtriya Rifles"): a unit, not arms."""
    if reader.caseless or i == 0:
        return False
    text = reader.text

    def cap(k: int) -> bool:
        return text[sent.toks[k].start : sent.toks[k].start + 1].isupper()

    return cap(i) and cap(i - 1) and sent.toks[i - 1].low not in ("the", "a", "an")


def _arms_against(sent: Sentence, first: int, weapon_toks: set[int]) -> bool:
    """The phrase at ``first`` is what arms were used against: "used explosives against the
    town hall and other public facilities", "fired rockets against the barracks"."""
    for k in range(max(1, first - CUE_WINDOW), first):
        if sent.toks[k].low == "against" and k - 1 in weapon_toks:
            return True
    return False


#: words that call attacks off: "to suspend attacks on the power grid", "refrain from"
_CALL_OFF = frozenset(
    "suspend suspending suspension refrain refraining halt halting cease ceasing stop "
    "stopping".split()
)


def _called_off(sent: Sentence, first: int) -> bool:
    """The thing at ``first`` is the object of attacks called off, promised or demanded to
    stop ("the guerrillas promised to suspend attacks against public vehicles", "to halt the
    sabotage of power pylons"): no act against it is told."""
    return any(t.low in _CALL_OFF for t in sent.toks[max(0, first - 6) : first])


#: an attack aimed at something: "the attack on x", "attacks against x"
_ATTACK_WORDS = frozenset("attack attacks attacked bombing bombings".split())
#: head words of a spelled-out organisation name: "x (national workers union federation)"
_ORG_WORDS = frozenset(
    "federation confederation union association department company corporation cooperative "
    "institute council bank ministry agency".split()
)


def _read_spelled_out_targets(reader: RoleReader, sent: Sentence, add, free) -> None:
    """An organisation named by its short name and spelled out right after it, as the object
    of an attack: "the attack on fenastras (salvadoran workers national union federation)".
    Its premises are the target; without the spelled-out name a bare name may be a person's."""
    toks = sent.toks
    for k in range(len(toks) - 4):
        if toks[k].low not in _ATTACK_WORDS or toks[k + 1].low not in ("on", "against"):
            continue
        a = k + 3 if toks[k + 2].low == "the" else k + 2
        if a + 1 >= len(toks) or not free(a, a) or not reader._name_word(toks[a]):
            continue
        gap = reader._gap(sent, a, a + 1).strip()
        close = reader.text.find(")", toks[a].end, sent.toks[-1].end + 1)
        if gap != "(" or close < 0:
            continue
        inner = {t.low for t in toks[a + 1 :] if t.end <= close}
        if inner & _ORG_WORDS:
            add(TARGET, a, a, a, named=True)


_RIDE = frozenset("riding travelling traveling driving aboard".split())


def _attackers_ride(reader: RoleReader, sent: Sentence, first: int, out: list[Found]) -> bool:
    """The vehicle at ``first`` carries the attackers: "in" or "aboard" right after a
    perpetrator ("gunmen in a car fired", "men riding in an automobile threw a bomb")."""
    k = first - 1
    while k > 0 and sent.toks[k].low in ("a", "an", "the", "their", "two", "three"):
        k -= 1
    if k < 1 or sent.toks[k].low not in ("in", "aboard", "on"):
        return False
    prep = sent.toks[k].low
    k -= 1
    if sent.toks[k].low in _RIDE:
        k -= 1
        while k >= 0 and sent.toks[k].low in ("who", "were", "was", "are", "is"):
            k -= 1
    if k < 0:
        return False
    tok = sent.toks[k]
    if prep == "on" and any(t.low == "by" for t in sent.toks[max(0, k - 3) : k]):
        return False  # "an attack by drug traffickers on the plane": the target
    if any(f.role == VICTIM and f.span.end == tok.end for f in out):
        return False  # "two people in a car were killed": the victims' vehicle
    if any(f.role == PERP_IND and f.span.end == tok.end for f in out):
        return True
    return any(
        m.span.end == tok.end and m.entry.attrs.get("role") in ("perp", "perp_weak")
        for m in reader.find(tok.start, tok.end, ["role_person"])
    )


def _used_vehicle(sent: Sentence, first: int) -> bool:
    """The vehicle at ``first`` is the object of "used" ("the attackers used two stolen
    cars", "who used 2 toyota cars"): the attackers' means, not a thing attacked."""
    for k in range(first - 1, max(-1, first - 5), -1):
        low = sent.toks[k].low
        if low == "used":
            return True
        if low in _USED_STOP:
            return False
    return False


#: words that end the search back from a vehicle for "used"
_USED_STOP = frozenset("and or but to in on at by for of was were is are been being".split())


_LOADED = frozenset({"loaded", "filled", "packed", "stuffed", "laden", "rigged"})
_QUANTITY = frozenset(
    {"kg", "kgs", "kilograms", "kilos", "pounds", "lbs", "tons", "sticks", "charges"}
)
_ABOUT = frozenset({"over", "about", "some", "approximately", "nearly", "almost", "more", "than"})


#: vehicles a charge is carried in to be set off (a car bomb); not buses, planes or boats,
#: which a bomb placed aboard is set off against
_CARRIERS = frozenset(
    "car cars truck trucks vehicle vehicles van vans pickup pickups jeep jeeps automobile".split()
)
#: words between a charge and the vehicle it was put in: "dynamite placed in a truck"
_PUT = frozenset(
    "placed planted loaded hidden left put stashed concealed exploded went off".split()
)


def _charge_carrier(
    reader: RoleReader, sent: Sentence, first: int, last: int, weapon_toks: set[int]
) -> bool:
    """The vehicle ``first``..``last``, told with an indefinite article, carried the charge
    set off: "100 kg of dynamite placed in a truck", "a bomb exploded inside a vehicle", "a
    truck, packed with dynamite, exploded", "a car full of dynamite".  It is the car bomb
    (the instrument), not a thing attacked; "a bomb placed in the minister's car" is."""
    toks = sent.toks
    if toks[last].low not in _CARRIERS or first < 1 or toks[first - 1].low not in ("a", "an"):
        return False
    k = first - 2
    if k >= 1 and toks[k].low in ("in", "inside", "into"):
        k -= 1
        while k >= 0 and first - k <= 5 and toks[k].low in _PUT | {"was", "were", "had", "been"}:
            k -= 1
        if k >= 0 and k in weapon_toks:
            return True
    n = last + 1
    if n + 1 < len(toks) and (
        (toks[n].low in _LOADED and toks[n + 1].low == "with" and not reader._joined(sent, last, n))
        or (toks[n].low == "full" and toks[n + 1].low == "of")
    ):
        return any(q in weapon_toks for q in range(n + 2, min(n + 8, len(toks))))
    return False


def _loaded_carrier(
    reader: RoleReader, sent: Sentence, first: int, out: list[Found]
) -> Found | None:
    """The vehicle or bomb found just before "loaded with" and the weapon at ``first``
    ("a car loaded with 200 kg of dynamite", "a car bomb filled with explosives")."""
    q = first
    toks = sent.toks
    if q >= 3 and toks[q - 1].low == "of" and toks[q - 2].low in _QUANTITY:
        q -= 2
        while q > 0 and (toks[q - 1].low.replace(",", "").isdigit() or toks[q - 1].low in _ABOUT):
            q -= 1
    if q < 3 or toks[q - 1].low != "with" or toks[q - 2].low not in _LOADED:
        return None
    if not all(reader._joined(sent, k, k + 1) for k in range(q - 3, first)):
        return None  # "the truck, packed with dynamite": an apposition, not one phrase
    end = toks[q - 3].end
    for f in out:
        if f.span.end == end and f.role in (TARGET, WEAPON) and f.span.start in sent.by_start:
            return f
    return None


def _merge(found: Sequence[Found]) -> list[RoleFiller]:
    by_key: dict[tuple[str, str], RoleFiller] = {}
    for f in found:
        key = (f.role, f.entity or " ".join(TOKEN.findall(f.span.text.lower())))
        filler = by_key.get(key)
        if filler is None:
            by_key[key] = RoleFiller(
                role=f.role,
                text=f.span.text,
                spans=[f.span],
                head=f.head,
                named=f.named,
            )
        elif f.span not in filler.spans:
            filler.spans.append(f.span)
    out = list(by_key.values())
    out.sort(key=lambda r: (ROLES.index(r.role), r.spans[0].start))
    return out


def split_sentences(text: str, span: Span) -> list[Span]:
    """``span`` cut at sentence ends by the shared full-stop rule
    (:func:`sitrep.text.sentences.full_stop_cuts`), which needs no capitals: a cased sentence
    may still hold a full stop before a lower-case word.  Abbreviations ("col.", "u.s.") do not
    end a sentence."""
    out: list[Span] = []
    start = span.start
    for cut in full_stop_cuts(text, span.start, span.end):
        if cut - start > 1:
            out.append(Span.of(text, start, cut))
        start = cut
    if span.end > start:
        out.append(Span.of(text, start, span.end))
    return out


def find_role_fillers(
    text: str,
    spans: Sequence[Span],
    lexicon: RoleLexicon | None = None,
    *,
    reader: RoleReader | None = None,
) -> list[RoleFiller]:
    """Role fillers read from the sentences ``spans`` of ``text`` (merged by role and words)."""
    reader = reader or RoleReader(text, lexicon or role_lexicon(), _read_sentence)
    found: list[Found] = []
    for span in sorted(set(spans)):
        for sent in split_sentences(text, span):
            found.extend(reader.read(sent))
    return _merge(found)


def role_reader(text: str, lexicon: RoleLexicon | None = None) -> RoleReader:
    """A reader of one text's role fillers, to share between passes (``fill_roles``,
    ``find_role_fillers``, ``named_victims``): each sentence is read once."""
    return RoleReader(text, lexicon or role_lexicon(), _read_sentence)


def named_victims(text: str, spans: Sequence[Span], *, reader: RoleReader) -> list[list[str]]:
    """Per sentence span, the named people read as harmed in it (as written)."""
    out: list[list[str]] = [[] for _ in spans]
    for f in find_role_fillers(text, spans, reader=reader):
        if f.role != VICTIM or not f.named:
            continue
        for sp in f.spans:
            k = next((k for k, s in enumerate(spans) if s.start <= sp.start < s.end), None)
            if k is not None:
                out[k].append(sp.text)
    return out


def sentence_targets(text: str, spans: Sequence[Span], *, reader: RoleReader) -> list[list[str]]:
    """Per sentence span, the head words of the physical targets read in it ("embassy",
    "bus")."""
    out: list[list[str]] = [[] for _ in spans]
    for f in find_role_fillers(text, spans, reader=reader):
        if f.role != TARGET:
            continue
        words = re.findall(r"[^\W\d_]+", (f.head or f.text).lower())
        if not words:
            continue
        head = words[-1].removesuffix("s")
        for sp in f.spans:
            k = next((k for k, s in enumerate(spans) if s.start <= sp.start < s.end), None)
            if k is not None and head not in out[k]:
                out[k].append(head)
    return out


def incident_sentences(text: str, incident: Incident) -> list[Span]:
    """The sentences of an incident that report it: those holding one of its attack words
    (all of its sentences when no attack word is known)."""
    sentences = [s for span in incident.spans for s in split_sentences(text, span)]
    anchors = [sp for t in incident.triggers for sp in t.spans]
    if not anchors:
        return sentences
    return [s for s in sentences if any(s.start <= a.start < s.end for a in anchors)] or sentences


def _reference_sentences(
    text: str, incidents: Sequence[Incident], references: Sequence[Span]
) -> list[list[Span]]:
    """Per incident, the sentences outside every incident that refer back to an act ("the
    bomb damaged ...", "the attack destroyed ..."): each goes to the incident reported last
    before it (the first incident when none is)."""
    out: list[list[Span]] = [[] for _ in incidents]
    if not references or not incidents:
        return out
    sentences = split_sentences(text, Span.of(text, 0, len(text)))

    def index(pos: int) -> int:
        return next((n for n, s in enumerate(sentences) if s.start <= pos < s.end), -1)

    owner: dict[int, int] = {}  # sentence index -> the incident reported there last
    for k, inc in enumerate(incidents):
        for span in inc.spans:
            for n, s in enumerate(sentences):
                if s.start < span.end and span.start < s.end:
                    owner[n] = k
    for ref in sorted(references):
        n = index(ref.start)
        if n < 0 or n in owner:
            continue
        before = [m for m in owner if n - REFERENCE_REACH <= m < n]
        if before:
            k = owner[max(before)]
        elif n < min(owner):
            k = owner[min(owner)]  # a lead summing up the acts reported after it
        else:
            continue
        if sentences[n] not in out[k]:
            out[k].append(sentences[n])
    return out


#: a passive damage verb: "several homes were seriously damaged", "the installation was
#: completely gutted", "two buses were set on fire" tell what an act just reported hit
_DAMAGE_TOLD = re.compile(
    r"\b(?:was|were|been)\s+(?:(?:seriously|badly|heavily|partially|completely|totally|"
    r"severely|also)\s+)?(?:damaged|destroyed|gutted|razed|burned|burnt|blown\s+up|"
    r"set\s+on\s+fire|set\s+ablaze)\b",
    re.IGNORECASE,
)


#: an active damage verb with its object: "the rebels destroyed the municipal office"
_DAMAGE_DONE = re.compile(
    r"\b(?:destroyed|damaged|dynamited|blew\s+up|set\s+fire\s+to|burned\s+down)\s+"
    r"(?:the|a|an|two|three|four|five|several|some|its|their|his|her)\b",
    re.IGNORECASE,
)


def _damage_told(text: str) -> list[Span]:
    """The passive damage verbs of ``text``, as references back to the act reported before
    them (a sentence within ``REFERENCE_REACH`` of an incident's own)."""
    out = [Span.of(text, m.start(), m.end()) for m in _DAMAGE_TOLD.finditer(text)]
    for m in _DAMAGE_DONE.finditer(text):
        before = text[max(0, m.start() - 40) : m.start()].lower().split()
        if before and before[-1] in _NOT_ACT_BEFORE:
            continue
        out.append(Span.of(text, m.start(), m.end()))
    return out


#: words before an active damage verb that make it no act of its own: a relative clause about
#: something else ("the mafia, which destroyed the offices"), a perfect of a record ("who have
#: dynamited the pipeline 23 times"), a question or a threat ("will destroy")
_NOT_ACT_BEFORE = frozenset(
    {"which", "who", "that", "have", "has", "had", "will", "would", "could", "may", "might"}
)


def fill_roles(
    text: str,
    incidents: Sequence[Incident],
    lexicon: RoleLexicon | None = None,
    *,
    references: Sequence[Span] = (),
    reader: RoleReader | None = None,
) -> None:
    """Set ``arguments`` of every incident from the sentences that report it.

    ``references`` are attack words that refer back to an act already reported ("the bomb",
    "the attack"); the physical targets and instruments of their sentences, when no incident
    holds them, are added to the incident they follow.  ``reader`` (from ``role_reader``)
    shares the sentence readings with earlier passes over the same text."""
    if not incidents:
        return
    reader = reader or RoleReader(text, lexicon or role_lexicon(), _read_sentence)
    referring = _reference_sentences(text, incidents, [*references, *_damage_told(text)])
    every = split_sentences(text, Span.of(text, 0, len(text)))
    for inc, ref_sentences in zip(incidents, referring, strict=True):
        own = [
            a
            for a in find_role_fillers(text, incident_sentences(text, inc), reader=reader)
            if not (a.role == VICTIM and a.named and _dated_apart(text, a, inc))
            and not (
                a.role == VICTIM and a.named and all(_recalled(text, every, sp) for sp in a.spans)
            )
        ]
        # organisations named in the incident's other sentences come from the report as a
        # whole (perpetrators.complete_from_document: a claim, an attribution, the report's
        # organisation for unnamed insurgents): a mere mention there names no perpetrator
        # named victims are often named in another sentence of the report ("the murder of x")
        wider = [
            a
            for a in find_role_fillers(text, inc.spans, reader=reader)
            if a.role == VICTIM
            and a.named
            and not _dated_apart(text, a, inc)
            and not all(_recalled(text, every, sp) for sp in a.spans)
        ]
        # an instrument only when the incident's own sentences name none
        roles = (TARGET,) if any(a.role == WEAPON for a in own) else (TARGET, WEAPON)
        things = [
            a for a in find_role_fillers(text, ref_sentences, reader=reader) if a.role in roles
        ]
        seen = {(a.role, a.text.lower()) for a in own}
        extra: list[RoleFiller] = []
        for a in wider + things:
            if (a.role, a.text.lower()) not in seen:
                seen.add((a.role, a.text.lower()))
                extra.append(a)
        args = _one_per_thing(_one_per_person(own + extra))
        inc.arguments = _sorted(_without_back_references(text, reader, args))
    perpetrators.complete_from_document(reader, text, incidents)
    _place_other_victims(text, incidents, reader)
    _one_incident_per_person(incidents)
    _fullest_names(text, incidents, reader)
    _attackers_of_named_victims(text, incidents, reader)


def _surname(name: str) -> str:
    """The words a report uses to tell a named person again: the last word of a two-word name
    ("fabio roa" -> "roa"), the last two of a longer one ("diego vargas escobar" -> "vargas
    escobar")."""
    words = TOKEN.findall(name.lower())
    return " ".join(words[-2:] if len(words) > 2 else words[-1:])


def _agent(reader: RoleReader, sent: Sentence, span: Span) -> bool:
    """The people phrase at ``span`` is the agent of an attack verb of its sentence ("two men
    shot him", "was shot by two men"), a doer noun ("the killers of x") or said to have taken
    part in the act ("three youths were involved in the murder of x")."""
    i = sent.by_start.get(span.start)
    j = next((k for k in range(len(sent.toks) - 1, -1, -1) if sent.toks[k].end <= span.end), None)
    if i is None or j is None:
        return False
    return (
        reader.agent_of_act(sent, j)
        or reader.by_agent(sent, i)
        or reader.by_agent_past_org(sent, i)
        or sent.toks[j].low in reader.rl.doer
        or perpetrators.implicated(reader, sent, j)
    )


def _names_any(words: str, people: Sequence[RoleFiller]) -> bool:
    """Whether the sentence (its words, space-joined) tells one of ``people`` by surname."""
    return any(re.search(rf"\b{re.escape(_surname(p.text))}\b", words) for p in people)


def _attackers_of_named_victims(
    text: str, incidents: Sequence[Incident], reader: RoleReader
) -> None:
    """An incident with a named victim and no attackers takes those of another sentence of the
    report that tells the same person harmed again ("radio announcer x y z was assassinated
    today." ... "y z, 56, was shot to death by two men riding a motorcycle"): the attackers
    the reader finds in a sentence naming the victim by surname, and no other incident's
    named victim; the incident that had them from that sentence, whose own named victims it
    does not tell, gives them up."""
    if not incidents:
        return
    sentences = split_sentences(text, Span.of(text, 0, len(text)))
    named = {
        id(inc): [a for a in inc.arguments if a.role == VICTIM and a.named] for inc in incidents
    }
    for inc in incidents:
        if any(a.role == PERP_IND for a in inc.arguments) or not named[id(inc)]:
            continue
        mine = {_surname(a.text) for a in named[id(inc)]}
        others = [
            a
            for o in incidents
            if o is not inc
            for a in named[id(o)]
            if _surname(a.text) not in mine
        ]
        for sent in sentences:
            low = " ".join(TOKEN.findall(sent.text.lower()))
            if not _names_any(low, named[id(inc)]) or _names_any(low, others):
                continue
            toks = reader.sentence(sent)
            found = [
                f
                for f in reader.read(sent)
                if f.role == PERP_IND and not f.named and _agent(reader, toks, f.span)
            ]
            if found:
                f = found[0]
                inc.arguments = _sorted(
                    inc.arguments + [RoleFiller(f.role, f.span.text, [f.span], f.head, f.named)]
                )
                for o in incidents:
                    if o is inc or not named[id(o)] or _names_any(low, named[id(o)]):
                        continue
                    # the other incident's victims are not told there: not its attackers
                    o.arguments = [
                        a
                        for a in o.arguments
                        if not (
                            a.role == PERP_IND
                            and all(sent.start <= sp.start < sent.end for sp in a.spans)
                        )
                    ]
                break


#: given names written before a surname told alone elsewhere ("hector x y" / "x y")
_GIVEN_REACH = 2
#: words before a place name, not a person's ("in medellin x y")
_PLACE_WORDS = frozenset("in at from near through into outside inside toward".split())


def _fuller_mention(reader: RoleReader, sent: Sentence, a: int, b: int) -> int | None:
    """The first token of a fuller form of the name at tokens a..b: one or two name words
    joined before it that open the name after a title, a punctuation mark or the sentence's
    start ("leader hector oqueli colindres" for "oqueli colindres"); None when there is none."""
    toks = sent.toks
    k = a
    while k > 0 and a - k < _GIVEN_REACH and reader._joined(sent, k - 1, k):
        if not reader._name_word(toks[k - 1]):
            break
        k -= 1
    if k == a or reader.name_at(sent, k) != b:
        return None
    if k > 0 and reader._joined(sent, k - 1, k) and toks[k - 1].low in _PLACE_WORDS:
        return None  # "in medellin oqueli ...": a place before the name
    if reader.place_named(sent, k):
        return None
    return k


def _fullest_names(text: str, incidents: Sequence[Incident], reader: RoleReader) -> None:
    """A named victim told by a shorter form ("oqueli colindres") takes the fullest form the
    report gives the person in another sentence ("social democratic leader hector oqueli
    colindres"): the given names written before the surnames after a title."""
    named = [a for inc in incidents for a in inc.arguments if a.role == VICTIM and a.named]
    if not named:
        return
    sentences = [reader.sentence(s) for s in split_sentences(text, Span.of(text, 0, len(text)))]
    for arg in named:
        words = TOKEN.findall(arg.text.lower())
        if not words:
            continue
        best: Span | None = None
        for sent in sentences:
            lows = [t.low for t in sent.toks]
            for a in range(len(lows) - len(words) + 1):
                if lows[a : a + len(words)] != words:
                    continue
                b = a + len(words) - 1
                k = _fuller_mention(reader, sent, a, b)
                if k is None:
                    continue
                span = reader.span(sent, k, b)
                if best is None or len(span.text) > len(best.text):
                    best = span
        if best is not None:
            arg.text = best.text
            arg.spans.append(best)
    for inc in incidents:  # two mentions of one person may now read the same
        seen: dict[str, RoleFiller] = {}
        keep: list[RoleFiller] = []
        for a in inc.arguments:
            key = " ".join(TOKEN.findall(a.text.lower()))
            if a.role == VICTIM and a.named and key in seen:
                seen[key].spans.extend(sp for sp in a.spans if sp not in seen[key].spans)
                continue
            if a.role == VICTIM and a.named:
                seen[key] = a
            keep.append(a)
        inc.arguments = keep


def _distance(inc: Incident, at: int, far: int) -> int:
    """Characters between offset ``at`` and the nearest sentence of ``inc`` (0 inside one)."""
    if not inc.spans:
        return far
    return min(
        0 if sp.start <= at < sp.end else min(abs(at - sp.start), abs(at - sp.end))
        for sp in inc.spans
    )


def _place_other_victims(text: str, incidents: Sequence[Incident], reader: RoleReader) -> None:
    """Named victims of the report's other sentences ("the murder of x" in a later paragraph)
    go to the nearest incident, unless an incident already names that person."""
    spans = split_sentences(text, Span.of(text, 0, len(text)))
    others = [
        a for a in find_role_fillers(text, spans, reader=reader) if a.role == VICTIM and a.named
    ]
    for a in others:
        if all(_long_ago(text, spans, sp) or _recalled(text, spans, sp) for sp in a.spans):
            continue  # "the murder of archbishop x in 1980", "killed 3 years ago": another act
        known = [b.text for inc in incidents for b in inc.arguments if b.role in (VICTIM, PERP_IND)]
        if any(names.same_person(k, a.text) or names.same_person(a.text, k) for k in known):
            continue
        best = min(incidents, key=lambda inc, at=a.spans[0].start: _distance(inc, at, len(text)))
        if _dated_apart(text, a, best):
            continue  # "x was killed on 11 october" in a report of a bombing on 2 march
        best.arguments = _sorted(best.arguments + [a])


#: words dating a harm well before the report: "in 1980", "in october 1987", "years ago", "in
#: 10 years", "last year" (not a full date, "on 16 november 1989", which may be the act's own)
_LONG_AGO = re.compile(
    r"\b(?:in\s+(?:[a-z]+\s+)?1[89]\d\d|years?\s+ago|months\s+ago|in\s+\w+\s+years|last\s+year|"
    r"(?:\w+\s+)?years\s+(?:later|earlier|before))\b"
)


#: days between a victim's own dated harm and an incident's date that make them two acts (a
#: murder told with its own date a month or more from the act reported is an old one recalled)
DATED_APART_DAYS = 30


def _days_between(year: int | None, month: int, day: int, date: EventDate) -> int:
    """Days between a month and day (its year when written) and an incident's date; a year
    left unwritten on either side is the one that brings the two nearest."""
    assert date.month is not None and date.day is not None
    base = year or date.year or 2000
    years = [base] if year else [base - 1, base, base + 1]
    best = 10**6
    for y in years:
        try:
            there = dt.date(y, month, day)
            here = dt.date(date.year or y, date.month, date.day)
        except ValueError:
            continue
        best = min(best, abs((there - here).days))
    return best


def _dated_apart(text: str, victim: RoleFiller, inc: Incident) -> bool:
    """The sentences naming ``victim`` give a full day ("on 11 october", "on 7 january
    1990") that lies more than ``DATED_APART_DAYS`` from ``inc``'s date: the harm told there
    is another act ("x, who was killed on 15 december", in a report of today's bombing)."""
    date = inc.date
    if date is None or date.month is None or date.day is None:
        return False
    sentences = split_sentences(text, Span.of(text, 0, len(text)))
    apart = False
    for sp in victim.spans:
        sent = next((s for s in sentences if s.start <= sp.start < s.end), None)
        if sent is None:
            return False
        days = [
            m
            for m in find_dates(text, sent.start, sent.end)
            if m.kind == "absolute" and m.month is not None and m.day is not None
        ]
        if not days:
            return False
        for m in days:
            if _days_between(m.year, m.month, m.day, date) <= DATED_APART_DAYS:
                return False
        apart = True
    return apart


#: words recalling other, earlier acts as a comparison: "other cases, such as the murder of
#: x", "we must not forget the murder of x", "reminiscent of the killing of x"
_RECALLED = re.compile(
    r"\b(?:such\s+as|other\s+(?:cases|crimes|murders|killings|assassinations|massacres)|"
    r"forget|reminiscent\s+of|in\s+the\s+past)\b"
)


def _recalled(text: str, sentences: Sequence[Span], span: Span) -> bool:
    """The sentence of ``span`` recalls an earlier act as a comparison."""
    sent = next((s for s in sentences if s.start <= span.start < s.end), None)
    return sent is not None and bool(_RECALLED.search(text[sent.start : sent.end].lower()))


def _long_ago(text: str, sentences: Sequence[Span], span: Span) -> bool:
    """The sentence of ``span`` dates what it tells well before the report."""
    sent = next((s for s in sentences if s.start <= span.start < s.end), None)
    return sent is not None and bool(_LONG_AGO.search(text[sent.start : sent.end].lower()))


def _one_incident_per_person(incidents: Sequence[Incident]) -> None:
    """A named victim belongs to one incident of the report: a shorter mention of a person
    named more fully in another incident ("romero" / "oscar arnulfo romero"), or the same
    mention in a later incident, is dropped."""
    named = [
        (n, a)
        for n, inc in enumerate(incidents)
        for a in inc.arguments
        if a.role == VICTIM and a.named
    ]
    drop: set[int] = set()
    for n, a in named:
        wa = len(a.text.split())
        for m, b in named:
            if m == n or id(b) in drop or not names.same_person(b.text, a.text):
                continue
            if len(b.text.split()) > wa or (m < n and b.text.lower() == a.text.lower()):
                drop.add(id(a))
                break
    if drop:
        for inc in incidents:
            inc.arguments = [a for a in inc.arguments if id(a) not in drop]


def _one_per_person(args: list[RoleFiller]) -> list[RoleFiller]:
    """Named victims once each, in their fullest form ("luis carlos galan", not "galan");
    a named person who is also read as a perpetrator or victim elsewhere keeps one role."""
    named = [a for a in args if a.role == VICTIM and a.named]
    if not named:
        return args
    texts = [" ".join(TOKEN.findall(a.text.lower())).replace("'s", "") for a in named]
    keep = {id(named[i]) for i in names.fullest_index(texts)}
    return [a for a in args if not (a.role == VICTIM and a.named) or id(a) in keep]


def _words(text: str) -> str:
    return " " + " ".join(TOKEN.findall(text.lower())) + " "


def _one_per_thing(args: list[RoleFiller]) -> list[RoleFiller]:
    """Physical targets once each, in their fullest form: a target whose words all stand, in
    order, inside a longer target of the incident ("the office" after "a telephone office",
    "the pipeline" after "the pacific oil pipeline") is a shorter mention of that thing, its
    spans kept on the longer one."""
    targets = [a for a in args if a.role == TARGET]
    words = {id(a): _words(a.text) for a in targets}
    drop: set[int] = set()
    for a in targets:
        longer = [
            b
            for b in targets
            if b is not a
            and id(b) not in drop
            and len(words[id(b)]) > len(words[id(a)])
            and words[id(a)] in words[id(b)]
        ]
        if longer and words[id(a)].strip():
            drop.add(id(a))
            fullest = max(longer, key=lambda b: len(words[id(b)]))
            fullest.spans.extend(sp for sp in a.spans if sp not in fullest.spans)
    return [a for a in args if id(a) not in drop]


#: a determiner pointing back, maybe with "same" or a count ("the same", "the two")
_BACK = re.compile(
    r"\b(?:the|this|that|these|those)(?:\s+same)?(?:\s+(?:two|three|four|five|several))?\s+$"
)


def _without_back_references(
    text: str, reader: RoleReader, args: list[RoleFiller]
) -> list[RoleFiller]:
    """Without the targets that only refer back to another target of the incident: a generic
    head told bare after "the", "this", "the same" or "the two" ("the same establishment",
    "the building", "the two premises") when the incident names a target that is not such a reference."""
    generic = reader.rl.generic_target

    def back(a: RoleFiller) -> bool:
        if a.role != TARGET or a.text.lower() not in generic:
            return False
        return all(_BACK.search(text[max(0, sp.start - 12) : sp.start].lower()) for sp in a.spans)

    refs = [a for a in args if back(a)]
    if not refs or not any(a.role == TARGET and not back(a) for a in args):
        return args
    return [a for a in args if not back(a)]


def _sorted(fillers: list[RoleFiller]) -> list[RoleFiller]:
    return sorted(fillers, key=lambda r: (ROLES.index(r.role), r.spans[0].start))


__all__ = ["ROLES", "RoleLexicon", "fill_roles", "find_role_fillers", "role_lexicon"]
