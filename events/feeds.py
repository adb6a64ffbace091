"""Feeds: the meetings calendar (.ics) and the Atom feeds of meetings and joint statements, each
filtered like its list (its FilterSet) and in the page's language. All hold published records
only."""

import calendar
import datetime

import icalendar
from django.contrib.syndication.views import Feed
from django.http import HttpResponse
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from otscoop.choices import DatePrecision
from otscoop.filters import valid_filters
from otscoop.translated import shown

from .filters import JointStatementFilterSet, MeetingFilterSet
from .models import JointStatement, Meeting

CALENDAR_PRODUCT_ID = "-//OTS Secretariat//otscoop//EN"
CALENDAR_MAX_EVENTS = 500


def _all_day_span(meeting) -> tuple[datetime.date, datetime.date]:
    """First day and the day after the last (iCalendar DTEND is exclusive)."""
    start, end = meeting.start_date, meeting.end_date or meeting.start_date
    if meeting.date_precision in (DatePrecision.MONTH, DatePrecision.APPROXIMATE):
        # Known only to the month: the event spans the month rather than inventing a day.
        start = start.replace(day=1)
        end = end.replace(day=calendar.monthrange(end.year, end.month)[1])
    return start, end + datetime.timedelta(days=1)


def meeting_event(meeting, request) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", f"meeting-{meeting.pk}@otscoop")
    summary = meeting.display_title
    if meeting.date_precision != DatePrecision.DAY:
        summary = _("%(title)s (date: %(date)s)") % {
            "title": meeting.display_title,
            "date": meeting.dates_display,
        }
        event.add("status", "TENTATIVE")
    event.add("summary", summary)
    start, end = _all_day_span(meeting)
    event.add("dtstart", start)
    event.add("dtend", end)
    event.add("dtstamp", meeting.updated_at)
    event.add("last-modified", meeting.updated_at)
    place = ", ".join(part for part in (meeting.place_name, str(meeting.host_state or "")) if part)
    if place:
        event.add("location", place)
    description = "\n\n".join(part for part in (meeting.theme, meeting.summary) if part)
    if description:
        event.add("description", description)
    event.add("url", request.build_absolute_uri(meeting.get_absolute_url()))
    if meeting.council_id:
        event.add("categories", [meeting.council.name])
    return event


def meetings_calendar(request):
    """`/meetings.ics`: the published meetings as an iCalendar feed, with the list's filters.

    Meetings known only to the year are left out: a calendar cannot show them without
    inventing a day or a month. The feed holds the latest CALENDAR_MAX_EVENTS meetings that
    match (by start date, the upcoming ones included), in date order; the filters (a year, a
    date range, a council) reach older ones. A calendar subscription fetches the whole feed
    every few hours, so its size must not grow with the archive.
    """
    queryset = (
        Meeting.objects.published()
        .exclude(date_precision=DatePrecision.YEAR)
        .select_related("council", "place", "host_state")
        .order_by("-start_date", "-id")
    )
    filterset = MeetingFilterSet(request.GET, queryset=queryset)
    if not filterset.is_valid():
        lines = [
            f"{filterset.form[name].label}: {' '.join(errors)}"
            for name, errors in filterset.errors.items()
        ]
        return HttpResponse(
            "\n".join([_("Invalid filter:"), *lines]) + "\n",
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    cal = icalendar.Calendar()
    cal.add("prodid", CALENDAR_PRODUCT_ID)
    cal.add("version", "2.0")
    cal.add("x-wr-calname", _("OTS meetings"))
    latest = list(filterset.qs[:CALENDAR_MAX_EVENTS])
    for meeting in reversed(latest):
        cal.add_component(meeting_event(meeting, request))
    response = HttpResponse(cal.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="meetings.ics"'
    return response


FEED_ITEMS = 50


class FilteredFeed(Feed):
    """An Atom feed of the latest published records of a list, with the list's filters (the
    list's FilterSet): e.g. `/en/statements/feed/?topic=afghanistan`."""

    feed_type = Atom1Feed
    filterset_class = None
    list_url_name = ""

    def get_object(self, request, *args, **kwargs):
        self.query = request.GET.urlencode()
        return valid_filters(self.filterset_class, request, self.get_queryset())

    def link(self, obj):
        url = reverse(self.list_url_name)
        return f"{url}?{self.query}" if self.query else url

    def items(self, obj):
        return obj.qs[:FEED_ITEMS]

    def item_link(self, item):
        return item.get_absolute_url()

    def item_pubdate(self, item):
        return item.published_at or item.created_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [item.council.name] if item.council_id else []

    def item_guid_is_permalink(self):
        return False


class StatementFeed(FilteredFeed):
    """Atom feed of the latest published joint statements (per council, topic, signatory ...)."""

    title = gettext_lazy("OTS joint statements")
    subtitle = gettext_lazy(
        "Joint statements and declarations of the Organization of Turkic States"
    )
    filterset_class = JointStatementFilterSet
    list_url_name = "events:statement-list"

    def get_queryset(self):
        return (
            JointStatement.objects.published()
            .select_related("council")
            .order_by("-issued_on", "-pk")
        )

    def item_title(self, item):
        return shown(item, "title").text

    def item_description(self, item):
        return shown(item, "summary").text

    def item_guid(self, item):
        return f"statement-{item.pk}"


class MeetingFeed(FilteredFeed):
    """Atom feed of the latest published meetings (per council, host state, kind, year ...)."""

    title = gettext_lazy("OTS meetings")
    subtitle = gettext_lazy("Meetings of the organs of the Organization of Turkic States")
    filterset_class = MeetingFilterSet
    list_url_name = "events:meeting-list"

    def get_queryset(self):
        return (
            Meeting.objects.published()
            .select_related("council", "place", "host_state")
            .order_by("-start_date", "-id")
        )

    def item_title(self, item):
        return f"{item.display_title} ({item.dates_display})"

    def item_description(self, item):
        return shown(item, "summary").text

    def item_guid(self, item):
        return f"meeting-{item.pk}"
