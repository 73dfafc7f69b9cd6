"""Shared scoring helpers: counts to precision/recall/F1, string normalisation, matchings."""

from __future__ import annotations

import re
import string
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

A = TypeVar("A")
B = TypeVar("B")

_ARTICLES = re.compile(r"\b(a|an|the)\b")
_PUNCT = str.maketrans(
    {c: " " for c in string.punctuation + "\u2018\u2019\u201c\u201d\u2013\u2014"}
)


@dataclass(slots=True)
class Counts:
    """Matched predictions (``tp_pred``), matched gold items (``tp_gold``) and totals.

    Precision is ``tp_pred / n_pred`` and recall ``tp_gold / n_gold``; the two numerators are
    the same number under one-to-one matching and differ only for scorers that allow several
    predictions to hit one gold item.
    """

    tp_pred: int = 0
    n_pred: int = 0
    tp_gold: int = 0
    n_gold: int = 0

    def add(self, other: Counts) -> None:
        self.tp_pred += other.tp_pred
        self.n_pred += other.n_pred
        self.tp_gold += other.tp_gold
        self.n_gold += other.n_gold

    @property
    def precision(self) -> float:
        return self.tp_pred / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp_gold / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        """Counts plus P/R/F1 as percentages rounded to two decimals."""
        return {
            "p": round(100 * self.precision, 2),
            "r": round(100 * self.recall, 2),
            "f1": round(100 * self.f1, 2),
            "tp_pred": self.tp_pred,
            "n_pred": self.n_pred,
            "tp_gold": self.tp_gold,
            "n_gold": self.n_gold,
        }


def normalise(text: str) -> str:
    """Lower-case, drop punctuation and the articles a/an/the, squeeze spaces (MUC-4/SQuAD style).

    Punctuation becomes a space, so "pro-regime" and "pro regime" compare equal.
    """
    text = unicodedata.normalize("NFKC", text).lower().translate(_PUNCT)
    return " ".join(_ARTICLES.sub(" ", text).split())


def fold(text: str) -> str:
    """Accent- and case-folded letters and digits only, for comparing names ("Jamundí" = "jamundi")."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return "".join(c for c in text.casefold() if c.isalnum())


def max_bipartite(
    left: Sequence[A], right: Sequence[B], match: Callable[[A, B], bool]
) -> list[tuple[int, int]]:
    """A maximum one-to-one matching of ``left`` to ``right`` under ``match`` (Kuhn's algorithm).

    Returns ``(left index, right index)`` pairs, sorted; deterministic for given inputs.
    """
    edges = [[j for j, b in enumerate(right) if match(a, b)] for a in left]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(left)):
        augment(i, set())
    return sorted((i, j) for j, i in owner.items())


def best_assignment(weights: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """Pairs ``(row, col)`` of a one-to-one assignment maximising the summed positive weights.

    Hungarian algorithm (O(n^3)) on the square matrix padded with zeros; pairs of weight <= 0
    are dropped (those rows and columns stay unaligned).
    """
    n_rows = len(weights)
    n_cols = len(weights[0]) if n_rows else 0
    if n_rows == 0 or n_cols == 0:
        return []
    n = max(n_rows, n_cols)
    top = max((w for row in weights for w in row), default=0.0)
    # minimise cost = top - weight (all >= 0); padding cells cost `top` (weight 0)
    cost = [
        [top - (weights[i][j] if i < n_rows and j < n_cols else 0.0) for j in range(n)]
        for i in range(n)
    ]
    inf = float("inf")
    u = [0.0] * (n + 1)
    v = [0.0] * (n + 1)
    p = [0] * (n + 1)  # p[j]: row assigned to column j (1-based), 0 none
    way = [0] * (n + 1)
    for i in range(1, n + 1):
        p[0] = i
        j0 = 0
        minv = [inf] * (n + 1)
        used = [False] * (n + 1)
        while True:
            used[j0] = True
            i0 = p[j0]
            delta = inf
            j1 = 0
            for j in range(1, n + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j] = cur
                        way[j] = j0
                    if minv[j] < delta:
                        delta = minv[j]
                        j1 = j
            for j in range(n + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while True:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
            if j0 == 0:
                break
    pairs = []
    for j in range(1, n + 1):
        i = p[j] - 1
        if i < n_rows and j - 1 < n_cols and weights[i][j - 1] > 0:
            pairs.append((i, j - 1))
    return sorted(pairs)


def pct(value: float) -> float:
    """A 0..1 ratio as a percentage rounded to two decimals."""
    return round(100 * value, 2)
