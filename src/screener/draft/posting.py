"""Draft a posting YAML from the text of a job ad.

The draft uses the same skill recogniser as resumes (screener.parse.skills.SkillMatcher), so a
posting can only ask for what screener can find. It reads the ad the way a recruiter would:

- Lines: a board that dropped the ad's line breaks is cut back into lines first
  (screener.draft.reflow: "LeadExperience", "Requirements:10+ years", "AWSIf").
- Sections: headings such as "Requirements" / "Qualifications" / "What you'll need" mark
  required items, "Nice to have" / "Preferred" / "Bonus" / "Desired" mark preferred ones
  ("Desired skills" before a bonus list, with no required list, is the main list); duties,
  interview questions, company background, salary, benefits and article-style headings are
  ignored, and so is any sentence about the employer, the offer or applying, or a question
  to the reader (rules.is_boilerplate). When an ad has no such headings, lines with
  requirement wording ("must", "at least", "experience with", "a plus") are used instead;
  when it has them, a sentence outside them counts only when it says "must" / "ideally" /...
- Importance: a cue governs the skills after it, or before it when none follow
  ("C++, ideally for embedded Linux"; "Hadoop a plus"); otherwise the section decides.
- Years: "5+ years", "at least five years", "3-5 years" (the lower bound), never a contract's
  length or a company's age. With skills in the same clause they become the skills'
  min_years, otherwise the posting's experience minimum; a title's years ("(10 yrs plus)")
  when the body states none.
- Groups: skills listed with "or", "/", or after "such as", "e.g.", "one or more of the
  following", in brackets, or before "or similar" form an `any_of` group; "multiple" / "two or
  more" set its `min`. A plain "and" list and a framework with its language ("Java/Spring")
  stay separate (screener.draft.clauses).
- Words sharing a noun ("communication, negotiation and presentation skills") are read as
  if each had it.
- Qualifications: degrees, certifications and spoken languages from the same clauses, with
  the same importance (screener.draft.asked); a skill named inside a certification ("AWS
  Certified Solutions Architect") is the certification. The job's place and the right to work
  are read anywhere in the ad (screener.draft.places).

The result is commented YAML that `load_posting` accepts; each requirement's comment quotes the
sentence or list item it came from, clipped, with its ad line (screener.draft.render). It is a
draft: a recruiter should read it before screening with it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

from screener.draft.asked import asked_in_clause, certification_spans, names_degree
from screener.draft.clauses import locate, preferred_spans, unit_importance, units_of
from screener.draft.places import whereabouts
from screener.draft.reflow import reflow
from screener.draft.render import Asked, Draft, description_of, render_draft
from screener.draft.rules import (
    Line,
    classify_lines,
    is_boilerplate,
    line_importance,
    read_years,
    shared_noun_words,
    split_clauses,
    states_requirement,
    title_from,
    years_importance,
)
from screener.records import Section
from screener.rubric.qualifications import load_qualifications


def _mentions(hits: Sequence[Any], taxonomy: Any = None) -> dict[int, list[tuple[str, str]]]:
    """(skill id, matched text) per line number, from explicit and fuzzy hits.

    A platform's service ("DynamoDB") is evidence of the platform (AWS) in a resume; an ad
    that names the service asks for the service, so the platform's copy is dropped.
    """
    service_of: set[tuple[str, int, str]] = set()
    for hit in hits:
        if taxonomy is None or hit.source == "implied":
            continue
        for target in taxonomy.skills[hit.id].explicit_for:
            service_of.update((target, ev.line, ev.text) for ev in hit.evidence)
    found: dict[int, list[tuple[str, str]]] = {}
    for hit in hits:
        if hit.source == "implied":
            continue  # an ad that names Django asks for Django, not separately for Python
        for ev in hit.evidence:
            if (hit.id, ev.line, ev.text) not in service_of:
                found.setdefault(ev.line, []).append((hit.id, ev.text))
    return found


def _find_mentions(
    matcher: Any, texts: Sequence[str], lines: Sequence[Line], taxonomy: Any
) -> dict[int, list[tuple[str, str]]]:
    """Every mention per line. The recogniser keeps a few pieces of evidence per skill (enough
    for a resume); a skill the ad names more often is looked for again line by line."""
    from screener.parse.skills import MAX_EVIDENCE

    sections = _sections(lines)
    hits = matcher.find(texts, sections)
    found = _mentions(hits, taxonomy)
    capped = {h.id for h in hits if h.source != "implied" and len(h.evidence) >= MAX_EVIDENCE}
    if not capped:
        return found
    for ln in lines:
        if not ln.text or not any(h.id in capped for h in hits):
            continue
        section = (Section(name=_section_name(ln), heading="", start_line=1, end_line=1),)
        for sid, text in _mentions(matcher.find([ln.text], section), taxonomy).get(1, []):
            if sid in capped and (sid, text) not in found.get(ln.number, []):
                found.setdefault(ln.number, []).append((sid, text))
    return found


def _add_distributed(
    lines: Sequence[Line], matcher: Any, mentions: dict[int, list[tuple[str, str]]]
) -> None:
    """Skills named through a shared noun: "communication, negotiation and collaboration
    skills" asks for communication skills too, which the taxonomy knows only in full."""
    for ln in lines:
        known = {text.lower() for _, text in mentions.get(ln.number, [])}
        for word in shared_noun_words(ln.text):
            if word.lower() in known:
                continue
            for form in dict.fromkeys((word, word[:-1] if word.endswith("s") else word)):
                hits = [h for h in matcher.find_text(f"{form} skills") if h.source != "implied"]
                if hits:
                    mentions.setdefault(ln.number, []).append((hits[0].id, word))
                    break


def _candidates(
    lines: Sequence[Line], mentions: dict[int, list[tuple[str, str]]], data: Any
) -> list[tuple[Line, bool]]:
    """Lines that may state requirements, each with whether only its sentences that say so
    outright ("must", "ideally", "a plus") count.

    When the ad has requirement sections that name skills or years, their lines count, and so
    do such sentences outside any section (an intro that says "candidates must know Go");
    duties and boilerplate never do. Otherwise any non-boilerplate line with requirement
    wording or a degree counts, and skills named only in duties become preferred.
    """
    listed = [ln for ln in lines if ln.section in ("required", "preferred") and not ln.heading]
    sectioned = any(ln.number in mentions or read_years(ln.text) for ln in listed)
    result = []
    for ln in lines:
        if ln.heading or not ln.text or ln.section == "boilerplate":
            continue
        if sectioned and ln.section not in ("required", "preferred"):
            if ln.section == "other":
                result.append((ln, True))
            continue
        importance = line_importance(ln.text, ln.section)
        if importance is None and not sectioned and ln.number in mentions:
            importance = "preferred"
        if importance is None and not sectioned and names_degree(ln.text, data):
            importance = "required"
        if importance:
            result.append((ln, False))
    return result


def _clause_base(clause: str, section: str, plain: str = "preferred") -> str:
    """The importance of a clause's skills (or qualifications) before its own cues are read;
    `plain` for a clause without requirement wording outside the requirement sections."""
    if section in ("required", "preferred"):
        return section
    # skills named in passing are preferred; a degree stated plainly is asked for
    return line_importance(clause, "other") or plain


def _clause_drafts(
    clause: str, line: Line, mentions: list[tuple[str, str]], stack: Any, data: Any
) -> list[Draft]:
    certified = certification_spans(clause, data)
    items = [
        i
        for i in locate(clause, mentions)
        if not any(a < i.end and i.start < b for a, b in certified)
    ]
    years = read_years(clause)
    base = _clause_base(clause, line.section)
    spans = preferred_spans(clause, items)
    return [
        Draft(
            unit.skills,
            unit.min_count,
            unit_importance(unit, spans, base),
            years,
            clause,
            line.ad_line,
            line.number,
        )
        for unit in units_of(clause, items, stack)
    ]


def _merge(drafts: list[Draft]) -> list[Draft]:
    """One requirement per skill set: the first mention, made required if any mention is."""
    kept: dict[frozenset[str], Draft] = {}
    for d in drafts:
        key = frozenset(d.skills)
        if key not in kept:
            kept[key] = d
            continue
        first = kept[key]
        if d.importance == "required":
            first.importance = "required"
        if first.min_years is None:
            first.min_years = d.min_years
    return list(kept.values())


def _read_ad(
    lines: Sequence[Line], mentions: dict[int, list[tuple[str, str]]], stack: Any, data: Any
) -> tuple[list[Draft], tuple[float, str, int] | None, list[Asked]]:
    """Requirements drafted from the ad, the general years minimum with its clause and ad
    line, and the degrees, certifications and languages asked for."""
    drafts: list[Draft] = []
    asked: list[Asked] = []
    general: tuple[float, str, int] | None = None
    for line, strict in _candidates(lines, mentions, data):
        clauses = split_clauses(line.text)
        for i, clause in enumerate(clauses):
            if is_boilerplate(clause) or (strict and not states_requirement(clause)):
                continue
            found = _clause_drafts(clause, line, mentions.get(line.number, []), stack, data)
            following = clauses[i + 1] if i + 1 < len(clauses) else ""
            base = _clause_base(clause, line.section, plain="required")
            asked += asked_in_clause(clause, line, base, data, following)
            years = read_years(clause)
            if (
                not found
                and years is not None
                and years_importance(clause, line.section) == "required"
            ):
                if general is None or years > general[0]:
                    general = (years, clause, line.ad_line)
            drafts.extend(found)
    return _merge(drafts), general, _merge_asked(asked)


def _merge_asked(asked: list[Asked]) -> list[Asked]:
    """One requirement per kind and ids (a degree per level): the first mention, made required
    if any mention is."""
    kept: dict[tuple[str, tuple[str, ...]], Asked] = {}
    for a in asked:
        first = kept.setdefault((a.kind, a.accepted), a)
        if first is not a and a.importance == "required":
            first.importance = "required"
    return list(kept.values())


def _matcher(taxonomy: Any) -> Any:
    from screener.parse.skills import matcher_for

    return matcher_for(taxonomy)


def _section_name(line: Line) -> str:
    return "skills" if line.section in ("required", "preferred") else "other"


def _sections(lines: Sequence[Line]) -> tuple[Section, ...]:
    """The ad's requirement sections as `skills` sections for the recogniser.

    A requirements list is a skills list: the recogniser's context rules admit an ambiguous
    form there ("React on the front end", "Spark for feature pipelines") as they do in a
    resume's skills section. Everything else is `other`.
    """
    spans: list[Section] = []
    for ln in lines:
        name = _section_name(ln)
        if spans and spans[-1].name == name:
            spans[-1] = dataclasses.replace(spans[-1], end_line=ln.number)
        else:
            spans.append(Section(name=name, heading="", start_line=ln.number, end_line=ln.number))
    return tuple(spans)


def draft_posting(text: str, taxonomy: Any, source: str = "") -> str:
    """Commented posting YAML drafted from job-ad text; `load_posting` accepts it when the ad
    names at least one skill the taxonomy knows."""
    from screener.extract.text import normalise

    text = normalise(text)
    raw_lines = text.split("\n")
    pieces = reflow(raw_lines, (form for s in taxonomy.skills.values() for form in s.forms))
    texts = [p.text for p in pieces]
    lines = classify_lines(texts, [p.line for p in pieces])
    matcher = _matcher(taxonomy)
    mentions = _find_mentions(matcher, texts, lines, taxonomy)
    _add_distributed(lines, matcher, mentions)
    data = load_qualifications()
    drafts, general, asked = _read_ad(lines, mentions, _stack_test(taxonomy), data)
    if general is None and not any(d.min_years for d in drafts):
        general = _title_years(lines)
    title = title_from(raw_lines)
    asked += whereabouts(lines, data)
    return render_draft(title, description_of(lines), drafts, general, source, asked)


def _title_years(lines: Sequence[Line]) -> tuple[float, str, int] | None:
    """Years stated only in the title ("Senior Engineer (8+ yrs)") are the ad's minimum."""
    title = next((ln for ln in lines if ln.text), None)
    years = read_years(title.text) if title else None
    return (years, title.text, title.ad_line) if title and years is not None else None


def _stack_test(taxonomy: Any) -> Any:
    """Whether "a/b" names a stack (a framework and its language: "Java/Spring"), not
    alternatives ("Linux/Unix", "Ubuntu/Linux"): one implies the other across categories."""
    skills = taxonomy.skills

    def stack(a: str, b: str) -> bool:
        if a not in skills or b not in skills or skills[a].category == skills[b].category:
            return False
        return b in skills[a].implies or a in skills[b].implies

    return stack
