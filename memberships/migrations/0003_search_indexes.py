"""Full-text search indexes (GIN over to_tsvector of every language column), PostgreSQL only."""

import django.contrib.postgres.indexes
import django.contrib.postgres.search
from django.db import migrations

from otscoop.migration_operations import AddIndexOnPostgreSQL


class Migration(migrations.Migration):
    dependencies = [
        ("memberships", "0002_translated_fields"),
        ("otscoop", "0001_initial"),
    ]

    operations = [
        AddIndexOnPostgreSQL(
            model_name="candidacy",
            index=django.contrib.postgres.indexes.GinIndex(
                django.contrib.postgres.search.SearchVector(
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
                    config="simple",
                ),
                name="memberships_candidacy_search",
            ),
        ),
    ]
