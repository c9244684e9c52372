"""The fast PDF path: pypdfium2 glyphs and their boxes, laid out by screener.extract.layout.

pdfium's own `get_text_range` follows the drawing order (a sidebar drawn row by row with the
main column comes out interleaved) and sometimes glues words that a PDF positions without a
space glyph; so the text is rebuilt from each glyph's loose box instead. Glyphs pdfium
*generated* (its guessed spaces and line breaks) are dropped: the layout decides those.
"""

from __future__ import annotations

import ctypes

from screener.extract.layout import Glyph, reading_order, segments

__all__ = ["open_pdf", "page_lines"]

# pdfium marks a hyphen it judged to be a line-end hyphenation with U+0002; U+FFFE/FFFF are
# glyphs without a Unicode mapping.
_REPLACE = {0x02: "-", 0xFFFE: "\ufffd", 0xFFFF: "\ufffd"}


def open_pdf(data: bytes):
    """A pypdfium2 PdfDocument; raises pypdfium2.PdfiumError for encrypted or damaged files."""
    import pypdfium2 as pdfium

    return pdfium.PdfDocument(data)


def page_lines(page) -> list[str]:
    """One page's lines in reading order ('' between blocks)."""
    textpage = page.get_textpage()
    try:
        return reading_order(segments(_glyphs(textpage)))
    finally:
        textpage.close()


def _glyphs(textpage) -> list[Glyph]:
    import pypdfium2.raw as pdfium_c

    raw = textpage.raw
    rect = pdfium_c.FS_RECTF()
    rect_ref = ctypes.byref(rect)
    # Bound once: this loop runs per character and the ctypes calls dominate its cost.
    is_generated, get_unicode = pdfium_c.FPDFText_IsGenerated, pdfium_c.FPDFText_GetUnicode
    get_box, get_size = pdfium_c.FPDFText_GetLooseCharBox, pdfium_c.FPDFText_GetFontSize
    out: list[Glyph] = []
    count = pdfium_c.FPDFText_CountChars(raw)
    i = 0
    while i < count:
        index, i = i, i + 1
        if is_generated(raw, index) == 1:
            continue
        code = get_unicode(raw, index)
        if 0xD800 <= code < 0xDC00 and i < count:  # a UTF-16 surrogate pair
            low = get_unicode(raw, i)
            if 0xDC00 <= low < 0xE000:
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                i += 1
        if not get_box(raw, index, rect_ref):
            continue
        text = _REPLACE.get(code) or _char(code)
        out.append(Glyph(text, rect.left, rect.bottom, rect.right, rect.top, get_size(raw, index)))
    return out


def _char(code: int) -> str:
    try:
        return chr(code)
    except (ValueError, OverflowError):
        return "\ufffd"
