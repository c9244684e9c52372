"""Terminal report: exact text for a known shortlist, widths, top, explain, colour, hostile text."""

from __future__ import annotations

import re
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from screener.records import Contact, SkillHit
from screener.report import terminal
from screener.report.terminal import cell_width
from screener_testkit.shortlist_factory import hostile_shortlist, make_shortlist

GOLDEN_TABLE = """\
Back-End Developer (backend-developer), as of 2024-06-01, taxonomy tx-3f2a91c0
6 files: 2 ranked, 1 knocked out, 3 not ranked (1 duplicate, 1 empty, 1 error)

#  Candidate     File                   Score  Years      Matched             Missing
1  Avery Quinn   avery_quinn.pdf         91.6  9.2        Node.js+PHP+Pytho…  Redis
2  Jordan Blake  Jordan Blake, CV.docx   80.4  4.9 (4.4)  Node.js; PostgreS…  Kubernetes; CI/CD

Knocked out
3  Casey Morgan  casey-morgan.txt        41.5  8.0 (?)    required 1 of Python, Node.js, PHP: not…

Not ranked
  empty     scans/riley_park_scan.pdf: no text layer (a scanned image?); run OCR on it and screen
            again
  error     resumes/broken.docx: not a valid DOCX (the zip is corrupt); re-save it and try again
  duplicate resumes/avery_quinn (1).pdf: same content as resumes/avery_quinn.pdf; remove one copy
"""

GOLDEN_EXPLAIN_TOP1 = """\
Back-End Developer (backend-developer), as of 2024-06-01, taxonomy tx-3f2a91c0
6 files: 2 ranked, 1 knocked out, 3 not ranked (1 duplicate, 1 empty, 1 error)

#  Candidate     File        Score  Years      Matched         Missing
1  Avery Quinn   …quinn.pdf   91.6  9.2        Node.js+PHP+P…  Redis

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


def screened_as(*paths: str):
    """The factory's shortlist as `screen` gives it for these PATH arguments."""
    return replace(make_shortlist(), paths=paths)


def test_table_matches_golden_text():
    assert terminal.render(screened_as("resumes", "scans"), width=100) == GOLDEN_TABLE


def test_explain_with_top_matches_golden_text():
    assert terminal.render(screened_as("resumes", "scans"), top=1, explain=True,
                           width=80) == GOLDEN_EXPLAIN_TOP1


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


# --------------------------------------------------------------------------- file names


def _files_column(text: str) -> list[str]:
    """The File cell of each ranked row (between the name and the score)."""
    rows = [line for line in text.splitlines() if re.match(r"\d+  ", line)]
    return [re.split(r"\s{2,}", row)[2] for row in rows]


def test_file_shown_relative_to_the_folder_given_or_alone_when_the_file_was_given():
    text = terminal.render(screened_as("resumes", "resumes/casey-morgan.txt"), width=None)
    # under the folder: the path below it; given itself: its name; nothing else given: as read
    assert _files_column(text) == ["avery_quinn.pdf", "Jordan Blake, CV.docx",
                                   "casey-morgan.txt"]
    nested = replace(make_shortlist(), paths=("..", "../resumes"))
    assert short_names(nested) == {"resumes/avery_quinn.pdf": "resumes/avery_quinn.pdf"}
    assert short_names(replace(make_shortlist(), paths=("resumes",)))[
        "resumes/avery_quinn.pdf"] == "avery_quinn.pdf"


def short_names(shortlist) -> dict[str, str]:
    from screener.report import short_file

    return {e.assessment.file: short_file(shortlist, e) for e in shortlist.entries
            if e.assessment.file == "resumes/avery_quinn.pdf"}


def test_innermost_folder_given_wins_and_a_look_alike_prefix_does_not_count():
    from screener.report import short_file

    s = make_shortlist()
    avery = s.entries[0]
    assert short_file(replace(s, paths=("res", "resumes/")), avery) == "avery_quinn.pdf"
    assert short_file(replace(s, paths=("res",)), avery) == "resumes/avery_quinn.pdf"
    moved = replace(avery, assessment=replace(avery.assessment, profile=replace(
        avery.assessment.profile, document=replace(avery.assessment.profile.document,
                                                   path="cv/dev/a.pdf"))))
    assert short_file(replace(s, paths=("cv", "cv/dev")), moved) == "a.pdf"


def test_a_long_path_keeps_its_file_name_when_cut():
    assert terminal.fit_tail("consultant/22351830.pdf", 12) == "…2351830.pdf"
    assert terminal.fit_tail("consultant/22351830.pdf", 23) == "consultant/22351830.pdf"
    assert terminal.fit_tail("a.pdf", 8) == "a.pdf   "
    assert terminal.fit_tail("履歴書/山田.pdf", 9) == "…山田.pdf"  # wide characters: 2 columns


def test_blind_shortlist_shows_no_file_column_the_blind_id_stands_instead():
    blind = replace(screened_as("resumes"), blind_key=(("C-7f3a", "x", "y"),))
    text = terminal.render(blind, width=120)
    header = next(line for line in text.splitlines() if line.startswith("#  "))
    assert "File" not in header and "Candidate" in header
    assert "avery_quinn.pdf  " not in text


# --------------------------------------------------------------------------- widths


def test_no_width_cuts_and_wraps_nothing():
    text = terminal.render(screened_as("resumes", "scans"), explain=True, width=None)
    assert "…" not in text
    assert "3  Casey Morgan  casey-morgan.txt        41.5  8.0 (?)    required 1 of Python, " \
           "Node.js, PHP: not found\n" in text
    assert ("  empty     scans/riley_park_scan.pdf: no text layer (a scanned image?); run OCR on "
            "it and screen again\n") in text
    assert "Node.js+PHP+Python; PostgreSQL; Docker; Kubernetes; AWS; CI/CD" in text


def _labelled(label: str):
    s = make_shortlist()
    first = s.entries[0]
    results = (replace(first.assessment.results[0], label=label), *first.assessment.results[1:])
    a = replace(first.assessment, results=results)
    return replace(s, entries=(replace(first, assessment=a), *s.entries[1:]))


LONG_LABEL = "1 of Python, Node.js, PHP, Go, Rust or Kotlin"  # 45 columns


def test_explain_uses_a_wide_terminal_for_requirement_labels():
    wide = terminal.render(_labelled(LONG_LABEL), top=1, explain=True, width=160)
    assert f"    met      {LONG_LABEL}   20.0/20.0  found\n" in wide
    narrow = terminal.render(_labelled(LONG_LABEL), top=1, explain=True, width=80)
    assert "    met      1 of Python, Node.js, PHP, Go…   20.0/20.0  found\n" in narrow  # 30
    whole = terminal.render(_labelled(LONG_LABEL), top=1, explain=True, width=None)
    assert f"    met      {LONG_LABEL}   20.0/20.0  found\n" in whole


# --------------------------------------------------------------------------- implied skills


def _with_implied_redis(count_implied: bool = False):
    s = make_shortlist()
    first = s.entries[0]
    redis = SkillHit("redis", "Redis", "implied", implied_by=("django", "postgresql"))
    profile = replace(first.assessment.profile, skills=(*first.assessment.profile.skills, redis))
    entries = (replace(first, assessment=replace(first.assessment, profile=profile)),
               *s.entries[1:])
    return replace(s, entries=entries,
                   posting=replace(s.posting, count_implied=count_implied))


def test_missing_says_when_an_implied_skill_is_not_counted():
    text = terminal.render(_with_implied_redis(), width=None)
    row = next(line for line in text.splitlines() if line.startswith("1  "))
    assert row.endswith("  Redis (implied by Django, PostgreSQL, not counted)")
    explained = terminal.render(_with_implied_redis(), top=1, explain=True, width=None)
    assert ("    missing  Redis                         0.0/7.5  not mentioned; implied by "
            "Django, PostgreSQL, not counted\n") in explained
    # a posting that counts implied skills would have counted it: nothing to explain
    counted = terminal.render(_with_implied_redis(count_implied=True), width=None)
    assert "not counted" not in counted


# --------------------------------------------------------------------------- --min-score


def test_min_score_leaves_out_lower_candidates_and_says_how_many():
    # scores: Avery 91.6, Jordan 80.4, Casey 41.5 (knocked out)
    text = terminal.render(make_shortlist(), width=100, min_score=80.4)
    assert "Avery Quinn" in text and "Jordan Blake" in text
    assert "Casey Morgan" not in text and "Knocked out" not in text
    assert "\n1 ranked candidate scoring below 80.4 left out (1 knocked out)\n" in text
    assert text.count("resumes/broken.docx:") == 1  # unranked files are still listed
    fewer = terminal.render(make_shortlist(), width=100, min_score=85, top=1)
    assert "\n2 ranked candidates scoring below 85 left out (1 knocked out)\n" in fewer
    assert "more ranked" not in fewer  # --top counts what --min-score kept
    assert terminal.render(make_shortlist(), min_score=0) == terminal.render(make_shortlist())


def test_min_score_compares_the_score_as_shown():
    s = make_shortlist()
    first = s.entries[0]
    a = replace(first.assessment, score=79.96)  # shown as 80.0
    s = replace(s, entries=(replace(first, assessment=a), *s.entries[1:]))
    assert "Avery Quinn" in terminal.render(s, min_score=80)
