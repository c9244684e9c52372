"""Plain-text resumes: find the encoding, refuse binary data.

Order of trust: a byte-order mark (UTF-8, UTF-16/32 LE/BE); strict UTF-8; BOM-less UTF-16
recognised by its NUL pattern; a binary check; charset-normalizer, preferring cp1252 among
equally plausible Western code pages (short Latin-1 texts otherwise come back as cp1250 and
'naïve' turns into 'naďve'); and cp1252 then Latin-1 as the last resort, which never fail.
"""

from __future__ import annotations

import codecs

from screener.extract.base import ErrorCode, Extracted, ExtractionError

__all__ = ["decode", "read_text"]

_BOMS = (  # UTF-32 first: its little-endian BOM starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SAMPLE = 64 * 1024
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\x1a")  # \x1a: DOS end-of-file marker in old .txt files


def read_text(data: bytes) -> Extracted:
    text, encoding = decode(data)
    # Only a guessed encoding deserves a warning; a BOM or valid UTF-8 is certain.
    warnings = (
        ()
        if encoding.startswith("utf")
        else (f"read as {encoding} text (not UTF-8): check accented names",)
    )
    return Extracted(text=text, extractor="text", warnings=warnings)


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name); raise ExtractionError for binary data."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace"), encoding.replace("-sig", "")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    utf16 = _bomless_utf16(data)
    if utf16:
        return data.decode(utf16, errors="replace"), utf16
    if _looks_binary(data[:_SAMPLE]):
        raise ExtractionError(ErrorCode.E_BINARY)
    guessed = _charset_normalizer(data)
    if guessed:
        return data.decode(guessed, errors="replace"), guessed
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def _bomless_utf16(data: bytes) -> str | None:
    # ASCII-range text in UTF-16 has a NUL in every other byte.
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.4 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.4 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def _looks_binary(sample: bytes) -> bool:
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in _TEXT_CONTROLS)
    return controls > 0.02 * max(len(sample), 1)


def _charset_normalizer(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data[: 4 * _SAMPLE]))
    if not matches:
        return None
    best = matches[0]
    if best.chaos > 0.3:
        return None
    tied = [
        m for m in matches if m.chaos <= best.chaos + 0.01 and m.coherence >= best.coherence - 0.05
    ]
    for match in tied:
        if "cp1252" in match.could_be_from_charset:
            return "cp1252"
    return best.encoding
