"""The experience word tables kept as data (src/screener/_data/experience/*.txt): each loads,
holds no repeats, is read by the code, is in the parse cache's key, and the patterns built
from it still match what they were written to match."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from screener.parse import roles, words
from screener.parse.experience import anchors, claimed, positions, titles
from screener.run import cache

TABLES = sorted(p.stem for p in words.WORDS_DIR.glob("*.txt"))
SRC = Path(__file__).resolve().parent.parent / "src" / "screener"


def test_there_are_tables() -> None:
    assert len(TABLES) >= 20, TABLES


@pytest.mark.parametrize("name", TABLES)
def test_each_table_loads_without_repeats(name: str) -> None:
    found = words.entries(name)
    assert found, f"{name}.txt is empty"
    repeated = sorted({e for e in found if found.count(e) > 1})
    assert not repeated, f"{name}.txt repeats {repeated}"
    assert all(e == e.strip() and "#" not in e for e in found)


def test_every_table_is_read_by_the_code_and_every_read_table_exists() -> None:
    read = set()
    for path in SRC.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        read |= set(re.findall(r"\b(?:entries|alternation|words|pairs)\(['\"](\w+)['\"]\)", text))
    assert read == set(TABLES)


def test_the_parse_cache_key_covers_the_tables() -> None:
    keyed = {p.resolve() for p in cache._data_files()}
    assert {(words.WORDS_DIR / f"{name}.txt").resolve() for name in TABLES} <= keyed


def test_comments_and_blank_lines_are_not_entries(tmp_path, monkeypatch) -> None:
    (tmp_path / "demo.txt").write_text(
        "# a header\n\nengineer\nco-op  # a comment after the entry\n  nurse  \n",
        encoding="utf-8",
    )
    monkeypatch.setattr(words, "WORDS_DIR", tmp_path)
    words.entries.cache_clear()
    try:
        assert words.entries("demo") == ("engineer", "co-op", "nurse")
        assert words.alternation("demo") == "engineer|co-op|nurse"
    finally:
        words.entries.cache_clear()


def test_a_pair_without_a_value_names_its_file(tmp_path, monkeypatch) -> None:
    (tmp_path / "bad.txt").write_text("developer build\nengineer\n", encoding="utf-8")
    monkeypatch.setattr(words, "WORDS_DIR", tmp_path)
    words.entries.cache_clear()
    try:
        with pytest.raises(RuntimeError, match=r"bad\.txt: 'engineer' has no value"):
            words.pairs("bad")
        with pytest.raises(RuntimeError, match=r"missing\.txt: word table unreadable"):
            words.entries("missing")
    finally:
        words.entries.cache_clear()


@pytest.mark.parametrize(
    "pattern, hits, misses",
    [
        (titles.JOB_WORD_RE, ["Software Engineer", "nurses", "Guidance Counsellor", "Co-op"],
         ["Acme Corp", "Engineering", "Python"]),
        (titles.COMPANY_WORD_RE, ["Initech LLC", "Mercy Hospital", "Lakeview Medical Center",
                                  "Self-employed"], ["Staff Nurse", "Boston"]),
        (anchors.DEGREE_RE, ["B.Sc. Computer Science", "MBA, 2015", "LL.B.", "B.E UIT-RGPV"],
         ["Senior Engineer", "Basketball"]),
        (titles.BREAK_RE, ["Career break", "Parental leave 2019 - 2020", "Sabbatical"],
         ["Break dancer", "Leave policy"]),
        (titles.LOCATION_RE, ["Austin, TX", "Sydney, NSW", "Remote", "On-site"],
         ["Austin", "Acme, Inc"]),
        (positions._VOLUNTEER_TITLE, ["Volunteer Tutor", "Volunteer"],
         ["Volunteer Coordinator", "Tutor"]),
        (titles._LABEL_RE, ["Designation: QA Engineer", "Job Title - Chef"], ["Chef: Line"]),
        (titles._QUALIFIER_RE, ["Cashier (part-time)", "Nurse (per diem)"], ["Cashier (Acme)"]),
        (anchors._OPEN_LINE_RE, ["Present", "(till date)", "Ongoing"], ["Presently", "Past"]),
        (roles._OTHERS_RE, ["Taught", "mentoring", "hired"], ["Built", "Trainee", "Oversaw"]),
        (roles._DIRECTING_RE, ["Oversaw", "Sponsored", "managed"], ["Sponsors", "budget"]),
        (roles._LEADING_RE, ["Led", "chose", "Ran"], ["Leader", "Owner", "Built"]),
        (roles._HANDS_ON_RE, ["wrote", "building", "Deployed"], ["tests", "migration"]),
    ],
    ids=["job", "company", "degree", "break", "location", "volunteer", "label", "qualifier",
         "open-end", "others-work", "directing", "leading", "hands-on"],
)  # fmt: skip
def test_compiled_tables_match_representative_words(pattern, hits, misses) -> None:
    for text in hits:
        assert pattern.search(text), (pattern.pattern[:40], text)
    for text in misses:
        assert not pattern.search(text), (pattern.pattern[:40], text)


def test_word_sets_and_pairs() -> None:
    assert titles.is_job_word("senior") and titles.is_job_word("developer")
    assert not titles.is_job_word("acme")
    assert "between" in anchors._SENTENCE_WORDS and "education" in anchors._NOT_WORK
    assert "summary" in positions._RESCUE_FROM and "skills" in positions._UNDATED_SECTIONS
    assert roles.ROLE_KINDS["developer"] == roles.BUILD and roles.ROLE_KINDS["dba"] == "administer"
    assert "responsible" in roles._LEAD_FILLER


@pytest.mark.parametrize(
    "line, years",
    [
        ("Over a decade of experience", None),  # no "years": not a claim
        ("Over ten years of banking experience.", 10.0),  # number word, career field
        ("Twenty-five years of real estate experience", 25.0),  # a field of two words
        ("5 years of Python experience", None),  # a skill, not a career field
        ("More than 7 yrs of HR experience", 7.0),  # a lead word
    ],
)
def test_career_claims_read_the_tables(line: str, years: float | None) -> None:
    assert claimed.claimed_years([line], [])[0] == years
