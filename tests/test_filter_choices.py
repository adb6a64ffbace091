"""The filter forms' record options (councils, states, topics, organizations) come from memory,
are exactly what django-filter's own choices give, and follow every change to the content at
once — in this process and when another process made it."""

import django_filters
import pytest
from django.db import connection
from django.forms.renderers import Jinja2
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from events.filters import (
    ElectionObservationMissionFilterSet,
    JointStatementFilterSet,
    MeetingFilterSet,
)
from events.models import Council
from memberships.filters import CandidacyFilterSet
from otscoop import cache as content_cache
from otscoop.filter_choices import SlugChoiceFilter

from .factories import (
    CouncilFactory,
    MeetingFactory,
    OrganizationFactory,
    StateFactory,
    TopicFactory,
)
from .test_cache import redis_cache, run_in_another_process  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db

FILTERSETS = (
    MeetingFilterSet,
    JointStatementFilterSet,
    ElectionObservationMissionFilterSet,
    CandidacyFilterSet,
)
QUERIES = [{}, {"council": "cfm", "host_state": "st-amp", "signatory": "st-amp"}, {"topic": "x"}]


def page(client, path="/en/meetings/"):
    """A page rendered afresh: with `editor_client` (a session) the page cache skips it."""
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def council_queries(captured):
    return [query["sql"] for query in captured if 'FROM "events_council"' in query["sql"]]


@pytest.mark.parametrize("language", ["en", "tr", "ru"])
def test_cached_options_render_as_django_filters_own(language):
    CouncilFactory(name="Council <of> “Foreign” & Ministers", name_tr="Dışişleri", slug="cfm")
    StateFactory(name="Türkiye & <Co>", slug="st-amp")
    TopicFactory(name="Energy & <transit>", slug="energy")
    OrganizationFactory(name="United <Nations> & “co”", slug="un")
    compared = 0
    with translation.override(language):
        for filterset_class in FILTERSETS:
            for query in QUERIES:
                data = QueryDict(mutable=True)
                data.update(query)
                model = filterset_class._meta.model
                for name, filter_ in filterset_class.base_filters.items():
                    if not isinstance(filter_, SlugChoiceFilter):
                        continue
                    form = filterset_class(data, queryset=model.objects.all()).form
                    form.renderer = Jinja2()
                    cached = str(form[name])
                    field = form.fields[name]
                    field.iterator = django_filters.fields.ModelChoiceIterator
                    field.queryset = field.queryset  # the widget takes django-filter's choices
                    assert str(form[name]) == cached, (filterset_class.__name__, name, query)
                    assert cached.count("<option") >= 2  # a record besides the empty choice
                    compared += 1
    assert compared >= 6 * len(QUERIES)


def test_options_are_loaded_once_until_something_changes(editor_client):
    council = CouncilFactory(name="Council of Foreign Ministers")
    with CaptureQueriesContext(connection) as first:
        assert "Council of Foreign Ministers" in page(editor_client)
    with CaptureQueriesContext(connection) as second:
        assert "Council of Foreign Ministers" in page(editor_client)
    assert len(council_queries(first)) == 1
    assert council_queries(second) == []
    assert not [query for query in second if 'FROM "memberships_state"' in query["sql"]]

    council.name = "Council of Heads of State"
    council.save()
    with CaptureQueriesContext(connection) as third:
        html = page(editor_client)
    assert "Council of Heads of State" in html and "Council of Foreign Ministers" not in html
    assert len(council_queries(third)) == 1


def test_options_are_kept_per_language(editor_client):
    CouncilFactory(name_en="Council of Foreign Ministers", name_tr="Dışişleri Bakanları Konseyi")
    english = page(editor_client, "/en/meetings/")
    turkish = page(editor_client, "/tr/meetings/")
    assert "Council of Foreign Ministers" in english and "Dışişleri" not in english
    assert "Dışişleri Bakanları Konseyi" in turkish


def test_a_submitted_slug_is_looked_up_in_the_reference_table(editor_client):
    council = CouncilFactory(slug="cfm")
    MeetingFactory(council=council, title="In the council")
    MeetingFactory(title="Elsewhere")
    page(editor_client)  # tables loaded
    with CaptureQueriesContext(connection) as captured:
        html = page(editor_client, "/en/meetings/?council=cfm")
    assert "In the council" in html and "Elsewhere" not in html
    assert council_queries(captured) == []


def test_a_slug_the_table_does_not_know_is_checked_against_the_database(editor_client):
    page(editor_client)  # tables loaded
    Council.objects.bulk_create([Council(name="New council", slug="new", kind="council")])
    html = page(editor_client, "/en/meetings/?council=new")  # no signal: the database knows it
    assert "Select a valid choice" not in html
    html = page(editor_client, "/en/meetings/?council=no-such-council")
    assert "Select a valid choice" in html


def test_options_without_a_working_cache_are_loaded_each_time(editor_client, monkeypatch):
    CouncilFactory(name="Council of Foreign Ministers")

    def broken(*args, **kwargs):
        raise ConnectionError("cache down")

    monkeypatch.setattr(content_cache.cache, "get_many", broken)
    for _request in range(2):
        with CaptureQueriesContext(connection) as captured:
            assert "Council of Foreign Ministers" in page(editor_client)
        assert len(council_queries(captured)) == 1


def test_a_change_in_another_process_refreshes_this_processs_options(
    editor_client,
    redis_cache,  # noqa: F811
):
    council = CouncilFactory(name="Before")
    assert "Before" in page(editor_client)
    # Changed without a signal: only the other process's invalidation can make it show.
    Council.objects.filter(pk=council.pk).update(name="After", name_en="After")
    assert "Before" in page(editor_client)  # this worker's options, until the content changes
    run_in_another_process("from otscoop.cache import invalidate; invalidate()")
    html = page(editor_client)
    assert "After" in html and "Before" not in html


def test_the_generation_is_read_once_per_request(editor_client, monkeypatch):
    CouncilFactory()
    page(editor_client)  # options loaded
    reads = []
    original = content_cache.cache.get_many

    def counting(keys, *args, **kwargs):
        reads.append(list(keys))
        return original(keys, *args, **kwargs)

    monkeypatch.setattr(content_cache.cache, "get_many", counting)
    page(editor_client)
    generation_reads = [keys for keys in reads if content_cache.GENERATION_KEY in keys]
    assert len(generation_reads) == 1, reads
