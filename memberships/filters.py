"""FilterSets of the memberships lists, shared by the public pages and the API."""

import django_filters
from django.utils.translation import gettext_lazy as _

from otscoop.filters import SlugFilter

from .choices import CandidacyOutcome, SupportVisibility
from .models import Candidacy, Organization, State


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
        return queryset.filter(
            supports__supporting_state=value, supports__visibility=SupportVisibility.PUBLIC
        ).distinct()
