"""The benchmark corpus writer, style "word": deterministic, resume-like, unique candidates."""

import io
import re

import pypdfium2 as pdfium
import pytest

from screener_testkit import make_corpus


def _text(data: bytes) -> tuple[str, int]:
    pdf = pdfium.PdfDocument(data)
    try:
        return "".join(page.get_textpage().get_text_range() for page in pdf), len(pdf)
    finally:
        pdf.close()


@pytest.fixture(scope="module")
def files() -> list[bytes]:
    return [make_corpus.word_pdf(i) for i in range(12)]


def test_same_bytes_every_run(files):
    assert make_corpus.word_pdf(3) == files[3]
    assert make_corpus.word_pdf(3, seed=2) != files[3]


def test_people_are_unique_across_a_large_corpus():
    people = [make_corpus._person(i, 1) for i in range(5000)]
    for field in range(3):  # names, e-mails, phones
        assert len({p[field] for p in people}) == len(people)
    assert all(p[1].endswith("@example.com") for p in people)


def test_reads_as_a_resume(files):
    producers = set()
    for i, data in enumerate(files):
        text, pages = _text(data)
        name, email, phone = make_corpus._person(i, 1)
        assert 1 <= pages <= 3
        assert 3500 < len(text) < 9000
        for needle in (name, email, phone, "Present", "Experience"):
            assert needle.lower() in text.lower()
        producers.add(pdfium.PdfDocument(data).get_metadata_dict()["Producer"])
        # subset TrueType fonts with ToUnicode maps, links; no core (unembedded) font is drawn
        assert b"/FontFile2" in data and b"/ToUnicode" in data and b"/URI" in data
    assert len(producers) == 3


def test_pdfminer_reads_the_same_words():
    from pdfminer.high_level import extract_text

    data = make_corpus.word_pdf(0)
    ours, _ = _text(data)
    theirs = extract_text(io.BytesIO(data))
    words = re.compile(r"[^\W_]+")
    assert sorted(words.findall(theirs)) == sorted(words.findall(ours))


def test_word_text_objects_look_like_words():
    """Microsoft Word's pattern: clipped, tagged text objects with kerned TJ arrays."""
    from pdfminer.pdfpage import PDFPage

    data = next(d for d in (make_corpus.word_pdf(i) for i in range(12)) if b"Microsoft" in d)
    page = next(PDFPage.get_pages(io.BytesIO(data)))
    content = b"".join(stream.get_data() for stream in page.contents)
    assert b"0.000008871 0 612 792 re\nW* n\nBT\n" in content
    assert re.search(rb"<</MCID \d+>> BDC", content)
    assert re.search(rb"\[\([^)]*\)-?\d+\([^)]*\)", content)  # [(W)4(ork)...] TJ
