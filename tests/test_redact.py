"""Blind screening: no identity survives into any report; evidence and scores stay usable."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from screener.api import ScreenOptions, screen
from screener.records import Contact
from screener.report.csv import write_blind_key
from screener.score.redact import MASK, Masker, blind, candidate_ids

SECRET = b"0123456789abcdef-test-secret"
from screener.report import csv as csv_report
from screener.report import html as html_report
from screener.report import json as json_report
from screener.report import terminal
from screener_testkit.shortlist_factory import make_shortlist

# everything in the factory's resumes and file names that identifies a person
IDENTIFYING = (
    "Avery", "Quinn", "Jordan", "Blake", "Casey", "Morgan", "riley",
    "avery.quinn@example.com", "jordan.blake@example.com", "casey.morgan@example.com",
    "555-010-2345", "010-2345", "010-7788", "010-9911", "9911",
    "github.com/avery-quinn-example", "avery-quinn-example", "linkedin.com/in/jordan-blake",
    "avery_quinn", "casey-morgan", "riley_park_scan", "broken.docx", "CV.docx", ".pdf", ".txt",
    "resumes/", "scans/",
    "1990-04-12", "3 March 1995", "Lakeview", "Maple Street", "Springfield", "62704", "PyCon",
)


def all_reports(shortlist) -> dict[str, str]:
    out = {"terminal": terminal.render(shortlist, explain=True, width=200)}
    for name, module, writer in (("csv", csv_report, "write_csv"),
                                 ("json", json_report, "write_json"),
                                 ("html", html_report, "write_html")):
        buf = io.StringIO(newline="")
        getattr(module, writer)(shortlist, buf)
        out[name] = buf.getvalue()
    return out


def test_no_identifying_string_appears_in_any_report():
    original = all_reports(make_shortlist())
    for value in ("Avery Quinn", "resumes/avery_quinn.pdf"):
        assert all(value in text for text in original.values())  # the check can find them
    assert "avery.quinn@example.com" in original["csv"] + original["json"]
    for kind, text in all_reports(blind(make_shortlist())).items():
        leaks = [v for v in IDENTIFYING if v.lower() in text.lower()]
        assert leaks == [], kind


def test_document_text_is_masked_line_for_line():
    s = make_shortlist()
    blinded = blind(s)
    for before, after in zip(s.entries, blinded.entries):
        old = before.assessment.profile.document.text
        new = after.assessment.profile.document.text
        assert len(new.split("\n")) == len(old.split("\n"))
        assert [v for v in IDENTIFYING if v.lower() in new.lower()] == []
    text = blinded.entries[0].assessment.profile.document.text.split("\n")
    assert text[:5] == [MASK, f"{MASK} | {MASK} | {MASK}", MASK, f"Date of birth: {MASK}", MASK]
    # the work history, which the score rests on, is untouched
    assert text[11] == ("Python and Django services on PostgreSQL, deployed with Docker and "
                        "Kubernetes on AWS.")


def test_candidates_appear_under_their_ids_with_scores_and_evidence_kept():
    s = make_shortlist()
    blinded = blind(s, secret=SECRET)
    for before, after in zip(s.entries, blinded.entries):
        a, b = before.assessment, after.assessment
        assert b.file == after.candidate_id != before.candidate_id  # keyed, not the sha's
        assert b.profile.contact == Contact()
        assert (b.score, b.years, after.rank) == (a.score, a.years, before.rank)
        assert [r.outcome for r in b.results] == [r.outcome for r in a.results]
    avery = blinded.entries[0].assessment
    assert avery.results[0].evidence[0].text == "Python"
    assert avery.results[0].evidence[0].line == 12
    # evidence that quoted the name keeps the skill, loses the name
    django = avery.profile.skill("django")
    assert django is not None and django.evidence[0].text == f"{MASK} - Python and Django"
    kept = blinded.entries[0].candidate_id
    assert blinded.entries[5].assessment.duplicate_of == kept
    assert blinded.entries[5].assessment.profile.document.error == (
        f"same content as {kept}; remove one copy")


def test_blind_key_maps_ids_back_to_files():
    s = make_shortlist()
    blinded = blind(s, secret=SECRET)
    buf = io.StringIO(newline="")
    write_blind_key(blinded, buf)
    got = list(csv.reader(io.StringIO(buf.getvalue(), newline="")))
    assert got[0] == ["candidate_id", "file", "sha256"]
    assert got[1:] == [[b.candidate_id, e.assessment.file, e.assessment.profile.document.sha256]
                       for e, b in zip(s.entries, blinded.entries)]
    assert blind(blinded) == blinded
    with pytest.raises(ValueError):
        write_blind_key(s, io.StringIO())  # the original holds no key: its ids are not blind


def test_blind_ids_cannot_be_computed_from_the_file():
    s = make_shortlist()
    shas = [e.assessment.profile.document.sha256 for e in s.entries]
    ids = candidate_ids(s, SECRET)
    assert candidate_ids(s, SECRET) == ids  # the same secret, the same ids
    other = candidate_ids(s, b"another secret of enough bytes")
    assert all(a != b for a, b in zip(ids, other, strict=True))
    assert blind(s).entries[0].candidate_id != blind(s).entries[0].candidate_id  # random
    for cid in ids + other:
        hexpart = cid.split("-")[1]
        assert not any(sha.startswith(hexpart[:6]) or hexpart in sha for sha in shas)
        assert cid not in [e.candidate_id for e in s.entries]
    # duplicates (same bytes) share the keyed digest and get a suffix
    base = min(ids[0], ids[5])
    assert len(set(ids)) == len(ids) and {ids[0], ids[5]} == {base, base + "-2"}


@pytest.mark.parametrize("line", [
    "Call +44 20 7946 0958 any time", "(555) 010-3344", "555.010.3344",
    "mail: someone.else@example.org", "https://portfolio.example.net/me",
    "www.example.com/about", "github.com/someone-else",
    "DOB 02/03/1991", "D.O.B.: 1991-03-02", "Age: 34", "Nationality: Utopian",
    "Marital status: married", "17 Harbour View Road", "Address: Flat 2, Old Mill",
    "Lakeside, CA 90210", "London SW1A 1AA", "Photo of the author", "[Photo]",
])
def test_generic_identifiers_are_masked(line):
    masked = Masker(None, {}).line(line)
    assert masked != line and MASK in masked
    assert not any(ch.isdigit() for ch in masked)


@pytest.mark.parametrize("line", [
    "Senior Backend Engineer, Northwind Labs  Jan 2019 - present",
    "2019-01 - 2021-03 Software Developer", "2015 - 2019, 2019 - 2021",
    "Reduced p99 latency by 40 percent across 12 services",
    "Storage: 5 TB PostgreSQL cluster", "Node.js, ASP.NET/C#, Vue.js",
    "Built 3 microservices on the way to 1 million users",
])
def test_work_history_is_not_masked(line):
    assert Masker(None, {}).line(line) == line


# --------------------------------------------------------------------------- header words


def _header_profile(text: str):
    from screener.parse.profile import ParseSettings, parse_bytes

    return parse_bytes("cv.txt", text.encode("utf-8"), ParseSettings(as_of="2026-11-27"))


@pytest.mark.parametrize(("header", "expected"), [
    ("Дмитрий Иванов", {"Дмитрий", "Иванов"}),
    ("Łukasz Wójcik-Nowak", {"Łukasz", "Wójcik-Nowak", "Wójcik", "Nowak"}),
    ("Nguyễn Thị Minh Khai", {"Nguyễn", "Thị", "Minh", "Khai"}),
    ("José Luis Fernández Villalobos Ortega", {"José", "Luis", "Fernández", "Villalobos",
                                               "Ortega"}),
    ("Chidinma Okonkwo (she/her)", {"Chidinma", "Okonkwo"}),
    ("Marcus Whitfield Jr.", {"Marcus", "Whitfield"}),
    ("Priya Raghunathan, PhD", {"Priya", "Raghunathan"}),
    ("ruby chen", {"ruby", "chen"}),  # the name line whatever its case, a skill word included
    ("王小明", {"王小明"}),
])
def test_every_word_of_the_name_line_is_an_identifying_term(header, expected):
    from screener.score.identity import identifying_terms

    text = (f"{header}\nSenior Backend Engineer | Kraków, Poland\nx.y@example.com\n\n"
            "EXPERIENCE\nBackend Engineer, Initech\nJan 2019 - Present\n- Python on AWS in May.\n")
    terms = set(identifying_terms(_header_profile(text)))
    assert expected <= terms
    assert "Kraków" in terms  # a capitalised header word
    # headings, job words, skills, months, suffixes and pronouns stay readable
    assert not terms & {"Senior", "Backend", "Engineer", "Python", "May", "Jr", "PhD", "she",
                        "her", "EXPERIENCE", "Initech"}


@pytest.mark.parametrize(("line", "masked"), [
    ("Built it at WOJCIK Software", f"Built it at {MASK} Software"),
    ("Wójcik Software", f"{MASK} Software"),
    ("Wo\u0301jcik Software", f"{MASK} Software"),  # decomposed accent
    ("ИВАНОВ и Партнёры", f"{MASK} и Партнёры"),
    ("Nguyen Studio; Nguyễn's team", f"{MASK} Studio; {MASK}'s team"),
    ("Okonkwo Consulting, okonkwoX", f"{MASK} Consulting, okonkwoX"),  # whole words only
    ("王小明先生", f"{MASK}先生"),  # no spaces in the script: matched anywhere
])
def test_header_terms_are_masked_in_any_case_and_accent(line, masked):
    masker = Masker.for_contact(Contact(), "cv.txt", {},
                                ("Wójcik", "Иванов", "Nguyễn", "Okonkwo", "王小明"))
    assert masker.line(line) == masked


# --------------------------------------------------------------------------- qualifications
QUALIFIED = """Noor Haddad
noor.haddad@example.org | +49 30 0102 0304

SUMMARY
Backend developer: Python and PostgreSQL on AWS.
Based in Munich, Germany
Open to relocation; Noor Haddad holds an EU passport.

EXPERIENCE
Backend Engineer, Isar Payments
Jan 2018 - Present
- Python and PostgreSQL services on Kubernetes and AWS, with Docker.

EDUCATION
B.Sc. Computer Science, Technical University of Munich, 2017

CERTIFICATIONS
Certified Kubernetes Administrator (CKA) - Noor Haddad, 2021

LANGUAGES
English (fluent), German (native)
"""


def test_qualification_findings_are_masked_and_the_location_outcome_kept(tmp_path):
    (tmp_path / "noor.txt").write_text(QUALIFIED, encoding="utf-8")
    posting = Path(__file__).resolve().parent.parent / "pipelines" / "backend-developer-eu.yaml"
    s = screen([tmp_path], posting, as_of="2026-11-27",
               options=ScreenOptions(jobs=0, use_cache=False))
    before, after = s.entries[0].assessment, blind(s, secret=SECRET).entries[0].assessment
    q, was = after.profile.qualifications, before.profile.qualifications
    assert [loc.text for loc in was.locations] == ["Munich, Germany"]  # what there is to mask
    assert [(loc.text, loc.places, loc.evidence.text) for loc in q.locations] == [(MASK, (), MASK)]
    degree = q.degrees[0].evidence.text
    assert degree == f"B.Sc. Computer Science, Technical University of {MASK}, 2017"
    assert q.degrees[0].field == "Computer Science"
    cert = q.certifications[0].evidence.text
    assert cert == f"Certified Kubernetes Administrator (CKA) - {MASK}, 2021"
    assert [w.evidence.text for w in q.authorisations] == [f"{MASK} holds an EU passport."]
    assert [e.text for e in q.relocation] == ["Open to relocation"]
    assert [(s.id, s.level) for s in q.languages] == [(s.id, s.level) for s in was.languages]
    # the requirement keeps its outcome and points; where the candidate lives is gone
    location = {r.requirement: r for r in after.results}["location-berlin-germany"]
    plain = {r.requirement: r for r in before.results}["location-berlin-germany"]
    assert (location.outcome, location.points) == (plain.outcome, plain.points)
    assert (plain.outcome, plain.points) == ("met", plain.max_points)
    assert plain.note == "lives in Munich, Germany (line 6)"
    assert plain.matched == ("Munich, Germany",)
    assert location.note == f"lives in {MASK} (line 6)" and location.matched == (MASK,)
    assert [e.text for e in location.evidence] == [MASK]
    for kind, text in all_reports(blind(s, secret=SECRET)).items():
        assert [v for v in ("Noor", "Haddad", "Munich") if v.lower() in text.lower()] == [], kind
