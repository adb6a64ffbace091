"""Public pages of the decisions: the filtered list and a decision's page with its follow-up."""

from django.db.models import Prefetch
from django.urls import NoReverseMatch, reverse
from django.utils.translation import get_language
from django.views.generic import DetailView

from events.models import Meeting
from otscoop.choices import Publication
from otscoop.pages import FilteredListView

from .filters import DecisionFilterSet
from .models import Decision, DecisionStep

# The API's list of decisions, whose `?format=csv` takes the same filters as the page.
API_LIST_URL_NAME = "decisions-list"


def api_csv_url(query: str) -> str:
    """The CSV of the list with the page's filters (`query`, without its page) in the page's
    language, from the API's list; empty where the API has no decisions list."""
    try:
        url = reverse(API_LIST_URL_NAME)
    except NoReverseMatch:
        return ""
    return f"{url}?format=csv&lang={get_language()}" + (f"&{query}" if query else "")


class DecisionListView(FilteredListView):
    """The decisions, filtered with the shared DecisionFilterSet, 25 a page."""

    filterset_class = DecisionFilterSet
    template_name = "decisions/decision_list.html"

    def get_queryset(self):
        return (
            Decision.objects.public()
            .select_related("meeting__council", "meeting__place")
            .prefetch_related("addressed_councils", "addressed_states", "addressed_organizations")
            .order_by("-meeting__start_date", "-meeting_id", "order", "id")
        )

    def get_filterset(self, filterset_class):
        filterset = super().get_filterset(filterset_class)
        # The meeting filter offers (and accepts) the meetings of public decisions only: a page
        # never names a draft meeting, nor a meeting whose decisions are all drafts, even to staff.
        filterset.form.fields["meeting"].queryset = (
            Meeting.objects.filter(pk__in=Decision.objects.public().values("meeting"))
            .select_related("council", "place")
            .order_by("-start_date", "-id")
        )
        return filterset

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["csv_url"] = api_csv_url(context["query_without_page"])
        return context


class DecisionDetailView(DetailView):
    """A decision: its text, meeting, addressees, topics, deadline, outcome document, status,
    the timeline of its follow-up steps and its sources. A draft, or a decision of a draft
    meeting, is not found."""

    template_name = "decisions/decision_detail.html"
    context_object_name = "decision"

    def get_queryset(self):
        steps = DecisionStep.objects.select_related(
            "reported_in", "reported_at__council", "reported_at__place"
        ).prefetch_related("sources")
        return (
            Decision.objects.public()
            .select_related("meeting__council", "meeting__place", "meeting__host_state", "document")
            .prefetch_related(
                "addressed_councils",
                "addressed_states",
                "addressed_organizations",
                "topics",
                "sources",
                Prefetch("steps", queryset=steps.order_by("date", "id")),
            )
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["published"] = Publication.PUBLISHED
        return context
