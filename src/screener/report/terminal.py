"""The shortlist as plain text for a terminal: a ranked table, knock-outs, unranked files.

Output is deterministic and plain by default; `color=True` adds ANSI styles via click. Text
that came from a resume is stripped of control characters first, so a name cannot carry
terminal escape sequences. `width=None` cuts and wraps nothing (output piped to a file or a
program: every skill and path whole); a number fits every line in that many columns.
"""

from __future__ import annotations

import textwrap
import unicodedata

import click

from screener.records import Assessment, Evidence, RequirementResult, Shortlist, ShortlistEntry
from screener.report import (
    display_name,
    fmt_num,
    group,
    implied_only,
    is_blind,
    missing_label,
    reason,
    short_file,
    summary_line,
)

ELLIPSIS = "…"
GAP = "  "
_OUTCOME_COLOURS = {"met": "green", "partial": "yellow", "missing": "red", "unknown": "magenta"}


def render(shortlist: Shortlist, *, top: int | None = None, explain: bool = False,
           width: int | None = 100, color: bool = False, min_score: float | None = None) -> str:
    """The shortlist as text, ending with a newline. `min_score` leaves out the ranked
    candidates scoring below it (as their score is shown, to one decimal), saying how many;
    `top` then limits the ranked rows shown."""
    width = None if width is None else max(width, 60)
    g = group(shortlist)
    ranked = g.passing + g.knocked_out
    kept = ranked if min_score is None else tuple(
        e for e in ranked if float(fmt_num(e.assessment.score)) >= min_score)
    shown = kept if top is None else kept[: max(top, 0)]
    hidden = kept[len(shown):]
    style = _Style(color)
    out = _heading(shortlist, width, style)
    table = _Table(shortlist, kept, width)
    passing = [e for e in shown if not e.assessment.knocked_out_by]
    knocked = [e for e in shown if e.assessment.knocked_out_by]
    if passing:
        out += ["", style.bold(table.header())] + [table.row(e, style) for e in passing]
    if knocked:
        out += ["", style.bold("Knocked out")] + [table.row(e, style) for e in knocked]
    if hidden:
        n_ko = sum(1 for e in hidden if e.assessment.knocked_out_by)
        more = f"... {len(hidden)} more ranked candidate{'s' if len(hidden) != 1 else ''}"
        out += ["", more + (f" ({n_ko} knocked out)" if n_ko else "") + " not shown"]
    if len(kept) < len(ranked):
        out += ["", _below(ranked, kept, min_score or 0.0)]
    if g.not_ranked:
        out += ["", style.bold("Not ranked")] + [_unranked(e, width) for e in g.not_ranked]
    if explain:
        for e in shown:
            out += [""] + _explain(e, shortlist, width, style)
    return "\n".join(out) + "\n"


def _below(ranked: tuple[ShortlistEntry, ...], kept: tuple[ShortlistEntry, ...],
           min_score: float) -> str:
    """`3 ranked candidates scoring below 60 left out (1 knocked out)`: --min-score's count."""
    left = [e for e in ranked if e not in kept]
    n_ko = sum(1 for e in left if e.assessment.knocked_out_by)
    return (f"{len(left)} ranked candidate{'s' if len(left) != 1 else ''} scoring below "
            f"{min_score:g} left out" + (f" ({n_ko} knocked out)" if n_ko else ""))


def render_one(shortlist: Shortlist, entry: ShortlistEntry, *, width: int | None = 100,
               color: bool = False) -> str:
    """One candidate of a screened batch (`explain --batch`): the heading and the batch's
    summary as `render` gives them, then the candidate's breakdown (its rank and score are the
    batch's), or why it was not ranked."""
    width = None if width is None else max(width, 60)
    style = _Style(color)
    body = (_explain(entry, shortlist, width, style) if entry.rank is not None
            else [_unranked(entry, width)])
    return "\n".join([*_heading(shortlist, width, style), "", *body]) + "\n"


def _heading(shortlist: Shortlist, width: int | None, style: _Style) -> list[str]:
    posting = shortlist.posting
    heading = clean(f"{posting.title} ({posting.id}), as of {shortlist.as_of}, "
                    f"taxonomy {shortlist.taxonomy_version}")
    return [style.bold(line) for line in _wrap(heading, width)] + _wrap(summary_line(shortlist),
                                                                         width)


# --------------------------------------------------------------------------- text width


def clean(text: str | None) -> str:
    """One line of displayable text: whitespace collapsed, control/format characters dropped."""
    return _printable(" ".join((text or "").split()))


def _printable(text: str) -> str:
    # Cc/Cf/Co/Cn: escapes, bidi overrides, zero-width tricks; line breaks become spaces
    text = text.replace("\t", " ").replace("\r", " ").replace("\n", " ")
    if text.isascii() and text.isprintable():  # the common case: nothing to drop
        return text
    return "".join(ch for ch in text if not unicodedata.category(ch).startswith("C"))


def _char_width(ch: str) -> int:
    return (0 if unicodedata.combining(ch) else
            2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1)


def cell_width(text: str) -> int:
    """Columns `text` occupies: wide East Asian characters take two, combining marks none."""
    if text.isascii():
        return len(text)
    return sum(_char_width(ch) for ch in text)


def _cut(text: str, limit: int) -> str:
    """The longest start of `text` that fits in `limit` columns."""
    if text.isascii():
        return text[: max(limit, 0)]
    total, end = 0, 0
    for i, ch in enumerate(text):
        total += _char_width(ch)
        if total > limit:
            break
        end = i + 1
    return text[:end]


def fit(text: str, width: int, *, right: bool = False) -> str:
    """Truncate with an ellipsis and pad to exactly `width` columns (leading indent kept)."""
    text = _printable(text)
    if cell_width(text) > width:
        text = _cut(text, width - 1).rstrip() + ELLIPSIS
    pad = " " * (width - cell_width(text))
    return pad + text if right else text + pad


def fit_tail(text: str, width: int) -> str:
    """Like `fit`, but a text too long loses its start: a path keeps its file name
    (`…ultant/22351830.pdf`)."""
    text = _printable(text)
    if cell_width(text) > width:
        tail = _cut(text[::-1], width - 1)[::-1]
        text = ELLIPSIS + tail.lstrip()
    return text + " " * (width - cell_width(text))


def _line(text: str, width: int | None) -> str:
    """One line cut to `width` columns, or whole when there is no width."""
    return _printable(text).rstrip() if width is None else fit(text, width).rstrip()


def years_text(a: Assessment) -> str:
    """`9.2`, or `4.9 (4.4)` when relevant years differ; `?` when unknown."""
    total = fmt_num(a.years) or "?"
    relevant = fmt_num(a.relevant_years)
    if a.relevant_years is None and a.years is not None:
        relevant = "?"
    return f"{total} ({relevant})" if relevant and relevant != total else total


class _Style:
    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled

    def bold(self, text: str) -> str:
        return click.style(text, bold=True) if self.enabled else text

    def fg(self, text: str, colour: str) -> str:
        return click.style(text, fg=colour) if self.enabled else text


# --------------------------------------------------------------------------- table


FILE_MIN, FILE_MAX = 10, 28  # the File column: room for "…2235.pdf", at most a short path


class _Table:
    """Column widths for the ranked table, sized from the rows and the terminal width (None:
    each column as wide as its widest cell). The File column is left out when blind (the
    Candidate column shows the blind id) and on a terminal too narrow to hold it."""

    def __init__(self, shortlist: Shortlist, ranked: tuple[ShortlistEntry, ...],
                 width: int | None):
        ranks = [str(e.rank) for e in ranked]
        self.rank = max([1] + [len(r) for r in ranks])
        self.score = 5
        self.years = max([5] + [len(years_text(e.assessment)) for e in ranked])
        fixed = self.rank + self.score + self.years + 5 * len(GAP)
        need = max([9] + [cell_width(clean(display_name(e))) for e in ranked])
        need_file = max([4] + [cell_width(clean(short_file(shortlist, e))) for e in ranked])
        need_lists = (max([7] + [cell_width(_matched(e.assessment)) for e in ranked]),
                      max([7] + [cell_width(_missing(e.assessment, shortlist))
                                 for e in ranked]))
        self.files = not is_blind(shortlist) and (
            width is None or width - fixed - 9 - FILE_MIN - len(GAP) >= 24)
        if width is None:
            self.name, self.file = need, need_file if self.files else 0
            self.matched, self.missing = need_lists
        else:
            spare = FILE_MIN + len(GAP) if self.files else 0
            # the name gets up to 24 columns, less on a narrow terminal (the lists need 24)
            self.name = max(9, min(24, need, width - fixed - 24 - spare))
            fixed += self.name
            self.file = 0
            if self.files:  # what the lists do not need of 40 columns, up to FILE_MAX
                fixed += len(GAP)
                self.file = max(FILE_MIN, min(FILE_MAX, need_file, width - fixed - 40))
                fixed += self.file
            self.matched, self.missing = _split(max(width - fixed, 24), *need_lists)
        self.shortlist = shortlist
        self.width = width

    def header(self) -> str:
        return self._join("#".rjust(self.rank), fit("Candidate", self.name),
                          *self._file_cell("File"),
                          fit("Score", self.score, right=True), fit("Years", self.years),
                          fit("Matched", self.matched), fit("Missing", self.missing)).rstrip()

    def row(self, entry: ShortlistEntry, style: _Style) -> str:
        a = entry.assessment
        head = self._join(str(entry.rank).rjust(self.rank), fit(display_name(entry), self.name),
                          *self._file_cell(short_file(self.shortlist, entry)),
                          fit(fmt_num(a.score), self.score, right=True),
                          fit(years_text(a), self.years))
        if a.knocked_out_by:
            rule = fit("; ".join(a.knocked_out_by), self.matched + len(GAP) + self.missing)
            return head + GAP + style.fg(rule.rstrip(), "red") + self._hidden(a, style)
        matched = fit(_matched(a), self.matched)
        missing = fit(_missing(a, self.shortlist), self.missing)
        return (head + GAP + matched + GAP + missing).rstrip() + self._hidden(a, style)

    def _file_cell(self, text: str) -> tuple[str, ...]:
        return (fit_tail(clean(text), self.file),) if self.files else ()

    def _hidden(self, a: Assessment, style: _Style) -> str:
        """A second line under a candidate whose resume hides text, else ""."""
        flag = a.profile.hidden_flag
        if not flag:
            return ""
        indent = " " * (self.rank + len(GAP))
        room = None if self.width is None else max(self.width - len(indent), 20)
        return "\n" + indent + style.fg(_line(flag, room), "yellow")

    @staticmethod
    def _join(*cells: str) -> str:
        return GAP.join(cells)


def _matched(a: Assessment) -> str:
    """Met requirements by the skills that met them ("Python+PHP; PostgreSQL"), years aside:
    the Years column shows those."""
    names = {h.id: h.name for h in a.profile.skills}
    cells = [
        "+".join(names.get(i, i) for i in r.matched) or r.label
        for r in a.results
        if r.outcome == "met" and not r.requirement.startswith("years:")
    ]
    return "; ".join(cells) or "-"


def _missing(a: Assessment, shortlist: Shortlist) -> str:
    """Requirements not (fully) met, by their labels; years as "5+ yrs". Those an implied
    skill would meet if the posting counted implied skills come last, as "SQL (implied by
    PostgreSQL, not counted)": the real gaps first, where a narrow column still shows them."""
    posting = shortlist.posting
    minima = {"years:total": (posting.min_years, "yrs"),
              "years:relevant": (posting.min_relevant_years, "relevant yrs")}
    cells, implied = [], []
    for r in a.results:
        if r.outcome not in ("missing", "partial"):
            continue
        if r.requirement in minima and minima[r.requirement][0] is not None:
            minimum, unit = minima[r.requirement]
            cells.append(f"{minimum:g}+ {unit}")
        else:
            label = missing_label(r, a, posting)
            (cells if label == r.label else implied).append(label)
    # labels may hold commas ("1 of Python, Node.js, PHP"), so separate them with semicolons
    return "; ".join(cells + implied) or "-"


def _split(room: int, need_matched: int, need_missing: int) -> tuple[int, int]:
    """Share `room` between the two lists: each gets what it needs, else Missing (what a
    recruiter asks about first) gets up to 55% and Matched the rest."""
    if need_matched + need_missing + len(GAP) <= room:
        return need_matched, room - len(GAP) - need_matched
    usable = room - len(GAP)
    missing = max(usable - need_matched, min(need_missing, usable * 55 // 100))
    missing = max(12, min(usable - 12, missing))
    return usable - missing, missing


def _wrap(text: str, width: int | None, indent: int = 0) -> list[str]:
    # long words (paths) are broken too: a line never runs past the width
    if width is None:
        return [text.replace("\u00a0", " ")]
    lines = textwrap.wrap(text, width=width, subsequent_indent=" " * indent,
                          break_on_hyphens=False) or [""]
    return [line.replace("\u00a0", " ") for line in lines]


def _unranked(entry: ShortlistEntry, width: int | None) -> str:
    status = entry.assessment.status
    line = f"  {status:<9} {clean(entry.assessment.file)}: {clean(reason(entry))}"
    return "\n".join(_wrap(line, width, indent=12))


# --------------------------------------------------------------------------- explain


def _explain(entry: ShortlistEntry, shortlist: Shortlist, width: int | None,
             style: _Style) -> list[str]:
    """Score parts, each requirement with its evidence, and the positions behind the years."""
    a = entry.assessment
    name = clean(display_name(entry))
    title = f"#{entry.rank} {name}  {fmt_num(a.score)}/100"
    lines = [style.bold(_line(title, width))]
    # the file once, wrapped rather than cut: evidence lines below give only its line numbers
    lines += _wrap(f"  File: {clean(a.file)}", width, indent=8)
    lines += [_line("  Knocked out: " + rule, width) for rule in a.knocked_out_by]
    if a.profile.hidden_flag:  # the skills it names: shown, never counted
        named = ", ".join(a.profile.hidden_skills) or "none"
        lines += _wrap(f"  {a.profile.hidden_flag[0].upper()}{a.profile.hidden_flag[1:]} "
                       f"(not matched; names {named})", width, indent=4)
    lines.append("  Score")
    for part in a.parts:
        pts = f"{fmt_num(part.points)}/{fmt_num(part.max_points)}"
        lines.append(_line(f"    {part.name:<11} {pts:>10}  {part.note}", width))
    if a.backed is not None:  # a skills list with no work behind it shows here
        lines += _wrap(f"  Backed by dated work: {a.backed:.0%} of the requirement points "
                       "(the rest from skills lists, summaries, undated text)", width, indent=4)
    if a.results:
        lines.append("  Requirements")
        label_w = _label_width(max(cell_width(clean(r.label)) for r in a.results), width)
        for r in a.results:
            implied = implied_only(r, a, shortlist.posting)
            lines += _requirement(r, label_w, width, style, implied)
    lines += _years(a, width)
    return lines


def _label_width(need: int, width: int | None) -> int:
    """The requirement labels' column: whole where the width allows, leaving the note at least
    40 columns; never cut below 30 columns where the line has room for them."""
    if width is None:
        return need
    return max(1, min(need, width - 13 - 14 - 16, max(30, width - 13 - 14 - 40)))


def _requirement(r: RequirementResult, label_w: int, width: int | None,
                 style: _Style, implied: str = "") -> list[str]:
    pts = f"{fmt_num(r.points)}/{fmt_num(r.max_points)}"
    outcome = style.fg(f"{r.outcome:<8}", _OUTCOME_COLOURS.get(r.outcome, "white"))
    note = r.note + (f" ({fmt_num(r.years)} y)" if r.years is not None else "")
    note += f"; {implied}" if implied else ""
    head = f"{fit(r.label, label_w)}  {pts:>10}  "
    room = None if width is None else max(width - 13 - len(head), 10)
    lines = [f"    {outcome} " + head + _line(note, room)]
    indent = " " * 13
    for ev in r.evidence:
        lines += _wrap(indent + _evidence(ev), width, indent=len(indent) + 2)
    return lines


def _years(a: Assessment, width: int | None) -> list[str]:
    exp = a.profile.experience
    head = f"  Years: {fmt_num(a.years) or '?'} total"
    low, high = exp.total_years_low, exp.total_years_high
    if low is not None and high is not None and fmt_num(low) != fmt_num(high):
        head += f" ({fmt_num(low)}-{fmt_num(high)})"  # only where undated months leave a range
    if exp.claimed_years is not None:
        head += f", {fmt_num(exp.claimed_years)} claimed"
    head += f", {fmt_num(a.relevant_years) or '?'} relevant"
    lines = [head]
    for i, p in enumerate(exp.positions):
        mark = "relevant" if i in a.relevant_positions else ""
        when = p.date_text or f"{p.start or '?'} - {p.end or '?'}"
        # no-break spaces keep "(5.4 y)" and "line 14" whole when the line wraps
        text = (f"    {mark:<8}  {p.title}, {p.company}: {when} ({fmt_num(p.years)}\u00a0y), "
                f"line\u00a0{p.start_line}")
        lines += _wrap(text, width, indent=14)
    return lines


# Where a mention stands (Evidence.context, set by scoring), in a word or two; a stance that
# claims nothing (negated, wished) is its own context and is shown as the stance.
_CONTEXT_WORDS = {
    "position": "duties", "project": "project", "experience": "undated work",
    "skills": "skills list", "summary": "summary", "certifications": "certifications",
    "education": "courses", "interests": "interests", "other": "other section",
    "named": "others' work",
}  # fmt: skip


def _evidence(ev: Evidence) -> str:
    """`line 12 [experience] 'PostgreSQL' (duties)`: the file is named once, above; the
    context where the section does not say it already ([skills] is a skills list) and the
    stance ("no experience with": shown, not counted) in brackets."""
    section = f" [{ev.section}]" if ev.section else ""
    said = ev.context in (ev.section, (ev.section or "").removesuffix("s"))
    tags = [t for t in ("" if said else _CONTEXT_WORDS.get(ev.context, ""), ev.stance) if t]
    where = f" ({', '.join(tags)})" if tags else ""
    return clean(f"line {ev.line}{section} '{ev.text}'{where}")
