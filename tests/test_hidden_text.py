"""Hidden text (issue 12.2): text a reader cannot see is left out of matching and flagged.

tests/fixtures/files/hidden_text.pdf hides Kubernetes and Terraform in white on the white page,
Kafka in render mode 3, Scala in a 1-pt font, Ansible at x=-500 and Elasticsearch under a
picture; hidden_text.docx hides Kubernetes (w:vanish), Terraform and Kafka (white) and Scala
(1 pt). Both show Python and PostgreSQL in dark blue, grey and black, and Docker and Redis in
white on a dark box (PDF) or a dark-shaded cell (DOCX): those are read.
"""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from screener.cli import cli
from screener.extract import extract
from screener.extract.docx import _pale
from screener.extract.hidden import is_faint
from screener.extract.visible import _faint
from screener.parse.profile import ParseSettings, parse_document
from screener.records import Document, Profile
from screener.run.serialize import from_rows, to_rows
from screener.run.work import drop_text
from screener_testkit.make_fixtures import HIDDEN_SKILLS, HIDDEN_VISIBLE
from tests.conftest import AS_OF, EXAMPLES

FIXTURES = Path(__file__).parent / "fixtures"
FILES = FIXTURES / "files"

POSTING = Path(__file__).parent.parent / "pipelines" / "backend-developer.yaml"
PDF_HIDDEN = {s.lower() for s in HIDDEN_SKILLS}
DOCX_HIDDEN = {"kubernetes", "terraform", "kafka", "scala"}
VISIBLE = {s.lower() for s in HIDDEN_VISIBLE}


@pytest.mark.parametrize("extractor", ["auto", "fast", "pdfminer"])
def test_pdf_hidden_text_is_left_out_and_kept_apart(extractor):
    doc = extract(str(FILES / "hidden_text.pdf"), extractor=extractor)
    assert doc.status == "ok"
    for word in HIDDEN_SKILLS:
        assert word not in doc.text
        assert word in doc.hidden_text
    # ordinary colours are read: dark blue name, grey headings, white on a dark box
    for visible in ("Jordan Vale", "EXPERIENCE", "SKILLS", "Docker and Redis",
                    "Built APIs in Python on PostgreSQL."):
        assert visible in doc.text
        assert visible not in doc.hidden_text
    assert doc.hidden_chars == sum(1 for c in doc.hidden_text if not c.isspace()) > 0


def test_docx_hidden_runs_are_left_out_and_kept_apart():
    doc = extract(str(FILES / "hidden_text.docx"))
    assert doc.status == "ok"
    for word in ("Kubernetes", "Terraform", "Kafka", "Scala"):
        assert word not in doc.text
        assert word in doc.hidden_text
    for visible in ("EXPERIENCE", "Built APIs in Python on PostgreSQL.", "Docker and Redis"):
        assert visible in doc.text


@pytest.mark.parametrize("name", ["one_column.pdf", "two_column.pdf", "table.docx",
                                  "ligatures.pdf", "utf8.txt"])
def test_ordinary_files_hide_nothing(name):
    doc = extract(str(FILES / name))
    assert (doc.hidden_text, doc.hidden_chars) == ("", 0)


def test_near_white_rules():
    assert is_faint((255, 255, 255, 255)) and is_faint((240, 240, 240, 255))
    assert is_faint((0, 0, 0, 0))  # fully transparent
    assert not is_faint((200, 200, 200, 255)) and not is_faint((13, 38, 115, 255))
    assert _faint((1.0, 1.0, 1.0)) and _faint(1.0) and _faint((0.0, 0.0, 0.0, 0.0))
    assert not _faint((0.45, 0.45, 0.45)) and not _faint(0) and not _faint(None)
    assert _pale("FFFFFF") and _pale("F0F0F0")
    assert not _pale("auto") and not _pale("777777") and not _pale(None)


@pytest.mark.parametrize("name, hidden", [("hidden_text.pdf", PDF_HIDDEN),
                                          ("hidden_text.docx", DOCX_HIDDEN)])
def test_hidden_skills_are_named_but_never_matched(name, hidden):
    profile = parse_document(extract(str(FILES / name)), ParseSettings(as_of=AS_OF))
    found = {h.id for h in profile.skills}
    assert VISIBLE <= found
    assert not found & hidden
    assert set(profile.hidden_skills) == hidden
    flag = f"hidden text: {profile.document.hidden_chars} characters, {len(hidden)} skills"
    assert profile.hidden_flag == flag


def test_parse_json_reports_hidden_text():
    result = CliRunner().invoke(cli, ["parse", str(FILES / "hidden_text.pdf"),
                                      str(EXAMPLES / "riley-chen.txt"), "--json",
                                      "--as-of", AS_OF], catch_exceptions=False)
    shown, plain = (json.loads(line) for line in result.stdout.splitlines())
    assert set(shown["hidden_text"]["skills"]) == PDF_HIDDEN
    assert shown["hidden_text"]["chars"] > 0
    assert not {s["id"] for s in shown["skills"]} & PDF_HIDDEN
    assert plain["hidden_text"] == {"chars": 0, "skills": []}
    text = CliRunner().invoke(cli, ["parse", str(FILES / "hidden_text.docx"),
                                    "--as-of", AS_OF]).stdout
    assert "hidden text: " in text and "4 skills (not matched; names kafka" in text


def _screen_with_riley(tmp_path: Path, name: str):
    """Screen one hidden-text file beside an honest resume. (The PDF and the DOCX are one
    person's resume in two formats: screened together, one would be the other's duplicate.)"""
    folder = tmp_path / name / "resumes"
    folder.mkdir(parents=True)
    for source in (FILES / name, EXAMPLES / "riley-chen.txt"):
        shutil.copy(source, folder / source.name)
    out = {kind: tmp_path / name / f"out.{kind}" for kind in ("csv", "json", "html")}
    result = CliRunner().invoke(cli, [
        "screen", str(folder), "--posting", str(POSTING), "--as-of", AS_OF, "--no-cache",
        "--csv", str(out["csv"]), "--json", str(out["json"]), "--html", str(out["html"]),
        "--explain",
    ], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result, out


@pytest.mark.parametrize("name, skills", [("hidden_text.pdf", 6), ("hidden_text.docx", 4)])
def test_every_report_flags_hidden_text(tmp_path, name, skills):
    result, out = _screen_with_riley(tmp_path, name)
    flag = parse_document(extract(str(FILES / name)), ParseSettings(as_of=AS_OF)).hidden_flag
    assert flag.endswith(f"{skills} skills")
    assert flag in result.stdout
    assert result.stdout.lower().count("hidden text: ") == 2  # the table row and --explain
    rows = {Path(r["file"]).name: r for r in csv.DictReader(out["csv"].open(newline=""))}
    assert rows[name]["hidden_text"] == flag
    assert rows["riley-chen.txt"]["hidden_text"] == ""
    if name.endswith(".pdf"):
        assert not set(rows[name]["skills"].split("; ")) & PDF_HIDDEN
    report = json.loads(out["json"].read_text())
    schema = Path(__file__).parent.parent / "schemas" / "report.schema.json"
    jsonschema.validate(report, json.loads(schema.read_text()))
    candidates = {Path(c["file"]).name: c for c in report["candidates"]}
    assert candidates[name]["hidden_text"]["flag"] == flag
    if name.endswith(".pdf"):
        assert set(candidates[name]["hidden_text"]["skills"]) == PDF_HIDDEN
    assert candidates["riley-chen.txt"]["hidden_text"]["flag"] == ""
    html = out["html"].read_text()
    assert html.count(f'<span class="tag hidden-text">{flag}</span>') == 2  # row, details


def test_cache_rows_carry_hidden_text_and_drop_text_drops_it():
    doc = extract(str(FILES / "hidden_text.pdf"))
    assert from_rows(Document, to_rows(doc)) == doc
    profile = Profile(document=doc, hidden_skills=("kafka",))
    assert from_rows(Profile, to_rows(profile)) == profile
    light = drop_text(profile)
    assert light.document.text == light.document.hidden_text == ""
    assert light.document.hidden_chars == doc.hidden_chars and light.hidden_flag


def test_a_file_whose_text_is_all_hidden_says_so(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "white.pdf"
    c = canvas.Canvas(str(path), invariant=1)
    c.setFillColorRGB(1, 1, 1)
    c.drawString(72, 700, "Python Kubernetes AWS")
    c.showPage()
    c.save()
    for extractor in ("auto", "fast", "pdfminer"):
        doc = extract(str(path), extractor=extractor)
        assert doc.status == "empty"
        assert doc.error.startswith("all its text is hidden")
        assert doc.hidden_text == "Python Kubernetes AWS"
