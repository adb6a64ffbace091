"""Template tags that show a meeting's decisions on the pages of events (a summit's page, the
summits timeline, a follow-up meeting's page): events' Python never imports decisions, its
templates load this library.

A list of meetings reads all their decisions in one query (`with_decisions`), so the timeline
costs the same whatever the number of summits.
"""

from collections import Counter

from django import template
from django.db.models import Prefetch, prefetch_related_objects

from decisions.choices import DecisionStatus
from decisions.models import Decision, DecisionStep

register = template.Library()

# What a decision's line under a meeting shows: its link, text, kind and status.
DECISION_LINE_FIELDS = ("meeting_id", "kind", "text", "order", "status", "updated_at")


def public_decisions():
    """A meeting's published decisions, in their order (the meeting itself is shown published)."""
    return Decision.objects.published().only(*DECISION_LINE_FIELDS).order_by("order", "id")


def status_counts(decisions) -> list[dict]:
    """How many of `decisions` are at each status, in the statuses' order (none left out that
    has a decision)."""
    counted = Counter(decision.status for decision in decisions)
    return [
        {"status": status, "label": label, "count": counted[status]}
        for status, label in DecisionStatus.choices
        if counted[status]
    ]


@register.simple_tag
def with_decisions(meetings):
    """`meetings` (a page of them) with their published decisions read in one query, as each
    meeting's `public_decisions`: `{% with_decisions summits as summits %}`."""
    meetings = list(meetings)
    prefetch_related_objects(
        meetings,
        Prefetch("decisions", queryset=public_decisions(), to_attr="public_decisions"),
    )
    return meetings


@register.inclusion_tag("decisions/includes/meeting_decisions.html")
def meeting_decisions(meeting, heading_level=2, compact=False):
    """A meeting's decisions with their status badges and the counts by status. Reads the
    decisions `with_decisions` gave the meeting, else one query."""
    decisions = getattr(meeting, "public_decisions", None)
    if decisions is None:
        decisions = list(public_decisions().filter(meeting=meeting))
    return {
        "meeting": meeting,
        "decisions": decisions,
        "counts": status_counts(decisions),
        "heading": f"h{heading_level}",
        "compact": compact,
    }


@register.inclusion_tag("decisions/includes/reported_steps.html")
def reported_decision_steps(meeting):
    """The follow-up steps reported at `meeting` (of published decisions of published
    meetings), each with its decision and that decision's meeting: one query."""
    steps = (
        DecisionStep.objects.filter(reported_at=meeting, decision__in=Decision.objects.public())
        .select_related("decision__meeting__council", "decision__meeting__place")
        .order_by("decision__meeting__start_date", "decision__order", "decision_id", "date", "id")
    )
    return {"steps": list(steps)}
