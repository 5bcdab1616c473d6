"""The order a built database numbers its passages in: newest document first.

A passage's rowid encodes its document's date above a running counter, so that
ascending rowids list the newest documents first, undated ones last, and each
document's passages in reading order. Whatever walks the full-text index in
rowid order (its cheapest order) then walks it newest first, which is what lets
a search with hundreds of thousands of hits rank only the newest of them
(:mod:`natoapp.store.search`) and list an entity's passages without sorting.

The user's own library numbers passages as they are imported instead; the
``meta`` table says which order a database uses (:data:`ROWID_ORDER_KEY`).
"""

from __future__ import annotations

import datetime
import re

ROWID_ORDER_KEY = "rowid_order"
NEWEST_FIRST = "newest-first"

# Passages of one date are numbered within its slot; the slot's width is kept small
# because the full-text index stores the gaps between rowids, which grow with it.
SLOT_BITS = 20
MAX_PER_DATE = 1 << SLOT_BITS

_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2})(T\d{2}:\d{2})?)?)?")
# Four slots a day, in the order the dates' text sorts in: "2017" < "2017-01" <
# "2017-01-01" < "2017-01-01T10:00" (a year alone and a month alone take the slots of
# their first day).
_SLOTS_PER_DAY = 4
_LAST_SLOT = datetime.date.max.toordinal() * _SLOTS_PER_DAY + _SLOTS_PER_DAY
# Undated documents come after every dated one, in one open-ended slot.
_UNDATED_SLOT = _LAST_SLOT + 1


def _date_slot(date: str | None) -> int | None:
    """A number growing with ``date`` as its text sorts, or None when it is not ISO."""
    if not date:
        return None
    match = _ISO.match(date)
    if match is None:
        return None
    year, month, day, time = match.groups()
    try:
        first = datetime.date(int(year), int(month or 1), int(day or 1)).toordinal()
    except ValueError:
        return None
    detail = 0 if month is None else 1 if day is None else 2 if time is None else 3
    return first * _SLOTS_PER_DAY + detail


class RowidAllocator:
    """Hands out the rowids of a database's passages, a document at a time.

    Newer dates get smaller rowids; the passages of one date keep the order they
    were allocated in, a document's passages consecutive.
    """

    def __init__(self) -> None:
        self._used: dict[int | None, int] = {}  # passages allocated per slot

    def allocate(self, date: str | None, passages: int) -> int:
        """The first of ``passages`` consecutive rowids for a document dated ``date``.

        Raises ValueError past :data:`MAX_PER_DATE` passages for one date
        (undated passages have no limit).
        """
        slot = _date_slot(date)
        first = self._used.get(slot, 0)
        self._used[slot] = first + passages
        if slot is None:
            return (_UNDATED_SLOT << SLOT_BITS) + first
        if first + passages > MAX_PER_DATE:
            raise ValueError(f"more than {MAX_PER_DATE} passages are dated {date}")
        return ((_LAST_SLOT - slot) << SLOT_BITS) | first
