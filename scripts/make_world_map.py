#!/usr/bin/env python3
"""Builds resources/map/world.geojson, the country shapes of the map, from Natural Earth.

Usage: python3 scripts/make_world_map.py [--shapefile FILE.shp] [--cities FILE.shp]
                                         [--tolerance DEGREES] [--out FILE]

Run by hand when the shapes are to be made again; the application only reads the result.
Needs ``pyshp`` (``pip install pyshp``). Without ``--shapefile``, the Natural Earth
1:110m Admin 0 countries and populated places are taken from the ``naturalearth_lowres``
and ``naturalearth_cities`` datasets inside the geopandas 0.14.4 wheel on PyPI (downloaded
with ``pip download --no-deps``, never installed). A full ``ne_110m_admin_0_countries.shp``
may be given instead: its ISO_A2 column is used when it holds a code.

What it does:

- keys every country by its ISO 3166-1 alpha-2 code: ISO_A2, else ISO_A3 or ADM0_A3
  through pycountry, else a short table of the cases Natural Earth marks -99 or keys with
  codes of its own (France and Norway in some versions, Kosovo, Northern Cyprus, Somaliland);
  a country it cannot key stops the script with its name, so a new version gets a decision;
- leaves out Antarctica, which takes a fifth of a world map and is no country;
- simplifies every ring (Douglas-Peucker), rounds coordinates to 0.01 degree, and drops
  rings that vanish (a country always keeps at least its largest polygon);
- adds a point, the capital from the populated places, for each state too small to have a
  shape at this scale (Bahrain, Malta, Singapore...), so that it can still be shown;
- writes one feature per line: properties ``iso_a2`` and ``name`` (Natural Earth's English
  name), geometry Polygon, MultiPolygon or Point, longitude/latitude in degrees.
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Iterable, Sequence
from itertools import pairwise
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "map" / "world.geojson"
GEOPANDAS_WHEEL = "geopandas==0.14.4"
DATASETS = "geopandas/datasets/"
DEFAULT_TOLERANCE = 0.08  # degrees: invisible at the scale of a world map on a screen
DIGITS = 2

Point = tuple[float, float]
Ring = list[Point]
Polygon = list[Ring]

# Natural Earth's own codes, or names, for what ISO 3166 does not list as a country of its
# own. Kosovo gets XK, the code the European Commission and many others use for it; the
# Turkish Republic of Northern Cyprus and Somaliland are drawn as part of the ISO country.
CODE_FIXES = {"CYN": "CY", "SOL": "SO", "KOS": "XK", "KOSOVO": "XK"}
NAME_FIXES = {
    "France": "FR",
    "Norway": "NO",
    "Kosovo": "XK",
    "N. Cyprus": "CY",
    "Northern Cyprus": "CY",
    "Somaliland": "SO",
}
# The shape of the ISO country keeps its own name when parts are merged into it.
NAME_OF_MERGED = {"CY": "Cyprus", "SO": "Somalia"}
LEFT_OUT = {"AQ"}  # Antarctica

# States with no shape at 1:110m, and the name of their capital in the populated places.
CAPITALS = {
    "AD": "Andorra",
    "AG": "Saint John's",
    "BB": "Bridgetown",
    "BH": "Manama",
    "CV": "Praia",
    "DM": "Roseau",
    "FM": "Palikir",
    "GD": "Saint George's",
    "HK": "Hong Kong",
    "KI": "Tarawa",
    "KM": "Moroni",
    "KN": "Basseterre",
    "LC": "Castries",
    "LI": "Vaduz",
    "MC": "Monaco",
    "MH": "Majuro",
    "MT": "Valletta",
    "MU": "Port Louis",
    "MV": "Malé",
    "PW": "Melekeok",
    "SC": "Victoria",
    "SG": "Singapore",
    "SM": "San Marino",
    "ST": "São Tomé",
    "TO": "Nuku'alofa",
    "TV": "Funafuti",
    "VA": "Vatican City",
    "VC": "Kingstown",
    "WS": "Apia",
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shapefile", type=Path, help="Natural Earth admin 0 countries .shp")
    parser.add_argument("--cities", type=Path, help="Natural Earth populated places .shp")
    parser.add_argument("--tolerance", type=float, default=DEFAULT_TOLERANCE)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    try:
        import shapefile  # noqa: F401  (pyshp)
    except ImportError:
        sys.exit("make_world_map: needs pyshp (pip install pyshp)")

    with tempfile.TemporaryDirectory(prefix="natoapp-map-") as scratch:
        countries_shp, cities_shp, source = args.shapefile, args.cities, "given shapefiles"
        if countries_shp is None:
            countries_shp, cities_shp, source = fetch_geopandas_datasets(Path(scratch))
        features = read_countries(countries_shp)
        capitals = read_cities(cities_shp) if cities_shp is not None else {}
    collection = build_collection(features, capitals, args.tolerance, source)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(dump(collection), encoding="utf-8")
    size = args.out.stat().st_size
    shapes = sum(1 for f in collection["features"] if f["geometry"]["type"] != "Point")
    points = len(collection["features"]) - shapes
    print(f"make_world_map: wrote {args.out} ({size // 1024} KB, {shapes} shapes, {points} points)")
    return 0


def fetch_geopandas_datasets(scratch: Path) -> tuple[Path, Path, str]:
    """Download the geopandas wheel and extract its two Natural Earth datasets."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--no-deps",
            "-q",
            "-d",
            str(scratch),
            GEOPANDAS_WHEEL,
        ],
        check=True,
    )
    wheel = next(scratch.glob("geopandas-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        for name in archive.namelist():
            if name.startswith(DATASETS + "naturalearth_"):
                archive.extract(name, scratch)
    folder = scratch / DATASETS
    countries = folder / "naturalearth_lowres" / "naturalearth_lowres.shp"
    cities = folder / "naturalearth_cities" / "naturalearth_cities.shp"
    source = f"naturalearth_lowres and naturalearth_cities of the {wheel.name} wheel"
    return countries, cities, source


def read_countries(path: Path) -> list[tuple[str, str, list[Polygon]]]:
    """``(code, name, polygons)`` for every record of an admin 0 shapefile."""
    import shapefile

    reader = shapefile.Reader(str(path))
    found: list[tuple[str, str, list[Polygon]]] = []
    unknown: list[str] = []
    for shape_record in reader.iterShapeRecords():
        record = {key.upper(): value for key, value in shape_record.record.as_dict().items()}
        name = str(record.get("NAME") or record.get("ADMIN") or "")
        code = country_code(record)
        if code is None:
            unknown.append(name or "?")
            continue
        geometry = shape_record.shape.__geo_interface__
        polygons = geometry["coordinates"]
        if geometry["type"] == "Polygon":
            polygons = [polygons]
        found.append((code, name, [[list(map(tuple, ring)) for ring in p] for p in polygons]))
    if unknown:
        sys.exit(f"make_world_map: no ISO code for {', '.join(unknown)}; add them to NAME_FIXES")
    return found


def country_code(record: dict[str, Any]) -> str | None:
    """The ISO 3166-1 alpha-2 code of a Natural Earth record, or None."""
    import pycountry

    a2 = str(record.get("ISO_A2", "")).strip().upper()
    if a2 in {"XK"} or (len(a2) == 2 and pycountry.countries.get(alpha_2=a2) is not None):
        return a2
    for key in ("ISO_A3", "ADM0_A3"):
        a3 = str(record.get(key, "")).strip().upper()
        if a3 in CODE_FIXES:
            return CODE_FIXES[a3]
        country = pycountry.countries.get(alpha_3=a3) if len(a3) == 3 else None
        if country is not None:
            return str(country.alpha_2)
    return NAME_FIXES.get(str(record.get("NAME", "")).strip())


def read_cities(path: Path) -> dict[str, Point]:
    """Capital name -> (longitude, latitude) for the capitals listed in CAPITALS."""
    import shapefile

    wanted = set(CAPITALS.values())
    found: dict[str, Point] = {}
    for shape_record in shapefile.Reader(str(path)).iterShapeRecords():
        record = {key.upper(): value for key, value in shape_record.record.as_dict().items()}
        name = str(record.get("NAME", ""))
        if name in wanted:
            lon, lat = shape_record.shape.points[0][:2]
            found[name] = (float(lon), float(lat))
    missing = sorted(wanted - found.keys())
    if missing:
        sys.exit(f"make_world_map: capitals not in the populated places: {', '.join(missing)}")
    return found


def build_collection(
    countries: Iterable[tuple[str, str, list[Polygon]]],
    capitals: dict[str, Point],
    tolerance: float,
    source: str,
) -> dict[str, Any]:
    """The GeoJSON FeatureCollection: merged, simplified, rounded, sorted by code."""
    merged: dict[str, tuple[str, list[Polygon]]] = {}
    for code, name, polygons in countries:
        if code in LEFT_OUT:
            continue
        if code in merged:
            merged[code] = (NAME_OF_MERGED.get(code, merged[code][0]), merged[code][1] + polygons)
        else:
            merged[code] = (NAME_OF_MERGED.get(code, name), polygons)
    features = []
    for code, (name, polygons) in sorted(merged.items()):
        simplified = simplify_country(polygons, tolerance)
        geometry: dict[str, Any] = (
            {"type": "Polygon", "coordinates": simplified[0]}
            if len(simplified) == 1
            else {"type": "MultiPolygon", "coordinates": simplified}
        )
        features.append(_feature(code, name, geometry))
    import pycountry

    for code, capital in sorted(CAPITALS.items()):
        if code in merged or capital not in capitals:
            continue
        lon, lat = capitals[capital]
        name = pycountry.countries.get(alpha_2=code).name
        point = [round(lon, DIGITS), round(lat, DIGITS)]
        features.append(_feature(code, name, {"type": "Point", "coordinates": point}))
    features.sort(key=lambda f: f["properties"]["iso_a2"])
    return {
        "type": "FeatureCollection",
        "source": (
            f"Natural Earth 1:110m Admin 0 countries and populated places (public domain), from "
            f"{source}; simplified (Douglas-Peucker, {tolerance} degree), "
            f"rounded to {10**-DIGITS} degree. Made by scripts/make_world_map.py."
        ),
        "features": features,
    }


def _feature(code: str, name: str, geometry: dict[str, Any]) -> dict[str, Any]:
    return {"type": "Feature", "properties": {"iso_a2": code, "name": name}, "geometry": geometry}


def simplify_country(polygons: list[Polygon], tolerance: float) -> list[list[list[list[float]]]]:
    """Each polygon's rings simplified and rounded; vanished rings and polygons dropped."""
    kept = []
    for polygon in polygons:
        rings = [simplify_ring(ring, tolerance) for ring in polygon]
        if rings[0] is None:
            continue  # the outer ring vanished: the polygon is smaller than the tolerance
        kept.append([ring for ring in rings if ring is not None])
    if not kept:
        # Never lose a country: keep its largest polygon's outline, only rounded.
        largest = max(polygons, key=lambda p: abs(ring_area(p[0])))
        outline = _rounded(largest[0])
        kept.append([outline if len(outline) >= 4 else _rounded(largest[0], digits=4)])
    return [[[[x, y] for x, y in ring] for ring in polygon] for polygon in kept]


def simplify_ring(ring: Sequence[Point], tolerance: float) -> list[Point] | None:
    """A closed ring simplified and rounded, or None when fewer than 3 corners are left."""
    points = list(ring)
    if points[0] != points[-1]:
        points.append(points[0])
    # A closed ring's ends coincide, so split it at its farthest point from the start.
    far = max(range(len(points)), key=lambda i: _distance(points[0], points[i]))
    half = douglas_peucker(points[: far + 1], tolerance)
    other = douglas_peucker(points[far:], tolerance)
    rounded = _rounded(half[:-1] + other)
    return rounded if len(rounded) >= 4 else None


def douglas_peucker(points: Sequence[Point], tolerance: float) -> list[Point]:
    """The Douglas-Peucker simplification of an open polyline (iterative, keeps both ends)."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        farthest, distance = 0, 0.0
        for i in range(first + 1, last):
            d = _segment_distance(points[i], points[first], points[last])
            if d > distance:
                farthest, distance = i, d
        if distance > tolerance:
            keep[farthest] = True
            stack += [(first, farthest), (farthest, last)]
    return [p for p, k in zip(points, keep, strict=True) if k]


def _rounded(points: Iterable[Point], digits: int = DIGITS) -> list[Point]:
    out: list[Point] = []
    for x, y in points:
        point = (round(x, digits), round(y, digits))
        if not out or out[-1] != point:
            out.append(point)
    if out and out[0] != out[-1]:
        out.append(out[0])
    return out


def _distance(a: Point, b: Point) -> float:
    return math.hypot(a[0] - b[0], a[1] - b[1])


def _segment_distance(p: Point, a: Point, b: Point) -> float:
    dx, dy = b[0] - a[0], b[1] - a[1]
    length2 = dx * dx + dy * dy
    if length2 == 0:
        return _distance(p, a)
    t = max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2))
    return _distance(p, (a[0] + t * dx, a[1] + t * dy))


def ring_area(ring: Sequence[Point]) -> float:
    """The signed area of a ring (shoelace formula), in square degrees."""
    closed = [*ring, ring[0]]
    return 0.5 * sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in pairwise(closed))


def dump(collection: dict[str, Any]) -> str:
    """The collection as JSON with one feature per line, so that a change reads as a diff."""
    head = {key: value for key, value in collection.items() if key != "features"}
    lines = [
        json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in collection["features"]
    ]
    opening = json.dumps(head, ensure_ascii=False)[:-1] + ', "features": [\n'
    return opening + ",\n".join(lines) + "\n]}\n"


if __name__ == "__main__":
    sys.exit(main())
