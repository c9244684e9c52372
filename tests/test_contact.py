"""Name, email, phone and links from resume headers."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from screener.parse.contact import extract_contact
from screener.parse.sections import find_sections


def _contact(text: str):
    lines = text.split("\n")
    return extract_contact(lines, find_sections(lines))


def test_typical_header() -> None:
    c = _contact(
        """Avery Quinn
avery.quinn@example.com | (555) 555-0142 | linkedin.com/in/averyquinn | github.com/avery-q
Springfield, IL

EXPERIENCE
Senior Developer | Acme Corp | Jan 2020 - Present"""
    )
    assert c.name == "Avery Quinn"
    assert c.email == "avery.quinn@example.com"
    assert c.phone == "(555) 555-0142"
    assert c.links == ("linkedin.com/in/averyquinn", "github.com/avery-q")


def test_curriculum_vitae_and_titles_are_not_names() -> None:
    c = _contact(
        """Curriculum Vitae
Senior Backend Engineer
JORDAN O'NEIL-PARK
jordan@example.com

SKILLS
Python"""
    )
    assert c.name == "Jordan O'Neil-Park"


def test_name_with_contact_on_the_same_line() -> None:
    c = _contact("Riley Morgan | riley.morgan@example.com | +1 555 555 0123\nSUMMARY\nEngineer.")
    assert (c.name, c.email, c.phone) == (
        "Riley Morgan",
        "riley.morgan@example.com",
        "+1 555 555 0123",
    )


@pytest.mark.parametrize(
    "line, phone",
    [
        ("Phone: +44 20 7946 0958", "+44 20 7946 0958"),
        ("Mobile: +91 98765 43210", "+91 98765 43210"),
        ("Tel 555.555.0111", "555.555.0111"),
        ("+1 (555) 555-0199", "+1 (555) 555-0199"),
        ("555-555-0190", "555-555-0190"),
        ("+49 30 555 01234", "+49 30 555 01234"),
    ],
)
def test_phone_formats(line: str, phone: str) -> None:
    assert _contact(f"Sam Rivera\n{line}\nEXPERIENCE\nDeveloper").phone == phone


def test_dates_and_years_are_not_phones() -> None:
    c = _contact(
        """Sam Rivera
2016 - 2019 2020 - 2024
01/2018 - 12/2019
EXPERIENCE
Developer, Acme, 2016 - 2019"""
    )
    assert c.phone is None


def test_links_deduplicated_in_order() -> None:
    c = _contact(
        """Avery Santos
https://averysantos.dev | www.linkedin.com/in/averysantos/ | avery@example.com
https://www.linkedin.com/in/averysantos
SUMMARY
Engineer."""
    )
    assert c.links == ("https://averysantos.dev", "www.linkedin.com/in/averysantos/")
    assert c.email == "avery@example.com"


def test_missing_fields_are_none() -> None:
    c = _contact("EXPERIENCE\nDeveloper, Acme Corp, 2019 - 2021")
    assert (c.name, c.email, c.phone, c.links) == (None, None, None, ())


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("DeShawn Carter\nHouston, TX\nEXPERIENCE\nDeveloper", "DeShawn Carter"),
        ("Capt. Daniel Reyes\nAirline Transport Pilot\nEXPERIENCE\nPilot", "Daniel Reyes"),
        (
            "CURRICULUM VITAE\n\nPersonal details\nName: Lukas Brenner\nEXPERIENCE\nDev",
            "Lukas Brenner",
        ),
        (
            (
                "Contact\nx@example.com\nTop Skills\nFinancial Modeling\nTomás Vidal\n"
                "FP&A Manager\nMadrid, Spain\nExperience\nSolara"
            ),
            "Tomás Vidal",
        ),
    ],
)
def test_names_beyond_the_first_line(text: str, name: str) -> None:
    assert _contact(text).name == name


@pytest.mark.parametrize(
    ("line", "phone"),
    [
        ("Lyon | +33 4 55 55 01 23 | s@example.com", "+33 4 55 55 01 23"),
        ("Utrecht · +31 6 5550 7788", "+31 6 5550 7788"),
        ("y@example.com · +90 555 010 2030", "+90 555 010 2030"),  # "2030" is not a date here
    ],
)
def test_international_phones(line: str, phone: str) -> None:
    assert _contact(f"Sam Rivera\n{line}\nEXPERIENCE\nDeveloper").phone == phone


def test_degrees_are_not_links_but_new_domains_are() -> None:
    c = _contact("Sam Rivera\nsam.design | B.Com, B.Tech\nEXPERIENCE\nDeveloper")
    assert c.links == ("sam.design",)


@pytest.mark.parametrize(
    "first", ["EXECUTIVE CHEF", "HR GENERALIST", "LINE COOK", "RETAIL SALES", "REGISTERED NURSE"]
)
def test_anonymised_export_opening_with_the_job_category_has_no_name(first: str) -> None:
    c = _contact(f"{first}\nSummary\nHard-working and reliable.\nExperience\nCook\n2015 to 2019")
    assert c.name is None


@pytest.mark.parametrize("name", ["JORDAN BAKER", "Tim Cook", "Riley Carpenter"])
def test_surnames_that_are_also_trades_are_names(name: str) -> None:
    c = _contact(f"{name}\nriley@example.com\nExperience\nCook\n2015 to 2019")
    assert c.name == (name.title() if name.isupper() else name)


_SUMMARY = (
    "Results-driven professional with ten years of experience in planning, budgets and teams."
)


@pytest.mark.parametrize(
    "first",
    ["Skill Highlights", "Career Focus", "Core Strengths", "Skills Used", "Test Engineering",
     "Technical Educations Languages", "Human Resources Professional", "Vice President",
     "Executive Chef", "HR Generalist", "ACCOUNTANT", "Deputy Director"],
)  # fmt: skip
def test_headings_and_titles_are_not_names_even_beside_contact_details(first: str) -> None:
    c = _contact(f"{first}\nsam@example.com | 555-555-0142\n{_SUMMARY}\nExperience\nClerk")
    assert c.name is None


@pytest.mark.parametrize(
    "text",
    [
        # the job category in capitals, then a heading sections do not know, then the summary
        f"INVESTMENT ACCOUNTANT\nCareer Focus\n{_SUMMARY}\nExperience\nAccountant",
        f"FIELD DISTRIBUTOR\nExecutive Summary\n{_SUMMARY}\nExperience\nSales",
        # words the resume itself writes in lower case are ordinary words, not a name
        "Committee Member\nx@example.com\nExperience\nServed as a member of the zoning committee.",
        "DENTAL HYGIENIST\nx@example.com\nExperience\nHygienist at a dental clinic.",
        # skill items after the summary, before the first heading sections know
        f"{_SUMMARY}\nProblem Resolution\nLean Implementations\nExperience\nLead",
        # a personal-details block at the end lists an address, not its owner
        "Summary\nReliable.\nExperience\nClerk\nPersonal Details\nGanesh Colony, Pune 411001",
    ],
)
def test_category_lines_and_ordinary_words_are_not_names(text: str) -> None:
    assert _contact(text).name is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("JANE DOE\njane@example.com\nSummary\nReliable.", "Jane Doe"),
        ("STAFF ACCOUNTANT\nLINH TRAN\nSummary\nReliable.", "Linh Tran"),
        ("Priya Raman, MBA\npriya@example.com\nExperience\nAnalyst", "Priya Raman"),
        ("Émile Laurent-Dubois\n+33 4 55 55 01 23\nExperience\nChef", "Émile Laurent-Dubois"),
        ("María de la Cruz\nm@example.com\nExperience\nNurse", "María de la Cruz"),
        ("Tim Cook\nt@example.com\nExperience\nLine cook at a diner.", "Tim Cook"),
        ("JORDAN MASON\nj@example.com\nExperience\nStone mason, 2015 to 2019", "Jordan Mason"),
        ("Logan Price\nl@example.com\nSkills\nprice analysis, budgets", "Logan Price"),
        ("Avery Carpenter\navery.carpenter@example.com\nExperience\nClerk", "Avery Carpenter"),
        ("Personal Details\nName: Dean Baker\nExperience\nBaker", "Dean Baker"),  # labelled
    ],
)
def test_real_looking_names_still_read(text: str, name: str) -> None:
    assert _contact(text).name == name


def test_capitals_name_on_the_first_line_needs_contact_details() -> None:
    """Anonymised exports put the job category where the name was and show no email or phone:
    a capitals line there is doubtful, and no name beats a wrong one."""
    assert _contact("QUINN ABERNATHY\nSummary\nReliable.").name is None
    assert _contact("QUINN ABERNATHY\nq@example.com\nSummary\nOk.").name == "Quinn Abernathy"


def test_form_resume_without_a_name_block_has_no_name() -> None:
    c = _contact(
        """Skills * Selenium * Jira
Education Details
2010 to 2014 B.E. Information Technology Gujarat University
Software Tester
Software Tester - Nexa Quality Labs
Company Details
company - Nexa Quality Labs"""
    )
    assert c.name is None and c.email is None and c.phone is None


@settings(max_examples=300, deadline=None)
@given(
    lines=st.lists(
        st.lists(
            st.sampled_from(
                ["www", ".", "github", "com", "/", "x", "https://", "localhost", " ", "io",
                 "me", "@", "B", "Tech", ",", "-", "a1", "(", ")"]
            ),
            max_size=10,
        ).map("".join),
        max_size=5,
    )
)  # fmt: skip
def test_links_skip_lines_without_a_full_stop(lines):
    """`_links` reads only lines holding a ".": the same links as reading every line."""
    import re

    from screener.parse.contact import _URL_RE, _links

    numbered = list(enumerate(lines, start=1))
    seen, every = set(), []
    for _, line in numbered:
        for m in _URL_RE.finditer(line):
            url = m.group(0).rstrip(".,;:!?)'\"")
            key = re.sub(r"(?i)^(?:https?://)?(?:www\.)?", "", url).rstrip("/").lower()
            if key and key not in seen and "." in key:
                seen.add(key)
                every.append(url)
    assert _links(numbered) == tuple(every)
