"""One unit of batch work: read one file and parse it, in whatever process runs it.

`Work` is the picklable callable a worker process (or a Dask worker) runs for each `Task`. It
never raises for a bad file: anything that goes wrong becomes a Profile whose Document has
status "error", an error code (screener.errors.ErrorCode) and a one-line reason that ends with
what to do.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from screener.errors import MADE_BY_BATCH, ErrorCode, Reason
from screener.parse.profile import ParseSettings, extract_document, parse_bytes, parse_document
from screener.records import Document, Profile
from screener.run.inputs import not_regular_problem, shown_path

ParseBytes = Callable[[str, bytes, ParseSettings], Profile]
ParseDocument = Callable[[Document, ParseSettings], Profile]


@dataclass(frozen=True)
class Task:
    index: int  # position in the batch: results are put back in this order
    path: str
    document: Document | None = None  # already extracted (cache hit): parse only
    data: bytes | None = None  # the file's bytes, shipped when the worker has no shared disk


def error_profile(path: str, reason: Reason, sha256: str = "") -> Profile:
    """A row for a file that could not be read: it still appears in every report."""
    return Profile(document=Document(path=shown_path(path), sha256=sha256, status="error",
                                     error=reason.message, error_code=reason.code.value))


def made_by_batch(profile: Profile) -> bool:
    """Whether the row's reason depends on this run (limits, deadlines, the environment), not
    only on the file's bytes: such rows are never cached (screener.errors.MADE_BY_BATCH)."""
    doc = profile.document
    return doc.status == "error" and doc.error_code in MADE_BY_BATCH


def _mb(n: int) -> str:
    # MiB, which is what file managers show as MB; small limits (tests) keep 3 digits
    mib = n / 1024**2
    return (f"{mib:,.1f}".removesuffix(".0") if mib >= 1 else f"{mib:.3g}") + " MB"


def too_big_reason(size: int, max_bytes: int) -> Reason:
    return ErrorCode.E_TOO_LARGE.reason(size=_mb(size), limit=_mb(max_bytes))


def read_file(path: str, max_bytes: int) -> bytes | Profile:
    """The file's bytes, or an error row saying why they cannot be had.

    The size is checked before reading, so a 5 GB file costs a stat, not 5 GB of memory; the
    read itself stops one byte past the limit, for files that grow or lie about their size.
    Opened non-blocking and checked after opening: a file swapped for a named pipe or a device
    gives an error row, never a wait.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with open(fd, "rb") as fp:
            st = os.fstat(fp.fileno())
            if not stat.S_ISREG(st.st_mode):
                return error_profile(path, not_regular_problem(st.st_mode))
            size = st.st_size
            if size > max_bytes:
                return error_profile(path, too_big_reason(size, max_bytes))
            data = fp.read(max_bytes + 1)
    except PermissionError:
        return error_profile(path, ErrorCode.E_PERMISSION.reason())
    except FileNotFoundError:
        return error_profile(path, ErrorCode.E_DISAPPEARED.reason())
    except OSError as err:
        return error_profile(path, ErrorCode.E_OS_ERROR.reason(reason=err.strerror or err))
    if len(data) > max_bytes:
        return error_profile(path, too_big_reason(len(data), max_bytes))
    return data


@dataclass(frozen=True)
class Parsed:
    """A worker's answer when the batch also wants values derived from the text (see
    `Work.derive`): the profile as rows (screener.run.serialize), which pickle and rebuild for
    about half the cost of the records themselves, and the derived values."""

    rows: list  # the profile without its text
    derived: Any
    cache_entry: tuple[bytes, bytes] | None  # screener.run.cache.cache_entry, when a cache is used


def _with_sha(profile: Profile, sha: str) -> Profile:
    doc = profile.document
    if doc.sha256 != sha and doc.sha256 != "":
        # The cache and duplicate finder key on the bytes actually read here.
        profile = dataclasses.replace(profile, document=dataclasses.replace(doc, sha256=sha))
    return profile


def drop_text(profile: Profile) -> Profile:
    """The same profile without its document text: keep this once the text has been used."""
    if not profile.document.text and not profile.document.hidden_text:
        return profile
    return dataclasses.replace(
        profile, document=dataclasses.replace(profile.document, text="", hidden_text=""))


@dataclass(frozen=True)
class Work:
    """Read and parse one task. Pickled once per worker process, not once per file.

    With `derive`, the worker also computes derive(profile) from the text and answers with a
    `Parsed`, without the text; with `cache_entry` too, it also makes what the cache stores.
    """

    settings: ParseSettings
    parse: ParseBytes = parse_bytes
    parse_document: ParseDocument = parse_document
    derive: Callable[[Profile], Any] | None = None
    cache_entry: bool = False

    def prepare(self) -> None:
        """Build what every file needs (the taxonomy and skill matcher, ~0.5 s) in this process,
        so that workers forked from it inherit it instead of each building its own."""
        if self.parse is parse_bytes or self.parse_document is parse_document:
            from screener.parse.profile import prepare

            prepare(self.settings)

    def prepare_extraction(self) -> None:
        """Import the readers in this process (see `extract`), for a worker forked from it."""
        if self.can_extract_ahead:
            from screener.parse.profile import prepare_extraction

            prepare_extraction()

    def __call__(self, task: Task) -> Profile | Parsed:
        profile = self._profile(task)
        if self.derive is None:
            return profile
        from screener.run.serialize import to_rows

        derived = self.derive(profile)
        entry = None
        if self.cache_entry and profile.document.sha256 and not made_by_batch(profile):
            from screener.run.cache import cache_entry

            entry = cache_entry(profile, derived)
        return Parsed(to_rows(drop_text(profile)), derived, entry)

    def _profile(self, task: Task) -> Profile:
        if task.document is not None:
            return self._guard(task.path, "", lambda: self.parse_document(task.document,
                                                                          self.settings))
        read = self._read(task)
        if isinstance(read, Profile):
            return read
        data, sha = read
        # The Document carries the path as reports show it; task.path keeps the bytes to open.
        profile = self._guard(task.path, sha, lambda: self.parse(shown_path(task.path), data,
                                                                 self.settings))
        return _with_sha(profile, sha)

    def _read(self, task: Task) -> tuple[bytes, str] | Profile:
        """The task's bytes (shipped or read here) and their SHA-256, or the error row."""
        data = task.data if task.data is not None else read_file(task.path,
                                                                 self.settings.max_bytes)
        if isinstance(data, Profile):
            return data
        return data, hashlib.sha256(data).hexdigest()

    @property
    def can_extract_ahead(self) -> bool:
        """Whether `extract` does the first half of what __call__ does (the real stages)."""
        return self.parse is parse_bytes and self.parse_document is parse_document

    def extract(self, task: Task) -> Document | Profile:
        """Only the extraction half of __call__, which needs no skill matcher: a worker started
        before the matcher is built can do it meanwhile (screener.run.pool). The Document is then
        parsed as Task(document=...), which gives what __call__ would have; a file that cannot
        be read gives its error row, as __call__ would."""
        read = self._read(task)
        if isinstance(read, Profile):
            return read
        data, sha = read
        profile = self._guard(task.path, sha, lambda: Profile(
            document=extract_document(shown_path(task.path), data, self.settings)))
        if made_by_batch(profile):  # the guard caught an exception: that is the answer
            return profile
        return _with_sha(profile, sha).document

    @staticmethod
    def needs_reading(task: Task) -> bool:
        """Whether `extract` has anything to do for the task (not when the cache had its
        document)."""
        return task.document is None

    @staticmethod
    def after_extract(task: Task, answer: Document | Profile) -> Task | None:
        """The task that parses what `extract` answered; None when the answer is the row."""
        if isinstance(answer, Document):
            return Task(task.index, task.path, document=answer)
        return None

    @staticmethod
    def _guard(path: str, sha: str, run: Callable[[], Profile]) -> Profile:
        try:
            return run()
        except MemoryError:
            reason = ErrorCode.E_MEMORY.reason()
        except RecursionError:
            reason = ErrorCode.E_NESTED.reason()
        except Exception as err:  # noqa: BLE001 - a reader bug must cost one row, not the batch
            reason = ErrorCode.E_UNEXPECTED.reason(error=type(err).__name__)
        return error_profile(path, reason, sha)
