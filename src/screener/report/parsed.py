"""Plain-text view of one parsed resume, for `screener parse` without --json."""

from __future__ import annotations

from screener.records import Profile


def _years(value: float | None) -> str:
    return "unknown" if value is None else f"{value:.1f}"


def render_profile(profile: Profile) -> str:
    """What was read from one resume: status, contact, experience, skills with evidence."""
    doc = profile.document
    out = [f"{doc.path}  [{doc.status}]"]
    if doc.status != "ok":
        out.append(f"  {doc.error or 'no text'}")
        return "\n".join(out) + "\n\n"
    c = profile.contact
    out.append(f"  {doc.kind}, {doc.pages} page(s), {doc.chars} chars, read by {doc.extractor}")
    out.append(f"  name: {c.name or '-'}   email: {c.email or '-'}   phone: {c.phone or '-'}")
    if profile.hidden_flag:  # left out of matching: named here, never counted
        named = ", ".join(profile.hidden_skills) or "none"
        out.append(f"  {profile.hidden_flag} (not matched; names {named})")
    if c.links:
        out.append(f"  links: {', '.join(c.links)}")
    exp = profile.experience
    claimed = f" (resume claims {exp.claimed_years:g})" if exp.claimed_years else ""
    out.append(f"  experience: {_years(exp.total_years)} years{claimed}")
    for pos in exp.positions:
        end = "present" if pos.current else (pos.end or "?")
        what = " at ".join(x for x in (pos.title, pos.company) if x) or "(untitled)"
        out.append(f"    {pos.start or '?'} – {end}  {pos.years:4.1f}y  {what}"
                   f"  (line {pos.start_line})")
    out.append(f"  skills ({len(profile.skills)}):")
    for hit in profile.skills:
        ev = hit.evidence[0] if hit.evidence else None
        where = f"line {ev.line} [{ev.section or '-'}] {ev.text!r}" if ev else ""
        if hit.source == "implied":
            where = f"implied by {', '.join(hit.implied_by)}"
        yrs = f" {hit.years:.1f}y" if hit.years is not None else ""
        out.append(f"    {hit.id:<20} {hit.source:<8}{yrs:>7}  {where}")
    return "\n".join(out) + "\n\n"


def render_text(profile: Profile) -> str:
    """The normalised text of one resume, as the skill matcher and the date reader see it,
    headed by its path; each line numbered as evidence cites it ("line 12")."""
    doc = profile.document
    if doc.status != "ok":
        return f"==> {doc.path} <== [{doc.status}] {doc.error or 'no text'}\n\n"
    lines = doc.lines
    width = len(str(len(lines)))
    pages = f", {doc.pages} page(s)" if doc.pages else ""
    head = f"==> {doc.path} <== [{doc.kind}{pages}, read by {doc.extractor}]"
    body = [f"{number:>{width}}  {line}".rstrip() for number, line in enumerate(lines, 1)]
    return "\n".join([head, *body]) + "\n\n"
