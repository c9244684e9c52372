"""The shortlist as one self-contained HTML page.

Inline CSS and JS only, pinned by their SHA-256 hashes in a Content-Security-Policy meta tag
that forbids everything else (no network, no images, no other scripts). Every piece of resume
text goes through `html.escape`, so a name like `<script>` shows as text. The page works
without JS (evidence sits in <details>, every row shows); the script adds header sorting (also
via `#sort=score` or `#sort=years:asc` in the URL), a filter box (rows whose name, file or
skills hold every word typed) and a minimum score (preset by `--min-score`), and opens details
when a candidate link is followed.
"""

from __future__ import annotations

import base64
import hashlib
from html import escape
from typing import TextIO

from screener.records import (
    Assessment,
    Position,
    RequirementResult,
    Shortlist,
    ShortlistEntry,
)
from screener.report import (
    display_name,
    evidence_line,
    fmt_num,
    group,
    is_blind,
    missing_label,
    reason,
    short_file,
    summary_line,
    tool_version,
)
from screener.report.html_assets import CSS, JS

_MARKS = {"met": "✓", "partial": "½", "missing": "✗", "unknown": "?"}


def write_html(shortlist: Shortlist, fp: TextIO, *, min_score: float | None = None) -> None:
    """Write the page to a text stream (UTF-8). `min_score` presets the table's minimum score:
    rows below it are hidden, not left out (the box shows them again)."""
    fp.write(render(shortlist, min_score=min_score))


def render(shortlist: Shortlist, *, min_score: float | None = None) -> str:
    g = group(shortlist)
    ranked = g.passing + g.knocked_out
    ids = {id(e): f"c{i}" for i, e in enumerate(ranked, start=1)}
    title = f"Shortlist: {shortlist.posting.title} ({shortlist.as_of})"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{csp()}">',
        '<meta name="referrer" content="no-referrer">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="screener {_e(tool_version(shortlist))}">',
        f"<title>{_e(title)}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        _header(shortlist),
        "<main>",
        _shortlist_table(shortlist, ranked, ids, min_score),
        _coverage(shortlist, ranked),
        _matrix(shortlist, ranked, ids),
        _evidence(ranked, ids),
        _not_ranked(g.not_ranked),
        "</main>",
        f"<script>{JS}</script>",
        "</body>",
        "</html>",
    ]
    return "\n".join(p for p in parts if p) + "\n"


def csp() -> str:
    """Nothing may load or run but the two inline blocks, identified by their hashes."""
    return ("default-src 'none'; "
            f"style-src '{_sha256(CSS)}'; script-src '{_sha256(JS)}'; "
            "img-src 'none'; base-uri 'none'; form-action 'none'")


def _sha256(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


# C0/C1 controls (but tab and newline) and bidi overrides: invisible, or able to make one
# name look like another, so they never reach the page
_INVISIBLE = dict.fromkeys([*range(9), 11, 12, *range(13, 32), *range(127, 160),
                            *range(0x202A, 0x202F), *range(0x2066, 0x206A)])


def _e(text: object) -> str:
    """Escaped text for an element body or a quoted attribute."""
    return escape(("" if text is None else str(text)).translate(_INVISIBLE), quote=True)


# --------------------------------------------------------------------------- sections


def _header(shortlist: Shortlist) -> str:
    p = shortlist.posting
    return (
        "<header>"
        f"<h1>{_e(p.title)}</h1>"
        f'<p class="meta">Posting <code>{_e(p.id)}</code> ({_e(p.path)}), as of '
        f"{_e(shortlist.as_of)}, taxonomy {_e(shortlist.taxonomy_version)}, "
        f"screener {_e(tool_version(shortlist))}</p>"
        f'<p class="meta" id="summary">{_e(summary_line(shortlist))}</p>'
        "</header>"
    )


# (key, label, numeric?, first click sorts descending?)
_COLUMNS = (
    ("rank", "#", True, False), ("name", "Candidate", False, False),
    ("file", "File", False, False),
    ("score", "Score", True, True), ("years", "Years", True, True),
    ("relevant", "Relevant years", True, True), ("matched", "Matched", True, True),
    ("missing", "Missing", False, False), ("status", "Status", False, False),
)


def _shortlist_table(shortlist: Shortlist, ranked: tuple[ShortlistEntry, ...],
                     ids: dict[int, str], min_score: float | None) -> str:
    if not ranked:
        return ('<section><h2>Shortlist</h2>'
                '<p class="note">No candidate could be ranked.</p></section>')
    files = not is_blind(shortlist)  # blind: the Candidate column shows the blind id
    heads = "".join(_heading(*column) for column in _COLUMNS if files or column[0] != "file")
    rows = "\n".join(_row(shortlist, e, ids[id(e)], files) for e in ranked)
    return ('<section><h2>Shortlist</h2>'
            '<p class="note">Click a column heading to sort; click a name for the evidence.</p>'
            f"{_filters(min_score)}"
            f'<table id="shortlist"><thead><tr>{heads}</tr></thead>\n<tbody>\n{rows}\n'
            "</tbody></table></section>")


def _filters(min_score: float | None) -> str:
    """The filter box and the minimum score; hidden until the script shows them (without
    JS they could do nothing, and every row shows)."""
    value = "" if min_score is None else f"{min_score:g}"
    return ('<p class="filters" id="filters" hidden>'
            '<label>Filter <input type="search" id="filter-text" autocomplete="off" '
            'spellcheck="false" placeholder="name, file or skill"></label> '
            '<label>Score at least <input type="number" id="filter-min" min="0" max="100" '
            f'step="any" value="{value}"></label> '
            '<span class="note" id="filter-count" aria-live="polite"></span></p>')


def _heading(key: str, label: str, numeric: bool, desc_first: bool) -> str:
    attrs = [f'scope="col" data-key="{key}"', f'data-type="{"num" if numeric else "text"}"',
             f'data-first="{"desc" if desc_first else "asc"}"']
    if numeric:
        attrs.append('class="num"')
    attrs.append(f'aria-sort="{"ascending" if key == "rank" else "none"}"')
    return f'<th {" ".join(attrs)}><button type="button">{_e(label)}</button></th>'


def _row(shortlist: Shortlist, entry: ShortlistEntry, anchor: str, files: bool) -> str:
    a = entry.assessment
    name = display_name(entry)
    file = short_file(shortlist, entry)
    if a.knocked_out_by:
        status = f'<span class="tag ko">knocked out</span> {_e("; ".join(a.knocked_out_by))}'
    else:
        status = '<span class="tag">ranked</span>'
    status += _hidden_tag(a)
    cells = (
        _num_cell(entry.rank, str(entry.rank)),
        (f'<td data-v="{_e(name.casefold())}"><a href="#{anchor}" data-open="{anchor}">'
         f"{_e(name)}</a></td>"),
        f'<td data-v="{_e(file.casefold())}"><code>{_e(file)}</code></td>' if files else "",
        _num_cell(a.score, fmt_num(a.score)),
        _num_cell(a.years, fmt_num(a.years) or "?"),
        _num_cell(a.relevant_years, fmt_num(a.relevant_years) or "?"),
        _num_cell(len(a.matched), f"{len(a.matched)} of {len(a.results)}"),
        f"<td>{_e(_missing(shortlist, a)) or '-'}</td>",
        f"<td>{status}</td>",
    )
    cls = ' class="ko"' if a.knocked_out_by else ""
    search = _search_text(name, file if files else "", a)
    return (f'<tr data-rank="{entry.rank}" data-score="{fmt_num(a.score)}" '
            f'data-search="{_e(search)}"{cls}>' + "".join(cells) + "</tr>")


def _missing(shortlist: Shortlist, a: Assessment) -> str:
    """As the terminal's Missing column: the real gaps, then "SQL (implied by PostgreSQL, not
    counted)" for what only an implied skill the posting does not count would meet."""
    labels = [(missing_label(r, a, shortlist.posting), r.label) for r in a.results
              if r.outcome in ("missing", "partial")]
    return "; ".join([shown for shown, label in labels if shown == label]
                     + [shown for shown, label in labels if shown != label])


def _search_text(name: str, file: str, a: Assessment) -> str:
    """What the filter box looks in, lower-cased as the script lower-cases what is typed:
    the name, the file, the skills the resume names and the requirements met."""
    skills = [h.name for h in a.profile.skills if h.source != "implied"]
    return " ".join([name, file, *skills, *a.matched]).lower()


def _hidden_tag(a: Assessment) -> str:
    """The hidden-text flag (text a reader cannot see, left out of matching), or ""."""
    flag = a.profile.hidden_flag
    return f' <span class="tag hidden-text">{_e(flag)}</span>' if flag else ""


def _num_cell(value: float | None, text: str) -> str:
    sort_key = "" if value is None else repr(float(value))
    return f'<td class="num" data-v="{sort_key}">{_e(text)}</td>'


def _requirements(shortlist: Shortlist, ranked: tuple[ShortlistEntry, ...]
                  ) -> list[tuple[str, str, bool]]:
    """(id, label, required?) of what the candidates are assessed on: the posting's
    requirements, then those beside them (the years minimums), as the results name them."""
    rows = [(r.id, r.label, r.importance == "required") for r in shortlist.posting.requirements]
    known = {row[0] for row in rows}
    for e in ranked:
        for r in e.assessment.results:
            if r.requirement not in known:
                known.add(r.requirement)
                rows.append((r.requirement, r.label, r.importance == "required"))
    return rows


# The coverage chart's geometry (SVG user units; 13px text): labels, then the bar, then the
# count. A count's width is estimated at 7.5 units a character, above what 13px system-ui
# digits and letters take, so "11 of 120 (+15 partial)" is never cut at the chart's edge.
_CHART_W, _BAR_X, _ROW_H, _CHAR_W = 760, 260, 26, 7.5


def _coverage(shortlist: Shortlist, ranked: tuple[ShortlistEntry, ...]) -> str:
    """Horizontal bars: for each requirement, how many ranked candidates met it."""
    reqs = _requirements(shortlist, ranked)
    if not reqs or not ranked:
        return ""
    n = len(ranked)
    counts = []
    for req_id, _, _ in reqs:
        outcomes = [_outcome(e.assessment, req_id) for e in ranked]
        met, partial = outcomes.count("met"), outcomes.count("partial")
        counts.append((met, partial, f"{met} of {n}" + (f" (+{partial} partial)"
                                                        if partial else "")))
    text_w = max(len(text) for _, _, text in counts) * _CHAR_W
    bar_w = max(200.0, min(380.0, _CHART_W - _BAR_X - 8 - text_w))  # the count fits
    width = max(_CHART_W, round(_BAR_X + bar_w + 8 + text_w + 0.5))
    rows = []
    for i, ((_, label, required), (met, partial, text)) in enumerate(zip(reqs, counts)):
        w_met, w_part = bar_w * met / n, bar_w * partial / n
        y = i * _ROW_H
        short = label if len(label) <= 34 else label[:33] + "…"
        rows.append(
            f'<g><title>{_e(label)}: {met} met, {partial} partial of {n}</title>'
            f'<text x="0" y="{y + 17}">{_e(short)}{" *" if required else ""}</text>'
            f'<rect class="track" x="{_BAR_X}" y="{y + 5}" width="{bar_w:g}" height="16"/>'
            f'<rect class="met" x="{_BAR_X}" y="{y + 5}" width="{w_met:.1f}" height="16"/>'
            f'<rect class="partial" x="{_BAR_X + w_met:.1f}" y="{y + 5}" width="{w_part:.1f}"'
            ' height="16"/>'
            f'<text x="{_BAR_X + bar_w + 8:g}" y="{y + 17}">{text}</text></g>'
        )
    height = len(reqs) * _ROW_H + 4
    return ('<section><h2>Requirement coverage</h2>'
            '<p class="note">How many ranked candidates meet each requirement'
            " (* required; amber: partly met).</p>"
            f'<svg class="coverage" viewBox="0 0 {width} {height}" role="img"'
            ' aria-label="Requirement coverage across candidates">'
            + "".join(rows) + "</svg></section>")


def _outcome(a: Assessment, req_id: str) -> str:
    for r in a.results:
        if r.requirement == req_id:
            return r.outcome
    return "unknown"


def _matrix(shortlist: Shortlist, ranked: tuple[ShortlistEntry, ...],
            ids: dict[int, str]) -> str:
    """Candidates x requirements heat map; marks as well as colours so it prints in grey."""
    reqs = _requirements(shortlist, ranked)
    if not reqs or not ranked:
        return ""
    head = "".join(f'<th class="req" scope="col">{_e(label)}</th>' for _, label, _ in reqs)
    rows = []
    for e in ranked:
        cells = []
        for req_id, label, _ in reqs:
            out = _outcome(e.assessment, req_id)
            cells.append(f'<td class="cell {out}" title="{_e(label)}: {out}">'
                         f"{_MARKS.get(out, '?')}</td>")
        rows.append(f'<tr><th scope="row"><a href="#{ids[id(e)]}" data-open="{ids[id(e)]}">'
                    f"{e.rank}. {_e(display_name(e))}</a></th>{''.join(cells)}</tr>")
    legend = "".join(f"<span>{m} {o}</span>" for o, m in _MARKS.items())
    return ('<section><h2>Candidates &times; requirements</h2>'
            f'<p class="note legend">{legend}</p>'
            f'<table class="matrix"><thead><tr><th scope="col">Candidate</th>{head}</tr>'
            "</thead><tbody>" + "".join(rows) + "</tbody></table></section>")


def _evidence(ranked: tuple[ShortlistEntry, ...], ids: dict[int, str]) -> str:
    """Per candidate, in <details>: score parts, requirements with evidence, positions."""
    if not ranked:
        return ""
    blocks = [_candidate_details(e, ids[id(e)]) for e in ranked]
    return '<section><h2>Evidence</h2>' + "\n".join(blocks) + "</section>"


def _candidate_details(entry: ShortlistEntry, anchor: str) -> str:
    a = entry.assessment
    knock = "".join(f'<p><span class="tag ko">knocked out</span> {_e(rule)}</p>'
                    for rule in a.knocked_out_by)
    if a.profile.hidden_flag:
        names = ", ".join(a.profile.hidden_skills) or "none"
        knock += (f"<p>{_hidden_tag(a)} left out of matching; skills named in it: "
                  f"{_e(names)}</p>")
    parts = "".join(
        f"<tr><td>{_e(p.name)}</td><td class=\"num\">{fmt_num(p.points)}</td>"
        f'<td class="num">{fmt_num(p.max_points)}</td><td>{_e(p.note)}</td></tr>'
        for p in a.parts)
    reqs = "".join(_requirement_row(r, a.file) for r in a.results)
    return (
        f'<details id="{anchor}"><summary>#{entry.rank} {_e(display_name(entry))} '
        f"&middot; {fmt_num(a.score)} / 100 &middot; <code>{_e(a.file)}</code></summary>"
        f"{knock}"
        "<h3>Score</h3><table><thead><tr><th>Part</th><th class=\"num\">Points</th>"
        f'<th class="num">Max</th><th>Why</th></tr></thead><tbody>{parts}</tbody></table>'
        f"{_backed(a)}"
        "<h3>Requirements</h3><table><thead><tr><th>Requirement</th><th>Outcome</th>"
        '<th class="num">Points</th><th>Evidence</th></tr></thead>'
        f"<tbody>{reqs}</tbody></table>"
        f"{_positions(a)}</details>"
    )


def _backed(a: Assessment) -> str:
    """The share of the requirement points dated work backs: a skills list with no work
    behind it shows here. Nothing when no requirement points were earned."""
    if a.backed is None:
        return ""
    return (f'<p class="backed">Backed by dated work: <strong>{a.backed:.0%}</strong> of the '
            "requirement points (the rest from skills lists, summaries, undated text)</p>")


def _requirement_row(r: RequirementResult, file: str) -> str:
    evidence = "".join(f"<li><code>{_e(evidence_line(file, ev))}</code></li>"
                       for ev in r.evidence)
    years = f" ({fmt_num(r.years)} years)" if r.years is not None else ""
    return (
        f"<tr><td>{_e(r.label)} <span class=\"note\">({_e(r.importance)})</span></td>"
        f'<td><span class="out {_e(r.outcome)}">{_e(r.outcome)}</span></td>'
        f'<td class="num">{fmt_num(r.points)} / {fmt_num(r.max_points)}</td>'
        f"<td>{_e(r.note + years)}"
        f'{f"<ul class=evidence>{evidence}</ul>" if evidence else ""}</td></tr>'
    )


def _positions(a: Assessment) -> str:
    exp = a.profile.experience
    line = (f"Total {fmt_num(a.years) or '?'} years"
            + (f" ({fmt_num(exp.total_years_low)}&ndash;{fmt_num(exp.total_years_high)})"
               if exp.total_years_low is not None and exp.total_years_high is not None
               and fmt_num(exp.total_years_low) != fmt_num(exp.total_years_high) else "")
            + (f", {fmt_num(exp.claimed_years)} claimed" if exp.claimed_years is not None else "")
            + f", {fmt_num(a.relevant_years) or '?'} relevant.")
    rows = "".join(
        f"<tr><td>{_e(p.title)}</td><td>{_e(p.company)}</td>"
        f"<td>{_e(_when(p))}</td>"
        f'<td class="num">{fmt_num(p.years)}</td>'
        f"<td>{'relevant' if i in a.relevant_positions else ''}</td>"
        f'<td class="num">{p.start_line}</td></tr>'
        for i, p in enumerate(exp.positions))
    table = ("<table><thead><tr><th>Title</th><th>Company</th><th>Dates</th>"
             '<th class="num">Years</th><th>Counts as</th><th class="num">Line</th></tr>'
             f"</thead><tbody>{rows}</tbody></table>") if rows else ""
    return f"<h3>Years</h3><p>{line}</p>{table}"


def _when(p: Position) -> str:
    return p.date_text or f"{p.start or '?'} - {p.end or '?'}"


def _not_ranked(entries: tuple[ShortlistEntry, ...]) -> str:
    if not entries:
        return ""
    rows = "".join(
        f"<tr><td><code>{_e(e.assessment.file)}</code></td>"
        f'<td><span class="tag {_e(e.assessment.status)}">{_e(e.assessment.status)}</span></td>'
        f"<td>{_e(reason(e))}</td></tr>"
        for e in entries)
    return ('<section id="not-ranked"><h2>Not ranked</h2>'
            '<p class="note">Files that could not be scored, with the reason and what to do.</p>'
            "<table><thead><tr><th>File</th><th>Status</th><th>Reason</th></tr></thead>"
            f"<tbody>{rows}</tbody></table></section>")
