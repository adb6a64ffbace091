"""Feeds and machine pages: the .ics and Atom feeds parse back with real parsers and hold the
right items, the .ics takes the meetings list's filters, the sitemap lists published pages."""

import datetime
import xml.etree.ElementTree as ET

import feedparser
import icalendar
import pytest

from otscoop.choices import DatePrecision, Publication

from .factories import (
    CouncilFactory,
    ElectionObservationMissionFactory,
    JointStatementFactory,
    MeetingFactory,
    StateFactory,
)

pytestmark = pytest.mark.django_db

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def calendar_events(client, query=""):
    response = client.get("/meetings.ics" + query)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    return {str(event["summary"]): event for event in calendar.walk("VEVENT")}


def test_ics_holds_published_meetings_as_all_day_events(client):
    summit = MeetingFactory(
        title="12th Summit", start_date=datetime.date(2025, 10, 7), end_date=None, city="Gabala"
    )
    MeetingFactory(title="Secret draft", publication=Publication.DRAFT)
    events = calendar_events(client)
    assert set(events) == {"12th Summit"}
    event = events["12th Summit"]
    assert event.decoded("dtstart") == datetime.date(2025, 10, 7)
    assert event.decoded("dtend") == datetime.date(2025, 10, 8)  # exclusive end: one day
    assert "Gabala" in str(event["location"])
    assert str(event["url"]) == f"http://testserver/en/meetings/{summit.slug}/"


def test_ics_spans_a_month_precision_meeting_over_its_month_and_says_so(client):
    MeetingFactory(
        title="Informal CFM",
        start_date=datetime.date(2024, 9, 1),
        end_date=None,
        date_precision=DatePrecision.MONTH,
    )
    MeetingFactory(
        title="Training",
        start_date=datetime.date(2014, 1, 1),
        end_date=None,
        date_precision=DatePrecision.YEAR,
    )
    events = calendar_events(client)
    assert list(events) == ["Informal CFM (date: September 2024)"]
    event = events["Informal CFM (date: September 2024)"]
    assert event.decoded("dtstart") == datetime.date(2024, 9, 1)
    assert event.decoded("dtend") == datetime.date(2024, 10, 1)
    assert str(event["status"]) == "TENTATIVE"


def test_ics_applies_the_meetings_list_filters(client):
    cfm = CouncilFactory(slug="council-of-foreign-ministers")
    kazakhstan = StateFactory(slug="kazakhstan")
    MeetingFactory(title="CFM in Astana", council=cfm, host_state=kazakhstan)
    MeetingFactory(title="CFM elsewhere", council=cfm)
    MeetingFactory(title="Other council", host_state=kazakhstan)
    assert set(calendar_events(client, "?council=council-of-foreign-ministers")) == {
        "CFM in Astana",
        "CFM elsewhere",
    }
    assert set(calendar_events(client, "?host_state=kazakhstan")) == {
        "CFM in Astana",
        "Other council",
    }
    assert set(
        calendar_events(client, "?council=council-of-foreign-ministers&host_state=kazakhstan")
    ) == {"CFM in Astana"}


def test_ics_holds_the_latest_meetings_and_the_filters_reach_older_ones(client, monkeypatch):
    from events import feeds

    monkeypatch.setattr(feeds, "CALENDAR_MAX_EVENTS", 3)
    for year in (2019, 2020, 2021, 2022, 2031):
        MeetingFactory(title=f"Meeting {year}", start_date=datetime.date(year, 5, 1), end_date=None)
    response = client.get("/meetings.ics")
    calendar = icalendar.Calendar.from_ical(response.content)
    summaries = [str(event["summary"]) for event in calendar.walk("VEVENT")]
    assert summaries == ["Meeting 2021", "Meeting 2022", "Meeting 2031"]  # in date order
    assert set(calendar_events(client, "?year=2019")) == {"Meeting 2019"}
    assert set(calendar_events(client, "?date_to=2020-12-31")) == {"Meeting 2019", "Meeting 2020"}


@pytest.mark.parametrize("query", ["?year=abc", "?council=no-such-council"])
def test_ics_rejects_a_bad_filter_with_400_naming_it(client, query):
    response = client.get("/meetings.ics" + query)
    assert response.status_code == 400
    assert (b"Year" if "year" in query else b"Council") in response.content


def test_atom_feed_parses_and_holds_published_statements_only(client):
    JointStatementFactory(title="Statement on Afghanistan", summary="Support for peace.")
    JointStatementFactory(title="Unpublished statement", publication=Publication.DRAFT)
    response = client.get("/statements/feed/")
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "atom10"
    assert [entry.title for entry in feed.entries] == ["Statement on Afghanistan"]
    assert feed.entries[0].summary == "Support for peace."
    assert "/statements/" in feed.entries[0].link


def sitemap_locations(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return [element.text for element in root.findall("s:url/s:loc", SITEMAP_NS)]


def test_sitemap_lists_published_pages_in_every_language_and_no_drafts(client):
    published = MeetingFactory(slug="published-meeting")
    MeetingFactory(slug="draft-meeting", publication=Publication.DRAFT)
    JointStatementFactory(slug="draft-statement", publication=Publication.DRAFT)
    ElectionObservationMissionFactory(slug="draft-mission", publication=Publication.DRAFT)
    locations = sitemap_locations(client)
    for language in ("tr", "en", "ru"):
        assert f"http://testserver/{language}/meetings/{published.slug}/" in locations
        assert f"http://testserver/{language}/meetings/" in locations
        assert f"http://testserver/{language}/secretaries-general/" in locations
        assert f"http://testserver/{language}/candidacies/" in locations
    assert not [location for location in locations if "draft" in location]


def test_robots_txt_points_at_the_sitemap_and_keeps_crawlers_out_of_the_admin(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body
