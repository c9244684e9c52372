"""Load and validate a posting (pipelines/*.yaml) into a `Posting` record.

A posting is the recruiter's rubric: which skills are required or preferred, how many years,
and how the 100 points are split. Every mistake is reported as a PostingError that names the
file, the line, and the fix ("unknown key 'requirments' at line 3; did you mean
'requirements'?"), so `screener posting check` is all a recruiter needs.

Only PyYAML is imported here: checking a posting must not pay for spaCy or scikit-learn.
Drafting a posting from a job ad lives in screener.draft.posting.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import yaml

from screener.errors import PostingError
from screener.records import DEFAULT_CONTEXTS, Posting, Requirement, Weights
from screener.rubric.postingspec import (
    CONTEXTS,
    EXPERIENCE,
    FLAG,
    GROUP_ONLY,
    ID_PATTERN,
    NUMBER,
    ONLY_WITH,
    POSTING,
    QUALIFICATION_KINDS,
    REQUIREMENT,
    SCORING,
    SKILL_OR_GROUP,
    TEXT,
    TEXTS,
    WEIGHTS,
    Field,
)
from screener.rubric.qualifier import qualification_requirement
from screener.rubric.yamllines import LineMap, LineSeq, load_with_lines

_ID = re.compile(ID_PATTERN)


class _Checker:
    """Turns one file's problems into PostingErrors that name the file, the line and the fix."""

    def __init__(self, source: str, taxonomy: Any) -> None:
        self.source = source
        self.taxonomy = taxonomy

    def fail(self, problem: str, line: int, fix: str) -> PostingError:
        return PostingError(f"{self.source}: {problem} at line {line}; {fix}")

    def keys(self, mapping: LineMap, allowed: Iterable[str], where: str) -> None:
        allowed = tuple(allowed)
        for key, line in mapping.duplicates:
            raise self.fail(f"duplicate key '{key}' in {where}", line, "keep only one of them")
        for key in mapping:
            if key not in allowed:
                close = difflib.get_close_matches(str(key), allowed, n=1, cutoff=0.6)
                fix = (
                    f"did you mean '{close[0]}'?"
                    if close
                    else f"allowed keys: {', '.join(allowed)}"
                )
                raise self.fail(f"unknown key '{key}' in {where}", mapping.line_of(key), fix)

    def field(self, parent: LineMap, key: str, where: str, table: Mapping[str, Field]) -> Any:
        """The value of `key` (None when not given), checked as the table says it must be."""
        spec = table[key]
        if spec.kind == NUMBER:
            return self.number(parent, key, where, positive=spec.above, maximum=spec.most)
        if spec.kind == TEXT:
            return self.text(parent, key, where, required=spec.required)
        if spec.kind == FLAG:
            return self.flag(parent, key, where)
        if spec.kind == TEXTS:
            return self.text_list(parent, key, where)
        raise ValueError(f"no plain check for a {spec.kind} ({key})")

    def mapping(self, parent: LineMap, key: str, where: str) -> LineMap:
        value = parent.get(key)
        if value is None:
            return _empty_map(parent.line_of(key))
        if not isinstance(value, LineMap):
            raise self.fail(
                f"'{key}' in {where} must be a mapping of keys, not {_kind(value)}",
                parent.line_of(key),
                f"indent its keys under '{key}:'",
            )
        return value

    def text(self, parent: LineMap, key: str, where: str, *, required: bool = False) -> str:
        value = parent.get(key)
        if value is None:
            if required:
                raise self.fail(f"missing '{key}' in {where}", parent.line, f"add '{key}: ...'")
            return ""
        if not isinstance(value, str) or (required and not value.strip()):
            raise self.fail(
                f"'{key}' in {where} must be text, not {_kind(value)}",
                parent.line_of(key),
                f'write e.g. {key}: "Back-end developer"',
            )
        return value.strip()

    def number(
        self,
        parent: LineMap,
        key: str,
        where: str,
        *,
        positive: bool = False,
        maximum: float | None = None,
    ) -> float | None:
        value = parent.get(key)
        if value is None:
            return None
        line = parent.line_of(key)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise self.fail(
                f"'{key}' in {where} must be a number, not {_kind(value)}",
                line,
                f"write e.g. {key}: 5",
            )
        if value < 0 or (positive and value == 0):
            bound = "more than 0" if positive else "0 or more"
            raise self.fail(
                f"'{key}: {value}' in {where} must be {bound}", line, f"use a number {bound}"
            )
        if maximum is not None and value > maximum:
            raise self.fail(
                f"'{key}: {value}' in {where} is more than {maximum:g}",
                line,
                f"use a number up to {maximum:g}",
            )
        return float(value)

    def flag(self, parent: LineMap, key: str, where: str) -> bool:
        value = parent.get(key, False)
        if value is None:
            return False
        if not isinstance(value, bool):
            raise self.fail(
                f"'{key}' in {where} must be true or false, not {_kind(value)}",
                parent.line_of(key),
                f"write {key}: true or {key}: false",
            )
        return value

    def text_list(self, parent: LineMap, key: str, where: str) -> LineSeq:
        value = parent.get(key)
        if value is None:
            return LineSeq()
        if not isinstance(value, LineSeq):
            raise self.fail(
                f"'{key}' in {where} must be a list, not {_kind(value)}",
                parent.line_of(key),
                f"write e.g. {key}: [a, b]",
            )
        for i, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                raise self.fail(
                    f"item {i + 1} of '{key}' in {where} must be text, not {_kind(item)}",
                    value.line_of(i),
                    "quote it or remove it",
                )
        return value

    def skill_id(self, value: Any, line: int, where: str) -> str:
        if not isinstance(value, str) or not value.strip():
            raise self.fail(
                f"the skill in {where} must be a skill id, not {_kind(value)}",
                line,
                "write a taxonomy id such as postgresql (see `screener taxonomy list`)",
            )
        skill = value.strip()
        if skill in self.taxonomy.skills:
            return skill
        suggestions = _suggest(self.taxonomy, skill)
        fix = (
            f"did you mean {' or '.join(repr(s) for s in suggestions)}?"
            if suggestions
            else "see `screener taxonomy list` for the known ids"
        )
        raise self.fail(f"unknown skill '{skill}' in {where}", line, fix)


def _empty_map(line: int) -> LineMap:
    result = LineMap()
    result.line = line
    result.key_lines, result.value_lines, result.duplicates = {}, {}, []
    return result


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"'{str(value).lower()}'"
    if isinstance(value, (dict, list)):
        return "a mapping" if isinstance(value, dict) else "a list"
    return f"'{value}'"


def _suggest(taxonomy: Any, written: str) -> list[str]:
    """Ids to offer for an unknown skill: a name/alias match first, then the closest ids."""
    lowered = written.lower()
    for skill_id in sorted(taxonomy.skills):
        skill = taxonomy.skills[skill_id]
        names = [str(skill.name)] + [str(a) for a in getattr(skill, "aliases", ())]
        if any(lowered == n.lower() for n in names):
            return [skill_id]
    return list(taxonomy.closest(written, n=3))


# --------------------------------------------------------------------------- requirements


def _skill_name(taxonomy: Any, skill_id: str) -> str:
    skill = taxonomy.skills.get(skill_id)
    return str(skill.name) if skill is not None else skill_id


def _group_label(taxonomy: Any, skills: tuple[str, ...], min_count: int) -> str:
    names = ", ".join(_skill_name(taxonomy, s) for s in skills)
    if len(skills) == 1:
        return names
    return f"one of {names}" if min_count == 1 else f"{min_count} of {names}"


def _requirement_skills(check: _Checker, item: LineMap, where: str) -> tuple[tuple[str, ...], int]:
    """The skill ids of one requirement and how many of them must be present."""
    skill_key, group_key = SKILL_OR_GROUP  # the same rule as the schema's oneOf
    has_skill, has_group = skill_key in item, group_key in item
    if has_skill == has_group:
        raise check.fail(
            f"{where} needs exactly one of 'skill' or 'any_of'",
            item.line,
            "write '- skill: postgresql' or '- any_of: [python, nodejs]' with 'min: 1'",
        )
    if has_skill:
        if GROUP_ONLY in item:
            raise check.fail(
                f"'min' in {where} only applies to 'any_of' groups",
                item.line_of("min"),
                "remove 'min' or turn 'skill' into 'any_of: [...]'",
            )
        return (check.skill_id(item[skill_key], item.line_of(skill_key), where),), 1
    group = item[group_key]
    if not isinstance(group, LineSeq) or not group:
        raise check.fail(
            f"'any_of' in {where} must be a non-empty list of skill ids",
            item.line_of("any_of"),
            "write e.g. any_of: [python, nodejs, php]",
        )
    skills = tuple(check.skill_id(s, group.line_of(i), where) for i, s in enumerate(group))
    for i, skill in enumerate(skills):
        if skill in skills[:i]:
            raise check.fail(
                f"'{skill}' is listed twice in {where}", group.line_of(i), "remove one"
            )
    min_count = item.get(GROUP_ONLY, REQUIREMENT[GROUP_ONLY].default)
    if isinstance(min_count, bool) or not isinstance(min_count, int) or min_count < 1:
        raise check.fail(
            f"'min' in {where} must be a whole number of 1 or more, not {_kind(min_count)}",
            item.line_of("min"),
            "write e.g. min: 2",
        )
    if min_count > len(skills):
        raise check.fail(
            f"'min: {min_count}' in {where} is more than the {len(skills)} skills in the group",
            item.line_of("min"),
            f"lower min to at most {len(skills)} or add skills",
        )
    return skills, min_count


def _requirement(check: _Checker, item: Any, line: int, number: int, taxonomy: Any) -> Requirement:
    where = f"requirement {number}"
    if not isinstance(item, LineMap):
        raise check.fail(
            f"{where} must be a mapping, not {_kind(item)}",
            line,
            "write '- skill: postgresql' (a dash, then key: value)",
        )
    check.keys(item, REQUIREMENT, where)
    common = _common(check, item, where)
    if any(kind in item for kind in QUALIFICATION_KINDS):  # degree, certification, ...
        return qualification_requirement(check, item, where, common)
    for key, owner in ONLY_WITH.items():
        if key in item and key != GROUP_ONLY:
            raise check.fail(f"'{key}' in {where} only applies to '{owner}' requirements",
                             item.line_of(key), f"remove '{key}'")
    skills, min_count = _requirement_skills(check, item, where)
    label, req_id = common.pop("label"), common.pop("id")
    return Requirement(
        id=req_id or "-".join(skills),
        label=label or _group_label(taxonomy, skills, min_count),
        skills=skills,
        min_count=min_count,
        min_years=check.field(item, "min_years", where, REQUIREMENT),
        **common,
    )


def _common(check: _Checker, item: LineMap, where: str) -> dict[str, Any]:
    """The keys every requirement has, checked: importance, weight, knockout, label, id,
    source_text ("" for a label or id not given)."""
    importance = item.get("importance", REQUIREMENT["importance"].default)
    if importance not in REQUIREMENT["importance"].choices:
        raise check.fail(
            f"'importance' in {where} must be required or preferred, not {_kind(importance)}",
            item.line_of("importance"),
            "write importance: required or importance: preferred",
        )
    req_id = check.text(item, "id", where)
    if "id" in item and req_id and not _ID.match(req_id):
        raise check.fail(
            f"'id: {req_id}' in {where} is not a slug",
            item.line_of("id"),
            "use lowercase letters, digits and dashes, e.g. id: backend-languages",
        )
    weight = check.field(item, "weight", where, REQUIREMENT)
    return {
        "importance": importance,
        "weight": 1.0 if weight is None else weight,
        "knockout": check.field(item, "knockout", where, REQUIREMENT),
        "source_text": check.field(item, "source_text", where, REQUIREMENT),
        "label": check.field(item, "label", where, REQUIREMENT),
        "id": req_id,
    }


def _requirements(check: _Checker, doc: LineMap, taxonomy: Any) -> tuple[Requirement, ...]:
    items = doc.get("requirements")
    if "requirements" not in doc:
        raise check.fail(
            "missing 'requirements'",
            doc.line,
            "add 'requirements:' with at least one '- skill: ...' item",
        )
    if items is None:
        items = LineSeq()
    if not isinstance(items, LineSeq):
        raise check.fail(
            f"'requirements' must be a list, not {_kind(items)}",
            doc.line_of("requirements"),
            "list each requirement on its own line, e.g. '- skill: python'",
        )
    if not items:
        raise check.fail(
            "'requirements' is empty",
            doc.line_of("requirements"),
            "list at least one requirement, e.g. '- skill: python'",
        )
    result = tuple(
        _requirement(check, item, items.line_of(i), i + 1, taxonomy) for i, item in enumerate(items)
    )
    seen: dict[str, int] = {}
    for i, req in enumerate(result):
        if req.id in seen:
            raise check.fail(
                f"duplicate requirement id '{req.id}' (also requirement {seen[req.id] + 1})",
                items.line_of(i),
                "merge them or give one a different 'id:'",
            )
        seen[req.id] = i
    return result


# --------------------------------------------------------------------------- experience, scoring


def _experience(check: _Checker, doc: LineMap) -> dict[str, Any]:
    section = check.mapping(doc, "experience", "the posting")
    where = "'experience'"
    check.keys(section, EXPERIENCE, where)
    titles = check.field(section, "relevant_titles", where, EXPERIENCE)
    skills = check.text_list(section, "relevant_skills", where)
    return {
        "min_years": check.field(section, "min_years", where, EXPERIENCE),
        "min_relevant_years": check.field(section, "min_relevant_years", where, EXPERIENCE),
        "relevant_titles": tuple(t.strip().lower() for t in titles),
        "relevant_skills": tuple(
            check.skill_id(s, skills.line_of(i), f"{where} relevant_skills")
            for i, s in enumerate(skills)
        ),
        "years_knockout": check.field(section, "knockout", where, EXPERIENCE),
    }


def _scoring(check: _Checker, doc: LineMap) -> tuple[Weights, bool, LineMap]:
    section = check.mapping(doc, "scoring", "the posting")
    check.keys(section, SCORING, "'scoring'")
    weights_map = check.mapping(section, "weights", "'scoring'")
    check.keys(weights_map, WEIGHTS, "'scoring: weights'")
    given = {k: check.field(weights_map, k, "'scoring: weights'", WEIGHTS) for k in WEIGHTS}
    weights = Weights(**{k: v for k, v in given.items() if v is not None})
    return weights, check.field(section, "count_implied", "'scoring'", SCORING), weights_map


def _check_weights(
    check: _Checker,
    weights: Weights,
    reqs: tuple[Requirement, ...],
    experience: dict[str, Any],
    weights_map: LineMap,
) -> None:
    """The parts this posting actually uses must be able to earn points."""
    used = {
        "required": any(r.importance == "required" for r in reqs),
        "preferred": any(r.importance == "preferred" for r in reqs),
        "years": experience["min_years"] is not None
        or experience["min_relevant_years"] is not None,
        "similarity": True,
    }
    if sum(getattr(weights, k) for k, on in used.items() if on) <= 0:
        parts = ", ".join(k for k, on in used.items() if on)
        raise check.fail(
            f"the weights of the parts this posting uses ({parts}) add up to 0",
            weights_map.line,
            "give at least one of them a weight above 0",
        )


def _contexts(check: _Checker, doc: LineMap) -> dict[str, float]:
    """What a mention is worth by where it stands: the defaults with the posting's overrides."""
    section = check.mapping(doc, "contexts", "the posting")
    check.keys(section, CONTEXTS, "'contexts'")
    values = dict(DEFAULT_CONTEXTS)
    for key in section:
        value = check.field(section, key, "'contexts'", CONTEXTS)
        if value is None and not CONTEXTS[key].null:
            raise check.fail(
                f"'{key}' in 'contexts' has no value", section.line_of(key),
                f"write e.g. {key}: 0.5 (0 = not counted, 1 = counts fully)",
            )
        values[key] = value
    return values


def load_posting(path: str | Path, taxonomy: Any) -> Posting:
    """Read, validate and return the posting at `path`; skill ids are checked against `taxonomy`."""
    source = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PostingError(f"{source}: no such posting file; check the path") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise PostingError(
            f"{source}: cannot read the posting ({exc}); save it as UTF-8 text"
        ) from None
    return parse_posting(text, taxonomy, source=source, posting_id=Path(path).stem)


def parse_posting(
    text: str, taxonomy: Any, *, source: str = "<posting>", posting_id: str = "posting"
) -> Posting:
    """Validate posting YAML given as text (used by load_posting and by tests of drafts)."""
    check = _Checker(source, taxonomy)
    try:
        doc = load_with_lines(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        raise check.fail(
            f"YAML syntax error ({exc.problem})",
            line,
            "check the indentation and quote text that contains ': ' or '#'",
        ) from None
    except yaml.YAMLError as exc:
        raise PostingError(f"{source}: YAML syntax error ({exc}); check the file is YAML") from None
    except RecursionError:
        raise PostingError(
            f"{source}: lists or mappings nested too deeply to read (a posting needs a few "
            "levels); check it is a posting YAML"
        ) from None
    if not isinstance(doc, LineMap):
        raise check.fail(
            f"the posting must be a mapping of keys, not {_kind(doc)}",
            1,
            "start with 'title: ...' and 'requirements:'",
        )
    check.keys(doc, POSTING, "the posting")
    title = check.field(doc, "title", "the posting", POSTING)
    requirements = _requirements(check, doc, taxonomy)
    experience = _experience(check, doc)
    weights, count_implied, weights_map = _scoring(check, doc)
    _check_weights(check, weights, requirements, experience, weights_map)
    return Posting(
        id=posting_id,
        title=title,
        path=source,
        requirements=requirements,
        weights=weights,
        count_implied=count_implied,
        description=check.field(doc, "description", "the posting", POSTING),
        contexts=_contexts(check, doc),
        **experience,
    )
