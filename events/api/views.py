"""API viewsets of the events app; their FilterSets are in events/filters.py."""

from django.db.models import Prefetch

from memberships.api.serializers import (
    OrganizationBriefSerializer,
    PlaceBriefSerializer,
    StateBriefSerializer,
)
from memberships.models import Candidacy, Organization, Place, State
from otscoop.api.fields import brief_columns, own_columns
from otscoop.api.views import ApiViewSet

from .. import filters
from ..models import (
    Council,
    Delegation,
    Document,
    ElectionObservationMission,
    JointStatement,
    Meeting,
    SecretaryGeneral,
    Topic,
)
from .document_serializers import DocumentLibrarySerializer
from .mission_serializers import ElectionObservationMissionSerializer
from .secretary_serializers import SecretaryGeneralSerializer
from .serializers import (
    CouncilBriefSerializer,
    CouncilSerializer,
    JointStatementSerializer,
    MeetingBriefSerializer,
    MeetingListItemSerializer,
    MeetingSerializer,
    TopicBriefSerializer,
    TopicSerializer,
)


class CouncilViewSet(ApiViewSet):
    """The OTS's organs: councils, committees, the Secretariat and its offices, highest first."""

    serializer_class = CouncilSerializer
    filterset_class = filters.CouncilFilterSet
    search_fields = ["name", "acronym", "description"]
    ordering_fields = ["order", "name", "established_on", "updated_at"]

    def get_queryset(self):
        return Council.objects.prefetch_related("sources")


class MeetingViewSet(ApiViewSet):
    """Meetings of the OTS organs or under their roof (summits, council sessions, trainings),
    with the delegations that came and the documents adopted. The list leaves out each
    meeting's delegations, documents and sources: its detail has them."""

    serializer_class = MeetingSerializer
    filterset_class = filters.MeetingApiFilterSet
    search_fields = ["title", "theme", "city", "place__name", "summary"]
    ordering_fields = ["start_date", "title", "number", "updated_at"]

    def get_serializer_class(self):
        if self.action == "list":
            return MeetingListItemSerializer
        return super().get_serializer_class()

    def get_queryset(self):
        # Related records load the columns their brief shows.
        meetings = Meeting.objects.select_related(
            "council", "place__state", "host_state", "chairmanship_from", "chairmanship_to"
        ).only(
            *own_columns(Meeting),
            *brief_columns(CouncilBriefSerializer, "council"),
            *brief_columns(PlaceBriefSerializer, "place"),
            "place__state__slug",
            *brief_columns(StateBriefSerializer, "host_state"),
            *brief_columns(StateBriefSerializer, "chairmanship_from"),
            *brief_columns(StateBriefSerializer, "chairmanship_to"),
        )
        if self.action == "list":
            return meetings  # without the nested lists
        # Delegations are sorted by state alone: each meeting's list is in the same order as by
        # the model's ("meeting", "state__name"), without joining the meetings again.
        delegations = (
            Delegation.objects.select_related("state")
            .only(*own_columns(Delegation), *brief_columns(StateBriefSerializer, "state"))
            .prefetch_related("sources")
            .order_by("state__name")
        )
        # A candidacy's brief shows its name, made of its state and organization.
        documents = Document.objects.prefetch_related(
            Prefetch(
                "endorsed_candidacies",
                queryset=Candidacy.objects.select_related("state", "organization"),
            )
        )
        return meetings.prefetch_related(
            Prefetch("delegations", queryset=delegations),
            Prefetch("documents", queryset=documents),
            "sources",
        )


class JointStatementViewSet(ApiViewSet):
    """Statements issued by the foreign ministers, the heads of state or the Secretariat, with
    their signatories, topics and the candidacies they endorse."""

    serializer_class = JointStatementSerializer
    filterset_class = filters.JointStatementApiFilterSet
    search_fields = ["title", "issuer", "summary", "text"]
    ordering_fields = ["issued_on", "title", "updated_at"]

    def get_queryset(self):
        signatories = State.objects.only(*brief_columns(StateBriefSerializer))
        topics = Topic.objects.only(*brief_columns(TopicBriefSerializer))
        return (
            JointStatement.objects.select_related("council", "meeting")
            .only(
                *own_columns(JointStatement),
                *brief_columns(CouncilBriefSerializer, "council"),
                *brief_columns(MeetingBriefSerializer, "meeting"),
            )
            .prefetch_related(
                Prefetch("signatories", queryset=signatories),
                Prefetch("topics", queryset=topics),
                # A candidacy's brief shows its name, made of its state and organization.
                Prefetch(
                    "endorsed_candidacies",
                    queryset=Candidacy.objects.select_related("state", "organization"),
                ),
                "documents",
                "sources",
            )
        )


class TopicViewSet(ApiViewSet):
    """Subjects that joint statements address, e.g. Afghanistan or terrorism."""

    serializer_class = TopicSerializer
    filterset_class = filters.TopicFilterSet
    search_fields = ["name"]
    ordering_fields = ["name", "updated_at"]

    def get_queryset(self):
        return Topic.objects.all()


class ElectionObservationMissionViewSet(ApiViewSet):
    """Joint OTS missions observing elections in member and observer states."""

    serializer_class = ElectionObservationMissionSerializer
    filterset_class = filters.ElectionObservationMissionApiFilterSet
    search_fields = ["title", "observed_state__name", "head_of_mission", "findings"]
    ordering_fields = ["election_date", "title", "updated_at"]

    def get_queryset(self):
        states = State.objects.only(*brief_columns(StateBriefSerializer))
        organizations = Organization.objects.only(*brief_columns(OrganizationBriefSerializer))
        places = (
            Place.objects.select_related("state")
            .only(*brief_columns(PlaceBriefSerializer), "state__slug")
            .order_by("name")
        )
        return (
            ElectionObservationMission.objects.select_related("observed_state")
            .only(
                *own_columns(ElectionObservationMission),
                *brief_columns(StateBriefSerializer, "observed_state"),
            )
            .prefetch_related(
                Prefetch("places", queryset=places),
                Prefetch("participating_states", queryset=states),
                Prefetch("partner_organizations", queryset=organizations),
                "sources",
            )
        )


class DocumentViewSet(ApiViewSet):
    """The documents library: declarations, communiqués, agreements and reports of meetings and
    statements, public when their meeting or statement is. Read only."""

    serializer_class = DocumentLibrarySerializer
    filterset_class = filters.DocumentApiFilterSet
    lookup_field = "pk"
    http_method_names = ["get", "head", "options"]
    search_fields = ["title", "symbol"]
    ordering_fields = ["date", "title", "updated_at"]

    def get_queryset(self):
        documents = Document.objects.select_related("meeting", "statement").prefetch_related(
            "sources",
            # A candidacy's brief shows its name, made of its state and organization.
            Prefetch(
                "endorsed_candidacies",
                queryset=Candidacy.objects.published().select_related("state", "organization"),
            ),
        )
        if not self.has_view_permission(Document):
            documents = documents.public()
        return documents.order_by("-date", "-id")


class SecretaryGeneralViewSet(ApiViewSet):
    """The Secretaries General of the OTS and their terms, the first first. Read only: they
    are entered in the admin."""

    serializer_class = SecretaryGeneralSerializer
    filterset_class = filters.SecretaryGeneralFilterSet
    http_method_names = ["get", "head", "options"]
    search_fields = ["name", "note"]
    ordering_fields = ["term_start", "name", "updated_at"]

    def get_queryset(self):
        return (
            SecretaryGeneral.objects.select_related("nationality", "appointed_at")
            .prefetch_related("sources")
            .order_by("term_start", "pk")
        )
