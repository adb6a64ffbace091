"""API viewsets of the memberships app; their FilterSets are in memberships/filters.py."""

from django.db.models import Prefetch

from otscoop.api.fields import brief_columns, own_columns
from otscoop.api.views import ApiViewSet

from .. import filters
from ..models import (
    Candidacy,
    CandidacySupport,
    Membership,
    ObserverStatus,
    Organization,
    State,
)
from .serializers import (
    CandidacySerializer,
    MembershipSerializer,
    ObserverStatusSerializer,
    OrganizationBriefSerializer,
    OrganizationSerializer,
    StateBriefSerializer,
    StateSerializer,
)


class StateViewSet(ApiViewSet):
    """States (and entities not universally recognised) that take part in, host or are
    observed by OTS cooperation, with their current role in the OTS."""

    serializer_class = StateSerializer
    filterset_class = filters.StateFilterSet
    search_fields = ["name", "official_name", "capital", "iso2", "iso3"]
    ordering_fields = ["name", "slug", "iso2", "updated_at"]

    def get_queryset(self):
        return State.objects.with_current_role().prefetch_related("sources")


class MembershipViewSet(ApiViewSet):
    """Periods during which a state is a member or an observer of the OTS; `end_date` is
    null while a membership lasts."""

    lookup_field = "pk"
    serializer_class = MembershipSerializer
    filterset_class = filters.MembershipFilterSet
    search_fields = ["state__name", "note"]
    ordering_fields = ["start_date", "end_date", "updated_at"]

    def get_queryset(self):
        return (
            Membership.objects.select_related("state")
            .only(*own_columns(Membership), *brief_columns(StateBriefSerializer, "state"))
            .prefetch_related("sources")
        )


class OrganizationViewSet(ApiViewSet):
    """International organizations and bodies other than the OTS's own organs."""

    serializer_class = OrganizationSerializer
    filterset_class = filters.OrganizationFilterSet
    search_fields = ["name", "acronym", "description"]
    ordering_fields = ["name", "acronym", "founded_on", "updated_at"]

    def get_queryset(self):
        return (
            Organization.objects.select_related("parent")
            .only(*own_columns(Organization), *brief_columns(OrganizationBriefSerializer, "parent"))
            .prefetch_related("sources")
        )


class CandidacyViewSet(ApiViewSet):
    """Member states' bids for posts at international organizations, with the support other
    states declared for them."""

    serializer_class = CandidacySerializer
    filterset_class = filters.CandidacyApiFilterSet
    search_fields = ["post", "candidate_person", "state__name", "organization__name"]
    ordering_fields = ["term_start", "term_end", "election_date", "post", "updated_at"]

    def get_queryset(self):
        supports = CandidacySupport.objects.select_related("supporting_state").only(
            *own_columns(CandidacySupport),
            *brief_columns(StateBriefSerializer, "supporting_state"),
        )
        if not self.has_view_permission(CandidacySupport):
            supports = supports.public()
        return (
            Candidacy.objects.select_related("state", "organization")
            .only(
                *own_columns(Candidacy),
                *brief_columns(StateBriefSerializer, "state"),
                *brief_columns(OrganizationBriefSerializer, "organization"),
            )
            .prefetch_related(Prefetch("supports", queryset=supports), "sources")
        )


class ObserverStatusViewSet(ApiViewSet):
    """The OTS's observer status at other organizations, theirs at the OTS, and affiliated
    organizations' applications, with every step of their lifecycle."""

    lookup_field = "pk"
    serializer_class = ObserverStatusSerializer
    filterset_class = filters.ObserverStatusFilterSet
    search_fields = ["organization__name", "organization__acronym", "reference", "note"]
    ordering_fields = ["direction", "current_stage", "updated_at"]

    def get_queryset(self):
        return (
            ObserverStatus.objects.select_related("organization", "affiliate")
            .only(
                *own_columns(ObserverStatus),
                *brief_columns(OrganizationBriefSerializer, "organization"),
                *brief_columns(OrganizationBriefSerializer, "affiliate"),
            )
            .prefetch_related("steps", "sources")
        )
