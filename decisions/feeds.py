"""The Atom feed of the decisions' status changes: the latest follow-up steps of published
decisions of published meetings."""

import datetime

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy

from otscoop import translated
from otscoop.filters import valid_filters

from .filters import DecisionFilterSet
from .models import Decision, DecisionStep

FEED_ITEMS = 50


class DecisionStepFeed(Feed):
    """Each entry is one step: "<decision> — <status>", dated at the step, linked to the
    decision's page (at the step)."""

    feed_type = Atom1Feed
    title = gettext_lazy("OTS decisions: follow-up")
    subtitle = gettext_lazy(
        "Status changes of the decisions of the Organization of Turkic States' meetings"
    )

    def get_object(self, request, *args, **kwargs):
        # The list's filters (`/en/decisions/feed/?kind=instruction`): of the decisions filtered
        # as the list filters them; a filter that is not valid is a 400 naming it.
        self.query = request.GET.urlencode()
        return valid_filters(DecisionFilterSet, request, Decision.objects.public())

    def link(self, obj):
        url = reverse("decisions:decision-list")
        return f"{url}?{self.query}" if self.query else url

    def items(self, obj):
        return (
            DecisionStep.objects.filter(decision__in=obj.qs.values("pk"))
            .select_related("decision")
            .order_by("-date", "-id")[:FEED_ITEMS]
        )

    def item_title(self, item):
        text = Truncator(translated.shown(item.decision, "text").text).words(16, truncate=" …")
        return f"{text} — {item.status_label}"

    def item_description(self, item):
        parts = [item.date_display, translated.shown(item, "note").text]
        return " · ".join(part for part in parts if part)

    def item_link(self, item):
        return f"{item.decision.get_absolute_url()}#step-{item.pk}"

    def item_pubdate(self, item):
        # The step's date, at midnight UTC (at its precision: the first day of its month or year).
        return datetime.datetime.combine(item.date, datetime.time(), tzinfo=datetime.UTC)

    def item_updateddate(self, item):
        return item.updated_at

    def item_guid(self, item):
        return f"decision-step-{item.pk}"

    def item_guid_is_permalink(self):
        return False
