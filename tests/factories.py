"""factory_boy factories: one per model, valid by default (they pass full_clean)."""

import datetime
from decimal import Decimal

import factory
from django.contrib.auth import get_user_model

from decisions.choices import DecisionKind, StepStatus
from decisions.models import Decision, DecisionStep
from events.choices import CouncilKind, DocumentKind, ElectionKind, MeetingKind, StatementKind
from events.models import (
    Council,
    Delegation,
    Document,
    ElectionObservationMission,
    JointStatement,
    Meeting,
    SecretaryGeneral,
    Topic,
)
from memberships.choices import MembershipRole, ObserverDirection, ObserverStage, OrganizationKind
from memberships.models import (
    Candidacy,
    CandidacySupport,
    Membership,
    ObserverStatus,
    ObserverStatusStep,
    Organization,
    Place,
    State,
)
from otscoop.choices import Publication
from otscoop.models import Source


def _letters(n: int, width: int) -> str:
    """A distinct upper-case code for each n: AA, AB, ... (width 2) or AAA, ... (width 3)."""
    code = ""
    for _ in range(width):
        n, rest = divmod(n, 26)
        code = chr(ord("A") + rest) + code
    return code


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.django.Password("a-long-test-password")
    is_staff = True


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source

    url = factory.Sequence(lambda n: f"https://example.org/source/{n}")
    title = factory.Sequence(lambda n: f"Source {n}")


def _free_state_code(field: str, n: int, width: int) -> str:
    """The n-th code, or the next one no state has yet (the demo data's states hold real
    codes that the sequence reaches after enough states in one test session)."""
    code = _letters(n, width)
    while State.objects.filter(**{field: code}).exists():
        n += 1
        code = _letters(n, width)
    return code


class StateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = State

    name = factory.Sequence(lambda n: f"State {n}")
    slug = factory.Sequence(lambda n: f"state-{n}")
    iso2 = factory.Sequence(lambda n: _free_state_code("iso2", n + 100, 2))
    iso3 = factory.Sequence(lambda n: _free_state_code("iso3", n + 3000, 3))


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    state = factory.SubFactory(StateFactory)
    role = MembershipRole.MEMBER
    start_date = datetime.date(2009, 10, 3)


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"Organization {n}")
    acronym = factory.Sequence(lambda n: f"O{n}")
    slug = factory.Sequence(lambda n: f"organization-{n}")
    kind = OrganizationKind.INTERNATIONAL


class ObserverStatusFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ObserverStatus

    organization = factory.SubFactory(OrganizationFactory)
    direction = ObserverDirection.OTS_AT_ORGANIZATION
    current_stage = ObserverStage.REQUESTED
    publication = Publication.PUBLISHED


class ObserverStatusStepFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ObserverStatusStep

    observer_status = factory.SubFactory(ObserverStatusFactory)
    date = datetime.date(2011, 5, 2)
    stage = ObserverStage.REQUESTED


class CandidacyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Candidacy

    state = factory.SubFactory(StateFactory)
    organization = factory.SubFactory(OrganizationFactory)
    post = factory.Sequence(lambda n: f"Member of body {n}")
    slug = factory.Sequence(lambda n: f"candidacy-{n}")
    term_start = 2027
    term_end = 2028
    election_date = datetime.date(2026, 6, 1)
    publication = Publication.PUBLISHED


class CandidacySupportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CandidacySupport

    candidacy = factory.SubFactory(CandidacyFactory)
    supporting_state = factory.SubFactory(StateFactory)
    declared_on = datetime.date(2025, 5, 21)
    source_text = "Budapest Declaration"


class PlaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Place

    name = factory.Sequence(lambda n: f"Town {n}")
    slug = factory.Sequence(lambda n: f"town-{n}")
    state = factory.SubFactory(StateFactory)
    latitude = Decimal("42.874600")
    longitude = Decimal("74.569800")


class CouncilFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Council

    name = factory.Sequence(lambda n: f"Council {n}")
    slug = factory.Sequence(lambda n: f"council-{n}")
    kind = CouncilKind.COUNCIL


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    kind = MeetingKind.COUNCIL_MEETING
    council = factory.SubFactory(CouncilFactory)
    title = factory.Sequence(lambda n: f"Meeting {n}")
    slug = factory.Sequence(lambda n: f"meeting-{n}")
    start_date = datetime.date(2024, 11, 5)
    end_date = datetime.date(2024, 11, 6)
    city = "Bishkek"
    host_state = factory.SubFactory(StateFactory)
    publication = Publication.PUBLISHED


class DelegationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Delegation

    meeting = factory.SubFactory(MeetingFactory)
    state = factory.SubFactory(StateFactory)
    head_of_delegation = factory.Sequence(lambda n: f"Minister {n}")


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Document

    meeting = factory.SubFactory(MeetingFactory)
    title = factory.Sequence(lambda n: f"Declaration {n}")
    kind = DocumentKind.DECLARATION


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic

    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")


class JointStatementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = JointStatement

    title = factory.Sequence(lambda n: f"Joint statement {n}")
    slug = factory.Sequence(lambda n: f"joint-statement-{n}")
    kind = StatementKind.JOINT_STATEMENT
    issued_on = datetime.date(2022, 1, 11)
    council = factory.SubFactory(CouncilFactory)
    summary = "The ministers expressed support."
    publication = Publication.PUBLISHED


class ElectionObservationMissionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ElectionObservationMission

    observed_state = factory.SubFactory(StateFactory)
    election_kind = ElectionKind.PRESIDENTIAL
    title = factory.Sequence(lambda n: f"Presidential election {n}")
    slug = factory.Sequence(lambda n: f"mission-{n}")
    election_date = datetime.date(2024, 2, 7)
    publication = Publication.PUBLISHED


class SecretaryGeneralFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SecretaryGeneral

    name = factory.Sequence(lambda n: f"Secretary General {n}")
    slug = factory.Sequence(lambda n: f"secretary-general-{n}")
    nationality = factory.SubFactory(StateFactory)
    term_start = datetime.date(2022, 11, 11)


class DecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Decision

    meeting = factory.SubFactory(MeetingFactory, kind=MeetingKind.SUMMIT)
    kind = DecisionKind.DECISION
    text = factory.Sequence(lambda n: f"The heads of state decided matter {n}.")
    publication = Publication.PUBLISHED


class DecisionStepFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DecisionStep

    decision = factory.SubFactory(DecisionFactory)
    date = factory.LazyAttribute(lambda step: step.decision.meeting.start_date)
    status = StepStatus.IN_PROGRESS


def fill_state_sections(state, count):
    """`count` records in each section of a state's page: meetings hosted, delegations,
    statements signed, candidacies (each endorsed by a document), support given, missions
    observed, Secretaries General, sources."""
    for _ in range(count):
        MeetingFactory(host_state=state)
        DelegationFactory(state=state)
        JointStatementFactory().signatories.add(state)
        candidacy = CandidacyFactory(state=state)
        CandidacySupportFactory(candidacy=candidacy)
        DocumentFactory().endorsed_candidacies.add(candidacy)
        CandidacySupportFactory(supporting_state=state)
        ElectionObservationMissionFactory(observed_state=state)
        SecretaryGeneralFactory(nationality=state)
        state.sources.add(SourceFactory())
