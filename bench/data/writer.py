"""How `bench_data` writes its rows: in batches, COPY on PostgreSQL, executemany elsewhere."""

import datetime
import enum

from django.db import connection
from modeltranslation.translator import NotRegistered, translator


class Table:
    """How one model's rows are written: its columns, their defaults, its translated fields."""

    def __init__(self, model, with_id: bool, now: datetime.datetime):
        self.model = model
        self.fields = [f for f in model._meta.concrete_fields if with_id or not f.primary_key]
        self.defaults = {}
        for field in self.fields:
            if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
                self.defaults[field.attname] = now
            else:
                self.defaults[field.attname] = None if field.primary_key else field.get_default()
        try:
            self.translated = list(translator.get_options_for_model(model).all_fields)
        except NotRegistered:
            self.translated = []

    def row(self, values: dict) -> list:
        # The original column of a translated field holds what django-modeltranslation puts
        # there on save: the English text, else the Turkish one (the fallback order).
        for name in self.translated:
            if name not in values:
                values[name] = (
                    values.get(f"{name}_en") or values.get(f"{name}_tr") or self.defaults[name]
                )
        defaults = self.defaults
        return [
            values[field.attname] if field.attname in values else defaults[field.attname]
            for field in self.fields
        ]


class Inserter:
    """Writes rows (dicts of column values) in batches: COPY on PostgreSQL, executemany elsewhere.

    Plain rows rather than model instances: building 100,000s of translated model instances
    costs more than writing them.
    """

    def __init__(self, batch_size: int, now: datetime.datetime):
        self.batch_size = batch_size
        self.now = now
        self.tables: dict[type, Table] = {}
        self.pending: dict[type, list] = {}
        self.counts: dict[str, int] = {}

    def add(self, model, **values):
        table = self.tables.get(model)
        if table is None:
            table = self.tables[model] = Table(model, "id" in values, self.now)
        rows = self.pending.setdefault(model, [])
        rows.append(table.row(values))
        if len(rows) >= self.batch_size:
            self.flush()

    def flush(self):
        # Every model at once, in the order first seen: rows referred to are written first.
        for model, rows in self.pending.items():
            if rows:
                self.write(self.tables[model], rows)
                label = model._meta.label
                self.counts[label] = self.counts.get(label, 0) + len(rows)
        self.pending = {}

    @staticmethod
    def write(table: Table, rows: list):
        quote = connection.ops.quote_name
        columns = ", ".join(quote(field.column) for field in table.fields)
        name = quote(table.model._meta.db_table)
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                with cursor.cursor.copy(f"COPY {name} ({columns}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row([v.value if isinstance(v, enum.Enum) else v for v in row])
            else:
                fields = table.fields
                prepared = [
                    [f.get_db_prep_save(v, connection) for f, v in zip(fields, row, strict=True)]
                    for row in rows
                ]
                marks = ", ".join(["%s"] * len(fields))
                cursor.executemany(f"INSERT INTO {name} ({columns}) VALUES ({marks})", prepared)
