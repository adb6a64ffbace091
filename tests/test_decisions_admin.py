"""The decisions in the admin: an editor adds a decision with its follow-up, the meeting's form
lists its decisions, the changelist filters and searches."""

import ast
from pathlib import Path

import pytest
from django.contrib import admin
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

import events.admin
from decisions.admin import MeetingDecisionInline
from decisions.models import Decision
from events.models import Meeting

from . import factories

pytestmark = pytest.mark.django_db

ADD = reverse("admin:decisions_decision_add")
CHANGELIST = reverse("admin:decisions_decision_changelist")


def decision_form(meeting, steps=()):
    data = {
        "meeting": meeting.pk,
        "kind": "instruction",
        "order": 1,
        "text_en": "The heads of state instructed the Secretariat to draft a vision.",
        "deadline_precision": "day",
        "publication": "published",
        "steps-TOTAL_FORMS": len(steps),
        "steps-INITIAL_FORMS": 0,
    }
    for index, step in enumerate(steps):
        for name, value in step.items():
            data[f"steps-{index}-{name}"] = value
    return data


def test_an_editor_adds_a_decision_with_two_steps_and_its_status_follows(editor_client, editor):
    meeting = factories.MeetingFactory(kind="summit", start_date="2021-03-31")
    later = factories.MeetingFactory(kind="summit", start_date="2021-11-12")
    reader = Client()
    summit_page = meeting.get_absolute_url()
    assert "draft a vision" not in reader.get(summit_page).content.decode()  # now cached
    response = editor_client.post(
        ADD,
        decision_form(
            meeting,
            [
                {"date": "2021-06-01", "date_precision": "month", "status": "in_progress"},
                {
                    "date": "2021-11-12",
                    "date_precision": "day",
                    "status": "implemented",
                    "reported_at": later.pk,
                },
            ],
        ),
    )
    assert response.status_code == 302, [
        form.errors for form in response.context["inline_admin_formsets"][0].formset
    ]
    decision = Decision.objects.get()
    assert decision.status == "implemented"
    assert [step.status for step in decision.steps.all()] == ["in_progress", "implemented"]
    assert decision.steps.last().reported_at == later
    assert decision.history.first().history_user == editor

    api = APIClient().get(f"/api/v1/decisions/{decision.pk}/").json()
    assert api["status"] == "implemented"
    assert [step["status"] for step in api["steps"]] == ["in_progress", "implemented"]
    # The summit's page shows the new decision with its status at once (its cached copy is
    # stale the moment the editor saves).
    page = reader.get(summit_page).content.decode()
    assert "draft a vision" in page and "badge--implemented" in page


def test_a_step_before_its_decision_is_refused_on_its_date(editor_client):
    meeting = factories.MeetingFactory(kind="summit", start_date="2021-03-31")
    response = editor_client.post(
        ADD,
        decision_form(
            meeting, [{"date": "2020-01-01", "date_precision": "day", "status": "dropped"}]
        ),
    )
    assert response.status_code == 200
    steps = response.context["inline_admin_formsets"][0].formset
    assert "date" in steps[0].errors
    assert not Decision.objects.exists()


def test_a_step_in_the_decisions_month_passes_at_month_precision(editor_client):
    meeting = factories.MeetingFactory(kind="summit", start_date="2021-03-31")
    response = editor_client.post(
        ADD,
        decision_form(
            meeting, [{"date": "2021-03-01", "date_precision": "month", "status": "in_progress"}]
        ),
    )
    assert response.status_code == 302
    assert Decision.objects.get().status == "in_progress"


def test_the_meeting_form_lists_its_decisions(editor_client):
    decision = factories.DecisionFactory(text="Turkistan is the spiritual capital.")
    response = editor_client.get(reverse("admin:events_meeting_change", args=[decision.meeting.pk]))
    assert response.status_code == 200
    assert "Turkistan is the spiritual capital." in response.content.decode()


def test_the_changelist_filters_by_status_council_meeting_and_addressee(editor_client):
    implemented = factories.DecisionStepFactory(status="implemented").decision
    other = factories.DecisionFactory()
    state = factories.StateFactory()
    other.addressed_states.add(state)

    def listed(params):
        response = editor_client.get(CHANGELIST, params)
        return [decision.pk for decision in response.context["cl"].result_list]

    assert listed({"status__exact": "implemented"}) == [implemented.pk]
    assert listed({"status__exact": "not_recorded"}) == [other.pk]
    assert listed({"meeting": str(other.meeting_id)}) == [other.pk]
    assert listed({"meeting__council__id__exact": implemented.meeting.council_id}) == [
        implemented.pk
    ]
    assert listed({"addressed_states__id__exact": state.pk}) == [other.pk]
    assert listed({"year": str(other.meeting.start_date.year)}) != []


def test_search_finds_decisions_by_text_in_any_language_and_by_meeting_title(editor_client):
    meeting = factories.MeetingFactory(title="Samarkand Summit")
    found = factories.DecisionFactory(meeting=meeting, text="Investment fund set up.")
    found.text_ru = "Учреждён инвестиционный фонд."
    found.save()
    factories.DecisionFactory(text="Something else entirely.")
    for query in ("investment", "инвестиционный", "Samarkand"):
        response = editor_client.get(CHANGELIST, {"q": query})
        assert [d.pk for d in response.context["cl"].result_list] == [found.pk], query


def test_the_publish_action_publishes_decisions(editor_client):
    draft = factories.DecisionFactory(publication="draft")
    editor_client.post(CHANGELIST, {"action": "publish", "_selected_action": [draft.pk]})
    draft.refresh_from_db()
    assert draft.publication == "published"


def test_events_admin_does_not_import_decisions():
    """The decisions inline is added to the meeting's admin from decisions/admin.py."""
    tree = ast.parse(Path(events.admin.__file__).read_text(encoding="utf-8"))
    imported = [node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)]
    imported += [
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    ]
    assert not any(name.startswith("decisions") for name in imported)
    assert MeetingDecisionInline in admin.site.get_model_admin(Meeting).inlines
