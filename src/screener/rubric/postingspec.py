"""What a posting may say, as tables: every key, what kind of value it holds, its bounds.

Both readers of postings work from these tables, so they cannot disagree: the validator
(screener.rubric.posting) checks a posting against them, with messages that name the line and
the fix, and `schema()` writes them as the JSON Schema editors use for completion
(schemas/posting.schema.json; `screener posting schema` prints it, and a test keeps the
committed file equal to it). A few rules only the validator can check, because they need the
taxonomy or more than one value at once: a skill id must exist in the taxonomy; an any_of
group's `min` is at most its size; requirement ids are unique; the weights the posting uses do
not add up to 0; no key is written twice.

In YAML a key written with no value (`min_years:`) is null; the validator reads it as not
given, except where noted (`null=False`), and the schema allows null there too.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any

from screener.records import DEFAULT_CONTEXTS, Weights
from screener.rubric.taxonomy import SLUG as SKILL_SLUG

MAX_YEARS = 60
IMPORTANCE = ("required", "preferred")
ID_PATTERN = r"^[a-z0-9][a-z0-9._+-]*$"  # a requirement's own id (not a skill id)
# A requirement names one skill or a group; `min` belongs to groups only.
SKILL_OR_GROUP = ("skill", "any_of")
GROUP_ONLY = "min"
# ... or one qualification beside skills (skills/qualifications.yaml); its own keys go with it.
QUALIFICATION_KINDS = ("degree", "certification", "language", "location", "work_authorisation")
KINDS = SKILL_OR_GROUP + QUALIFICATION_KINDS
ONLY_WITH = {
    GROUP_ONLY: "any_of", "fields": "degree", "or_experience_years": "degree",
    "level": "language", "remote": "location", "relocation": "location",
}
SKILLS_ONLY = "min_years"  # per-skill years: no meaning for a qualification

# Kinds of value. Each is checked by the validator method of the same name and written to the
# schema by `_KIND_SCHEMA`.
TEXT, NUMBER, FLAG, CHOICE, SLUG = "text", "number", "flag", "choice", "slug"
SKILL, GROUP, COUNT = "skill", "group", "count"  # one skill id; an any_of list; its `min`
TEXTS, SKILLS = "texts", "skills"  # lists that may be empty
CHOICES, PLACES = "choices", "places"  # one choice or a list of them; a place or a list
SECTION, REQUIREMENTS = "section", "requirements"


@dataclass(frozen=True)
class Field:
    """One key: the kind of its value, its bounds, and what the schema tells an editor."""

    kind: str
    about: str = ""
    required: bool = False  # the posting is invalid without it (text: and not blank)
    null: bool = True  # a key with no value counts as not given
    above: bool = False  # a number must be more than 0, not 0 or more
    most: float | None = None  # a number's largest allowed value
    default: Any = None  # shown in the schema; the validator's defaults live in records
    choices: tuple[str, ...] = ()  # the values a choice may take
    keys: Mapping[str, Field] | None = None  # a section's own keys
    vocabulary: str = ""  # the choices are the ids of this list of skills/qualifications.yaml


def choices_of(spec: Field) -> tuple[str, ...]:
    """The values a choice may take: its own, or the ids of its qualifications list (loaded
    only when asked: a posting of skills alone does not read the data file)."""
    if not spec.vocabulary:
        return spec.choices
    from screener.rubric.qualifications import load_qualifications

    data = load_qualifications()
    listed = getattr(data, spec.vocabulary)
    return tuple(t.id for t in (listed.values() if isinstance(listed, dict) else listed))


def _years(about: str) -> Field:
    return Field(NUMBER, about, most=MAX_YEARS)


def _worth(key: str, about: str = "") -> Field:
    return Field(NUMBER, about, null=False, most=1, default=DEFAULT_CONTEXTS[key])


REQUIREMENT: dict[str, Field] = {
    "skill": Field(SKILL),
    "any_of": Field(GROUP),
    "min": Field(COUNT, "How many skills of the any_of group must be present (at most the "
                 "group's size).", default=1),
    "importance": Field(CHOICE, choices=IMPORTANCE, default="required"),
    "min_years": _years("Years the candidate must show with the skill."),
    "weight": Field(NUMBER, "Share of its part (required or preferred) relative to the other "
                    "requirements.", above=True, default=1),
    "knockout": Field(FLAG, "Exclude candidates who miss this requirement (unknown never "
                      "excludes).", default=False),
    "degree": Field(CHOICE, "The lowest degree level accepted (a higher one meets it too).",
                    vocabulary="degrees"),
    "fields": Field(TEXTS, "Degree subjects accepted, any one ('computer science'); none: any "
                    "subject."),
    "or_experience_years": _years("Total years of experience accepted instead of the degree "
                                  "('or equivalent experience')."),
    "certification": Field(CHOICES, "A certification id, or a list of ids of which any one is "
                           "accepted.", vocabulary="certifications"),
    "language": Field(CHOICE, "A spoken language.", vocabulary="languages"),
    "level": Field(CHOICE, "The lowest level of the language accepted (CEFR A1-A2 basic, B1 "
                   "conversational, B2 professional, C1 fluent, C2 native).", vocabulary="levels"),
    "location": Field(PLACES, "Where the candidate must live: a city, region or country, or a "
                      "list of them (any one)."),
    "remote": Field(FLAG, "Candidates elsewhere who state remote work meet the location too.",
                    default=False),
    "relocation": Field(FLAG, "Candidates elsewhere willing to relocate meet the location too.",
                        default=False),
    "work_authorisation": Field(CHOICES, "Where the candidate must have the right to work: an "
                                "area (us, uk, eu, ...) or a list of them (any one).",
                                vocabulary="areas"),
    "label": Field(TEXT, "What the recruiter reads in reports."),
    "id": Field(SLUG, "Unique within the posting; defaults to the skill id(s) joined by '-'."),
    "source_text": Field(TEXT, "The job-ad line the requirement came from."),
}

EXPERIENCE: dict[str, Field] = {
    "min_years": _years("Total professional years."),
    "min_relevant_years": _years("Years in positions relevant to this posting."),
    "relevant_titles": Field(TEXTS, "Words in a job title that make a position relevant "
                             "(developer, engineer, ...)."),
    "relevant_skills": Field(SKILLS, "Skill ids whose mention makes a position relevant."),
    "knockout": Field(FLAG, "Exclude candidates whose known years are below the minimum "
                      "(unknown years never exclude).", default=False),
}

WEIGHTS: dict[str, Field] = {
    f.name: Field(NUMBER, default=f.default) for f in fields(Weights)  # type: ignore[arg-type]
}

SCORING: dict[str, Field] = {
    "weights": Field(SECTION, "How the points are split. A part the posting does not use gives "
                     "its weight to the others in proportion.", keys=WEIGHTS),
    "count_implied": Field(FLAG, "May a skill implied by another (Django -> Python) satisfy a "
                           "requirement?", default=False),
}

CONTEXTS: dict[str, Field] = {
    "position": _worth("position", "The duties of a dated position."),
    "project": _worth("project", "A project."),
    "experience": _worth("experience", "Experience-section text outside any dated position."),
    "skills": _worth("skills", "A skills list (a bare listing)."),
    "summary": _worth("summary", "The summary or profile."),
    "backed_listing": _worth("backed_listing", "A skills-list or summary mention on a resume "
                             "with a dated position in the posting's field (experience: "
                             "relevant_titles, relevant_skills)."),
    "certifications": _worth("certifications"),
    "other": _worth("other", "Any other section (header, awards, volunteer, ...)."),
    "education": _worth("education", "Education, courses, training."),
    "interests": _worth("interests", "Interests and hobbies."),
}

POSTING: dict[str, Field] = {
    "title": Field(TEXT, "The job title shown in reports.", required=True),
    "description": Field(TEXT, "Free text about the job; resumes are compared with it (TF-IDF) "
                         "to break near-ties."),
    "requirements": Field(REQUIREMENTS, "What the candidate must or should have: single skills, "
                          "groups of alternatives, or a degree, certification, language, location "
                          "or work authorisation.", required=True),
    "experience": Field(SECTION, keys=EXPERIENCE),
    "scoring": Field(SECTION, keys=SCORING),
    "contexts": Field(SECTION, "What a skill mention is worth (0 = not counted, 1 = counts "
                      "fully) by where it stands; a requirement takes the best among its skill's "
                      "mentions. Mentions the resume denies or wishes for count 0 whatever is "
                      "set here.", keys=CONTEXTS),
}

# --------------------------------------------------------------------------- the JSON Schema

_SKILL_REF = {"$ref": "#/$defs/skill_id"}


def _nullable(kind: str | list[str], spec: Field) -> str | list[str]:
    kinds = [kind] if isinstance(kind, str) else kind
    return [*kinds, "null"] if spec.null and not spec.required else kind


def _number(spec: Field) -> dict[str, Any]:
    out: dict[str, Any] = {"type": _nullable("number", spec)}
    out["exclusiveMinimum" if spec.above else "minimum"] = 0
    if spec.most is not None:
        out["maximum"] = spec.most
    return out


def _text(spec: Field) -> dict[str, Any]:
    if spec.required:  # and not blank
        return {"type": "string", "pattern": r"\S"}
    return {"type": _nullable("string", spec)}


_KIND_SCHEMA = {
    TEXT: _text,
    NUMBER: _number,
    FLAG: lambda spec: {"type": _nullable("boolean", spec)},
    CHOICE: lambda spec: _choice(spec),
    CHOICES: lambda spec: {"oneOf": [
        _choice(spec), {"type": "array", "minItems": 1, "uniqueItems": True,
                        "items": _choice(spec)}]},
    PLACES: lambda spec: {"oneOf": [
        {"type": "string", "pattern": r"\S"},
        {"type": "array", "minItems": 1, "items": {"type": "string", "pattern": r"\S"}}]},
    SLUG: lambda spec: {"type": _nullable("string", spec), "pattern": ID_PATTERN},
    SKILL: lambda spec: dict(_SKILL_REF),
    GROUP: lambda spec: {"type": "array", "minItems": 1, "uniqueItems": True,
                         "items": dict(_SKILL_REF)},
    COUNT: lambda spec: {"type": "integer", "minimum": 1},
    TEXTS: lambda spec: {"type": _nullable("array", spec),
                         "items": {"type": "string", "pattern": r"\S"}},
    SKILLS: lambda spec: {"type": _nullable("array", spec), "items": dict(_SKILL_REF)},
    SECTION: lambda spec: _object(spec.keys or {}, nullable=True),
    REQUIREMENTS: lambda spec: {"type": "array", "minItems": 1,
                                "items": {"$ref": "#/$defs/requirement"}},
}


def _choice(spec: Field) -> dict[str, Any]:
    """An enum; a data-file list's ids once, in $defs, however many keys take them."""
    if spec.vocabulary:
        return {"$ref": f"#/$defs/{spec.vocabulary}"}
    return {"enum": list(spec.choices)}


def _vocabularies() -> dict[str, Any]:
    used = sorted({spec.vocabulary for spec in REQUIREMENT.values() if spec.vocabulary})
    return {
        name: {"enum": list(choices_of(Field(CHOICE, vocabulary=name))),
               "description": f"An id of '{name}' in skills/qualifications.yaml."}
        for name in used
    }


def _property(spec: Field) -> dict[str, Any]:
    out = _KIND_SCHEMA[spec.kind](spec)
    if spec.default is not None:
        out["default"] = spec.default
    if spec.about:
        out["description"] = spec.about
    return out


def _object(keys: Mapping[str, Field], *, nullable: bool = False) -> dict[str, Any]:
    required = [key for key, spec in keys.items() if spec.required]
    out: dict[str, Any] = {"type": ["object", "null"] if nullable else "object",
                           "additionalProperties": False}
    if required:
        out["required"] = required
    out["properties"] = {key: _property(spec) for key, spec in keys.items()}
    return out


def _requirement() -> dict[str, Any]:
    out = _object(REQUIREMENT)
    out["oneOf"] = [{"required": [kind]} for kind in KINDS]  # exactly one kind key
    out["dependentRequired"] = {key: [owner] for key, owner in ONLY_WITH.items()}
    out["dependentSchemas"] = {
        SKILLS_ONLY: {"anyOf": [{"required": [kind]} for kind in SKILL_OR_GROUP]}}
    return out


def schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a posting, written from the tables above."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://example.com/screener/posting.schema.json",
        "title": "screener posting",
        "description": "A job posting as a scoring rubric for screener (pipelines/*.yaml). "
        "Generated by `screener posting schema` from the tables the validator uses; "
        "`screener posting check FILE` also checks skill ids against the taxonomy, group sizes, "
        "unique requirement ids and the weights' sum.",
        **_object(POSTING),
        "$defs": {
            "skill_id": {"type": "string", "pattern": SKILL_SLUG.pattern,
                         "description": "A skill id from the taxonomy (see `screener taxonomy "
                         "list`)."},
            "requirement": _requirement(),
            **_vocabularies(),
        },
    }


def schema_text() -> str:
    """`schema()` as schemas/posting.schema.json holds it."""
    return json.dumps(schema(), indent=2, ensure_ascii=False) + "\n"
