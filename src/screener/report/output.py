"""Report files: each written whole or not at all, and never over an input or another report.

A report is written to a temporary file beside its path and renamed over it once complete, so a
full disk or a killed run leaves the previous report (or none), never half of one. Paths that
are not regular files (`/dev/stdout`, a named pipe) are written in place: they cannot be renamed
over, and a reader waits on them. Symbolic links are followed, so the file they point at is
replaced, as a plain `open` would write it.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Callable, Iterable, Mapping
from typing import TextIO

from screener.errors import ScreenerError


class ReportError(ScreenerError, OSError):
    """One report could not be written; the message names it and says what to do."""


_FIX = {
    errno.ENOSPC: "free some disk space, or write it to another disk",
    errno.EDQUOT: "free some disk space, or write it to another disk",
    errno.EACCES: "choose a folder you can write to",
    errno.EPERM: "choose a folder you can write to",
    errno.EROFS: "the disk is read-only; choose another folder",
    errno.ENOENT: "check the folder exists",
    errno.ENOTDIR: "check the folder exists",
    errno.EISDIR: "give a file name, not a folder",
}


def write_report(path: str, write: Callable[[TextIO], None], *, encoding: str = "utf-8",
                 private: bool = False) -> None:
    """Call `write(fp)` on a text stream (newline="") and put what it wrote at `path`;
    `private` files (the blind key, which unblinds every candidate) are readable by their
    owner only.

    Raises ReportError, with `path` left as it was, when the file cannot be written.
    """
    target = os.path.realpath(path)
    try:
        special = os.path.exists(target) and not stat.S_ISREG(os.stat(target).st_mode)
    except OSError:
        special = False
    try:
        if special:
            with open(target, "w", encoding=encoding, newline="") as fp:
                write(fp)
        else:
            _replace(target, write, encoding, 0o600 if private else None)
    except OSError as exc:
        fix = _FIX.get(exc.errno or 0, "check the disk and the folder, or choose another path")
        reason = exc.strerror or type(exc).__name__
        raise ReportError(f"{path}: the report could not be written ({reason}); {fix}") from exc


def _replace(target: str, write: Callable[[TextIO], None], encoding: str,
             mode: int | None) -> None:
    folder, name = os.path.split(target)
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder or ".")
    try:
        with open(fd, "w", encoding=encoding, newline="") as fp:
            write(fp)
            fp.flush()
            os.fsync(fp.fileno())  # a full disk shows here, not after the rename
        os.chmod(tmp, _mode(target) if mode is None else mode)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _mode(target: str) -> int:
    """The existing file's permissions, else what `open` would give a new file (mkstemp's
    0600 would hide a shared report from its readers)."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def clashes(inputs: Iterable[str], outputs: Mapping[str, str | None]) -> str | None:
    """Why these output paths cannot be used, or None: two options naming one file, or an
    output that is one of the input files (or inside an input folder: it would be read)."""
    seen: dict[str, str] = {}
    for option, path in outputs.items():
        if path is None:
            continue
        key = os.path.realpath(path)
        if key in seen:
            return (f"{seen[key]} and {option} both name {path}; each report needs a file "
                    "of its own")
        seen[key] = option
    for src in inputs:
        real = os.path.realpath(src)
        for key, option in seen.items():
            inside = os.path.isdir(real) and key.startswith(real.rstrip(os.sep) + os.sep)
            if key == real or (inside and os.path.lexists(key)):
                return (f"{option} {outputs[option]} is an input file ({src}); writing the "
                        "report would overwrite it: choose another path")
    return None


def unwritable(outputs: Mapping[str, str | None]) -> str | None:
    """Why a report could not be written where these options say, or None: checked before a
    batch, so a missing folder costs a second, not the whole batch. A failure left for the
    write itself (a full disk) still costs only its own report (write_report)."""
    for option, path in outputs.items():
        if path is None:
            continue
        target = os.path.realpath(path)  # (a folder given is refused as a usage error)
        if os.path.exists(target) and not stat.S_ISREG(os.stat(target).st_mode):
            if not os.access(target, os.W_OK):  # written in place (/dev/stdout, a pipe)
                return f"{option} {path}: cannot write to it; choose another path"
            continue
        folder = os.path.dirname(target)
        if not os.path.isdir(folder):
            shown = os.path.dirname(path) or "."
            return (f"{option} {path}: the folder {shown} does not exist; create it or choose "
                    "another path")
        if not os.access(folder, os.W_OK | os.X_OK):  # the report is written beside its path
            shown = os.path.dirname(path) or "."
            return f"{option} {path}: cannot write in {shown}; choose a folder you can write to"
    return None
