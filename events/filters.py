"""FilterSets of the events lists: one per list, shared by the public pages, the feeds and the
API; the API's add `updated_since` (`ApiFilterSet`). Councils and topics have API lists only."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from memberships.models import Place, State
from otscoop.api.filters import ApiFilterSet
from otscoop.filters import SlugFilter, YearFilter
from otscoop.search import search

from .choices import (
    SUMMIT_KINDS,
    CouncilKind,
    DocumentKind,
    ElectionKind,
    MeetingKind,
    StatementKind,
)
from .models import (
    DOCUMENT_SEARCH_COLUMNS,
    Council,
    Document,
    ElectionObservationMission,
    JointStatement,
    Meeting,
    SecretaryGeneral,
    Topic,
)


class MeetingFilterSet(django_filters.FilterSet):
    council = SlugFilter(Council, label=_("Council"))
    kind = django_filters.ChoiceFilter(choices=MeetingKind.choices, label=_("Kind"))
    year = YearFilter("start_date")
    host_state = SlugFilter(State, field_name="host_state", label=_("Host state"))
    # Every recorded place (a few dozen): offering only those of published meetings would read
    # the meetings for the form and draw it again after every meeting's edit.
    place = SlugFilter(Place, label=_("Place"))
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
    # The summits (of every kind: regular, informal, extraordinary) or none of them: what the
    # summits timeline's calendar, feed and CSV ask for. Not a field of the page's form (a
    # hidden one: a filtered list keeps it).
    summits = django_filters.BooleanFilter(
        method="filter_summits", label=_("Summits only"), widget=forms.HiddenInput
    )

    class Meta:
        model = Meeting
        fields = [
            "council",
            "kind",
            "year",
            "host_state",
            "place",
            "date_from",
            "date_to",
            "summits",
        ]

    def filter_summits(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.summits() if value else queryset.exclude(kind__in=SUMMIT_KINDS)


class JointStatementFilterSet(django_filters.FilterSet):
    council = SlugFilter(Council, label=_("Council"))
    kind = django_filters.ChoiceFilter(choices=StatementKind.choices, label=_("Kind"))
    signatory = SlugFilter(State, field_name="signatories", label=_("Signatory"))
    topic = SlugFilter(Topic, field_name="topics", label=_("Topic"))
    year = YearFilter("issued_on")

    class Meta:
        model = JointStatement
        fields = ["council", "kind", "signatory", "topic", "year"]


class ElectionObservationMissionFilterSet(django_filters.FilterSet):
    observed_state = SlugFilter(State, field_name="observed_state", label=_("Observed state"))
    election_kind = django_filters.ChoiceFilter(
        choices=ElectionKind.choices, label=_("Election kind")
    )
    year = YearFilter("election_date")

    class Meta:
        model = ElectionObservationMission
        fields = ["observed_state", "election_kind", "year"]


class DocumentFilterSet(django_filters.FilterSet):
    """The documents library: by kind, the council of its meeting or statement, year, the record
    it belongs to, and words of its title or symbol (any language)."""

    q = django_filters.CharFilter(method="filter_words", label=_("Words"))
    kind = django_filters.ChoiceFilter(choices=DocumentKind.choices, label=_("Kind"))
    council = SlugFilter(Council, method="filter_council", label=_("Council"))
    year = YearFilter("date")
    meeting = django_filters.CharFilter(field_name="meeting__slug", label=_("Meeting (slug)"))
    statement = django_filters.CharFilter(field_name="statement__slug", label=_("Statement (slug)"))

    class Meta:
        model = Document
        fields = ["q", "kind", "council", "year", "meeting", "statement"]

    def filter_council(self, queryset, name, value):
        return queryset.filter(Q(meeting__council=value) | Q(statement__council=value))

    def filter_words(self, queryset, name, value):
        # The project's word search; documents have no stored search document (icontains).
        return search(queryset, DOCUMENT_SEARCH_COLUMNS, value, document=False)


class CouncilFilterSet(ApiFilterSet):
    kind = django_filters.ChoiceFilter(choices=CouncilKind.choices, label=_("Kind"))

    class Meta:
        model = Council
        fields = ["kind"]


class SecretaryGeneralFilterSet(ApiFilterSet):
    nationality = SlugFilter(State, label=_("Nationality"))

    class Meta:
        model = SecretaryGeneral
        fields = ["nationality"]


class TopicFilterSet(ApiFilterSet):
    class Meta:
        model = Topic
        fields = []


class MeetingApiFilterSet(ApiFilterSet, MeetingFilterSet):
    pass


class JointStatementApiFilterSet(ApiFilterSet, JointStatementFilterSet):
    pass


class ElectionObservationMissionApiFilterSet(ApiFilterSet, ElectionObservationMissionFilterSet):
    place = SlugFilter(Place, field_name="places", label=_("Place observed"))


class DocumentApiFilterSet(ApiFilterSet, DocumentFilterSet):
    pass
