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
from tests.browser.chromium import load, with_probe

ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "main", "section", "h1", "h2",
    "h3", "p", "table", "thead", "tbody", "tr", "th", "td", "button", "a", "span", "code",
    "details", "summary", "ul", "li", "svg", "g", "rect", "text", "script", "label", "input",
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


def rendered(shortlist, **options) -> str:
    buf = io.StringIO()
    write_html(shortlist, buf, **options)
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


# --------------------------------------------------------------------------- file names


def test_shortlist_table_names_each_file_relative_to_the_folder_given():
    page = rendered(dataclasses.replace(make_shortlist(), paths=("resumes",)))
    heads = re.findall(r'<th scope="col" data-key="(\w+)"', page)
    assert heads == ["rank", "name", "file", "score", "years", "relevant", "matched", "missing",
                     "status"]
    assert '<td data-v="avery_quinn.pdf"><code>avery_quinn.pdf</code></td>' in page
    assert '<td data-v="jordan blake, cv.docx"><code>Jordan Blake, CV.docx</code></td>' in page


def test_blind_page_has_no_file_column():
    blind = dataclasses.replace(make_shortlist(), blind_key=(("C-7f3a", "x", "y"),))
    page = rendered(blind)
    assert 'data-key="file"' not in page
    assert "<code>resumes/avery_quinn.pdf</code></td><td" not in page


# --------------------------------------------------------------------------- coverage


def _results_with_years(entry, outcome: str):
    from screener.records import RequirementResult

    years = RequirementResult("years:total", "5+ years of experience", "required", outcome,
                              10.0 if outcome == "met" else 0.0, 10.0)
    a = entry.assessment
    return dataclasses.replace(entry, assessment=dataclasses.replace(
        a, results=(*a.results, years)))


def test_years_minimum_is_a_row_of_the_coverage_chart_and_a_column_of_the_grid():
    s = make_shortlist()
    entries = tuple(_results_with_years(e, "met" if e.rank == 1 else "missing")
                    if e.rank is not None else e for e in s.entries)
    page = rendered(dataclasses.replace(s, entries=entries))
    assert "<title>5+ years of experience: 1 met, 0 partial of 3</title>" in page
    assert '<th class="req" scope="col">5+ years of experience</th>' in page
    assert page.count('title="5+ years of experience: ') == 3  # one grid cell per candidate


def big_shortlist(n: int = 120, partial: int = 15):
    """n ranked candidates (the factory's three, repeated); the first `partial` meet
    Kubernetes only partly: "35 of 120 (+15 partial)"."""
    s = make_shortlist()
    ranked = [e for e in s.entries if e.rank is not None]
    entries = []
    for i in range(n):
        e = ranked[i % 3]
        results = tuple(dataclasses.replace(r, outcome="partial")
                        if i < partial and r.requirement == "kubernetes" else r
                        for r in e.assessment.results)
        entries.append(dataclasses.replace(e, rank=i + 1, assessment=dataclasses.replace(
            e.assessment, results=results)))
    return dataclasses.replace(s, entries=tuple(entries))


# Every text of the coverage chart, with where the browser drew its right edge and the chart's
# width: "35 of 120 (+15 partial)=737.2/760".
MEASURE = """
var svg = document.querySelector("svg.coverage");
var width = svg.viewBox.baseVal.width, out = [];
Array.prototype.forEach.call(svg.querySelectorAll("text"), function (t) {
  var box = t.getBBox();
  out.push([t.textContent, box.x, box.x + box.width, width].join("="));
});
document.documentElement.setAttribute("data-probe", out.join("|"));
"""


def probed(dom: str) -> str:
    from html import unescape

    match = re.search(r'data-probe="([^"]*)"', dom)
    assert match, "the probe did not run"
    return unescape(match.group(1))


def test_browser_coverage_counts_fit_inside_the_chart(tmp_path):
    page = tmp_path / "big.html"
    page.write_text(with_probe(rendered(big_shortlist()), MEASURE), encoding="utf-8")
    result = load(page)
    assert result.console == []
    texts = [t.split("=") for t in probed(result.dom).split("|")]
    assert "35 of 120 (+15 partial)" in [t[0] for t in texts]
    assert len(texts) == 14  # a label and a count per requirement
    cut = [t[0] for t in texts if float(t[1]) < 0 or float(t[2]) > float(t[3])]
    assert cut == []


# --------------------------------------------------------------------------- filter box


TYPE = """
var box = document.getElementById("filter-text");
box.value = %s;
box.dispatchEvent(new Event("input"));
document.documentElement.setAttribute("data-probe", document.getElementById(
  "filter-count").textContent);
"""


def shown_rows(dom: str) -> list[int]:
    return [int(rank) for rank, hidden in
            re.findall(r'<tr data-rank="(\d+)"[^>]*?( hidden="")?>', dom) if not hidden]


@pytest.mark.parametrize(("typed", "shown", "count"), [
    ("REDIS", [2], "Showing 1 of 3 candidates"),  # a skill, any case
    ("node.js", [1, 2], "Showing 2 of 3 candidates"),
    ("jordan cv.docx", [2], "Showing 1 of 3 candidates"),  # name and file, every word
    ("casey-morgan.txt", [3], "Showing 1 of 3 candidates"),  # the file
    ("cobol", [], "Showing 0 of 3 candidates"),
    ("", [1, 2, 3], ""),
])
def test_browser_filter_box_narrows_rows_by_name_file_and_skill(tmp_path, typed, shown, count):
    import json

    s = dataclasses.replace(make_shortlist(), paths=("resumes",))
    page = tmp_path / "filter.html"
    page.write_text(with_probe(rendered(s), TYPE % json.dumps(typed)), encoding="utf-8")
    result = load(page)
    assert result.console == []
    assert shown_rows(result.dom) == shown
    assert probed(result.dom) == count
    assert '<p class="filters" id="filters">' in result.dom  # shown once the script runs


def test_without_the_script_the_filter_is_hidden_and_every_row_shows():
    page = rendered(make_shortlist(), min_score=85)
    assert '<p class="filters" id="filters" hidden>' in page
    assert shown_rows(page) == [1, 2, 3]
    assert 'id="filter-min" min="0" max="100" step="any" value="85"' in page


def test_browser_min_score_hides_lower_rows_until_the_box_is_cleared(tmp_path):
    page = tmp_path / "min.html"
    page.write_text(rendered(make_shortlist(), min_score=80.4), encoding="utf-8")
    result = load(page)
    assert result.console == []
    assert shown_rows(result.dom) == [1, 2]  # 91.6, 80.4 shown; 41.5 hidden, not removed
    assert result.dom.count("<tr data-rank=") == 3
    assert "Showing 2 of 3 candidates" in result.dom
    clear = """
    var box = document.getElementById("filter-min");
    box.value = "";
    box.dispatchEvent(new Event("input"));
    """
    page.write_text(with_probe(rendered(make_shortlist(), min_score=80.4), clear),
                    encoding="utf-8")
    assert shown_rows(load(page).dom) == [1, 2, 3]


def test_missing_cell_says_when_an_implied_skill_is_not_counted():
    from screener.records import SkillHit

    s = make_shortlist()
    first = s.entries[0]
    redis = SkillHit("redis", "Redis", "implied", implied_by=("django",))
    profile = dataclasses.replace(first.assessment.profile,
                                  skills=(*first.assessment.profile.skills, redis))
    entry = dataclasses.replace(first, assessment=dataclasses.replace(first.assessment,
                                                                      profile=profile))
    page = rendered(dataclasses.replace(s, entries=(entry, *s.entries[1:])))
    assert "<td>Redis (implied by Django, not counted)</td>" in page
