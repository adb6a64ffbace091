"""The admin as the Secretariat's daily tool: every page opens, search and filters work,
publishing works, viewers only view, and changelists cost the same queries for 5 or 50 rows."""

import pytest
from django.contrib import admin
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from events.models import Meeting
from memberships.models import CandidacySupport
from otscoop.cache import CONTENT_APPS
from otscoop.choices import Publication

from . import factories

pytestmark = pytest.mark.django_db

FACTORIES = {
    "otscoop.source": factories.SourceFactory,
    "memberships.state": factories.StateFactory,
    "memberships.membership": factories.MembershipFactory,
    "memberships.organization": factories.OrganizationFactory,
    "memberships.observerstatus": factories.ObserverStatusFactory,
    "memberships.observerstatusstep": factories.ObserverStatusStepFactory,
    "memberships.candidacy": factories.CandidacyFactory,
    "memberships.candidacysupport": factories.CandidacySupportFactory,
    "memberships.place": factories.PlaceFactory,
    "events.council": factories.CouncilFactory,
    "events.meeting": factories.MeetingFactory,
    "events.delegation": factories.DelegationFactory,
    "events.document": factories.DocumentFactory,
    "events.topic": factories.TopicFactory,
    "events.jointstatement": factories.JointStatementFactory,
    "events.electionobservationmission": factories.ElectionObservationMissionFactory,
    "events.secretarygeneral": factories.SecretaryGeneralFactory,
    "decisions.decision": factories.DecisionFactory,
    "decisions.decisionstep": factories.DecisionStepFactory,
}
MODELS = sorted(
    (model for model in admin.site._registry if model._meta.app_label in CONTENT_APPS),
    key=lambda model: model._meta.label_lower,
)
MODEL_IDS = [model._meta.label_lower for model in MODELS]


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def test_every_content_model_is_in_the_admin_and_has_a_factory():
    assert {model._meta.label_lower for model in MODELS} == set(FACTORIES)


@pytest.mark.parametrize("model", MODELS, ids=MODEL_IDS)
def test_editor_opens_changelist_add_change_and_history_pages(editor_client, model):
    record = FACTORIES[model._meta.label_lower]()
    for url in (
        admin_url(model, "changelist"),
        admin_url(model, "add"),
        admin_url(model, "change", record.pk),
        admin_url(model, "history", record.pk),
    ):
        response = editor_client.get(url)
        assert response.status_code == 200, url


@pytest.mark.parametrize("model", MODELS, ids=MODEL_IDS)
def test_search_and_every_list_filter_work(editor_client, model):
    records = FACTORIES[model._meta.label_lower].create_batch(2)
    # A filter on a many-to-many field shows only when there is something to pick.
    for field in model._meta.many_to_many:
        related = FACTORIES[field.related_model._meta.label_lower]()
        for record in records:
            getattr(record, field.name).add(related)
    url = admin_url(model, "changelist")
    response = editor_client.get(url, {"q": "a"})
    assert response.status_code == 200
    assert "cl" in response.context, "search gave the error page"

    response = editor_client.get(url)
    filter_specs = response.context["cl"].filter_specs
    assert len(filter_specs) == len(admin.site._registry[model].list_filter)
    for spec in filter_specs:
        choices = list(spec.choices(response.context["cl"]))
        assert len(choices) >= 2, f"{spec.title} offers nothing to pick"
        for choice in choices:
            filtered = editor_client.get(url + choice["query_string"])
            assert filtered.status_code == 200
            # An invalid lookup redirects with ?e=1; a working one renders the list.
            assert "cl" in filtered.context, choice["query_string"]


def test_search_finds_a_meeting_by_city(editor_client):
    factories.MeetingFactory(title="Gabala Summit", city="Gabala")
    factories.MeetingFactory(title="Bishkek Summit", city="Bishkek")
    response = editor_client.get(admin_url(Meeting, "changelist"), {"q": "Gabala"})
    assert [m.title for m in response.context["cl"].result_list] == ["Gabala Summit"]


def test_search_finds_a_meeting_by_the_start_of_a_word_and_by_its_host(editor_client):
    host = factories.StateFactory(name="Kazakhstan")
    factories.MeetingFactory(title="Astana Summit", city="Astana", host_state=host)
    factories.MeetingFactory(title="Bishkek Summit", city="Bishkek")
    changelist = admin_url(Meeting, "changelist")
    for query in ("Asta", "kazakh", "summit astana"):
        response = editor_client.get(changelist, {"q": query})
        assert [m.title for m in response.context["cl"].result_list] == ["Astana Summit"], query


def test_filter_narrows_meetings_by_publication(editor_client):
    factories.MeetingFactory(title="Out", publication=Publication.PUBLISHED)
    factories.MeetingFactory(title="Draft one", publication=Publication.DRAFT)
    response = editor_client.get(admin_url(Meeting, "changelist"), {"publication__exact": "draft"})
    assert [m.title for m in response.context["cl"].result_list] == ["Draft one"]


def test_publish_action_publishes_and_records_who_did_it(editor_client, editor):
    drafts = factories.MeetingFactory.create_batch(2, publication=Publication.DRAFT)
    response = editor_client.post(
        admin_url(Meeting, "changelist"),
        {"action": "publish", "_selected_action": [m.pk for m in drafts]},
        follow=True,
    )
    assert response.status_code == 200
    for meeting in drafts:
        meeting.refresh_from_db()
        assert meeting.publication == Publication.PUBLISHED
        assert meeting.published_at is not None
        assert meeting.history.first().history_user == editor


def test_unpublish_action_returns_records_to_draft(editor_client):
    meeting = factories.MeetingFactory(publication=Publication.PUBLISHED)
    editor_client.post(
        admin_url(Meeting, "changelist"),
        {"action": "unpublish", "_selected_action": [meeting.pk]},
    )
    meeting.refresh_from_db()
    assert meeting.publication == Publication.DRAFT


def test_editor_adds_a_meeting_with_a_delegation_through_the_admin(editor_client, editor):
    council = factories.CouncilFactory()
    state = factories.StateFactory()
    response = editor_client.post(
        admin_url(Meeting, "add"),
        {
            "title_en": "12th Summit",
            "slug": "12th-summit",
            "kind": "summit",
            "council": council.pk,
            "number": 12,
            "status": "held",
            "start_date": "2025-10-07",
            "date_precision": "day",
            "city_en": "Gabala",
            "host_state": state.pk,
            "format": "in_person",
            "publication": "draft",
            "delegations-TOTAL_FORMS": 1,
            "delegations-INITIAL_FORMS": 0,
            "delegations-0-state": state.pk,
            "delegations-0-head_of_delegation": "The President",
            "delegations-0-level": "head_of_state",
            "documents-TOTAL_FORMS": 0,
            "documents-INITIAL_FORMS": 0,
            "decisions-TOTAL_FORMS": 0,
            "decisions-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == 302, response.context["adminform"].errors
    meeting = Meeting.objects.get(slug="12th-summit")
    assert meeting.delegations.get().state == state
    assert meeting.history.get().history_user == editor


def test_admin_form_names_the_field_when_dates_are_reversed(editor_client):
    council = factories.CouncilFactory()
    response = editor_client.post(
        admin_url(Meeting, "add"),
        {
            "title_en": "Bad dates",
            "slug": "bad-dates",
            "kind": "council_meeting",
            "council": council.pk,
            "status": "held",
            "start_date": "2025-10-07",
            "end_date": "2025-10-01",
            "date_precision": "day",
            "format": "in_person",
            "publication": "draft",
            "delegations-TOTAL_FORMS": 0,
            "delegations-INITIAL_FORMS": 0,
            "documents-TOTAL_FORMS": 0,
            "documents-INITIAL_FORMS": 0,
            "decisions-TOTAL_FORMS": 0,
            "decisions-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == 200
    assert "end_date" in response.context["adminform"].form.errors
    assert not Meeting.objects.filter(slug="bad-dates").exists()


def test_support_for_own_candidacy_is_refused_in_the_inline(editor_client):
    candidacy = factories.CandidacyFactory()
    data = {
        "state": candidacy.state.pk,
        "organization": candidacy.organization.pk,
        "post_en": candidacy.post,
        "slug": candidacy.slug,
        "term_start": 2027,
        "term_end": 2028,
        "election_date_precision": "day",
        "outcome": "pending",
        "publication": "published",
        "supports-TOTAL_FORMS": 1,
        "supports-INITIAL_FORMS": 0,
        "supports-0-supporting_state": candidacy.state.pk,
        "supports-0-declared_on_precision": "day",
        "supports-0-visibility": "public",
    }
    response = editor_client.post(admin_url(type(candidacy), "change", candidacy.pk), data)
    assert response.status_code == 200
    assert "supporting_state" in response.context["inline_admin_formsets"][0].formset[0].errors
    assert not CandidacySupport.objects.exists()


def test_deleting_a_referenced_state_is_refused_with_a_message(editor_client):
    meeting = factories.MeetingFactory()
    state = meeting.host_state
    response = editor_client.get(admin_url(type(state), "delete", state.pk))
    assert response.status_code == 200
    assert "protected" in response.content.decode().lower()
    response = editor_client.post(admin_url(type(state), "delete", state.pk), {"post": "yes"})
    assert type(state).objects.filter(pk=state.pk).exists()


@pytest.mark.parametrize("model", MODELS, ids=MODEL_IDS)
def test_viewer_can_view_but_not_change_add_or_delete(viewer_client, model):
    record = FACTORIES[model._meta.label_lower]()
    assert viewer_client.get(admin_url(model, "changelist")).status_code == 200
    response = viewer_client.get(admin_url(model, "change", record.pk))
    assert response.status_code == 200
    assert response.context["has_change_permission"] is False
    assert viewer_client.get(admin_url(model, "add")).status_code == 403
    assert viewer_client.post(admin_url(model, "change", record.pk), {}).status_code == 403
    assert (
        viewer_client.post(admin_url(model, "delete", record.pk), {"post": "yes"}).status_code
        == 403
    )
    assert model.objects.filter(pk=record.pk).exists()


def test_viewer_cannot_run_the_publish_action(viewer_client):
    draft = factories.MeetingFactory(publication=Publication.DRAFT)
    viewer_client.post(
        admin_url(Meeting, "changelist"), {"action": "publish", "_selected_action": [draft.pk]}
    )
    draft.refresh_from_db()
    assert draft.publication == Publication.DRAFT


def _changelist_queries(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("model", MODELS, ids=MODEL_IDS)
def test_changelist_query_count_does_not_grow_with_rows(editor_client, model):
    factory = FACTORIES[model._meta.label_lower]
    url = admin_url(model, "changelist")
    factory.create_batch(5)
    editor_client.get(url)  # warm the session and content-type caches
    with_5 = _changelist_queries(editor_client, url)
    factory.create_batch(45)
    with_50 = _changelist_queries(editor_client, url)
    assert with_50 == with_5


@pytest.mark.parametrize(
    ("parent_factory", "add_rows"),
    [
        (
            factories.MeetingFactory,
            lambda meeting, n: factories.DelegationFactory.create_batch(n, meeting=meeting),
        ),
        (
            factories.CandidacyFactory,
            lambda candidacy, n: factories.CandidacySupportFactory.create_batch(
                n, candidacy=candidacy
            ),
        ),
        (
            factories.MeetingFactory,
            lambda meeting, n: factories.DecisionFactory.create_batch(n, meeting=meeting),
        ),
        (
            factories.DecisionFactory,
            lambda decision, n: [
                factories.DecisionStepFactory(
                    decision=decision,
                    reported_at=factories.MeetingFactory(kind="summit"),
                    reported_in=factories.JointStatementFactory(),
                )
                for _ in range(n)
            ],
        ),
    ],
    ids=["meeting-delegations", "candidacy-supports", "meeting-decisions", "decision-steps"],
)
def test_a_change_form_costs_the_same_queries_with_2_and_with_12_inline_rows(
    editor_client, parent_factory, add_rows
):
    parent = parent_factory()
    url = admin_url(type(parent), "change", parent.pk)
    add_rows(parent, 2)
    editor_client.get(url)  # warm the session and content-type caches
    with_2 = _changelist_queries(editor_client, url)
    add_rows(parent, 10)
    with_12 = _changelist_queries(editor_client, url)
    assert with_12 == with_2


@pytest.mark.parametrize(
    "factory",
    [
        factories.MeetingFactory,
        factories.JointStatementFactory,
        factories.ElectionObservationMissionFactory,
        factories.StateFactory,
        factories.CouncilFactory,
        factories.CandidacyFactory,
        factories.ObserverStatusFactory,
    ],
    ids=lambda factory: factory._meta.model._meta.model_name,
)
def test_view_on_site_opens_the_public_page(editor_client, factory):
    from django.contrib.contenttypes.models import ContentType

    record = factory()
    content_type = ContentType.objects.get_for_model(record)
    response = editor_client.get(f"/admin/r/{content_type.pk}/{record.pk}/", follow=True)
    assert response.status_code == 200
    assert (
        response.redirect_chain[-1][0]
        .split("#")[0]
        .endswith(record.get_absolute_url().split("#")[0])
    )


@pytest.mark.parametrize("query", ["a'b", "&|!():*", "\\\\", "<->", "'", "x:*"])
def test_search_takes_any_text(editor_client, query):
    factories.MeetingFactory(title="Astana Summit")
    response = editor_client.get(admin_url(Meeting, "changelist"), {"q": query})
    assert response.status_code == 200 and "cl" in response.context
