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

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from statistics import median

__all__ = ["Glyph", "Segment", "reading_order", "segments"]

WORD_GAP = 0.1  # x the glyph's box size: a wider gap is a space (pdfminer's word_margin)
SEGMENT_GAP = 2.0  # x font size: a wider gap ends the run (pdfminer's char_margin is 2.0 too)
MIN_GUTTER = 8.0  # points of empty band between two columns
MAX_SPANNING = 0.15  # share of a region's characters that may cross its gutter
MIN_SIDE = 0.04  # share of a region's characters each column must hold (sidebars are light)
MIN_RUNS = 4  # runs each column must hold
BLANK_GAP = 0.6  # x font size: a larger vertical gap between rows is a blank line
_MAX_DEPTH = 4


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
    out: list[Segment] = []
    current = Segment()
    pending_space = False
    for glyph in glyphs:
        if not glyph.text.strip():
            pending_space = current.chars > 0
            continue
        if current.chars and _continues(current, glyph):
            gap = glyph.x0 - current.x1
            box = max(glyph.x1 - glyph.x0, glyph.y1 - glyph.y0)
            current.add(glyph, pending_space or gap > WORD_GAP * box)
        else:
            if current.chars:
                out.append(current)
            current = Segment()
            current.add(glyph, False)
        pending_space = False
    if current.chars:
        out.append(current)
    return [s for s in out if s.text]


def _size(segment: Segment, glyph: Glyph) -> float:
    return max(segment.size, glyph.size, 1.0)


def _continues(segment: Segment, glyph: Glyph) -> bool:
    size = _size(segment, glyph)
    gap = glyph.x0 - segment.x1
    backwards = gap < -0.5 * size and glyph.x0 < segment.last_x0 - 0.01
    if backwards or gap > SEGMENT_GAP * size:
        return False
    low, high = max(segment.y0, glyph.y0), min(segment.y1, glyph.y1)
    smaller = min(segment.y1 - segment.y0, glyph.y1 - glyph.y0)
    return smaller <= 0 or (high - low) >= 0.5 * smaller


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
    best: tuple[float, float, float] | None = None  # (spanning chars, -width, x)
    for edge in sorted({round(r.x1, 1) for r in runs}):
        left = [r for r in runs if r.x1 <= edge]
        right = [r for r in runs if r.x0 > edge]
        if len(left) < MIN_RUNS or len(right) < MIN_RUNS:
            continue
        width = min(r.x0 for r in right) - edge
        if width < min_gap:
            continue
        spanning = total - sum(r.chars for r in left) - sum(r.chars for r in right)
        if spanning > MAX_SPANNING * total:
            continue
        if min(sum(r.chars for r in left), sum(r.chars for r in right)) < MIN_SIDE * total:
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
