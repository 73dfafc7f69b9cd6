"""Who a sentence's statement is attributed to.

Rules, not a parser.  A *reporting verb* ("said", "told", "stated", "alleged", "denied", ...) or
"according to" / "as reported by" marks a statement; its speakers are read from the words next to it:

* before the verb, back to the start of the clause ("The military said", "New Delhi has denied",
  "The military and Pakistan's interior minister, Mohsin Naqvi, alleged");
* after the verb when nothing stands before it ('..., said a hospital official');
* after "according to" / "reported by".

The subject is cut into speakers at "and" and commas; an appositive ("Shahid Rind, a spokesperson
for the Balochistan government"; "Pakistan's interior minister, Mohsin Naqvi") stays with its
person.  Each speaker is a named person (capitalised words next to a title or a reporting verb;
``actor_id = "person:<Name>"``, with the institution they speak for in ``on_behalf_of``), a lexicon
actor ("ISPR", "police", "Kabul"), "the group" (the last armed group named before), or a described
official ("a hospital official").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from sitrep.model import Span
from sitrep.text.dates import MONTHS, WEEKDAYS
from sitrep.text.lexicon import Lexicon, LexMatch
from sitrep.text.scan import last_end

REPORTING_VERBS = (
    "said says say saying stated states stating told tells telling added adds adding confirmed confirms "
    "confirming claimed claims claiming alleged alleges alleging denied denies deny denying noted notes "
    "noting indicated indicates indicating reported reports reporting announced announces announcing "
    "explained explains insisted insists maintained maintains asserted asserts revealed reveals disclosed "
    "discloses accused accuses accusing blamed blames blaming refuted refutes refuting rejected rejects "
    "rejecting dismissed dismisses warned warns acknowledged acknowledges informed briefed stressed "
    "emphasised emphasized declared declares vowed contended argued"
).split()

_VERB_RE = re.compile(r"\b(?:" + "|".join(REPORTING_VERBS) + r")\b")
_ACCORDING = re.compile(
    r"\b(?:according\s+to|as\s+reported\s+by|reported\s+by|quoted\s+by)\s+", re.I
)
# words between a subject and its verb: "has", "also", "has repeatedly", "on Monday"
_AUX_TAIL = re.compile(
    r"(?:\s+(?:has|have|had|also|further|later|repeatedly|again|previously|earlier|reportedly|"
    r"officially|categorically|strongly|flatly|swiftly|immediately|subsequently|separately|"
    r"on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|(?:had|has|have)\s+been))+\s*$",
    re.I,
)
# (a full stop after one capital letter is an initial or "U.S.", no boundary)
_HARD_BOUNDARY = re.compile(
    r"[;:()\[\]\"\u201c\u201d]|(?<!\b[A-Z])\.\s|\b(?:that|which|whom|although|though|while|whereas|but|because|"
    r"since|after|before|when|if|however|whether|where|as|so|yet)\b",
    re.I,
)
# how far past its start an attempt of _HARD_BOUNDARY looks: its longest word ("although",
# "whereas") and the character after it (for the word boundary); a bound, with room to spare
_HARD_REACH = 16
_LONG_CLAUSE = 1000

# _aux_tail: the window searched first, and the run of blanks that makes it fall back
_AUX_WINDOW = 400
_AUX_SURE = 200
_LONG_SPACE = re.compile(r"\s{90}")


def _aux_tail(text: str, start: int, end: int) -> re.Match[str] | None:
    """``_AUX_TAIL.search(text, start, end)``, searching the last ``_AUX_WINDOW`` characters.

    A tail match starting before the window would run on through it, and its part in the
    window (a word of the tail is at most 13 letters or two words around a blank run, blanks
    here under 90) reaches less than ``_AUX_SURE`` into it: the window then has a match that
    starts within ``_AUX_SURE`` of its start.  So a window with no match, or with a match
    starting later, gives what the whole search gives; anything else is searched whole.
    """
    w = end - _AUX_WINDOW
    if w > start and not _LONG_SPACE.search(text, w, end):
        m = _AUX_TAIL.search(text, w, end)
        if m is None or m.start() - w >= _AUX_SURE:
            return m
    return _AUX_TAIL.search(text, start, end)


_PIECE_SPLIT = re.compile(
    r"\s*,\s*(?:and\s+|as\s+well\s+as\s+)?|\s+and\s+|\s+as\s+well\s+as\s+|\s+&\s+"
)
_LEADING_ADVERBIAL = re.compile(
    r"^(?:on|in|at|during|late|early|earlier|later|meanwhile|separately|subsequently|however|"
    r"moreover|also|speaking|talking|addressing|last|this|following|after|before|since|for|"
    r"responding|reacting|separately|by|by\s+late|until|within|overnight|yesterday|today)\b",
    re.I,
)
_ROLE_OF = re.compile(
    r"^(?:the|a|an)\s+((?:[\w-]+\s+){0,2}[\w-]+)\s+(?:of|for|at|in)\s+(?:the\s+)?[\w\s'-]{2,40}$",
    re.I,
)
_INSTITUTION_HEADS = frozenset(
    "office ministry department commission directorate secretariat agency service".split()
)
_DESCRIBES_ANOTHER = re.compile(
    r"^(?:a|an|the)\s+[\w-]+(?:\s+[\w-]+)?\s+(?:of|to|from|with)\s", re.I
)
_VERB_LEAD = re.compile(
    r"^(?:is|was|are|were|has|have|had|which|who|that|killing|wounding|including)\b", re.I
)
_QUALIFIER = re.compile(r"^[a-z'\u2019-]+$")
_NOT_QUALIFIERS = frozenset(
    "of to by for with from in on at is was are were has have had which who that and or "
    "one two three four five six seven eight nine ten dozen several some many".split()
)
_FINITE = re.compile(r"\b(?:were|was|are|is|had|have|has|been)\b", re.I)
_DETERMINER = re.compile(r"^(?:the|a|an|its|their|his|her)\s+", re.I)

ROLE_WORDS = frozenset(
    """
    spokesperson spokesman spokeswoman spokespersons spokesmen minister ministers official officials
    officer officers chief chiefs head director commander secretary governor president adviser advisor
    analyst analysts source sources witness witnesses resident residents doctor doctors administrator
    commissioner superintendent inspector sho deputy senior provincial federal interior foreign home
    information prime general lieutenant colonel major brigadier managing executive mayor senator
    lawmaker leader leaders representative representatives envoy ambassador premier chairman chairperson
    founder member members expert experts researcher researchers journalist journalists reporter
    reporters correspondent eyewitness eyewitnesses survivor survivors relative relatives police
    medic medics rescuer rescuers rescue worker workers staff employee employees elder elders
    """.split()
)
TITLE_WORDS = ROLE_WORDS | frozenset(
    """
    mr mrs ms dr gen lt col maj capt brig adm sen rep gov prof justice retired ret the a an
    national assembly district regional state army military police counter terrorism department
    defence defense railways health finance planning affairs ministry
    """.split()
)
_GROUP_ANAPHOR = re.compile(
    r"^(?:the|this|that)\s+(?:militant\s+|terrorist\s+|separatist\s+|insurgent\s+|armed\s+|banned\s+|outlawed\s+|proscribed\s+|"
    r"jihadist\s+|extremist\s+|islamist\s+|rebel\s+|"
    # "the al-Qaeda-linked group": the group told before, not al-Qaeda
    r"[\w'\u2019-]+-(?:linked|affiliated|allied|aligned|backed|inspired|led)\s+)*"
    r"(?:group|outfit|organisation|organization|movement|militants|insurgents)$",
    re.I,
)
_NAME_PARTICLES = frozenset({"ul", "ur", "al", "bin", "ibn", "de", "van", "von", "el", "ud", "u"})
_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019\-\.]*")


@dataclass(frozen=True, slots=True)
class Source:
    """A speaker a statement is attributed to.

    ``name`` is as written ("Mohsin Naqvi", "the military", "a hospital official"); ``actor_id``
    a lexicon id, ``person:<Name>`` for people, or None; ``kind`` a model.ActorKind value.
    ``role`` is the title or description written with a person ("Pakistan's interior minister");
    ``on_behalf_of`` the lexicon id of the institution a person speaks for.
    """

    name: str
    span: Span
    actor_id: str | None
    kind: str
    role: str | None = None
    role_span: Span | None = None
    on_behalf_of: str | None = None
    on_behalf_of_span: Span | None = None
    verb: Span | None = None


# --------------------------------------------------------------------------- helpers


_NOT_UPPER = re.compile(r"[^A-Z\u00c0-\u00de]+")
_NOT_LOWER = re.compile(r"[^a-z\u00df-\u00ff]+")


@lru_cache(maxsize=64)  # asked once per statement verb of a sentence
def _caseless(s: str) -> bool:
    upper, lower = len(_NOT_UPPER.sub("", s)), len(_NOT_LOWER.sub("", s))
    return upper + lower > 0 and (upper == 0 or lower == 0)


def _actors(text: str, start: int, end: int, lexicon: Lexicon, caseless: bool) -> list[LexMatch]:
    return lexicon.find(text, start, end, kinds=("actor",), case_sensitive_acronyms=not caseless)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",'\u2018\u2019"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",'\u2018\u2019"):
        end -= 1
    return start, end


def _is_cap(word: str) -> bool:
    return word[:1].isupper()


def _named_in_full_before(text: str, token: tuple[int, int, str]) -> bool:
    """ "Kiper said": a surname whose person the article named in full before ("Oleh Kiper")."""
    return _full_name_before(text, token[0], token[2]) is not None


def _full_name_before(text: str, start: int, word: str) -> str | None:
    """The full name ("Oleh Kiper") the article gave before ``start`` to the surname ``word``."""
    word = word.rstrip(".")
    if len(word) < 3 or not word[:1].isupper() or word.isupper():
        return None
    found = list(re.finditer(r"\b[A-Z][\w'\u2019-]+\s+" + re.escape(word) + r"\b", text[:start]))
    return found[-1].group(0) if found else None


def _person_name(
    text: str, start: int, end: int, actor_spans: list[Span]
) -> tuple[Span, Span | None] | None:
    """The person's name in ``text[start:end]`` (and the title before it), if any."""
    tokens = [
        (m.start() + start, m.end() + start, m.group(0)) for m in _WORD.finditer(text[start:end])
    ]
    runs: list[list[tuple[int, int, str]]] = []
    run: list[tuple[int, int, str]] = []
    for tok in tokens:
        s, e, w = tok
        covered = any(a.start <= s < a.end for a in actor_spans)
        bare = w.rstrip(".").lower()
        if not covered and (_is_cap(w) or (run and bare in _NAME_PARTICLES)):
            run.append(tok)
            continue
        if run:
            runs.append(run)
        run = []
    if run:
        runs.append(run)
    for run in reversed(runs):
        # titles in front ("Interior Minister", "Provincial chief minister") are not the name
        i = 0
        while i < len(run) and run[i][2].rstrip(".").lower().rstrip("'\u2019s") in TITLE_WORDS:
            i += 1
        name = run[i:]
        while name and name[-1][2].lower() in _NAME_PARTICLES:
            name.pop()
        if not name:
            continue
        if any(t[2].rstrip(".").lower() in TITLE_WORDS for t in name):
            continue
        if name[-1][2].endswith(("'s", "\u2019s")):
            continue  # "Burkina Faso's government": the owner of the speaker, not a person
        titled = i > 0 or _has_role_before(text, start, name[0][0])
        if len(name) == 1 and not titled and not _named_in_full_before(text, name[0]):
            continue
        s, e = name[0][0], name[-1][1]
        if text[e - 1] == ".":
            e -= 1
        role = None
        rs, re_ = _trim(text, start, s)
        if re_ <= rs:  # "Shahid Rind, a spokesperson for ...": the appositive is the role
            rs, re_ = _trim(text, e, end)
        if re_ > rs:
            role = Span.of(text, rs, re_)
        return Span.of(text, s, e), role
    return None


def _has_role_before(text: str, start: int, pos: int) -> bool:
    words = re.findall(r"[A-Za-z]+", text[start:pos].lower())
    return bool(words) and words[-1] in ROLE_WORDS


def _last_armed_group(text: str, before: int, lexicon: Lexicon, caseless: bool) -> LexMatch | None:
    lo = max(0, before - 1500)
    found = [
        m
        for m in _actors(text, lo, before, lexicon, caseless)
        if m.entry.attrs.get("actor_kind") == "armed_group" and not m.entry.attrs.get("generic")
    ]
    return found[-1] if found else None


def _piece_source(
    text: str, start: int, end: int, lexicon: Lexicon, caseless: bool, verb: Span | None
) -> Source | None:
    """One speaker read from ``text[start:end]`` (a piece of a subject)."""
    start, end = _trim(text, start, end)
    if end <= start:
        return None
    piece = text[start:end]
    if len(piece.split()) > 14:
        return None
    actors = _actors(text, start, end, lexicon, caseless)
    branch = _group_branch(text, actors, end)
    if branch is not None:
        # "the Islamic State's Central Africa Province claimed": the group speaks
        return Source(branch.text, branch, actors[-1].entry.id, "armed_group", verb=verb)
    person = None if caseless else _person_name(text, start, end, [a.span for a in actors])
    if person is not None:
        name, role = person
        inst = _institution(actors)
        # "Kiper said" after "regional governor Oleh Kiper": the same person
        full = _full_name_before(text, name.start, name.text) if " " not in name.text else None
        return Source(
            name=full or name.text,
            span=name,
            actor_id=f"person:{full or name.text}",
            kind="official",
            role=role.text if role else None,
            role_span=role,
            on_behalf_of=inst.entry.id if inst else None,
            on_behalf_of_span=inst.span if inst else None,
            verb=verb,
        )
    bare = _DETERMINER.sub("", piece).strip()
    if _GROUP_ANAPHOR.match(piece.strip()):
        group = _last_armed_group(text, start, lexicon, caseless)
        if group is not None:
            return Source(
                piece.strip(), Span.of(text, start, end), group.entry.id, "armed_group", verb=verb
            )
    if actors:
        # the speaker is the head of the piece: the last actor, unless a role follows it
        # ("Pakistan's interior ministry" is one match; "police officials" too)
        a = _institution(actors, prefer_last=True)
        assert a is not None
        words_after = re.findall(r"[A-Za-z]+", text[a.span.end : end].lower())
        if words_after and words_after[0] in ROLE_WORDS:
            # "a Balochistan government spokesman": the spokesman speaks for the government
            return Source(
                piece,
                Span.of(text, start, end),
                None,
                "official",
                role=piece,
                role_span=Span.of(text, start, end),
                on_behalf_of=a.entry.id,
                on_behalf_of_span=a.span,
                verb=verb,
            )
        kind = str(a.entry.attrs.get("actor_kind", "unknown"))
        words_before = re.findall(r"[A-Za-z]+", text[start : a.span.start].lower())
        if any(w in ROLE_WORDS for w in words_before):
            # "a spokesman for the provincial police": someone speaking for the police
            return Source(
                piece,
                Span.of(text, start, end),
                None,
                "official",
                role=piece,
                role_span=Span.of(text, start, end),
                on_behalf_of=a.entry.id,
                on_behalf_of_span=a.span,
                verb=verb,
            )
        if _DESCRIBES_ANOTHER.match(piece.strip()) or _VERB_LEAD.match(piece.strip()):
            # "ISWAP, a rival of Boko Haram, claimed": the piece describes the speaker before it
            return None
        if (
            words_before
            and len(bare.split()) <= 4
            and a.span.end == end
            and all(_QUALIFIER.match(w) for w in words_before)
            and not any(w in _NOT_QUALIFIERS for w in words_before)
        ):
            # "railway police", "the provincial government": the institution with its qualifier
            b_start = start + (len(piece) - len(piece.lstrip()))
            d = _DETERMINER.match(text, b_start)
            b_start = d.end() if d else b_start
            return Source(
                text[b_start:end], Span.of(text, b_start, end), a.entry.id, kind, verb=verb
            )
        owned = _owned_body(text, a.span.end, end)
        if owned is not None:
            # "Russia's defence ministry said": the ministry speaks, for the state named
            span = Span.of(text, a.span.start, owned)
            return Source(span.text, span, a.entry.id, kind, verb=verb)
        return Source(a.span.text, a.span, a.entry.id, kind, verb=verb)
    words = re.findall(r"[A-Za-z]+", bare.lower())
    if words and words[-1] in ROLE_WORDS:
        return Source(piece, Span.of(text, start, end), None, "official", role=piece, verb=verb)
    # "the deputy governor of the province", "the Michoacan state prosecutor's office"
    head = _ROLE_OF.match(piece.strip())
    if head and any(w in ROLE_WORDS for w in re.findall(r"[A-Za-z]+", head.group(1).lower())):
        return Source(
            piece.strip(),
            Span.of(text, start, end),
            None,
            "official",
            role=piece.strip(),
            verb=verb,
        )
    if words and words[-1] in _INSTITUTION_HEADS and _DETERMINER.match(piece.strip()):
        return Source(piece.strip(), Span.of(text, start, end), None, "organization", verb=verb)
    named = _NAMED_BODY.match(text, start, end)
    if named is not None and verb is not None and _ACCORDING.match(verb.text) and not caseless:
        # "according to Indepaz", "according to the human rights group Indepaz": a body no
        # lexicon lists, named after the phrase that marks a statement
        span = Span.of(text, named.start("name"), named.end("name"))
        kind = "organization" if named.group("head") else "unknown"
        return Source(span.text, span, None, kind, verb=verb)
    return None


# a capitalised name, after an optional description ending in a word for a body ("the human
# rights group Indepaz", "the monitoring group Acled")
_NAMED_BODY = re.compile(
    r"\s*(?:(?:the|a|an)\s+)?(?:(?:[a-z][\w-]*\s+){0,4}(?P<head>group|organi[sz]ation|monitor|"
    r"observatory|institute|network|watchdog|foundation|centre|center|council|coalition|"
    r"project|charity|ngo|think\s+tank)\s+)?"
    r"(?P<name>[A-Z][\w'\u2019.&-]*(?:\s+(?:of|for|and|on|the|[A-Z][\w'\u2019.&-]*))*?"
    r"(?:\s+[A-Z][\w'\u2019.&-]*)?)\s*$"
)


_OWNED = re.compile(
    r"(?:['\u2019]s|-(?:run|controlled|led|administered))\s+((?:[A-Za-z-]+\s+){0,2}([A-Za-z]+))\s*$"
)


def _group_branch(text: str, actors: list[LexMatch], end: int) -> Span | None:
    """The span of "<armed group>'s <branch>" when it ends the speaker piece and its head is a
    branch or unit word (``group_unit`` cue of roles_cues.toml): "the Islamic State's Central
    Africa Province", "Hamas's armed wing"; else None."""
    from sitrep.extract.role_reader import role_lexicon

    if not actors or actors[-1].entry.attrs.get("actor_kind") != "armed_group":
        return None
    a = actors[-1]
    m = _OWNED_BRANCH.match(text, a.span.end, end)
    if m is None or m.group(1).lower() not in role_lexicon().group_unit:
        return None
    return Span.of(text, a.span.start, m.end())


_OWNED_BRANCH = re.compile(r"['\u2019]s\s+(?:[A-Za-z-]+\s+){0,3}([A-Za-z]+)\s*$")


def _owned_body(text: str, start: int, end: int) -> int | None:
    """Where "'s <body>" (or "-run <body>") after an actor ends, when it ends the speaker piece
    and its head is a civilian body's ("Russia's defence ministry", "the Houthi-run health
    ministry"; heads from the
    ``civil_body`` cue of roles_cues.toml), else None."""
    from sitrep.extract.role_reader import role_lexicon

    m = _OWNED.match(text, start, end)
    if m is None or m.group(2).lower() not in role_lexicon().civil_body:
        return None
    return m.end(1)


def _institution(actors: list[LexMatch], prefer_last: bool = False) -> LexMatch | None:
    if not actors:
        return None
    return (
        actors[-1]
        if prefer_last
        else max(actors, key=lambda a: (a.span.end - a.span.start, -a.span.start))
    )


def _split_pieces(
    text: str, start: int, end: int, protected: list[Span] | None = None
) -> list[tuple[int, int]]:
    """Subject pieces at commas and "and" (never inside an actor's name), with appositives
    merged into their person."""
    cuts: list[tuple[int, int]] = []
    pos = start
    for m in _PIECE_SPLIT.finditer(text, start, end):
        if protected and any(p.start < m.start() < p.end for p in protected):
            continue
        cuts.append((pos, m.start()))
        pos = m.end()
    cuts.append((pos, end))
    pieces = [c for c in cuts if c[1] > c[0]]
    merged: list[tuple[int, int]] = []
    for s, e in pieces:
        chunk = text[s:e].strip()
        if merged and _is_appositive(text, merged[-1], chunk):
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


_LIST_AND = re.compile(r"\band\b|&|\bas\s+well\s+as\b", re.I)
_DAY_AND_MONTH_WORDS = frozenset({*WEEKDAYS, *MONTHS, "today", "yesterday"})
_RELATIVE_PIECE = re.compile(r"\s*(?:who|whom|whose|which)\b", re.I)
_INDEFINITE_PIECE = re.compile(r"\s*(?:a|an)\s", re.I)
#: "al-Shabab, the al-Qaida-linked extremist group, claimed": a definite description of a
#: group after its name is set off too (its last word is one of these)
_GROUP_DESCRIPTION = re.compile(
    r"\s*the\s(?:[^,]*\s)?(?:group|organi[sz]ation|movement|militia|faction|outfit|network|"
    r"insurgency|affiliate|offshoot|wing|alliance|coalition)"
    r"(?:\s+(?:in|of|for|across)\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+)?)?\s*$",
    re.I,
)
_LIST_ITEM_WORDS = 6
_CLAUSE_WORD = re.compile(
    r"\b(?:on|in|at|near|from|after|before|during|since|when)\b", re.I
)  # "the provincial home department" is an item; a clause's tail is longer


def _speaker_list(text: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The pieces before the verb that are its speakers: the last one, and the short ones of a
    list ending in "and" ("police, soldiers and officials said").  A bare comma before the last
    piece ends the statement, not a list ("... in central Mali's Mopti region, local officials
    said"), and a long piece is the statement's tail."""
    # "Interior Minister X, who visited the facility, said": the relative clause is set off
    # "the Islamic State West Africa Province, a rival of Boko Haram, claimed": so is an
    # indefinite description after a name
    while len(pieces) > 1 and (
        _RELATIVE_PIECE.match(text, pieces[-1][0])
        or (
            _INDEFINITE_PIECE.match(text, pieces[-1][0])
            or _GROUP_DESCRIPTION.fullmatch(text, pieces[-1][0], pieces[-1][1])
        )
        and _looks_like_name(_DETERMINER.sub("", text[pieces[-2][0] : pieces[-2][1]].strip()))
    ):
        pieces = pieces[:-1]
    keep = pieces[-1:]
    for i in range(len(pieces) - 2, -1, -1):
        sep = text[pieces[i][1] : pieces[i + 1][0]]
        if i == len(pieces) - 2 and not _LIST_AND.search(sep):
            break
        item = text[pieces[i][0] : pieces[i][1]]
        if len(item.split()) > _LIST_ITEM_WORDS or _CLAUSE_WORD.search(item):
            break  # "... villages near Lake Chad on Saturday and Sunday, a local official said"
        keep.insert(0, pieces[i])
    return keep


def _is_appositive(text: str, prev: tuple[int, int], chunk: str) -> bool:
    prev_text = text[prev[0] : prev[1]]
    words = re.findall(r"[A-Za-z]+", chunk.lower())
    # ", a spokesperson for the Balochistan government" / ", managing director of PICSS"
    if re.match(r"^(?:a|an|the)\s", chunk, re.I) and any(w in ROLE_WORDS for w in words[:5]):
        return _looks_like_name(prev_text)
    if words and words[0] in ROLE_WORDS and _looks_like_name(prev_text):
        return True
    # "Pakistan's interior minister, Mohsin Naqvi"
    prev_words = re.findall(r"[A-Za-z]+", prev_text.lower())
    return bool(prev_words) and prev_words[-1] in ROLE_WORDS and _looks_like_name(chunk)


def _looks_like_name(s: str) -> bool:
    toks = s.strip().split()
    if len(toks) == 1 and toks[0].lower().rstrip(".,") in _DAY_AND_MONTH_WORDS:
        return False  # "on Saturday and Sunday, a local official said"
    # "al-Islam", "wal-Muslimin": an Arabic article glued to a capitalised name
    return 1 <= len(toks) <= 5 and all(
        _is_cap(t) or t.lower() in _NAME_PARTICLES or ("-" in t and _is_cap(t.rsplit("-", 1)[1]))
        for t in toks
    )


# --------------------------------------------------------------------------- public


def subject_before(
    text: str, clause_start: int, verb: Span, lexicon: Lexicon, *, caseless: bool | None = None
) -> list[Source]:
    """The speakers standing before ``verb`` (back to the start of its clause)."""
    if caseless is None:
        caseless = _caseless(text[clause_start : verb.end])
    left_end = verb.start
    m = _aux_tail(text, clause_start, left_end)
    if m:
        left_end = m.start()
    left = clause_start
    if left_end - clause_start > _LONG_CLAUSE:  # a long sentence, asked about verb by verb
        found = last_end(_HARD_BOUNDARY, text, clause_start, left_end, _HARD_REACH)
        left = found if found >= 0 else clause_start
    else:
        for b in _HARD_BOUNDARY.finditer(text, clause_start, left_end):
            left = b.end()
    s, e = _trim(text, left, left_end)
    if e <= s:
        return []
    # drop a leading adverbial ("On Monday, the military said")
    while True:
        comma = text.find(",", s, e)
        if comma < 0 or not _LEADING_ADVERBIAL.match(text[s:e]):
            break
        s, e = _trim(text, comma + 1, e)
    # "... 31 attackers were killed, the military said": the subject follows the last comma
    # after a finite verb (the words before it are the statement, not who made it)
    fin = None
    for fm in _FINITE.finditer(text, s, e):
        fin = fm
    if fin is not None:
        comma = text.rfind(",", fin.end(), e)
        if comma > 0:
            s, e = _trim(text, comma + 1, e)
            if e <= s:
                return []
    if len(text[s:e].split()) > 16:
        # too long for a subject: keep the words right before the verb
        s = max(s, e - 80)
        sp = text.find(" ", s)
        s = sp + 1 if 0 <= sp < e else s
    out = []
    protected = [a.span for a in _actors(text, s, e, lexicon, caseless)]
    for ps, pe in _speaker_list(text, _split_pieces(text, s, e, protected)):
        src = _piece_source(text, ps, pe, lexicon, caseless, verb)
        if src is not None:
            out.append(src)
    return out


def object_after(
    text: str,
    start: int,
    end: int,
    lexicon: Lexicon,
    *,
    verb: Span | None = None,
    caseless: bool | None = None,
) -> list[Source]:
    """Speakers named right after ``start`` ("according to police and officials", "said a doctor")."""
    if caseless is None:
        caseless = _caseless(text[start:end])
    m = re.search(
        r"[,.;:()\"\u201c\u201d]|\s(?:in|on|at|who|which|that|after|when|while)\s", text[start:end]
    )
    stop = start + m.start() if m else end
    protected = [a.span for a in _actors(text, start, stop, lexicon, caseless)]
    return [
        src
        for ps, pe in _split_pieces(text, start, stop, protected)
        if (src := _piece_source(text, ps, pe, lexicon, caseless, verb)) is not None
    ]


def find_speakers(text: str, sentence: Span, lexicon: Lexicon) -> list[Source]:
    """Every speaker of every statement in the sentence, in text order."""
    caseless = _caseless(sentence.text)
    out: list[Source] = []
    for m in _ACCORDING.finditer(text, sentence.start, sentence.end):
        verb = Span.of(text, m.start(), m.end())
        out.extend(object_after(text, m.end(), sentence.end, lexicon, verb=verb, caseless=caseless))
    for m in _VERB_RE.finditer(text, sentence.start, sentence.end):
        verb = Span.of(text, m.start(), m.end())
        if _ACCORDING.match(text, m.start()):
            continue
        found = subject_before(text, sentence.start, verb, lexicon, caseless=caseless)
        if not found and m.group(0) in ("said", "says", "added", "stated", "told", "confirmed"):
            found = object_after(text, m.end(), sentence.end, lexicon, verb=verb, caseless=caseless)
            found = [f for f in found if m.group(0) != "told" or f.kind == "official"]
        out.extend(found)
    seen: set[tuple[int, int]] = set()
    uniq = []
    for s in sorted(out, key=lambda s: (s.span.start, s.span.end)):
        if (s.span.start, s.span.end) not in seen:
            seen.add((s.span.start, s.span.end))
            uniq.append(s)
    return uniq


def find_source(text: str, sentence: Span, lexicon: Lexicon) -> Source | None:
    """Who the sentence's statement is attributed to (the first speaker), None if nobody."""
    speakers = find_speakers(text, sentence, lexicon)
    return speakers[0] if speakers else None


__all__ = [
    "Source",
    "find_source",
    "find_speakers",
    "subject_before",
    "object_after",
    "REPORTING_VERBS",
]
