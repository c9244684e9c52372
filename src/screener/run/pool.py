"""A small pool of worker processes with a deadline per task.

It knows nothing of files or profiles: it runs `work(task)` and reports each task's `Outcome`,
the work's result or how the worker running it ended (overran its deadline, died, ran out of
memory, answered what cannot be sent back). The caller (screener.run.batch) makes a row of it.

concurrent.futures cannot stop one running task, and a worker that dies breaks the whole
ProcessPoolExecutor. Here each worker is a Process with its own pipe; the parent waits on the
pipes with the nearest deadline as timeout, kills a worker whose file overran it (SIGKILL: a hung
C reader cannot be interrupted politely), notices a worker that died (EOF on its pipe), reports
that one file, and starts a fresh worker for the rest.

Start method: "fork" on Linux when the parent has no other threads. Workers then inherit the
parent's imported modules, so no worker pays spaCy's start-up (~0.8 s each measured here under
"spawn"), and a replacement after a kill starts in milliseconds. Forking a process that runs
threads can deadlock, so then (and on other systems) "forkserver" or "spawn" is used instead.

Extract-ahead: building the skill matcher (importing spaCy included) takes the parent about a
second on one core, and under "fork" it must be done before the workers are forked. Given an
`ReadAhead` (the extraction half of the work, which needs no matcher), the pool forks one
worker for it first and runs `prepare` (the matcher build) in a thread meanwhile: that worker
reads the first files while the other core builds, and the tasks it hands on (carrying their
document) wait in `_extracted` for the real workers once they are forked. Same results, one
idle second less.

Two files in hand: a real worker is sent its next file while it reads the current one, so it
starts that file as soon as it has sent its answer instead of waiting for the parent to take the
answer and reply (the parent may be busy with another worker's answer: measured, ~0.6 ms a file,
3% of a worker's time). A file's deadline starts when the one before it is answered; the file a
killed or dead worker held next goes to another worker, unread, so it is not reported.

A fresh worker once one has grown: spaCy keeps every word it has tokenised in its vocabulary,
for good, and real resumes each bring words no other has (names, employers, addresses,
numbers): ~600 bytes a word, so a worker's memory would grow with the batch (10,000 text
resumes of 50 words of their own each: 865 MB PSS at the peak, against 500 MB aimed at). A
worker says, with each answer, whether it has grown by more than `worker_growth` bytes since
its first file; such a worker (or one given `files_per_worker` files, when set) takes no more,
is stopped once it has answered what it holds, and a new one is forked in its place (~60 ms of
page copying in the new worker). A batch whose workers do not grow (the benchmark corpus)
never pays it.

Each worker caps its own address space (RLIMIT_AS) at its start-up size plus `memory_limit`, so
a decompression bomb ends as a MemoryError (an error row) or, at worst, a dead worker.

Workers die with the parent. A forked worker inherits the parent's end of every pipe opened
before it, its own and other workers': it closes them first, so that each worker's pipe has
only the parent at its far end and reads EOF when the parent is gone. And on Linux it asks the
kernel for SIGKILL when its parent dies (PR_SET_PDEATHSIG): a worker busy with a slow file
reads no pipe, and `kill -9` of the parent must not leave it burning a core.
"""

from __future__ import annotations

import faulthandler
import gc
import multiprocessing
import os
import pickle
import signal
import sys
import threading
import time
import weakref
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from multiprocessing.connection import Connection, wait
from typing import Any

GiB = 1024**3
_PREPARE_POLL = 0.01  # seconds between looks at the matcher build while reading ahead
_IN_HAND = 2  # files a real worker holds at once: the one it reads and the next
WORKER_GROWTH = 32 * 2**20  # bytes a worker may grow after its first file (see above)


class Ending(Enum):
    RESULT = "result"  # the work answered
    TIMEOUT = "timeout"  # past its deadline: the worker was killed
    CRASH = "crash"  # the worker died (a segfault, an OOM kill, os._exit)
    MEMORY = "memory"  # the work raised MemoryError under the worker's cap
    UNSENDABLE = "unsendable"  # the work's answer cannot be pickled back to the parent


@dataclass(frozen=True)
class Outcome:
    """What became of one task."""

    ending: Ending
    # RESULT: what the work returned; TIMEOUT: the seconds allowed; UNSENDABLE: why the answer
    # cannot be pickled (one line); else None
    value: Any = None


@dataclass(frozen=True)
class ReadAhead:
    """The first half of the work, which needs nothing `prepare` builds: one worker does it
    while the parent prepares (see the module docstring)."""

    run: Callable[[Any], Any]  # task -> an answer, in the read-ahead worker
    then: Callable[[Any, Any], Any]  # (task, answer) -> the task for a real worker; None: final
    wanted: Callable[[Any], bool]  # whether a task has a first half to do
    prepare: Callable[[], None] | None = None  # in the parent before the worker is forked


def start_method() -> str:
    methods = multiprocessing.get_all_start_methods()
    if sys.platform.startswith("linux") and "fork" in methods and threading.active_count() == 1:
        return "fork"
    return "forkserver" if "forkserver" in methods else "spawn"


def _statm(field: int) -> int:
    """A size of this process in bytes from /proc/self/statm (0: address space, 1: resident
    set); 0 where /proc is missing."""
    try:
        with open("/proc/self/statm") as fp:
            return int(fp.read().split()[field]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def limit_memory(limit: int | None) -> None:
    """Cap this process's address space at its current size plus `limit` bytes."""
    if not limit:
        return
    try:
        import resource
    except ImportError:  # Windows: no per-process cap
        return
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    soft = _statm(0) + limit
    if hard != resource.RLIM_INFINITY:
        soft = min(soft, hard)
    try:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
    except (ValueError, OSError):
        pass  # macOS refuses RLIMIT_AS: the timeout still bounds a runaway file


# The parent's ends of the workers' pipes, open now: a forked worker closes them (see above).
_PARENT_ENDS: weakref.WeakSet[Connection] = weakref.WeakSet()
_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def _die_with_parent(parent: int | None) -> None:
    """SIGKILL this process when its parent dies (Linux); exit now if it already has. `parent`:
    the pid it was started from, None when that is not its parent (a forkserver's child)."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass  # no prctl: the pipe's EOF still ends an idle worker
    if parent is not None and os.getppid() != parent:
        os._exit(0)  # the parent died before the request: nobody would ever read the answer


def _close_inherited(own: Connection) -> None:
    """Close the parent's pipe ends a forked worker inherited; keep only `own`."""
    for end in list(_PARENT_ENDS):
        if end is not own:
            try:
                end.close()
            except OSError:
                pass
    _PARENT_ENDS.clear()


def _worker_main(conn: Connection, work: Callable[[Any], Any], memory_limit: int | None,
                 growth: int | None = None, parent: int | None = None) -> None:
    _die_with_parent(parent)
    _close_inherited(conn)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the parent's handler (screener.cli) is not ours
    # A reader that aborts (pypdfium2 under the memory cap does) is reported as one error row;
    # a faulthandler dump inherited from the parent would only add a traceback to stderr.
    faulthandler.disable()
    # `screen` runs without the cyclic collector (screener.cli), and a forked worker
    # inherits that; but readers leave reference cycles (pdfminer's layout ~0.25 MB a file),
    # which would pile up to the memory cap over a long batch. Collect here, with what the
    # parent built (matcher, vocabulary) frozen: never scanned, so its pages stay shared. The
    # young generations are also collected after each file (microseconds): a file's cycles
    # can be few objects holding much memory, which the allocation count alone would miss.
    gc.freeze()
    gc.enable()
    limit_memory(memory_limit)
    start = 0  # resident size after the first file, which fills the caches every file uses
    tired = False  # grown by more than `growth`, as measured after the previous file
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        try:
            answer: tuple[Ending, Any] = (Ending.RESULT, work(task))
        except MemoryError:
            answer = (Ending.MEMORY, None)
        try:
            conn.send((*answer, tired))
        except (pickle.PickleError, TypeError, ValueError, AttributeError,
                RecursionError) as err:  # not picklable
            conn.send((Ending.UNSENDABLE, str(err), tired))
        del task, answer
        gc.collect(1)
        if growth is not None:  # measured once the file's garbage is gone
            resident = _statm(1)
            start = start or resident
            tired = resident - start > growth


class _Worker:
    def __init__(self, ctx: Any, work: Callable[[Any], Any], memory_limit: int | None,
                 growth: int | None = None):
        self.conn, child = ctx.Pipe(duplex=True)
        _PARENT_ENDS.add(self.conn)
        parent = None if ctx.get_start_method() == "forkserver" else os.getpid()
        self.process = ctx.Process(target=_worker_main,
                                   args=(child, work, memory_limit, growth, parent), daemon=True)
        self.process.start()
        child.close()
        self.tasks: deque[Any] = deque()  # sent and not answered yet, in order
        self.deadline = 0.0  # for tasks[0]
        self.broken = False  # a send failed: it died; `poll` reports it at its pipe's end
        self.given = 0  # files sent to it, ever
        self.tired = False  # it has grown too much (or been given its share): it takes no more

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()

    def ask_to_stop(self) -> None:
        try:
            self.conn.send(None)
        except OSError:
            pass


class WorkerPool:
    """Runs `work(task)` in `jobs` processes; `poll` returns finished (task, Outcome) pairs.

    prepare: built once in the parent before the workers are forked, so they inherit it.
    ahead: the work's first half, done while `prepare` runs (under "fork" only).
    """

    def __init__(self, work: Callable[[Any], Any], jobs: int, *, timeout: float | None,
                 memory_limit: int | None = 2 * GiB, method: str | None = None,
                 prepare: Callable[[], None] | None = None, ahead: ReadAhead | None = None,
                 worker_growth: int | None = WORKER_GROWTH, files_per_worker: int | None = None):
        self.work = work
        self._prepare = prepare
        self.jobs = max(1, jobs)
        self.worker_growth = worker_growth
        self.files_per_worker = files_per_worker
        self.timeout = timeout
        self.memory_limit = memory_limit
        self.method = method or start_method()
        self._ctx = multiprocessing.get_context(self.method)
        self._idle: list[_Worker] = []
        self._busy: dict[Connection, _Worker] = {}
        self._backlog: deque[Any] = deque()
        # For the real workers before the backlog: documents read ahead, and files a killed or
        # dead worker held unread.
        self._extracted: deque[Any] = deque()
        self._ahead = ahead if self.method == "fork" and prepare is not None else None
        self._preparing: _Preparing | None = None
        self._ahead_worker: _Worker | None = None
        self._retired: list[_Worker] = []  # read-ahead worker asked to stop, to be joined
        self.started = 0  # worker processes started, replacements included
        self.read_ahead = 0  # files read by the read-ahead worker

    def submit(self, task: Any) -> None:
        self._backlog.append(task)
        self._dispatch()

    @property
    def full(self) -> bool:
        """True when every worker is busy and work is queued: poll before submitting more."""
        return len(self._backlog) >= self.jobs

    @property
    def pending(self) -> int:
        held = sum(len(w.tasks) for w in self._busy.values())
        return len(self._backlog) + len(self._extracted) + held

    def _dispatch(self) -> None:
        if self.started == 0 and self._ahead is not None and self._backlog:
            self._start_ahead()
        if self._preparing is not None:
            if not self._preparing.done():
                self._dispatch_ahead()
                return
            self._preparing.finish()
            self._preparing = None
            ahead = self._ahead_worker
            if ahead is not None and ahead.conn not in self._busy:  # idle: retire it now
                ahead.ask_to_stop()
                self._retired.append(ahead)
                self._ahead_worker = None
        while self._extracted or self._backlog:
            worker = self._free_worker()
            if worker is None:
                return
            queue = self._extracted if self._extracted else self._backlog
            task = queue.popleft()
            if not self._send(worker, task):
                queue.appendleft(task)

    def _free_worker(self) -> _Worker | None:
        """An idle worker, else a new one (up to `jobs`), else the real worker holding fewest
        files if it can take another; None when all hold `_IN_HAND`."""
        if self._idle:
            return self._idle.pop()
        # Workers that may be given more; a dead one, or one that has had its share of files,
        # finishes what it holds without counting towards `jobs`.
        busy = [w for w in self._busy.values() if w is not self._ahead_worker]
        taking = [w for w in busy if not w.broken and not w.tired]
        if len(taking) < self.jobs and len(busy) < 2 * self.jobs:
            return self._start()
        if not taking:
            return None
        worker = min(taking, key=lambda w: len(w.tasks))
        return worker if len(worker.tasks) < _IN_HAND else None

    def _requeue(self, worker: _Worker) -> None:
        """Give the files a killed or dead worker held but had not started to other workers."""
        while len(worker.tasks) > 1:
            self._extracted.appendleft(worker.tasks.pop())
        worker.tasks.clear()

    def _send(self, worker: _Worker, task: Any) -> bool:
        try:
            worker.conn.send(task)
        except OSError:  # it died: the caller gives the task to another worker
            if worker.tasks:  # what it was reading is reported when `poll` sees its pipe end
                worker.broken = True
            else:  # it died while idle: replaced by the next `_free_worker`
                worker.kill()
            return False
        worker.tasks.append(task)
        worker.given += 1
        if self.files_per_worker and worker.given >= self.files_per_worker:
            worker.tired = True
        if len(worker.tasks) == 1:
            worker.deadline = self._deadline()
        self._busy[worker.conn] = worker
        return True

    def _deadline(self) -> float:
        return time.monotonic() + self.timeout if self.timeout else float("inf")

    def _start(self) -> _Worker:
        self._reap()
        if self.started == 0 and self.method == "fork" and self._prepare is not None:
            self._prepare()  # built once here, inherited by every worker (and replacement)
        self.started += 1
        return _Worker(self._ctx, self.work, self.memory_limit, self.worker_growth)

    def _reap(self) -> None:
        """Forget the stopped workers that have exited (their pipes closed, no zombies)."""
        for worker in [w for w in self._retired if not w.process.is_alive()]:
            worker.process.join()
            worker.conn.close()
            self._retired.remove(worker)

    def _start_ahead(self) -> None:
        """Fork the read-ahead worker, then build the matcher in a thread (see the module
        docstring). The fork comes first: no thread may run while a process forks."""
        assert self._ahead is not None and self._prepare is not None
        if self._ahead.prepare is not None:
            self._ahead.prepare()  # ~0.1 s (the readers): inherited, not imported, by the worker
        self.started += 1
        self._ahead_worker = _Worker(self._ctx, self._ahead.run, self.memory_limit)
        self._preparing = _Preparing(self._prepare)

    def _dispatch_ahead(self) -> None:
        worker, ahead = self._ahead_worker, self._ahead
        if worker is None or ahead is None or worker.conn in self._busy:
            return
        while self._backlog:
            task = self._backlog.popleft()
            if not ahead.wanted(task):  # nothing to read ahead (a cache hit, say)
                self._extracted.append(task)
                continue
            if not self._send(worker, task):
                self._backlog.appendleft(task)
                self._ahead_worker = None  # it died: the real workers will do the rest
            return

    def poll(self) -> list[tuple[Any, Outcome]]:
        """Wait for at least one file to finish (or overrun) and return what finished."""
        if self._preparing is not None and not self._busy:
            self._preparing.wait()  # nothing to read ahead: wait for the matcher
            self._dispatch()
        if not self._busy:
            return []
        nearest = min(w.deadline for w in self._busy.values())
        if self._preparing is not None:  # wake up soon to fork the workers once it is built
            nearest = min(nearest, time.monotonic() + _PREPARE_POLL)
        ready = wait(list(self._busy), timeout=max(0.0, nearest - time.monotonic()))
        done = [self._receive(self._busy.pop(conn)) for conn in ready]  # type: ignore[call-overload]
        now = time.monotonic()
        for conn, worker in list(self._busy.items()):
            if worker.deadline <= now:
                del self._busy[conn]
                worker.kill()
                if worker is self._ahead_worker:
                    self._ahead_worker = None
                task = worker.tasks[0]
                self._requeue(worker)
                done.append((task, Outcome(Ending.TIMEOUT, self.timeout or 0)))
        self._dispatch()
        return [(task, outcome) for task, outcome in done if outcome is not None]

    def _receive(self, worker: _Worker) -> tuple[Any, Outcome | None]:
        """The outcome of the worker's first task; None for a task read ahead (queued for a
        real worker)."""
        task = worker.tasks[0]
        ahead = worker is self._ahead_worker
        try:
            ending, value, tired = worker.conn.recv()
        except Exception:  # noqa: BLE001 - EOF: the worker died (segfault, OOM kill, os._exit)
            worker.kill()
            if ahead:
                self._ahead_worker = None
            self._requeue(worker)
            return task, Outcome(Ending.CRASH)
        worker.tasks.popleft()
        worker.tired = worker.tired or tired
        outcome = Outcome(ending, value)
        if worker.tasks:  # it went on with the next one as it answered
            worker.deadline = self._deadline()
            self._busy[worker.conn] = worker
            return task, outcome
        if ahead:
            return task, self._read_ahead(worker, task, outcome)
        if worker.tired:  # a fresh one takes over
            worker.ask_to_stop()
            self._retired.append(worker)
        else:
            self._idle.append(worker)
        return task, outcome

    def _read_ahead(self, worker: _Worker, task: Any, outcome: Outcome) -> Outcome | None:
        """The read-ahead worker's outcome, or None when its answer goes on to a real worker."""
        if self._preparing is None:  # the real workers run now: retire it
            worker.ask_to_stop()
            self._retired.append(worker)
            self._ahead_worker = None
        assert self._ahead is not None
        follow = (self._ahead.then(task, outcome.value) if outcome.ending is Ending.RESULT
                  else None)
        if follow is None:
            return outcome
        self.read_ahead += 1
        self._extracted.append(follow)
        return None

    def close(self) -> None:
        if self._preparing is not None:
            self._preparing.stop()
            self._preparing = None
        ahead = self._ahead_worker
        if ahead is not None and ahead.conn not in self._busy:
            ahead.ask_to_stop()
            self._retired.append(ahead)
        self._ahead_worker = None
        for worker in self._idle:
            worker.ask_to_stop()
        for worker in self._idle + self._retired:
            worker.process.join(2)
            worker.kill()
        for worker in self._busy.values():
            worker.kill()
        self._idle.clear()
        self._retired.clear()
        self._busy.clear()
        self._backlog.clear()
        self._extracted.clear()


class _Preparing:
    """`prepare()` running in a thread, with a short GIL switch interval meanwhile so that the
    main thread answers the read-ahead worker promptly (the build holds the GIL)."""

    def __init__(self, prepare: Callable[[], None]):
        self._error: BaseException | None = None
        self._interval = sys.getswitchinterval()
        sys.setswitchinterval(0.0005)
        self._thread = threading.Thread(target=self._run, args=(prepare,), daemon=True)
        self._thread.start()

    def _run(self, prepare: Callable[[], None]) -> None:
        try:
            prepare()
        except BaseException as err:  # noqa: BLE001 - raised again in the main thread
            self._error = err

    def done(self) -> bool:
        return not self._thread.is_alive()

    def wait(self) -> None:
        self._thread.join()

    def stop(self) -> None:
        """Wait for it and restore the switch interval."""
        self._thread.join()
        sys.setswitchinterval(self._interval)

    def finish(self) -> None:
        """`stop`, then raise what it raised (a broken taxonomy, say) in this thread."""
        self.stop()
        if self._error is not None:
            raise self._error
