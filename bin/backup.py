"""Back up the configured database (`make backup`).

    python bin/backup.py [--output FILE]

The database is the one the app uses (DATABASE_URL, or `.env`):

- PostgreSQL: `pg_dump --format=custom` into backups/otscoop-<UTC time>.pgdump;
- SQLite: `dumpdata` of every table (history and many-to-many tables included, ids kept,
  content types and permissions by natural key) into backups/otscoop-<UTC time>.json.gz.

The file appears only once complete (written under a temporary name, then renamed). The last
line printed is its path. Restore it with bin/restore.py (`make restore FILE=...`).
"""

import argparse
import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import _dbtools


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--output",
        "-o",
        type=Path,
        help="the backup file (default: backups/otscoop-<UTC time>.pgdump or .json.gz)",
    )
    args = parser.parse_args(argv)

    _dbtools.setup_django()
    connection = _dbtools.default_connection()
    settings_dict = connection.settings_dict
    vendor = connection.vendor
    if vendor not in ("postgresql", "sqlite"):
        sys.exit(f"error: cannot back up a {vendor} database (PostgreSQL or SQLite only).")
    suffix = ".pgdump" if vendor == "postgresql" else ".json.gz"
    output = args.output or _dbtools.ROOT / "backups" / f"otscoop-{_dbtools.utc_stamp()}{suffix}"
    if not output.name.endswith(suffix):
        sys.exit(f"error: a {vendor} backup file name must end with {suffix}: {output}")
    output = output.resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    # Same folder, so the final rename is atomic; same suffix, so dumpdata compresses it.
    partial = output.with_name(f".partial-{os.getpid()}-{output.name}")

    print(f"Backing up the {_dbtools.describe(settings_dict)}", file=sys.stderr)
    try:
        if vendor == "postgresql":
            backup_postgresql(settings_dict, partial)
        else:
            backup_sqlite(connection, partial)
        partial.replace(output)
    finally:
        partial.unlink(missing_ok=True)
    print(f"Backup written ({output.stat().st_size:,} bytes):", file=sys.stderr)
    print(output)
    return 0


def backup_postgresql(settings_dict, partial: Path):
    pg_dump = _dbtools.require_tool("pg_dump")
    env = _dbtools.pg_env(settings_dict)
    # One consistent snapshot of the whole database, whatever the app writes meanwhile.
    command = [pg_dump, "--format=custom", "--no-password", f"--file={partial}"]
    result = subprocess.run([*command, settings_dict["NAME"]], env=env)
    if result.returncode:
        sys.exit(f"error: pg_dump failed (exit {result.returncode}); no backup written.")
    # Check that the archive reads back (its table of contents).
    listing = subprocess.run(
        [_dbtools.require_tool("pg_restore"), "--list", str(partial)],
        capture_output=True,
        text=True,
    )
    if listing.returncode:
        sys.exit(f"error: the archive does not read back: {listing.stderr.strip()}")
    tables = sum(" TABLE DATA " in line for line in listing.stdout.splitlines())
    print(f"  {tables} tables", file=sys.stderr)


def backup_sqlite(connection, partial: Path):
    from django.core.management import call_command
    from django.db import transaction

    labels = [model._meta.label for model in _dbtools.backup_models()]
    # One read transaction: every table as of the same moment.
    with transaction.atomic():
        call_command(
            "dumpdata",
            *labels,
            format="json",  # _dbtools' exact JSON (full-precision times, raw translated columns)
            use_natural_foreign_keys=True,
            use_base_manager=True,
            output=str(partial),
            verbosity=0,
        )
    # Check that the file reads back.
    with gzip.open(partial, "rt", encoding="utf-8") as stream:
        rows = json.load(stream)
    tables = len({row["model"] for row in rows})
    print(f"  {len(rows)} rows of {tables} tables ({len(labels)} tables in all)", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
