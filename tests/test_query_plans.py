"""The hot queries read indexes, not whole tables (PostgreSQL, with enough rows that a
sequential scan would be the planner's natural choice for an unindexed query)."""

import datetime
import random

import pytest
from django.db import connection

from events.models import JointStatement, Meeting
from otscoop.choices import Publication

from .factories import CouncilFactory, StateFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="query plans of PostgreSQL"),
]

ROWS = 20_000


@pytest.fixture(scope="module")
def many_rows(django_db_setup, django_db_blocker):
    """Loaded once for the module, outside the tests' transactions, and removed after."""
    with django_db_blocker.unblock():
        rows = _load()
        yield rows
        with connection.cursor() as cursor:
            # Fast, and without 40,000 delete signals; nothing else refers to these rows.
            cursor.execute(
                "TRUNCATE events_meeting, events_jointstatement, events_council,"
                " memberships_state CASCADE"
            )


def _load():
    rng = random.Random(7)
    councils = [CouncilFactory() for _ in range(6)]
    states = [StateFactory() for _ in range(8)]
    start = datetime.date(1990, 1, 1)
    Meeting.objects.bulk_create(
        [
            Meeting(
                kind="council_meeting",
                council=rng.choice(councils),
                host_state=rng.choice(states),
                title=f"Meeting {n}",
                title_en=f"Meeting {n}",
                slug=f"meeting-{n}",
                start_date=start + datetime.timedelta(days=rng.randrange(40 * 365)),
                publication=Publication.PUBLISHED if n % 50 else Publication.DRAFT,
            )
            for n in range(ROWS)
        ],
        batch_size=2000,
    )
    JointStatement.objects.bulk_create(
        [
            JointStatement(
                title=f"Statement {n}",
                title_en=f"Statement {n}",
                slug=f"statement-{n}",
                kind="joint_statement",
                issued_on=start + datetime.timedelta(days=rng.randrange(40 * 365)),
                council=rng.choice(councils),
                publication=Publication.PUBLISHED,
            )
            for n in range(ROWS)
        ],
        batch_size=2000,
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE events_meeting")
        cursor.execute("ANALYZE events_jointstatement")
    return councils, states


def plan(queryset):
    return queryset.explain()


def assert_no_sequential_scan(queryset, table):
    text = plan(queryset)
    assert f"Seq Scan on {table}" not in text, text


def test_meetings_list_page_reads_the_list_index(many_rows):
    page = Meeting.objects.published().order_by("-start_date", "-id")[25:50]
    text = plan(page)
    assert "events_meeting_list_order" in text, text


def test_statements_list_page_reads_the_list_index(many_rows):
    page = JointStatement.objects.published().order_by("-issued_on", "-id")[:25]
    text = plan(page)
    assert "events_statement_list_order" in text, text


def test_filtered_meetings_list_avoids_a_sequential_scan(many_rows):
    councils, states = many_rows
    by_council = Meeting.objects.published().filter(council=councils[0])[:25]
    assert_no_sequential_scan(by_council, "events_meeting")
    by_year = Meeting.objects.published().filter(start_date__year=2011)[:25]
    assert_no_sequential_scan(by_year, "events_meeting")
    by_host = Meeting.objects.published().filter(host_state=states[0], start_date__year=2011)
    assert_no_sequential_scan(by_host[:25], "events_meeting")


def test_detail_by_slug_is_an_index_lookup(many_rows):
    assert_no_sequential_scan(
        Meeting.objects.published().filter(slug="meeting-777"), "events_meeting"
    )
    assert_no_sequential_scan(
        JointStatement.objects.published().filter(slug="statement-777"), "events_jointstatement"
    )


def test_changed_since_filter_uses_its_index(many_rows):
    recent = Meeting.objects.filter(
        updated_at__gte=datetime.datetime(2030, 1, 1, tzinfo=datetime.UTC)
    )
    assert_no_sequential_scan(recent, "events_meeting")


def search_page_query(key, word):
    """The query of one group of the search page, and its capped count."""
    from events.search import COUNT_LIMIT, GROUPS, RESULTS_PER_GROUP
    from otscoop.search import search

    group = next(group for group in GROUPS if group.key == key)
    matches = search(group.queryset(), group.columns, word)
    return matches[: RESULTS_PER_GROUP + 1], matches.order_by()[: COUNT_LIMIT + 1]


def test_search_for_a_rare_word_reads_the_stored_documents_gin_index(many_rows):
    from events.models import MEETING_SEARCH_COLUMNS
    from otscoop.search import search

    page, count = search_page_query("meetings", "7777")  # in one title of 20,000
    # Without statistics for the word, the planner may read this small test table whole, or
    # take the publication index and check each row; what is checked here is that the stored
    # documents' GIN index can answer the match (the match alone: no other index can).
    match = search(Meeting.objects.order_by(), MEETING_SEARCH_COLUMNS, "7777")
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        text = plan(match)
        count_text = plan(count)
        cursor.execute("SET LOCAL enable_seqscan = on")
    assert "Bitmap Index Scan on events_meeting_document" in text, text
    assert "to_tsvector" not in text, text  # stored vectors, never recomputed per row
    # The page's capped count, given the choice: an index, never the table read whole.
    assert "Seq Scan on events_meeting" not in count_text, count_text
    assert "to_tsvector" not in count_text, count_text
    # The page: from the same index or down the date index (the planner weighs how many
    # rows it expects the word in), but never a whole-table read or a recomputed vector.
    text = plan(page)
    assert "Seq Scan on events_meeting" not in text, text
    assert "to_tsvector" not in text, text


def test_search_for_a_frequent_word_walks_the_list_index_on_stored_vectors(many_rows):
    for key, table, index in [
        ("meetings", "events_meeting", "events_meeting_list_order"),
        ("statements", "events_jointstatement", "events_statement_list_order"),
    ]:
        word = "meeting" if key == "meetings" else "statement"  # in every row
        page, count = search_page_query(key, word)
        text = plan(page)
        # The newest page is the first rows of the date index: no sort of every match.
        assert index in text, text
        assert "Sort" not in text, text
        assert "to_tsvector" not in text, text
        # The count stops at the limit instead of visiting every match.
        text = plan(count)
        assert text.index("Limit") < text.index(table), text
        assert "to_tsvector" not in text, text
