"""Run the parse stage over a batch of files: cached, in parallel, bounded, in a stable order.

    inputs = collect_inputs(["resumes/", "late.pdf"])
    with Cache() as cache:
        for profile in parse_all(inputs, settings, cache=cache):
            ...score it, then keep `drop_text(profile)`, not `profile`...

Where the work runs: `jobs=N` (N >= 1) in N worker processes (screener.run.pool: per-file deadline,
memory cap, survives a worker that dies), one worker for `jobs=1`, because a hostile file must
not hang or exhaust the recruiter's own process; `jobs=0` in this process, with no deadline and
no cap (for tests and callers that trust their files; also used for jobs=1 when neither a
timeout nor a memory cap is asked for); `scheduler="tcp://host:port"` on an existing Dask
cluster (screener.run.cluster).

Order: profiles are yielded in input order, whatever order they finish in, so reports are
byte-identical run to run. At most `window` finished profiles wait for a slow earlier file.

Memory: the generator keeps no profile once yielded, and holds at most about `window` of them.
A Profile carries its document's text; a caller that keeps every profile of a 10,000-file
batch must keep `drop_text(profile)` once it has used the text (scoring, similarity,
duplicates), or the texts add up.
"""

from __future__ import annotations

import gc
import hashlib
import os
from collections.abc import Callable, Iterator, Sequence
from typing import Any, Protocol

from screener.errors import ErrorCode, Reason
from screener.parse.profile import ParseSettings, parse_bytes, parse_document
from screener.records import Profile
from screener.run.cache import Cache, CacheKeys, cache_keys
from screener.run.inputs import InputFile, Inputs, collect_inputs, shown_path
from screener.run.pool import Ending, Outcome, ReadAhead, WorkerPool
from screener.run.serialize import from_rows
from screener.run.work import (
    ParseBytes,
    Parsed,
    ParseDocument,
    Task,
    Work,
    drop_text,
    error_profile,
    made_by_batch,
    read_file,
)
from screener.score.dupes import mark_duplicates

__all__ = ["Inputs", "collect_inputs", "drop_text", "mark_duplicates", "parse_all",
           "parse_derived"]

Progress = Callable[[int, int], None]  # (files done, files in the batch)
Derive = Callable[[Profile], Any]  # profile with its text -> plain JSON values
_MISSING = object()  # derived values not known yet


class Executor(Protocol):
    """Runs tasks and reports each one's outcome (screener.run.pool.Outcome), nothing more:
    `outcome_profile` makes the rows."""

    @property
    def full(self) -> bool: ...  # poll before submitting more
    @property
    def pending(self) -> int: ...  # tasks submitted and not yet returned by poll

    def submit(self, task: Task) -> None: ...
    def poll(self) -> list[tuple[Task, Outcome]]: ...
    def close(self) -> None: ...


def _ending_reason(outcome: Outcome) -> Reason:
    if outcome.ending is Ending.TIMEOUT:
        return ErrorCode.E_TIMEOUT.reason(seconds=outcome.value)
    if outcome.ending is Ending.MEMORY:
        return ErrorCode.E_MEMORY.reason()
    if outcome.ending is Ending.UNSENDABLE:
        return ErrorCode.E_UNEXPECTED.reason(error=outcome.value)
    return ErrorCode.E_CRASH.reason()


def outcome_profile(task: Task, outcome: Outcome) -> Profile | Parsed:
    """What the batch makes of a task's outcome: the work's answer, or the file's error row."""
    if outcome.ending is Ending.RESULT:
        return outcome.value
    return error_profile(task.path, _ending_reason(outcome))


class InlineExecutor:
    """jobs=0: run each task at once in this process (no deadline, no memory cap)."""

    def __init__(self, work: Callable[[Task], Profile | Parsed]):
        self.work = work
        self._done: list[tuple[Task, Outcome]] = []

    @property
    def full(self) -> bool:
        return bool(self._done)

    @property
    def pending(self) -> int:
        return len(self._done)

    def submit(self, task: Task) -> None:
        self._done.append((task, Outcome(Ending.RESULT, self.work(task))))
        # `screen` runs without the cyclic collector (screener.cli): collect what this file's
        # readers left in cycles, from the young generations only (see screener.run.pool).
        gc.collect(1)

    def poll(self) -> list[tuple[Task, Outcome]]:
        done, self._done = self._done, []
        return done

    def close(self) -> None:
        self._done.clear()


def default_jobs() -> int:
    return os.cpu_count() or 1


def _executor(work: Work, jobs: int, timeout: float | None, memory_limit: int | None,
              scheduler: str | None) -> Executor:
    if scheduler:
        from screener.run.cluster import DaskExecutor

        return DaskExecutor(work, scheduler, timeout=timeout)
    if jobs <= 0 or (jobs == 1 and not timeout and not memory_limit):
        return InlineExecutor(work)
    return WorkerPool(work, jobs, timeout=timeout, memory_limit=memory_limit,
                      prepare=work.prepare, ahead=read_ahead(work))


def read_ahead(work: Work) -> ReadAhead | None:
    """The extraction half of `work`, for the pool to run while the matcher is built."""
    if not work.can_extract_ahead:
        return None
    return ReadAhead(work.extract, then=work.after_extract, wanted=work.needs_reading,
                     prepare=work.prepare_extraction)


class _Planner:
    """Decides, per input file, whether the cache answers or a worker must read it."""

    def __init__(self, settings: ParseSettings, cache: Cache | None, keys: CacheKeys | None,
                 ship_bytes: bool, lean: bool = False):
        self.settings = settings
        self.lean = lean  # a hit may come without its text, with its derived values
        self.cache = cache if keys is not None else None
        self.keys = keys
        self.ship_bytes = ship_bytes
        self.cache_hits = 0

    def plan(self, index: int, file: InputFile) -> Task | Profile | tuple[Profile, Any]:
        if file.problem:
            return error_profile(file.path, file.problem)
        if self.cache is None and not self.ship_bytes:
            return Task(index, file.path)  # the worker reads the bytes: none go through pipes
        data: bytes | Profile | None = None
        sha = None
        st = None
        if self.cache is not None:
            try:
                st = os.stat(file.path)
            except OSError:
                return Task(index, file.path)  # the worker will say why it cannot read it
            sha = self.cache.known_sha256(file.path, st)
        if sha is None:
            data = read_file(file.path, self.settings.max_bytes)
            if isinstance(data, Profile):
                return data
            sha = hashlib.sha256(data).hexdigest()
            if self.cache is not None and st is not None:
                self.cache.remember_sha256(file.path, st, sha)
        if self.cache is not None and self.keys is not None:
            shown = shown_path(file.path)  # what the Document carries: reports print it
            if self.lean:
                lean = self.cache.get_lean(sha, self.keys, shown)
                if lean is not None and lean[1] is not None:
                    self.cache_hits += 1
                    return lean
            hit = self.cache.get_profile(sha, self.keys, shown)
            if hit is not None:
                self.cache_hits += 1
                return hit
            doc = self.cache.get_document(sha, self.keys, shown)
            if doc is not None:
                return Task(index, file.path, document=doc)
        if self.ship_bytes:
            data = data if data is not None else read_file(file.path, self.settings.max_bytes)
            if isinstance(data, Profile):
                return data
            return Task(index, file.path, data=data)
        return Task(index, file.path)


def parse_all(
    inputs: Inputs | Sequence[str],
    settings: ParseSettings,
    *,
    jobs: int | None = None,
    cache: Cache | None = None,
    timeout: float | None = 60.0,
    memory_mb: int | None = 2048,
    scheduler: str | None = None,
    progress: Progress | None = None,
    parse: ParseBytes = parse_bytes,
    parse_doc: ParseDocument = parse_document,
    window: int | None = None,
) -> Iterator[Profile]:
    """Yield one Profile per input file, in input order; never raises for a bad file.

    jobs: worker processes (default: all cores; 0 = this process, unguarded). timeout: seconds
    one file may take in a worker before it is killed and reported. memory_mb: MiB a worker may
    allocate beyond its start-up size (None: no cap). scheduler: a Dask scheduler address.
    progress: called with (done, total) as files finish. parse / parse_doc: the stage
    functions (for tests).
    """
    for profile, _ in _stream(inputs, settings, None, jobs=jobs, cache=cache, timeout=timeout,
                              memory_mb=memory_mb, scheduler=scheduler, progress=progress,
                              parse=parse, parse_doc=parse_doc, window=window):
        yield profile


def parse_derived(
    inputs: Inputs | Sequence[str], settings: ParseSettings, derive: Derive, **options: Any
) -> Iterator[tuple[Profile, Any]]:
    """Like `parse_all`, but yield (profile, derive(profile)) pairs, and let the cache keep
    what `derive` computed from the text: a cache hit then comes back from one small row,
    with the stored derived values. Profiles come without their text (document.text == ""):
    `derive` runs where the text is, in the worker that read the file. It must return plain
    JSON values, be importable by name (it is sent to the workers), and depend only on the
    profile (its code is part of the parse key: see screener.run.cache)."""
    yield from _stream(inputs, settings, derive, **options)


def _stream(
    inputs: Inputs | Sequence[str],
    settings: ParseSettings,
    derive: Derive | None,
    *,
    jobs: int | None = None,
    cache: Cache | None = None,
    timeout: float | None = 60.0,
    memory_mb: int | None = 2048,
    scheduler: str | None = None,
    progress: Progress | None = None,
    parse: ParseBytes = parse_bytes,
    parse_doc: ParseDocument = parse_document,
    window: int | None = None,
) -> Iterator[tuple[Profile, Any]]:
    if not isinstance(inputs, Inputs):
        inputs = collect_inputs(inputs)
    jobs = default_jobs() if jobs is None else jobs
    # The workers derive from the text and encode the cache's rows themselves: no text comes
    # back to this process.
    work = Work(settings, parse, parse_doc, derive=derive,
                cache_entry=cache is not None and cache.enabled)
    keys = (cache_keys(settings, parse=parse, parse_doc=parse_doc, derive=derive)
            if cache is not None and cache.enabled else None)
    planner = _Planner(settings, cache, keys, ship_bytes=bool(scheduler), lean=derive is not None)
    memory_limit = memory_mb * 1024 * 1024 if memory_mb else None
    # The pool starts its workers at the first task: a batch the cache answers starts none.
    executor = _executor(work, jobs, timeout, memory_limit, scheduler)
    window = window or max(64, 16 * max(jobs, 1))
    total = len(inputs.files)
    waiting: dict[int, tuple[Profile, Any]] = {}  # finished, waiting for an earlier file
    state = {"next": 0, "done": 0}

    def finish(index: int, result: Profile | Parsed, fresh: bool,
               derived: Any = _MISSING) -> None:
        store = fresh
        if isinstance(result, Parsed):
            profile = from_rows(Profile, result.rows)
            derived = result.derived
            store = False
            if (fresh and result.cache_entry is not None and cache is not None
                    and keys is not None and _cacheable(profile)):
                cache.put_entry(profile.document.sha256, keys, result.cache_entry)
        else:
            profile = result
        if derived is _MISSING:
            derived = derive(profile) if derive is not None else None
            store = fresh or (derive is not None and bool(profile.document.text))
        waiting[index] = (profile, derived)
        state["done"] += 1
        if store and cache is not None and keys is not None and _cacheable(profile):
            cache.put(profile, keys, derived)
        if progress is not None:
            progress(state["done"], total)

    def ready() -> Iterator[tuple[Profile, Any]]:
        while state["next"] in waiting:
            yield waiting.pop(state["next"])
            state["next"] += 1

    try:
        for index, file in enumerate(inputs.files):
            item = planner.plan(index, file)
            if isinstance(item, Profile):
                finish(index, item, fresh=False)
            elif isinstance(item, tuple):
                finish(index, item[0], fresh=False, derived=item[1])
            else:
                executor.submit(item)
            while executor.full or (len(waiting) > window and executor.pending):
                for task, outcome in executor.poll():
                    finish(task.index, outcome_profile(task, outcome), fresh=True)
            yield from ready()
        while executor.pending:
            for task, outcome in executor.poll():
                finish(task.index, outcome_profile(task, outcome), fresh=True)
            yield from ready()
    finally:
        executor.close()
        if cache is not None:
            cache.flush()


def _cacheable(profile: Profile) -> bool:
    # Rows made by batch itself (timeouts, crashes, reader exceptions, unreadable files) may
    # pass on another run, with other limits or once a dependency is installed: never cached.
    return bool(profile.document.sha256) and not made_by_batch(profile)
