"""What the map reads from the library: frameworks in order, members, colours, citations."""

from __future__ import annotations

from natoapp.store.library import Library
from natoapp.ui.map_model import FRAMEWORK_PALETTE, load_map_data, palette_colour


def test_map_data_reads_memberships_from_the_library(library: Library) -> None:
    data = load_map_data(library)
    ids = [f.id for f in data.frameworks]
    assert ids.index("euro-atlantic-partnership-council") < ids.index("specific-partner-structures")
    for framework in data.frameworks:
        expected = sorted({r.subject for r in library.members(framework.id)})
        assert list(framework.members) == expected
    assert data.frameworks_of("KW") == ("istanbul-cooperation-initiative",)
    assert data.countries["SA"].other_relations[0].kind == "intends_to_join"
    assert all(ref.endswith(".txt") for ref in data.references.values())


def test_only_frameworks_with_members_use_a_colour(library: Library) -> None:
    data = load_map_data(library)
    coloured = [f for f in data.frameworks if f.colour is not None]
    assert all(f.members for f in coloured)
    assert all(f.colour is None for f in data.frameworks if not f.members)
    assert [f.colour for f in coloured] == [palette_colour(i) for i in range(len(coloured))]


def test_palette_never_runs_out_of_distinct_colours() -> None:
    colours = [palette_colour(i) for i in range(40)]
    assert colours[: len(FRAMEWORK_PALETTE)] == list(FRAMEWORK_PALETTE)
    assert len(set(colours)) == 40
    assert all(len(c) == 7 and c.startswith("#") for c in colours)
