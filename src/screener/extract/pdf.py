"""PDF resumes: a fast pypdfium2 path checked for quality, and pdfminer.six layout analysis.

extractor:
  "fast"     pypdfium2 glyph boxes laid out by screener.extract.layout;
  "pdfminer" pdfminer.six `LAParams` layout analysis;
  "auto"     the fast path, falling back to pdfminer when `fast_path_problem` finds its text
             suspect (glued words, garbled glyphs, no text at all).

Both keep a two-column resume's reading order: pdfminer groups each column's lines into text
boxes and orders the boxes (boxes_flow); the fast path finds the gutter from glyph boxes.

Both leave out text a reader cannot see (screener.extract.hidden; screener.extract.visible
for pdfminer) and return it apart in `Extracted.hidden`.

Page limit: a PDF of more than `max_pages` pages is an error, decided from the page count
before any page is laid out, so a 2,000-page file costs milliseconds, not minutes. No resume
runs to 50 pages; what does is a portfolio, a thesis or a file built to stall the batch, and
screening its first pages as if they were the whole would rank a fragment.
"""

from __future__ import annotations

import dataclasses
import io
import re
from collections import Counter

from screener.extract import EXTRACTORS
from screener.extract.base import ErrorCode, Extracted, ExtractionError
from screener.extract.sniff import pdf_offset

__all__ = ["LAPARAMS", "fast_path_problem", "read_pdf"]

# pdfminer.six layout settings. Defaults except: all_texts also lays out text inside form
# XObjects (some producers wrap a whole page in one). char_margin 2.0 keeps a column gutter of
# more than two characters apart; boxes_flow 0.5 orders boxes column by column, measured on the
# two-column fixture and the benchmark set (boxes_flow=None interleaves the columns' boxes).
LAPARAMS = {
    "line_margin": 0.5,
    "char_margin": 2.0,
    "word_margin": 0.1,
    "boxes_flow": 0.5,
    "all_texts": True,
}

_EOF_WINDOW = 2048
# Real PDFs nest arrays and dictionaries a few levels deep; thousands of levels exist only to
# overflow recursive readers (pdfminer's object resolution, pdfium's parser limits). Checked
# on the raw bytes, so it costs one regex scan, not a parse.
MAX_NESTING = 100
_OPEN = rb"(?:\[|<<)\s*(?:/[^\s/\[\]<>()]*\s*)?"
# The first opener written out: a pattern starting with '[' or '<<' lets `re` jump between
# those bytes instead of trying the repeat at every byte (~6x faster, same matches).
_NESTED = re.compile(_OPEN + rb"(?:" + _OPEN + rb"){%d}" % (MAX_NESTING - 1))
_PRIVATE_OR_BAD = re.compile(r"[\ufffd\ue000-\uf8ff\x00-\x08\x0b\x0e-\x1f]|\(cid:\d+\)")
_LINKISH = re.compile(r"@|https?:|www\.|/|\\")
_LETTERS = re.compile(r"[A-Za-z]+")
# Words run together ("ofcomplex", "toNew", "UniversityJanuary"): a word of five letters or
# more, written once, that splits into two words the text itself uses twice or more. Real
# compounds pass the test too ("into", "update"), so it takes several and a share: on 246 real
# resumes read right, at most 0.7% of such words; read with words glued, up to 2.4%.
GLUED_MIN, GLUED_SHARE = 5, 0.008


def read_pdf(data: bytes, *, extractor: str = "auto", max_pages: int = 50) -> Extracted:
    if extractor not in EXTRACTORS:
        raise ValueError(f"extractor must be one of {', '.join(EXTRACTORS)}, not {extractor!r}")
    start = pdf_offset(data)
    if start > 0:  # junk before the header (mail gateways, bad downloads): read from %PDF
        data = data[start:]
    if _NESTED.search(data):
        raise ExtractionError(ErrorCode.E_PDF_NESTED, depth=MAX_NESTING)
    if extractor == "pdfminer":
        result = _pdfminer(data, max_pages)
    else:
        result = _fast(data, max_pages)
        if extractor == "auto" and fast_path_problem(result.text, result.pages):
            result = _pdfminer_or(result, data, max_pages)
    return _check_truncation(result, data)


def fast_path_problem(text: str, pages: int) -> str | None:
    """Why the fast path's text looks wrong (then auto reads the file with pdfminer), or None."""
    words = text.split()
    if not words:
        return "no text"
    plain = [w for w in words if not _LINKISH.search(w)] or words  # addresses are long anyway
    if sum(1 for w in plain if len(w) > 25) > max(1, 0.02 * len(plain)):
        return "glued words"
    if sum(len(w) for w in plain) / len(plain) > 12:
        return "glued words"
    if _runs_together(text):
        return "glued words"
    letters = sum(len(w) for w in words)
    if len(_PRIVATE_OR_BAD.findall(text)) > 0.02 * max(letters, 1):
        return "garbled glyphs"
    lines = [line for line in text.split("\n") if line.strip()]
    if len(lines) > 20 and sum(1 for line in lines if len(line.strip()) == 1) > 0.3 * len(lines):
        return "one letter per line"
    return None


def _runs_together(text: str) -> bool:
    """Whether enough of the text's words are two of its own words glued (see GLUED_SHARE)."""
    words = [w.lower() for w in _LETTERS.findall(text)]
    counts = Counter(words)
    long_words = glued = 0
    for word in words:
        if len(word) < 5:
            continue
        long_words += 1
        if counts[word] > 1:  # a word used again is a word (a frequent pair stays uncounted)
            continue
        for cut in range(2, len(word) - 1):
            if counts[word[:cut]] >= 2 and counts[word[cut:]] >= 2:
                glued += 1
                break
    return glued >= GLUED_MIN and glued > GLUED_SHARE * long_words


def _fast(data: bytes, max_pages: int) -> Extracted:
    from screener.extract.pdfium import open_pdf, page_text

    pdf = _open_pdfium(data, open_pdf)
    try:
        total = len(pdf)
        _check_pages(total, max_pages)
        pages: list[str] = []
        hidden: list[str] = []
        overhangs: dict = {}
        for index in range(total):
            page = pdf[index]
            try:
                lines, page_hidden = page_text(page, overhangs)
                pages.append("\n".join(lines))
                hidden.append(page_hidden)
            finally:
                page.close()
    finally:
        pdf.close()
    return _assemble(pages, total, "pdfium", hidden)


def _open_pdfium(data: bytes, open_pdf):
    import pypdfium2 as pdfium

    try:
        return open_pdf(data)
    except pdfium.PdfiumError as exc:
        # err_code 4 = FPDF_ERR_PASSWORD, 5 = FPDF_ERR_SECURITY (unsupported encryption).
        if getattr(exc, "err_code", None) in (4, 5) or "password" in str(exc).lower():
            raise ExtractionError(ErrorCode.E_PDF_ENCRYPTED) from exc
        raise ExtractionError(ErrorCode.E_PDF_DAMAGED) from exc


def _pdfminer_or(fallback: Extracted, data: bytes, max_pages: int) -> Extracted:
    """pdfminer's reading, or the fast path's when pdfminer cannot read the file at all."""
    try:
        result = _pdfminer(data, max_pages)
    except ExtractionError:
        return fallback
    return result if result.text.strip() or not fallback.text.strip() else fallback


def _pdfminer(data: bytes, max_pages: int) -> Extracted:
    from pdfminer.layout import LAParams
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager

    from screener.extract.visible import visible_aggregator

    pages = _pdfminer_pages(data)
    _check_pages(len(pages), max_pages)
    resources = PDFResourceManager(caching=True)
    device = visible_aggregator(resources, LAParams(**LAPARAMS))
    interpreter = PDFPageInterpreter(resources, device)
    texts: list[str] = []
    try:
        for page in pages:
            interpreter.process_page(page)
            texts.append("\n".join(_layout_lines(device.get_result())))
    except _pdfminer_errors() as exc:
        if not texts:
            raise ExtractionError(ErrorCode.E_PDF_DAMAGED) from exc
    return _assemble(texts, len(pages), "pdfminer", device.hidden)


def _pdfminer_errors() -> tuple[type[BaseException], ...]:
    from pdfminer.pdfexceptions import PDFException
    from pdfminer.psexceptions import PSException

    return (PDFException, PSException, KeyError, ValueError, TypeError, AssertionError)


def _pdfminer_pages(data: bytes) -> list:
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    try:
        document = PDFDocument(PDFParser(io.BytesIO(data)))
        return list(PDFPage.create_pages(document))
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise ExtractionError(ErrorCode.E_PDF_ENCRYPTED) from exc
    except _pdfminer_errors() as exc:
        raise ExtractionError(ErrorCode.E_PDF_DAMAGED) from exc


def _layout_lines(container) -> list[str]:
    """Text lines of pdfminer's layout objects, in its order; '' between text boxes."""
    from pdfminer.layout import LTContainer, LTTextBox

    lines: list[str] = []
    for item in container:
        if isinstance(item, LTTextBox):
            if lines and lines[-1] != "":
                lines.append("")
            lines.extend(line.get_text().rstrip("\n") for line in item)
        elif isinstance(item, LTContainer):  # a figure holding its own text boxes
            lines.extend(_layout_lines(item))
    return lines


def _check_pages(total: int, max_pages: int) -> None:
    if total > max_pages:
        raise ExtractionError(ErrorCode.E_TOO_MANY_PAGES, pages=total, limit=max_pages)


def _assemble(pages: list[str], total: int, extractor: str, hidden: list[str] = ()) -> Extracted:
    return Extracted(text="\n\n".join(pages), extractor=extractor, pages=total,
                     hidden="\n".join(h for h in hidden if h))


def _check_truncation(result: Extracted, data: bytes) -> Extracted:
    """A PDF without its end marker was cut short: an error if nothing was read, else a warning."""
    if b"%%EOF" in data[-_EOF_WINDOW:]:
        return result
    if not result.text.strip():
        raise ExtractionError(ErrorCode.E_PDF_DAMAGED)
    warning = "PDF looks cut short (no end marker): some text may be missing; ask for it again"
    return dataclasses.replace(result, warnings=result.warnings + (warning,))
