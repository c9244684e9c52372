"""Draft a posting YAML from the text of a job ad.

The draft uses the same skill recogniser as resumes (screener.parse.skills.SkillMatcher), so a
posting can only ask for what screener can find. It reads the ad the way a recruiter would:

- Sections: headings such as "Requirements" / "Qualifications" / "What you'll need" mark
  required items, "Nice to have" / "Preferred" / "Bonus" mark preferred ones; interview
  questions, company background, salary, benefits and article-style headings ("What are...",
  "How much...") are boilerplate and ignored. When an ad has no such headings, lines with
  requirement wording ("must", "at least", "experience with", "a plus") are used instead.
- A line's own wording overrides its section ("Kafka is a plus" under Requirements).
- Years: "5+ years", "at least five years", "3-5 years" (the lower bound). With skills on the
  same clause they become the skills' min_years, otherwise the posting's experience minimum.
- Alternatives: skills listed together with "or", "/", "such as", "e.g.", "one of" form an
  `any_of` group; "multiple" / "two or more" set its `min`. A plain "and" list stays separate.

The result is commented YAML that `load_posting` accepts; each requirement's comment quotes the
ad line it came from. It is a draft: a recruiter should read it before screening with it.
"""

from __future__ import annotations

import dataclasses
import re
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from screener.draft.rules import (
    Line,
    classify_lines,
    group_min,
    is_alternative_list,
    line_importance,
    read_years,
    split_clauses,
    title_from,
    years_importance,
)
from screener.records import Section


@dataclass
class _Item:
    """One skill mention on a requirement line, with its place in the clause."""

    skill: str
    start: int
    end: int


@dataclass
class _Draft:
    skills: tuple[str, ...]
    min_count: int
    importance: str
    min_years: float | None
    source: str
    line: int
    notes: list[str] = field(default_factory=list)


def _mentions(hits: Sequence[Any]) -> dict[int, list[tuple[str, str]]]:
    """(skill id, matched text) per line number, from explicit and fuzzy hits."""
    found: dict[int, list[tuple[str, str]]] = {}
    for hit in hits:
        if hit.source == "implied":
            continue  # an ad that names Django asks for Django, not separately for Python
        for ev in hit.evidence:
            found.setdefault(ev.line, []).append((hit.id, ev.text))
    return found


def _find_word(clause: str, text: str) -> tuple[int, int] | None:
    """The span of `text` as a whole word in the clause, preferring the exact case ("R", "Go")."""
    if not text:
        return None
    pattern = r"(?<![\w+#])" + re.escape(text) + r"(?![\w+#])"
    match = re.search(pattern, clause) or re.search(pattern, clause, re.IGNORECASE)
    return match.span() if match else None


def _locate(clause: str, mentions: list[tuple[str, str]]) -> list[_Item]:
    """Where each mentioned skill sits in the clause, in reading order, one item per skill."""
    items: list[_Item] = []
    for skill_id, text in mentions:
        span = _find_word(clause, text)
        if span is not None:
            items.append(_Item(skill_id, *span))
    items.sort(key=lambda i: (i.start, -i.end))
    merged: list[_Item] = []
    for item in items:
        if merged and item.start < merged[-1].end:
            continue  # overlapping mention of the same words ("Amazon Web Services (AWS)")
        if merged and item.skill == merged[-1].skill:
            merged[-1].end = item.end
            continue
        if any(m.skill == item.skill for m in merged):
            continue
        merged.append(item)
    return merged


_CONNECTOR = re.compile(
    r"^[\s,;/&()]*(?:(?:and/or|and|or|as well as|plus)\b[\s,/&()]*)?$", re.IGNORECASE
)


def _lists(clause: str, items: list[_Item]) -> list[list[_Item]]:
    """Split the clause's skills into runs joined only by commas, 'and', 'or', '/'."""
    runs: list[list[_Item]] = []
    for item in items:
        if runs and _CONNECTOR.match(clause[runs[-1][-1].end : item.start]):
            runs[-1].append(item)
        else:
            runs.append([item])
    return runs


_CUE_WINDOW = 60  # how far before a list its "such as" / "multiple" may stand


def _candidates(
    lines: Sequence[Line], mentions: dict[int, list[tuple[str, str]]]
) -> list[tuple[Line, str]]:
    """Lines that state requirements, with their importance.

    When the ad has requirement sections that name skills or years, only their lines count;
    otherwise any non-boilerplate line with requirement wording does, and skills named only in
    duties become preferred.
    """
    listed = [ln for ln in lines if ln.section in ("required", "preferred") and not ln.heading]
    sectioned = any(ln.number in mentions or read_years(ln.text) for ln in listed)
    result = []
    for ln in lines:
        if ln.heading or not ln.text or ln.section == "boilerplate":
            continue
        if sectioned and ln.section not in ("required", "preferred"):
            continue
        importance = line_importance(ln.text, ln.section)
        if importance is None and not sectioned and ln.number in mentions:
            importance = "preferred"
        if importance:
            result.append((ln, importance))
    return result


def _clause_drafts(
    clause: str, line: Line, importance: str, mentions: list[tuple[str, str]]
) -> list[_Draft]:
    items = _locate(clause, mentions)
    years = read_years(clause)
    drafts: list[_Draft] = []
    previous_end = 0
    for run in _lists(clause, items):
        prefix = clause[previous_end : run[0].start][-_CUE_WINDOW:]
        previous_end = run[-1].end
        joins = [clause[a.end : b.start] for a, b in zip(run, run[1:])]
        if len(run) > 1 and is_alternative_list(prefix, joins):
            skills = tuple(i.skill for i in run)
            drafts.append(
                _Draft(
                    skills,
                    group_min(prefix, len(skills)),
                    importance,
                    years,
                    line.text,
                    line.number,
                )
            )
        else:
            drafts.extend(
                _Draft((i.skill,), 1, importance, years, line.text, line.number) for i in run
            )
    return drafts


def _merge(drafts: list[_Draft]) -> list[_Draft]:
    """One requirement per skill set: the first mention, made required if any mention is."""
    kept: dict[frozenset[str], _Draft] = {}
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
    lines: Sequence[Line], mentions: dict[int, list[tuple[str, str]]]
) -> tuple[list[_Draft], tuple[float, Line] | None]:
    """Requirements drafted from the ad, and the general years minimum with its line."""
    drafts: list[_Draft] = []
    general: tuple[float, Line] | None = None
    for line, _importance in _candidates(lines, mentions):
        for clause in split_clauses(line.text):
            # a clause without cue words of its own: skills named in passing are preferred
            clause_importance = line_importance(clause, line.section) or "preferred"
            found = _clause_drafts(clause, line, clause_importance, mentions.get(line.number, []))
            years = read_years(clause)
            if (
                not found
                and years is not None
                and years_importance(clause, line.section) == "required"
            ):
                if general is None or years > general[0]:
                    general = (years, line)
            drafts.extend(found)
    return _merge(drafts), general


# --------------------------------------------------------------------------- writing the YAML


def _quote(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    import json

    return json.dumps(text, ensure_ascii=False)


def _comment(text: str, indent: str, lead: str = "") -> list[str]:
    body = lead + _quote(" ".join(text.split()))
    return [f"{indent}# {part}" for part in textwrap.wrap(body, width=92, break_long_words=False)]


def _unbullet(text: str) -> str:
    return re.sub(r"^(?:•|\d{1,2}[.)])\s+", "", text).strip()


def _requirement_yaml(d: _Draft, quote: bool = True) -> list[str]:
    out = _comment(_unbullet(d.source), "  ", f"line {d.line}: ") if quote else []
    if len(d.skills) == 1:
        out.append(f"  - skill: {d.skills[0]}")
    else:
        out.append(f"  - any_of: [{', '.join(d.skills)}]")
        out.append(f"    min: {d.min_count}")
    if d.importance != "required":
        out.append(f"    importance: {d.importance}")
    if d.min_years is not None:
        out.append(f"    min_years: {d.min_years:g}")
    return out


def _description(lines: Sequence[Line], limit: int = 700) -> str:
    """Duties and requirement lines (their bullets if any), for the TF-IDF tie-breaker."""
    body = [
        ln
        for ln in lines
        if not ln.heading and ln.text and ln.section in ("duties", "required", "preferred")
    ]
    picked = [_unbullet(ln.text) for ln in body if ln.bullet] or [ln.text for ln in body]
    if not picked:
        picked = [
            ln.text for ln in lines if not ln.heading and ln.text and ln.section != "boilerplate"
        ]
    picked = [p if p[-1] in ".!?;:" else p + "." for p in picked]
    text = " ".join(" ".join(picked).split())
    if len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0]
    return text


def _wrapped(key: str, text: str) -> list[str]:
    """A long double-quoted scalar over several lines (YAML folds each break into a space)."""
    parts = textwrap.wrap(
        f"{key}: {_quote(text)}", width=96, break_long_words=False, break_on_hyphens=False
    )
    return parts[:1] + ["  " + p for p in parts[1:]]


def _experience_yaml(general: tuple[float, Line] | None, title: str) -> list[str]:
    if general is None:
        return ["experience: {}  # the ad states no minimum years; add min_years: N if it should"]
    years, line = general
    word = title.lower()
    return [
        "experience:",
        *_comment(_unbullet(line.text), "  ", f"line {line.number}: "),
        f"  min_years: {years:g}",
        "  # To count only years in this line of work, uncomment and adjust:",
        f"  # min_relevant_years: {years:g}",
        f"  # relevant_titles: [{_quote(word)}]",
    ]


def render_draft(
    title: str,
    description: str,
    drafts: Sequence[_Draft],
    general: tuple[float, Line] | None,
    source: str,
) -> str:
    out = [
        f"# Drafted by `screener posting draft` from {source or 'a job ad'}.",
        "# Review before screening: is each item really required, are the groups and years right?",
        "# Then run `screener posting check FILE`. Comments quote the ad line each item came from.",
        f"title: {_quote(title)}",
        *_wrapped("description", description),
    ]
    if drafts:
        out.append("requirements:")
        previous = 0
        for d in sorted(drafts, key=lambda d: (d.importance != "required", d.line)):
            out.extend(_requirement_yaml(d, quote=d.line != previous))  # quote each line once
            previous = d.line
    else:
        out.append(
            "requirements: []  # no skill from the taxonomy was found: add '- skill: ID' items"
        )
    out.extend(_experience_yaml(general, title))
    out += [
        "scoring:",
        "  weights: {required: 60, preferred: 15, years: 20, similarity: 5}",
        "  count_implied: false  # true lets Django count as Python, and so on",
    ]
    return "\n".join(out) + "\n"


def _matcher(taxonomy: Any) -> Any:
    from screener.parse.skills import matcher_for

    return matcher_for(taxonomy)


def _sections(lines: Sequence[Line]) -> tuple[Section, ...]:
    """The ad's requirement sections as `skills` sections for the recogniser.

    A requirements list is a skills list: the recogniser's context rules admit an ambiguous
    form there ("React on the front end", "Spark for feature pipelines") as they do in a
    resume's skills section. Everything else is `other`.
    """
    spans: list[Section] = []
    for ln in lines:
        name = "skills" if ln.section in ("required", "preferred") else "other"
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
    lines = classify_lines(raw_lines)
    hits = _matcher(taxonomy).find(raw_lines, _sections(lines))
    mentions = _mentions(hits)
    drafts, general = _read_ad(lines, mentions)
    title = title_from(raw_lines)
    return render_draft(title, _description(lines), drafts, general, source)
