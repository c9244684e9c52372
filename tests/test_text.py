"""screener.extract.text.normalise: concrete repairs, and the never-raise / idempotence properties."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from screener.extract.text import normalise

# --------------------------------------------------------------------------- concrete cases


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # mojibake: UTF-8 read as cp1252
        ("5\u00c2\u00a0years of Python", "5 years of Python"),
        ("I\u00e2\u20ac\u2122m a developer", "I'm a developer"),
        ("Skills\u00ef\u00bc\u009a Python", "Skills: Python"),
        ("Caf\u00c3\u00a9 owner", "Caf\u00e9 owner"),
        # NFKC: ligatures, full-width forms
        ("\ufb01nance work\ufb02ow", "finance workflow"),
        ("\uff30\uff59\uff54\uff48\uff4f\uff4e", "Python"),
        # odd spaces and invisible characters
        ("Node.js\u00a0and\u2009Go\u3000here", "Node.js and Go here"),
        ("Postgre\u200bSQL", "PostgreSQL"),
        ("soft\u00adware", "software"),
        ("tab\tseparated   columns   ", "tab separated columns"),
        # line breaks
        ("a\r\nb\rc\fd\u2028e", "a\nb\nc\nd\ne"),
        ("  \n\nfirst\n\n\n\n\n\nsecond\n\n", "first\n\n\nsecond"),
    ],
)
def test_repairs(raw: str, expected: str) -> None:
    assert normalise(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "\u2022 Led",
        "\u25aa Led",
        "\u25cf Led",
        "\uf0b7 Led",
        "\u25e6 Led",
        "\u2013 Led",
        "- Led",
        "\u2014 Led",
        "* Led",
        "\u27a2 Led",
        "\u2022Led",
        "  \u2022   Led",
        "\u2022 \u2022 Led",
    ],
)
def test_bullets_become_one_prefix(raw: str) -> None:
    assert normalise(raw) == "\u2022 Led"


def test_dash_before_year_is_a_date_range_not_a_bullet() -> None:
    assert normalise("Jan 2019\n\u2013 2021") == "Jan 2019\n\u2013 2021"
    assert normalise("-5 years") == "-5 years"


def test_inline_bullet_glyphs_are_unified() -> None:
    assert normalise("Python \u25aa Go \uf0b7 SQL") == "Python \u2022 Go \u2022 SQL"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # a broken word is joined on the first line; the second line keeps its place
        ("Led develop-\nment of APIs", "Led development\nof APIs"),
        ("Manage-\nment", "Management"),
        ("infra-\nstructure, tooling", "infrastructure,\ntooling"),
        # real compounds keep their hyphen
        ("Senior back-\nend engineer", "Senior back-end\nengineer"),
        ("e-\nmail: a@example.com", "e-mail:\na@example.com"),
        ("event-\ndriven systems", "event-driven\nsystems"),
        ("Python-\nbased tools", "Python-based\ntools"),
        # not hyphenation: capitalised next word, digits, spaced dash, acronyms
        ("Worked at Acme-\nGlobex", "Worked at Acme-\nGlobex"),
        ("2019-\n2021", "2019-\n2021"),
        ("Skills -\nrest", "Skills -\nrest"),
        ("REST-\nful", "REST-\nful"),
        # a soft hyphen at a line end is a hyphenation point
        ("develop\u00ad\nment", "development"),
    ],
)
def test_hyphenation(raw: str, expected: str) -> None:
    assert normalise(raw) == expected


def test_line_numbers_survive_hyphen_joins() -> None:
    raw = "Summary\nBuilt pay-\nment APIs\nPython\nPostgreSQL"
    out = normalise(raw).split("\n")
    assert out == ["Summary", "Built payment", "APIs", "Python", "PostgreSQL"]


def test_rejects_non_str() -> None:
    with pytest.raises(TypeError):
        normalise(b"bytes")  # type: ignore[arg-type]


# --------------------------------------------------------------------------- properties

# Random text biased toward the characters the rules act on.
_INTERESTING = list(
    "ab-\n\r\t \u00a0\u00ad\u200b\u2022\uf0b7\u25aa*\u2013\u2014\u00b7\u00c2\u00c3\u00e2\u20ac"
    "\u2122\u00a9\ufb01\uff1a\u2028\f\x00\x85\ufeff0123eAZ.,"
) + ["develop-\nment", "back-\nend", "\u00e2\u20ac\u2122", "\r\n", "\n\n\n\n", "- ", "\u2022 "]
_TEXT = st.lists(st.one_of(st.sampled_from(_INTERESTING), st.text(max_size=4)), max_size=40).map(
    "".join
)
_ANY_TEXT = st.one_of(_TEXT, st.text(), st.text(alphabet=st.characters(codec=None)))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_ANY_TEXT)
def test_normalise_is_idempotent_and_never_raises(raw: str) -> None:
    once = normalise(raw)
    assert isinstance(once, str)
    assert normalise(once) == once


@settings(max_examples=200, deadline=None)
@given(_TEXT)
def test_output_is_clean(raw: str) -> None:
    out = normalise(raw)
    assert "\r" not in out and "\t" not in out and "\u00ad" not in out and "\u200b" not in out
    assert "\n\n\n\n" not in out
    for line in out.split("\n"):
        assert line == line.strip(" ")
        assert "  " not in line


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="abcXY 12.,:;()", min_size=1, max_size=20), max_size=20))
def test_one_output_line_per_input_line(lines: list[str]) -> None:
    # Without blank lines or breaks inside a line, the line count never changes.
    lines = [line for line in lines if line.strip()]
    assert len(normalise("\n".join(lines)).split("\n")) == max(len(lines), 1)


def test_surrogates_do_not_raise() -> None:
    assert normalise("a\ud800b") == "a\ufffdb"


def test_flattened_resume_is_unfolded_at_runs_of_spaces() -> None:
    flat = ("         DATA ANALYST   Summary     Analyst with 6 years of SQL and Tableau "
            "reporting for retail and logistics teams.     Experience      Data Analyst   "
            "Jan 2013   to   Current      Company Name   City  ,   State     Built weekly "
            "dashboards.     Education     BS Statistics , 2012")
    lines = normalise(flat).split("\n")
    assert lines[:3] == ["DATA ANALYST", "Summary",
                         "Analyst with 6 years of SQL and Tableau reporting for retail and "
                         "logistics teams."]
    assert "Experience" in lines and "Data Analyst" in lines
    # a range or a place split by the gaps is glued back into one field
    assert "Jan 2013 to Current" in lines
    assert "Company Name" in lines and "City , State" in lines


def test_short_lines_with_wide_gaps_are_kept_whole() -> None:
    # a visual line of a PDF page with a right-aligned date stays one line
    line = "Senior Developer, Acme Corp            Jan 2018 - Present"
    assert normalise(line) == "Senior Developer, Acme Corp Jan 2018 - Present"


def test_full_width_dash_mojibake_with_a_lost_byte_is_a_dash() -> None:
    # resume exports: "Company Name ï¼​ City , State" (EF BC 8D read as cp1252)
    assert normalise("Company Name \u00ef\u00bc\u200b City , State") == "Company Name - City , State"
    assert normalise("Company Name \u00ef\u00bc\u008d City") == "Company Name - City"


def test_full_width_dash_mojibake_whose_zero_width_space_a_reader_dropped_is_a_dash() -> None:
    # the fast PDF reader keeps no zero-width glyph: "01/2008 ï¼ Current" is all that is left,
    # and NFKC alone would make "ï1⁄4" of it (no date range)
    assert normalise("01/2008 \u00ef\u00bc Current") == "01/2008 - Current"
    assert normalise("Jan 2015 \u00ef\u00bc\nDec 2019") == "Jan 2015 -\nDec 2019"
    assert normalise("na\u00efve \u00bc cup") == "na\u00efve 1\u20444 cup"  # not mojibake


def test_no_break_space_mojibake_whose_space_was_dropped_is_a_space() -> None:
    # "skills\u00c2\u00a0" with the no-break space lost at the line end glued "skillsÂ"
    assert normalise("Strong communication skills\u00c2\nNext") == "Strong communication skills\nNext"
    assert normalise("Homecare/Hospice Care\u00c2 Payroll") == "Homecare/Hospice Care Payroll"
    assert normalise("\u00c2ge \u00c2me") == "\u00c2ge \u00c2me"  # words of their own stay


def test_a_lone_a_circumflex_between_dates_is_a_range_dash() -> None:
    # a separator's bytes C2 + an undefined one, read as cp1252: "Â" and a zero-width space
    assert normalise("Sales (1995 \u00c2\u200b 1999)") == "Sales (1995 - 1999)"
    assert normalise("Sales (1995 \u00c2 1999)") == "Sales (1995 - 1999)"
    assert normalise("03/2015 \u00c2 Current") == "03/2015 - Current"
    assert normalise("Director (July 2009 \u00c2\nMarch 2012)") == "Director (July 2009 -\nMarch 2012)"


def test_bullet_mojibake_with_a_lost_byte_is_a_bullet() -> None:
    # form-pasted resumes: "â¢ Python" (E2 80 A2 with the 0x80 dropped), often before a NBSP
    assert normalise("\u00e2\u00a2 Python") == "• Python"
    assert normalise("\u00e2\u00a2\u00a0Python") == "• Python"
    assert normalise("Skills \u00e2\u00a2 Python \u00e2\u00a2 Java") == "Skills • Python • Java"


# --------------------------------------------------------------------------- ftfy fast path
# `_fix_text` fixes lines of printable ASCII and "safe" characters (bullets, dashes, quotes,
# no-break spaces, ...) character by character instead of calling ftfy; these tests check that
# it is exactly what ftfy itself does.

import unicodedata  # noqa: E402

import ftfy  # noqa: E402
from ftfy.badness import is_bad  # noqa: E402

from screener.extract import text as text_module  # noqa: E402


def _ftfy(line: str) -> str:
    return ftfy.fix_text(line, unescape_html=False, explain=False, normalization="NFKC")


# Every candidate in the blocks resume text draws its symbols from, and the Symbol-font
# private-use glyphs; the safe ones among them.
_CANDIDATES = [
    chr(code)
    for code in [*range(0x80, 0x3400), *range(0xE000, 0xE100), *range(0xF000, 0xF100),
                 *range(0xFB00, 0xFFFE), 0x1F600, 0x1F4BC]
]
_SAFE = [char for char in _CANDIDATES if text_module._char_fix(char) is not None]


def test_the_usual_resume_characters_are_safe() -> None:
    usual = "\u00a0\u00b7\u2013\u2014\u2018\u2019\u201c\u201d\u2026\u2122\u00a9\u00ae\u2022"
    for char in usual + text_module._BULLET_GLYPHS:
        assert text_module._char_fix(char) is not None, hex(ord(char))
    assert len(_SAFE) > 3000
    # mojibake material never is: UTF-8 lead bytes as cp1252 / Latin-1, C1 controls, ...
    for char in "\u00c2\u00c3\u00e2\u00ef\u00f0\u0080\u0081\u009d\ufffd\u2028\u0301":
        assert text_module._char_fix(char) is None, hex(ord(char))


def test_each_safe_character_is_fixed_as_ftfy_fixes_it() -> None:
    for char in _SAFE:
        for line in (char, f"a{char}b", f"{char}{char}\n", f"e{char} x", f"\u2022 {char}9"):
            assert text_module._fix_by_char(line) == _ftfy(line), (hex(ord(char)), line)


_OTHERS = list(
    "\u00c2\u00c3\u00e2\u20ac\u00e9\u00a3\u00b0\u2502\ufb01\uff21\u0301\u1161\r\t\x85\x00\x1b"
)
_SAFE_LINE = st.lists(
    st.one_of(
        st.characters(min_codepoint=0x20, max_codepoint=0x7E),
        st.sampled_from(_SAFE),
        st.just("\t"),
    ),
    max_size=60,
).map("".join)
_MIXED_LINE = st.lists(
    st.one_of(
        st.characters(min_codepoint=0x20, max_codepoint=0x7E),
        st.sampled_from(_SAFE),
        st.sampled_from(_OTHERS),
        st.sampled_from(["\u00e2\u20ac\u2122", "\u00c2\u00a0", "\u00c3\u00a9", "\n"]),
    ),
    max_size=60,
).map("".join)


@settings(max_examples=1000, deadline=None)
@given(_SAFE_LINE)
def test_mojibake_detector_never_fires_on_safe_lines(line: str) -> None:
    assert not is_bad(line)
    assert not is_bad(_ftfy(line))


@settings(max_examples=700, deadline=None)
@given(_SAFE_LINE, st.booleans())
def test_fast_path_equals_ftfy_on_safe_lines(line: str, newline: bool) -> None:
    line += "\n" if newline else ""
    assert text_module._fix_by_char(line) == _ftfy(line)


@settings(max_examples=700, deadline=None)
@given(_MIXED_LINE)
def test_fix_text_equals_ftfy(text: str) -> None:
    # lines of every kind, fast path or not, in one text
    assert text_module._fix_text(text) == ftfy.fix_text(
        text, unescape_html=False, explain=False, normalization="NFKC"
    )


@pytest.mark.parametrize(
    "line",
    [
        "\u2022 Designed REST APIs in Python \u2013 cut p95 latency by 40% (Django, PostgreSQL)",
        "\u25cf Led a team of 5 engineers \u2014 shipped the \u201cBilling v2\u201d platform",
        "\u25aa Mentored juniors; wrote the team\u2019s on-call runbook\u2026\n",
        "\uf0b7\tAWS\u00a0(EC2, S3, Lambda)\u00a0\u00b7 Docker \u00b7 Kubernetes",
        "Acme Corp\u2122 \u2013 Senior Engineer \u2013 Jan 2019 \u2013 Present\n",
        "\u27a2 Certified Scrum Master\u00ae, \u00a9 2021 \u2018Best Team\u2019 award",
        "\u25a0 Kafka \u25a0 Spark \u25a0 Airflow \u25a0 dbt \u25a0 Snowflake",
        "\u2713 Reduced costs 30% \u2192 saved $1.2M \u2022 SOC\u00a02 audit",
    ],
)
def test_resume_lines_take_the_fast_path_with_ftfy_s_result(line: str) -> None:
    fast = text_module._fix_by_char(line)
    assert fast is not None
    assert fast == _ftfy(line)


@pytest.mark.parametrize(
    "line",
    ["I\u00e2\u20ac\u2122m a developer", "5\u00c2\u00a0years", "Caf\u00c3\u00a9 \u2022 team",
     "Salary \u00a3 50k \u2022 bonus", "a\u0301 b"],
)
def test_possible_mojibake_goes_to_ftfy(line: str) -> None:
    assert text_module._fix_by_char(line) is None


def test_inert_characters_never_compose_under_nfkc() -> None:
    # `_inert` rests on this: every character that can be the second of a canonically
    # composed pair is not inert (so a string of inert characters composes nothing).
    for code in range(0x110000):
        decomposition = unicodedata.decomposition(chr(code))
        if decomposition and not decomposition.startswith("<"):
            parts = decomposition.split()
            if len(parts) == 2:
                assert not text_module._inert(chr(int(parts[1], 16))), hex(code)
    for code in [*range(0x1161, 0x1176), *range(0x11A8, 0x11C3)]:  # Hangul V and T jamo
        assert not text_module._inert(chr(code))


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_SAFE + list("aeiouAE '\"-.")), max_size=20).map("".join))
def test_nfkc_of_safe_text_is_per_character(text: str) -> None:
    expected = "".join(unicodedata.normalize("NFKC", char) for char in text)
    assert unicodedata.normalize("NFKC", text) == expected


@settings(max_examples=500, deadline=None)
@given(_MIXED_LINE)
def test_split_lines_equals_the_line_break_regex(text: str) -> None:
    text += "\r\n\f\u2028"[: len(text) % 5]
    assert text_module._split_lines(text) == text_module._LINE_BREAKS.split(text)


def test_a_chain_of_broken_words_is_joined_in_one_pass():
    raw = "develop-\nmentdevelop-\nmentdevelop-\nmentdevelop-\nmentdevelop-\nment of APIs"
    once = normalise(raw)
    assert once.split("\n")[0] == "development" * 5
    assert normalise(once) == once
