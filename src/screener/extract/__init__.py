"""File -> Document: read a resume's bytes, sniff the type, extract and normalise the text.

`extract` is the pipeline's only door from files to text. It never raises for a bad file: an
unreadable, encrypted, scanned or unknown file becomes a Document with status `error` or
`empty` and a one-line reason that ends with what the recruiter can do.

The PDF libraries are imported inside the readers, so importing this package stays cheap.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from screener.extract.base import ErrorCode, Extracted, ExtractionError
from screener.extract.sniff import sniff
from screener.extract.text import normalise
from screener.records import Document

__all__ = ["EXTRACTORS", "extract"]

# The PDF readers a caller may choose (`--extractor`): the one list; the CLI and pdf.py read it.
EXTRACTORS = ("auto", "fast", "pdfminer")
# Kinds that cannot be read, with the reason shown to the recruiter.
_REFUSED = {
    "empty": ErrorCode.E_EMPTY_FILE,
    "doc": ErrorCode.E_LEGACY_DOC,
    "rtf": ErrorCode.E_RTF,
    "odt": ErrorCode.E_ODT,
    "zip": ErrorCode.E_OTHER_ZIP,
}
_KIND = {"pdf": "pdf", "docx": "docx", "other": "text"}


def extract(
    path: str,
    data: bytes | None = None,
    *,
    extractor: str = "auto",
    max_pages: int = 50,
    max_chars: int = 400_000,
) -> Document:
    """Read one resume. `data` is the file's bytes when already read (else `path` is opened).

    extractor: "auto" (fast PDF path, pdfminer when it looks wrong), "fast" (pypdfium2 only) or
    "pdfminer" (pdfminer.six only); it matters only for PDFs. Text beyond `max_chars` is
    dropped with a warning; a PDF of more than `max_pages` pages is an error.
    """
    if extractor not in EXTRACTORS:
        raise ValueError(f"extractor must be one of {', '.join(EXTRACTORS)}, not {extractor!r}")
    if data is None:
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            reason = exc.strerror or type(exc).__name__
            return _failed(path, "", "unknown", ErrorCode.E_UNREADABLE, reason=reason.lower())
    sha = hashlib.sha256(data).hexdigest()
    found = sniff(data)
    kind = _KIND.get(found, "unknown")
    try:
        raw = _read(found, data, extractor, max_pages)
    except ExtractionError as exc:
        return Document(path=path, sha256=sha, status="error", kind=kind, error=str(exc),
                        error_code=exc.code.value if exc.code else "")
    except MemoryError:  # a reader's bomb under the worker's memory cap: not a damaged file
        return _failed(path, sha, kind, ErrorCode.E_READER_MEMORY)
    except Exception as exc:  # noqa: BLE001 - a bad file must become a row, never a crash
        return _failed(path, sha, kind, ErrorCode.E_READER_ERROR, kind=kind.upper(),
                       error=type(exc).__name__)
    return _document(path, sha, kind, raw, max_chars)


def _failed(path: str, sha: str, kind: str, code: ErrorCode, /, **values: object) -> Document:
    return Document(path=path, sha256=sha, status="error", kind=kind,
                    error=code.message(**values), error_code=code.value)


def _read(found: str, data: bytes, extractor: str, max_pages: int) -> Extracted:
    if found in _REFUSED:
        raise ExtractionError(_REFUSED[found])
    if found.startswith("image:"):
        raise ExtractionError(ErrorCode.E_IMAGE, kind=found.split(":", 1)[1])
    return _READERS[found](data, extractor, max_pages)


def _read_pdf(data: bytes, extractor: str, max_pages: int) -> Extracted:
    from screener.extract.pdf import read_pdf

    return read_pdf(data, extractor=extractor, max_pages=max_pages)


def _read_docx(data: bytes, extractor: str, max_pages: int) -> Extracted:
    from screener.extract.docx import read_docx

    return read_docx(data)


def _read_text(data: bytes, extractor: str, max_pages: int) -> Extracted:
    from screener.extract.plain import read_text

    return read_text(data)


_READERS: dict[str, Callable[[bytes, str, int], Extracted]] = {
    "pdf": _read_pdf,
    "docx": _read_docx,
    "other": _read_text,
}


def _document(path: str, sha: str, kind: str, raw: Extracted, max_chars: int) -> Document:
    warnings = list(raw.warnings)
    # Cut the raw text first so a huge file cannot make normalisation slow, then exactly.
    text = normalise(raw.text[: 2 * max_chars + 1000])
    if len(text) > max_chars:
        cut = text.rfind("\n", 0, max_chars + 1)
        text = text[: cut if cut > 0 else max_chars].rstrip()
        warnings.append(
            f"text cut at {max_chars:,} characters: only the start was screened; check the file"
        )
    common = {
        "path": path,
        "sha256": sha,
        "kind": kind,
        "extractor": raw.extractor,
        "pages": raw.pages,
        "warnings": tuple(warnings),
    }
    hidden = normalise(raw.hidden[: max_chars + 1000])[:max_chars] if raw.hidden else ""
    common |= {"hidden_text": hidden, "hidden_chars": sum(1 for c in hidden if not c.isspace())}
    if not text.strip():
        code = ErrorCode.E_SCANNED_NO_TEXT if kind == "pdf" else ErrorCode.E_NO_TEXT
        if hidden.strip():
            code = ErrorCode.E_ALL_HIDDEN
        return Document(status="empty", error=code.message(), error_code=code.value,
                        **common)  # type: ignore[arg-type]
    return Document(status="ok", text=text, **common)  # type: ignore[arg-type]
