"""Resume-builder exports (screener_testkit.make_lc_resumes) as real PDFs, end to end.

Each spec is rendered with reportlab, then read by the real pipeline (`parse_bytes`: extraction,
normalisation, sections, experience, contact) and compared with its hand-written gold.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from screener.parse.profile import ParseSettings, parse_bytes
from screener_testkit import make_lc_resumes

GOLD = Path(__file__).resolve().parent / "data" / "experience" / "gold.yaml"

# One spec per layout: a (title / dates / employer), b (employer / title / dates),
# b2 (employer / "title dates"), c1 ("title dates" / employer), c2 (all on one line).
STEMS = (
    "lc01_it_specialist",
    "lc02_executive_chef",
    "lc03_accountant",
    "lc18_finance_manager",
    "lc05_aviation_mechanic",
    "lc06_sales_associate",
)


@pytest.fixture(scope="module")
def gold() -> dict:
    return yaml.safe_load(GOLD.read_text(encoding="utf-8"))


@pytest.mark.parametrize("stem", STEMS)
def test_pdf_export_parses_to_its_gold(stem: str, gold: dict) -> None:
    spec = next(s for s in make_lc_resumes.SPECS if s.stem == stem)
    g = gold[stem]
    data = make_lc_resumes.pdf_bytes(spec)
    profile = parse_bytes(f"{stem}.pdf", data, ParseSettings(as_of=str(g["as_of"])))
    assert profile.document.status == "ok"
    got = [(p.title, p.company, p.start, p.end) for p in profile.experience.positions]
    want = [(p["title"], p["company"], str(p["start"]), str(p["end"])) for p in g["positions"]]
    assert got == want
    assert profile.experience.total_years == g["total_years"]
    assert profile.experience.claimed_years == g.get("claimed_years")
    assert profile.contact.name is None  # the first line is the job category, not a name
    assert profile.contact.email is None and profile.contact.phone is None
