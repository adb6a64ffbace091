"""Nothing is fetched from the internet at run time: every script and stylesheet of the admin
and the public pages is served from our own static files."""

import re

import pytest
from django.urls import reverse

from .factories import MeetingFactory

pytestmark = pytest.mark.django_db

ASSET = re.compile(r'<(?:script|link)\b[^>]*(?:src|href)="([^"]+)"')


def external_assets(html):
    return [
        url
        for url in ASSET.findall(html)
        if url.startswith(("http:", "https:", "//")) and "testserver" not in url
    ]


def test_admin_change_page_with_translation_tabs_loads_only_local_assets(editor_client):
    meeting = MeetingFactory()
    response = editor_client.get(reverse("admin:events_meeting_change", args=[meeting.pk]))
    html = response.content.decode()
    assert "vendor/jquery-ui/jquery-ui.min.js" in html
    assert external_assets(html) == []


@pytest.mark.parametrize("path", ["/en/", "/en/meetings/", "/tr/candidacies/"])
def test_public_pages_load_only_local_assets(client, path):
    html = client.get(path).content.decode()
    # hreflang alternates are links to our own pages, not assets.
    assets = [url for url in external_assets(html) if "hreflang" not in url]
    assert assets == []
