"""Posting requirements beside skills: degree, certification, language, location and work
authorisation, validated with line numbers and scored with knock-outs and evidence."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml

from screener.errors import PostingError
from screener.records import (
    Certification,
    Degree,
    Document,
    Evidence,
    Experience,
    Location,
    Posting,
    Profile,
    Qualifications,
    Section,
    SkillHit,
    SpokenLanguage,
    WorkAuthorisation,
)
from screener.rubric.posting import parse_posting
from screener.rubric.taxonomy import load_taxonomy
from screener.score.scoring import assess

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "schemas" / "posting.schema.json").read_text(encoding="utf-8"))
HEAD = "title: x\nrequirements:\n  - skill: python\n"


@pytest.fixture(scope="module")
def taxonomy():
    return load_taxonomy()


def posting(text: str, taxonomy) -> Posting:
    return parse_posting(text, taxonomy)


def error(text: str, taxonomy) -> str:
    with pytest.raises(PostingError) as exc:
        parse_posting(text, taxonomy, source="p.yaml")
    return str(exc.value)


# --------------------------------------------------------------------------- validation


def test_each_kind_becomes_a_requirement_with_its_qualifier(taxonomy):
    p = posting(HEAD + """\
  - degree: bachelor
    fields: [Computer Science, software  engineering]
    or_experience_years: 4
  - certification: [aws-certified, cka]
    importance: preferred
  - language: english
    level: fluent
  - location: [Berlin, Germany]
    remote: true
  - work_authorisation: eu
    knockout: true
    id: right-to-work
""", taxonomy)
    degree, cert, lang, where, auth = p.requirements[1:]
    assert (degree.id, degree.skills, degree.qualifier.accepted, degree.qualifier.fields,
            degree.qualifier.or_experience_years) == (
        "degree-bachelor", (), ("bachelor",), ("computer science", "software engineering"), 4.0)
    assert degree.label == ("Bachelor's degree in computer science or software engineering, "
                            "or 4+ years' experience")
    assert (cert.id, cert.importance, cert.qualifier.accepted, cert.label) == (
        "certification-aws-certified-cka", "preferred", ("aws-certified", "cka"),
        "AWS Certified or Certified Kubernetes Administrator")
    assert (lang.qualifier.accepted, lang.qualifier.level, lang.label) == (
        ("english",), "fluent", "English (fluent)")
    assert (where.qualifier.accepted, where.qualifier.remote, where.qualifier.relocation,
            where.label) == (("Berlin", "Germany"), True, False, "Lives in Berlin or Germany (or remote)")
    assert (auth.id, auth.knockout, auth.label) == ("right-to-work", True,
                                                    "Right to work in the EU/EEA")


def test_a_skill_requirement_keeps_the_shape_reports_always_had(taxonomy):
    p = posting(HEAD + "  - language: german\n", taxonomy)
    assert "qualifier" not in p.requirements[0].to_dict()
    assert p.requirements[1].to_dict()["qualifier"]["kind"] == "language"


BAD = [
    ("  - degree: bachelors\n", "unknown degree 'bachelors' in requirement 2 at line 4; "
     "did you mean 'bachelor'?"),
    ("  - degree: Master's degree\n", "unknown degree \"Master's degree\" in requirement 2 at line "
     "4; did you mean 'master'?"),
    ("  - certification: AWS Certified Solutions Architect\n",
     "at line 4; did you mean 'aws-certified'?"),
    ("  - certification:\n      - pmp\n      - scrum-master\n",
     "unknown certification 'scrum-master' in requirement 2 at line 6"),
    ("  - certification: [pmp, pmp]\n", "'pmp' is listed twice in requirement 2 at line 4"),
    ("  - certification: []\n", "'certification' in requirement 2 is an empty list at line 4"),
    ("  - language: klingon\n", "unknown language 'klingon' in requirement 2 at line 4"),
    ("  - language: english\n    level: expert\n",
     "unknown level 'expert' in requirement 2 at line 5; use one of: basic, conversational, "
     "professional, fluent, native"),
    ("  - language: english\n    level: C1\n", "did you mean 'fluent'?"),
    ("  - location: []\n", "'location' in requirement 2 must be a place or a list of places"),
    ("  - location: Berlin\n    relocate: true\n",
     "unknown key 'relocate' in requirement 2 at line 5; did you mean 'relocation'?"),
    ("  - work_authorisation: germany\n", "at line 4; did you mean 'eu'?"),
    ("  - work_authorization: us\n", "did you mean 'work_authorisation'?"),
    ("  - degree: master\n    min_years: 2\n",
     "'min_years' in requirement 2 only applies to skills at line 5"),
    ("  - degree: master\n    level: fluent\n",
     "'level' in requirement 2 only applies to 'language' requirements at line 5"),
    ("  - skill: sql\n    fields: [maths]\n",
     "'fields' in requirement 2 only applies to 'degree' requirements at line 5"),
    ("  - degree: master\n    language: english\n",
     "requirement 2 names 'degree' and 'language'; a requirement is one skill, group or "
     "qualification at line 5"),
    ("  - degree: master\n    or_experience_years: 70\n", "is more than 60 at line 5"),
    ("  - degree: master\n  - degree: doctorate\n    id: degree-master\n",
     "duplicate requirement id 'degree-master'"),
]


@pytest.mark.parametrize(("tail", "message"), BAD, ids=range(len(BAD)))
def test_bad_qualification_requirements_name_the_line_and_the_fix(tail, message, taxonomy):
    text = error(HEAD + tail, taxonomy)
    assert text.startswith("p.yaml: ") and message in text, text


# Judged alike by the validator and schemas/posting.schema.json (the agreement test of
# test_posting.py, for the new kinds).
AGREE = [
    (HEAD + "  - degree: doctorate\n    fields: [physics]\n    or_experience_years: 10\n", True),
    (HEAD + "  - certification: cissp\n  - certification: [ccna, ceh]\n", True),
    (HEAD + "  - language: french\n    level: native\n", True),
    (HEAD + "  - location: Remote, anywhere\n    remote: true\n    relocation: false\n", True),
    (HEAD + "  - work_authorisation: [us, canada]\n    knockout: true\n", True),
    (HEAD + "  - degree: phd\n", False),
    (HEAD + "  - degree:\n", False),
    (HEAD + "  - certification: not-a-cert\n", False),
    (HEAD + "  - language: english\n    level: 3\n", False),
    (HEAD + "  - location: ['  ']\n", False),
    (HEAD + "  - location: 5\n", False),
    (HEAD + "  - work_authorisation: mars\n", False),
    (HEAD + "  - degree: master\n    remote: true\n", False),
    (HEAD + "  - skill: sql\n    level: fluent\n", False),
    (HEAD + "  - language: english\n    min_years: 2\n", False),
    (HEAD + "  - language: english\n    location: Berlin\n", False),
    (HEAD + "  - degree: master\n    fields: physics\n", False),
]


@pytest.mark.parametrize(("text", "valid"), AGREE, ids=range(len(AGREE)))
def test_the_validator_and_the_schema_agree_on_qualifications(text, valid, taxonomy):
    schema_ok = jsonschema.Draft202012Validator(SCHEMA).is_valid(yaml.safe_load(text))
    try:
        parse_posting(text, taxonomy)
        validator_ok = True
    except PostingError:
        validator_ok = False
    assert (validator_ok, schema_ok) == (valid, valid)


def test_the_readme_qualification_requirements_load(taxonomy):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Postings"):]
    (block,) = re.findall(r"```yml\n(.*?)```", section[: section.index("\n## ", 1)], re.S)
    p = posting(HEAD + block, taxonomy)
    assert [r.qualifier.kind for r in p.requirements[1:]] == [
        "degree", "certification", "language", "location", "work_authorisation"]
    assert p.requirements[-1].knockout


def test_the_example_posting_loads_and_matches_the_schema(taxonomy):
    path = ROOT / "pipelines" / "backend-developer-eu.yaml"
    jsonschema.Draft202012Validator(SCHEMA).validate(yaml.safe_load(path.read_text()))
    p = parse_posting(path.read_text(), taxonomy)
    kinds = [r.qualifier.kind for r in p.requirements if r.qualifier]
    assert set(kinds) == {"degree", "certification", "language", "location",
                          "work_authorisation"}


# --------------------------------------------------------------------------- scoring

EV = Evidence("line", "education", 12)


def profile(quals: Qualifications = Qualifications(), *, years: float | None = 8.0,
            sections: tuple[str, ...] = ()) -> Profile:
    doc = Document(path="r.txt", sha256="s", status="ok", text="x\n" * 30)
    return Profile(
        document=doc,
        sections=tuple(Section(name, name.upper(), i + 1, i + 1) for i, name in enumerate(sections)),
        skills=(SkillHit("python", "Python", "explicit", (Evidence("Python", "experience", 5),)),),
        experience=Experience(total_years=years),
        qualifications=quals,
    )


def result(p: Profile, tail: str, taxonomy):
    post = posting(HEAD + tail, taxonomy)
    a = assess(p, post)
    return a, a.results[1]


def test_a_qualification_earns_what_a_skill_of_the_same_importance_and_weight_earns(taxonomy):
    quals = Qualifications(degrees=(Degree("master", "Physics", EV),))
    a, r = result(profile(quals), "  - degree: bachelor\n", taxonomy)
    assert (r.outcome, r.max_points, r.points) == ("met", a.results[0].max_points, r.max_points)
    assert r.evidence == (EV,) and r.note == "Master's degree in Physics (line 12)"
    assert r.matched == ("Master's degree",)


@pytest.mark.parametrize(("degrees", "sections", "years", "outcome", "share", "note"), [
    ((Degree("bachelor", "Computer Science and Engineering", EV),), (), 1.0, "met", 1.0,
     "Bachelor's degree in Computer Science and Engineering (line 12)"),
    ((Degree("bachelor", "Theatre", EV),), (), 1.0, "partial", 0.5,
     "Bachelor's degree in Theatre (line 12), not in computer science"),
    ((Degree("bachelor", "", EV),), (), 1.0, "unknown", 0.5,
     "Bachelor's degree (line 12), subject not stated"),
    ((Degree("bachelor", "Computer Science", EV, pending=True),), (), 1.0, "partial", 0.5,
     "Bachelor's degree in Computer Science (line 12) not finished yet"),
    ((Degree("associate", "Computer Science", EV),), (), 1.0, "missing", 0.0,
     "highest: Associate degree in Computer Science (line 12); 1.0 of 4 years of experience"),
    ((), ("education",), 2.0, "missing", 0.0,
     "no degree in the education section; 2.0 of 4 years of experience"),
    ((), (), None, "unknown", 0.0, "no education stated; 0.0 of 4 years of experience"),
    ((Degree("associate", "Art", EV),), (), 6.5, "met", 1.0,
     "no Bachelor's degree in the subjects asked; 6.5 years of experience accepted instead"),
])
def test_degree_outcomes(degrees, sections, years, outcome, share, note, taxonomy):
    p = profile(Qualifications(degrees=degrees), years=years, sections=sections)
    _, r = result(p, "  - degree: bachelor\n    fields: [computer science]\n"
                     "    or_experience_years: 4\n", taxonomy)
    assert (r.outcome, round(r.points / r.max_points, 2), r.note) == (outcome, share, note)


@pytest.mark.parametrize(("certs", "outcome", "note"), [
    ((Certification("cka", "Certified Kubernetes Administrator", EV),), "met",
     "Certified Kubernetes Administrator (line 12)"),
    ((Certification("pmp", "PMP", EV, pending=True),), "partial", "PMP not held yet (line 12)"),
    ((Certification("ccna", "CCNA", EV),), "missing", "not found"),
])
def test_certification_outcomes(certs, outcome, note, taxonomy):
    _, r = result(profile(Qualifications(certifications=certs)),
                  "  - certification: [cka, pmp]\n", taxonomy)
    assert (r.outcome, r.note) == (outcome, note)


@pytest.mark.parametrize(("langs", "sections", "outcome", "note"), [
    ((SpokenLanguage("english", "English", "native", EV),), (), "met", "English (native), line 12"),
    ((SpokenLanguage("english", "English", "", EV),), (), "unknown",
     "English, line 12: level not stated (fluent asked)"),
    ((SpokenLanguage("english", "English", "basic", EV),), (), "partial",
     "English (basic), line 12: below fluent"),
    ((SpokenLanguage("french", "French", "", EV),), (), "missing",
     "not among the languages stated (French)"),
    ((), ("languages",), "missing", "not among the languages stated (none recognised)"),
    ((), (), "unknown", "no spoken languages stated"),
])
def test_language_outcomes(langs, sections, outcome, note, taxonomy):
    p = profile(Qualifications(languages=langs), sections=sections)
    _, r = result(p, "  - language: english\n    level: fluent\n", taxonomy)
    assert (r.outcome, r.note) == (outcome, note)


@pytest.mark.parametrize(("quals", "outcome", "note"), [
    (Qualifications(locations=(Location("Munich", ("munich", "bavaria", "germany"), EV),)),
     "met", "lives in Munich (line 12)"),
    (Qualifications(locations=(Location("Springfield, IL", ("illinois", "united-states"), EV),)),
     "met", "lives in Springfield, IL (line 12)"),
    (Qualifications(locations=(Location("Paris, France", ("paris", "france"), EV),),
                    relocation=(EV,)), "met", "willing to relocate (line 12)"),
    (Qualifications(locations=(Location("Paris, France", ("paris", "france"), EV),),
                    remote=(EV,)), "missing", "lives in Paris, France (line 12)"),
    (Qualifications(), "unknown", "no location stated"),
])
def test_location_outcomes(quals, outcome, note, taxonomy):
    _, r = result(profile(quals), "  - location: [Germany, Springfield]\n    relocation: true\n",
                  taxonomy)
    assert (r.outcome, r.note) == (outcome, note)


@pytest.mark.parametrize(("statements", "outcome", "note"), [
    ((WorkAuthorisation("eu", True, Evidence("German citizen", "header", 2)),), "met",
     '"German citizen" (line 2)'),
    ((WorkAuthorisation("", True, Evidence("No sponsorship needed", "header", 2)),), "met",
     '"No sponsorship needed" (line 2)'),
    ((WorkAuthorisation("", False, Evidence("Will require sponsorship", "header", 2)),),
     "missing", 'needs sponsorship: "Will require sponsorship" (line 2)'),
    ((WorkAuthorisation("us", True, Evidence("US citizen", "header", 2)),), "unknown",
     "states the right to work in the United States only"),
    ((), "unknown", "no statement about the right to work"),
])
def test_work_authorisation_outcomes_and_the_knock_out(statements, outcome, note, taxonomy):
    a, r = result(profile(Qualifications(authorisations=statements)),
                  "  - work_authorisation: eu\n    knockout: true\n", taxonomy)
    assert (r.outcome, r.note) == (outcome, note)
    knocked = (f"knock-out: Right to work in the EU/EEA: {note}",) if outcome == "missing" else ()
    assert a.knocked_out_by == knocked  # unknown never knocks out


def test_a_partial_qualification_knocks_out_and_says_why(taxonomy):
    quals = Qualifications(languages=(SpokenLanguage("german", "German", "basic", EV),))
    a, _ = result(profile(quals), "  - language: german\n    level: professional\n"
                                  "    knockout: true\n", taxonomy)
    assert a.knocked_out_by == (
        "knock-out: German (professional): German (basic), line 12: below professional",)


def test_qualification_points_do_not_change_the_backed_share(taxonomy):
    quals = Qualifications(degrees=(Degree("master", "Physics", EV),))
    without = assess(profile(quals), posting(HEAD, taxonomy))
    with_degree = assess(profile(quals), posting(HEAD + "  - degree: master\n", taxonomy))
    assert with_degree.backed == without.backed
