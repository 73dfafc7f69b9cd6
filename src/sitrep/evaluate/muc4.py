"""MUC-4: our incidents as MUC-4 templates, scored with the GTT micro-F1 (Du et al. 2021).

Mapping (one template per incident; see docs/evaluation.md for the reasons):

- incident type: kidnapping / hijacking -> ``kidnapping``; bombing/explosion -> ``bombing``;
  facility attack with an incendiary weapon -> ``arson`` (with explosives -> ``bombing``);
  armed assault, assassination, unarmed assault, other facility attacks, unknown -> ``attack``.
  Incidents that are only an armed clash or a security operation give no template: MUC-4 keys
  code terrorist acts, not battles or army operations.
- PerpOrg: perpetrators resolved to a named organisation (a non-generic lexicon actor), the
  text of their first mention.  PerpInd: generic perpetrators ("gunmen", "guerrillas").
- Target (physical): target mentions whose last word is not a person noun ("police post"),
  military ones left out ("the garrison", "an army convoy": MUC-4 codes those as combat);
  an incident whose only physical targets are military and that names no victim gives no
  template.
- Victim (human): target mentions whose last word is a person noun ("policemen") plus the
  counted words of the incident's killed / injured / abducted figures that are not militants.
- Weapon: weapon mentions.

Scoring (GTT's ``eval.py`` semantics, written anew and checked against it): fillers are
normalised as GTT does (lower case, ASCII punctuation deleted, no a/an/the); a predicted
entity matches a gold entity when all its mentions are among the gold entity's coreferent
mentions.  A predicted template aligns only with a gold template of the same incident type
("attack" also with "bombing / attack"); an aligned pair counts the incident type as one
correct filler on both sides; a prediction is correct when it matches any gold entity of its
role in the aligned template, a gold entity is found when any prediction matches it.  Per
document the one-to-one template alignment with the best F1 is chosen by exhaustive search
(as GTT does).  Unaligned templates count all their fillers as spurious or missing.  Counts
are summed over documents; micro P/R/F1 over incident type and the five roles.

A second, stricter variant (``ceaf_ree``) also matches each gold entity and each prediction
at most once within a role (maximum bipartite matching), as CEAF-style entity alignment does.

The key-location measure scores geocoding: per document whose answer key gives an incident
location, whether some extracted incident place lies in the key's country and, when the key
names a city (or a place within one), is that city.
"""

from __future__ import annotations

import logging
import re
import string
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from sitrep.evaluate.datasets import MUC_ROLES, MucDocument, MucTemplate
from sitrep.evaluate.extractor import Extractor, RunStats, default_extractor, run_all
from sitrep.evaluate.muc4_filter import Header, RelevanceFilter, bundled_filter, muc_header
from sitrep.evaluate.scoring import Counts, best_assignment, fold, max_bipartite, normalise
from sitrep.model import (
    AttackType,
    Category,
    Extraction,
    FigureStatus,
    Incident,
    Level,
    Place,
    Span,
)

log = logging.getLogger(__name__)

ROLE_KEYS: tuple[str, ...] = ("incident_type", *MUC_ROLES)

#: last words of a target mention that make it a human target (MUC "HUM TGT"), not a physical one
PERSON_NOUNS = frozenset(
    """
    personnel soldier soldiers troops trooper troopers policeman policemen police constable constables
    cop cops officer officers official officials employees servants politician politicians lawmaker
    legislator senator candidate mayor councillor councilor elder elders worker workers civilian
    civilians residents villagers bystanders pedestrians crowd women children labourers laborers
    tribesmen refugees passenger passengers commuters travellers travelers student students teacher
    teachers schoolchildren worshippers worshipers congregation imam cleric scholar priest priests
    pilgrims christians hindus sikhs ahmadis staff doctors nurses vaccinators journalist journalists
    reporter reporters cameraman photojournalist businessman businessmen trader traders shopkeeper
    shopkeepers miners foreigners nationals national engineers citizens tourists diplomats
    expatriates militants terrorists insurgents khawarij forces rangers levies inmates prisoners
    community patrol guards guard bodyguard bodyguards peasants peasant people persons judge judges
    """.split()
)
EXPLOSIVE_WEAPONS = frozenset(
    {"suicide_vest", "ied", "vehicle_bomb", "grenade", "explosives", "landmine", "rocket", "mortar"}
)
#: weapons of remote violence (ACLED "shelling/artillery/missile attack", "air/drone strike")
PROJECTILE_WEAPONS = frozenset({"rocket", "mortar", "artillery", "airstrike", "drone"})
#: weapons of a strike from the air (ACLED "air/drone strike")
AIR_WEAPONS = frozenset({"airstrike", "drone"})
#: weapons that make an explosion a bombing in MUC-4's sense (a device placed, thrown or driven);
#: "explosives" is left out: it is also tagged from the bare act ("blast", "explosion")
DEVICE_WEAPONS = frozenset({"suicide_vest", "ied", "vehicle_bomb", "grenade", "landmine"})
#: weapon kinds that name an explosive set off at the target when told as an instrument
DEVICE_OR_EXPLOSIVE = DEVICE_WEAPONS | {"explosives"}
#: trigger entries (triggers.toml) that report an explosion or a bombing
EXPLOSION_TRIGGERS = frozenset(
    {"explosion", "explode_verb", "bombing", "suicide_bombing", "suicide_detonation"}
)
#: trigger entries (triggers.toml) that tell a person shot or killed: the killing words
#: (``assassination_if_named``: murder, killing, killed, shot dead) and "opened fire"
SHOOTING_TRIGGERS = frozenset({"murder", "killing", "killed_named", "shot_dead", "open_fire"})
#: bare plural explosion nouns: "explosions were heard" during a shooting names no device
BARE_EXPLOSION_PLURALS = frozenset({"explosions", "blasts", "detonations"})
#: template types given only with at least one role filler: on train a bombing with none aligns
#: with a key in 5 of 35 documents, a kidnapping in 4 of 24 (an attack in 40 of 104, kept)
BARE_DROPPED = frozenset({"bombing", "kidnapping"})
#: trigger entries (triggers.toml) that tell property taken: MUC-4 incident type robbery
ROBBERY_TRIGGERS = frozenset({"robbery"})
NON_MUC_TYPES = frozenset({AttackType.ARMED_CLASH, AttackType.SECURITY_OPERATION})
VICTIM_STATUSES = frozenset({FigureStatus.KILLED, FigureStatus.INJURED, FigureStatus.ABDUCTED})


# --------------------------------------------------------------------------- mapping


@lru_cache(maxsize=1)
def _generic_actor_ids() -> frozenset[str]:
    """Lexicon actors marked ``generic`` (unnamed militants, gunmen, death squads...)."""
    try:
        from sitrep.text.lexicon import default_lexicon

        return frozenset(e.id for e in default_lexicon().entries("actor") if e.attrs.get("generic"))
    except Exception as exc:  # pragma: no cover - lexicon broken or absent
        log.warning("could not read generic actors from the lexicon: %s", exc)
        return frozenset({"MILITANTS"})


def muc_incident_type(incident: Incident, text: str | None = None) -> str | None:
    """The MUC-4 incident type of one of our incidents, or None when it is not a MUC event.

    ``text`` is the article text the incident's spans point into (to read what follows its
    attack words); without it those readings are skipped."""
    types = set(incident.types)
    if not types or types <= NON_MUC_TYPES:
        # a clash or an operation told with an attack word of its own ("guerrillas attacked the
        # post ... the fighting lasted four hours", "the rebels set fire to a car" during
        # confrontations): the keys code the attack
        types = _attack_word_types(incident)
        if (
            not types
            and any(a.role == "victim" and a.named for a in incident.arguments)
            and not (text and _clash_with_state(incident, text))
        ):
            # a named person killed or hurt in a clash ("a reporter, x, was killed in a
            # shootout"): the keys give the harm to a named person an attack template; not when
            # the clash is with the police or the army ("x died in a clash with the police"):
            # the dead fought the state, which the keys leave out (combat, state action)
            types = {AttackType.UNKNOWN}
        if not types:
            return None
    weapons = {w.kind for w in incident.weapons}
    if types & {AttackType.KIDNAPPING, AttackType.HIJACKING}:
        return "kidnapping"
    if incident.triggers and all(t.kind in ROBBERY_TRIGGERS for t in incident.triggers):
        # "guerrillas looted stores", "gunmen robbed a bank, killing a guard": MUC-4 robbery
        # (told with other acts, the robbery is a template of its own: ``_robbery``)
        return "robbery"
    if AttackType.BOMBING in types:
        if weapons & PROJECTILE_WEAPONS and not weapons & DEVICE_WEAPONS:
            # shelling, rocket fire or an air raid: MUC-4 "bombing" is an explosive device
            # set off at the target; fire from a distance is an attack
            return "attack"
        if _heard_explosions_only(incident, weapons) and types & {
            AttackType.ARMED_ASSAULT,
            AttackType.ASSASSINATION,
        }:
            # a shooting or a murder during which "explosions" were heard: no bomb is named,
            # the shooting is the act
            return "attack"
        return "bombing"
    if AttackType.FACILITY_ATTACK in types:
        if "incendiary" in weapons:
            return "arson"
        if weapons & EXPLOSIVE_WEAPONS:
            return "bombing"
    if any(
        w.kind in DEVICE_OR_EXPLOSIVE
        and is_instrument(_first_text(w.spans))
        and not (text and _only_heard(text, w.spans))
        for w in incident.weapons
    ) or any(
        _explosive_text(a.text) and not (text and _only_heard(text, a.spans))
        for a in incident.arguments
        if a.role == "weapon"
    ):
        # an attack made with a bomb, dynamite or a grenade ("attacked the town hall with
        # dynamite", "placed an explosive device"): MUC-4 keys type it a bombing
        return "bombing"
    return "attack"


#: a sentence that tells explosions heard, not set off at a target ("bomb explosions and
#: shooting were heard throughout the night")
_HEARD = re.compile(r"\b(?:heard|could\s+hear|were\s+audible)\b", re.IGNORECASE)


def _only_heard(text: str, spans: Sequence[Span]) -> bool:
    """Whether every mention of a weapon stands in a sentence that tells it heard."""
    return bool(spans) and all(
        _HEARD.search(text, *_sentence_bounds(text, sp.start)) for sp in spans
    )


@lru_cache(maxsize=4096)
def _explosive_text(text: str) -> bool:
    """Whether a weapon filler names an explosive device ("a car bomb", "5 kg of dynamite")."""
    from sitrep.text.lexicon import default_lexicon

    found = default_lexicon().find(text.lower(), kinds=["weapon"], case_sensitive_acronyms=False)
    return any(m.entry.id in DEVICE_OR_EXPLOSIVE for m in found) and is_instrument(text)


def _device_named(incident: Incident) -> bool:
    """Whether the incident names an explosive device: a device weapon (grenade, mine, car
    bomb...) or an explosive named as an instrument ("bomb", "dynamite"; not the tag the act
    itself gives, "explosion")."""
    if {w.kind for w in incident.weapons} & DEVICE_WEAPONS:
        return True
    return any(
        w.kind == "explosives" and is_instrument(_first_text(w.spans)) for w in incident.weapons
    )


def _attack_word_types(incident: Incident) -> set[AttackType]:
    """The attack types of the incident's attack words that are not a clash or an operation."""
    from sitrep.extract.incidents import trigger_types
    from sitrep.text.lexicon import default_lexicon

    lex = default_lexicon()
    out: set[AttackType] = set()
    air_strike = any(w.kind in AIR_WEAPONS for w in incident.weapons)
    for trig in incident.triggers:
        try:
            entry = lex.entry("trigger", trig.kind)
        except KeyError:
            continue
        if entry.attrs.get("event") is False:
            continue
        if air_strike and trig.kind in EXPLOSION_TRIGGERS:
            continue  # "helicopters were bombing the neighbourhood": the state's air strike
        if entry.attrs.get("generic") and not _attacked_someone(incident):
            continue  # "the army attacked their positions": a bare attack word in a battle
        if entry.attrs.get("needs_named_victim"):
            continue  # "a clash ensued, and x and y were killed": deaths in the battle
        out.update(trigger_types(entry))
    return out - NON_MUC_TYPES


#: what lies between a clash word and the side it was fought with: "a clash with the national
#: police", "a confrontation with police", "a clash in which the police killed ..."
_WITH_SIDE = re.compile(
    r"\s+(?:with|against|in\s+which|during\s+which)\s+(?:an?\s+|the\s+)?(?:[\w.-]+\s+){0,2}?",
    re.I,
)


def _clash_with_state(incident: Incident, text: str) -> bool:
    """Whether a clash word of the incident (a trigger whose only types are a clash or an
    operation) is fought with a state force or the police: "died in a clash with the national
    police", "killed during a confrontation with troops", "a clash in which the police killed"."""
    from sitrep.text.lexicon import default_lexicon

    lex = default_lexicon()
    for trig in incident.triggers:
        try:
            entry = lex.entry("trigger", trig.kind)
        except KeyError:
            continue
        if not set(trigger_types_of(entry)) <= NON_MUC_TYPES:
            continue
        for span in trig.spans:
            end = min(len(text), span.end + 60)
            found = lex.find(
                text, span.end, end, kinds=["actor", "victim"], case_sensitive_acronyms=False
            )
            if not found:
                continue
            first = found[0]
            if _WITH_SIDE.fullmatch(text, span.end, first.span.start) and _state_mention(first):
                return True
    return False


def _state_mention(m: Any) -> bool:
    """A lexicon match that names a state force or the police (an actor of kind state force
    or police, or a victim word tagged as security forces)."""
    if m.entry.kind == "actor":
        return m.entry.attrs.get("actor_kind") in ("state_force", "police")
    return m.entry.attrs.get("category") == "security_forces"


def trigger_types_of(entry: Any) -> list[AttackType]:
    from sitrep.extract.incidents import trigger_types

    return trigger_types(entry)


def _attacked_someone(incident: Incident) -> bool:
    """The incident names a person harmed or a physical target that is not military."""
    return any(
        (a.role == "victim" and a.named) or (a.role == "target" and not is_military(a.text))
        for a in incident.arguments
    )


#: target-lexicon tags (targets.toml) of armed forces: troops, patrols, convoys, bases
MILITARY_TARGET_TAGS = frozenset({"military"})


def _military_only(incident: Incident) -> bool:
    """Whether every target the incident tags is military (targets.toml ``military``: "an army
    patrol", "troops", "the garrison"), leaving out the words of its perpetrators ("two soldiers
    were involved in the massacre"), and none of its role fillers is a physical target that is
    not military or a person harmed who is not a soldier."""
    perp_starts = {
        s.start for a in incident.arguments if a.role in ("perp_ind", "perp_org") for s in a.spans
    }
    perp_spans = [
        (s.start, s.start + len(a.text))
        for a in incident.arguments
        if a.role in ("perp_ind", "perp_org")
        for s in a.spans
    ] + [(s.start, s.end) for p in incident.perpetrators for s in p.spans]
    kinds = {
        t.kind
        for t in incident.targets
        for s in t.spans
        if s.start not in perp_starts and not any(lo <= s.start < hi for lo, hi in perp_spans)
    }
    if not kinds or not kinds <= MILITARY_TARGET_TAGS:
        return False
    for a in incident.arguments:
        if a.role == "target" and not is_military(a.text):
            return False
        if a.role == "victim" and (a.named or not _soldiers(a.text)):
            return False
    return True


@lru_cache(maxsize=4096)
def _soldiers(text: str) -> bool:
    """Whether a person phrase names soldiers (a ``military`` entry of targets.toml)."""
    from sitrep.text.lexicon import default_lexicon

    found = default_lexicon().find(text.lower(), kinds=["target"], case_sensitive_acronyms=False)
    return bool(found) and all(m.entry.id in MILITARY_TARGET_TAGS for m in found)


def _heard_explosions_only(incident: Incident, weapons: set[str]) -> bool:
    """Whether the incident's only explosion words are bare plurals ("explosions", "blasts")
    and no explosive device is named."""
    if _device_named(incident):
        return False
    words = [
        span.text.lower()
        for trig in incident.triggers
        if trig.kind in EXPLOSION_TRIGGERS
        for span in trig.spans
    ]
    return bool(words) and all(w in BARE_EXPLOSION_PLURALS for w in words)


def _first_text(spans: Sequence[Span]) -> str | None:
    for span in sorted(spans):
        if span.text.strip():
            return span.text
    return None


def is_human(text: str) -> bool:
    """Whether a target mention names people (its last word is a person noun)."""
    words = normalise(text).split()
    return bool(words) and words[-1] in PERSON_NOUNS


def _headed(text: str | None, kind: str) -> bool:
    """Whether a role-lexicon head of ``kind`` ends ``text``."""
    if not text:
        return False
    from sitrep.extract.roles import role_lexicon

    low = text.lower().rstrip()
    found = role_lexicon().lexicon.find(low, kinds=[kind], case_sensitive_acronyms=False)
    return any(m.span.end == len(low) for m in found)


def is_instrument(text: str | None) -> bool:
    """Whether a weapon mention names an instrument ("bomb", "rifles"), not the act it was
    tagged from ("explosion", "firing", "bombing"): a role-weapon head ends it."""
    return _headed(text, "role_weapon")


def is_structure(text: str | None) -> bool:
    """Whether a target mention names a physical target ("police post", "buses"): a
    role-target head ends it (not "government" or a number)."""
    return _headed(text, "role_target")


def is_military(text: str | None) -> bool:
    """Whether a physical target is military ("the garrison", "a u.s. military convoy", "the
    garrison of the 4th brigade"): its head (the target word before any "of" phrase) is a
    role-target entry marked ``military``.  MUC-4 keys leave attacks on military targets out
    (combat, not terrorism); our own extraction keeps them."""
    if not text:
        return False
    from sitrep.extract.roles import role_lexicon

    low = text.lower().rstrip()
    head = low.split(" of ", 1)[0]
    found = role_lexicon().lexicon.find(head, kinds=["role_target"], case_sensitive_acronyms=False)
    ending = [m for m in found if m.span.end == len(head)]
    if bool(ending) and all(m.entry.attrs.get("military") for m in ending):
        return True
    # the premises of a military unit ("installations of military detachment no. 3", "the 4th
    # infantry brigade's installations", "military facilities"): the unit's, so military
    words = normalise(low).split()
    if words and words[-1] in _PREMISES or (" of " in low and head.split()[-1] in _PREMISES):
        owner = low.split(" of ", 1)[1] if words[-1] not in _PREMISES else low
        units = role_lexicon().lexicon.find(
            owner, kinds=["role_target"], case_sensitive_acronyms=False
        )
        return any(m.entry.attrs.get("military") for m in units) or bool(
            re.search(r"\b(military|army|navy|naval|air force)\b", owner)
        )
    return False


#: words naming the armed forces as the owner of a place (not the police or a national guard,
#: whose posts MUC-4 keys code as targets)
_ARMED_OWNER = re.compile(
    r"\b(?:army|army's|military|air force|navy|naval|armed forces|general staff|joint chiefs|"
    r"(?<!peace )brigades?)\b"
)
#: the armed forces' people housed or served by a place ("the residence of u.s. military
#: advisers"): a civilian place
_ARMED_PEOPLE = re.compile(r"\b(?:military|army) (?:advisers|advisors|attaches?|personnel)\b")


def armed_forces_place(text: str) -> bool:
    """Whether a physical target is a place of the armed forces named by its owner ("the air
    force headquarters", "the army's general staff headquarters", "the military complex of the
    armed forces joint chiefs").  MUC-4 keys leave such targets out, but an act against one is
    still coded when other roles tell it (so the template stays: see ``is_military``)."""
    low = text.lower()
    return bool(_ARMED_OWNER.search(low)) and not _ARMED_PEOPLE.search(low)


#: premises words that take the kind of their owner ("the brigade's installations")
_PREMISES = frozenset({"installations", "installation", "facilities", "facility", "quarters"})


_NOT_VICTIM_WORDS = re.compile(
    r"\d|\b(killed|kill|kills|killing|dead|death|deaths|died|die|toll|injured|injuring|wounded|"
    r"wounding|hurt|kidnapped|kidnapping|abducted|abduction|taken|hostage|missing|since|past|last|"
    r"several|dozens?|scores?|hundreds?|at least|more than|some|about|nearly|around|over|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty)\b",
    re.IGNORECASE,
)


def counted_words(spans: Sequence[Span]) -> str | None:
    """The words a figure counts ("policemen"): its first span that is neither the number
    phrase, a status word ("killed") nor a period ("since April")."""
    for span in sorted(spans):
        if re.search(r"[^\W\d_]{3,}", span.text) and not _NOT_VICTIM_WORDS.search(span.text):
            return span.text
    return None


def _dedupe(values: Iterable[str | None]) -> tuple[tuple[str, ...], ...]:
    seen: set[str] = set()
    out: list[tuple[str, ...]] = []
    for value in values:
        if not value:
            continue
        key = gtt_normalise(value)
        if key and key not in seen:
            seen.add(key)
            out.append((value,))
    return tuple(out)


#: our role-filler roles (``Incident.arguments``) and the MUC-4 roles they fill
ARGUMENT_ROLES: dict[str, str] = {
    "perp_ind": "PerpInd",
    "perp_org": "PerpOrg",
    "target": "Target",
    "victim": "Victim",
    "weapon": "Weapon",
}


def _legacy_roles(extraction: Extraction, incident: Incident) -> dict[str, list[str | None]]:
    """Role texts from the lexicon tags and figures (for incidents without arguments)."""
    generic = _generic_actor_ids()
    target_texts = [_first_text(t.spans) for t in incident.targets]
    victims = [t for t in target_texts if t and is_human(t)]
    for fig in extraction.figures:
        if (
            fig.incident_id == incident.id
            and fig.status in VICTIM_STATUSES
            and fig.category != Category.MILITANTS
        ):
            victims.append(counted_words(fig.spans))
    return {
        "PerpInd": [_first_text(p.spans) for p in incident.perpetrators if p.actor_id in generic],
        "PerpOrg": [
            _first_text(p.spans) for p in incident.perpetrators if p.actor_id not in generic
        ],
        "Target": [t for t in target_texts if t and not is_human(t) and is_structure(t)],
        "Victim": victims,
        "Weapon": [t for t in (_first_text(w.spans) for w in incident.weapons) if is_instrument(t)],
    }


#: an organisation's name with the short name the report gives it in brackets ("the
#: farabundo marti national liberation front (fmln)"); {name} is the name as read
_BRACKETED_SHORT = r"{name}(?:'s|’s)?\s*\(\s*([^\W_][\w\-]{{1,11}})\s*\)"


def short_name(text: str, name: str) -> str:
    """The short name a report gives an organisation in brackets after its full name ("the
    farabundo marti national liberation front (fmln)" -> "fmln"), else the name as read.
    MUC-4 keys list the acronym among an organisation's mentions far more often than a full
    name, which the wire translations spell many ways (on train, of the organisations we
    predicted by a full name followed by its acronym, the acronym matched 7 keys the full name
    missed, the reverse once)."""
    if not name or " " not in name.strip():
        return name
    m = re.search(_BRACKETED_SHORT.format(name=re.escape(name)), text, re.IGNORECASE)
    if m is None or len(m.group(1)) >= len(name):
        return name
    return m.group(1)


@lru_cache(maxsize=1)
def _org_acronyms() -> dict[str, tuple[str, ...]]:
    """Per name of an organisation (lower case), the acronyms its lexicon entry lists."""
    from sitrep.extract.role_reader import role_lexicon

    out: dict[str, tuple[str, ...]] = {}
    for e in role_lexicon().lexicon.entries("role_org"):
        acronyms = tuple(a.lower() for a in e.aliases if a.isupper() and " " not in a)
        if acronyms:
            for a in e.aliases:
                out[" ".join(a.lower().split())] = acronyms
    return out


def acronym_told(text: str, name: str) -> str:
    """The acronym of the organisation ``name`` when the report uses it anywhere ("camilist
    union" in a report that also writes "eln" -> "eln"), else the name: the keys list the
    acronym among an organisation's mentions far more often than other names."""
    key = " ".join(name.lower().split())
    acronyms = _org_acronyms().get(key, ())
    if key in acronyms:
        return name
    low = text.lower()
    found = [
        (m.start(), text[m.start() : m.end()])
        for a in acronyms
        for m in [re.search(rf"(?<![\w-]){re.escape(a)}(?![\w-])", low)]
        if m
    ]
    return min(found)[1] if found else name


def incident_roles(extraction: Extraction, incident: Incident) -> dict[str, list[str | None]]:
    """Per MUC-4 role, the texts one incident gives (each predicted entity is one mention).

    Read from the role fillers (``Incident.arguments``); an incident without any falls back
    to its lexicon tags and figures."""
    if not incident.arguments:
        roles = _legacy_roles(extraction, incident)
        roles["Victim"] = []  # descriptions ("peasants"): the keys name victims (see below)
        return roles
    out: dict[str, list[str | None]] = {role: [] for role in MUC_ROLES}
    for arg in incident.arguments:
        role = ARGUMENT_ROLES.get(arg.role)
        if role == "Victim" and not arg.named:
            continue  # MUC-4 keys (as GTT gives them) name victims; descriptions are not kept
        if role == "Target" and (is_military(arg.text) or armed_forces_place(arg.text)):
            continue  # MUC-4 keys code no military targets ("the garrison", "an army convoy")
        if role == "PerpOrg":
            name = short_name(extraction.article.text, arg.text)
            if name == arg.text:
                name = acronym_told(extraction.article.text, arg.text)
            out[role].append(name)
        elif role is not None:
            out[role].append(arg.text)
    out["Target"] = _parts_over_network(out["Target"])
    out["Weapon"] = _one_number(out["Weapon"])
    return out


def _singular(text: str) -> str:
    """A filler's words with its last word singular ("two bombs" -> "two bomb")."""
    words = gtt_normalise(text).split()
    if words and len(words[-1]) > 3 and words[-1].endswith("s") and not words[-1].endswith("ss"):
        words[-1] = words[-1][:-1]
    return " ".join(words)


def _one_number(weapons: list[str | None]) -> list[str | None]:
    """Instruments told in the singular and the plural ("bombs exploded ... the bomb") once,
    as first told: the keys give one entity for the arms of one act, named by one of the two
    forms (on train the first told in 3 of 4)."""
    seen: set[str] = set()
    out: list[str | None] = []
    for w in weapons:
        key = _singular(w or "")
        if key and key in seen:
            continue
        seen.add(key)
        out.append(w)
    return out


#: head words of a whole supply network ("the electrical system", "the power grid")
_NETWORK_HEADS = frozenset({"system", "systems", "grid", "grids", "network", "networks"})
#: head words of the network's parts that an act hits ("two pylons", "high-voltage posts")
_NETWORK_PARTS = frozenset(
    "pylon pylons tower towers post posts pole poles line lines substation substations "
    "transformer transformers".split()
)


def _parts_over_network(targets: list[str | None]) -> list[str | None]:
    """Without the network when the parts hit are named: "sabotage against the power grid
    destroyed two pylons and seven power poles" hit the pylons and poles (the keys list the
    parts, not the grid)."""

    def head(t: str | None) -> str:
        words = normalise(t or "").split(" of ")[0].split()
        return words[-1] if words else ""

    if not any(head(t) in _NETWORK_PARTS for t in targets):
        return targets
    return [t for t in targets if head(t) not in _NETWORK_HEADS]


def incident_template(extraction: Extraction, incident: Incident) -> MucTemplate | None:
    """One incident as a MUC-4 template (each predicted entity is one mention)."""
    kind = muc_incident_type(incident, extraction.article.text)
    if kind is None:
        return None
    roles = incident_roles(extraction, incident)
    # an incident whose physical targets are all military and that names no victim is combat
    if incident.arguments:
        targets = [a.text for a in incident.arguments if a.role == "target"]
        if targets and all(is_military(t) for t in targets) and not roles.get("Victim"):
            return None
    if _military_only(incident) and "ambush" in {t.kind for t in incident.triggers}:
        # "rebels ambushed an army patrol", "a military convoy was ambushed": an ambush whose
        # only targets (the target lexicon's tags) are soldiers, troops, patrols and military
        # posts, with no other thing hit and no person named as harmed, is combat, which the
        # keys leave out (on train 5 such ambush templates, 7 fillers, none aligned; ambushes of
        # civilians, police or named people are coded).  Not for other attack words: the keys
        # code some attacks on posts and garrisons (a rule for all lost 0.3-0.5 F1 on dev)
        return None
    if (
        kind == "bombing"
        and AttackType.ARMED_CLASH in incident.types
        and not roles.get("Victim")
        and not _device_named(incident)
    ):
        # explosions told with fighting ("clashes", "heavy fighting", "a shoot-out") and no device
        # set off at a target (bomb, grenade, mine), no named victim: the fire of combat between
        # armed forces, which the keys leave out
        return None
    if (
        kind == "attack"
        and AttackType.ARMED_CLASH in incident.types
        and not roles.get("Victim")
        and not roles.get("Target")
        and not any(a.role in ("victim", "target") for a in incident.arguments)
    ):
        # an attack word told with fighting ("the rebels attacked ... heavy fighting followed")
        # that names no one harmed and nothing hit: combat, which the keys leave out
        return None
    if kind == "kidnapping":
        # MUC-4 kidnappings have human targets only: no physical target, no instrument
        roles = {**roles, "Target": [], "Weapon": []}
    if kind in BARE_DROPPED and not any(_dedupe(v) for v in roles.values()):
        return None
    if kind == "bombing" and not any(_dedupe(roles.get(r, ())) for r in _OBJECT_ROLES):
        # a bombing that names only who did it, no device, nothing hit and no one harmed: a
        # charge or a mention ("the army bombed cities", "the indiscriminate bombings"); the
        # keys' bombings name the device or what it hit (on train 8 such templates, 1 aligned)
        return None
    return MucTemplate(
        incident_type=kind,
        roles={role: _dedupe(roles.get(role, ())) for role in MUC_ROLES},
    )


#: acts of violence against people that MUC-4 keys code as an attack of their own when they
#: go with a kidnapping (the hostages shot, the bodyguards killed in the abduction) or an
#: arson (the villagers shot when their houses were burned)
_HARM_TYPES = frozenset({AttackType.ARMED_ASSAULT, AttackType.ASSASSINATION})


def _harm_attack(
    extraction: Extraction, incident: Incident, template: MucTemplate
) -> MucTemplate | None:
    """The attack template of a kidnapping (with named victims) or an arson in which people
    were also shot or killed: MUC-4 keys give one template per incident type, so the abduction
    or the burning and the violence done in it are two templates with the same perpetrators
    and victims (the burned buildings stay the arson's target)."""
    if template.incident_type not in ("kidnapping", "arson", "bombing"):
        return None
    # a kidnapping told with an attack word of its own ("they attacked his car and kidnapped
    # him"), even one that gives no type, is also an attack
    struck = template.incident_type == "kidnapping" and any(
        t.kind == "attack" for t in incident.triggers
    )
    if not set(incident.types) & _HARM_TYPES and not struck:
        return None
    if template.incident_type in ("kidnapping", "bombing") and not template.roles.get("Victim"):
        return None
    if template.incident_type == "bombing" and not _shot_apart(extraction, incident):
        return None
    roles = incident_roles(extraction, incident)
    if template.incident_type in ("arson", "bombing"):
        roles["Target"] = []  # what was burned or bombed is the arson's or bombing's target
    if template.incident_type == "bombing":
        roles["Weapon"] = []  # the bombs are the bombing's
    return MucTemplate(
        incident_type="attack",
        roles={role: _dedupe(roles.get(role, ())) for role in MUC_ROLES},
    )


_SENTENCE_END = re.compile(r"[.!?](?=\s)")


def _sentence_bounds(text: str, offset: int) -> tuple[int, int]:
    """The start and end of the sentence of ``text`` around ``offset``."""
    start = 0
    for m in _SENTENCE_END.finditer(text, 0, offset):
        start = m.end()
    m = _SENTENCE_END.search(text, offset)
    return start, m.end() if m else len(text)


def _shot_apart(extraction: Extraction, incident: Incident) -> bool:
    """Whether a bombing incident also tells a person shot or killed in a sentence of its own,
    with no explosion word ("the bomb damaged the offices ... x was murdered"): the shooting or
    murder is an attack of its own; "x was killed in the blast" is the bombing's victim."""
    text = extraction.article.text
    blasts = [s.start for t in incident.triggers if t.kind in EXPLOSION_TRIGGERS for s in t.spans]
    for trig in incident.triggers:
        if trig.kind not in SHOOTING_TRIGGERS:
            continue
        for span in trig.spans:
            lo, hi = _sentence_bounds(text, span.start)
            if not any(lo <= b < hi for b in blasts):
                return True
    return False


def _kidnapping_damage(
    extraction: Extraction, incident: Incident, template: MucTemplate
) -> MucTemplate | None:
    """The bombing or arson template of a kidnapping in which a thing was also bombed or
    burned ("kidnapped ... and set fire to a store"): its physical targets and weapons."""
    if template.incident_type != "kidnapping":
        return None
    if not set(incident.types) & {AttackType.BOMBING, AttackType.FACILITY_ATTACK}:
        return None
    rest = [t for t in incident.types if t not in (AttackType.KIDNAPPING, AttackType.HIJACKING)]
    kind = muc_incident_type(replace(incident, types=rest))
    roles = incident_roles(extraction, incident)
    if kind not in ("bombing", "arson") or not roles.get("Target"):
        return None
    roles["Victim"] = []  # the hostages are the kidnapping's
    return MucTemplate(
        incident_type=kind,
        roles={role: _dedupe(roles.get(role, ())) for role in MUC_ROLES},
    )


def _bombing_arson(
    extraction: Extraction, incident: Incident, template: MucTemplate
) -> MucTemplate | None:
    """The arson template of a bombing in which a thing was also set on fire ("bombs went off
    at two banks and a restaurant was burned"): MUC-4 keys give one template per incident
    type."""
    if template.incident_type != "bombing" or AttackType.FACILITY_ATTACK not in incident.types:
        return None
    if "incendiary" not in {w.kind for w in incident.weapons}:
        return None
    roles = incident_roles(extraction, incident)
    roles["Weapon"] = []  # the bombs are the bombing's
    return MucTemplate(
        incident_type="arson",
        roles={role: _dedupe(roles.get(role, ())) for role in MUC_ROLES},
    )


def _robbery(
    extraction: Extraction, incident: Incident, template: MucTemplate
) -> MucTemplate | None:
    """The robbery template of an incident in which things were also robbed or looted ("the
    attackers robbed the banks and burned the town hall"): MUC-4 keys give one template per
    incident type; its targets are those told in the sentences of the robbery words."""
    if template.incident_type == "robbery":
        return None
    text = extraction.article.text
    bounds = [
        _sentence_bounds(text, sp.start)
        for t in incident.triggers
        if t.kind in ROBBERY_TRIGGERS
        for sp in t.spans
    ]
    if not bounds:
        return None
    roles = incident_roles(extraction, incident)
    taken = [
        a.text
        for a in incident.arguments
        if a.role == "target"
        and not is_military(a.text)
        and any(lo <= sp.start < hi for sp in a.spans for lo, hi in bounds)
    ]
    if not taken:
        return None
    roles = {**roles, "Target": taken, "Victim": [], "Weapon": []}
    return MucTemplate(
        incident_type="robbery",
        roles={role: _dedupe(roles.get(role, ())) for role in MUC_ROLES},
    )


#: words telling a thing set on fire: "set fire to", "burned", "torched"
_BURNED = re.compile(
    r"\b(?:burn(?:ed|t|ing|s)?|set\s+(?:on\s+)?fire|set\s+ablaze|torch(?:ed|ing)|ablaze|"
    r"arson|incendiary|molotov|fire-?bomb(?:ed|s)?)\b",
    re.IGNORECASE,
)


#: words telling an explosion
_EXPLODED = re.compile(
    r"\b(?:bombs?|bombed|bombing|explo(?:ded|sion|sions|sives?)|dynamite|dynamited|blasts?|"
    r"grenades?|blew\s+up|blown\s+up)\b",
    re.IGNORECASE,
)
#: characters before a target that hold the verb telling what was done to it ("the rebels
#: set fire to a bus"), and after it for a passive ("the bus was burned")
_VERB_BEFORE_CHARS = 50
_VERB_AFTER_CHARS = 30


def _burned_at(text: str, span: Span) -> bool:
    """Whether a target's clause tells it burned: its sentence tells a burning and no
    explosion, or a burning word stands shortly before or after it ("a bomb exploded at a
    bank and the rebels set fire to a bus": the bus burned, the bank bombed).  Per sentence
    only, "the bank" would be burned too (train 55.42, dev 51.12; per clause 55.41, 51.27)."""
    start, end = _sentence_bounds(text, span.start)
    if not _EXPLODED.search(text[start:end]):
        return bool(_BURNED.search(text[start:end]))
    before = text[max(start, span.start - _VERB_BEFORE_CHARS) : span.start]
    after = text[span.end : min(end, span.end + _VERB_AFTER_CHARS)]
    return bool(_BURNED.search(before) or _BURNED.search(after))


def _split_burned(
    extraction: Extraction, incident: Incident, bombing: MucTemplate, arson: MucTemplate
) -> tuple[MucTemplate, MucTemplate]:
    """The physical targets of a bombing that also burned things, each given to the act its
    sentences tell: a thing told burned where it is named is the arson's, any other the
    bombing's ("two bombs went off at a bank.  the rebels also set fire to a bus": the bank
    is the bombing's target, the bus the arson's).  Unchanged unless both acts keep one."""
    text = extraction.article.text
    burned: set[str] = set()
    other: set[str] = set()
    for arg in incident.arguments:
        if arg.role != "target" or not arg.spans:
            continue
        told = any(_burned_at(text, sp) for sp in arg.spans)
        (burned if told else other).add(gtt_normalise(arg.text))
    if not burned or not other:
        return bombing, arson

    def only(t: MucTemplate, keep: set[str]) -> MucTemplate:
        targets = tuple(e for e in t.roles.get("Target", ()) if gtt_normalise(e[0]) in keep)
        return MucTemplate(incident_type=t.incident_type, roles={**t.roles, "Target": targets})

    return only(bombing, other), only(arson, burned)


#: trigger entries of an act on a thing that is neither a burning nor an explosion: a thing
#: they tell done to is not the burning's ("sabotaged a tower and set fire to a bus")
_OTHER_ACT_TRIGGERS = frozenset(
    {"sabotage", "damage", "attack", "assault", "raid", "storm", "storm_verb", "onslaught"}
)


def _nearest_act(text: str, incident: Incident, span: Span) -> str | None:
    """The trigger entry of the incident told nearest a target in its sentence: the last one
    before it ("sabotaged an electrical tower"), else the first after it ("a bus was set on
    fire"); None when its sentence tells none."""
    lo, hi = _sentence_bounds(text, span.start)
    told = [(sp.start, t.kind) for t in incident.triggers for sp in t.spans if lo <= sp.start < hi]
    before = [x for x in told if x[0] < span.start]
    if before:
        return max(before)[1]
    after = [x for x in told if x[0] >= span.end]
    return min(after)[1] if after else None


def _arson_attack(
    extraction: Extraction, incident: Incident, template: MucTemplate
) -> tuple[MucTemplate, MucTemplate | None]:
    """An arson that also tells other things attacked with an act word of their own ("the
    guerrillas sabotaged an electrical tower and set fire to a vehicle"): the things told with
    that act are an attack template of their own (MUC-4 keys give one template per incident
    type); the arson keeps the things told burned.  Unchanged unless both keep one."""
    if template.incident_type != "arson":
        return template, None
    text = extraction.article.text
    attacked: set[str] = set()
    burned: set[str] = set()
    for arg in incident.arguments:
        if arg.role != "target" or not arg.spans or is_military(arg.text):
            continue
        kinds = {_nearest_act(text, incident, sp) for sp in arg.spans}
        if kinds & {"arson"}:
            burned.add(gtt_normalise(arg.text))
        elif kinds & _OTHER_ACT_TRIGGERS:
            attacked.add(gtt_normalise(arg.text))
    attacked -= burned
    if not attacked or not burned:
        return template, None
    keep = tuple(e for e in template.roles.get("Target", ()) if gtt_normalise(e[0]) not in attacked)
    moved = tuple(e for e in template.roles.get("Target", ()) if gtt_normalise(e[0]) in attacked)
    if not keep or not moved:
        return template, None
    arson = replace(template, roles={**template.roles, "Target": keep})
    attack = MucTemplate(
        incident_type="attack",
        roles={
            **template.roles,
            "Target": moved,
            "Victim": (),
            "Weapon": tuple(
                e for e in template.roles.get("Weapon", ()) if not _BURNED.search(e[0])
            ),
        },
    )
    return arson, attack


@dataclass(frozen=True, slots=True)
class TemplateSource:
    """A predicted template with the incident it was read from.

    ``origin`` is "incident" for the incident's own template and "harm", "damage" or "arson"
    for the second template of another type that the same incident gives."""

    template: MucTemplate
    incident: Incident
    origin: str


def _told_again(template: MucTemplate, seen: Sequence[MucTemplate]) -> bool:
    """Whether an earlier template of the same type holds every filler of ``template``, or,
    when ``template`` names only perpetrators and weapons, one of them: the act told again
    ("the attack by the fmln" after "the fmln murdered x")."""
    mine = template.fillers()
    if not mine:
        return False
    agents_only = all(role in ("PerpInd", "PerpOrg", "Weapon") for role, _ in mine)
    return any(
        other.incident_type == template.incident_type
        and (mine <= other.fillers() or (agents_only and mine & other.fillers()))
        for other in seen
    )


def template_sources(extraction: Extraction) -> list[TemplateSource]:
    """Every MUC-4 template of an extraction with its incident, in incident order, duplicate
    templates dropped (the first source kept), and those that only repeat another's
    perpetrators (``_without_contained``)."""
    out: list[TemplateSource] = []
    seen: list[MucTemplate] = []
    for incident in extraction.incidents:
        template = incident_template(extraction, incident)
        if template is None or template in seen or _told_again(template, seen):
            continue
        harm = _harm_attack(extraction, incident, template)
        if harm is not None:
            template, harm = _split_victims(extraction, incident, template, harm)
        arson = _bombing_arson(extraction, incident, template)
        if arson is not None:
            template, arson = _split_burned(extraction, incident, template, arson)
        template, struck = _arson_attack(extraction, incident, template)
        seen.append(template)
        out.append(TemplateSource(template, incident, "incident"))
        for origin, extra in (
            ("harm", harm),
            ("struck", struck),
            ("damage", _kidnapping_damage(extraction, incident, template)),
            ("arson", arson),
            ("robbery", _robbery(extraction, incident, template)),
        ):
            if extra is not None and extra not in seen:
                seen.append(extra)
                out.append(TemplateSource(extra, incident, origin))
    kept = _without_contained([s.template for s in out])
    return [s for s in out if s.template in kept]


#: trigger entries that tell people taken: their victims are the kidnapping's
KIDNAP_TRIGGERS = frozenset({"kidnapping", "hijacking"})
#: trigger entries that tell people shot, killed or attacked: their victims are the attack's
HARM_TRIGGERS = SHOOTING_TRIGGERS | {"gun_attack", "assassination", "ambush", "assault", "attack"}
#: per template type, the trigger entries that tell its own harm
_OWN_TRIGGERS = {
    "kidnapping": KIDNAP_TRIGGERS,
    "bombing": EXPLOSION_TRIGGERS,
    "arson": frozenset({"arson"}),
}


def _victim_acts(extraction: Extraction, incident: Incident) -> dict[str, set[str]]:
    """Per named victim (as written), the trigger entries of the incident told in the
    sentences that name the victim."""
    text = extraction.article.text
    bounds = [
        (_sentence_bounds(text, sp.start), t.kind) for t in incident.triggers for sp in t.spans
    ]
    out: dict[str, set[str]] = {}
    for a in incident.arguments:
        if a.role != "victim" or not a.named:
            continue
        kinds = out.setdefault(a.text, set())
        for sp in a.spans:
            kinds.update(kind for (lo, hi), kind in bounds if lo <= sp.start < hi)
    return out


def _split_victims(
    extraction: Extraction, incident: Incident, template: MucTemplate, harm: MucTemplate
) -> tuple[MucTemplate, MucTemplate]:
    """The named victims of an incident that gives two templates (a kidnapping, bombing or
    arson and the attack of the people shot in it) shared out by what the sentences naming
    each tell: a victim told only kidnapped (or only in the blast, the fire) is not the
    attack's; one told only shot or killed is not the bombing's or the arson's (a hostage
    later killed stays the kidnapping's).  A victim told with neither, or both, stays in both."""
    own = _OWN_TRIGGERS.get(template.incident_type)
    if own is None:
        return template, harm
    acts = _victim_acts(extraction, incident)
    mine: set[str] = set()
    theirs: set[str] = set()
    for name, kinds in acts.items():
        taken, shot = bool(kinds & own), bool(kinds & HARM_TRIGGERS)
        if taken and not shot:
            mine.add(gtt_normalise(name))
        elif shot and not taken:
            theirs.add(gtt_normalise(name))

    def without(t: MucTemplate, names: set[str]) -> MucTemplate:
        kept = tuple(e for e in t.roles.get("Victim", ()) if gtt_normalise(e[0]) not in names)
        return replace(t, roles={**t.roles, "Victim": kept})

    if template.incident_type == "kidnapping":
        return template, without(harm, mine)
    return without(template, theirs), without(harm, mine)


def extraction_to_templates(
    extraction: Extraction,
    *,
    relevance: RelevanceFilter | None = None,
    header: Header | None = None,
) -> list[MucTemplate]:
    """Every MUC-4 template of an extraction, in incident order, duplicates dropped.

    With ``relevance`` (the learned filter of ``muc4_filter``), templates it judges outside
    MUC-4's notion of a relevant incident are left out (``header``: what the document's FBIS
    header says, ``muc4_filter.muc_header``, which the filter reads too)."""
    sources = template_sources(extraction)
    if relevance is not None:
        sources = relevance.keep(extraction, sources, header)
    return [s.template for s in sources]


#: roles that tell what an act hit and with what; the others tell only who did it
_OBJECT_ROLES = ("Target", "Victim", "Weapon")


def _perpetrators_again(a: MucTemplate, b: MucTemplate) -> bool:
    """Template ``a`` gives only perpetrators, each also in ``b``, a template of the same
    type: a second incident read from a mention of the same act ("the fmln also claimed the
    attack"), which adds nothing to it."""
    if a.incident_type != b.incident_type or a == b:
        return False
    if any(a.roles.get(r) for r in _OBJECT_ROLES) or not any(a.roles.values()):
        return False
    return all(set(a.roles.get(r, ())) <= set(b.roles.get(r, ())) for r in MUC_ROLES)


def _without_contained(templates: list[MucTemplate]) -> list[MucTemplate]:
    """Templates without those that only repeat the perpetrators of another template of the
    same type, told before or after (on train, 19 such templates, 4 aligned with a key);
    ``_told_again`` already drops a template held by an earlier one as it is read, this also
    catches the one whose fuller telling comes later."""
    return [
        t
        for n, t in enumerate(templates)
        if not any(m != n and _perpetrators_again(t, o) for m, o in enumerate(templates))
    ]


# --------------------------------------------------------------------------- GTT scoring

_GTT_PUNCT = str.maketrans("", "", string.punctuation)
_GTT_ARTICLES = re.compile(r"\b(a|an|the)\b", re.UNICODE)

#: above this many candidate alignments per document the search falls back to the Hungarian
#: algorithm on matched fillers (counted in ``GttScore.approximate``; never reached on MUC-4 dev)
ALIGNMENT_BUDGET = 200_000


def gtt_normalise(text: str) -> str:
    """GTT's ``normalize_string``: lower case, ASCII punctuation deleted, a/an/the removed,
    whitespace squeezed.  Punctuation is deleted, not replaced: "ak-47" becomes "ak47"."""
    text = text.lower().translate(_GTT_PUNCT)
    return " ".join(_GTT_ARTICLES.sub(" ", text).split())


@dataclass(slots=True)
class GttScore:
    """Per-role counts and the micro average over incident type and the five roles."""

    roles: dict[str, Counts] = field(default_factory=lambda: {k: Counts() for k in ROLE_KEYS})
    missed: Counter[tuple[str, str]] = field(default_factory=Counter)
    spurious: Counter[tuple[str, str]] = field(default_factory=Counter)
    approximate: int = 0  # documents aligned by the Hungarian fallback

    @property
    def micro(self) -> Counts:
        total = Counts()
        for counts in self.roles.values():
            total.add(counts)
        return total

    def add(self, other: GttScore) -> None:
        for key, counts in other.roles.items():
            self.roles[key].add(counts)
        self.missed.update(other.missed)
        self.spurious.update(other.spurious)
        self.approximate += other.approximate


def _type_ok(pred_type: str, gold_type: str) -> bool:
    """GTT: "attack" aligns with "attack" and with the alternative fill "bombing / attack"."""
    return pred_type in {t.strip() for t in gold_type.split("/")}


def _entity_match(pred: frozenset[str], gold: frozenset[str]) -> bool:
    """GTT's ``matching``: every mention of the predicted entity is a mention of the gold one."""
    return bool(pred) and pred <= gold


@dataclass(frozen=True, slots=True)
class _RoleHits:
    """Which predicted and which gold entities of one role count as correct for a pair."""

    pred: frozenset[int]
    gold: frozenset[int]


def _role_hits(
    pred: Sequence[frozenset[str]], gold: Sequence[frozenset[str]], *, one_to_one: bool
) -> _RoleHits:
    if one_to_one:
        pairs = max_bipartite(pred, gold, _entity_match)
        return _RoleHits(frozenset(i for i, _ in pairs), frozenset(j for _, j in pairs))
    # GTT eval.py: a prediction is correct when it matches any gold entity, a gold entity is
    # found when any prediction matches it (two predictions may hit one gold entity)
    hit_p = {i for i, p in enumerate(pred) if any(_entity_match(p, g) for g in gold)}
    hit_g = {j for j, g in enumerate(gold) if any(_entity_match(p, g) for p in pred)}
    return _RoleHits(frozenset(hit_p), frozenset(hit_g))


def _norm_roles(template: MucTemplate) -> dict[str, list[frozenset[str]]]:
    return {
        role: [
            frozenset(gtt_normalise(m) for m in entity) for entity in template.roles.get(role, ())
        ]
        for role in MUC_ROLES
    }


def _f1(p_num: int, p_den: int, r_num: int, r_den: int) -> float:
    p = p_num / p_den if p_den else 0.0
    r = r_num / r_den if r_den else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def _partial_injections(n_pred: int, n_gold: int, cap: int) -> int:
    """Number of one-to-one partial maps of n_pred items into n_gold (stops above ``cap``)."""
    total, term = 0, 1
    for k in range(min(n_pred, n_gold) + 1):
        if k:
            term = term * (n_pred - k + 1) * (n_gold - k + 1) // k
        total += term
        if total > cap:
            return total
    return total


def _best_alignment(
    gains: dict[tuple[int, int], tuple[int, int]],
    n_pred: int,
    n_gold: int,
    p_den: int,
    r_den: int,
) -> tuple[list[tuple[int, int]], bool]:
    """The one-to-one template alignment with the best document F1, as GTT finds it.

    ``gains[(i, j)]`` is (correct predicted fillers, found gold fillers) when predicted
    template i is aligned with gold template j (incident type included); pairs of different
    types are absent (GTT leaves them unaligned).  The denominators do not depend on the
    alignment.  GTT enumerates ``itertools.product(gold indices + [-1])`` over the predicted
    templates, skips maps that use a gold template twice and keeps the first map with a
    strictly higher F1; the depth-first search here visits the same valid maps in the same
    order, so ties are broken the same way.  Above ``ALIGNMENT_BUDGET`` maps it enumerates
    only the compatible pairs (same best F1, ties may differ); above that too, it falls back
    to the Hungarian algorithm on ``p_num + r_num`` (exact when the two are equal, as under
    one-to-one entity matching) and returns True as the second value.
    """
    full = _partial_injections(n_pred, n_gold, ALIGNMENT_BUDGET) <= ALIGNMENT_BUDGET
    options: list[list[int]] = [[] for _ in range(n_pred)]
    if full:
        for i in range(n_pred):
            options[i] = list(range(n_gold))
    else:
        for i, j in sorted(gains):
            options[i].append(j)
        count = 1
        for opts in options:
            count *= len(opts) + 1
            if count > ALIGNMENT_BUDGET:
                weights = [[0.0] * n_gold for _ in range(n_pred)]
                for (pi, gj), (pn, rn) in gains.items():
                    weights[pi][gj] = float(pn + rn)
                return best_assignment(weights), True
    best_f1 = -1.0
    best: list[tuple[int, int]] = []
    chosen: list[tuple[int, int]] = []
    used: set[int] = set()

    def visit(i: int, pn: int, rn: int) -> None:
        nonlocal best_f1, best
        if i == n_pred:
            f1 = _f1(pn, p_den, rn, r_den)
            if f1 > best_f1:
                best_f1, best = f1, list(chosen)
            return
        for j in options[i]:
            if j in used:
                continue
            used.add(j)
            gain = gains.get((i, j))
            if gain is None:  # a map onto a template of another type: scored as unaligned
                visit(i + 1, pn, rn)
            else:
                chosen.append((i, j))
                visit(i + 1, pn + gain[0], rn + gain[1])
                chosen.pop()
            used.discard(j)
        visit(i + 1, pn, rn)  # -1: template i unaligned (last, as in GTT's product order)

    visit(0, 0, 0)
    return sorted(best), False


def _pair_hits(
    pred: Sequence[MucTemplate], gold: Sequence[MucTemplate], *, one_to_one: bool
) -> tuple[
    dict[tuple[int, int], dict[str, _RoleHits]], dict[tuple[int, int], tuple[int, int]], int, int
]:
    """Role hits and (precision, recall) gains of every same-type template pair, and the
    document's precision and recall denominators."""
    pred_n = [_norm_roles(p) for p in pred]
    gold_n = [_norm_roles(g) for g in gold]
    hits: dict[tuple[int, int], dict[str, _RoleHits]] = {}
    gains: dict[tuple[int, int], tuple[int, int]] = {}
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            if _type_ok(p.incident_type, g.incident_type):
                h = {
                    role: _role_hits(pred_n[i][role], gold_n[j][role], one_to_one=one_to_one)
                    for role in MUC_ROLES
                }
                hits[(i, j)] = h
                gains[(i, j)] = (
                    1 + sum(len(x.pred) for x in h.values()),
                    1 + sum(len(x.gold) for x in h.values()),
                )
    p_den = sum(1 + sum(len(v) for v in t.values()) for t in pred_n)
    r_den = sum(1 + sum(len(v) for v in t.values()) for t in gold_n)
    return hits, gains, p_den, r_den


def align_document(
    pred: Sequence[MucTemplate], gold: Sequence[MucTemplate]
) -> list[tuple[int, int]]:
    """GTT's template alignment of one document: (predicted index, gold index) pairs."""
    _, gains, p_den, r_den = _pair_hits(pred, gold, one_to_one=False)
    return _best_alignment(gains, len(pred), len(gold), p_den, r_den)[0]


def score_document(
    pred: Sequence[MucTemplate], gold: Sequence[MucTemplate], *, one_to_one: bool = False
) -> GttScore:
    """GTT score of one document's predicted templates against its gold templates.

    ``one_to_one=False`` is GTT's ``eval.py``; ``one_to_one=True`` also matches each gold
    entity and each prediction at most once within a role (CEAF-style entity alignment).
    """
    score = GttScore()
    hits, gains, p_den, r_den = _pair_hits(pred, gold, one_to_one=one_to_one)
    alignment, approximate = _best_alignment(gains, len(pred), len(gold), p_den, r_den)
    score.approximate = int(approximate)
    matched_pred: dict[int, set[tuple[str, int]]] = {i: set() for i in range(len(pred))}
    matched_gold: dict[int, set[tuple[str, int]]] = {j: set() for j in range(len(gold))}
    for i, j in alignment:
        score.roles["incident_type"].tp_pred += 1
        score.roles["incident_type"].tp_gold += 1
        for role, h in hits[(i, j)].items():
            score.roles[role].tp_pred += len(h.pred)
            score.roles[role].tp_gold += len(h.gold)
            matched_pred[i].update((role, a) for a in h.pred)
            matched_gold[j].update((role, b) for b in h.gold)
    for i, p in enumerate(pred):
        score.roles["incident_type"].n_pred += 1
        for role in MUC_ROLES:
            entities = p.roles.get(role, ())
            score.roles[role].n_pred += len(entities)
            for k, entity in enumerate(entities):
                if (role, k) not in matched_pred[i]:
                    score.spurious[(role, gtt_normalise(entity[0]))] += 1
    for j, g in enumerate(gold):
        score.roles["incident_type"].n_gold += 1
        for role in MUC_ROLES:
            entities = g.roles.get(role, ())
            score.roles[role].n_gold += len(entities)
            for k, entity in enumerate(entities):
                if (role, k) not in matched_gold[j]:
                    score.missed[(role, gtt_normalise(entity[0]))] += 1
    aligned_gold = {j for _, j in alignment}
    for j, g in enumerate(gold):
        if j not in aligned_gold:
            score.missed[("incident_type", g.incident_type)] += 1
    aligned_pred = {i for i, _ in alignment}
    for i, p in enumerate(pred):
        if i not in aligned_pred:
            score.spurious[("incident_type", p.incident_type)] += 1
    return score


def score_gtt(
    predictions: dict[str, Sequence[MucTemplate]],
    docs: Sequence[MucDocument],
    *,
    one_to_one: bool = False,
) -> GttScore:
    """Corpus GTT score: counts summed over documents (a missing prediction is empty)."""
    total = GttScore()
    for doc in docs:
        total.add(score_document(predictions.get(doc.id, ()), doc.templates, one_to_one=one_to_one))
    return total


# --------------------------------------------------------------------------- victim effects

_INT = re.compile(r"\d+")


def parse_muc_number(value: str) -> tuple[int, int | None]:
    """A MUC-4 key's NUMBER fill as ``(low, high)``; high None is open-ended.

    "6" -> 6..6; "5/6" and "6 / 4" -> 5..6 and 4..6 (alternatives); "~100" -> 90..110 (about,
    +-10 %); "PLURAL" -> 2..open; "1 / PLURAL" -> 1..open; "23 -" (range with no upper bound)
    -> 23..open; an empty fill -> 1..open.  A leading "?" (optional) is ignored.
    """
    text = value.strip()
    ints = [int(x) for x in _INT.findall(text)]
    open_ended = "PLURAL" in text.upper() or text.endswith("-") or not ints
    low = min(ints) if ints else (2 if "PLURAL" in text.upper() else 1)
    high = None if open_ended else max(ints)
    if "~" in text and ints:
        low = int(low * 0.9)
        high = None if high is None else -(-high * 11 // 10)
    return low, high


def _effect_is(effects: Sequence[str], word: str) -> bool:
    for effect in effects:
        for alt in effect.split("/"):
            alt = alt.replace("?", "").strip().upper()
            if alt == word:
                return True
    return False


def gold_victim_effects(doc: MucDocument, effect: str) -> tuple[int, int | None]:
    """Gold number of people with ``effect`` (DEATH or INJURY) in a document: (low, high).

    Human targets are counted once per document (the same victims often fill several
    templates); their number ranges are summed.
    """
    seen: dict[str, tuple[int, int | None]] = {}
    for key in doc.key_templates:
        if not key.relevant:
            continue
        for victim in key.victims:
            if not _effect_is(victim.effect, effect):
                continue
            number = parse_muc_number(victim.number[0] if victim.number else "")
            name = normalise(victim.filler)
            if name not in seen or number[0] > seen[name][0]:
                seen[name] = number
    low = sum(n[0] for n in seen.values())
    high: int | None = sum(n[1] for n in seen.values() if n[1] is not None)
    if any(n[1] is None for n in seen.values()):
        high = None
    return low, high


def predicted_victims(extraction: Extraction, status: FigureStatus) -> int:
    """Non-militant people with ``status`` in an extraction, without counting anyone twice.

    Per incident: the larger of its all-categories figure and the sum of its civilian and
    security-force figures (a breakdown sits inside a total).  Group figures are used for a
    group only when its incidents gave none; article-level figures only when no incident or
    group did.  Superseded figures are ignored.
    """
    live = [
        f
        for f in extraction.figures
        if f.status == status and f.superseded_by is None and f.category != Category.MILITANTS
    ]

    def best_of(figs: list[Any]) -> int:
        by_cat: dict[Category, int] = {}
        for f in figs:
            by_cat[f.category] = max(by_cat.get(f.category, 0), f.best)
        parts = by_cat.get(Category.CIVILIANS, 0) + by_cat.get(Category.SECURITY_FORCES, 0)
        return max(parts, by_cat.get(Category.UNKNOWN, 0))

    total = 0
    incident_ids = {i.id for i in extraction.incidents}
    by_incident: dict[str, list[Any]] = {}
    for f in live:
        if f.level == Level.INCIDENT and f.incident_id in incident_ids:
            by_incident.setdefault(f.incident_id, []).append(f)
    total += sum(best_of(v) for v in by_incident.values())
    for group in extraction.groups:
        if any(i in by_incident for i in group.incident_ids):
            continue
        total += best_of([f for f in live if f.level == Level.GROUP and f.group_id == group.id])
    if total == 0:
        total = best_of([f for f in live if f.level == Level.ARTICLE])
    return total


@dataclass(slots=True)
class EffectScore:
    """Per-document victim counts: exact and within-range agreement."""

    documents: int = 0
    exact: int = 0
    in_range: int = 0
    with_gold: int = 0  # documents whose gold count is above zero
    exact_with_gold: int = 0
    in_range_with_gold: int = 0
    examples: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        def p(a: int, b: int) -> float:
            return round(100 * a / b, 2) if b else 0.0

        return {
            "documents": self.documents,
            "exact": p(self.exact, self.documents),
            "in_range": p(self.in_range, self.documents),
            "documents_with_gold": self.with_gold,
            "exact_with_gold": p(self.exact_with_gold, self.with_gold),
            "in_range_with_gold": p(self.in_range_with_gold, self.with_gold),
        }


def score_effects(
    extractions: dict[str, Extraction], docs: Sequence[MucDocument], effect: str
) -> EffectScore:
    """Deaths (``effect="DEATH"``) or injuries (``"INJURY"``) per document against the keys.

    Exact: the predicted count equals the gold count when the key gives one number (a range
    or open fill is never exact).  In range: low <= predicted <= high.
    """
    status = FigureStatus.KILLED if effect == "DEATH" else FigureStatus.INJURED
    score = EffectScore()
    for doc in docs:
        low, high = gold_victim_effects(doc, effect)
        ext = extractions.get(doc.id)
        pred = predicted_victims(ext, status) if ext is not None else 0
        exact = high == low and pred == low
        in_range = low <= pred and (high is None or pred <= high)
        score.documents += 1
        score.exact += exact
        score.in_range += in_range
        if low > 0:
            score.with_gold += 1
            score.exact_with_gold += exact
            score.in_range_with_gold += in_range
        if not in_range and len(score.examples) < 10:
            score.examples.append({"id": doc.id, "gold": [low, high], "predicted": pred})
    return score


# --------------------------------------------------------------------------- key location

#: MUC-4 country names (as the keys spell them) to ISO 3166-1 alpha-2
MUC_COUNTRIES: dict[str, str] = {
    "ARGENTINA": "AR",
    "BOLIVIA": "BO",
    "BRAZIL": "BR",
    "CHILE": "CL",
    "COLOMBIA": "CO",
    "COSTA RICA": "CR",
    "CUBA": "CU",
    "ECUADOR": "EC",
    "EL SALVADOR": "SV",
    "GUATEMALA": "GT",
    "HONDURAS": "HN",
    "MEXICO": "MX",
    "NICARAGUA": "NI",
    "PANAMA": "PA",
    "PERU": "PE",
    "SPAIN": "ES",
    "UNITED STATES": "US",
    "VENEZUELA": "VE",
}

#: kinds in a key location that name a populated place (the "city" of the measure)
CITY_KINDS = frozenset(
    "CITY TOWN VILLAGE MUNICIPALITY PORT HAMLET CANTON CORREGIMIENTO JURISDICTION".split()
)


@dataclass(frozen=True, slots=True)
class KeyLocation:
    """One alternative of a key's INCIDENT: LOCATION fill.

    ``countries`` holds the country alternatives ("HONDURAS / EL SALVADOR" gives two);
    ``cities`` the names of populated places in it and of the places within them
    (neighbourhoods, districts of a city); empty when the key gives only a country, a region
    or a site ("GUATEMALA: SANTO TOMAS (FARM)").
    """

    countries: tuple[str, ...]
    cities: tuple[str, ...]


def _split_top(text: str, sep: str) -> list[str]:
    """``text`` split on ``sep`` outside parentheses."""
    parts: list[str] = []
    depth, start, i = 0, 0, 0
    while i < len(text):
        ch = text[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and text.startswith(sep, i):
            parts.append(text[start:i])
            start = i + len(sep)
            i = start
            continue
        i += 1
    parts.append(text[start:])
    return [p.strip() for p in parts if p.strip()]


def _closing(text: str, start: int) -> int:
    """Index of the parenthesis closing the one at ``start`` (-1 when unbalanced)."""
    depth = 0
    for i in range(start, len(text)):
        depth += text[i] == "("
        depth -= text[i] == ")"
        if depth == 0:
            return i
    return -1


def _unwrap(text: str) -> str:
    """``text`` without a leading "?" (optional fill) and parentheses enclosing all of it."""
    text = text.strip().lstrip("?").strip()
    while text.startswith("(") and _closing(text, 0) == len(text) - 1:
        text = text[1:-1].strip().lstrip("?").strip()
    return text


_COMPONENT = re.compile(r"^(?P<name>.*?)\s*\((?P<kind>[^()]*)\)\s*$")


def parse_key_location(value: str | None) -> list[KeyLocation]:
    """A key's incident location as its alternatives.

    "PERU: LIMA (CITY)" -> one location, country PERU, city LIMA;
    "(EL SALVADOR: SAN SALVADOR (CITY)) / (EL SALVADOR)" -> two;
    "CHILE: COPIAPO (CITY) - TALCA (CITY)" -> one location with the cities COPIAPO and TALCA;
    "COLOMBIA: MEDELLIN (CITY): AMERICA (NEIGHBORHOOD)" -> city MEDELLIN or AMERICA;
    "-" or "*" -> none.
    """
    text = _unwrap(value or "")
    if not text or text in {"-", "*"}:
        return []
    out: list[KeyLocation] = []
    for alt in _split_top(text, " / ") if text.startswith("(") else [text]:
        alt = _unwrap(alt)
        parts = _split_top(alt, ":")
        if not parts:
            continue
        countries = tuple(c.strip().upper() for c in parts[0].split("/") if c.strip())
        cities: list[str] = []
        in_city = False
        for level in parts[1:]:
            for component in _split_top(level, " - "):
                m = _COMPONENT.match(component)
                name, kinds = (m["name"], m["kind"]) if m else (component, "")
                is_city = bool({k.strip().upper() for k in kinds.split("/")} & CITY_KINDS)
                if (is_city or in_city) and name.strip():
                    cities.append(name.strip().strip('"').upper())
                in_city = in_city or is_city
        out.append(KeyLocation(countries=countries, cities=tuple(cities)))
    return out


def _place_country_ok(place: Place, loc: KeyLocation) -> bool:
    for country in loc.countries:
        iso = MUC_COUNTRIES.get(country)
        if iso and place.country and place.country.upper() == iso:
            return True
        if place.country_name and fold(place.country_name) == fold(country):
            return True
    return False


def _place_city_ok(place: Place, loc: KeyLocation) -> bool:
    if not _place_country_ok(place, loc):
        return False
    if not loc.cities:
        return True
    names = {fold(n) for n in (place.name, place.canonical_name) if n}
    return bool(names & {fold(c) for c in loc.cities})


@dataclass(slots=True)
class LocationScore:
    """Documents whose key gives a location: is some extracted incident place right?"""

    documents: int = 0  # documents with at least one key location
    with_place: int = 0  # ... where we extracted at least one incident place
    country: int = 0  # ... some incident place is in a key country
    city: int = 0  # ... some incident place matches a key's country and city
    city_documents: int = 0  # documents whose key names a city
    city_strict: int = 0  # ... where some incident place is that city
    places: int = 0  # extracted incident places in those documents
    places_in_country: int = 0  # ... in one of the key countries
    examples: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        def p(a: int, b: int) -> float:
            return round(100 * a / b, 2) if b else 0.0

        return {
            "documents": self.documents,
            "documents_with_place": self.with_place,
            "country": p(self.country, self.documents),
            "country_and_city": p(self.city, self.documents),
            "documents_with_city": self.city_documents,
            "city_when_key_names_one": p(self.city_strict, self.city_documents),
            "places": self.places,
            "places_in_key_country": p(self.places_in_country, self.places),
        }


def score_locations(
    extractions: dict[str, Extraction], docs: Sequence[MucDocument]
) -> LocationScore:
    """The MUC-4 dev key-location measure (geocoding of the incidents' places).

    Per document whose relevant key templates give an incident location: *country* when
    some extracted incident place lies in a key's country, *country and city* when some place
    also is the key's city (or a place the key names within it; a key naming no city needs
    the country only).  ``city_when_key_names_one`` is the share over documents whose key
    names a city; ``places_in_key_country`` the share of extracted places in a key country.
    """
    score = LocationScore()
    for doc in docs:
        locations = [
            loc
            for key in doc.key_templates
            if key.relevant
            for loc in parse_key_location(key.incident_location)
        ]
        if not locations:
            continue
        ext = extractions.get(doc.id)
        places = [i.place for i in ext.incidents if i.place is not None] if ext else []
        score.documents += 1
        score.with_place += bool(places)
        country = any(_place_country_ok(p, loc) for p in places for loc in locations)
        city = any(_place_city_ok(p, loc) for p in places for loc in locations)
        score.country += country
        score.city += city
        named = [loc for loc in locations if loc.cities]
        if named:
            score.city_documents += 1
            score.city_strict += any(_place_city_ok(p, loc) for p in places for loc in named)
        score.places += len(places)
        score.places_in_country += sum(
            any(_place_country_ok(p, loc) for loc in locations) for p in places
        )
        if not city and len(score.examples) < 15:
            score.examples.append(
                {
                    "id": doc.id,
                    "key": sorted(
                        {k.incident_location or "" for k in doc.key_templates if k.relevant}
                    ),
                    "predicted": [
                        f"{p.name} -> {p.canonical_name or '?'}, {p.country or '?'}" for p in places
                    ],
                }
            )
    return score


# --------------------------------------------------------------------------- run


def muc_input(doc: MucDocument, text_field: str = "text") -> str:
    """The text fed to the extractor: GTT's lower-cased ``text`` (default) or ``text_raw``."""
    if text_field == "text":
        return doc.text
    if text_field == "raw":
        return doc.text_raw or doc.text
    raise ValueError(f"text_field must be 'text' or 'raw', not {text_field!r}")


def _top(counter: Counter[tuple[str, str]], n: int = 15) -> list[dict[str, Any]]:
    return [
        {"role": role, "filler": filler, "count": count}
        for (role, filler), count in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[:n]
    ]


def evaluate_muc4(
    docs: Sequence[MucDocument],
    *,
    extractor: Extractor | None = None,
    text_field: str = "text",
    relevance: RelevanceFilter | None | bool = True,
) -> dict[str, Any]:
    """Run the extractor over MUC-4 documents and score templates and victim effects.

    ``relevance``: True (default) applies the bundled filter learned on MUC-4 train (see
    ``muc4_filter``), False or None none, or a filter of your own; the report gives the
    template F1 without the filter too."""
    extractor = extractor or default_extractor()
    if relevance is True:
        relevance = bundled_filter()
    elif relevance is False:
        relevance = None
    stats = RunStats()
    extractions = run_all(
        ((d.id, muc_input(d, text_field), d.doc_date) for d in docs), extractor, stats=stats
    )
    unfiltered = {doc_id: extraction_to_templates(e) for doc_id, e in extractions.items()}
    headers = {d.id: muc_header(d.text_raw) for d in docs}
    predictions = {
        doc_id: extraction_to_templates(e, relevance=relevance, header=headers.get(doc_id))
        for doc_id, e in extractions.items()
    }
    gtt = score_gtt(predictions, docs)
    gtt_unfiltered = score_gtt(unfiltered, docs)
    strict = score_gtt(predictions, docs, one_to_one=True)
    deaths = score_effects(extractions, docs, "DEATH")
    injuries = score_effects(extractions, docs, "INJURY")
    locations = score_locations(extractions, docs)
    return {
        "scores": {
            "gtt_micro": gtt.micro.as_dict(),
            "roles": {role: gtt.roles[role].as_dict() for role in ROLE_KEYS},
            "one_to_one_micro": strict.micro.as_dict(),
            "one_to_one_roles": {role: strict.roles[role].as_dict() for role in ROLE_KEYS},
            "deaths": deaths.as_dict(),
            "injuries": injuries.as_dict(),
            "key_location": locations.as_dict(),
        },
        "headline": {
            "gtt_f1": round(100 * gtt.micro.f1, 2),
            "gtt_p": round(100 * gtt.micro.precision, 2),
            "gtt_r": round(100 * gtt.micro.recall, 2),
            "gtt_f1_unfiltered": round(100 * gtt_unfiltered.micro.f1, 2),
            "one_to_one_f1": round(100 * strict.micro.f1, 2),
            "deaths_in_range": deaths.as_dict()["in_range_with_gold"],
            "key_location_city": locations.as_dict()["country_and_city"],
        },
        "run": {
            "documents": stats.documents,
            "failures": stats.failures,
            "seconds": round(stats.seconds, 2),
            "text_field": text_field,
            "templates_predicted": sum(len(v) for v in predictions.values()),
            "templates_filtered_out": sum(len(v) for v in unfiltered.values())
            - sum(len(v) for v in predictions.values()),
            "relevance_filter": relevance.meta if relevance is not None else None,
            "templates_gold": sum(len(d.templates) for d in docs),
            "alignments_approximate": gtt.approximate,
        },
        "errors": {
            "missed": _top(gtt.missed),
            "spurious": _top(gtt.spurious),
            "deaths_out_of_range": deaths.examples,
            "injuries_out_of_range": injuries.examples,
            "key_location_missed": locations.examples,
        },
    }
