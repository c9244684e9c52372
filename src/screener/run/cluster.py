"""Run the parse stage on an existing Dask distributed cluster.

The file bytes travel with each task, so workers need no shared disk, only screener installed.
At most about one task per worker thread is in flight, so a file's deadline is close to its own
running time. Dask cannot stop a running task: an overdue file is reported as timed out and its
future cancelled, but the worker thread finishes it in the background.
"""

from __future__ import annotations

import queue
import time
from typing import Any

from screener.errors import ConfigError
from screener.run.pool import Ending, Outcome
from screener.run.work import Task, Work


def _client(address: str) -> Any:
    try:
        from distributed import Client
    except ImportError as err:
        raise ConfigError(
            f"--scheduler {address} needs Dask, which is not installed; "
            "install screener[dask] (pip install 'screener[dask]')"
        ) from err
    try:
        return Client(address, timeout="10s", set_as_default=False)
    except (OSError, TimeoutError) as err:
        raise ConfigError(
            f"cannot reach the Dask scheduler at {address} ({err}); "
            "check the address and that the scheduler is running"
        ) from err


class DaskExecutor:
    def __init__(self, work: Work, address: str, *, timeout: float | None):
        self.work = work
        self.address = address
        self.timeout = timeout
        self._client: Any = None
        self._futures: dict[Any, tuple[Task, float]] = {}
        self._finished: queue.Queue[Any] = queue.Queue()  # fed by the client's callback thread
        self._window = 1

    def _connect(self) -> Any:
        if self._client is None:  # lazily: a fully cached batch never connects
            self._client = _client(self.address)
            threads = sum(self._client.nthreads().values())
            self._window = max(1, threads)
        return self._client

    @property
    def full(self) -> bool:
        return len(self._futures) >= self._window

    @property
    def pending(self) -> int:
        return len(self._futures)

    def submit(self, task: Task) -> None:
        future = self._connect().submit(self.work, task, pure=False)
        future.add_done_callback(self._finished.put)
        deadline = time.monotonic() + self.timeout if self.timeout else float("inf")
        self._futures[future] = (task, deadline)

    def poll(self) -> list[tuple[Task, Outcome]]:
        if not self._futures:
            return []
        nearest = min(deadline for _, deadline in self._futures.values())
        finished = []
        try:
            wait = min(max(0.0, nearest - time.monotonic()), 3600.0)
            finished.append(self._finished.get(timeout=wait))
            while True:
                finished.append(self._finished.get_nowait())
        except queue.Empty:
            pass
        done = []
        for future in finished:
            if future in self._futures:  # not already reported as overdue
                task, _ = self._futures.pop(future)
                done.append((task, self._outcome(future)))
        now = time.monotonic()
        for future, (task, deadline) in list(self._futures.items()):
            if deadline <= now:
                del self._futures[future]
                future.cancel()
                done.append((task, Outcome(Ending.TIMEOUT, self.timeout or 0)))
        return done

    @staticmethod
    def _outcome(future: Any) -> Outcome:
        try:
            return Outcome(Ending.RESULT, future.result())
        except MemoryError:  # raised by the task on its worker, sent back
            return Outcome(Ending.MEMORY)
        except Exception:  # noqa: BLE001 - the worker died or the task was lost
            return Outcome(Ending.CRASH)

    def close(self) -> None:
        for future in self._futures:
            future.cancel()
        self._futures.clear()
        if self._client is not None:
            self._client.close()
            self._client = None
