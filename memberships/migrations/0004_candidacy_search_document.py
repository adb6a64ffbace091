"""A stored search document for candidacies (generated tsvector + GIN), PostgreSQL only.

It replaces the GIN index over the `to_tsvector(...)` expression, as events 0006 does for
meetings, statements and missions; the document holds the same columns as before.
"""

from django.db import migrations

from otscoop.migration_operations import AddSearchDocumentOnPostgreSQL, RemoveIndexOnPostgreSQL


class Migration(migrations.Migration):
    dependencies = [
        ("memberships", "0003_search_indexes"),
    ]

    operations = [
        AddSearchDocumentOnPostgreSQL(
            model_name="candidacy",
            columns=[
                "post_tr",
                "post_en",
                "post_ru",
                "outcome_note_tr",
                "outcome_note_en",
                "outcome_note_ru",
                "note_tr",
                "note_en",
                "note_ru",
                "candidate_person",
            ],
            config="simple",
            index_name="memberships_candidacy_document",
        ),
        RemoveIndexOnPostgreSQL(model_name="candidacy", name="memberships_candidacy_search"),
    ]
