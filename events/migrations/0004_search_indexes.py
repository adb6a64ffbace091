"""Full-text search indexes (GIN over to_tsvector of every language column), PostgreSQL only."""

import django.contrib.postgres.indexes
import django.contrib.postgres.search
from django.db import migrations

from otscoop.migration_operations import AddIndexOnPostgreSQL


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0003_translated_fields"),
        ("memberships", "0002_translated_fields"),
        ("otscoop", "0001_initial"),
    ]

    operations = [
        AddIndexOnPostgreSQL(
            model_name="electionobservationmission",
            index=django.contrib.postgres.indexes.GinIndex(
                django.contrib.postgres.search.SearchVector(
                    "title_tr",
                    "title_en",
                    "title_ru",
                    "observed_locations_tr",
                    "observed_locations_en",
                    "observed_locations_ru",
                    "findings_tr",
                    "findings_en",
                    "findings_ru",
                    "head_of_mission",
                    config="simple",
                ),
                name="events_mission_search",
            ),
        ),
        AddIndexOnPostgreSQL(
            model_name="jointstatement",
            index=django.contrib.postgres.indexes.GinIndex(
                django.contrib.postgres.search.SearchVector(
                    "title_tr",
                    "title_en",
                    "title_ru",
                    "issuer_tr",
                    "issuer_en",
                    "issuer_ru",
                    "summary_tr",
                    "summary_en",
                    "summary_ru",
                    "text_tr",
                    "text_en",
                    "text_ru",
                    config="simple",
                ),
                name="events_statement_search",
            ),
        ),
        AddIndexOnPostgreSQL(
            model_name="meeting",
            index=django.contrib.postgres.indexes.GinIndex(
                django.contrib.postgres.search.SearchVector(
                    "title_tr",
                    "title_en",
                    "title_ru",
                    "city_tr",
                    "city_en",
                    "city_ru",
                    "theme_tr",
                    "theme_en",
                    "theme_ru",
                    "summary_tr",
                    "summary_en",
                    "summary_ru",
                    config="simple",
                ),
                name="events_meeting_search",
            ),
        ),
    ]
