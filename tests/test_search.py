"""Search across meetings, statements, candidacies and missions: grouped by type, published
records only, every language column, PostgreSQL full-text with its GIN index."""

import re
from importlib import import_module

import pytest
from django.db import connection

from events import search as events_search
from events import views as events_views
from events.models import ElectionObservationMission, JointStatement, Meeting
from events.search import search_everything
from memberships.models import Candidacy
from otscoop.choices import Publication
from otscoop.search import DOCUMENT_COLUMN, SEARCH_CONFIG

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
        "documents",
        "candidacies",
        "missions",
        "decisions",  # registered by the decisions app
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


def test_counts_are_exact_up_to_the_limit_and_more_than_past_it(client, monkeypatch):
    monkeypatch.setattr(events_search, "RESULTS_PER_GROUP", 2)
    monkeypatch.setattr(events_search, "COUNT_LIMIT", 4)
    monkeypatch.setattr(events_views, "RESULTS_PER_GROUP", 2)
    MeetingFactory.create_batch(4, title="Forum on railways")
    JointStatementFactory(title="Statement on railways")
    MeetingFactory(title="Draft forum on railways", publication=Publication.DRAFT)

    groups = {group["key"]: group for group in search_everything("railways")}
    assert (len(groups["meetings"]["results"]), groups["meetings"]["count"]) == (2, 4)
    assert (groups["meetings"]["more"], groups["meetings"]["has_more"]) == (False, True)
    assert (groups["statements"]["count"], groups["statements"]["more"]) == (1, False)
    page = client.get("/en/search/", {"q": "railways"}).content.decode()
    assert "5 results for “railways”." in page
    assert "More than" not in page and "more than" not in page
    assert "The newest 2 are shown: add words to narrow the search." in page

    MeetingFactory(title="Another forum on railways")  # five published: past the limit
    groups = {group["key"]: group for group in search_everything("railways")}
    assert (groups["meetings"]["count"], groups["meetings"]["more"]) == (4, True)
    page = client.get("/en/search/", {"q": "railways"}).content.decode()
    # 4 meetings counted (more exist) + 1 statement: more than 5 in all, which is true.
    assert "More than 5 results for “railways”." in page
    assert "(more than 4)" in page
    assert "(1)" in page
    page = client.get("/tr/search/", {"q": "railways"}).content.decode()
    assert "“railways” için 5 üzerinde sonuç bulundu." in page
    assert "(4 üzerinde)" in page


def test_a_record_is_found_by_words_written_after_it_was_created():
    meeting = MeetingFactory(title="Meeting of the ministers")
    assert titles(search_everything("hydrogen"), "meetings") == []
    meeting.summary_ru = "Водородная энергетика и hydrogen"
    meeting.save()
    assert titles(search_everything("hydrogen"), "meetings") == ["Meeting of the ministers"]
    assert titles(search_everything("Водородная"), "meetings") == ["Meeting of the ministers"]


def test_a_state_name_and_a_word_together_narrow_the_results():
    kazakhstan = StateFactory(name="Kazakhstan")
    MeetingFactory(title="Energy forum", host_state=kazakhstan)
    MeetingFactory(title="Energy forum in Baku")
    MeetingFactory(title="Transport forum", host_state=kazakhstan)
    MeetingFactory(title="Kazakhstan energy week")
    assert sorted(titles(search_everything("kazakhstan energy"), "meetings")) == [
        "Energy forum",
        "Kazakhstan energy week",
    ]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="full-text index on PostgreSQL only")
def test_postgresql_search_reads_the_stored_document_through_its_gin_index():
    MeetingFactory.create_batch(20)
    from events.models import MEETING_SEARCH_COLUMNS
    from otscoop.search import search

    queryset = search(Meeting.objects.all(), MEETING_SEARCH_COLUMNS, "gabala")
    with connection.cursor() as cursor:
        # A small table would be read whole anyway; forbid that to see the index is usable.
        cursor.execute("SET LOCAL enable_seqscan = off")
        plan = queryset.explain()
    assert "events_meeting_document" in plan, plan
    assert "to_tsvector" not in plan, plan  # matched on stored vectors, never recomputed
    assert "search_document" not in str(queryset.query).split(" FROM ")[0]  # not selected


@pytest.mark.skipif(connection.vendor != "postgresql", reason="stored documents on PostgreSQL only")
@pytest.mark.parametrize(
    "model, columns",
    [
        (Meeting, "MEETING_SEARCH_COLUMNS"),
        (JointStatement, "STATEMENT_SEARCH_COLUMNS"),
        (ElectionObservationMission, "MISSION_SEARCH_COLUMNS"),
        (Candidacy, "CANDIDACY_SEARCH_COLUMNS"),
    ],
)
def test_the_stored_document_holds_exactly_the_search_columns(model, columns):
    """The migration spelled the columns out; the SQLite search and this list must agree."""
    # The app's models package names every list (each model's own module may not).
    expected = getattr(import_module(f"{model._meta.app_label}.models"), columns)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT generation_expression FROM information_schema.columns"
            " WHERE table_name = %s AND column_name = %s",
            [model._meta.db_table, DOCUMENT_COLUMN],
        )
        (expression,) = cursor.fetchone()
    assert re.findall(r"COALESCE\(\(?(\w+)", expression) == expected
    assert f"to_tsvector('{SEARCH_CONFIG}'::regconfig" in expression


@pytest.mark.django_db
def test_search_results_can_be_counted():
    """`.count()` works on the results (bench/prepare.py and any paginator count them)."""
    from events.models import MEETING_SEARCH_COLUMNS, Meeting
    from otscoop.search import search

    MeetingFactory(title="Energy ministers", summary="")
    MeetingFactory(title="Energy security", summary="")
    MeetingFactory(title="Transport", summary="")
    found = search(Meeting.objects.published(), MEETING_SEARCH_COLUMNS, "energy")
    assert found.count() == 2 == len(list(found))
