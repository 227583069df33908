"""Work split over forked processes: how many CPUs, whether fork is there, even slices, a map."""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import sys
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

R = TypeVar("R")


def available_cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # pragma: no cover
        return os.cpu_count() or 1


def can_fork() -> bool:
    """fork: workers start with this process's memory (cards, pages, vocabulary), nothing pickled in."""
    return sys.platform == "linux" and "fork" in multiprocessing.get_all_start_methods()


def slices(total: int, parts: int) -> list[tuple[int, int]]:
    """``[start, end)`` bounds of at most ``parts`` slices covering ``range(total)`` in order."""
    size = -(-total // parts)
    return [(start, min(start + size, total)) for start in range(0, total, size)]


@contextlib.contextmanager
def frozen_heap():
    """Fork (start the workers) inside this: their garbage collector leaves the inherited objects alone.

    A forked worker shares the parent's memory until one of them writes to it; a collection
    that walks every object writes to all of it and copies the whole heap. Frozen objects are
    not walked; the parent unfreezes its own at once (the workers keep theirs frozen).
    """
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


class FewerCollections:
    """Between :meth:`start` and :meth:`stop`, the garbage collector runs now and then, not after
    every 700 new objects.

    A build keeps tens of thousands of objects (cards, pages, files) and makes millions more;
    with the default thresholds the collector walked all of them again and again, 3 s of a
    10,000-card build in the main process. Objects are still freed as soon as nothing refers to
    them; only cycles wait a little longer. :meth:`stop` puts the thresholds back (a server
    builds again and again in one process).
    """

    THRESHOLDS = (100_000, 50, 100)

    def __init__(self) -> None:
        self._saved: tuple[int, int, int] | None = None

    def start(self) -> None:
        if self._saved is None:
            self._saved = gc.get_threshold()
            gc.set_threshold(*self.THRESHOLDS)

    def stop(self) -> None:
        if self._saved is not None:
            gc.set_threshold(*self._saved)
            self._saved = None


_job: tuple[Callable[[Sequence], object], Sequence] | None = None  # what forked workers inherit


class ForkedMap(Generic[R]):
    """``function`` over even slices of ``items``, in forked workers that start at once.

    The workers inherit ``function`` and ``items`` (nothing is pickled in, so ``function`` may be
    a closure over this process's objects); each slice's result is pickled back. With fewer than
    ``min_per_worker`` items a worker, or no fork on this system, nothing starts (:attr:`started`
    is false) and the caller does the work itself.
    """

    def __init__(self, function: Callable[[Sequence], R], items: Sequence, workers: int, min_per_worker: int) -> None:
        self._pool = self._pending = None
        workers = min(workers, len(items) // max(1, min_per_worker))
        if workers < 2 or not can_fork():
            return
        global _job
        _job = (function, items)
        try:
            with frozen_heap():
                self._pool = multiprocessing.get_context("fork").Pool(workers)
        finally:
            _job = None
        # Small slices: an even load.
        self._pending = self._pool.map_async(_run_slice, slices(len(items), workers * 4), chunksize=1)

    @property
    def started(self) -> bool:
        return self._pool is not None

    def results(self) -> list[R]:
        """Each slice's result, in the items' order (waits for the workers)."""
        if self._pending is None:
            return []
        try:
            return self._pending.get()
        finally:
            self.close()

    def close(self) -> None:
        """Stop the workers (also when the caller fails before :meth:`results`)."""
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None


def _run_slice(bounds: tuple[int, int]) -> object:
    assert _job is not None
    function, items = _job
    return function(items[bounds[0] : bounds[1]])
