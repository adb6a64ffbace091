"""Public pages of councils, meetings, summits, statements and election missions."""

import json

from django.db.models import Prefetch
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView

from memberships.models import Candidacy, State
from otscoop.dates import iso_partial_date
from otscoop.pages import (
    PAGE_SIZE,
    FilteredListView,
    PaginatedMixin,
    last_updated,
    latest_rows,
    lazy_list,
)
from otscoop.subscriptions import Offers, OffersMixin, list_query

from .charts import meetings_by_level_chart
from .filters import ElectionObservationMissionFilterSet, JointStatementFilterSet, MeetingFilterSet
from .maps import meetings_by_place, missions_by_country
from .models import (
    Council,
    Document,
    ElectionObservationMission,
    JointStatement,
    Meeting,
    SecretaryGeneral,
)
from .search import RESULTS_PER_GROUP, search_everything

HOME_SUMMITS = 20


def home(request):
    today = timezone.localdate()
    meetings = Meeting.objects.published().for_rows()
    context = {
        "upcoming_meetings": list(meetings.upcoming(today)[:5]),
        "recent_meetings": list(meetings.past(today)[:5]),
        "latest_statements": list(
            JointStatement.objects.published().for_rows().order_by("-issued_on", "-id")[:5]
        ),
        # The latest numbered summits, oldest first; the timeline page has them all.
        "summits": list(
            Meeting.objects.published()
            .summits()
            .filter(number__isnull=False)
            .for_rows()
            .order_by("-start_date", "-id")[:HOME_SUMMITS]
        )[::-1],
        "states": list(State.objects.with_current_role().filter(current_role__isnull=False)),
        # Every published meeting by place; read only when its cached fragment is drawn.
        "region_map": SimpleLazyObject(lambda: meetings_by_place(Meeting.objects.published())),
        # Counted only when its cached fragment is drawn again (after a meeting or council edit).
        "meetings_chart": SimpleLazyObject(meetings_by_level_chart),
    }
    pages = (
        context["upcoming_meetings"]
        + context["recent_meetings"]
        + context["latest_statements"]
        + context["summits"]
    )
    context["last_updated"] = last_updated(pages)
    return render(request, "events/home.html", context)


MEETING_FEED = ("events:meeting-feed", _("meetings"))
STATEMENT_FEED = ("events:statement-feed", _("joint statements"))
MEETING_OFFERS = Offers(
    calendar="events:meeting-calendar", feeds=(MEETING_FEED,), csv="meetings-list"
)
STATEMENT_OFFERS = Offers(feeds=(STATEMENT_FEED,), csv="statements-list")


class MeetingListView(OffersMixin, FilteredListView):
    filterset_class = MeetingFilterSet
    template_name = "events/meeting_list.html"
    offers = MEETING_OFFERS

    def get_queryset(self):
        return Meeting.objects.published().for_rows()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # The map follows the filters: every matching meeting, not only this page's.
        meetings, query = self.object_list, list_query(self.request, context.get("filter"))
        context["region_map"] = SimpleLazyObject(lambda: meetings_by_place(meetings, query))
        return context


SCHEMA_EVENT_STATUS = {
    "scheduled": "https://schema.org/EventScheduled",
    "held": "https://schema.org/EventScheduled",
    "postponed": "https://schema.org/EventPostponed",
    "cancelled": "https://schema.org/EventCancelled",
}
SCHEMA_ATTENDANCE = {
    "in_person": "https://schema.org/OfflineEventAttendanceMode",
    "online": "https://schema.org/OnlineEventAttendanceMode",
    "hybrid": "https://schema.org/MixedEventAttendanceMode",
}
# As Django's json_script: no "<", ">" or "&" can end the script element early.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def meeting_structured_data(meeting, request) -> str:
    """schema.org Event as JSON-LD, dates at their known precision (ISO 8601 allows "2024-09").

    What is not recorded is left out (no attendance mode for a format no source gives).
    Escaped like Django's json_script, so no text can close the script element.
    """
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": meeting.display_title,
        "startDate": iso_partial_date(meeting.start_date, meeting.date_precision),
        "eventStatus": SCHEMA_EVENT_STATUS[meeting.status],
        "url": request.build_absolute_uri(meeting.get_absolute_url()),
        "organizer": {"@type": "Organization", "name": "Organization of Turkic States"},
    }
    if meeting.format in SCHEMA_ATTENDANCE:
        data["eventAttendanceMode"] = SCHEMA_ATTENDANCE[meeting.format]
    if meeting.end_date:
        data["endDate"] = iso_partial_date(meeting.end_date, meeting.date_precision)
    if meeting.theme or meeting.summary:
        data["description"] = meeting.theme or meeting.summary
    if meeting.place_name or meeting.host_state_id:
        place = {"@type": "Place", "name": meeting.place_name or str(meeting.host_state)}
        if meeting.host_state_id:
            place["address"] = {
                "@type": "PostalAddress",
                "addressLocality": meeting.place_name,
                "addressCountry": meeting.host_state.iso2 or str(meeting.host_state),
            }
        if meeting.place_id:
            place["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": float(meeting.place.latitude),
                "longitude": float(meeting.place.longitude),
            }
        data["location"] = place
    return json.dumps(data, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES)


class MeetingDetailView(DetailView):
    """A meeting and its records. The sections below the facts (delegations, documents,
    statements, appointments, sources) are one cached fragment (otscoop/fragments.py): their
    queries run only when it is rendered."""

    template_name = "events/meeting_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        meeting = self.object
        context["structured_data"] = meeting_structured_data(meeting, self.request)
        context["delegations"] = lazy_list(
            lambda: meeting.delegations.select_related("state").prefetch_related("sources")
        )
        context["documents"] = lazy_list(
            lambda: meeting.documents.prefetch_related(
                Prefetch(
                    "endorsed_candidacies",
                    queryset=Candidacy.objects.published().select_related("state", "organization"),
                )
            )
        )
        context["statements"] = lazy_list(
            lambda: meeting.statements.published().order_by("issued_on", "id")
        )
        context["appointments"] = lazy_list(meeting.appointments.all)
        context["sources"] = lazy_list(meeting.sources.all)
        return context

    def get_queryset(self):
        return Meeting.objects.published().select_related(
            "council", "place", "host_state", "chairmanship_from", "chairmanship_to"
        )


class SummitListView(OffersMixin, PaginatedMixin, ListView):
    """The timeline of summits: number, dates, place, host, theme and outcome documents.

    25 a page, as every list (the OTS holds about one summit a year, so in practice one page).
    """

    template_name = "events/summit_list.html"
    context_object_name = "summits"
    paginate_by = PAGE_SIZE
    # The calendar, feed and CSV of every summit (the meetings' `summits` filter).
    offers = Offers(
        calendar="events:meeting-calendar",
        feeds=(("events:meeting-feed", _("summits")),),
        csv="meetings-list",
        fixed={"summits": "true"},
    )

    def get_queryset(self):
        return (
            Meeting.objects.published()
            .summits()
            .for_rows()
            .prefetch_related(Prefetch("documents", queryset=Document.objects.for_lists()))
            .order_by("start_date", "id")
        )


class CouncilListView(OffersMixin, ListView):
    template_name = "events/council_list.html"
    offers = Offers(csv="councils-list")
    context_object_name = "councils"
    queryset = Council.objects.all()


class CouncilDetailView(OffersMixin, DetailView):
    template_name = "events/council_detail.html"
    queryset = Council.objects.prefetch_related("sources")

    def get_offers(self):
        # The council's meetings (calendar, feed) and statements (feed).
        return Offers(
            calendar="events:meeting-calendar",
            feeds=(MEETING_FEED, STATEMENT_FEED),
            fixed={"council": self.object.slug},
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # The latest meetings and statements; the lists filtered by the council have them all.
        latest_rows(
            context,
            "meetings",
            self.object.meetings.published().for_rows().order_by("-start_date", "-id"),
        )
        latest_rows(
            context,
            "statements",
            self.object.statements.published().for_rows().order_by("-issued_on", "-id"),
        )
        return context


class JointStatementListView(OffersMixin, FilteredListView):
    filterset_class = JointStatementFilterSet
    template_name = "events/jointstatement_list.html"
    offers = STATEMENT_OFFERS

    def get_queryset(self):
        return JointStatement.objects.published().for_rows().prefetch_related("topics")


class JointStatementDetailView(DetailView):
    """A statement and its records. The sections below its texts (signatories, topics,
    candidacies endorsed, documents, sources) are one cached fragment (otscoop/fragments.py):
    their queries run only when it is rendered."""

    template_name = "events/jointstatement_detail.html"
    context_object_name = "statement"

    def get_queryset(self):
        return JointStatement.objects.published().select_related(
            "council", "meeting__council", "meeting__place"
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        statement = self.object
        context["signatories"] = lazy_list(statement.signatories.all)
        context["topics"] = lazy_list(statement.topics.all)
        context["candidacies"] = lazy_list(
            lambda: statement.endorsed_candidacies.published().select_related(
                "state", "organization"
            )
        )
        context["documents"] = lazy_list(statement.documents.all)
        context["sources"] = lazy_list(statement.sources.all)
        return context


class ElectionObservationMissionListView(OffersMixin, FilteredListView):
    filterset_class = ElectionObservationMissionFilterSet
    template_name = "events/electionobservationmission_list.html"
    offers = Offers(csv="election-missions-list")

    def get_queryset(self):
        return ElectionObservationMission.objects.published().select_related("observed_state")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        missions, query = self.object_list, list_query(self.request, context.get("filter"))
        context["region_map"] = SimpleLazyObject(lambda: missions_by_country(missions, query))
        return context


class ElectionObservationMissionDetailView(DetailView):
    template_name = "events/electionobservationmission_detail.html"
    context_object_name = "mission"

    def get_queryset(self):
        return (
            ElectionObservationMission.objects.published()
            .select_related("observed_state")
            .prefetch_related("places", "participating_states", "partner_organizations", "sources")
        )


class SecretaryGeneralListView(OffersMixin, ListView):
    """The Secretaries General of the OTS, the first first, with their terms and sources."""

    template_name = "events/secretarygeneral_list.html"
    context_object_name = "secretaries_general"
    offers = Offers(csv="secretaries-general-list")

    def get_queryset(self):
        # The meeting of the appointment is joined: the page links it only when it is public.
        return (
            SecretaryGeneral.objects.select_related(
                "nationality", "appointed_at__council", "appointed_at__place"
            )
            .prefetch_related("sources")
            .order_by("term_start", "pk")
        )


def search_page(request):
    """`/search/?q=`: matches in meetings, statements, candidacies and missions, by type."""
    query = request.GET.get("q", "").strip()
    groups = search_everything(query) if query else []
    context = {
        "query": query,
        "groups": groups,
        # With a group counted only up to COUNT_LIMIT, the total is a lower bound: "more than".
        "total": sum(group["count"] for group in groups),
        "more": any(group["more"] for group in groups),
        "shown": RESULTS_PER_GROUP,
    }
    return render(request, "events/search.html", context)


def document_file(request, pk):
    """An uploaded PDF, for the public only when its meeting or statement is published.

    Served as application/pdf with a Content-Disposition naming it after its title; the file
    itself has a random name under MEDIA_ROOT and no public URL of its own.
    """
    document = get_object_or_404(
        Document.objects.select_related("meeting", "statement").exclude(file=""), pk=pk
    )
    parent = document.parent
    staff = request.user.is_authenticated and request.user.has_perm("events.view_document")
    if not (parent.is_published or staff):
        raise Http404
    response = FileResponse(
        document.file.open("rb"),
        content_type="application/pdf",
        as_attachment=False,
        filename=f"{slugify(document.title) or 'document'}.pdf",
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
