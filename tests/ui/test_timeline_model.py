"""Reading the stored dates onto the time axis."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from natoapp.ui.timeline_model import parse_span


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        ("2004-06-29", date(2004, 6, 29), date(2004, 6, 29), "day"),
        ("2010-11", date(2010, 11, 1), date(2010, 11, 30), "month"),
        ("2012-02", date(2012, 2, 1), date(2012, 2, 29), "month"),
        ("2011", date(2011, 1, 1), date(2011, 12, 31), "year"),
        ("2017-12-05/2017-12-06", date(2017, 12, 5), date(2017, 12, 6), "day"),
        ("2012-06-04T17:06", date(2012, 6, 4), date(2012, 6, 4), "day"),
        ("2010/2011-03", date(2010, 1, 1), date(2011, 3, 31), "year"),
    ],
)
def test_stored_dates_become_spans(text: str, start: date, end: date, precision: str) -> None:
    span = parse_span(text)
    assert span is not None
    assert (span.start, span.end, span.precision, span.text) == (start, end, precision, text)
    assert span.is_day == (start == end)


@pytest.mark.parametrize(
    "text",
    [
        None,
        "",
        "n.d.",
        "2004-13",
        "2004-02-30",
        "0000",
        "2017-12-06/2017-12-05",
        "1/2/3",
        "29 juin",
    ],
)
def test_what_is_not_a_date_is_not_placed(text: str | None) -> None:
    assert parse_span(text) is None


@given(st.text(max_size=40))
def test_any_text_gives_a_span_or_none(text: str) -> None:
    span = parse_span(text)
    assert span is None or span.start <= span.end
