"""API viewsets of the memberships app, and the FilterSets of the lists without a public page.

Candidacies use the shared `CandidacyFilterSet` (memberships/filters.py) extended with
`updated_since`; the other lists only exist in the API, so their FilterSets live here.
"""

import django_filters
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from otscoop.api.fields import brief_columns, own_columns
from otscoop.api.filters import ApiFilterSet, StrictBooleanFilter
from otscoop.api.views import ApiViewSet
from otscoop.filters import SlugFilter

from .. import filters
from ..choices import (
    MembershipRole,
    ObserverDirection,
    ObserverStage,
    OrganizationKind,
    StateKind,
)
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


class StateFilterSet(ApiFilterSet):
    kind = django_filters.ChoiceFilter(choices=StateKind.choices, label=_("Kind"))
    role = django_filters.ChoiceFilter(
        choices=MembershipRole.choices, method="filter_role", label=_("Current role in the OTS")
    )

    class Meta:
        model = State
        fields = ["kind", "role"]

    def filter_role(self, queryset, name, value):
        return queryset.members() if value == MembershipRole.MEMBER else queryset.observers()


class MembershipFilterSet(ApiFilterSet):
    state = SlugFilter(State, label=_("State"))
    role = django_filters.ChoiceFilter(choices=MembershipRole.choices, label=_("Role"))
    current = StrictBooleanFilter(
        field_name="end_date",
        lookup_expr="isnull",
        label=_("true: memberships that last today; false: ended ones"),
    )

    class Meta:
        model = Membership
        fields = ["state", "role", "current"]


class OrganizationFilterSet(ApiFilterSet):
    kind = django_filters.ChoiceFilter(choices=OrganizationKind.choices, label=_("Kind"))
    parent = SlugFilter(Organization, shown=["acronym"], label=_("Parent organization"))

    class Meta:
        model = Organization
        fields = ["kind", "parent"]


class CandidacyFilterSet(ApiFilterSet, filters.CandidacyFilterSet):
    pass


class ObserverStatusFilterSet(ApiFilterSet):
    organization = SlugFilter(Organization, shown=["acronym"], label=_("Organization"))
    direction = django_filters.ChoiceFilter(choices=ObserverDirection.choices, label=_("Direction"))
    current_stage = django_filters.ChoiceFilter(
        choices=ObserverStage.choices, label=_("Current stage")
    )

    class Meta:
        model = ObserverStatus
        fields = ["organization", "direction", "current_stage"]


class StateViewSet(ApiViewSet):
    """States (and entities not universally recognised) that take part in, host or are
    observed by OTS cooperation, with their current role in the OTS."""

    serializer_class = StateSerializer
    filterset_class = StateFilterSet
    search_fields = ["name", "official_name", "capital", "iso2", "iso3"]
    ordering_fields = ["name", "slug", "iso2", "updated_at"]

    def get_queryset(self):
        return State.objects.with_current_role().prefetch_related("sources")


class MembershipViewSet(ApiViewSet):
    """Periods during which a state is a member or an observer of the OTS; `end_date` is
    null while a membership lasts."""

    lookup_field = "pk"
    serializer_class = MembershipSerializer
    filterset_class = MembershipFilterSet
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
    filterset_class = OrganizationFilterSet
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
    filterset_class = CandidacyFilterSet
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
    filterset_class = ObserverStatusFilterSet
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
