"""skills/qualifications.yaml and the finders that read degrees, certifications, spoken
languages, location, remote work, relocation and work authorisation from a resume's lines."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from screener.errors import TaxonomyError
from screener.parse.qualifications import find_qualifications
from screener.parse.sections import find_sections
from screener.rubric.qualifications import (
    check_qualifications,
    default_path,
    load_qualifications,
    norm,
)

ROOT = Path(__file__).resolve().parent.parent
AS_OF = date(2026, 11, 27)


def read(text: str):
    lines = text.strip("\n").split("\n")
    return find_qualifications(lines, find_sections(lines), AS_OF)


# --------------------------------------------------------------------------- the data file


def test_the_bundled_data_is_valid_and_ordered():
    assert check_qualifications() == []
    data = load_qualifications()
    assert [d.id for d in data.degrees] == ["associate", "bachelor", "master", "doctorate"]
    assert [lv.id for lv in data.levels] == ["basic", "conversational", "professional", "fluent",
                                              "native"]
    for cert in ("aws-certified", "cka", "ckad", "pmp", "cpa", "cissp", "ccna",
                 "comptia-security-plus", "csm", "azure-certified", "gcp-certified",
                 "oracle-java", "itil"):
        assert cert in data.certifications, cert
    assert {"us", "uk", "eu", "canada"} <= set(data.areas)


def test_no_form_belongs_to_two_ids_of_one_list():
    """The loader refuses such a file; this checks the bundled one directly too."""
    data = load_qualifications()
    lists = {"degrees": data.degrees, "certifications": data.certifications.values(),
             "languages": data.languages.values(), "levels": data.levels}
    for name, terms in lists.items():
        owner: dict[str, str] = {}
        for term in terms:
            for form in {norm(f) for f in (*term.forms, *term.short)}:
                assert owner.setdefault(form, term.id) == term.id, (name, form)
    places: dict[str, str] = {}
    for place in data.places.values():
        for form in {norm(f) for f in (place.name, *place.aliases)}:
            assert places.setdefault(form, place.id) == place.id, form


def test_every_place_lies_in_a_known_place_and_every_area_names_countries():
    data = load_qualifications()
    for place in data.places.values():
        assert data.chain(place.id)[-1] in data.places
        assert data.places[data.chain(place.id)[-1]].kind == "country", place.id
    for area in data.areas.values():
        assert all(data.places[c].kind == "country" for c in area.countries)
    assert data.chain("munich") == ("munich", "bavaria", "germany")
    assert data.area_of("munich") == "eu"


def test_the_data_file_ships_in_the_wheel_beside_the_taxonomy():
    project = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    shipped = project.split("[tool.hatch.build.targets.wheel.force-include]")[1].split("[")[0]
    assert '"skills/qualifications.yaml" = "screener/_data/qualifications.yaml"' in shipped
    assert default_path().name == "qualifications.yaml" and default_path().is_file()


BAD = [
    ("version: 1\ndegrees:\n- {id: bachelor, name: Bachelor, aliases: [BSc]}\n"
     "- {id: master, name: Master, aliases: [BSc]}\n",
     "'bsc' in 'degrees' belongs to both 'bachelor' and 'master' at line 4"),
    ("version: 1\ncertificates: []\n", "unknown key 'certificates' at line 2"),
    ("version: 1\ndegrees:\n- {id: Bachelor, name: B}\n",
     "id 'Bachelor' in 'degrees' is not a lowercase slug at line 3"),
    ("version: 1\ndegrees:\n- {id: bachelor, name: B, fields: {MBA: Business}}\n",
     "'fields' of 'bachelor' names 'MBA', not one of its forms at line 3"),
    ("version: 1\ncities:\n- {id: berlin, name: Berlin, country: germany}\n",
     "'berlin' lies in unknown place 'germany' at line 3"),
    ("version: 1\nregions:\n- {id: ontario, name: Ontario, codes: [ON], country: canada}\n",
     "'codes' must be a list of text at line 3"),  # YAML reads ON as true
    ("degrees: [\n", "not valid YAML at line 2"),
]


@pytest.mark.parametrize(("text", "message"), BAD, ids=range(len(BAD)))
def test_a_broken_data_file_names_the_line_and_the_fix(tmp_path, text, message):
    path = tmp_path / "q.yaml"
    path.write_text(text, encoding="utf-8")
    problems = check_qualifications(path)
    assert any(message in p for p in problems), problems
    with pytest.raises(TaxonomyError, match=str(path)):
        load_qualifications(path)


# --------------------------------------------------------------------------- degrees


def test_degrees_with_level_subject_and_evidence():
    q = read("""
Avery Quinn
EDUCATION
B.Sc. Computer Science, State University, 2016
Master of Science in Data Science, Tech Institute, 2019
MBA, Eastern State University, 2021
B.Eng. Software Engineering, Ridgeview Institute of Technology
Ph.D. in Physics (expected 2028)
""")
    found = [(d.level, d.field, d.pending, d.evidence.line, d.evidence.section) for d in q.degrees]
    assert found == [
        ("bachelor", "Computer Science", False, 3, "education"),
        ("master", "Data Science", False, 4, "education"),
        ("master", "Business Administration", False, 5, "education"),
        ("bachelor", "Software Engineering", False, 6, "education"),
        ("doctorate", "Physics", True, 7, "education"),
    ]
    assert q.degrees[0].evidence.text == "B.Sc. Computer Science, State University, 2016"


def test_short_degree_forms_count_only_in_capitals_in_education_and_not_as_software_or_states():
    q = read("""
Jo Example
SUMMARY
Skilled in MS Office; BA team lead.
EDUCATION
BS in Mechanical Engineering, 2010
MS Office Specialist course
Harvard University, Cambridge, MA
ma in history
""")
    assert [(d.level, d.field) for d in q.degrees] == [("bachelor", "Mechanical Engineering")]


def test_a_degree_in_progress_or_studied_for_in_a_job_is_not_held():
    q = read("""
Jo Example
EXPERIENCE
Analyst, Acme, 2015 - 2020
- Studied for an MBA in the evenings.
EDUCATION
Bachelor of Science : Health Administration , Current
Associate of Arts : Psychology 2000
""")
    assert [(d.level, d.pending) for d in q.degrees] == [("bachelor", True), ("associate", False)]


def test_the_line_after_a_degree_says_it_is_pending_only_within_its_section():
    q = read("Jo Example\nEDUCATION\nMSc Physics\nExpected June 2027\nEXPERIENCE\n"
             "Analyst, Acme\n")
    assert [d.pending for d in q.degrees] == [True]
    q = read("Jo Example\nEDUCATION\nMSc Physics, 2015\nExperience: Analyst, 2019 - Present\n")
    assert [d.pending for d in q.degrees] == [False]


# --------------------------------------------------------------------------- certifications


def test_certifications_by_alias_with_pending_and_vetoes():
    q = read("""
Jo Example
Worked for a CPA firm; pals with everyone.
CERTIFICATIONS
AWS Certified Solutions Architect - Associate (2022)
PMP candidate
CKA
CSM
""")
    found = [(c.id, c.pending, c.evidence.line) for c in q.certifications]
    assert found == [("aws-certified", False, 4), ("pmp", True, 5), ("cka", False, 6),
                     ("csm", False, 7)]


@pytest.mark.parametrize("line", [
    "Compiled the tax return with an external CPA.", "Staff accountant at a CPA firm.",
    "Member of the Society of CPA's.", "CPR First Aid Instructor at the Y.",
    "Gave first aid, CPR and emergency care to guests.", "Attended a PMP Institute bootcamp.",
])
def test_what_names_a_certification_without_holding_it(line):
    assert read(f"Jo Example\nEXPERIENCE\n{line}\n").certifications == ()


def test_a_short_certification_form_needs_its_section_or_a_certification_word():
    assert read("Jo Example\nSUMMARY\nCSM for the customer team.\n").certifications == ()
    q = read("Jo Example\nSUMMARY\nCSM certified agile coach.\n")
    assert [c.id for c in q.certifications] == ["csm"]


def test_a_certification_whose_name_holds_a_pending_word_is_held():
    # "Application" and "Exam" in a name are the name's, not an application in process.
    q = read("Jo Example\nCERTIFICATIONS\nCertified Kubernetes Application Developer, 2023\n"
             "PMP (application in process)\n")
    assert [(c.id, c.pending) for c in q.certifications] == [("ckad", False), ("pmp", True)]


def test_places_are_found_as_written_with_their_dots():
    from screener.rubric.qualifications import load_qualifications

    data = load_qualifications()
    assert data.resolve_place("U.S.") == data.resolve_place("United States") is not None


def test_a_held_mention_wins_over_a_pending_one():
    q = read("Jo Example\nSUMMARY\nPMP candidate in 2019.\nCERTIFICATIONS\nPMP, 2020\n")
    assert [(c.id, c.pending, c.evidence.line) for c in q.certifications] == [("pmp", False, 5)]


# --------------------------------------------------------------------------- spoken languages


def test_languages_with_levels_from_a_languages_section():
    q = read("""
Jo Example
LANGUAGES
English (native), Spanish (B1), French - basic
German: C1
""")
    found = {s.id: (s.level, s.evidence.line) for s in q.languages}
    assert found == {"english": ("native", 3), "spanish": ("conversational", 3),
                     "french": ("basic", 3), "german": ("fluent", 4)}


def test_languages_outside_their_section_need_a_speaking_word():
    q = read("""
Jo Example
SUMMARY
Native English speaker, fluent in German; taught English literature.
EXPERIENCE
English Teacher, Example School, 2015 - 2020
""")
    assert [(s.id, s.level, s.evidence.line) for s in q.languages] == [
        ("english", "native", 3), ("german", "fluent", 3)]


def test_one_level_rates_every_language_of_its_clause():
    q = read("Jo Example\nLANGUAGES\nFluent in English and Spanish\n")
    assert {(s.id, s.level) for s in q.languages} == {("english", "fluent"), ("spanish", "fluent")}


def test_programming_languages_are_skills_not_spoken_languages():
    q = read("Jo Example\nLANGUAGES\nPython, Java, Go\nSKILLS\nSpanish, Python, SQL\n")
    assert [(s.id, s.level) for s in q.languages] == [("spanish", "")]


# --------------------------------------------------------------------------- where, remote


def test_the_header_location_with_the_places_it_lies_in():
    q = read("""
Avery Quinn
avery@example.com | (555) 010-4242 | Portland, OR 97201
EXPERIENCE
Engineer, Acme, Austin, TX, 2019 - 2021
""")
    assert [(loc.text, loc.places, loc.evidence.line) for loc in q.locations] == [
        ("Portland, OR 97201", ("portland", "oregon", "united-states"), 2)]


@pytest.mark.parametrize(("line", "places"), [
    ("Berlin, Germany", ("berlin", "germany")),
    ("London, UK", ("london", "united-kingdom")),
    ("Springfield, IL", ("illinois", "united-states")),
    ("Albany, New York", ("new-york-state", "united-states")),
    ("Munich", ("munich", "bavaria", "germany")),
    ("City , State", None),
    ("Jordan Blake, CV", None),
    ("123 Main St, Portland, OR 97201", ("portland", "oregon", "united-states")),
    ("Austin, TX, USA", ("austin", "texas", "united-states")),
    ("Sydney, NSW", ("sydney", "new-south-wales", "australia")),
    ("Dallas, Atlanta", None),
    ("Skilled in MS Windows XP, MS", None),
    ("Place of Birth: Athens, Greece", None),
])
def test_what_reads_as_a_place(line, places):
    q = read(f"Jo Example\n{line}\n")
    assert (q.locations[0].places if q.locations else None) == places


def test_places_named_below_the_top_of_a_misread_header_are_not_where_the_candidate_lives():
    jobs = "\n".join(f"Job {i} - Fort Bliss, TX - 2010 to 2011" for i in range(8))
    found = read(f"Jo Example\nDenver, CO\n{jobs}\n").locations
    assert found[0].text == "Denver, CO"
    assert [loc.evidence.line for loc in found] == [2, 3, 4, 5, 6, 7, 8]  # not lines 9 and 10


def test_a_labelled_location_line_counts_anywhere():
    q = read("Jo Example\nSUMMARY\nBackend developer.\nLocation: Vienna, Austria\n")
    assert [loc.places for loc in q.locations] == [("vienna", "austria")]


def test_remote_and_relocation_statements():
    q = read("""
Jo Example
Open to relocation | not willing to relocate abroad
SUMMARY
Looking for remote work; managed remote teams.
EXPERIENCE
Engineer, Acme | Remote | 2019 - 2021
""")
    assert [e.line for e in q.remote] == [4, 6]
    assert [e.line for e in q.relocation] == [2]
    assert read("Jo Example\nNot willing to relocate.\n").relocation == ()


# --------------------------------------------------------------------------- authorisation


@pytest.mark.parametrize(("line", "expected"), [
    ("US Citizen", ("us", True)),
    ("Green card holder", ("us", True)),
    ("Authorized to work in the UK", ("uk", True)),
    ("German citizen, EU work permit", ("eu", True)),
    ("Citizen of Canada", ("canada", True)),
    ("EU Blue Card holder", ("eu", True)),
    ("No sponsorship required", ("", True)),
    ("Will require H-1B sponsorship", ("", False)),
    ("Not authorized to work in the United States", ("us", False)),
    ("Served US citizens at the front desk", None),
])
def test_work_authorisation_statements(line, expected):
    q = read(f"Jo Example\n{line}\n")
    got = (q.authorisations[0].area, q.authorisations[0].authorised) if q.authorisations else None
    assert got == expected


def test_every_permit_and_sponsorship_phrase_passes_the_line_filter():
    from screener.parse.whereabouts import states_right_to_work

    data = load_qualifications()
    phrases = [*data.sponsorship, *(p for a in data.areas.values() for p in a.permits)]
    assert [p for p in phrases if not states_right_to_work(p)] == []
