"""Fragments of pages (the filter form, list rows, a state's sections, a meeting's records) are
cached apart from their page and reused after an edit of something they do not show; an edit
of anything they show is seen at once (otscoop/fragments.py)."""

from contextlib import contextmanager
from unittest import mock

import pytest
from django.core.cache import cache
from django.db import connection
from django.template.loader import get_template
from django.test.utils import CaptureQueriesContext

from otscoop.cache import invalidate, model_generations
from otscoop.choices import Publication

from .factories import (
    CandidacyFactory,
    CandidacySupportFactory,
    CouncilFactory,
    DelegationFactory,
    DocumentFactory,
    ElectionObservationMissionFactory,
    JointStatementFactory,
    MeetingFactory,
    SourceFactory,
    StateFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


def page(client, path) -> str:
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def queries_of(client, path) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        page(client, path)
    return [query["sql"] for query in queries.captured_queries]


@contextmanager
def rows_rendered():
    """The records whose row templates are rendered inside the block."""
    rendered = []

    def recording(name):
        template = get_template(name)

        class Recording:
            def render(self, context=None, request=None):
                rendered.extend(v.pk for v in (context or {}).values() if hasattr(v, "pk"))
                return template.render(context, request)

        return Recording()

    with mock.patch("otscoop.templatetags.fragments.get_template", recording):
        yield rendered


def test_after_an_edit_a_list_reuses_its_filter_form_and_its_rows(client):
    MeetingFactory.create_batch(3)
    page(client, "/en/meetings/")
    invalidate()  # as any edit does: the page itself is rendered again
    with rows_rendered() as rendered:
        sql = queries_of(client, "/en/meetings/")
    assert rendered == []
    assert not any('FROM "events_council"' in query for query in sql)  # the filter's options


def test_an_edited_meeting_shows_at_once_and_the_other_rows_are_reused(client):
    first, _second = MeetingFactory(title="First title"), MeetingFactory(title="Second title")
    page(client, "/en/meetings/")
    first.title = "Corrected title"
    first.save()
    with rows_rendered() as rendered:
        html = page(client, "/en/meetings/")
    assert "Corrected title" in html and "Second title" in html
    assert rendered == [first.pk]


def test_a_renamed_council_shows_in_the_rows_and_the_filter_options(client):
    council = CouncilFactory(name="Council of Elders")
    MeetingFactory(council=council)
    assert "Council of Elders" in page(client, "/en/meetings/")
    council.name = "Council of Wise Elders"
    council.save()
    html = page(client, "/en/meetings/")
    assert html.count("Council of Wise Elders") >= 2  # the row and the filter's option
    assert "Council of Elders<" not in html


def test_a_topic_linked_to_a_statement_shows_in_its_row(client):
    statement = JointStatementFactory()
    page(client, "/en/statements/")
    statement.topics.add(TopicFactory(name="Connectivity"))
    assert "Connectivity" in page(client, "/en/statements/")


def test_each_section_of_a_states_page_shows_an_edit_at_once(client):
    # Everything an edit links to exists before the page is first cached, so that each edit
    # below changes only its own model.
    state, hungary = StateFactory(slug="azerbaijan"), StateFactory(name="Hungary")
    council = CouncilFactory()
    other_meeting = MeetingFactory(council=council, title="Astana meeting")
    statement = JointStatementFactory(council=council, title="Joint statement on Gaza")
    path = "/en/states/azerbaijan/"
    page(client, path)

    meeting = MeetingFactory(council=council, host_state=state, title="Gabala meeting")
    assert "Gabala meeting" in page(client, path)
    meeting.title = "Gabala summit"
    meeting.save()
    assert "Gabala summit" in page(client, path)

    DelegationFactory(meeting=other_meeting, state=state)
    assert "Astana meeting" in page(client, path)
    other_meeting.title = "Astana summit"
    other_meeting.save()
    assert "Astana summit" in page(client, path)  # the delegation's meeting

    statement.signatories.add(state)
    assert "Joint statement on Gaza" in page(client, path)

    candidacy = CandidacyFactory(state=state, post="Member of the Council")
    assert "Member of the Council" in page(client, path)
    CandidacySupportFactory(candidacy=candidacy, supporting_state=hungary)
    assert "Hungary" in page(client, path)

    ElectionObservationMissionFactory(observed_state=state, title="Parliamentary election")
    assert "Parliamentary election" in page(client, path)

    meeting.publication = Publication.DRAFT
    meeting.save()
    assert "Gabala summit" not in page(client, path)


def test_a_meetings_records_show_an_edit_at_once(client):
    meeting = MeetingFactory(slug="summit")
    path = "/en/meetings/summit/"
    page(client, path)
    DelegationFactory(meeting=meeting, head_of_delegation="Minister Bayramov")
    assert "Minister Bayramov" in page(client, path)
    DocumentFactory(meeting=meeting, title="Gabala Declaration")
    assert "Gabala Declaration" in page(client, path)
    JointStatementFactory(meeting=meeting, title="Statement on Gaza")
    assert "Statement on Gaza" in page(client, path)
    meeting.sources.add(SourceFactory(url="https://example.org/summit"))
    assert "https://example.org/summit" in page(client, path)


def test_an_edit_of_another_meeting_reuses_a_meetings_records(client):
    meeting, other = MeetingFactory(slug="summit"), MeetingFactory()
    DelegationFactory(meeting=meeting)
    path = "/en/meetings/summit/"
    page(client, path)
    other.save()  # another meeting: the page is rendered again, its records are not
    assert not any("events_delegation" in query for query in queries_of(client, path))


def test_a_many_to_many_change_moves_on_the_generations_of_both_models_and_the_link():
    statement, state = JointStatementFactory(), StateFactory()
    before = model_generations()
    statement.signatories.add(state)
    after = model_generations()
    changed = {label for label in before if before[label] != after[label]}
    assert changed == {
        "events.jointstatement",
        "memberships.state",
        "events.jointstatement_signatories",
    }  # fragments name the two models: either one changed is enough


def test_pages_render_their_fragments_when_the_cache_is_down(client):
    MeetingFactory(title="Bishkek meeting")
    with (
        mock.patch.object(cache, "get", side_effect=ConnectionError),
        mock.patch.object(cache, "get_many", side_effect=ConnectionError),
        mock.patch.object(cache, "set", side_effect=ConnectionError),
    ):
        assert "Bishkek meeting" in page(client, "/en/meetings/")


def test_a_states_cached_sections_read_only_their_rows_versions(client):
    state = StateFactory(slug="azerbaijan")
    MeetingFactory(host_state=state, title="Gabala meeting")
    DelegationFactory(state=state)
    CandidacyFactory(state=state)
    path = "/en/states/azerbaijan/"
    page(client, path)
    invalidate()  # any edit elsewhere: the page is rendered again, its sections are not
    sql = queries_of(client, path)
    rows_read = [
        query
        for query in sql
        if query.startswith('SELECT "events_meeting"."id", ')
        or query.startswith('SELECT "memberships_candidacy"."id", ')
    ]
    assert rows_read == []  # only their versions: pk and updated_at


def test_a_statements_records_show_an_edit_at_once(client):
    statement = JointStatementFactory(slug="declaration")
    state, topic = StateFactory(name="Hungary"), TopicFactory(name="Connectivity")
    path = "/en/statements/declaration/"
    page(client, path)
    statement.signatories.add(state)
    assert "Hungary" in page(client, path)
    statement.topics.add(topic)
    assert "Connectivity" in page(client, path)
    DocumentFactory(statement=statement, meeting=None, title="Budapest Declaration")
    assert "Budapest Declaration" in page(client, path)
    state.name = "Magyarország"
    state.save()
    assert "Magyarország" in page(client, path)


def test_every_row_template_a_list_shows_is_declared_once_with_its_models():
    """What a row template shows is declared in ROW_TEMPLATES, not by the lists that use it: each
    `{% rows %}` names a declared template, each declared template exists and names content
    models, and a template not declared is refused."""
    import re
    from pathlib import Path

    from django.conf import settings

    from otscoop.fragments import ROW_TEMPLATES, row_template

    used = set()
    for directory in settings.TEMPLATES[0]["DIRS"]:
        for path in Path(directory).rglob("*.html"):
            used.update(re.findall(r'{% rows \S+ "([^"]+)"', path.read_text()))
    assert used == set(ROW_TEMPLATES)
    generations = model_generations()
    for name, (record_name, models) in ROW_TEMPLATES.items():
        get_template(name)
        assert record_name and all(label in generations for label in models.split())
    with pytest.raises(ValueError, match="ROW_TEMPLATES"):
        row_template("includes/pagination.html")
