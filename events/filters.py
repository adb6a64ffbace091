"""FilterSets of the events lists, shared by the public pages, the feeds and the API."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from memberships.models import State
from otscoop.filters import SlugFilter

from .choices import ElectionKind, MeetingKind, StatementKind
from .models import Council, ElectionObservationMission, JointStatement, Meeting, Topic


class MeetingFilterSet(django_filters.FilterSet):
    council = SlugFilter(Council, label=_("Council"))
    kind = django_filters.ChoiceFilter(choices=MeetingKind.choices, label=_("Kind"))
    year = django_filters.NumberFilter(
        field_name="start_date", lookup_expr="year", label=_("Year"), min_value=1900, max_value=2200
    )
    host_state = SlugFilter(State, field_name="host_state", label=_("Host state"))
    date_from = django_filters.DateFilter(
        field_name="start_date",
        lookup_expr="gte",
        label=_("From (date)"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    date_to = django_filters.DateFilter(
        field_name="start_date",
        lookup_expr="lte",
        label=_("To (date)"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    class Meta:
        model = Meeting
        fields = ["council", "kind", "year", "host_state", "date_from", "date_to"]


class JointStatementFilterSet(django_filters.FilterSet):
    council = SlugFilter(Council, label=_("Council"))
    kind = django_filters.ChoiceFilter(choices=StatementKind.choices, label=_("Kind"))
    signatory = SlugFilter(State, field_name="signatories", label=_("Signatory"))
    topic = SlugFilter(Topic, field_name="topics", label=_("Topic"))
    year = django_filters.NumberFilter(
        field_name="issued_on", lookup_expr="year", label=_("Year"), min_value=1900, max_value=2200
    )

    class Meta:
        model = JointStatement
        fields = ["council", "kind", "signatory", "topic", "year"]


class ElectionObservationMissionFilterSet(django_filters.FilterSet):
    observed_state = SlugFilter(State, field_name="observed_state", label=_("Observed state"))
    election_kind = django_filters.ChoiceFilter(
        choices=ElectionKind.choices, label=_("Election kind")
    )
    year = django_filters.NumberFilter(
        field_name="election_date",
        lookup_expr="year",
        label=_("Year"),
        min_value=1900,
        max_value=2200,
    )

    class Meta:
        model = ElectionObservationMission
        fields = ["observed_state", "election_kind", "year"]
