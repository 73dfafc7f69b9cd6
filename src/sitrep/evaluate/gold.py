"""Scoring against sitrep's own gold articles (format and rules in docs/evaluation.md).

1. Incidents are matched one-to-one (Hungarian algorithm) when their place and date agree:
   place within 25 km when both sides have coordinates, or the same folded name (name or
   canonical name); date within one day, a gold ``--MM-DD`` (year unknown) only matching a
   predicted date with no year and the same month and day, a gold null date matching any.
2. On matched incidents, per-field accuracy: types overlap, status, perpetrator ids, perpetrator
   ids with attribution, each gold figure found (a predicted figure of the incident with the
   same status and category whose best lies in [low, high]; a gold 0..0 figure is also met by
   the absence of any such figure above zero), coordinates within 25 km; weapons and targets
   as P/R over their ids.
3. Incident precision / recall / F1; groups and their figures; aggregate and background figures
   at their level; claims by speaker (actor id, or folded name) and stance.
4. ``double_counted``: per article, status and category, the predicted total at a level (sum of
   the live figures at that level) above the gold total's high; ``no_event_false_incidents``:
   predicted incidents in articles with no gold incident.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sitrep.evaluate.datasets import (
    GoldArticle,
    GoldFigure,
    GoldGroup,
    GoldIncident,
    GoldPlace,
)
from sitrep.evaluate.extractor import Extractor, RunStats, default_extractor, run_all
from sitrep.evaluate.scoring import Counts, best_assignment, fold, max_bipartite
from sitrep.model import EventDate, Extraction, Figure, Group, Incident, Level, Place

MATCH_KM = 25.0
FIELDS: tuple[str, ...] = (
    "types",
    "status",
    "perpetrator",
    "attribution",
    "figures",
    "coordinates",
)


# --------------------------------------------------------------------------- matching rules


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def place_distance(pred: Place | None, gold: GoldPlace) -> float | None:
    """Kilometres between the two places, None when either lacks coordinates."""
    if pred is None or pred.latitude is None or pred.longitude is None:
        return None
    if gold.latitude is None or gold.longitude is None:
        return None
    return haversine_km(pred.latitude, pred.longitude, gold.latitude, gold.longitude)


def place_names(place: Place | None) -> set[str]:
    if place is None:
        return set()
    names = {fold(place.name)}
    if place.canonical_name:
        names.add(fold(place.canonical_name))
    names.update(fold(s.text) for s in place.spans)
    names.discard("")
    return names


def place_matches(pred: Place | None, gold: GoldPlace) -> bool:
    """Within 25 km when both have coordinates, or the same folded name."""
    km = place_distance(pred, gold)
    if km is not None and km <= MATCH_KM:
        return True
    return bool(gold.name) and fold(gold.name) in place_names(pred)


def date_matches(pred: EventDate | None, gold: str | None) -> bool:
    """Within a day; ``--MM-DD`` needs a predicted date with no year and the same month-day."""
    if gold is None:
        return True
    if pred is None:
        return False
    if gold.startswith("--"):
        month, day = int(gold[2:4]), int(gold[5:7])
        return pred.year is None and pred.month == month and pred.day == day
    when = pred.as_date()
    if when is None:
        return False
    return abs((when - dt.date.fromisoformat(gold)).days) <= 1


def incident_compatible(pred: Incident, gold: GoldIncident) -> bool:
    return place_matches(pred.place, gold.place) and date_matches(pred.date, gold.date)


def live_figures(extraction: Extraction) -> list[Figure]:
    """Figures not superseded by a later one."""
    return [f for f in extraction.figures if f.superseded_by is None]


def figure_satisfies(gold: GoldFigure, figures: Sequence[Figure]) -> bool:
    """A figure with the same status and category whose best lies in [low, high].

    A gold 0..0 ("nobody was killed") is also met when no such figure is above zero.
    """
    same = [
        f for f in figures if f.status.value == gold.status and f.category.value == gold.category
    ]
    if any(gold.low <= f.best and (gold.high is None or f.best <= gold.high) for f in same):
        return True
    return gold.high == 0 and not any(f.best > 0 for f in same)


def figure_in_gold(fig: Figure, golds: Sequence[GoldFigure]) -> bool:
    return any(
        g.status == fig.status.value
        and g.category == fig.category.value
        and g.low <= fig.best
        and (g.high is None or fig.best <= g.high)
        for g in golds
    )


def _match_weight(pred: Incident, gold: GoldIncident) -> float:
    """1 for a compatible pair plus small tie-breakers (closer, same types, same day)."""
    if not incident_compatible(pred, gold):
        return 0.0
    weight = 1.0
    km = place_distance(pred.place, gold.place)
    if km is not None:
        weight += 0.25 * max(0.0, 1 - km / MATCH_KM)
    if {t.value for t in pred.types} & set(gold.types):
        weight += 0.5
    if pred.date is not None and gold.date is not None and pred.date.iso == gold.date:
        weight += 0.25
    return weight


def match_incidents(
    pred: Sequence[Incident], gold: Sequence[GoldIncident]
) -> list[tuple[int, int]]:
    """The best one-to-one matching of predicted to gold incidents (index pairs)."""
    weights = [[_match_weight(p, g) for g in gold] for p in pred]
    return best_assignment(weights)


# --------------------------------------------------------------------------- scores


@dataclass(slots=True)
class FieldTally:
    correct: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.correct += bool(ok)
        self.total += 1

    def as_dict(self) -> dict[str, Any]:
        acc = round(100 * self.correct / self.total, 2) if self.total else 0.0
        return {"accuracy": acc, "correct": self.correct, "total": self.total}


@dataclass(slots=True)
class GoldScore:
    incidents: Counts = field(default_factory=Counts)
    fields: dict[str, FieldTally] = field(default_factory=lambda: {k: FieldTally() for k in FIELDS})
    figure_precision: Counts = field(default_factory=Counts)  # predicted incident figures in gold
    weapons: Counts = field(default_factory=Counts)
    targets: Counts = field(default_factory=Counts)
    groups: Counts = field(default_factory=Counts)
    group_figures: FieldTally = field(default_factory=FieldTally)
    aggregates: Counts = field(default_factory=Counts)
    claims: Counts = field(default_factory=Counts)
    double_counted: int = 0
    no_event_articles: int = 0
    no_event_false_incidents: int = 0
    articles: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "incidents": self.incidents.as_dict(),
            "fields": {k: v.as_dict() for k, v in self.fields.items()},
            "figure_precision": self.figure_precision.as_dict(),
            "weapons": self.weapons.as_dict(),
            "targets": self.targets.as_dict(),
            "groups": self.groups.as_dict(),
            "group_figures": self.group_figures.as_dict(),
            "aggregates": self.aggregates.as_dict(),
            "claims": self.claims.as_dict(),
            "double_counted": self.double_counted,
            "no_event_articles": self.no_event_articles,
            "no_event_false_incidents": self.no_event_false_incidents,
        }


def _set_counts(pred: set[str], gold: set[str]) -> Counts:
    hit = len(pred & gold)
    return Counts(tp_pred=hit, n_pred=len(pred), tp_gold=hit, n_gold=len(gold))


def _score_matched(
    score: GoldScore,
    extraction: Extraction,
    figures: list[Figure],
    pred: Incident,
    gold: GoldIncident,
) -> list[str]:
    problems: list[str] = []
    checks = {
        "types": bool({t.value for t in pred.types} & set(gold.types))
        or (not pred.types and not gold.types),
        "status": pred.status.value == gold.status,
        "perpetrator": {p.actor_id for p in pred.perpetrators}
        == {p.actor_id for p in gold.perpetrators},
        "attribution": {(p.actor_id, p.attribution.value) for p in pred.perpetrators}
        == {(p.actor_id, p.attribution) for p in gold.perpetrators},
    }
    for name, ok in checks.items():
        score.fields[name].add(ok)
        if not ok:
            problems.append(name)
    km = place_distance(pred.place, gold.place)
    if gold.place.latitude is not None:
        score.fields["coordinates"].add(km is not None and km <= MATCH_KM)
    own = [f for f in figures if f.incident_id == pred.id and f.level == Level.INCIDENT]
    for g in gold.figures:
        ok = figure_satisfies(g, own)
        score.fields["figures"].add(ok)
        if not ok:
            problems.append(f"figure {g.status}/{g.category} {g.low}..{g.high}")
    for f in own:
        hit = figure_in_gold(f, gold.figures)
        score.figure_precision.add(Counts(tp_pred=hit, n_pred=1))
    score.weapons.add(_set_counts({w.kind for w in pred.weapons}, set(gold.weapons)))
    score.targets.add(_set_counts({t.kind for t in pred.targets}, set(gold.targets)))
    return problems


def _group_places(group: Group, incidents: Sequence[Incident]) -> set[str]:
    names = place_names(group.place)
    for inc in incidents:
        if inc.id in group.incident_ids:
            names |= place_names(inc.place)
    return names


def _group_matches(pred: Group, gold: GoldGroup, incidents: Sequence[Incident]) -> bool:
    names = _group_places(pred, incidents)
    wanted = {fold(p) for p in gold.places}
    if not wanted or 2 * len(wanted & names) < len(wanted):
        return False
    return pred.date is None or gold.date is None or date_matches(pred.date, gold.date)


def _claim_key_matches(pred: Any, gold: Any) -> bool:
    if pred.stance.value != gold.stance:
        return False
    if (
        pred.speaker_actor_id
        and gold.speaker_actor_id
        and pred.speaker_actor_id == gold.speaker_actor_id
    ):
        return True
    a, b = fold(pred.speaker), fold(gold.speaker)
    if not a or not b:
        return False
    short, long_ = sorted((a, b), key=len)
    return a == b or (len(short) >= 4 and short in long_)


def _totals(
    figures: Sequence[tuple[str, str, int, int | None]],
) -> dict[tuple[str, str], tuple[int, int | None]]:
    out: dict[tuple[str, str], tuple[int, int | None]] = {}
    for status, category, low, high in figures:
        lo, hi = out.get((status, category), (0, 0))
        out[(status, category)] = (lo + low, None if hi is None or high is None else hi + high)
    return out


def count_double_counted(extraction: Extraction, article: GoldArticle) -> list[str]:
    """(status, category, level) totals the prediction puts above the gold total's high.

    Only combinations the gold gives at that level are checked (over-extraction of other
    categories is not double counting).
    """
    gold_levels: dict[str, list[tuple[str, str, int, int | None]]] = {
        "incident": [
            (f.status, f.category, f.low, f.high) for i in article.incidents for f in i.figures
        ],
        "group": [(f.status, f.category, f.low, f.high) for g in article.groups for f in g.figures],
        "aggregate": [
            (a.status, a.category, a.low, a.high)
            for a in article.aggregates
            if a.level == "aggregate"
        ],
    }
    found = []
    live = live_figures(extraction)
    for level, gold_figs in gold_levels.items():
        gold_tot = _totals(gold_figs)
        pred_tot = _totals(
            [
                (f.status.value, f.category.value, f.best, f.best)
                for f in live
                if f.level.value == level
            ]
        )
        for key, (_, high) in sorted(gold_tot.items()):
            if high is not None and key in pred_tot and pred_tot[key][0] > high:
                found.append(f"{level} {key[0]}/{key[1]} {pred_tot[key][0]} > {high}")
    return found


def score_article(extraction: Extraction, article: GoldArticle, score: GoldScore) -> dict[str, Any]:
    """Add one article's counts to ``score``; returns the article's error summary."""
    figures = live_figures(extraction)
    pred, gold = extraction.incidents, article.incidents
    pairs = match_incidents(pred, gold)
    score.incidents.add(
        Counts(tp_pred=len(pairs), n_pred=len(pred), tp_gold=len(pairs), n_gold=len(gold))
    )
    summary: dict[str, Any] = {"id": article.id, "missed": [], "spurious": [], "field_errors": []}
    for i, j in pairs:
        problems = _score_matched(score, extraction, figures, pred[i], gold[j])
        if problems:
            summary["field_errors"].append({"place": gold[j].place.name, "problems": problems})
    hit_p, hit_g = {i for i, _ in pairs}, {j for _, j in pairs}
    summary["missed"] = [f"{g.place.name} {g.date}" for j, g in enumerate(gold) if j not in hit_g]
    summary["spurious"] = [
        f"{p.place.name if p.place else '?'} {p.date.iso if p.date else None}"
        for i, p in enumerate(pred)
        if i not in hit_p
    ]
    if not gold:
        score.no_event_articles += 1
        score.no_event_false_incidents += len(pred)
    # groups
    gpairs = max_bipartite(
        extraction.groups, article.groups, lambda p, g: _group_matches(p, g, pred)
    )
    score.groups.add(
        Counts(
            tp_pred=len(gpairs),
            n_pred=len(extraction.groups),
            tp_gold=len(gpairs),
            n_gold=len(article.groups),
        )
    )
    matched_groups = dict((j, i) for i, j in gpairs)
    for j, g in enumerate(article.groups):
        own = []
        if j in matched_groups:
            gid = extraction.groups[matched_groups[j]].id
            own = [f for f in figures if f.group_id == gid and f.level == Level.GROUP]
        for gf in g.figures:
            score.group_figures.add(figure_satisfies(gf, own) if j in matched_groups else False)
    # aggregates and background statistics at their level
    pred_aggs = [f for f in figures if f.level in (Level.AGGREGATE, Level.BACKGROUND)]
    apairs = max_bipartite(
        pred_aggs,
        article.aggregates,
        lambda f, a: (
            f.level.value == a.level
            and figure_in_gold(f, [GoldFigure(a.status, a.category, a.low, a.high)])
        ),
    )
    score.aggregates.add(
        Counts(
            tp_pred=len(apairs),
            n_pred=len(pred_aggs),
            tp_gold=len(apairs),
            n_gold=len(article.aggregates),
        )
    )
    # claims
    cpairs = max_bipartite(extraction.claims, article.claims, _claim_key_matches)
    score.claims.add(
        Counts(
            tp_pred=len(cpairs),
            n_pred=len(extraction.claims),
            tp_gold=len(cpairs),
            n_gold=len(article.claims),
        )
    )
    doubles = count_double_counted(extraction, article)
    score.double_counted += len(doubles)
    summary["double_counted"] = doubles
    return summary


def score_gold(extractions: dict[str, Extraction], articles: Sequence[GoldArticle]) -> GoldScore:
    """Score extractions (by article id; a missing one counts as empty) against gold articles."""
    from sitrep.model import Article

    score = GoldScore()
    for article in articles:
        extraction = extractions.get(article.id) or Extraction(
            article=Article(text=article.text, id=article.id)
        )
        score.articles.append(score_article(extraction, article, score))
    return score


def evaluate_gold(
    articles: Sequence[GoldArticle], *, extractor: Extractor | None = None
) -> dict[str, Any]:
    """Run the extractor over gold articles and score them."""
    extractor = extractor or default_extractor()
    stats = RunStats()
    extractions = run_all(((a.id, a.text, a.published) for a in articles), extractor, stats=stats)
    score = score_gold(extractions, articles)
    scores = score.as_dict()
    return {
        "scores": scores,
        "headline": {
            "incident_f1": scores["incidents"]["f1"],
            "figure_accuracy": scores["fields"]["figures"]["accuracy"],
            "claim_f1": scores["claims"]["f1"],
            "double_counted": score.double_counted,
            "no_event_false_incidents": score.no_event_false_incidents,
        },
        "run": {
            "documents": stats.documents,
            "failures": stats.failures,
            "seconds": round(stats.seconds, 2),
        },
        "errors": {
            "articles": [
                a
                for a in score.articles
                if a["missed"] or a["spurious"] or a["field_errors"] or a["double_counted"]
            ]
        },
    }
