"""Write the XLSX sample of each CSV sample in docs/import-samples/ (the admin's spreadsheet
import, see the README's "Bringing in data from spreadsheets").

    python bin/import_samples.py

The CSV files are the samples' source (rows of the demo data, as the admin exports them); each
XLSX file holds the same rows, a whole number as a number cell, as a spreadsheet program would
(a year written in a date column, too). tests/test_spreadsheet_samples.py checks that both
forms of each sample agree and import cleanly.
"""

import csv
import sys
from pathlib import Path

from openpyxl import Workbook

SAMPLES = Path(__file__).resolve().parent.parent / "docs" / "import-samples"


def cell(text: str):
    return int(text) if text.isdigit() and not text.startswith("0") else text


def write_xlsx(csv_path: Path) -> Path:
    with csv_path.open(encoding="utf-8", newline="") as file:
        rows = list(csv.reader(file))
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = csv_path.stem
    sheet.append(rows[0])
    for row in rows[1:]:
        sheet.append([cell(text) if text else None for text in row])
    xlsx_path = csv_path.with_suffix(".xlsx")
    workbook.save(xlsx_path)
    return xlsx_path


def main() -> int:
    for csv_path in sorted(SAMPLES.glob("*.csv")):
        print(write_xlsx(csv_path).relative_to(SAMPLES.parent.parent))
    return 0


if __name__ == "__main__":
    sys.exit(main())
