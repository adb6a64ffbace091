"""`/chairmanship/`: who chaired the organization when, from the summits' hand-overs.

The chairmanship passes at a summit (`Meeting.chairmanship_from` hands it to
`chairmanship_to`); a period runs from one summit to the next. Where the sources do not say who
took it over (the data hold it only in a summit's note, or not at all), the period shows "not
recorded" rather than a guess.
"""

from django.db.models import Q
from django.views.generic import TemplateView

from otscoop.pages import last_updated

from .choices import MeetingKind, MeetingStatus
from .models import Meeting


def chairmanship_periods() -> list[dict]:
    """Each regular summit held (and any other meeting where the chairmanship passed), the
    first first: the meeting, who handed over, who took over (None: not recorded) and the
    meeting that ended the period (None: the current one). A summit still to come hands
    nothing over yet. One query."""
    meetings = list(
        Meeting.objects.published()
        .filter(status=MeetingStatus.HELD)
        .filter(
            Q(kind=MeetingKind.SUMMIT)
            | Q(chairmanship_to__isnull=False)
            | Q(chairmanship_from__isnull=False)
        )
        .select_related("council", "place", "chairmanship_from", "chairmanship_to")
        .order_by("start_date", "id")
    )
    return [
        {
            "meeting": meeting,
            "handed_over_by": meeting.chairmanship_from,
            "chair": meeting.chairmanship_to,
            "until": meetings[index + 1] if index + 1 < len(meetings) else None,
        }
        for index, meeting in enumerate(meetings)
    ]


class ChairmanshipView(TemplateView):
    template_name = "events/chairmanship.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        periods = chairmanship_periods()
        context["periods"] = periods
        context["last_updated"] = last_updated([period["meeting"] for period in periods])
        return context
