"""Every list offers its calendar, feeds and CSV, of its current filters and in its language, in
its head (`<link rel="alternate">`) and as buttons (otscoop/subscriptions.py)."""

import csv
import io
import re
from html import unescape
from urllib.parse import urlsplit

import feedparser
import icalendar
import pytest
from django.utils import translation

from events.feeds import StatementFeed
from events.models import Meeting

pytestmark = pytest.mark.django_db

NAV_LINK = re.compile(r'<nav class="main-nav"[^>]*>(.*?)</nav>', re.S)
ALTERNATE = re.compile(r'<link rel="alternate" type="([^"]+)" title="[^"]*" href="([^"]+)">')


def page(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def local(url: str) -> str:
    """An absolute link of the test server as a path and query the test client can follow."""
    parts = urlsplit(unescape(url))
    return f"{parts.path}?{parts.query}" if parts.query else parts.path


def lists_linked_from_home(client) -> list[str]:
    home = page(client, "/en/")
    nav = NAV_LINK.search(home)
    assert nav, "the home page has its navigation"
    links = re.findall(r'href="(/en/[^"]+/)"', nav.group(1))
    return [link for link in links if link != "/en/"]


def test_a_crawl_from_home_finds_calendars_feeds_and_a_csv_on_every_list(client, demo_data):
    found_types = set()
    lists = lists_linked_from_home(client)
    assert len(lists) >= 8
    for path in lists:
        content = page(client, path)
        alternates = ALTERNATE.findall(content)
        types = {kind for kind, _url in alternates}
        found_types |= types
        assert "text/csv" in types, path
        # The buttons: the CSV link, and each feed's link, in the page.
        csv_link = next(url for kind, url in alternates if kind == "text/csv")
        assert f'href="{csv_link}" type="text/csv" download' in content, path
        response = client.get(unescape(csv_link))
        assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
        for kind, url in alternates:
            if kind == "application/atom+xml":
                feed = feedparser.parse(client.get(local(url)).content)
                assert not feed.bozo, (path, url)
                assert f'href="{url}" type="application/atom+xml"' in content
            if kind == "text/calendar":
                calendar = icalendar.Calendar.from_ical(client.get(local(url)).content)
                assert calendar.get("prodid")
                assert f'href="webcal://{url.split("://", 1)[1]}"' in content
    assert {"text/calendar", "application/atom+xml", "text/csv"} <= found_types


def test_a_filtered_lists_calendar_holds_exactly_its_filtered_meetings(client, demo_data):
    content = page(client, "/en/meetings/?council=council-of-foreign-ministers&year=2023")
    https = re.search(
        r'<a href="(https?://[^"]+calendar\.ics[^"]*)" type="text/calendar">', content
    )
    assert https, "the list's https calendar link"
    assert "council=council-of-foreign-ministers" in https.group(1) and "year=2023" in https.group(
        1
    )
    calendar = icalendar.Calendar.from_ical(client.get(local(https.group(1))).content)
    uids = {str(event["uid"]) for event in calendar.walk("VEVENT")}
    expected = Meeting.objects.published().filter(
        council__slug="council-of-foreign-ministers", start_date__year=2023
    )
    assert uids == {f"meeting-{pk}@otscoop" for pk in expected.values_list("pk", flat=True)}
    assert len(uids) >= 2
    # The CSV of the same filters: the API's columns, the same meetings.
    csv_link = re.search(r'<a class="button button--small" href="([^"]+)" type="text/csv"', content)
    rows = list(csv.DictReader(io.StringIO(client.get(unescape(csv_link.group(1))).text)))
    assert {row["slug"] for row in rows} == set(expected.values_list("slug", flat=True))


def test_feeds_and_links_keep_the_pages_language(client, demo_data):
    content = page(client, "/tr/statements/?topic=afghanistan")
    feed_url = re.search(r'type="application/atom\+xml" title="[^"]*" href="([^"]+)"', content)
    assert "/tr/statements/feed/?topic=afghanistan" in feed_url.group(1)
    feed = feedparser.parse(client.get(local(feed_url.group(1))).content)
    with translation.override("tr"):
        turkish_title = str(StatementFeed.title)
    assert feed.feed.title == turkish_title != "OTS joint statements"
    assert all("/tr/statements/" in entry.link for entry in feed.entries)
    csv_link = re.search(r'href="(/api/v1/statements/\?[^"]+)"', content).group(1)
    assert "lang=tr" in unescape(csv_link) and "topic=afghanistan" in unescape(csv_link)
    summits = page(client, "/ru/summits/")
    assert "/ru/meetings/calendar.ics?summits=true" in summits


def test_the_summits_calendar_and_feed_hold_every_kind_of_summit_and_nothing_else(
    client, demo_data
):
    response = client.get("/en/meetings/calendar.ics?summits=true")
    calendar = icalendar.Calendar.from_ical(response.content)
    summits = Meeting.objects.published().summits().exclude(date_precision="year")
    assert len(calendar.walk("VEVENT")) == summits.count()
    feed = feedparser.parse(client.get("/en/meetings/feed/?summits=true").content)
    assert {entry.link.rsplit("/", 2)[-2] for entry in feed.entries} == set(
        summits.values_list("slug", flat=True)
    )


def test_a_council_and_a_state_page_offer_their_own_feeds(client, demo_data):
    council = page(client, "/en/councils/council-of-foreign-ministers/")
    assert "/en/meetings/feed/?council=council-of-foreign-ministers" in council
    assert "/en/statements/feed/?council=council-of-foreign-ministers" in council
    state = page(client, "/en/states/kazakhstan/")
    assert "/en/meetings/feed/?host_state=kazakhstan" in state
    assert "/en/statements/feed/?signatory=kazakhstan" in state
    feed = feedparser.parse(client.get("/en/meetings/feed/?host_state=kazakhstan").content)
    hosted = Meeting.objects.published().filter(host_state__slug="kazakhstan")
    assert len(feed.entries) == min(hosted.count(), 50) > 0


def test_a_feed_with_a_bad_filter_is_a_400_and_drafts_never_show(client, demo_data):
    assert client.get("/en/meetings/feed/?year=abc").status_code == 400
    assert client.get("/en/statements/feed/?council=nowhere").status_code == 400
    draft = Meeting.objects.published().first()
    draft.publication = "draft"
    draft.save()
    feed = client.get("/en/meetings/feed/").content.decode()
    assert draft.get_absolute_url() not in feed


def test_the_secretaries_general_page_offers_the_apis_csv(client):
    from events.models import SecretaryGeneral

    from .factories import MeetingFactory, SecretaryGeneralFactory, StateFactory

    kazakhstan = StateFactory(slug="kazakhstan", name="Kazakhstan")
    hidden = MeetingFactory(slug="closed-summit", publication="draft")
    first = SecretaryGeneralFactory(
        name="Halil Akıncı", nationality=StateFactory(), term_start="2010-01-01"
    )
    SecretaryGeneralFactory(
        name="Kubanychbek Omuraliev", nationality=kazakhstan, appointed_at=hidden
    )
    content = page(client, "/tr/secretaries-general/")
    csv_link = dict((kind, url) for kind, url in ALTERNATE.findall(content))["text/csv"]
    assert unescape(csv_link) == "/api/v1/secretaries-general/?format=csv&lang=tr"
    assert f'href="{csv_link}" type="text/csv" download' in content
    rows = list(csv.DictReader(io.StringIO(client.get(unescape(csv_link)).text)))
    assert [row["name"] for row in rows] == [
        person.name for person in SecretaryGeneral.objects.order_by("term_start", "pk")
    ]
    assert rows[0]["page_url"] == f"http://testserver/tr/secretaries-general/#{first.slug}"
    body = client.get("/api/v1/secretaries-general/", {"nationality": "kazakhstan"}).json()
    assert [item["name"] for item in body["results"]] == ["Kubanychbek Omuraliev"]
    # The meeting that appointed them is a draft: the public never sees it.
    assert body["results"][0]["appointed_at"] is None
    assert body["results"][0]["nationality"]["slug"] == "kazakhstan"
    bad = client.get("/api/v1/secretaries-general/", {"nationality": "atlantis"})
    assert bad.status_code == 400 and "nationality" in bad.json()
    assert client.post("/api/v1/secretaries-general/", {}).status_code in (401, 403, 405)
