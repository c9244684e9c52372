"""Reports over a Shortlist: terminal text, CSV, JSON and a self-contained HTML page.

Every report lists every input file exactly once: the ranked candidates in rank order (those who
pass first, then the knocked-out), then the files that were not ranked (empty, error, duplicate)
with their one-line reason. The helpers here keep the four reports saying the same thing.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass

from screener.errors import ErrorCode
from screener.records import (
    Assessment,
    Evidence,
    Posting,
    RequirementResult,
    Shortlist,
    ShortlistEntry,
)

__all__ = [
    "Groups",
    "display_name",
    "evidence_line",
    "fmt_num",
    "group",
    "implied_only",
    "is_blind",
    "missing_label",
    "reason",
    "short_file",
    "summary_line",
    "tool_version",
]


@dataclass(frozen=True)
class Groups:
    """A shortlist's entries split the way every report shows them, each in rank order."""

    passing: tuple[ShortlistEntry, ...]
    knocked_out: tuple[ShortlistEntry, ...]
    not_ranked: tuple[ShortlistEntry, ...]


def group(shortlist: Shortlist) -> Groups:
    """Split entries into passing / knocked out / not ranked; ranked ones sorted by rank."""
    ranked = sorted((e for e in shortlist.entries if e.rank is not None),
                    key=lambda e: e.rank or 0)
    return Groups(
        passing=tuple(e for e in ranked if not e.assessment.knocked_out_by),
        knocked_out=tuple(e for e in ranked if e.assessment.knocked_out_by),
        # keep the ranking stage's order for these (it is already deterministic)
        not_ranked=tuple(e for e in shortlist.entries if e.rank is None),
    )


def display_name(entry: ShortlistEntry) -> str:
    """The candidate's name; the pseudonymous id when blind or unnamed; else the file name."""
    name = entry.assessment.profile.contact.name
    if name and name.strip():
        return name.strip()
    return entry.candidate_id or os.path.basename(entry.assessment.file) or entry.assessment.file


def is_blind(shortlist: Shortlist) -> bool:
    """Made by screener.score.redact.blind: files are blind ids, no name or path is shown."""
    return bool(shortlist.blind_key)


def short_file(shortlist: Shortlist, entry: ShortlistEntry) -> str:
    """The file as the recruiter finds it: relative to the folder given (`consultant/2235.pdf`
    under `../shared/real-resumes`), the file name alone where the file itself was given, the
    path as read where no path given holds it. Blind: the blind id (the file is the id)."""
    file = entry.assessment.file
    if is_blind(shortlist):
        return entry.candidate_id or file
    under = ""
    for given in shortlist.paths:
        if file == given:
            return os.path.basename(file) or file
        folder = os.path.join(given, "")  # folders are walked as os.path.join(given, name)
        if file.startswith(folder) and len(folder) > len(under):
            under = folder  # the innermost of nested folders given
    return file[len(under):]


def implied_only(result: RequirementResult, a: Assessment, posting: Posting) -> str:
    """`implied by MySQL, PostgreSQL, not counted` for a requirement not (fully) met that the
    resume meets only through an implied skill (PostgreSQL implies SQL) while the posting does
    not count implied skills (`count_implied`); "" otherwise. Without it, "Missing: SQL" beside
    a candidate who lists PostgreSQL reads as a bug."""
    if posting.count_implied or result.outcome not in ("missing", "partial"):
        return ""
    req = next((q for q in posting.requirements if q.id == result.requirement), None)
    if req is None:
        return ""
    names = {h.id: h.name for h in a.profile.skills}
    found = []
    for hit in a.profile.skills:
        if hit.source == "implied" and hit.id in req.skills and hit.id not in result.matched:
            by = ", ".join(names.get(i, i) for i in hit.implied_by)
            found.append(f"implied by {by}" if req.skills == (hit.id,)
                         else f"{hit.name} implied by {by}")
    return "; ".join(found) + ", not counted" if found else ""


def missing_label(result: RequirementResult, a: Assessment, posting: Posting) -> str:
    """A requirement not (fully) met, as the Missing column shows it: `SQL (implied by
    PostgreSQL, not counted)` where only an implied skill would meet it."""
    implied = implied_only(result, a, posting)
    return f"{result.label} ({implied})" if implied else result.label


def reason(entry: ShortlistEntry) -> str:
    """Why a file was not ranked, in one line."""
    a = entry.assessment
    doc = a.profile.document
    if doc.error:
        return _one_line(doc.error)
    if a.duplicate_of:
        why = f" ({a.duplicate_reason})" if a.duplicate_reason else ""
        return ErrorCode.E_DUPLICATE.message(kept=a.duplicate_of, why=why)
    return {"empty": "no text could be read", "error": "could not be read"}.get(a.status, "")


def _one_line(text: str) -> str:
    return " ".join(text.split())


def fmt_num(value: float | None, places: int = 1) -> str:
    """A float with fixed decimals; None (unknown) as ""."""
    if value is None:
        return ""
    text = f"{value:.{places}f}"
    return text.lstrip("-") if float(text) == 0 else text  # never print "-0.0"


def evidence_line(file: str, ev: Evidence) -> str:
    """`file:line [section] 'matched text'` — where a point came from."""
    section = f" [{ev.section}]" if ev.section else ""
    stance = f" ({ev.stance})" if ev.stance else ""
    return f"{file}:{ev.line}{section} '{_one_line(ev.text)}'{stance}"


def summary_line(shortlist: Shortlist) -> str:
    """`6 files: 2 ranked, 1 knocked out, 3 not ranked (1 empty, 1 error, 1 duplicate)`."""
    g = group(shortlist)
    total = len(shortlist.entries)
    text = (f"{total} file{'s' if total != 1 else ''}: {len(g.passing)} ranked, "
            f"{len(g.knocked_out)} knocked out, {len(g.not_ranked)} not ranked")
    if g.not_ranked:
        counts = Counter(e.assessment.status for e in g.not_ranked)
        text += " (" + ", ".join(f"{counts[s]} {s}" for s in sorted(counts)) + ")"
    if shortlist.hidden:  # skipped, not lost: say so, so nobody wonders where a file went
        text += f"; {shortlist.hidden} hidden file{'s' if shortlist.hidden != 1 else ''} skipped"
    return text


def tool_version(shortlist: Shortlist) -> str:
    if shortlist.tool_version:
        return shortlist.tool_version
    from screener import __version__

    return __version__
