"""Scoring hand-built profiles against hand-built postings."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from screener.records import (
    Document,
    Evidence,
    Experience,
    Position,
    Posting,
    Profile,
    Requirement,
    SkillHit,
    Weights,
)
from screener.score.scoring import assess, part_maxima, similarities, with_similarity

NAMES = {
    "python": "Python",
    "nodejs": "Node.js",
    "php": "PHP",
    "postgresql": "PostgreSQL",
    "docker": "Docker",
    "kubernetes": "Kubernetes",
    "aws": "AWS",
    "django": "Django",
    "sql": "SQL",
    "redis": "Redis",
    "java": "Java",
}


def hit(
    skill: str, years: float | None = None, line: int = 10, implied_by: tuple[str, ...] = (),
    section: str = "experience",
) -> SkillHit:
    return SkillHit(
        id=skill,
        name=NAMES.get(skill, skill),
        source="implied" if implied_by else "explicit",
        evidence=()
        if implied_by
        else (Evidence(text=NAMES.get(skill, skill), section=section, line=line),),
        years=years,
        implied_by=implied_by,
    )


def position(
    title: str, start: str, end: str, years: float, line: int, skills: tuple[str, ...] = ()
) -> Position:
    return Position(
        title=title,
        company="Example Corp",
        start=start,
        end=end,
        current=False,
        start_line=line,
        end_line=line + 3,
        years=years,
        date_text=f"{start} - {end}",
        skills=skills,
    )


def profile(
    *hits: SkillHit,
    total: float | None = 6.0,
    positions: tuple[Position, ...] = (),
    claimed: float | None = None,
    status: str = "ok",
    path: str = "avery.txt",
) -> Profile:
    if total is not None and not positions:
        positions = (position("Software Engineer", "2019-01", "2025-01", total, 3, ("python",)),)
    doc = Document(path=path, sha256="ab" * 32, status=status, text="")
    claimed_ev = (
        Evidence(text=f"{claimed:g}+ years", section="summary", line=2) if claimed else None
    )
    exp = Experience(
        total_years=total, positions=positions, claimed_years=claimed, claimed_evidence=claimed_ev
    )
    return Profile(document=doc, skills=tuple(sorted(hits, key=lambda h: h.id)), experience=exp)


def req(
    rid: str,
    skills: tuple[str, ...],
    *,
    min_count: int = 1,
    importance: str = "required",
    weight: float = 1.0,
    min_years: float | None = None,
    knockout: bool = False,
) -> Requirement:
    return Requirement(
        id=rid,
        label=rid,
        skills=skills,
        min_count=min_count,
        importance=importance,
        weight=weight,
        min_years=min_years,
        knockout=knockout,
    )


BACKEND = Posting(
    id="backend",
    title="Back-end developer",
    path="backend.yaml",
    requirements=(
        req("languages", ("python", "nodejs", "php"), min_count=2, weight=2.0),
        req("postgresql", ("postgresql",), knockout=True),
        req("docker", ("docker",)),
        req("kubernetes", ("kubernetes",)),
        req("aws", ("aws",)),
        req("sql", ("sql",), importance="preferred"),
        req("redis", ("redis",), importance="preferred"),
    ),
    min_years=5.0,
)


def result(assessment, rid):
    return next(r for r in assessment.results if r.requirement == rid)


def points_sum(assessment) -> float:
    return round(sum(p.points for p in assessment.parts), 1)


# --------------------------------------------------------------------------- outcomes


def test_full_match_scores_everything_but_similarity():
    a = assess(
        profile(
            *(
                hit(s)
                for s in (
                    "python",
                    "php",
                    "postgresql",
                    "docker",
                    "kubernetes",
                    "aws",
                    "sql",
                    "redis",
                )
            ),
            total=7.0,
        ),
        BACKEND,
    )
    assert all(r.outcome == "met" for r in a.results)
    assert [p.name for p in a.parts] == ["required", "preferred", "years", "similarity"]
    assert [p.points for p in a.parts] == [60.0, 15.0, 20.0, 0.0]
    assert a.score == 95.0 and a.knocked_out_by == ()
    assert a.years == 7.0


def test_group_with_fewer_than_min_is_partial_with_proportional_points():
    a = assess(profile(hit("python"), hit("postgresql")), BACKEND)
    langs = result(a, "languages")
    assert langs.outcome == "partial"
    # languages carry weight 2 of the 6 required weight units: 60 * 2/6 = 20 points, half earned
    assert langs.max_points == pytest.approx(20.0)
    assert langs.points == pytest.approx(10.0)
    assert langs.matched == ("python",)
    assert langs.note.startswith("found 1 of 2: Python")


def test_missing_requirement_and_knockout_line():
    a = assess(profile(hit("python"), hit("php"), hit("docker")), BACKEND)
    pg = result(a, "postgresql")
    assert (pg.outcome, pg.points, pg.matched, pg.evidence) == ("missing", 0.0, (), ())
    assert a.knocked_out_by == ("knock-out: no postgresql",)
    assert "postgresql" in a.missing and "languages" in a.matched


def test_evidence_comes_from_the_skill_hits():
    a = assess(
        profile(hit("python", line=14), hit("php", line=15), hit("postgresql", line=22)), BACKEND
    )
    langs = result(a, "languages")
    assert [(e.text, e.section, e.line, e.context) for e in langs.evidence] == [
        ("Python", "experience", 14, "experience"),
        ("PHP", "experience", 15, "experience"),
    ]
    assert result(a, "postgresql").evidence[0].line == 22


def test_skill_below_min_years_is_partial():
    posting = dataclasses.replace(
        BACKEND, requirements=(req("postgresql", ("postgresql",), min_years=4, knockout=True),)
    )
    a = assess(profile(hit("postgresql", years=2.0)), posting)
    pg = result(a, "postgresql")
    assert pg.outcome == "partial" and pg.years == 2.0
    # half for the skill, half scaled by 2 of 4 years
    assert pg.points == pytest.approx(pg.max_points * 0.75)
    assert pg.note == "found PostgreSQL: 2.0 of 4 years"
    assert a.knocked_out_by == ("knock-out: postgresql: found PostgreSQL: 2.0 of 4 years",)


def test_min_years_without_any_dated_experience_is_unknown_and_never_knocks_out():
    posting = dataclasses.replace(
        BACKEND, requirements=(req("postgresql", ("postgresql",), min_years=4, knockout=True),)
    )
    a = assess(profile(hit("postgresql"), total=None), posting)
    pg = result(a, "postgresql")
    assert pg.outcome == "unknown"
    assert pg.points == pytest.approx(pg.max_points * 0.5)
    assert "years unknown" in pg.note
    assert a.knocked_out_by == ()
    years = result(a, "years:total")
    assert (years.outcome, years.points, years.years) == ("unknown", 0.0, None)
    assert a.parts[2].points == 0.0


def test_skill_outside_dated_positions_counts_zero_years_when_dates_exist():
    posting = dataclasses.replace(
        BACKEND, requirements=(req("postgresql", ("postgresql",), min_years=4),)
    )
    pg = result(assess(profile(hit("postgresql")), posting), "postgresql")
    assert pg.outcome == "partial" and pg.years == 0.0


def test_implied_skills_count_only_when_the_posting_allows():
    p = profile(hit("django"), hit("python", implied_by=("django",)), hit("php"), hit("postgresql"))
    off = assess(p, BACKEND)
    assert result(off, "languages").outcome == "partial"
    on = assess(p, dataclasses.replace(BACKEND, count_implied=True))
    langs = result(on, "languages")
    assert langs.outcome == "met" and langs.matched == ("python", "php")
    assert "Python (implied by django)" in langs.note
    assert on.score > off.score


def test_implied_skill_never_proves_years():
    posting = dataclasses.replace(
        BACKEND, count_implied=True, requirements=(req("python", ("python",), min_years=3),)
    )
    p = profile(
        hit("django", years=6.0),
        dataclasses.replace(hit("python", implied_by=("django",)), years=6.0),
    )
    assert result(assess(p, posting), "python").outcome == "partial"


def test_files_that_were_not_read_score_zero_with_no_results():
    for status in ("empty", "error"):
        a = assess(profile(hit("python"), status=status), BACKEND, similarity=0.9)
        assert (a.score, a.results, a.parts, a.knocked_out_by) == (0.0, (), (), ())


# --------------------------------------------------------------------------- years and parts


def test_years_partial_credit_is_proportional():
    a = assess(profile(hit("python"), total=2.5), BACKEND)
    years = result(a, "years:total")
    assert years.outcome == "partial" and years.points == pytest.approx(10.0)
    assert years.note.startswith("2.5 of 5 years")
    assert years.evidence[0].line == 3 and "Software Engineer" in years.evidence[0].text


def test_claimed_years_are_used_only_without_dated_positions():
    a = assess(profile(hit("python"), total=None, claimed=8.0), BACKEND)
    years = result(a, "years:total")
    assert years.outcome == "met" and "as stated" in years.note
    assert years.evidence[0].line == 2


def test_self_reported_skill_years_beyond_the_dated_history_are_flagged_never_used():
    stated = dataclasses.replace(hit("python", years=1.7), stated_years=15.0)
    posting = dataclasses.replace(BACKEND, requirements=(req("py", ("python",), min_years=5.0),))
    a = assess(profile(stated, total=1.7), posting)
    assert result(a, "py").outcome == "partial"  # 1.7 dated years, not the stated 15
    note = result(a, "years:total").note
    assert note.endswith("self-reported years beyond the 1.7 dated years: Python 15 (dated 1.7)")
    within = dataclasses.replace(hit("python", years=1.7), stated_years=1.5)
    assert "self-reported" not in result(assess(profile(within, total=1.7), posting), "years:total").note


def test_years_knockout_uses_known_years_only():
    posting = dataclasses.replace(BACKEND, years_knockout=True)
    full = (hit("python"), hit("php"), hit("postgresql"))
    assert assess(profile(*full, total=3.0), posting).knocked_out_by == (
        "knock-out: 5+ years of experience: 3.0 of 5 years, from dated positions",
    )
    assert assess(profile(*full, total=None), posting).knocked_out_by == ()


def test_relevant_years_use_relevant_positions():
    posting = dataclasses.replace(BACKEND, min_relevant_years=4.0, relevant_titles=("developer",))
    positions = (
        position("Sales Associate", "2012-01", "2016-01", 4.0, 3),
        position("Back-end Developer", "2016-02", "2018-02", 2.0, 9, ("python",)),
    )
    a = assess(profile(hit("python"), total=6.0, positions=positions), posting)
    relevant = result(a, "years:relevant")
    assert a.relevant_years == pytest.approx(2.0, abs=0.1)
    assert a.relevant_positions == (1,)
    assert relevant.outcome == "partial" and relevant.evidence[0].line == 9


def test_unused_parts_give_their_weight_to_the_others():
    only_required = dataclasses.replace(
        BACKEND, requirements=BACKEND.requirements[:5], min_years=None
    )
    maxima = part_maxima(only_required)
    assert maxima["preferred"] == 0.0 and maxima["years"] == 0.0
    assert maxima["required"] == pytest.approx(100 * 60 / 65)
    assert sum(maxima.values()) == pytest.approx(100.0)


def test_similarity_part_is_small_and_scaled():
    a = assess(profile(hit("python")), BACKEND, similarity=0.5)
    assert a.parts[3].points == 2.5 and a.parts[3].max_points == 5.0 and a.similarity == 0.5
    assert assess(profile(hit("python")), BACKEND, similarity=3.0).parts[3].points == 5.0


def test_shown_parts_add_up_to_the_shown_score():
    posting = dataclasses.replace(
        BACKEND, weights=Weights(required=33.3, preferred=7.7, years=11.1, similarity=3.3)
    )
    a = assess(
        profile(hit("python"), hit("sql"), hit("docker", years=1.0), total=1.7),
        posting,
        similarity=0.123,
    )
    assert a.score == points_sum(a)
    assert all(p.points == round(p.points, 1) for p in a.parts)


# --------------------------------------------------------------------------- properties

SKILLS = ("python", "nodejs", "php", "postgresql", "docker", "kubernetes", "aws", "sql", "redis")
hits_strategy = st.dictionaries(
    st.sampled_from(SKILLS), st.one_of(st.none(), st.floats(0, 12)), max_size=9
)


@settings(max_examples=60, deadline=None)
@given(
    hits_strategy,
    st.sampled_from(SKILLS),
    st.one_of(st.none(), st.floats(0, 15)),
    st.floats(0, 1),
    st.booleans(),
)
def test_adding_a_skill_never_lowers_the_score(have, extra, total, sim, with_years):
    posting = BACKEND
    if with_years:  # also exercise per-skill minimum years
        posting = dataclasses.replace(
            BACKEND,
            requirements=tuple(dataclasses.replace(r, min_years=3.0) for r in BACKEND.requirements),
        )
    before = profile(*(hit(s, y) for s, y in have.items()), total=total)
    more = dict(have)
    more.setdefault(extra, None)
    after = profile(*(hit(s, y) for s, y in more.items()), total=total)
    a, b = assess(before, posting, similarity=sim), assess(after, posting, similarity=sim)
    assert b.score >= a.score
    assert a.score == points_sum(a) and b.score == points_sum(b)
    assert 0.0 <= a.score <= 100.0


@settings(max_examples=60, deadline=None)
@given(hits_strategy, st.one_of(st.none(), st.floats(0, 15)), st.floats(0, 1), st.floats(-1, 2))
def test_a_similarity_added_later_gives_the_same_assessment(have, total, first, later):
    # a batch assesses each resume as it arrives and adds the batch-wide similarity at the end
    p = profile(*(hit(s, y) for s, y in have.items()), total=total)
    assert with_similarity(assess(p, BACKEND), BACKEND, later) == assess(
        p, BACKEND, similarity=later
    )
    assert with_similarity(assess(p, BACKEND, similarity=first), BACKEND, later) == assess(
        p, BACKEND, similarity=later
    )


def test_a_file_that_was_not_read_gets_no_similarity_part():
    a = assess(profile(status="error"), BACKEND)
    assert with_similarity(a, BACKEND, 0.7) == a and a.parts == () and a.score == 0.0


# --------------------------------------------------------------------------- similarity


def test_similarities_rank_the_on_topic_text_first_and_are_deterministic():
    posting = dataclasses.replace(
        BACKEND, description="Back-end developer: Python, Node.js, PostgreSQL, Kubernetes, AWS"
    )
    texts = [
        "Line cook with ten years in busy kitchens, pastry and grill.",
        "Back-end developer building Python and Node.js services on PostgreSQL, deployed to Kubernetes on AWS.",
        "",
    ]
    first = similarities(texts, posting)
    assert first == similarities(texts, posting)
    assert first[1] > 0.3 > first[0] and first[2] == 0.0
    assert similarities([], posting) == []
    assert similarities(
        ["", "   "], dataclasses.replace(posting, title="", description="", requirements=())
    ) == [0.0, 0.0]


RELEVANT_ONLY = dataclasses.replace(
    BACKEND, min_years=None, min_relevant_years=5.0, relevant_titles=("developer",),
    relevant_skills=("python", "php"),
)


def test_undated_resume_claim_counts_as_relevant_when_its_line_names_a_relevant_skill():
    # "Back-end developer with over 7 years of experience in PHP" on line 2, no dated jobs
    p = profile(hit("php", line=2), hit("python", line=8), total=None, claimed=7.0)
    r = result(assess(p, RELEVANT_ONLY), "years:relevant")
    assert r.outcome == "met" and r.years == 7.0
    assert "as stated" in r.note and r.evidence[0].line == 2


def test_undated_claim_on_a_line_without_the_field_stays_unknown():
    # the claim's line names no relevant skill or title: unknown, not a guess
    p = profile(hit("php", line=9), total=None, claimed=7.0)
    r = result(assess(p, RELEVANT_ONLY), "years:relevant")
    assert r.outcome == "unknown" and r.points == 0.0


def test_dated_resume_never_falls_back_to_its_claim():
    p = profile(hit("php", line=2), total=2.0, claimed=12.0,
                positions=(position("Barista", "2023-01", "2024-12", 2.0, 5),))
    r = result(assess(p, RELEVANT_ONLY), "years:relevant")
    assert r.years == 0.0 and r.outcome == "missing"


# --------------------------------------------------------------------------- where a mention stands


def test_a_listing_counts_half_a_position_fully_and_courses_not_at_all():
    """No position in the field here (total=None): a skills list is a bare listing."""
    posting = dataclasses.replace(BACKEND, min_years=None)
    worked = assess(profile(hit("docker", line=4), total=None, positions=(
        position("Developer", "2019-01", "2025-01", 6.0, 3, ("docker",)),)), posting)
    listed = assess(profile(hit("docker", section="skills"), total=None), posting)
    studied = assess(profile(hit("docker", section="education"), total=None), posting)
    points = [result(a, "docker").points for a in (worked, listed, studied)]
    assert points[0] > 0 and points[1] == pytest.approx(points[0] / 2) and points[2] == 0
    assert result(worked, "docker").evidence[0].context == "position"
    assert result(listed, "docker").note == "found Docker (skills list only)"
    assert result(listed, "docker").outcome == "partial"
    shown = result(studied, "docker")
    assert shown.outcome == "missing" and shown.evidence[0].context == "education"
    assert shown.note == "not found (Docker only in education/courses (counts 0), line 10)"
    assert (worked.backed, listed.backed, studied.backed) == (1.0, 0.0, None)


def test_a_listing_backed_by_a_position_in_the_field_counts_more():
    posting = dataclasses.replace(BACKEND, relevant_titles=("developer",), min_relevant_years=5.0)
    dev = (position("Developer", "2015-01", "2021-01", 6.0, 3),)
    alone = assess(profile(hit("docker", section="skills"), total=None), posting)
    backed = assess(profile(hit("docker", section="skills"), total=6.0, positions=dev), posting)
    assert result(backed, "docker").points == pytest.approx(
        result(alone, "docker").points * 0.75 / 0.5
    )
    assert backed.backed == 0.0  # a listing is still no dated work


def test_the_posting_sets_what_each_context_is_worth():
    contexts = {**BACKEND.contexts, "skills": 1.0, "education": 0.25}
    posting = dataclasses.replace(BACKEND, contexts=contexts, min_years=None)
    listed = assess(profile(hit("docker", section="skills"), total=None), posting)
    studied = assess(profile(hit("docker", section="education"), total=None), posting)
    assert result(listed, "docker").outcome == "met"
    assert result(studied, "docker").points == pytest.approx(result(listed, "docker").points / 4)


def test_the_best_mention_counts():
    posting = dataclasses.replace(BACKEND, min_years=None)
    both = (
        Evidence(text="Docker", section="skills", line=10),
        Evidence(text="Docker", section="experience", line=4),
    )
    docker = dataclasses.replace(hit("docker"), evidence=both)
    a = assess(profile(docker, total=None, positions=(
        position("Developer", "2019-01", "2025-01", 6.0, 3, ("docker",)),)), posting)
    assert result(a, "docker").outcome == "met"
    assert [e.context for e in result(a, "docker").evidence] == ["position", "skills"]


def test_a_skill_the_duties_name_but_do_not_use_counts_as_a_mention_not_as_work():
    """ "Managed the outsourced Java developers": the position names Java as others' work
    (Position.skills, the judgement the per-skill years follow too), priced as "other"."""
    posting = dataclasses.replace(BACKEND, min_years=None)
    managed = assess(profile(hit("docker", line=4), total=None, positions=(
        position("Director of IT", "2019-01", "2025-01", 6.0, 3, ("erp",)),)), posting)
    used = assess(profile(hit("docker", line=4), total=None, positions=(
        position("Developer", "2019-01", "2025-01", 6.0, 3, ("docker",)),)), posting)
    shown = result(managed, "docker")
    assert shown.evidence[0].context == "named" and shown.outcome == "partial"
    assert shown.points == pytest.approx(result(used, "docker").points / 2)
    assert shown.note == "found Docker (named as others' work only)"
    assert managed.backed == 0.0 and used.backed == 1.0


VP_DIRECTS = """Vic Director
EXPERIENCE
Vice President of IT | Harbor Clinics | Jan 2012 - Dec 2021
- Set the IT strategy; led the move of data centers to AWS
- Sponsored the adoption of Docker and Kubernetes for the application teams
- Chose the vendors for PostgreSQL support
SKILLS
IT strategy, budgeting, vendor management
"""
DEV_LEADS = """Dana Builder
EXPERIENCE
Senior Developer | Delta Freight | Jan 2016 - Dec 2021
- Led the migration to AWS, writing the Terraform
- Led the move of the billing service to Kubernetes and Docker
- Built Python services on PostgreSQL
"""


def test_directed_work_is_named_and_a_developer_who_leads_keeps_it(tmp_path):
    """A VP's strategy bullets ("led the move to AWS", "sponsored the adoption of Docker",
    "chose the vendors for PostgreSQL") name the skills as others' work; a developer who "led
    the migration to AWS, writing the Terraform" used them, and ranks above the VP."""
    from pathlib import Path

    from screener.api import screen

    (tmp_path / "vp.txt").write_text(VP_DIRECTS, encoding="utf-8")
    (tmp_path / "dev.txt").write_text(DEV_LEADS, encoding="utf-8")
    posting = Path(__file__).parent.parent / "pipelines" / "backend-developer.yaml"
    shortlist = screen([tmp_path], posting, as_of="2021-12-31")
    by_file = {Path(e.assessment.file).name: e for e in shortlist.entries}
    vp, dev = by_file["vp.txt"], by_file["dev.txt"]

    def contexts(entry, req):
        found = next(r for r in entry.assessment.results if r.requirement == req)
        return {e.context for e in found.evidence}

    for req in ("cloud", "kubernetes", "postgresql"):
        assert contexts(vp, req) == {"named"}, req
        assert contexts(dev, req) == {"position"}, req
    assert dev.rank == 1 and vp.rank == 2
    assert vp.assessment.score < dev.assessment.score / 2
