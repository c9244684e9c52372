"""Terminal report: exact text for a known shortlist, widths, top, explain, colour, hostile text."""

from __future__ import annotations

import re
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from screener.records import Contact
from screener.report import terminal
from screener.report.terminal import cell_width
from screener_testkit.shortlist_factory import hostile_shortlist, make_shortlist

GOLDEN_TABLE = """\
Back-End Developer (backend-developer), as of 2024-06-01, taxonomy tx-3f2a91c0
6 files: 2 ranked, 1 knocked out, 3 not ranked (1 duplicate, 1 empty, 1 error)

#  Candidate     Score  Years      Matched                       Missing
1  Avery Quinn    91.6  9.2        Node.js+PHP+Python; Postgre…  Redis
2  Jordan Blake   80.4  4.9 (4.4)  Node.js; PostgreSQL; Docker…  Kubernetes; CI/CD

Knocked out
3  Casey Morgan   41.5  8.0 (?)    required 1 of Python, Node.js, PHP: not found

Not ranked
  empty     scans/riley_park_scan.pdf: no text layer (a scanned image?); run OCR on it and screen
            again
  error     resumes/broken.docx: not a valid DOCX (the zip is corrupt); re-save it and try again
  duplicate resumes/avery_quinn (1).pdf: same content as resumes/avery_quinn.pdf; remove one copy
"""

GOLDEN_EXPLAIN_TOP1 = """\
Back-End Developer (backend-developer), as of 2024-06-01, taxonomy tx-3f2a91c0
6 files: 2 ranked, 1 knocked out, 3 not ranked (1 duplicate, 1 empty, 1 error)

#  Candidate     Score  Years      Matched              Missing
1  Avery Quinn    91.6  9.2        Node.js+PHP+Python…  Redis

... 2 more ranked candidates (1 knocked out) not shown

Not ranked
  empty     scans/riley_park_scan.pdf: no text layer (a scanned image?); run OCR
            on it and screen again
  error     resumes/broken.docx: not a valid DOCX (the zip is corrupt); re-save
            it and try again
  duplicate resumes/avery_quinn (1).pdf: same content as
            resumes/avery_quinn.pdf; remove one copy

#1 Avery Quinn  91.6/100
  File: resumes/avery_quinn.pdf
  Score
    required     60.0/60.0  5 of 5 required met
    preferred     7.5/15.0
    years        20.0/20.0  9.25 years against a minimum of 5
    similarity     4.1/5.0  cosine 0.82 to the posting
  Requirements
    met      1 of Python, Node.js, PHP   20.0/20.0  found
             line 12 [experience] 'Python'
             line 15 [experience] 'PHP'
             line 15 [experience] 'Node.js'
    met      PostgreSQL                  10.0/10.0  found
             line 12 [experience] 'PostgreSQL'
    met      Containers (Docker)         10.0/10.0  found
             line 12 [experience] 'Docker'
    met      Kubernetes                  10.0/10.0  found
             line 12 [experience] 'Kubernetes'
    met      AWS                         10.0/10.0  found (5.4 y)
             line 12 [experience] 'AWS'
    missing  Redis                         0.0/7.5  not mentioned
    met      CI/CD                         7.5/7.5  found
             line 13 [experience] 'CI/CD'
  Years: 9.2 total, 8.0 claimed, 9.2 relevant
    relevant  Senior Backend Engineer, Northwind Labs: Jan 2019 - present
              (5.4 y), line 11
    relevant  Software Developer, Contoso Ltd: Mar 2015 - Dec 2018 (3.8 y),
              line 14
"""

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def test_table_matches_golden_text():
    assert terminal.render(make_shortlist(), width=100) == GOLDEN_TABLE


def test_explain_with_top_matches_golden_text():
    assert terminal.render(make_shortlist(), top=1, explain=True, width=80) == GOLDEN_EXPLAIN_TOP1


def test_explain_covers_knocked_out_candidate_with_rule_years_and_unknowns():
    text = terminal.render(make_shortlist(), explain=True)
    block = text[text.index("#3 Casey Morgan"):]
    assert "Knocked out: required 1 of Python, Node.js, PHP: not found" in block
    assert "unknown  AWS" in block and "AWS found but its years cannot be dated" in block
    assert "line 6 [experience] 'AWS'" in block
    assert "Years: 8.0 total (7.0-9.0), ? relevant" in block
    assert "Systems Administrator, Tailspin Toys: 2016 - 2024 (8.0 y), line 5" in block


def test_unreadable_files_listed_even_when_top_hides_every_candidate():
    text = terminal.render(make_shortlist(), top=0)
    assert "Avery Quinn" not in text
    assert "... 3 more ranked candidates (1 knocked out) not shown" in text
    for path in ("scans/riley_park_scan.pdf", "resumes/broken.docx", "resumes/avery_quinn (1).pdf"):
        assert text.count(path + ":") == 1


def test_every_line_fits_the_width():
    for width in (60, 72, 100, 140):
        for shortlist in (make_shortlist(), hostile_shortlist()):
            text = terminal.render(shortlist, explain=True, width=width)
            too_long = [line for line in text.splitlines() if cell_width(line) > width]
            assert too_long == [], (width, too_long)


def test_wide_characters_keep_columns_aligned():
    s = make_shortlist()
    first = s.entries[0]
    profile = replace(first.assessment.profile, contact=Contact(name="山田 太郎"))
    entry = replace(first, assessment=replace(first.assessment, profile=profile))
    text = terminal.render(replace(s, entries=(entry,) + s.entries[1:]))
    rows = [line for line in text.splitlines() if line.startswith(("1  ", "2  "))]
    # the score ends at the same display column on both rows
    ends = [cell_width(row[: row.index(score) + len(score)])
            for row, score in zip(rows, ("91.6", "80.4"))]
    assert len(rows) == 2 and ends[0] == ends[1]


def test_colour_is_off_by_default_and_only_adds_styles():
    plain = terminal.render(make_shortlist(), explain=True)
    coloured = terminal.render(make_shortlist(), explain=True, color=True)
    assert "\x1b[" not in plain
    assert "\x1b[" in coloured
    assert ANSI.sub("", coloured) == plain


def test_resume_text_cannot_inject_terminal_escapes():
    text = terminal.render(hostile_shortlist(), explain=True)
    assert "\x1b" not in text
    assert "Zoë [31mRed[0m Ng" in text


def test_output_is_deterministic():
    assert terminal.render(hostile_shortlist(), explain=True) == terminal.render(
        hostile_shortlist(), explain=True)


def test_header_says_how_many_hidden_files_were_skipped():
    assert "hidden" not in terminal.render(make_shortlist())
    text = terminal.render(replace(make_shortlist(), hidden=3), width=160)
    assert text.splitlines()[1] == ("6 files: 2 ranked, 1 knocked out, 3 not ranked (1 duplicate, "
                                    "1 empty, 1 error); 3 hidden files skipped")


def _fit_by_trimming(text: str, width: int) -> str:
    """fit() as first written: drop the last character until the text and '…' fit."""
    text = terminal._printable(text)
    if cell_width(text) > width:
        while text and cell_width(text) + 1 > width:
            text = text[:-1]
        text = text.rstrip() + "…"
    return text + " " * (width - cell_width(text))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab c漢字\u0301\u200b\té-"), max_size=40),
       st.integers(0, 30))
def test_fit_cuts_where_trimming_one_character_at_a_time_would(text, width):
    assert terminal.fit(text, width) == _fit_by_trimming(text, width)


def test_evidence_lines_name_where_the_mention_stands():
    shortlist = make_shortlist()
    first = shortlist.entries[0]
    result = first.assessment.results[0]
    python, php, nodejs = result.evidence
    marked = (replace(python, context="position"), replace(php, context="skills", stance="basic"),
              replace(nodejs, context="negated", stance="negated"))
    said = replace(python, section="skills", line=20, context="skills")  # [skills]: a list
    a = replace(first.assessment,
                results=(replace(result, evidence=(*marked, said)),
                         *first.assessment.results[1:]))
    entries = (replace(first, assessment=a), *shortlist.entries[1:])
    text = terminal.render(replace(shortlist, entries=entries), top=1, explain=True, width=80)
    assert "line 12 [experience] 'Python' (duties)\n" in text
    assert "line 15 [experience] 'PHP' (skills list, basic)\n" in text
    assert "line 15 [experience] 'Node.js' (negated)\n" in text  # the stance says it once
    assert "line 20 [skills] 'Python'\n" in text  # the section says it already
