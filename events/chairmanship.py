"""`/chairmanship/`: who chaired the organization when, from the summits' hand-overs.

The chairmanship passes at a summit (`Meeting.chairmanship_from` hands it to
`chairmanship_to`); a period runs from one summit to the next. Where the sources do not say who
took it over (the data hold it only in a summit's note, or not at all), the period shows "not
recorded" rather than a guess.
"""

from django.db.models import Q
from django.views.generic import TemplateView

from otscoop.dates import format_partial_date
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
            # A period runs from a summit's first day (a summit's last day would read as a
            # range inside the period).
            "starts": format_partial_date(meeting.start_date, meeting.date_precision),
            "handed_over_by": meeting.chairmanship_from,
            "chair": meeting.chairmanship_to,
            "until": following,
            "ends": following
            and format_partial_date(following.start_date, following.date_precision),
        }
        for meeting, following in zip(meetings, [*meetings[1:], None], strict=True)
    ]


class ChairmanshipView(TemplateView):
    template_name = "events/chairmanship.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        periods = chairmanship_periods()
        context["periods"] = periods
        context["last_updated"] = last_updated([period["meeting"] for period in periods])
        return context
