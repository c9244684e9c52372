"""The public API: screen() and parse_resume() on the demo resumes."""

from __future__ import annotations

import gc
import sys

import screener
from tests.conftest import AS_OF, EXAMPLES, POSTING


def test_screen_returns_a_ranked_shortlist_with_every_file(tmp_path):
    shortlist = screener.screen([EXAMPLES], POSTING, as_of=AS_OF,
                                options=screener.api.ScreenOptions(jobs=1, use_cache=False))
    assert shortlist.as_of == AS_OF
    assert len(shortlist.entries) == len(list(EXAMPLES.iterdir()))
    first = shortlist.entries[0]
    assert first.rank == 1 and first.assessment.profile.contact.name == "Avery Quinn"
    # parts add up to the score shown
    a = first.assessment
    assert round(sum(p.points for p in a.parts), 1) == a.score
    unranked = [e for e in shortlist.entries if e.rank is None]
    assert {e.assessment.status for e in unranked} == {"error", "empty"}
    # texts are dropped once scored: a big batch never holds every resume's text
    assert all(e.assessment.profile.document.text == "" for e in shortlist.entries)


def test_parse_resume_reads_one_file():
    profile = screener.parse_resume(EXAMPLES / "riley-chen.txt", as_of=AS_OF)
    assert profile.status == "ok"
    assert profile.contact.email == "riley.chen@example.com"
    assert profile.skill("flask") is not None
    assert profile.experience.positions[0].current is True


def test_load_posting_and_taxonomy():
    taxonomy = screener.load_taxonomy()
    posting = screener.load_posting(POSTING, taxonomy)
    assert "postgresql" in taxonomy.skills
    assert any(r.skills == ("postgresql",) for r in posting.requirements)


def test_screen_leaves_the_process_as_it_found_it():
    """The library changes no process-wide setting: the cyclic collector stays on while it
    screens (only the `screen` command turns it off, for its own run) and the thread switch
    interval and collector thresholds are as they were afterwards."""
    before = (gc.isenabled(), gc.get_threshold(), sys.getswitchinterval())
    during: list[bool] = []
    for jobs in (0, 1):  # in this process, and with a worker
        screener.screen([EXAMPLES / "riley-chen.txt", EXAMPLES / "avery-quinn.pdf"], POSTING,
                        as_of=AS_OF, options=screener.api.ScreenOptions(jobs=jobs,
                                                                        use_cache=False),
                        progress=lambda done, total: during.append(gc.isenabled()))
    assert during and all(during)
    assert (gc.isenabled(), gc.get_threshold(), sys.getswitchinterval()) == before


def test_screen_one_finds_the_resume_in_its_batch_however_the_path_is_written():
    """Given as ./examples/resumes/../resumes/x, it is the batch's own file: not screened a
    second time (which would make it a duplicate of itself)."""
    resume = EXAMPLES / ".." / "resumes" / "jordan-blake.docx"
    shortlist, entry = screener.api.screen_one(
        resume, POSTING, batch=[EXAMPLES], as_of=AS_OF,
        options=screener.api.ScreenOptions(jobs=1, use_cache=False))
    assert len(shortlist.entries) == len(list(EXAMPLES.iterdir()))
    assert entry.assessment.file == str(EXAMPLES / "jordan-blake.docx") and entry.rank == 3
    alone, single = screener.api.screen_one(resume, POSTING, as_of=AS_OF,
                                            options=screener.api.ScreenOptions(jobs=1,
                                                                               use_cache=False))
    assert len(alone.entries) == 1 and single.assessment.file == str(resume)
