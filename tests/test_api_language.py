"""Content language of the API: `?lang=` wins over Accept-Language; Content-Language tells."""

import datetime

import pytest
from django.utils import translation

from events.choices import DelegationLevel, MeetingKind

from . import factories
from .api_helpers import (
    anonymous_client,
    detail_url,
    list_url,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting():
    return factories.MeetingFactory(start_date=datetime.date(2024, 11, 5), end_date=None)


def test_english_is_the_default(meeting):
    response = anonymous_client().get(detail_url("meetings", meeting.slug))

    assert response["Content-Language"] == "en"
    assert response.json()["dates_display"] == "5 November 2024"


def test_lang_ru_answers_in_russian(meeting):
    response = anonymous_client().get(detail_url("meetings", meeting.slug), {"lang": "ru"})

    assert response["Content-Language"] == "ru"
    item = response.json()
    assert item["dates_display"] == "5 ноября 2024"
    assert item["page_url"] == f"http://testserver/ru/meetings/{meeting.slug}/"


def test_accept_language_picks_the_language(meeting):
    response = anonymous_client().get(
        detail_url("meetings", meeting.slug), HTTP_ACCEPT_LANGUAGE="tr-TR,tr;q=0.9"
    )

    assert response["Content-Language"] == "tr"
    assert response.json()["dates_display"] == "5 Kasım 2024"


def test_lang_wins_over_accept_language(meeting):
    response = anonymous_client().get(
        list_url("meetings"), {"lang": "ru"}, HTTP_ACCEPT_LANGUAGE="tr"
    )

    assert response["Content-Language"] == "ru"
    assert response.json()["results"][0]["dates_display"] == "5 ноября 2024"


def test_month_precision_dates_use_the_month_name_of_the_language():
    mission = factories.ElectionObservationMissionFactory(
        election_date=datetime.date(2011, 10, 1), election_date_precision="month"
    )

    item = anonymous_client().get(detail_url("election-missions", mission.slug), {"lang": "tr"})

    assert item.json()["election_date_display"] == "Ekim 2011"


def test_error_messages_follow_the_language_too():
    response = anonymous_client().get(list_url("meetings"), {"year": "abc", "lang": "ru"})

    assert response.status_code == 400
    assert response["Content-Language"] == "ru"
    assert response.json()["year"] == ["Введите целое число."]


def test_an_unknown_language_is_a_400_naming_lang():
    response = anonymous_client().get(list_url("meetings"), {"lang": "xx"})

    assert response.status_code == 400
    assert "lang" in response.json()


def test_translatable_fields_come_in_the_requested_language():
    # A meeting of a kind no title is composed for (composed titles: tests/test_titles.py).
    meeting = factories.MeetingFactory(
        kind=MeetingKind.OTHER, title_en="Informal Summit", title_ru="Неформальный саммит"
    )
    client = anonymous_client()

    russian = client.get(detail_url("meetings", meeting.slug), {"lang": "ru"}).json()
    english = client.get(detail_url("meetings", meeting.slug), {"lang": "en"}).json()
    turkish = client.get(detail_url("meetings", meeting.slug), {"lang": "tr"}).json()

    assert russian["title"] == "Неформальный саммит"
    assert english["title"] == "Informal Summit"
    assert turkish["title"] == "Informal Summit"  # no Turkish title yet: the English one
    assert turkish["fallbacks"]["title"] == "en" and "title" not in russian["fallbacks"]


def test_choice_labels_follow_the_language_of_each_response():
    meetings = [factories.MeetingFactory(kind=MeetingKind.SUMMIT) for _ in range(3)]
    factories.DelegationFactory(meeting=meetings[0], level=DelegationLevel.FOREIGN_MINISTER)
    client = anonymous_client()

    for language in ["en", "ru", "tr", "en"]:
        items = client.get(list_url("meetings"), {"lang": language}).json()["results"]
        detail = client.get(detail_url("meetings", meetings[0].slug), {"lang": language}).json()
        with translation.override(language):
            summit = str(MeetingKind.SUMMIT.label)
            minister = str(DelegationLevel.FOREIGN_MINISTER.label)
        assert [item["kind_display"] for item in items] == [summit] * 3
        assert detail["delegations"][0]["level_display"] == minister


def test_translated_fields_fall_back_as_modeltranslation_does():
    """A title only in Turkish, a city only in Russian (no fallback reaches it), a note empty in
    every language."""
    meeting = factories.MeetingFactory(
        kind=MeetingKind.OTHER,
        title_en="", title_tr="Dışişleri Bakanları Konseyi", title_ru="",
        city_en="", city_tr="", city_ru="Баку", note_en="", note_tr="", note_ru="",
    )  # fmt: skip
    client = anonymous_client()
    values = {}
    for language in ["en", "tr", "ru"]:
        item = client.get(detail_url("meetings", meeting.slug), {"lang": language}).json()
        values[language] = (item["title"], item["city"], item["note"])

    assert values["en"] == ("Dışişleri Bakanları Konseyi", "", "")
    assert values["tr"] == ("Dışişleri Bakanları Konseyi", "", "")
    assert values["ru"] == ("Dışişleri Bakanları Konseyi", "Баку", "")
