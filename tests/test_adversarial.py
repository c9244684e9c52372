"""Adversarial resumes rank below every genuine back-end developer screened in the same batch.

The set is tests/data/adversarial/ (README.md there has a line per file; the benchmark
benchmarks/adversarial_eval.py prints the whole table). Only the cases that already hold are
asserted here, so they cannot regress; the open ones (issue 12) are listed in OPEN and join
PASSING once fixed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from screener.api import screen

ROOT = Path(__file__).resolve().parent.parent
POOL = ROOT / "tests" / "data" / "adversarial"
POSTING = ROOT / "pipelines" / "backend-developer.yaml"
AS_OF = "2021-12-31"  # every date in the set is on or before 2021-12

GENUINE = ("g01_genuine_senior.txt", "g02_genuine_mid.txt", "g03_genuine_three_years.txt")
PASSING = (
    "a01_stuffed_summary.txt",
    "a02_negated.txt",
    "a03_courses_only.txt",
    "a04_interests_only.txt",
    "a05_hidden_text.pdf",
    "a06_food_words.txt",
    "a07_employers_people.txt",
    "a08_self_reported_years.txt",
)
OPEN: tuple[str, ...] = ()


@pytest.fixture(scope="module")
def assessments() -> dict:
    files = [POOL / name for name in (*GENUINE, *PASSING, *OPEN)]
    shortlist = screen(files, POSTING, as_of=AS_OF)
    return {Path(e.assessment.file).name: e for e in shortlist.entries}


@pytest.fixture(scope="module")
def ranks(assessments: dict) -> dict[str, int | None]:
    return {name: e.rank for name, e in assessments.items()}


def test_a_stuffed_summary_is_far_below_three_years_of_real_work(assessments: dict) -> None:
    """42 skills listed in a summary, no job: each counts as a bare listing (0.5), none is
    backed by dated work; the 3-year developer's skills stand in positions."""
    stuffed = assessments["a01_stuffed_summary.txt"].assessment
    genuine = assessments["g03_genuine_three_years.txt"].assessment
    assert genuine.score - stuffed.score >= 20
    assert stuffed.backed == 0.0 and genuine.backed is not None and genuine.backed > 0.9


@pytest.mark.parametrize("fake", ["a03_courses_only.txt", "a04_interests_only.txt"])
def test_courses_or_interests_alone_meet_no_requirement(assessments: dict, fake: str) -> None:
    a = assessments[fake].assessment
    skills = [r for r in a.results if not r.requirement.startswith("years:")]
    assert all(r.outcome == "missing" and r.points == 0 for r in skills)
    # shown, never hidden: the note says where the skill stands and the evidence keeps it
    pg = next(r for r in skills if r.requirement == "postgresql")
    assert "PostgreSQL only in " in pg.note and "(counts 0)" in pg.note
    assert pg.evidence and pg.evidence[0].context in ("education", "interests")


def test_every_file_of_the_set_is_screened(ranks: dict[str, int | None]) -> None:
    on_disk = {p.name for p in POOL.iterdir() if p.name[0] in "ag"}
    assert on_disk == set(GENUINE) | set(PASSING) | set(OPEN)
    assert all(ranks[name] is not None for name in GENUINE)


@pytest.mark.parametrize("fake", PASSING)
def test_fake_ranks_below_every_genuine_developer(ranks: dict[str, int | None], fake: str) -> None:
    genuine = [ranks[name] for name in GENUINE]
    assert None not in genuine
    rank = ranks[fake]
    worst_genuine = max(r for r in genuine if r is not None)
    assert rank is None or rank > worst_genuine, (fake, rank, dict(zip(GENUINE, genuine)))
