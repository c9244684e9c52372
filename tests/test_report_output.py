"""Report files written whole or not at all (screener.report.output), and output paths checked
before a batch starts."""

from __future__ import annotations

import pytest

from screener.report.output import ReportError, unwritable, write_report


def test_a_report_that_cannot_be_written_leaves_nothing_behind(tmp_path):
    # the folder went away during the batch: the CLI checked it before, the write still fails
    missing = tmp_path / "gone" / "out.csv"
    with pytest.raises(ReportError, match=r"the report could not be written \(No such file or "
                       r"directory\); check the folder exists$"):
        write_report(str(missing), lambda fp: fp.write("rank\n"))
    assert list(tmp_path.iterdir()) == []


def test_a_report_that_fails_half_way_keeps_the_previous_one(tmp_path):
    out = tmp_path / "out.json"
    out.write_text("previous report")

    def half(fp):
        fp.write("{")
        raise OSError(28, "No space left on device")

    with pytest.raises(ReportError, match="free some disk space"):
        write_report(str(out), half)
    assert out.read_text() == "previous report"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]  # no temporary file left


def test_output_paths_are_checked_for_a_folder_to_write_in(tmp_path):
    ok = {"--csv": str(tmp_path / "a.csv"), "--json": None, "--html": "/dev/stdout"}
    assert unwritable(ok) is None
    missing = str(tmp_path / "no" / "a.csv")
    assert unwritable({"--csv": missing}) == (
        f"--csv {missing}: the folder {tmp_path / 'no'} does not exist; create it or choose "
        "another path")
    assert unwritable({"--json": "a.json"}) is None  # the current folder


def test_a_folder_that_cannot_be_written_in_is_named(tmp_path, monkeypatch):
    import os

    # (tests may run as root, whom permissions do not stop: ask os.access what a user hears)
    monkeypatch.setattr(os, "access", lambda path, mode: str(path) != str(tmp_path))
    out = str(tmp_path / "a.csv")
    assert unwritable({"--csv": out}) == (
        f"--csv {out}: cannot write in {tmp_path}; choose a folder you can write to")
