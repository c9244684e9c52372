"""collect_inputs: which files a screening reads, in which order, and what it says about the rest."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from screener.errors import ErrorCode, InputError
from screener.run.inputs import collect_inputs


def _write(path: Path, text: str = "Avery Quinn\n") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_folders_are_walked_recursively_in_sorted_order_with_paths_as_found(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for name in ("b.pdf", "a.txt", "sub/z.docx", "sub/deeper/c.txt", "A.pdf"):
        _write(tmp_path / "resumes" / name)
    inputs = collect_inputs(["resumes"])
    assert inputs.paths == [
        os.path.join("resumes", "A.pdf"),
        os.path.join("resumes", "a.txt"),
        os.path.join("resumes", "b.pdf"),
        os.path.join("resumes", "sub", "deeper", "c.txt"),
        os.path.join("resumes", "sub", "z.docx"),
    ]
    assert all(f.problem is None for f in inputs.files)


def test_arguments_keep_their_order_and_spelling(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _write(tmp_path / "z.txt")
    _write(tmp_path / "folder" / "m.txt")
    inputs = collect_inputs(["./z.txt", "folder/", "z.txt"])
    assert inputs.paths == ["./z.txt", os.path.join("folder/", "m.txt"), "z.txt"]


def test_hidden_and_office_lock_files_are_skipped_and_counted(tmp_path):
    _write(tmp_path / "keep.pdf")
    _write(tmp_path / ".DS_Store")
    _write(tmp_path / "~$keep.docx")
    _write(tmp_path / ".git" / "config")
    _write(tmp_path / "Thumbs.db")
    inputs = collect_inputs([str(tmp_path)])
    assert inputs.paths == [str(tmp_path / "keep.pdf")]
    assert inputs.hidden == 4


def test_a_hidden_file_named_explicitly_is_read(tmp_path):
    hidden = _write(tmp_path / ".resume.txt")
    assert collect_inputs([str(hidden)]).paths == [str(hidden)]


def test_missing_path_is_an_input_error_naming_it(tmp_path):
    _write(tmp_path / "ok.txt")
    missing = str(tmp_path / "nope.pdf")
    with pytest.raises(InputError, match=r"no such file or folder: .*nope\.pdf; check the path"):
        collect_inputs([str(tmp_path / "ok.txt"), missing])


def test_no_files_at_all_is_an_input_error(tmp_path):
    (tmp_path / "empty").mkdir()
    _write(tmp_path / "empty" / ".hidden")
    with pytest.raises(InputError, match="no resume files found in: .*empty"):
        collect_inputs([str(tmp_path / "empty")])


def test_broken_link_and_self_loop_become_problem_rows(tmp_path):
    _write(tmp_path / "ok.txt")
    os.symlink("gone.pdf", tmp_path / "broken.pdf")
    os.symlink("self.pdf", tmp_path / "self.pdf")
    inputs = collect_inputs([str(tmp_path)])
    problems = {Path(f.path).name: f.problem for f in inputs.files}
    assert problems["ok.txt"] is None
    assert problems["broken.pdf"].code == ErrorCode.E_BROKEN_LINK
    assert problems["self.pdf"].code == ErrorCode.E_SYMLINK_LOOP
    assert problems["broken.pdf"].message.startswith("broken link:")


def test_folder_link_back_to_an_ancestor_ends_as_a_loop_row(tmp_path):
    _write(tmp_path / "top" / "a.txt")
    _write(tmp_path / "top" / "sub" / "b.txt")
    os.symlink("..", tmp_path / "top" / "sub" / "up")
    inputs = collect_inputs([str(tmp_path / "top")])
    names = [(os.path.relpath(f.path, tmp_path), f.problem and f.problem.code)
             for f in inputs.files]
    assert names == [
        (os.path.join("top", "a.txt"), None),
        (os.path.join("top", "sub", "b.txt"), None),
        (os.path.join("top", "sub", "up"), ErrorCode.E_SYMLINK_LOOP),
    ]


def test_a_folder_reached_twice_through_links_is_listed_once(tmp_path):
    _write(tmp_path / "real" / "a.txt")
    os.symlink(tmp_path / "real", tmp_path / "alias")
    inputs = collect_inputs([str(tmp_path)])
    assert [os.path.relpath(p, tmp_path) for p in inputs.paths] == [os.path.join("alias", "a.txt")]


def test_a_link_to_a_file_inside_the_paths_given_is_followed(tmp_path):
    real = _write(tmp_path / "store" / "cv.txt")
    (tmp_path / "in").mkdir()
    os.symlink(real, tmp_path / "in" / "cv-link.txt")
    inputs = collect_inputs([str(tmp_path / "in"), str(tmp_path / "store")])
    assert inputs.paths == [str(tmp_path / "in" / "cv-link.txt"), str(real)]
    assert [f.problem for f in inputs.files] == [None, None]


def test_a_link_out_of_the_paths_given_is_a_problem_row_that_says_how_to_include_it(tmp_path):
    outside = _write(tmp_path / "secret.txt", "root:x:0:0\n")
    _write(tmp_path / "in" / "a.txt")
    os.symlink(outside, tmp_path / "in" / "passwd.txt")
    os.symlink("/etc", tmp_path / "in" / "etc")  # a folder out of it too: not walked
    inputs = collect_inputs([str(tmp_path / "in")])
    problems = {Path(f.path).name: f.problem for f in inputs.files}
    assert list(problems) == ["a.txt", "etc", "passwd.txt"]
    assert problems["a.txt"] is None
    for name in ("etc", "passwd.txt"):
        assert problems[name].code == ErrorCode.E_OUTSIDE_LINK
        assert problems[name].message == (
            "a link to a file outside the paths given: not followed; check where it points, "
            "and to screen that file give its own path as an argument")
    # named itself, the link is what the recruiter asked for
    assert collect_inputs([str(tmp_path / "in" / "passwd.txt")]).files[0].problem is None


def test_a_named_pipe_in_a_folder_is_a_problem_row_not_skipped(tmp_path):
    _write(tmp_path / "a.txt")
    os.mkfifo(tmp_path / "pipe.pdf")
    inputs = collect_inputs([str(tmp_path)])
    assert [Path(p).name for p in inputs.paths] == ["a.txt", "pipe.pdf"]
    assert inputs.files[1].problem.code == ErrorCode.E_NOT_REGULAR
    assert inputs.files[1].problem.message == (
        "not a file but a named pipe: screener reads only PDF, DOCX and TXT files; replace it "
        "with the resume file, or move it out of the folder")


def test_a_device_named_on_the_command_line_is_a_problem_row():
    [device] = collect_inputs(["/dev/null"]).files
    assert device.problem.code == ErrorCode.E_NOT_REGULAR
    assert device.problem.message.startswith("not a file but a device: ")


def test_a_name_that_is_not_utf8_is_listed_with_its_bytes_and_shown_with_replacements(tmp_path):
    from screener.run.inputs import shown_path

    raw = os.fsencode(tmp_path) + b"/Lebenslauf_M\x81ller.txt"
    with open(raw, "wb") as fp:
        fp.write(b"Jo Mueller\n")
    [found] = collect_inputs([str(tmp_path)]).files
    assert os.fsencode(found.path) == raw and found.problem is None
    assert shown_path(found.path) == str(tmp_path / "Lebenslauf_M\ufffdller.txt")
    assert shown_path("plain/a.txt") == "plain/a.txt"
    with pytest.raises(InputError, match="no such file or folder: .*M\ufffdller-gone.txt"):
        collect_inputs([os.fsdecode(os.fsencode(tmp_path) + b"/M\x81ller-gone.txt")])


def test_unreadable_file_is_a_problem_row(tmp_path, monkeypatch):
    from tests.test_batch import _deny_as_root

    locked = _write(tmp_path / "locked.txt")
    os.chmod(locked, 0)
    _deny_as_root(monkeypatch, locked)
    try:
        inputs = collect_inputs([str(tmp_path)])
    finally:
        os.chmod(locked, 0o644)
    assert inputs.paths == [str(locked)]  # listed either way: every file gets a row
    assert inputs.files[0].problem.code == ErrorCode.E_PERMISSION
