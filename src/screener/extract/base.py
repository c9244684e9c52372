"""What a reader hands back to `extract`.

Readers raise `ExtractionError` with a code from the one catalogue (screener.errors.ErrorCode:
the code, and the line a recruiter reads); `extract` turns it into an `error` Document. They
never build Documents themselves.
"""

from __future__ import annotations

from dataclasses import dataclass

from screener.errors import ErrorCode, ExtractionError

__all__ = ["ErrorCode", "Extracted", "ExtractionError"]


@dataclass(frozen=True)
class Extracted:
    """Raw (not yet normalised) text read from one file."""

    text: str
    extractor: str  # pdfium | pdfminer | docx | text
    pages: int = 0  # 0 when the format has no pages or the count is not recorded
    warnings: tuple[str, ...] = ()
    total_pages: int = 0  # pages in the file, when more than were read
    hidden: str = ""  # text a reader cannot see, left out of `text` (see extract.hidden)
