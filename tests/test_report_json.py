"""JSON report: valid against schemas/report.schema.json, complete, deterministic."""

from __future__ import annotations

import copy
import dataclasses
import io
import json
from pathlib import Path

import jsonschema
import pytest

from screener.errors import ErrorCode
from screener.report.json import write_json
from screener.score.redact import blind
from screener_testkit.shortlist_factory import hostile_shortlist, make_shortlist

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "schemas" / "report.schema.json"


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def dumped(shortlist) -> str:
    buf = io.StringIO()
    write_json(shortlist, buf)
    return buf.getvalue()


@pytest.mark.parametrize("build", [make_shortlist, hostile_shortlist,
                                   lambda: blind(make_shortlist())])
def test_real_output_validates_against_the_schema(validator, build):
    errors = [e.message for e in validator.iter_errors(json.loads(dumped(build())))]
    assert errors == []


@pytest.mark.parametrize("path, bad", [
    (("candidates", 0, "rank"), "1"),
    (("candidates", 3, "score"), 12.5),  # an unranked file cannot have a score
    (("candidates", 0, "requirements", 0, "outcome"), "found"),
    (("candidates", 0, "requirements", 0, "evidence", 0, "line"), 0),
    (("as_of",), "1 June 2024"),
    (("candidates", 3, "error_code"), "E_NOT_IN_THE_CATALOGUE"),
])
def test_schema_rejects_broken_reports(validator, path, bad):
    report = copy.deepcopy(json.loads(dumped(make_shortlist())))
    target = report
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = bad
    assert list(validator.iter_errors(report)), path


def test_top_level_and_every_file_once_in_rank_order():
    report = json.loads(dumped(make_shortlist()))
    assert report["tool"] == {"name": "screener", "version": "0.1.0"}
    assert report["as_of"] == "2024-06-01" and report["taxonomy"] == {"version": "tx-3f2a91c0"}
    assert report["posting"]["id"] == "backend-developer"
    assert len(report["posting"]["requirements"]) == 7
    assert report["summary"] == {"files": 6, "ranked": 2, "knocked_out": 1, "not_ranked": 3,
                                 "hidden": 0}
    assert [(c["rank"], c["status"]) for c in report["candidates"]] == [
        (1, "ok"), (2, "ok"), (3, "ok"), (None, "empty"), (None, "error"), (None, "duplicate")]
    files = [c["file"] for c in report["candidates"]]
    assert len(set(files)) == len(files) == len(make_shortlist().entries)


def test_candidate_carries_full_breakdown_with_evidence():
    avery, _, casey, scan, _, dup = json.loads(dumped(make_shortlist()))["candidates"]
    assert avery["name"] == "Avery Quinn" and avery["score"] == 91.6
    assert [p["name"] for p in avery["parts"]] == ["required", "preferred", "years", "similarity"]
    assert sum(p["points"] for p in avery["parts"]) == pytest.approx(avery["score"])
    lang = avery["requirements"][0]
    assert lang["id"] == "backend-language" and lang["outcome"] == "met"
    assert lang["evidence"][0] == {"text": "Python", "section": "experience", "line": 12}
    assert avery["years"] == 9.25 and avery["relevant_years"] == 9.25
    assert avery["claimed_evidence"]["text"] == "8+ years of experience"
    assert [p["relevant"] for p in avery["positions"]] == [True, True]
    assert {s["id"] for s in avery["skills"]} >= {"python", "django", "aws"}
    assert casey["knocked_out_by"] == ["required 1 of Python, Node.js, PHP: not found"]
    assert casey["relevant_years"] is None  # unknown stays null, not 0
    assert scan["rank"] is None and scan["score"] is None
    assert scan["error"].startswith("no text layer")
    assert dup["duplicate_of"] == "resumes/avery_quinn.pdf"


def test_deterministic_bytes_unicode_kept_trailing_newline():
    first, second = dumped(hostile_shortlist()), dumped(hostile_shortlist())
    assert first == second
    assert first.endswith("}\n")
    assert "Zoë" in first  # ensure_ascii=False
    assert '\n  "tool": {\n    "name": "screener"' in first  # indent 2, fixed key order


def test_hidden_files_skipped_are_counted_in_the_summary(validator):
    shortlist = dataclasses.replace(make_shortlist(), hidden=2)
    report = json.loads(dumped(shortlist))
    assert report["summary"]["hidden"] == 2
    assert not list(validator.iter_errors(report))


def _with_document(entry, **changes):
    a = entry.assessment
    doc = dataclasses.replace(a.profile.document, **changes)
    profile = dataclasses.replace(a.profile, document=doc)
    return dataclasses.replace(entry, assessment=dataclasses.replace(a, profile=profile))


def test_every_file_carries_the_code_of_its_reason(validator):
    shortlist = make_shortlist()
    changes = {"empty": {"error_code": "E_SCANNED_NO_TEXT"},  # as extraction gives it
               "duplicate": {"error": None}}  # a duplicate whose own file was read
    entries = tuple(_with_document(e, **changes.get(e.assessment.status, {}))
                    for e in shortlist.entries)
    report = json.loads(dumped(dataclasses.replace(shortlist, entries=entries)))
    assert [(c["status"], c["error_code"]) for c in report["candidates"]] == [
        ("ok", None), ("ok", None), ("ok", None),
        ("empty", "E_SCANNED_NO_TEXT"),
        ("error", None),  # a reason without a code (made outside the pipeline): none invented
        ("duplicate", "E_DUPLICATE")]
    assert report["candidates"][5]["error"].startswith("duplicate of resumes/avery_quinn.pdf")
    assert not list(validator.iter_errors(report))


def test_the_schema_lists_every_error_code_and_no_other():
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    enum = schema["$defs"]["candidate"]["properties"]["error_code"]["enum"]
    assert enum == [None, *(code.value for code in ErrorCode)]


def _with_first(shortlist, **changes):
    """The shortlist with its first candidate's assessment changed."""
    first = shortlist.entries[0]
    changed = dataclasses.replace(first, assessment=dataclasses.replace(first.assessment,
                                                                        **changes))
    return dataclasses.replace(shortlist, entries=(changed, *shortlist.entries[1:]))


def test_a_skill_carries_the_years_the_resume_states_beside_the_dated_ones(validator):
    shortlist = make_shortlist()
    a = shortlist.entries[0].assessment
    skills = tuple(dataclasses.replace(h, stated_years=15.0) if h.id == "python" else h
                   for h in a.profile.skills)
    report = json.loads(dumped(_with_first(
        shortlist, profile=dataclasses.replace(a.profile, skills=skills))))
    by_id = {s["id"]: s for s in report["candidates"][0]["skills"]}
    assert (by_id["python"]["years"], by_id["python"]["stated_years"]) == (5.42, 15.0)
    assert by_id["aws"]["stated_years"] is None  # none stated: null, the key still there
    assert list(by_id["python"]) == ["id", "name", "source", "years", "stated_years",
                                     "implied_by", "evidence"]
    assert not list(validator.iter_errors(report))


def test_a_mention_the_duties_name_as_others_work_is_a_valid_context(validator):
    shortlist = make_shortlist()
    a = shortlist.entries[0].assessment
    first = a.results[0]
    named = dataclasses.replace(first, evidence=tuple(
        dataclasses.replace(e, context="named") for e in first.evidence))
    report = json.loads(dumped(_with_first(shortlist, results=(named, *a.results[1:]))))
    assert report["candidates"][0]["requirements"][0]["evidence"][0]["context"] == "named"
    assert not list(validator.iter_errors(report))
