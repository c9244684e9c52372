"""Glyph boxes -> lines in reading order, for the fast (pdfium) PDF path.

Pure geometry, no PDF library: tested with hand-made glyphs as well as real files.

1. `segments`: glyphs, in the order the PDF draws them, are chained into horizontal runs. A run
   breaks where the baseline changes, the pen jumps back, or a gap wider than
   `SEGMENT_GAP` x the font size opens (a column gutter or a tab stop). Inside a run a space is
   put wherever the PDF draws one, or where the gap between two glyph boxes exceeds `WORD_GAP`
   x the glyph's size: this restores the spaces that producers who position each word (no space
   glyph) leave out, which is what glues words in pdfium's own text. The rule is pdfminer's
   (`word_margin` x the larger side of the glyph's box), so the two paths split words alike.
2. `reading_order`: looks for a vertical gutter: an x position that the runs of both sides
   leave empty for at least `MIN_GUTTER` points, crossed by at most `MAX_SPANNING` of the text
   (full-width headers may cross it), with at least `MIN_SIDE` of the text and `MIN_RUNS` runs
   on each side. Right-aligned dates are not taken for a second column because the bullet lines
   below them run under them and so cross any such gutter. When one exists, the page is
   cut into bands at the runs that span the gutter; in each band the left column is read before
   the right, recursively (three columns work too). Otherwise runs are grouped into rows by
   their vertical overlap and read top to bottom, left to right.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import accumulate
from statistics import median

__all__ = ["Glyph", "GlyphColumns", "Segment", "reading_order", "segment_columns", "segments"]

WORD_GAP = 0.1  # x the glyph's box size: a wider gap is a space (pdfminer's word_margin)
SEGMENT_GAP = 2.0  # x font size: a wider gap ends the run (pdfminer's char_margin is 2.0 too)
MIN_GUTTER = 8.0  # points of empty band between two columns
MAX_SPANNING = 0.15  # share of a region's characters that may cross its gutter
MIN_SIDE = 0.04  # share of a region's characters each column must hold (sidebars are light)
MIN_RUNS = 4  # runs each column must hold
BLANK_GAP = 0.6  # x font size: a larger vertical gap between rows is a blank line
_MAX_DEPTH = 4

# Glyphs as parallel columns: text, x0, y0, x1, y1, font size (see `segment_columns`).
GlyphColumns = tuple[
    list[str], list[float], list[float], list[float], list[float], Sequence[float]
]


@dataclass(frozen=True)
class Glyph:
    """One character with its loose box (PDF units: y grows upward) and font size."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    size: float


@dataclass
class Segment:
    """A horizontal run of glyphs: a line, or the part of one between wide gaps."""

    parts: list[str] = field(default_factory=list)
    x0: float = 0.0
    y0: float = 0.0
    x1: float = 0.0
    y1: float = 0.0
    size: float = 0.0
    chars: int = 0
    last_x0: float = 0.0  # left edge of the latest glyph: ligature parts share one box

    @property
    def text(self) -> str:
        return "".join(self.parts).strip()

    @property
    def mid(self) -> float:
        return (self.y0 + self.y1) / 2

    def add(self, glyph: Glyph, space: bool) -> None:
        if not self.chars:
            self.x0, self.y0, self.x1, self.y1, self.size = (
                glyph.x0,
                glyph.y0,
                glyph.x1,
                glyph.y1,
                glyph.size,
            )
        else:
            if space:
                self.parts.append(" ")
            self.x0, self.x1 = min(self.x0, glyph.x0), max(self.x1, glyph.x1)
            self.y0, self.y1 = min(self.y0, glyph.y0), max(self.y1, glyph.y1)
        self.parts.append(glyph.text)
        self.chars += 1
        self.last_x0 = glyph.x0


def segments(glyphs: Iterable[Glyph]) -> list[Segment]:
    """Chain glyphs, in drawing order, into horizontal runs (see the module docstring)."""
    glyphs = list(glyphs)
    return segment_columns(
        [g.text for g in glyphs],
        [g.x0 for g in glyphs],
        [g.y0 for g in glyphs],
        [g.x1 for g in glyphs],
        [g.y1 for g in glyphs],
        [g.size for g in glyphs],
    )


def segment_columns(
    texts: Sequence[str],
    x0s: Sequence[float],
    y0s: Sequence[float],
    x1s: Sequence[float],
    y1s: Sequence[float],
    sizes: Sequence[float],
) -> list[Segment]:
    """`segments` for glyphs given as parallel columns (what the pdfium reader produces).

    One loop with the current run in local variables: it runs once per character, and
    attribute access and calls per glyph cost more than the geometry itself. `sizes` is read
    only where a size can change the outcome (any object with `sizes[k]` will do: the pdfium
    reader passes one that asks pdfium lazily).
    """
    out: list[Segment] = []
    parts: list[str] = []
    cx0 = cy0 = cx1 = cy1 = csize = last_x0 = gap = 0.0
    pending_space = False
    for k, (text, gx0, gy0, gx1, gy1) in enumerate(zip(texts, x0s, y0s, x1s, y1s)):
        if text.isspace() or not text:
            pending_space = bool(parts)
            continue
        joins = False
        if parts:  # does the glyph continue the run: same line, no jump back or wide gap?
            gap = gx0 - cx1
            # The thresholds scale with max(run's size, glyph's size, 1) >= the run's size, so
            # a gap within [-0.5, SEGMENT_GAP] x the run's size breaks nothing whatever the
            # glyph's size: then it is not asked for (with pdfium, that saves a call per glyph).
            if -0.5 * csize <= gap <= SEGMENT_GAP * csize:
                breaks = False
            else:
                size = max(csize, sizes[k], 1.0)
                breaks = (gap < -0.5 * size and gx0 < last_x0 - 0.01) or gap > SEGMENT_GAP * size
            if not breaks:
                low = cy0 if cy0 > gy0 else gy0
                high = cy1 if cy1 < gy1 else gy1
                height = gy1 - gy0
                smaller = cy1 - cy0 if cy1 - cy0 < height else height
                joins = smaller <= 0 or (high - low) >= 0.5 * smaller
        if joins:
            width, height = gx1 - gx0, gy1 - gy0
            if pending_space or gap > WORD_GAP * (width if width > height else height):
                parts.append(" ")
            parts.append(text)
            cx0 = gx0 if gx0 < cx0 else cx0
            cx1 = gx1 if gx1 > cx1 else cx1
            cy0 = gy0 if gy0 < cy0 else cy0
            cy1 = gy1 if gy1 > cy1 else cy1
        else:
            if parts:
                out.append(_segment(parts, cx0, cy0, cx1, cy1, csize, last_x0))
            parts = [text]
            cx0, cy0, cx1, cy1, csize = gx0, gy0, gx1, gy1, sizes[k]
        last_x0 = gx0
        pending_space = False
    if parts:
        out.append(_segment(parts, cx0, cy0, cx1, cy1, csize, last_x0))
    return [s for s in out if s.text]


def _segment(parts, x0, y0, x1, y1, size, last_x0) -> Segment:
    return Segment(parts, x0, y0, x1, y1, size, len(parts) - parts.count(" "), last_x0)


def reading_order(runs: Sequence[Segment]) -> list[str]:
    """The page's lines in reading order; '' marks a paragraph or column break."""
    lines: list[str] = []
    for block in _blocks(list(runs), 0):
        if lines and lines[-1] != "":
            lines.append("")
        lines.extend(_rows_text(block))
    return lines


def _blocks(runs: list[Segment], depth: int) -> list[list[Segment]]:
    """Split runs into blocks read one after another (columns, and bands between spans)."""
    gutter = _find_gutter(runs) if depth < _MAX_DEPTH else None
    if gutter is None:
        return [runs] if runs else []
    blocks: list[list[Segment]] = []
    band: list[Segment] = []
    for run in sorted(runs, key=lambda r: (-r.y1, r.x0)):
        if run.x0 < gutter < run.x1:
            blocks.extend(_split_band(band, gutter, depth))
            band = []
            if blocks and all(r.x0 < gutter < r.x1 for r in blocks[-1]):
                blocks[-1].append(run)  # consecutive spanning runs read as one block
            else:
                blocks.append([run])
        else:
            band.append(run)
    blocks.extend(_split_band(band, gutter, depth))
    return blocks


def _split_band(band: list[Segment], gutter: float, depth: int) -> list[list[Segment]]:
    left = [r for r in band if r.x1 <= gutter]
    right = [r for r in band if r.x0 >= gutter]
    return _blocks(left, depth + 1) + _blocks(right, depth + 1)


def _find_gutter(runs: list[Segment]) -> float | None:
    """An x position with a clear empty band between two text columns, or None."""
    if len(runs) < 2 * MIN_RUNS:
        return None
    total = sum(r.chars for r in runs)
    size = median(r.size for r in runs)
    min_gap = max(MIN_GUTTER, 0.8 * size)
    # Left of an edge: the runs ending at or before it; right: those starting after it. With
    # the runs sorted by end and by start, each is a prefix / suffix found by bisection, and
    # their characters come from running sums: O(n log n) rather than a pass per edge.
    by_end = sorted(runs, key=lambda r: r.x1)
    ends = [r.x1 for r in by_end]
    left_chars = list(accumulate((r.chars for r in by_end), initial=0))
    by_start = sorted(runs, key=lambda r: r.x0)
    starts = [r.x0 for r in by_start]
    right_chars = list(accumulate((r.chars for r in reversed(by_start)), initial=0))[::-1]
    best: tuple[float, float, float] | None = None  # (spanning chars, -width, x)
    for edge in sorted({round(r.x1, 1) for r in runs}):
        n_left = bisect_right(ends, edge)
        first_right = bisect_right(starts, edge)
        if n_left < MIN_RUNS or len(runs) - first_right < MIN_RUNS:
            continue
        width = starts[first_right] - edge
        if width < min_gap:
            continue
        left, right = left_chars[n_left], right_chars[first_right]
        spanning = total - left - right
        if spanning > MAX_SPANNING * total:
            continue
        if min(left, right) < MIN_SIDE * total:
            continue
        candidate = (spanning, -width, edge + width / 2)
        if best is None or candidate < best:
            best = candidate
    return None if best is None else best[2]


def _rows_text(runs: list[Segment]) -> list[str]:
    """Group runs into rows by vertical overlap; rows top to bottom, runs left to right."""
    rows: list[list[Segment]] = []
    for run in sorted(runs, key=lambda r: (-r.mid, r.x0)):
        if rows and _same_row(rows[-1], run):
            rows[-1].append(run)
        else:
            rows.append([run])
    lines: list[str] = []
    previous: list[Segment] | None = None
    for row in rows:
        if previous is not None:
            gap = min(r.y0 for r in previous) - max(r.y1 for r in row)
            if gap > BLANK_GAP * median(r.size for r in row):
                lines.append("")
        lines.append(" ".join(r.text for r in sorted(row, key=lambda r: r.x0)))
        previous = row
    return lines


def _same_row(row: list[Segment], run: Segment) -> bool:
    anchor = row[0]
    low, high = max(anchor.y0, run.y0), min(anchor.y1, run.y1)
    smaller = min(anchor.y1 - anchor.y0, run.y1 - run.y0)
    return smaller <= 0 or (high - low) >= 0.5 * smaller
