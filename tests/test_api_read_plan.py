"""The API's read plans (otscoop.api_read) give exactly DRF's output, faster.

Whole responses are compared byte for byte with the plans on and off: every resource, list and
detail, in every language, for an anonymous client and a Secretariat editor (who sees drafts),
on the demo data plus records with every relation filled, drafts among them.
"""

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from otscoop import api_read
from otscoop.api import ApiModelSerializer
from otscoop.choices import Publication
from otscoop.links import lookup_url

from . import factories
from .api_helpers import (
    FAST_PASSWORD_HASHERS,
    RESOURCES,
    anonymous_client,
    detail_url,
    key_of,
    list_url,
    make_draft,
    make_rich,
    reset_throttle,
    token_client,
)

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"
LANGUAGES = [code for code, _name in settings.LANGUAGES]


@pytest.fixture(autouse=True)
def _setup(settings, tmp_path):
    reset_throttle()
    settings.PASSWORD_HASHERS = FAST_PASSWORD_HASHERS
    settings.MEDIA_ROOT = tmp_path
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}


def viewsets():
    from otscoop.api_urls import router

    return {prefix: viewset for prefix, viewset, _basename in router.registry}


def both_ways(client, url, monkeypatch):
    """The response bodies of `url` with the read plans, and with DRF's own path."""
    monkeypatch.setattr(api_read, "enabled", True)
    fast = client.get(url)
    monkeypatch.setattr(api_read, "enabled", False)
    slow = client.get(url)
    monkeypatch.setattr(api_read, "enabled", True)
    assert fast.status_code == slow.status_code == 200, url
    return fast.content, slow.content


def test_every_api_serializer_has_a_read_plan():
    """No resource falls back to DRF's path unnoticed (a field type the plan does not know)."""
    for prefix, viewset in viewsets().items():
        serializer_class = viewset.serializer_class
        assert issubclass(serializer_class, ApiModelSerializer), prefix
        assert api_read.read_plan(serializer_class) is not None, prefix


def test_responses_are_the_same_with_and_without_read_plans(editor, monkeypatch):
    call_command("load_demo", verbosity=0)
    rich = {resource: make_rich(resource) for resource in RESOURCES}
    drafts = {resource: make_draft(resource) for resource in RESOURCES if RESOURCES[resource][2]}
    # Drafts where published records refer to them: left out, or null, for the public.
    statement = rich["statements"]
    statement.endorsed_candidacies.add(drafts["candidacies"])
    statement.meeting = drafts["meetings"]
    statement.save()
    document = factories.DocumentFactory(meeting=rich["meetings"])
    document.file = SimpleUploadedFile("text.pdf", PDF, content_type="application/pdf")
    document.save()
    factories.DocumentFactory(meeting=rich["meetings"], url="https://example.org/a?b=1&c=<d>")
    assert statement.meeting.publication == Publication.DRAFT

    clients = {"anonymous": anonymous_client(), "editor": token_client(editor)}
    compared = 0
    for resource in RESOURCES:
        urls = [
            f"{list_url(resource)}?page_size=100",
            detail_url(resource, key_of(resource, rich[resource])),
        ]
        if resource in drafts:
            urls.append(f"{list_url(resource)}?page=1&ordering=-updated_at")
        for language in LANGUAGES:
            for who, client in clients.items():
                for url in urls:
                    separator = "&" if "?" in url else "?"
                    full = f"{url}{separator}lang={language}"
                    fast, slow = both_ways(client, full, monkeypatch)
                    assert fast == slow, f"{who} {full}"
                    compared += 1
    assert compared == len(LANGUAGES) * 2 * (2 * len(RESOURCES) + len(drafts))


def test_a_draft_detail_is_the_same_for_the_editor(editor, monkeypatch):
    draft = make_draft("meetings")
    factories.DelegationFactory(meeting=draft)
    fast, slow = both_ways(token_client(editor), detail_url("meetings", draft.slug), monkeypatch)
    assert fast == slow
    assert b'"publication":"draft"' in fast


def test_csv_is_the_same_with_and_without_read_plans(monkeypatch):
    for resource in RESOURCES:
        make_rich(resource)
    for resource in RESOURCES:
        fast, slow = both_ways(anonymous_client(), f"{list_url(resource)}?format=csv", monkeypatch)
        assert fast == slow, resource
        assert fast.count(b"\n") >= 2


def test_serializer_without_request_uses_drf():
    """Without a request (a shell, a script) there is no host for absolute URLs: DRF's own
    path runs, and says what is missing, as it always did."""
    from events.api.serializers import TopicSerializer

    topic = factories.TopicFactory()
    with pytest.raises(AssertionError, match="request"):
        TopicSerializer(topic).data  # noqa: B018


@pytest.mark.parametrize(
    "value", ["plain-slug", "with_underscore", "x", 7, 12345, "dot.ted", "spa ce", "ğüş", ""]
)
def test_lookup_urls_are_what_reverse_gives(value):
    from django.urls import NoReverseMatch, reverse

    for name, kwarg in [
        ("meetings-detail", "slug"),
        ("memberships-detail", "pk"),
        ("events:document-file", "pk"),
    ]:
        try:
            expected = reverse(name, kwargs={kwarg: value})
        except NoReverseMatch:
            with pytest.raises(NoReverseMatch):
                lookup_url(name, kwarg, value)
        else:
            assert lookup_url(name, kwarg, value) == expected


def test_lists_and_details_do_not_take_drfs_path(monkeypatch):
    """The plans are really used: DRF's per-field representation is never reached."""
    from rest_framework import serializers

    def fail(self, instance):
        raise AssertionError(f"DRF's path for {type(self).__name__}")

    rich = {resource: make_rich(resource) for resource in RESOURCES}
    monkeypatch.setattr(serializers.Serializer, "to_representation", fail)
    client = anonymous_client()
    for resource in RESOURCES:
        for url in (list_url(resource), detail_url(resource, key_of(resource, rich[resource]))):
            response = client.get(url)
            assert response.status_code == 200, url
            assert response.json(), url


def test_translated_fields_fall_back_as_modeltranslation_does(monkeypatch):
    """A title only in Turkish, a city only in Russian (no fallback reaches it), a note empty
    in every language: each language's response is DRF's, with modeltranslation's fallbacks."""
    meeting = factories.MeetingFactory(
        title_en="", title_tr="Dışişleri Bakanları Konseyi", title_ru="",
        city_en="", city_tr="", city_ru="Баку", note_en="", note_tr="", note_ru="",
    )  # fmt: skip
    client = anonymous_client()
    values = {}
    for language in LANGUAGES:
        url = f"{detail_url('meetings', meeting.slug)}?lang={language}"
        fast, slow = both_ways(client, url, monkeypatch)
        assert fast == slow, language
        data = client.get(url).json()
        values[language] = (data["title"], data["city"], data["note"])
    assert values["en"] == ("Dışişleri Bakanları Konseyi", "", "")
    assert values["ru"] == ("Dışişleri Bakanları Konseyi", "Баку", "")
