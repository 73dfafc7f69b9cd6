"""JSON lines: one canonical event per line, everything the store knows about it.

Fields are those of :class:`sitrep.store.EventRecord` (figures with every report and who gave
it, sources with URLs), dates as ISO strings; ``reviewed_fields`` names what a person set.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from sitrep.model import to_dict
from sitrep.store.records import EventRecord


def write(out: TextIO, events: Iterable[EventRecord]) -> int:
    n = 0
    for e in events:
        out.write(json.dumps(to_dict(e), ensure_ascii=False, sort_keys=True) + "\n")
        n += 1
    return n
