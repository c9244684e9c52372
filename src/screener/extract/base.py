"""What a reader hands back to `extract`, and the messages a recruiter sees.

Readers raise `ExtractionError` with one of the messages below (one line, ending with what to
do); `extract` turns it into an `error` Document. They never build Documents themselves.
"""

from __future__ import annotations

from dataclasses import dataclass

from screener.errors import ExtractionError

__all__ = ["Extracted", "ExtractionError", "Messages"]


@dataclass(frozen=True)
class Extracted:
    """Raw (not yet normalised) text read from one file."""

    text: str
    extractor: str  # pdfium | pdfminer | docx | text
    pages: int = 0  # 0 when the format has no pages or the count is not recorded
    warnings: tuple[str, ...] = ()
    total_pages: int = 0  # pages in the file, when more than were read
    hidden: str = ""  # text a reader cannot see, left out of `text` (see extract.hidden)


class Messages:
    """Every reason a file can fail, worded for a recruiter."""

    EMPTY_FILE = "file is empty (0 bytes): ask the candidate for the file again"
    NO_TEXT_LAYER = "no text layer: scanned image, needs OCR (or ask the candidate for a text PDF)"
    NO_TEXT = "no text found in the document: ask the candidate for another copy"
    ALL_HIDDEN = (
        "all its text is hidden (white, invisible, tiny or off the page): ask the candidate "
        "for another copy"
    )
    ENCRYPTED = "encrypted PDF: ask the candidate for an unprotected copy"
    DAMAGED_PDF = "damaged PDF (truncated download?): ask for the file again"
    DAMAGED_DOCX = "damaged Word .docx (cannot be opened): ask for the file again, or a PDF"
    LEGACY_DOC = "legacy Word .doc: save it as .docx or PDF and screen again"
    RTF = "RTF document: save it as .docx or PDF and screen again"
    ODT = "OpenDocument text (.odt): save it as .docx or PDF and screen again"
    OTHER_ZIP = "ZIP archive, not a Word .docx: unzip it or save the resume as .docx or PDF"
    BINARY = "not a resume file (binary data): screener reads PDF, DOCX and TXT; ask for one"
    IMAGE = "image file ({kind}), not a document: needs OCR, or ask the candidate for a PDF"
    UNREADABLE = "cannot read the file ({reason}): check that it exists and can be opened"
    TOO_MANY_PAGES = (
        "{pages:,} pages is not a resume (limit {limit}): check the file, or raise --max-pages"
    )
    ZIP_BOMB = (
        "Word file unpacks to {mb:,} MB, far more than any resume (a zip bomb?): "
        "ask the candidate for a PDF"
    )
    TOO_BIG_TO_READ = (
        "needs more memory than one resume may use (a decompression bomb?): "
        "ask the candidate for a fresh copy as PDF"
    )
    NESTED_PDF = (
        "PDF objects nested over {depth} levels deep, as no resume is (built to crash "
        "readers?): ask the candidate for a fresh copy as PDF"
    )
    UNEXPECTED = "could not read this {kind} file ({reason}): ask for the file again, or a PDF"
