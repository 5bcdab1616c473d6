"""The shipped country shapes and the geometry the map is drawn with."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pycountry
import pytest
from hypothesis import given
from hypothesis import strategies as st

from natoapp import paths
from natoapp.knowledge.geography import (
    GeographyError,
    WorldMap,
    bounds,
    contains,
    equal_earth,
    inner_point,
    largest_polygon,
    load_world,
    parse_world,
    ring_area,
    world_map_path,
)

# Countries the curated knowledge makes members of a framework: each must be drawable.
MEMBERS = {"DZ", "EG", "IL", "JO", "MA", "MR", "TN", "BH", "KW", "QA", "AE", "RU", "UA", "GE"}
MEMBERS |= {"AU", "JP", "KR", "NZ", "PK", "IQ", "AF", "MN"}


@pytest.fixture(scope="module")
def world() -> WorldMap:
    return load_world()


def test_shipped_map_is_small_and_attributed() -> None:
    path = world_map_path()
    assert path == paths.resources_dir() / "map" / "world.geojson"
    assert path.stat().st_size <= 300 * 1024
    attribution = (path.parent / "ATTRIBUTION.md").read_text(encoding="utf-8")
    assert "Natural Earth" in attribution and "public domain" in attribution
    assert "Natural Earth" in json.loads(path.read_text(encoding="utf-8"))["source"]


def test_every_country_is_keyed_by_an_iso_code(world: WorldMap) -> None:
    for shape in world.countries:
        assert shape.code == "XK" or pycountry.countries.get(alpha_2=shape.code), shape
    assert len(world.codes()) > 190
    assert "AQ" not in world.codes()  # Antarctica is left out


def test_codes_natural_earth_leaves_out_are_fixed(world: WorldMap) -> None:
    # Natural Earth marks France, Norway and Kosovo -99 in some versions.
    assert world.get("FR").name == "France"
    assert world.get("NO").name == "Norway"
    assert world.get("XK").name == "Kosovo"
    assert world.get("fr") is world.get("FR")


def test_every_member_country_can_be_drawn(world: WorldMap) -> None:
    for code in MEMBERS:
        shape = world.get(code)
        assert shape is not None, code
        assert shape.polygons or shape.point is not None, code
    # Bahrain has no shape at 1:110m: it is a point, at Manama.
    bahrain = world.get("BH")
    assert bahrain.polygons == () and bahrain.point is not None
    lon, lat = bahrain.point
    assert 50 < lon < 51 and 25.5 < lat < 27


def test_rings_are_closed_and_inside_the_globe(world: WorldMap) -> None:
    for shape in world.countries:
        for polygon in shape.polygons:
            for ring in polygon:
                assert len(ring) >= 4 and ring[0] == ring[-1], shape.code
                assert all(abs(lon) <= 180 and abs(lat) <= 90 for lon, lat in ring)


def test_a_known_city_falls_in_its_country(world: WorldMap) -> None:
    cities = {"FR": (2.35, 48.85), "KW": (47.98, 29.37), "RU": (37.62, 55.75), "JP": (139.7, 35.7)}
    for code, city in cities.items():
        assert any(contains(p, city) for p in world.get(code).polygons), code
    assert not any(contains(p, (2.35, 48.85)) for p in world.get("DE").polygons)


def test_missing_file_is_a_one_line_error(tmp_path: Path) -> None:
    with pytest.raises(GeographyError) as caught:
        load_world(tmp_path / "none.geojson")
    assert "missing" in str(caught.value) and "\n" not in str(caught.value)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("{", "not JSON"),
        ("[]", "FeatureCollection"),
        ('{"features": [{"properties": {}, "geometry": {}}]}', "iso_a2"),
        ('{"features": [{"properties": {"iso_a2": "FR"}}]}', "no geometry"),
        (
            '{"features": [{"properties": {"iso_a2": "FR"}, '
            '"geometry": {"type": "Point", "coordinates": [500, 0]}}]}',
            "bad coordinates",
        ),
        (
            '{"features": [{"properties": {"iso_a2": "FR"}, '
            '"geometry": {"type": "LineString", "coordinates": []}}]}',
            "unsupported geometry",
        ),
    ],
)
def test_bad_map_files_are_refused_with_a_reason(tmp_path: Path, text: str, words: str) -> None:
    path = tmp_path / "world.geojson"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(GeographyError) as caught:
        load_world(path)
    message = str(caught.value)
    assert words in message and str(path) in message and "\n" not in message


def test_features_sharing_a_code_are_merged_and_rings_closed() -> None:
    square = [[0, 0], [1, 0], [1, 1], [0, 1]]  # not closed: closed on reading
    collection = {
        "features": [
            {
                "properties": {"iso_a2": "cy"},
                "geometry": {"type": "Polygon", "coordinates": [square]},
            },
            {
                "properties": {"iso_a2": "CY", "name": "Cyprus"},
                "geometry": {"type": "MultiPolygon", "coordinates": [[square], [square]]},
            },
        ]
    }
    world = parse_world(json.dumps(collection))
    shape = world.get("CY")
    assert len(shape.polygons) == 3
    assert shape.polygons[0][0][0] == shape.polygons[0][0][-1]
    assert shape.name == "CY"  # the first feature's name (none given: the code)


def test_equal_earth_keeps_its_known_extent() -> None:
    assert equal_earth(0, 0) == (0.0, 0.0)
    x, _ = equal_earth(180, 0)
    _, y = equal_earth(0, 90)
    assert math.isclose(x, 2.7066, abs_tol=1e-3)
    assert math.isclose(y, 1.3173, abs_tol=1e-3)
    # Symmetric, and north is up.
    assert equal_earth(-30, -45) == pytest.approx(
        (-equal_earth(30, 45)[0], -equal_earth(30, 45)[1])
    )
    assert equal_earth(10, 50)[1] > equal_earth(10, 40)[1]


@given(
    st.floats(min_value=-180, max_value=180),
    st.floats(min_value=-90, max_value=90),
)
def test_equal_earth_stays_in_its_frame(lon: float, lat: float) -> None:
    x, y = equal_earth(lon, lat)
    assert abs(x) <= 2.7067 and abs(y) <= 1.3174


def test_inner_point_of_a_concave_polygon_is_inside() -> None:
    # A "C" shape: its centroid falls in the notch, outside the polygon.
    c_shape = ((0, 0), (4, 0), (4, 1), (1, 1), (1, 3), (4, 3), (4, 4), (0, 4), (0, 0))
    polygon = (tuple((float(x), float(y)) for x, y in c_shape),)
    point = inner_point(polygon)
    assert contains(polygon, point)


def test_holes_are_not_inside() -> None:
    outer = ((0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0), (0.0, 0.0))
    hole = ((4.0, 4.0), (6.0, 4.0), (6.0, 6.0), (4.0, 6.0), (4.0, 4.0))
    assert contains((outer,), (5.0, 5.0))
    assert not contains((outer, hole), (5.0, 5.0))
    assert contains((outer, hole), inner_point((outer, hole)))


def test_every_country_gets_a_point_inside_it(world: WorldMap) -> None:
    for shape in world.countries:
        polygon = largest_polygon(shape)
        if polygon is None:
            continue
        assert contains(polygon, inner_point(polygon)), shape.code


def test_small_helpers() -> None:
    square = ((0.0, 0.0), (2.0, 0.0), (2.0, 2.0), (0.0, 2.0), (0.0, 0.0))
    assert ring_area(square) == 4.0
    assert ring_area(tuple(reversed(square))) == -4.0
    assert bounds(square) == (0.0, 0.0, 2.0, 2.0)
    with pytest.raises(ValueError):
        bounds([])
