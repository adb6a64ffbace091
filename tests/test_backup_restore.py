"""Nothing lost: bin/backup.py then bin/restore.py give back every row, value for value.

The real scripts run as subprocesses against scratch databases of their own (never the test
database): the demo data plus records that exercise the tricky parts (translated columns that
differ from the active language's value, history with its user, many-to-many rows with gaps in
their ids, a deleted record whose id lives on in its history, a changed Secretariat group, a
user with a token, an admin log entry). The restored database must equal the source table by
table: every table of otscoop, memberships and events (history and many-to-many tables
included) and the users, groups, their links, tokens and the admin log.

SQLite always; PostgreSQL (pg_dump / pg_restore) when the suite itself runs on PostgreSQL.
"""

import os
import shutil
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.db import connection

from otscoop.cache import CONTENT_APPS

ROOT = Path(settings.BASE_DIR)
TIMEOUT = 180

# Records beyond the demo data, written through the models in the source database.
SEED = """
import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "otscoop.settings")
django.setup()

from django.contrib.admin.models import ADDITION, LogEntry
from django.contrib.auth.models import Group, Permission, User
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.utils import translation
from rest_framework.authtoken.models import Token

from events.models import JointStatement, Topic
from otscoop.groups import EDITORS, VIEWERS

call_command("load_demo", verbosity=0)

editor = User.objects.create_user(
    "backup-editor", "editor@example.org", "a long test password", is_staff=True,
    first_name="Ayşe",
)
editor.groups.add(Group.objects.get(name=EDITORS))
editor.user_permissions.add(Permission.objects.get(codename="view_logentry"))
Token.objects.create(user=editor)
viewers = Group.objects.get(name=VIEWERS)
viewers.permissions.remove(viewers.permissions.order_by("codename").first())

# Written in Turkish, renamed in Russian: the `name` column holds the Russian name, which no
# language's attribute value (with fallbacks) gives back.
with translation.override("tr"):
    topic = Topic(name="Enerji güvenliği", slug="enerji-guvenligi")
    topic._history_user = editor
    topic.save()
with translation.override("ru"):
    topic.name = "Энергетическая безопасность"
    topic._history_user = editor
    topic.save()

statement = JointStatement.objects.filter(topics__isnull=False).order_by("pk").first()
statement.topics.remove(statement.topics.order_by("pk").first())
statement.topics.add(topic)

gone = Topic.objects.create(name="Deleted topic", slug="deleted-topic")
gone.delete()

LogEntry.objects.create(
    user=editor,
    content_type=ContentType.objects.get_for_model(Topic),
    object_id=str(topic.pk),
    object_repr=str(topic),
    action_flag=ADDITION,
    change_message="[]",
)
"""

# Tables whose rows name a permission or a content type: compared by natural key, since ids of
# permissions and content types belong to each database's `migrate`.
NATURAL_QUERIES = {
    "auth_group_permissions": """
        SELECT x.id, x.group_id, ct.app_label, ct.model, p.codename
        FROM auth_group_permissions x
        JOIN auth_permission p ON p.id = x.permission_id
        JOIN django_content_type ct ON ct.id = p.content_type_id
        ORDER BY x.id""",
    "auth_user_user_permissions": """
        SELECT x.id, x.user_id, ct.app_label, ct.model, p.codename
        FROM auth_user_user_permissions x
        JOIN auth_permission p ON p.id = x.permission_id
        JOIN django_content_type ct ON ct.id = p.content_type_id
        ORDER BY x.id""",
    "django_admin_log": """
        SELECT x.id, x.action_time, x.user_id, ct.app_label, ct.model, x.object_id,
               x.object_repr, x.action_flag, x.change_message
        FROM django_admin_log x
        LEFT JOIN django_content_type ct ON ct.id = x.content_type_id
        ORDER BY x.id""",
}
AUTH_TABLES = {"auth_user": "id", "auth_group": "id", "auth_user_groups": "id"}
AUTH_TABLES["authtoken_token"] = "key"


def compared_tables() -> dict[str, str]:
    """{table: primary key column} of every table compared column by column."""
    tables = dict(AUTH_TABLES)
    for label in CONTENT_APPS:
        for model in apps.get_app_config(label).get_models(include_auto_created=True):
            tables[model._meta.db_table] = model._meta.pk.column
    return tables


def test_the_comparison_covers_history_and_many_to_many_tables():
    tables = compared_tables()
    assert "events_historicalmeeting" in tables
    assert "memberships_historicalcandidacysupport" in tables
    assert "events_jointstatement_topics" in tables
    assert "memberships_candidacy_sources" in tables
    assert len(tables) > 50


# --- helpers ------------------------------------------------------------------------------


def run(arguments, database_url, *, expect=0):
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "otscoop.settings",
        "LOG_LEVEL": "WARNING",
        # The restore clears the page cache: never the cache of anything else.
        "CACHE_URL": "locmemcache://backup-test",
    }
    env.pop("FORCE", None)
    result = subprocess.run(
        [sys.executable, *arguments],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    assert result.returncode == expect, (
        f"{' '.join(map(str, arguments))} exited {result.returncode}, not {expect}\n"
        f"{result.stdout}\n{result.stderr}"
    )
    return result


def backup(database_url, output: Path) -> None:
    result = run(["bin/backup.py", "--output", str(output)], database_url)
    assert result.stdout.strip().splitlines()[-1] == str(output)
    assert output.is_file()
    assert not list(output.parent.glob(".partial-*")), "a partial file was left behind"


def fetch(db, query):
    cursor = db.cursor()
    cursor.execute(query)
    columns = [column[0] for column in cursor.description]
    return columns, cursor.fetchall()


def table_contents(db, quote) -> dict[str, tuple[list, list]]:
    contents = {}
    for table, query in NATURAL_QUERIES.items():
        contents[table] = fetch(db, query)
    for table, pk in compared_tables().items():
        columns, _rows = fetch(db, f"SELECT * FROM {quote(table)} WHERE 1 = 0")
        columns = sorted(columns)
        select = ", ".join(quote(column) for column in columns)
        contents[table] = fetch(db, f"SELECT {select} FROM {quote(table)} ORDER BY {quote(pk)}")
    return contents


def assert_same_rows(source, restored):
    assert source.keys() == restored.keys()
    for table, (columns, rows) in source.items():
        restored_columns, restored_rows = restored[table]
        assert restored_columns == columns, f"{table}: other columns"
        assert len(restored_rows) == len(rows), (
            f"{table}: {len(restored_rows)} rows, not {len(rows)}"
        )
        for row, restored_row in zip(rows, restored_rows, strict=True):
            assert restored_row == row, (
                f"{table}: row differs\n  source:   {dict(zip(columns, row, strict=True))}\n"
                f"  restored: {dict(zip(columns, restored_row, strict=True))}"
            )
    # Not an empty comparison: the demo data and the seed records are there.
    counts = {table: len(rows) for table, (_columns, rows) in source.items()}
    assert counts["events_meeting"] > 20
    assert counts["events_historicalmeeting"] >= counts["events_meeting"]
    assert counts["events_historicaltopic"] > counts["events_topic"]  # the deleted topic
    assert counts["memberships_candidacysupport"] > 10
    assert counts["events_jointstatement_topics"] > 5
    assert counts["auth_user"] == counts["authtoken_token"] == 1
    assert counts["auth_group"] == 2 and counts["auth_group_permissions"] > 50
    assert counts["django_admin_log"] == 1


def assert_seed_details(contents):
    """The tricky records are in the source as intended (so the comparison proves something)."""
    columns, rows = contents["events_topic"]
    topic = next(
        dict(zip(columns, row, strict=True))
        for row in rows
        if row[columns.index("slug")] == "enerji-guvenligi"
    )
    assert topic["name"] == "Энергетическая безопасность"
    assert topic["name_tr"] == "Enerji güvenliği" and topic["name_en"] is None
    columns, rows = contents["events_historicaltopic"]
    assert any(row[columns.index("history_user_id")] is not None for row in rows)
    assert any(row[columns.index("history_type")] == "-" for row in rows)


# --- SQLite -------------------------------------------------------------------------------


def sqlite_contents(path: Path):
    db = sqlite3.connect(path)
    try:
        contents = table_contents(db, lambda name: f'"{name}"')
        # Ids of deleted records are not handed out again (their history keeps them).
        tables = [
            model._meta.db_table
            for label in CONTENT_APPS
            for model in apps.get_app_config(label).get_models()
        ]
        marks = ", ".join("?" * len(tables))
        contents["sqlite_sequence"] = fetch_params(
            db,
            f"SELECT name, seq FROM sqlite_sequence WHERE name IN ({marks}) ORDER BY name",
            tables,
        )
    finally:
        db.close()
    return contents


def fetch_params(db, query, params):
    cursor = db.execute(query, params)
    return [column[0] for column in cursor.description], cursor.fetchall()


def test_sqlite_backup_restores_every_row(tmp_path):
    template = tmp_path / "migrated.sqlite3"
    run(["manage.py", "migrate", "--noinput", "--verbosity=0"], f"sqlite:///{template}")
    source, restored = tmp_path / "source.sqlite3", tmp_path / "restored.sqlite3"
    shutil.copyfile(template, source)
    shutil.copyfile(template, restored)  # freshly migrated and empty
    run(["-c", SEED], f"sqlite:///{source}")

    archive = tmp_path / "backups" / "otscoop-test.json.gz"
    backup(f"sqlite:///{source}", archive)
    run(["bin/restore.py", str(archive)], f"sqlite:///{restored}")

    expected = sqlite_contents(source)
    assert_seed_details(expected)
    assert_same_rows(expected, sqlite_contents(restored))

    # Over data: refused without --yes, and nothing changes ...
    refused = run(["bin/restore.py", str(archive)], f"sqlite:///{restored}", expect=2)
    assert "--yes" in refused.stderr
    assert_same_rows(expected, sqlite_contents(restored))
    # ... and replaced with it, to the same result.
    run(["bin/restore.py", str(archive), "--yes"], f"sqlite:///{restored}")
    assert_same_rows(expected, sqlite_contents(restored))


def test_restore_refuses_a_file_of_the_other_database_kind(tmp_path):
    archive = tmp_path / "otscoop-test.pgdump"
    archive.write_bytes(b"PGDMP")
    result = run(["bin/restore.py", str(archive)], f"sqlite:///{tmp_path / 'x.sqlite3'}", expect=1)
    assert "restores .json.gz" in result.stderr
    assert not (tmp_path / "x.sqlite3").exists() or (tmp_path / "x.sqlite3").stat().st_size == 0


# --- PostgreSQL ---------------------------------------------------------------------------


@pytest.fixture
def scratch_postgres():
    """Two scratch databases next to the test database, dropped afterwards."""
    if connection.vendor != "postgresql":
        pytest.skip("the suite runs on SQLite; the PostgreSQL backup is tested on PostgreSQL")
    import psycopg

    params = connection.settings_dict
    conninfo = {
        "host": params.get("HOST") or None,
        "port": params.get("PORT") or None,
        "user": params.get("USER") or None,
        "password": params.get("PASSWORD") or None,
    }
    conninfo = {key: value for key, value in conninfo.items() if value}
    suffix = uuid.uuid4().hex[:8]
    names = [f"otscoop_backup_test_src_{suffix}", f"otscoop_backup_test_dst_{suffix}"]

    def url(name):
        user = conninfo.get("user", "")
        password = f":{conninfo['password']}" if "password" in conninfo else ""
        at = "@" if user or password else ""
        return (
            f"postgres://{user}{password}{at}{conninfo.get('host', '')}"
            f":{conninfo.get('port', 5432)}/{name}"
        )

    def connect(name):
        return psycopg.connect(dbname=name, **conninfo)

    with psycopg.connect(dbname="postgres", autocommit=True, **conninfo) as admin:
        for name in names:
            admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield [url(name) for name in names], [lambda name=name: connect(name) for name in names]
    finally:
        with psycopg.connect(dbname="postgres", autocommit=True, **conninfo) as admin:
            for name in names:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def postgres_contents(connect):
    with connect() as db:
        contents = table_contents(db, lambda name: f'"{name}"')
        # The next id each table hands out (identity sequences), restored by pg_dump.
        sequences = []
        for table, pk in sorted(compared_tables().items()):
            cursor = db.execute("SELECT pg_get_serial_sequence(%s, %s)", [f'"{table}"', pk])
            sequence = cursor.fetchone()[0]
            if sequence:
                state = db.execute(f"SELECT last_value, is_called FROM {sequence}").fetchone()
                sequences.append((table, *state))
        contents["sequences"] = (["table", "last_value", "is_called"], sequences)
    return contents


def test_postgresql_backup_restores_every_row(scratch_postgres, tmp_path):
    (source_url, restored_url), (source, restored) = scratch_postgres
    run(["manage.py", "migrate", "--noinput", "--verbosity=0"], source_url)
    run(["-c", SEED], source_url)

    archive = tmp_path / "backups" / "otscoop-test.pgdump"
    backup(source_url, archive)
    # Into an empty database: pg_restore creates every table.
    run(["bin/restore.py", str(archive)], restored_url)

    expected = postgres_contents(source)
    assert_seed_details(expected)
    assert_same_rows(expected, postgres_contents(restored))

    refused = run(["bin/restore.py", str(archive)], restored_url, expect=2)
    assert "--yes" in refused.stderr
    run(["bin/restore.py", str(archive), "--yes"], restored_url)
    assert_same_rows(expected, postgres_contents(restored))
