"""Turn the PATH arguments of `screener screen` into an ordered list of input files.

Folders are walked recursively in sorted order; hidden names are skipped and counted. A file
that cannot be opened (broken link, symlink loop, permission denied) is kept as an input with a
`problem`, so it becomes an error row and every file still appears in every report. So does
anything in a folder that is not a regular file (a named pipe, a device), and a link that leads
out of the paths given: a resume folder must not be a way to read system files into a report.

A file name need not be UTF-8 (a zip made on Windows): the path is kept as Python decodes it
(surrogate escapes, so opening it gives the real bytes back) and `shown_path` is what reports
print, with U+FFFD for each byte that is not UTF-8.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass

from screener.errors import ErrorCode, InputError, Reason


def shown_path(path: str) -> str:
    """The path as reports and the terminal show it: bytes that are not UTF-8 become U+FFFD."""
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        pass
    try:
        raw = os.fsencode(path)
    except UnicodeEncodeError:  # a lone surrogate that no file system name decodes to
        raw = path.encode("utf-8", "surrogatepass")
    return raw.decode("utf-8", "replace")


# Files that desktop software leaves in folders; never resumes. Skipped like hidden files.
_JUNK_NAMES = frozenset({"thumbs.db", "desktop.ini"})


@dataclass(frozen=True)
class InputFile:
    path: str  # as given, or as found: os.path.join(folder as given, name, ...); opens it
    problem: Reason | None = None  # why it cannot be read; None when it looks readable


@dataclass(frozen=True)
class Inputs:
    files: tuple[InputFile, ...]
    hidden: int = 0  # dot-names, Office lock files (~$...) and junk files skipped in folders

    def __len__(self) -> int:
        return len(self.files)

    @property
    def paths(self) -> list[str]:
        return [f.path for f in self.files]


def _skipped(name: str) -> bool:
    return name.startswith((".", "~$")) or name.lower() in _JUNK_NAMES


def _link_problem(path: str, err: OSError) -> Reason:
    if err.errno == errno.ELOOP:
        return ErrorCode.E_SYMLINK_LOOP.reason()
    if err.errno in (errno.EACCES, errno.EPERM):
        return ErrorCode.E_PERMISSION.reason()
    if os.path.islink(path):
        return ErrorCode.E_BROKEN_LINK.reason()
    return ErrorCode.E_CANNOT_OPEN.reason(reason=os.strerror(err.errno or 0))


_KINDS = ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"),
          (stat.S_ISSOCK, "a socket"))


def not_regular_problem(mode: int) -> Reason:
    """The reason for a row that is not a regular file (a pipe or device cannot be a resume)."""
    kind = next((name for test, name in _KINDS if test(mode)), "something else")
    return ErrorCode.E_NOT_REGULAR.reason(kind=kind)


def _inside(target: str, roots: list[str]) -> bool:
    return any(target == root or target.startswith(root.rstrip(os.sep) + os.sep)
               for root in roots)


class _Walker:
    """Depth-first walk that follows each real folder once, so symlink loops end."""

    def __init__(self) -> None:
        self.files: list[InputFile] = []
        self.hidden = 0
        self._seen_dirs: set[tuple[int, int]] = set()
        self._open_dirs: list[tuple[int, int]] = []  # the folders being walked: a loop's targets
        self.roots: list[str] = []  # real paths of the paths given: links may lead inside them

    def add(self, path: str, *, top: bool) -> None:
        try:
            st = os.stat(path)  # follows symlinks
        except OSError as err:
            if top and not os.path.lexists(path):
                raise InputError(f"no such file or folder: {shown_path(path)}; "
                                 "check the path") from err
            self.files.append(InputFile(path, _link_problem(path, err)))
            return
        if not top and os.path.islink(path) and not _inside(os.path.realpath(path), self.roots):
            self.files.append(InputFile(path, ErrorCode.E_OUTSIDE_LINK.reason()))
        elif stat.S_ISDIR(st.st_mode):
            self._walk_dir(path, st)
        elif stat.S_ISREG(st.st_mode):
            readable = os.access(path, os.R_OK)
            problem = None if readable else _link_problem(path, PermissionError(errno.EACCES, ""))
            self.files.append(InputFile(path, problem))
        else:
            # A fifo or device, named or found in a folder: a row that says why, not a hang.
            self.files.append(InputFile(path, not_regular_problem(st.st_mode)))

    def _walk_dir(self, path: str, st: os.stat_result) -> None:
        key = (st.st_dev, st.st_ino)
        if key in self._open_dirs:
            self.files.append(InputFile(path, _link_problem(path, OSError(errno.ELOOP, ""))))
            return
        if key in self._seen_dirs:
            return  # reached again through another link: its files are listed once already
        self._seen_dirs.add(key)
        try:
            with os.scandir(path) as it:
                names = sorted(entry.name for entry in it)
        except OSError as err:
            self.files.append(InputFile(path, _folder_problem(err)))
            return
        self._open_dirs.append(key)
        for name in names:
            if _skipped(name):
                self.hidden += 1
                continue
            self.add(os.path.join(path, name), top=False)
        self._open_dirs.pop()


def _folder_problem(err: OSError) -> Reason:
    reason = os.strerror(err.errno) if err.errno else str(err)
    return ErrorCode.E_FOLDER_UNREADABLE.reason(reason=reason.lower())


def collect_inputs(paths: Sequence[str]) -> Inputs:
    """Files named or found under `paths`, in argument order then sorted folder order.

    Raises InputError for a path that does not exist, or when there is no file at all.
    """
    if isinstance(paths, (str, bytes)):
        paths = [os.fsdecode(paths)]
    given = [os.fsdecode(path) for path in paths]
    walker = _Walker()
    walker.roots = [os.path.realpath(path) for path in given]
    for path in given:
        walker.add(path, top=True)
    if not walker.files:
        shown = ", ".join(shown_path(p) for p in given) or "(nothing)"
        raise InputError(
            f"no resume files found in: {shown}; "
            "give PDF, DOCX or TXT files or folders holding them"
        )
    return Inputs(files=tuple(walker.files), hidden=walker.hidden)
