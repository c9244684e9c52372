"""One exception base for the whole library.

Messages name the file (and key or line) that is wrong and end with what to do about it. The CLI
turns a ScreenerError into one line on stderr and an exit status; nothing else reaches a user.
"""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    OK = 0  # the batch completed, even if some files were unreadable
    FAILED = 1  # could not run: bad posting, bad taxonomy, no inputs
    USAGE = 2  # click's own status for usage errors


class ScreenerError(Exception):
    """Base class. `str(err)` is the one line shown to the user."""


class ConfigError(ScreenerError, ValueError):
    """A posting, taxonomy or option is invalid."""


class TaxonomyError(ConfigError):
    """skills/taxonomy.yaml (or a user's taxonomy) is invalid."""


class PostingError(ConfigError):
    """A posting YAML is invalid."""


class InputError(ScreenerError, OSError):
    """The inputs cannot be used at all (no files, a missing path)."""


class ExtractionError(ScreenerError, ValueError):
    """One file could not be read. Caught per file: it becomes an `error` row, never a crash."""
