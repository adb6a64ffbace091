"""schema.org Event JSON-LD on meeting pages: valid JSON, dates at their precision, safe, and
nothing that is not recorded (no attendance mode without a format)."""

import datetime
import json
import re

import pytest

from events.choices import MeetingFormat
from otscoop.choices import DatePrecision

from .factories import MeetingFactory, StateFactory

pytestmark = pytest.mark.django_db

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def structured_data(client, meeting):
    page = client.get(meeting.get_absolute_url()).content.decode()
    blocks = JSON_LD.findall(page)
    assert len(blocks) == 1
    return json.loads(blocks[0]), blocks[0]


def test_meeting_page_describes_the_event(client):
    meeting = MeetingFactory(
        title="12th Summit",
        start_date=datetime.date(2025, 10, 7),
        end_date=None,
        city="Gabala",
        host_state=StateFactory(name="Azerbaijan", iso2="AZ"),
        theme="Regional Peace and Security",
    )
    data, _raw = structured_data(client, meeting)
    assert data["@type"] == "Event"
    assert data["name"] == "12th Summit"
    assert data["startDate"] == "2025-10-07"
    assert data["location"]["name"] == "Gabala"
    assert data["location"]["address"]["addressCountry"] == "AZ"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["url"].endswith(meeting.get_absolute_url())


def test_a_month_precision_meeting_has_a_month_date(client):
    meeting = MeetingFactory(
        start_date=datetime.date(2024, 9, 1), end_date=None, date_precision=DatePrecision.MONTH
    )
    data, _raw = structured_data(client, meeting)
    assert data["startDate"] == "2024-09"


def test_text_cannot_break_out_of_the_script_element(client):
    meeting = MeetingFactory(title="</script><script>alert(1)</script> & more")
    data, raw = structured_data(client, meeting)
    assert "</script>" not in raw
    assert data["name"] == "</script><script>alert(1)</script> & more"


def test_a_format_no_source_gives_is_left_out(client):
    meeting = MeetingFactory()
    assert meeting.format == MeetingFormat.NOT_RECORDED  # the default
    data, _raw = structured_data(client, meeting)
    assert "eventAttendanceMode" not in data
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "<dt>Format</dt>" not in page


@pytest.mark.parametrize(
    ("meeting_format", "mode", "label"),
    [
        (MeetingFormat.IN_PERSON, "https://schema.org/OfflineEventAttendanceMode", "In person"),
        (MeetingFormat.ONLINE, "https://schema.org/OnlineEventAttendanceMode", "Online"),
        (MeetingFormat.HYBRID, "https://schema.org/MixedEventAttendanceMode", "Hybrid"),
    ],
)
def test_a_recorded_format_gives_the_attendance_mode(client, meeting_format, mode, label):
    meeting = MeetingFactory(format=meeting_format)
    data, _raw = structured_data(client, meeting)
    assert data["eventAttendanceMode"] == mode
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert f"<dt>Format</dt><dd>{label}</dd>" in page
