"""Lists count their rows up to a limit: a longer list says "more than" and pages through the
first rows; the count costs the same however large the table grows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from events.choices import MeetingKind
from events.models import Meeting
from otscoop.choices import label_of
from otscoop.pages import CountLimitPaginator

from .factories import MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def limit_of_three(monkeypatch):
    monkeypatch.setattr(CountLimitPaginator, "count_limit", 3)


def test_a_list_within_the_limit_gives_its_exact_count(client, limit_of_three):
    MeetingFactory.create_batch(3)
    page = client.get("/en/meetings/").content.decode()
    assert "3 meetings" in page
    assert "more than" not in page and "Only the first" not in page


def test_a_longer_list_says_more_than_the_limit_and_how_to_narrow_it(client, limit_of_three):
    MeetingFactory.create_batch(5)
    page = client.get("/en/meetings/").content.decode()
    assert "more than 3" in page
    assert "Only the first 3 are listed: narrow the list with the filters." in page
    turkish = client.get("/tr/meetings/").content.decode()
    assert "3 üzerinde" in turkish and "Yalnızca ilk 3 kayıt listelenir" in turkish


def test_the_count_stops_at_the_limit(limit_of_three):
    MeetingFactory.create_batch(6)
    paginator = CountLimitPaginator(Meeting.objects.published().for_rows(), 2)
    with CaptureQueriesContext(connection) as queries:
        assert paginator.count == 4
    assert paginator.is_limited
    assert paginator.num_pages == 2
    assert "LIMIT 4" in queries[0]["sql"]


def test_a_choice_label_is_read_in_the_active_language():
    with translation.override("tr"):
        turkish = str(label_of(MeetingKind, MeetingKind.SUMMIT))
    with translation.override("en"):
        english = str(label_of(MeetingKind, MeetingKind.SUMMIT))
    assert english == "Summit" and turkish != english
    assert label_of(MeetingKind, "no-such-kind") == "no-such-kind"
