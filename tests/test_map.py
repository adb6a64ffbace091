"""The region map: meetings by place (home page, the meetings list following its filters),
missions by country, the list of the same places beside it, and the committed base map."""

import html
import importlib.util
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.db.models import Count

from events.models import Meeting
from memberships import maps
from memberships.models import Place
from memberships.places_table import read_places
from otscoop.choices import Publication

from .factories import (
    CouncilFactory,
    ElectionObservationMissionFactory,
    MeetingFactory,
    PlaceFactory,
    StateFactory,
)

ROOT = Path(__file__).resolve().parent.parent
MARKER = re.compile(
    r'<a href="([^"]+)" tabindex="-1"><circle class="region-map__marker" '
    r'cx="([^"]+)" cy="([^"]+)" r="([^"]+)"><title>([^<]+)</title>'
)
LIST = re.compile(r'<ul class="region-map__list">(.*?)</ul>', re.S)
LIST_ITEM = re.compile(
    r'<li>.*?<a href="([^"]+)">([^<]+)</a>.*?<span class="region-map__count">(\d+) \w+</span>'
    r"(.*?)</li>",
    re.S,
)


def markers(client, url) -> dict:
    """{title's name: (link, x, y, radius, count)} of the markers drawn on the page."""
    found = {}
    for link, x, y, radius, title in MARKER.findall(client.get(url).content.decode()):
        name, count = html.unescape(title).rsplit(": ", 1)
        found[name] = (html.unescape(link), float(x), float(y), float(radius), count)
    return found


def listed(client, url) -> dict:
    """{name: (link, count, note)} of the list beside the map."""
    page = client.get(url).content.decode()
    (items,) = LIST.findall(page)
    return {
        html.unescape(name): (html.unescape(link), int(count), note.strip())
        for link, name, count, note in LIST_ITEM.findall(items)
    }


@pytest.fixture
def meetings(db):
    """Meetings of two councils in three places, and a draft in a fourth place."""
    first, second = CouncilFactory(slug="first"), CouncilFactory(slug="second")
    baku = PlaceFactory(name="Baku", slug="baku", latitude="40.377670", longitude="49.892010")
    astana = PlaceFactory(name="Astana", slug="astana", latitude="51.1801", longitude="71.44598")
    osh = PlaceFactory(name="Osh", slug="osh", latitude="40.52828", longitude="72.7985")
    shusha = PlaceFactory(name="Shusha", slug="shusha", latitude="39.76006", longitude="46.74989")
    for council, place in [(first, baku), (first, baku), (first, astana), (second, osh)]:
        MeetingFactory(council=council, place=place)
    MeetingFactory(council=second, place=None)
    MeetingFactory(council=first, place=shusha, publication=Publication.DRAFT)
    return {"first": first, "second": second}


def places_of(queryset) -> dict:
    """{place name: number of meetings} of a queryset, worked out apart from the page."""
    rows = (queryset.published().exclude(place=None).order_by().values("place__name")).annotate(
        n=Count("pk")
    )
    return {row["place__name"]: row["n"] for row in rows}


def test_a_filtered_meetings_list_shows_fewer_markers_than_the_whole_list(client, meetings):
    everything = markers(client, "/en/meetings/")
    filtered = markers(client, "/en/meetings/?council=second")
    assert len(filtered) < len(everything)
    assert {name: int(row[4].split()[0]) for name, row in everything.items()} == places_of(
        Meeting.objects.all()
    )
    assert {name: int(row[4].split()[0]) for name, row in filtered.items()} == places_of(
        Meeting.objects.filter(council=meetings["second"])
    )


def test_the_list_beside_the_map_names_the_same_places_with_the_same_counts(client, meetings):
    drawn = markers(client, "/en/meetings/")
    beside = listed(client, "/en/meetings/")
    assert {name: (row[0], row[4]) for name, row in drawn.items()} == {
        name: (link, f"{count} meeting{'s' if count > 1 else ''}")
        for name, (link, count, _note) in beside.items()
    }
    # The largest first.
    assert list(beside)[0] == "Baku"


def test_drafts_never_count_on_the_map(client, meetings):
    assert "Shusha" not in markers(client, "/en/")
    assert "Shusha" not in listed(client, "/en/meetings/")
    assert markers(client, "/en/")["Baku"][4] == "2 meetings"


def test_a_marker_leads_to_the_list_filtered_by_its_place_keeping_the_filters(client, meetings):
    link = markers(client, "/en/meetings/?council=first&page=1")["Baku"][0]
    assert link == "/en/meetings/?council=first&place=baku"
    page = client.get(link).content.decode()
    assert "2 meetings" in page
    assert set(markers(client, link)) == {"Baku"}
    assert markers(client, "/en/")["Astana"][0] == "/en/meetings/?place=astana"


def test_the_place_filter_offers_every_place_and_a_place_without_meetings_lists_none(
    client, meetings
):
    form = client.get("/en/meetings/").context["filter"].form
    offered = {place.slug for place in form.fields["place"].queryset}
    assert offered == set(Place.objects.values_list("slug", flat=True))
    assert {"baku", "astana", "osh"} <= offered
    empty = PlaceFactory(slug="turkistan", name="Turkistan")
    page = client.get("/en/meetings/", {"place": empty.slug})
    assert page.status_code == 200
    assert "No meeting matches these filters." in page.content.decode()


def test_a_place_outside_the_region_is_listed_but_not_drawn(client, meetings):
    new_york = PlaceFactory(name="New York", latitude="40.71427", longitude="-74.00597")
    MeetingFactory(place=new_york)
    assert "New York" not in markers(client, "/en/meetings/")
    assert "outside the region" in listed(client, "/en/meetings/")["New York"][2]


def test_an_edit_of_a_meetings_place_shows_at_once(client, meetings):
    assert "Osh" in markers(client, "/en/")
    meeting = Meeting.objects.get(place__slug="osh")
    meeting.place = PlaceFactory(name="Samarkand", latitude="39.65456", longitude="66.96445")
    meeting.save()
    drawn = markers(client, "/en/")
    assert "Osh" not in drawn
    assert drawn["Samarkand"][4] == "1 meeting"


def test_coordinates_are_written_with_a_dot_in_every_language(client, meetings):
    for language in ("tr", "ru"):
        page = client.get(f"/{language}/meetings/").content.decode()
        assert re.search(r'cx="\d+\.\d"', page), language
        assert not re.search(r'c[xy]="\d+,\d"', page), language


def test_missions_are_shown_by_country_at_the_capital_or_the_places_observed(client, db):
    capital_state = StateFactory(name="Kyrgyzstan", slug="kyrgyzstan", capital="Bishkek")
    bishkek = PlaceFactory(name="Bishkek", state=capital_state, latitude="42.87", longitude="74.59")
    PlaceFactory(name="Osh", state=capital_state, latitude="40.52828", longitude="72.7985")
    observed_state = StateFactory(name="Azerbaijan", slug="azerbaijan")
    ganja = PlaceFactory(name="Ganja", state=observed_state, latitude="40.6", longitude="46.4")
    shaki = PlaceFactory(name="Shaki", state=observed_state, latitude="41.2", longitude="47.2")
    nowhere = StateFactory(name="Uzbekistan", slug="uzbekistan")
    for _ in range(2):
        ElectionObservationMissionFactory(observed_state=capital_state)
    ElectionObservationMissionFactory(observed_state=observed_state).places.add(ganja, shaki)
    ElectionObservationMissionFactory(observed_state=nowhere)
    ElectionObservationMissionFactory(observed_state=nowhere, publication=Publication.DRAFT)

    drawn = markers(client, "/en/election-missions/")
    assert drawn["Kyrgyzstan"][1:3] == pytest.approx(
        maps.project(float(bishkek.longitude), float(bishkek.latitude)), abs=0.06
    )
    assert drawn["Kyrgyzstan"][4] == "2 missions"
    assert drawn["Azerbaijan"][1:3] == pytest.approx(maps.project(46.8, 40.9), abs=0.06)
    assert "Uzbekistan" not in drawn
    beside = listed(client, "/en/election-missions/")
    assert beside["Uzbekistan"][1] == 1
    assert "not on the map" in beside["Uzbekistan"][2]
    assert beside["Kyrgyzstan"][0] == "/en/election-missions/?observed_state=kyrgyzstan"
    assert set(markers(client, "/en/election-missions/?observed_state=azerbaijan")) == {
        "Azerbaijan"
    }


def test_every_place_in_the_ots_states_lies_inside_the_region():
    inside = {row.slug for row in read_places() if maps.in_region(row.longitude, row.latitude)}
    outside = {row.slug for row in read_places()} - inside
    assert outside == {row.slug for row in read_places() if row.state == "US"}


def load_script():
    spec = importlib.util.spec_from_file_location("build_basemap", ROOT / "bin/build_basemap.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    return script


def test_the_committed_base_map_is_what_the_script_draws_from_natural_earth():
    script = load_script()
    drawn = script.build(json.loads(script.TOPOJSON.read_text(encoding="utf-8")))
    assert drawn == script.OUTPUT.read_text(encoding="utf-8")


def outline_contains(path_data: str, point) -> bool:
    """Whether a point lies inside an SVG path of straight rings (even-odd)."""
    x, y = point
    inside = False
    for ring in re.findall(r"M([^MZ]+)Z", path_data):
        numbers = [float(value) for value in ring.split()]
        corners = list(zip(numbers[::2], numbers[1::2], strict=True))
        for (ax, ay), (bx, by) in zip(corners, corners[1:] + corners[:1], strict=True):
            if (ay > y) != (by > y) and x < ax + (y - ay) * (bx - ax) / (by - ay):
                inside = not inside
    return inside


@pytest.mark.parametrize(
    ("city", "iso_numeric"),
    [("ankara", "792"), ("baku", "031"), ("astana", "398"), ("budapest", "348"), ("osh", "417")],
)
def test_a_city_lands_inside_its_countrys_outline(city, iso_numeric):
    row = next(row for row in read_places() if row.slug == city)
    svg = (ROOT / "static" / "maps" / "region.svg").read_text(encoding="utf-8")
    (path_data,) = re.findall(rf'<path data-iso="{iso_numeric}" d="([^"]+)"', svg)
    assert outline_contains(path_data, maps.project(float(row.longitude), float(row.latitude)))


def test_a_circles_area_grows_with_its_count():
    largest, smaller = maps.radius_of(16, 16), maps.radius_of(4, 16)
    assert largest == maps.LARGEST_RADIUS
    assert (largest / smaller) ** 2 == pytest.approx(4)
    assert maps.radius_of(1, 10_000) == maps.SMALLEST_RADIUS
    assert maps.in_region(Decimal("49.89"), Decimal("40.38"))
