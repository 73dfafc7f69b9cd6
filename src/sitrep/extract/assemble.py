"""Stage 4: assemble incidents, coordinated groups, figures at the level reported, perpetrators.

* Event mentions at the same place on the same date become one incident.  An event mention
  whose sentence names no place takes the province (or country) the article is about.
* Two or more incidents at different places on one day in one province, in an article that
  describes a coordinated wave, make a group; figures given only for the wave belong to it.
* A figure belongs to an incident when its sentence reports that incident's action or place;
  to the group when the article has one; else to the single incident; else to the article.
  Figures over a period stay aggregates or background statistics.  Nothing is pushed down to an
  incident it was not reported for.
* The same count reported twice is one figure with two spans; a later count that updates an
  earlier one ("the death toll rose to 26") supersedes it; a total that equals the sum of its
  parts includes them; totals are only ever computed from figures of one level.
"""

from __future__ import annotations

import re
from collections import Counter

from sitrep.extract.casualties import FigureMention
from sitrep.extract.incidents import (
    SMALL_PLACE_KINDS,
    WAVE_WORDS,
    EventMention,
    Reading,
    date_key,
    event_places,
    order_types,
    place_contains,
    placed_within,
    tagged,
    trigger_types,
)
from sitrep.extract.mentions import Doc
from sitrep.merge.match import distance_km
from sitrep.model import (
    AttackType,
    Attribution,
    Category,
    Claim,
    EventDate,
    Figure,
    FigureStatus,
    Group,
    Incident,
    IncidentStatus,
    Level,
    Perpetrator,
    Place,
    PlaceKind,
    RoleFiller,
    Span,
    Stance,
    Tagged,
    Warning,
)

ACLED_TYPES = {
    AttackType.BOMBING: ("Explosions/Remote violence", "Suicide bomb"),
    AttackType.ARMED_ASSAULT: ("Violence against civilians", "Attack"),
    AttackType.ASSASSINATION: ("Violence against civilians", "Attack"),
    AttackType.KIDNAPPING: ("Violence against civilians", "Abduction/forced disappearance"),
    AttackType.FACILITY_ATTACK: ("Strategic developments", "Looting/property destruction"),
    AttackType.HIJACKING: ("Violence against civilians", "Abduction/forced disappearance"),
    AttackType.UNARMED_ASSAULT: ("Violence against civilians", "Attack"),
    AttackType.ARMED_CLASH: ("Battles", "Armed clash"),
    AttackType.SECURITY_OPERATION: ("Battles", "Armed clash"),
}

#: trigger ids (triggers.toml) of a strike from the air: a state's strike is remote violence
_STRIKE_TRIGGERS = frozenset({"airstrike", "harming_strike"})
_EXPLOSIVE_KINDS = frozenset({"ied", "vehicle_bomb", "landmine", "explosives", "suicide_vest"})
_REMOTE_KINDS = frozenset({"airstrike", "drone", "rocket", "mortar", "artillery"})
_CIVILIAN_TARGETS = frozenset(
    {"civilians", "passengers", "journalists", "aid_workers", "foreigners"}
)
STATE_TARGETS = {"police", "military", "paramilitary", "security_post", "prison", "government"}


def _acled_type(inc: Incident) -> tuple[str | None, str | None]:
    """ACLED event type and sub-event type from the GTD-style types, weapons and targets."""
    if not inc.types:
        return None, None
    first = inc.types[0]
    weapons = {w.kind for w in inc.weapons}
    targets = {t.kind for t in inc.targets}
    if inc.status == IncidentStatus.FOILED:
        return "Strategic developments", "Disrupted weapons use"
    if first == AttackType.BOMBING:
        if inc.suicide:
            return "Explosions/Remote violence", "Suicide bomb"
        if weapons & {"grenade"}:
            return "Explosions/Remote violence", "Grenade"
        if weapons & {"airstrike", "drone"}:
            return "Explosions/Remote violence", "Air/drone strike"
        if weapons & {"rocket", "mortar", "artillery"}:
            return "Explosions/Remote violence", "Shelling/artillery/missile attack"
        return "Explosions/Remote violence", "Remote explosive/landmine/IED"
    if first == AttackType.SECURITY_OPERATION and (
        weapons & {"airstrike", "drone"} or any(t.kind in _STRIKE_TRIGGERS for t in inc.triggers)
    ):
        return "Explosions/Remote violence", "Air/drone strike"  # the state's strike from the air
    if first == AttackType.FACILITY_ATTACK and weapons & _REMOTE_KINDS:
        # "drones attacked an oil depot, setting it ablaze": remote violence, not looting
        if weapons & {"airstrike", "drone"}:
            return "Explosions/Remote violence", "Air/drone strike"
        return "Explosions/Remote violence", "Shelling/artillery/missile attack"
    if first in (AttackType.ARMED_ASSAULT, AttackType.ASSASSINATION, AttackType.UNARMED_ASSAULT):
        if targets & STATE_TARGETS or (
            "militants" in targets and not targets & _CIVILIAN_TARGETS
        ):  # "police said they shot dead two militants": armed men fought, not civilians
            return "Battles", "Armed clash"
        return "Violence against civilians", "Attack"
    if first == AttackType.UNKNOWN:
        # "an attack" with nothing else known: ACLED's type from what was used and on whom
        if any(t.kind == "bodies_found" for t in inc.triggers) and not targets & STATE_TARGETS:
            return "Violence against civilians", "Attack"  # bodies of the killed found dumped
        if weapons & {"grenade"}:
            return "Explosions/Remote violence", "Grenade"
        if weapons & _EXPLOSIVE_KINDS:
            return "Explosions/Remote violence", "Remote explosive/landmine/IED"
        if targets & STATE_TARGETS:
            return "Battles", "Armed clash"
        if targets & _CIVILIAN_TARGETS:
            return "Violence against civilians", "Attack"  # "attacked a village, killing five"
    return ACLED_TYPES.get(first, (None, None))


def _main_region(doc: Doc, events: list[EventMention]) -> Place | None:
    """The province (else country) the article is about: the admin1 most places share."""
    provinces = [p for p in doc.places if p.kind == PlaceKind.PROVINCE]
    counts: Counter[str] = Counter()
    for e in events:
        if e.place is not None and e.place.admin1:
            counts[e.place.admin1] += 2
    for p in provinces:
        counts[p.canonical_name or p.name] += len(p.spans)
    if counts:
        name = counts.most_common(1)[0][0]
        for p in provinces:
            if (p.canonical_name or p.name) == name:
                return p
        for e in events:
            if e.place is not None and e.place.admin1 == name:
                src = e.place
                return Place(
                    name=name,
                    kind=PlaceKind.PROVINCE,
                    canonical_name=name,
                    admin1=name,
                    country=src.country,
                    country_iso3=src.country_iso3,
                    country_name=src.country_name,
                    precision=3,
                    where_prec=4,
                    resolved=False,
                )
    countries = [p for p in doc.places if p.kind == PlaceKind.COUNTRY]
    if countries:
        from sitrep.geo import country_weights

        weights = country_weights(doc.text, doc.places)
        return max(countries, key=lambda p: (weights[p.country or ""], len(p.spans)))
    small = [p for p in doc.places if p.kind in SMALL_PLACE_KINDS]
    if small:
        return max(small, key=lambda p: len(p.spans))
    return None


_RESPONSE_TYPES = frozenset({AttackType.ARMED_CLASH, AttackType.SECURITY_OPERATION})


def wave_described(doc: Doc, reading: Reading) -> bool:
    """The article reports a coordinated wave ("a series of coordinated attacks")."""
    return bool(reading.wave_spans) or doc.wave_article


def _place_events(doc: Doc, reading: Reading) -> list[EventMention]:
    """Give every event mention a place; drop the security forces' response to a wave.

    An attack word whose sentence names no town is the same act as an earlier one with a town
    when it is the same kind of act and names no other target ("the bomb", "the attack"), or when
    it is the response to it ("a search operation was launched", "troops engaged the
    attackers"); such a response in an article about a coordinated wave is the wave's, not an
    incident of its own (its figures go to the wave).  Anything else with no town is its own
    action in the article's region ("insurgents sabotaged rail tracks")."""
    events = reading.events
    region = _main_region(doc, events)
    wave = wave_described(doc, reading)
    sited = [e for e in events if e.place is not None and e.place.kind in SMALL_PLACE_KINDS]
    out: list[EventMention] = []
    hosted: list[EventMention] = []  # placed as the continuation of an act told before
    for e in events:
        apart = _another_act_cue(doc, doc.sentences[e.sentence].start, e.trigger.span.start)
        if apart:
            e.another = True  # "separately, ...": never joined to an act told before
        if e.place is not None and e.place.kind in SMALL_PLACE_KINDS:
            out.append(e)
            continue
        types = set(e.attack_types)
        # the security forces' own action ("92 militants who were shot dead by troops")
        response = (bool(types) and types <= _RESPONSE_TYPES) or e.state_agent is not None
        if e.earlier or not sited:
            e.place = e.place or region
            out.append(e)
            continue
        if response and wave:
            continue
        claim = _CLAIM_OF_ACT.search(
            doc.text, doc.sentences[e.sentence].start, e.trigger.span.start
        )
        if claim and any(s.trigger.span.start < e.trigger.span.start for s in sited):
            # "X claimed responsibility for the attack, saying it had targeted officials": the
            # claimant's account of an act told before (the claim itself is read by claims.py)
            continue
        # "the attackers opened fire and fled after setting the post on fire": a sentence that
        # names no place and goes on with an act told before tells that act
        mate = next((o for o in hosted if o.sentence == e.sentence), None)
        if e.place is None and mate is not None:
            e.place, e.place_span = mate.place, None
            if not e.own_date and not e.earlier:
                e.date = mate.date
            out.append(e)
            continue
        if apart and _strong_apart(doc, doc.sentences[e.sentence].start, e.trigger.span.start):
            # "Separately, troops killed 12 insurgents in a raid on Friday": not the act just
            # told, though the sentence names no town of its own
            e.place = e.place or region
            out.append(e)
            continue
        before = [s for s in sited if s.trigger.span.start < e.trigger.span.start] or sited[:1]
        same_kind = [
            s
            for s in before
            if _types_compatible(types, set(s.attack_types)) and _targets_compatible(e, s)
        ]
        if WAVE_WORDS.search(doc.sentences[e.sentence].text):
            # "insurgents also targeted security posts in various districts": the region's
            e.place = e.place or region
            out.append(e)
            continue
        host = same_kind[-1:] or None
        close = bool(before) and 0 <= e.sentence - before[-1].sentence <= CONTINUATION_SENTENCES
        if host is None and close and _refers_back(doc, e):
            # "the car bomb was left under the bridge, where it exploded": the act just told,
            # whatever else the sentence names
            ref = [s for s in before if _types_compatible(types, set(s.attack_types))]
            if ref and e.sentence - ref[-1].sentence <= CONTINUATION_SENTENCES:
                host = ref[-1:]
        if (
            host is None
            and close
            and (
                not _own_targets(e)
                or _types_compatible(types, set(before[-1].attack_types))
                and AttackType.UNKNOWN in types
            )
        ):
            # "Twenty-three of them were shot dead at the roadside."; "... attacked the post
            # from three sides": the act just reported, told further
            host = before[-1:]
        if (
            host is None
            and close
            and _next_stage(doc, doc.sentences[e.sentence].start, e.trigger.span.start)
        ):
            # "A suicide car bomber struck the gate ... Gunmen then stormed the building": the
            # next stage of the act just told
            host = before[-1:]
        if host is None and before and (response or not _own_targets(e)):
            host = before[-1:]  # "the bomb disposal unit later defused the jacket"

        if host is not None:
            hosted.append(e)
            e.place, e.place_span = host[0].place, None
            if not e.own_date and not e.earlier:
                e.date = host[0].date  # "... later found a second device and defused it"
        else:
            e.place = e.place or region
        out.append(e)
    _narrow_country_events(out)
    _narrow_province_events(doc, out)
    return out


# "the car bomb", "the explosive device", "the blast": the device or the act already told
_TOLD_DEVICE = re.compile(
    r"\b(?:the|this|these)\s+(?!(?:second|third|fourth|other|next|new|latest)\b)(?:[\w-]+\s+)?"
    r"(?:bomb|device|explosive|charge|blast|explosion)s?\b",
    re.I,
)


def _refers_back(doc: Doc, e: EventMention) -> bool:
    """The attack word refers to the act told ("the blast", "Monday's explosion"), or its
    sentence's subject is the device already told ("the car bomb was left under the bridge,
    where it exploded")."""
    if _definite(doc, e):
        return True
    start = max(doc.sentences[e.sentence].start, e.segment.start)
    return _TOLD_DEVICE.search(doc.text, start, e.trigger.span.start) is not None


_ANOTHER_MATTER = re.compile(
    r"\s*(?:separately|elsewhere|meanwhile|in\s+(?:another|a\s+separate)\s+(?:incident|development))\b",
    re.I,
)


def _another_act_cue(doc: Doc, start: int, end: int) -> bool:
    """An "another act" context cue ("separately", "in a separate incident", "two days later")
    lies in ``[start, end)``: the attack word after it tells an act apart from the one just
    reported."""
    return any(
        c.entry.attrs.get("role") == "another_act" for c in doc.terms_in(start, end, "context_cue")
    )


def _strong_apart(doc: Doc, start: int, end: int) -> bool:
    """An "another act" cue that is not only "meanwhile" or "in addition"."""
    return any(
        c.entry.attrs.get("role") == "another_act"
        and c.span.text.lower() not in ("meanwhile", "in addition")
        for c in doc.terms_in(start, end, "context_cue")
    )


def _next_stage(doc: Doc, start: int, end: int) -> bool:
    """A "next stage" context cue ("then", "moments later", "after the blast") lies in
    ``[start, end)``: the attack word after it tells the act just reported, further."""
    return any(
        c.entry.attrs.get("role") == "next_stage" for c in doc.terms_in(start, end, "context_cue")
    )


_CLAIM_OF_ACT = re.compile(
    r"\bclaim(?:ed|s|ing)?\s+(?:responsibility|credit|the\s+(?:attack|bombing|raid|assault|killing))",
    re.I,
)

# "the attackers", "the gunmen": the doers of an act already told, as the subject of a new verb
_SAME_DOERS = re.compile(
    r"\b(?:the|these|those)\s+(?:[\w-]+\s+)?(?:attackers|assailants|gunmen|militants|bandits|"
    r"kidnappers|abductors|raiders|insurgents|terrorists|fighters|rebels)\b",
    re.I,
)


def _narrow_province_events(doc: Doc, events: list[EventMention]) -> None:
    """An act placed only in a province is the same act as the one its doers go on with in the
    next sentences at a place not resolved or inside that province ("Gunmen abducted 25 students
    from a school in Kebbi State ... The attackers stormed the school in Maga"): both take the
    smaller place (placed in the province when the gazetteer does not know it)."""
    for e in events:
        if e.earlier or e.place is None or e.place.kind != PlaceKind.PROVINCE:
            continue
        hosts = []
        for o in events:
            if o is e or o.earlier or o.place is None or o.place.kind not in SMALL_PLACE_KINDS:
                continue
            if not 0 < o.sentence - e.sentence <= CONTINUATION_SENTENCES:
                continue
            if not (o.place.kind == PlaceKind.UNKNOWN or place_contains(e.place, o.place)):
                continue
            if o.date is not None and e.date is not None and date_key(o.date) != date_key(e.date):
                continue
            sent = doc.sentences[o.sentence]
            if _SAME_DOERS.search(doc.text, sent.start, o.trigger.span.start):
                hosts.append(o)  # the same doers go on: the same act, whatever its words
        places = {o.place.key for o in hosts}
        if len(places) != 1:
            continue
        place = hosts[0].place
        if place.kind == PlaceKind.UNKNOWN:
            place = placed_within(place, e.place)
        # the acts placed in the province around them ("a police officer was shot and
        # wounded") and the doers' own go with them
        old, new, last = e.place.key, hosts[0].place.key, max(o.sentence for o in hosts)
        for o in events:
            if o.place is None or o.earlier:
                continue
            if o.place.key == old and e.sentence <= o.sentence <= last + CONTINUATION_SENTENCES:
                o.place, o.place_span = place, None
            elif o.place.key == new:
                o.place = place


def _narrow_country_events(events: list[EventMention]) -> None:
    """An act placed only in a country (or nowhere) is the same act as one of its kind on the
    same day named with a province or a smaller place ("the attack in which five soldiers were
    killed at the border with Colombia" and "the attack ... in the border state of Apure"): it
    takes the nearer one's place."""
    placed = [
        e
        for e in events
        if not e.earlier
        and e.place is not None
        and e.place.kind not in (PlaceKind.COUNTRY, PlaceKind.UNKNOWN)
    ]
    for e in events:
        if e.earlier or (e.place is not None and e.place.kind != PlaceKind.COUNTRY):
            continue
        hosts = [
            o
            for o in placed
            if (e.date is None or date_key(o.date) == date_key(e.date))
            and _types_compatible(set(e.attack_types), set(o.attack_types))
            and _targets_compatible(e, o)
        ]
        if hosts:
            host = min(hosts, key=lambda o: abs(o.sentence - e.sentence))
            e.place, e.place_span = host.place, None
            if e.date is None:
                e.date = host.date


def _types_compatible(a: set[AttackType], b: set[AttackType]) -> bool:
    """The same kind of act; a bare "attack" (unknown type) fits any."""
    return bool(a & b) or AttackType.UNKNOWN in a or AttackType.UNKNOWN in b


# target kinds that say little about which act is meant ("the militants stormed", "a crowd")
_UNSPECIFIC_TARGETS = frozenset({"militants", "civilians"})


def _own_targets(e: EventMention) -> set[str]:
    return {
        t.entry.id
        for t in e.targets
        if t.span.start >= e.segment.start
        and t.span.end <= e.segment.end
        and t.entry.id not in _UNSPECIFIC_TARGETS
    }


def _targets_compatible(e: EventMention, other: EventMention) -> bool:
    """Not two different things attacked: either names no specific target, or they share one."""
    own = _own_targets(e)
    theirs = {t.entry.id for t in other.targets if t.entry.id not in _UNSPECIFIC_TARGETS}
    return not own or not theirs or bool(own & theirs)


def build_incidents(
    doc: Doc, reading: Reading, same_acts: set[frozenset[tuple[str, str]]] | None = None
) -> tuple[list[Incident], list[EventMention]]:
    """Merge event mentions into incidents (one per place and date).

    ``same_acts``: pairs of (place, date) buckets that are one act told twice (see
    ``same_act_pairs``), joined into one incident."""
    events = _place_events(doc, reading)
    reading.events = events
    buckets, order = _buckets(events)
    if same_acts:
        buckets, order = _merge_same_acts(buckets, order, same_acts)
    incidents: list[Incident] = []
    for n, key in enumerate(order, start=1):
        group = buckets[key]
        types = order_types({t for e in group for t in e.attack_types})
        statuses = {e.status for e in group}
        if IncidentStatus.FOILED in statuses:
            # "defused a bomb ... the militants who planted the device": planting is no
            # detonation
            statuses = {
                e.status
                for e in group
                if not (
                    e.trigger.entry.id == "device_defused"
                    and e.status == IncidentStatus.CARRIED_OUT
                )
            } or statuses
        status = (
            IncidentStatus.CARRIED_OUT
            if IncidentStatus.CARRIED_OUT in statuses
            else IncidentStatus.ATTEMPTED
            if IncidentStatus.ATTEMPTED in statuses
            else IncidentStatus.FOILED
        )
        place = group[0].place
        if place is not None:
            spans = [e.place_span for e in group if e.place_span is not None]
            if spans:
                place = _place_with_spans(place, spans)
        date = next((e.date for e in group if e.date is not None), None)
        sentence_spans = sorted({doc.sentences[e.sentence] for e in group})
        inc = Incident(
            id=f"i{n}",
            types=types,
            status=status,
            date=date,
            place=place,
            targets=_targets(types, group),
            weapons=_weapons(group),
            triggers=tagged([e.trigger for e in group]),
            suicide=any(e.suicide for e in group),
            spans=list(sentence_spans),
        )
        inc.perpetrators = _agents(group)
        incidents.append(inc)
    _apply_suspicions(doc, reading, incidents, buckets, order)
    _place_from_references(doc, reading, incidents)
    return incidents, events


#: a reference this many sentences after its act's last sentence can still place it
REFERENCE_SENTENCES = 3


def _place_from_references(doc: Doc, reading: Reading, incidents: list[Incident]) -> None:
    """An incident placed only in a country or a province takes the one smaller place a later
    reference to it names ("Soldiers killed 223 villagers in northern Burkina Faso ... The
    killings took place on Feb. 25 in Nondin and Soro, in Yatenga province": Yatenga); places
    the gazetteer does not know, or several, leave it as it is.  A sentence that opens with the
    doers told again ("The attackers arrived in Naulala village in Macomia district") refers to
    it too."""
    for span in sorted([*reading.reference_spans, *_doer_openings(doc)], key=lambda s: s.start):
        si = doc.sentence_of(span.start)
        sent = doc.sentences[si]
        told = [
            inc
            for inc in incidents
            if inc.spans
            and inc.spans[-1].end <= sent.start
            and si - doc.sentence_of(inc.spans[-1].start) <= REFERENCE_SENTENCES
        ]
        if not told:
            continue
        inc = max(told, key=lambda i: i.spans[-1].start)
        if inc.place is None or inc.place.kind not in (PlaceKind.COUNTRY, PlaceKind.PROVINCE):
            continue
        if any(s.start <= sent.start < s.end for s in inc.spans):
            continue
        wider = inc.place
        found = [
            p
            for _, p in event_places(doc, sent)
            if p.kind in SMALL_PLACE_KINDS
            and p.kind != PlaceKind.UNKNOWN
            and p.country == wider.country
            and (wider.kind == PlaceKind.COUNTRY or place_contains(wider, p))
        ]
        if len({p.key for p in found}) == 1:
            inc.place = found[0]  # its sentences stay the act's own (roles are read there)


_DEFINITE_OPENING = re.compile(r"\s*(?:the|these|those)\s+([a-z]+)\b", re.I)


def _doer_openings(doc: Doc) -> list[Span]:
    """The opening words of body sentences that start with the doers of an act told with "the"
    ("The attackers", "The gunmen"; the ``doer`` cue and one-word attackers of the role lexicon)."""
    from sitrep.extract.role_reader import role_lexicon

    rl = role_lexicon()
    out = []
    for sent in doc.sentences:
        if sent.end <= doc.body_start:
            continue
        m = _DEFINITE_OPENING.match(doc.text, sent.start, sent.end)
        if m and (m.group(1).lower() in rl.doer or m.group(1).lower() in rl.attacker_words):
            out.append(Span.of(doc.text, m.start(1), m.end(1)))
    return out


def _bucket_key(e: EventMention) -> tuple[str, str]:
    key = (e.place.key if e.place else "?", "earlier" if e.earlier else date_key(e.date))
    return key if not e.act else (key[0] + f"#{e.act}", key[1])


#: a town this close to another is a part of it or a suburb ("San Isidro" in Lima)
SAME_SITE_KM = 10.0
#: dates this many days apart can be one act told from two days ("yesterday" and the date)
SAME_ACT_DAYS = 1


def _group_types(group: list[EventMention]) -> set[AttackType]:
    return {t for e in group for t in e.attack_types}


#: acts of the state or two armed sides, not an attack on someone
_BATTLE_TYPES = frozenset({AttackType.ARMED_CLASH, AttackType.SECURITY_OPERATION})


def _acts_compatible(a: set[AttackType], b: set[AttackType]) -> bool:
    """The same kind of act: a kind in common, or one side only a bare "attack" and the other
    an attack (not a clash or a security operation)."""
    a_known, b_known = a - {AttackType.UNKNOWN}, b - {AttackType.UNKNOWN}
    if not a_known or not b_known:
        known = a_known or b_known
        return not known or not known <= _BATTLE_TYPES
    return bool(a_known & b_known - _BATTLE_TYPES)


def _site_compatible(a: Place | None, b: Place | None) -> bool:
    """One place, or one inside the other (a town in its province, a neighbourhood or a suburb
    within ``SAME_SITE_KM`` of its city); a place not known fits any.  Not a town in the district
    named after another town (Pasni in Gwadar district is not Gwadar)."""
    if a is None or b is None or a.key == b.key:
        return True
    if PlaceKind.UNKNOWN in (a.kind, b.kind) or PlaceKind.COUNTRY in (a.kind, b.kind):
        return False
    for outer, inner in ((a, b), (b, a)):
        names = {x.casefold() for x in (outer.canonical_name, outer.name) if x}
        if outer.kind == PlaceKind.PROVINCE and inner.kind in SMALL_PLACE_KINDS:
            if (inner.admin1 or "").casefold() in names:
                return True
    if (
        a.kind in SMALL_PLACE_KINDS
        and b.kind in SMALL_PLACE_KINDS
        and None not in (a.latitude, a.longitude, b.latitude, b.longitude)
    ):
        return distance_km(a.latitude, a.longitude, b.latitude, b.longitude) <= SAME_SITE_KM  # type: ignore[arg-type]
    return False


def _dates_compatible(a: EventDate | None, b: EventDate | None) -> bool:
    if a is None or b is None or date_key(a) == date_key(b):
        return True
    da, db = a.as_date(), b.as_date()
    return da is not None and db is not None and abs((da - db).days) <= SAME_ACT_DAYS


def _group_targets(group: list[EventMention]) -> set[str]:
    return {t for e in group for t in _own_targets(e)}


def _same_act_shape(host: list[EventMention], guest: list[EventMention]) -> bool:
    """Two buckets of one report that can tell one act: the same kind, at one site (or one
    inside the other), on one day or the next (or with no date), with no two different things
    attacked."""
    if host[0].earlier or guest[0].earlier:
        return False
    if not _acts_compatible(_group_types(host), _group_types(guest)):
        return False
    if not _site_compatible(host[0].place, guest[0].place):
        return False
    if not _dates_compatible(_group_date(host), _group_date(guest)):
        return False
    own, theirs = _group_targets(guest), _group_targets(host)
    return not own or not theirs or bool(own & theirs)


def _group_date(group: list[EventMention]) -> EventDate | None:
    return next((e.date for e in group if e.date is not None), None)


def _buckets(
    events: list[EventMention],
) -> tuple[dict[tuple[str, str], list[EventMention]], list[tuple[str, str]]]:
    buckets: dict[tuple[str, str], list[EventMention]] = {}
    order: list[tuple[str, str]] = []
    for e in events:
        key = _bucket_key(e)
        if key not in buckets:
            buckets[key] = []
            order.append(key)
        buckets[key].append(e)
    return buckets, order


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[^\W\d_]{3,}", text.lower())}


def _head(f: RoleFiller) -> set[str]:
    words = re.findall(r"[^\W\d_]+", (f.head or f.text).lower())
    return {words[-1].removesuffix("s")} if words else set()


def _fillers_conflict(a: Incident, b: Incident) -> bool:
    """Two different people harmed, or two different things attacked: named victims with no
    name in common, or targets with no head word in common ("a bus" and "the buses" can be
    one; "the embassy" and "an embassy vehicle" are two)."""
    va = [_words(f.text) for f in a.arguments if f.role == "victim" and f.named]
    vb = [_words(f.text) for f in b.arguments if f.role == "victim" and f.named]
    if va and vb and not any(p & q for p in va for q in vb):
        return True
    ta = [_head(f) for f in a.arguments if f.role == "target"]
    tb = [_head(f) for f in b.arguments if f.role == "target"]
    return bool(ta and tb and not any(p & q for p in ta for q in tb))


def same_act_pairs(reading: Reading, incidents: list[Incident]) -> set[frozenset[tuple[str, str]]]:
    """The pairs of incidents (as their (place, date) buckets) that are one act: the same kind
    at one site or one inside the other, on one day or the next, and no two different victims
    or targets (``incidents`` read with their role fillers, in bucket order)."""
    buckets, order = _buckets(reading.events)
    if len(order) != len(incidents):
        return set()
    out: set[frozenset[tuple[str, str]]] = set()
    for n, guest in enumerate(order):
        if any(e.another for e in buckets[guest]):
            continue  # told as another act
        for m in range(n):
            host = order[m]
            if _same_act_shape(buckets[host], buckets[guest]) and not _fillers_conflict(
                incidents[m], incidents[n]
            ):
                out.add(frozenset((host, guest)))
    return out


def split_candidates(reading: Reading) -> list[int]:
    """The sentences of the buckets (place, date) whose acts are told in more than one
    sentence: where to read the named victims to tell distinct acts apart."""
    buckets, order = _buckets(reading.events)
    out: set[int] = set()
    for key in order:
        sentences = {e.sentence for e in buckets[key]}
        if len(sentences) > 1:
            out |= sentences
    return sorted(out)


def _same_people(a: list[str], b: list[str]) -> bool:
    return any(_words(x) & _words(y) for x in a for y in b)


def _surnames(name: str) -> set[str]:
    """The words of a person's name that name the person again on their own: all but the
    given name ("oqueli" and "colindres" of "hector oqueli colindres")."""
    words = re.findall(r"[^\W\d_]{3,}", name.lower())
    return set(words[1:]) if len(words) > 1 else set(words)


def _names_again(text: str, people: list[str]) -> bool:
    """The sentence names one of ``people`` again (harmed or not: "x and his companion")."""
    words = _words(text)
    return any(_surnames(p) & words for p in people)


# "the attackers", "the assailants": people named by the act they did, the doers of the act told
_ACT_DOERS = re.compile(
    r"\b(?:the|these|those)\s+(?:[\w-]+\s+)?(?:attackers|assailants|raiders|bombers|kidnappers|"
    r"abductors)\b",
    re.I,
)
_MORE = re.compile(r"\b(?:also|later|again)\b", re.I)


def _things_again(text: str, heads: set[str]) -> bool:
    """The sentence names one of the things attacked (``heads``) again with a definite
    article ("the institute's main entrance", "the building's basement")."""
    return any(
        re.search(rf"\b(?:the|this|that)\s+(?:[\w-]+\s+)?{re.escape(h)}(?:'s|s)?\b", text, re.I)
        for h in heads
    )


#: an attack word that is a verb form ("exploded", "threw"): no determiner before it
_VERB_TRIGGER = re.compile(r"^\w+ed\b|^(?:blew|threw|set|shot|burnt|went)\b", re.I)

_DEFINITE = frozenset({"the", "this", "that", "these", "those", "such", "its"})


def _definite(doc: Doc, e: EventMention) -> bool:
    """The attack word refers to an act already told ("the blast destroyed ...", "the
    explosion of four bombs", "today's explosion"): a definite determiner or a possessive
    just before it."""
    sent = doc.sentences[e.sentence]
    if _VERB_TRIGGER.search(e.trigger.span.text):
        return False  # "a grenade that exploded": a relative pronoun, not a determiner
    before = doc.text[sent.start : e.trigger.span.start].lower().split()[-1:]
    return any(
        w in _DEFINITE or (w.endswith(("'s", "\u2019s")) and w[:-2] not in _NOT_POSSESSIVE)
        for w in before
    )


#: "'s" that is "is" or "has", not a possessive
_NOT_POSSESSIVE = frozenset({"it", "that", "what", "there", "here", "he", "she", "who"})


_ANOTHER = re.compile(
    r"\b(?:another|a\s+(?:second|third|fourth|fifth|sixth|further)|one\s+more)\s+(?:[\w-]+\s+)?$",
    re.I,
)


def _another(doc: Doc, e: EventMention) -> bool:
    """The attack word tells one more act ("another explosion took place", "a second bomb
    went off", "a third car bomb")."""
    sent = doc.sentences[e.sentence]
    return bool(
        _ANOTHER.search(doc.text, max(sent.start, e.trigger.span.start - 40), e.trigger.span.start)
    )


def split_acts(
    doc: Doc,
    reading: Reading,
    victims: dict[int, list[str]],
    targets: dict[int, list[str]] | None = None,
) -> bool:
    """Tell apart the distinct acts of one place and date: a sentence with its own attack word
    that names people harmed, none of them among those of the act told so far, starts another
    act (each of three men shot dead on one day in one city is an act of its own), and so does
    one that names another thing attacked, or people harmed after an act on a thing ("rebels
    bombed a bank. ... they burned a bus"), unless its attack word refers back ("the blast
    destroyed ...") or the sentence lists acts at several places; a sentence that names no
    one and nothing new, or someone already named, goes on with the act it names or the one
    told last.  Acts recalled from before ("earlier") are told apart the same way, except that
    naming someone of one of them does not join a sentence that names another victim to it
    ("x had investigated the murder of y").  ``victims``: the named victims of each sentence;
    ``targets``: the head words of the things attacked in each sentence.  Returns whether any act was split off
    (``EventMention.act``)."""
    buckets, order = _buckets(reading.events)
    # a sentence that lists acts at several places ("a prison break in x, an assault on the
    # headquarters in y and grenade attacks in z") sums up: its targets do not tell acts apart
    places: dict[int, set[str]] = {}
    for e in reading.events:
        places.setdefault(e.sentence, set()).add(_bucket_key(e)[0])
    summary = {n: len(keys) > 1 for n, keys in places.items()}
    changed = False
    for key in order:
        group = sorted(buckets[key], key=lambda e: e.sentence)
        if len({e.sentence for e in group}) < 2:
            continue
        acts: list[list[str]] = []
        things: list[set[str]] = []  # the target heads of each act
        of_sentence: dict[int, int] = {}
        for e in group:
            if e.sentence in of_sentence:
                e.act = of_sentence[e.sentence]
                continue
            named = victims.get(e.sentence, [])
            hit = set((targets or {}).get(e.sentence, ())) if not summary[e.sentence] else set()
            text = doc.sentences[e.sentence].text
            known = next(
                (
                    k
                    for k, vs in enumerate(acts)
                    if _same_people(named, vs)
                    or (not (named and e.earlier) and _names_again(text, vs))
                ),
                None,
            )
            # one more act, told with a thing or a place of its own ("another explosion took
            # place in zone 5, in front of the church"; not "a second bomb went off minutes
            # later", the same act)
            another = any(
                _another(doc, o) and (hit or o.place_span is not None)
                for o in group
                if o.sentence == e.sentence
            )
            # "meanwhile, a bomb thrown at a branch of ...", "two days later, gunmen shot x":
            # told as an act apart from the one just reported, with a thing attacked, a person
            # harmed or a place of its own (not "meanwhile, residents said there was shooting")
            apart = any(
                _another_act_cue(doc, doc.sentences[o.sentence].start, o.trigger.span.start)
                and (hit or named or o.place_span is not None)
                for o in group
                if o.sentence == e.sentence
            )
            # "also", "later" before the attack word: one more act
            more = any(
                _MORE.search(doc.text, doc.sentences[o.sentence].start, o.trigger.span.start)
                for o in group
                if o.sentence == e.sentence
            )
            if known is None and hit and not named and not another and not apart:
                known = next((k for k, ts in enumerate(things) if ts & hit), None)
            if known is None and not named and not another and not apart and not more:
                # "the bomb, placed at the institute's main entrance, damaged a car": the thing
                # attacked in an act told so far, named again with a definite article (not
                # "the rebels also blew up posts, leaving the government house in the dark")
                known = next((k for k, ts in enumerate(things) if _things_again(text, ts)), None)
            # the sentence tells an act of its own, not only what the act told did ("the
            # blast destroyed ...")
            own_act = not any(_refers_back(doc, o) for o in group if o.sentence == e.sentence)
            if not acts:
                k = 0
                acts.append([])
                things.append(set())
            elif known is not None:
                k = known
            elif not named and _next_stage(
                doc, doc.sentences[e.sentence].start, e.trigger.span.start
            ):
                k = len(acts) - 1  # "gunmen then stormed the building": the act's next stage
            elif apart and own_act:
                k = len(acts)  # "in a separate incident, gunmen shot dead ..."
                acts.append([])
                things.append(set())
                for o in group:
                    if o.sentence == e.sentence:
                        o.another = True
            elif another:
                # "another explosion took place in front of the church"
                k = len(acts)
                acts.append([])
                things.append(set())
                for o in group:
                    if o.sentence == e.sentence:
                        o.another = True
            elif not named and not more and _ACT_DOERS.search(text):
                # "before throwing the dynamite, the assailants painted the walls of the
                # residence": the doers of the act just told go on with it
                k = len(acts) - 1
            elif named and (acts[-1] or (things[-1] and not hit and own_act)):
                # other people harmed than those of the act told so far, or people harmed
                # after an act on a thing ("rebels bombed a bank. ... gunmen shot dead judge x")
                k = len(acts)
                acts.append([])
                things.append(set())
            elif (
                hit
                and (things[-1] or (more and not _ACT_DOERS.search(text)))
                and not acts[-1]
                and own_act
            ):
                # "guerrillas bombed a bank. ... they also set fire to a bus": another thing
                # attacked, told with its own attack word, is another act; so is one told with
                # "also" or "later" after an act that named no thing ("a car bomb exploded
                # ... rebels also blew up pylons"), told as one more act (not by the act's
                # doers: "the attackers also set fire to houses" goes on with the raid)
                k = len(acts)
                acts.append([])
                things.append(set())
                if more and not things[-2]:
                    for o in group:
                        if o.sentence == e.sentence:
                            o.another = True
            else:
                k = len(acts) - 1
            acts[k].extend(named)
            things[k] |= hit
            of_sentence[e.sentence] = e.act = k
        changed = changed or len(acts) > 1
    return changed


def same_act_candidates(reading: Reading) -> bool:
    """Whether any two buckets could be one act (worth reading role fillers for)."""
    buckets, order = _buckets(reading.events)
    return any(
        _same_act_shape(buckets[order[m]], buckets[g])
        for n, g in enumerate(order)
        for m in range(n)
    )


def _merge_same_acts(
    buckets: dict[tuple[str, str], list[EventMention]],
    order: list[tuple[str, str]],
    same_acts: set[frozenset[tuple[str, str]]],
) -> tuple[dict[tuple[str, str], list[EventMention]], list[tuple[str, str]]]:
    """Join the buckets (place, date) that are one act: the events of the later one take the
    earlier one's place and date (the more precise of the two places, the known date)."""
    merged: list[tuple[list[tuple[str, str]], list[EventMention]]] = []
    for key in order:
        group = list(buckets[key])
        host_entry = next(
            (h for h in merged if any(frozenset((k, key)) in same_acts for k in h[0])), None
        )
        if host_entry is None:
            merged.append(([key], group))
            continue
        host_entry[0].append(key)
        host = host_entry[1]
        place = host[0].place
        if place is None or (
            group[0].place is not None
            and _PLACE_RANK.get(group[0].place.kind, 9) < _PLACE_RANK.get(place.kind, 9)
        ):
            place = group[0].place
        date = _group_date(host) or _group_date(group)
        for e in host + group:
            if e.place is not place:
                same = e.place is not None and place is not None and e.place.key == place.key
                e.place, e.place_span = place, e.place_span if same else None
            e.date = date
            e.act = host[0].act
        host.extend(group)
    out: dict[tuple[str, str], list[EventMention]] = {}
    keys: list[tuple[str, str]] = []
    for _, group in merged:
        key = _bucket_key(group[0])
        out.setdefault(key, []).extend(group)
        if key not in keys:
            keys.append(key)
    return out, keys


_PLACE_RANK = {PlaceKind.TOWN: 0, PlaceKind.AREA: 1, PlaceKind.DISTRICT: 2, PlaceKind.PROVINCE: 3}


_ALL_THE_ACTS = re.compile(
    r"\b(?:the|these|both|all\s+the)\s+(?:[\w-]+\s+)?(?:attacks|bombings|killings|incidents|"
    r"blasts|raids|ambushes|assaults)\b",
    re.I,
)


def _apply_suspicions(
    doc: Doc, reading: Reading, incidents: list[Incident], buckets: dict, order: list
) -> None:
    """A group the text says is suspected ("Police suspect the Pakistani Taliban") is the
    suspected perpetrator of the act reported last before that sentence (else the first), or of
    every act told before it when the sentence speaks of them all ("No group claimed the
    attacks, but suspicion fell on the Pakistani Taliban")."""
    for si, actor in reading.suspicions:
        told: list[tuple[int, Incident]] = []
        for inc, key in zip(incidents, order, strict=False):
            if inc.types == [AttackType.SECURITY_OPERATION]:
                continue
            last = max((e.sentence for e in buckets[key] if e.sentence <= si), default=-1)
            if last >= 0:
                told.append((last, inc))
        if _ALL_THE_ACTS.search(doc.sentences[si].text) and len(told) > 1:
            chosen = [inc for _, inc in told]
        elif told:
            chosen = [max(told, key=lambda t: t[0])[1]]
        else:
            chosen = incidents[:1]
        for inc in chosen:
            if any(p.actor_id == actor.entry.id for p in inc.perpetrators):
                continue
            inc.perpetrators.append(
                Perpetrator(actor.entry.id, actor.entry.label, Attribution.SUSPECTED, [actor.span])
            )


def _targets(types: list[AttackType], group: list[EventMention]) -> list:
    """The targets named with the acts; "militants" is a target only of the state's own action
    (an attack by insurgents does not target the insurgents named as its doers), and the state
    force that acted is none ("security forces shot dead five protesters")."""
    state_act = bool(set(types) & _RESPONSE_TYPES)
    agents = [e.state_agent.span for e in group if e.state_agent is not None]
    return tagged(
        [
            t
            for e in group
            for t in e.targets
            if (state_act or t.entry.id != "militants")
            and not any(t.span.start < a.end and a.start < t.span.end for a in agents)
        ]
    )


def _weapons(group: list[EventMention]) -> list:
    """The weapons named with the acts, and the ones the acts imply ("opened fire": firearms;
    attack words with a ``weapon`` attribute in triggers.toml)."""
    out = tagged([w for e in group for w in e.weapons])
    have = {w.kind for w in out}
    for e in group:
        implied = e.trigger.entry.attrs.get("weapon")
        if implied and implied not in have:
            out.append(Tagged(kind=implied, label=implied, spans=[e.trigger.span]))
            have.add(implied)
    return out


def _place_with_spans(place: Place, spans: list[Span]) -> Place:
    """The place with all its mention spans in the article (the resolved place holds them)."""
    return place


def _agents(group: list[EventMention]) -> list[Perpetrator]:
    """Who did it, as the text says: the state force of a security operation (reported), or the
    armed groups named with the act: suspected when hedged ("suspected Boko Haram"), alleged when
    the sentence is someone's statement, reported when the article says so itself."""
    out: dict[str, Perpetrator] = {}
    state = [e for e in group if e.state_agent is not None]
    # a security operation when the state acted and nothing in the incident is an insurgent's
    # act (a named group or a militant-side attack word); otherwise the state's acts are its
    # response to an attack ("a search operation was launched")
    militant_act = any(
        e.agents or e.insurgent_subject or e.trigger.entry.attrs.get("actor_side") == "militant"
        for e in group
        # "two fighter jets dropped bombs": an air strike (``_aerial_bombing``) is the state's
        if e.state_agent is None and e.attack_types != [AttackType.SECURITY_OPERATION]
    )
    if state and not militant_act:
        for e in state:
            a = e.specific_state or e.state_agent
            p = out.get(a.entry.id)
            if p is None:
                # "Soldiers killed 223 villagers, Human Rights Watch said, accusing the army":
                # the state's act as someone accuses it of it
                att = Attribution.ALLEGED if e.accused else Attribution.REPORTED
                out[a.entry.id] = Perpetrator(a.entry.id, a.entry.label, att, [a.span])
            elif a.span not in p.spans:
                p.spans.append(a.span)
        return list(out.values())
    for e in group:
        for actor, suspected in e.agents:
            att = (
                Attribution.SUSPECTED
                if suspected
                else Attribution.ALLEGED
                if e.attributed
                else Attribution.REPORTED
            )
            p = out.get(actor.entry.id)
            if p is None:
                out[actor.entry.id] = Perpetrator(
                    actor.entry.id, actor.entry.label, att, [actor.span]
                )
            elif actor.span not in p.spans:
                p.spans.append(actor.span)
    return list(out.values())


def build_groups(doc: Doc, reading: Reading, incidents: list[Incident]) -> list[Group]:
    """Incidents on one day in one region reported as a wave."""
    wave = wave_described(doc, reading)
    days = {inc.date.iso for inc in incidents if inc.date is not None and inc.date.iso}
    if wave and len(days) > 1 and not doc.wave_article and not _coordinated_wave(doc, reading):
        # "the spate of attacks" told of acts on several days is a sequence, not one
        # coordinated action: two of its acts on the same day are not a group
        wave = False
    by_day: dict[tuple[str, str], list[Incident]] = {}
    for inc in incidents:
        if inc.date is None or inc.date.iso is None:
            continue
        region = (inc.place.admin1 or inc.place.country or inc.place.name) if inc.place else "?"
        # one wave a day when the article describes one (it may cross a provincial border:
        # "Cali and the neighbouring Cauca province"); else incidents are kept per province
        by_day.setdefault(
            (inc.date.iso, inc.place.country if wave and inc.place else region), []
        ).append(inc)
    groups: list[Group] = []
    for (_day, _region), members in by_day.items():
        places = {m.place.key for m in members if m.place is not None}
        # a group needs the article to describe a wave: several incidents on one day are not
        # by themselves one coordinated action
        if len(members) < 2 or len(places) < 2 or not wave:
            continue
        gid = f"g{len(groups) + 1}"
        province = _group_place(doc, members)
        group = Group(
            id=gid,
            incident_ids=[m.id for m in members],
            date=members[0].date,
            place=province,
            spans=list(reading.wave_spans),
        )
        for m in members:
            m.group_id = gid
        groups.append(group)
    return groups


_COORDINATED = re.compile(
    r"\b(?:coordinated|co-ordinated|simultaneous|synchronised|synchronized|twin|near-simultaneous)\b",
    re.I,
)


def _coordinated_wave(doc: Doc, reading: Reading) -> bool:
    """A wave word says the acts were done together ("coordinated attacks", "twin blasts")."""
    return any(
        _COORDINATED.search(doc.text, max(0, w.start - 60), w.start) for w in reading.wave_spans
    )


def _group_place(doc: Doc, members: list[Incident]) -> Place | None:
    admin1 = Counter(m.place.admin1 for m in members if m.place is not None and m.place.admin1)
    if admin1:
        name = admin1.most_common(1)[0][0]
        for p in doc.places:
            if p.kind == PlaceKind.PROVINCE and (p.canonical_name == name or p.name == name):
                return p
        for m in members:
            if m.place is not None and m.place.kind == PlaceKind.PROVINCE:
                return m.place
        src = next(m.place for m in members if m.place is not None and m.place.admin1 == name)
        return Place(
            name=name,
            kind=PlaceKind.PROVINCE,
            canonical_name=name,
            admin1=name,
            country=src.country,
            country_iso3=src.country_iso3,
            country_name=src.country_name,
            precision=3,
            where_prec=4,
        )
    return None


# --------------------------------------------------------------------------- figures


def build_figures(
    doc: Doc,
    mentions: list[FigureMention],
    events: list[EventMention],
    incidents: list[Incident],
    groups: list[Group],
    wave_spans: list[Span] | None = None,
) -> tuple[list[Figure], list[Warning]]:
    """Attach each figure to the level it was reported at; merge repeats; link updates/parts."""
    warnings: list[Warning] = []
    wave_spans = wave_spans or []
    incident_of_event = _incident_of_event(events, incidents)
    figures: list[Figure] = []
    fig_of_mention: dict[int, Figure] = {}
    for idx, fm in enumerate(mentions):
        level, incident_id, group_id = _level_of(
            doc, fm, events, incident_of_event, incidents, groups, wave_spans
        )
        if fm.part_of is not None and fm.part_of in fig_of_mention:
            container = fig_of_mention[fm.part_of]
            # "including the 92 insurgents": the same count already reported elsewhere
            same = _find_same(figures, fm, exclude=container, any_level=True)
            if same is not None:
                _add_spans(same, fm.spans)
                if same.id not in container.includes:
                    container.includes.append(same.id)
                fig_of_mention[idx] = same
                continue
        q = fm.quantity
        fig = Figure(
            id=f"f{len(figures) + 1}",
            status=fm.status,
            category=fm.category,
            subcategory=fm.subcategory,
            low=q.low,
            best=q.best,
            high=q.high,
            level=level,
            spans=sorted(set(fm.spans)),
            source=fm.source,
            source_span=fm.source_span,
            incident_id=incident_id,
            group_id=group_id,
            period=fm.period,
            sentence=doc.sentences[fm.sentence],
        )
        same = _find_same(figures, fm, level=level, incident_id=incident_id, group_id=group_id)
        if same is not None and not fm.update:
            _add_spans(same, fig.spans)
            fig_of_mention[idx] = same
            continue
        earlier = _find_updatable(figures, fig) if fm.update or _is_rising(doc, fm) else None
        if earlier is None:
            earlier = _refined(doc, figures, fig, fm, mentions)
        if earlier is not None:
            earlier.superseded_by = fig.id
            fig.supersedes.append(earlier.id)
            if fig.category == Category.UNKNOWN and earlier.category != Category.UNKNOWN:
                fig.category, fig.subcategory = earlier.category, earlier.subcategory
        else:
            later = _larger_count_told_before(doc, figures, fig, fm)
            if later is not None:
                # a live blog, newest first: "33 militants killed" (final), then "27 militants
                # killed" (at 11:05, "have now been") is an earlier count up to then
                fig.superseded_by = later.id
                later.supersedes.append(fig.id)
        if fm.part_of is not None and fm.part_of in fig_of_mention:
            fig_of_mention[fm.part_of].includes.append(fig.id)
        figures.append(fig)
        fig_of_mention[idx] = fig
    partial = frozenset(
        fig_of_mention[i].id
        for i, fm in enumerate(mentions)
        if i in fig_of_mention
        and (
            fm.part_of is not None
            or (fm.status_term is not None and fm.status_term.span.text.lower().startswith("among"))
        )
    )
    _link_totals(figures, warnings, partial)
    _conflicts(figures, warnings)
    for inc in incidents:
        inc.figure_ids = [f.id for f in figures if f.incident_id == inc.id]
        _civilian_target(inc, figures)
    for g in groups:
        g.figure_ids = [f.id for f in figures if f.group_id == g.id]
    return figures, warnings


def _civilian_target(inc: Incident, figures: list[Figure]) -> None:
    """Civilians killed, hurt or taken in an attack were among its targets (GTD target type
    'private citizens'), unless the act is the state's own operation."""
    if set(inc.types) & {AttackType.SECURITY_OPERATION} or any(
        t.kind == "civilians" for t in inc.targets
    ):
        return
    hit = [
        f
        for f in figures
        if f.incident_id == inc.id
        and f.category == Category.CIVILIANS
        and f.status in (FigureStatus.KILLED, FigureStatus.INJURED, FigureStatus.ABDUCTED)
        and f.best > 0
    ]
    if hit:
        inc.targets.append(Tagged(kind="civilians", label="civilians", spans=[hit[0].spans[0]]))


def _add_spans(fig: Figure, spans: list[Span]) -> None:
    for s in spans:
        if s not in fig.spans:
            fig.spans.append(s)
    fig.spans.sort()


def _incident_of_event(
    events: list[EventMention], incidents: list[Incident]
) -> dict[int, Incident]:
    out: dict[int, Incident] = {}
    by_trigger = {sp.start: inc for inc in incidents for t in inc.triggers for sp in t.spans}
    for e in events:
        if e.trigger.span.start in by_trigger:
            out[id(e)] = by_trigger[e.trigger.span.start]
            continue
        key_date = "earlier" if e.earlier else date_key(e.date)
        for inc in incidents:
            inc_date = date_key(inc.date) if not (inc.date is None and e.earlier) else "earlier"
            same_place = (e.place.key if e.place else "?") == (inc.place.key if inc.place else "?")
            if same_place and (inc_date == key_date or (e.earlier and inc.date is None)):
                out[id(e)] = inc
                break
    return out


def _level_of(
    doc: Doc,
    fm: FigureMention,
    events: list[EventMention],
    incident_of_event: dict[int, Incident],
    incidents: list[Incident],
    groups: list[Group],
    wave_spans: list[Span] = (),
) -> tuple[Level, str | None, str | None]:
    if fm.level_hint in (Level.AGGREGATE, Level.BACKGROUND):
        return fm.level_hint, None, None
    in_sentence = [e for e in events if e.sentence == fm.sentence and id(e) in incident_of_event]
    own = {incident_of_event[id(e)].id: incident_of_event[id(e)] for e in in_sentence}
    if len(own) > 1:
        # several actions in the sentence: the one whose segment holds the figure, else the
        # nearest action before it
        holding = [e for e in in_sentence if e.segment.start <= fm.start < e.segment.end]
        if not holding:
            holding = [e for e in in_sentence if e.trigger.span.start <= fm.start] or in_sentence
        own = {incident_of_event[id(holding[-1])].id: incident_of_event[id(holding[-1])]}
    sent = doc.sentences[fm.sentence]
    if not own and groups and any(sent.start <= w.start < sent.end for w in wave_spans):
        # "a string of attacks in Cali and Cauca killed at least seven": the wave's figure
        return Level.GROUP, None, groups[0].id
    if not own:
        # a sentence that names an incident's place ("in Quetta, two policemen died")
        keys = {p.key for _, p in event_places(doc, sent) if p.kind in SMALL_PLACE_KINDS}
        matching = [i for i in incidents if i.place is not None and i.place.key in keys]
        if len(matching) == 1:
            own = {matching[0].id: matching[0]}
    if len(own) == 1:
        inc = next(iter(own.values()))
        return Level.INCIDENT, inc.id, None
    if not own and _ANOTHER_MATTER.match(sent.text):
        # "Separately, the Frontier Corps said it had arrested four suspects in Panjgur": a
        # count told as another matter is not the last act's
        return Level.ARTICLE, None, None
    near = _incident_before(doc, fm, events, incident_of_event)
    if groups and WAVE_WORDS.search(sent.text):
        return (
            Level.GROUP,
            None,
            groups[0].id,
        )  # "14 soldiers had been martyred across the province"
    if near is not None and (not groups or near[1] == 1):
        return Level.INCIDENT, near[0].id, None  # "... Three civilians were killed in the city."
    if groups:
        return Level.GROUP, None, groups[0].id
    dated = [i for i in incidents]
    if len(dated) == 1:
        return Level.INCIDENT, dated[0].id, None
    return Level.ARTICLE, None, None


# A figure in a sentence that reports no act of its own counts the victims of the act reported
# just before it ("... went off in Khar. Police said seven people had been killed."), when that
# act's sentence is at most this many sentences back and no other act stands between.
CONTINUATION_SENTENCES = 2


def _incident_before(
    doc: Doc, fm: FigureMention, events: list[EventMention], incident_of_event: dict[int, Incident]
) -> tuple[Incident, int] | None:
    """The incident of the act reported just before the figure's sentence, and how many
    sentences back."""
    before = [e for e in events if e.sentence < fm.sentence and id(e) in incident_of_event]
    if not before:
        return None
    last = max(e.sentence for e in before)
    if fm.sentence - last > CONTINUATION_SENTENCES:
        return None
    incs = {
        incident_of_event[id(e)].id: incident_of_event[id(e)] for e in before if e.sentence == last
    }
    return (next(iter(incs.values())), fm.sentence - last) if len(incs) == 1 else None


def _find_same(
    figures: list[Figure],
    fm: FigureMention,
    *,
    level: Level | None = None,
    incident_id: str | None = None,
    group_id: str | None = None,
    exclude: Figure | None = None,
    any_level: bool = False,
) -> Figure | None:
    q = fm.quantity
    for f in figures:
        if f is exclude or f.status != fm.status or f.best != q.best or f.low != q.low:
            continue
        if fm.category != Category.UNKNOWN and f.category not in (fm.category,):
            continue
        if any_level or (
            f.level == level and f.incident_id == incident_id and f.group_id == group_id
        ):
            return f
    return None


_RISING = re.compile(
    r"\b(?:rose|risen|climbed|jumped|increased|reached|now\s+stands?|updated|revised)\b", re.I
)


def _is_rising(doc: Doc, fm: FigureMention) -> bool:
    sent = doc.sentences[fm.sentence]
    return bool(_RISING.search(doc.text[sent.start : fm.start]))


def _update_cue(doc: Doc, sentence: int) -> bool:
    sent = doc.sentences[sentence]
    return any(
        c.entry.attrs.get("role") == "update"
        for c in doc.terms_in(sent.start, sent.end, "context_cue")
    )


def _refined(
    doc: Doc, figures: list[Figure], fig: Figure, fm: FigureMention, mentions: list[FigureMention]
) -> Figure | None:
    """A later count of the same people that replaces an earlier one: the earlier was vague
    ("several people", "dozens") and the later is a number, or either sentence says the count
    was revised ("police first said three ...; by late afternoon the hospital had 21 dead")."""
    # the latest count of the same people, not a part told between ("killing several people,
    # including two women ... police said seven people had been killed")
    earlier = _find_updatable([f for f in figures if f.category == fig.category], fig)
    if earlier is None or earlier.sentence is None:
        return None
    vague = earlier.high is None or earlier.high != earlier.low
    precise = fig.high is not None and fig.high == fig.low
    if vague and precise and earlier.low <= fig.best:
        return earlier
    if fig.best > earlier.best and (
        _update_cue(doc, fm.sentence) or _update_cue(doc, doc.sentence_of(earlier.sentence.start))
    ):
        return earlier
    return None


def _larger_count_told_before(
    doc: Doc, figures: list[Figure], fig: Figure, fm: FigureMention
) -> Figure | None:
    """A count up to some hour ("so far", "have now been") of the same people as a larger count
    told before it in the text is the earlier count (texts that give the newest figure first)."""
    sent = doc.sentences[fm.sentence]
    if not any(
        c.entry.attrs.get("role") == "cumulative"
        for c in doc.terms_in(sent.start, sent.end, "context_cue")
    ):
        return None
    # the same people: the latest count of the same status and category ("33 militants"), not
    # a count of others told between ("26 hostages were killed"); else a count of people of
    # any kind ("354 hostages freed" before "155 passengers rescued")
    earlier = _find_updatable([f for f in figures if f.category == fig.category], fig)
    if earlier is None:
        earlier = _find_updatable(figures, fig)
    if earlier is None or earlier.best <= fig.best:
        return None
    return earlier


def _find_updatable(figures: list[Figure], fig: Figure) -> Figure | None:
    for f in reversed(figures):
        if (
            f.status == fig.status
            and f.superseded_by is None
            and f.level == fig.level
            and f.incident_id == fig.incident_id
            and f.group_id == fig.group_id
            and (fig.category == Category.UNKNOWN or f.category in (fig.category, Category.UNKNOWN))
            and f.best != fig.best
        ):
            return f
    return None


def _live(figures: list[Figure]) -> list[Figure]:
    return [f for f in figures if f.superseded_by is None]


def _link_totals(
    figures: list[Figure], warnings: list[Warning], partial: frozenset[str] = frozenset()
) -> None:
    """A count of 'people' (or a mixed count) that matches the sum of specific counts of the
    same level and status includes them; one that contradicts them gets a warning."""
    live = _live(figures)
    # in figure order (a set's order changes between processes: enum and None hashes)
    keys = list(dict.fromkeys((f.level, f.incident_id, f.group_id, f.status) for f in live))
    for key in keys:
        same = [f for f in live if (f.level, f.incident_id, f.group_id, f.status) == key]
        parts = [f for f in same if f.category != Category.UNKNOWN]
        totals = [f for f in same if f.category == Category.UNKNOWN]
        if not totals or not parts:
            continue
        for total in sorted(totals, key=lambda f: f.low):
            covered = _covered_parts(total, parts)
            if not covered:
                continue
            s = sum(p.best for p in covered)
            hi = total.high
            if total.low <= s and (hi is None or s <= hi):
                total.includes = sorted({*total.includes, *(p.id for p in covered)}, key=_fid)
            elif any(p.id in partial for p in covered) and _within(
                sum(p.best for p in covered if p.category != Category.MILITANTS), total
            ):
                # "among the dead were two guards": a part of the toll, not all of it (the
                # bomber, "also killed", is not counted in it)
                inside = [p for p in covered if p.category != Category.MILITANTS]
                total.includes = sorted({*total.includes, *(p.id for p in inside)}, key=_fid)
            else:
                warnings.append(
                    Warning(
                        "figures_inconsistent",
                        f"{total.status.value} total {_fmt(total)} does not match the sum of its "
                        f"parts ({' + '.join(str(p.best) for p in covered)} = {s})",
                        spans=[total.spans[0], *(p.spans[0] for p in covered)],
                    )
                )
        # a mixed count ("33 civilians and security personnel") inside a larger total
        for total in totals:
            for other in totals:
                if other is total or other.id in total.includes:
                    continue
                if other.best < total.low and other.subcategory and " and " in other.subcategory:
                    inner = [p for p in parts if p.id in total.includes]
                    names = other.subcategory
                    covered = [
                        p
                        for p in inner
                        if (p.subcategory or p.category.value) in names
                        or p.category.value.split("_")[0] in names
                    ]
                    if covered and sum(p.best for p in covered) == other.best:
                        other.includes = sorted(
                            {*other.includes, *(p.id for p in covered)}, key=_fid
                        )
                        total.includes = sorted({*total.includes, other.id}, key=_fid)


def _within(count: int, total: Figure) -> bool:
    """A breakdown of ``count`` fits inside ``total`` (at most its high, or its low if open)."""
    return 0 < count <= (total.high if total.high is not None else total.low)


def _covered_parts(total: Figure, parts: list[Figure]) -> list[Figure]:
    sub = total.subcategory or ""
    if " and " in sub:  # a mixed count covers only the categories it names
        names = sub.split(" and ")
        return [
            p
            for p in parts
            if (p.subcategory in names)
            or any(n.startswith(p.category.value.split("_")[0]) for n in names)
        ]
    return parts


def _conflicts(figures: list[Figure], warnings: list[Warning]) -> None:
    live = _live(figures)
    seen: dict[tuple, Figure] = {}
    for f in live:
        if f.level in (Level.AGGREGATE, Level.BACKGROUND):
            continue
        key = (f.level, f.incident_id, f.group_id, f.status, f.category, f.subcategory)
        prev = seen.get(key)
        if (
            prev is not None
            and prev.best != f.best
            and f.id not in prev.includes
            and prev.id not in f.includes
        ):
            who = " vs ".join(x.source or "the article" for x in (prev, f))
            warnings.append(
                Warning(
                    "figures_conflict",
                    f"two counts of {f.category.value} {f.status.value}: {_fmt(prev)} and "
                    f"{_fmt(f)} ({who}); both kept",
                    spans=[prev.spans[0], f.spans[0]],
                )
            )
        else:
            seen[key] = f


def _fid(fid: str) -> int:
    return int(fid[1:])


def _fmt(f: Figure) -> str:
    if f.high is None:
        return f"{f.low}+"
    if f.high != f.low:
        return f"{f.low}-{f.high}"
    return str(f.best)


# --------------------------------------------------------------------------- claims -> perpetrators


_ABOUT_ATTACK = re.compile(
    r"\b(?:carried\s+out|behind|responsible|perpetrat\w*|attack\w*|bomb\w*|kill\w*|ambush\w*|"
    r"abduct\w*|kidnap\w*|stormed|involved\s+in|masterminded|planned)\b",
    re.I,
)
# "the army blamed JNIM.": blame with no "for <something>" is blame for the act just told
_BARE_BLAME = re.compile(r"\bblam(?:ed|es|ing)\b(?:(?!\bfor\b)[^.;])*[.;]?\s*$", re.I)
_NOT_ABOUT_ACT = re.compile(
    r"\b(?:repeatedly|often|long|routinely|support|territory|sanctuar\w*|safe\s+haven\w*|funding)\b",
    re.I,
)


def apply_claims(
    claims: list[Claim],
    incidents: list[Incident],
    groups: list[Group],
    *,
    actor_kinds: dict[str, str],
    actor_labels: dict[str, str] | None = None,
    generic_actors: frozenset[str] = frozenset(),
    actor_parents: dict[str, str] | None = None,
) -> None:
    """A claim of responsibility by an armed group makes it the perpetrator ('claimed') of the
    wave (all its incidents) or of the single incident; an allegation that names a specific
    group as the doer of the act makes it 'alleged' (not one about support, safe havens or
    habits: "has repeatedly accused ... of using Afghan territory").  A denial by a group that
    no one else names leaves it out; allegation and denial both stay in the claims."""
    labels = actor_labels or {}
    for c in claims:
        if c.stance == Stance.CLAIMS_RESPONSIBILITY and c.speaker_actor_id:
            if actor_kinds.get(c.speaker_actor_id) not in (None, "armed_group"):
                continue
            span = c.speaker_span or (c.spans[0] if c.spans else None)
            name = labels.get(c.speaker_actor_id, c.speaker)
            for holder in _claim_targets(c, incidents, groups):
                # a group claimed the act: it was not the state's own operation
                holder.perpetrators = [
                    p
                    for p in holder.perpetrators
                    if actor_kinds.get(p.actor_id) not in ("state_force", "police")
                ]
                _set_perp(holder, c.speaker_actor_id, name, Attribution.CLAIMED, span)
        elif c.stance in (Stance.ALLEGES, Stance.ACCUSES):
            statement = " ".join(s.text for s in c.spans) or c.about
            about_act = _ABOUT_ATTACK.search(c.about) or _BARE_BLAME.search(statement)
            if not about_act or _NOT_ABOUT_ACT.search(statement):
                continue
            for actor_id in c.target_actor_ids:
                if actor_kinds.get(actor_id) != "armed_group" or actor_id in generic_actors:
                    continue
                for holder in _claim_targets(c, incidents, groups):
                    _set_perp(
                        holder,
                        actor_id,
                        labels.get(actor_id, actor_id),
                        Attribution.ALLEGED,
                        c.spans[0] if c.spans else None,
                    )
    parents = actor_parents or {}
    for holder in [*incidents, *groups]:
        claimed = {p.actor_id for p in holder.perpetrators if p.attribution == Attribution.CLAIMED}
        # "The Islamic State group's regional affiliate, Islamic State Khorasan Province, claimed":
        # the affiliate, not its parent as well
        holder.perpetrators = [
            p
            for p in holder.perpetrators
            if not (
                p.attribution == Attribution.CLAIMED
                and any(parents.get(c) == p.actor_id for c in claimed)
            )
        ]
    for c in claims:
        if (
            c.stance == Stance.DENIES
            and c.speaker_actor_id
            and actor_kinds.get(c.speaker_actor_id) == "armed_group"
        ):
            for holder in [*incidents, *groups]:
                holder.perpetrators = [
                    p
                    for p in holder.perpetrators
                    if p.actor_id != c.speaker_actor_id
                    or p.attribution in (Attribution.CLAIMED, Attribution.ALLEGED)
                ]


def _claim_targets(c: Claim, incidents: list[Incident], groups: list[Group]) -> list:
    if groups:
        out: list = [groups[0]]
        out.extend(i for i in incidents if i.group_id == groups[0].id)
        return out
    live = [i for i in incidents if i.types != [AttackType.SECURITY_OPERATION]]
    if len(live) == 1:
        return live
    # the incident whose place the claim names, else the first
    for inc in live:
        if inc.place is not None and inc.place.name.lower() in c.about.lower():
            return [inc]
    return live[:1]


def _set_perp(
    holder, actor_id: str, name: str, attribution: Attribution, span: Span | None
) -> None:
    rank = {
        Attribution.CLAIMED: 3,
        Attribution.ALLEGED: 2,
        Attribution.REPORTED: 1,
        Attribution.SUSPECTED: 0,
    }
    for p in holder.perpetrators:
        if p.actor_id == actor_id:
            if rank[attribution] > rank[p.attribution]:
                p.attribution = attribution
            if span is not None and span not in p.spans:
                p.spans.append(span)
            return
    holder.perpetrators.append(Perpetrator(actor_id, name, attribution, [span] if span else []))


def summarise(inc: Incident, figures: list[Figure]) -> str:
    """One readable line: '2026-02-02 Quetta: bombing/explosion (grenade) ...'."""
    where = inc.place.canonical_name or inc.place.name if inc.place else "place unknown"
    what = ", ".join(t.value for t in inc.types)
    parts = [f"{inc.date.iso if inc.date else 'date unknown'} {where}: {what}"]
    if inc.status != IncidentStatus.CARRIED_OUT:
        parts.append(f"({inc.status.value})")
    if inc.weapons:
        parts.append("with " + ", ".join(w.label for w in inc.weapons))
    if inc.targets:
        parts.append("on " + ", ".join(t.label for t in inc.targets))
    own = [f for f in figures if f.incident_id == inc.id and f.superseded_by is None]
    if own:
        parts.append(
            "; " + ", ".join(f"{_fmt(f)} {f.category.value} {f.status.value}" for f in own)
        )
    return " ".join(parts)


#: GTD weapon types (weapons.toml ``gtd_weapon_type``) that make a bare "attack" an armed assault
_ASSAULT_WEAPONS = frozenset({"Firearms", "Melee"})


def type_from_weapons(doc: Doc, incidents: list[Incident]) -> None:
    """An incident told only as "an attack" (type unknown) takes its type from the weapons its
    role fillers name, in any of its sentences ("terrorists attacked a police post ... the
    attackers used heavy weapons and hand grenades"): firearms or blades make it an armed
    assault (GTD's attack-type rules); the weapons are tagged too.  Explosives alone leave it
    unknown: "an attack with grenades" may be a gun attack too (a bombing type for them lost 0.3
    GTT F1 on MUC-4 dev); its ACLED type still says explosions (``_acled_type``)."""
    for inc in incidents:
        if inc.types != [AttackType.UNKNOWN]:
            continue
        matches = [
            m
            for a in inc.arguments
            if a.role == "weapon"
            for span in a.spans
            for m in doc.terms_in(span.start, span.end, "weapon")
        ]
        matches += [
            m
            for tag in inc.weapons
            for span in tag.spans
            for m in doc.terms_in(span.start, span.end, "weapon")
        ]
        kinds = {m.entry.attrs.get("gtd_weapon_type") for m in matches}
        if kinds & _ASSAULT_WEAPONS:
            inc.types = [AttackType.ARMED_ASSAULT]
        else:
            continue
        known = {t.kind for t in inc.weapons}
        inc.weapons = inc.weapons + [t for t in tagged(matches) if t.kind not in known]


_NOT_REFINING = frozenset(
    {AttackType.UNKNOWN, AttackType.ARMED_CLASH, AttackType.SECURITY_OPERATION}
)


def type_from_references(doc: Doc, reading: Reading, incidents: list[Incident]) -> None:
    """The one incident told only as "an attack" (type unknown) takes its type from the later
    references to an act that give one, when they all give the same ("the attack on the
    newspaper this morning ... calls were received regarding the dynamite attack": a bombing);
    not when another incident of the article is of that type (the reference may be to it), nor
    when the references disagree or more than one incident is of unknown type."""
    unknown = [i for i in incidents if i.types == [AttackType.UNKNOWN]]
    if len(unknown) != 1:
        return
    inc = unknown[0]
    first = min((s.start for s in inc.spans), default=0)
    found: list = []
    for span in reading.reference_spans:
        if span.start < first:
            continue
        for m in doc.terms_in(span.start, span.end, "trigger"):
            if m.span != span or m.entry.attrs.get("event") is False:
                continue
            if m.entry.attrs.get("generic"):
                continue
            found.append(m)
    types = {t for m in found for t in trigger_types(m.entry)} - _NOT_REFINING
    others = {t for i in incidents if i is not inc for t in i.types}
    if len(types) != 1 or types & others:
        return  # the references disagree, or may be to another act of that type
    inc.types = sorted(types)
    weapons = [m for f in found for m in doc.terms_in(f.span.start, f.span.end, "weapon")]
    known = {t.kind for t in inc.weapons}
    inc.weapons = inc.weapons + [t for t in tagged(weapons) if t.kind not in known]


def fill_acled(incidents: list[Incident]) -> None:
    for inc in incidents:
        inc.acled_event_type, inc.acled_sub_event_type = _acled_type(inc)


__all__ = [
    "build_incidents",
    "build_groups",
    "type_from_weapons",
    "build_figures",
    "apply_claims",
    "fill_acled",
    "summarise",
    "EventDate",
    "FigureStatus",
]
