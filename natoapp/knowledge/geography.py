"""Country shapes for the map: plain polygons keyed by ISO 3166-1 alpha-2 code.

The shapes are the simplified Natural Earth file shipped in ``resources/map/world.geojson``
(made by ``scripts/make_world_map.py``; never downloaded at run time). Coordinates are
longitude and latitude in degrees; :func:`equal_earth` projects them onto a plane for
drawing. Everything here is immutable, so one :class:`WorldMap` may be shared by threads.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from types import MappingProxyType
from typing import Any

from natoapp import paths

Point = tuple[float, float]
Ring = tuple[Point, ...]  # closed: the last point repeats the first
Polygon = tuple[Ring, ...]  # the outer ring first, then its holes
Projection = Callable[[float, float], Point]

WORLD_MAP_FILE = ("map", "world.geojson")

# Equal Earth's polynomial coefficients (Šavrič, Patterson and Jenny, 2018).
_A1, _A2, _A3, _A4 = 1.340264, -0.081106, 0.000893, 0.003796
_M = math.sqrt(3) / 2


class GeographyError(Exception):
    """The map file is missing or not a map: the message is one line naming the file."""


@dataclass(frozen=True, slots=True)
class CountryShape:
    """One country: its polygons, or for a state too small for them, a point (its capital)."""

    code: str  # ISO 3166-1 alpha-2, upper case
    name: str  # the map's English name, for a shape the knowledge layer does not know
    polygons: tuple[Polygon, ...] = ()
    point: Point | None = None


@dataclass(frozen=True, slots=True)
class WorldMap:
    """Every country of the map file, sorted by code."""

    countries: tuple[CountryShape, ...]
    source: str = ""
    _index: Mapping[str, CountryShape] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        index = MappingProxyType({c.code: c for c in self.countries})
        object.__setattr__(self, "_index", index)

    def get(self, code: str) -> CountryShape | None:
        """The country with ISO code ``code`` (any case), or None."""
        return self._index.get(code.upper())

    def codes(self) -> frozenset[str]:
        """The ISO codes of every country on the map."""
        return frozenset(self._index)


def world_map_path(resources: Path | None = None) -> Path:
    """Where the shipped map file is (under ``resources``, the app's by default)."""
    return (resources or paths.resources_dir()).joinpath(*WORLD_MAP_FILE)


def load_world(path: Path | None = None) -> WorldMap:
    """Read the map file at ``path`` (the shipped one by default).

    Raises :class:`GeographyError` with a one-line message when it cannot be read or is
    not a map of countries.
    """
    path = path or world_map_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise GeographyError(f"map file {path} is missing") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise GeographyError(f"cannot read map file {path}: {exc}") from None
    try:
        return parse_world(text)
    except GeographyError as exc:
        raise GeographyError(f"map file {path}: {exc}") from None


def parse_world(text: str) -> WorldMap:
    """The countries of a GeoJSON FeatureCollection whose features carry ``iso_a2``.

    Polygon, MultiPolygon and Point geometries are read; features sharing a code are
    merged. Raises :class:`GeographyError` (one line) for anything else.
    """
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise GeographyError(f"not JSON ({exc})") from None
    if not isinstance(data, dict) or not isinstance(data.get("features"), list):
        raise GeographyError("not a GeoJSON FeatureCollection")
    polygons: dict[str, list[Polygon]] = {}
    points: dict[str, Point] = {}
    names: dict[str, str] = {}
    for number, feature in enumerate(data["features"], start=1):
        code, name, geometry = _feature_parts(feature, number)
        names.setdefault(code, name)
        kind = geometry.get("type")
        coordinates: Any = geometry.get("coordinates")
        try:
            if kind == "Polygon":
                polygons.setdefault(code, []).append(_polygon(coordinates))
            elif kind == "MultiPolygon":
                polygons.setdefault(code, []).extend(_polygon(p) for p in coordinates)
            elif kind == "Point":
                points[code] = _point(coordinates)
            else:
                raise GeographyError(f"unsupported geometry {kind!r}")
        except (TypeError, ValueError, IndexError, GeographyError) as exc:
            raise GeographyError(f"feature {number} ({code}): bad coordinates ({exc})") from None
    countries = tuple(
        CountryShape(
            code=code,
            name=names[code],
            polygons=tuple(polygons.get(code, ())),
            point=None if code in polygons else points.get(code),
        )
        for code in sorted(names)
    )
    return WorldMap(countries, str(data.get("source", "")))


def _feature_parts(feature: Any, number: int) -> tuple[str, str, dict[str, Any]]:
    if not isinstance(feature, dict):
        raise GeographyError(f"feature {number} is not an object")
    properties = feature.get("properties")
    geometry = feature.get("geometry")
    code = properties.get("iso_a2") if isinstance(properties, dict) else None
    if not isinstance(code, str) or len(code) != 2 or not code.isalpha():
        raise GeographyError(f"feature {number} has no two-letter iso_a2 code")
    if not isinstance(geometry, dict):
        raise GeographyError(f"feature {number} ({code}) has no geometry")
    name = properties.get("name") if isinstance(properties, dict) else None
    return code.upper(), str(name or code.upper()), geometry


def _point(value: Any) -> Point:
    lon, lat = float(value[0]), float(value[1])
    if not (math.isfinite(lon) and math.isfinite(lat)) or abs(lon) > 180 or abs(lat) > 90:
        raise GeographyError(f"{value!r} is not a longitude and latitude")
    return lon, lat


def _polygon(value: Any) -> Polygon:
    rings = []
    for ring_value in value:
        ring = [_point(p) for p in ring_value]
        if len(ring) < 3:
            raise GeographyError("a ring has fewer than 3 points")
        if ring[0] != ring[-1]:
            ring.append(ring[0])
        rings.append(tuple(ring))
    if not rings:
        raise GeographyError("a polygon has no ring")
    return tuple(rings)


# --- projection and geometry -------------------------------------------------------------


def equal_earth(lon: float, lat: float) -> Point:
    """The Equal Earth projection of a longitude and latitude (degrees), on a unit sphere.

    Equal-area, so no country looks bigger than it is; x spans about ±2.71 and y
    about ±1.32, with y growing northwards.
    """
    lam, phi = math.radians(lon), math.radians(lat)
    theta = math.asin(_M * math.sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = lam * math.cos(theta) / (_M * (_A1 + 3 * _A2 * t2 + t6 * (7 * _A3 + 9 * _A4 * t2)))
    y = theta * (_A1 + _A2 * t2 + t6 * (_A3 + _A4 * t2))
    return x, y


def project_polygon(polygon: Polygon, projection: Projection = equal_earth) -> Polygon:
    """``polygon`` with every point projected."""
    return tuple(tuple(projection(lon, lat) for lon, lat in ring) for ring in polygon)


def bounds(points: Iterable[Point]) -> tuple[float, float, float, float]:
    """``(min_x, min_y, max_x, max_y)`` of some points; raises ValueError for none."""
    xs, ys = [], []
    for x, y in points:
        xs.append(x)
        ys.append(y)
    if not xs:
        raise ValueError("no points")
    return min(xs), min(ys), max(xs), max(ys)


def ring_area(ring: Ring) -> float:
    """The signed area of a closed ring (positive when counter-clockwise)."""
    return 0.5 * sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in pairwise(ring))


def contains(polygon: Polygon, point: Point) -> bool:
    """True when ``point`` is inside the outer ring and in none of the holes (even-odd)."""
    return sum(_inside_ring(ring, point) for ring in polygon) % 2 == 1


def _inside_ring(ring: Ring, point: Point) -> bool:
    x, y = point
    inside = False
    for (x0, y0), (x1, y1) in pairwise(ring):
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            inside = not inside
    return inside


def inner_point(polygon: Polygon) -> Point:
    """A point inside ``polygon``, near its middle: where a label or a click target goes.

    The centroid of the outer ring when it is inside (not in a hole); otherwise the
    middle of the widest inside stretch of the horizontal line through the centroid.
    """
    outer = polygon[0]
    area = ring_area(outer)
    if area == 0:
        return outer[0]
    cx = cy = 0.0
    for (x0, y0), (x1, y1) in pairwise(outer):
        cross = x0 * y1 - x1 * y0
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    centroid = (cx / (6 * area), cy / (6 * area))
    if contains(polygon, centroid):
        return centroid
    crossings = sorted(
        x0 + (centroid[1] - y0) * (x1 - x0) / (y1 - y0)
        for ring in polygon
        for (x0, y0), (x1, y1) in pairwise(ring)
        if (y0 > centroid[1]) != (y1 > centroid[1])
    )
    stretches = list(zip(crossings[::2], crossings[1::2], strict=False))
    if not stretches:
        return outer[0]
    left, right = max(stretches, key=lambda s: s[1] - s[0])
    return (left + right) / 2, centroid[1]


def largest_polygon(shape: CountryShape) -> Polygon | None:
    """The polygon of ``shape`` with the largest area (None for a point-only country)."""
    if not shape.polygons:
        return None
    return max(shape.polygons, key=lambda p: abs(ring_area(p[0])))
