"""Write the demo resumes in examples/resumes/ (all people are invented).

    python examples/make_examples.py          # rewrites examples/resumes/

Needs the test extra (reportlab, python-docx): pip install -e ".[test]".
The output is deterministic (fixed PDF metadata), so rebuilding gives the same bytes.
"""

from __future__ import annotations

import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent / "resumes"

CLEAR_FIT = """\
Avery Quinn
Senior Back-End Engineer
avery.quinn@example.com | (555) 013-2291 | github.com/avery-quinn-dev

SUMMARY
Back-end engineer with 8 years of experience building APIs and data services in Python,
Node.js and PHP on PostgreSQL, shipped in Docker containers to Kubernetes on AWS.

EXPERIENCE
Senior Back-End Engineer | Northwind Logistics | Mar 2021 - Present
- Designed REST APIs in Python (Django, FastAPI) serving 40 million requests a day
- Moved 30 services to Kubernetes (EKS) on AWS; Docker images built by Jenkins CI/CD
- Tuned PostgreSQL queries and partitioning; Redis caching in front of hot tables
Back-End Developer | Bluebird Payments | Jan 2018 - Feb 2021
- Built payment microservices in Node.js (Express) and PHP (Laravel) on PostgreSQL
- Kafka event pipeline; Terraform for AWS infrastructure (EC2, S3, RDS, Lambda)
Software Developer | Harbor Media | Jun 2016 - Dec 2017
- PHP and MySQL content platform; migrated to PostgreSQL; Linux servers

EDUCATION
B.Sc. Computer Science, Lakeside University, 2012 - 2016

SKILLS
Python, Node.js, PHP, PostgreSQL, MySQL, Redis, Docker, Kubernetes, AWS, Terraform, Git, Linux
"""

NEAR_FIT = """\
Jordan Blake
Back-End Developer
jordan.blake@example.com | +1 555 014 7720

PROFILE
Back-end developer with six years of Python and Node.js, most of it on PostgreSQL.

WORK EXPERIENCE
Back-End Developer, Cedar Health Systems, 01/2020 - Present
Python (Flask, FastAPI) services on PostgreSQL; Docker on AWS ECS; Celery workers.
Software Engineer, Pinecrest Retail, 06/2017 - 12/2019
Node.js and Express APIs, PostgreSQL and MongoDB; unit tests with Jest; GitLab CI.
Junior Developer, Pinecrest Retail, 09/2016 - 05/2017
Python scripts and SQL reports.

EDUCATION
B.Eng. Software Engineering, Ridgeview Institute of Technology, 2012 - 2016

SKILLS
Python, Node.js, JavaScript, PostgreSQL, MongoDB, Docker, AWS, Git, REST APIs
"""

JUNIOR = """\
Riley Chen
Junior Python Developer
riley.chen@example.com  |  555-016-4432

OBJECTIVE
Junior developer looking for a first full-time back-end role.

EXPERIENCE
Junior Python Developer - Maplewood Analytics - Oct 2025 to Present
Flask API endpoints and SQLite-backed scripts; wrote pytest unit tests.
Intern, Web Team - Maplewood Analytics - Jun 2025 to Sep 2025
Fixed bugs in a small PHP site; HTML and CSS.

EDUCATION
Diploma in Software Development, Eastgate College, 2023 - 2025

SKILLS
Python, Flask, SQLite, Git, HTML, CSS
"""

NON_TECH = """\
Morgan Ellis
Senior Accountant
morgan.ellis@example.com | 555-017-9034

SUMMARY
Chartered accountant who will excel at month-end close and has access to every ledger
system a mid-size firm uses. Go-to person for audits; spring 2019 promotion.

EXPERIENCE
Senior Accountant, Oakridge Partners LLP, April 2019 to Present
Month-end close, accounts payable and receivable, payroll for 120 staff, VAT returns.
Staff Accountant, Brightwater Foods, Sept. 2015 to March 2019
Bookkeeping, bank reconciliations, budgeting and forecasting in Excel.

EDUCATION
BA Accounting and Finance, Westfield University, 2011 - 2015

SKILLS
Microsoft Excel (pivot tables), QuickBooks, Sage, Payroll, Bookkeeping, Financial Reporting
"""

TWO_COLUMN_SIDEBAR = """\
CONTACT
samira.patel@example.com
555-018-3310
linkedin.com/in/samira-p

SKILLS
PHP
Laravel
Node.js
PostgreSQL
MySQL
Docker
AWS
Redis

EDUCATION
B.Sc. Information Systems
Harborview University
2011 - 2015
"""

TWO_COLUMN_MAIN = """\
Samira Patel
Back-End Developer

EXPERIENCE
Lead PHP Developer
Greenfield Commerce, Austin, TX
Feb 2020 - Present
Laravel and Node.js services on PostgreSQL;
Docker deployments on AWS; REST API design.

PHP Developer
Summit Travel Group, Dallas, TX
Jul 2016 - Jan 2020
PHP and MySQL booking engine; Redis cache;
moved reporting to PostgreSQL.
"""

FRONT_END_DOCX = [
    ("title", "Taylor Brooks"),
    ("p", "Front-End Developer · taylor.brooks@example.com · 555-019-2207"),
    ("h", "Summary"),
    ("p", "Front-end developer, five years building React and TypeScript interfaces."),
    ("h", "Experience"),
    ("table", [
        ("Front-End Developer", "Lumen Studio", "May 2021 – Present"),
        ("Web Developer", "Copperleaf Agency", "Aug 2019 – Apr 2021"),
    ]),
    ("p", "React, TypeScript, Redux and Jest at Lumen Studio; a small Node.js BFF layer."),
    ("p", "JavaScript, HTML, CSS and Vue at Copperleaf Agency."),
    ("h", "Education"),
    ("p", "BA Interactive Media, Northgate University, 2015 - 2019"),
    ("h", "Skills"),
    ("p", "React, TypeScript, JavaScript, Node.js, HTML, CSS, Vue, Jest, Git"),
]

DEVOPS_TXT = """\
CASEY MORGAN
Site Reliability Engineer
casey.morgan@example.com | 555-020-6618 | github.com/casey-morgan-example

PROFESSIONAL EXPERIENCE
Site Reliability Engineer — Ironclad Cloud — 2019 – Present
Kubernetes clusters on AWS (EKS) and GCP; Terraform, Helm, Prometheus, Grafana.
Python and Go tooling for deployments; Docker image hardening.
Systems Engineer — Lakeshore Bank — 2014 – 2019
Linux administration, Ansible, Jenkins pipelines, Bash scripting, Oracle 12c backups.

EDUCATION
B.Sc. Computer Engineering, Pinewood University, 2010 – 2014

SKILLS
Kubernetes, Docker, AWS, GCP, Terraform, Ansible, Python, Go, Bash, Linux, Jenkins
"""


def _styles():
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet

    base = getSampleStyleSheet()
    return {
        "name": ParagraphStyle("name", parent=base["Title"], fontSize=18, alignment=0),
        "heading": ParagraphStyle("heading", parent=base["Heading2"], fontSize=12),
        "body": ParagraphStyle("body", parent=base["BodyText"], fontSize=10, leading=13),
    }


def _is_heading(line: str) -> bool:
    return line.isupper() and len(line) < 30


def write_pdf(path: Path, text: str) -> None:
    """A one-column PDF: the first line as the name, upper-case lines as headings."""
    from xml.sax.saxutils import escape

    from reportlab.lib.pagesizes import letter
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    styles = _styles()
    story = []
    for i, line in enumerate(text.splitlines()):
        if not line.strip():
            continue
        style = (styles["name"] if i == 0
                 else styles["heading"] if _is_heading(line) else styles["body"])
        story.append(Paragraph(escape(line), style))
    doc = SimpleDocTemplate(str(path), pagesize=letter, title="Resume", author="screener examples",
                            creator="screener examples", invariant=1)
    doc.build(story)


def write_two_column_pdf(path: Path, sidebar: str, main: str) -> None:
    """A sidebar at the left (contact, skills, education) and experience at the right."""
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=letter, invariant=1)
    c.setTitle("Resume")
    width, height = letter
    c.setFillGray(0.93)
    c.rect(0, 0, 190, height, stroke=0, fill=1)
    c.setFillGray(0)
    for x, block in ((24, sidebar), (215, main)):
        y = height - 60
        for line in block.splitlines():
            if not line.strip():
                y -= 10
                continue
            bold = _is_heading(line) or line == block.splitlines()[0]
            c.setFont("Helvetica-Bold" if bold else "Helvetica",
                      14 if y > height - 70 and x > 100 else 10)
            c.drawString(x, y, line)
            y -= 15
    c.showPage()
    c.save()


def write_docx(path: Path, blocks) -> None:
    """A Word resume whose positions sit in a table, as many templates do."""
    import docx

    document = docx.Document()
    document.core_properties.author = "screener examples"
    for kind, value in blocks:
        if kind == "title":
            document.add_heading(value, level=0)
        elif kind == "h":
            document.add_heading(value, level=1)
        elif kind == "p":
            document.add_paragraph(value)
        else:
            table = document.add_table(rows=0, cols=3)
            for row in value:
                cells = table.add_row().cells
                for cell, text in zip(cells, row):
                    cell.text = text
    document.save(str(path))
    _fix_docx_dates(path)


def _fix_docx_dates(path: Path) -> None:
    """python-docx stamps the current time into docProps/core.xml; pin it for stable bytes."""
    import re
    import zipfile

    with zipfile.ZipFile(path) as zin:
        items = [(i, zin.read(i.filename)) for i in zin.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info, data in items:
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", b"2026-01-01T00:00:00Z", data)
            info.date_time = (2026, 1, 1, 0, 0, 0)
            zout.writestr(info, data)


def write_scanned_pdf(path: Path) -> None:
    """A page with only drawn shapes and no text layer, like a scan without OCR."""
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=letter, invariant=1)
    for i in range(40):
        c.rect(60, 720 - i * 16, 200 + (i * 37) % 260, 8, stroke=0, fill=1)
    c.showPage()
    c.save()


def main(out: Path = OUT) -> None:
    out.mkdir(parents=True, exist_ok=True)
    write_pdf(out / "avery-quinn.pdf", CLEAR_FIT)
    write_docx(out / "jordan-blake.docx", _as_docx_blocks(NEAR_FIT))
    (out / "riley-chen.txt").write_text(JUNIOR, encoding="utf-8")
    write_pdf(out / "morgan-ellis.pdf", NON_TECH)
    write_two_column_pdf(out / "samira-patel-two-column.pdf", TWO_COLUMN_SIDEBAR, TWO_COLUMN_MAIN)
    write_docx(out / "taylor-brooks.docx", FRONT_END_DOCX)
    (out / "casey-morgan.txt").write_text(DEVOPS_TXT, encoding="utf-16")
    write_scanned_pdf(out / "scanned-no-text.pdf")
    full = (out / "avery-quinn.pdf").read_bytes()
    (out / "broken-download.pdf").write_bytes(full[: len(full) // 3])
    print(f"wrote {len(list(out.iterdir()))} files to {out}")


def _as_docx_blocks(text: str):
    lines = [line for line in text.splitlines() if line.strip()]
    blocks = [("title", lines[0])]
    for line in lines[1:]:
        blocks.append(("h" if _is_heading(line) else "p",
                       line.title() if _is_heading(line) else line))
    return blocks


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT)
