"""Tell a file's type from its bytes, never from its name (a PDF saved as .docx is a PDF)."""

from __future__ import annotations

import io
import zipfile

__all__ = ["pdf_offset", "sniff"]

_PDF_WINDOW = 1024  # readers accept junk before %PDF within the first kilobyte, as Acrobat does
_OLE2 = bytes.fromhex("d0cf11e0a1b11ae1")
_IMAGES = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
)


def pdf_offset(data: bytes) -> int:
    """Where '%PDF-' starts within the first kilobyte, or -1."""
    return data.find(b"%PDF-", 0, _PDF_WINDOW + 5)


def sniff(data: bytes) -> str:
    """One of: empty, pdf, docx, odt, zip, doc, rtf, image:<NAME>, other.

    'other' is decided later by the text reader (text that decodes, or binary data).
    """
    if not data:
        return "empty"
    if pdf_offset(data) >= 0:
        return "pdf"
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _zip_kind(data)
    if data.startswith(_OLE2):
        return "doc"
    if data.lstrip()[:5] == b"{\\rtf":
        return "rtf"
    for magic, name in _IMAGES:
        if data.startswith(magic):
            return f"image:{name}"
    return "other"


def _zip_kind(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "word/document.xml" in names:
                return "docx"
            if "mimetype" in names and b"opendocument.text" in archive.read("mimetype")[:100]:
                return "odt"
    except Exception:  # noqa: BLE001 - zipfile also raises NotImplementedError, RuntimeError...
        # A zip whose directory cannot be read: if it names a Word part it is a damaged .docx.
        return "docx" if b"word/document.xml" in data else "zip"
    return "zip"
