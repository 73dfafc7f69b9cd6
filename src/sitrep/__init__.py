"""sitrep: verified, geocoded, source-linked event data from news reports of political violence.

``sitrep.extract(text, published=..., url=...)`` is the whole extraction of one article; it is
bound here eagerly because the stage package ``sitrep.extract`` would otherwise shadow it.
"""

from __future__ import annotations

__version__ = "0.1.0"

from sitrep.extract.pipeline import extract  # noqa: E402

__all__ = ["__version__", "extract"]
