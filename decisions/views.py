"""Public pages of the decisions: the filtered list and a decision's page with its follow-up."""

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView

from otscoop.choices import Publication
from otscoop.pages import FilteredListView
from otscoop.subscriptions import Offers, OffersMixin

from .filters import DecisionFilterSet
from .models import Decision, DecisionStep


class DecisionListView(OffersMixin, FilteredListView):
    """The decisions, filtered with the shared DecisionFilterSet, 25 a page; it offers the
    feed of status changes and the API's CSV of its filters (otscoop/subscriptions.py)."""

    filterset_class = DecisionFilterSet
    template_name = "decisions/decision_list.html"
    offers = Offers(
        feeds=(("decisions:decision-feed", _("decisions: status changes")),),
        csv="decisions-list",
    )

    def get_queryset(self):
        return (
            Decision.objects.public()
            .select_related("meeting__council", "meeting__place")
            .prefetch_related("addressed_councils", "addressed_states", "addressed_organizations")
            .order_by("-meeting__start_date", "-meeting_id", "order", "id")
        )


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
