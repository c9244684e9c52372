"""Workers die with the parent: `kill -9` or SIGTERM of a running `screener screen` leaves no
worker process behind (issue 15: 2-3 workers used to live on for good, holding each other's
pipes open)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import AS_OF, POSTING

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")

# `screener screen` through the console script's own entry point, each file made slow (30 s)
# in the workers, which inherit the patched class through fork.
SLOW_SCREEN = """
import sys, time
from screener.run import work
from screener.cli import main

real = work.Work.__call__
def slow(self, task):
    time.sleep(30)
    return real(self, task)
work.Work.__call__ = slow
sys.argv = ["screener", "screen", *sys.argv[1:]]
main()
"""


def _children(pid: int) -> set[int]:
    """Live (not zombie) processes whose parent is `pid`."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            stat = _stat(int(entry.name))
            if stat and stat[1] != "Z" and int(stat[2]) == pid:
                found.add(int(entry.name))
    return found


def _stat(pid: int) -> list[str] | None:
    """/proc/PID/stat after the command name: state, ppid, ...; None once it is gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return [text[: text.index(" ")]] + text[text.rindex(")") + 2 :].split()


def _alive(pid: int) -> bool:
    stat = _stat(pid)
    return stat is not None and stat[1] != "Z"  # a zombie is dead, only not yet reaped


def _wait(condition, seconds: float) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


@pytest.fixture
def slow_screen(tmp_path):
    folder = tmp_path / "resumes"
    folder.mkdir()
    for i in range(6):
        (folder / f"r{i}.txt").write_text(f"Candidate {i}\nPython developer since 2019\n")
    proc = subprocess.Popen(
        [sys.executable, "-c", SLOW_SCREEN, str(folder), "--posting", str(POSTING), "--as-of",
         AS_OF, "--no-cache", "--jobs", "2", "--quiet", "--timeout", "120"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        # the read-ahead worker, then two parsing workers
        assert _wait(lambda: len(_children(proc.pid)) >= 2, 60), "no workers started"
        time.sleep(0.5)  # let the last fork finish its start-up
        yield proc
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait()


def test_kill_9_of_the_parent_leaves_no_worker(slow_screen):
    workers = _children(slow_screen.pid)
    slow_screen.send_signal(signal.SIGKILL)
    slow_screen.wait()
    assert _wait(lambda: not any(_alive(pid) for pid in workers), 5), \
        [pid for pid in workers if _alive(pid)]


def test_sigterm_stops_the_batch_like_ctrl_c(slow_screen):
    workers = _children(slow_screen.pid)
    slow_screen.send_signal(signal.SIGTERM)
    _, stderr = slow_screen.communicate(timeout=30)
    assert slow_screen.returncode == 130
    assert stderr.endswith("screener: interrupted\n")
    assert _wait(lambda: not any(_alive(pid) for pid in workers), 5)


def test_a_worker_whose_parent_already_died_exits_at_once():
    from screener.run.pool import _die_with_parent

    pid = os.fork()
    if pid == 0:  # the child: claim a parent that is not its own
        _die_with_parent(os.getppid() + 1_000_000)
        os._exit(3)  # not reached
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
