"""What the readers hand back when an input cannot be read: one error record per bad input."""

from __future__ import annotations

from dataclasses import dataclass

from sitrep.errors import InputError


@dataclass(slots=True)
class RecordError:
    """One bad record, reported and skipped; the batch keeps going.

    ``source`` names where it came from: a path, ``path:line`` for JSONL, ``path#item`` for a
    feed item, ``<stdin>``.  ``code`` is one of the stable codes listed in docs/input.md.
    """

    source: str
    message: str
    code: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message} [{self.code}]"


class IngestError(InputError):
    """An :class:`~sitrep.errors.InputError` that also carries a stable ``code`` and its ``source``.

    ``str(error)`` is the human message alone (callers add the path themselves).
    """

    def __init__(self, message: str, *, code: str, source: str = "<input>") -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.source = source

    def record(self) -> RecordError:
        return RecordError(source=self.source, message=self.message, code=self.code)
