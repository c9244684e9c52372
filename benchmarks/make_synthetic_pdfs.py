"""Render the synthetic PDF resumes of the evaluation sets from their text sources.

    python benchmarks/make_synthetic_pdfs.py

Sources are tests/data/pdf_sources/*.txt. A file named s*.txt goes to tests/data/ranking_real/
(graded ranking set), a*.txt to tests/data/adversarial/. A line that starts with `@@hidden `
is drawn in white at 1 point: text a reader cannot see but a text extractor reads (the hidden
text case of the adversarial set). The PDFs are written with reportlab's invariant mode, so a
re-run gives the same bytes.
"""

from __future__ import annotations

import sys
from pathlib import Path

from reportlab.lib.pagesizes import letter
from reportlab.pdfgen import canvas

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "tests" / "data" / "pdf_sources"
DATA = ROOT / "tests" / "data"
TARGETS = {"s": DATA / "ranking_real", "a": DATA / "adversarial"}
HIDDEN = "@@hidden "


def render(source: Path, target: Path) -> None:
    pdf = canvas.Canvas(str(target), pagesize=letter, invariant=1)
    pdf.setTitle("Resume")
    width, height = letter
    y = height - 60
    for line in source.read_text(encoding="utf-8").splitlines():
        if line.startswith(HIDDEN):
            pdf.setFillColorRGB(1, 1, 1)
            pdf.setFont("Helvetica", 1)
            pdf.drawString(60, y, line[len(HIDDEN):])
            y -= 2
            continue
        pdf.setFillColorRGB(0, 0, 0)
        pdf.setFont("Helvetica", 10)
        pdf.drawString(60, y, line)
        y -= 14
        if y < 60:
            pdf.showPage()
            y = height - 60
    pdf.showPage()
    pdf.save()


def main() -> int:
    for source in sorted(SOURCES.glob("*.txt")):
        target = TARGETS[source.name[0]] / (source.stem + ".pdf")
        render(source, target)
        print(target.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
