"""Reading the API: list and detail of every resource, links, pagination, drafts."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from memberships.choices import SupportVisibility
from otscoop.choices import Publication

from . import factories
from .api_helpers import (
    PUBLISHED_RESOURCES,
    RESOURCES,
    anonymous_client,
    detail_url,
    key_of,
    list_url,
    make,
    make_draft,
    make_rich,
    results,
    slugs,
    token_client,
)

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"


@pytest.mark.parametrize("resource", RESOURCES)
def test_every_resource_lists_its_records(resource):
    records = [make_rich(resource), make_rich(resource)]

    response = anonymous_client().get(list_url(resource))

    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"count", "next", "previous", "results"}
    assert body["count"] == len(body["results"]) >= 2
    assert {record.pk for record in records} <= {item["id"] for item in body["results"]}


@pytest.mark.parametrize("resource", RESOURCES)
def test_every_resource_has_a_detail_with_its_api_and_public_urls(resource):
    record = make_rich(resource)
    key = key_of(resource, record)

    response = anonymous_client().get(detail_url(resource, key))

    assert response.status_code == 200
    item = response.json()
    assert item["id"] == record.pk
    assert item["url"] == f"http://testserver{detail_url(resource, key)}"
    assert item["page_url"].startswith("http://testserver/en/")
    assert item["display"] == str(record)


@pytest.mark.parametrize(
    ("resource", "page_path"),
    [
        ("states", "/en/states/{slug}/"),
        ("councils", "/en/councils/{slug}/"),
        ("meetings", "/en/meetings/{slug}/"),
        ("statements", "/en/statements/{slug}/"),
        ("election-missions", "/en/election-missions/{slug}/"),
        ("candidacies", "/en/candidacies/#candidacy-{slug}"),
        ("observer-statuses", "/en/observer-status/#observer-status-{pk}"),
        ("organizations", "/en/candidacies/?organization={slug}"),
        ("topics", "/en/statements/?topic={slug}"),
    ],
)
def test_page_url_is_the_public_page(resource, page_path):
    record = make(resource)

    item = anonymous_client().get(detail_url(resource, key_of(resource, record))).json()

    expected = page_path.format(slug=getattr(record, "slug", ""), pk=record.pk)
    assert item["page_url"] == f"http://testserver{expected}"


def test_a_membership_links_to_its_state_page():
    membership = factories.MembershipFactory()

    item = anonymous_client().get(detail_url("memberships", membership.pk)).json()

    assert item["page_url"] == f"http://testserver/en/states/{membership.state.slug}/"
    assert item["state"]["slug"] == membership.state.slug


def test_a_meeting_detail_nests_its_delegations_and_documents():
    meeting = factories.MeetingFactory()
    delegation = factories.DelegationFactory(meeting=meeting, level="foreign_minister")
    source = factories.SourceFactory(url="https://en.trend.az/report", title="")
    delegation.sources.add(source)
    document = factories.DocumentFactory(meeting=meeting, url="https://example.org/d.pdf")

    item = anonymous_client().get(detail_url("meetings", meeting.slug)).json()

    assert item["delegations"] == [
        {
            "id": delegation.pk,
            "state": {
                "id": delegation.state.pk,
                "url": f"http://testserver/api/v1/states/{delegation.state.slug}/",
                "slug": delegation.state.slug,
                "name": delegation.state.name,
                "iso2": delegation.state.iso2,
            },
            "head_of_delegation": delegation.head_of_delegation,
            "title": "",
            "level": "foreign_minister",
            "level_display": "Foreign minister",
            "note": "",
            # Its publisher from the table of known sites.
            "sources": [
                {
                    "url": "https://en.trend.az/report",
                    "title": "",
                    "publisher": "Trend News Agency",
                    "accessed_on": None,
                }
            ],
        }
    ]
    assert item["documents"][0]["title"] == document.title
    assert item["documents"][0]["endorsed_candidacies"] == []
    assert item["documents"][0]["url"] == "https://example.org/d.pdf"
    assert item["documents"][0]["file"] is None
    assert item["council"]["slug"] == meeting.council.slug
    assert item["host_state"]["slug"] == meeting.host_state.slug


def test_a_meeting_document_lists_the_published_candidacies_it_endorses():
    meeting = factories.MeetingFactory()
    document = factories.DocumentFactory(meeting=meeting, title="Budapest Declaration")
    published = factories.CandidacyFactory(slug="uzbekistan-unsc")
    draft = factories.CandidacyFactory(publication=Publication.DRAFT)
    document.endorsed_candidacies.add(published, draft)

    item = anonymous_client().get(detail_url("meetings", meeting.slug)).json()

    endorsed = item["documents"][0]["endorsed_candidacies"]
    assert [candidacy["slug"] for candidacy in endorsed] == ["uzbekistan-unsc"]
    assert endorsed[0]["url"] == "http://testserver/api/v1/candidacies/uzbekistan-unsc/"


def test_the_meeting_list_leaves_delegations_documents_and_sources_to_the_detail():
    meeting = make_rich("meetings")
    client = anonymous_client()

    (item,) = results(client.get(list_url("meetings")))
    detail = client.get(detail_url("meetings", meeting.slug)).json()

    assert not {"delegations", "documents", "sources"} & set(item)
    assert item == {name: value for name, value in detail.items() if name in item}
    assert [len(detail[name]) for name in ("delegations", "documents", "sources")] == [1, 1, 1]


def test_a_document_file_is_the_absolute_url_of_its_public_route(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    meeting = factories.MeetingFactory()
    document = factories.DocumentFactory(meeting=meeting)
    document.file = SimpleUploadedFile("text.pdf", PDF, content_type="application/pdf")
    document.save()

    item = anonymous_client().get(detail_url("meetings", meeting.slug)).json()

    # `/documents/<id>/file/`, the only public way to a stored file (the media folder is not
    # served).
    assert item["documents"][0]["file"] == f"http://testserver/en/documents/{document.pk}/file/"
    assert item["documents"][0]["url"] == ""
    assert anonymous_client().get(item["documents"][0]["file"]).status_code == 200


def test_markup_characters_are_escaped_in_json_and_read_back_as_typed():
    title = '<script>alert("x")</script> & more'
    meeting = factories.MeetingFactory(title=title)

    response = anonymous_client().get(detail_url("meetings", meeting.slug))

    assert b"<" not in response.content and b">" not in response.content
    assert b"&" not in response.content
    assert b"\\u003cscript\\u003e" in response.content
    assert response.json()["title"] == title


def test_partial_dates_come_with_their_precision_and_display():
    meeting = factories.MeetingFactory(
        start_date=datetime.date(2011, 10, 1), end_date=None, date_precision="month"
    )

    item = anonymous_client().get(detail_url("meetings", meeting.slug)).json()

    assert item["start_date"] == "2011-10-01"
    assert item["date_precision"] == "month"
    assert item["dates_display"] == "October 2011"


def test_a_candidacy_nests_its_public_supports():
    candidacy = factories.CandidacyFactory()
    support = factories.CandidacySupportFactory(candidacy=candidacy)

    item = anonymous_client().get(detail_url("candidacies", candidacy.slug)).json()

    assert [row["supporting_state"]["slug"] for row in item["supports"]] == [
        support.supporting_state.slug
    ]
    assert item["supports"][0]["declared_on_display"] == "21 May 2025"


def test_an_observer_status_nests_its_steps_in_date_order():
    status = factories.ObserverStatusFactory()
    later = factories.ObserverStatusStepFactory(
        observer_status=status, date=datetime.date(2012, 1, 1), stage="granted"
    )
    earlier = factories.ObserverStatusStepFactory(observer_status=status)

    item = anonymous_client().get(detail_url("observer-statuses", status.pk)).json()

    assert [step["id"] for step in item["steps"]] == [earlier.pk, later.pk]
    assert item["steps"][1]["stage_display"] == "Granted"


def test_a_state_shows_its_current_role():
    membership = factories.MembershipFactory(
        role="observer", state=factories.StateFactory(iso2="HU", iso3="HUN")
    )

    item = anonymous_client().get(detail_url("states", membership.state.slug)).json()

    assert item["current_role"] == "observer"
    assert item["flag"].startswith("http://testserver/static/vendor/flag-icons/4x3/")
    assert item["flag"].endswith(".svg")


def test_an_unknown_record_is_a_json_404():
    response = anonymous_client().get(detail_url("meetings", "no-such-meeting"))

    assert response.status_code == 404
    assert "detail" in response.json()


# --- Drafts ------------------------------------------------------------------------------


@pytest.mark.parametrize("resource", PUBLISHED_RESOURCES)
def test_drafts_are_hidden_from_anonymous_clients(resource):
    published = make(resource)
    draft = make_draft(resource)
    client = anonymous_client()

    listed = client.get(list_url(resource)).json()["results"]
    detail = client.get(detail_url(resource, key_of(resource, draft)))

    assert [item["id"] for item in listed] == [published.pk]
    assert detail.status_code == 404


@pytest.mark.parametrize("resource", PUBLISHED_RESOURCES)
def test_drafts_are_visible_to_editors_and_viewers(resource, editor, viewer):
    draft = make_draft(resource)

    for user in (editor, viewer):
        client = token_client(user)
        listed = client.get(list_url(resource)).json()["results"]
        detail = client.get(detail_url(resource, key_of(resource, draft)))
        assert [item["id"] for item in listed] == [draft.pk]
        assert detail.status_code == 200
        assert detail.json()["publication"] == Publication.DRAFT


def test_a_signed_in_user_without_permissions_sees_published_records_only():
    user = factories.UserFactory(username="reader", is_staff=False)
    make_draft("meetings")

    response = token_client(user).get(list_url("meetings"))

    assert response.json()["count"] == 0


def test_drafts_referred_to_by_published_records_stay_hidden():
    draft_meeting = factories.MeetingFactory(
        publication=Publication.DRAFT,
        start_date=datetime.date(2022, 1, 11),
        end_date=datetime.date(2022, 1, 11),
    )
    draft_candidacy = factories.CandidacyFactory(publication=Publication.DRAFT)
    published_candidacy = factories.CandidacyFactory()
    statement = factories.JointStatementFactory(meeting=draft_meeting)
    statement.endorsed_candidacies.add(draft_candidacy, published_candidacy)

    item = anonymous_client().get(detail_url("statements", statement.slug)).json()

    assert item["meeting"] is None
    assert [c["slug"] for c in item["endorsed_candidacies"]] == [published_candidacy.slug]


def test_internal_supports_never_reach_anonymous_clients(viewer):
    candidacy = factories.CandidacyFactory()
    public = factories.CandidacySupportFactory(candidacy=candidacy)
    internal = factories.CandidacySupportFactory(
        candidacy=candidacy, visibility=SupportVisibility.INTERNAL
    )

    anonymous = anonymous_client().get(detail_url("candidacies", candidacy.slug)).json()
    secretariat = token_client(viewer).get(detail_url("candidacies", candidacy.slug)).json()

    assert [s["id"] for s in anonymous["supports"]] == [public.pk]
    assert {s["id"] for s in secretariat["supports"]} == {public.pk, internal.pk}


def test_internal_supports_do_not_show_through_the_csv_export():
    candidacy = factories.CandidacyFactory()
    internal = factories.CandidacySupportFactory(
        candidacy=candidacy, visibility=SupportVisibility.INTERNAL
    )

    response = anonymous_client().get(list_url("candidacies"), {"format": "csv"})

    assert internal.supporting_state.slug not in response.content.decode()


def test_steps_of_a_draft_observer_status_are_hidden_with_it():
    status = factories.ObserverStatusFactory(publication=Publication.DRAFT)
    factories.ObserverStatusStepFactory(observer_status=status, decision_reference="X/1")

    response = anonymous_client().get(list_url("observer-statuses"))

    assert response.json()["count"] == 0
    assert "X/1" not in response.content.decode()


# --- Pagination --------------------------------------------------------------------------


def test_pages_hold_25_by_default_and_page_size_is_capped_at_100():
    factories.TopicFactory.create_batch(120)
    client = anonymous_client()

    default = client.get(list_url("topics"))
    large = client.get(list_url("topics"), {"page_size": 500})
    small = client.get(list_url("topics"), {"page_size": 10, "page": 2})

    assert len(results(default)) == 25
    assert len(results(large)) == 100
    assert len(results(small)) == 10
    assert large.json()["count"] == 120


@pytest.mark.parametrize("page_size", ["abc", "0", "-5", ""])
def test_an_unusable_page_size_falls_back_to_the_default(page_size):
    factories.TopicFactory.create_batch(30)

    response = anonymous_client().get(list_url("topics"), {"page_size": page_size})

    assert response.status_code == 200
    assert len(results(response)) == 25


@pytest.mark.parametrize("page", ["abc", "0", "-1", "1.5"])
def test_an_invalid_page_number_is_a_400_naming_page(page):
    response = anonymous_client().get(list_url("topics"), {"page": page})

    assert response.status_code == 400
    assert "page" in response.json()


def test_a_page_past_the_last_is_a_404_and_last_works():
    factories.TopicFactory.create_batch(3)
    client = anonymous_client()

    assert client.get(list_url("topics"), {"page": 2}).status_code == 404
    assert client.get(list_url("topics"), {"page": "last"}).status_code == 200


def test_pages_are_stable_when_the_sort_key_ties():
    # Same start date for every meeting: the primary key breaks the tie.
    factories.MeetingFactory.create_batch(30, title="Same title")
    client = anonymous_client()

    first = client.get(list_url("meetings"), {"page_size": 10, "ordering": "start_date"})
    pages = [
        slugs(client.get(list_url("meetings"), {"page_size": 10, "page": n, "ordering": "title"}))
        for n in (1, 2, 3)
    ]

    assert first.status_code == 200
    assert len({slug for page in pages for slug in page}) == 30


# --- Throttling --------------------------------------------------------------------------


def test_anonymous_clients_are_throttled_but_staff_are_not(monkeypatch, editor):
    from rest_framework.throttling import AnonRateThrottle

    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "2/minute"})
    client = anonymous_client()
    # Distinct URLs: a page served from the shared page cache does not reach the throttle.
    statuses = [client.get(list_url("topics"), {"page_size": n}).status_code for n in (1, 2, 3)]
    staff = [token_client(editor).get(list_url("topics")).status_code for _ in range(3)]

    assert statuses == [200, 200, 429]
    assert staff == [200, 200, 200]


# --- The API's edges ---------------------------------------------------------------------


def test_the_api_root_lists_every_resource():
    response = anonymous_client().get("/api/v1/")

    # The documents library and the Secretaries General are read only (tests/test_documents.py,
    # tests/test_subscriptions.py), so not among RESOURCES, which the write tests go through.
    assert set(response.json()) == {*RESOURCES, "documents", "secretaries-general"}


def test_an_unknown_api_path_is_a_json_404_and_a_missing_slash_redirects():
    client = anonymous_client()

    unknown = client.get("/api/v1/no-such-resource/")
    no_slash = client.get("/api/v1/meetings")

    assert unknown.status_code == 404
    assert unknown.json() == {"detail": "Not found."}
    assert no_slash.status_code == 301
    assert no_slash["Location"] == "/api/v1/meetings/"


def test_the_browsable_api_works_for_editors_and_is_never_shared(editor_client):
    meeting = factories.MeetingFactory()
    client = anonymous_client()

    for url in (list_url("meetings"), detail_url("meetings", meeting.slug), "/api/v1/"):
        page = editor_client.get(url, HTTP_ACCEPT="text/html")
        assert page.status_code == 200
        assert "private" in page["Cache-Control"]
        # An anonymous browser's page is private too, so JSON clients never get it.
        assert "private" in client.get(url, HTTP_ACCEPT="text/html")["Cache-Control"]
        assert client.get(url)["Content-Type"] == "application/json"


def test_options_describe_a_resource(editor):
    response = token_client(editor).options(list_url("meetings"))

    assert response.status_code == 200
    assert "slug" in response.json()["actions"]["POST"]
