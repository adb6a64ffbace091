"""Shared by bin/backup.py and bin/restore.py: Django set-up, the configured database, the
PostgreSQL client environment and the JSON format of SQLite backups.

The database is the one the settings read from DATABASE_URL (or `.env`), exactly as the app
sees it: `connections["default"].settings_dict`.
"""

import contextlib
import datetime
import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Apps whose data is the project's own; the backup test compares every row of their tables.
CONTENT_APPS = ("otscoop", "memberships", "events", "decisions")  # as otscoop.cache says
# Rebuilt by `migrate` in every database (content types, permissions) or transient (sessions):
# never in a backup. References to content types and permissions are written as natural keys.
EXCLUDED_MODELS = ("contenttypes.contenttype", "auth.permission", "sessions.session")
# Our own JSON serializer: see exact_json below.
SERIALIZER_MODULE = "_dbtools"


def setup_django():
    """Configure Django from the environment (quietly: no INFO log lines on stdout)."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "otscoop.settings")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    import django

    django.setup()
    # Writing and reading "json" goes through this module in this process only.
    from django.core import serializers

    serializers.register_serializer("json", SERIALIZER_MODULE)


def default_connection():
    from django.db import connections

    return connections["default"]


def describe(settings_dict) -> str:
    """Where the database is, for messages (never the password)."""
    if settings_dict["ENGINE"].endswith("sqlite3"):
        return f"SQLite file {settings_dict['NAME']}"
    host = settings_dict.get("HOST") or "local socket"
    port = settings_dict.get("PORT") or "5432"
    user = settings_dict.get("USER") or os.environ.get("USER", "")
    return f"PostgreSQL database {settings_dict['NAME']!r} on {host}:{port} as {user!r}"


def pg_env(settings_dict) -> dict:
    """The environment for pg_dump / pg_restore: libpq's PG* variables (no password in argv)."""
    env = dict(os.environ)
    mapping = {
        "PGHOST": settings_dict.get("HOST"),
        "PGPORT": settings_dict.get("PORT"),
        "PGUSER": settings_dict.get("USER"),
        "PGPASSWORD": settings_dict.get("PASSWORD"),
        "PGDATABASE": settings_dict.get("NAME"),
    }
    options = settings_dict.get("OPTIONS") or {}
    for option, variable in [
        ("sslmode", "PGSSLMODE"),
        ("sslrootcert", "PGSSLROOTCERT"),
        ("sslcert", "PGSSLCERT"),
        ("sslkey", "PGSSLKEY"),
        ("connect_timeout", "PGCONNECT_TIMEOUT"),
        ("options", "PGOPTIONS"),
    ]:
        mapping[variable] = options.get(option)
    for variable, value in mapping.items():
        if value not in (None, ""):
            env[variable] = str(value)
    return env


def require_tool(name: str) -> str:
    path = shutil.which(name)
    if not path:
        sys.exit(f"error: {name} not found; install the PostgreSQL client (postgresql-client).")
    return path


def backup_models():
    """Every model whose rows a backup holds, many-to-many tables included (as their own
    "through" models, so their rows keep their ids)."""
    from django.apps import apps
    from django.db import router

    models = []
    for model in apps.get_models(include_auto_created=True):
        if model._meta.label_lower in EXCLUDED_MODELS:
            continue
        if model._meta.proxy or not model._meta.managed:
            continue
        if not router.allow_migrate_model("default", model):
            continue
        models.append(model)
    return models


def content_tables() -> list[str]:
    """Tables of the content apps, with at least one row when the database holds records."""
    from django.apps import apps

    return sorted(
        model._meta.db_table
        for label in CONTENT_APPS
        for model in apps.get_app_config(label).get_models()
    )


def table_rows(connection, tables) -> dict[str, int]:
    existing = set(connection.introspection.table_names())
    counts = {}
    with connection.cursor() as cursor:
        for table in tables:
            if table in existing:
                cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
                counts[table] = cursor.fetchone()[0]
    return counts


def records_in(connection) -> int:
    """How many records someone entered (content rows and users): 0 in a new database."""
    return sum(table_rows(connection, [*content_tables(), "auth_user"]).values())


def utc_stamp() -> str:
    return datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


# --- exact_json: Django's JSON serializer, without its losses ---------------------------------
#
# Registered as "json" by setup_django(), in the backup and restore processes only. It differs
# from Django's in three ways:
#   - times keep their microseconds (DjangoJSONEncoder cuts them to milliseconds);
#   - translated fields (django-modeltranslation) write the column's own value, not the value of
#     the active language with fallbacks that the model attribute returns;
#   - many-to-many fields are left out of their objects: the backup holds the rows of each
#     many-to-many table as objects of its own (with their ids), see backup_models().
# Reading uses Django's own JSON deserializer, which parses full-precision times.


def _serializer_classes():
    from django.core.serializers import json as django_json
    from django.core.serializers.json import DjangoJSONEncoder
    from django.utils.encoding import is_protected_type
    from modeltranslation.fields import TranslationFieldDescriptor

    class ExactJSONEncoder(DjangoJSONEncoder):
        def default(self, o):
            if isinstance(o, datetime.datetime):
                text = o.isoformat()
                return text[:-6] + "Z" if text.endswith("+00:00") else text
            if isinstance(o, datetime.time):
                return o.isoformat()
            return super().default(o)

    class Serializer(django_json.Serializer):
        def _init_options(self):
            super()._init_options()
            self.json_kwargs["cls"] = ExactJSONEncoder

        def _value_from_field(self, obj, field):
            descriptor = getattr(type(obj), field.attname, None)
            if isinstance(descriptor, TranslationFieldDescriptor):
                value = obj.__dict__.get(field.attname)  # text (str) or None
                if value is None or isinstance(value, str) or is_protected_type(value):
                    return value
            return super()._value_from_field(obj, field)

        def handle_m2m_field(self, obj, field):
            if field.remote_field.through._meta.auto_created:
                return  # its rows are objects of their own in the backup
            super().handle_m2m_field(obj, field)

    return Serializer, django_json.Deserializer


class _RawColumn:
    """A model attribute that is the column's own value (see raw_translated_columns)."""

    def __init__(self, attname):
        self.attname = attname

    def __get__(self, instance, owner):
        return self if instance is None else instance.__dict__.get(self.attname)

    def __set__(self, instance, value):
        instance.__dict__[self.attname] = value


@contextlib.contextmanager
def raw_translated_columns():
    """While loading a backup, save each translated model's own column as the backup has it.

    django-modeltranslation's attribute for the original field (e.g. `name`) reads the value in
    the active language, with fallbacks, also when the model is saved, although the column holds
    whatever the last save put there (the value in the language active then). Loading sets the
    backup's value; for the time of the load the attribute returns just that.
    """
    from django.apps import apps
    from modeltranslation.fields import TranslationFieldDescriptor

    replaced = []
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            descriptor = model.__dict__.get(field.attname)
            if isinstance(descriptor, TranslationFieldDescriptor):
                setattr(model, field.attname, _RawColumn(field.attname))
                replaced.append((model, field.attname, descriptor))
    try:
        yield
    finally:
        for model, attname, descriptor in replaced:
            setattr(model, attname, descriptor)


def __getattr__(name):
    # Django imports this module as a serializer module once it is set up.
    if name in ("Serializer", "Deserializer"):
        serializer, deserializer = _serializer_classes()
        globals().update(Serializer=serializer, Deserializer=deserializer)
        return globals()[name]
    raise AttributeError(name)
