"""Stored search documents (a generated tsvector column with a GIN index), PostgreSQL only.

They replace the GIN indexes over `to_tsvector(...)` expressions: matching through those
indexes recomputed the vector of every row PostgreSQL had to recheck or filter, which cost
hundreds of milliseconds at 100,000 rows. The documents hold the same columns as before.
"""

from django.db import migrations

from otscoop.migration_operations import AddSearchDocumentOnPostgreSQL, RemoveIndexOnPostgreSQL


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0005_list_order_indexes"),
    ]

    operations = [
        AddSearchDocumentOnPostgreSQL(
            model_name="meeting",
            columns=[
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
            ],
            config="simple",
            index_name="events_meeting_document",
        ),
        AddSearchDocumentOnPostgreSQL(
            model_name="jointstatement",
            columns=[
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
            ],
            config="simple",
            index_name="events_statement_document",
        ),
        AddSearchDocumentOnPostgreSQL(
            model_name="electionobservationmission",
            columns=[
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
            ],
            config="simple",
            index_name="events_mission_document",
        ),
        RemoveIndexOnPostgreSQL(model_name="meeting", name="events_meeting_search"),
        RemoveIndexOnPostgreSQL(model_name="jointstatement", name="events_statement_search"),
        RemoveIndexOnPostgreSQL(
            model_name="electionobservationmission", name="events_mission_search"
        ),
    ]
