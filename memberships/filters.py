"""FilterSets of the memberships lists, shared by the public pages and the API."""

import django_filters
from django.utils.translation import gettext_lazy as _

from .choices import CandidacyOutcome, SupportVisibility
from .models import Candidacy, Organization, State


def every(model, *shown):
    """A filter's options: every record of `model`, read per request, so that they are in the
    order of their names in the request's language (modeltranslation fixes the language of a
    queryset's default ordering when the queryset is made). Only the columns an option shows
    are read: the slug, the name (in every language) and any of `shown` its name needs."""
    return lambda request: model.objects.only("slug", "name", *shown)


class CandidacyFilterSet(django_filters.FilterSet):
    state = django_filters.ModelChoiceFilter(
        queryset=every(State), to_field_name="slug", label=_("Candidate state")
    )
    organization = django_filters.ModelChoiceFilter(
        queryset=every(Organization, "acronym"), to_field_name="slug", label=_("Organization")
    )
    outcome = django_filters.ChoiceFilter(choices=CandidacyOutcome.choices, label=_("Outcome"))
    supporting_state = django_filters.ModelChoiceFilter(
        queryset=every(State),
        to_field_name="slug",
        method="filter_supporting_state",
        label=_("Supported by"),
    )

    class Meta:
        model = Candidacy
        fields = ["state", "organization", "outcome", "supporting_state"]

    def filter_supporting_state(self, queryset, name, value):
        # Only public support counts: an internal row must not show through a filter either.
        return queryset.filter(
            supports__supporting_state=value, supports__visibility=SupportVisibility.PUBLIC
        ).distinct()
