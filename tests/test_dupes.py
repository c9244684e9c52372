"""Duplicates: one file given twice, or one person's resume in two versions, each with the reason
a recruiter can check (score/dupes.py), through to the reports."""

from __future__ import annotations

import csv
import io

from screener.records import Contact, Document, Profile
from screener.score.dupes import DuplicateFinder

JOBS = [
    "Backend developer, Northwind Logistics, 2019 - present",
    "Built order APIs in Python and Django on PostgreSQL; moved batch jobs to Celery.",
    "Ran the services in Docker on AWS ECS; wrote the Terraform for staging and production.",
    "Software engineer, Bluebird Health, 2016 - 2019",
    "Kept a PHP billing system alive, then rewrote its reports in Python.",
    "Tuned slow MySQL queries and added read replicas for the reporting load.",
    "Junior developer, Kestrel Media, 2014 - 2016",
    "Maintained WordPress plugins and a Node.js image service.",
    "Education: BSc Computer Science, University of Leeds, 2014",
]


def _profile(path: str, lines: list[str], sha: str, *, name: str | None = None,
             email: str | None = None, phone: str | None = None) -> Profile:
    text = "\n".join(([name] if name else []) + lines)
    doc = Document(path=path, sha256=sha, status="ok", text=text)
    return Profile(document=doc, contact=Contact(name=name, email=email, phone=phone))


def _found(*profiles: Profile) -> dict[str, tuple[str, str]]:
    finder = DuplicateFinder()
    for profile in profiles:
        finder.add(profile)
    kept = finder.kept_by_position()
    return {profiles[i].document.path: (kept[i], finder.reasons[i]) for i in kept}


def test_each_duplicate_says_why() -> None:
    found = _found(
        _profile("a.pdf", JOBS, "s1", name="Avery Quinn"),
        _profile("b.pdf", JOBS, "s1", name="Avery Quinn"),
        _profile("c.docx", ["Another layout"], "s2", name="A. Quinn", email="aq@example.com"),
        _profile("d.txt", ["Yet another"], "s3", email="AQ@example.com"),
    )
    assert found == {"b.pdf": ("a.pdf", "same file contents"),
                     "d.txt": ("c.docx", "same e-mail")}


def test_an_edited_copy_of_one_persons_resume_is_a_duplicate() -> None:
    # The newer version adds a job on top and rewords one line: not 97% alike, but the same
    # person by name and most of the text.
    newer = ["Senior backend developer, Ferrule Systems, 2023 - present",
             "Leads the payments API team: Go services on Kubernetes."] + JOBS
    newer[4] = "Ran the services on AWS ECS in Docker, with Terraform for every stage."
    found = _found(_profile("quinn-2022.pdf", JOBS, "s1", name="Avery Quinn"),
                   _profile("quinn-2024.pdf", newer, "s2", name="Avery Quinn"))
    assert list(found) == ["quinn-2024.pdf"]
    kept, why = found["quinn-2024.pdf"]
    assert kept == "quinn-2022.pdf"
    assert why.startswith("same name, edited text, ") and why.endswith("% alike")
    assert 80 < int(why.split(", ")[-1].split("%")[0]) < 97


def test_two_people_with_one_name_are_not_duplicates() -> None:
    other = ["Registered nurse, St Mary's Hospital, 2015 - present",
             "Cared for up to twelve patients a shift on a surgical ward.",
             "Trained new staff on the medication round and infection control.",
             "Education: BSc Nursing, 2015"]
    assert _found(_profile("a.pdf", JOBS, "s1", name="Sam Lee"),
                  _profile("b.pdf", other, "s2", name="Sam Lee")) == {}


def test_the_same_name_and_phone_is_one_candidate() -> None:
    found = _found(
        _profile("cv.pdf", JOBS, "s1", name="Avery Quinn", phone="+44 7700 900123"),
        _profile("resume.docx", ["A short one-page version"], "s2", name="Avery Quinn",
                 phone="07700 900123"),
    )
    assert found == {"resume.docx": ("cv.pdf", "same name and phone")}


def test_a_phone_without_a_name_pairs_nobody() -> None:
    # An agency's switchboard number on two different people's resumes.
    assert _found(_profile("a.pdf", JOBS, "s1", phone="555 010 4242"),
                  _profile("b.pdf", ["Other text"], "s2", phone="555 010 4242")) == {}


def test_a_duplicate_joined_through_another_names_the_file_between() -> None:
    found = _found(
        _profile("a.pdf", ["One version"], "s1", name="Avery Quinn", email="aq@example.com"),
        _profile("b.pdf", ["Another one"], "s2", name="Avery Quinn", email="aq@example.com",
                 phone="555 010 4242"),
        _profile("c.pdf", ["A third"], "s3", name="Avery Quinn", phone="555 010 4242"),
    )
    assert found["b.pdf"] == ("a.pdf", "same e-mail")
    assert found["c.pdf"] == ("a.pdf", "same name and phone with b.pdf")


def test_resumes_from_one_template_are_not_duplicates() -> None:
    # Same headline and layout, different people and jobs: below the near-identical bar.
    first = ["Backend developer", *JOBS[:3]]
    second = ["Backend developer", *[line.replace("Python", "Ruby").replace("Northwind",
              "Harbor").replace("Django", "Rails") for line in JOBS[:3]]]
    assert _found(_profile("a.pdf", first, "s1", name="Avery Quinn"),
                  _profile("b.pdf", second, "s2", name="Blake Rivera")) == {}


def test_reports_say_which_file_a_duplicate_repeats_and_why(tmp_path) -> None:
    from click.testing import CliRunner

    from screener.cli import cli

    folder = tmp_path / "resumes"
    folder.mkdir()
    header = ["Avery Quinn", "avery.quinn@example.com | (555) 010-4242", "Experience"]
    (folder / "quinn-2022.txt").write_text("\n".join(header + JOBS) + "\n")
    newer = header[:1] + ["(555) 010-4242"] + header[2:] + [
        "Senior backend developer, Ferrule Systems, 2023 - present",
        "Leads the payments API team: Go services on Kubernetes."] + JOBS
    (folder / "quinn-2024.txt").write_text("\n".join(newer) + "\n")
    out = tmp_path / "out.csv"
    result = CliRunner().invoke(cli, ["screen", str(folder), "--posting",
                                       "pipelines/backend-developer.yaml", "--as-of",
                                       "2026-11-27", "--no-cache", "--csv", str(out), "-q"])
    assert result.exit_code == 0, result.output
    rows = {r["file"].rsplit("/", 1)[-1]: r for r in csv.DictReader(io.StringIO(out.read_text()))}
    assert rows["quinn-2022.txt"]["status"] == "ok"
    dup = rows["quinn-2024.txt"]
    assert dup["status"] == "duplicate"
    assert dup["error"] == f"duplicate of {folder}/quinn-2022.txt (same name and phone)"
