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

import functools
import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sitrep.extract import names, perpetrators
from sitrep.model import Incident, RoleFiller, Span
from sitrep.text.lexicon import Lexicon, LexMatch, load_lexicon
from sitrep.text.sentences import full_stop_cuts

ROLE_FILES = (
    "roles_people.toml",
    "roles_titles.toml",
    "roles_targets.toml",
    "roles_weapons.toml",
    "roles_organisations.toml",
    "roles_cues.toml",
)

_CUE_KINDS = ("harm", "damage", "act", "speech")

PERP_IND = "perp_ind"
PERP_ORG = "perp_org"
VICTIM = "victim"
TARGET = "target"
WEAPON = "weapon"
ROLES = (PERP_IND, PERP_ORG, VICTIM, TARGET, WEAPON)

_TOKEN = re.compile(r"\w+(?:[-'’.]\w+)*")
_VERB_FORM = re.compile(r"(?:ed|ing)$")


def _verb_form(low: str) -> bool:
    """A word in -ed or -ing that may be a verb: not a hyphenated compound, which is an
    adjective ("right-wing", "motorcycle-riding", "rifle-toting", "heavily-armed")."""
    return "-" not in low and bool(_VERB_FORM.search(low))


_MAX_LEFT = 3  # modifier words before a head
_MAX_LEFT_TARGET = 5  # before a physical target's head
_MAX_NAME = 5  # words of a person's name (particles not counted)
_CUE_WINDOW = 12  # tokens between a harm/damage cue and a filler
_ACT_REACH = 20  # tokens between an act word and attackers named by their kind ("guerrillas")
_OF_WORDS = 6  # words of an "of" phrase after a head
_REFERENCE_REACH = 3  # sentences after an incident's own that may refer back to it
_DAMAGE_NOUNS = frozenset({"damage", "damages", "losses"})  # "property damage"
# words before a verb: a weapon word right after one is the verb ("to bomb", "did not bomb")
_VERB_BEFORE = frozenset(
    "to can could will would may might must should shall did not never we they i you".split()
)
_SOUNDS = frozenset("fire explosion explosions blast blasts shots bursts detonations".split())
# verbs whose subject is the attacker's thing ("helicopters fired rockets", "planes are bombing")
_AGENT_VERBS = frozenset(
    "attacked fired bombed dropped strafed machinegunned machine-gunned shelled launched rocketed "
    "bombing firing dropping strafing shelling launching machinegunning".split()
)
_AGENT_SKIP = frozenset(
    "had have has also then later reportedly allegedly continuously repeatedly indiscriminately".split()
)
# verbs of throwing and firing: a thing after "<verb> from" is where the attacker was
_FROM_VERBS = frozenset(
    "launched launch hurled hurl hurling thrown threw throw throwing tossed fired fire firing "
    "shot shots shooting dropped dropping machinegunned strafed attacked".split()
)
# raids and searches: a place security forces raided or searched is no target of an attack
_RAID_WORDS = frozenset(
    "raided raid raids raiding searched search searches searching occupied stormed".split()
)
_FORCE_WORDS = frozenset(
    "army police troops soldiers forces units military policemen agents authorities "
    "guardsmen marines patrols".split()
)
# "center" alone or of a place is an area of a city ("the center of bogota", "a tourist center")
_AREA_HEADS = frozenset({"center", "centre", "centers", "centres"})
_AREA_MODS = frozenset(
    "downtown city town tourist trafficking urban historic commercial financial industrial".split()
)
_BE = frozenset("is are was were been being".split())
# verbs of the care of victims: a place after them is where they were taken, not a target
_CARE_VERBS = frozenset(
    "taken rushed transferred admitted treated hospitalized evacuated died recovering".split()
)
_MOTION_PREPS = frozenset("to toward towards into from at for".split())
_CARE_STOP = frozenset({"by", "when", "after", "and", "or", "but", "that", "which", "who"})
# prepositions after a participle that ends an "of" phrase ("located in", "owned by")
_PARTICIPLE_PREPS = frozenset("in at on by to near from inside outside along".split())
_COUNTS = frozenset("two three four five six seven eight nine ten both".split())
# verbs of speaking to someone: a place right after one is whom the speaker addressed
_ADDRESS_VERBS = frozenset(
    "called phoned telephoned told asked informed contacted notified".split()
)
_FIRST_PERSON = frozenset({"we", "i"})
_DETERMINERS = frozenset(
    "the a an his her their its our my your several some two three four five six seven eight "
    "nine ten many various other".split()
)
# words after a place's number ("building 626 and ..."): the number names the place
_NUMBER_END = frozenset("and or in on at of near was were is are".split())
# what a reporter did where they were ("we felt the explosions here at ...")
_WITNESS_VERBS = frozenset(
    "felt heard hear saw see were was covering watched watching are am".split()
)
#: prepositions after a reporting verb that make it a participle of accusation ("accused
#: of", "charged with")
_CHARGE_PREPS = frozenset(("of", "with"))
#: words after a participle that show it has no object ("murdered in", "wounded by", "shot
#: yesterday"): the noun before it is the one harmed
_AFTER_PARTICIPLE = frozenset(
    "by in on during near with while when after last yesterday today early late this".split()
)
_NOT_ATTACK_ARMS = frozenset({"nuclear", "atomic", "thermonuclear"})  # arms of states, not attacks


@dataclass(frozen=True, slots=True)
class _Tok:
    start: int
    end: int
    low: str


@dataclass(frozen=True, slots=True)
class RoleLexicon:
    """The role lexicons, split for the rules."""

    lexicon: Lexicon
    stop: frozenset[str]
    perp_mod: frozenset[str]
    evaluative: frozenset[str]  # ordinals and judging adjectives: never the start of a phrase
    arms_trade: frozenset[
        str
    ]  # seizures, caches, arms trade: weapons named after them were not used
    not_instrument: frozenset[str]  # nouns a weapon word modifies in a non-instrument phrase
    motion: frozenset[str]  # going and leaving: a place right after one is where, not what
    heads: frozenset[str]  # every word of every head alias (never part of a name)
    word_cues: dict[str, frozenset[str]]  # one-word cue aliases -> their cue kinds
    phrase_cues: dict[
        str, frozenset[str]
    ]  # cue phrases -> all their kinds ("blew up": damage, act)
    head_ends: frozenset[str] = frozenset()  # last words of head aliases (and their plurals)
    object_verbs: frozenset[str] = frozenset()  # harm participles that always take an object
    describe: frozenset[str] = frozenset()  # words opening a description of people ("wearing")
    attire: frozenset[str] = frozenset()  # what people wear ("uniforms", "civilian clothes")

    @classmethod
    def load(cls, folder: Path | None = None) -> RoleLexicon:
        folder = folder or Path(__file__).resolve().parent.parent / "lexicons"
        lex = load_lexicon(*(folder / name for name in ROLE_FILES), include_default=False)
        cues: dict[str, set[str]] = {}
        for e in lex.entries("role_cue"):
            cues.setdefault(str(e.attrs.get("cue")), set()).update(a.lower() for a in e.aliases)
        heads: set[str] = set()
        head_ends: set[str] = set()
        for kind in ("role_person", "role_target", "role_weapon", "role_title"):
            for e in lex.entries(kind):
                for a in e.aliases:
                    words = _TOKEN.findall(a.lower())
                    heads.update(words)
                    if words:
                        head_ends.update((words[-1], words[-1] + "s", words[-1] + "es"))
        for kind in ("harm", "damage", "act", "speech"):
            for a in cues.get(kind, ()):
                heads.update(_TOKEN.findall(a))
        word_cues: dict[str, set[str]] = {}
        phrase_cues: dict[str, set[str]] = {}
        for kind in _CUE_KINDS:
            for a in cues.get(kind, ()):
                if " " not in a:
                    word_cues.setdefault(a, set()).add(kind)
                else:
                    phrase_cues.setdefault(" ".join(_TOKEN.findall(a)), set()).add(kind)
        return cls(
            word_cues={w: frozenset(k) for w, k in word_cues.items()},
            phrase_cues={w: frozenset(k) for w, k in phrase_cues.items()},
            lexicon=lex,
            stop=frozenset(cues.get("stop", ())),
            perp_mod=frozenset(cues.get("perp_mod", ())),
            evaluative=frozenset(cues.get("evaluative", ())),
            arms_trade=frozenset(" ".join(_TOKEN.findall(a)) for a in cues.get("arms_trade", ())),
            not_instrument=frozenset(cues.get("not_instrument", ())),
            motion=frozenset(cues.get("motion", ())),
            heads=frozenset(heads),
            head_ends=frozenset(head_ends),
            object_verbs=frozenset(cues.get("object_verb", ())),
            describe=frozenset(cues.get("describe", ())),
            attire=frozenset(cues.get("attire", ())),
        )


@functools.lru_cache(maxsize=1)
def role_lexicon() -> RoleLexicon:
    """The bundled role lexicons, loaded once per process."""
    return RoleLexicon.load()


# --------------------------------------------------------------------------- sentence reading


@dataclass(slots=True)
class _Sentence:
    text: str
    toks: list[_Tok]
    by_start: dict[int, int]
    by_end: dict[int, int]
    cues: dict[int, frozenset[str]]  # token index -> cue kinds (harm, damage, act, speech)


#: irregular past tenses that follow their subject ("the rebels stole", "gunmen drove"): the
#: noun before them is a person, not a modifier
_IRREGULAR_PAST = frozenset(
    "set left began drove stole sought made held got sent knew fled threw shot hit took put "
    "broke ran fought came went brought blew burnt".split()
)


def _tokens(text: str, start: int, end: int) -> list[_Tok]:
    return [_Tok(m.start(), m.end(), m.group().lower()) for m in _TOKEN.finditer(text, start, end)]


class _Reader:
    def __init__(self, text: str, rl: RoleLexicon) -> None:
        self.text = text
        self.rl = rl
        self.caseless = text == text.lower() or text == text.upper()
        self._matches: dict[tuple[str, ...], tuple[list[int], list[LexMatch]]] = {}
        self._read: dict[Span, list[_Found]] = {}
        self._sentences: dict[Span, _Sentence] = {}

    # ------------------------------------------------------------------ helpers

    def find(self, start: int, end: int, kinds: Iterable[str]) -> list[LexMatch]:
        """Matches of ``kinds`` within [start, end): the whole text is matched once per set
        of kinds (one automaton pass for all of them), then cut by range."""
        key = tuple(kinds)
        cached = self._matches.get(key)
        if cached is None:
            found = self.rl.lexicon.find(
                self.text, kinds=list(key), case_sensitive_acronyms=not self.caseless
            )
            cached = self._matches[key] = ([m.span.start for m in found], found)
        starts, found = cached
        i = bisect_left(starts, start)
        out: list[LexMatch] = []
        while i < len(found) and found[i].span.start < end:
            if found[i].span.end <= end:
                out.append(found[i])
            i += 1
        return out

    def read(self, span: Span) -> list[_Found]:
        """The role fillers of one sentence (read once per span: the reading depends on the
        text alone, not on the incidents, so every pass over the report shares it)."""
        got = self._read.get(span)
        if got is None:
            got = self._read[span] = _read_sentence(self, span)
        return got

    def sentence(self, span: Span) -> _Sentence:
        """The tokens and cues of one sentence (read once per span; never changed after)."""
        got = self._sentences.get(span)
        if got is None:
            got = self._sentences[span] = self._new_sentence(span)
        return got

    def _new_sentence(self, span: Span) -> _Sentence:
        toks = _tokens(self.text, span.start, span.end)
        sent = _Sentence(
            self.text,
            toks,
            {t.start: i for i, t in enumerate(toks)},
            {t.end: i for i, t in enumerate(toks)},
            {},
        )
        words = self.rl.word_cues
        for i, tok in enumerate(toks):
            got = words.get(tok.low)
            if got:
                sent.cues[i] = got
        for m in self.find(span.start, span.end, ["role_cue"]):
            cue = str(m.entry.attrs.get("cue"))
            i = sent.by_start.get(m.span.start)
            if i is not None and cue in _CUE_KINDS and " " in m.span.text:
                # a phrase listed under several kinds has them all ("blew up": damage and act)
                kinds = self.rl.phrase_cues.get(" ".join(_TOKEN.findall(m.span.text.lower())))
                sent.cues[i] = sent.cues.get(i, frozenset()) | {cue} | (kinds or frozenset())
        return sent

    def _gap(self, sent: _Sentence, i: int, j: int) -> str:
        """The text between token i's end and token j's start."""
        return self.text[sent.toks[i].end : sent.toks[j].start]

    def _joined(self, sent: _Sentence, i: int, j: int) -> bool:
        """Tokens i and j (j = i + 1) are separated by spaces only (or by the full stop of
        a dotted abbreviation: "u.s. embassy")."""
        gap = self._gap(sent, i, j)
        if gap.strip() == "." and gap[0] == "." and "." in sent.toks[i].low:
            return gap[1:].isspace() and sent.toks[j].low[:1].isalpha()
        return not gap.strip()

    def _modifier(self, tok: _Tok, sent: _Sentence, i: int) -> bool:
        low = tok.low
        if low in self.rl.stop or i in sent.cues or not any(c.isalpha() for c in low):
            return False
        if low in self.rl.evaluative:
            return False
        if low in self.rl.perp_mod:
            return True
        return not _verb_form(low) and not low.endswith("ly")

    def grow_left(self, sent: _Sentence, first: int, most: int = _MAX_LEFT) -> int:
        """Index of the first token of the phrase whose head starts at token ``first``."""
        i = first
        while i > 0 and first - i < most:
            prev = sent.toks[i - 1]
            if not self._joined(sent, i - 1, i) or not self._modifier(prev, sent, i - 1):
                break
            i -= 1
        return i

    def grow_left_target(self, sent: _Sentence, first: int) -> int:
        """As grow_left for a physical target, taking participle modifiers when a determiner
        comes before them ("his armored vehicle", "several state-owned banks", "a fishing
        boat"); not a verb before the phrase ("gunmen attacked vehicles")."""
        i = self.grow_left(sent, first, _MAX_LEFT_TARGET)
        # a name of places joined by spaced hyphens ("the cano - limon - covena oil pipeline")
        while (
            i > 1
            and i < first
            and self._gap(sent, i - 1, i).strip() == "-"
            and self._modifier(sent.toks[i - 1], sent, i - 1)
        ):
            i = self.grow_left(sent, i - 1, 2)
        k = i
        while k > 0 and first - k < _MAX_LEFT_TARGET:
            prev = sent.toks[k - 1]
            if not self._joined(sent, k - 1, k) or not (
                self._modifier(prev, sent, k - 1)
                or (
                    _VERB_FORM.search(prev.low)
                    and prev.low not in self.rl.stop
                    and (k - 1) not in sent.cues
                )
            ):
                break
            k -= 1
        if k < i and k > 0 and sent.toks[k - 1].low in _DETERMINERS:
            return k
        return i

    def grow_number(self, sent: _Sentence, last: int) -> int:
        """Index of the last token of a number naming the place at ``last`` ("house number
        729", "building 626", "house no. 12"); not a count or a distance ("the house 50
        meters away")."""
        n, k = len(sent.toks), last + 1
        if (
            k + 1 < n
            and sent.toks[k].low in ("number", "no", "no.")
            and self._joined(sent, last, k)
        ):
            if sent.toks[k + 1].low.isdigit() and self._joined(sent, k, k + 1):
                return k + 1
            return last
        if k < n and sent.toks[k].low.isdigit() and self._joined(sent, last, k):
            after = sent.toks[k + 1] if k + 1 < n else None
            if after is None or not self._joined(sent, k, k + 1) or after.low in _NUMBER_END:
                return k
        return last

    def grow_of(self, sent: _Sentence, last: int, people: bool = False) -> int:
        """Index of the last token of an "of" phrase after token ``last`` (``last`` if none).
        After people (``people``) a verb form ends it: "a group of men dressed as ...", "a
        group of rebels conducted ..." ("armed", "heavily armed" are modifiers)."""
        n = len(sent.toks)
        if (
            last + 1 >= n
            or sent.toks[last + 1].low != "of"
            or not self._joined(sent, last, last + 1)
        ):
            return last
        j = last + 2
        while j < n and sent.toks[j].low in ("the", "a", "an") and self._joined(sent, j - 1, j):
            j += 1
        end = None
        k = j
        while k < n and k - j < _OF_WORDS and self._joined(sent, k - 1, k):
            tok = sent.toks[k]
            if tok.low == "and" and end is not None and self._inner_and(sent, k):
                k += 1  # "the office of the agriculture and livestock ministry"
                continue
            if tok.low in self.rl.stop or k in sent.cues:
                break
            if people and k > j and _VERB_FORM.search(tok.low) and tok.low not in self.rl.perp_mod:
                break
            if (
                _VERB_FORM.search(tok.low)
                and k + 1 < n
                and sent.toks[k + 1].low in _PARTICIPLE_PREPS
                and not (k > j and sent.toks[k - 1].low in ("the", "a", "an"))
            ):
                break  # "a branch of the bank located in ...", "the home of x owned by y"
            end = k
            k += 1
        return end if end is not None else last

    def _inner_and(self, sent: _Sentence, k: int) -> bool:
        """The "and" at token k joins two modifiers of one head inside an "of" phrase ("the
        agriculture and livestock ministry", "the popular and occidente banks"): the word
        before it is no head and one to three plain words after it end in a head."""
        if sent.toks[k - 1].low in self.rl.head_ends or not self._joined(sent, k, k + 1):
            return False
        for m in range(k + 1, min(k + 4, len(sent.toks))):
            low = sent.toks[m].low
            if low in self.rl.stop or m in sent.cues or not low[:1].isalpha():
                return False
            if m > k + 1 and not self._joined(sent, m - 1, m):
                return False
            if low in self.rl.head_ends:
                return m > k + 1  # "and houses of ...": a second head, not a modifier
        return False

    def span(self, sent: _Sentence, i: int, j: int) -> Span:
        end = sent.toks[j].end
        if (
            sent.toks[j].low.endswith(("'s", "’s"))
            and j > i
            or sent.toks[j].low.endswith(("s'", "s’"))
        ):
            end -= 2 if sent.toks[j].low[-2] in "'’" else 1
        return Span.of(self.text, sent.toks[i].start, end)

    def compound_next(self, sent: _Sentence, j: int) -> bool:
        """Token j modifies the word after it ("terrorist attack", "guerrilla offensive")."""
        k = j + 1
        if (
            k >= len(sent.toks)
            or not self._joined(sent, j, k)
            or sent.toks[j].low.endswith(("'s", "s'"))
        ):
            return False
        nxt = sent.toks[k]
        if nxt.low in self.rl.stop or sent.cues.get(k, frozenset()) & {"act", "speech"}:
            return False
        if _VERB_FORM.search(nxt.low) or nxt.low.endswith("ly") or not nxt.low[:1].isalpha():
            return False
        return nxt.low not in _IRREGULAR_PAST  # "guerrillas set off", "rebels stole"

    def weapon_of(self, sent: _Sentence, j: int) -> int:
        """Index of the last token of "of <weapon>" after token j ("charge of dynamite"),
        ``j`` when none follows."""
        k = j + 1
        if k >= len(sent.toks) or sent.toks[k].low != "of" or not self._joined(sent, j, k):
            return j
        start = sent.toks[k].end
        for m in self.find(start, sent.toks[-1].end, ["role_weapon"]):
            first = sent.by_start.get(m.span.start)
            end = sent.by_end.get(m.span.end)
            if first is None or end is None:
                return j
            if first == k + 1 and self._joined(sent, k, first):
                return end
            return j
        return j

    def traded_weapon(self, sent: _Sentence, i: int, j: int, weapon_toks: set[int]) -> bool:
        """The weapon at tokens i..j was seized, stored or traded, not used: an arms-trade word
        ("seized", "confiscated", "supplies") comes before it in its sentence with no attack
        word between ("the army seized two rifles"; not "defused a bomb and seized rifles" for
        the bomb), or the weapon word modifies a noun that is no instrument ("bomb squad")."""
        k = j + 1
        if (
            k < len(sent.toks)
            and sent.toks[k].low in self.rl.not_instrument
            and self._joined(sent, j, k)
        ):
            return True
        trade = self.rl.arms_trade
        for k in range(i - 1, -1, -1):
            low = sent.toks[k].low
            pair = low + " " + sent.toks[k + 1].low if k + 1 < len(sent.toks) else low
            if low in trade or pair in trade:
                return True
            if k not in weapon_toks and sent.cues.get(k, frozenset()) & {"harm", "damage", "act"}:
                return False
        return False

    def generic_attacks(self, sent: _Sentence, i: int, j: int) -> bool:
        """ "dynamite attacks", "bomb attacks" without a count: a kind of act, not an instrument
        of one ("two bomb attacks" are counted acts and keep theirs)."""
        k = j + 1
        if k >= len(sent.toks) or sent.toks[k].low != "attacks" or not self._joined(sent, j, k):
            return False
        return not (i > 0 and (sent.toks[i - 1].low.isdigit() or sent.toks[i - 1].low in _COUNTS))

    def heard_only(self, sent: _Sentence, j: int) -> bool:
        """ "rifle fire and explosions could be heard": the weapon names a sound the report
        heard, not the instrument of an act (transcript marks "(as heard)" do not count)."""
        k = j + 1
        if k >= len(sent.toks) or sent.toks[k].low not in _SOUNDS or not self._joined(sent, j, k):
            return False
        for n, t in enumerate(sent.toks):
            if t.low in ("heard", "hear"):
                prev = sent.toks[n - 1] if n > 0 else None
                if not (
                    prev and prev.low == "as" and self.text[prev.start - 1 : prev.start] == "("
                ):
                    return True
        return False

    def attacking_thing(self, sent: _Sentence, i: int, j: int, nested: bool = False) -> bool:
        """The thing at tokens i..j is the attacker's, not a target: it does the attack ("army
        helicopters fired rockets", "planes are bombing the area") or is the agent or means
        ("attacked by a helicopter", "with two a-37 planes")."""
        k, words = i - 1, 0  # back over determiners, counts and a name ("by a navy helicopter")
        while k >= 0 and words < 3:
            low = sent.toks[k].low
            if low not in ("the", "a", "an", "its", "their") and low not in _COUNTS:
                if low in self.rl.stop or k in sent.cues or not self._joined(sent, k, k + 1):
                    break
                words += 1
            k -= 1
        if k >= 0 and sent.toks[k].low in ("by", "with"):
            return True  # "attacked by a helicopter", "with two a-37 planes"
        if k > 0 and sent.toks[k].low == "from" and self._thrown_from(sent, k):
            return True  # "launched from a moving vehicle", "threw a bomb from a car"
        if k > 0 and words == 0 and sent.toks[k].low in ("and", "or") and not nested:
            # the second of two things ("from air force airplanes and helicopters"): as the first
            m = k - 1
            while (
                m > 0 and sent.toks[m - 1].low not in self.rl.stop and self._joined(sent, m - 1, m)
            ):
                m -= 1
            if sent.toks[m].low not in self.rl.stop and self.attacking_thing(
                sent, m, k - 1, nested=True
            ):
                return True
        n = len(sent.toks)
        k = j + 1
        if k + 1 < n and sent.toks[k].low == "used" and sent.toks[k + 1].low in ("in", "for", "to"):
            return True  # "the vehicle used in the attack"
        while k < n and sent.toks[k].low in _AGENT_SKIP:
            k += 1
        if k < n and sent.toks[k].low in _AGENT_VERBS and sent.toks[k].low.endswith("ed"):
            return all(t.low not in _BE for t in sent.toks[j + 1 : k])  # not "was bombed"
        if k + 1 < n and sent.toks[k].low in _BE and sent.toks[k + 1].low in _AGENT_VERBS:
            return sent.toks[k + 1].low.endswith("ing")  # "are bombing"
        return False

    def _before_phrase(self, sent: _Sentence, i: int) -> int:
        """The token before the phrase starting at i, skipping determiners and counts."""
        k = i - 1
        while k >= 0 and (
            sent.toks[k].low in ("the", "a", "an", "its", "their") or (sent.toks[k].low in _COUNTS)
        ):
            k -= 1
        return k

    def addressed(self, sent: _Sentence, i: int) -> bool:
        """The place at token i is whom a speaker addressed ("a spokesman who called two radio
        stations", "we asked the foreign ministry"), not a target."""
        k = self._before_phrase(sent, i)
        return k >= 0 and sent.toks[k].low in _ADDRESS_VERBS and self._joined(sent, k, k + 1)

    def reporter_place(self, sent: _Sentence, i: int) -> bool:
        """The place at token i is where the reporter was ("we felt the explosions here at
        the x building", "we were covering a ceremony at the x hotel when we heard")."""
        k = self._before_phrase(sent, i)
        if k < 0 or sent.toks[k].low not in ("at", "in", "inside"):
            return False
        for m in range(k - 1, max(-1, k - 8), -1):
            if sent.toks[m].low in _FIRST_PERSON:
                return m + 1 < k and sent.toks[m + 1].low in _WITNESS_VERBS
        return False

    def searched_by_forces(self, sent: _Sentence, i: int, j: int) -> bool:
        """The place at tokens i..j was raided, searched or occupied by security forces, not
        attacked ("the army raided five farms", "police searched the house of x"): every
        damage word near it is a raid word, and the nearest one before it has a security
        force word (army, police, troops) before it in its clause."""
        near = [
            k
            for k, found in sent.cues.items()
            if "damage" in found and i - _CUE_WINDOW <= k <= j + _CUE_WINDOW and not i <= k <= j
        ]
        if not near or any(sent.toks[k].low not in _RAID_WORDS for k in near):
            return False
        before = [k for k in near if k < i]
        if not before:
            return False
        k = max(before)
        for m in range(k - 1, max(-1, k - _CUE_WINDOW), -1):
            low = sent.toks[m].low
            if low in _FORCE_WORDS:
                return True
            if sent.cues.get(m, frozenset()) & {"harm", "damage", "act"}:
                return False
        return False

    def _thrown_from(self, sent: _Sentence, k: int) -> bool:
        """The "from" at token k follows a verb of throwing or firing, its object between
        ("hurled from", "threw a bomb from", "shots fired from"); not "300 meters from"."""
        for m in range(k - 1, max(-1, k - 6), -1):
            low = sent.toks[m].low
            if low in _FROM_VERBS:
                return True
            if (
                low in self.rl.stop and low not in ("a", "an", "the", "two", "three", "and", "or")
            ) or (not self._joined(sent, m, m + 1)):
                return False
        return False

    def moved_place(self, sent: _Sentence, i: int) -> bool:
        """The place at token i is where someone went, came from or was going ("as he was
        leaving his home", "fled to the university campus", "returning to their headquarters"),
        not what was attacked (role cues ``motion``)."""
        k = i - 1
        while k >= 0 and i - k <= 3 and sent.toks[k].low in _DETERMINERS:
            k -= 1
        if k >= 0 and sent.toks[k].low in _MOTION_PREPS:
            k -= 1
        return (
            k >= 0
            and sent.toks[k].low in self.rl.motion
            and all(self._joined(sent, m, m + 1) for m in range(k, i))
        )

    def care_place(self, sent: _Sentence, i: int) -> bool:
        """The place at token i is where the victims were cared for, not a target ("taken to
        the hospital", "died in a clinic", "is being treated at the military hospital")."""
        k = i - 1
        while k >= 0 and i - k <= 4 and sent.toks[k].low not in _CARE_VERBS:
            if sent.toks[k].low in _CARE_STOP or not self._joined(sent, k, k + 1):
                return False
            k -= 1
        return k >= 0 and sent.toks[k].low in _CARE_VERBS and i - k <= 4

    def verb_use(self, sent: _Sentence, i: int, j: int) -> bool:
        """A one-word weapon used as a verb ("to bomb", "can bomb", "we bomb")."""
        if i != j or i == 0 or sent.toks[i].low.endswith("s"):
            return False
        return sent.toks[i - 1].low in _VERB_BEFORE and self._joined(sent, i - 1, i)

    def before_damage_noun(self, sent: _Sentence, j: int) -> bool:
        """Token j modifies a noun naming damage ("property damage", "material losses")."""
        k = j + 1
        return k < len(sent.toks) and sent.toks[k].low in _DAMAGE_NOUNS and self._joined(sent, j, k)

    def near_cue(self, sent: _Sentence, i: int, j: int, kinds: tuple[str, ...]) -> bool:
        return any(
            bool(found & set(kinds)) and (i - _CUE_WINDOW <= k <= j + _CUE_WINDOW)
            for k, found in sent.cues.items()
        )

    def agent_of_act(self, sent: _Sentence, j: int) -> bool:
        """The phrase ending at token j is followed by an active attack verb (not by a
        participle that qualifies it: "the six priests murdered in november")."""
        for k in range(j + 1, min(j + 4, len(sent.toks))):
            if not self._joined(sent, k - 1, k) and self._gap(sent, k - 1, k).strip() not in ("",):
                return False
            if "act" in sent.cues.get(k, ()):
                return not (k == j + 1 and self.reduced_passive(sent, k))
            if sent.toks[k].low not in (
                "had",
                "have",
                "has",
                "also",
                "then",
                "later",
                "reportedly",
                "allegedly",
            ):
                return False
        return False

    def reduced_passive(self, sent: _Sentence, k: int) -> bool:
        """The participle at token k, right after a noun, qualifies it: a verb that always
        takes an object ("murdered", "wounded") followed by no object ("the priests murdered
        in november", "a leader murdered.", "the general wounded by a bullet")."""
        toks = sent.toks
        if toks[k].low not in self.rl.object_verbs:
            return False
        m = k + 1
        if m >= len(toks) or not self._joined(sent, k, m):
            return True  # the sentence's end or a comma: no object
        nxt = toks[m].low
        if nxt in ("and", "or") and m + 1 < len(toks) and toks[m + 1].low in self.rl.object_verbs:
            return True  # "the people killed and injured"
        return nxt in _AFTER_PARTICIPLE

    def speaker(self, sent: _Sentence, j: int) -> bool:
        for k in range(j + 1, min(j + 3, len(sent.toks))):
            if "speech" in sent.cues.get(k, ()):
                # "the group claimed responsibility for the attack": a claim, not a report;
                # "soldiers accused of the massacre", "men charged with murder": the accused
                nxt = sent.toks[k + 1].low if k + 1 < len(sent.toks) else ""
                return not (perpetrators.claims_act(sent, k) or nxt in _CHARGE_PREPS)
            if sent.toks[k].low not in ("has", "have", "had", "also", "later"):
                return False
        return False

    def passive_harm(self, sent: _Sentence, j: int) -> bool:
        """ "... were killed", "... died": the phrase ending at j is harmed."""
        for k in range(j + 1, min(j + 4, len(sent.toks))):
            if (
                "harm" in sent.cues.get(k, ())
                and (
                    sent.toks[k].low in ("died", "dead")
                    # "were killed", "had been shot"; "had threatened" is active
                    or any(t.low not in ("had", "have", "has") for t in sent.toks[j + 1 : k])
                )
            ):
                return True
            if sent.toks[k].low not in (
                "was",
                "were",
                "had",
                "have",
                "has",
                "been",
                "being",
                "are",
                "is",
            ):
                return False
        return False

    def by_agent(self, sent: _Sentence, i: int) -> bool:
        """ "killed by soldiers", "attacked by a group of ...": the phrase at i is the agent."""
        k = i - 1
        # over a count ("by three young men", "by some 30 men", "by several unknown persons")
        while (
            k >= 1
            and (
                perpetrators.counting_word(sent.toks[k].low) or sent.toks[k].low in self.rl.perp_mod
            )
            and self._joined(sent, k, k + 1)
        ):
            k -= 1
        if k >= 0 and sent.toks[k].low in ("the", "a", "an"):
            k -= 1
        if k < 1 or sent.toks[k].low != "by":
            return False
        # the act may be told a few words before: "kidnapped on 9 july by", "shot today near
        # the airport by" (within the clause: no punctuation between)
        for c in range(k - 1, max(-1, k - perpetrators.BY_REACH - 1), -1):
            if sent.cues.get(c, frozenset()) & {"harm", "damage", "act"}:
                return True
            if self._gap(sent, c, c + 1).strip():
                return False
        return False

    def name_at(self, sent: _Sentence, i: int) -> int | None:
        """Index of the last token of a person's name starting at token i, or None."""
        j = i
        n = len(sent.toks)
        words = 0
        while j < n and words < _MAX_NAME:
            tok = sent.toks[j]
            if j > i and not self._joined(sent, j - 1, j):
                break
            if not self._name_word(tok):
                # a particle between two name words ("eliecer de jesus", "lopez y lopez")
                k = j
                while k < n and k - j < 2 and sent.toks[k].low in names.PARTICLES:
                    k += 1
                if (
                    j == i
                    or k == j
                    or k >= n
                    or not all(self._joined(sent, m - 1, m) for m in range(j, k + 1))
                    or not self._name_word(sent.toks[k])
                ):
                    break
                j = k
                continue
            if sent.toks[j].low.endswith(("'s", "’s")) and j > i:
                j += 1
                break
            j += 1
            words += 1
        if j > i and self.caseless and all(names.given_also_word(t.low) for t in sent.toks[i:j]):
            return None  # "will", "mark" alone are words
        if self.caseless and words >= 2 and self._word_closes_name(sent, j):
            j += 1  # "banker ramiro castillo love was murdered"
        return j - 1 if j > i else None

    def _word_closes_name(self, sent: _Sentence, j: int) -> bool:
        """In caseless text, the common word at token j, right after two or more name words,
        ends the name when a comma, the sentence's end or a passive verb follows it: a
        surname that is also an English word ("x y love was murdered", "x y ball, 21,")."""
        toks = sent.toks
        if j >= len(toks) or not self._joined(sent, j - 1, j):
            return False
        low = toks[j].low
        if (
            len(low) < 3
            or not low.isalpha()
            or low in self.rl.stop
            or low in self.rl.heads
            or low in _NOT_SURNAMES
            or low.endswith("s")
            and _plural_word(low)
            or _VERB_FORM.search(low)
            or low.endswith("ly")
            or toks[j - 1].low.endswith(("'s", "’s"))
        ):
            return False
        if j + 1 == len(toks):
            return True
        gap = self._gap(sent, j, j + 1).strip()
        if gap in (",", ".", ";"):
            return True
        return (
            not gap
            and toks[j + 1].low in ("was", "were")
            and j + 2 < len(toks)
            and bool(sent.cues.get(j + 2, frozenset()) & {"harm"})
        )

    def _name_word(self, tok: _Tok) -> bool:
        low = tok.low
        if len(low) < 2 or not low.replace("'", "").replace("-", "").isalpha():
            return False
        if low in self.rl.stop or low in self.rl.heads:
            return False
        if _VERB_FORM.search(low) or low.endswith("ly") and _adverb(low):
            return False
        if not self.caseless:
            text = self.text[tok.start : tok.end]
            if not text[:1].isupper():
                return False
        elif not names.caseless_name_word(low):
            return False
        return True


# --------------------------------------------------------------------------- the stage


@dataclass(slots=True)
class _Found:
    role: str
    span: Span
    head: str
    named: bool = False
    entity: str | None = None  # lexicon entry of a named organisation (its names are one entity)


def _plural_word(low: str) -> bool:
    """The plural of a common word ("municipalities", "soldiers")."""
    common = names.common_words()
    return low[:-1] in common or low.endswith("ies") and low[:-3] + "y" in common


_ADVERB_ENDINGS = "ally ously ively fully edly ingly lessly ently antly ately ibly ably ily".split()


def _adverb(low: str) -> bool:
    """A word in -ly is an adverb, not a surname ("kelly", "donelly", "reilly")."""
    return low in names.common_words() or low.endswith(tuple(_ADVERB_ENDINGS))


#: common words that follow a name without being part of it ("x y alone, ...")
#: and the nouns that close the name of a unit or place ("the x y battalion")
_NOT_SURNAMES = frozenset(
    "herself themselves too alone both each all battalion brigade regiment division company "
    "command front army municipality department province district street avenue".split()
)


def _read_sentence(reader: _Reader, span: Span) -> list[_Found]:
    sent = reader.sentence(span)
    if not sent.toks:
        return []
    out: list[_Found] = []
    used: list[tuple[int, int]] = []  # token ranges already given a role

    def free(i: int, j: int) -> bool:
        return all(j < a or i > b for a, b in used)

    def add(
        role: str, i: int, j: int, head_tok: int, named: bool = False, entity: str | None = None
    ) -> None:
        used.append((i, j))
        span = reader.span(sent, i, j)
        if named and span.text.lower().endswith(("'s", "’s")):  # "galan's murder"
            span = Span.of(reader.text, span.start, span.end - 2)
        out.append(_Found(role, span, sent.toks[head_tok].low, named, entity))

    # organisations first: their words are names, not modifiers of a person noun
    org_ranges: list[tuple[int, int]] = []
    for m in reader.find(span.start, span.end, ["role_org"]):
        i, j = sent.by_start.get(m.span.start), sent.by_end.get(m.span.end)
        if i is None or j is None:
            continue
        org_ranges.append((i, j))
        if m.entry.attrs.get("unnamed"):
            continue  # "death squads": people of a kind, read as individuals
        if not reader.speaker(sent, j) and perpetrators.org_is_perpetrator(reader, sent, m, i, j):
            add(PERP_ORG, i, j, j, entity=m.entry.id)

    for m in reader.find(span.start, span.end, ["role_title"]):
        i, j = sent.by_start.get(m.span.start), sent.by_end.get(m.span.end)
        if i is not None and j is not None and free(i, j):
            last = _read_title(reader, sent, i, j, add, free)
            if last is not None:
                used.append((i, last))
    heads = [
        (m, sent.by_start.get(m.span.start), sent.by_end.get(m.span.end))
        for m in reader.find(span.start, span.end, ["role_person", "role_target", "role_weapon"])
    ]
    heads = [(m, i, j) for m, i, j in heads if i is not None and j is not None]
    weapon_toks = {k for m, i, j in heads if m.entry.kind == "role_weapon" for k in range(i, j + 1)}
    targets: list[tuple[int, int]] = []  # token ranges of the targets read, in order
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
            else reader.grow_left(sent, i, _MAX_LEFT)
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
            _read_person(reader, sent, m, first, i, j, add)
        elif kind == "role_target":
            if m.entry.id == "vehicle" and _attackers_ride(reader, sent, first, out):
                continue  # "men riding in a car threw a bomb": the attackers' vehicle
            if reader.before_damage_noun(sent, j):
                continue  # "property damage", "material losses": the damage, not a target
            if (
                i == j
                and sent.toks[j].low in _AREA_HEADS
                and (first == i or any(t.low in _AREA_MODS for t in sent.toks[first:i]))
            ):
                continue  # "the center of san salvador", "a tourist center": where, not what
            last = reader.grow_of(sent, j) if m.entry.attrs.get("takes_of") else j
            last = reader.grow_number(sent, last)
            if (
                reader.attacking_thing(sent, first, last)
                or reader.care_place(sent, first)
                or reader.moved_place(sent, first)
                or reader.searched_by_forces(sent, first, last)
                or reader.addressed(sent, first)
                or reader.reporter_place(sent, first)
            ):
                continue  # "army helicopters fired rockets", "attacked by a helicopter"
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
            if any(t.low in _NOT_ATTACK_ARMS for t in sent.toks[first:i]):
                continue  # "nuclear bombs"
            carrier = _loaded_carrier(reader, sent, first, out)
            if carrier is not None:
                # "a car loaded with 200 kg of dynamite": the loaded vehicle is the instrument
                out.remove(carrier)
                first = sent.by_start[carrier.span.start]
            add(WEAPON, first, last, head_tok)
    _read_spelled_out_targets(reader, sent, add, free)
    _read_harmed_names(reader, sent, add, free)
    _read_more_names(reader, sent, out, add, free)
    _read_owners(reader, sent, out, add)
    out.extend(perpetrators.forces_of_attackers(reader, span, out))
    return out


_LIST_GLUE = frozenset({"and", "or", "as", "well"}) | _DETERMINERS | _COUNTS


def _listed_after(
    reader: _Reader, sent: _Sentence, first: int, targets: list[tuple[int, int]]
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


def _arms_against(sent: _Sentence, first: int, weapon_toks: set[int]) -> bool:
    """The phrase at ``first`` is what arms were used against: "used explosives against the
    town hall and other public facilities", "fired rockets against the barracks"."""
    for k in range(max(1, first - _CUE_WINDOW), first):
        if sent.toks[k].low == "against" and k - 1 in weapon_toks:
            return True
    return False


#: an attack aimed at something: "the attack on x", "attacks against x"
_ATTACK_WORDS = frozenset("attack attacks attacked bombing bombings".split())
#: head words of a spelled-out organisation name: "x (national workers union federation)"
_ORG_WORDS = frozenset(
    "federation confederation union association department company corporation cooperative "
    "institute council bank ministry agency".split()
)


def _read_spelled_out_targets(reader: _Reader, sent: _Sentence, add, free) -> None:
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


def _attackers_ride(reader: _Reader, sent: _Sentence, first: int, out: list[_Found]) -> bool:
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


_LOADED = frozenset({"loaded", "filled", "packed", "stuffed", "laden", "rigged"})
_QUANTITY = frozenset(
    {"kg", "kgs", "kilograms", "kilos", "pounds", "lbs", "tons", "sticks", "charges"}
)
_ABOUT = frozenset({"over", "about", "some", "approximately", "nearly", "almost", "more", "than"})


def _loaded_carrier(
    reader: _Reader, sent: _Sentence, first: int, out: list[_Found]
) -> _Found | None:
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


def _read_person(
    reader: _Reader, sent: _Sentence, m: LexMatch, first: int, i: int, j: int, add
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
            role = "perp"
    if reader.speaker(sent, last):
        return
    last = perpetrators.described(reader, sent, last)
    modifiers = {t.low for t in sent.toks[first:i]}
    if role != "victim" and perpetrators.is_source(sent, first):
        return  # "according to the guerrillas, ...": who tells, not who did it
    if role in ("perp", "victim") and perpetrators.in_clash(sent, first):
        return  # "troops clashed with guerrillas": a side of a clash, no attacker
    if role == "perp":
        # people who are attackers by kind ("guerrillas") only in a sentence telling an act
        # near the act: a long sentence may name them far from it, in a clause of its own
        if not any(
            c & {"harm", "damage", "act"} and first - _ACT_REACH <= k <= last + _ACT_REACH
            for k, c in sent.cues.items()
        ):
            return  # "a department where the guerrillas have been active": no act told
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
        # "unidentified men", "a terrorist group", "guerrilla squads"
        if modifiers & reader.rl.perp_mod or agent:
            add(PERP_IND, perpetrators.with_count(reader, sent, first), last, j)
        elif reader.passive_harm(sent, last) or reader.near_cue(sent, first, last, ("harm",)):
            add(VICTIM, first, last, j)
        return
    if agent:
        add(PERP_IND, perpetrators.with_count(reader, sent, first), last, j)
    elif reader.near_cue(sent, first, last, ("harm",)):
        add(VICTIM, first, last, j)


def _read_title(reader: _Reader, sent: _Sentence, i: int, j: int, add, free) -> int | None:
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
    last = reader.name_at(sent, k)
    if last is None:
        perpetrators.counted_title(reader, sent, i, j, add)
        return None
    if last is None or not free(k, last):
        return None
    if reader.speaker(sent, last):
        return last
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
        if (
            _name_then_harm(reader, sent, last)
            or _harm_before(reader, sent, i)
            or _name_then_harm(reader, sent, _list_end(reader, sent, k, last))
        ):
            add(VICTIM, k, last, last, True)
        else:
            return j  # the name stays free: it may be coordinated with a victim ("x and y were")
    elif reader.near_cue(sent, i, last, ("harm",)):
        add(VICTIM, k, last, last, True)
    elif _name_then_harm(reader, sent, last):
        add(VICTIM, k, last, last, True)  # "x, (a long apposition), was found murdered"
    return last


#: relatives named by a possessive ("x's son"): the relative is the person harmed
_KIN = frozenset(
    "son sons daughter daughters wife husband brother brothers sister sisters father mother "
    "children child family nephew niece parents relatives grandson granddaughter".split()
)
#: titles written with a full stop ("dr. x", "msgr. x")
_TITLE_ABBREVIATIONS = frozenset(
    "dr mr mrs ms msgr col gen lt sgt capt maj cpl gov sen prof fr".split()
)
_HARM_REACH = 10  # tokens between a harm word and the title of its object
#: words between a harm word and its object: "killed ten, including leader ..."
_BRIDGE = frozenset("including among them along retired alleged elected".split())


def _harm_before(reader: _Reader, sent: _Sentence, i: int) -> bool:
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
        if cues & {"speech", "act"} or (_VERB_FORM.search(low) and low not in reader.rl.heads):
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


def _harm_object(reader: _Reader, sent: _Sentence, k: int) -> bool:
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
        if "harm" in sent.cues.get(h, ()) and low in _HARM_BEFORE_NAME:
            if not (_VERB_FORM.search(low) or low == "shot"):
                return False  # a noun: "death squad: x", "the murder of x" (read elsewhere)
            if gap in (",", ":") and (h + 1 == k or toks[h + 1].low not in _BRIDGE):
                return False  # "... were killed, x said"
            return before not in _BE and before not in ("been", "being")
        if low in _OBJECT_WORDS or low in _BRIDGE or low in _COUNTS:
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


_HARM_BEFORE_NAME = frozenset(
    "murder assassination killing kidnapping abduction death murdered assassinated killed kidnapped "
    "abducted wounded injured shot murdering assassinating abducting wounding injuring shooting "
    "executing torturing".split()
)


#: people who harm the person named after "of" ("the kidnappers of x")
_HARMERS = frozenset("kidnappers abductors captors murderers assassins killers".split())


_MONTHS = frozenset(
    "january february march april may june july august september october november december".split()
)
_WHEN_WHERE = 4  # words of a date or place between a harm noun and its "of"


def _after_when_where(reader: _Reader, sent: _Sentence, k: int) -> int:
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


def _read_harmed_names(reader: _Reader, sent: _Sentence, add, free) -> None:
    """Names right after a harm word ("the murder of jaime pardo leal", "kidnapped juan perez")."""
    toks = sent.toks
    for k, tok in enumerate(toks):
        if not (
            "harm" in sent.cues.get(k, ())
            and tok.low in _HARM_BEFORE_NAME
            or (tok.low in _HARMERS and k + 1 < len(toks) and toks[k + 1].low == "of")
            or (  # "an attempt on the life of x"
                tok.low in ("life", "lives")
                and k >= 3
                and toks[k - 1].low == "the"
                and toks[k - 2].low == "on"
                and toks[k - 3].low in ("attempt", "attempts", "attack", "attacks")
            )
        ):
            continue
        n = k + 1
        if _VERB_FORM.search(tok.low) is None or tok.low == "killing":
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
#: commas inside it: "x, mayor of a, in the department of b, who was kidnapped"
_APPOSITION_COMMAS = 3


_AUX = frozenset(
    "was were had have has been being are is also then later reportedly allegedly apparently "
    "subsequently escaped found".split()
)
_HARM_PARTICIPLES = frozenset(
    "killed murdered assassinated kidnapped abducted wounded injured shot slain executed "
    "tortured captured seized machinegunned machine-gunned riddled stabbed".split()
)


def _harm_after(reader: _Reader, sent: _Sentence, j: int) -> bool:
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
        return False
    return False


def _name_then_harm(reader: _Reader, sent: _Sentence, last: int) -> bool:
    """The name ending at token ``last`` is the subject of a passive harm verb, directly
    ("x was killed", "x was seriously wounded") or after an apposition between commas
    ("x, 45, a former mayor, was shot"), a relative clause ("x, who was kidnapped ...") or a
    participle ("x, kidnapped on 9 may, ..."); or the name owns a harm noun ("x's murder")."""
    toks = sent.toks
    n = len(toks)
    if reader.passive_harm(sent, last) or _harm_after(reader, sent, last):
        return True
    if (
        toks[last].low.endswith(("'s", "’s"))
        and last + 1 < n
        and "harm" in sent.cues.get(last + 1, ())
    ):
        return True  # "galan's murder"
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
            if _harm_after(reader, sent, k):
                return True
        return False
    if gap != ",":
        return False
    nxt = toks[last + 1].low
    if nxt in _HARM_PARTICIPLES:
        return True  # "x, kidnapped 11 days ago"
    if nxt == "who" and _harm_after(reader, sent, last + 1):
        return True  # "x, who was shot to death"
    commas = 0
    relative = False
    for k in range(last + 1, min(last + 2 + _APPOSITION, n - 1)):
        gap = reader._gap(sent, k, k + 1).strip()
        if gap in (",", "),"):
            if reader.passive_harm(sent, k) or _harm_after(reader, sent, k):
                return True
            if toks[k + 1].low in ("who", "which", "whose"):
                if toks[k + 1].low == "who" and _harm_after(reader, sent, k + 1) and not relative:
                    return True  # "x, mayor of a, in the department of b, who was kidnapped"
                relative = True  # "x, a candidate, who replaced y, who was killed": y's clause
            commas += 1
            if commas > _APPOSITION_COMMAS:
                return False
        elif (
            gap
            and not reader._joined(sent, k, k + 1)  # "a u.s. nun"
            and gap not in ("(", ")")  # "a leader of the party (pdc), was shot"
        ) or sent.cues.get(k, frozenset()) & {"speech", "act", "harm"}:
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


def _owner_name(reader: _Reader, sent: _Sentence, k: int, titles: set[int]) -> int | None:
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


def _read_owners(reader: _Reader, sent: _Sentence, out: list[_Found], add) -> None:
    """The named owner of a home, office, farm or vehicle that is attacked or damaged:
    "attacking the residence of vice president x", "x's house was also attacked", "a farm
    owned by x", "an attack on a helicopter in which x was travelling"."""
    toks = sent.toks
    titles: set[int] | None = None
    for k, tok in enumerate(toks):
        if tok.low not in _OWNED or not any(
            toks[m].low in _ATTACK_WORDS and (m == 0 or toks[m - 1].low not in _BOMB_WORDS)
            for m in range(max(0, k - _CUE_WINDOW), min(len(toks), k + _OWNER_VERB + 1))
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
            for a in range(max(0, k - 1 - _MAX_NAME), k):
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


_AGE = re.compile(r"\d+-years?-old")  # "19-year-old"
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


def _title_tokens(reader: _Reader, sent: _Sentence) -> set[int]:
    """Indices of the tokens of the titles and person nouns of a sentence."""
    out: set[int] = set()
    for m in reader.find(sent.toks[0].start, sent.toks[-1].end, ["role_title", "role_person"]):
        i, j = sent.by_start.get(m.span.start), sent.by_end.get(m.span.end)
        if i is not None and j is not None:
            out.update(range(i, j + 1))
    return out


def _copula_victim(reader: _Reader, sent: _Sentence, k: int) -> bool:
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


def _list_end(reader: _Reader, sent: _Sentence, i: int, last: int) -> int:
    """The last token of the list of names the name at tokens i..last starts
    ("comrades x, y, and z")."""
    seen = {last}
    while True:
        nxt = [(a, b) for a, b in _coordinated(reader, sent, i, last) if a > last]
        if not nxt or nxt[0][1] in seen:
            return last
        i, last = nxt[0]
        seen.add(last)


def _read_more_names(reader: _Reader, sent: _Sentence, out: list[_Found], add, free) -> None:
    """Named victims the title and harm-word rules miss: a name that is the subject of a
    passive harm verb, a name after "identified as" in a harm clause, and names coordinated
    with a named victim ("x, y, and z were killed", "photographers x and y")."""
    toks = sent.toks
    n = len(toks)
    if not any("harm" in kinds for kinds in sent.cues.values()) and not any(
        t.low == "holding" for t in toks
    ):
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
                and _name_then_harm(reader, sent, last)
                and not (k > 0 and toks[k - 1].low in _PLACE_PREPOSITIONS)
            )
            or (prev == "identified as" and reader.near_cue(sent, k, last, ("harm",)))
            or (last > k and _harm_object(reader, sent, k))
            or (
                (last > k or k > 0 and k - 1 in _title_tokens(reader, sent))
                and _copula_victim(reader, sent, k)
            )
        ):
            if not reader.speaker(sent, last) and not reader.agent_of_act(sent, last):
                add(VICTIM, k, last, last, True)
        k = last + 1
    _read_semicolon_list(reader, sent, out, add, free)
    # names coordinated with a named victim
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
            for a, b in _coordinated(reader, sent, i, j) + _kin_antecedent(reader, sent, i):
                if free(a, b):
                    add(VICTIM, a, b, b, True)
                    grew = True


#: words that introduce a name inside a list item ("a minor known as x", "identified only as x")
_KNOWN_AS = frozenset({"as", "called", "named"})
_KNOWN_REACH = 6  # tokens of such an item before its name


def _item_name(reader: _Reader, sent: _Sentence, a: int, b: int, titles: set[int]) -> int | None:
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


def _surname_first(reader: _Reader, sent: _Sentence, a: int, b: int) -> bool:
    """The item at tokens a..b is a name written surname first ("perez, juan carlos")."""
    last = reader.name_at(sent, a)
    if last is None or last >= b or reader._gap(sent, last, last + 1).strip() != ",":
        return False
    return reader.name_at(sent, last + 1) == b


def _read_semicolon_list(reader: _Reader, sent: _Sentence, out: list[_Found], add, free) -> None:
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


def _aside_end(reader: _Reader, sent: _Sentence, k: int) -> int:
    """After "name," at token k: the last token of a short aside ("a reuter photographer",
    "45") that ends at a comma or semicolon, or k - 1 when there is none."""
    toks = sent.toks
    if toks[k].low not in ("a", "an", "the", "another", "his", "her") and not toks[k].low.isdigit():
        return k - 1
    for m in range(k, min(k + _ASIDE, len(toks) - 1)):
        if sent.cues.get(m, frozenset()) & {"speech", "act", "harm"}:
            return k - 1
        gap = reader._gap(sent, m, m + 1).strip()
        if gap in (",", ";"):
            return m
        if gap or toks[m].low in ("and", "or"):
            return k - 1  # "x, the mayors of a and b, ...": no aside between two names
    return k - 1


def _coordinated(reader: _Reader, sent: _Sentence, i: int, j: int) -> list[tuple[int, int]]:
    """Names joined to the name at tokens i..j by "," / "and" (with titles skipped)."""
    toks = sent.toks
    out: list[tuple[int, int]] = []
    # forwards: "x, y and z"
    k = j + 1
    if k < len(toks) and reader._gap(sent, j, k).strip() == ",":
        j = _aside_end(reader, sent, k)  # "x, a reuter photographer, y, ..."
        k = j + 1
    if k < len(toks):
        gap = reader._gap(sent, j, k).strip()
        if toks[k].low == "and" and gap in ("", ",", ";"):
            k += 1
        elif gap not in (",", ";"):
            k = -1
        while (
            0 <= k < len(toks) - 1
            and (
                toks[k].low in reader.rl.heads
                and toks[k].low not in reader.rl.stop
                or _AGE.fullmatch(toks[k].low)  # "30-year-old x"
                or toks[k].low in ("his", "her", "their")  # "and her daughter x"
                and toks[k + 1].low in reader.rl.heads
            )
            and reader._joined(sent, k, k + 1)
        ):
            k += 1  # a title before the next name
        if 0 <= k < len(toks):
            last = reader.name_at(sent, k)
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
        and end - a < _MAX_NAME
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
    ):
        out.append((a, end))
    return out


_KIN_REACH = 6  # tokens between "his" and the kin's name ("his brother - in - law z")
_APPOSITION_REACH = 30  # tokens of the apposition between a name and ", and his wife z"


def _kin_antecedent(reader: _Reader, sent: _Sentence, i: int) -> list[tuple[int, int]]:
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


#: words before a place name, not a person's ("in medellin, pedro perez was killed")
_PLACE_PREPOSITIONS = frozenset("in at from near through into outside inside to".split())


def _merge(found: Sequence[_Found]) -> list[RoleFiller]:
    by_key: dict[tuple[str, str], RoleFiller] = {}
    for f in found:
        key = (f.role, f.entity or " ".join(_TOKEN.findall(f.span.text.lower())))
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
    reader: _Reader | None = None,
) -> list[RoleFiller]:
    """Role fillers read from the sentences ``spans`` of ``text`` (merged by role and words)."""
    reader = reader or _Reader(text, lexicon or role_lexicon())
    found: list[_Found] = []
    for span in sorted(set(spans)):
        for sent in split_sentences(text, span):
            found.extend(reader.read(sent))
    return _merge(found)


def role_reader(text: str, lexicon: RoleLexicon | None = None) -> _Reader:
    """A reader of one text's role fillers, to share between passes (``fill_roles``,
    ``find_role_fillers``, ``named_victims``): each sentence is read once."""
    return _Reader(text, lexicon or role_lexicon())


def named_victims(text: str, spans: Sequence[Span], *, reader: _Reader) -> list[list[str]]:
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


def sentence_targets(text: str, spans: Sequence[Span], *, reader: _Reader) -> list[list[str]]:
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
        before = [m for m in owner if n - _REFERENCE_REACH <= m < n]
        if before:
            k = owner[max(before)]
        elif n < min(owner):
            k = owner[min(owner)]  # a lead summing up the acts reported after it
        else:
            continue
        if sentences[n] not in out[k]:
            out[k].append(sentences[n])
    return out


def fill_roles(
    text: str,
    incidents: Sequence[Incident],
    lexicon: RoleLexicon | None = None,
    *,
    references: Sequence[Span] = (),
    reader: _Reader | None = None,
) -> None:
    """Set ``arguments`` of every incident from the sentences that report it.

    ``references`` are attack words that refer back to an act already reported ("the bomb",
    "the attack"); the physical targets and instruments of their sentences, when no incident
    holds them, are added to the incident they follow.  ``reader`` (from ``role_reader``)
    shares the sentence readings with earlier passes over the same text."""
    if not incidents:
        return
    reader = reader or _Reader(text, lexicon or role_lexicon())
    referring = _reference_sentences(text, incidents, references)
    for inc, ref_sentences in zip(incidents, referring, strict=True):
        own = find_role_fillers(text, incident_sentences(text, inc), reader=reader)
        # perpetrators are often named in another sentence of the report (a claim, a lead)
        wider = _merge(
            [
                _Found(PERP_ORG, m.span, m.span.text.lower().split()[-1], entity=m.entry.id)
                for span in inc.spans
                for m in reader.find(span.start, span.end, ["role_org"])
                if not m.entry.attrs.get("agent_only") and not m.entry.attrs.get("unnamed")
            ]
        )
        # named victims are often named in another sentence of the report ("the murder of x")
        wider += [
            a
            for a in find_role_fillers(text, inc.spans, reader=reader)
            if a.role == VICTIM and a.named
        ]
        # an instrument only when the incident's own sentences name none
        roles = (TARGET,) if any(a.role == WEAPON for a in own) else (TARGET, WEAPON)
        things = [
            a for a in find_role_fillers(text, ref_sentences, reader=reader) if a.role in roles
        ]
        seen = {(a.role, a.text.lower()) for a in own}
        seen_orgs = {perpetrators.org_entity(reader, a) for a in own if a.role == PERP_ORG}
        extra: list[RoleFiller] = []
        for a in wider + things:
            if a.role == PERP_ORG and perpetrators.org_entity(reader, a) in seen_orgs:
                continue  # the organisation is already named in the incident's own sentences
            if (a.role, a.text.lower()) not in seen:
                seen.add((a.role, a.text.lower()))
                extra.append(a)
        inc.arguments = _sorted(_one_per_person(own + extra))
    perpetrators.complete_from_document(reader, text, incidents)
    _place_other_victims(text, incidents, reader)
    _one_incident_per_person(incidents)


def _distance(inc: Incident, at: int, far: int) -> int:
    """Characters between offset ``at`` and the nearest sentence of ``inc`` (0 inside one)."""
    if not inc.spans:
        return far
    return min(
        0 if sp.start <= at < sp.end else min(abs(at - sp.start), abs(at - sp.end))
        for sp in inc.spans
    )


def _place_other_victims(text: str, incidents: Sequence[Incident], reader: _Reader) -> None:
    """Named victims of the report's other sentences ("the murder of x" in a later paragraph)
    go to the nearest incident, unless an incident already names that person."""
    spans = split_sentences(text, Span.of(text, 0, len(text)))
    others = [
        a for a in find_role_fillers(text, spans, reader=reader) if a.role == VICTIM and a.named
    ]
    for a in others:
        known = [b.text for inc in incidents for b in inc.arguments if b.role in (VICTIM, PERP_IND)]
        if any(names.same_person(k, a.text) or names.same_person(a.text, k) for k in known):
            continue
        best = min(incidents, key=lambda inc, at=a.spans[0].start: _distance(inc, at, len(text)))
        best.arguments = _sorted(best.arguments + [a])


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
    texts = [" ".join(_TOKEN.findall(a.text.lower())).replace("'s", "") for a in named]
    keep = {id(named[i]) for i in names.fullest_index(texts)}
    return [a for a in args if not (a.role == VICTIM and a.named) or id(a) in keep]


def _sorted(fillers: list[RoleFiller]) -> list[RoleFiller]:
    return sorted(fillers, key=lambda r: (ROLES.index(r.role), r.spans[0].start))


__all__ = ["ROLES", "RoleLexicon", "fill_roles", "find_role_fillers", "role_lexicon"]
