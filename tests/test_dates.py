"""Date grammar: every written form, open ends, flags, and invariants (hypothesis)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from screener.parse.dates import (
    _MONTH_WORDS,
    _PRESENT_WORDS,
    DANGLING_END_RE,
    MONTH_NAME_RE,
    UNTRUSTED,
    YEAR_RE,
    RangeFlag,
    day_first_document,
    find_ranges,
    month_index,
    parse_range,
    union_months,
    ym,
)

AS_OF = date(2025, 6, 15)


@pytest.mark.parametrize(
    "text, start, end",
    [
        ("01/2018 - 12/2019", "2018-01", "2019-12"),
        ("1/18 - 3/20", "2018-01", "2020-03"),
        ("2018-03 to 2019-11", "2018-03", "2019-11"),
        ("2018.03 - 2019.04", "2018-03", "2019-04"),
        ("2018/03 - 2019/04", "2018-03", "2019-04"),
        ("Jan 2018 - Mar 2019", "2018-01", "2019-03"),
        ("January 2018 \u2013 March 2019", "2018-01", "2019-03"),
        ("Jan '22 - Mar '23", "2022-01", "2023-03"),
        ("Jan \u201922 - Mar \u201923", "2022-01", "2023-03"),
        ("Jan. 2018 \u2014 Sept. 2019", "2018-01", "2019-09"),
        ("Spring 2020 - Fall 2021", "2020-04", "2021-10"),
        ("Winter 2020 - Summer 2020", "2020-01", "2020-07"),
        ("Autumn 2019 until Spring 2020", "2019-10", "2020-04"),
        ("2016 \u2013 2019", "2016-06", "2019-06"),
        ("2018 - 19", "2018-06", "2019-06"),
        ("2018 till 2020", "2018-06", "2020-06"),
        ("March 2016 to February 2019", "2016-03", "2019-02"),
        ("2014 through 2016", "2014-06", "2016-06"),
        ("from 2017 to 2019", "2017-06", "2019-06"),
        ("03/15/2018 - 04/30/2020", "2018-03", "2020-04"),
        ("January 5, 2018 - March 3, 2020", "2018-01", "2020-03"),
        ("2015 - Mar 2018", "2015-06", "2018-03"),
    ],
)
def test_closed_ranges(text: str, start: str, end: str) -> None:
    rng = parse_range(text, AS_OF)
    assert rng is not None
    assert (ym(rng.start), ym(rng.end), rng.current) == (start, end, False)
    assert "single-date" not in rng.flags


@pytest.mark.parametrize(
    "text",
    [
        "Jan 2019 - Present", "Jan 2019 \u2013 Current", "Jan 2019 - now", "Jan 2019 - Today",
        "Jan 2019 to date", "Jan 2019 till date", "Jan 2019 - ongoing", "Jan 2019 onwards",
        "Jan 2019 to Present", "Jan 2019 - PRESENT", "since Jan 2019", "Since January 2019",
        "Jan 2019 to till date", "From Jan 2019 to Present", "From January 2019 - Present",
    ],
)  # fmt: skip
def test_open_ends_resolve_to_the_as_of_month(text: str) -> None:
    rng = parse_range(text, AS_OF)
    assert rng is not None and rng.current
    assert (ym(rng.start), ym(rng.end)) == ("2019-01", "2025-06")
    assert rng.months == 78


def test_present_follows_the_injected_date_not_the_clock() -> None:
    rng = parse_range("Mar 2020 - Present", date(2021, 2, 1))
    assert rng is not None and ym(rng.end) == "2021-02" and rng.months == 12


def test_inclusive_month_convention() -> None:
    one_year = parse_range("Jan 2018 - Dec 2018", AS_OF)
    one_month = parse_range("Jan 2018 - Jan 2018", AS_OF)
    assert one_year is not None and one_year.months == 12
    assert one_month is not None and one_month.months == 1


def test_bounds_of_imprecise_dates() -> None:
    rng = parse_range("2016 - 2019", AS_OF)
    assert rng is not None and "year-only" in rng.flags
    assert (ym(rng.start_low), ym(rng.start_high)) == ("2016-01", "2016-12")
    assert (ym(rng.end_low), ym(rng.end_high)) == ("2019-01", "2019-12")
    season = parse_range("Summer 2020", AS_OF)
    assert season is not None and "season" in season.flags and "single-date" in season.flags
    assert (ym(season.start), ym(season.end), season.months) == ("2020-06", "2020-08", 3)
    year = find_ranges("Contract Developer, Beta Inc, 2021", AS_OF)
    assert [(ym(r.start), ym(r.end)) for r in year] == [("2021-01", "2021-12")]


def test_two_digit_years_pivot_on_the_as_of_date() -> None:
    old = parse_range("Jan '98 - Mar '02", AS_OF)
    assert old is not None and (ym(old.start), ym(old.end)) == ("1998-01", "2002-03")


def test_suspicious_ranges_are_flagged() -> None:
    backwards = parse_range("Mar 2020 - Jan 2019", AS_OF)
    assert backwards is not None and "end-before-start" in backwards.flags
    assert backwards.months == 0 and not backwards.trusted
    future_start = parse_range("Sep 2026 - Present", AS_OF)
    assert future_start is not None and "future-start" in future_start.flags
    assert not future_start.trusted
    future_end = parse_range("Jun 2024 - Dec 2026", AS_OF)
    assert future_end is not None and future_end.flags == ("future-end",) and future_end.trusted
    assert future_end.clip(AS_OF) == (month_index(2024, 6), month_index(2025, 6))


def test_flags_are_members_that_read_as_the_reported_words() -> None:
    """Flags are `RangeFlag` members; reports (JSON, CSV, text) print their values unchanged."""
    import csv
    import io
    import json

    rng = parse_range("Mar 2020 - Jan 2019", AS_OF)
    assert rng is not None and rng.flags == (RangeFlag.END_BEFORE_START,)
    flag = rng.flags[0]
    assert isinstance(flag, RangeFlag) and flag == "end-before-start"
    assert json.dumps(list(rng.flags)) == '["end-before-start"]'
    assert f"{flag}|{flag!s}|" + "%s" % flag == "end-before-start|end-before-start|end-before-start"
    out = io.StringIO()
    csv.writer(out).writerow(rng.flags)
    assert out.getvalue() == "end-before-start\r\n"
    assert UNTRUSTED == {"end-before-start", "future-start"}
    assert [f.value for f in RangeFlag] == [
        "single-date", "year-only", "season", "quarter", "end-before-start", "future-start",
        "future-end",
    ]  # fmt: skip


def test_finder_gives_spans_in_the_line() -> None:
    line = "Senior Developer | Acme Corp | Jan 2018 - Present"
    (rng,) = find_ranges(line, AS_OF)
    assert line[rng.span[0] : rng.span[1]] == "Jan 2018 - Present"
    two = find_ranges("Jan 2016 - Mar 2017, Jun 2017 - Dec 2018", AS_OF)
    assert [r.text for r in two] == ["Jan 2016 - Mar 2017", "Jun 2017 - Dec 2018"]


@pytest.mark.parametrize(
    "text",
    [
        "Call (555) 555-0142 or 555-123-4567", "+44 20 7946 0958", "team of 10-12 people",
        "Python 3.10 and Django 4.2", "Reduced latency by 35%", "ISO 9001", "version 2.0.1",
    ],
)  # fmt: skip
def test_not_dates(text: str) -> None:
    assert find_ranges(text, AS_OF) == []


def test_union_merges_overlaps_and_touching_intervals() -> None:
    assert union_months([(0, 11), (6, 17)]) == 18
    assert union_months([(0, 11), (12, 23)]) == 24
    assert union_months([(0, 11), (24, 35)]) == 24
    assert union_months([(5, 2)]) == 0
    assert union_months([]) == 0


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=120))
def test_parsing_never_raises(text: str) -> None:
    for rng in find_ranges(text, AS_OF):
        assert rng.months >= 0
        assert 0 <= rng.span[0] < rng.span[1] <= len(text)


_DATE_TEXT = st.one_of(
    st.builds(lambda y: str(y), st.integers(1990, 2030)),
    st.builds(lambda m, y: f"{m:02d}/{y}", st.integers(1, 12), st.integers(1990, 2030)),
    st.builds(
        lambda m, y: ["Jan", "Feb", "Mar", "Sept.", "October", "Dec"][m] + f" {y}",
        st.integers(0, 5),
        st.integers(1990, 2030),
    ),
    st.sampled_from(["Present", "Current", "now"]),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_DATE_TEXT, _DATE_TEXT), min_size=1, max_size=5))
def test_ranges_are_never_negative_and_union_is_bounded(pairs: list[tuple[str, str]]) -> None:
    ranges = [parse_range(f"{a} - {b}", AS_OF) for a, b in pairs]
    intervals = [(r.start, r.end) for r in ranges if r is not None]
    for r in ranges:
        assert r is None or r.months >= 0
    valid = [(s, e) for s, e in intervals if e >= s]
    total = union_months(intervals)
    if valid:
        span = max(e for _, e in valid) - min(s for s, _ in valid) + 1
        assert total <= span
        assert total <= sum(e - s + 1 for s, e in valid)
    else:
        assert total == 0


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("2021 (current)", "2021-06"),
        ("Mar 2020 (present)", "2020-03"),
        ("2019 - (current)", "2019-06"),
    ],
)
def test_open_end_in_brackets(text: str, start: str) -> None:
    rng = parse_range(text, AS_OF)
    assert rng is not None and rng.current
    assert (ym(rng.start), ym(rng.end)) == (start, "2025-06")


def test_day_first_dates() -> None:
    # one unambiguous day-first date makes its whole range day first
    rng = parse_range("15/01/2017 - 01/08/2020", AS_OF)
    assert rng is not None and (ym(rng.start), ym(rng.end)) == ("2017-01", "2020-08")
    # an ambiguous date follows the document
    assert ym(find_ranges("01/09/2020 - present", AS_OF)[0].start) == "2020-01"
    assert ym(find_ranges("01/09/2020 - present", AS_OF, day_first=True)[0].start) == "2020-09"
    assert day_first_document(["01/09/2020 - present", "15/01/2017 - 31/08/2020"])
    assert not day_first_document(["01/09/2020 - present"])
    assert not day_first_document(["15/01/2017", "01/25/2018"])  # mixed: no evidence either way


@pytest.mark.parametrize(
    ("tail", "sep", "month"),
    [
        (" - Feb", " - ", "Feb"),
        (" \u2013 September Northwind", " \u2013 ", "September"),
        (" to Sept.", " to ", "Sept."),
        (" - Software Engineer", " - ", None),  # a separator alone: the end wrapped whole
        (" -", " -", None),
        (" - Marketing Lead", " - ", None),  # "Mar" of "Marketing" is no month
    ],
)
def test_dangling_end(tail: str, sep: str, month: str | None) -> None:
    m = DANGLING_END_RE.match(tail)
    assert m is not None and m.group("sep") == sep and m.group("month") == month


def test_dangling_end_needs_a_separator() -> None:
    assert DANGLING_END_RE.match(" Software Engineer") is None
    assert MONTH_NAME_RE.fullmatch("September") and not MONTH_NAME_RE.fullmatch("Septembers")
    assert YEAR_RE.match("2022 Northwind") and not YEAR_RE.match("20221")


@pytest.mark.parametrize(
    ("text", "start", "end", "current"),
    [
        ("Q3 2019 - Q1 2021", "2019-08", "2021-02", False),
        ("Q3 2019 \u2013 present", "2019-08", "2025-06", True),
        ("2019 Q3 - 2020 Q4", "2019-08", "2020-11", False),
        ("3Q 2019 to 1Q 2021", "2019-08", "2021-02", False),
        ("Q2/2018 - Q4/2019", "2018-05", "2019-11", False),
        ("Q1 '20 - Q2 '21", "2020-02", "2021-05", False),
        ("Q4 2017 - Mar 2019", "2017-11", "2019-03", False),
    ],
)
def test_quarters_are_their_middle_month_like_seasons(
    text: str, start: str, end: str, current: bool
) -> None:
    rng = parse_range(text, AS_OF)
    assert rng is not None and "quarter" in rng.flags and rng.text == text
    assert (ym(rng.start), ym(rng.end), rng.current) == (start, end, current)


def test_quarter_bounds_and_a_lone_quarter() -> None:
    rng = parse_range("Q3 2019 - Q1 2021", AS_OF)
    assert rng is not None
    assert (ym(rng.start_low), ym(rng.start_high)) == ("2019-07", "2019-09")
    assert (ym(rng.end_low), ym(rng.end_high)) == ("2021-01", "2021-03")
    for text in ("2019 Q3", "3Q 2019", "Q3 2019"):
        (lone,) = find_ranges(f"Data Analyst, Initech, {text}", AS_OF)
        assert "single-date" in lone.flags and lone.text == text
        assert (ym(lone.start), ym(lone.end), lone.months) == ("2019-07", "2019-09", 3)


@pytest.mark.parametrize("text", ["FAQ3 2019", "Q5 2019", "HQ 2019", "Q3 revenue up 12%"])
def test_quarter_look_alikes_are_at_most_a_year(text: str) -> None:
    assert all("quarter" not in r.flags for r in find_ranges(text, AS_OF))


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("enero 2019 - marzo 2021", "2019-01", "2021-03"),
        ("ene. 2019 \u2013 dic. 2020", "2019-01", "2020-12"),
        ("desde abril 2016 hasta septiembre 2018", "2016-04", "2018-09"),
        ("5 de marzo de 2018 - 1 de abril de 2020", "2018-03", "2020-04"),
        ("M\u00e4rz 2018 bis Okt. 2020", "2018-03", "2020-10"),
        ("Mär 2018 - Maerz 2020", "2018-03", "2020-03"),
        ("1. M\u00e4rz 2018 - 31. Dez. 2020", "2018-03", "2020-12"),
        ("von J\u00e4nner 2015 bis Mai 2017", "2015-01", "2017-05"),
        ("f\u00e9vr. 2019 \u00e0 ao\u00fbt 2021", "2019-02", "2021-08"),
        ("Fevrier 2019 - Decembre 2020", "2019-02", "2020-12"),
        ("de janvier 2019 \u00e0 mars 2021", "2019-01", "2021-03"),
        ("janeiro de 2018 a dezembro de 2019", "2018-01", "2019-12"),
        ("Out 2019 - Dez 2020", "2019-10", "2020-12"),
        ("de 2016 a 2019", "2016-06", "2019-06"),
        ("settembre 2016 \u2013 dicembre 2018", "2016-09", "2018-12"),
        ("da gennaio 2019 a maggio 2021", "2019-01", "2021-05"),
        ("dal 2015 al 2018", "2015-06", "2018-06"),
        ("maart 2017 - mei 2019", "2017-03", "2019-05"),
        ("van okt. 2015 tot jan 2018", "2015-10", "2018-01"),
    ],
)
def test_month_names_and_connectors_of_other_languages(text: str, start: str, end: str) -> None:
    rng = parse_range(text, AS_OF)
    assert rng is not None and rng.text == text and not rng.current
    assert (ym(rng.start), ym(rng.end)) == (start, end)


@pytest.mark.parametrize(
    "text",
    [
        "ene. 2019 - actualidad", "Enero 2019 - actual", "Ene 2019 a la fecha",
        "enero 2019 hasta la actualidad", "Jan 2019 - presente",
        "Jan. 2019 bis heute", "Jan 2019 - aktuell", "Jan 2019 - jetzt", "seit Januar 2019",
        "janvier 2019 - aujourd\u2019hui", "janv. 2019 \u00e0 ce jour", "Jan 2019 - pr\u00e9sent",
        "janeiro de 2019 at\u00e9 o momento", "jan 2019 - atual", "desde janeiro de 2019",
        "gennaio 2019 - oggi", "gen 2019 - attuale", "dal gennaio 2019",
        "jan 2019 - heden", "jan. 2019 tot nu", "sinds januari 2019", "2019-01 - actualidad",
    ],
)  # fmt: skip
def test_open_ends_of_other_languages(text: str) -> None:
    rng = parse_range(text, AS_OF)
    assert rng is not None and rng.current and rng.text == text
    assert (ym(rng.start), ym(rng.end)) == ("2019-01", "2025-06")


def test_every_month_word_reads_as_its_month_next_to_a_year() -> None:
    """Data integrity: every spelling of every language gives its own month, and no other."""
    for lang, months in _MONTH_WORDS.items():
        assert len(months) == 12, lang
        for number, words in enumerate(months, start=1):
            for word in words:
                for written in (word, word.capitalize(), word.upper() + "."):
                    rng = parse_range(f"{written} 2019", AS_OF)
                    assert rng is not None and rng.text.startswith(written), (lang, written)
                    assert ym(rng.start) == f"2019-{number:02d}", (lang, written)


def test_every_present_word_ends_a_range_as_an_open_end() -> None:
    for lang, words in _PRESENT_WORDS.items():
        for word in words:
            rng = parse_range(f"Mar 2020 - {word}", AS_OF)
            assert rng is not None and rng.current, (lang, word)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("set 10 servers in 3 regions", []),  # "set" / "mei" / "mai" / "dic" need a year
        ("mei 20, mai 20, dic 5", []),
        ("Mar 22 - Apr 23", ["Mar 22 - Apr 23"]),  # English two-digit years are unchanged
        ("May 2019 - Jun 2020", ["May 2019 - Jun 2020"]),
        ("Mayo Clinic, 2019", ["2019"]),
        ("in 2019 a 2020 roadmap", ["2019", "2020"]),  # "a" connects only in foreign text
        ("2019 - actual revenue beat plan", ["2019"]),  # "actual" is no open end mid-sentence
        ("Jan 2019 - Nu Skin Enterprises", ["Jan 2019"]),
        ("Calgary, AB 2019", ["2019"]),
    ],
)
def test_foreign_words_do_not_misread_english(text: str, found: list[str]) -> None:
    ranges = find_ranges(text, AS_OF)
    assert [r.text for r in ranges] == found
    assert not any(r.current for r in ranges)
