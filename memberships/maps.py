"""The region map: the part of the world the OTS works in, how a latitude and longitude become a
point of the map, and the markers of counted records (meetings by place, missions by country).

One projection serves both the committed base map (static/maps/region.svg, drawn once from
Natural Earth's outlines by bin/build_basemap.py) and the markers the pages draw over it, so a
city lands where its country is drawn. Plain Python: the script runs it without Django.
"""

import math
from dataclasses import dataclass

# The region drawn, in degrees: from Hungary to the east of Kazakhstan, from Cyprus to the north
# of Kazakhstan. Every place of the member and observer states (memberships/data/places.csv)
# lies inside; a place outside (New York) is listed beside the map but not drawn.
WEST, EAST, SOUTH, NORTH = 15.0, 88.0, 34.0, 56.0
# The map's width in its own units (the SVG's viewBox); its height follows from the projection.
WIDTH = 1000
# Equirectangular, true to scale along the region's middle parallel: simple, and at these
# latitudes no country looks stretched.
MIDDLE_PARALLEL = math.radians((SOUTH + NORTH) / 2)
UNITS_PER_DEGREE_EAST = WIDTH / (EAST - WEST)
UNITS_PER_DEGREE_NORTH = UNITS_PER_DEGREE_EAST / math.cos(MIDDLE_PARALLEL)
HEIGHT = math.ceil((NORTH - SOUTH) * UNITS_PER_DEGREE_NORTH)

# A marker's radius in map units: the largest count gets the largest circle, and a circle's
# area grows with its count (a square-root scale); the smallest stays big enough to see.
LARGEST_RADIUS = 30.0
SMALLEST_RADIUS = 5.0


def project(longitude: float, latitude: float) -> tuple[float, float]:
    """The point (x to the east, y to the south, in map units) of a longitude and latitude."""
    return (
        (longitude - WEST) * UNITS_PER_DEGREE_EAST,
        (NORTH - latitude) * UNITS_PER_DEGREE_NORTH,
    )


def in_region(longitude: float, latitude: float) -> bool:
    return WEST <= longitude <= EAST and SOUTH <= latitude <= NORTH


@dataclass(frozen=True)
class Marker:
    """A counted record (a place, a state) on the map: drawn at `x`, `y` when it has
    coordinates inside the region (`drawn`), always listed beside the map."""

    record: object
    count: int
    url: str
    x: float | None = None
    y: float | None = None
    radius: float = 0.0

    @property
    def drawn(self) -> bool:
        return self.x is not None


def radius_of(count: int, largest: int) -> float:
    return max(SMALLEST_RADIUS, LARGEST_RADIUS * math.sqrt(count / largest))


def marker(record, count: int, url: str, largest: int, longitude=None, latitude=None) -> Marker:
    if longitude is None or latitude is None or not in_region(longitude, latitude):
        return Marker(record, count, url)
    x, y = project(longitude, latitude)
    return Marker(record, count, url, round(x, 1), round(y, 1), round(radius_of(count, largest), 1))


@dataclass(frozen=True)
class RegionMap:
    """The markers of one map, the largest count first (the order they are drawn in, so that a
    small circle is never hidden under a large one, and the order of the list beside)."""

    markers: list
    width: int = WIDTH
    height: int = HEIGHT

    @property
    def drawn(self) -> list:
        return [marker for marker in self.markers if marker.drawn]

    @property
    def not_drawn(self) -> list:
        return [marker for marker in self.markers if not marker.drawn]

    @property
    def view_box(self) -> str:
        return f"0 0 {self.width} {self.height}"


def region_map(entries) -> RegionMap:
    """A map of `entries`: (record, count, url, longitude, latitude), the coordinates None where
    unknown; ordered by count (largest first), then by the record's name."""
    entries = list(entries)
    largest = max((count for _record, count, *_rest in entries), default=1)
    markers = [
        marker(record, count, url, largest, longitude, latitude)
        for record, count, url, longitude, latitude in entries
    ]
    markers.sort(key=lambda found: (-found.count, str(found.record).casefold()))
    return RegionMap(markers)
