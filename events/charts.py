"""The charts of the public pages, counted in the database (one GROUP BY query each) from public
records only: published meetings and candidacies, and the public supports of published
candidacies. otscoop/charts.py lays them out; templates/includes/bar_chart.html draws them.

- the home page: meetings a year by level (heads of state, foreign ministers, other);
- a state's page: the meetings it hosted, the support it gave and the support it received, a
  year;
- the candidacies page: how many bids each state supported and how many supports its own bids
  received, over the candidacies the page's filters select.
"""

from django.db.models import Case, CharField, Count, F, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce, ExtractYear
from django.utils.translation import gettext_lazy as _

from memberships.models import CandidacySupport, State
from otscoop.charts import Chart, Row, Series, year_rows
from otscoop.choices import Publication

from .choices import SUMMIT_KINDS, CouncilLevel, MeetingStatus
from .models import Meeting

LEVELS = [Series(level.value, level.label) for level in CouncilLevel]
HOSTED, GIVEN, RECEIVED = "hosted", "given", "received"


def counted_meetings():
    """The meetings the charts count: published, and not cancelled."""
    return Meeting.objects.published().exclude(status=MeetingStatus.CANCELLED).order_by()


def meeting_level():
    """A meeting's level: its council's; a summit without a council is one of heads of state."""
    return Case(
        When(council__isnull=False, then=F("council__level")),
        When(kind__in=SUMMIT_KINDS, then=Value(CouncilLevel.HEADS_OF_STATE.value)),
        default=Value(CouncilLevel.OTHER.value),
        output_field=CharField(),
    )


def public_supports():
    """Public supports of published candidacies."""
    return (
        CandidacySupport.objects.public()
        .filter(candidacy__publication=Publication.PUBLISHED)
        .order_by()
    )


def meetings_by_level_chart() -> Chart:
    counted = (
        counted_meetings()
        .annotate(year=ExtractYear("start_date"), level=meeting_level())
        .values("year", "level")
        .annotate(count=Count("*"))
    )
    counts = {(row["year"], row["level"]): row["count"] for row in counted}
    rows, undated = year_rows(counts, LEVELS)
    return Chart(
        slug="chart-meetings-by-level",
        title=_("Meetings a year, by level"),
        caption=_(
            "Published meetings a year by the year they began, by level: the heads of state "
            "(summits), the foreign ministers and the other organs. Cancelled meetings are not "
            "counted."
        ),
        description=_(
            "A bar for each year, its levels laid end to end, with the year's number of meetings "
            "at its end. The table gives the same numbers."
        ),
        row_heading=_("Year"),
        series=LEVELS,
        rows=rows,
        undated=undated,
        stacked=True,
        empty=_("No meeting is recorded yet."),
    )


def state_activity_chart(state) -> Chart:
    """A state's meetings hosted (by the year they began) and the supports it gave and received
    (by the year declared; the table counts those without a declared date apart): two
    GROUP BY queries, one over meetings and one over supports."""
    series = [
        Series(HOSTED, _("Meetings hosted")),
        Series(GIVEN, _("Support given")),
        Series(RECEIVED, _("Support received")),
    ]

    hosted = (
        counted_meetings()
        .filter(host_state=state)
        .annotate(year=ExtractYear("start_date"))
        .values("year")
        .annotate(count=Count("*"))
    )
    counted = {(row["year"], HOSTED): row["count"] for row in hosted}
    # candidate_state: the support's copy of its candidacy's state (both on its own row).
    gave, got = Q(supporting_state=state), Q(candidate_state=state)
    supports = (
        public_supports()
        .filter(gave | got)
        .annotate(year=ExtractYear("declared_on"))
        .values("year")
        .annotate(given=Count("pk", filter=gave), received=Count("pk", filter=got))
    )
    for row in supports:
        counted[row["year"], GIVEN] = row["given"]
        counted[row["year"], RECEIVED] = row["received"]
    rows, undated = year_rows(counted, series)
    return Chart(
        slug="chart-state-activity",
        title=_("Meetings hosted and support given and received, a year"),
        caption=_(
            "Published meetings the state hosted, by the year they began (cancelled ones not "
            "counted); public supports it declared for other states' candidacies, and public "
            "supports declared for its own, by the year declared."
        ),
        description=_(
            "Three bars for each year: meetings hosted, support given and support received, "
            "each with its number at its end. The table gives the same numbers."
        ),
        row_heading=_("Year"),
        series=series,
        rows=rows,
        undated=undated,
        undated_label=_("Date not recorded"),
        empty=_("No hosted meeting or public support is recorded for this state."),
    )


def support_by_state_chart(candidacies) -> Chart:
    """For each state, how many of `candidacies` (a queryset: the page's filtered list, every
    page of it) it supported, and how many supports its own received; one query."""
    supports = public_supports().filter(candidacy__in=candidacies.order_by().values("pk"))

    def count_by(column):
        return Coalesce(
            Subquery(
                supports.filter(**{column: OuterRef("pk")})
                .values(column)
                .annotate(count=Count("pk"))
                .values("count")
            ),
            0,
        )

    states = (
        State.objects.annotate(
            given=count_by("supporting_state"), received=count_by("candidate_state")
        )
        .filter(Q(given__gt=0) | Q(received__gt=0))
        .order_by()
    )
    # By the name shown, in the page's language (a name missing in it falls back to another).
    rows = sorted(
        (
            Row(state.name, [state.given, state.received], url=state.get_absolute_url())
            for state in states
        ),
        key=lambda row: row.label.casefold(),
    )
    return Chart(
        slug="chart-support-by-state",
        title=_("Support given and received, by state"),
        caption=_(
            "For each state, over every candidacy the filters select (not only this page): the "
            "bids of other states it publicly supported, and the public supports declared for "
            "its own bids."
        ),
        description=_(
            "Two bars for each state: the bids it supported and the supports its bids received, "
            "each with its number at its end. The table gives the same numbers."
        ),
        row_heading=_("State"),
        series=[
            Series(GIVEN, _("Bids supported")),
            Series(RECEIVED, _("Supports received")),
        ],
        rows=rows,
        labels_above=True,
        empty=_("No public support is recorded for these candidacies."),
    )
