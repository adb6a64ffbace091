"""Draw the region map's base (static/maps/region.svg) from the vendored Natural Earth outlines
(memberships/data/world-atlas/countries-50m.json, world-atlas's TopoJSON).

    python bin/build_basemap.py           # write static/maps/region.svg
    python bin/build_basemap.py --check   # exit 1 if the committed file differs

Run once (and again only if the region or the projection in memberships/maps.py changes); the
pages draw their markers over the committed file with the same projection. The TopoJSON is read
in plain Python: each arc's quantized, delta-encoded points are summed and scaled by the file's
transform, the arcs joined into rings; each ring is projected, clipped to the region (with a
margin, so no clipped edge is seen), simplified (Douglas-Peucker) and rounded.
tests/test_map.py runs the check.
"""

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from memberships import maps  # noqa: E402 (the repository's root is on the path just above)

TOPOJSON = ROOT / "memberships" / "data" / "world-atlas" / "countries-50m.json"
OUTPUT = ROOT / "static" / "maps" / "region.svg"
# Map units beyond each edge that outlines keep: clipped edges lie outside the picture.
MARGIN = 10.0
# Points closer than this (map units: the map is 1000 wide) to the line through their
# neighbours are dropped, and every point is rounded to one decimal.
TOLERANCE = 0.5
LAND, BORDER, SEA = "#e9e5dc", "#ffffff", "#d7e6ef"


def decoded_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Each arc as (longitude, latitude) points."""
    (scale_x, scale_y), (translate_x, translate_y) = (
        topology["transform"]["scale"],
        topology["transform"]["translate"],
    )
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale_x + translate_x, y * scale_y + translate_y))
        arcs.append(points)
    return arcs


def ring(indexes: list[int], arcs: list) -> list[tuple[float, float]]:
    """The points of a ring joined from its arcs (~i: arc i reversed); each arc after the first
    starts where the one before ended, so its first point is dropped."""
    points = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def polygons(geometry: dict) -> list[list[list[int]]]:
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["arcs"]
    return []


def clip(points: list, low: float, high: float, axis: int, keep_above: bool) -> list:
    """One edge of Sutherland-Hodgman: the part of a closed ring on one side of a line."""

    def inside(point):
        return point[axis] >= low if keep_above else point[axis] <= high

    edge = low if keep_above else high
    clipped = []
    for index, current in enumerate(points):
        previous = points[index - 1]
        if inside(current) != inside(previous):
            share = (edge - previous[axis]) / (current[axis] - previous[axis])
            other = 1 - axis
            crossing = [0.0, 0.0]
            crossing[axis] = edge
            crossing[other] = previous[other] + share * (current[other] - previous[other])
            clipped.append(tuple(crossing))
        if inside(current):
            clipped.append(current)
    return clipped


def clipped_to_frame(points: list) -> list:
    low_x, low_y = -MARGIN, -MARGIN
    high_x, high_y = maps.WIDTH + MARGIN, maps.HEIGHT + MARGIN
    for axis, low, high in ((0, low_x, high_x), (1, low_y, high_y)):
        points = clip(points, low, high, axis, keep_above=True)
        if points:
            points = clip(points, low, high, axis, keep_above=False)
    return points


def simplified(points: list) -> list:
    """Douglas-Peucker (without recursion) over an open run of points."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (ax, ay), (bx, by) = points[first], points[last]
        length = ((bx - ax) ** 2 + (by - ay) ** 2) ** 0.5
        farthest, distance = None, TOLERANCE
        for index in range(first + 1, last):
            px, py = points[index]
            if length:
                away = abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length
            else:
                away = ((px - ax) ** 2 + (py - ay) ** 2) ** 0.5
            if away > distance:
                farthest, distance = index, away
        if farthest is not None:
            keep[farthest] = True
            stack.extend([(first, farthest), (farthest, last)])
    return [point for point, kept in zip(points, keep, strict=True) if kept]


def number(value: float) -> str:
    text = f"{value:.1f}"
    text = text[:-2] if text.endswith(".0") else text
    return "0" if text == "-0" else text


def path_data(rings: list) -> str:
    parts = []
    for points in rings:
        rounded = []
        for x, y in points:
            point = (number(x), number(y))
            if not rounded or rounded[-1] != point:
                rounded.append(point)
        if len(rounded) >= 3:
            coordinates = " ".join(f"{x} {y}" for x, y in rounded)
            parts.append(f"M{coordinates}Z")
    return "".join(parts)


def country_rings(geometry: dict, arcs: list) -> list:
    """The rings of a country inside the frame, projected, clipped and simplified."""
    rings = []
    for polygon in polygons(geometry):
        for indexes in polygon:
            points = [maps.project(*point) for point in ring(indexes, arcs)]
            xs = [x for x, _y in points]
            ys = [y for _x, y in points]
            if max(xs) < -MARGIN or min(xs) > maps.WIDTH + MARGIN:
                continue
            if max(ys) < -MARGIN or min(ys) > maps.HEIGHT + MARGIN:
                continue
            points = clipped_to_frame(points)
            if len(points) >= 3:
                rings.append(simplified([*points, points[0]])[:-1])
    return rings


def build(topology: dict) -> str:
    """The base map's SVG text: the sea, then each country of the frame, in name order."""
    arcs = decoded_arcs(topology)
    countries = sorted(
        topology["objects"]["countries"]["geometries"],
        key=lambda geometry: geometry["properties"]["name"],
    )
    lines = [
        '<svg xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="0 0 {maps.WIDTH} {maps.HEIGHT}" width="{maps.WIDTH}" height="{maps.HEIGHT}">',
        "<!-- Drawn by bin/build_basemap.py from Natural Earth (public domain) via world-atlas"
        " 2.0.2 (ISC). -->",
        f'<rect width="{maps.WIDTH}" height="{maps.HEIGHT}" fill="{SEA}"/>',
        f'<g fill="{LAND}" stroke="{BORDER}" stroke-width="1" stroke-linejoin="round">',
    ]
    for geometry in countries:
        data = path_data(country_rings(geometry, arcs))
        if data:
            # The country's ISO 3166-1 numeric code (none for a few, e.g. Northern Cyprus).
            code = geometry.get("id") or ""
            lines.append(f'<path data-iso="{code}" d="{data}"/>')
    lines += ["</g>", "</svg>", ""]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="check only; write nothing")
    arguments = parser.parse_args()
    text = build(json.loads(TOPOJSON.read_text(encoding="utf-8")))
    if arguments.check:
        if OUTPUT.read_text(encoding="utf-8") != text:
            print(f"{OUTPUT} differs from what {TOPOJSON.name} gives", file=sys.stderr)
            return 1
        return 0
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
