"""Text a reader cannot see: which glyphs of a PDF page are hidden, and why.

A resume can carry text that no reader sees but a parser reads: white on the white page,
drawn in render mode 3 (invisible), in a font of a point or two, off the page's visible box,
or under a picture drawn on top of it. Such text is left out of matching and reported
(`Document.hidden_text`), never silently dropped.

Cost: real resumes often draw every glyph as its own text object (6,000 a file), so nothing
here runs per glyph or per page object. The page is judged word by word: the first glyph of
each word is asked for its text object (render mode and paint asked once per object) and its
box (page space, so text inside form XObjects is placed right). The page's objects are walked
only on a page with pale text (for the shapes under it, and pictures over any text); elsewhere
only the pictures drawn after the page's last text are looked at. So a word is judged by its
first glyph: a hidden word glued to a visible one with no space is not caught.

The rules, the same in the pdfminer path (screener.extract.visible, per character there):
  invisible  render mode 3 (neither filled nor stroked) or 7 (clip only);
  faint      the paint it uses (fill, stroke or both, by render mode) is near white
             (each of R, G, B >= NEAR_WHITE) or fully transparent, and nothing drawn before
             it under its centre (a filled shape that is not near white, a picture) makes a
             background for it: white text on a dark sidebar box is read;
  tiny       a font under MIN_SIZE points, as drawn (the glyph's box, so scaled text counts
             at the size it shows);
  off page   its box lies wholly outside the page's crop box;
  covered    a picture drawn after it covers its box.
"""

from __future__ import annotations

import ctypes
import re
import struct
from functools import cache

__all__ = ["MIN_SIZE", "NEAR_WHITE", "hidden_glyphs", "is_faint", "is_invisible_mode"]

MIN_SIZE = 3.0  # points: smaller text is not meant to be read
NEAR_WHITE = 235  # 0..255 per channel: paler paint on a white page does not show
_TEXT, _PATH, _IMAGE, _SHADING, _FORM = 1, 2, 3, 4, 5
_FILLS = (0, 2, 4, 6)  # render modes that fill the glyphs
_STROKES = (1, 2, 5, 6)  # render modes that stroke them
_SLACK = 1.0  # points: a box this far inside the crop box or a picture still counts


def is_invisible_mode(mode: int) -> bool:
    return mode in (3, 7)


def is_faint(rgba: tuple[int, int, int, int]) -> bool:
    """Whether paint of this colour (0..255 per channel) shows on a white page."""
    r, g, b, a = rgba
    return a == 0 or (r >= NEAR_WHITE and g >= NEAR_WHITE and b >= NEAR_WHITE)


def bare(function, restype):
    """A pdfium function as a prototype with no argument converters (about 2.5x cheaper to
    call than pypdfium2's bound function); shared with screener.extract.pdfium."""
    address = ctypes.cast(function, ctypes.c_void_p).value
    return ctypes.CFUNCTYPE(restype)(address)


class _Handle(ctypes.c_void_p):
    """A pdfium object handle as returned: a c_void_p subclass is not turned into an int, so
    it passes straight back to pdfium (a bare int would be cut to 32 bits)."""


class _Calls:
    """pdfium's page-object functions as bare prototypes: ctypes converts no arguments."""

    def __init__(self) -> None:
        import pypdfium2.raw as pdfium_c

        self.count = bare(pdfium_c.FPDFPage_CountObjects, ctypes.c_int)
        self.get = bare(pdfium_c.FPDFPage_GetObject, _Handle)
        self.type = bare(pdfium_c.FPDFPageObj_GetType, ctypes.c_int)
        self.bounds = bare(pdfium_c.FPDFPageObj_GetBounds, ctypes.c_int)
        self.mode = bare(pdfium_c.FPDFTextObj_GetTextRenderMode, ctypes.c_int)
        self.fill = bare(pdfium_c.FPDFPageObj_GetFillColor, ctypes.c_int)
        self.stroke = bare(pdfium_c.FPDFPageObj_GetStrokeColor, ctypes.c_int)
        self.draw_mode = bare(pdfium_c.FPDFPath_GetDrawMode, ctypes.c_int)
        # an address (int), not a handle: asked once a word, and an int costs no instance
        self.text_object = bare(pdfium_c.FPDFText_GetTextObject, ctypes.c_void_p)
        self.char_box = bare(pdfium_c.FPDFText_GetLooseCharBox, ctypes.c_int)
        self.rect_type = pdfium_c.FS_RECTF


@cache
def _calls() -> _Calls:
    return _Calls()


_FLOATS = struct.Struct("4f")
_UINTS = struct.Struct("4I")


class _Scratch:
    """Out-parameters reused for every object of a page, each read back in one unpack."""

    def __init__(self, calls: _Calls) -> None:
        self.box = (ctypes.c_float * 4)()
        self.box_refs = tuple(ctypes.byref(self.box, 4 * i) for i in range(4))
        self.rgba = (ctypes.c_uint * 4)()
        self.rgba_refs = tuple(ctypes.byref(self.rgba, 4 * i) for i in range(4))
        self.ints = (ctypes.c_int * 2)()
        self.ints_refs = (ctypes.byref(self.ints, 0), ctypes.byref(self.ints, 4))
        self.rect = calls.rect_type()
        self.rect_ref = ctypes.byref(self.rect)


def _box(calls: _Calls, s: _Scratch, obj) -> tuple[float, float, float, float] | None:
    if not calls.bounds(obj, *s.box_refs):
        return None
    return _FLOATS.unpack_from(s.box)


def _colour(getter, obj, s: _Scratch) -> tuple[int, int, int, int] | None:
    return _UINTS.unpack_from(s.rgba) if getter(obj, *s.rgba_refs) else None


# A glyph's loose box spans the font's ascent to descent: about 1.15-1.3 x the size it is drawn
# at, so a box under this is a font under about MIN_SIZE points.
_TINY_BOX = 1.15 * MIN_SIZE


def _paint(calls: _Calls, s: _Scratch, obj) -> str | None:
    """invisible | faint (before any background is looked for) | None, for one text object."""
    mode = calls.mode(obj)
    if mode == 3 or mode == 7:
        return "invisible"
    if mode == 0:  # the usual case, one call
        paint = _colour(calls.fill, obj, s)
        return "faint" if paint is not None and is_faint(paint) else None
    paints = []
    if mode in _FILLS:
        paints.append(_colour(calls.fill, obj, s))
    if mode in _STROKES:
        paints.append(_colour(calls.stroke, obj, s))
    if paints and all(p is not None and is_faint(p) for p in paints):
        return "faint"
    return None


def _backdrop(calls: _Calls, s: _Scratch, obj, kind: int) -> tuple | None:
    """The box of a shape or picture that can make a background for text drawn over it."""
    if kind == _PATH:
        if not calls.draw_mode(obj, *s.ints_refs) or s.ints[0] == 0:  # not filled
            return None
        fill = _colour(calls.fill, obj, s)
        if fill is None or is_faint(fill):
            return None
    elif kind not in (_IMAGE, _SHADING, _FORM):
        return None
    return _box(calls, s, obj)


# A word: (first glyph index, one past its last, its first glyph's text object address, that
# glyph's loose box (left, bottom, right, top)). Plain tuples: one is built per word.
_Word = tuple[int, int, "int | None", tuple[float, float, float, float]]


def _words(chars: list[str]) -> list[tuple[int, int]]:
    text = "".join(chars) if "" not in chars else "".join(c or "\x00" for c in chars)
    if len(text) != len(chars):  # not one character per glyph index: judge nothing
        return []
    return [m.span() for m in _WORD.finditer(text)]


_WORD = re.compile(r"\S+")


def hidden_glyphs(page_raw, textpage_raw, chars: list[str],
                  crop: tuple[float, float, float, float]) -> list[tuple[int, int]]:
    """The (start, end) glyph index spans of the page's hidden words, in order; empty for
    nearly every real page."""
    calls = _calls()
    s = _Scratch(calls)
    text_object, char_box = calls.text_object, calls.char_box
    left, bottom, right, top = (crop[0] + _SLACK, crop[1] + _SLACK,
                                crop[2] - _SLACK, crop[3] - _SLACK)
    verdicts: dict[int | None, str | None] = {None: None}
    words: list[_Word] = []
    why_of: list[str | None] = []
    rect, rect_ref, read_rect = s.rect, s.rect_ref, _FLOATS.unpack_from
    for start, end in _words(chars):
        obj = text_object(textpage_raw, start)
        why = verdicts.get(obj, "")
        if why == "":  # a new object (an int address passed bare would be cut to 32 bits)
            why = verdicts[obj] = _paint(calls, s, _Handle(obj))
        if not char_box(textpage_raw, start, rect_ref):
            continue
        x0, y1, x1, y0 = read_rect(rect)  # FS_RECTF: left, top, right, bottom
        if why is None:
            if x1 <= left or x0 >= right or y1 <= bottom or y0 >= top:
                why = "off page"
            elif 0 < y1 - y0 < _TINY_BOX:
                why = "tiny"
        words.append((start, end, obj, (x0, y0, x1, y1)))
        why_of.append(why)
    if not words:
        return []
    if "faint" in why_of:
        _walk_page(calls, s, page_raw, words, why_of)
    else:
        _pictures_on_top(calls, s, page_raw, words, why_of)
    return [(w[0], w[1]) for w, why in zip(words, why_of) if why]


def _walk_page(calls: _Calls, s: _Scratch, page_raw, words: list[_Word],
               why_of: list[str | None]) -> None:
    """Every page object in drawing order: pale words with a backdrop under them are visible;
    words a later picture covers are hidden."""
    order: dict[int, int] = {}
    backdrops: list[tuple[int, tuple]] = []
    pictures: list[tuple[int, tuple]] = []
    get, get_type = calls.get, calls.type
    for index in range(calls.count(page_raw)):
        obj = get(page_raw, index)
        kind = get_type(obj)
        if kind == _TEXT:
            order[obj.value] = index
            continue
        backdrop = _backdrop(calls, s, obj, kind)
        if backdrop is not None:
            backdrops.append((index, backdrop))
            if kind == _IMAGE:
                pictures.append((index, backdrop))
    for n, word in enumerate(words):
        drawn = order.get(word[2], -1)  # -1: inside a form; nothing is known to be under it
        if why_of[n] == "faint" and drawn >= 0 and any(
                i < drawn and _on(word[3], box) for i, box in backdrops):
            why_of[n] = None
        if why_of[n] is None and drawn >= 0 and any(
                i > drawn and _inside(word[3], box) for i, box in pictures):
            why_of[n] = "covered"


def _pictures_on_top(calls: _Calls, s: _Scratch, page_raw, words: list[_Word],
                     why_of: list[str | None]) -> None:
    """Words covered by a picture drawn after the page's last text object."""
    pictures = []
    index = calls.count(page_raw) - 1
    while index >= 0:
        obj = calls.get(page_raw, index)
        kind = calls.type(obj)
        if kind == _TEXT:
            break
        if kind == _IMAGE and (box := _box(calls, s, obj)) is not None:
            pictures.append(box)
        index -= 1
    if not pictures:
        return
    for n, word in enumerate(words):
        if why_of[n] is None and any(_inside(word[3], box) for box in pictures):
            why_of[n] = "covered"


def _on(box: tuple, backdrop: tuple) -> bool:
    x = (box[0] + box[2]) / 2
    y = (box[1] + box[3]) / 2
    return backdrop[0] <= x <= backdrop[2] and backdrop[1] <= y <= backdrop[3]


def _inside(box: tuple, outer: tuple) -> bool:
    return (box[0] >= outer[0] - _SLACK and box[1] >= outer[1] - _SLACK
            and box[2] <= outer[2] + _SLACK and box[3] <= outer[3] + _SLACK)
