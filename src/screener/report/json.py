"""The shortlist as one JSON document, described by schemas/report.schema.json.

Keys are written in a fixed, readable order (not sorted: "rank" before "requirements" reads
better), floats are rounded to two decimals, and the output ends with a newline, so the same
shortlist always gives the same bytes.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from screener.errors import ErrorCode
from screener.records import (
    Evidence,
    Position,
    Posting,
    RequirementResult,
    Shortlist,
    ShortlistEntry,
    SkillHit,
    to_jsonable,
)
from screener.report import group, reason, tool_version


def write_json(shortlist: Shortlist, fp: TextIO) -> None:
    """Write the report to a text stream."""
    fp.write(dumps(shortlist))


def dumps(shortlist: Shortlist) -> str:
    return json.dumps(report_dict(shortlist), ensure_ascii=False, indent=2) + "\n"


def report_dict(shortlist: Shortlist) -> dict[str, Any]:
    g = group(shortlist)
    return {
        "tool": {"name": "screener", "version": tool_version(shortlist)},
        "posting": _posting(shortlist.posting),
        "as_of": shortlist.as_of,
        "taxonomy": {"version": shortlist.taxonomy_version},
        "summary": {
            "files": len(shortlist.entries),
            "ranked": len(g.passing),
            "knocked_out": len(g.knocked_out),
            "not_ranked": len(g.not_ranked),
            "hidden": shortlist.hidden,
        },
        "candidates": [candidate(e) for e in g.passing + g.knocked_out + g.not_ranked],
    }


def _posting(p: Posting) -> dict[str, Any]:
    # the whole rubric, so a reader can check every point against it
    return p.to_dict()


def candidate(entry: ShortlistEntry) -> dict[str, Any]:
    """One file: identity, outcome, score breakdown with evidence, skills and positions."""
    a = entry.assessment
    doc = a.profile.document
    contact = a.profile.contact
    exp = a.profile.experience
    return to_jsonable({
        "rank": entry.rank,
        "candidate_id": entry.candidate_id,
        "file": a.file,
        "sha256": doc.sha256,
        "name": contact.name,
        "email": contact.email,
        "phone": contact.phone,
        "links": list(contact.links),
        "status": a.status,
        "error": reason(entry) if entry.rank is None else doc.error,
        "error_code": _error_code(entry),
        "warnings": list(doc.warnings),
        "extractor": doc.extractor,
        "score": a.score if entry.rank is not None else None,
        "knocked_out_by": list(a.knocked_out_by),
        "duplicate_of": a.duplicate_of,
        "years": a.years,
        "years_low": exp.total_years_low,
        "years_high": exp.total_years_high,
        "claimed_years": exp.claimed_years,
        "claimed_evidence": _evidence(exp.claimed_evidence) if exp.claimed_evidence else None,
        "relevant_years": a.relevant_years,
        "similarity": a.similarity,
        "backed": a.backed,
        "parts": [p.to_dict() for p in a.parts],
        "requirements": [_result(r) for r in a.results],
        "skills": [_skill(h) for h in a.profile.skills],
        "positions": [_position(p, i in a.relevant_positions)
                      for i, p in enumerate(exp.positions)],
        # text a reader cannot see, left out of matching: its size and the skills it names
        "hidden_text": {"chars": doc.hidden_chars, "skills": list(a.profile.hidden_skills),
                        "flag": a.profile.hidden_flag},
    })


def _error_code(entry: ShortlistEntry) -> str | None:
    """The code of the reason `error` gives (screener.errors.ErrorCode): what a program keys on
    while the message is free to change. None when there is no reason, or it has no code."""
    a = entry.assessment
    doc = a.profile.document
    if doc.error:
        return doc.error_code or None
    if entry.rank is None and a.duplicate_of:
        return ErrorCode.E_DUPLICATE.value
    return None


def _evidence(ev: Evidence) -> dict[str, Any]:
    out = {"text": ev.text, "section": ev.section, "line": ev.line}
    if ev.stance:  # where the mention stands: negated | wished | basic
        out["stance"] = ev.stance
    if ev.context:  # where it stands: position, project, skills, summary, education, ...
        out["context"] = ev.context
    return out


def _result(r: RequirementResult) -> dict[str, Any]:
    return {
        "id": r.requirement,
        "label": r.label,
        "importance": r.importance,
        "outcome": r.outcome,
        "points": r.points,
        "max_points": r.max_points,
        "matched": list(r.matched),
        "years": r.years,
        "note": r.note,
        "evidence": [_evidence(e) for e in r.evidence],
    }


def _skill(h: SkillHit) -> dict[str, Any]:
    return {
        "id": h.id,
        "name": h.name,
        "source": h.source,
        "years": h.years,
        "stated_years": h.stated_years,  # as the resume states it, beside the dated figure
        "implied_by": list(h.implied_by),
        "evidence": [_evidence(e) for e in h.evidence],
    }


def _position(p: Position, relevant: bool) -> dict[str, Any]:
    d = p.to_dict()
    d["relevant"] = relevant
    return d
