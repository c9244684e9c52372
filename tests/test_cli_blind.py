"""`screener screen --blind`: no identifying field reaches any report or the terminal."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from screener.cli import cli
from tests.conftest import AS_OF, EXAMPLES, POSTING

# What the demo resumes reveal about their (invented) people.
IDENTIFYING = [
    "Avery", "Quinn", "avery.quinn@example.com", "013-2291", "github.com/avery-quinn-dev",
    "Jordan", "Blake", "jordan.blake@example.com", "014 7720",
    "Riley", "riley.chen@example.com", "Morgan Ellis", "morgan.ellis@example.com",
    "Samira", "Patel", "linkedin.com/in/samira-p", "018-3310",
    "Taylor", "Brooks", "Casey", "casey.morgan@example.com",
    "avery-quinn.pdf", "jordan-blake.docx", "riley-chen.txt", "samira-patel",
]


def test_blind_reports_leak_nothing_and_the_key_maps_back(tmp_path):
    out = {k: tmp_path / f"r.{k}" for k in ("csv", "json", "html")}
    key = tmp_path / "key.csv"
    result = CliRunner().invoke(
        cli,
        ["screen", str(EXAMPLES), "--posting", str(POSTING), "--as-of", AS_OF, "--no-cache",
         "--quiet", "--jobs", "1", "--blind", "--blind-key", str(key), "--explain",
         "--csv", str(out["csv"]), "--json", str(out["json"]), "--html", str(out["html"])],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    texts = {"terminal": result.stdout} | {k: p.read_text(encoding="utf-8") for k, p in out.items()}
    for where, text in texts.items():
        leaks = [s for s in IDENTIFYING if s.lower() in text.lower()]
        assert leaks == [], (where, leaks)
    rows = list(csv.DictReader(io.StringIO(texts["csv"])))
    assert len(rows) == len(list(EXAMPLES.iterdir()))
    assert rows[0]["candidate_id"] and rows[0]["file"] == rows[0]["candidate_id"]
    # the key, written only where asked, maps each pseudonym back to its file
    mapping = {r["candidate_id"]: r["file"] for r in csv.DictReader(io.StringIO(key.read_text()))}
    assert mapping[rows[0]["candidate_id"]].endswith("avery-quinn.pdf")
    assert len(mapping) == len(rows)
    # the key unblinds everyone: readable by its owner only, unlike the shared reports
    assert key.stat().st_mode & 0o777 == 0o600
    assert out["csv"].stat().st_mode & 0o077


def test_blind_key_without_blind_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(cli, ["screen", str(EXAMPLES), "--posting", str(POSTING),
                                      "--blind-key", str(tmp_path / "k.csv")])
    assert result.exit_code == 2
    assert "--blind" in result.stderr


# --------------------------------------------------------------------------- the blind-leak check
# Synthetic people whose names the name finder may miss (other scripts, diacritics, five words,
# pronouns, suffixes); each name also sits in a company, a title or a bullet, beside an email
# and a profile handle. Every string here must be absent from every blind report.
SECRET = "blind-leak-test-secret-0123456789\n"


@dataclass(frozen=True)
class Person:
    file: str  # .txt, .docx or .pdf
    name_line: str
    email: str
    handle: str  # a linkedin.com/in/ or github.com/ handle
    phone: str
    company: str  # a company named after the person
    title: str
    bullet: str  # names the person again, in the evidence
    identifying: tuple[str, ...]  # the name's words and variants (not "Jr.", "PhD", "she/her")


PEOPLE = (
    Person("dmitry_ivanov.txt", "Дмитрий Иванов", "dmitry.ivanov@example.com",
           "linkedin.com/in/dmitry-ivanov-dev", "+7 495 010-2233", "Иванов и Партнёры",
           "Senior Backend Engineer", "Built Python services for Ivanov Systems with Django.",
           ("Дмитрий", "Иванов", "Dmitry", "Ivanov")),
    Person("Łukasz Wójcik CV.docx", "Łukasz Wójcik", "lukasz.wojcik@example.pl",
           "github.com/lwojcik", "+48 22 010 4455", "Wójcik Software Sp. z o.o.",
           "Backend Developer", "WOJCIK TEAM: moved Node.js services to Docker on AWS.",
           ("Łukasz", "Wójcik", "Lukasz", "Wojcik", "lwojcik")),
    Person("nguyen-minh-khai.pdf", "Nguyễn Thị Minh Khai", "minhkhai.nguyen@example.vn",
           "linkedin.com/in/nguyenthiminhkhai", "+84 28 010 6677", "Nguyễn Minh Khai Studio",
           "Backend Engineer", "Minh Khai designed PostgreSQL schemas for Kubernetes jobs.",
           ("Nguyễn", "Thị", "Minh", "Khai", "Nguyen")),
    Person("jose-luis-fernandez.txt", "José Luis Fernández Villalobos Ortega",
           "jl.fernandez@example.es", "linkedin.com/in/jlfvo", "+34 91 010 8899",
           "Villalobos Ortega Asociados", "Software Developer",
           "Fernández Villalobos led the PHP and MySQL migration.",
           ("José", "Luis", "Fernández", "Villalobos", "Ortega", "Fernandez")),
    Person("chidinma_okonkwo.docx", "Chidinma Okonkwo (she/her)", "chidinma.o@example.org",
           "github.com/chioko", "(555) 010-3141", "Okonkwo Consulting",
           "Okonkwo Fellow, Backend Engineering",
           "Chidinma led the Docker rollout on AWS.", ("Chidinma", "Okonkwo", "chioko")),
    Person("marcus-whitfield.txt", "Marcus Whitfield Jr.", "marcus.whitfield@example.com",
           "linkedin.com/in/marcus-whitfield-jr", "(555) 010-2718", "Whitfield & Sons",
           "Backend Engineer", "Whitfield built REST APIs in Python on PostgreSQL.",
           ("Marcus", "Whitfield")),
    Person("Priya_Raghunathan.pdf", "Priya Raghunathan, PhD", "p.raghunathan@example.in",
           "github.com/praghunathan", "+91 80 0102 3344", "Raghunathan Analytics",
           "Senior Software Engineer", "Priya scaled the Kubernetes cluster on AWS.",
           ("Priya", "Raghunathan")),
)


def _lines(p: Person) -> list[str]:
    return [p.name_line, f"{p.email} | {p.phone} | {p.handle}", "",
            "SUMMARY", "Backend developer: Python, Node.js and PostgreSQL on AWS.", "",
            "EXPERIENCE", f"{p.title}, {p.company}", "Jan 2019 - Present", f"- {p.bullet}",
            "Software Developer, Initech", "Jun 2014 - Dec 2018",
            "- Maintained Python and PHP services on MySQL.", "",
            "SKILLS", "Python, Node.js, PHP, PostgreSQL, MySQL, Docker, Kubernetes, AWS"]


def _write(folder: Path, p: Person) -> None:
    lines = _lines(p)
    target = folder / p.file
    if p.file.endswith(".txt"):
        target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    elif p.file.endswith(".docx"):
        docx = pytest.importorskip("docx")
        from screener_testkit.make_fixtures import _deterministic_zip

        doc = docx.Document()
        for line in lines:
            doc.add_paragraph(line)
        buf = io.BytesIO()
        doc.save(buf)
        target.write_bytes(_deterministic_zip(buf.getvalue()))
    else:
        pytest.importorskip("reportlab")
        from screener_testkit.make_fixtures import Job, Resume, resume_pdf

        resume = Resume(name=p.name_line, contact=f"{p.email} | {p.phone} | {p.handle}",
                        summary="Backend developer: Python, Node.js and PostgreSQL on AWS.",
                        jobs=(Job(p.title, p.company, "Jan 2019 - Present", (p.bullet,)),
                              Job("Software Developer", "Initech", "Jun 2014 - Dec 2018",
                                  ("Maintained Python and PHP services on MySQL.",))),
                        skills=("Python", "Node.js", "PHP", "PostgreSQL", "Docker", "AWS"))
        try:
            target.write_bytes(resume_pdf(resume, font="DejaVuSans"))
        except FileNotFoundError:
            pytest.skip("no DejaVuSans font to write the PDFs with")


def _plain(text: str) -> str:
    """Case- and accent-free, as a grep with accents stripped would see it (written apart from
    screener.score.identity.fold, so that the check does not share the masker's mistakes)."""
    text = unicodedata.normalize("NFKD", text.translate(str.maketrans("łŁđĐøØ", "lLdDoO")))
    return "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()


def _needles(folder: Path) -> list[str]:
    out: set[str] = set()
    for p in PEOPLE:
        path = folder / p.file
        sha = hashlib.sha256(path.read_bytes()).hexdigest()
        local = p.email.split("@")[0]
        handle = p.handle.rsplit("/", 1)[1]
        out.update([*p.identifying, p.name_line.split(",")[0].replace(" (she/her)", ""),
                    p.email, local, handle, p.handle, p.phone, p.file, path.stem, str(path),
                    sha[:8], f"C-{sha[:6]}"])
    return sorted(out)


def _found(needle: str, text: str) -> bool:
    plain = _plain(needle)
    if len(plain) >= 5:
        return plain in text
    return re.search(rf"(?<!\w){re.escape(plain)}(?!\w)", text) is not None  # "Thị": not "this"


def _screen(folder: Path, tmp: Path, *extra: str, env: dict[str, str] | None = None):
    tmp.mkdir(parents=True, exist_ok=True)
    out = {k: tmp / f"r.{k}" for k in ("csv", "json", "html")}
    result = CliRunner(env=env).invoke(
        cli,
        ["screen", str(folder), "--posting", str(POSTING), "--as-of", AS_OF, "--no-cache",
         "--quiet", "--jobs", "1", "--explain", "--csv", str(out["csv"]),
         "--json", str(out["json"]), "--html", str(out["html"]), *extra],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    return {"terminal": result.stdout, "stderr": result.stderr} | {
        k: p.read_text(encoding="utf-8") for k, p in out.items()}


@pytest.fixture(scope="module")
def people(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("people") / "resumes"
    folder.mkdir()
    for p in PEOPLE:
        _write(folder, p)
    return folder


def test_blind_reports_name_no_one_in_any_script(people, tmp_path):
    secret = tmp_path / "secret"
    secret.write_text(SECRET)
    needles = _needles(people)
    # the check can see them: a report that is not blind shows each person
    shown = {k: _plain(v) for k, v in _screen(people, tmp_path / "plain").items()}
    for p in PEOPLE:
        assert any(_found(p.identifying[-1], text) for text in shown.values()), p.file
        for kind in ("json", "html"):  # written as is, not escaped
            assert _found(p.company.split()[0], shown[kind]), (p.file, kind)
    texts = _screen(people, tmp_path, "--blind", "--blind-secret", str(secret),
                    "--blind-key", str(tmp_path / "key.csv"))
    rows = list(csv.DictReader(io.StringIO(texts["csv"])))
    assert len(rows) == len(PEOPLE) and all(r["status"] == "ok" for r in rows)
    for where, text in texts.items():
        leaks = [n for n in needles if _found(n, _plain(text))]
        assert leaks == [], (where, leaks)
    key = list(csv.DictReader(io.StringIO((tmp_path / "key.csv").read_text(encoding="utf-8"))))
    assert sorted(Path(r["file"]).name for r in key) == sorted(p.file for p in PEOPLE)


def test_blind_ids_are_keyed_by_the_secret(people, tmp_path):
    secret = tmp_path / "secret"
    secret.write_text(SECRET)
    first = _screen(people, tmp_path / "a", "--blind", "--blind-secret", str(secret))
    again = _screen(people, tmp_path / "b", "--blind",
                    env={"SCREENER_BLIND_SECRET_FILE": str(secret)})
    assert first == again  # the same secret: byte-identical reports
    fresh = _screen(people, tmp_path / "c", "--blind")  # no secret: a random one
    ids = {r["candidate_id"] for r in csv.DictReader(io.StringIO(first["csv"]))}
    fresh_ids = {r["candidate_id"] for r in csv.DictReader(io.StringIO(fresh["csv"]))}
    assert len(ids) == len(PEOPLE) and not ids & fresh_ids
    shas = [hashlib.sha256((people / p.file).read_bytes()).hexdigest() for p in PEOPLE]
    assert not {i[2:8] for i in ids | fresh_ids} & {s[:6] for s in shas}


def test_blind_secret_is_checked_before_the_batch(tmp_path):
    short = tmp_path / "short"
    short.write_text("too short\n")
    base = ["screen", str(EXAMPLES), "--posting", str(POSTING), "--no-cache", "--quiet"]
    result = CliRunner().invoke(cli, [*base, "--blind", "--blind-secret", str(short)])
    assert result.exit_code == 1
    assert "needs at least 16 bytes" in result.stderr and "urandom" in result.stderr
    result = CliRunner().invoke(cli, [*base, "--blind-secret", str(short)])
    assert result.exit_code == 2 and "--blind" in result.stderr


# --------------------------------------------------------------------------- where they live, study
# Resumes whose qualification findings name the candidate's city (a location line below the
# header, a university named after the city) beside a certification, screened against a posting
# that asks for a degree, a certification, languages, a location and the right to work: the
# blind reports keep every outcome and show neither the city nor the person.
EU_POSTING = POSTING.parent / "backend-developer-eu.yaml"


@dataclass(frozen=True)
class Resident:
    file: str
    name: str
    email: str
    city_line: str  # where they live, in the summary: read as the location
    degree: str  # names the university, named after the city
    certification: str
    identifying: tuple[str, ...]


RESIDENTS = (
    Resident("amara_osei.txt", "Amara Osei", "amara.osei@example.org", "Based in Lyon, France",
             "B.Sc. Computer Science, Université de Lyon, 2014",
             "Certified Kubernetes Administrator (CKA), 2021",
             ("Amara", "Osei", "amara.osei@example.org", "Lyon")),
    Resident("tomasz_kowalczyk.txt", "Tomasz Kowalczyk", "t.kowalczyk@example.pl",
             "Based in Hamburg, Germany",
             "M.Sc. Software Engineering, Universität Hamburg, 2016",
             "AWS Certified Solutions Architect - Associate, 2022",
             ("Tomasz", "Kowalczyk", "t.kowalczyk@example.pl", "Hamburg")),
    Resident("june_abernathy.txt", "June Abernathy", "june.abernathy@example.com",
             "Based in Springfield, IL", "BS in Mathematics, Springfield Polytechnic, 2012",
             "CKAD certified, 2020",
             ("Abernathy", "june.abernathy@example.com", "Springfield")),
)


def _resident_text(r: Resident) -> str:
    moving = {"amara_osei.txt": "Willing to relocate. EU citizen."}.get(r.file, "")
    return "\n".join([
        r.name, f"{r.email} | +1 555 010 {len(r.name):04d}", "",
        "SUMMARY", "Backend developer: Python, Node.js and PostgreSQL on AWS.", r.city_line,
        moving, "",
        "EXPERIENCE", "Backend Engineer, Northwind Traders", "Jan 2017 - Present",
        "- Python and PostgreSQL services on Kubernetes, with Docker and AWS.", "",
        "EDUCATION", r.degree, "", "CERTIFICATIONS", r.certification, "",
        "LANGUAGES", "English (fluent), German (B1)", "",
        "SKILLS", "Python, Node.js, PostgreSQL, Docker, Kubernetes, AWS, REST APIs",
    ]) + "\n"


def test_blind_reports_hide_where_candidates_live_and_study(tmp_path):
    folder = tmp_path / "residents"
    folder.mkdir()
    for r in RESIDENTS:
        (folder / r.file).write_text(_resident_text(r), encoding="utf-8")
    args = ["screen", str(folder), "--posting", str(EU_POSTING), "--as-of", AS_OF, "--no-cache",
            "--quiet", "--jobs", "1", "--explain"]

    def run(*extra: str) -> dict[str, str]:
        name = "blind" if extra else "plain"
        out = {k: tmp_path / f"{name}.{k}" for k in ("csv", "json", "html")}
        result = CliRunner().invoke(cli, [*args, *extra, "--csv", str(out["csv"]), "--json",
                                          str(out["json"]), "--html", str(out["html"])],
                                    catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return {"terminal": result.stdout} | {k: p.read_text(encoding="utf-8")
                                              for k, p in out.items()}

    plain = run()
    # the check can see them: the degree, certification and location lines reach the reports
    for r in RESIDENTS:
        assert r.identifying[-1] in plain["json"] and r.degree in plain["json"], r.file
    assert "lives in Hamburg, Germany" in plain["json"]
    assert "lives in Springfield, IL" in plain["json"]
    blind = run("--blind", "--blind-secret", str(_secret(tmp_path)))
    for where, text in blind.items():
        leaks = [n for r in RESIDENTS for n in (*r.identifying, r.file) if _found(n, _plain(text))]
        assert leaks == [], (where, leaks)
    # the outcomes stay: every requirement's result, points and the evidence lines it rests on
    def outcomes(report: str) -> list:
        return [[(q["id"], q["outcome"], q["points"], [e["line"] for e in q["evidence"]])
                 for q in c["requirements"]] for c in json.loads(report)["candidates"]]

    assert sorted(outcomes(blind["json"])) == sorted(outcomes(plain["json"]))
    location = [q for c in json.loads(blind["json"])["candidates"] for q in c["requirements"]
                if q["id"] == "location-berlin-germany"]
    assert sorted(q["note"] for q in location) == [
        "lives in [redacted] (line 6)", "lives in [redacted] (line 6)",
        "willing to relocate (line 7)"]
    assert {q["outcome"] for q in location} == {"met", "missing"}
    assert all(e["text"] == "[redacted]" for q in location for e in q["evidence"])
    degree = [e["text"] for c in json.loads(blind["json"])["candidates"]
              for q in c["requirements"] if q["id"].startswith("degree") for e in q["evidence"]]
    assert "B.Sc. Computer Science, Université de [redacted], 2014" in degree


def _secret(folder: Path) -> Path:
    secret = folder / "secret"
    secret.write_text(SECRET)
    return secret
