"""pdfminer.six's page aggregator, keeping only the text a reader can see.

The rules are screener.extract.hidden's: invisible render modes, near-white paint with no
backdrop drawn under it, a font under MIN_SIZE points, characters wholly off the page's crop
box, and characters a picture drawn later covers. A hidden character is taken out of the page
before layout analysis and its text kept in `hidden` (one line per shown string).
"""

from __future__ import annotations

from screener.extract.hidden import MIN_SIZE, NEAR_WHITE, is_invisible_mode

__all__ = ["visible_aggregator"]

_FILLS = (0, 2, 4, 6)
_STROKES = (1, 2, 5, 6)
_SLACK = 1.0
_PALE = NEAR_WHITE / 255


def _faint(colour) -> bool:
    """Whether a pdfminer colour (gray, RGB or CMYK components 0..1) is near white."""
    if isinstance(colour, (int, float)):
        colour = (colour,)
    if not isinstance(colour, (tuple, list)) or not colour:
        return False  # a pattern or an unknown space: take it as visible
    try:
        values = [float(v) for v in colour]
    except (TypeError, ValueError):
        return False
    if len(values) == 4:  # CMYK: white is no ink
        return all(v <= 1 - _PALE for v in values)
    return all(v >= _PALE for v in values)


def visible_aggregator(resources, laparams):
    """A PDFPageAggregator whose `hidden` lists the hidden text of every page it laid out."""
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LTChar, LTCurve, LTFigure, LTImage
    from pdfminer.utils import apply_matrix_pt

    class VisibleAggregator(PDFPageAggregator):
        def __init__(self) -> None:
            super().__init__(resources, laparams=laparams)
            self.hidden: list[str] = []
            self._crop = (0.0, 0.0, 0.0, 0.0)
            self._mode = 0
            self._pale = False  # the current string's paint is near white
            self._shown: list[str] = []

        def begin_page(self, page, ctm) -> None:
            super().begin_page(page, ctm)
            x0, y0, x1, y1 = page.cropbox
            (ax, ay), (bx, by) = apply_matrix_pt(ctm, (x0, y0)), apply_matrix_pt(ctm, (x1, y1))
            self._crop = (min(ax, bx), min(ay, by), max(ax, bx), max(ay, by))

        def render_string(self, textstate, seq, ncs, graphicstate) -> None:
            mode = self._mode = getattr(textstate, "render", 0) or 0
            # one string, one paint: judged once, not per character
            paints = ([graphicstate.ncolor] if mode in _FILLS else []) + (
                [graphicstate.scolor] if mode in _STROKES else [])
            self._pale = bool(paints) and all(_faint(p) for p in paints)
            self._shown = []
            super().render_string(textstate, seq, ncs, graphicstate)
            if self._shown:
                self.hidden.append("".join(self._shown))

        def render_char(self, matrix, font, fontsize, scaling, rise, cid, ncs, graphicstate):
            adv = super().render_char(matrix, font, fontsize, scaling, rise, cid, ncs,
                                      graphicstate)
            item = self.cur_item._objs[-1]
            if self._hides(item, graphicstate):
                self.cur_item._objs.pop()
                self._shown.append(item.get_text())
            return adv

        def _hides(self, item, graphicstate) -> bool:
            if is_invisible_mode(self._mode) or 0 < item.size < MIN_SIZE:
                return True
            left, bottom, right, top = self._crop
            if (item.x1 <= left + _SLACK or item.x0 >= right - _SLACK
                    or item.y1 <= bottom + _SLACK or item.y0 >= top - _SLACK):
                return True
            return self._pale and not self._backdrop(item)

        def _backdrop(self, item) -> bool:
            x, y = (item.x0 + item.x1) / 2, (item.y0 + item.y1) / 2
            for obj in self._all_items():
                if not (obj.x0 <= x <= obj.x1 and obj.y0 <= y <= obj.y1):
                    continue
                if isinstance(obj, (LTImage, LTFigure)):
                    return True
                if isinstance(obj, LTCurve) and obj.fill and not _faint(obj.non_stroking_color):
                    return True
            return False

        def _all_items(self):
            for container in [*self._stack, self.cur_item]:
                yield from (o for o in container._objs if not isinstance(o, LTChar))

        def end_figure(self, name) -> None:
            super().end_figure(name)
            figure = self.cur_item._objs[-1] if self.cur_item._objs else None
            if isinstance(figure, LTFigure) and any(isinstance(o, LTImage) for o in figure):
                self._cover(figure)

        def _cover(self, picture) -> None:
            """Take out the characters drawn before `picture` that it covers whole."""
            objs = self.cur_item._objs
            covered = [o for o in objs[:-1] if isinstance(o, LTChar)
                       and o.x0 >= picture.x0 - _SLACK and o.x1 <= picture.x1 + _SLACK
                       and o.y0 >= picture.y0 - _SLACK and o.y1 <= picture.y1 + _SLACK]
            if covered:
                gone = set(map(id, covered))
                self.cur_item._objs = [o for o in objs if id(o) not in gone]
                self.hidden.append("".join(o.get_text() for o in covered))

    return VisibleAggregator()
