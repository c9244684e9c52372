"""screener.extract: real fixture files (screener_testkit.make_fixtures) through every reader."""

from __future__ import annotations

import dataclasses
import hashlib
import io
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from screener.errors import ErrorCode
from screener.extract import EXTRACTORS, extract, layout
from screener.extract.layout import Glyph, reading_order, segment_columns, segments
from screener.extract.pdf import fast_path_problem
from screener.extract.plain import decode
from screener.extract.sniff import sniff
from screener_testkit import make_fixtures

FIXTURES = Path(__file__).parent / "fixtures"
FILES = FIXTURES / "files"

PDF_EXTRACTORS = list(EXTRACTORS)


def read(name: str, extractor: str = "auto", **kwargs):
    return extract(str(FILES / name), extractor=extractor, **kwargs)


def nonblank(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.strip()]


def contains_run(lines: list[str], run: list[str]) -> bool:
    """True when `run` appears in `lines` as consecutive lines, in order."""
    return any(lines[i : i + len(run)] == run for i in range(len(lines) - len(run) + 1))


# --------------------------------------------------------------------------- PDF


@pytest.mark.parametrize("extractor", PDF_EXTRACTORS)
def test_one_column_pdf(extractor: str) -> None:
    doc = read("one_column.pdf", extractor)
    assert (doc.status, doc.kind, doc.pages, doc.error) == ("ok", "pdf", 1, None)
    assert doc.extractor == ("pdfminer" if extractor == "pdfminer" else "pdfium")
    lines = nonblank(doc.text)
    assert lines[:2] == ["Avery Quinn", "avery.quinn@example.com | (555) 010-4242 | Portland, OR"]
    assert contains_run(
        lines,
        [
            "Senior Backend Engineer, Globex Corporation",
            "Jan 2020 - Present",
            "\u2022 Built payment APIs in Node.js and PostgreSQL serving two million requests a day.",
        ],
    )
    assert "Python, Node.js, PHP, PostgreSQL, Docker, Kubernetes, AWS, Redis" in lines


SIDEBAR = [
    "SKILLS",
    "Python",
    "Node.js",
    "PHP",
    "PostgreSQL",
    "Docker",
    "Kubernetes",
    "AWS",
    "Redis",
]
MAIN = [
    "Senior Backend Engineer",
    "Globex Corporation, Jan 2020 - Present",
    "\u2022 Built payment APIs in Node.js and PostgreSQL serving two million",
    "requests a day.",
    "\u2022 Moved forty services to Docker and Kubernetes on AWS.",
]


def test_two_column_fixture_is_interleaved_in_drawing_order() -> None:
    # The fixture is drawn row by row: pdfium's plain text mixes the columns on one line.
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(FILES / "two_column.pdf"))
    raw = pdf[0].get_textpage().get_text_range()
    pdf.close()
    assert "SKILLS SUMMARY" in raw and "Python Backend developer" in raw


@pytest.mark.parametrize("extractor", PDF_EXTRACTORS)
def test_two_column_pdf_keeps_each_column_together(extractor: str) -> None:
    lines = nonblank(read("two_column.pdf", extractor).text)
    assert contains_run(lines, SIDEBAR)
    assert contains_run(lines, MAIN)
    assert contains_run(lines, ["EDUCATION", "B.Sc. Computer Science", "State University, 2016"])
    assert lines.index("Redis") < lines.index("EDUCATION")
    assert lines.index("SUMMARY") < lines.index("EXPERIENCE") < lines.index("Software Developer")


@pytest.mark.parametrize("extractor", PDF_EXTRACTORS)
def test_ligatures_and_hyphenation(extractor: str) -> None:
    lines = nonblank(read("ligatures.pdf", extractor).text)
    assert "Efficient engineer with five years of financial workflow automation." in lines
    assert contains_run(
        lines,
        [
            "Led the development",
            "of payment APIs in Node.js and PostgreSQL for the",
            "back-end",
            "platform and its configuration service.",
        ],
    )


@pytest.mark.parametrize("extractor", PDF_EXTRACTORS)
def test_tight_word_spacing_is_split_into_words(extractor: str) -> None:
    doc = read("tight_words.pdf", extractor)
    assert (
        "\u2022 Built payment APIs in Node.js and PostgreSQL serving two million requests a day."
        in doc.lines
    )


@pytest.mark.parametrize("extractor", PDF_EXTRACTORS)
def test_overhanging_glyphs_do_not_glue_words(extractor: str) -> None:
    # An italic "f" reaches over the gap after it, a "j" over the gap before it: the gap is
    # measured between the glyphs' advances, as pdfminer.six does.
    doc = read("overhang.pdf", extractor)
    assert nonblank(doc.text) == list(make_fixtures.OVERHANG_LINES) * 2


def test_overhang_is_what_glued_the_fast_path(monkeypatch) -> None:
    from screener.extract import pdfium as fast

    monkeypatch.setattr(fast, "_overhang_reader", lambda calls, raw: lambda h, k, x0, x1: (0, 0))
    text = read("overhang.pdf", "fast").text
    assert "ofthe" in text and "newjobs" in text


def test_pdfium_own_text_glues_tight_words_and_the_check_sees_it() -> None:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(FILES / "tight_words.pdf"))
    raw = pdf[0].get_textpage().get_text_range()
    pdf.close()
    assert "BuiltpaymentAPIs" in raw
    assert fast_path_problem(raw, 1) == "glued words"
    assert fast_path_problem(read("tight_words.pdf", "fast").text, 1) is None


PROSE = (
    "Managed the audit of accounts for the office and the staff of the region. Prepared the "
    "reports for the board and the auditors of the company. Reviewed the ledgers of the "
    "branches and the budgets for the year. Trained the staff on the new system and the "
    "controls of the department. Led the update of the policies into the new handbook. "
)


def test_check_sees_words_run_together_but_not_compounds() -> None:
    # a word that splits into two of the text's own words ("handbook" -> "hand" + "book") is
    # normal now and then; many of them, each written once, are words the reader glued
    assert fast_path_problem(PROSE * 3, 1) is None
    glued = PROSE * 3
    for pair in ("the audit", "the office", "the region", "the reports", "the board",
                 "the company", "the ledgers", "the budgets"):
        glued = glued.replace(pair, pair.replace(" ", ""), 1)  # each glued once, as they come
    assert fast_path_problem(glued, 1) == "glued words"


def test_auto_falls_back_to_pdfminer_when_the_fast_path_glues(monkeypatch) -> None:
    monkeypatch.setattr(layout, "WORD_GAP", 50.0)  # disable the gap check: words glue
    assert "BuiltpaymentAPIs" in read("tight_words.pdf", "fast").text
    doc = read("tight_words.pdf", "auto")
    assert doc.extractor == "pdfminer"
    assert "Built payment APIs in Node.js" in doc.text


@pytest.mark.parametrize("extractor", PDF_EXTRACTORS)
def test_scanned_pdf_is_empty_not_an_error(extractor: str) -> None:
    doc = read("scanned.pdf", extractor)
    assert (doc.status, doc.pages, doc.text) == ("empty", 1, "")
    assert doc.error_code == ErrorCode.E_SCANNED_NO_TEXT
    assert doc.error == ErrorCode.E_SCANNED_NO_TEXT.message()


@pytest.mark.parametrize("extractor", PDF_EXTRACTORS)
def test_encrypted_pdf(extractor: str) -> None:
    doc = read("encrypted.pdf", extractor)
    assert (doc.status, doc.kind, doc.error_code) == ("error", "pdf", ErrorCode.E_PDF_ENCRYPTED)
    assert doc.error == "encrypted PDF: ask the candidate for an unprotected copy"


@pytest.mark.parametrize("extractor", PDF_EXTRACTORS)
def test_owner_password_only_pdf_is_read(extractor: str) -> None:
    doc = read("owner_only.pdf", extractor)
    assert doc.status == "ok" and "PostgreSQL" in doc.text


@pytest.mark.parametrize("extractor", PDF_EXTRACTORS)
def test_truncated_pdf(extractor: str) -> None:
    doc = read("truncated.pdf", extractor)
    assert (doc.status, doc.error_code) == ("error", ErrorCode.E_PDF_DAMAGED)
    assert doc.error == "damaged PDF (truncated download?): ask for the file again"


@pytest.mark.parametrize("extractor", ["auto", "fast"])
def test_pdf_missing_its_end_marker_reads_with_a_warning(extractor: str) -> None:
    data = (FILES / "one_column.pdf").read_bytes()
    doc = extract("cut.pdf", data[: data.rindex(b"%%EOF") + 2], extractor=extractor)
    assert doc.status == "ok" and "Avery Quinn" in doc.text
    assert doc.warnings == (
        "PDF looks cut short (no end marker): some text may be missing; ask for it again",
    )


def test_pdf_cut_before_its_trailer() -> None:
    # pdfium rebuilds the cross-reference table from the objects; pdfminer cannot.
    data = (FILES / "one_column.pdf").read_bytes()
    cut = data[: data.rindex(b"xref")]
    doc = extract("cut.pdf", cut, extractor="auto")
    assert doc.status == "ok" and "PostgreSQL" in doc.text and "cut short" in doc.warnings[0]
    assert extract("cut.pdf", cut, extractor="pdfminer").error_code == ErrorCode.E_PDF_DAMAGED


def test_junk_before_the_pdf_header() -> None:
    junk, clean = read("leading_junk.pdf"), read("one_column.pdf")
    assert junk.status == "ok" and junk.text == clean.text
    assert junk.sha256 != clean.sha256


def test_type_is_sniffed_from_bytes_not_the_name() -> None:
    doc = read("pdf_named.docx")
    assert (doc.status, doc.kind) == ("ok", "pdf")
    assert "Node.js" in doc.text


def test_a_pdf_over_the_page_limit_is_an_error_and_at_the_limit_is_read() -> None:
    data = make_fixtures.resume_pdf(make_fixtures.Resume(jobs=make_fixtures.DEFAULT.jobs * 12))
    full = extract("long.pdf", data)
    assert full.pages >= 3 and not full.warnings
    for extractor in PDF_EXTRACTORS:
        over = extract("long.pdf", data, extractor=extractor, max_pages=full.pages - 1)
        assert (over.status, over.kind, over.text) == ("error", "pdf", "")
        assert over.error_code == ErrorCode.E_TOO_MANY_PAGES
        assert over.error == (f"{full.pages} pages is not a resume (limit {full.pages - 1}): "
                              "check the file, or raise --max-pages")
        at = extract("long.pdf", data, extractor=extractor, max_pages=full.pages)
        assert (at.status, at.pages, at.warnings) == ("ok", full.pages, ())


# --------------------------------------------------------------------------- DOCX


def test_docx_reads_header_paragraphs_tables_nested_tables_and_footer_in_order() -> None:
    doc = read("table.docx")
    assert (doc.status, doc.kind, doc.extractor) == ("ok", "docx", "docx")
    assert nonblank(doc.text) == [
        "Riley Harper | riley.harper@example.com",
        "Riley Harper",
        "Backend developer, 6 years, Python and Node.js.",
        "SKILLS",
        "Python",
        "Node.js",
        "PostgreSQL",
        "Kubernetes",
        "EXPERIENCE",
        "Backend Engineer, Hooli, Mar 2019 - Present",
        "Designed REST APIs on PostgreSQL.",
        "Certifications",
        "AWS Solutions Architect",
        "EDUCATION",
        "B.Sc. Software Engineering, 2017",
        "References available on request",
    ]


def test_docx_text_boxes_are_read_once() -> None:
    # A text box as Word saves it: DrawingML content with a VML fallback holding the same text.
    import docx

    from screener.extract.docx import read_docx

    document = docx.Document(io.BytesIO(make_fixtures.table_docx()))
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    from lxml import etree

    box = (
        f'<w:r xmlns:w="{w}" xmlns:mc="{mc}"><mc:AlternateContent><mc:Choice Requires="wps">'
        f"<w:txbxContent><w:p><w:r><w:t>Sidebar: Kafka</w:t></w:r></w:p></w:txbxContent>"
        f"</mc:Choice><mc:Fallback><w:txbxContent><w:p><w:r><w:t>Sidebar: Kafka</w:t></w:r>"
        f"</w:p></w:txbxContent></mc:Fallback></mc:AlternateContent></w:r>"
    )
    document.paragraphs[1]._p.append(etree.fromstring(box))
    buf = io.BytesIO()
    document.save(buf)
    lines = nonblank(read_docx(buf.getvalue()).text)
    assert lines.count("Sidebar: Kafka") == 1
    assert (
        lines.index("Sidebar: Kafka")
        == lines.index("Backend developer, 6 years, Python and Node.js.") + 1
    )


def test_corrupt_docx() -> None:
    doc = read("corrupt.docx")
    assert (doc.status, doc.kind, doc.error_code) == ("error", "docx", ErrorCode.E_DOCX_DAMAGED)


# --------------------------------------------------------------------------- text


@pytest.mark.parametrize("name", ["utf8.txt", "utf16.txt", "latin1.txt"])
def test_text_encodings(name: str) -> None:
    doc = read(name)
    assert (doc.status, doc.kind, doc.extractor) == ("ok", "text", "text")
    assert "Backend Developer, Caf\u00e9 R\u00e9seau, 2018 - Present" in doc.lines
    assert doc.lines[-1].endswith("APIs for the na\u00efve r\u00e9sum\u00e9 parser")
    assert doc.lines[1] == "morgan.lane@example.com (555) 010-7788"


def test_only_a_guessed_encoding_warns() -> None:
    assert read("utf8.txt").warnings == read("utf16.txt").warnings == ()
    assert read("latin1.txt").warnings == ("read as cp1252 text (not UTF-8): check accented names",)


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("Caf\u00e9".encode("utf-8-sig"), "utf-8"),
        ("Caf\u00e9 Node.js".encode("utf-16-be"), "utf-16-be"),
        ("Caf\u00e9 Node.js".encode("utf-16-le"), "utf-16-le"),
        ("Caf\u00e9".encode("utf-32"), "utf-32"),
        ("J\u00fcrgen Gr\u00f6\u00dfe, Z\u00fcrich".encode("cp1252"), "cp1252"),
    ],
)
def test_decode(data: bytes, encoding: str) -> None:
    text, found = decode(data)
    assert found == encoding
    assert text.startswith(("Caf\u00e9", "J\u00fcrgen Gr\u00f6\u00dfe"))


# --------------------------------------------------------------------------- refusals


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("legacy.doc", ErrorCode.E_LEGACY_DOC),
        ("resume.rtf", ErrorCode.E_RTF),
        ("archive.zip", ErrorCode.E_OTHER_ZIP),
        ("binary.txt", ErrorCode.E_BINARY),
        ("empty.txt", ErrorCode.E_EMPTY_FILE),
    ],
)
def test_refused_files(name: str, code: ErrorCode) -> None:
    doc = read(name)
    assert (doc.status, doc.error_code, doc.error, doc.text) == ("error", code, code.message(), "")
    assert doc.sha256 == hashlib.sha256((FILES / name).read_bytes()).hexdigest()


def test_a_refusal_says_what_the_file_is_and_what_to_do() -> None:
    assert read("legacy.doc").error == "legacy Word .doc: save it as .docx or PDF and screen again"


def test_image_file() -> None:
    doc = extract("photo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 50)
    assert doc.error_code == ErrorCode.E_IMAGE
    assert (
        doc.error == "image file (PNG), not a document: needs OCR, or ask the candidate for a PDF"
    )


def test_missing_file_is_an_error_row() -> None:
    doc = extract("/nonexistent/resume.pdf")
    assert (doc.status, doc.sha256, doc.error_code) == ("error", "", ErrorCode.E_UNREADABLE)
    assert (
        doc.error
        == "cannot read the file (no such file or directory): check that it exists and can be opened"
    )


def test_whitespace_only_text_is_empty() -> None:
    doc = extract("blank.txt", b"  \n\t\n")
    assert (doc.status, doc.error_code) == ("empty", ErrorCode.E_NO_TEXT)


def test_a_reader_that_raises_is_an_error_row_naming_the_exception(monkeypatch) -> None:
    import screener.extract as extract_module

    def broken(data, extractor, max_pages):
        raise KeyError("a reader bug")

    monkeypatch.setitem(extract_module._READERS, "other", broken)
    doc = extract("resume.txt", b"Avery Quinn, Python developer")
    assert (doc.status, doc.kind, doc.error_code) == ("error", "text", ErrorCode.E_READER_ERROR)
    assert doc.error == ("could not read this TEXT file (KeyError): ask for the file again, "
                         "or a PDF")


def test_a_reader_out_of_memory_is_a_row_the_batch_does_not_cache(monkeypatch) -> None:
    import screener.extract as extract_module
    from screener.errors import MADE_BY_BATCH

    def bomb(data, extractor, max_pages):
        raise MemoryError

    monkeypatch.setitem(extract_module._READERS, "other", bomb)
    doc = extract("resume.txt", b"Avery Quinn, Python developer")
    assert (doc.status, doc.error_code) == ("error", ErrorCode.E_READER_MEMORY)
    assert doc.error_code in MADE_BY_BATCH


# --------------------------------------------------------------------------- the front door


def test_data_is_used_instead_of_the_path_and_hashed() -> None:
    data = (FILES / "one_column.pdf").read_bytes()
    doc = extract("renamed/whatever.bin", data)
    assert doc.path == "renamed/whatever.bin"
    assert doc.sha256 == hashlib.sha256(data).hexdigest()
    assert doc == dataclasses.replace(read("one_column.pdf"), path="renamed/whatever.bin")


def test_max_chars_truncates_at_a_line_with_a_warning() -> None:
    data = "\n".join(f"line {i} Python PostgreSQL" for i in range(200)).encode()
    doc = extract("long.txt", data, max_chars=500)
    assert doc.status == "ok" and 450 < doc.chars <= 500
    assert doc.lines[-1].startswith("line ") and doc.lines[-1].endswith("PostgreSQL")
    assert doc.warnings == (
        "text cut at 500 characters: only the start was screened; check the file",
    )


def test_unknown_extractor_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="extractor must be one of"):
        extract("x.pdf", b"%PDF-1.4", extractor="ocr")


def test_sniff() -> None:
    assert sniff(b"") == "empty"
    assert sniff(b"x" * 1000 + b"%PDF-1.7") == "pdf"
    assert sniff(b"x" * 1100 + b"%PDF-1.7") == "other"
    assert sniff(make_fixtures.table_docx()) == "docx"
    assert sniff(b"PK\x03\x04 broken word/document.xml") == "docx"
    assert sniff(b"\xff\xd8\xff\xe0") == "image:JPEG"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(
        [
            b"",
            b"%PDF-1.4\n",
            b"PK\x03\x04",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
            b"{\\rtf1",
            b"\xef\xbb\xbf",
            b"\xff\xfe",
        ]
    ),
    st.binary(max_size=300),
)
def test_extract_never_raises(prefix: bytes, body: bytes) -> None:
    doc = extract("fuzz.bin", prefix + body)
    assert doc.status in ("ok", "empty", "error")
    assert (doc.error is None) == (doc.status == "ok")


def test_damaged_pdf_bodies_never_raise() -> None:
    data = (FILES / "one_column.pdf").read_bytes()
    for cut in range(100, len(data), 97):
        for extractor in PDF_EXTRACTORS:
            doc = extract(
                "cut.pdf", data[:cut] + b"\x00garbage" + data[cut + 40 :], extractor=extractor
            )
            assert doc.status in ("ok", "empty", "error")


def test_pdf_libraries_are_imported_lazily() -> None:
    code = (
        "import sys, screener.extract, screener.extract.text; "
        "print(sorted(m for m in ('pdfminer', 'pypdfium2', 'docx') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# --------------------------------------------------------------------------- layout


def _word(text: str, x: float, y: float, size: float = 10.0) -> list[Glyph]:
    return [
        Glyph(ch, x + i * 5.0, y, x + (i + 1) * 5.0, y + size, size) for i, ch in enumerate(text)
    ]


def test_layout_reads_columns_drawn_row_by_row() -> None:
    glyphs: list[Glyph] = []
    for row, (left, right) in enumerate(
        [
            ("Skills", "Experience"),
            ("Python", "Engineer at Acme"),
            ("Go", "Built the billing APIs"),
            ("SQL", "Led a team"),
            ("Docker", "Shipped weekly"),
        ]
    ):
        y = 700 - row * 14
        glyphs += _word(left, 50, y) + _word(right, 250, y)
    lines = [line for line in reading_order(segments(glyphs)) if line]
    assert lines == [
        "Skills",
        "Python",
        "Go",
        "SQL",
        "Docker",
        "Experience",
        "Engineer at Acme",
        "Built the billing APIs",
        "Led a team",
        "Shipped weekly",
    ]


def test_layout_keeps_right_aligned_dates_on_their_line() -> None:
    # Dates at the right margin are not a second column: the bullets below run under them.
    glyphs: list[Glyph] = []
    y = 700.0
    for job in range(3):
        glyphs += _word(f"Engineer at Firm{job}", 50, y) + _word(f"201{job}-2020", 455, y)
        for _ in range(3):
            y -= 14
            glyphs += _word("- Built services and APIs for customers across the world ok", 50, y)
        y -= 14
    lines = [line for line in reading_order(segments(glyphs)) if line]
    assert lines[0] == "Engineer at Firm0 2010-2020"
    assert lines[4] == "Engineer at Firm1 2011-2020"
    assert len(lines) == 12


def _right_aligned(text: str, right: float, y: float) -> list[Glyph]:
    return _word(text, right - 5.0 * len(text), y)


def test_layout_keeps_right_aligned_dates_and_places_on_their_lines() -> None:
    # Two rows with a right-aligned part (dates, then the city) are no table: their right parts
    # do not share a left edge, and the bullets below run under them.
    glyphs: list[Glyph] = []
    y = 700.0
    for job, (dates, city) in enumerate([("Jan 2020 - Present", "Portland, OR"),
                                         ("Mar 2016 - Dec 2019", "Austin, TX")]):
        glyphs += _word(f"Senior Engineer {job}", 50, y) + _right_aligned(dates, 560, y)
        glyphs += _word("Acme Corp", 50, y - 14) + _right_aligned(city, 560, y - 14)
        y -= 28
        for _ in range(2):
            glyphs += _word("- Built services and APIs for customers " * 2 + "ok", 50, y)
            y -= 14
        y -= 14
    lines = [line for line in reading_order(segments(glyphs)) if line]
    assert lines[:2] == ["Senior Engineer 0 Jan 2020 - Present", "Acme Corp Portland, OR"]
    assert lines[4:6] == ["Senior Engineer 1 Mar 2016 - Dec 2019", "Acme Corp Austin, TX"]


_POSITIONS = [
    (["Aug 2020 - Feb", "2022"], "Portland, OR", "Software Engineer", 4),
    (["Jul 2018 - Aug", "2020"], "Richmond, VA", "Developer", 2),
]


def _position_rows(positions: list, top: float) -> tuple[list[Glyph], float]:
    """Positions as table rows: a narrow cell of dates and place (the range wrapped in the
    cell) beside a wide cell of title, company and bullets, as Word templates draw them."""
    glyphs: list[Glyph] = []
    y = top
    for dates, place, title, bullets in positions:
        for k, text in enumerate([*dates, place]):
            glyphs += _word(text, 45, y - 14 * k)
        glyphs += _word(title, 139, y) + _word("Northwind Traders", 139, y - 14)
        for k in range(bullets):
            glyphs += _word(f"- Refactored a monolith into {k} services", 140, y - 28 - 14 * k)
        y -= 14 * (2 + bullets) + 10  # the cell's padding: a blank gap before the next row
    return glyphs, y


# Without the heading below, one position is too little text for a page-wide gutter: the
# table is found in rows (`_table_at`); else the date column makes a gutter, and the table's
# rows are found across it (`_table_rows`).
@pytest.mark.parametrize(("count", "heading"), [(1, False), (2, False), (1, True), (2, True)])
def test_layout_reads_a_table_row_cell_by_cell(count: int, heading: bool) -> None:
    glyphs, y = _position_rows(_POSITIONS[:count], 700.0)
    if heading:
        glyphs += _word("Education", 45, y - 10) + _word("B.Sc. Computer Science", 45, y - 24)
    lines = [line for line in reading_order(segments(glyphs)) if line]
    expected = []
    for dates, place, title, bullets in _POSITIONS[:count]:
        expected += [*dates, place, title, "Northwind Traders"]
        expected += [f"- Refactored a monolith into {k} services" for k in range(bullets)]
    if heading:
        expected += ["Education", "B.Sc. Computer Science"]
    assert lines == expected
    gutter = layout._find_gutter(segments(glyphs))
    assert (gutter is None) == (count == 1 and not heading)


def test_layout_reads_a_skills_table_cell_by_cell() -> None:
    # Three cells a row, each a bold group name over a wrapped list, of unequal heights; the
    # next table row after the border's padding; then a heading.
    glyphs: list[Glyph] = []
    y = 700.0
    for cells in [
        [["Languages", "C++, Java, SQL,", "PHP, Ruby"], ["Frontend", "React, Redux,",
         "Webpack, Sass,", "Tailwind CSS"], ["Frameworks", "Django, Node.js"]],
        [["Databases", "Snowflake,", "Oracle, MySQL"], ["Cloud", "AWS, Docker"]],
    ]:
        for k, cell in enumerate(cells):
            for n, text in enumerate(cell):
                glyphs += _word(text, 48 + 175 * k, y - 14 * n)
        y -= 14 * max(len(cell) for cell in cells) + 10
    glyphs += _word("Experience", 48, y - 10)
    lines = [line for line in reading_order(segments(glyphs)) if line]
    assert lines == [
        "Languages", "C++, Java, SQL,", "PHP, Ruby",
        "Frontend", "React, Redux,", "Webpack, Sass,", "Tailwind CSS",
        "Frameworks", "Django, Node.js",
        "Databases", "Snowflake,", "Oracle, MySQL",
        "Cloud", "AWS, Docker",
        "Experience",
    ]


def test_layout_spaces_from_gaps() -> None:
    glyphs = _word("Built", 50, 700) + _word("APIs", 50 + 25 + 2, 700)  # 2pt gap > 0.1 x 10pt
    assert reading_order(segments(glyphs)) == ["Built APIs"]
    glyphs = _word("Built", 50, 700) + _word("APIs", 50 + 25 + 0.3, 700)  # kerning, not a space
    assert reading_order(segments(glyphs)) == ["BuiltAPIs"]


def test_fast_path_problem() -> None:
    assert fast_path_problem("", 1) == "no text"
    assert fast_path_problem("Python developer " * 50, 1) is None
    glued = "Builtpaymentservicesandplatforms in Node " * 10
    assert fast_path_problem(glued, 1) == "glued words"
    assert (
        fast_path_problem("see https://example.com/a/very/long/path/to/a/portfolio ok " * 9, 1)
        is None
    )
    assert fast_path_problem("\ufffd\ufffd\ufffd abc " * 20, 1) == "garbled glyphs"
    assert fast_path_problem("\n".join("abcdefghijklmnopqrstuvwxy"), 1) == "one letter per line"


def test_fixture_writer_is_deterministic(tmp_path: Path) -> None:
    names = ["one_column.pdf", "two_column.pdf", "table.docx", "encrypted.pdf"]
    for path in make_fixtures.write_all(tmp_path, names):
        assert path.read_bytes() == (FILES / path.name).read_bytes(), path.name


def test_a_docx_zip_bomb_is_refused_from_its_declared_sizes_without_inflating() -> None:
    from screener_testkit.hostile import zip_bomb_docx

    doc = extract("bomb.docx", zip_bomb_docx(320 * 1024**2))
    assert (doc.status, doc.kind, doc.error_code) == ("error", "docx", ErrorCode.E_ZIP_BOMB)
    assert doc.error == ("Word file unpacks to 320 MB, far more than any resume (a zip bomb?): "
                         "ask the candidate for a PDF")


def test_a_pdf_nested_thousands_of_levels_deep_is_refused_before_parsing() -> None:
    from screener_testkit.hostile import nested_pdf

    for extractor in PDF_EXTRACTORS:
        doc = extract("nested.pdf", nested_pdf(5000), extractor=extractor)
        assert (doc.status, doc.kind, doc.error_code) == ("error", "pdf", ErrorCode.E_PDF_NESTED)
        assert doc.error == ErrorCode.E_PDF_NESTED.message(depth=100)
    assert extract("shallow.pdf", nested_pdf(20)).status == "ok"


def _segments_asking_every_size(texts, x0s, y0s, x1s, y1s, sizes):
    """The run-chaining rule as first written: every glyph's size read, no shortcut."""
    from screener.extract.layout import SEGMENT_GAP, WORD_GAP

    out, parts, box = [], [], None
    pending = False
    for text, gx0, gy0, gx1, gy1, gsize in zip(texts, x0s, y0s, x1s, y1s, sizes):
        if text.isspace() or not text:
            pending = bool(parts)
            continue
        joins = False
        if parts:
            cx0, cy0, cx1, cy1, csize, last_x0 = box
            size = max(csize, gsize, 1.0)
            gap = gx0 - cx1
            if not ((gap < -0.5 * size and gx0 < last_x0 - 0.01) or gap > SEGMENT_GAP * size):
                smaller = min(cy1 - cy0, gy1 - gy0)
                joins = smaller <= 0 or (min(cy1, gy1) - max(cy0, gy0)) >= 0.5 * smaller
        if joins:
            if pending or gap > WORD_GAP * max(gx1 - gx0, gy1 - gy0):
                parts.append(" ")
            parts.append(text)
            box = (min(cx0, gx0), min(cy0, gy0), max(cx1, gx1), max(cy1, gy1), csize, gx0)
        else:
            if parts:
                out.append(("".join(parts).strip(), box[:5]))
            parts, box = [text], (gx0, gy0, gx1, gy1, gsize, gx0)
        pending = False
    if parts:
        out.append(("".join(parts).strip(), box[:5]))
    return [s for s in out if s[0]]


class _CountingSizes(list):
    asked = 0

    def __getitem__(self, k):
        _CountingSizes.asked += 1
        return super().__getitem__(k)


_GLYPH = st.tuples(
    st.sampled_from(["a", "b", " ", "1", "-"]),
    st.floats(-5, 40), st.floats(0, 3), st.floats(0.5, 12), st.floats(0.5, 12),
    st.sampled_from([0.5, 6.0, 9.0, 10.0, 14.0]),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_GLYPH, max_size=40))
def test_segments_ask_a_size_only_where_it_can_change_the_runs(glyphs) -> None:
    # glyphs move right by a random step (sometimes back), on a few baselines
    texts, x0s, y0s, x1s, y1s, sizes, x = [], [], [], [], [], [], 0.0
    for text, step, baseline, width, height, size in glyphs:
        x += step
        texts.append(text)
        x0s.append(x)
        x1s.append(x + width * 0.5)
        y0s.append(baseline * 10)
        y1s.append(baseline * 10 + height)
        sizes.append(size)
    got = segment_columns(texts, x0s, y0s, x1s, y1s, _CountingSizes(sizes))
    assert [(s.text, (s.x0, s.y0, s.x1, s.y1, s.size)) for s in got] == (
        _segments_asking_every_size(texts, x0s, y0s, x1s, y1s, sizes))


def test_segments_of_a_plain_line_ask_one_size_per_run() -> None:
    text = "Built payment APIs in Node.js"
    x0s = [i * 5.0 for i in range(len(text))]
    sizes = _CountingSizes([10.0] * len(text))
    _CountingSizes.asked = 0
    runs = segment_columns(list(text), x0s, [0.0] * len(text), [x + 4.5 for x in x0s],
                           [10.0] * len(text), sizes)
    assert [r.text for r in runs] == [text]
    assert _CountingSizes.asked == 1


def _gutter_by_scanning(runs):
    """_find_gutter as first written: every edge checked against every run."""
    from statistics import median

    if len(runs) < 2 * layout.MIN_RUNS:
        return None
    total = sum(r.chars for r in runs)
    min_gap = max(layout.MIN_GUTTER, 0.8 * median(r.size for r in runs))
    best = None
    for edge in sorted({round(r.x1, 1) for r in runs}):
        left = [r for r in runs if r.x1 <= edge]
        right = [r for r in runs if r.x0 > edge]
        if len(left) < layout.MIN_RUNS or len(right) < layout.MIN_RUNS:
            continue
        width = min(r.x0 for r in right) - edge
        if width < min_gap:
            continue
        spanning = total - sum(r.chars for r in left) - sum(r.chars for r in right)
        if spanning > layout.MAX_SPANNING * total:
            continue
        if min(sum(r.chars for r in left), sum(r.chars for r in right)) < (
                layout.MIN_SIDE * total):
            continue
        candidate = (spanning, -width, edge + width / 2)
        if best is None or candidate < best:
            best = candidate
    return None if best is None else best[2]


_RUN = st.tuples(st.sampled_from([40.0, 50.0, 230.0, 240.0, 300.0]), st.floats(5, 400),
                 st.integers(1, 80), st.sampled_from([9.0, 10.0, 11.0]))


@settings(max_examples=300, deadline=None)
@given(st.lists(_RUN, max_size=40))
def test_gutter_search_finds_what_scanning_every_edge_finds(runs) -> None:
    segs = [layout.Segment(["x"], x0, 0.0, x0 + width, 10.0, size, chars)
            for x0, width, chars, size in runs]
    assert layout._find_gutter(segs) == _gutter_by_scanning(segs)


def test_pdfium_text_keeps_a_character_outside_the_bmp_whole_at_its_first_index() -> None:
    from screener.extract.pdfium import _join_surrogates

    # what pdfium's per-glyph unicode gives for "a😀b" plus its hyphenation mark and a glyph
    # without a Unicode mapping
    chars = ["a", "\ud83d", "\ude00", "b", "\x02", "\uffff"]
    assert _join_surrogates(chars) == ["a", "😀", "", "b", "-", "\ufffd"]
    assert _join_surrogates(["\ud83d", "x", "\ude00"]) == ["\ud83d", "x", "\ude00"]  # lone halves
