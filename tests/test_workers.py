"""Work split over forked processes (core.workers)."""

from __future__ import annotations

import gc
import multiprocessing

from buurtkaart_build.core.workers import FewerCollections, ForkedMap, slices


def test_slices_cover_every_item_once_in_order():
    for total in (1, 7, 250, 1_001):
        for parts in (1, 3, 8):
            made = slices(total, parts)
            assert [i for start, end in made for i in range(start, end)] == list(range(total))
            assert len(made) <= parts


def test_a_forked_map_runs_a_closure_over_slices_in_order():
    offset = 1_000  # a closure over this process's objects: inherited, not pickled
    mapped = ForkedMap(lambda part: [offset + i for i in part], list(range(100)), workers=2, min_per_worker=10)
    assert mapped.started
    assert [x for part in mapped.results() for x in part] == [1_000 + i for i in range(100)]
    assert multiprocessing.active_children() == []  # the workers are gone


def test_too_few_items_start_no_worker():
    mapped = ForkedMap(lambda part: part, list(range(10)), workers=2, min_per_worker=10)
    assert not mapped.started and mapped.results() == []
    mapped = ForkedMap(lambda part: part, list(range(100)), workers=1, min_per_worker=10)
    assert not mapped.started


def test_closing_stops_the_workers():
    mapped = ForkedMap(lambda part: part, list(range(100)), workers=2, min_per_worker=10)
    assert mapped.started
    mapped.close()
    assert multiprocessing.active_children() == []


def test_fewer_collections_while_started_and_the_thresholds_back_after():
    before = gc.get_threshold()
    collections = FewerCollections()
    collections.stop()  # not started: nothing to put back
    assert gc.get_threshold() == before
    collections.start()
    collections.start()  # twice: the first saved thresholds stay saved
    assert gc.get_threshold() == FewerCollections.THRESHOLDS
    collections.stop()
    assert gc.get_threshold() == before
