"""Publication dates as they come in records and feeds: ISO 8601, RFC 822, a few written forms."""

from __future__ import annotations

import datetime as dt
import email.utils
import re

_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:$|[T ]\d)")
_SLASH_DATE = re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})$")
_WRITTEN_FORMATS = ("%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%b %d %Y")
MIN_YEAR = 1900
MAX_YEAR = 2100


def _checked(value: dt.date) -> dt.date:
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise ValueError(f"year {value.year} is out of range {MIN_YEAR}-{MAX_YEAR}")
    return value


def parse_published(value: object) -> dt.date | None:
    """The calendar date a publication stamp names; None for a missing value (None or "").

    Accepts a ``datetime.date``, ``YYYY-MM-DD`` with or without a time (the date as written,
    no time-zone shift), ``YYYY/MM/DD``, RFC 822 (``Tue, 03 Feb 2026 10:00:00 GMT``) and
    ``3 February 2026`` / ``February 3, 2026``.  Raises ``ValueError`` for anything else,
    including impossible dates and years outside 1900-2100.
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return _checked(value.date())
    if isinstance(value, dt.date):
        return _checked(value)
    if not isinstance(value, str):
        raise ValueError(f"expected a date string, got {type(value).__name__}")
    text = value.strip()
    if not text:
        return None
    m = _ISO_DATE.match(text) or _SLASH_DATE.match(text)
    if m:
        return _checked(dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))))
    for fmt in _WRITTEN_FORMATS:
        try:
            return _checked(dt.datetime.strptime(text, fmt).date())
        except ValueError:
            continue
    try:
        stamp = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        stamp = None
    if stamp is None:
        raise ValueError(f"not a date: {text[:60]!r}")
    return _checked(stamp.date())
