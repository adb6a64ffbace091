"""API viewsets of the events app.

Meetings, statements and election missions use the shared FilterSets (events/filters.py)
extended with `updated_since`; councils and topics only have API lists, so theirs live here.
"""

import django_filters
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from memberships.models import Candidacy
from otscoop.api import ApiViewSet
from otscoop.api_filters import ApiFilterSet
from otscoop.references import with_references

from .. import filters
from ..choices import CouncilKind
from ..models import (
    Council,
    Delegation,
    ElectionObservationMission,
    JointStatement,
    Meeting,
    Topic,
)
from .serializers import (
    CouncilSerializer,
    ElectionObservationMissionSerializer,
    JointStatementSerializer,
    MeetingSerializer,
    TopicSerializer,
)


class CouncilFilterSet(ApiFilterSet):
    kind = django_filters.ChoiceFilter(choices=CouncilKind.choices, label=_("Kind"))

    class Meta:
        model = Council
        fields = ["kind"]


class MeetingFilterSet(ApiFilterSet, filters.MeetingFilterSet):
    pass


class JointStatementFilterSet(ApiFilterSet, filters.JointStatementFilterSet):
    pass


class TopicFilterSet(ApiFilterSet):
    class Meta:
        model = Topic
        fields = []


class ElectionObservationMissionFilterSet(
    ApiFilterSet, filters.ElectionObservationMissionFilterSet
):
    pass


class CouncilViewSet(ApiViewSet):
    """The OTS's organs: councils, committees, the Secretariat and its offices, highest first."""

    serializer_class = CouncilSerializer
    filterset_class = CouncilFilterSet
    search_fields = ["name", "acronym", "description"]
    ordering_fields = ["order", "name", "established_on", "updated_at"]

    def get_queryset(self):
        return Council.objects.prefetch_related("sources")


class MeetingViewSet(ApiViewSet):
    """Meetings of the OTS organs or under their roof (summits, council sessions, trainings),
    with the delegations that came and the documents adopted."""

    serializer_class = MeetingSerializer
    filterset_class = MeetingFilterSet
    search_fields = ["title", "theme", "city", "summary"]
    ordering_fields = ["start_date", "title", "number", "updated_at"]

    def get_queryset(self):
        # Councils and states from the reference tables (otscoop/references.py), not joins.
        meetings = with_references(
            Meeting.objects.all(), "council", "host_state", "chairmanship_from", "chairmanship_to"
        )
        return meetings.prefetch_related(
            Prefetch("delegations", queryset=with_references(Delegation.objects.all(), "state")),
            "documents",
            "sources",
        )


class JointStatementViewSet(ApiViewSet):
    """Statements issued by the foreign ministers, the heads of state or the Secretariat, with
    their signatories, topics and the candidacies they endorse."""

    serializer_class = JointStatementSerializer
    filterset_class = JointStatementFilterSet
    search_fields = ["title", "issuer", "summary", "text"]
    ordering_fields = ["issued_on", "title", "updated_at"]

    def get_queryset(self):
        statements = with_references(JointStatement.objects.select_related("meeting"), "council")
        return statements.prefetch_related(
            "signatories",
            "topics",
            Prefetch(
                "endorsed_candidacies",
                queryset=with_references(Candidacy.objects.all(), "state", "organization"),
            ),
            "documents",
            "sources",
        )


class TopicViewSet(ApiViewSet):
    """Subjects that joint statements address, e.g. Afghanistan or terrorism."""

    serializer_class = TopicSerializer
    filterset_class = TopicFilterSet
    search_fields = ["name"]
    ordering_fields = ["name", "updated_at"]

    def get_queryset(self):
        return Topic.objects.all()


class ElectionObservationMissionViewSet(ApiViewSet):
    """Joint OTS missions observing elections in member and observer states."""

    serializer_class = ElectionObservationMissionSerializer
    filterset_class = ElectionObservationMissionFilterSet
    search_fields = ["title", "observed_state__name", "head_of_mission", "findings"]
    ordering_fields = ["election_date", "title", "updated_at"]

    def get_queryset(self):
        missions = with_references(ElectionObservationMission.objects.all(), "observed_state")
        return missions.prefetch_related("participating_states", "partner_organizations", "sources")
