"""parse_all: every file gets exactly one row, in input order, whatever the files do to readers.

The parse functions here are stand-ins passed as parameters (module-level so worker processes
can find them): they make the pool's behaviour (slow, hung, crashing, memory-hungry files)
happen on demand. The hostile-file test also runs real readers over crafted files.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from screener.errors import ConfigError, ErrorCode
from screener.parse.profile import ParseSettings
from screener.records import Contact, Document, Profile
from screener.report.progress import ProgressLine, progress_callback
from screener.run.batch import drop_text, outcome_profile, parse_all, read_ahead
from screener.run.inputs import collect_inputs, shown_path
from screener.run.pool import Ending, Outcome, WorkerPool
from screener.score.dupes import mark_duplicates
from screener_testkit import hostile

SETTINGS = ParseSettings(as_of="2026-11-27")
FIXTURES = Path(__file__).parent / "fixtures" / "files"


def stand_in(path: str, data: bytes, settings: ParseSettings) -> Profile:
    """Acts out the instruction written in the file: sleep N, hang, crash, hog, raise."""
    text = data.decode("utf-8", "replace")
    command = text.split("\n")[0]
    if command.startswith("sleep "):
        time.sleep(float(command.split()[1]))
    elif command == "hang":
        time.sleep(600)
    elif command == "crash":
        os._exit(3)
    elif command == "hog":
        _ = bytearray(1024**3)  # 1 GiB: over the test's memory cap
    elif command == "raise":
        raise ValueError("reader bug")
    doc = Document(path=path, sha256=hashlib.sha256(data).hexdigest(), status="ok", text=text)
    return Profile(document=doc, contact=Contact(name=command))


def reader_parse(path: str, data: bytes, settings: ParseSettings) -> Profile:
    """Real readers (pdfminer.six, python-docx) without screener.extract's safeguards."""
    sha = hashlib.sha256(data).hexdigest()
    if data.startswith(b"%PDF-"):
        from pdfminer.high_level import extract_text

        text = extract_text(io.BytesIO(data), maxpages=settings.max_pages)
    elif data.startswith(b"PK"):
        import docx

        text = "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    else:
        text = data.decode("utf-8")
    status = "ok" if text.strip() else "empty"
    return Profile(document=Document(path=path, sha256=sha, status=status, text=text))


def _files(folder: Path, contents: list[str]) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, content in enumerate(contents):
        path = folder / f"{i:02d}.txt"
        path.write_text(content + "\n")
        paths.append(str(path))
    return paths


def _run(paths, **options):
    options.setdefault("parse", stand_in)
    return list(parse_all(paths, SETTINGS, **options))


def test_results_come_back_in_input_order_even_when_the_first_is_slowest(tmp_path):
    paths = _files(tmp_path, ["sleep 0.5"] + [f"fast {i}" for i in range(7)])
    seen: list[tuple[int, int]] = []
    profiles = _run(paths, jobs=2, progress=lambda done, total: seen.append((done, total)))
    assert [p.document.path for p in profiles] == paths
    assert [p.contact.name for p in profiles] == ["sleep 0.5"] + [f"fast {i}" for i in range(7)]
    assert seen == [(n, 8) for n in range(1, 9)]


def test_runs_are_identical(tmp_path):
    paths = _files(tmp_path, ["sleep 0.2", "raise", "b", "sleep 0.1", "c"])
    first = _run(paths, jobs=2)  # records compare field by field, floats exactly
    assert first == _run(paths, jobs=2)
    assert first == _run(paths, jobs=1)
    assert first == _run(paths, jobs=0)


def test_jobs_1_still_runs_in_a_guarded_worker_so_a_hung_file_cannot_hang_the_caller(tmp_path):
    paths = _files(tmp_path, ["hang", "a"])
    started = time.monotonic()
    profiles = _run(paths, jobs=1, timeout=1.0)
    assert time.monotonic() - started < 8
    assert [p.status for p in profiles] == ["error", "ok"]
    assert profiles[0].document.error_code == ErrorCode.E_TIMEOUT
    assert profiles[0].document.error == ("took longer than 1 s to read: it may be damaged or "
                                          "huge; open it and save a fresh copy as PDF")


def test_jobs_0_runs_in_this_process(tmp_path):
    seen: list[int] = []

    def here(path: str, data: bytes, settings: ParseSettings) -> Profile:
        seen.append(os.getpid())  # only visible to this test if it ran in this process
        return stand_in(path, data, settings)

    _run(_files(tmp_path, ["a", "b"]), jobs=0, parse=here)
    assert seen == [os.getpid()] * 2


def test_a_hung_file_is_killed_at_its_deadline_and_the_rest_finish(tmp_path):
    paths = _files(tmp_path, ["hang", "a", "b", "c"])
    started = time.monotonic()
    profiles = _run(paths, jobs=2, timeout=1.0)
    assert time.monotonic() - started < 10
    assert profiles[0].document.error_code == ErrorCode.E_TIMEOUT
    assert [p.status for p in profiles] == ["error", "ok", "ok", "ok"]


def test_the_pool_survives_a_worker_that_dies(tmp_path):
    paths = _files(tmp_path, ["crash", "a", "crash", "b", "c", "d"])
    profiles = _run(paths, jobs=2)
    assert [p.status for p in profiles] == ["error", "ok", "error", "ok", "ok", "ok"]
    assert profiles[0].document.error_code == ErrorCode.E_CRASH
    assert profiles[0].document.error.startswith("reader crashed on this file:")
    assert [p.contact.name for p in profiles if p.status == "ok"] == ["a", "b", "c", "d"]


def test_a_file_held_behind_a_dead_or_hung_one_is_read_by_the_next_worker(tmp_path):
    # A worker holds its next file while it reads one: that file was never started, so it is
    # neither reported with the one that killed its worker nor lost.
    paths = _files(tmp_path, ["crash", "a", "hang", "b", "c"])
    profiles = _run(paths, jobs=1, timeout=1.0)
    assert [p.status for p in profiles] == ["error", "ok", "error", "ok", "ok"]
    assert [p.document.error_code for p in profiles[:3]] == [
        ErrorCode.E_CRASH, "", ErrorCode.E_TIMEOUT]


def test_a_held_file_s_deadline_starts_when_the_file_before_it_is_done(tmp_path):
    # Both files are sent to the one worker at once; together they take longer than a deadline.
    paths = _files(tmp_path, ["sleep 0.7", "sleep 0.7", "a"])
    profiles = _run(paths, jobs=1, timeout=1.2)
    assert [p.status for p in profiles] == ["ok", "ok", "ok"]


def test_a_memory_hog_ends_as_an_error_row(tmp_path):
    paths = _files(tmp_path, ["hog", "a"])
    profiles = _run(paths, jobs=2, memory_mb=256)
    assert (profiles[0].status, profiles[0].document.error_code) == ("error", ErrorCode.E_MEMORY)
    assert profiles[1].status == "ok"


def test_a_reader_exception_is_one_error_row(tmp_path):
    paths = _files(tmp_path, ["raise", "a"])
    profiles = _run(paths, jobs=1)
    assert profiles[0].document.error_code == ErrorCode.E_UNEXPECTED
    assert profiles[0].document.error == (
        "could not be read (ValueError); open it and save a fresh copy as PDF")
    assert profiles[0].document.sha256 == hashlib.sha256(b"raise\n").hexdigest()
    assert profiles[1].status == "ok"


def test_oversized_file_is_refused_before_reading(tmp_path):
    paths = _files(tmp_path, ["x" * 2000, "a"])
    small = ParseSettings(as_of="2026-11-27", max_bytes=1000)
    profiles = list(parse_all(paths, small, jobs=1, parse=stand_in))
    assert profiles[0].document.error_code == ErrorCode.E_TOO_LARGE
    assert profiles[0].document.error == ("too large: 0.00191 MB, over the 0.000954 MB limit for "
                                         "one resume; check it is a resume, or raise --max-mb")
    assert profiles[1].status == "ok"


def test_drop_text_keeps_everything_but_the_text(tmp_path):
    [profile] = _run(_files(tmp_path, ["Avery Quinn"]), jobs=1)
    dropped = drop_text(profile)
    assert dropped.document.text == "" and profile.document.text == "Avery Quinn\n"
    assert dropped.contact == profile.contact and dropped.document.sha256 == profile.document.sha256


def test_every_hostile_file_gets_one_row_in_bounded_time(tmp_path, monkeypatch):
    files = hostile.write_all(tmp_path / "hostile")
    _deny_as_root(monkeypatch, files["unreadable.txt"])
    try:
        inputs = collect_inputs([str(tmp_path / "hostile")])
        started = time.monotonic()
        profiles = list(parse_all(inputs, SETTINGS, jobs=2, timeout=8.0, memory_mb=512,
                                  parse=reader_parse))
        elapsed = time.monotonic() - started
    finally:
        os.chmod(files["unreadable.txt"], 0o644)
    assert (sorted(p.document.path for p in profiles)
            == sorted(shown_path(str(p)) for p in files.values()))
    assert elapsed < 25
    status = {Path(p.document.path).name: p for p in profiles}
    assert status['=HYPERLINK("x").txt'].status == "ok"
    assert status["pdf-named.docx"].document.text.startswith("Avery Quinn")
    assert status["pages-2000.pdf"].status == "ok"
    for name in ("truncated.pdf", "encrypted.pdf", "bomb.pdf", "bomb.docx", "big.txt",
                 "loop.pdf", "broken.pdf"):
        assert status[name].status == "error", name
        assert status[name].document.error, name
    assert "over the 20 MB limit" in status["big.txt"].document.error
    codes = {name: status[name].document.error_code
             for name in ("big.txt", "broken.pdf", "loop.pdf", "unreadable.txt", "pipe.pdf")}
    assert codes == {"big.txt": ErrorCode.E_TOO_LARGE, "broken.pdf": ErrorCode.E_BROKEN_LINK,
                     "loop.pdf": ErrorCode.E_SYMLINK_LOOP,
                     "unreadable.txt": ErrorCode.E_PERMISSION,
                     "pipe.pdf": ErrorCode.E_NOT_REGULAR}


@pytest.mark.parametrize("jobs", [0, 2])
def test_a_file_replaced_by_a_named_pipe_during_the_batch_is_an_error_row_not_a_hang(
        tmp_path, jobs):
    import threading

    from screener.run.cache import Cache

    paths = _files(tmp_path / "in", ["Avery Quinn", "Blake Rivera"])
    inputs = collect_inputs(paths)  # both regular files when listed
    os.remove(paths[0])
    os.mkfifo(paths[0])  # then swapped: with the cache on, this process reads it to hash it
    result: list[list[Profile]] = []

    def screen() -> None:
        with Cache(tmp_path / "cache") as cache:  # SQLite: used in the thread that opens it
            result.append(_run(inputs, jobs=jobs, cache=cache, timeout=10))

    run = threading.Thread(target=screen, daemon=True)
    run.start()
    run.join(20)
    if run.is_alive():  # unblock the reader so the test ends, then fail
        with open(paths[0], "wb"):
            pass
        run.join(5)
        pytest.fail("the batch blocked on a named pipe")
    [profiles] = result
    assert [p.status for p in profiles] == ["error", "ok"]
    assert profiles[0].document.error_code == ErrorCode.E_NOT_REGULAR
    assert profiles[0].document.error.startswith("not a file but a named pipe: ")


def _deny_as_root(monkeypatch, locked) -> None:
    """chmod 000 does not stop root (CI runs as root), so there the permission check is made
    to see what an ordinary user's would."""
    if os.geteuid() != 0:
        return
    import screener.run.inputs

    real_access = os.access
    monkeypatch.setattr(screener.run.inputs.os, "access",
                        lambda p, mode: False if str(p) == str(locked) else real_access(p, mode))


def test_hostile_files_through_the_real_parse_stage(tmp_path):
    files = hostile.write_all(tmp_path / "hostile", big_text_mb=21)
    os.chmod(files["unreadable.txt"], 0o644)
    profiles = list(parse_all([str(tmp_path / "hostile")], SETTINGS, jobs=2, timeout=20.0,
                              memory_mb=1024))
    assert (sorted(p.document.path for p in profiles)
            == sorted(shown_path(str(p)) for p in files.values()))
    for profile in profiles:
        assert profile.status in ("ok", "empty", "error")
        assert (profile.status == "error") == bool(profile.document.error)
        assert bool(profile.document.error) == bool(profile.document.error_code), profile


# --------------------------------------------------------------------------- Dask


def test_dask_cluster_runs_the_parse_stage_with_shipped_bytes(tmp_path):
    distributed = pytest.importorskip("distributed")
    paths = _files(tmp_path, ["Avery Quinn", "raise", "Blake Rivera"])
    with distributed.LocalCluster(n_workers=1, processes=False, threads_per_worker=1,
                                  dashboard_address=None) as cluster:
        profiles = _run(paths, scheduler=cluster.scheduler_address, timeout=30)
    assert [p.document.path for p in profiles] == paths
    assert [p.status for p in profiles] == ["ok", "error", "ok"]
    assert [p.contact.name for p in profiles] == ["Avery Quinn", None, "Blake Rivera"]


def test_scheduler_without_dask_installed_says_how_to_install(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(ConfigError, match=r"install screener\[dask\]"):
        _run(_files(tmp_path, ["a"]), scheduler="tcp://127.0.0.1:8786")


# --------------------------------------------------------------------------- duplicates


def _profile(path: str, text: str, sha: str, email: str | None = None) -> Profile:
    doc = Document(path=path, sha256=sha, status="ok", text=text)
    return Profile(document=doc, contact=Contact(email=email))


RESUME = ("Avery Quinn\nSenior Python developer\n" + "Built PostgreSQL services on AWS. " * 30)


def test_duplicates_by_bytes_email_and_near_identical_text():
    profiles = [
        _profile("b/avery.pdf", RESUME, "s1", "avery@example.com"),
        _profile("a/avery-copy.pdf", RESUME, "s1"),  # same bytes
        _profile("c/avery-2024.docx", "Other layout", "s2", "Avery@Example.com"),  # same email
        _profile("d/avery.txt", RESUME.replace("AWS", "AWS!").replace("Built", "built"), "s3"),
        _profile("e/blake.pdf", "Blake Rivera\nSenior Python developer\n" + RESUME[36:], "s4"),
        _profile("f/avery-edit.pdf", RESUME[:-200] + "Led a team of five. " * 10, "s5"),
    ]
    assert mark_duplicates(profiles) == {
        "b/avery.pdf": "a/avery-copy.pdf",
        "c/avery-2024.docx": "a/avery-copy.pdf",
        "d/avery.txt": "a/avery-copy.pdf",
    }


def test_error_rows_are_only_duplicates_by_bytes():
    error = Document(path="x.pdf", sha256="", status="error", error="broken")
    again = Document(path="y.pdf", sha256="", status="error", error="broken")
    assert mark_duplicates([Profile(document=error), Profile(document=again)]) == {}


def test_the_same_path_given_twice_is_one_kept_and_one_duplicate():
    from screener.score.dupes import DuplicateFinder

    finder = DuplicateFinder()
    for profile in (_profile("a.txt", RESUME, "s1"), _profile("b.txt", "Blake", "s2"),
                    _profile("a.txt", RESUME, "s1")):
        finder.add(profile)
    assert finder.kept_by_position() == {2: "a.txt"}  # the first of the two is kept


def test_empty_files_are_never_duplicates_of_each_other():
    empty = hashlib.sha256(b"").hexdigest()
    profiles = [Profile(document=Document(path=name, sha256=empty, status="error",
                                          error="file is empty (0 bytes)"))
                for name in ("a.pdf", "b.txt", "a.pdf")]
    assert mark_duplicates(profiles) == {}


# --------------------------------------------------------------------------- progress


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_line_shows_count_rate_and_time_left():
    now = [100.0]
    stream = _Terminal()
    line = ProgressLine(stream, clock=lambda: now[0], min_files=1)
    now[0] = 110.0
    line(50, 200)
    now[0] = 120.0
    line(200, 200)
    assert stream.getvalue() == (
        "\rreading resumes: 50/200 files, 5.0/s, 0:30 left"
        "\rreading resumes: 200/200 files, 10.0/s" + " " * 9 + "\n"  # rubs out "0:30 left"
    )


def test_progress_is_silent_off_a_terminal_or_when_quiet():
    assert progress_callback(stream=io.StringIO()) is None
    assert progress_callback(stream=_Terminal(), quiet=True) is None
    assert isinstance(progress_callback(stream=_Terminal()), ProgressLine)


def test_batch_modules_do_not_import_heavy_libraries():
    code = ("import sys, screener.run.batch, screener.run.cache, screener.report.progress, screener.run.cluster; "
            "heavy = {'spacy', 'sklearn', 'pdfminer', 'pypdfium2', 'docx', 'distributed', "
            "'rapidfuzz', 'numpy'}; print(sorted(heavy & set(sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def _slow_prepare(work):
    """The work's `prepare`, as slow as building the matcher in a fresh process."""

    def prepare() -> None:
        work.prepare()
        time.sleep(1.0)

    return prepare


def _run_pool(pool, tasks, close=True):
    """What the batch would make of each task's outcome, in task order."""
    results = {}
    for task in tasks:
        pool.submit(task)
        while pool.full:
            results.update((t.index, outcome_profile(t, o)) for t, o in pool.poll())
    while pool.pending:
        results.update((t.index, outcome_profile(t, o)) for t, o in pool.poll())
    if close:
        pool.close()
    return [results[t.index] for t in tasks]


def _worker_processes(settle: float = 5.0) -> int:
    """Live child processes, once those asked to stop have had `settle` seconds to exit."""
    import multiprocessing

    deadline = time.monotonic() + settle
    while len(multiprocessing.active_children()) > 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    return len(multiprocessing.active_children())


def _in_a_fresh_process(check: str, *args: str) -> None:
    """Run tests.test_batch.<check>(*args) in a new interpreter. Read-ahead needs the fork start
    method, which the pool uses only in a process without threads (an earlier test's Dask client
    leaves some in this one)."""
    code = f"from tests.test_batch import {check}; {check}(*{args!r})"
    result = subprocess.run([sys.executable, "-c", code], cwd=Path(__file__).parent.parent,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-3000:]


def _check_read_ahead_gives_the_same_profiles() -> None:
    from screener.run.work import Task, Work

    files = sorted(p for p in FIXTURES.iterdir() if p.suffix in (".pdf", ".docx", ".txt"))
    tasks = [Task(i, str(p)) for i, p in enumerate(files * 2)]
    work = Work(SETTINGS)
    pool = WorkerPool(work, 2, timeout=30, prepare=_slow_prepare(work), ahead=read_ahead(work))
    assert pool.method == "fork"
    got = _run_pool(pool, tasks, close=False)
    # the read-ahead process stopped once the real workers ran: no third process to the end
    assert _worker_processes() == 2
    pool.close()
    assert pool.read_ahead > 0  # the second core read files while the first one prepared
    assert got == [work(task) for task in tasks]  # as if each file went the whole way at once
    assert {p.document.status for p in got} >= {"ok", "empty", "error"}


def _check_read_ahead_worker_killed(folder: str, command: str, code: str) -> None:
    from screener.run.work import Task, Work

    files = []
    for i, first_line in enumerate(["ok", command, "ok", "ok", "ok"]):
        path = Path(folder) / f"{i}.txt"
        path.write_text(first_line + "\nAvery Quinn, Python developer\n", encoding="utf-8")
        files.append(path)
    tasks = [Task(i, str(p)) for i, p in enumerate(files)]
    work = Work(SETTINGS)
    ahead = dataclasses.replace(read_ahead(work), run=_ActingExtract(work))
    pool = WorkerPool(work, 2, timeout=2, prepare=_slow_prepare(work), ahead=ahead)
    assert pool.method == "fork"
    got = _run_pool(pool, tasks)
    assert [p.document.status for p in got] == ["ok", "error", "ok", "ok", "ok"]
    assert got[1].document.error_code == code
    assert got[0] == work(tasks[0])


def _cyclic_garbage(task):
    """Leaves 64 MiB in a reference cycle, as a reader's object graph can be; then answers."""
    node = {"data": bytearray(64 * 1024**2)}
    node["self"] = node
    return task.index


def _check_workers_collect_cyclic_garbage() -> None:
    import gc

    from screener.run.work import Task

    gc.disable()  # as screen() runs: the workers are forked from a parent without collection
    # (no replacement of grown workers here: it would hide cycles left uncollected)
    pool = WorkerPool(_cyclic_garbage, 1, timeout=30, memory_limit=512 * 1024**2,
                      worker_growth=None)
    assert pool.method == "fork"
    tasks = [Task(i, f"{i}.txt") for i in range(24)]  # 1.5 GiB of cycles over the batch
    assert _run_pool(pool, tasks) == list(range(24))


def _pid_and_words(task):
    """A worker's pid, and how many words its tokenizer has seen (one new word a file)."""
    from screener.parse.skills import matcher_for
    from screener.rubric.taxonomy import load_taxonomy

    matcher = matcher_for(load_taxonomy())
    matcher.find_text(f"Python developer at Employer{task.index}qz")
    return os.getpid(), len(matcher.nlp.vocab)


def _check_workers_are_replaced_after_their_share_of_files() -> None:
    from screener.parse.skills import matcher_for
    from screener.rubric.taxonomy import load_taxonomy
    from screener.run.work import Task

    words = len(matcher_for(load_taxonomy()).nlp.vocab)  # built here, inherited by the workers
    pool = WorkerPool(_pid_and_words, 2, timeout=30, worker_growth=None, files_per_worker=3)
    assert pool.method == "fork"
    got = _run_pool(pool, [Task(i, f"{i}.txt") for i in range(20)], close=False)
    per_worker: dict[int, list[int]] = {}
    for pid, seen in got:
        per_worker.setdefault(pid, []).append(seen)
    assert max(len(v) for v in per_worker.values()) <= 3  # never more than its share
    assert len(per_worker) >= 7 and pool.started == len(per_worker)
    # each worker starts from the parent's vocabulary: a long batch does not add up
    assert max(seen for v in per_worker.values() for seen in v) <= words + 3 * 4
    assert _worker_processes() <= 2  # the replaced ones have exited
    pool.close()


_KEPT: list[bytearray] = []


def _pid_and_leak(task):
    """A worker's pid; each file leaves 8 MiB behind in it, as a growing vocabulary would."""
    _KEPT.append(bytearray(8 * 2**20))
    return os.getpid()


def _check_a_grown_worker_is_replaced() -> None:
    from screener.run.work import Task

    pool = WorkerPool(_pid_and_leak, 1, timeout=30, worker_growth=20 * 2**20)
    assert pool.method == "fork"
    got = _run_pool(pool, [Task(i, f"{i}.txt") for i in range(16)])
    files = [got.count(pid) for pid in dict.fromkeys(got)]
    # measured after each file: past 20 MiB of growth (3 files after the first) it takes no
    # more; the next file, already in hand, is its last
    assert max(files) <= 6 and len(files) >= 3 and pool.started == len(files)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork start method: Linux only")
def test_a_worker_that_has_grown_is_replaced():
    _in_a_fresh_process("_check_a_grown_worker_is_replaced")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork start method: Linux only")
def test_workers_are_replaced_after_their_share_of_files():
    """spaCy keeps every word a worker has seen: a long batch of resumes with words of their own
    would grow each worker without end, so a worker reads `files_per_worker` files, then a
    fresh one forked from the parent takes over."""
    _in_a_fresh_process("_check_workers_are_replaced_after_their_share_of_files")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork start method: Linux only")
def test_workers_collect_cyclic_garbage_though_the_parent_does_not():
    """Over a long batch a worker must not keep every file's reference cycles until it hits its
    memory cap (pdfminer's layout objects leave ~0.25 MB a file)."""
    _in_a_fresh_process("_check_workers_collect_cyclic_garbage")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork start method: Linux only")
def test_files_read_ahead_while_the_matcher_is_built_give_the_same_profiles():
    _in_a_fresh_process("_check_read_ahead_gives_the_same_profiles")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork start method: Linux only")
@pytest.mark.parametrize("command, code", [("crash", "E_CRASH"), ("hang", "E_TIMEOUT")])
def test_a_file_that_kills_the_read_ahead_worker_is_one_row_and_the_rest_finish(
        tmp_path, command, code):
    _in_a_fresh_process("_check_read_ahead_worker_killed", str(tmp_path), command, code)


def _act(task: str):
    """Any work at all: the pool runs it on tasks it knows nothing about (here, strings)."""
    if task == "hang":
        time.sleep(600)
    elif task == "crash":
        os._exit(3)
    elif task == "hog":
        return bytearray(1024**3)  # over the memory cap: MemoryError in the worker
    elif task == "unsendable":
        import threading

        return threading.Lock()  # cannot be pickled back to the parent
    return task.upper()


def test_the_pool_reports_how_each_task_ended_and_makes_no_rows():
    pool = WorkerPool(_act, 2, timeout=2, memory_limit=256 * 1024**2)
    outcomes = {}
    try:
        for task in ["a", "hang", "crash", "hog", "unsendable", "b"]:
            pool.submit(task)
            while pool.full:
                outcomes.update(pool.poll())
        while pool.pending:
            outcomes.update(pool.poll())
    finally:
        pool.close()
    unsendable = outcomes.pop("unsendable")
    assert outcomes == {"a": Outcome(Ending.RESULT, "A"), "b": Outcome(Ending.RESULT, "B"),
                        "hang": Outcome(Ending.TIMEOUT, 2), "crash": Outcome(Ending.CRASH),
                        "hog": Outcome(Ending.MEMORY)}
    assert unsendable.ending is Ending.UNSENDABLE and "pickle" in unsendable.value


@pytest.mark.parametrize("outcome, code", [
    (Outcome(Ending.TIMEOUT, 1.5), ErrorCode.E_TIMEOUT),
    (Outcome(Ending.CRASH), ErrorCode.E_CRASH),
    (Outcome(Ending.MEMORY), ErrorCode.E_MEMORY),
    (Outcome(Ending.UNSENDABLE, "cannot pickle 'lock' object"), ErrorCode.E_UNEXPECTED),
])
def test_the_batch_makes_each_way_a_worker_ends_a_row_with_its_code(outcome, code):
    from screener.run.work import Task, made_by_batch

    row = outcome_profile(Task(3, "resumes/a.pdf"), outcome)
    doc = row.document
    assert (doc.path, doc.status, doc.error_code, doc.sha256) == ("resumes/a.pdf", "error", code,
                                                                   "")
    assert made_by_batch(row)  # another run, with other limits, may read the file
    if outcome.ending is Ending.TIMEOUT:
        assert doc.error.startswith("took longer than 1.5 s to read: ")


class _ActingExtract:
    """work.extract, except for the files that say 'crash' or 'hang' on their first line."""

    def __init__(self, work):
        self.work = work

    def __call__(self, task):
        command = Path(task.path).read_text(encoding="utf-8").split("\n")[0]
        if command == "crash":
            os._exit(3)
        if command == "hang":
            time.sleep(600)
        return self.work.extract(task)
