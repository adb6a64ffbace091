"""Spreadsheet columns of decisions (see otscoop/spreadsheets/ for how cells are read, and the
README's "Bringing in data from spreadsheets"). A row is matched to its decision by its meeting
and its order among the meeting's decisions; the follow-up steps are written in the admin or
the API."""

from django.utils.translation import gettext_lazy as _

from events.resources import COUNCIL_HINT, COUNCIL_LOOKUPS
from memberships.resources import (
    ORGANIZATION_HINT,
    ORGANIZATION_LOOKUPS,
    STATE_HINT,
    STATE_LOOKUPS,
)
from otscoop.spreadsheets import columns
from otscoop.spreadsheets.resources import SpreadsheetResource

from .models import Decision


class DecisionResource(SpreadsheetResource):
    meeting = columns.record(Decision, "meeting", ("slug", "title"), _("slug or title"))
    order = columns.number("order")
    kind = columns.choice(Decision, "kind")
    text = columns.text(Decision, "text")
    addressed_councils = columns.records(
        Decision, "addressed_councils", COUNCIL_LOOKUPS, COUNCIL_HINT
    )
    addressed_states = columns.records(Decision, "addressed_states", STATE_LOOKUPS, STATE_HINT)
    addressed_organizations = columns.records(
        Decision, "addressed_organizations", ORGANIZATION_LOOKUPS, ORGANIZATION_HINT
    )
    topics = columns.records(Decision, "topics")
    deadline = columns.partial_date("deadline", "deadline_precision")
    publication = columns.choice(Decision, "publication")
    sources = columns.sources()

    translated = ("text",)
    export_select_related = ("meeting",)
    export_prefetch_related = (
        "addressed_councils",
        "addressed_states",
        "addressed_organizations",
        "topics",
        "sources",
    )

    class Meta:
        model = Decision
        import_id_fields = ("meeting", "order")
        fields = (
            "meeting",
            "order",
            "kind",
            "text",
            "addressed_councils",
            "addressed_states",
            "addressed_organizations",
            "topics",
            "deadline",
            "publication",
            "sources",
        )

    def get_instance(self, instance_loader, row):
        try:
            return super().get_instance(instance_loader, row)
        except ValueError:
            # A key cell that cannot be read (an unknown meeting, an order that is no number):
            # the row is checked as a new decision, and the error shows under its column.
            return None
