"""Writing through the API: who may, the admin's rules, atomic writes, the history's user."""

import datetime

import pytest
from django.db import IntegrityError

from events.api.serializers import JointStatementSerializer
from events.models import JointStatement, Meeting
from memberships.models import Candidacy, State
from otscoop.choices import Publication

from . import factories
from .api_helpers import (
    RESOURCES,
    UPDATES,
    anonymous_client,
    create_body,
    detail_url,
    key_of,
    list_url,
    make,
    related_records,
    token_client,
)

pytestmark = pytest.mark.django_db


# --- Who may write -----------------------------------------------------------------------


@pytest.mark.parametrize("resource", RESOURCES)
def test_anonymous_writes_are_401(resource):
    record = make(resource)
    client = anonymous_client()
    detail = detail_url(resource, key_of(resource, record))

    assert client.post(list_url(resource), {}, format="json").status_code == 401
    assert client.patch(detail, {}, format="json").status_code == 401
    assert client.put(detail, {}, format="json").status_code == 401
    assert client.delete(detail).status_code == 401
    assert type(record).objects.filter(pk=record.pk).exists()


@pytest.mark.parametrize("resource", RESOURCES)
def test_viewer_writes_are_403(resource, viewer):
    record = make(resource)
    client = token_client(viewer)
    detail = detail_url(resource, key_of(resource, record))

    assert client.post(list_url(resource), {}, format="json").status_code == 403
    assert client.patch(detail, {}, format="json").status_code == 403
    assert client.delete(detail).status_code == 403
    assert type(record).objects.filter(pk=record.pk).exists()


def test_a_bad_token_is_401_even_for_reading():
    client = anonymous_client()
    client.credentials(HTTP_AUTHORIZATION="Token not-a-token")

    assert client.get(list_url("meetings")).status_code == 401


# --- Editors create, update and delete -------------------------------------------------


@pytest.mark.parametrize("resource", RESOURCES)
def test_editors_create_update_and_delete_and_the_history_records_them(resource, editor):
    client = token_client(editor)
    body = create_body(resource, related_records())

    created = client.post(list_url(resource), body, format="json")
    assert created.status_code == 201, created.content
    item = created.json()
    model = RESOURCES[resource][0]._meta.model
    record = model.objects.get(pk=item["id"])
    assert item["url"].endswith(detail_url(resource, key_of(resource, record)))

    field, value = UPDATES[resource]
    updated = client.patch(item["url"], {field: value}, format="json")
    assert updated.status_code == 200, updated.content
    assert updated.json()[field] == value

    deleted = client.delete(item["url"])
    assert deleted.status_code == 204
    assert not model.objects.filter(pk=record.pk).exists()

    history = model.history.filter(id=record.pk).order_by("history_date")
    assert [entry.history_type for entry in history] == ["+", "~", "-"]
    assert {entry.history_user for entry in history} == {editor}


def test_a_session_write_records_the_user_too(editor_client, editor):
    body = create_body("topics", related_records())

    response = editor_client.post(list_url("topics"), body, content_type="application/json")

    assert response.status_code == 201
    topic_history = factories.TopicFactory._meta.model.history
    assert topic_history.get(slug=body["slug"]).history_user == editor


def test_relations_are_written_as_slugs_and_read_as_brief_objects(editor):
    related = related_records()
    body = create_body("statements", related)

    item = token_client(editor).post(list_url("statements"), body, format="json").json()

    assert [state["slug"] for state in item["signatories"]] == [related["state"]]
    assert [topic["slug"] for topic in item["topics"]] == [related["topic"]]
    statement = JointStatement.objects.get(slug=body["slug"])
    assert list(statement.signatories.values_list("slug", flat=True)) == [related["state"]]


def test_a_full_update_needs_every_required_field(editor):
    meeting = factories.MeetingFactory(city="Bishkek")
    body = create_body("meetings", related_records()) | {"slug": meeting.slug, "city": "Baku"}
    client = token_client(editor)
    url = detail_url("meetings", meeting.slug)

    replaced = client.put(url, body, format="json")
    incomplete = client.put(url, {"slug": meeting.slug, "city": "Turkistan"}, format="json")

    assert replaced.status_code == 200, replaced.content
    assert incomplete.status_code == 400
    assert {"title", "kind", "start_date"} <= set(incomplete.json())
    meeting.refresh_from_db()
    assert (meeting.city, meeting.title) == ("Baku", "11th Summit")


def test_editors_publish_a_draft(editor):
    meeting = factories.MeetingFactory(publication=Publication.DRAFT)
    client = token_client(editor)

    response = client.patch(
        detail_url("meetings", meeting.slug), {"publication": "published"}, format="json"
    )

    assert response.status_code == 200
    assert response.json()["published_at"] is not None
    assert anonymous_client().get(detail_url("meetings", meeting.slug)).status_code == 200


def test_deleting_a_record_others_refer_to_is_a_409(editor):
    meeting = factories.MeetingFactory()

    response = token_client(editor).delete(detail_url("states", meeting.host_state.slug))

    assert response.status_code == 409
    assert meeting.title in response.json()["detail"]
    assert State.objects.filter(pk=meeting.host_state.pk).exists()


# --- The admin's rules -------------------------------------------------------------------


def post(user, resource, body):
    return token_client(user).post(list_url(resource), body, format="json")


def test_a_meeting_cannot_end_before_it_starts(editor):
    body = create_body("meetings", related_records()) | {
        "start_date": "2024-11-06",
        "end_date": "2024-11-05",
    }

    response = post(editor, "meetings", body)

    assert response.status_code == 400
    assert "end_date" in response.json()
    assert not Meeting.objects.exists()


def test_a_meeting_number_is_unique_per_council_and_kind(editor):
    related = related_records()
    existing = factories.MeetingFactory(
        council=factories.CouncilFactory(slug=related["council"] + "-x"), kind="summit", number=11
    )
    body = create_body("meetings", related) | {"council": existing.council.slug}

    response = post(editor, "meetings", body)

    assert response.status_code == 400
    assert "number" in response.json()
    assert Meeting.objects.count() == 1


def test_a_statement_is_dated_within_its_meeting(editor):
    meeting = factories.MeetingFactory()
    body = create_body("statements", related_records()) | {
        "meeting": meeting.slug,
        "issued_on": "2020-01-01",
    }

    response = post(editor, "statements", body)

    assert response.status_code == 400
    assert "issued_on" in response.json()


def test_a_candidacy_term_cannot_end_before_it_starts(editor):
    body = create_body("candidacies", related_records()) | {"term_start": 2030, "term_end": 2028}

    response = post(editor, "candidacies", body)

    assert response.status_code == 400
    assert "term_end" in response.json()
    assert not Candidacy.objects.exists()


def test_a_state_cannot_become_a_candidate_it_supports(editor):
    support = factories.CandidacySupportFactory()
    url = detail_url("candidacies", support.candidacy.slug)

    response = token_client(editor).patch(
        url, {"state": support.supporting_state.slug}, format="json"
    )

    assert response.status_code == 400
    assert "state" in response.json()


def test_an_observer_status_affiliate_must_match_its_direction(editor):
    body = create_body("observer-statuses", related_records()) | {
        "affiliate": factories.OrganizationFactory().slug
    }

    response = post(editor, "observer-statuses", body)

    assert response.status_code == 400
    assert "affiliate" in response.json()


def test_a_membership_is_unique_per_state_role_and_start(editor):
    membership = factories.MembershipFactory()
    body = {
        "state": membership.state.slug,
        "role": membership.role,
        "start_date": membership.start_date.isoformat(),
    }

    response = post(editor, "memberships", body)

    assert response.status_code == 400
    assert {"state", "role", "start_date"} <= set(response.json())


@pytest.mark.parametrize(
    ("resource", "change", "field"),
    [
        ("states", {"slug": "taken"}, "slug"),
        ("states", {"iso2": "kz"}, "iso2"),
        ("states", {"kind": "empire"}, "kind"),
        ("meetings", {"host_state": "atlantis-nowhere"}, "host_state"),
        ("meetings", {"host_state": "not a slug"}, "host_state"),
        ("meetings", {"host_state": 12}, "host_state"),
        ("meetings", {"number": "eleven"}, "number"),
        ("meetings", {"number": 40000}, "number"),
        ("meetings", {"start_date": "2024-02-30"}, "start_date"),
        ("meetings", {"title": ""}, "title"),
        ("meetings", {"title": "a\x00b"}, "title"),
        ("meetings", {"publication": "archived"}, "publication"),
        ("statements", {"topics": ["no-such-topic"]}, "topics"),
        ("statements", {"signatories": "not-a-list"}, "signatories"),
        ("candidacies", {"term_start": 1800}, "term_start"),
        ("election-missions", {"report_url": "not a url"}, "report_url"),
    ],
)
def test_an_invalid_body_is_a_400_naming_the_field(resource, change, field, editor):
    factories.StateFactory(slug="taken")
    body = create_body(resource, related_records()) | change

    response = post(editor, resource, body)

    assert response.status_code == 400, response.content
    assert field in response.json()


def test_a_missing_required_field_is_named(editor):
    response = post(editor, "meetings", {"title": "No kind, no date"})

    assert response.status_code == 400
    # The slug is not required: it is made from the title (see the test below).
    assert {"kind", "start_date"} <= set(response.json())
    assert "slug" not in response.json()


def test_a_rejected_write_leaves_nothing_behind(editor, monkeypatch):
    # The database refuses the write after the statement row exists (e.g. a related row was
    # deleted meanwhile): the whole write is rolled back and reported as a 400.
    original_create = JointStatementSerializer.create

    def create_then_fail(self, validated_data):
        original_create(self, validated_data)
        raise IntegrityError("FOREIGN KEY constraint failed")

    monkeypatch.setattr(JointStatementSerializer, "create", create_then_fail)
    body = create_body("statements", related_records())

    response = post(editor, "statements", body)

    assert response.status_code == 400
    assert "non_field_errors" in response.json()
    assert not JointStatement.objects.exists()
    assert not JointStatement.history.exists()


def test_the_create_response_shows_partial_dates(editor):
    body = create_body("election-missions", related_records()) | {
        "election_date": "2024-02-01",
        "election_date_precision": "month",
    }

    item = post(editor, "election-missions", body).json()

    assert item["election_date_display"] == "February 2024"
    assert item["election_date"] == datetime.date(2024, 2, 1).isoformat()


def test_tokens_are_issued_in_the_admin(admin_client):
    from django.contrib import admin
    from rest_framework.authtoken.models import TokenProxy

    assert admin.site.is_registered(TokenProxy)
    assert admin_client.get("/admin/authtoken/tokenproxy/add/").status_code == 200


def test_translatable_texts_are_written_in_the_request_language(editor):
    client = token_client(editor)
    body = create_body("meetings", related_records())

    in_russian_first = client.post(f"{list_url('meetings')}?lang=ru", body, format="json")
    in_english = client.post(list_url("meetings"), body, format="json")
    translated = client.patch(
        f"{detail_url('meetings', body['slug'])}?lang=ru",
        {"title": "11-й саммит"},
        format="json",
    )

    # As in the admin, the default language comes first; the others are translations of it.
    assert in_russian_first.status_code == 400
    assert "title" in in_russian_first.json()
    assert in_english.status_code == 201
    assert translated.status_code == 200
    meeting = Meeting.objects.get(slug=body["slug"])
    assert (meeting.title_en, meeting.title_ru) == ("11th Summit", "11-й саммит")


def test_a_record_created_without_a_slug_gets_a_transliterated_unique_one(editor):
    client = token_client(editor)
    state = client.post(list_url("states"), {"name": "Kırgızistan", "iso2": "QB"}, format="json")
    assert state.status_code == 201, state.content
    assert state.json()["slug"] == "kirgizistan"
    body = create_body("meetings", related_records()) | {"title": "Şuşa Zirvesi"}
    del body["slug"]
    slugs = []
    for number in (11, 12):
        response = client.post(list_url("meetings"), body | {"number": number}, format="json")
        assert response.status_code == 201, response.content
        slugs.append(response.json()["slug"])
    assert slugs == ["susa-zirvesi", "susa-zirvesi-2"]
    cyrillic = client.post(list_url("topics"), {"name": "Кыргызстан"}, format="json")
    assert cyrillic.status_code == 201, cyrillic.content
    assert cyrillic.json()["slug"] == "kyrgyzstan"
