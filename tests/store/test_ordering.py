from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from natoapp.store.ordering import MAX_PER_DATE, RowidAllocator

_DATES = [
    "2025-06-30",
    "2017-01-01T10:00",
    "2017-01-01",
    "2017-01",
    "2017",
    "2016-12-31T23:59",
    "2016-12-31",
    "1990-01-01",
]


def test_newer_dates_get_smaller_rowids_and_undated_come_last() -> None:
    rowids = RowidAllocator()
    firsts = {date: rowids.allocate(date, 3) for date in [None, "not a date", *reversed(_DATES)]}
    ordered = sorted(firsts, key=lambda d: firsts[d])
    # As the dates' text sorts, newest first: a year or a month alone after its days.
    assert ordered[: len(_DATES)] == _DATES
    assert set(ordered[len(_DATES) :]) == {None, "not a date"}


def test_one_dates_documents_keep_their_order_and_their_passages_are_consecutive() -> None:
    rowids = RowidAllocator()
    first = rowids.allocate("2004-06-29", 4)
    second = rowids.allocate("2004-06-29", 2)
    undated = rowids.allocate(None, 5)
    assert second == first + 4
    assert rowids.allocate(None, 1) == undated + 5
    # Two times of one day share the day's numbering.
    assert rowids.allocate("2004-06-29T10:00", 1) == rowids.allocate("2004-06-29T11:30", 1) - 1


def test_one_date_cannot_hold_more_than_its_slot() -> None:
    rowids = RowidAllocator()
    rowids.allocate("2004-06-29", MAX_PER_DATE)
    with pytest.raises(ValueError, match="2004-06-29"):
        rowids.allocate("2004-06-29", 1)
    rowids.allocate(None, MAX_PER_DATE * 4)  # undated passages have no limit
    assert rowids.allocate(None, 1) > 0


@given(st.lists(st.dates().map(str), min_size=2, max_size=20))
def test_rowids_sort_as_the_dates_text_in_reverse(dates: list[str]) -> None:
    rowids = RowidAllocator()
    firsts = [(rowids.allocate(date, 1), date) for date in dates]
    by_rowid = [date for _, date in sorted(firsts)]
    assert by_rowid == sorted(dates, reverse=True)
    assert all(rowid < 2**63 for rowid, _ in firsts)
