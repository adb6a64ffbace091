"""Flags are vendored SVG files (flag-icons, and our own for the TRNC), never emoji: Windows
shows a flag emoji as two letters (memberships/flags.py)."""

import re

import pytest
from django.contrib.staticfiles import finders

from memberships.models import State

pytestmark = pytest.mark.django_db

REGIONAL_INDICATORS = re.compile("[\U0001f1e6-\U0001f1ff]")
PAGES = [
    "",
    "states/",
    "meetings/",
    "summits/",
    "statements/",
    "candidacies/",
    "election-missions/",
    "observer-status/",
    "secretaries-general/",
    "councils/",
    "search/?q=summit",
]


def test_no_page_shows_a_flag_emoji_and_every_flag_image_exists(client, demo_data):
    states = [f"states/{slug}/" for slug in State.objects.values_list("slug", flat=True)]
    images = set()
    for language in ("tr", "en", "ru"):
        for path in [*PAGES, *states]:
            response = client.get(f"/{language}/{path}")
            assert response.status_code == 200, path
            page = response.content.decode()
            assert not REGIONAL_INDICATORS.search(page), (language, path)
            images.update(re.findall(r'<img class="flag" src="/static/([^"]+)" alt=""', page))
    assert "vendor/flag-icons/4x3/kz.svg" in images
    assert "flags/trnc.svg" in images
    for path in images:
        assert finders.find(path), path


def test_every_demo_state_with_an_iso_code_has_its_flag(demo_data):
    for state in State.objects.all():
        if state.iso2:
            assert state.flag_path == f"vendor/flag-icons/4x3/{state.iso2.lower()}.svg"
    assert State.objects.get(slug="trnc").flag_path == "flags/trnc.svg"
