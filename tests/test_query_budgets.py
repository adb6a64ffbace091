"""The query budget of every public page and of every API list and detail, as exact numbers.

Each URL is requested with the page cache taken out (its two middleware removed, and a cache
that keeps nothing): a cached response costs no query and would prove nothing. It is requested
with few rows and with many, by an anonymous reader and by staff (an editor of the Secretariat:
signed in on the pages, with a token in the API), and the pages in each language. The number
of queries must be the budget every time: a missing select_related or prefetch shows as a count
that grows with the rows, and any new query as a change of the number written here.

Lists get FEW then MANY rows, each with its related rows; record pages one record with FEW then
MANY of each kind of related row. The comment of each budget names the anonymous reader's
queries. Staff add, on a page: their session, their user, and their permissions (the user's and
their groups', two queries, read once a request: the page is drawn for the staff audience); in
the API: their token (with its user, one query) and, for a resource with drafts or internal
rows, their permissions (two).
"""

import datetime
from collections.abc import Callable
from typing import NamedTuple
from urllib.parse import urlsplit

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import resolve
from django.utils import translation

from decisions import urls as decisions_urls
from decisions.api.urls import routes as decisions_api_routes
from events import urls as events_urls
from events.api.urls import routes as events_api_routes
from events.choices import MeetingKind
from events.models import Meeting
from memberships import urls as memberships_urls
from memberships.api.urls import routes as memberships_api_routes
from memberships.choices import ObserverDirection, SupportVisibility
from memberships.models import Membership, ObserverStatus, State
from otscoop.choices import Publication

from .api_helpers import PUBLISHED_RESOURCES, anonymous_client, make_rich, token_client
from .factories import (
    CandidacyFactory,
    CandidacySupportFactory,
    CouncilFactory,
    DecisionFactory,
    DecisionStepFactory,
    DelegationFactory,
    DocumentFactory,
    ElectionObservationMissionFactory,
    JointStatementFactory,
    MeetingFactory,
    MembershipFactory,
    ObserverStatusFactory,
    ObserverStatusStepFactory,
    OrganizationFactory,
    PlaceFactory,
    SecretaryGeneralFactory,
    SourceFactory,
    StateFactory,
    TopicFactory,
    fill_state_sections,
)

pytestmark = pytest.mark.django_db

FEW, MANY = 5, 50
LANGUAGES = ["tr", "en", "ru"]


# Rows of the lists ----------------------------------------------------------------------------


def add_meetings(count):
    """Meetings on both sides of today, each with its own council and host state."""
    today = datetime.date.today()
    for i in range(count):
        start = today + datetime.timedelta(days=(i % 2 * 2 - 1) * (i + 1))
        meeting = MeetingFactory(start_date=start, end_date=None, place=PlaceFactory())
        DelegationFactory(meeting=meeting)
        DocumentFactory(meeting=meeting)
        meeting.sources.add(SourceFactory())


def add_summits(count):
    for _ in range(count):
        summit = MeetingFactory(kind=MeetingKind.SUMMIT, number=1)
        DocumentFactory(meeting=summit)
        DocumentFactory(meeting=summit, url="https://example.org/summit.pdf")


def add_statements(count):
    for _ in range(count):
        statement = JointStatementFactory()
        statement.topics.add(TopicFactory(), TopicFactory())
        statement.signatories.add(StateFactory(), StateFactory())
        statement.sources.add(SourceFactory())


def add_alignment(count):
    """Statements whose signatories are members (the columns of /statements/alignment/)."""
    add_statements(count)
    for state in State.objects.filter(memberships__isnull=True):
        MembershipFactory(state=state)


def add_missions(count):
    for _ in range(count):
        mission = ElectionObservationMissionFactory()
        mission.places.add(PlaceFactory())
        mission.participating_states.add(StateFactory())
        mission.partner_organizations.add(OrganizationFactory())


def add_states(count):
    for _ in range(count):
        MembershipFactory().state.sources.add(SourceFactory())


def add_councils(count):
    for _ in range(count):
        CouncilFactory().sources.add(SourceFactory())


def add_candidacies(count):
    for _ in range(count):
        candidacy = CandidacyFactory(state=MembershipFactory().state)
        DocumentFactory().endorsed_candidacies.add(candidacy)
        CandidacySupportFactory(candidacy=candidacy, supporting_state=MembershipFactory().state)
        CandidacySupportFactory(
            candidacy=candidacy,
            supporting_state=MembershipFactory().state,
            visibility=SupportVisibility.INTERNAL,
        )
        candidacy.sources.add(SourceFactory())


def add_observer_statuses(count):
    for _ in range(count):
        status = ObserverStatusFactory()
        status.sources.add(SourceFactory())
        for _ in range(2):
            ObserverStatusStepFactory(observer_status=status).sources.add(SourceFactory())


def add_decisions(count):
    """Decisions of summits, each addressed to an organ, a state and an organization, with a
    topic and a step; one in five a draft."""
    for number in range(count):
        publication = Publication.DRAFT if number % 5 == 4 else Publication.PUBLISHED
        decision = DecisionFactory(meeting__place=PlaceFactory(), publication=publication)
        decision.addressed_councils.add(CouncilFactory())
        decision.addressed_states.add(StateFactory())
        decision.addressed_organizations.add(OrganizationFactory())
        decision.topics.add(TopicFactory())
        DecisionStepFactory(decision=decision, reported_at=MeetingFactory())


def add_summit_decisions(count):
    """Summits with their outcome documents, each with decisions at two statuses."""
    add_summits(count)
    for summit in Meeting.objects.filter(kind=MeetingKind.SUMMIT, decisions__isnull=True):
        DecisionFactory(meeting=summit)
        DecisionStepFactory(decision=DecisionFactory(meeting=summit))


def add_home_rows(count):
    add_meetings(count)
    add_summits(count)
    add_statements(count)
    add_states(count)


def add_feed_rows(count):
    """What the sitemap lists: meetings, councils, statements, missions and states."""
    add_meetings(count)
    add_councils(count)
    add_statements(count)
    add_missions(count)
    add_states(count)
    add_decisions(count)


def add_search_matches(word):
    """`count` meetings, statements, candidacies, missions, decisions and documents that the word
    finds."""

    def add(count):
        for _ in range(count):
            MeetingFactory(title=f"{word} meeting", theme=f"{word} theme", place=PlaceFactory())
            JointStatementFactory(title=f"{word} statement")
            CandidacyFactory(post=f"{word} coordinator")
            ElectionObservationMissionFactory(title=f"{word} election")
            DecisionFactory(text=f"A {word} decision")
            DocumentFactory(title=f"{word} declaration")

    return add


def api_rows(resource):
    """`count` records of an API resource, each with its related rows; one in five a draft
    (which staff see) where the resource has drafts."""

    def add(count):
        for number in range(count):
            if resource in PUBLISHED_RESOURCES and number % 5 == 4:
                make_rich(resource, publication=Publication.DRAFT)
            else:
                make_rich(resource)

    return add


# Records with their related rows ---------------------------------------------------------------


def the(factory, slug, **fields):
    """The record with this slug, made on the first call."""
    model = factory._meta.model
    return model.objects.filter(slug=slug).first() or factory(slug=slug, **fields)


def add_meeting_details(count):
    meeting = the(
        MeetingFactory,
        "detailed-meeting",
        chairmanship_from=StateFactory(),
        chairmanship_to=StateFactory(),
        place=PlaceFactory(),
        summary="Met.",
    )
    for _ in range(count):
        DelegationFactory(meeting=meeting).sources.add(SourceFactory())
        DocumentFactory(meeting=meeting).endorsed_candidacies.add(CandidacyFactory())
        JointStatementFactory(meeting=meeting)
        SecretaryGeneralFactory(appointed_at=meeting)
        meeting.sources.add(SourceFactory())
        DecisionStepFactory(decision=DecisionFactory(meeting=meeting))
        DecisionStepFactory(reported_at=meeting)
    return meeting


def add_decision_details(count):
    decision = DecisionFactory._meta.model.objects.filter(order=999).first() or DecisionFactory(
        order=999, meeting__place=PlaceFactory(), document=DocumentFactory()
    )
    for _ in range(count):
        decision.addressed_councils.add(CouncilFactory())
        decision.addressed_states.add(StateFactory())
        decision.addressed_organizations.add(OrganizationFactory())
        decision.topics.add(TopicFactory())
        decision.sources.add(SourceFactory())
        DecisionStepFactory(
            decision=decision,
            reported_at=MeetingFactory(place=PlaceFactory()),
            reported_in=JointStatementFactory(),
        ).sources.add(SourceFactory())
    return decision


def add_chairmanships(count):
    for _ in range(count):
        MeetingFactory(
            kind=MeetingKind.SUMMIT,
            place=PlaceFactory(),
            chairmanship_from=StateFactory(),
            chairmanship_to=StateFactory(),
        )


def add_secretaries_general(count):
    for _ in range(count):
        SecretaryGeneralFactory(appointed_at=MeetingFactory()).sources.add(SourceFactory())


def add_secretary_general_details(count):
    person = the(
        SecretaryGeneralFactory, "detailed-secretary-general", appointed_at=MeetingFactory()
    )
    for _ in range(count):
        person.sources.add(SourceFactory())
    return person


def add_statement_details(count):
    statement = the(JointStatementFactory, "detailed-statement", meeting=MeetingFactory())
    for _ in range(count):
        statement.signatories.add(StateFactory())
        statement.topics.add(TopicFactory())
        statement.endorsed_candidacies.add(CandidacyFactory())
        DocumentFactory(meeting=None, statement=statement)
        statement.sources.add(SourceFactory())
    return statement


def add_council_details(count):
    council = the(CouncilFactory, "detailed-council")
    for _ in range(count):
        MeetingFactory(council=council)
        JointStatementFactory(council=council)
        council.sources.add(SourceFactory())
    return council


def add_state_details(count):
    state = the(StateFactory, "detailed-state")
    if not state.memberships.exists():
        MembershipFactory(state=state)
    fill_state_sections(state, count)
    return state


def add_mission_details(count):
    mission = the(ElectionObservationMissionFactory, "detailed-mission")
    for _ in range(count):
        mission.places.add(PlaceFactory())
        mission.participating_states.add(StateFactory())
        mission.partner_organizations.add(OrganizationFactory())
        mission.sources.add(SourceFactory())
    return mission


def add_candidacy_details(count):
    candidacy = the(CandidacyFactory, "detailed-candidacy")
    for _ in range(count):
        CandidacySupportFactory(candidacy=candidacy)
        CandidacySupportFactory(candidacy=candidacy, visibility=SupportVisibility.INTERNAL)
        candidacy.sources.add(SourceFactory())
    return candidacy


def add_organization_details(count):
    organization = the(OrganizationFactory, "detailed-organization", parent=OrganizationFactory())
    for _ in range(count):
        OrganizationFactory(parent=organization)
        CandidacyFactory(organization=organization)
        organization.sources.add(SourceFactory())
    return organization


def add_topic_details(count):
    topic = the(TopicFactory, "detailed-topic")
    for _ in range(count):
        JointStatementFactory().topics.add(topic)
    return topic


def add_membership_details(count):
    membership = Membership.objects.filter(note="detailed").first() or MembershipFactory(
        note="detailed"
    )
    for _ in range(count):
        membership.sources.add(SourceFactory())
    return membership


def add_decision_step_details(count):
    step = add_decision_details(1).steps.first()
    for _ in range(count):
        step.sources.add(SourceFactory())
    return step


def add_observer_status_details(count):
    status = ObserverStatus.objects.filter(reference="detailed").first() or ObserverStatusFactory(
        reference="detailed",
        direction=ObserverDirection.AFFILIATE_AT_ORGANIZATION,
        affiliate=OrganizationFactory(),
    )
    for _ in range(count):
        ObserverStatusStepFactory(observer_status=status).sources.add(SourceFactory())
        status.sources.add(SourceFactory())
    return status


def add_documents(count):
    """`count` documents, each with a source and an endorsed candidacy; one in five of a draft
    meeting (anonymous readers do not see it)."""
    for number in range(count):
        publication = Publication.DRAFT if number % 5 == 4 else Publication.PUBLISHED
        document = DocumentFactory(meeting=MeetingFactory(publication=publication))
        document.sources.add(SourceFactory())
        document.endorsed_candidacies.add(CandidacyFactory())


def add_document_details(count):
    """One document with `count` sources and endorsed candidacies."""
    document = DocumentFactory.create(meeting=the(MeetingFactory, "meeting-of-the-document"))
    for _ in range(count):
        document.sources.add(SourceFactory())
        document.endorsed_candidacies.add(CandidacyFactory())
    return document


def add_document_files(count):
    """`count` PDF files of one meeting; the first is served."""
    meeting = the(MeetingFactory, "meeting-with-files")
    for _ in range(count):
        pdf = SimpleUploadedFile("report.pdf", PDF, content_type="application/pdf")
        DocumentFactory(meeting=meeting, file=pdf)
    return meeting.documents.order_by("pk").first()


PDF = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"


# The budgets ----------------------------------------------------------------------------------


class Budget(NamedTuple):
    rows: Callable[[int], object]  # adds `count` rows; a detail's returns its record
    anonymous: int
    staff: int
    sizes: tuple[int, int] = (FEW, MANY)


# URL -> its rows and its queries; "{pk}" is the record's. A page under /en/ is requested in
# every language. An API list is requested with ?page_size=100: all the rows in one page.
BUDGETS = {
    # Pages --------------------------------------------------------------------------------
    # upcoming and recent meetings, statements, summits, states; the map's places (their
    # meetings counted, state joined) and the chart's meetings a year by level (one GROUP BY),
    # each when its cached fragment is drawn
    "/en/": Budget(add_home_rows, 7, 11),
    # search: one query per group (six), a count for each group past a page (all six, here), a name
    # lookup of the words among states, one among places (a meeting found by its place's name
    # in any language: "Gebele") and one among organizations
    "/en/search/?q=summit": Budget(add_search_matches("summit"), 15, 19, sizes=(30, 60)),
    # the same with fewer matches than a page: no count
    "/en/search/?q=forum": Budget(add_search_matches("forum"), 9, 13, sizes=(FEW, 25)),
    # count, rows (council, place and host state joined), council, state and place options,
    # the map's places (the filtered meetings counted, state joined)
    "/en/meetings/": Budget(add_meetings, 6, 10),
    # meeting (council, place, host and chairmanship states joined), delegations with their
    # states, their sources, documents, the candidacies they endorse (states and organizations
    # joined), sources, statements, Secretaries General appointed
    "/en/meetings/detailed-meeting/": Budget(add_meeting_details, 10, 14),
    # count, rows, their documents
    "/en/summits/": Budget(add_summit_decisions, 4, 8),
    # count, rows (meeting with its council and place joined), addressed organs, states and
    # organizations; council, meeting, state, organization and topic options
    "/en/decisions/": Budget(add_decisions, 11, 15),
    # decision (meeting with its council, place and host, document joined), addressed organs,
    # states, organizations, topics, sources, steps (reporting meeting with its council and
    # place, statement joined), their sources
    "/en/decisions/{pk}/": Budget(add_decision_details, 8, 12),
    # the summits and meetings where the chairmanship passed (states, council, place joined)
    "/en/chairmanship/": Budget(add_chairmanships, 1, 5),
    # rows
    "/en/councils/": Budget(add_councils, 1, 5),
    # council, sources, latest meetings, latest statements
    "/en/councils/detailed-council/": Budget(add_council_details, 4, 8),
    # count, rows, their topics; council, state and topic options
    "/en/statements/": Budget(add_statements, 6, 10),
    # count, rows (council joined), their signatories, the states of the columns and their
    # memberships, the counts with and without signatories; council, state and topic options
    "/en/statements/alignment/": Budget(add_alignment, 9, 13),
    # statement (council and meeting joined), signatories, topics, documents, sources,
    # endorsed candidacies (state and organization joined)
    "/en/statements/detailed-statement/": Budget(add_statement_details, 6, 10),
    # count, rows (observed state joined), state options, the map's states (the filtered
    # missions counted, their capital and the mean of their places as subqueries)
    "/en/election-missions/": Budget(add_missions, 4, 8),
    # mission (observed state joined), places observed (shown by name in the page's language:
    # one query more since places exist), participating states, partners, sources
    "/en/election-missions/detailed-mission/": Budget(add_mission_details, 5, 9),
    # rows with their current role, their memberships
    "/en/states/": Budget(add_states, 2, 6),
    # state, memberships, sources, one query a section (hosted meetings, delegations,
    # statements, candidacies, support given, missions), the candidacies' public supports and
    # the documents that endorsed them (meetings and statements joined), Secretaries General;
    # + 3: the versions of the hosted meetings, delegations and candidacies, their cached
    # sections' keys; + 2: the year-by-year chart (meetings hosted a year; supports given and
    # received a year), when its cached fragment is drawn; + 1: the key of that fragment (how
    # many meetings the state hosts and the latest edit of one).
    "/en/states/detailed-state/": Budget(add_state_details, 18, 22),
    # count, rows (state and organization joined), public supports, sources, the documents
    # that endorsed them (meetings and statements joined), the states of the columns; state,
    # organization and supporting-state options; the chart's supports given and received by
    # state over the filtered candidacies (one query), when its cached fragment is drawn
    "/en/candidacies/": Budget(add_candidacies, 10, 14),
    # rows (nationality and meeting of the appointment joined), sources
    "/en/secretaries-general/": Budget(add_secretaries_general, 2, 6),
    # rows (organizations joined), steps, their sources, sources
    "/en/observer-status/": Budget(add_observer_statuses, 4, 8),
    # the document (meeting and statement joined); staff: whether they may see drafts' files
    "/en/documents/{pk}/file/": Budget(add_document_files, 1, 5),
    # count, rows (the meeting with its council and place, the statement with its council);
    # kind and council options
    "/en/documents/": Budget(add_documents, 3, 7),
    # the document (its meeting or statement joined), its sources, endorsed candidacies (state
    # and organization joined)
    "/en/documents/{pk}/": Budget(add_document_details, 3, 7),
    # Feeds: no context processor reads the user, so staff cost no more (but in the sitemap)
    # meetings (council and host state joined)
    "/meetings.ics": Budget(add_meetings, 1, 1),
    # statements (council joined)
    "/statements/feed/": Budget(add_statements, 1, 1),
    # the same under the page's language, with the lists' filters (none here)
    "/en/meetings/calendar.ics": Budget(add_meetings, 1, 1),
    # meetings (council, place and host state joined)
    "/en/meetings/feed/": Budget(add_meetings, 1, 1),
    "/en/statements/feed/": Budget(add_statements, 1, 1),
    # steps (decisions joined)
    "/decisions/feed/": Budget(add_decisions, 1, 1),
    # the same in the page's language, filtered like the list (none here)
    "/en/decisions/feed/": Budget(add_decisions, 1, 1),
    # meetings, councils, statements, documents, decisions, missions, states (the pages are no
    # query); drawn with the request's context, so staff add their session, user and permissions
    "/sitemap.xml": Budget(add_feed_rows, 7, 11),
    # API lists ----------------------------------------------------------------------------
    # count, rows with their current role, sources
    "/api/v1/states/?page_size=100": Budget(api_rows("states"), 3, 4),
    # count, rows (state joined), sources
    "/api/v1/memberships/?page_size=100": Budget(api_rows("memberships"), 3, 4),
    # count, rows (parent joined), sources
    "/api/v1/organizations/?page_size=100": Budget(api_rows("organizations"), 3, 4),
    # count, rows, sources
    "/api/v1/councils/?page_size=100": Budget(api_rows("councils"), 3, 4),
    # count, rows (council and states joined); no nested lists in the list
    "/api/v1/meetings/?page_size=100": Budget(api_rows("meetings"), 2, 5),
    # count, rows (council and meeting joined), signatories, topics, candidacies, documents,
    # sources
    "/api/v1/statements/?page_size=100": Budget(api_rows("statements"), 7, 10),
    # count, rows
    "/api/v1/topics/?page_size=100": Budget(api_rows("topics"), 2, 3),
    # count, rows (meeting and statement joined), sources, endorsed candidacies
    "/api/v1/documents/?page_size=100": Budget(add_documents, 4, 7),
    # count, rows (nationality and appointing meeting joined), sources
    "/api/v1/secretaries-general/?page_size=100": Budget(add_secretaries_general, 3, 4),
    # count, rows (state and organization joined), supports, sources
    "/api/v1/candidacies/?page_size=100": Budget(api_rows("candidacies"), 4, 7),
    # count, rows (organizations joined), steps, sources
    "/api/v1/observer-statuses/?page_size=100": Budget(api_rows("observer-statuses"), 4, 7),
    # count, rows (observed state joined), places (states joined: one query more since places
    # exist), participating states, partners, sources
    "/api/v1/election-missions/?page_size=100": Budget(api_rows("election-missions"), 6, 9),
    # count, rows (meeting joined), organs, states, organizations and topics addressed, steps
    # (meetings and statements that reported them joined), sources
    "/api/v1/decisions/?page_size=100": Budget(api_rows("decisions"), 8, 11),
    # count, rows (meetings and statements joined), sources; staff: their permissions (the
    # steps of draft decisions are theirs to see)
    "/api/v1/decision-steps/?page_size=100": Budget(api_rows("decision-steps"), 3, 6),
    # API lists as CSV: the same without the count -----------------------------------------
    "/api/v1/states/?format=csv": Budget(api_rows("states"), 2, 3),
    "/api/v1/memberships/?format=csv": Budget(api_rows("memberships"), 2, 3),
    "/api/v1/organizations/?format=csv": Budget(api_rows("organizations"), 2, 3),
    "/api/v1/councils/?format=csv": Budget(api_rows("councils"), 2, 3),
    "/api/v1/meetings/?format=csv": Budget(api_rows("meetings"), 1, 4),
    # rows (meeting and statement joined), sources, endorsed candidacies
    "/api/v1/documents/?format=csv": Budget(add_documents, 3, 6),
    "/api/v1/secretaries-general/?format=csv": Budget(add_secretaries_general, 2, 3),
    "/api/v1/statements/?format=csv": Budget(api_rows("statements"), 6, 9),
    "/api/v1/topics/?format=csv": Budget(api_rows("topics"), 1, 2),
    "/api/v1/candidacies/?format=csv": Budget(api_rows("candidacies"), 3, 6),
    "/api/v1/observer-statuses/?format=csv": Budget(api_rows("observer-statuses"), 3, 6),
    # + 1 since places exist: the places observed (see the list above)
    "/api/v1/election-missions/?format=csv": Budget(api_rows("election-missions"), 5, 8),
    "/api/v1/decisions/?format=csv": Budget(api_rows("decisions"), 7, 10),
    "/api/v1/decision-steps/?format=csv": Budget(api_rows("decision-steps"), 2, 5),
    # API details --------------------------------------------------------------------------
    # state with its current role, sources
    "/api/v1/states/detailed-state/": Budget(add_state_details, 2, 3),
    # membership (state joined), sources
    "/api/v1/memberships/{pk}/": Budget(add_membership_details, 2, 3),
    # organization (parent joined), sources
    "/api/v1/organizations/detailed-organization/": Budget(add_organization_details, 2, 3),
    # council, sources
    "/api/v1/councils/detailed-council/": Budget(add_council_details, 2, 3),
    # meeting (council, place and states joined), delegations (states joined), their sources,
    # documents, the candidacies they endorse (states and organizations joined), sources
    "/api/v1/meetings/detailed-meeting/": Budget(add_meeting_details, 6, 9),
    # the document (meeting and statement joined), sources, endorsed candidacies
    "/api/v1/documents/{pk}/": Budget(add_document_details, 3, 6),
    # the Secretary General (nationality and appointing meeting joined), sources
    "/api/v1/secretaries-general/detailed-secretary-general/": Budget(
        add_secretary_general_details, 2, 3
    ),
    # statement (council and meeting joined), signatories, topics, candidacies, documents,
    # sources
    "/api/v1/statements/detailed-statement/": Budget(add_statement_details, 6, 9),
    # topic
    "/api/v1/topics/detailed-topic/": Budget(add_topic_details, 1, 2),
    # candidacy (state and organization joined), supports, sources
    "/api/v1/candidacies/detailed-candidacy/": Budget(add_candidacy_details, 3, 6),
    # status (organizations joined), steps, sources
    "/api/v1/observer-statuses/{pk}/": Budget(add_observer_status_details, 3, 6),
    # mission (observed state joined), places (states joined: one query more since places
    # exist), participating states, partners, sources
    "/api/v1/election-missions/detailed-mission/": Budget(add_mission_details, 5, 8),
    # decision (meeting joined), organs, states, organizations, topics, steps (meetings and
    # statements joined), sources
    "/api/v1/decisions/{pk}/": Budget(add_decision_details, 7, 10),
    # step (meetings and statements joined), sources; staff: their permissions
    "/api/v1/decision-steps/{pk}/": Budget(add_decision_step_details, 2, 5),
}

# URL -> why its count grows with the rows (a view to fix; the test is an expected failure).
GROWS: dict[str, str] = {}


# Measuring ------------------------------------------------------------------------------------


@pytest.fixture
def readers(editor, settings, tmp_path):
    """An anonymous reader and staff, for the pages and for the API (and uploads kept in a
    temporary folder)."""
    settings.MEDIA_ROOT = tmp_path
    staff = Client()
    staff.force_login(editor)
    return {
        "page": {"anonymous": Client(), "staff": staff},
        "api": {"anonymous": anonymous_client(), "staff": token_client(editor)},
    }


def urls_of(url: str, record) -> list[str]:
    """The URL to request, in each language for a page under /en/."""
    if "{pk}" in url:
        url = url.format(pk=record.pk)
    if url.startswith("/en/"):
        return [f"/{language}/{url[len('/en/') :]}" for language in LANGUAGES]
    return [url]


def numbered(queries) -> str:
    return "\n".join(
        f"  {number}. {query['sql']}" for number, query in enumerate(queries.captured_queries, 1)
    )


def params(table):
    return [
        pytest.param(url, budget, id=url, marks=[pytest.mark.xfail(strict=True, reason=GROWS[url])])
        if url in GROWS
        else pytest.param(url, budget, id=url)
        for url, budget in table.items()
    ]


def report(failures) -> str:
    """Every count off its budget, then the queries of the first one at each size."""
    lines = [
        f"{address} for {reader} with {size} rows: {len(queries)} queries, budget {budget}"
        for address, reader, size, budget, queries in failures
    ]
    shown = set()
    for address, reader, size, _budget, queries in failures:
        if size not in shown:
            shown.add(size)
            lines.append(f"\nThe queries of {address} for {reader} with {size} rows:")
            lines.append(numbered(queries))
    return "\n".join(lines)


@pytest.mark.parametrize(("url", "budget"), params(BUDGETS))
def test_each_url_costs_its_budget_with_few_and_with_many_rows(uncached, readers, url, budget):
    clients = readers["api" if url.startswith("/api/") else "page"]
    expected = {"anonymous": budget.anonymous, "staff": budget.staff}
    failures = []
    made = 0
    for size in budget.sizes:
        record = budget.rows(size - made)
        made = size
        for reader, client in clients.items():
            for address in urls_of(url, record):
                with CaptureQueriesContext(connection) as queries:
                    response = client.get(address)
                if response.streaming:  # the document file: read it, which closes it
                    b"".join(response.streaming_content)
                assert response.status_code == 200, (address, reader, response.status_code)
                if len(queries) != expected[reader]:
                    failures.append((address, reader, size, expected[reader], queries))
    assert not failures, report(failures)


def test_every_public_page_feed_and_api_resource_has_a_budget():
    """A new page or API resource needs its line in BUDGETS: its list and its detail."""
    routes = [*events_api_routes, *memberships_api_routes, *decisions_api_routes]
    expected = {
        *(f"events:{pattern.name}" for pattern in events_urls.urlpatterns),
        *(f"memberships:{pattern.name}" for pattern in memberships_urls.urlpatterns),
        # the pages composed in events from both apps' records, routed from the root URLconf
        *("state-detail", "candidacy-list"),
        *(f"decisions:{pattern.name}" for pattern in decisions_urls.urlpatterns),
        *("meetings-ics", "statement-feed", "decision-feed", "sitemap"),
        *(f"{prefix}-{action}" for prefix, _viewset in routes for action in ("list", "detail")),
    }
    with translation.override("en"):
        budgeted = {resolve(urlsplit(url.format(pk=1)).path).view_name for url in BUDGETS}
    assert expected - budgeted == set()
