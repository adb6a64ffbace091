"""List rows take their council and host state from the reference tables each worker keeps
(otscoop/references.py): no join, no extra query, the same page, and every change to the
content shows at once — made here or in another process."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from events.models import Council, JointStatement, Meeting
from memberships.models import State
from otscoop.references import reference_table

from .factories import (
    CouncilFactory,
    JointStatementFactory,
    MeetingFactory,
    StateFactory,
)
from .test_cache import redis_cache, run_in_another_process  # noqa: F401 (a fixture)
from .test_filter_choices import page

pytestmark = pytest.mark.django_db


def test_rows_carry_their_council_and_host_state_without_a_join_or_more_queries():
    council = CouncilFactory(name="Council of Foreign Ministers")
    state = StateFactory(name="Kazakhstan")
    for number in range(5):
        MeetingFactory(council=council, host_state=state, title=f"Meeting {number}")
    JointStatementFactory(council=council)
    reference_table(Council), reference_table(State)  # loaded once per content change
    with CaptureQueriesContext(connection) as captured:
        meetings = list(Meeting.objects.published().for_rows())
        statements = list(JointStatement.objects.published().for_rows())
        shown = [(m.council.name, m.host_state.name) for m in meetings]
        shown += [(s.council.name, None) for s in statements]
    assert len(captured) == 2
    assert all("JOIN" not in query["sql"] for query in captured)
    assert shown == [("Council of Foreign Ministers", "Kazakhstan")] * 5 + [
        ("Council of Foreign Ministers", None)
    ]


def test_rows_without_a_council_or_host_state_stay_without():
    MeetingFactory(council=None, host_state=None)
    (meeting,) = Meeting.objects.published().for_rows()
    assert meeting.council is None and meeting.host_state is None


def test_a_deferred_or_joined_reference_is_left_as_it_is():
    council = CouncilFactory(name="Council of Foreign Ministers")
    MeetingFactory(council=council)
    reference_table(Council)
    with CaptureQueriesContext(connection) as captured:
        (meeting,) = Meeting.objects.published().for_rows().only("title")
    assert len(captured) == 1  # no query per row for the deferred council_id
    (joined,) = Meeting.objects.published().for_rows().select_related("council")
    assert joined.council is not reference_table(Council)[council.pk]
    assert joined.council.name == "Council of Foreign Ministers"


def test_a_reference_added_without_a_signal_is_loaded_as_usual():
    reference_table(State)  # loaded before the state exists
    State.objects.bulk_create([State(name="Hungary", slug="hungary", iso2="HU")])  # no signal
    state = State.objects.get(slug="hungary")
    Meeting.objects.filter(pk=MeetingFactory().pk).update(host_state=state)  # no signal
    (meeting,) = Meeting.objects.published().for_rows()
    assert meeting.host_state.name == "Hungary"  # the lazy foreign key, one query


def test_a_renamed_council_shows_on_the_next_page(editor_client):
    council = CouncilFactory(name="Council of Foreign Ministers")
    MeetingFactory(council=council, title="Ministerial meeting")
    assert "Council of Foreign Ministers" in page(editor_client)
    council.name = "Council of Heads of State"
    council.save()
    html = page(editor_client)
    assert "Council of Heads of State" in html and "Council of Foreign Ministers" not in html


def test_shared_references_read_their_names_in_the_pages_language(editor_client):
    state = StateFactory(name_en="Turkey", name_tr="Türkiye")
    MeetingFactory(host_state=state, city="Ankara")
    assert "</span> Turkey</a>" in page(editor_client, "/en/meetings/")
    assert "</span> Türkiye</a>" in page(editor_client, "/tr/meetings/")
    with translation.override("tr"):
        assert reference_table(State)[state.pk].name == "Türkiye"


def test_a_change_in_another_process_refreshes_this_processs_references(
    editor_client,
    redis_cache,  # noqa: F811
):
    state = StateFactory(name="Before")
    MeetingFactory(host_state=state)
    assert "Before" in page(editor_client)
    State.objects.filter(pk=state.pk).update(name="After", name_en="After")  # no signal here
    assert "Before" in page(editor_client)  # this worker's table, until the content changes
    run_in_another_process("from otscoop.cache import invalidate; invalidate()")
    html = page(editor_client)
    assert "After" in html and "Before" not in html
