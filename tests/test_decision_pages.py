"""The public pages of the decisions: the filtered list, a decision's page with its follow-up,
the decisions on a summit's page and on the summits timeline, a follow-up meeting's page, the
Atom feed of status changes, search and the sitemap; drafts never show."""

import datetime

import feedparser
import pytest
from django.urls import reverse

from decisions.choices import DecisionKind, StepStatus
from events.choices import MeetingKind
from otscoop.choices import Publication

from .factories import (
    CouncilFactory,
    DecisionFactory,
    DecisionStepFactory,
    DocumentFactory,
    JointStatementFactory,
    MeetingFactory,
    OrganizationFactory,
    SourceFactory,
    StateFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


def page(client, path) -> str:
    response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return response.content.decode()


def summit(number=10, **fields):
    values = {
        "kind": MeetingKind.SUMMIT,
        "number": number,
        "slug": f"summit-{number}",
        "title": f"Summit number {number}",
        "start_date": datetime.date(2023, 11, 3),
        "end_date": None,
    }
    return MeetingFactory(**(values | fields))


@pytest.fixture
def drafts():
    """A draft decision of a published summit, and a published decision of a draft summit."""
    DecisionFactory(text="Secret draft decision.", publication=Publication.DRAFT)
    hidden = summit(number=99, publication=Publication.DRAFT)
    DecisionFactory(meeting=hidden, text="Decision of a secret summit.")


# The list ---------------------------------------------------------------------------------------


def test_the_list_shows_each_decision_with_its_kind_meeting_addressees_and_status(client, drafts):
    meeting = summit()
    decision = DecisionFactory(meeting=meeting, text="Open a joint trade house in Budapest.")
    decision.addressed_councils.add(CouncilFactory(name="Council of Foreign Ministers"))
    decision.addressed_states.add(StateFactory(name="Hungary"))
    decision.addressed_organizations.add(OrganizationFactory(name="TURKSOY", acronym="TURKSOY"))
    DecisionStepFactory(decision=decision, status=StepStatus.IMPLEMENTED)
    for language in ("tr", "en", "ru"):
        html = page(client, f"/{language}/decisions/")
        assert "Open a joint trade house in Budapest." in html
        assert decision.get_absolute_url().replace("/en/", f"/{language}/") in html
        assert "badge--implemented" in html
        assert "Secret" not in html
    html = page(client, "/en/decisions/")
    for shown in ("Summit number 10", "Council of Foreign Ministers", "Hungary", "TURKSOY"):
        assert shown in html
    assert "Implemented" in html and "Decision" in html


FILTERS = {
    "council": lambda: {"meeting": MeetingFactory(council=CouncilFactory(slug="the-council"))},
    "meeting": lambda: {"meeting": summit(number=7)},
    "kind": lambda: {"kind": DecisionKind.INSTRUCTION},
    "year": lambda: {"meeting": summit(number=8, start_date=datetime.date(2011, 10, 21))},
}
VALUES = {"council": "the-council", "meeting": "summit-7", "kind": "instruction", "year": "2011"}
LINKS = {
    "addressed_council": ("addressed_councils", CouncilFactory, "slug"),
    "addressed_state": ("addressed_states", StateFactory, "slug"),
    "addressed_organization": ("addressed_organizations", OrganizationFactory, "slug"),
    "topic": ("topics", TopicFactory, "slug"),
}


@pytest.mark.parametrize("name", [*FILTERS, *LINKS, "status"])
def test_each_filter_narrows_the_list(client, name):
    DecisionFactory(text="The other decision.")
    if name in FILTERS:
        DecisionFactory(text="The wanted decision.", **FILTERS[name]())
        value = VALUES[name]
    elif name in LINKS:
        relation, factory, field = LINKS[name]
        wanted = DecisionFactory(text="The wanted decision.")
        linked = factory()
        getattr(wanted, relation).add(linked)
        value = getattr(linked, field)
    else:
        DecisionStepFactory(
            decision=DecisionFactory(text="The wanted decision."), status=StepStatus.DROPPED
        )
        value = "dropped"
    html = page(client, f"/en/decisions/?{name}={value}")
    assert "The wanted decision." in html
    assert "The other decision." not in html
    assert "1 decision" in html


def test_the_meeting_filter_never_offers_a_draft_meeting(client, drafts):
    DecisionFactory(meeting=summit(number=3))
    html = page(client, "/en/decisions/")
    assert 'value="summit-3"' in html
    assert 'value="summit-99"' not in html
    only_drafts = DecisionFactory._meta.model.objects.get(publication=Publication.DRAFT).meeting
    assert f'value="{only_drafts.slug}"' not in html
    assert "Some filters could not be applied" in page(client, "/en/decisions/?meeting=summit-99")


def test_a_bad_filter_is_named_on_the_page(client):
    html = page(client, "/en/decisions/?year=abc&status=nonsense")
    assert "Some filters could not be applied" in html
    assert "Status" in html and "Year" in html


def test_the_list_links_its_feed_and_the_csv_of_its_filters(client):
    DecisionFactory()
    html = page(client, "/en/decisions/?kind=decision&page=1")
    # The feed of status changes in the page's language, in the head and as a button.
    assert '<link rel="alternate" type="application/atom+xml"' in html
    assert 'href="http://testserver/en/decisions/feed/?kind=decision"' in html
    # The API's CSV of the page's filters.
    api = reverse("decisions-list")
    assert f'href="{api}?kind=decision&amp;format=csv&amp;lang=en" type="text/csv" download' in html


# A decision's page --------------------------------------------------------------------------


def test_a_decision_page_shows_its_facts_and_the_timeline_of_its_steps(client):
    meeting = summit()
    later = MeetingFactory(title="Council of Foreign Ministers 2024", slug="cfm-2024")
    statement = JointStatementFactory(title="Statement reporting it")
    decision = DecisionFactory(
        meeting=meeting,
        kind=DecisionKind.INSTRUCTION,
        text="Prepare the Turkic World Vision 2040.",
        deadline=datetime.date(2024, 6, 1),
        deadline_precision="month",
        document=DocumentFactory(meeting=meeting, title="Samarkand Declaration"),
    )
    decision.topics.add(TopicFactory(name="Connectivity"))
    decision.sources.add(SourceFactory(title="The declaration's text"))
    DecisionStepFactory(
        decision=decision,
        date=datetime.date(2024, 3, 1),
        date_precision="month",
        status=StepStatus.IN_PROGRESS,
        note="Drafted by the Secretariat.",
        reported_at=later,
    )
    step = DecisionStepFactory(
        decision=decision,
        date=datetime.date(2024, 11, 6),
        status=StepStatus.IMPLEMENTED,
        reported_in=statement,
    )
    step.sources.add(SourceFactory(title="The step's source"))
    html = page(client, decision.get_absolute_url())
    for shown in (
        "Prepare the Turkic World Vision 2040.",
        "Instruction",
        "Summit number 10",
        'datetime="2024-06"',
        "Samarkand Declaration",
        "Connectivity",
        "The declaration&#x27;s text",
        "Drafted by the Secretariat.",
        'datetime="2024-03"',
        "Council of Foreign Ministers 2024",
        "Statement reporting it",
        "The step&#x27;s source",
        f'id="step-{step.pk}"',
    ):
        assert shown in html, shown
    assert html.index("Drafted by the Secretariat.") < html.index(f'id="step-{step.pk}"')
    for language in ("tr", "ru"):
        page(client, f"/{language}/decisions/{decision.pk}/")


def test_draft_decisions_and_decisions_of_draft_meetings_are_not_found(client, drafts):
    for decision in DecisionFactory._meta.model.objects.all():
        assert client.get(decision.get_absolute_url()).status_code == 404


def test_a_draft_reporting_meeting_is_not_linked(client):
    hidden = MeetingFactory(title="Hidden follow-up", publication=Publication.DRAFT)
    step = DecisionStepFactory(reported_at=hidden)
    assert "Hidden follow-up" not in page(client, step.decision.get_absolute_url())


# A summit's page, the timeline, a follow-up meeting --------------------------------------------


def test_a_summit_page_shows_its_decisions_with_badges_and_counts(client):
    meeting = summit()
    DecisionStepFactory(
        decision=DecisionFactory(meeting=meeting, text="First decision."),
        status=StepStatus.IMPLEMENTED,
    )
    DecisionFactory(meeting=meeting, text="Second decision.")
    DecisionFactory(meeting=meeting, text="Draft decision.", publication=Publication.DRAFT)
    html = page(client, meeting.get_absolute_url())
    assert "First decision." in html and "Second decision." in html
    assert "Draft decision." not in html
    assert "Implemented: 1" in html and "Not recorded: 1" in html


def test_the_summits_timeline_shows_decisions_and_a_new_step_at_once(client):
    meeting = summit()
    decision = DecisionFactory(meeting=meeting, text="Admit a new observer.")
    DecisionFactory(meeting=meeting, text="Draft decision.", publication=Publication.DRAFT)
    html = page(client, "/en/summits/")
    assert "Admit a new observer." in html and "Not recorded: 1" in html
    assert "Not recorded: 1" in page(client, meeting.get_absolute_url())
    assert "Draft decision." not in html
    DecisionStepFactory(decision=decision, status=StepStatus.IMPLEMENTED)
    html = page(client, "/en/summits/")
    assert "Implemented: 1" in html and "Not recorded: 1" not in html
    html = page(client, meeting.get_absolute_url())
    assert "Implemented: 1" in html


def test_a_follow_up_meeting_lists_the_decisions_it_reported_on(client):
    later = MeetingFactory(title="Senior officials 2024")
    DecisionStepFactory(
        decision=DecisionFactory(text="Build the corridor."),
        reported_at=later,
        status=StepStatus.PARTLY_IMPLEMENTED,
    )
    DecisionStepFactory(
        decision=DecisionFactory(text="Draft decision.", publication=Publication.DRAFT),
        reported_at=later,
    )
    html = page(client, later.get_absolute_url())
    assert "Decisions followed up at this meeting" in html
    assert "Build the corridor." in html and "Partly implemented" in html
    assert "Draft decision." not in html


# /chairmanship/ ---------------------------------------------------------------------------------


def test_chairmanship_shows_each_period_and_says_where_it_is_not_recorded(client):
    kazakhstan, kyrgyzstan = StateFactory(name="Kazakhstan"), StateFactory(name="Kyrgyzstan")
    summit(number=4, start_date=datetime.date(2014, 6, 5), chairmanship_to=kazakhstan)
    summit(number=5, start_date=datetime.date(2015, 9, 11))
    summit(
        number=6,
        start_date=datetime.date(2018, 9, 3),
        chairmanship_from=kazakhstan,
        chairmanship_to=kyrgyzstan,
    )
    summit(number=7, start_date=datetime.date(2019, 10, 15), publication=Publication.DRAFT)
    summit(number=8, start_date=datetime.date(2030, 10, 15), status="scheduled")
    for language in ("tr", "en", "ru"):
        page(client, f"/{language}/chairmanship/")
    html = page(client, "/en/chairmanship/")
    assert html.index("Kazakhstan") < html.index("Chair not recorded") < html.index("Kyrgyzstan")
    assert "Summit number 5" in html and "Summit number 7" not in html
    assert "Summit number 8" not in html  # to come: nothing handed over yet
    assert 'datetime="2014-06-05"' in html and "until the next summit" in html
    assert "/en/chairmanship/" in page(client, "/en/meetings/summit-4/")
    assert "/en/chairmanship/" in page(client, kazakhstan.get_absolute_url())


# Feed, search, sitemap, navigation ---------------------------------------------------------------


def test_the_feed_holds_the_latest_status_changes_of_published_decisions(client, drafts):
    decision = DecisionFactory(text="Found a Turkic investment fund.")
    DecisionStepFactory(
        decision=decision, date=datetime.date(2025, 1, 10), status=StepStatus.IMPLEMENTED
    )
    for hidden in DecisionFactory._meta.model.objects.exclude(pk=decision.pk):
        DecisionStepFactory(decision=hidden)
    response = client.get("/decisions/feed/")
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "atom10"
    assert [entry.title for entry in feed.entries] == [
        "Found a Turkic investment fund. — Implemented"
    ]
    assert f"{decision.get_absolute_url()}#step-" in feed.entries[0].link
    assert feed.entries[0].published_parsed[:3] == (2025, 1, 10)


def test_search_finds_published_decisions_only(client, drafts):
    DecisionFactory(text="Establish the Turkic Investment Fund.")
    html = page(client, "/en/search/?q=fund+turkic")
    assert 'id="results-decisions"' in html
    assert "Establish the Turkic Investment Fund." in html
    for word in ("secret", "draft"):
        html = page(client, f"/en/search/?q={word}")
        assert "Secret draft decision." not in html
        assert "Decision of a secret summit." not in html


def test_the_sitemap_lists_published_decisions_and_the_chairmanship(client, drafts):
    decision = DecisionFactory()
    response = client.get("/sitemap.xml")
    content = response.content.decode()
    for language in ("tr", "en", "ru"):
        assert f"http://testserver/{language}/decisions/{decision.pk}/" in content
        assert f"http://testserver/{language}/chairmanship/" in content
        assert f"http://testserver/{language}/decisions/<" in content.replace("</loc>", "<")
    hidden = DecisionFactory._meta.model.objects.exclude(pk=decision.pk)
    for other in hidden:
        assert f"/decisions/{other.pk}/" not in content


def test_the_navigation_links_the_decisions(client):
    html = page(client, "/en/decisions/")
    assert '<a href="/en/decisions/" aria-current="page">Decisions</a>' in html
    assert "/en/chairmanship/" in page(client, "/en/summits/")
    assert "/en/chairmanship/" in page(client, "/en/")
