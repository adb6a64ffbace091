"""Migration operations that only touch the database on PostgreSQL.

Full-text search exists only there (a stored `tsvector` column with a GIN index per searched
table); SQLite searches without them. The model state is the same on every database, so
`makemigrations --check` stays clean.
"""

from django.db import migrations

from otscoop.search import DOCUMENT_COLUMN


def _on_postgresql(schema_editor) -> bool:
    return schema_editor.connection.vendor == "postgresql"


class AddIndexOnPostgreSQL(migrations.AddIndex):
    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if _on_postgresql(schema_editor):
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if _on_postgresql(schema_editor):
            super().database_backwards(app_label, schema_editor, from_state, to_state)

    def describe(self):
        return super().describe() + " (PostgreSQL only)"


class RemoveIndexOnPostgreSQL(migrations.RemoveIndex):
    """Removes an index that `AddIndexOnPostgreSQL` created (absent elsewhere)."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if _on_postgresql(schema_editor):
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if _on_postgresql(schema_editor):
            super().database_backwards(app_label, schema_editor, from_state, to_state)

    def describe(self):
        return super().describe() + " (PostgreSQL only)"


class AddSearchDocumentOnPostgreSQL(migrations.operations.base.Operation):
    """A stored generated column `search_document` (the `tsvector` of `columns`) with a GIN index.

    PostgreSQL keeps it up to date on every write, so a search reads ready-made vectors instead
    of parsing every language column of every candidate row. The column is not a model field:
    Django never selects it (it would only widen every query) and SQLite has no such type;
    `otscoop.search` filters on it by name. The vector is the one `SearchVector(*columns,
    config=SEARCH_CONFIG)` computes, so matching is unchanged.
    """

    reversible = True

    def __init__(self, model_name: str, columns: list[str], config: str, index_name: str):
        self.model_name = model_name
        self.columns = list(columns)
        self.config = config
        self.index_name = index_name

    def deconstruct(self):
        return (
            self.__class__.__qualname__,
            [],
            {
                "model_name": self.model_name,
                "columns": self.columns,
                "config": self.config,
                "index_name": self.index_name,
            },
        )

    def state_forwards(self, app_label, state):
        pass  # not part of the model state

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if not _on_postgresql(schema_editor):
            return
        quote = schema_editor.quote_name
        table = quote(to_state.apps.get_model(app_label, self.model_name)._meta.db_table)
        text = " || ' ' || ".join(f"COALESCE({quote(column)}, '')" for column in self.columns)
        column = quote(DOCUMENT_COLUMN)
        # STORAGE MAIN keeps the vector in the row (long texts are moved out of it first):
        # filtering rows on an out-of-line vector costs a TOAST lookup per row. Set in the same
        # statement, it applies to the rows that ADD COLUMN writes.
        schema_editor.execute(
            f"ALTER TABLE {table} ADD COLUMN {column} tsvector GENERATED ALWAYS AS"
            f" (to_tsvector({schema_editor.quote_value(self.config)}::regconfig, {text})) STORED,"
            f" ALTER COLUMN {column} SET STORAGE MAIN"
        )
        schema_editor.execute(
            f"CREATE INDEX {quote(self.index_name)} ON {table} USING gin ({column})"
        )
        # Statistics of the new column at once, so the planner does not guess how many rows
        # a word matches until autovacuum comes by (it picks the plan from that number).
        schema_editor.execute(f"ANALYZE {table}")

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if not _on_postgresql(schema_editor):
            return
        quote = schema_editor.quote_name
        table = quote(from_state.apps.get_model(app_label, self.model_name)._meta.db_table)
        # Dropping the column drops its index with it.
        schema_editor.execute(f"ALTER TABLE {table} DROP COLUMN {quote(DOCUMENT_COLUMN)}")

    def describe(self):
        return f"Add stored search document with GIN index on {self.model_name} (PostgreSQL only)"

    @property
    def migration_name_fragment(self):
        return f"{self.model_name.lower()}_search_document"
