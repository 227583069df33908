"""Work split over forked processes: how many CPUs, whether fork is there, even slices."""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import sys


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
