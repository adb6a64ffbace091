"""FilterSets of the memberships lists: one per list, shared by the public pages and the API;
the API's add `updated_since` (`ApiFilterSet`). States, memberships, organizations and observer
statuses are filtered in the API only."""

import django_filters
from django.utils.translation import gettext_lazy as _

from otscoop.api.filters import ApiFilterSet, StrictBooleanFilter
from otscoop.filters import SlugFilter

from .choices import (
    CandidacyOutcome,
    MembershipRole,
    ObserverDirection,
    ObserverStage,
    OrganizationKind,
    StateKind,
)
from .models import Candidacy, CandidacySupport, Membership, ObserverStatus, Organization, State


class CandidacyFilterSet(django_filters.FilterSet):
    state = SlugFilter(State, label=_("Candidate state"))
    organization = SlugFilter(Organization, shown=["acronym"], label=_("Organization"))
    outcome = django_filters.ChoiceFilter(choices=CandidacyOutcome.choices, label=_("Outcome"))
    supporting_state = SlugFilter(State, method="filter_supporting_state", label=_("Supported by"))

    class Meta:
        model = Candidacy
        fields = ["state", "organization", "outcome", "supporting_state"]

    def filter_supporting_state(self, queryset, name, value):
        # Only public support counts: an internal row must not show through a filter either.
        supported = CandidacySupport.objects.public().filter(supporting_state=value)
        return queryset.filter(pk__in=supported.values("candidacy_id"))


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


class CandidacyApiFilterSet(ApiFilterSet, CandidacyFilterSet):
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
