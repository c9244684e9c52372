"""The qualification requirements end to end: real-looking PDF, DOCX and text resumes (invented
people, written at test time) screened with `screener screen` against a posting that asks for
a degree, a certification, a language, a location and the right to work (the knock-out); the
CSV and JSON reports give the ranks, outcomes and evidence."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from screener.cli import cli

AS_OF = "2026-11-27"
POSTING = """\
title: Platform Engineer (Berlin)
requirements:
  - any_of: [python, go]
    label: Python or Go
  - skill: postgresql
  - skill: kubernetes
  - degree: bachelor
    fields: [computer science, informatics]
  - certification: [cka, aws-certified]
    importance: preferred
  - language: english
    level: fluent
  - location: [Berlin, Germany]
    relocation: true
  - work_authorisation: eu
    knockout: true
experience:
  min_years: 3
"""

SKILLS = "Python, Go, PostgreSQL, Kubernetes, Docker, Terraform, AWS"


def _lena() -> list[str]:  # every qualification met: first
    return [
        "Lena Fischer",
        "lena.fischer@example.com | +49 30 0102 0304 | Berlin, Germany | EU citizen",
        "", "SUMMARY", "Platform engineer running Kubernetes clusters for payment services.",
        "", "EXPERIENCE", "Senior Platform Engineer, Example Pay GmbH", "Mar 2019 - Present",
        "• Operated PostgreSQL and Kubernetes on AWS; tooling in Go and Python.",
        "Software Engineer, Example Logistics AG", "Sep 2016 - Feb 2019",
        "• Built Python services on PostgreSQL.",
        "", "SKILLS", SKILLS,
        "", "EDUCATION", "M.Sc. Computer Science, Example Technical University, 2016",
        "", "CERTIFICATIONS", "Certified Kubernetes Administrator (CKA), 2021",
        "", "LANGUAGES", "German (native), English (C1)",
    ]


def _marco() -> list[str]:  # lives in Milan, will relocate; a CKA exam pending
    return [
        "Marco Rossi",
        "marco.rossi@example.com | +39 02 0102 0304 | Milan, Italy",
        "Italian citizen · open to relocation",
        "", "SUMMARY", "Backend engineer; fluent in English, native Italian speaker.",
        "", "EXPERIENCE", "Backend Engineer, Example Retail S.p.A.", "Jan 2018 - Present",
        "• Python services on PostgreSQL, deployed to Kubernetes.",
        "", "SKILLS", SKILLS,
        "", "EDUCATION", "Laurea (BSc) in Informatics, Example University of Milan, 2017",
        "", "CERTIFICATIONS", "CKA exam scheduled (in progress)",
    ]


def _priya() -> list[str]:  # the strongest skills, but needs sponsorship: knocked out
    return [
        "Priya Nair",
        "priya.nair@example.com | +91 80 0102 0304 | Bangalore, India",
        "Will require visa sponsorship",
        "", "SUMMARY", "Site reliability engineer, fluent in English, Hindi and Malayalam.",
        "", "EXPERIENCE", "Senior SRE, Example Cloud Pvt Ltd", "Jun 2015 - Present",
        "• Ran Kubernetes and PostgreSQL for 40 teams; automation in Go and Python.",
        "", "SKILLS", SKILLS,
        "", "EDUCATION", "B.Tech. Computer Science, Example Institute of Technology, 2015",
        "", "CERTIFICATIONS", "AWS Certified Solutions Architect - Professional",
    ]


def _sam() -> list[str]:  # says nothing of location, languages or the right to work: unknown
    return [
        "Sam Taylor", "sam.taylor@example.com", "",
        "EXPERIENCE", "DevOps Engineer, Example Media", "Apr 2020 - Present",
        "- Python tooling, PostgreSQL backups, Kubernetes upgrades.",
        "", "SKILLS", SKILLS,
    ]


def _pdf(lines: list[str], path: Path) -> None:
    pytest.importorskip("reportlab")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    font = "Helvetica"
    dejavu = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    if dejavu.is_file():  # bullets and accents as a real resume writer embeds them
        pdfmetrics.registerFont(TTFont("DejaVuSans", str(dejavu)))
        font = "DejaVuSans"
    c = canvas.Canvas(str(path), pagesize=(612, 792), invariant=1)
    y = 742
    for i, line in enumerate(lines):
        c.setFont(font, 14 if i == 0 else 10)
        c.drawString(50, y, line)
        y -= 18 if i == 0 else 13
    c.showPage()
    c.save()


def _docx(lines: list[str], path: Path) -> None:
    docx = pytest.importorskip("docx")
    doc = docx.Document()
    for line in lines:
        doc.add_paragraph(line)
    doc.save(str(path))


@pytest.fixture(scope="module")
def screened(tmp_path_factory) -> dict:
    folder = tmp_path_factory.mktemp("resumes")
    _pdf(_lena(), folder / "lena-fischer.pdf")
    _docx(_marco(), folder / "marco-rossi.docx")
    _pdf(_priya(), folder / "priya-nair.pdf")
    (folder / "sam-taylor.txt").write_text("\n".join(_sam()) + "\n", encoding="utf-8")
    out = tmp_path_factory.mktemp("out")
    posting = out / "platform.yaml"
    posting.write_text(POSTING, encoding="utf-8")
    result = CliRunner().invoke(cli, [
        "screen", str(folder), "--posting", str(posting), "--as-of", AS_OF, "--no-cache",
        "--quiet", "--jobs", "1", "--csv", str(out / "r.csv"), "--json", str(out / "r.json")],
        catch_exceptions=False)
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO((out / "r.csv").read_text(encoding="utf-8"))))
    report = json.loads((out / "r.json").read_text(encoding="utf-8"))
    return {"rows": {Path(r["file"]).name: r for r in rows}, "order": [Path(r["file"]).name
            for r in rows], "json": {Path(c["file"]).name: c for c in report["candidates"]}}


QUALIFICATION_IDS = ("degree-bachelor", "certification-cka-aws-certified", "language-english",
                     "location-berlin-germany", "work-authorisation-eu")


def _outcomes(candidate: dict) -> dict[str, str]:
    return {r["id"]: r["outcome"] for r in candidate["requirements"]}


def test_ranks_put_the_knocked_out_candidate_last(screened):
    assert screened["order"] == ["lena-fischer.pdf", "marco-rossi.docx", "sam-taylor.txt",
                                 "priya-nair.pdf"]
    assert [screened["rows"][f]["rank"] for f in screened["order"]] == ["1", "2", "3", "4"]
    line = screened["json"]["priya-nair.pdf"]["requirements"][-2]["evidence"][0]["line"]
    assert screened["rows"]["priya-nair.pdf"]["knockout"] == (
        'knock-out: Right to work in the EU/EEA: needs sponsorship: "Will require visa '
        f'sponsorship" (line {line})')
    assert all(screened["rows"][f]["knockout"] == "" for f in screened["order"][:3])


def test_each_qualification_is_met_from_the_pdf_with_its_evidence(screened):
    lena = screened["json"]["lena-fischer.pdf"]
    assert {k: v for k, v in _outcomes(lena).items() if k in QUALIFICATION_IDS} == {
        "degree-bachelor": "met", "certification-cka-aws-certified": "met",
        "language-english": "met", "location-berlin-germany": "met",
        "work-authorisation-eu": "met"}
    by_id = {r["id"]: r for r in lena["requirements"]}
    assert by_id["degree-bachelor"]["note"].startswith("Master's degree in Computer Science (line")
    assert by_id["degree-bachelor"]["evidence"][0]["section"] == "education"
    assert by_id["language-english"]["note"].startswith("English (fluent), line")
    assert by_id["location-berlin-germany"]["matched"] == ["Berlin, Germany"]
    location_line = by_id["location-berlin-germany"]["evidence"][0]["line"]
    assert by_id["work-authorisation-eu"]["evidence"][0]["line"] == location_line  # one line


def test_relocation_citizenship_and_a_pending_certificate_from_the_docx(screened):
    marco = screened["json"]["marco-rossi.docx"]
    by_id = {r["id"]: r for r in marco["requirements"]}
    assert by_id["location-berlin-germany"]["note"] == "willing to relocate (line 3)"
    assert by_id["work-authorisation-eu"]["outcome"] == "met"
    assert by_id["degree-bachelor"]["outcome"] == "met"  # Informatics is in the fields
    assert by_id["certification-cka-aws-certified"]["outcome"] == "partial"
    assert by_id["language-english"]["outcome"] == "met"


def test_a_resume_that_says_nothing_is_unknown_not_missing(screened):
    sam = screened["json"]["sam-taylor.txt"]
    outcomes = _outcomes(sam)
    assert [outcomes[k] for k in ("degree-bachelor", "language-english",
            "location-berlin-germany", "work-authorisation-eu")] == ["unknown"] * 4
    assert sam["knocked_out_by"] == []
    row = screened["rows"]["sam-taylor.txt"]
    assert "AWS Certified" in row["missing"] and "Right to work" not in row["missing"]


def test_the_csv_columns_read_as_the_posting_labels(screened):
    lena = screened["rows"]["lena-fischer.pdf"]
    assert lena["matched"].split("; ")[3:8] == [
        "Bachelor's degree in computer science or informatics",
        "Certified Kubernetes Administrator or AWS Certified", "English (fluent)",
        "Lives in Berlin or Germany (or relocating)", "Right to work in the EU/EEA"]
    assert lena["missing"] == ""
    priya = screened["rows"]["priya-nair.pdf"]
    assert priya["missing"] == "Lives in Berlin or Germany (or relocating); Right to work in the EU/EEA"
