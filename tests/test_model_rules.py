"""Each rule refuses bad data twice: in full_clean() with a message naming the field, and in
the database itself (IntegrityError) when validation is bypassed."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError

from events.models import (
    Delegation,
    Document,
    ElectionObservationMission,
    JointStatement,
    Meeting,
    SecretaryGeneral,
)
from memberships.choices import MembershipRole, ObserverDirection
from memberships.models import Candidacy, CandidacySupport, Membership, ObserverStatus, State

from .factories import (
    CandidacyFactory,
    CandidacySupportFactory,
    CouncilFactory,
    DelegationFactory,
    ElectionObservationMissionFactory,
    JointStatementFactory,
    MeetingFactory,
    MembershipFactory,
    ObserverStatusFactory,
    OrganizationFactory,
    SecretaryGeneralFactory,
    SourceFactory,
    StateFactory,
)

pytestmark = pytest.mark.django_db

EARLY = datetime.date(2024, 11, 5)
LATE = datetime.date(2024, 11, 6)


def assert_rejected_on(field, instance):
    with pytest.raises(ValidationError) as caught:
        instance.full_clean()
    assert field in caught.value.message_dict, caught.value.message_dict


def assert_database_refuses(action):
    with pytest.raises(IntegrityError), transaction.atomic():
        action()


class TestEndBeforeStart:
    def test_meeting_end_before_start_is_rejected_by_validation(self):
        meeting = MeetingFactory.build(start_date=LATE, end_date=EARLY, council=CouncilFactory())
        meeting.host_state = StateFactory()
        assert_rejected_on("end_date", meeting)

    def test_meeting_end_before_start_is_refused_by_the_database(self):
        meeting = MeetingFactory()
        assert_database_refuses(
            lambda: Meeting.objects.filter(pk=meeting.pk).update(start_date=LATE, end_date=EARLY)
        )

    def test_membership_end_before_start_is_rejected(self):
        membership = MembershipFactory.build(state=StateFactory(), start_date=LATE, end_date=EARLY)
        assert_rejected_on("end_date", membership)
        assert_database_refuses(
            lambda: Membership.objects.create(
                state=membership.state,
                role=MembershipRole.MEMBER,
                start_date=LATE,
                end_date=EARLY,
            )
        )

    def test_mission_end_before_start_is_rejected(self):
        mission = ElectionObservationMissionFactory(start_date=EARLY, end_date=LATE)
        mission.start_date, mission.end_date = LATE, EARLY
        assert_rejected_on("end_date", mission)
        assert_database_refuses(
            lambda: ElectionObservationMission.objects.filter(pk=mission.pk).update(
                start_date=LATE, end_date=EARLY
            )
        )

    def test_secretary_general_term_end_before_start_is_rejected(self):
        secretary = SecretaryGeneralFactory(term_start=LATE)
        secretary.term_end = EARLY
        assert_rejected_on("term_end", secretary)
        assert_database_refuses(
            lambda: SecretaryGeneral.objects.filter(pk=secretary.pk).update(term_end=EARLY)
        )

    def test_candidacy_term_ending_before_it_starts_is_rejected(self):
        candidacy = CandidacyFactory(term_start=2027, term_end=2028)
        candidacy.term_end = 2026
        assert_rejected_on("term_end", candidacy)
        assert_database_refuses(
            lambda: Candidacy.objects.filter(pk=candidacy.pk).update(term_end=2026)
        )


class TestUniqueness:
    def test_duplicate_delegation_is_rejected(self):
        delegation = DelegationFactory()
        duplicate = Delegation(meeting=delegation.meeting, state=delegation.state)
        with pytest.raises(ValidationError) as caught:
            duplicate.full_clean()
        message = " ".join(caught.value.messages)
        assert "Meeting" in message and "State" in message
        assert_database_refuses(
            lambda: Delegation.objects.create(meeting=delegation.meeting, state=delegation.state)
        )

    def test_duplicate_iso2_is_rejected(self):
        StateFactory(iso2="AZ")
        duplicate = StateFactory.build(iso2="AZ")
        assert_rejected_on("iso2", duplicate)
        assert_database_refuses(lambda: State.objects.create(name="X", slug="x", iso2="AZ"))

    def test_states_without_iso_codes_may_coexist(self):
        StateFactory(iso2=None, iso3=None)
        other = StateFactory.build(iso2=None, iso3=None)
        other.full_clean()
        other.save()
        assert State.objects.filter(iso2__isnull=True).count() == 2

    def test_meeting_number_is_unique_per_council_and_kind(self):
        first = MeetingFactory(number=12)
        duplicate = MeetingFactory.build(
            council=first.council, kind=first.kind, number=12, host_state=first.host_state
        )
        with pytest.raises(ValidationError) as caught:
            duplicate.full_clean()
        assert "already has a meeting of this kind with this number" in str(caught.value)
        assert_database_refuses(
            lambda: MeetingFactory(council=first.council, kind=first.kind, number=12)
        )
        # The same number for another council is fine.
        MeetingFactory(kind=first.kind, number=12)

    def test_meeting_number_is_unique_per_kind_without_a_council(self):
        MeetingFactory(council=None, number=3)
        assert_database_refuses(lambda: MeetingFactory(council=None, number=3))


class TestCandidacySupport:
    def test_a_state_supporting_its_own_candidacy_is_rejected(self):
        candidacy = CandidacyFactory()
        support = CandidacySupport(candidacy=candidacy, supporting_state=candidacy.state)
        assert_rejected_on("supporting_state", support)
        assert_database_refuses(
            lambda: CandidacySupport.objects.create(
                candidacy=candidacy, supporting_state=candidacy.state
            )
        )

    def test_a_candidacy_cannot_move_to_one_of_its_supporters(self):
        support = CandidacySupportFactory()
        candidacy = support.candidacy
        candidacy.state = support.supporting_state
        assert_rejected_on("state", candidacy)

    def test_duplicate_support_is_rejected(self):
        support = CandidacySupportFactory()
        duplicate = CandidacySupport(
            candidacy=support.candidacy, supporting_state=support.supporting_state
        )
        with pytest.raises(ValidationError):
            duplicate.full_clean()
        assert_database_refuses(
            lambda: CandidacySupport.objects.create(
                candidacy=support.candidacy, supporting_state=support.supporting_state
            )
        )

    def test_changing_the_candidate_keeps_the_supports_copy_in_step(self):
        support = CandidacySupportFactory()
        candidacy = support.candidacy
        candidacy.state = StateFactory()
        candidacy.save()
        support.refresh_from_db()
        assert support.candidate_state == candidacy.state


class TestProtectedReferences:
    def test_deleting_a_state_that_meetings_reference_is_refused(self):
        meeting = MeetingFactory()
        with pytest.raises(ProtectedError):
            meeting.host_state.delete()
        assert State.objects.filter(pk=meeting.host_state_id).exists()

    def test_the_database_refuses_to_orphan_a_meeting(self):
        meeting = MeetingFactory()
        # Bypass the ORM's PROTECT: the foreign key constraint itself must hold.
        assert_database_refuses(lambda: _raw_delete_state(meeting.host_state_id))

    def test_deleting_a_council_with_meetings_is_refused(self):
        meeting = MeetingFactory()
        with pytest.raises(ProtectedError):
            meeting.council.delete()


def _raw_delete_state(state_id):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {State._meta.db_table} WHERE id = %s", [state_id])
        # PostgreSQL checks deferred foreign keys at commit; check them now.
        connection.check_constraints()


class TestOtherRules:
    def test_document_belongs_to_a_meeting_or_a_statement_not_both(self):
        meeting = MeetingFactory()
        statement = JointStatementFactory()
        document = Document(meeting=meeting, statement=statement, title="T", kind="other")
        assert_rejected_on("statement", document)
        assert_database_refuses(
            lambda: Document.objects.create(
                meeting=meeting, statement=statement, title="T", kind="other"
            )
        )

    def test_document_with_both_file_and_url_is_rejected(self):
        meeting = MeetingFactory()
        document = Document(
            meeting=meeting, title="T", kind="other", url="https://example.org/a.pdf"
        )
        document.file.name = "documents/a.pdf"
        assert_rejected_on("url", document)
        assert_database_refuses(
            lambda: Document.objects.create(
                meeting=meeting,
                title="T",
                kind="other",
                url="https://example.org/a.pdf",
                file="documents/a.pdf",
            )
        )

    def test_statement_dated_outside_its_meeting_is_rejected(self):
        meeting = MeetingFactory(start_date=EARLY, end_date=LATE)
        statement = JointStatementFactory.build(
            meeting=meeting, council=meeting.council, issued_on=datetime.date(2024, 12, 1)
        )
        assert_rejected_on("issued_on", statement)
        statement.issued_on = LATE
        statement.full_clean()

    def test_statement_at_a_month_precision_meeting_may_carry_any_day_of_that_month(self):
        meeting = MeetingFactory(
            start_date=datetime.date(2024, 11, 1), end_date=None, date_precision="month"
        )
        statement = JointStatementFactory.build(
            meeting=meeting, council=meeting.council, issued_on=datetime.date(2024, 11, 20)
        )
        statement.full_clean()
        assert JointStatement  # the model under test

    def test_affiliate_only_with_the_affiliate_direction(self):
        status = ObserverStatusFactory.build(
            organization=OrganizationFactory(), affiliate=OrganizationFactory()
        )
        assert_rejected_on("affiliate", status)
        assert_database_refuses(
            lambda: ObserverStatus.objects.create(
                organization=status.organization,
                affiliate=status.affiliate,
                direction=ObserverDirection.OTS_AT_ORGANIZATION,
                current_stage="requested",
            )
        )


@pytest.mark.parametrize(
    ("url", "publisher"),
    [
        ("https://en.trend.az/azerbaijan/politics/4046914.html", "Trend News Agency"),
        ("https://www.turkicstates.org/en/turk-konseyi-hakkinda", "Organization of Turkic States"),
        ("https://www.mfa.gov.tr/a.en.mfa", "Ministry of Foreign Affairs of Türkiye"),
        ("https://houston-cg.mfa.gov.tr/Mission", "Consulate General of Türkiye in Houston"),
        ("https://www.aa.com.tr/fr/turquie/153573", "Anadolu Agency"),
        ("https://example.org/unknown", ""),
    ],
)
def test_a_source_without_a_publisher_takes_it_from_the_table_of_known_sites(url, publisher):
    source = SourceFactory(url=url, title="", publisher="")
    source.refresh_from_db()
    assert source.publisher == publisher
    assert str(source) == (publisher or source.site)


def test_a_publisher_given_by_staff_is_kept():
    source = SourceFactory(url="https://en.trend.az/1.html", publisher="Trend (Baku)")
    source.refresh_from_db()
    assert source.publisher == "Trend (Baku)"
