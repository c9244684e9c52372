"""A posting's requirement beside skills, validated into a Requirement with a Qualifier:

    - degree: bachelor               # the lowest level accepted
      fields: [computer science]     # subjects accepted, any one (none: any subject)
      or_experience_years: 4         # "or equivalent experience"
    - certification: [cka, ckad]     # an id, or a list of ids of which any one is accepted
    - language: german
      level: professional            # the lowest level accepted (none: any level)
    - location: [Berlin, Germany]    # a place or a list of places, any one
      remote: true                   # candidates elsewhere who state remote work meet it
      relocation: true               # candidates elsewhere willing to relocate meet it
    - work_authorisation: eu         # an area id, or a list of them

The keys every requirement has (importance, weight, knockout, label, id, source_text) are
checked by screener.rubric.posting, which calls `qualification_requirement`; the ids come from
skills/qualifications.yaml. Messages name the line and the fix, as for skills.
"""

from __future__ import annotations

import difflib
from typing import Any

from screener.records import Qualifier, Requirement
from screener.rubric.postingspec import (
    KINDS,
    ONLY_WITH,
    QUALIFICATION_KINDS,
    REQUIREMENT,
    SKILLS_ONLY,
    choices_of,
)
from screener.rubric.qualifications import QualificationData, load_qualifications, norm
from screener.rubric.yamllines import LineMap, LineSeq

_DEFAULT_ID = {
    "degree": "degree", "certification": "certification", "language": "language",
    "location": "location", "work_authorisation": "work-authorisation",
}  # fmt: skip


def qualification_requirement(check: Any, item: LineMap, where: str, common: dict[str, Any]
                              ) -> Requirement:
    """The Requirement for `item`, whose kind is one of QUALIFICATION_KINDS; `common` holds
    the keys every requirement has, already checked (importance, weight, knockout, ...)."""
    present = [k for k in KINDS if k in item]
    if len(present) != 1:
        raise check.fail(
            f"{where} names {' and '.join(repr(k) for k in present)}; a requirement is one "
            "skill, group or qualification", item.line_of(present[1]),
            "split it into one requirement each",
        )
    kind = present[0]
    for key, owner in ONLY_WITH.items():
        if key in item and owner != kind:
            raise check.fail(f"'{key}' in {where} only applies to '{owner}' requirements",
                             item.line_of(key), f"remove '{key}'")
    if SKILLS_ONLY in item:
        raise check.fail(f"'{SKILLS_ONLY}' in {where} only applies to skills",
                         item.line_of(SKILLS_ONLY),
                         "for a degree write 'or_experience_years', or remove it")
    data = load_qualifications()
    qualifier = _QUALIFIERS[kind](check, item, where, data)
    label = common.pop("label", "") or _label(qualifier, data)
    ident = common.pop("id", "") or f"{_DEFAULT_ID[kind]}-{'-'.join(qualifier.accepted)}"
    return Requirement(id=_slug(ident), label=label, skills=(), qualifier=qualifier, **common)


def _slug(text: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in text.lower()).split())


def _choice(check: Any, value: Any, line: int, key: str, where: str,
            data: QualificationData, many: bool = False) -> tuple[str, ...]:
    """The id(s) written for `key`, each one of the ids of its list in the data file."""
    values = list(value) if many and isinstance(value, LineSeq) else [value]
    if not values:
        raise check.fail(f"'{key}' in {where} is an empty list", line, f"name at least one {key}")
    known = choices_of(REQUIREMENT[key])
    out: list[str] = []
    for i, written in enumerate(values):
        at = value.line_of(i) if isinstance(value, LineSeq) else line
        if not isinstance(written, str) or written.strip() not in known:
            raise check.fail(f"unknown {key.replace('_', ' ')} {_shown(written)} in {where}",
                             at, _suggestion(written, known, key, data))
        if written.strip() in out:
            raise check.fail(f"'{written}' is listed twice in {where}", at, "remove one")
        out.append(written.strip())
    return tuple(out)


def _shown(value: Any) -> str:
    return "(nothing)" if value is None else repr(value) if isinstance(value, str) else str(value)


def _suggestion(written: Any, known: tuple[str, ...], key: str, data: QualificationData) -> str:
    """"did you mean 'aws-certified'?" from a name or alias ("AWS Certified Solutions
    Architect"), else the closest ids, else the list."""
    text = norm(str(written or ""))
    terms = {"degree": data.degrees, "language": data.languages.values(),
             "level": data.levels, "certification": data.certifications.values()}.get(key, ())
    for term in terms:
        if text in {norm(f) for f in (*term.forms, *term.short)}:
            return f"did you mean '{term.id}'?"
    if key == "work_authorisation":
        place = data.resolve_place(text)
        if place and data.area_of(place):
            return f"did you mean '{data.area_of(place)}'?"
    close = difflib.get_close_matches(text, known, n=2, cutoff=0.6)
    if close:
        return f"did you mean {' or '.join(repr(c) for c in close)}?"
    listed = ", ".join(known) if len(known) <= 12 else "see skills/qualifications.yaml"
    return f"use one of: {listed}"


def _degree(check: Any, item: LineMap, where: str, data: QualificationData) -> Qualifier:
    level = _choice(check, item["degree"], item.line_of("degree"), "degree", where, data)
    fields = check.text_list(item, "fields", where)
    return Qualifier(
        kind="degree", accepted=level,
        fields=tuple(" ".join(f.split()).lower() for f in fields),
        or_experience_years=check.field(item, "or_experience_years", where, REQUIREMENT),
    )


def _certification(check: Any, item: LineMap, where: str, data: QualificationData) -> Qualifier:
    ids = _choice(check, item["certification"], item.line_of("certification"), "certification",
                  where, data, many=True)
    return Qualifier(kind="certification", accepted=ids)


def _language(check: Any, item: LineMap, where: str, data: QualificationData) -> Qualifier:
    lang = _choice(check, item["language"], item.line_of("language"), "language", where, data)
    level = ()
    if "level" in item:
        level = _choice(check, item.get("level"), item.line_of("level"), "level", where, data)
    return Qualifier(kind="language", accepted=lang, level=level[0] if level else "")


def _location(check: Any, item: LineMap, where: str, data: QualificationData) -> Qualifier:
    value, line = item["location"], item.line_of("location")
    if isinstance(value, str) and value.strip():
        places = (" ".join(value.split()),)
    elif isinstance(value, LineSeq) and value:
        check.text_list(item, "location", where)  # every item is text
        places = tuple(" ".join(v.split()) for v in value)
    else:
        raise check.fail(f"'location' in {where} must be a place or a list of places, not "
                         f"{_shown(value)}", line, "write e.g. location: [Berlin, Germany]")
    return Qualifier(kind="location", accepted=places,
                     remote=check.field(item, "remote", where, REQUIREMENT),
                     relocation=check.field(item, "relocation", where, REQUIREMENT))


def _authorisation(check: Any, item: LineMap, where: str, data: QualificationData) -> Qualifier:
    key = "work_authorisation"
    areas = _choice(check, item[key], item.line_of(key), key, where, data, many=True)
    return Qualifier(kind=key, accepted=areas)


_QUALIFIERS = {
    "degree": _degree, "certification": _certification, "language": _language,
    "location": _location, "work_authorisation": _authorisation,
}
assert set(_QUALIFIERS) == set(QUALIFICATION_KINDS)


def _label(q: Qualifier, data: QualificationData) -> str:
    """What the reports print: "Bachelor's degree in computer science, or 4+ years'
    experience", "English (fluent)", "Lives in Berlin or Germany (or remote)"."""
    if q.kind == "degree":
        name = data.degrees[data.degree_rank(q.accepted[0])].name
        more = len(q.fields) - 2
        fields = list(q.fields[:2]) + ([f"{more} other subjects"] if more > 0 else [])
        subject = f" in {', '.join(fields[:-1])} or {fields[-1]}" if len(fields) > 1 else (
            f" in {fields[0]}" if fields else "")
        instead = (f", or {q.or_experience_years:g}+ years' experience"
                   if q.or_experience_years is not None else "")
        return f"{name}{subject}{instead}"
    if q.kind == "certification":
        return " or ".join(data.certifications[c].name for c in q.accepted)
    if q.kind == "language":
        name = data.languages[q.accepted[0]].name
        return f"{name} ({q.level})" if q.level else name
    if q.kind == "location":
        also = [w for w, on in (("remote", q.remote), ("relocating", q.relocation)) if on]
        besides = f" (or {' or '.join(also)})" if also else ""
        return f"Lives in {' or '.join(q.accepted)}{besides}"
    return "Right to work in " + " or ".join(data.areas[a].name for a in q.accepted)
