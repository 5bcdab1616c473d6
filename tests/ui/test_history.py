"""Back and forward over what the reader opened, and locations as saved keys."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from natoapp.ui.history import History, Location


def test_keys_round_trip():
    for location in (
        Location.entity("KW"),
        Location.document("003_cac1df43d34c3008"),
        Location.passage("003_cac1df43d34c3008:2"),
        Location.cell("KW", "fw:istanbul-cooperation-initiative"),
    ):
        assert Location.parse(location.key) == location
    assert Location.passage("003_cac1df43d34c3008:2").key == "passage:003_cac1df43d34c3008:2"


@given(st.text(max_size=40))
def test_any_saved_key_parses_or_is_refused(key):
    location = Location.parse(key)
    assert location is None or location.key == key


def test_unknown_keys_are_refused():
    for key in ("", "entity", "entity:", "entity:  ", "file:///etc/passwd", "javascript:x"):
        assert Location.parse(key) is None


def test_back_and_forward(qtbot):
    history = History()
    a, b, c = Location.entity("KW"), Location.entity("QA"), Location.document("d")
    assert history.current is None and not history.can_go_back()
    with qtbot.waitSignal(history.changed):
        history.visit(a)
    history.visit(b)
    history.visit(b)  # opening the page shown again adds nothing
    history.visit(c)
    assert history.back() == b
    assert history.back() == a
    assert history.back() is None
    assert history.forward() == b
    assert history.can_go_forward()
    history.visit(a)  # a new page drops what was ahead
    assert not history.can_go_forward()
    assert history.back() == b


def test_history_is_bounded():
    history = History(limit=3)
    for n in range(10):
        history.visit(Location.entity(f"e{n}"))
    assert history.back() == Location.entity("e8")
    assert history.back() == Location.entity("e7")
    assert history.back() is None


def test_query_and_mark_travel_with_the_location_not_the_key():
    hit = Location.passage("d:3", query="Koweït", mark="le Koweït")
    assert hit.key == "passage:d:3"
    assert hit != Location.passage("d:3")
