"""The shortlist as plain text for a terminal: a ranked table, knock-outs, unranked files.

Output is deterministic and plain by default; `color=True` adds ANSI styles via click. Text
that came from a resume is stripped of control characters first, so a name cannot carry
terminal escape sequences.
"""

from __future__ import annotations

import textwrap
import unicodedata

import click

from screener.records import Assessment, Evidence, RequirementResult, Shortlist, ShortlistEntry
from screener.report import display_name, fmt_num, group, reason, summary_line

ELLIPSIS = "…"
GAP = "  "
_OUTCOME_COLOURS = {"met": "green", "partial": "yellow", "missing": "red", "unknown": "magenta"}


def render(shortlist: Shortlist, *, top: int | None = None, explain: bool = False,
           width: int = 100, color: bool = False) -> str:
    """The shortlist as text, ending with a newline. `top` limits the ranked rows shown."""
    width = max(width, 60)
    g = group(shortlist)
    ranked = g.passing + g.knocked_out
    shown = ranked if top is None else ranked[: max(top, 0)]
    hidden = ranked[len(shown):]
    style = _Style(color)
    out = _heading(shortlist, width, style)
    table = _Table(shortlist, ranked, width)
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
    if g.not_ranked:
        out += ["", style.bold("Not ranked")] + [_unranked(e, width) for e in g.not_ranked]
    if explain:
        for e in shown:
            out += [""] + _explain(e, width, style)
    return "\n".join(out) + "\n"


def render_one(shortlist: Shortlist, entry: ShortlistEntry, *, width: int = 100,
               color: bool = False) -> str:
    """One candidate of a screened batch (`explain --batch`): the heading and the batch's
    summary as `render` gives them, then the candidate's breakdown (its rank and score are the
    batch's), or why it was not ranked."""
    width = max(width, 60)
    style = _Style(color)
    body = _explain(entry, width, style) if entry.rank is not None else [_unranked(entry, width)]
    return "\n".join([*_heading(shortlist, width, style), "", *body]) + "\n"


def _heading(shortlist: Shortlist, width: int, style: _Style) -> list[str]:
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


class _Table:
    """Column widths for the ranked table, sized from the rows and the terminal width."""

    def __init__(self, shortlist: Shortlist, ranked: tuple[ShortlistEntry, ...], width: int):
        ranks = [str(e.rank) for e in ranked]
        self.rank = max([1] + [len(r) for r in ranks])
        self.score = 5
        self.years = max([5] + [len(years_text(e.assessment)) for e in ranked])
        fixed = self.rank + self.score + self.years + 5 * len(GAP)
        # the name gets up to 24 columns, less on a narrow terminal (the lists need 24)
        need = max([9] + [cell_width(clean(display_name(e))) for e in ranked])
        self.name = max(9, min(24, need, width - fixed - 24))
        fixed += self.name
        self.matched, self.missing = _split(
            max(width - fixed, 24),
            max([7] + [cell_width(_matched(e.assessment)) for e in ranked]),
            max([7] + [cell_width(_missing(e.assessment, shortlist)) for e in ranked]))
        self.shortlist = shortlist
        self.width = width

    def header(self) -> str:
        return self._join("#".rjust(self.rank), fit("Candidate", self.name),
                          fit("Score", self.score, right=True), fit("Years", self.years),
                          fit("Matched", self.matched), fit("Missing", self.missing)).rstrip()

    def row(self, entry: ShortlistEntry, style: _Style) -> str:
        a = entry.assessment
        head = self._join(str(entry.rank).rjust(self.rank), fit(display_name(entry), self.name),
                          fit(fmt_num(a.score), self.score, right=True),
                          fit(years_text(a), self.years))
        if a.knocked_out_by:
            rule = fit("; ".join(a.knocked_out_by), self.matched + len(GAP) + self.missing)
            return head + GAP + style.fg(rule.rstrip(), "red") + self._hidden(a, style)
        matched = fit(_matched(a), self.matched)
        missing = fit(_missing(a, self.shortlist), self.missing)
        return (head + GAP + matched + GAP + missing).rstrip() + self._hidden(a, style)

    def _hidden(self, a: Assessment, style: _Style) -> str:
        """A second line under a candidate whose resume hides text, else ""."""
        flag = a.profile.hidden_flag
        if not flag:
            return ""
        indent = " " * (self.rank + len(GAP))
        return "\n" + indent + style.fg(fit(flag, max(self.width - len(indent), 20)).rstrip(),
                                         "yellow")

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
    """Requirements not (fully) met, by their labels; years as "5+ yrs"."""
    posting = shortlist.posting
    minima = {"years:total": (posting.min_years, "yrs"),
              "years:relevant": (posting.min_relevant_years, "relevant yrs")}
    cells = []
    for r in a.results:
        if r.outcome not in ("missing", "partial"):
            continue
        if r.requirement in minima and minima[r.requirement][0] is not None:
            minimum, unit = minima[r.requirement]
            cells.append(f"{minimum:g}+ {unit}")
        else:
            cells.append(r.label)
    # labels may hold commas ("1 of Python, Node.js, PHP"), so separate them with semicolons
    return "; ".join(cells) or "-"


def _split(room: int, need_matched: int, need_missing: int) -> tuple[int, int]:
    """Share `room` between the two lists: each gets what it needs, else Missing (what a
    recruiter asks about first) gets up to 55% and Matched the rest."""
    if need_matched + need_missing + len(GAP) <= room:
        return need_matched, room - len(GAP) - need_matched
    usable = room - len(GAP)
    missing = max(usable - need_matched, min(need_missing, usable * 55 // 100))
    missing = max(12, min(usable - 12, missing))
    return usable - missing, missing


def _wrap(text: str, width: int, indent: int = 0) -> list[str]:
    # long words (paths) are broken too: a line never runs past the width
    lines = textwrap.wrap(text, width=width, subsequent_indent=" " * indent,
                          break_on_hyphens=False) or [""]
    return [line.replace("\u00a0", " ") for line in lines]


def _unranked(entry: ShortlistEntry, width: int) -> str:
    status = entry.assessment.status
    line = f"  {status:<9} {clean(entry.assessment.file)}: {clean(reason(entry))}"
    return "\n".join(_wrap(line, width, indent=12))


# --------------------------------------------------------------------------- explain


def _explain(entry: ShortlistEntry, width: int, style: _Style) -> list[str]:
    """Score parts, each requirement with its evidence, and the positions behind the years."""
    a = entry.assessment
    name = clean(display_name(entry))
    title = f"#{entry.rank} {name}  {fmt_num(a.score)}/100"
    lines = [style.bold(fit(title, width).rstrip())]
    # the file once, wrapped rather than cut: evidence lines below give only its line numbers
    lines += _wrap(f"  File: {clean(a.file)}", width, indent=8)
    lines += [fit("  Knocked out: " + rule, width).rstrip() for rule in a.knocked_out_by]
    if a.profile.hidden_flag:  # the skills it names: shown, never counted
        named = ", ".join(a.profile.hidden_skills) or "none"
        lines += _wrap(f"  {a.profile.hidden_flag[0].upper()}{a.profile.hidden_flag[1:]} "
                       f"(not matched; names {named})", width, indent=4)
    lines.append("  Score")
    for part in a.parts:
        pts = f"{fmt_num(part.points)}/{fmt_num(part.max_points)}"
        lines.append(fit(f"    {part.name:<11} {pts:>10}  {part.note}", width).rstrip())
    if a.backed is not None:  # a skills list with no work behind it shows here
        lines += _wrap(f"  Backed by dated work: {a.backed:.0%} of the requirement points "
                       "(the rest from skills lists, summaries, undated text)", width, indent=4)
    if a.results:
        lines.append("  Requirements")
        label_w = min(30, width - 13 - 14 - 16,
                      max(cell_width(clean(r.label)) for r in a.results))
        for r in a.results:
            lines += _requirement(r, label_w, width, style)
    lines += _years(a, width)
    return lines


def _requirement(r: RequirementResult, label_w: int, width: int,
                 style: _Style) -> list[str]:
    pts = f"{fmt_num(r.points)}/{fmt_num(r.max_points)}"
    outcome = style.fg(f"{r.outcome:<8}", _OUTCOME_COLOURS.get(r.outcome, "white"))
    note = r.note + (f" ({fmt_num(r.years)} y)" if r.years is not None else "")
    head = f"{fit(r.label, label_w)}  {pts:>10}  "
    lines = [f"    {outcome} " + head + fit(note, max(width - 13 - len(head), 10)).rstrip()]
    indent = " " * 13
    for ev in r.evidence:
        lines += _wrap(indent + _evidence(ev), width, indent=len(indent) + 2)
    return lines


def _years(a: Assessment, width: int) -> list[str]:
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
