"""Dates known only to the month or the year are shown at that precision, never with a day."""

import datetime

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation

from events.models import Meeting
from otscoop.choices import DatePrecision
from otscoop.dates import format_partial_date, format_partial_range, truncate_to_precision

from .factories import ElectionObservationMissionFactory, MeetingFactory

OCTOBER_2011 = datetime.date(2011, 10, 1)


@pytest.mark.parametrize(
    ("language", "precision", "expected"),
    [
        ("en", DatePrecision.MONTH, "October 2011"),
        ("en", DatePrecision.YEAR, "2011"),
        ("en", DatePrecision.DAY, "1 October 2011"),
        ("en", DatePrecision.APPROXIMATE, "about 1 October 2011"),
        ("tr", DatePrecision.MONTH, "Ekim 2011"),
        ("tr", DatePrecision.DAY, "1 Ekim 2011"),
        ("ru", DatePrecision.MONTH, "Октябрь 2011 г."),
        ("ru", DatePrecision.DAY, "1 октября 2011"),
    ],
)
def test_partial_date_is_shown_at_its_precision(language, precision, expected):
    with translation.override(language):
        assert format_partial_date(OCTOBER_2011, precision) == expected


def test_month_and_year_precision_never_show_a_day():
    with translation.override("en"):
        assert format_partial_date(datetime.date(2015, 1, 1), DatePrecision.YEAR) == "2015"
        shown = format_partial_date(OCTOBER_2011, DatePrecision.MONTH)
    assert "1" not in shown.replace("2011", "")


def test_a_range_shows_both_ends_and_a_single_day_once():
    start, end = datetime.date(2012, 8, 22), datetime.date(2012, 8, 23)
    with translation.override("en"):
        assert format_partial_range(start, end) == "22 August 2012 – 23 August 2012"
        assert format_partial_range(start, None) == "22 August 2012"
        assert format_partial_range(start, start) == "22 August 2012"


def test_missing_dates_render_as_nothing():
    assert format_partial_date(None) == ""
    assert format_partial_range(None, None) == ""


def test_stored_form_drops_the_unknown_parts():
    day = datetime.date(2024, 9, 17)
    assert truncate_to_precision(day, DatePrecision.MONTH) == datetime.date(2024, 9, 1)
    assert truncate_to_precision(day, DatePrecision.YEAR) == datetime.date(2024, 1, 1)
    assert truncate_to_precision(day, DatePrecision.DAY) == day


def render_date(value, precision, text):
    template = Template("{% load otscoop %}{% partial_date value precision text %}")
    return template.render(Context({"value": value, "precision": precision, "text": text}))


def test_pages_give_machines_the_date_at_its_precision_and_readers_the_text():
    day = datetime.date(2024, 7, 6)
    assert render_date(day, "day", "6 July") == '<time datetime="2024-07-06">6 July</time>'
    assert 'datetime="2024-07"' in render_date(day, DatePrecision.MONTH, "July 2024")
    assert 'datetime="2024-07"' in render_date(day, DatePrecision.APPROXIMATE, "about July")
    assert 'datetime="2024"' in render_date(day, DatePrecision.YEAR, "2024")
    assert render_date(None, "day", "x") == ""
    assert "&lt;b&gt;" in render_date(day, "day", "<b>")


@pytest.mark.django_db
def test_models_show_their_dates_at_their_precision():
    meeting = MeetingFactory(
        start_date=OCTOBER_2011, end_date=None, date_precision=DatePrecision.MONTH
    )
    mission = ElectionObservationMissionFactory(
        election_date=datetime.date(2015, 1, 1), election_date_precision=DatePrecision.YEAR
    )
    with translation.override("en"):
        assert meeting.dates_display == "October 2011"
        assert mission.election_date_display == "2015"


@pytest.mark.django_db
def test_year_filter_still_finds_a_partial_date():
    MeetingFactory(start_date=OCTOBER_2011, end_date=None, date_precision=DatePrecision.MONTH)
    assert Meeting.objects.in_year(2011).count() == 1


@pytest.mark.django_db
def test_admin_changelist_shows_the_month_not_an_invented_day(editor_client):
    MeetingFactory(
        title="Meeting of October 2011",
        start_date=OCTOBER_2011,
        end_date=None,
        date_precision=DatePrecision.MONTH,
    )
    with translation.override("en"):
        response = editor_client.get(reverse("admin:events_meeting_changelist"))
    content = response.content.decode()
    assert "October 2011" in content
    assert "1 October 2011" not in content
    assert "Oct. 1, 2011" not in content
