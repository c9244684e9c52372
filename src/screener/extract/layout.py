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
3. Tables, as Word templates use them (a narrow cell of dates and place beside a wide cell of
   title, company and bullets; a skills table of wrapped lists, several cells a row), are read
   cell by cell, as pdfminer reads them, so that a wrapped date range ("Aug 2020 - Feb" /
   "2022") is not interleaved with the title beside it. In rows: `_table_at` finds two rows
   parted by one empty band, their left parts sharing a left edge and their right parts too
   (right-aligned dates beside a title do not: they stay on their line), plus the rows below
   that keep to the cells. Across a page-wide gutter, which a long date column can produce:
   `_table_rows` finds the rows of the table (a left and a right group of lines starting on
   one row, with nothing else beside them, twice or more) and reads them row by row.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import accumulate
from operator import itemgetter
from statistics import median
from typing import Any, NamedTuple

__all__ = [
    "Glyph", "GlyphReader", "Segment", "reading_order", "segment_columns", "segment_glyphs",
    "segments",
]

WORD_GAP = 0.1  # x the glyph's box size: a wider gap is a space (pdfminer's word_margin)
SEGMENT_GAP = 2.0  # x font size: a wider gap ends the run (pdfminer's char_margin is 2.0 too)
MIN_GUTTER = 8.0  # points of empty band between two columns
MAX_SPANNING = 0.15  # share of a region's characters that may cross its gutter
MIN_SIDE = 0.04  # share of a region's characters each column must hold (sidebars are light)
MIN_RUNS = 4  # runs each column must hold
TABLE_GAP = 0.5  # x font size: least gap between table cells (plus alignment, see _table_at)
ALIGN = 0.25  # x font size: left edges this close are aligned
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
    """`segments` for glyphs given as parallel columns (`sizes[k]` is read only where a size
    can change the outcome: any object with `sizes[k]` will do)."""
    box: list = [None]
    reader = GlyphReader(
        handle=list(zip(x0s, y1s, x1s, y0s)),
        box=_listed_box,
        out=box,
        view=box,
        read=itemgetter(0),
        generated=lambda _, k: 0,
        size=lambda _, k: sizes[k],
        overhang=lambda _, k, x0, x1: (0.0, 0.0),
    )
    return segment_glyphs(reader, texts)


def _listed_box(boxes: list, k: int, out: list) -> bool:
    out[0] = boxes[k]
    return True


class GlyphReader(NamedTuple):
    """Where `segment_glyphs` gets each glyph's box, shaped after pdfium's C functions so that
    the pdfium reader passes those functions themselves: no Python call per glyph.

    box(handle, k, out): nonzero when glyph k has a box, which it writes through `out` (a
    reference to `view`); read(view): that box as (left, top, right, bottom);
    generated(handle, k): 1 when the whitespace glyph k was made up by the reader (it is then
    ignored: the layout decides where spaces go); size(handle, k): glyph k's font size;
    overhang(handle, k, x0, x1): how far glyph k's box (x0, x1) reaches (left, right) beyond its
    advance (the ink of an "f" or a "j" can overhang its neighbour: the gap between two glyphs
    is then measured between their advances, as pdfminer.six measures it).
    """

    handle: Any
    box: Callable[[Any, int, Any], Any]
    out: Any
    view: Any
    read: Callable[[Any], tuple[float, float, float, float]]
    generated: Callable[[Any, int], int]
    size: Callable[[Any, int], float]
    overhang: Callable[[Any, int, float, float], tuple[float, float]]


def segment_glyphs(
    reader: GlyphReader, chars: Sequence[str], overhangs: dict | None = None
) -> list[Segment]:
    """`segments` for the glyphs `chars` (one string per glyph index; '' for none) whose boxes
    `reader` gives.

    One loop with the current run in local variables: it runs once per character, and
    attribute access and calls per glyph cost more than the geometry itself. A glyph's box is
    asked only for glyphs that are not whitespace (a space's position is never used), and its
    font size only where it can change the outcome (at the start of a run, or when the gap is
    outside what any size allows), so most glyphs cost one call. A glyph's overhang is a
    property of its font and character: asked once per character and box width and kept in
    `overhangs` (character -> {width: overhang}; pass one dict for all the pages of a
    document).
    """
    handle, get_box, out_ref, view, read_box, is_generated, get_size, get_overhang = reader
    out: list[Segment] = []
    parts: list[str] = []
    cx0 = cy0 = cx1 = cy1 = csize = last_x0 = last_x1 = gap = 0.0
    last_k = -1
    last_text = ""
    last_reach: tuple[float, float] | None = None
    if overhangs is None:
        overhangs = {}
    pending_space = False
    for k, text in enumerate(chars):
        if text.isspace():
            if is_generated(handle, k) != 1:
                pending_space = bool(parts)
            continue
        if not text or not get_box(handle, k, out_ref):
            continue
        gx0, gy1, gx1, gy0 = read_box(view)
        joins = False
        reach = None
        if parts:  # does the glyph continue the run: same line, no jump back or wide gap?
            gap = gx0 - cx1
            # The thresholds scale with max(run's size, glyph's size, 1) >= the run's size, so
            # a gap within [-0.5, SEGMENT_GAP] x the run's size breaks nothing whatever the
            # glyph's size: then it is not asked for.
            if -0.5 * csize <= gap <= SEGMENT_GAP * csize:
                breaks = False
            else:
                size = max(csize, get_size(handle, k), 1.0)
                breaks = (gap < -0.5 * size and gx0 < last_x0 - 0.01) or gap > SEGMENT_GAP * size
            if not breaks:
                low = cy0 if cy0 > gy0 else gy0
                high = cy1 if cy1 < gy1 else gy1
                height = gy1 - gy0
                smaller = cy1 - cy0 if cy1 - cy0 < height else height
                joins = smaller <= 0 or (high - low) >= 0.5 * smaller
        if joins:
            width, height = gx1 - gx0, gy1 - gy0
            limit = WORD_GAP * (width if width > height else height)
            if not pending_space and gap <= limit:
                # two lookups, character then width: no key tuple to build per glyph
                before = last_reach
                if before is None:
                    by_width = overhangs.setdefault(last_text, {})
                    before = by_width.get(last_x1 - last_x0)
                    if before is None:
                        before = by_width[last_x1 - last_x0] = get_overhang(
                            handle, last_k, last_x0, last_x1
                        )
                by_width = overhangs.get(text)
                reach = by_width.get(width) if by_width is not None else None
                if reach is None:
                    reach = overhangs.setdefault(text, {})[width] = get_overhang(
                        handle, k, gx0, gx1
                    )
                if before[1] or reach[0]:
                    gap = (gx0 + reach[0]) - (last_x1 - before[1])
            if pending_space or gap > limit:
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
            cx0, cy0, cx1, cy1, csize = gx0, gy0, gx1, gy1, get_size(handle, k)
        last_x0, last_x1, last_k, last_text, last_reach = gx0, gx1, k, text, reach
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
    pairs = _table_rows(band, left, right)
    if pairs is None:
        return _blocks(left, depth + 1) + _blocks(right, depth + 1)
    # A table whose rows the gutter cut down the middle: read each row's cells, then the rest
    # of the band (above, between and below the rows) as it comes.
    blocks: list[list[Segment]] = []
    in_pairs = {id(r) for cells in pairs for cell in cells for r in cell}
    rest = sorted((r for r in band if id(r) not in in_pairs), key=lambda r: -r.mid)
    for cells in pairs:
        top = max(r.y1 for cell in cells for r in cell)
        above = [r for r in rest if r.mid > top]
        rest = rest[len(above):]
        blocks.extend(_blocks(above, depth + 1))
        for cell in cells:
            blocks.extend(_blocks(cell, depth + 1))
    return blocks + _blocks(rest, depth + 1)


def _table_rows(
    band: list[Segment], left: list[Segment], right: list[Segment]
) -> list[tuple[list[Segment], list[Segment]]] | None:
    """The rows of a table in a band split by a gutter: pairs of a left and a right cluster of
    runs (text parted by no blank gap, two lines or more) that start on one row, with no other
    text beside them; the left cells sharing a left edge, and so the right cells.

    A narrow date cell beside each position of a table can hold enough text for the page-wide
    gutter search: then the band is a column of every position's dates beside a column of the
    positions. A sidebar's sections and the main column's hardly ever pair up so: the two
    would have to start on one row and the longer end with nothing else beside it.
    """
    rights = [c for c in _clusters(right) if len(c) > 1]
    pairs = []
    for cell in _clusters(left):
        partner = next((c for c in rights if _same_row([cell[0]], c[0])), None)
        if partner is None or len(cell) < 2:
            continue
        top = max(cell[0].y1, partner[0].y1)
        bottom = min(min(r.y0 for r in cell), min(r.y0 for r in partner))
        if sum(1 for r in band if bottom < r.mid < top) == len(cell) + len(partner):
            pairs.append((cell, partner))
    if not pairs:
        return None
    tol = ALIGN * median(r.size for r in band)
    for side in (0, 1):  # the cells of a table column share a left edge
        edges = [min(r.x0 for r in cells[side]) for cells in pairs]
        if max(edges) - min(edges) > tol:
            return None
    return pairs


def _clusters(runs: list[Segment]) -> list[list[Segment]]:
    """Runs top to bottom, in groups parted by blank gaps (as `_blank_between`)."""
    clusters: list[list[Segment]] = []
    bottom = 0.0
    for run in sorted(runs, key=lambda r: -r.mid):
        if clusters and bottom - run.y1 <= BLANK_GAP * run.size:
            clusters[-1].append(run)
            bottom = min(bottom, run.y0)
        else:
            clusters.append([run])
            bottom = run.y0
    return clusters


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
    """Group runs into rows by vertical overlap; rows top to bottom, runs left to right, except
    that the cells of a table (see `_table_at`) are read one after another, each top to bottom."""
    rows: list[list[Segment]] = []
    for run in sorted(runs, key=lambda r: (-r.mid, r.x0)):
        if rows and _same_row(rows[-1], run):
            rows[-1].append(run)
        else:
            rows.append([run])
    lines: list[str] = []
    previous: list[Segment] | None = None
    index = 0
    while index < len(rows):
        row = rows[index]
        if previous is not None and _blank_between(previous, row):
            lines.append("")
        if len(row) == 1:  # most rows: one run, no table starts there
            lines.append(row[0].text)
            index += 1
        elif (table := _table_at(rows, index)) is None:
            lines.append(" ".join(r.text for r in sorted(row, key=lambda r: r.x0)))
            index += 1
        else:
            end, gutter = table
            cells = [r for table_row in rows[index:end] for r in table_row]
            lines.extend(_rows_text([r for r in cells if r.x1 < gutter]))
            lines.extend(_rows_text([r for r in cells if r.x0 > gutter]))
            index = end
        previous = rows[index - 1]
    return lines


def _blank_between(upper: list[Segment], lower: list[Segment]) -> bool:
    """Whether a blank line parts two rows: a gap over BLANK_GAP x the lower row's size."""
    if len(upper) == 1 and len(lower) == 1:
        return upper[0].y0 - lower[0].y1 > BLANK_GAP * lower[0].size
    gap = min(r.y0 for r in upper) - max(r.y1 for r in lower)
    return gap > BLANK_GAP * median(r.size for r in lower)


def _table_at(rows: list[list[Segment]], start: int) -> tuple[int, float] | None:
    """Rows `start:end` and the gutter x of a table whose cells are read one after another.

    Word templates lay a position out as a table row: a narrow cell of dates and place beside a
    wide cell of title, company and bullets; skills tables hold a wrapped list in each cell. The
    page-wide gutter search misses these (the date cell is too light, the table too short).
    A table starts at two consecutive rows split by the same empty vertical band (at least
    TABLE_GAP x the font size wide), the left parts of both rows starting at one x and the right
    parts at one x: right-aligned dates beside a title and company do not line up on their left
    edge, so they stay on their line. The rows below belong to the table while runs stay on
    their side of the band, within its cells' left edges: the longer cell's further lines (once
    only one side holds text, up to a blank gap or a row where both sides hold text again: the
    next table row). The right part may itself be a table (three cells a row); it is read
    recursively.
    """
    first, second = rows[start], rows[start + 1] if start + 1 < len(rows) else None
    if second is None or len(second) < 2:
        return None
    first = sorted(first, key=lambda r: r.x0)
    second = sorted(second, key=lambda r: r.x0)
    size = median(r.size for r in first)
    tol, min_gap = ALIGN * size, max(MIN_GUTTER / 2, TABLE_GAP * size)
    for split in range(1, len(first)):
        left_x0, edge = first[0].x0, first[split].x0
        if abs(second[0].x0 - left_x0) > tol:
            break
        sides = _sides(first, edge, tol, min_gap)
        if sides is None or len(sides[0]) != split:
            continue
        sides = _sides(second, edge, tol, min_gap)
        if sides is None or not sides[0] or not sides[1] or sides[1][0].x0 > edge + tol:
            continue
        end, both = start + 2, True
        lows = [min(r.y0 for r in sides[0]), min(r.y0 for r in sides[1])]  # each side's bottom
        while end < len(rows):
            sides = _sides(sorted(rows[end], key=lambda r: r.x0), edge, tol, min_gap)
            if sides is None:
                if both and not _blank_between(rows[end - 1], rows[end]):
                    end = start  # a line running under both parts: text beside a right margin
                break
            left, right = sides
            if left and left[0].x0 < left_x0 - tol:
                break
            if left and right:
                # Both sides again after one ran on alone: the next table row, unless the left
                # side went on with at most a blank line and the right one without (a sidebar
                # section's heading beside running text), or the left side without a gap.
                left_gap = lows[0] - max(r.y1 for r in left)
                right_gap = lows[1] - max(r.y1 for r in right)
                if not both and left_gap > BLANK_GAP * size and (
                    right_gap > BLANK_GAP * size or left_gap > 2 * size
                ):
                    break
            elif _blank_between(rows[end - 1], rows[end]):
                break
            for k, part in enumerate(sides):
                if part:
                    lows[k] = min(lows[k], min(r.y0 for r in part))
            both = both and bool(left and right)
            end += 1
        if end > start:
            cells = [r for row in rows[start:end] for r in row]
            low = max(r.x1 for r in cells if r.x0 < edge - tol)
            return end, (low + min(r.x0 for r in cells if r.x0 >= edge - tol)) / 2
    return None


def _sides(
    row: list[Segment], edge: float, tol: float, min_gap: float
) -> tuple[list[Segment], list[Segment]] | None:
    """A row's runs (sorted by x0) left of a cell starting at `edge`, and those in it; None if
    a run crosses the cell's edge or comes closer to it than `min_gap`."""
    split = 0
    while split < len(row) and row[split].x0 < edge - tol:
        if row[split].x1 > edge - min_gap:
            return None
        split += 1
    return row[:split], row[split:]


def _same_row(row: list[Segment], run: Segment) -> bool:
    anchor = row[0]
    low, high = max(anchor.y0, run.y0), min(anchor.y1, run.y1)
    smaller = min(anchor.y1 - anchor.y0, run.y1 - run.y0)
    return smaller <= 0 or (high - low) >= 0.5 * smaller
