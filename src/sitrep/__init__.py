"""sitrep: verified, geocoded, source-linked event data from news reports of political violence."""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:  # pragma: no cover
    from sitrep.model import Extraction

__all__ = ["__version__", "extract"]


def extract(text: str, published=None, url: str | None = None, **options) -> Extraction:
    """Extract incidents, figures and claims from one article's text.

    ``published`` is a ``datetime.date`` or ``YYYY-MM-DD`` string used to resolve relative
    dates; without it, years the text does not give stay unknown (with a warning).
    """
    from sitrep.extract.pipeline import extract as _extract

    return _extract(text, published=published, url=url, **options)
