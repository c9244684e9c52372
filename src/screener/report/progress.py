"""A one-line progress display on stderr for long batches: files done, rate, time left.

Silent when the stream is not a terminal (CI logs, pipes) or when asked to be quiet, so
redirected output stays clean. Use the returned callable as `parse_all(progress=...)`.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO


def _clock(seconds: float) -> str:
    seconds = int(seconds + 0.5)
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


class ProgressLine:
    """Callable as progress(done, total); redraws at most every `every` seconds."""

    def __init__(self, stream: TextIO, *, every: float = 0.2, min_files: int = 20,
                 clock: Callable[[], float] = time.monotonic):
        self.stream = stream
        self.min_files = min_files  # short batches finish before a line is worth drawing
        self.every = every
        self.clock = clock
        self.started = clock()
        self._drawn = float("-inf")
        self._width = 0

    def line(self, done: int, total: int) -> str:
        elapsed = self.clock() - self.started
        rate = done / elapsed if elapsed > 0 else 0.0
        text = f"reading resumes: {done}/{total} files"
        if rate > 0:
            text += f", {rate:.1f}/s"
            if done < total:
                text += f", {_clock((total - done) / rate)} left"
        return text

    def __call__(self, done: int, total: int) -> None:
        if total < self.min_files:
            return
        now = self.clock()
        if done < total and now - self._drawn < self.every:
            return
        self._drawn = now
        text = self.line(done, total)
        pad = " " * max(0, self._width - len(text))  # rub out the end of a longer line
        self._width = len(text)
        self.stream.write("\r" + text + pad + ("\n" if done >= total else ""))
        self.stream.flush()


def progress_callback(*, quiet: bool = False, stream: TextIO | None = None,
                      min_files: int = 20) -> ProgressLine | None:
    """A progress callable for `parse_all`, or None when nothing should be drawn."""
    stream = stream if stream is not None else sys.stderr
    if quiet or not (hasattr(stream, "isatty") and stream.isatty()):
        return None
    return ProgressLine(stream, min_files=min_files)
