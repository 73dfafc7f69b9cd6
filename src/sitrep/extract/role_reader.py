"""Reading one sentence for its role fillers: tokens, cue words, and the word-class rules that
grow a noun phrase from its head and tell a clause's agent, object and speaker apart.

The stage that uses it is :mod:`sitrep.extract.roles`; named people are read by
:mod:`sitrep.extract.role_names`.  A :class:`RoleReader` belongs to one text and caches each
sentence's tokens and fillers, so every pass over a report shares one reading.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from sitrep.extract import names, perpetrators
from sitrep.model import Span
from sitrep.text.lexicon import Lexicon, LexMatch, load_lexicon

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

TOKEN = re.compile(r"\w+(?:[-'’.]\w+)*")
VERB_FORM = re.compile(r"(?:ed|ing)$")


def _verb_form(low: str) -> bool:
    """A word in -ed or -ing that may be a verb: not a hyphenated compound, which is an
    adjective ("right-wing", "motorcycle-riding", "rifle-toting", "heavily-armed")."""
    return "-" not in low and bool(VERB_FORM.search(low))


MAX_LEFT = 3  # modifier words before a head
_MAX_LEFT_TARGET = 5  # before a physical target's head
MAX_NAME = 5  # words of a person's name (particles not counted)
CUE_WINDOW = 12  # tokens between a harm/damage cue and a filler
ACT_REACH = 20  # tokens between an act word and attackers named by their kind ("guerrillas")
#: heads of a body's name that take an "of" phrase of their own ("the department of
#: administrative security", "the ministry of the interior", "the federation of x workers")
_NAMED_BODIES = frozenset(
    "department ministry institute federation confederation union association corporation "
    "council committee secretariat bureau court".split()
)
_OF_WORDS = 6  # words of an "of" phrase after a head
REFERENCE_REACH = 3  # sentences after an incident's own that may refer back to it
#: prepositions joining people to the place they belong to ("members of the mission")
_PEOPLE_OF = frozenset({"of"})
_DAMAGE_NOUNS = frozenset({"damage", "damages", "losses"})  # "property damage"
# words before a verb: a weapon word right after one is the verb ("to bomb", "did not bomb")
_VERB_BEFORE = frozenset(
    "to can could will would may might must should shall did not never we they i you".split()
)
_SOUNDS = frozenset("fire explosion explosions blast blasts shots bursts detonations".split())
# verbs whose subject is the attacker's thing ("helicopters fired rockets", "planes are bombing")
_AGENT_VERBS = frozenset(
    "attacked fired bombed dropped strafed machinegunned machine-gunned shelled launched rocketed "
    "bombing firing dropping strafing shelling launching machinegunning throwing hurling".split()
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
AREA_HEADS = frozenset({"center", "centre", "centers", "centres"})
AREA_MODS = frozenset(
    "downtown city town tourist trafficking urban historic commercial financial industrial".split()
)
BE = frozenset("is are was were been being".split())
# verbs of the care of victims: a place after them is where they were taken, not a target
_CARE_VERBS = frozenset(
    "taken rushed transferred admitted treated hospitalized evacuated died recovering".split()
)
_MOTION_PREPS = frozenset("to toward towards into from at for".split())
_CARE_STOP = frozenset({"by", "when", "after", "and", "or", "but", "that", "which", "who"})
# prepositions after a participle that ends an "of" phrase ("located in", "owned by")
_PARTICIPLE_PREPS = frozenset("in at on by to near from inside outside along".split())
COUNTS = frozenset("two three four five six seven eight nine ten both".split())
# verbs of speaking to someone: a place right after one is whom the speaker addressed
_ADDRESS_VERBS = frozenset(
    "called phoned telephoned told asked informed contacted notified".split()
)
#: words of a report sent to or coming from a place ("reported to", "reports from")
_REPORT_WORDS = frozenset(
    "reported report reports said statement statements communique call calls message".split()
)
_FIRST_PERSON = frozenset({"we", "i"})
DETERMINERS = frozenset(
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
#: yesterday"), or that it qualifies the subject of the verb after it ("the four people killed
#: have been identified", "the men wounded were taken"): the noun before it is the one harmed
_AFTER_PARTICIPLE = frozenset(
    "by in on during near with while when after last yesterday today early late this "
    "have has had was were is are will would".split()
)
NOT_ATTACK_ARMS = frozenset({"nuclear", "atomic", "thermonuclear"})
#: adverbs between an auxiliary and a harm verb ("were also killed", "was reportedly shot")
_PASSIVE_ADVERBS = frozenset(
    "also reportedly allegedly apparently later subsequently then all both presumably "
    "reported said believed thought".split()
)
_AGENT_GAP = 3  # words between an attacker and its verb ("who had reportedly killed")
_AUXILIARY = frozenset(("had", "have", "has"))  # arms of states, not attacks


@dataclass(frozen=True, slots=True)
class Tok:
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
    when: frozenset[str] = frozenset()  # time words between a subject and its verb ("last night")
    civil_body: frozenset[str] = frozenset()  # heads of civilian bodies' names ("party")
    group_unit: frozenset[str] = frozenset()  # heads of armed groups' branches ("province")
    generic_target: frozenset[str] = frozenset()  # "building", "establishment": kinds of premises
    weak_people: frozenset[str] = frozenset()  # people by no kind ("men", "group", "members")
    by_doer: frozenset[str] = frozenset()  # participles before "by" of the act's doers
    doer: frozenset[str] = frozenset()  # agent nouns of violent acts ("kidnappers")
    attacker_words: frozenset[str] = frozenset()  # one-word attackers by kind ("gunman")
    place_of: frozenset[str] = frozenset()  # "town", "province": "the town of x" names a place
    named_for: frozenset[tuple[str, ...]] = frozenset()  # "named after", "in memory of"
    owner_of: frozenset[tuple[str, ...]] = frozenset()  # "belonging to", "owned by"

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
                    words = TOKEN.findall(a.lower())
                    heads.update(words)
                    if words:
                        head_ends.update((words[-1], words[-1] + "s", words[-1] + "es"))
        for kind in ("harm", "damage", "act", "speech"):
            for a in cues.get(kind, ()):
                heads.update(TOKEN.findall(a))
        weak: set[str] = set()
        attackers: set[str] = set()
        for e in lex.entries("role_person"):
            if e.attrs.get("role") == "perp":
                for a in e.aliases:
                    words = TOKEN.findall(a.lower())
                    if len(words) == 1:  # not "gang member", "hit men": no generic word
                        attackers.update((words[0], words[0] + "s"))
            if e.attrs.get("role") in ("perp_weak", "collective"):
                for a in e.aliases:
                    words = TOKEN.findall(a.lower())
                    if len(words) == 1:
                        weak.update((words[0], words[0] + "s"))
        word_cues: dict[str, set[str]] = {}
        phrase_cues: dict[str, set[str]] = {}
        for kind in _CUE_KINDS:
            for a in cues.get(kind, ()):
                if " " not in a:
                    word_cues.setdefault(a, set()).add(kind)
                else:
                    phrase_cues.setdefault(" ".join(TOKEN.findall(a)), set()).add(kind)
        return cls(
            word_cues={w: frozenset(k) for w, k in word_cues.items()},
            phrase_cues={w: frozenset(k) for w, k in phrase_cues.items()},
            lexicon=lex,
            stop=frozenset(cues.get("stop", ())),
            perp_mod=frozenset(cues.get("perp_mod", ())),
            evaluative=frozenset(cues.get("evaluative", ())),
            arms_trade=frozenset(" ".join(TOKEN.findall(a)) for a in cues.get("arms_trade", ())),
            not_instrument=frozenset(cues.get("not_instrument", ())),
            motion=frozenset(cues.get("motion", ())),
            heads=frozenset(heads),
            head_ends=frozenset(head_ends),
            object_verbs=frozenset(cues.get("object_verb", ())),
            describe=frozenset(cues.get("describe", ())),
            attire=frozenset(cues.get("attire", ())),
            when=frozenset(cues.get("when", ())),
            civil_body=frozenset(cues.get("civil_body", ())),
            group_unit=frozenset(cues.get("group_unit", ())),
            generic_target=frozenset(cues.get("generic_target", ())),
            weak_people=frozenset(weak),
            by_doer=frozenset(cues.get("by_doer", ())),
            doer=frozenset(cues.get("doer", ())),
            attacker_words=frozenset(attackers),
            place_of=frozenset(cues.get("place_of", ())),
            named_for=frozenset(tuple(TOKEN.findall(a)) for a in cues.get("named_for", ())),
            owner_of=frozenset(tuple(TOKEN.findall(a)) for a in cues.get("owner_of", ())),
        )


@functools.lru_cache(maxsize=1)
def role_lexicon() -> RoleLexicon:
    """The bundled role lexicons, loaded once per process."""
    return RoleLexicon.load()


# --------------------------------------------------------------------------- sentence reading


@dataclass(slots=True)
class Sentence:
    text: str
    toks: list[Tok]
    by_start: dict[int, int]
    by_end: dict[int, int]
    cues: dict[int, frozenset[str]]  # token index -> cue kinds (harm, damage, act, speech)


#: irregular past tenses that follow their subject ("the rebels stole", "gunmen drove"): the
#: noun before them is a person, not a modifier
_IRREGULAR_PAST = frozenset(
    "set left began drove stole sought made held got sent knew fled threw shot hit took put "
    "broke ran fought came went brought blew burnt".split()
)


def _tokens(text: str, start: int, end: int) -> list[Tok]:
    return [Tok(m.start(), m.end(), m.group().lower()) for m in TOKEN.finditer(text, start, end)]


class RoleReader:
    """One text's sentences read for roles: tokens, cues and fillers, each read once."""

    def __init__(
        self, text: str, rl: RoleLexicon, parse: Callable[[RoleReader, Span], list[Found]]
    ) -> None:
        self.text = text
        self.rl = rl
        self._parse = parse  # the fillers of one sentence (sitrep.extract.roles)
        self.caseless = text == text.lower() or text == text.upper()
        self._matches: dict[tuple[str, ...], tuple[list[int], list[LexMatch]]] = {}
        self._read: dict[Span, list[Found]] = {}
        self._sentences: dict[Span, Sentence] = {}

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

    def read(self, span: Span) -> list[Found]:
        """The role fillers of one sentence (read once per span: the reading depends on the
        text alone, not on the incidents, so every pass over the report shares it)."""
        got = self._read.get(span)
        if got is None:
            got = self._read[span] = self._parse(self, span)
        return got

    def sentence(self, span: Span) -> Sentence:
        """The tokens and cues of one sentence (read once per span; never changed after)."""
        got = self._sentences.get(span)
        if got is None:
            got = self._sentences[span] = self._new_sentence(span)
        return got

    def _new_sentence(self, span: Span) -> Sentence:
        toks = _tokens(self.text, span.start, span.end)
        sent = Sentence(
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
                kinds = self.rl.phrase_cues.get(" ".join(TOKEN.findall(m.span.text.lower())))
                sent.cues[i] = sent.cues.get(i, frozenset()) | {cue} | (kinds or frozenset())
        return sent

    def _gap(self, sent: Sentence, i: int, j: int) -> str:
        """The text between token i's end and token j's start."""
        return self.text[sent.toks[i].end : sent.toks[j].start]

    def _joined(self, sent: Sentence, i: int, j: int) -> bool:
        """Tokens i and j (j = i + 1) are separated by spaces only (or by the full stop of
        a dotted abbreviation: "u.s. embassy")."""
        gap = self._gap(sent, i, j)
        if gap.strip() == "." and gap[0] == "." and "." in sent.toks[i].low:
            return gap[1:].isspace() and sent.toks[j].low[:1].isalpha()
        return not gap.strip()

    def _modifier(self, tok: Tok, sent: Sentence, i: int) -> bool:
        low = tok.low
        if low in self.rl.perp_mod and i not in sent.cues:
            return True  # "unknown persons": a word the closed-class list also holds
        if low in self.rl.stop or i in sent.cues or not any(c.isalpha() for c in low):
            return False
        if low in self.rl.evaluative:
            return False
        return not _verb_form(low) and not low.endswith("ly")

    def grow_left(self, sent: Sentence, first: int, most: int = MAX_LEFT) -> int:
        """Index of the first token of the phrase whose head starts at token ``first``."""
        i = first
        while i > 0 and first - i < most:
            prev = sent.toks[i - 1]
            if not self._joined(sent, i - 1, i) or not self._modifier(prev, sent, i - 1):
                break
            i -= 1
        return i

    def grow_left_target(self, sent: Sentence, first: int) -> int:
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
                    VERB_FORM.search(prev.low)
                    and prev.low not in self.rl.stop
                    and (k - 1) not in sent.cues
                )
            ):
                break
            k -= 1
        if k < i and k > 0 and sent.toks[k - 1].low in DETERMINERS:
            return k
        return i

    def grow_number(self, sent: Sentence, last: int) -> int:
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

    def grow_of(self, sent: Sentence, last: int, people: bool = False) -> int:
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
            if (
                tok.low == "of"
                and not people
                and end is not None
                and sent.toks[end].low in _NAMED_BODIES
                and k + 1 < n
                and self._joined(sent, k, k + 1)
            ):
                k += 1  # "the headquarters of the department of administrative security"
                while k < n and sent.toks[k].low in ("the", "a", "an"):
                    k += 1
                continue
            if tok.low in self.rl.stop or k in sent.cues:
                break
            if people and k > j and VERB_FORM.search(tok.low) and tok.low not in self.rl.perp_mod:
                break
            if (
                VERB_FORM.search(tok.low)
                and k + 1 < n
                and sent.toks[k + 1].low in _PARTICIPLE_PREPS
                and not (k > j and sent.toks[k - 1].low in ("the", "a", "an"))
            ):
                break  # "a branch of the bank located in ...", "the home of x owned by y"
            end = k
            k += 1
        return end if end is not None else last

    def _inner_and(self, sent: Sentence, k: int) -> bool:
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

    def span(self, sent: Sentence, i: int, j: int) -> Span:
        end = sent.toks[j].end
        if (
            sent.toks[j].low.endswith(("'s", "’s"))
            and j > i
            or sent.toks[j].low.endswith(("s'", "s’"))
        ):
            end -= 2 if sent.toks[j].low[-2] in "'’" else 1
        return Span.of(self.text, sent.toks[i].start, end)

    def compound_next(self, sent: Sentence, j: int) -> bool:
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
        if VERB_FORM.search(nxt.low) or nxt.low.endswith("ly") or not nxt.low[:1].isalpha():
            return False
        return nxt.low not in _IRREGULAR_PAST  # "guerrillas set off", "rebels stole"

    def weapon_of(self, sent: Sentence, j: int) -> int:
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

    def traded_weapon(self, sent: Sentence, i: int, j: int, weapon_toks: set[int]) -> bool:
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

    def generic_attacks(self, sent: Sentence, i: int, j: int) -> bool:
        """ "dynamite attacks", "bomb attacks" without a count: a kind of act, not an instrument
        of one ("two bomb attacks" are counted acts and keep theirs)."""
        k = j + 1
        if k >= len(sent.toks) or sent.toks[k].low != "attacks" or not self._joined(sent, j, k):
            return False
        return not (i > 0 and (sent.toks[i - 1].low.isdigit() or sent.toks[i - 1].low in COUNTS))

    def heard_only(self, sent: Sentence, j: int) -> bool:
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

    def attacking_thing(self, sent: Sentence, i: int, j: int, nested: bool = False) -> bool:
        """The thing at tokens i..j is the attacker's, not a target: it does the attack ("army
        helicopters fired rockets", "planes are bombing the area") or is the agent or means
        ("attacked by a helicopter", "with two a-37 planes")."""
        k, words = i - 1, 0  # back over determiners, counts and a name ("by a navy helicopter")
        while k >= 0 and words < 3:
            low = sent.toks[k].low
            if low not in ("the", "a", "an", "its", "their") and low not in COUNTS:
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
            return all(t.low not in BE for t in sent.toks[j + 1 : k])  # not "was bombed"
        if k + 1 < n and sent.toks[k].low in BE and sent.toks[k + 1].low in _AGENT_VERBS:
            return sent.toks[k + 1].low.endswith("ing")  # "are bombing"
        return False

    def _before_phrase(self, sent: Sentence, i: int) -> int:
        """The token before the phrase starting at i, skipping determiners and counts."""
        k = i - 1
        while k >= 0 and (
            sent.toks[k].low in ("the", "a", "an", "its", "their") or (sent.toks[k].low in COUNTS)
        ):
            k -= 1
        return k

    def addressed(self, sent: Sentence, i: int) -> bool:
        """The place at token i is whom a speaker addressed ("a spokesman who called two radio
        stations", "we asked the foreign ministry") or where a report came from ("reports from
        the radio stations"), not a target."""
        k = self._before_phrase(sent, i)
        if k >= 0 and sent.toks[k].low in _ADDRESS_VERBS and self._joined(sent, k, k + 1):
            return True
        # a report sent to it or coming from it ("witnesses reported to radio stations",
        # "reports from central american radio stations")
        return (
            k >= 1
            and sent.toks[k].low in ("to", "from")
            and sent.toks[k - 1].low in _REPORT_WORDS
            and self._joined(sent, k - 1, k)
            and self._joined(sent, k, k + 1)
        )

    def people_of(self, sent: Sentence, i: int) -> bool:
        """The place at token i is where people named before it belong or work ("members of
        the diplomatic mission", "the manager of the institute", "crew members of the
        trawlers"): it tells who they are, not what was hit.  Not "at" or "from": "placed by a
        man at the office" names the place after the agent."""
        k = self._before_phrase(sent, i)
        if k < 1 or sent.toks[k].low not in _PEOPLE_OF or not self._joined(sent, k, k + 1):
            return False
        if not self._joined(sent, k - 1, k):
            return False
        prev = sent.toks[k - 1]
        return any(
            m.span.end == prev.end
            for m in self.find(prev.start, prev.end, ["role_person", "role_title"])
        )

    def before_person(self, sent: Sentence, j: int) -> bool:
        """The place word at token j modifies a person noun or title right after it ("a
        university president", "the embassy spokesman", "bank employees"): it tells who the
        people are, not what was hit."""
        k = j + 1
        if k >= len(sent.toks) or not self._joined(sent, j, k):
            return False
        tok = sent.toks[k]
        return any(
            m.span.start == tok.start
            for m in self.find(tok.start, sent.toks[-1].end, ["role_person", "role_title"])
            if m.span.start < tok.end
        )

    def located_on(self, sent: Sentence, i: int) -> bool:
        """The place at token i tells where something named before it stands ("the bridge,
        which is on the northern highway", "a bank located in the central market"): a
        location, not a second target."""
        k = self._before_phrase(sent, i)
        if k < 1 or sent.toks[k].low not in ("on", "in", "at", "inside"):
            return False
        prev = sent.toks[k - 1].low
        if prev == "located":
            return True
        return (
            prev in ("is", "was", "are", "were")
            and k > 1
            and sent.toks[k - 2].low
            in (
                "which",
                "that",
            )
        )

    def owner(self, sent: Sentence, i: int) -> bool:
        """The phrase at token i names the owner of a thing told before it ("a vehicle
        belonging to the agriculture ministry", "the truck was owned by a soda company"):
        whose the target is, not a second target."""
        k = self._before_phrase(sent, i) + 1
        low = [t.low for t in sent.toks]
        ends = [k]
        if k > 1 and "(" in self._gap(sent, k - 1, k):
            ends.append(self._before_phrase(sent, k - 1) + 1)  # "belonging to x (the ... bank)"
        return any(
            e >= len(p) and tuple(low[e - len(p) : e]) == p for e in ends for p in self.rl.owner_of
        )

    def reporter_place(self, sent: Sentence, i: int) -> bool:
        """The place at token i is where the reporter was ("we felt the explosions here at
        the x building", "we were covering a ceremony at the x hotel when we heard")."""
        k = self._before_phrase(sent, i)
        if k < 0 or sent.toks[k].low not in ("at", "in", "inside"):
            return False
        for m in range(k - 1, max(-1, k - 8), -1):
            if sent.toks[m].low in _FIRST_PERSON:
                return m + 1 < k and sent.toks[m + 1].low in _WITNESS_VERBS
        return False

    def searched_by_forces(self, sent: Sentence, i: int, j: int) -> bool:
        """The place at tokens i..j was raided, searched or occupied by security forces, not
        attacked ("the army raided five farms", "police searched the house of x"): every
        damage word near it is a raid word, and the nearest one before it has a security
        force word (army, police, troops) before it in its clause."""
        near = [
            k
            for k, found in sent.cues.items()
            if "damage" in found and i - CUE_WINDOW <= k <= j + CUE_WINDOW and not i <= k <= j
        ]
        if not near or any(sent.toks[k].low not in _RAID_WORDS for k in near):
            return False
        before = [k for k in near if k < i]
        if not before:
            return False
        k = max(before)
        for m in range(k - 1, max(-1, k - CUE_WINDOW), -1):
            low = sent.toks[m].low
            if low in _FORCE_WORDS:
                return True
            if sent.cues.get(m, frozenset()) & {"harm", "damage", "act"}:
                return False
        return False

    def _thrown_from(self, sent: Sentence, k: int) -> bool:
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

    def moved_place(self, sent: Sentence, i: int) -> bool:
        """The place at token i is where someone went, came from or was going ("as he was
        leaving his home", "fled to the university campus", "returning to their headquarters"),
        not what was attacked (role cues ``motion``)."""
        k = i - 1
        while k >= 0 and i - k <= 3 and sent.toks[k].low in DETERMINERS:
            k -= 1
        if k >= 0 and sent.toks[k].low in _MOTION_PREPS:
            k -= 1
        return (
            k >= 0
            and sent.toks[k].low in self.rl.motion
            and all(self._joined(sent, m, m + 1) for m in range(k, i))
        )

    def care_place(self, sent: Sentence, i: int, j: int) -> bool:
        """The place at token i is where the victims were cared for, not a target ("taken to
        the hospital", "died in a clinic", "is being treated at the military hospital")."""
        k = i - 1
        while k >= 0 and i - k <= 4 and sent.toks[k].low not in _CARE_VERBS:
            if sent.toks[k].low in _CARE_STOP or not self._joined(sent, k, k + 1):
                break
            k -= 1
        if k >= 0 and sent.toks[k].low in _CARE_VERBS and i - k <= 4:
            return True
        return self._cared_where(sent, j)

    def _cared_where(self, sent: Sentence, j: int) -> bool:
        """The place ending at token j is followed by "where" and a care verb ("the hospital
        where she was taken", "general hospital, where the victim was taken")."""
        n = len(sent.toks)
        k = j + 1
        if k >= n or sent.toks[k].low != "where":
            return False
        return any(t.low in _CARE_VERBS for t in sent.toks[k + 1 : k + 5])

    def verb_use(self, sent: Sentence, i: int, j: int) -> bool:
        """A one-word weapon used as a verb ("to bomb", "can bomb", "we bomb")."""
        if i != j or i == 0 or sent.toks[i].low.endswith("s"):
            return False
        return sent.toks[i - 1].low in _VERB_BEFORE and self._joined(sent, i - 1, i)

    def before_damage_noun(self, sent: Sentence, j: int) -> bool:
        """Token j modifies a noun naming damage ("property damage", "material losses")."""
        k = j + 1
        return k < len(sent.toks) and sent.toks[k].low in _DAMAGE_NOUNS and self._joined(sent, j, k)

    def near_cue(self, sent: Sentence, i: int, j: int, kinds: tuple[str, ...]) -> bool:
        return any(
            bool(found & set(kinds)) and (i - CUE_WINDOW <= k <= j + CUE_WINDOW)
            for k, found in sent.cues.items()
        )

    def agent_of_act(self, sent: Sentence, j: int) -> bool:
        """The phrase ending at token j is followed by an active attack verb (not by a
        participle that qualifies it: "the six priests murdered in november"), maybe after
        an auxiliary or time words ("gunmen last night killed", "the rebels recently
        murdered"), or after a relative pronoun when the verb harms or damages ("the people
        who kidnapped him"; not "the peasants who arrived")."""
        helped = False  # an auxiliary or "who" before the verb: a finite verb, no participle
        relative = False
        for k in range(j + 1, min(j + _AGENT_GAP + 2, len(sent.toks))):
            if not self._joined(sent, k - 1, k) and self._gap(sent, k - 1, k).strip() not in ("",):
                return False
            cues = sent.cues.get(k, frozenset())
            if "act" in cues:
                if relative and not cues & {"harm", "damage"}:
                    return False  # "the peasants who arrived": no attack told
                return helped or not self.reduced_passive(sent, k)
            low = sent.toks[k].low
            if low in _AUXILIARY or (k == j + 1 and low == "who"):
                helped = True
                relative = relative or low == "who"
            elif low not in self.rl.when:
                return False
        return False

    def reduced_passive(self, sent: Sentence, k: int) -> bool:
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

    def object_of_act(self, sent: Sentence, first: int) -> bool:
        """The phrase starting at token ``first`` is the object of an active attack verb right
        before it ("attacked the members of the patrol", "ambushed members of a religious
        group", "started to attack about 150 guerrillas"): the ones attacked."""
        k = first - 1
        while k >= 0 and (
            sent.toks[k].low in ("the", "a", "an", "about", "some", "nearly", "approximately")
            or perpetrators.counting_word(sent.toks[k].low)
        ):
            if not self._joined(sent, k, k + 1):
                return False
            k -= 1
        if k < 0 or not self._joined(sent, k, k + 1):
            return False
        cues = sent.cues.get(k, frozenset())
        if not cues & {"act", "harm"}:
            return False
        return not (k >= 1 and sent.toks[k - 1].low in ("was", "were", "been", "being"))

    def against_attackers(self, sent: Sentence, i: int, j: int) -> bool:
        """The people at tokens i..j act against attackers: the object of their act is an
        attacker by kind ("bodyguards shot the gunman", "policemen killed two of the
        kidnappers"), or the attacker is the subject of the passive verb whose agent they are
        ("the gunman, who was shot by policemen"): defenders, not perpetrators."""
        toks = sent.toks
        words = self.rl.attacker_words
        for k in range(j + 1, min(j + _AGENT_GAP + 2, len(toks))):
            if "act" in sent.cues.get(k, frozenset()):
                if any(toks[m].low in words for m in range(k + 1, min(k + 5, len(toks)))):
                    return True
                break
        k = i - 1
        while k >= 0 and toks[k].low != "by" and i - k <= 4:
            k -= 1
        if k >= 0 and toks[k].low == "by":
            return any(toks[m].low in words for m in range(max(0, k - 6), k))
        return False

    def speaker(self, sent: Sentence, j: int) -> bool:
        for k in range(j + 1, min(j + 3, len(sent.toks))):
            if "speech" in sent.cues.get(k, ()):
                # "the group claimed responsibility for the attack": a claim, not a report;
                # "soldiers accused of the massacre", "men charged with murder": the accused
                nxt = sent.toks[k + 1].low if k + 1 < len(sent.toks) else ""
                return not (perpetrators.claims_act(sent, k) or nxt in _CHARGE_PREPS)
            if sent.toks[k].low not in ("has", "have", "had", "also", "later"):
                return False
        return False

    def passive_harm(self, sent: Sentence, j: int) -> bool:
        """ "... were killed", "... died": the phrase ending at j is harmed."""
        skipped = 0  # adverbs between the auxiliary and the verb ("were also killed")
        for k in range(j + 1, min(j + 4 + skipped, len(sent.toks))):
            if (
                "harm" in sent.cues.get(k, ())
                and (
                    sent.toks[k].low in ("died", "dead")
                    # "were killed", "had been shot"; "had threatened" is active
                    or any(t.low not in ("had", "have", "has") for t in sent.toks[j + 1 : k])
                )
            ):
                return True
            if k > j + 1 and sent.toks[k].low in _PASSIVE_ADVERBS:
                skipped += 1
                continue
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

    def by_agent(self, sent: Sentence, i: int) -> bool:
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
        before = sent.toks[k - 1].low
        if (
            _verb_form(before)
            and before.endswith("ed")
            and before not in self.rl.by_doer
            and not sent.cues.get(k - 1, frozenset()) & {"harm", "damage", "act"}
        ):
            return False  # "a building owned by the family", "the body found by residents"
        # the act may be told a few words before: "kidnapped on 9 july by", "shot today near
        # the airport by" (within the clause: no punctuation between)
        for c in range(k - 1, max(-1, k - perpetrators.BY_REACH - 1), -1):
            if sent.cues.get(c, frozenset()) & {"harm", "damage", "act"}:
                return True
            if self._gap(sent, c, c + 1).strip():
                return False
        return False

    def by_agent_past_org(self, sent: Sentence, i: int) -> bool:
        """The phrase at i, right after an organisation's name (maybe with its other name in
        brackets or quotes), is the agent of a "by" phrase: "kidnapped by an eln (army of
        national liberation) cell", "by a uc-eln "nelson mandela" command group"."""
        k = self._before_org_name(sent, i - 1)
        return k != i - 1 and self.by_agent(sent, k + 1)

    def _before_org_name(self, sent: Sentence, k: int) -> int:
        """The token before the organisation's name that ends at token k (with its other
        name in brackets or quotes); k when no name ends there."""
        for _ in range(3):
            if k < 0:
                return k
            gap = self._gap(sent, k, k + 1) if k + 1 < len(sent.toks) else ""
            closing = next((c for c in (")", '"', "”") if gap.startswith(c)), None)
            if closing is not None:
                opening = {")": "(", '"': '"', "”": "“"}[closing]
                m = k
                while m >= 1 and not self._gap(sent, m - 1, m).endswith(opening) and k - m < 8:
                    m -= 1
                if m < 1 or not self._gap(sent, m - 1, m).endswith(opening):
                    return k
                k = m - 1
                continue
            tok = sent.toks[k]
            orgs = [
                o
                for o in self.find(sent.toks[0].start, tok.end, ["role_org"])
                if o.span.end == tok.end
            ]
            if not orgs:
                return k
            first = sent.by_start.get(min(o.span.start for o in orgs))
            if first is None or first > k:
                return k
            k = first - 1
        return k

    def name_at(self, sent: Sentence, i: int, titled: bool = False) -> int | None:
        """Index of the last token of a person's name starting at token i, or None.

        ``titled``: a title stands right before token i; in caseless text a common word there
        opens the name when two or more name words follow it up to a comma, "and" or the
        sentence's end ("sergeant vigil segovia rebolledo,")."""
        if titled and self.caseless and self._word_opens_name(sent, i):
            last = self.name_at(sent, i + 1)
            if last is not None and last >= i + 2 and self._name_ends_item(sent, last):
                return last
        j = i
        n = len(sent.toks)
        words = 0
        while j < n and words < MAX_NAME:
            tok = sent.toks[j]
            if j > i and not self._joined(sent, j - 1, j) and not self._initial(sent, j - 1):
                break
            if j > i and self._initial(sent, j):
                j += 1  # "emiliano j. pacheco": an initial between two name words
                continue
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

    def _initial(self, sent: Sentence, k: int) -> bool:
        """Token k is an initial inside a name: one letter and a full stop, after a name word
        and before one ("john f. kennedy", "emiliano j. pacheco")."""
        toks = sent.toks
        if not (0 < k < len(toks) - 1) or len(toks[k].low) != 1 or not toks[k].low.isalpha():
            return False
        if self._gap(sent, k, k + 1) != ". " or not self._joined(sent, k - 1, k):
            return False
        return self._name_word(toks[k - 1]) and self._name_word(toks[k + 1])

    def place_named(self, sent: Sentence, i: int) -> bool:
        """The name at token i follows "<settlement noun> of" ("the town of san x", "the
        province of x"), maybe after one word of the name ("san"): a place, not a person."""
        for k in (i - 1, i - 2):
            if k >= 1 and sent.toks[k].low == "of" and sent.toks[k - 1].low in self.rl.place_of:
                return all(self._joined(sent, m - 1, m) for m in range(k, i + 1))
        return False

    def honoured(self, sent: Sentence, i: int) -> bool:
        """The name at token i follows a phrase honouring it ("named after x", "in memory of
        x"), maybe after one title word ("in memory of father x"): named, not harmed."""
        low = [t.low for t in sent.toks]
        for end in (i, i - 1):
            for phrase in self.rl.named_for:
                a = end - len(phrase)
                if a >= 0 and tuple(low[a:end]) == phrase:
                    return True
        return False

    def _surname_like(self, sent: Sentence, j: int) -> bool:
        """The common word at token j could be a name word: not a closed-class word, head,
        plural, verb form or adverb."""
        low = sent.toks[j].low
        return not (
            len(low) < 3
            or not low.isalpha()
            or low in self.rl.stop
            or low in self.rl.heads
            or low in _NOT_SURNAMES
            or low.endswith("s")
            and _plural_word(low)
            or VERB_FORM.search(low)
            or low.endswith("ly")
        )

    def _word_opens_name(self, sent: Sentence, i: int) -> bool:
        """The common word at token i, joined to the next, may be a given name."""
        toks = sent.toks
        return (
            i + 2 < len(toks)
            and not self._name_word(toks[i])
            and self._surname_like(sent, i)
            and self._joined(sent, i, i + 1)
            and self._name_word(toks[i + 1])
        )

    def _name_ends_item(self, sent: Sentence, last: int) -> bool:
        """A comma, semicolon, "and" or the sentence's end follows the name ending at ``last``."""
        toks = sent.toks
        if last + 1 >= len(toks):
            return True
        gap = self._gap(sent, last, last + 1).strip()
        return gap in (",", ";", ".") or (not gap and toks[last + 1].low == "and")

    def _word_closes_name(self, sent: Sentence, j: int) -> bool:
        """In caseless text, the common word at token j, right after two or more name words,
        ends the name when a comma, the sentence's end or a passive verb follows it: a
        surname that is also an English word ("x y love was murdered", "x y ball, 21,")."""
        toks = sent.toks
        if j >= len(toks) or not self._joined(sent, j - 1, j):
            return False
        if not self._surname_like(sent, j) or toks[j - 1].low.endswith(("'s", "’s")):
            return False
        if j + 1 == len(toks):
            return True
        gap = self._gap(sent, j, j + 1).strip()
        if gap in (",", ".", ";"):
            return True
        if (  # "x y ball and z w were killed"
            not gap
            and toks[j + 1].low == "and"
            and j + 2 < len(toks)
            and self._name_word(toks[j + 2])
        ):
            return True
        return (
            not gap
            and toks[j + 1].low in ("was", "were")
            and j + 2 < len(toks)
            and (
                bool(sent.cues.get(j + 2, frozenset()) & {"harm"})
                or toks[j + 2].low in _RELEASED  # "x y reis were released"
            )
        )

    def _name_word(self, tok: Tok) -> bool:
        low = tok.low
        if len(low) < 2 or not low.replace("'", "").replace("-", "").isalpha():
            return False
        if low in self.rl.stop or low in self.rl.heads:
            return False
        if VERB_FORM.search(low) or low.endswith("ly") and _adverb(low):
            return False
        if not self.caseless:
            text = self.text[tok.start : tok.end]
            if not text[:1].isupper():
                return False
        elif not names.caseless_name_word(low):
            return False
        return True


@dataclass(slots=True)
class Found:
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
#: verbs that end a captivity, after "was" / "were" ("x y were released")
_RELEASED = frozenset("released freed rescued liberated".split())
_NOT_SURNAMES = frozenset(
    "herself themselves too alone both each all battalion brigade regiment division company "
    "command front army municipality department province district street avenue".split()
)
