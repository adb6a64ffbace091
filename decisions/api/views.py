"""API viewsets of decisions and their follow-up steps; the FilterSet is decisions/filters.py.

Anonymous clients (and users without the view permission) see published decisions of
published meetings only, and only their steps."""

from django.db.models import Prefetch

from events.api.serializers import (
    CouncilBriefSerializer,
    MeetingBriefSerializer,
    StatementBriefSerializer,
    TopicBriefSerializer,
)
from events.models import Council, Topic
from memberships.api.serializers import OrganizationBriefSerializer, StateBriefSerializer
from memberships.models import Organization, State
from otscoop.api.fields import brief_columns, own_columns
from otscoop.api.views import ApiViewSet
from otscoop.api.visibility import has_view_permission

from ..filters import DecisionApiFilterSet, StepApiFilterSet
from ..models import Decision, DecisionStep
from .serializers import DecisionSerializer, DecisionStepSerializer


def steps_with_reporters():
    return DecisionStep.objects.select_related("reported_at", "reported_in").only(
        *own_columns(DecisionStep),
        *brief_columns(MeetingBriefSerializer, "reported_at"),
        *brief_columns(StatementBriefSerializer, "reported_in"),
    )


class DecisionViewSet(ApiViewSet):
    """Decisions, instructions and commitments of the heads of state (and other councils),
    each with its follow-up steps and current status."""

    lookup_field = "pk"
    serializer_class = DecisionSerializer
    filterset_class = DecisionApiFilterSet
    search_fields = ["text", "meeting__title"]
    ordering_fields = ["meeting__start_date", "order", "status", "updated_at"]

    def filter_queryset(self, queryset):
        if not has_view_permission(self.request, Decision):
            queryset = queryset.public()
        return super().filter_queryset(queryset)

    def get_queryset(self):
        return (
            Decision.objects.select_related("meeting")
            .only(*own_columns(Decision), *brief_columns(MeetingBriefSerializer, "meeting"))
            .prefetch_related(
                Prefetch(
                    "addressed_councils",
                    queryset=Council.objects.only(*brief_columns(CouncilBriefSerializer)),
                ),
                Prefetch(
                    "addressed_states",
                    queryset=State.objects.only(*brief_columns(StateBriefSerializer)),
                ),
                Prefetch(
                    "addressed_organizations",
                    queryset=Organization.objects.only(*brief_columns(OrganizationBriefSerializer)),
                ),
                Prefetch(
                    "topics", queryset=Topic.objects.only(*brief_columns(TopicBriefSerializer))
                ),
                Prefetch("steps", queryset=steps_with_reporters()),
                "sources",
            )
        )


class DecisionStepViewSet(ApiViewSet):
    """The dated steps of the decisions' follow-up; writing one updates its decision's
    current status."""

    lookup_field = "pk"
    serializer_class = DecisionStepSerializer
    filterset_class = StepApiFilterSet
    search_fields = ["note"]
    ordering_fields = ["date", "updated_at"]

    def filter_queryset(self, queryset):
        if not has_view_permission(self.request, Decision):
            queryset = queryset.filter(decision__in=Decision.objects.public())
        return super().filter_queryset(queryset)

    def get_queryset(self):
        # The page URL is the decision's place on its meeting's page: the meeting's slug.
        return (
            steps_with_reporters()
            .select_related("decision__meeting")
            .only(
                *own_columns(DecisionStep),
                *brief_columns(MeetingBriefSerializer, "reported_at"),
                *brief_columns(StatementBriefSerializer, "reported_in"),
                "decision__id",
                "decision__meeting__slug",
            )
            .prefetch_related("sources")
        )
