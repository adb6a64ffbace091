"""The demo's decisions (issue 17): every key decision of the summits in the shared facts is a
decision of its summit, in the project's own words and three languages, with its summit's
sources; acts carry their one step; the follow-ups the facts show are linked to the meetings
that carried them out; a second load writes nothing and a person's edit is kept."""

import datetime
import json
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from decisions.choices import ACT_KINDS
from decisions.demo import read_data
from decisions.models import Decision, DecisionStep
from events.demo.loader import load_demo, totals
from events.models import Meeting

from .api_helpers import token_client

pytestmark = pytest.mark.django_db

FACTS_PATH = Path(settings.BASE_DIR).parent / "shared/data/ots_facts.json"
NO_FACTS = pytest.mark.skipif(
    not FACTS_PATH.exists(), reason="shared/data/ots_facts.json is not beside"
)
DATA = read_data()


def facts() -> dict:
    return json.loads(FACTS_PATH.read_text(encoding="utf-8"))


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=StringIO())


def follow_up(meeting_slug, order):
    decision = Decision.objects.get(meeting__slug=meeting_slug, order=order)
    return decision, list(decision.steps.select_related("reported_at"))


@NO_FACTS
def test_each_summit_has_as_many_decisions_as_its_key_decisions_in_the_facts():
    events_data = json.loads(
        (Path(settings.BASE_DIR) / "events/demo/data.json").read_text(encoding="utf-8")
    )
    slug_of = {
        record["name"]: record["app"]["meeting"]["slug"] for record in events_data["summits"]
    }
    wanted = {
        slug_of[summit["name"]]: len(summit["key_decisions"])
        for summit in facts()["summits"]
        if summit.get("key_decisions")
    }
    have = {entry["meeting"]: len(entry["decisions"]) for entry in DATA["meetings"]}
    assert have == wanted
    assert sum(have.values()) == 51


@NO_FACTS
def test_the_texts_are_the_projects_own_words_in_english_only():
    """Prose is never translated by the team: the Turkish and Russian pages mark the English."""
    written = {text.casefold() for s in facts()["summits"] for text in s.get("key_decisions", [])}
    for entry in DATA["meetings"]:
        for record in entry["decisions"]:
            assert set(record["text"]) == {"en"}
            assert record["text"]["en"]
            assert record["text"]["en"].casefold() not in written


def test_the_51_decisions_load_published_with_their_summits_sources(demo):
    decisions = Decision.objects.select_related("meeting").prefetch_related("sources")
    assert decisions.count() == 51
    assert Decision.objects.public().count() == 51
    for decision in decisions:
        assert decision.meeting.kind.endswith("summit")
        assert {source.url for source in decision.sources.all()} == set(
            decision.meeting.sources.values_list("url", flat=True)
        )
        # Prose: written in English only, never translated by the team.
        assert decision.text_en and not decision.text_tr and not decision.text_ru


def test_acts_have_one_implemented_step_on_their_meetings_date(demo):
    acts = Decision.objects.filter(kind__in=ACT_KINDS).select_related("meeting")
    assert acts.count() >= 30
    for act in acts:
        steps = list(act.steps.all())
        assert [step.status for step in steps][:1] == ["implemented"], act
        assert steps[0].date == act.meeting.start_date
        assert act.status == "implemented"


def test_plans_without_a_fact_of_their_follow_up_have_no_step(demo):
    plans = Decision.objects.filter(kind__in=["commitment", "endorsement"])
    assert plans.exists()
    for plan in plans:
        assert not plan.steps.exists()
        assert plan.status == "not_recorded"


@pytest.mark.parametrize(
    ("meeting", "order", "reported_at", "date"),
    [
        # the Turkic Business Council and the culture fund foreseen in 2010
        ("summit-2010-istanbul", 3, "1st-summit-2011-almaty", datetime.date(2011, 10, 21)),
        ("summit-2010-istanbul", 3, "2nd-summit-2012-bishkek", datetime.date(2012, 8, 22)),
        # the renaming confirmed in March 2021, done in November
        ("informal-summit-2021-online", 2, "8th-summit-2021-istanbul", datetime.date(2021, 11, 12)),
        # the next summits, held where they were decided
        ("7th-summit-2019-baku", 5, "8th-summit-2021-istanbul", datetime.date(2021, 11, 12)),
        ("10th-summit-2023-astana", 4, "11th-summit-2024-bishkek", datetime.date(2024, 11, 6)),
        (
            "11th-summit-2024-bishkek",
            5,
            "informal-summit-2025-budapest",
            datetime.date(2025, 5, 21),
        ),
    ],
)
def test_the_follow_ups_are_linked_to_the_meetings_that_carried_them_out(
    demo, meeting, order, reported_at, date
):
    decision, steps = follow_up(meeting, order)
    (step,) = [step for step in steps if step.reported_at.slug == reported_at]
    assert step.date == date
    assert decision.status == "implemented"
    assert set(step.sources.values_list("url", flat=True)) == set(
        Meeting.objects.get(slug=reported_at).sources.values_list("url", flat=True)
    )


def test_the_2010_plan_was_partly_done_in_2011_and_done_in_2012(demo):
    decision, steps = follow_up("summit-2010-istanbul", 3)
    assert [step.status for step in steps] == ["partly_implemented", "implemented"]
    assert "Business Council" in decision.text


def test_the_next_summit_decisions_have_their_year_as_deadline(demo):
    decision, _steps = follow_up("10th-summit-2023-astana", 4)
    assert decision.deadline_display == "2024"


def test_a_second_load_writes_nothing_to_decisions(demo):
    before = (
        list(Decision.objects.values_list("pk", "updated_at", "status")),
        list(DecisionStep.objects.values_list("pk", "updated_at")),
        Decision.history.count(),
        DecisionStep.history.count(),
    )
    counts = load_demo()
    for label in ("decisions.Decision", "decisions.DecisionStep"):
        assert counts[label].get("created", 0) == 0
        assert counts[label].get("updated", 0) == 0
    assert totals(counts)["created"] == 0
    after = (
        list(Decision.objects.values_list("pk", "updated_at", "status")),
        list(DecisionStep.objects.values_list("pk", "updated_at")),
        Decision.history.count(),
        DecisionStep.history.count(),
    )
    assert after == before


def test_a_decision_a_person_changed_keeps_its_text_and_steps(demo, editor):
    decision, _steps = follow_up("8th-summit-2021-istanbul", 1)
    client = token_client(editor)
    response = client.patch(
        f"/api/v1/decisions/{decision.pk}/",
        {"text": "Renamed, as the editor puts it."},
        format="json",
    )
    assert response.status_code == 200, response.content
    assert client.delete(f"/api/v1/decision-steps/{decision.steps.get().pk}/").status_code == 204

    counts = load_demo()

    decision.refresh_from_db()
    assert decision.text == "Renamed, as the editor puts it."
    assert not decision.steps.exists()
    assert counts["decisions.Decision"]["kept"] >= 1


def test_a_deleted_demo_step_stays_deleted(demo):
    decision, steps = follow_up("7th-summit-2019-baku", 5)
    steps[0].delete()

    load_demo()

    assert not decision.steps.exists()
    decision.refresh_from_db()
    assert decision.status == "not_recorded"
