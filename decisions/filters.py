"""The decisions' FilterSet, shared by the public list, its CSV, the feed and the API (the API's
adds `updated_since`). The admin's changelist filters by the same fields (decisions/admin.py)."""

import django_filters
from django.utils.translation import gettext_lazy as _

from events.models import Council, Meeting, Topic
from memberships.models import Organization, State
from otscoop.api.filters import ApiFilterSet
from otscoop.filters import SlugFilter, YearFilter

from .choices import DecisionKind, DecisionStatus, StepStatus
from .models import Decision, DecisionStep


def adopting_meetings(request):
    """The meetings that adopted a public decision, for the meeting filter's options: a filter
    never names a draft meeting, nor one whose decisions are all drafts (their titles are
    composed from their council and place: joined, not read per option)."""
    return (
        Meeting.objects.filter(pk__in=Decision.objects.public().values("meeting"))
        .select_related("council", "place")
        .order_by("-start_date", "-id")
    )


class DecisionFilterSet(django_filters.FilterSet):
    council = SlugFilter(Council, field_name="meeting__council", label=_("Adopted by"))
    meeting = django_filters.ModelChoiceFilter(
        queryset=adopting_meetings, to_field_name="slug", label=_("Meeting")
    )
    kind = django_filters.ChoiceFilter(choices=DecisionKind.choices, label=_("Kind"))
    status = django_filters.ChoiceFilter(choices=DecisionStatus.choices, label=_("Status"))
    addressed_council = SlugFilter(
        Council, field_name="addressed_councils", label=_("Addressed to organ")
    )
    addressed_state = SlugFilter(
        State, field_name="addressed_states", label=_("Addressed to state")
    )
    addressed_organization = SlugFilter(
        Organization,
        field_name="addressed_organizations",
        shown=("acronym",),
        label=_("Addressed to organization"),
    )
    topic = SlugFilter(Topic, field_name="topics", label=_("Topic"))
    year = YearFilter("meeting__start_date")

    class Meta:
        model = Decision
        fields = [
            "council",
            "meeting",
            "kind",
            "status",
            "addressed_council",
            "addressed_state",
            "addressed_organization",
            "topic",
            "year",
        ]


class DecisionApiFilterSet(ApiFilterSet, DecisionFilterSet):
    pass


class StepApiFilterSet(ApiFilterSet):
    """The follow-up steps' filters in the API (/api/v1/decision-steps/)."""

    decision = django_filters.NumberFilter(field_name="decision_id", label=_("Decision (its id)"))
    status = django_filters.ChoiceFilter(choices=StepStatus.choices, label=_("Status"))
    reported_at = django_filters.CharFilter(
        field_name="reported_at__slug", label=_("Reported at meeting (slug)")
    )

    class Meta:
        model = DecisionStep
        fields = ["decision", "status", "reported_at"]
