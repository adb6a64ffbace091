"""The search document migrations apply on existing rows and can be reversed (PostgreSQL adds
and drops the stored column and its index; elsewhere they change nothing)."""

import pytest
from django.core.management import call_command
from django.db import connection

from events.search import search_everything
from otscoop.search import DOCUMENT_COLUMN

from .factories import CandidacyFactory, MeetingFactory

pytestmark = pytest.mark.django_db(transaction=True)


def columns(table):
    with connection.cursor() as cursor:
        return [
            column.name for column in connection.introspection.get_table_description(cursor, table)
        ]


def indexes(table):
    with connection.cursor() as cursor:
        return set(connection.introspection.get_constraints(cursor, table))


def found(key, word):
    group = next(group for group in search_everything(word) if group["key"] == key)
    return [str(record) for record in group["results"]]


def test_existing_rows_are_searchable_after_migrating_back_and_forth():
    MeetingFactory(title="Summit in Gabala")
    CandidacyFactory(post="Judge of the tribunal")
    postgresql = connection.vendor == "postgresql"
    try:
        call_command("migrate", "events", "0005", verbosity=0)
        call_command("migrate", "memberships", "0003", verbosity=0)
        assert DOCUMENT_COLUMN not in columns("events_meeting")
        assert DOCUMENT_COLUMN not in columns("memberships_candidacy")
        if postgresql:
            assert "events_meeting_search" in indexes("events_meeting")
            assert "events_meeting_document" not in indexes("events_meeting")
    finally:
        call_command("migrate", verbosity=0)
    assert (DOCUMENT_COLUMN in columns("events_meeting")) is postgresql
    assert (DOCUMENT_COLUMN in columns("memberships_candidacy")) is postgresql
    if postgresql:
        assert "events_meeting_document" in indexes("events_meeting")
        assert "events_meeting_search" not in indexes("events_meeting")
        assert "memberships_candidacy_document" in indexes("memberships_candidacy")
    assert found("meetings", "gabala") == ["Summit in Gabala"]
    assert len(found("candidacies", "tribunal")) == 1
