"""Restore a backup made by bin/backup.py into the configured database (`make restore FILE=...`).

    python bin/restore.py FILE [--yes]

The target is the database the app uses (DATABASE_URL, or `.env`); it must exist (PostgreSQL:
`createdb` it first; SQLite: a new file is created and migrated). Its data is replaced by the
backup's, in one transaction: if anything fails, it is left as it was.

- PostgreSQL (.pgdump): `pg_restore --clean --if-exists --no-owner --single-transaction`.
- SQLite (.json.gz): `migrate`, then the rows of every backed-up table are replaced with
  `loaddata`.

When the target already holds records (content or users), nothing happens without --yes (or
FORCE=1 in the environment): the script says what it would replace and stops. Stop the app
(or at least its writes) while restoring.
"""

import argparse
import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import _dbtools

REFUSED = 2


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("file", type=Path, help="a .pgdump or .json.gz file from bin/backup.py")
    parser.add_argument(
        "--yes",
        "-y",
        action="store_true",
        default=os.environ.get("FORCE", "") not in ("", "0"),
        help="replace the data of a database that holds records (also: FORCE=1)",
    )
    args = parser.parse_args(argv)
    backup = args.file.resolve()
    if not backup.is_file():
        sys.exit(f"error: no such backup file: {args.file}")

    _dbtools.setup_django()
    connection = _dbtools.default_connection()
    vendor = connection.vendor
    expected = {"postgresql": (".pgdump",), "sqlite": (".json.gz", ".json")}.get(vendor)
    if expected is None:
        sys.exit(f"error: cannot restore into a {vendor} database (PostgreSQL or SQLite only).")
    if not backup.name.endswith(expected):
        sys.exit(
            f"error: the configured database is {vendor}, which restores {' or '.join(expected)}"
            f" files (bin/backup.py on a {vendor} database); got {backup.name}."
        )

    contents = read_pgdump(backup) if vendor == "postgresql" else read_json_backup(backup)
    target = _dbtools.describe(connection.settings_dict)
    try:
        records = _dbtools.records_in(connection)
    except Exception as error:
        sys.exit(f"error: cannot read the {target}: {error}")

    print(f"Restore {backup}\n  ({contents})\ninto the {target}.")
    if records:
        print(f"It holds {records} records (content and users): the backup's data replaces all.")
        if not args.yes:
            print(
                "Nothing done. To go ahead: bin/restore.py FILE --yes "
                "(make restore FILE=... FORCE=1).",
                file=sys.stderr,
            )
            return REFUSED
    else:
        print("It holds no records yet.")

    if vendor == "postgresql":
        restore_postgresql(connection, backup)
    else:
        restore_sqlite(connection, backup)
    invalidate_cache()
    print(f"Restored: {_dbtools.records_in(connection)} records (content and users).")
    return 0


# --- PostgreSQL ---------------------------------------------------------------------------


def read_pgdump(backup: Path) -> str:
    listing = subprocess.run(
        [_dbtools.require_tool("pg_restore"), "--list", str(backup)],
        capture_output=True,
        text=True,
    )
    if listing.returncode:
        sys.exit(f"error: not a pg_dump custom-format archive: {listing.stderr.strip()}")
    header = {}
    for line in listing.stdout.splitlines():
        text = line.lstrip("; ").strip()
        if not line.startswith(";"):
            break
        if text.startswith("Archive created at "):
            header["created"] = text.removeprefix("Archive created at ")
        elif ":" in text:
            key, _, value = text.partition(":")
            header.setdefault(key.strip(), value.strip())
    tables = sum(" TABLE DATA " in line for line in listing.stdout.splitlines())
    created = header.get("created", "at an unknown time")
    source = header.get("dbname", "?")
    return f"pg_dump archive of database {source!r}, made {created}, {tables} tables"


def restore_postgresql(connection, backup: Path):
    settings_dict = connection.settings_dict
    connection.close()
    command = [
        _dbtools.require_tool("pg_restore"),
        "--clean",  # drop each object of the backup before creating it again
        "--if-exists",
        "--no-owner",  # objects belong to the user restoring them
        "--single-transaction",  # all or nothing
        "--no-password",
        f"--dbname={settings_dict['NAME']}",
        str(backup),
    ]
    result = subprocess.run(command, env=_dbtools.pg_env(settings_dict))
    if result.returncode:
        sys.exit(f"error: pg_restore failed (exit {result.returncode}); the database is unchanged.")


# --- SQLite -------------------------------------------------------------------------------


def read_json_backup(backup: Path) -> str:
    opener = gzip.open if backup.name.endswith(".gz") else open
    try:
        with opener(backup, "rt", encoding="utf-8") as stream:
            objects = json.load(stream)
        models = {item["model"] for item in objects}
    except (OSError, ValueError, KeyError, TypeError) as error:
        sys.exit(f"error: not a backup from bin/backup.py: {error}")
    return f"dumpdata backup, {len(objects)} rows of {len(models)} tables"


def restore_sqlite(connection, backup: Path):
    from django.core.management import call_command
    from django.db import transaction

    # A new file gets the schema; an older one is brought up to date.
    call_command("migrate", interactive=False, verbosity=0)
    models = _dbtools.backup_models()
    quote = connection.ops.quote_name
    with transaction.atomic(), _dbtools.raw_translated_columns():
        with connection.cursor() as cursor:
            # Foreign keys are checked at commit: the order of the deletions does not matter.
            for model in models:
                cursor.execute(f"DELETE FROM {quote(model._meta.db_table)}")
        # The two Secretariat groups that `migrate` created are deleted too: the backup holds
        # them, with their ids, permissions and members.
        call_command("loaddata", str(backup), verbosity=0)
        keep_history_ids(connection)


def keep_history_ids(connection):
    """A deleted record's id must not be given again: its history still uses it.

    SQLite hands out ids above the largest ever given (sqlite_sequence), which loaddata sets to
    the largest id loaded; raise it to the largest id in each history table.
    """
    from simple_history.models import registered_models

    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for model in registered_models.values():
            if not hasattr(model._meta, "simple_history_manager_attribute"):
                continue  # a many-to-many history table
            history = getattr(model, model._meta.simple_history_manager_attribute).model
            table, pk = model._meta.db_table, model._meta.pk
            if pk.get_internal_type() not in ("AutoField", "BigAutoField"):
                continue
            cursor.execute(
                f"SELECT MAX({quote(pk.column)}) FROM {quote(history._meta.db_table)}",
            )
            highest = cursor.fetchone()[0]
            if highest is None:
                continue
            cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [table])
            row = cursor.fetchone()
            if row is None:
                cursor.execute(
                    "INSERT INTO sqlite_sequence (name, seq) VALUES (%s, %s)", [table, highest]
                )
            elif row[0] < highest:
                cursor.execute(
                    "UPDATE sqlite_sequence SET seq = %s WHERE name = %s", [highest, table]
                )


def invalidate_cache():
    """Pages and fragments cached before the restore show the old data: make them stale."""
    try:
        from otscoop.cache import invalidate_everything

        invalidate_everything()
    except Exception as error:  # the cache (Redis) may be down; pages expire anyway
        print(f"warning: could not clear the page cache: {error}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
