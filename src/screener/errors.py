"""One exception base for the whole library.

Messages name the file (and key or line) that is wrong and end with what to do about it. The CLI
turns a ScreenerError into one line on stderr and an exit status; nothing else reaches a user.

A file that cannot be screened is not an exception but a row: `ErrorCode` is the catalogue of
every reason a row can carry, each a code (what programs decide on) and a message template (what
the recruiter reads).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, IntEnum


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
    """One file could not be read. Caught per file: it becomes an `error` row, never a crash.

    Readers raise it with a code and the template's fields: ExtractionError(ErrorCode.E_IMAGE,
    kind="PNG"); `code` is then that code. Given a plain message, `code` is None.
    """

    def __init__(self, reason: str, /, **values: object) -> None:
        self.code = reason if isinstance(reason, ErrorCode) else None
        super().__init__(self.code.message(**values) if self.code is not None else reason)


_RESAVE = "open it and save a fresh copy as PDF"


class ErrorCode(str, Enum):
    """Every reason a file gives no profile, as a code programs key on and a message template.

    Caching, reports and tests decide on the code; the message is for the recruiter and free to
    change. Each message is one line that ends with what to do (E_DUPLICATE excepted: a
    duplicate is screened once, under the file it repeats). The code is what the JSON report
    and `screener parse --json` give as `error_code`.
    """

    template: str

    def __new__(cls, code: str, template: str) -> ErrorCode:
        member = str.__new__(cls, code)
        member._value_ = code
        member.template = template
        return member

    def __str__(self) -> str:
        return self.value

    def message(self, **values: object) -> str:
        """The line a recruiter reads, with the template's fields filled in."""
        return self.template.format(**values)

    def reason(self, **values: object) -> Reason:
        return Reason(self, self.message(**values))

    # What the file's bytes are: the same bytes always give them (cached with the document).
    E_EMPTY_FILE = "E_EMPTY_FILE", "file is empty (0 bytes): ask the candidate for the file again"
    E_SCANNED_NO_TEXT = "E_SCANNED_NO_TEXT", (
        "no text layer: scanned image, needs OCR (or ask the candidate for a text PDF)")
    E_NO_TEXT = "E_NO_TEXT", "no text found in the document: ask the candidate for another copy"
    E_ALL_HIDDEN = "E_ALL_HIDDEN", (
        "all its text is hidden (white, invisible, tiny or off the page): ask the candidate "
        "for another copy")
    E_PDF_ENCRYPTED = "E_PDF_ENCRYPTED", "encrypted PDF: ask the candidate for an unprotected copy"
    E_PDF_DAMAGED = "E_PDF_DAMAGED", "damaged PDF (truncated download?): ask for the file again"
    E_PDF_NESTED = "E_PDF_NESTED", (
        "PDF objects nested over {depth} levels deep, as no resume is (built to crash "
        "readers?): ask the candidate for a fresh copy as PDF")
    E_TOO_MANY_PAGES = "E_TOO_MANY_PAGES", (
        "{pages:,} pages is not a resume (limit {limit}): check the file, or raise --max-pages")
    E_DOCX_DAMAGED = "E_DOCX_DAMAGED", (
        "damaged Word .docx (cannot be opened): ask for the file again, or a PDF")
    E_ZIP_BOMB = "E_ZIP_BOMB", (
        "Word file unpacks to {mb:,} MB, far more than any resume (a zip bomb?): "
        "ask the candidate for a PDF")
    E_LEGACY_DOC = "E_LEGACY_DOC", "legacy Word .doc: save it as .docx or PDF and screen again"
    E_RTF = "E_RTF", "RTF document: save it as .docx or PDF and screen again"
    E_ODT = "E_ODT", "OpenDocument text (.odt): save it as .docx or PDF and screen again"
    E_OTHER_ZIP = "E_OTHER_ZIP", (
        "ZIP archive, not a Word .docx: unzip it or save the resume as .docx or PDF")
    E_BINARY = "E_BINARY", (
        "not a resume file (binary data): screener reads PDF, DOCX and TXT; ask for one")
    E_IMAGE = "E_IMAGE", (
        "image file ({kind}), not a document: needs OCR, or ask the candidate for a PDF")
    E_READER_ERROR = "E_READER_ERROR", (
        "could not read this {kind} file ({error}): ask for the file again, or a PDF")

    # What this run made of the file: its limits, deadlines and environment (never cached).
    E_TIMEOUT = "E_TIMEOUT", (
        "took longer than {seconds:g} s to read: it may be damaged or huge; " + _RESAVE)
    E_CRASH = "E_CRASH", (
        "reader crashed on this file: it may be damaged or need too much memory; " + _RESAVE)
    E_MEMORY = "E_MEMORY", (
        "needs more memory than one resume may use: it may be a decompression bomb or damaged; "
        + _RESAVE)
    E_READER_MEMORY = "E_READER_MEMORY", (
        "needs more memory than one resume may use (a decompression bomb?): "
        "ask the candidate for a fresh copy as PDF")
    E_NESTED = "E_NESTED", "its structure is nested too deeply to read; " + _RESAVE
    E_UNEXPECTED = "E_UNEXPECTED", "could not be read ({error}); " + _RESAVE
    E_TOO_LARGE = "E_TOO_LARGE", (
        "too large: {size}, over the {limit} limit for one resume; check it is a resume, or "
        "raise --max-mb")
    E_DISAPPEARED = "E_DISAPPEARED", "the file disappeared during screening; check the path"
    E_OS_ERROR = "E_OS_ERROR", "cannot read it ({reason}); check the file"
    E_UNREADABLE = "E_UNREADABLE", (
        "cannot read the file ({reason}): check that it exists and can be opened")

    # What the path is: found when the inputs are collected, or when the file is opened.
    E_PERMISSION = "E_PERMISSION", (
        "permission denied: screener cannot open it; check the file's permissions")
    E_SYMLINK_LOOP = "E_SYMLINK_LOOP", (
        "symlink loop: the link leads back to itself; replace it with the real file or folder")
    E_BROKEN_LINK = "E_BROKEN_LINK", (
        "broken link: the file it points to is gone; replace it with the real file")
    E_CANNOT_OPEN = "E_CANNOT_OPEN", "cannot open it ({reason}); check the path"
    E_FOLDER_UNREADABLE = "E_FOLDER_UNREADABLE", (
        "cannot open this folder ({reason}); check its permissions")
    E_NOT_REGULAR = "E_NOT_REGULAR", (
        "not a file but {kind}: screener reads only PDF, DOCX and TXT files; replace it with "
        "the resume file, or move it out of the folder")
    E_OUTSIDE_LINK = "E_OUTSIDE_LINK", (
        "a link to a file outside the paths given: not followed; check where it points, and "
        "to screen that file give its own path as an argument")

    # What the batch found across files.
    E_DUPLICATE = "E_DUPLICATE", "duplicate of {kept}{why}"  # why: " (same e-mail)" or ""


# Rows that depend on this run, not only on the file's bytes: its deadline, memory cap and
# size limit, a reader that crashed or raised (it may pass once a dependency is fixed), the
# file system. Never cached: another run may read the file.
MADE_BY_BATCH: frozenset[ErrorCode] = frozenset({
    ErrorCode.E_TIMEOUT, ErrorCode.E_CRASH, ErrorCode.E_MEMORY, ErrorCode.E_READER_MEMORY,
    ErrorCode.E_NESTED, ErrorCode.E_UNEXPECTED, ErrorCode.E_TOO_LARGE, ErrorCode.E_DISAPPEARED,
    ErrorCode.E_OS_ERROR, ErrorCode.E_UNREADABLE, ErrorCode.E_PERMISSION,
    ErrorCode.E_SYMLINK_LOOP, ErrorCode.E_BROKEN_LINK, ErrorCode.E_CANNOT_OPEN,
    ErrorCode.E_FOLDER_UNREADABLE, ErrorCode.E_NOT_REGULAR, ErrorCode.E_OUTSIDE_LINK,
})


@dataclass(frozen=True)
class Reason:
    """Why one file gives no profile: its code, and the line a recruiter reads."""

    code: ErrorCode
    message: str
