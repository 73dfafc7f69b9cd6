"""Cross-article merge: the same incident reported by several articles becomes one event.

:mod:`sitrep.merge.match` scores an incident against a canonical event (date, place within the
distance the places' precision allows, compatible type, shared actors) and gives its reasons;
:mod:`sitrep.merge.figures` reconciles the figures of many reports into low / best / high with
``number_of_sources``.  Both are pure; the store (:mod:`sitrep.store`) applies and records them.
"""

from __future__ import annotations

from sitrep.merge.figures import FigureEstimate, FigureReport, reconcile
from sitrep.merge.match import THRESHOLD, Assignment, Facts, Match, PlaceFacts, assign, score

__all__ = [
    "THRESHOLD",
    "Assignment",
    "Facts",
    "FigureEstimate",
    "FigureReport",
    "Match",
    "PlaceFacts",
    "assign",
    "reconcile",
    "score",
]
