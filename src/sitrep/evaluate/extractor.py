"""The extractor the evaluations run: ``sitrep.extract`` by default, any callable in tests."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Protocol

from sitrep.errors import EvaluationError, SitrepError
from sitrep.model import Article, Extraction, Warning

log = logging.getLogger(__name__)


class Extractor(Protocol):
    def __call__(self, text: str, published: str | None = None) -> Extraction: ...


def default_extractor() -> Extractor:
    """``sitrep.extract`` (imported lazily); EvaluationError when the pipeline is not there."""
    try:
        from sitrep.extract.pipeline import extract
    except ImportError as exc:  # pragma: no cover - depends on the tree
        raise EvaluationError(f"the extraction pipeline is not available: {exc}") from exc

    def run(text: str, published: str | None = None) -> Extraction:
        return extract(text, published=published)

    return run


@dataclass(slots=True)
class RunStats:
    documents: int = 0
    failures: int = 0
    seconds: float = 0.0


def run_all(
    items: Iterable[tuple[str, str, str | None]],
    extractor: Extractor | Callable[..., Extraction],
    *,
    stats: RunStats | None = None,
) -> dict[str, Extraction]:
    """Extract ``(doc id, text, published)`` items; a document that fails scores as empty.

    A failure is logged and counted (``stats.failures``) rather than stopping the run, so one
    bad document cannot hide the score of the rest; when every document fails the run is
    meaningless and EvaluationError is raised with the first error.
    """
    stats = stats if stats is not None else RunStats()
    out: dict[str, Extraction] = {}
    first_error: str | None = None
    start = time.perf_counter()
    for doc_id, text, published in items:
        stats.documents += 1
        try:
            out[doc_id] = extractor(text, published)
        except (SitrepError, ValueError, KeyError, IndexError, TypeError, AttributeError) as exc:
            stats.failures += 1
            first_error = first_error or f"{doc_id}: {type(exc).__name__}: {exc}"
            log.warning("extraction failed on %s: %s: %s", doc_id, type(exc).__name__, exc)
            out[doc_id] = Extraction(
                article=Article(text=text, id=doc_id),
                warnings=[Warning("evaluation_failure", f"{type(exc).__name__}: {exc}")],
            )
    stats.seconds += time.perf_counter() - start
    if out and stats.failures >= len(out) and first_error is not None:
        raise EvaluationError(
            f"extraction failed on all {len(out)} documents; first: {first_error}"
        )
    return out
