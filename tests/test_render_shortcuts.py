"""The shortcuts that make pages cheaper to render give exactly what the slow paths gave.

Choice labels without Django's per-call dict, links without `reverse()` per row, dates formatted
once per language, the row pieces as tags instead of includes, the filter forms rendered by
Jinja2 — and the home page bounded in the number of summits.
"""

import datetime

import pytest
from django.apps import apps
from django.db import models
from django.template import Context, Template
from django.urls import NoReverseMatch, reverse, set_script_prefix
from django.utils import translation

from events.choices import MeetingKind, MeetingStatus
from events.models import Meeting
from events.views import HOME_SUMMITS
from otscoop.choices import DatePrecision
from otscoop.dates import format_partial_date
from otscoop.links import slug_url, view_url

from .factories import CouncilFactory, MeetingFactory, StateFactory, TopicFactory

pytestmark = pytest.mark.django_db


def choice_fields():
    for model in apps.get_app_config("events").get_models():
        for field in model._meta.fields:
            if field.choices and not model.__name__.startswith("Historical"):
                yield model, field
    for model in apps.get_app_config("memberships").get_models():
        for field in model._meta.fields:
            if field.choices and not model.__name__.startswith("Historical"):
                yield model, field


def djangos_display(instance, field):
    """What Django's own `Model._get_FIELD_display` returns."""
    return models.Model._get_FIELD_display(instance, field)


@pytest.mark.parametrize("language", ["tr", "en", "ru"])
def test_choice_labels_match_djangos_in_every_language(language):
    fields = list(choice_fields())
    assert len(fields) > 10
    with translation.override(language):
        for model, field in fields:
            instance = model()
            for value, _label in field.flatchoices:
                setattr(instance, field.attname, value)
                shown = getattr(instance, f"get_{field.name}_display")()
                assert shown == djangos_display(instance, field), (model, field.name, value)
                assert isinstance(shown, str)


def test_choice_label_of_an_unknown_or_empty_value_is_the_value():
    meeting = Meeting(kind="not-a-kind")
    assert meeting.get_kind_display() == "not-a-kind"
    meeting.kind = None
    assert meeting.get_kind_display() is None


def test_choice_labels_follow_the_active_language():
    meeting = Meeting(kind=MeetingKind.SUMMIT, status=MeetingStatus.HELD)
    with translation.override("en"):
        english = meeting.get_kind_display()
    with translation.override("ru"):
        russian = meeting.get_kind_display()
    assert english == "Summit"
    assert russian != english


@pytest.mark.parametrize("language", ["tr", "en", "ru"])
def test_slug_url_is_what_reverse_gives(language):
    names = [
        "events:meeting-detail",
        "events:statement-detail",
        "events:council-detail",
        "events:election-mission-detail",
        "memberships:state-detail",
    ]
    slugs = ["a", "summit-2024_shusha", "X-1", "0otscoop0slug0", "ü-not-ascii"]
    with translation.override(language):
        for name in names:
            for slug in slugs:
                try:
                    expected = reverse(name, kwargs={"slug": slug})
                except NoReverseMatch:
                    with pytest.raises(NoReverseMatch):
                        slug_url(name, slug)
                else:
                    assert slug_url(name, slug) == expected
                    assert expected.startswith(f"/{language}/")


def test_links_follow_the_script_prefix():
    try:
        set_script_prefix("/otscoop/")
        with translation.override("en"):
            assert slug_url("events:meeting-detail", "m") == "/otscoop/en/meetings/m/"
            assert view_url("events:meeting-list") == "/otscoop/en/meetings/"
    finally:
        set_script_prefix("/")
    with translation.override("en"):
        assert slug_url("events:meeting-detail", "m") == "/en/meetings/m/"


def test_records_link_to_their_pages():
    meeting = MeetingFactory(slug="first-summit")
    state = StateFactory(slug="azerbaijan")
    with translation.override("tr"):
        assert meeting.get_absolute_url() == reverse(
            "events:meeting-detail", kwargs={"slug": "first-summit"}
        )
        assert state.get_absolute_url() == reverse(
            "memberships:state-detail", kwargs={"slug": "azerbaijan"}
        )


def test_partial_dates_are_formatted_in_the_active_language_each_time():
    day = datetime.date(2024, 7, 6)
    with translation.override("en"):
        assert format_partial_date(day) == "6 July 2024"
        assert format_partial_date(day, DatePrecision.MONTH) == "July 2024"
    with translation.override("ru"):
        assert format_partial_date(day) == "6 июля 2024"
    with translation.override("tr"):
        assert format_partial_date(day) == "6 Temmuz 2024"
    with translation.override("en"):
        assert format_partial_date(day, DatePrecision.APPROXIMATE) == "about 6 July 2024"
        assert format_partial_date(day, DatePrecision.YEAR) == "2024"


def render(source, **context):
    return Template("{% load otscoop %}" + source).render(Context(context))


def test_partial_date_tag_gives_the_date_at_its_precision():
    day = datetime.date(2024, 7, 6)
    assert (
        render("{% partial_date d p t %}", d=day, p="day", t="6 July")
        == '<time datetime="2024-07-06">6 July</time>'
    )
    assert 'datetime="2024-07"' in render("{% partial_date d 'month' 'x' %}", d=day)
    assert 'datetime="2024-07"' in render("{% partial_date d 'approximate' 'x' %}", d=day)
    assert 'datetime="2024"' in render("{% partial_date d 'year' 'x' %}", d=day)
    assert render("{% partial_date d 'day' 'x' %}", d=None) == ""
    assert "&lt;b&gt;" in render("{% partial_date d 'day' t %}", d=day, t="<b>")


def test_state_link_tag():
    state = StateFactory(name="Kazakhstan", slug="kazakhstan", iso2="KZ")
    with translation.override("en"):
        linked = render("{% state_link s %}", s=state)
        plain = render("{% state_link s link=False %}", s=state)
    assert linked == (
        '<a class="state" href="/en/states/kazakhstan/">'
        '<span class="flag" aria-hidden="true">🇰🇿</span> Kazakhstan</a>'
    )
    assert plain == (
        '<span class="state"><span class="flag" aria-hidden="true">🇰🇿</span> Kazakhstan</span>'
    )
    assert render("{% state_link s %}", s=None) == ""
    state.name = "<script>"
    assert "&lt;script&gt;" in render("{% state_link s %}", s=state)


def test_navigation_marks_the_current_section(client):
    page = client.get("/en/meetings/").content.decode()
    assert '<li><a href="/en/meetings/" aria-current="page">Meetings</a></li>' in page
    assert '<li><a href="/en/states/">States</a></li>' in page
    meeting = MeetingFactory(publication="published")
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert '<li><a href="/en/meetings/" aria-current="true">Meetings</a></li>' in page
    page = client.get("/tr/meetings/").content.decode()
    assert 'href="/tr/states/"' in page


def test_filter_form_keeps_choices_and_the_chosen_values(client):
    council = CouncilFactory(name="Council of Foreign Ministers", slug="cfm")
    page = client.get("/en/meetings/", {"council": "cfm", "kind": "summit", "year": "2020"})
    html = page.content.decode()
    assert f'<option value="{council.slug}" selected>{council.name}</option>' in html
    assert '<option value="summit" selected>Summit</option>' in html
    assert 'name="year" value="2020"' in html
    assert '<input type="date" name="date_from"' in html


def test_home_page_shows_the_latest_summits_even_without_a_place(client):
    first = datetime.date(2000, 1, 1)
    for number in range(1, HOME_SUMMITS + 4):
        MeetingFactory(
            kind=MeetingKind.SUMMIT,
            number=number,
            publication="published",
            start_date=first.replace(year=2000 + number),
            city="",
            host_state=None,
        )
    response = client.get("/en/")
    assert response.status_code == 200
    summits = response.context["summits"]
    assert len(summits) == HOME_SUMMITS
    assert [s.number for s in summits] == list(range(4, HOME_SUMMITS + 4))  # oldest first


def test_state_page_shows_the_latest_records_and_links_to_the_rest(client):
    from memberships.views import SECTION_ROWS

    state = StateFactory(slug="turkiye", name="Türkiye")
    for day in range(SECTION_ROWS + 3):
        MeetingFactory(
            host_state=state, start_date=datetime.date(2020, 1, 1) + datetime.timedelta(days=day)
        )
    response = client.get(state.get_absolute_url())
    hosted = response.context["hosted_meetings"]
    assert len(hosted) == SECTION_ROWS
    assert hosted[0].start_date == datetime.date(2020, 1, 1) + datetime.timedelta(
        days=SECTION_ROWS + 2
    )
    assert response.context["hosted_meetings_more"] is True
    assert 'href="/en/meetings/?host_state=turkiye"' in response.content.decode()
    assert response.context["statements_more"] is False
    assert "?signatory=turkiye" not in response.content.decode()


def test_council_page_shows_the_latest_meetings_and_links_to_the_rest(client):
    from events.views import COUNCIL_MEETINGS

    council = CouncilFactory(slug="cfm")
    for _ in range(COUNCIL_MEETINGS + 1):
        MeetingFactory(council=council)
    response = client.get(council.get_absolute_url())
    assert len(response.context["meetings"]) == COUNCIL_MEETINGS
    assert 'href="/en/meetings/?council=cfm"' in response.content.decode()


def test_summit_timeline_is_paged_oldest_first(client):
    from events.views import SummitListView

    for number in range(1, SummitListView.paginate_by + 3):
        MeetingFactory(
            kind=MeetingKind.SUMMIT,
            number=number,
            start_date=datetime.date(1900 + number, 1, 1),
        )
    first = client.get("/en/summits/")
    assert [s.number for s in first.context["summits"]][:2] == [1, 2]
    assert len(first.context["summits"]) == SummitListView.paginate_by
    assert 'href="?page=2"' in first.content.decode()
    second = client.get("/en/summits/?page=2")
    assert [s.number for s in second.context["summits"]] == [
        SummitListView.paginate_by + 1,
        SummitListView.paginate_by + 2,
    ]


FILTER_QUERIES = [
    {},
    {"council": "cfm", "kind": "summit", "year": "2020", "host_state": "st-amp"},
    {"council": "no-such", "kind": "bogus", "year": "x", "date_from": "2020-01-01"},
    {"topic": "energy", "state": "st-<&>", "outcome": "elected", "organization": "un"},
]


@pytest.mark.parametrize("language", ["en", "tr", "ru"])
def test_filter_form_selects_written_in_python_are_the_templates_markup(language):
    """Every select of every public filter form, chosen values, bad values and markup in the
    names included, is what Django's Jinja2 widget templates give."""
    from django.forms.renderers import Jinja2
    from django.http import QueryDict

    from events.filters import (
        ElectionObservationMissionFilterSet,
        JointStatementFilterSet,
        MeetingFilterSet,
    )
    from memberships.filters import CandidacyFilterSet
    from otscoop.pages import filter_form_renderer

    CouncilFactory(name="Council <of> “Foreign” & Ministers", slug="cfm")
    StateFactory(name="Türkiye & <Co>", slug="st-amp")
    TopicFactory(name="Energy & <transit>", slug="energy")
    templates = Jinja2()
    compared = 0
    with translation.override(language):
        for filterset_class in (
            MeetingFilterSet,
            JointStatementFilterSet,
            ElectionObservationMissionFilterSet,
            CandidacyFilterSet,
        ):
            for query in FILTER_QUERIES:
                data = QueryDict(mutable=True)
                data.update(query)
                form = filterset_class(
                    data, queryset=filterset_class._meta.model.objects.all()
                ).form
                for name in form.fields:
                    form.renderer = templates
                    expected = str(form[name])
                    form.renderer = filter_form_renderer()
                    assert str(form[name]) == expected, (filterset_class.__name__, name, query)
                    compared += "<select" in expected
    assert compared >= 4 * len(FILTER_QUERIES)


def test_select_written_in_python_handles_groups_and_boolean_attributes():
    from django import forms
    from django.forms.renderers import Jinja2

    from otscoop.pages import filter_form_renderer, select_html

    widget = forms.Select(
        attrs={"required": True, "disabled": False, "data-x": 'a"b', "class": "c"},
        choices=[("", "—"), ("Group <1>", [("a", "A & a"), (2, "Two")]), ("z", "Zed")],
    )
    for value in (None, "a", 2, "z", "<none>"):
        assert select_html(widget.get_context("field", value, None)["widget"])  # no fallback
        expected = widget.render("field", value, renderer=Jinja2())
        assert widget.render("field", value, renderer=filter_form_renderer()) == expected
