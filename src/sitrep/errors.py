"""Domain errors.  The library raises these; the CLI translates them into messages and exit codes."""


class SitrepError(Exception):
    """Base class of every error sitrep raises on purpose."""


class InputError(SitrepError):
    """An input could not be read as an article (empty, binary, undecodable, malformed)."""


class LexiconError(SitrepError):
    """A lexicon file is malformed."""


class GazetteerError(SitrepError):
    """The gazetteer could not be built or loaded."""


class EvaluationError(SitrepError):
    """A dataset for evaluation is missing or malformed."""


class StoreError(SitrepError):
    """The store could not be opened, migrated or written."""


class BatchError(SitrepError):
    """A batch run cannot start or go on (output folder in use, mismatched resume, failed task)."""
