"""Named people in a sentence and whether the clause makes them victims or perpetrators.

A named person is the run of name-like words after a title ("colonel x", the title not part of
the name) or after a harm word ("the murder of x"), items of a list of names, owners of harmed
property ("x's house") and kin ("his wife z").  The tests of the clause ("x, 45, a former mayor,
was shot"; "president x condemned the murder" names no victim) are documented on
:mod:`sitrep.extract.roles`.
"""

from __future__ import annotations

import re

from sitrep.extract import names, perpetrators
from sitrep.extract.role_reader import (
    ACT_REACH,
    BE,
    COUNTS,
    CUE_WINDOW,
    MAX_NAME,
    PERP_IND,
    PERP_ORG,
    TARGET,
    VERB_FORM,
    VICTIM,
    Found,
    RoleReader,
    Sentence,
)
from sitrep.text.lexicon import LexMatch

#: words before a place name, not a person's ("in medellin, pedro perez was killed")
_PLACE_PREPOSITIONS = frozenset("in at from near through into outside inside to".split())


def read_person(
    reader: RoleReader, sent: Sentence, m: LexMatch, first: int, i: int, j: int, add
) -> None:
    role = str(m.entry.attrs.get("role", "victim"))
    last = j
    if role == "collective" or m.span.text.lower().endswith(" of"):
        last = reader.grow_of(
            sent, j if not m.span.text.lower().endswith(" of") else j - 1, people=True
        )
        if m.span.text.lower().endswith(" of") and last == j - 1:
            return
        if last == j and role == "collective":
            role = "perp_weak"
        elif role == "collective":
            role = _of_role(reader, sent, j + 1, last)
            if role == "perp" and sent.toks[j].low == "member":
                # one member of a body ("the murder of a member of the carabineros", "x, a
                # member of the civil patrols, was shot"): an attacker only as the agent of an
                # act, not by the kind of body (the members of an armed group are a group)
                role = "perp_weak"
    if reader.speaker(sent, last):
        return
    last = perpetrators.described(reader, sent, last, ride=role == "perp_weak")
    modifiers = {t.low for t in sent.toks[first:i]}
    if role != "victim" and perpetrators.is_source(sent, first):
        return  # "according to the guerrillas, ...": who tells, not who did it
    if role in ("perp", "victim") and perpetrators.in_clash(sent, first):
        return  # "troops clashed with guerrillas": a side of a clash, no attacker
    if (
        m.entry.attrs.get("role") in ("collective", "perp_weak")
        and role in ("perp", "perp_weak")
        and reader.object_of_act(sent, first)
        and not any(t.low in reader.rl.attacker_words for t in sent.toks[first : last + 1])
    ):
        # "attacked the members of the patrol", "ambushed a group of peasants": the attacked
        # (not attackers by kind: "bodyguards shot the gunman", "overpowered the group of
        # extremists" still name the attackers)
        if reader.near_cue(sent, first, last, ("harm",)):
            add(VICTIM, first, last, j)
        return
    if role == "perp":
        # people who are attackers by kind ("guerrillas") only in a sentence telling an act
        # near the act: a long sentence may name them far from it, in a clause of its own
        if not any(
            c & {"harm", "damage", "act"} and first - ACT_REACH <= k <= last + ACT_REACH
            for k, c in sent.cues.items()
        ) and not (sent.toks[j].low in reader.rl.doer and first == i and _definite(sent, i)):
            # "a department where the guerrillas have been active": no act told; "the
            # kidnappers demanded a ransom": the noun itself tells the act told before
            return
        if not reader.passive_harm(sent, last):
            add(PERP_IND, perpetrators.with_count(reader, sent, first), last, j)
        return
    agent = (
        reader.agent_of_act(sent, last)
        or reader.by_agent(sent, first)
        or perpetrators.implicated(reader, sent, last)
        or perpetrators.accused_person(reader, sent, first, last)
    )
    if role == "perp_weak":
        # "unidentified men", "a terrorist group", "guerrilla squads"; "kidnapped by an eln cell"
        if modifiers & reader.rl.perp_mod or agent or reader.by_agent_past_org(sent, first):
            add(PERP_IND, perpetrators.with_count(reader, sent, first), last, j)
        elif reader.passive_harm(sent, last) or reader.near_cue(sent, first, last, ("harm",)):
            add(VICTIM, first, last, j)
        return
    if not agent and role != "perp_weak" and reader.by_agent_past_org(sent, first):
        # "killed by army soldiers": the force's name with its people ("army soldiers")
        agent = True
        first = reader._before_org_name(sent, first - 1) + 1
    if agent and reader.against_attackers(sent, first, last):
        return  # "bodyguards shot the gunman": defenders, not attackers
    if agent:
        add(PERP_IND, perpetrators.with_count(reader, sent, first), last, j)
    elif reader.near_cue(sent, first, last, ("harm",)):
        add(VICTIM, first, last, j)


def _definite(sent: Sentence, i: int) -> bool:
    """The phrase at token i opens with "the" (or "these", "those"): told before."""
    return i >= 1 and sent.toks[i - 1].low in ("the", "these", "those")


def _of_role(reader: RoleReader, sent: Sentence, a: int, b: int) -> str:
    """The role of the people an "of" phrase (tokens a..b) names: attackers ("members of the
    fmln", "a group of armed men", "members of an unknown front"), except members of a
    civilian body ("members of the social democratic party", "a member of the commission"),
    who are attackers only as the agent of an act."""
    start, end = sent.toks[a].start, sent.toks[b].end
    if any(
        m.entry.attrs.get("role") in ("perp", "perp_weak")
        for m in reader.find(start, end, ["role_person"])
    ):
        return "perp"
    if reader.find(start, end, ["role_org"]):
        return "perp"
    if any(t.low in reader.rl.perp_mod for t in sent.toks[a : b + 1]):
        return "perp"
    return "victim" if sent.toks[b].low in reader.rl.civil_body else "perp"


def read_title(reader: RoleReader, sent: Sentence, i: int, j: int, add, free) -> int | None:
    """A title and the name after it: the name is a victim when the clause harms someone.
    Returns the index of the name's last token (None when no name follows)."""
    k = j + 1
    if k >= len(sent.toks) or not (
        reader._joined(sent, j, k)
        or reader._gap(sent, j, k).strip() == ":"  # "journalists: x"
        or (reader._gap(sent, j, k).strip() == "." and sent.toks[j].low in _TITLE_ABBREVIATIONS)
        or (  # "killed two reporters, x and y"
            reader._gap(sent, j, k).strip() == ","
            and sent.toks[j].low.endswith("s")
            and _harm_before(reader, sent, i)
        )
    ):
        perpetrators.counted_title(reader, sent, i, j, add)
        return None
    last = reader.name_at(sent, k, titled=True)
    if last is None:
        perpetrators.counted_title(reader, sent, i, j, add)
        return None
    if last is None or not free(k, last):
        return None
    if reader.speaker(sent, last):
        return last
    if _kin_of(reader, sent, i):
        return last  # "x, wife of colonel y, was killed": the wife is harmed, not y
    if _alias_at(sent, i):
        return last  # "x, known as commander y": another name of x
    if (
        reader.agent_of_act(sent, last)
        or reader.by_agent(sent, i)
        or perpetrators.implicated(reader, sent, last)
    ):
        add(PERP_IND, k, last, last, True)
    elif (
        sent.toks[last].low.endswith(("'s", "’s"))
        and last + 1 < len(sent.toks)
        and sent.toks[last + 1].low in _KIN
    ):
        return last  # "the kidnapping of dr. x's son": the son is harmed, not x
    elif _harm_object(reader, sent, k):
        add(VICTIM, k, last, last, True)  # "the eln is holding engineer x"
    elif reader.near_cue(sent, i, last, ("harm",)):
        if _harm_before(reader, sent, i) or (
            not _in_phrase(reader, sent, i)
            and (
                _name_then_harm(reader, sent, last)
                or _name_then_harm(reader, sent, _list_end(reader, sent, k, last))
            )
        ):
            add(VICTIM, k, last, last, True)
        else:
            return j  # the name stays free: it may be coordinated with a victim ("x and y were")
    elif reader.near_cue(sent, i, last, ("harm",)):
        add(VICTIM, k, last, last, True)
    elif _name_then_harm(reader, sent, last) and not _in_phrase(reader, sent, i):
        add(VICTIM, k, last, last, True)  # "x, (a long apposition), was found murdered"
    else:
        return j  # no role: the name stays free for the list rules ("..., sergeant x, ...")
    return last


#: relatives named by a possessive ("x's son"): the relative is the person harmed
_KIN = frozenset(
    "son sons daughter daughters wife husband brother brothers sister sisters father mother "
    "children child family nephew niece parents relatives grandson granddaughter".split()
)
#: prepositions whose object a titled name is ("the head of the army under president x")
_PHRASE_PREPOSITIONS = frozenset("under of for with from against about toward towards".split())


def _in_phrase(reader: RoleReader, sent: Sentence, i: int) -> bool:
    """The title at token i (after at most one modifier) is the object of a preposition
    ("under president x", "for former minister x"): the name is not the subject of the verb
    after it ("general y, the head of the army under president x, was assassinated")."""
    toks = sent.toks
    for k in (i - 1, i - 2):
        if k < 0 or not reader._joined(sent, k, k + 1):
            return False
        if toks[k].low in _PHRASE_PREPOSITIONS:
            return True
    return False


def _alias_at(sent: Sentence, i: int) -> bool:
    """Token i follows "alias" or "known as" ("x, also known as don y", "alias commander
    y"): what comes is another name of a person already named."""
    toks = sent.toks
    if i >= 1 and toks[i - 1].low in ("alias", "aka"):
        return True
    return i >= 2 and toks[i - 1].low == "as" and toks[i - 2].low == "known"


_KIN_OF_REACH = 3  # words between "<kin> of" and the title ("son of former colonel x")


def _kin_of(reader: RoleReader, sent: Sentence, i: int) -> bool:
    """The title at token i follows "<kin> of" ("wife of colonel x", "the son-in-law of
    general x", "a grandson of former colonel x"): the person named is the harmed one's
    relative."""
    toks = sent.toks
    for k in range(i - 1, max(0, i - 1 - _KIN_OF_REACH), -1):
        if not reader._joined(sent, k, k + 1):
            return False
        if toks[k].low == "of":
            kin = toks[k - 1].low
            return kin in _KIN or kin.split("-")[0] in _KIN or kin.endswith("-in-law")
    return False


#: titles written with a full stop ("dr. x", "msgr. x")
_TITLE_ABBREVIATIONS = frozenset(
    "dr mr mrs ms msgr col gen lt sgt capt maj cpl gov sen prof fr".split()
)
_HARM_REACH = 10  # tokens between a harm word and the title of its object
#: words between a harm word and its object: "killed ten, including leader ..."
_BRIDGE = frozenset("including among them along retired alleged elected".split())


def _harm_before(reader: RoleReader, sent: Sentence, i: int) -> bool:
    """The title at token i (and the name after it) is the object of a harm word before it:
    "the murder of former minister ...", "killed three journalists: ...", "wounding mayor ...".
    Only modifiers, numbers, titles and name words may stand between them; a clause boundary
    or another verb ends the search."""
    toks = sent.toks
    for k in range(i - 1, max(-1, i - 1 - _HARM_REACH), -1):
        gap = reader._gap(sent, k, k + 1).strip().strip("\"'()")
        if gap not in ("", ",", ":", "."):  # a "." inside a sentence ends an abbreviation
            return False
        if gap == "." and not (toks[k].low in _TITLE_ABBREVIATIONS or "." in toks[k].low):
            return False  # the end of a sentence the splitter kept ("... assassinations." mr. x)
        cues = sent.cues.get(k, frozenset())
        if "harm" in cues:
            return True
        low = toks[k].low
        if (
            low in _BRIDGE
            or (low == "that" and k + 1 < i and toks[k + 1].low == "of")  # "including that of"
            or (low == "with" and k > 0 and toks[k - 1].low == "along")
            or (
                low == "and"
                and k > 0
                # "x and of mayor y", "senator and presidential candidate x"
                and (reader._name_word(toks[k - 1]) or toks[k - 1].low in reader.rl.heads)
            )
        ):
            continue
        if low in _ED_MODIFIERS:
            continue  # "former armed forces chief general x"
        if cues & {"speech", "act"} or (VERB_FORM.search(low) and low not in reader.rl.heads):
            return False
        if toks[k].low in ("and", "or", "who", "which", "that", "to", "by", "for", "with"):
            return False
    return False


#: words between a harm verb and an untitled name it governs ("killed 12 miners, including x")
_OBJECT_WORDS = frozenset(
    "a an the his her their its two-year-old approximately about some".split()
)
#: "-ed" words that modify a noun, not verbs ("armed forces chief", "retired colonel")
_ED_MODIFIERS = frozenset("armed retired elected united".split())
#: a person held by captors: "the eln is holding x", "are still holding u.s. citizens x"
_HOLDING_AUX = frozenset("is are was were been has have had also still".split())


def _harm_object(reader: RoleReader, sent: Sentence, k: int, release: bool = False) -> bool:
    """The untitled name at token k is the object of an active harm verb or noun before it:
    "murdering x", "shot former junta member x", "kidnapped a young couple, x and y",
    "killed 12 miners, including x", "the eln is also holding x".  Only determiners, counts,
    person nouns, titles, modifiers and "including" may stand between them (at most one
    comma); a passive harm verb ("the mayor was killed, x ...") or a comma right after the
    harm verb starts another clause."""
    toks = sent.toks
    commas = 0
    titles = _title_tokens(reader, sent)
    for h in range(k - 1, max(-1, k - 1 - _HARM_REACH), -1):
        gap = reader._gap(sent, h, h + 1).strip()
        if gap in (",", ":"):
            commas += 1
            if commas > 1:
                return False
        elif gap and not reader._joined(sent, h, h + 1):
            return False
        low = toks[h].low
        before = toks[h - 1].low if h > 0 else ""
        if low == "holding":
            return before in _HOLDING_AUX
        if release and low in _RELEASE:
            return before not in BE and before not in ("been", "being")  # "the army freed x"
        if "harm" in sent.cues.get(h, ()) and low in _HARM_BEFORE_NAME:
            if not (VERB_FORM.search(low) or low == "shot"):
                return False  # a noun: "death squad: x", "the murder of x" (read elsewhere)
            if gap in (",", ":") and (h + 1 == k or toks[h + 1].low not in _BRIDGE):
                return False  # "... were killed, x said"
            return before not in BE and before not in ("been", "being")
        if low in _OBJECT_WORDS or low in _BRIDGE or low in COUNTS:
            continue
        if low in reader.rl.stop or h in sent.cues:
            return False
        if (
            low.isdigit()
            or _AGE.fullmatch(low)
            or h in titles
            or low in _ED_MODIFIERS
            or reader._modifier(toks[h], sent, h)
        ):
            continue
        return False
    return False


#: plural harm nouns, read only before "of" ("the murders of x, y and z")
_HARM_PLURALS = frozenset("murders assassinations killings kidnappings abductions".split())
_HARM_BEFORE_NAME = frozenset(
    "murder assassination killing kidnapping abduction death murdered assassinated killed kidnapped "
    "abducted wounded injured shot murdering assassinating abducting wounding injuring shooting "
    "executing torturing".split()
)


#: verbs before "the life of x": the act killed x
_TOOK_LIFE = frozenset("claimed claim claims took take takes cost costs ended".split())

#: people who harm the person named after "of" ("the kidnappers of x")
_HARMERS = frozenset("kidnappers abductors captors murderers assassins killers".split())


_MONTHS = frozenset(
    "january february march april may june july august september october november december".split()
)
_WHEN_WHERE = 4  # words of a date or place between a harm noun and its "of"


def _after_when_where(reader: RoleReader, sent: Sentence, k: int) -> int:
    """After the harm noun at token k, the index of an "of" that follows a short date or
    place phrase ("the assassination on 22 march of x", "the murder in guatemala of x"), or
    k + 1 when there is none."""
    toks = sent.toks
    n = k + 1
    if n >= len(toks) or toks[n].low not in ("on", "in") or not reader._joined(sent, k, n):
        return k + 1
    for m in range(n + 1, min(n + 2 + _WHEN_WHERE, len(toks))):
        if not reader._joined(sent, m - 1, m):
            return k + 1
        low = toks[m].low
        if low == "of":
            return m if m > n + 1 else k + 1
        if low.isdigit() or low in _MONTHS:
            continue
        if m in sent.cues or low in reader.rl.stop or low in reader.rl.heads:
            return k + 1  # "the murder in the town of x": x is a place
    return k + 1


def read_harmed_names(reader: RoleReader, sent: Sentence, add, free) -> None:
    """Names right after a harm word ("the murder of jaime pardo leal", "kidnapped juan perez")."""
    toks = sent.toks
    for k, tok in enumerate(toks):
        if not (
            "harm" in sent.cues.get(k, ())
            and tok.low in _HARM_BEFORE_NAME
            or (tok.low in _HARM_PLURALS and k + 1 < len(toks) and toks[k + 1].low == "of")
            or (tok.low in _HARMERS and k + 1 < len(toks) and toks[k + 1].low == "of")
            or (  # "an attempt on the life of x"
                tok.low in ("life", "lives")
                and k >= 3
                and toks[k - 1].low == "the"
                and toks[k - 2].low == "on"
                and toks[k - 3].low in ("attempt", "attempts", "attack", "attacks")
            )
            or (  # "attacks that claimed the lives of x", "the blast took the life of x"
                tok.low in ("life", "lives")
                and k >= 2
                and toks[k - 1].low == "the"
                and toks[k - 2].low in _TOOK_LIFE
            )
        ):
            continue
        n = k + 1
        if VERB_FORM.search(tok.low) is None or tok.low == "killing":
            n = _after_when_where(reader, sent, k)  # "the assassination on 22 march of x"
        if n < len(toks) and toks[n].low == "of" and reader._joined(sent, n - 1, n):
            n += 1
            if n + 1 < len(toks) and toks[n].low == "the" and _AGE.fullmatch(toks[n + 1].low):
                n += 1  # "the murder of the 39-year-old x"
            if n < len(toks) and _AGE.fullmatch(toks[n].low) and reader._joined(sent, n - 1, n):
                n += 1  # "the killing of 42-year-old x"
        if n >= len(toks) or not reader._joined(sent, n - 1, n):
            continue
        last = reader.name_at(sent, n)
        if last is None or last - n < 1 or not free(n, last):
            continue  # one word alone is too weak a name without a title
        if reader.speaker(sent, last):
            continue
        add(VICTIM, n, last, last, True)


_APPOSITION = 16  # tokens of an apposition between a name and its verb ("x, 45, a mayor, was")
_RELATIVE_REACH = 26  # the same when the apposition holds a relative clause ("x, who ..., was")
#: commas inside it: "x, mayor of a, in the department of b, who was kidnapped"
_APPOSITION_COMMAS = 3


_AUX = frozenset(
    "was were had have has been being are is also then later reportedly allegedly apparently "
    "subsequently escaped found emerged".split()
)
_HARM_PARTICIPLES = frozenset(
    "killed murdered assassinated kidnapped abducted wounded injured shot slain executed "
    "tortured captured seized machinegunned machine-gunned riddled stabbed".split()
)


def _the_harmed(reader: RoleReader, sent: Sentence, k: int) -> bool:
    """Tokens from k ("the") name the harmed people as a noun and a harm participle that ends
    the clause: "the missionaries killed", "the two engineers kidnapped"; not "the man who
    killed y" or "the men who kidnapped her"."""
    toks = sent.toks
    for m in range(k + 2, min(k + 5, len(toks))):
        if not reader._joined(sent, m - 1, m):
            return False
        low = toks[m].low
        if low in ("who", "that", "which"):
            return False
        if low in _HARM_PARTICIPLES:
            return (
                m + 1 == len(toks)
                or not reader._joined(sent, m, m + 1)
                or toks[m + 1].low in reader.rl.when | {"on", "in", "at", "by", "near"}
            )
    return False


#: verbs of people who lived through an attack aimed at them
_ESCAPED = frozenset("escaped survived escapes survives".split())
#: the attack they lived through
_ATTEMPTS = frozenset("attack attacks attempt attempts bombing ambush assassination".split())


def _escaped_act(reader: RoleReader, sent: Sentence, k: int) -> bool:
    """After the verb at token k ("escaped", "survived"), an attack within four words of a
    noun phrase: "escaped a dynamite attack", "survived an assassination attempt"."""
    toks = sent.toks
    for m in range(k + 1, min(k + 5, len(toks))):
        if not reader._joined(sent, m - 1, m):
            return False
        if toks[m].low in _ATTEMPTS:
            return True
        if toks[m].low in reader.rl.stop and toks[m].low not in ("a", "an", "the"):
            return False
    return False


def _harm_after(reader: RoleReader, sent: Sentence, j: int, release: bool = False) -> bool:
    """The phrase ending at token j is the subject of a passive harm verb: "... were killed",
    "... died", "... was seriously wounded", "... has also been kidnapped", "... escaped unhurt"."""
    toks = sent.toks
    aux = 0
    for k in range(j + 1, min(j + 6, len(toks))):
        gap = reader._gap(sent, k - 1, k).strip()
        if gap and not (gap == "," and k == j + 1):  # "x, a mayor, was shot": from "mayor"
            return False
        low = toks[k].low
        if "harm" in sent.cues.get(k, ()) and (aux or low in ("died", "dead")):
            return True
        if low in _ESCAPED and _escaped_act(reader, sent, k):
            return True  # "x escaped a dynamite attack", "x survived an assassination attempt"
        if release and aux and low in _RELEASE:
            return True  # "x was released" in a sentence about captivity
        if low in _AUX or (aux and low.endswith("ly")):
            aux += 1
            continue
        if (  # "x was the victim of another attack"
            aux
            and low == "the"
            and k + 2 < len(toks)
            and toks[k + 1].low in ("victim", "victims")
            and toks[k + 2].low == "of"
        ):
            return True
        if aux and low == "the" and _the_harmed(reader, sent, k):
            return True  # "x and y were the missionaries killed"
        return False
    return False


def _name_then_harm(reader: RoleReader, sent: Sentence, last: int, release: bool = False) -> bool:
    """The name ending at token ``last`` is the subject of a passive harm verb, directly
    ("x was killed", "x was seriously wounded") or after an apposition between commas
    ("x, 45, a former mayor, was shot"), a relative clause ("x, who was kidnapped ...") or a
    participle ("x, kidnapped on 9 may, ..."); or the name owns a harm noun ("x's murder")."""
    toks = sent.toks
    n = len(toks)
    if reader.passive_harm(sent, last) or _harm_after(reader, sent, last, release):
        return True
    if (
        toks[last].low.endswith(("'s", "’s"))
        and last + 1 < n
        and "harm" in sent.cues.get(last + 1, ())
    ):
        return True  # "galan's murder"
    if (
        last + 1 < n
        and toks[last].low.endswith(("s", "z"))
        and reader._gap(sent, last, last + 1).strip() in ("'", "’")
        and "harm" in sent.cues.get(last + 1, ())
    ):
        return True  # "carlos pizarro leongomez' assassination"
    if last + 1 < n and reader._gap(sent, last, last + 1).strip() == "(":
        # "x (name as received), kidnapped by the eln, ...": past the bracketed remark
        close = next(
            (
                m
                for m in range(last + 1, min(last + 6, n - 1))
                if ")" in reader._gap(sent, m, m + 1)
            ),
            None,
        )
        if close is not None and reader._gap(sent, close, close + 1).strip() == "),":
            nxt = toks[close + 1].low
            if nxt in _HARM_PARTICIPLES:
                return True
            if nxt == "who" and _harm_after(reader, sent, close + 1, release):
                return True
    if last + 1 >= n:
        return False
    gap = reader._gap(sent, last, last + 1).strip()
    if gap == "" and toks[last + 1].low == "and":
        # "x and seven other people were killed"
        for k in range(last + 2, min(last + 10, n)):
            if (
                not reader._joined(sent, k - 1, k)
                and reader._gap(sent, k - 1, k).strip() not in ("(", ")")  # "(number as heard)"
            ) or sent.cues.get(k, frozenset()) & {
                "speech",
                "act",
            }:
                return False
            if _harm_after(reader, sent, k, release):
                return True
        return False
    if gap != ",":
        return False
    nxt = toks[last + 1].low
    if nxt in _HARM_PARTICIPLES:
        return True  # "x, kidnapped 11 days ago"
    if nxt == "who" and _harm_after(reader, sent, last + 1, release):
        return True  # "x, who was shot to death"
    commas = 0
    relative = False
    inside = False  # within a relative clause "..., who ...," (its verbs are its own)
    reach = _APPOSITION
    k = last
    while k + 1 < min(last + 2 + reach, n - 1):
        k += 1
        gap = reader._gap(sent, k, k + 1).strip()
        if gap in (",", "),"):
            if reader.passive_harm(sent, k) or _harm_after(reader, sent, k, release):
                return True
            inside = False
            if toks[k + 1].low in ("who", "which", "whose"):
                if (
                    toks[k + 1].low == "who"
                    and _harm_after(reader, sent, k + 1, release)
                    and not relative
                ):
                    return True  # "x, mayor of a, in the department of b, who was kidnapped"
                if not relative and toks[k + 1].low == "who":
                    inside = True  # "x, 72, who was working at the station at the time of
                    reach = _RELATIVE_REACH  # the explosion, was killed"
                relative = True  # "x, a candidate, who replaced y, who was killed": y's clause
            commas += 1
            if commas > _APPOSITION_COMMAS:
                return False
        elif (
            gap
            and not reader._joined(sent, k, k + 1)  # "a u.s. nun"
            and gap not in ("(", ")")  # "a leader of the party (pdc), was shot"
        ) or (not inside and sent.cues.get(k, frozenset()) & {"speech", "act", "harm"}):
            return False
    return False


#: a person's property: its owner is a victim of an attack on it ("the residence of x")
_OWNED = frozenset(
    "residence residences home homes house houses office offices farm farms ranch estate "
    "apartment car cars vehicle helicopter plane aircraft".split()
)
#: an attack on people at their property: "attacked the residence of x", "an attack against
#: the home of x"; a bomb that explodes at a house targets the house
_ATTACK_WORDS = frozenset("attack attacks attacked attacking".split())
_BOMB_WORDS = frozenset("bomb dynamite explosive grenade car-bomb mortar rocket".split())
_OWNER_VERB = 15  # tokens between the property and its verb ("x's house, in y, was attacked")
_OWNER_REACH = 4  # title words between "of" and the owner's name


def _owner_name(reader: RoleReader, sent: Sentence, k: int, titles: set[int]) -> int | None:
    """The first token of the owner's name after the property noun at token k: "the
    residence of (vice president) x", "a farm owned by x", "a helicopter in which x was";
    None when there is none."""
    toks = sent.toks
    n = len(toks)
    a = k + 1
    if a + 1 < n and toks[a].low in ("owned", "belonging") and toks[a + 1].low in ("by", "to"):
        a += 2
    elif a + 1 < n and toks[a].low == "in" and toks[a + 1].low == "which":
        a += 2
    elif a < n and toks[a].low == "of":
        a += 1
    else:
        return None
    if a >= n or not reader._joined(sent, a - 1, a) and reader._gap(sent, a - 1, a).strip():
        return None
    for b in range(a + 1, min(a + 1 + _OWNER_REACH, n)):
        if b - 1 in titles and b not in titles:
            if any(not reader._joined(sent, m - 1, m) for m in range(a + 1, b + 1)):
                return None
            return b  # "the residence of legislative assembly vice president x"
    return a


#: words that open an apposition after a name: "x, a former mayor", "x, the party's leader"
_APPOSITION_OPENERS = frozenset({"a", "an", "the", "another", "former"})


def _apposition_harmed(reader: RoleReader, sent: Sentence, j: int | None) -> bool:
    """After the description ending at token j, the clause's verb is a passive harm ("..., a
    former mayor of the town, was shot", "... of the party was killed"): the first "was",
    "were", "has" or "had" within the apposition's reach opens a harm verb, with no speech
    word ("said", "stated") before it."""
    toks = sent.toks
    if j is None:
        return False
    for k in range(j + 1, min(j + 1 + _APPOSITION, len(toks))):
        if "speech" in sent.cues.get(k, ()) or toks[k].low in ("who", "whom", "whose", "which"):
            return False  # a relative clause's verb is its own ("x, a y, who replaced z, who")
        if toks[k].low in ("was", "were", "has", "had"):
            return _harm_after(reader, sent, k - 1)
    return False


def read_apposed_names(reader: RoleReader, sent: Sentence, out: list[Found], add, free) -> None:
    """The named person a described victim stands in apposition to: "gunmen attacked x,
    director of the institute", "x, deputy secretary of the party was shot" (the closing comma
    left out): the person read as harmed is x, told by the description after the comma."""
    toks = sent.toks
    for f in list(out):
        if f.role != VICTIM or f.named:
            continue
        i = sent.by_start.get(f.span.start)
        if i is None:
            continue
        c = i - 1  # the comma before the description, past its article
        if c >= 0 and toks[c].low in _APPOSITION_OPENERS and reader._joined(sent, c, i):
            c -= 1
        c += 1
        if c < 2 or reader._gap(sent, c - 1, c).strip() != ",":
            continue
        last = c - 1
        found = None
        for a in range(max(0, last - MAX_NAME), last):
            if reader.name_at(sent, a) == last and all(
                reader._joined(sent, m - 1, m) for m in range(a + 1, last + 1)
            ):
                found = a
                break
        if found is None or not free(found, last) or reader.speaker(sent, last):
            continue
        if not _apposition_harmed(reader, sent, sent.by_end.get(f.span.end)):
            continue  # "x, a brother of one of the victims, stated": not the one harmed
        if found > 0 and toks[found - 1].low in _PLACE_PREPOSITIONS:
            continue  # "in san miguel, the mayor was shot": a place
        start, end = toks[found].start, toks[last].end
        if any(g.span.start < end and start < g.span.end for g in out):
            continue
        if reader.find(start, end, ["role_org"]):
            continue
        add(VICTIM, found, last, last, True)


def read_owners(reader: RoleReader, sent: Sentence, out: list[Found], add) -> None:
    """The named owner of a home, office, farm or vehicle that is attacked or damaged:
    "attacking the residence of vice president x", "x's house was also attacked", "a farm
    owned by x", "an attack on a helicopter in which x was travelling"."""
    toks = sent.toks
    titles: set[int] | None = None
    for k, tok in enumerate(toks):
        if tok.low not in _OWNED or not any(
            toks[m].low in _ATTACK_WORDS and (m == 0 or toks[m - 1].low not in _BOMB_WORDS)
            for m in range(max(0, k - CUE_WINDOW), min(len(toks), k + _OWNER_VERB + 1))
        ):
            continue  # a bomb at x's house (the house is the target), a police raid
        if titles is None:
            titles = _title_tokens(reader, sent)
        found: tuple[int, int] | None = None
        a = _owner_name(reader, sent, k, titles)
        if a is not None:
            last = reader.name_at(sent, a)
            if last is not None and (last > a or a - 1 in titles):
                found = (a, last)
        if found is None and k > 0 and toks[k - 1].low.endswith(("'s", "’s")):
            for a in range(max(0, k - 1 - MAX_NAME), k):
                if reader.name_at(sent, a) == k - 1 and (a < k - 1 or a - 1 in titles):
                    found = (a, k - 1)
                    break
        if found is None or reader.speaker(sent, found[1]):
            continue
        start, end = sent.toks[found[0]].start, sent.toks[found[1]].end
        if any(f.span.start < end and start < f.span.end for f in out if f.role != TARGET):
            continue  # already read (a victim, or an attacker)
        if reader.find(start, end, ["role_org"]):
            continue  # "el espectador's offices": an organisation's property
        add(VICTIM, found[0], found[1], found[1], True)


_AGE = re.compile(r"\d+-(?:years?|months?)-old")  # "19-year-old", "4-month-old"
_COPULAS = frozenset("is are was were include included".split())
#: harmed people as the subject of a copula: "the injured were x", "among the victims is x"
_HARMED_WORDS = frozenset(
    "victim victims hostage hostages dead wounded injured killed murdered kidnapped abducted "
    "assassinated disappeared".split()
)
_PART_WORDS = frozenset(
    "one two three four five six seven eight nine ten some several most many none all both "
    "another".split()
)
#: harm words that take no object: "the people who disappeared are x" names the harmed
_INTRANSITIVE_HARM = frozenset({"disappeared", "died"})
_COPULA_REACH = 8  # tokens between the harm word and the copula ("the five students who ...")


def _title_tokens(reader: RoleReader, sent: Sentence) -> set[int]:
    """Indices of the tokens of the titles and person nouns of a sentence."""
    out: set[int] = set()
    for m in reader.find(sent.toks[0].start, sent.toks[-1].end, ["role_title", "role_person"]):
        i, j = sent.by_start.get(m.span.start), sent.by_end.get(m.span.end)
        if i is not None and j is not None:
            out.update(range(i, j + 1))
    return out


def _copula_victim(reader: RoleReader, sent: Sentence, k: int) -> bool:
    """The name at token k (after up to three title or modifier words) completes a copula
    whose subject names harmed people: "the injured were x", "among the victims are x",
    "those who were kidnapped are x", "one of the wounded is u.s. citizen x".  The harm
    word must be a participle or a victim noun with no active verb between it and the
    copula ("the man who killed x was y" names the killer)."""
    toks = sent.toks
    m = k - 1
    titles = _title_tokens(reader, sent)
    while m >= 0 and k - m <= 3 and toks[m].low not in _COPULAS:
        low = toks[m].low
        if not (
            m in titles or "." in low or low in ("a", "an") or _AGE.fullmatch(low)
        ) or not reader._joined(sent, m, m + 1):
            return False
        m -= 1
    if m < 1 or toks[m].low not in _COPULAS:
        return False
    gap = reader._gap(sent, m, m + 1).strip()
    if gap not in ("", ":"):
        return False
    for h in range(m - 1, max(-1, m - 1 - _COPULA_REACH), -1):
        low = toks[h].low
        if reader._gap(sent, h, h + 1).strip() not in ("", ",") and h != m - 1:
            return False
        if low in _HARMED_WORDS:
            before = toks[h - 1].low if h > 0 else ""
            det = before in ("the", "these", "those") and h > 1
            if det:
                h -= 1
                before = toks[h - 1].low
                if before == "and":
                    return True  # "x was killed, and the injured policeman is y"
            if before == "of":  # "one of the wounded", not "the spokesman of the victims"
                return h > 1 and toks[h - 2].low in _PART_WORDS
            if before in ("who", "that") and low in _INTRANSITIVE_HARM:
                return True  # "the students who disappeared this week are x"
            return before not in ("who", "that", "which", "and", "he", "she", "they")
        if sent.cues.get(h, frozenset()) & {"act", "speech", "harm"}:
            return False
    return False


def _list_end(reader: RoleReader, sent: Sentence, i: int, last: int) -> int:
    """The last token of the list of names the name at tokens i..last starts
    ("comrades x, y, and z")."""
    seen = {last}
    while True:
        nxt = [(a, b) for a, b in coordinated(reader, sent, i, last) if a > last]
        if not nxt or nxt[0][1] in seen:
            return last
        i, last = nxt[0]
        seen.add(last)


#: verbs that end a captivity: the person released or rescued was held
_RELEASE = frozenset("release released freed rescued liberated".split())
#: words that say people were held: with one of them a release is the end of a kidnapping
_CAPTIVITY = frozenset(
    "kidnapped kidnapping kidnappers abducted abduction abductors captors hostage hostages "
    "captivity unharmed unhurt ransom".split()
)


def _captivity_ended(reader: RoleReader, sent: Sentence, out: list[Found]) -> bool:
    """The sentence tells people released or rescued from captivity: a release verb with a
    word of captivity ("the kidnappers freed x", "x was released unharmed") or released by
    attackers ("x and y were released by the guerrillas")."""
    toks = sent.toks
    rel = [k for k, t in enumerate(toks) if t.low in _RELEASE]
    if not rel:
        return False
    if any(t.low in _CAPTIVITY for t in toks):
        return True
    return any(
        toks[b].low == "by"
        and any(f.role in (PERP_ORG, PERP_IND) and f.span.start > toks[b].end for f in out)
        for k in rel
        for b in range(k + 1, min(k + 4, len(toks)))  # "were released today by ..."
    )


def read_more_names(reader: RoleReader, sent: Sentence, out: list[Found], add, free) -> None:
    """Named victims the title and harm-word rules miss: a name that is the subject of a
    passive harm verb, a name after "identified as" in a harm clause, and names coordinated
    with a named victim ("x, y, and z were killed", "photographers x and y")."""
    toks = sent.toks
    n = len(toks)
    release = _captivity_ended(reader, sent, out)
    them = _they_are_start(reader, sent)
    if them is None:
        them = _identified_start(reader, sent)
    if them is not None:
        last = reader.name_at(sent, them)
        if last is not None and free(them, last) and not reader.speaker(sent, last):
            add(VICTIM, them, last, last, True)  # "they are x, y and z": the people just harmed
    if (
        not release
        and not any("harm" in kinds for kinds in sent.cues.values())
        and not any(t.low == "holding" for t in toks)
    ):
        if them is not None:
            _coordinated_victims(reader, sent, out, add, free)
        return
    k = 0
    while k < n:
        if not free(k, k) or (
            k > 0 and reader._joined(sent, k - 1, k) and reader._name_word(toks[k - 1])
        ):
            k += 1
            continue
        last = reader.name_at(sent, k)
        if last is None or last == k and not reader.caseless and k == 0:
            k += 1
            continue
        if not free(k, last):
            k = last + 1
            continue
        prev = toks[k - 2].low + " " + toks[k - 1].low if k >= 2 else ""
        if (
            (
                last > k
                and _name_then_harm(reader, sent, last, release)
                and not (k > 0 and toks[k - 1].low in _PLACE_PREPOSITIONS)
                and not (
                    k > 0
                    and k - 1 in _title_tokens(reader, sent)
                    and _in_phrase(reader, sent, k - 1)
                )
            )
            or (prev == "identified as" and reader.near_cue(sent, k, last, ("harm",)))
            or _called_victim(reader, sent, k, out)
            or (last > k and _harm_object(reader, sent, k, release))
            or (
                (last > k or k > 0 and k - 1 in _title_tokens(reader, sent))
                and _copula_victim(reader, sent, k)
            )
        ):
            if not reader.speaker(sent, last) and not reader.agent_of_act(sent, last):
                add(VICTIM, k, last, last, True)
        k = last + 1
    _read_semicolon_list(reader, sent, out, add, free)
    _coordinated_victims(reader, sent, out, add, free)


def _coordinated_victims(reader: RoleReader, sent: Sentence, out: list[Found], add, free) -> None:
    """Names coordinated with a named victim: "x, y, and z were killed", "photographers x and
    y"."""
    toks = sent.toks
    grew = True
    while grew:
        grew = False
        for f in [f for f in out if f.role == VICTIM and f.named]:
            i = sent.by_start.get(f.span.start)
            j = sent.by_end.get(f.span.end)
            if j is None:
                j = next((m for m, t in enumerate(toks) if t.start < f.span.end <= t.end), None)
            if i is None or j is None:
                continue
            for a, b in coordinated(reader, sent, i, j) + _kin_antecedent(reader, sent, i):
                if free(a, b):
                    add(VICTIM, a, b, b, True)
                    grew = True


#: openings of a sentence that names the people the sentence before reports harmed: "they
#: are x, y and z", "one of them is x", "the other victim was y"
_THEY_ARE = (
    ("they", "are"),
    ("they", "were"),
    ("these", "are"),
    ("one", "of", "them", "is"),
    ("one", "of", "them", "was"),
    ("the", "others", "are"),
    ("the", "others", "were"),
    ("the", "other", "person", "is"),
    ("the", "other", "person", "was"),
    ("the", "other", "one", "is"),
    ("the", "other", "one", "was"),
    ("the", "other", "victim", "is"),
    ("the", "other", "victim", "was"),
)
_HARM_BEFORE = 300  # characters before the sentence read for the harm it names people of


def _they_are_start(reader: RoleReader, sent: Sentence) -> int | None:
    """The first token of the name after a "they are" opening (over titles, "a", "an") when
    the text just before the sentence tells people harmed ("four people were killed.")."""
    toks = sent.toks
    words = tuple(t.low for t in toks[:4])
    opening = next((o for o in _THEY_ARE if words[: len(o)] == o), None)
    if opening is None:
        return None
    k = len(opening)
    titles = _title_tokens(reader, sent)
    while k < len(toks) and (k in titles or toks[k].low in ("a", "an")):
        k += 1
    if k >= len(toks) or reader.name_at(sent, k) is None:
        return None
    return k if _harm_just_before(reader, sent) else None


def _harm_just_before(reader: RoleReader, sent: Sentence) -> bool:
    """The text just before the sentence tells people harmed ("a u.s. citizen was killed.")."""
    start = sent.toks[0].start
    cues = reader.find(max(0, start - _HARM_BEFORE), start, ["role_cue"])
    return any(m.entry.attrs.get("cue") == "harm" for m in cues)


def _identified_start(reader: RoleReader, sent: Sentence) -> int | None:
    """The first token of the name in "the victim was identified as x", "the u.s. citizen was
    identified as x" right after people were reported harmed; not when the subject names
    attackers ("the gunmen were identified as x")."""
    toks = sent.toks
    at = next(
        (
            k + 2
            for k in range(1, min(len(toks) - 2, 12))
            if toks[k].low == "identified"
            and toks[k + 1].low == "as"
            and toks[k - 1].low in ("was", "were", "been")
        ),
        None,
    )
    if at is None or reader.name_at(sent, at) is None:
        return None
    before = reader.find(toks[0].start, toks[at - 3].end, ["role_person", "role_org"])
    if any(
        m.entry.kind == "role_org" or m.entry.attrs.get("role") in ("perp", "perp_weak")
        for m in before
    ):
        return None
    return at if _harm_just_before(reader, sent) else None


#: words between a described person and the name that says who it is ("a guard named x")
_CALLED = ("named", "called", "known as", "identified as", "identified only as", "known only as")


def _called_victim(reader: RoleReader, sent: Sentence, k: int, out: list[Found]) -> bool:
    """The name at token k says who a person read as harmed is: "injuring a guard named x",
    "killed a peasant known as x", "a nurse, identified only as x, was hurt"."""
    toks = sent.toks
    if k > 0 and reader._gap(sent, k - 1, k).strip() == ",":
        # "the other victim, x, is recovering", "the dead policeman, x,": an apposition to
        # a phrase that itself tells the harm
        last = reader.name_at(sent, k)
        end = toks[k - 1].end
        return (
            last is not None
            and (last + 1 == len(toks) or reader._gap(sent, last, last + 1).strip() in (",", "("))
            and any(f.role == VICTIM and not f.named and f.span.end == end for f in out)
            and any(
                toks[m].low in _HARMED_WORDS
                for m in range(max(0, k - 5), k)
                if all(reader._joined(sent, m2, m2 + 1) for m2 in range(m, k - 1))
            )
        )
    for words in _CALLED:
        n = len(words.split())
        a = k - n
        if a < 1 or " ".join(t.low for t in toks[a:k]) != words:
            continue
        if not all(reader._joined(sent, m, m + 1) for m in range(a, k)):
            return False
        end = toks[a - 1].end
        if reader._gap(sent, a - 1, a).strip() not in ("", ","):
            return False
        return any(f.role == VICTIM and not f.named and f.span.end == end for f in out)
    return False


#: words that introduce a name inside a list item ("a minor known as x", "identified only as x")
_KNOWN_AS = frozenset({"as", "called", "named"})
_KNOWN_REACH = 6  # tokens of such an item before its name


def _item_name(reader: RoleReader, sent: Sentence, a: int, b: int, titles: set[int]) -> int | None:
    """The first token of the name that starts the list item at tokens a..b ("and bodyguard x,
    ...", "a minor reportedly known as x"), or None; the name must end the item or be followed
    by a comma, a bracket or "and"."""
    toks = sent.toks
    k = a
    if k <= b and toks[k].low == "and":
        k += 1
    for m in range(k, min(k + _KNOWN_REACH, b)):
        if toks[m].low in _KNOWN_AS and toks[m - 1].low in ("known", "identified", "only", "as"):
            k = m + 1  # "a minor reportedly known as x"
            break
        if toks[m].low == "as" or not reader._joined(sent, m, m + 1):
            break
    while (
        k <= b
        and (
            k in titles
            or toks[k].low in reader.rl.heads
            or k < b
            and (k + 1 in titles or toks[k + 1].low in reader.rl.heads)  # "jesuit priests"
        )
        and toks[k].low not in reader.rl.stop
    ):
        k += 1
    if k > b:
        return None
    last = reader.name_at(sent, k)
    if last is None or last > b:
        return None
    if last < b:
        gap = reader._gap(sent, last, last + 1).strip()
        if not (gap.startswith((",", "(")) or not gap and toks[last + 1].low == "and"):
            return None
    return k


def _surname_first(reader: RoleReader, sent: Sentence, a: int, b: int) -> bool:
    """The item at tokens a..b is a name written surname first ("perez, juan carlos")."""
    last = reader.name_at(sent, a)
    if last is None or last >= b or reader._gap(sent, last, last + 1).strip() != ",":
        return False
    return reader.name_at(sent, last + 1) == b


def _read_semicolon_list(reader: RoleReader, sent: Sentence, out: list[Found], add, free) -> None:
    """Names in a list whose items are divided by semicolons: "killing x, 42; y, 19; a minor
    known as z; and w", "x, a mayor; y, an official; and z were kidnapped".  When one item
    holds a victim, the name that starts each item is a victim too."""
    toks = sent.toks
    cuts = [m for m in range(len(toks) - 1) if ";" in reader._gap(sent, m, m + 1)]
    if not cuts:
        return
    bounds = [-1, *cuts, len(toks) - 1]
    segments = [(bounds[n] + 1, bounds[n + 1]) for n in range(len(bounds) - 1)]
    titles = _title_tokens(reader, sent)
    # the first item is the tail of the first segment: its last one or two comma chunks
    a0, b0 = segments[0]
    chunks = [a0] + [m + 1 for m in range(a0, b0) if reader._gap(sent, m, m + 1).strip() == ","]
    starts: list[int] = []
    region = chunks[-3] if len(chunks) > 2 else chunks[0]  # "x, 55, from spain"
    for c in reversed(chunks[-3:]):
        k = _item_name(reader, sent, c, b0, titles)
        end = next((m for m in range(c, b0) if reader._gap(sent, m, m + 1).strip()), b0)
        if k is not None and reader.name_at(sent, k) in (end, end - 1):
            starts.append(k)
            break
    for a, b in segments[1:]:
        if any("speech" in sent.cues.get(m, ()) for m in range(a, b + 1)):
            return  # a clause, not a list item
        if _surname_first(reader, sent, a, b):
            return  # an index of names ("perez, juan; gomez, ana"): no reading of its order
        k = _item_name(reader, sent, a, b, titles)
        if k is not None:
            starts.append(k)
    if len(starts) < 2:
        return
    lo = toks[region].start
    if not any(f.role == VICTIM and f.span.start >= lo for f in out):
        return  # no item is known to name a victim
    for k in starts:
        last = reader.name_at(sent, k)
        if (
            last is not None
            and free(k, last)
            and not reader.speaker(sent, last)
            and not reader.agent_of_act(sent, last)
        ):
            add(VICTIM, k, last, last, True)


_ASIDE = 8  # tokens of an aside after a name in a list ("x, a dutch tv correspondent, y")
#: tokens of an aside opened by a title ("x, leader of the national revolutionary movement, y")
_TITLED_ASIDE = 12


def _aside_end(reader: RoleReader, sent: Sentence, k: int) -> int:
    """After "name," at token k: the last token of a short aside ("a reuter photographer",
    "45") that ends at a comma or semicolon, or k - 1 when there is none."""
    toks = sent.toks
    titled = (  # "leader of the party", "mayor of x": not "corporal y" (a next name)
        toks[k].low in reader.rl.heads
        and toks[k].low not in reader.rl.stop
        and k + 1 < len(toks)
        and toks[k + 1].low == "of"
    )
    if (
        toks[k].low not in ("a", "an", "the", "another", "his", "her")
        and not toks[k].low.isdigit()
        and not titled
    ):
        return k - 1
    reach = _TITLED_ASIDE if titled else _ASIDE
    for m in range(k, min(k + reach, len(toks) - 1)):
        if sent.cues.get(m, frozenset()) & {"speech", "act", "harm"}:
            return k - 1
        gap = reader._gap(sent, m, m + 1).strip()
        if gap in (",", ";", "),", ");"):
            return m
        if titled and gap in ("(", ")"):
            continue  # "x, leader of the movement (mnr), and y"
        if gap or toks[m].low in ("and", "or"):
            return k - 1  # "x, the mayors of a and b, ...": no aside between two names
    return k - 1


def _modifies_title(reader: RoleReader, sent: Sentence, k: int, last: int) -> bool:
    """The name-like words ending at token ``last`` modify a title or person noun right
    after them ("mayoral candidate", "antioquia police commander", "ideologist of the
    group", one word before "of"): they describe the next item of a list, they do not
    name it."""
    toks = sent.toks
    if last + 1 >= len(toks) or not reader._joined(sent, last, last + 1):
        return False
    nxt = toks[last + 1].low
    return nxt in reader.rl.heads and nxt not in reader.rl.stop or (nxt == "of" and last == k)


_TITLE_ZONE = 6  # tokens of titles and their modifiers before a name in a list
_BRACKET = 5  # tokens of a bracketed remark after a name in a list ("x (name as heard), y")


def _skip_titles(reader: RoleReader, sent: Sentence, k: int) -> int:
    """From token k, past the titles and their modifiers that open a list item: "first
    sergeant", "her daughter", "30-year-old", "mayoral candidate", "antioquia police commander
    colonel", "senator and presidential hopeful"."""
    toks = sent.toks
    heads, stop = reader.rl.heads, reader.rl.stop
    start = k
    while 0 <= k < len(toks) - 1 and k - start < _TITLE_ZONE and reader._joined(sent, k, k + 1):
        low, nxt = toks[k].low, toks[k + 1].low
        if (
            (low in heads and low not in stop)
            or _AGE.fullmatch(low)
            or (low in ("his", "her", "their") or low in _RANKS)
            and nxt in heads
        ):
            k += 1
        elif (
            low == "and"
            and k > start
            and toks[k - 1].low in heads
            and any(toks[m].low in heads for m in range(k + 1, min(k + 3, len(toks))))
        ):
            k += 1  # "senator and presidential candidate x"
        else:
            title = _modified_title(reader, sent, k)
            if title is None:
                break
            k = title  # modifiers of the title: "mayoral candidate x", "social democratic leader"
    return k


_TITLE_MODIFIERS = 3  # words before a title ("guatemalan social democratic leader x")


def _modified_title(reader: RoleReader, sent: Sentence, k: int) -> int | None:
    """The index of a title that one to three modifiers from token k lead to, with a name
    after it ("social democratic leader x"), or None."""
    toks = sent.toks
    heads, stop = reader.rl.heads, reader.rl.stop
    for m in range(k + 1, min(k + 1 + _TITLE_MODIFIERS, len(toks) - 1)):
        if not reader._joined(sent, m - 1, m) or toks[m - 1].low in stop:
            return None
        if VERB_FORM.search(toks[m - 1].low) and toks[m - 1].low not in _ED_MODIFIERS:
            return None
        low = toks[m].low
        if low in heads and low not in stop:
            if reader.name_at(sent, m) is not None or not reader._joined(sent, m, m + 1):
                return None
            return m
    return None


def coordinated(reader: RoleReader, sent: Sentence, i: int, j: int) -> list[tuple[int, int]]:
    """Names joined to the name at tokens i..j by "," / "and" (with titles skipped)."""
    toks = sent.toks
    out: list[tuple[int, int]] = []
    # forwards: "x, y and z"
    k = j + 1
    if k < len(toks) and reader._gap(sent, j, k).strip() == "(":
        close = next(
            (
                m
                for m in range(k, min(k + _BRACKET, len(toks) - 1))
                if ")" in reader._gap(sent, m, m + 1)
            ),
            None,
        )
        if close is not None:
            j, k = close, close + 1  # "x (spaniards), and y (salvadoran)"
    if k < len(toks) and reader._gap(sent, j, k).strip() == ",":
        j = _aside_end(reader, sent, k)  # "x, a reuter photographer, y, ..."
        k = j + 1
    if k < len(toks):
        gap = reader._gap(sent, j, k).strip()
        if gap.startswith(")") and "(" in reader.text[toks[i].start : toks[j].end]:
            gap = gap[1:].strip()  # "x, leader of the movement (mnr), and y"
        if toks[k].low == "and" and gap in ("", ",", ";"):
            k += 1
        elif (
            gap in ("", ",")
            and k + 2 < len(toks)
            and (toks[k].low, toks[k + 1].low) in (("along", "with"), ("together", "with"))
        ):
            k += 2  # "x, along with mrs y"
        elif gap not in (",", ";"):
            k = -1
        titled = False
        if k >= 0:
            start = k
            k = _skip_titles(reader, sent, k)  # a title before the next name
            titled = k > start and toks[k - 1].low in reader.rl.heads
        if 0 <= k < len(toks):
            last = reader.name_at(sent, k, titled)
            if last is not None and _modifies_title(reader, sent, k, last):
                last = None  # "x and mayoral candidate y", "x, bogota police chief y"
            if last is not None and (last > k or toks[k].low not in reader.rl.heads):
                out.append((k, last))
    # backwards: "x, y, and z" read from z
    k = i - 1
    if k < 1:
        return out
    if toks[k].low == "and" and reader._joined(sent, k, i):
        end = k - 1
        if reader._gap(sent, end, k).strip() not in ("", ","):
            return out
    elif reader._gap(sent, k, i).strip() == ",":
        end = k
    else:
        return out
    a = end
    while (
        a - 1 >= 0
        and end - a < MAX_NAME
        and reader._joined(sent, a - 1, a)
        and (reader._name_word(toks[a - 1]) or toks[a - 1].low in names.PARTICLES)
    ):
        a -= 1
    while a < end and not reader._name_word(toks[a]):
        a += 1
    if (
        reader._name_word(toks[a])
        and reader.name_at(sent, a) == end
        and not (a > 0 and toks[a - 1].low in _PLACE_PREPOSITIONS)  # "in medellin, x was"
        and not _named_thing(reader, sent, a)
    ):
        out.append((a, end))
    return out


def _named_thing(reader: RoleReader, sent: Sentence, a: int) -> bool:
    """The name-like words from token a name a thing, not a person: "of", "the" or the noun
    of a place or thing stands right before them ("the newspaper el espectador")."""
    if a == 0 or not reader._joined(sent, a - 1, a):
        return False
    low = sent.toks[a - 1].low
    if low in ("of", "the"):
        return True
    end = sent.toks[a - 1].end
    return any(m.span.end == end for m in reader.find(sent.toks[0].start, end, ["role_target"]))


#: words before a title that grade it ("first sergeant", "second lieutenant", "deputy mayor")
_RANKS = frozenset("first second third chief senior deputy vice acting former".split())
_KIN_REACH = 6  # tokens between "his" and the kin's name ("his brother - in - law z")
_APPOSITION_REACH = 30  # tokens of the apposition between a name and ", and his wife z"


def _kin_antecedent(reader: RoleReader, sent: Sentence, i: int) -> list[tuple[int, int]]:
    """The person whose kin is the name at token i, across a long apposition: "party
    member x, candidate for mayor of y, z department, and his brother-in-law w were shot"
    gives x (a titled name followed by a comma; place names after a preposition are
    skipped; no verb cue may come between)."""
    toks = sent.toks
    his = next(
        (m for m in range(i - 1, max(-1, i - 1 - _KIN_REACH), -1) if toks[m].low in ("his", "her")),
        None,
    )
    if his is None or his < 2 or toks[his - 1].low != "and":
        return []
    if reader._gap(sent, his - 2, his - 1).strip() != ",":
        return []
    titles = _title_tokens(reader, sent)
    for a in range(his - 2, max(-1, his - 2 - _APPOSITION_REACH), -1):
        if sent.cues.get(a, frozenset()) & {"speech", "act", "harm"}:
            return []
        if a == 0 or a - 1 not in titles or not reader._joined(sent, a - 1, a):
            continue
        end = reader.name_at(sent, a)
        if end is None or end >= his - 1 or reader._gap(sent, end, end + 1).strip() != ",":
            continue
        return [(a, end)]
    return []
