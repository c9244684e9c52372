"""CSV report: columns, one row per file, quoting, formula-injection guard, Excel BOM."""

from __future__ import annotations

import csv
import io
from dataclasses import replace

import pytest

from screener.report.csv import COLUMNS, row_for, safe_cell, write_csv
from screener_testkit.shortlist_factory import HOSTILE_NAMES, hostile_shortlist, make_shortlist

CONTRACT = ["rank", "file", "name", "email", "score", "status", "error", "years", "matched",
            "missing"]


def written(shortlist, **kwargs) -> str:
    buf = io.StringIO(newline="")
    write_csv(shortlist, buf, **kwargs)
    return buf.getvalue()


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_contract_columns_come_first_then_the_details():
    header = written(make_shortlist()).split("\n", 1)[0].split(",")
    assert header[: len(CONTRACT)] == CONTRACT
    assert {"candidate_id", "relevant_years", "claimed_years", "knockout", "skills",
            "extractor", "sha256"} <= set(header)
    assert tuple(header) == COLUMNS


def test_one_row_per_file_ranked_first_failed_last_with_empty_rank():
    got = rows(written(make_shortlist()))
    assert [(r["rank"], r["file"], r["status"]) for r in got] == [
        ("1", "resumes/avery_quinn.pdf", "ok"),
        ("2", "resumes/Jordan Blake, CV.docx", "ok"),
        ("3", "resumes/casey-morgan.txt", "ok"),
        ("", "scans/riley_park_scan.pdf", "empty"),
        ("", "resumes/broken.docx", "error"),
        ("", "resumes/avery_quinn (1).pdf", "duplicate"),
    ]
    assert got[3]["error"] == "no text layer (a scanned image?); run OCR on it and screen again"
    assert got[5]["error"] == "same content as resumes/avery_quinn.pdf; remove one copy"
    assert [r["score"] for r in got[3:]] == ["", "", ""]


def test_values_numbers_and_lists_are_formatted_consistently():
    avery, jordan, casey = rows(written(make_shortlist()))[:3]
    assert avery["score"] == "91.6" and jordan["score"] == "80.4"  # one decimal
    assert avery["years"] == "9.25" and casey["years"] == "8.00"  # two decimals
    assert casey["relevant_years"] == "" and jordan["claimed_years"] == ""  # unknown is empty
    assert avery["matched"] == ("1 of Python, Node.js, PHP; PostgreSQL; Containers (Docker); "
                                "Kubernetes; AWS; CI/CD")
    assert jordan["missing"] == "Kubernetes; CI/CD"
    assert casey["knockout"] == "required 1 of Python, Node.js, PHP: not found"
    assert jordan["skills"] == "aws; docker; nodejs; postgresql; redis"
    assert avery["name"] == "Avery Quinn" and avery["email"] == "avery.quinn@example.com"
    assert len(avery["sha256"]) == 64 and avery["candidate_id"] == "C-7f3a"


def test_commas_quotes_and_newlines_survive_a_round_trip():
    s = make_shortlist()
    first = s.entries[0]
    doc = replace(first.assessment.profile.document, path='a, "b"\nc.pdf')
    profile = replace(first.assessment.profile, document=doc)
    entry = replace(first, assessment=replace(first.assessment, profile=profile))
    text = written(replace(s, entries=(entry,) + s.entries[1:]))
    assert '"a, ""b""\nc.pdf"' in text
    assert rows(text)[0]["file"] == 'a, "b"\nc.pdf'
    assert len(rows(text)) == len(s.entries)


@pytest.mark.parametrize("name", HOSTILE_NAMES[2:6])  # =HYPERLINK, @SUM, -2+3, +1
def test_formula_names_are_prefixed_with_a_quote(name):
    got = {r["candidate_id"]: r for r in rows(written(hostile_shortlist()))}
    index = HOSTILE_NAMES.index(name)
    assert got[f"H-{index:02d}"]["name"] == "'" + name


@pytest.mark.parametrize("cell", ["=1+1", "+1", "-2+3", "@SUM(1)", "\t=1", "\r=1", "-", "+",
                                  "=HYPERLINK(\"http://x\")"])
def test_safe_cell_guards_anything_a_spreadsheet_would_evaluate(cell):
    assert safe_cell(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["-1.5", "-2", "0", "91.6", "Avery Quinn", "a=b", ""])
def test_safe_cell_leaves_plain_numbers_and_text_alone(cell):
    assert safe_cell(cell) == cell


def test_safe_cell_none_is_empty():
    assert safe_cell(None) == ""


def test_phone_with_plus_is_guarded_but_negative_numbers_stay_numbers():
    row = rows(written(make_shortlist()))[0]
    assert row["phone"] == "'+1 555-010-2345"
    first = make_shortlist().entries[0]
    negative = replace(first, assessment=replace(first.assessment, years=-1.5))
    assert safe_cell(row_for(negative)["years"]) == "-1.50"


def test_every_written_cell_is_safe():
    for row in csv.reader(io.StringIO(written(hostile_shortlist()), newline="")):
        for cell in row:
            assert not cell.startswith(("=", "+", "@", "\t", "\r")), cell
            assert not cell.startswith("-") or cell.lstrip("-").replace(".", "").isdigit()


def test_rows_end_with_newline_and_output_is_deterministic():
    text = written(hostile_shortlist())
    assert "\r\n" not in text.replace('\r\n"', "") and text.endswith("\n")
    assert text == written(hostile_shortlist())


def test_excel_mode_starts_with_a_byte_order_mark(tmp_path):
    path = tmp_path / "out.csv"
    with open(path, "w", encoding="utf-8", newline="") as fp:
        write_csv(hostile_shortlist(), fp, excel=True)
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfrank,file,")
    assert "Zoë".encode() in data
    assert not written(hostile_shortlist()).startswith("\ufeff")


def test_every_row_names_the_posting_as_of_date_and_taxonomy_version():
    import csv as _csv
    import io

    from screener_testkit.shortlist_factory import make_shortlist

    shortlist = make_shortlist()
    out = io.StringIO()
    write_csv(shortlist, out)
    rows = list(_csv.DictReader(io.StringIO(out.getvalue())))
    assert len(rows) == len(shortlist.entries)
    for row in rows:
        assert row["posting"] == shortlist.posting.id
        assert row["as_of"] == shortlist.as_of
        assert row["taxonomy"] == shortlist.taxonomy_version != ""


def test_nul_characters_are_dropped_not_fatal():
    assert safe_cell("Avery\x00 Quinn") == "Avery Quinn"
    assert safe_cell("\x00=SUM(A1)") == "'=SUM(A1)"
