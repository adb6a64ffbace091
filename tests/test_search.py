"""Search across meetings, statements, candidacies and missions: grouped by type, published
records only, every language column, PostgreSQL full-text with its GIN index."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import Meeting
from events.search import search_everything
from otscoop.choices import Publication

from .factories import (
    CandidacyFactory,
    ElectionObservationMissionFactory,
    JointStatementFactory,
    MeetingFactory,
    OrganizationFactory,
    StateFactory,
)

pytestmark = pytest.mark.django_db


def titles(groups, key):
    group = next(group for group in groups if group["key"] == key)
    return [str(record) for record in group["results"]]


def test_results_are_grouped_by_type_and_drafts_never_show(client):
    MeetingFactory(title="Summit on connectivity in Gabala")
    MeetingFactory(title="Draft connectivity summit", publication=Publication.DRAFT)
    JointStatementFactory(title="Statement on connectivity", summary="Transport corridors.")
    JointStatementFactory(title="Draft statement on connectivity", publication=Publication.DRAFT)
    ElectionObservationMissionFactory(title="Connectivity-free mission", findings="")
    groups = search_everything("connectivity")
    assert [group["key"] for group in groups] == [
        "meetings",
        "statements",
        "candidacies",
        "missions",
    ]
    assert titles(groups, "meetings") == ["Summit on connectivity in Gabala"]
    assert titles(groups, "statements") == ["Statement on connectivity"]
    response = client.get("/en/search/", {"q": "connectivity"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Summit on connectivity in Gabala" in page
    assert "Draft" not in page


def test_every_word_must_match():
    MeetingFactory(title="Council of Foreign Ministers in Baku")
    MeetingFactory(title="Council of Elders in Baku")
    groups = search_everything("foreign baku")
    assert titles(groups, "meetings") == ["Council of Foreign Ministers in Baku"]


def test_a_turkish_title_is_found_from_an_english_page(client):
    meeting = MeetingFactory(title="Summit in Samarkand")
    meeting.title_tr = "Semerkant Zirvesi"
    meeting.save()
    page = client.get("/en/search/", {"q": "Semerkant"}).content.decode()
    assert "Summit in Samarkand" in page  # shown in the page's language


def test_candidacies_are_found_by_candidate_state_and_organization():
    kazakhstan = StateFactory(name="Kazakhstan")
    unesco = OrganizationFactory(name="UN Educational, Scientific and Cultural", acronym="UNESCO")
    CandidacyFactory(state=kazakhstan, organization=unesco, post="member of the Executive Board")
    CandidacyFactory(post="non-permanent member")
    assert len(titles(search_everything("Kazakhstan UNESCO"), "candidacies")) == 1
    assert len(titles(search_everything("kazakhstan executive board"), "candidacies")) == 1


def test_missions_are_found_by_observed_state():
    ElectionObservationMissionFactory(observed_state=StateFactory(name="Uzbekistan"))
    ElectionObservationMissionFactory()
    assert len(titles(search_everything("uzbekistan"), "missions")) == 1


def test_an_empty_query_shows_the_form_without_results(client):
    response = client.get("/en/search/", {"q": "   "})
    assert response.status_code == 200
    assert response.context["groups"] == []


def test_a_very_long_or_odd_query_is_handled(client):
    MeetingFactory()
    for query in ("x" * 5000, "'; DROP TABLE events_meeting; --", "a & b | !c :*", "«»"):
        assert client.get("/en/search/", {"q": query}).status_code == 200
    assert Meeting.objects.count() == 1


@pytest.mark.parametrize(
    "path", ["/en/search/?q=a%00b", "/en/meetings/?council=%00", "/meetings.ics?host_state=%00"]
)
def test_a_nul_character_in_the_query_string_is_a_clear_400(client, path):
    response = client.get(path)
    assert response.status_code == 400
    assert "NUL character" in response.content.decode()


def test_query_count_is_the_same_for_few_and_many_matches(client):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/en/search/", {"q": "summit"}).status_code == 200
        return len(queries)

    MeetingFactory.create_batch(5, title="Summit meeting")
    JointStatementFactory.create_batch(5, title="Summit statement")
    few = count()
    MeetingFactory.create_batch(45, title="Summit meeting")
    JointStatementFactory.create_batch(45, title="Summit statement")
    assert count() == few


@pytest.mark.skipif(connection.vendor != "postgresql", reason="full-text index on PostgreSQL only")
def test_postgresql_search_uses_the_gin_index():
    MeetingFactory.create_batch(20)
    from events.models import MEETING_SEARCH_COLUMNS
    from otscoop.search import search

    queryset = search(Meeting.objects.all(), MEETING_SEARCH_COLUMNS, "gabala")
    with connection.cursor() as cursor:
        # A small table would be read whole anyway; forbid that to see the index is usable.
        cursor.execute("SET LOCAL enable_seqscan = off")
        plan = queryset.explain()
    assert "events_meeting_search" in plan, plan
