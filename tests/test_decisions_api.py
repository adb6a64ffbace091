"""The decisions in the API: reads with their steps and status, each filter, CSV, editors'
writes (a decision and two steps), refusals naming the field, drafts hidden."""

import csv
import datetime
import io

import pytest

from decisions.models import Decision, DecisionStep

from . import factories
from .api_helpers import anonymous_client, token_client

pytestmark = pytest.mark.django_db

DECISIONS = "/api/v1/decisions/"
STEPS = "/api/v1/decision-steps/"


def listed(url=DECISIONS, client=None, **params):
    response = (client or anonymous_client()).get(url, params)
    assert response.status_code == 200, response.content
    return sorted(item["id"] for item in response.json()["results"])


@pytest.fixture
def summit():
    return factories.MeetingFactory(
        kind="summit", slug="8th-summit", start_date=datetime.date(2021, 11, 12), end_date=None
    )


# --- Reads -------------------------------------------------------------------------------


def test_a_decision_reads_with_its_meeting_steps_and_status(summit):
    decision = factories.DecisionFactory(meeting=summit, kind="renaming", text="Renamed the OTS.")
    factories.DecisionStepFactory(decision=decision, status="implemented", reported_at=summit)

    item = anonymous_client().get(f"{DECISIONS}{decision.pk}/").json()

    assert item["meeting"]["slug"] == "8th-summit"
    assert item["status"] == "implemented"
    assert item["status_display"] == "Implemented"
    assert item["is_act"] is True
    assert item["page_url"] == f"http://testserver/en/decisions/{decision.pk}/"
    (step,) = item["steps"]
    assert step["date"] == "2021-11-12"
    assert step["reported_at"]["slug"] == "8th-summit"
    assert item["fallbacks"] == {}


def test_a_decision_without_steps_is_not_recorded():
    decision = factories.DecisionFactory()

    item = anonymous_client().get(f"{DECISIONS}{decision.pk}/").json()

    assert item["status"] == "not_recorded"
    assert item["steps"] == []


# --- Filters -----------------------------------------------------------------------------


def test_decisions_filter_by_each_of_their_filters(summit):
    council = factories.CouncilFactory(slug="council-of-heads-of-state")
    summit.council = council
    summit.save()
    state = factories.StateFactory(slug="turkmenistan")
    organization = factories.OrganizationFactory(slug="united-nations")
    topic = factories.TopicFactory(slug="connectivity")
    organ = factories.CouncilFactory(slug="secretariat")
    first = factories.DecisionFactory(meeting=summit, kind="admission")
    first.addressed_states.add(state)
    first.addressed_organizations.add(organization)
    first.topics.add(topic)
    first.addressed_councils.add(organ)
    factories.DecisionStepFactory(decision=first, status="implemented")
    other = factories.DecisionFactory(
        meeting=factories.MeetingFactory(start_date=datetime.date(2019, 10, 15), end_date=None)
    )

    assert listed(council="council-of-heads-of-state") == [first.pk]
    assert listed(meeting="8th-summit") == [first.pk]
    assert listed(kind="admission") == [first.pk]
    assert listed(status="implemented") == [first.pk]
    assert listed(status="not_recorded") == [other.pk]
    assert listed(addressed_council="secretariat") == [first.pk]
    assert listed(addressed_state="turkmenistan") == [first.pk]
    assert listed(addressed_organization="united-nations") == [first.pk]
    assert listed(topic="connectivity") == [first.pk]
    assert listed(year=2019) == [other.pk]
    assert listed(search="Meeting") == sorted([first.pk, other.pk])


def test_steps_filter_by_decision_status_and_reporting_meeting(summit):
    decision = factories.DecisionFactory()
    reported = factories.DecisionStepFactory(
        decision=decision, status="implemented", reported_at=summit
    )
    other = factories.DecisionStepFactory(status="in_progress")

    assert listed(STEPS, decision=decision.pk) == [reported.pk]
    assert listed(STEPS, status="in_progress") == [other.pk]
    assert listed(STEPS, reported_at="8th-summit") == [reported.pk]


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"status": "adopted"}, "status"),
        ({"kind": "wish"}, "kind"),
        ({"meeting": "no-such-meeting"}, "meeting"),
        ({"year": "twenty"}, "year"),
    ],
)
def test_a_bad_filter_is_a_400_naming_it(params, field):
    response = anonymous_client().get(DECISIONS, params)

    assert response.status_code == 400
    assert field in response.json()


# --- CSV ---------------------------------------------------------------------------------


def test_decisions_export_as_csv_with_their_filters(summit):
    state = factories.StateFactory(slug="hungary")
    kept = factories.DecisionFactory(meeting=summit, text="Observer status granted.")
    kept.addressed_states.add(state)
    factories.DecisionStepFactory(decision=kept, status="implemented")
    factories.DecisionFactory(text="Left out.")

    response = anonymous_client().get(DECISIONS, {"format": "csv", "status": "implemented"})

    assert response.status_code == 200
    (row,) = csv.DictReader(io.StringIO(response.content.decode("utf-8")))
    assert row["text"] == "Observer status granted."
    assert row["meeting"] == "8th-summit"
    assert row["addressed_states"] == "hungary"
    assert row["status"] == "implemented"
    assert "fallbacks" not in row


# --- Writes ------------------------------------------------------------------------------


def test_an_editor_adds_a_decision_and_two_steps_and_the_status_follows(editor, summit):
    client = token_client(editor)
    later = factories.MeetingFactory(slug="9th-summit", start_date=datetime.date(2022, 11, 11))
    factories.StateFactory(slug="turkmenistan")

    created = client.post(
        DECISIONS,
        {
            "meeting": "8th-summit",
            "kind": "instruction",
            "text": "The heads of state instructed the Secretariat to draft a strategy.",
            "addressed_states": ["turkmenistan"],
            "publication": "published",
        },
        format="json",
    )
    assert created.status_code == 201, created.content
    decision_id = created.json()["id"]
    assert created.json()["status"] == "not_recorded"

    for body in (
        {"date": "2022-03-01", "date_precision": "month", "status": "in_progress"},
        {"date": "2022-11-11", "status": "implemented", "reported_at": "9th-summit"},
    ):
        response = client.post(STEPS, {"decision": decision_id, **body}, format="json")
        assert response.status_code == 201, response.content

    decision = Decision.objects.get(pk=decision_id)
    assert decision.status == "implemented"
    assert decision.steps.last().reported_at == later
    item = anonymous_client().get(f"{DECISIONS}{decision_id}/").json()
    assert [step["status"] for step in item["steps"]] == ["in_progress", "implemented"]
    assert decision.history.first().history_user == editor

    # Deleting the latest step brings the status back to the one before.
    client.delete(f"{STEPS}{decision.steps.last().pk}/")
    decision.refresh_from_db()
    assert decision.status == "in_progress"


def test_a_step_before_its_decision_is_a_400_on_date(editor, summit):
    decision = factories.DecisionFactory(meeting=summit)

    response = token_client(editor).post(
        STEPS,
        {"decision": decision.pk, "date": "2021-10-01", "status": "implemented"},
        format="json",
    )

    assert response.status_code == 400
    assert "date" in response.json()
    assert not DecisionStep.objects.exists()


def test_a_step_in_the_decisions_month_passes_at_month_precision(editor, summit):
    decision = factories.DecisionFactory(meeting=summit)

    response = token_client(editor).post(
        STEPS,
        {
            "decision": decision.pk,
            "date": "2021-11-01",
            "date_precision": "month",
            "status": "in_progress",
        },
        format="json",
    )

    assert response.status_code == 201, response.content


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"kind": "wish"}, "kind"),
        ({"meeting": "no-such-meeting"}, "meeting"),
        ({"addressed_states": ["atlantis"]}, "addressed_states"),
        ({"deadline": "2020-01-01"}, "deadline"),
    ],
)
def test_bad_decision_input_is_a_400_naming_the_field(editor, summit, body, field):
    decision = factories.DecisionFactory(meeting=summit)

    response = token_client(editor).patch(f"{DECISIONS}{decision.pk}/", body, format="json")

    assert response.status_code == 400
    assert field in response.json()


def test_a_document_of_another_meeting_is_a_400_on_document(editor, summit):
    decision = factories.DecisionFactory(meeting=summit)
    elsewhere = factories.DocumentFactory()

    response = token_client(editor).patch(
        f"{DECISIONS}{decision.pk}/", {"document": elsewhere.pk}, format="json"
    )

    assert response.status_code == 400
    assert "document" in response.json()


def test_an_unknown_step_status_is_a_400_on_status(editor):
    decision = factories.DecisionFactory()

    response = token_client(editor).post(
        STEPS,
        {"decision": decision.pk, "date": "2024-12-01", "status": "adopted"},
        format="json",
    )

    assert response.status_code == 400
    assert "status" in response.json()


def test_viewers_and_anonymous_clients_cannot_write_steps(viewer):
    decision = factories.DecisionFactory()
    body = {"decision": decision.pk, "date": "2024-12-01", "status": "implemented"}

    assert anonymous_client().post(STEPS, body, format="json").status_code == 401
    assert token_client(viewer).post(STEPS, body, format="json").status_code == 403
    assert not DecisionStep.objects.exists()


# --- Drafts ------------------------------------------------------------------------------


def test_drafts_and_decisions_of_draft_meetings_are_hidden_with_their_steps(editor):
    public = factories.DecisionFactory()
    draft = factories.DecisionFactory(publication="draft")
    of_a_draft_meeting = factories.DecisionFactory(meeting__publication="draft")
    steps = {
        decision.pk: factories.DecisionStepFactory(decision=decision).pk
        for decision in (public, draft, of_a_draft_meeting)
    }

    assert listed() == [public.pk]
    assert listed(STEPS) == [steps[public.pk]]
    for hidden in (draft, of_a_draft_meeting):
        assert anonymous_client().get(f"{DECISIONS}{hidden.pk}/").status_code == 404
        assert anonymous_client().get(f"{STEPS}{steps[hidden.pk]}/").status_code == 404
    staff = token_client(editor)
    assert listed(client=staff) == sorted([public.pk, draft.pk, of_a_draft_meeting.pk])
    assert len(listed(STEPS, client=staff)) == 3
