"""Headings -> canonical sections, on resume-like text."""

from __future__ import annotations

import pytest

from screener.parse.sections import (
    find_sections,
    heading_content,
    heading_name,
    section_at,
    split_labelled,
)

_TEXT = """Avery Quinn
avery.quinn@example.com | (555) 555-0142

SUMMARY
Back-end developer. Experience with Python and Django across four teams.

PROFESSIONAL EXPERIENCE:
Senior Developer | Acme Corp | Jan 2020 - Present
Technologies: Python, PostgreSQL, AWS
Developer | Brightline Software | Mar 2017 - Dec 2019

— EDUCATION —
B.S. Computer Science | State University | 2011 - 2015
Skills: Python, Java, Docker
References available upon request"""
RESUME = _TEXT.split("\n")


@pytest.mark.parametrize(
    "line, name",
    [
        ("EXPERIENCE", "experience"), ("Work Experience", "experience"),
        ("Employment History", "experience"), ("Work History:", "experience"),
        ("Professional Experience", "experience"), ("Career History", "experience"),
        ("— EXPERIENCE —", "experience"), ("E X P E R I E N C E", "experience"),
        ("Summary", "summary"), ("Profile", "summary"), ("Career Objective", "summary"),
        ("Education", "education"), ("ACADEMIC BACKGROUND", "education"),
        ("Technical Skills", "skills"), ("Core Qualifications", "skills"),
        ("Core Competencies", "skills"), ("Areas of Expertise", "skills"),
        ("Skills Summary", "skills"), ("Projects", "projects"),
        ("Licenses & Certifications", "certifications"), ("Awards", "awards"),
        ("Publications", "publications"), ("Languages", "languages"),
        ("Interests", "interests"), ("References", "references"),
        ("Volunteer Experience", "volunteer"), ("Contact", "contact"),
        ("== EDUCATION ==", "education"), ("** SKILLS **", "skills"),
    ],
)  # fmt: skip
def test_headings(line: str, name: str) -> None:
    assert heading_name(line) == name


@pytest.mark.parametrize(
    "line",
    [
        "Experience with Python and Django across teams",
        "Senior Developer | Acme Corp | Jan 2020 - Present",
        "Python, Java, Docker",
        "Education is important to me and I keep learning every week",
        "Software Engineer",
        "",
    ],
)
def test_not_headings(line: str) -> None:
    assert heading_name(line) is None


def test_sections_cover_every_line_once_in_order() -> None:
    sections = find_sections(RESUME)
    covered = [n for s in sections for n in range(s.start_line, s.end_line + 1)]
    assert covered == list(range(1, len(RESUME) + 1))
    assert [s.name for s in sections] == [
        "header", "summary", "experience", "education", "skills", "references",
    ]  # fmt: skip


def test_inline_heading_inside_a_job_does_not_end_the_experience_section() -> None:
    sections = find_sections(RESUME)
    line = RESUME.index("Technologies: Python, PostgreSQL, AWS") + 1
    assert section_at(sections, line) == "experience"


def test_inline_heading_with_content_owns_its_line() -> None:
    sections = find_sections(RESUME)
    line = RESUME.index("Skills: Python, Java, Docker") + 1
    assert section_at(sections, line) == "skills"
    assert heading_content("Skills: Python, Java, Docker") == "Python, Java, Docker"


def test_glued_heading() -> None:
    lines = ["Kai Robinson", "EXPERIENCESenior Python Developer, Acme    Jan 2019 - Present"]
    sections = find_sections(lines)
    assert [(s.name, s.start_line) for s in sections] == [("header", 1), ("experience", 2)]
    assert heading_content(lines[1]).startswith("Senior Python Developer")
    assert heading_name("EDUCATIONBSc Computer Science, Gamma University") == "education"


def test_no_headings_is_one_unknown_section() -> None:
    lines = ["Finley Adams", "Software Engineer at Initrode, March 2019 - Present."]
    assert find_sections(lines) == (find_sections(lines)[0],)
    assert find_sections(lines)[0].name == "unknown"
    assert find_sections([]) == ()


def test_section_at_out_of_range() -> None:
    sections = find_sections(RESUME)
    assert section_at(sections, 0) is None
    assert section_at(sections, len(RESUME) + 1) is None
    assert section_at(sections, 1) == "header"


@pytest.mark.parametrize(
    ("heading", "name"),
    [
        ("ACADEMIC APPOINTMENTS", "experience"),
        ("MILITARY SERVICE", "experience"),
        ("Clinical Experience", "experience"),
        ("EDUCATIONAL QUALIFICATION", "education"),
        ("GRANTS AND AWARDS", "awards"),
        ("LICENSURE", "certifications"),
        ("CERTIFICATES & RATINGS", "certifications"),
        ("PERSONAL STATEMENT", "summary"),
    ],
)
def test_headings_of_academic_military_and_international_resumes(heading: str, name: str) -> None:
    assert heading_name(heading) == name


def test_customer_service_is_not_a_heading() -> None:
    assert heading_name("Customer Service") is None


# --------------------------------------------------------------------------- web-form resumes


@pytest.mark.parametrize(
    "line, name",
    [
        ("Education Details", "education"), ("Skill Details", "skills"),
        ("Company Details", "experience"), ("Project Details", "projects"),
        ("Skills * Programming Languages: Python, Java", "skills"),
        ("TECHNICAL SKILLS Programming Languages: Java, C++", "skills"),
        ("Technical Skills Hadoop ecosystem (HDFS, Hive, Pig), Spark, Scala", "skills"),
        ("Skills \u2022 Painting \u2022 Sketching", "skills"),
    ],
)  # fmt: skip
def test_form_labels_and_glued_skill_lists(line: str, name: str) -> None:
    assert heading_name(line) == name


@pytest.mark.parametrize(
    "line", ["Skills Development Officer at Acme", "Skills Development Officer", "Company Details"]
)
def test_glued_list_needs_a_list(line: str) -> None:
    assert heading_name(line) != "skills"


def test_skills_list_content_after_glued_heading() -> None:
    assert heading_content("Skills * Python * SQL") == "* Python * SQL"


def test_label_run_onto_the_previous_line_opens_the_next() -> None:
    lines = [
        "Skill Details",
        "Python- Exprience - 24 monthsCompany Details",
        "company - Matelabs Analytics",
        "description - ML platform",
    ]
    sections = find_sections(lines)
    assert [(s.name, s.start_line, s.end_line) for s in sections] == [
        ("skills", 1, 2), ("experience", 3, 4),
    ]  # fmt: skip
    assert sections[1].heading == "Company Details"


def test_split_labelled_cuts_a_flattened_form_at_its_labels() -> None:
    flat = (
        "Skills * Python * Tableau.Education Details May 2013 to May 2017 B.E X Skill Details "
        "Python- Exprience - 24 monthsCompany Details company - Acme Ltd description - Jan 2016 "
        "to till date"
    )
    assert split_labelled(flat) == [
        "Skills * Python * Tableau.", "Education Details", "May 2013 to May 2017 B.E X",
        "Skill Details", "Python- Exprience - 24 months", "Company Details",
        "company - Acme Ltd", "description - Jan 2016 to till date",
    ]  # fmt: skip


def test_a_word_wrapped_onto_its_own_line_is_no_heading() -> None:
    # the last word of a sentence wrapped alone onto a line: it finishes the sentence
    text = """EXPERIENCE
Systems Administrator, Northwind Traders, Jan 2015 - Present
Moved mail servers to the new platform across five
projects
Trained staff on the new tools and
courses.
Help Desk Technician, Contoso, Oct 2007 - May 2012

Projects
Home lab, 2020"""
    sections = find_sections(text.split("\n"))
    assert [(s.name, s.start_line) for s in sections] == [("experience", 1), ("projects", 9)]
