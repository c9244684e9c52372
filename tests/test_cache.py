"""The SQLite cache: a warm re-screen skips extraction and parsing and gives the same profiles."""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import os
import sqlite3
import threading
import zlib
from pathlib import Path

import pytest

from screener.errors import MADE_BY_BATCH, ErrorCode
from screener.parse.profile import ParseSettings
from screener.records import (
    Contact,
    Document,
    Evidence,
    Experience,
    Position,
    Profile,
    Section,
    SkillHit,
)
from screener.run.batch import parse_all
from screener.run.cache import Cache, cache_keys
from screener.run.serialize import from_rows, to_rows

SETTINGS = ParseSettings(as_of="2026-11-27")
CALLS: dict[str, list[str]] = {"parse": [], "parse_doc": []}


def _profile(doc: Document, settings: ParseSettings) -> Profile:
    first = doc.text.split("\n")[0]
    years = len(doc.text) / 7.0  # an inexact float: the cache must give it back to the bit
    hit = SkillHit(id="python", name="Python", source="explicit",
                   evidence=(Evidence(text="Python", section="skills", line=2),), years=years)
    position = Position(title="Developer", company="Example Ltd", start="2019-01", end=None,
                        current=True, start_line=3, end_line=4, years=years,
                        flags=("year-only",))
    return Profile(
        document=doc,
        contact=Contact(name=first, email=f"{first.split()[0].lower()}@example.com",
                        links=("https://example.com/a",)),
        sections=(Section(name="skills", heading="Skills", start_line=2, end_line=2),),
        skills=(hit,),
        experience=Experience(total_years=years, positions=(position,),
                              claimed_evidence=Evidence(text="6 years", section=None, line=1)),
    )


def fake_parse(path: str, data: bytes, settings: ParseSettings) -> Profile:
    CALLS["parse"].append(path)
    doc = Document(path=path, sha256=hashlib.sha256(data).hexdigest(), status="ok",
                   text=data.decode(), pages=1, kind="text", extractor="text",
                   warnings=("one warning",))
    return _profile(doc, settings)


def fake_parse_doc(doc: Document, settings: ParseSettings) -> Profile:
    CALLS["parse_doc"].append(doc.path)
    return _profile(doc, settings)


@pytest.fixture(autouse=True)
def _reset_calls():
    for calls in CALLS.values():
        calls.clear()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "resumes"
    folder.mkdir()
    for i, name in enumerate(["Avery Quinn", "Blake Rivera", "Casey Morgan"]):
        (folder / f"{i}.txt").write_text(f"{name}\nPython\nDeveloper 2019 - present\n")
    return folder


def _run(paths, cache, settings=SETTINGS):
    return list(parse_all([str(p) for p in paths], settings, jobs=0, cache=cache,
                          parse=fake_parse, parse_doc=fake_parse_doc))


def test_row_form_round_trips_a_full_profile_exactly():
    doc = Document(path="a.txt", sha256="ab", status="ok", text="Avery Quinn\nPython\nx\ny")
    profile = _profile(doc, SETTINGS)
    again = from_rows(Profile, to_rows(profile))
    assert again == profile
    assert again.skills[0].years == profile.skills[0].years  # not rounded like to_dict


def test_warm_run_skips_parsing_and_gives_identical_profiles(folder, tmp_path):
    with Cache(tmp_path / "cache") as cache:
        cold = _run([folder], cache)
    assert len(CALLS["parse"]) == 3
    CALLS["parse"].clear()
    with Cache(tmp_path / "cache") as cache:
        warm = _run([folder], cache)
    assert CALLS == {"parse": [], "parse_doc": []}
    assert warm == cold


def test_same_bytes_elsewhere_are_a_hit_reported_under_their_own_path(folder, tmp_path):
    with Cache(tmp_path / "cache") as cache:
        _run([folder / "0.txt"], cache)
        copy = tmp_path / "copy.txt"
        copy.write_bytes((folder / "0.txt").read_bytes())
        CALLS["parse"].clear()
        [profile] = _run([copy], cache)
    assert CALLS["parse"] == []
    assert profile.document.path == str(copy)


def test_new_as_of_reuses_the_extracted_text_but_parses_again(folder, tmp_path):
    with Cache(tmp_path / "cache") as cache:
        _run([folder], cache)
        CALLS["parse"].clear()
        _run([folder], cache, dataclasses.replace(SETTINGS, as_of="2027-01-01"))
    assert CALLS["parse"] == []
    assert CALLS["parse_doc"] == sorted(str(p) for p in folder.iterdir())


def test_new_extractor_setting_extracts_again(folder, tmp_path):
    with Cache(tmp_path / "cache") as cache:
        _run([folder], cache)
        CALLS["parse"].clear()
        _run([folder], cache, dataclasses.replace(SETTINGS, extractor="pdfminer"))
    assert len(CALLS["parse"]) == 3


def test_an_edited_file_is_read_again(folder, tmp_path):
    with Cache(tmp_path / "cache") as cache:
        _run([folder], cache)
        CALLS["parse"].clear()
        (folder / "1.txt").write_text("Blake Rivera\nGo\n")
        profiles = _run([folder], cache)
    assert CALLS["parse"] == [str(folder / "1.txt")]
    assert profiles[1].document.text == "Blake Rivera\nGo\n"


def test_unchanged_file_is_known_by_its_stat_without_reading(folder, tmp_path):
    path = str(folder / "0.txt")
    with Cache(tmp_path / "cache") as cache:
        _run([path], cache)
        cache.flush()
        sha = hashlib.sha256(Path(path).read_bytes()).hexdigest()
        assert cache.known_sha256(path, os.stat(path)) == sha
        Path(path).write_text("changed\n")
        assert cache.known_sha256(path, os.stat(path)) is None


def test_keys_follow_taxonomy_content_and_as_of(tmp_path):
    taxonomy = tmp_path / "taxonomy.yaml"
    taxonomy.write_text("skills: {}\n")
    settings = dataclasses.replace(SETTINGS, taxonomy_path=str(taxonomy))
    before = cache_keys(settings)
    taxonomy.write_text("skills: {python: {name: Python}}\n")
    after = cache_keys(settings)
    assert before.extraction == after.extraction  # the text survives a taxonomy edit
    assert before.parse != after.parse
    assert cache_keys(dataclasses.replace(settings, as_of="2030-01-01")).parse != after.parse


def test_failed_files_are_not_cached(tmp_path, folder):
    def broken(path, data, settings):
        raise MemoryError

    with Cache(tmp_path / "cache") as cache:
        [row] = list(parse_all([str(folder / "0.txt")], SETTINGS, jobs=0, cache=cache,
                               parse=broken))
        assert (row.status, row.document.error_code) == ("error", ErrorCode.E_MEMORY)
        [again] = _run([folder / "0.txt"], cache)
    assert again.status == "ok"
    assert CALLS["parse"] == [str(folder / "0.txt")]


def test_corrupt_cache_is_moved_aside_and_rebuilt(folder, tmp_path, caplog):
    directory = tmp_path / "cache"
    directory.mkdir()
    (directory / "cache.sqlite3").write_bytes(b"this is not a database" * 100)
    with caplog.at_level(logging.WARNING, logger="screener.run.cache"):
        cache = Cache(directory)
    assert cache.enabled
    assert len(cache.warnings) == 1 and "moved it to cache.sqlite3.corrupt-1" in cache.warnings[0]
    assert caplog.records and "could not be read" in caplog.records[0].getMessage()
    assert (directory / "cache.sqlite3.corrupt-1").read_bytes().startswith(b"this is not")
    _run([folder], cache)
    cache.close()
    with Cache(directory) as again:
        CALLS["parse"].clear()
        _run([folder], again)
        assert again.warnings == []
    assert CALLS["parse"] == []


def test_cache_folder_that_cannot_be_made_means_no_cache_not_a_crash(tmp_path, folder):
    blocker = tmp_path / "file"
    blocker.write_text("")
    cache = Cache(blocker / "cache")
    assert not cache.enabled and "cannot be created" in cache.warnings[0]
    assert [p.status for p in _run([folder], cache)] == ["ok", "ok", "ok"]


def test_two_screenings_writing_at_once_both_succeed(tmp_path):
    directory = tmp_path / "cache"
    keys = cache_keys(SETTINGS)
    errors: list[BaseException] = []

    def writer(n: int) -> None:
        try:
            with Cache(directory, batch=20) as cache:
                for i in range(200):
                    data = f"Candidate {n}-{i}\nPython\n".encode()
                    cache.put(fake_parse(f"{n}-{i}.txt", data, SETTINGS), keys)
                assert cache.warnings == []
        except BaseException as err:  # noqa: BLE001 - reported below
            errors.append(err)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    rows = sqlite3.connect(directory / "cache.sqlite3").execute(
        "SELECT count(*) FROM profiles").fetchone()[0]
    assert rows == 400


def test_a_second_opener_that_saw_no_schema_does_not_empty_the_first_ones_rows(tmp_path):
    """Two screenings open a new cache at once: both read no schema row; the first writes the
    schema and rows, then the second gets the write lock. It must not empty the cache."""
    directory = tmp_path / "cache"
    keys = cache_keys(SETTINGS)
    with Cache(directory) as first:
        first.put(fake_parse("a.txt", b"Candidate A\nPython\n", SETTINGS), keys)
    late = sqlite3.connect(directory / "cache.sqlite3", isolation_level=None)
    Cache._reset(late)  # what the second opener runs after seeing no schema row
    late.close()
    rows = sqlite3.connect(directory / "cache.sqlite3").execute(
        "SELECT count(*) FROM profiles").fetchone()[0]
    assert rows == 1


def _failing(code: ErrorCode, message: str):
    """A parse that fails every file with `code`, worded as `message`."""

    def parse(path: str, data: bytes, settings: ParseSettings) -> Profile:
        CALLS["parse"].append(path)
        return Profile(document=Document(path=path, sha256=hashlib.sha256(data).hexdigest(),
                                         status="error", error=message, error_code=code.value))

    return parse


# Each worded as a code of the other kind would be: the code decides, never the message.
@pytest.mark.parametrize("code, message, cached", [
    (ErrorCode.E_PDF_DAMAGED, "took longer than 1 s to read; ask again", True),
    (ErrorCode.E_EMPTY_FILE, "reader crashed on this file; ask again", True),
    (ErrorCode.E_TIMEOUT, "damaged PDF (truncated download?): ask again", False),
    (ErrorCode.E_UNEXPECTED, "encrypted PDF: ask the candidate", False),
])
def test_a_failed_file_is_cached_or_not_by_its_code_whatever_its_message(
        tmp_path, folder, code, message, cached):
    assert (code in MADE_BY_BATCH) is not cached
    parse = _failing(code, message)
    for _ in range(2):
        with Cache(tmp_path / "cache") as cache:
            [row] = list(parse_all([str(folder / "0.txt")], SETTINGS, jobs=0, cache=cache,
                                   parse=parse, parse_doc=fake_parse_doc))
        assert (row.status, row.document.error_code, row.document.error) == (
            "error", code, message)
    assert len(CALLS["parse"]) == (1 if cached else 2)


# --------------------------------------------------------------------------- keys follow the code


@pytest.fixture
def package_copy(tmp_path, monkeypatch):
    """A copy of the screener package that the cache keys are computed from, to edit."""
    import shutil

    from screener.run import cache as cache_module

    copy = tmp_path / "screener"
    shutil.copytree(cache_module._package_dir(), copy,
                    ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache_module, "_package_dir", lambda: copy)
    yield copy
    # the sources of each stage and each function's digest are remembered per process
    cache_module.stage_sources.cache_clear()
    cache_module.function_digest.cache_clear()


def _keys():
    """(extraction key, parse key, parse key with the screening's derive function)."""
    from screener.run import cache as cache_module
    from screener.score.derived import derive

    cache_module.stage_sources.cache_clear()
    cache_module.function_digest.cache_clear()
    plain = cache_module.cache_keys(SETTINGS)
    derived = cache_module.cache_keys(SETTINGS, derive=derive)
    assert derived.extraction == plain.extraction
    return plain.extraction, plain.parse, derived.parse


def _change_a_rule(path: Path) -> None:
    with open(path, "a", encoding="utf-8") as fp:
        fp.write("\nRULE_CHANGED_BY_THE_TEST = 1\n")


@pytest.mark.parametrize("edited, changed", [
    ("extract/text.py", (True, True, True)),  # extraction: every key after it too
    ("extract/sniff.py", (True, True, True)),
    ("parse/sections.py", (False, True, True)),  # parse: not the extracted text
    ("rubric/taxonomy.py", (False, True, True)),  # the parse stage imports it
    ("score/similarity.py", (False, False, True)),  # only what the derive function computes
    ("records.py", (True, True, True)),  # a cached row is a record's fields in order
    ("report/terminal.py", (False, False, False)),  # no stage's code: no key
    ("cli.py", (False, False, False)),
])
def test_editing_a_stage_s_code_changes_its_key_and_only_the_keys_after_it(
        package_copy, edited, changed):
    before = _keys()
    _change_a_rule(package_copy / edited)
    after = _keys()
    assert tuple(a != b for a, b in zip(before, after)) == changed


def test_a_rule_added_in_a_new_file_of_a_stage_changes_its_key(package_copy):
    before = _keys()
    (package_copy / "parse" / "new_rules.py").write_text("WORDS = ('engineer',)\n")
    after = _keys()
    assert after[0] == before[0] and after[1] != before[1] and after[2] != before[2]


def test_parse_key_changes_when_a_word_list_changes(package_copy):
    """The fuzzy-match and stop-word lists shape parsed profiles, so they are in the key."""
    before = _keys()
    with open(package_copy / "_data" / "stop_words_en.txt", "a", encoding="utf-8") as f:
        f.write("resume\n")
    after = _keys()
    assert after[0] == before[0]
    assert after[1] != before[1] and after[2] != before[2]


def _lock_for(path: Path, seconds: float) -> threading.Thread:
    """Hold an exclusive lock on a rollback-journal database from another connection."""
    ready = threading.Event()

    def hold() -> None:
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        conn.execute("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT)")
        conn.execute("BEGIN EXCLUSIVE")
        ready.set()
        threading.Event().wait(seconds)
        conn.execute("COMMIT")
        conn.close()

    thread = threading.Thread(target=hold)
    thread.start()
    ready.wait()
    return thread


def test_a_cache_locked_for_a_moment_is_waited_for(tmp_path):
    directory = tmp_path / "cache"
    directory.mkdir()
    holder = _lock_for(directory / "cache.sqlite3", 0.5)
    with Cache(directory) as cache:
        assert cache.enabled and cache.warnings == []
    holder.join()
    assert sorted(p.name for p in directory.iterdir() if "corrupt" in p.name) == []


def test_a_cache_that_stays_locked_is_skipped_not_moved_aside(tmp_path, monkeypatch):
    monkeypatch.setattr("screener.run.cache._LOCK_WAIT", 0.2)
    directory = tmp_path / "cache"
    directory.mkdir()
    holder = _lock_for(directory / "cache.sqlite3", 1.5)
    try:
        cache = Cache(directory)
    finally:
        holder.join()
    assert not cache.enabled and "stayed locked by another screening" in cache.warnings[0]
    assert sorted(p.name for p in directory.iterdir() if "corrupt" in p.name) == []


def test_a_file_name_that_is_not_utf8_is_cached_under_its_real_bytes(tmp_path):
    from screener_testkit.hostile import NON_UTF8_NAME, NON_UTF8_SHOWN

    folder = tmp_path / "resumes"
    folder.mkdir()
    (folder / NON_UTF8_NAME).write_bytes(b"Jo Mueller\nPython\n")
    (folder / "plain.txt").write_bytes(b"Avery Quinn\nPython\n")
    with Cache(tmp_path / "cache") as cache:
        cold = _run([folder], cache)
    CALLS["parse"].clear()
    with Cache(tmp_path / "cache") as cache:
        warm = _run([folder], cache)
    assert CALLS["parse"] == [] and warm == cold
    assert [p.document.path for p in warm] == [str(folder / NON_UTF8_SHOWN),
                                               str(folder / "plain.txt")]
    keys = sqlite3.connect(tmp_path / "cache" / "cache.sqlite3").execute(
        "SELECT path FROM files ORDER BY path").fetchall()
    assert sorted(k for (k,) in keys if isinstance(k, bytes)) == [
        os.fsencode(folder / NON_UTF8_NAME)]
    assert str(folder / "plain.txt") in [k for (k,) in keys]  # others stay text: still warm


def _bomb_row() -> bytes:
    from screener_testkit.hostile import flate_bomb

    return flate_bomb(1024**3)  # 1 MB that inflates to 1 GiB


@pytest.mark.parametrize("crafted", [_bomb_row, lambda: zlib.compress(b"[" * 200_000)],
                         ids=["zlib-bomb", "nested-json"])
def test_a_crafted_cache_row_is_a_miss_not_a_crash(folder, tmp_path, crafted):
    import tracemalloc

    with Cache(tmp_path / "cache") as cache:
        cold = _run([folder], cache)
    row = crafted()
    db = sqlite3.connect(tmp_path / "cache" / "cache.sqlite3")
    with db:
        db.execute("UPDATE profiles SET data = ?", (row,))
        db.execute("UPDATE documents SET data = ?", (row,))
    db.close()
    CALLS["parse"].clear()
    tracemalloc.start()
    try:
        with Cache(tmp_path / "cache") as cache:
            sha = cold[0].document.sha256
            assert cache.get_lean(sha, cache_keys(SETTINGS), "0.txt") is None
            warm = _run([folder], cache)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert warm == cold and len(CALLS["parse"]) == 3  # each row a miss: parsed again
    assert peak < 200 * 1024**2, peak  # a row inflates to 64 MB at most, not 1 GiB
