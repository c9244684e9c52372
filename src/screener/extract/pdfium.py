"""The fast PDF path: pypdfium2 glyphs and their boxes, laid out by screener.extract.layout.

pdfium's own `get_text_range` follows the drawing order (a sidebar drawn row by row with the
main column comes out interleaved) and sometimes glues words that a PDF positions without a
space glyph; so the text is rebuilt from each glyph's loose box instead. Glyphs pdfium
*generated* (its guessed spaces and line breaks) are dropped: the layout decides those.

Speed: this runs once per character, so it makes as few foreign calls as it can. The page's
text comes in one `FPDFText_GetText` call; each glyph then costs one box call, made by the
layout's own loop (`segment_glyphs` calls pdfium's functions directly, through ctypes
prototypes without argument converters, about 2.5x cheaper than pypdfium2's bound functions:
no Python function runs per glyph). The generated flag is asked only of whitespace (pdfium
generates nothing else), and the font size only where the layout needs it.

Hidden text (white on white, invisible, tiny, off the page, under a picture) is found word by
word by screener.extract.hidden before the layout runs, and its glyphs are blanked so the
layout never sees them.
"""

from __future__ import annotations

import ctypes
import struct
from functools import cache

from screener.extract.hidden import bare, hidden_glyphs
from screener.extract.layout import GlyphReader, reading_order, segment_glyphs

__all__ = ["open_pdf", "page_lines", "page_text"]

# FS_RECTF (left, top, right, bottom: C floats) read in one call; the same Python floats as
# its four ctypes fields, for about half the cost.
_RECT = struct.Struct("4f")

# pdfium marks a hyphen it judged to be a line-end hyphenation with U+0002; U+FFFE/FFFF are
# glyphs without a Unicode mapping.
_REPLACE = {0x02: "-", 0xFFFE: "\ufffd", 0xFFFF: "\ufffd"}
_REPLACE_CHARS = {chr(code): text for code, text in _REPLACE.items()}


def open_pdf(data: bytes):
    """A pypdfium2 PdfDocument; raises pypdfium2.PdfiumError for encrypted or damaged files."""
    import pypdfium2 as pdfium

    return pdfium.PdfDocument(data)


def page_lines(page, overhangs: dict | None = None) -> list[str]:
    """One page's lines in reading order ('' between blocks); `overhangs` caches the glyphs'
    overhangs for the pages of one document (see `layout.segment_glyphs`)."""
    return page_text(page, overhangs)[0]


def page_text(page, overhangs: dict | None = None) -> tuple[list[str], str]:
    """`page_lines`, and the page's hidden text (see screener.extract.hidden) left out of
    them: one line per hidden text object, '' when there is none."""
    textpage = page.get_textpage()
    try:
        reader, chars = _page_glyphs(textpage)
        hidden = _hide(page, textpage, chars)
        return reading_order(segment_glyphs(reader, chars, overhangs)), hidden
    finally:
        textpage.close()


def _hide(page, textpage, chars: list[str]) -> str:
    """Blank the glyphs of the page's hidden words in `chars`; return their text, a line per
    run of hidden words."""
    if not chars:
        return ""
    spans = hidden_glyphs(page.raw, textpage.raw, chars, tuple(page.get_cropbox()))
    lines: list[list[str]] = []
    last_end = -1
    for start, end in spans:
        word = "".join(chars[start:end])
        chars[start:end] = [""] * (end - start)
        if lines and all(not c or c.isspace() for c in chars[last_end:start]):
            lines[-1].append(word)  # nothing visible between: the same hidden run
        else:
            lines.append([word])
        last_end = end
    return "\n".join(" ".join(line) for line in lines)


class _Calls:
    """pdfium's per-character functions as bare prototypes: ctypes converts no arguments."""

    def __init__(self) -> None:
        import pypdfium2.raw as pdfium_c

        self.box = bare(pdfium_c.FPDFText_GetLooseCharBox, ctypes.c_int)
        self.size = bare(pdfium_c.FPDFText_GetFontSize, ctypes.c_double)
        self.tight_box = bare(pdfium_c.FPDFText_GetCharBox, ctypes.c_int)
        self.origin = bare(pdfium_c.FPDFText_GetCharOrigin, ctypes.c_int)
        self.generated = bare(pdfium_c.FPDFText_IsGenerated, ctypes.c_int)
        self.unicode = bare(pdfium_c.FPDFText_GetUnicode, ctypes.c_uint)
        self.count = pdfium_c.FPDFText_CountChars
        self.get_text = pdfium_c.FPDFText_GetText
        self.rect_type = pdfium_c.FS_RECTF


@cache
def _calls() -> _Calls:
    return _Calls()


def _page_text(calls: _Calls, raw, handle, count: int) -> list[str]:
    """One string per character index, with `_REPLACE` applied; a character outside the BMP
    (two indexes in pdfium) is whole at its first index and '' at its second."""
    buffer = (ctypes.c_ushort * (count + 1))()
    written = calls.get_text(raw, 0, count, buffer)
    text = bytes(buffer)[: 2 * max(written - 1, 0)].decode("utf-16-le", "surrogatepass")
    if len(text) != count:
        # pdfium's text buffer leaves out control glyphs and writes a character outside the
        # BMP as two units: then index and text no longer line up, so ask glyph by glyph.
        return _join_surrogates([_char(calls.unicode(handle, i)) for i in range(count)])
    if "\ufffe" in text:  # pdfium writes its hyphenation mark (U+0002) as U+FFFE here
        chars = list(text)
        for index, char in enumerate(chars):
            if char == "\ufffe":
                chars[index] = _char(calls.unicode(handle, index))
        text = "".join(chars)
    # A surrogate pair would have decoded to one character (and failed the length check), so
    # here every index holds one whole character.
    if "\x02" in text or "\ufffe" in text or "\uffff" in text:
        text = text.translate(_REPLACE)
    return list(text)


def _join_surrogates(chars: list[str]) -> list[str]:
    for index in range(len(chars) - 1):
        high, low = chars[index], chars[index + 1]
        if "\ud800" <= high < "\udc00" and "\udc00" <= low < "\ue000":
            chars[index] = chr(0x10000 + ((ord(high) - 0xD800) << 10) + (ord(low) - 0xDC00))
            chars[index + 1] = ""
    return [_REPLACE_CHARS.get(char, char) for char in chars]


def _page_glyphs(textpage) -> tuple[GlyphReader, list[str]]:
    """The page's glyphs (one string per character index) and pdfium's calls for their boxes."""
    calls = _calls()
    raw = textpage.raw
    handle = ctypes.c_void_p(ctypes.cast(raw, ctypes.c_void_p).value)
    count = calls.count(raw)
    chars = _page_text(calls, raw, handle, count) if count > 0 else []
    rect = calls.rect_type()
    reader = GlyphReader(
        handle=handle,
        box=calls.box,
        out=ctypes.byref(rect),
        view=rect,
        read=_RECT.unpack_from,
        generated=calls.generated,
        size=calls.size,
        overhang=_overhang_reader(calls, raw),
    )
    return reader, chars


_NONE = (0.0, 0.0)


def _overhang_reader(calls: _Calls, raw):
    """overhang(handle, k, x0, x1) for `GlyphReader`: how far glyph k's loose box (x0, x1)
    reaches left and right of its advance. pdfium widens a glyph's loose box (origin to
    advance) to hold its ink, so the hook of an "f" reaches into the gap before the next word
    ("of the" read as "ofthe"), and the tail of a "j" into the gap before it ("new job" as
    "newjob"); the advance is the origin plus the font's width of the character at its size."""
    box = (ctypes.c_double * 6)()  # left, right, bottom, top; origin x, y
    refs = [ctypes.byref(box, 8 * i) for i in range(6)]

    def overhang(handle, k: int, x0: float, x1: float) -> tuple[float, float]:
        if not calls.tight_box(handle, k, *refs[:4]):
            return _NONE
        ink_left, ink_right = box[0] <= x0 + 0.01, box[1] >= x1 - 0.01
        if not (ink_left or ink_right) or not calls.origin(handle, k, refs[4], refs[5]):
            return _NONE  # the advance holds the ink on both sides
        origin = box[4]
        left = min(max(origin - x0, 0.0), x1 - x0) if ink_left else 0.0
        return (left, _right_overhang(raw, k, origin, x0, x1) if ink_right else 0.0)

    return overhang


def _right_overhang(raw, k: int, origin: float, x0: float, x1: float) -> float:
    """How far glyph k's ink reaches past its advance: origin + the font's width of the
    character at its size, scaled by the glyph's matrix."""
    import pypdfium2.raw as pdfium_c

    obj = pdfium_c.FPDFText_GetTextObject(raw, k)
    font = pdfium_c.FPDFTextObj_GetFont(obj) if obj else None
    size, width = ctypes.c_float(), ctypes.c_float()
    matrix = pdfium_c.FS_MATRIX()
    if not (
        font
        and pdfium_c.FPDFTextObj_GetFontSize(obj, size)
        and pdfium_c.FPDFFont_GetGlyphWidth(font, pdfium_c.FPDFText_GetUnicode(raw, k),
                                            size.value, width)
        and pdfium_c.FPDFText_GetMatrix(raw, k, matrix)
    ) or matrix.b or matrix.c or width.value <= 0:  # rotated or unknown: leave the box be
        return 0.0
    return min(max(x1 - (origin + width.value * matrix.a), 0.0), x1 - x0)


def _char(code: int) -> str:
    try:
        return chr(code)
    except (ValueError, OverflowError):
        return "\ufffd"
