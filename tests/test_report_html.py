"""HTML report: self-contained, hash-pinned CSP, escaped text; sorting checked in Chromium."""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import io
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from screener.report.html import write_html
from screener_testkit.shortlist_factory import HOSTILE_NAMES, hostile_shortlist, make_shortlist
from tests.browser.chromium import load

ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "main", "section", "h1", "h2",
    "h3", "p", "table", "thead", "tbody", "tr", "th", "td", "button", "a", "span", "code",
    "details", "summary", "ul", "li", "svg", "g", "rect", "text", "script",
}


class Page(HTMLParser):
    """Every element with its attributes, the inline blocks, and the visible text."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.blocks: dict[str, list[str]] = {"style": [], "script": []}
        self.text: list[str] = []
        self._in: str | None = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        if tag in self.blocks:
            self._in = tag
            self.blocks[tag].append("")

    def handle_endtag(self, tag):
        if tag == self._in:
            self._in = None

    def handle_data(self, data):
        if self._in:
            self.blocks[self._in][-1] += data
        else:
            self.text.append(data)

    def tags(self, name: str) -> list[dict[str, str | None]]:
        return [attrs for tag, attrs in self.elements if tag == name]


def rendered(shortlist) -> str:
    buf = io.StringIO()
    write_html(shortlist, buf)
    return buf.getvalue()


def sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()


@pytest.fixture(scope="module")
def hostile_page() -> str:
    return rendered(hostile_shortlist())


def test_self_contained_no_external_anything(hostile_page):
    page = Page(hostile_page)
    assert {tag for tag, _ in page.elements} <= ALLOWED_TAGS
    for tag, attrs in page.elements:
        assert "src" not in attrs and "style" not in attrs, tag
        assert not [a for a in attrs if a.startswith("on")], (tag, attrs)
        href = attrs.get("href")
        assert href is None or re.fullmatch(r"#c\d+", href), href
    assert len(page.tags("script")) == 1 and len(page.tags("style")) == 1
    assert page.tags("script")[0] == {}  # inline, no type/src


def test_csp_pins_the_inline_blocks_by_hash(hostile_page):
    page = Page(hostile_page)
    csp = [a["content"] for a in page.tags("meta")
           if a.get("http-equiv") == "Content-Security-Policy"]
    assert len(csp) == 1
    policy = dict(d.strip().split(" ", 1) for d in csp[0].split(";"))
    assert policy["default-src"] == "'none'"
    assert policy["style-src"] == f"'{sha256(page.blocks['style'][0])}'"
    assert policy["script-src"] == f"'{sha256(page.blocks['script'][0])}'"
    assert "unsafe" not in csp[0]


def test_hostile_names_are_text_not_markup(hostile_page):
    page = Page(hostile_page)
    text = "".join(page.text)
    for name in HOSTILE_NAMES[:6]:
        assert name in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in hostile_page
    assert "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" in hostile_page
    assert not page.tags("img")
    assert "\x1b" not in hostile_page  # control characters dropped


def test_every_file_appears_with_unranked_reasons():
    page = rendered(make_shortlist())
    text = "".join(Page(page).text)
    for name in ("Avery Quinn", "Jordan Blake", "Casey Morgan"):
        assert f'">{name}</a></td>' in page  # one shortlist row each
    for path, why in (("scans/riley_park_scan.pdf", "no text layer"),
                      ("resumes/broken.docx", "not a valid DOCX"),
                      ("resumes/avery_quinn (1).pdf", "same content as")):
        assert f"<code>{path}</code>" in page and why in text
    assert "6 files: 2 ranked, 1 knocked out, 3 not ranked" in text
    assert text.count("knocked out") >= 2  # row tag and evidence block for Casey


def test_coverage_chart_counts_candidates_meeting_each_requirement():
    page = rendered(make_shortlist())
    # 3 ranked candidates: PostgreSQL met by all, Kubernetes by one, AWS by two (+1 unknown)
    assert "<title>PostgreSQL: 3 met, 0 partial of 3</title>" in page
    assert "<title>Kubernetes: 1 met, 0 partial of 3</title>" in page
    assert "<title>AWS: 2 met, 0 partial of 3</title>" in page
    assert page.count('class="cell met"') == 6 + 5 + 2  # the candidates x requirements matrix


def test_output_is_deterministic(hostile_page):
    assert rendered(hostile_shortlist()) == hostile_page


# --------------------------------------------------------------------------- in a browser


def order(dom: str) -> list[int]:
    return [int(r) for r in re.findall(r'<tr data-rank="(\d+)"', dom)]


@pytest.fixture(scope="module")
def page_file(tmp_path_factory, hostile_page) -> Path:
    path = tmp_path_factory.mktemp("html") / "shortlist.html"
    path.write_text(hostile_page, encoding="utf-8")
    return path


def test_browser_sorts_by_years_clean_console_names_stay_text(page_file):
    result = load(page_file, "sort=years")
    assert result.console == []  # no CSP violation, no script error
    assert 'data-ready="1"' in result.dom
    assert 'data-sorted="years:desc"' in result.dom
    # hostile years are 3.0 7.5 12.0 6.0 10.5 4.5 9.0 for ranks 1..7
    assert order(result.dom) == [3, 5, 7, 2, 4, 6, 1]
    dom = Page(result.dom)
    assert len(dom.tags("script")) == 1 and not dom.tags("img")
    assert "<script>alert(1)</script>" in "".join(dom.text)


def test_browser_sorts_text_and_reverses_numbers(page_file):
    by_name = load(page_file, "sort=name")
    assert by_name.console == []
    # '"' < '+' < '-' < '<' < '=' < '@' < 'z' in code-unit order
    assert order(by_name.dom) == [2, 6, 5, 1, 3, 4, 7]
    by_score = load(page_file, "sort=score:asc")
    assert 'data-sorted="score:asc"' in by_score.dom
    assert order(by_score.dom) == [7, 6, 5, 4, 3, 2, 1]


def test_browser_opens_evidence_for_a_linked_candidate(page_file):
    result = load(page_file, "c2")
    assert '<details id="c2" open="">' in result.dom
    assert '<details id="c1">' in result.dom


def test_browser_check_catches_a_csp_violation(tmp_path, hostile_page):
    # the harness must be able to fail: alter the stylesheet so its hash no longer matches
    tampered = tmp_path / "tampered.html"
    tampered.write_text(hostile_page.replace("<style>", "<style>p{}", 1), encoding="utf-8")
    result = load(tampered)
    assert any("Content Security Policy" in line for line in result.console), result.console


def test_missing_browser_fails_in_ci_and_is_skipped_with_the_fix_elsewhere(monkeypatch):
    from tests.browser import chromium

    monkeypatch.setattr(chromium, "CANDIDATES", ("/nonexistent/chromium",))
    monkeypatch.delenv("SCREENER_REQUIRE_BROWSER", raising=False)
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="apt-get install -y chromium"):
        chromium.find_chromium()
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception, match="apt-get install -y chromium"):
        chromium.find_chromium()
    monkeypatch.setenv("SCREENER_REQUIRE_BROWSER", "1")
    with pytest.raises(pytest.fail.Exception):
        chromium.find_chromium()


def test_browser_survives_a_malformed_fragment(page_file):
    # decodeURIComponent throws on a broken escape; the page must still run clean
    result = load(page_file, "%E0%A4%A")
    assert result.console == []
    assert 'data-ready="1"' in result.dom
    assert order(result.dom) == [1, 2, 3, 4, 5, 6, 7]


def test_the_share_of_points_backed_by_dated_work_is_shown_where_known():
    shortlist = make_shortlist()
    first = shortlist.entries[0]
    backed = dataclasses.replace(first, assessment=dataclasses.replace(first.assessment,
                                                                       backed=0.4))
    page = rendered(dataclasses.replace(shortlist, entries=(backed, *shortlist.entries[1:])))
    details = page[page.index('<details id="c1">'):page.index('<details id="c2">')]
    assert "Backed by dated work: <strong>40%</strong> of the requirement points" in details
    assert page.count("Backed by dated work") == 1  # unknown (None) elsewhere: nothing shown
