"""The events' querysets and the columns they read: a list row's, a list of documents',
each search's."""

from django.db import models
from django.db.models import Q
from django.utils import timezone

from memberships.models import PLACE_LINK_FIELDS, STATE_LINK_FIELDS
from otscoop.choices import Publication
from otscoop.models import PublishedQuerySet
from otscoop.search import localized

from ..choices import SUMMIT_KINDS

# The columns each search reads. On PostgreSQL a migration spelled them out in the table's
# stored search document (otscoop.search): a change here needs a migration there too
# (tests/test_search.py compares the two).
MEETING_SEARCH_COLUMNS = localized("title", "city", "theme", "summary")

STATEMENT_SEARCH_COLUMNS = localized("title", "issuer", "summary", "text")

MISSION_SEARCH_COLUMNS = [*localized("title", "observed_locations", "findings"), "head_of_mission"]

# Documents have no stored search document: their words are looked up with `icontains` on every
# database (titles and symbols only; a library of a few thousand rows).
DOCUMENT_SEARCH_COLUMNS = [*localized("title"), "symbol"]

# What a meeting's title is composed from where none is typed in the page's language
# (events/titles.py), its council and place joined in.
MEETING_TITLE_FIELDS = (
    "slug",
    "title",
    "kind",
    "number",
    "start_date",
    "end_date",
    "date_precision",
    "city",
    "format",
    "council__name",
    *(f"place__{field}" for field in PLACE_LINK_FIELDS),
)
# What a row of a list shows (templates/includes/meeting_row.html, statement_row.html): lists
# load only these columns, with their council's and host state's joined in.
MEETING_ROW_FIELDS = (
    *MEETING_TITLE_FIELDS,
    "status",
    "theme",
    "publication",
    "updated_at",
    *(f"host_state__{field}" for field in STATE_LINK_FIELDS),
)
STATEMENT_ROW_FIELDS = (
    "slug",
    "title",
    "kind",
    "issued_on",
    "date_precision",
    "summary",
    "publication",
    "updated_at",
    "council__name",
)


class MeetingQuerySet(PublishedQuerySet):
    def for_rows(self):
        """Only the columns a list row shows, the council, place and host state joined."""
        return self.select_related("council", "place", "host_state").only(*MEETING_ROW_FIELDS)

    def summits(self):
        return self.filter(kind__in=SUMMIT_KINDS)

    def upcoming(self, today=None):
        today = today or timezone.localdate()
        return self.filter(start_date__gte=today).order_by("start_date", "id")

    def past(self, today=None):
        today = today or timezone.localdate()
        return self.filter(start_date__lt=today).order_by("-start_date", "-id")

    def for_state(self, state):
        return self.filter(Q(host_state=state) | Q(delegations__state=state)).distinct()

    def in_year(self, year):
        return self.filter(start_date__year=year)


# What a list of documents shows (templates/includes/documents.html).
DOCUMENT_LIST_FIELDS = (
    "meeting",
    "statement",
    "title",
    "kind",
    "language",
    "file",
    "url",
    "symbol",
    "order",
)


class DocumentQuerySet(models.QuerySet):
    def for_lists(self):
        """Only the columns a list of documents shows."""
        return self.only(*DOCUMENT_LIST_FIELDS)

    def public(self):
        """Documents of a published meeting or statement."""
        return self.filter(
            Q(meeting__publication=Publication.PUBLISHED)
            | Q(statement__publication=Publication.PUBLISHED)
        )


class JointStatementQuerySet(PublishedQuerySet):
    def for_rows(self):
        """Only the columns a list row shows, the council joined (topics: prefetch them)."""
        return self.select_related("council").only(*STATEMENT_ROW_FIELDS)

    def for_state(self, state):
        return self.filter(signatories=state)
