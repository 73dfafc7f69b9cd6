"""MUC-4: our incidents as MUC-4 templates, scored with the GTT micro-F1 (Du et al. 2021).

Mapping (one template per incident; see docs/evaluation.md for the reasons):

- incident type: kidnapping / hijacking -> ``kidnapping``; bombing/explosion -> ``bombing``;
  facility attack with an incendiary weapon -> ``arson`` (with explosives -> ``bombing``);
  armed assault, assassination, unarmed assault, other facility attacks, unknown -> ``attack``.
  Incidents that are only an armed clash or a security operation give no template: MUC-4 keys
  code terrorist acts, not battles or army operations.
- PerpOrg: perpetrators resolved to a named organisation (a non-generic lexicon actor), the
  text of their first mention.  PerpInd: generic perpetrators ("gunmen", "guerrillas").
- Target (physical): target mentions whose last word is not a person noun ("police post").
- Victim (human): target mentions whose last word is a person noun ("policemen") plus the
  counted words of the incident's killed / injured / abducted figures that are not militants.
- Weapon: weapon mentions.

Scoring (GTT's ``eval.py`` semantics, written anew): fillers are normalised (lower case, no
punctuation, no a/an/the); a predicted filler matches a gold entity when it equals one of the
entity's coreferent mentions; within a role each gold entity and each prediction is matched
at most once (maximum matching).  A predicted template aligns only with a gold template of
the same incident type; then the incident type counts one matched filler on both sides.  Per
document the template alignment maximising matched fillers is found (Hungarian algorithm;
the denominators do not depend on the alignment, so this is also the F1-best one).
Unaligned templates count all their fillers as spurious or missing.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from sitrep.evaluate.datasets import MUC_ROLES, MucDocument, MucTemplate
from sitrep.evaluate.extractor import Extractor, RunStats, default_extractor, run_all
from sitrep.evaluate.scoring import Counts, best_assignment, max_bipartite, normalise
from sitrep.model import AttackType, Category, Extraction, FigureStatus, Incident, Level, Span

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


def muc_incident_type(incident: Incident) -> str | None:
    """The MUC-4 incident type of one of our incidents, or None when it is not a MUC event."""
    types = set(incident.types)
    if not types or types <= NON_MUC_TYPES:
        return None
    weapons = {w.kind for w in incident.weapons}
    if types & {AttackType.KIDNAPPING, AttackType.HIJACKING}:
        return "kidnapping"
    if AttackType.BOMBING in types:
        return "bombing"
    if AttackType.FACILITY_ATTACK in types:
        if "incendiary" in weapons:
            return "arson"
        if weapons & EXPLOSIVE_WEAPONS:
            return "bombing"
    return "attack"


def _first_text(spans: Sequence[Span]) -> str | None:
    for span in sorted(spans):
        if span.text.strip():
            return span.text
    return None


def is_human(text: str) -> bool:
    """Whether a target mention names people (its last word is a person noun)."""
    words = normalise(text).split()
    return bool(words) and words[-1] in PERSON_NOUNS


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
        key = normalise(value)
        if key and key not in seen:
            seen.add(key)
            out.append((value,))
    return tuple(out)


def incident_template(extraction: Extraction, incident: Incident) -> MucTemplate | None:
    """One incident as a MUC-4 template (each predicted entity is one mention)."""
    kind = muc_incident_type(incident)
    if kind is None:
        return None
    generic = _generic_actor_ids()
    orgs = [_first_text(p.spans) for p in incident.perpetrators if p.actor_id not in generic]
    inds = [_first_text(p.spans) for p in incident.perpetrators if p.actor_id in generic]
    target_texts = [_first_text(t.spans) for t in incident.targets]
    targets = [t for t in target_texts if t and not is_human(t)]
    victims = [t for t in target_texts if t and is_human(t)]
    for fig in extraction.figures:
        if (
            fig.incident_id == incident.id
            and fig.status in VICTIM_STATUSES
            and fig.category != Category.MILITANTS
        ):
            victims.append(counted_words(fig.spans))
    weapons = [_first_text(w.spans) for w in incident.weapons]
    return MucTemplate(
        incident_type=kind,
        roles={
            "PerpInd": _dedupe(inds),
            "PerpOrg": _dedupe(orgs),
            "Target": _dedupe(targets),
            "Victim": _dedupe(victims),
            "Weapon": _dedupe(weapons),
        },
    )


def extraction_to_templates(extraction: Extraction) -> list[MucTemplate]:
    """Every MUC-4 template of an extraction, in incident order, duplicates dropped."""
    out: list[MucTemplate] = []
    for incident in extraction.incidents:
        template = incident_template(extraction, incident)
        if template is not None and template not in out:
            out.append(template)
    return out


# --------------------------------------------------------------------------- GTT scoring


@dataclass(slots=True)
class GttScore:
    """Per-role counts and the micro average over incident type and the five roles."""

    roles: dict[str, Counts] = field(default_factory=lambda: {k: Counts() for k in ROLE_KEYS})
    missed: Counter[tuple[str, str]] = field(default_factory=Counter)
    spurious: Counter[tuple[str, str]] = field(default_factory=Counter)

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


def _type_ok(pred_type: str, gold_type: str) -> bool:
    """GTT: "attack" aligns with "attack" and with the alternative fill "bombing / attack"."""
    return pred_type in {t.strip() for t in gold_type.split("/")}


def _role_matches(
    pred: Sequence[tuple[str, ...]], gold: Sequence[tuple[str, ...]]
) -> list[tuple[int, int]]:
    pred_norm = [{normalise(m) for m in entity} for entity in pred]
    gold_norm = [{normalise(m) for m in entity} for entity in gold]
    return max_bipartite(pred_norm, gold_norm, lambda p, g: bool(p) and p <= g)


def _pair_matches(pred: MucTemplate, gold: MucTemplate) -> dict[str, list[tuple[int, int]]]:
    return {
        role: _role_matches(pred.roles.get(role, ()), gold.roles.get(role, ()))
        for role in MUC_ROLES
    }


def score_document(pred: Sequence[MucTemplate], gold: Sequence[MucTemplate]) -> GttScore:
    """GTT score of one document's predicted templates against its gold templates."""
    score = GttScore()
    matches: dict[tuple[int, int], dict[str, list[tuple[int, int]]]] = {}
    weights = [[0.0] * len(gold) for _ in pred]
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            if _type_ok(p.incident_type, g.incident_type):
                m = _pair_matches(p, g)
                matches[(i, j)] = m
                weights[i][j] = 1.0 + sum(len(v) for v in m.values())
    alignment = best_assignment(weights)
    matched_pred: dict[int, set[tuple[str, int]]] = {i: set() for i in range(len(pred))}
    matched_gold: dict[int, set[tuple[str, int]]] = {j: set() for j in range(len(gold))}
    for i, j in alignment:
        score.roles["incident_type"].tp_pred += 1
        score.roles["incident_type"].tp_gold += 1
        for role, pairs in matches[(i, j)].items():
            score.roles[role].tp_pred += len(pairs)
            score.roles[role].tp_gold += len(pairs)
            matched_pred[i].update((role, a) for a, _ in pairs)
            matched_gold[j].update((role, b) for _, b in pairs)
    for i, p in enumerate(pred):
        score.roles["incident_type"].n_pred += 1
        for role in MUC_ROLES:
            entities = p.roles.get(role, ())
            score.roles[role].n_pred += len(entities)
            for k, entity in enumerate(entities):
                if (role, k) not in matched_pred[i]:
                    score.spurious[(role, normalise(entity[0]))] += 1
    for j, g in enumerate(gold):
        score.roles["incident_type"].n_gold += 1
        for role in MUC_ROLES:
            entities = g.roles.get(role, ())
            score.roles[role].n_gold += len(entities)
            for k, entity in enumerate(entities):
                if (role, k) not in matched_gold[j]:
                    score.missed[(role, normalise(entity[0]))] += 1
    aligned_types = {j for _, j in alignment}
    for j, g in enumerate(gold):
        if j not in aligned_types:
            score.missed[("incident_type", g.incident_type)] += 1
    aligned_pred = {i for i, _ in alignment}
    for i, p in enumerate(pred):
        if i not in aligned_pred:
            score.spurious[("incident_type", p.incident_type)] += 1
    return score


def score_gtt(
    predictions: dict[str, Sequence[MucTemplate]], docs: Sequence[MucDocument]
) -> GttScore:
    """Corpus GTT score: counts summed over documents (a missing prediction is empty)."""
    total = GttScore()
    for doc in docs:
        total.add(score_document(predictions.get(doc.id, ()), doc.templates))
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
) -> dict[str, Any]:
    """Run the extractor over MUC-4 documents and score templates and victim effects."""
    extractor = extractor or default_extractor()
    stats = RunStats()
    extractions = run_all(
        ((d.id, muc_input(d, text_field), d.doc_date) for d in docs), extractor, stats=stats
    )
    predictions = {doc_id: extraction_to_templates(e) for doc_id, e in extractions.items()}
    gtt = score_gtt(predictions, docs)
    deaths = score_effects(extractions, docs, "DEATH")
    injuries = score_effects(extractions, docs, "INJURY")
    return {
        "scores": {
            "gtt_micro": gtt.micro.as_dict(),
            "roles": {role: gtt.roles[role].as_dict() for role in ROLE_KEYS},
            "deaths": deaths.as_dict(),
            "injuries": injuries.as_dict(),
        },
        "headline": {"gtt_f1": round(100 * gtt.micro.f1, 2)},
        "run": {
            "documents": stats.documents,
            "failures": stats.failures,
            "seconds": round(stats.seconds, 2),
            "text_field": text_field,
            "templates_predicted": sum(len(v) for v in predictions.values()),
            "templates_gold": sum(len(d.templates) for d in docs),
        },
        "errors": {
            "missed": _top(gtt.missed),
            "spurious": _top(gtt.spurious),
            "deaths_out_of_range": deaths.examples,
            "injuries_out_of_range": injuries.examples,
        },
    }
