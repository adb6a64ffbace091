"""A state's page: its memberships and sources, and the records of both apps that name it —
meetings hosted, delegations, statements signed, candidacies (with the documents that endorsed
them), support given, missions observed, and the Secretaries General it gave the OTS.

It lives in events because it reads events' records: events depends on memberships, never the
reverse. The root URLconf routes /<lang>/states/<slug>/ here (name "state-detail").
"""

from django.db.models import Count, Max
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView

from memberships.models import State
from otscoop.choices import Publication
from otscoop.pages import latest_rows
from otscoop.subscriptions import Offers, OffersMixin

from .candidacy_page import endorsing_documents
from .charts import state_activity_chart
from .models import Meeting
from .models.querysets import MEETING_TITLE_FIELDS

# A state page is an overview: each section shows the latest ten rows and links to the list
# filtered by the state for the rest (six sections of 25 rows made a page of 150 rows).
STATE_SECTION_ROWS = 10
# The meeting of a delegation row: its link, title and dates.
DELEGATION_MEETING_FIELDS = tuple(f"meeting__{field}" for field in MEETING_TITLE_FIELDS)
# What a statement row shows here (without its council and summary), and its version (the
# row's key in the cache: otscoop/fragments.py).
SIGNED_STATEMENT_FIELDS = ("slug", "title", "kind", "issued_on", "date_precision", "updated_at")
# The records whose titles a candidacy's "Endorsed in" names: the document, its meeting or
# statement.
ENDORSER_PATHS = ("", "meeting__", "statement__")
# What an election observation mission row shows.
MISSION_ROW_FIELDS = (
    "observed_state",
    "slug",
    "title",
    "election_kind",
    "election_date",
    "election_date_precision",
)


def hosted_versions(state) -> str:
    """How many meetings the state hosts, drafts included, and the latest edit of one (publishing
    or cancelling one, moving it to another host or deleting it changes one of the two): read
    from an index alone (events_meeting_hosted_years)."""
    found = Meeting.objects.filter(host_state=state).aggregate(
        count=Count("*"), latest=Max("updated_at")
    )
    return f"{found['count']}:{found['latest']}"


class StateDetailView(OffersMixin, DetailView):
    """Everything about one state. Each section shows the latest rows and links to the whole
    filtered list: a state can host thousands of meetings, and the page must not grow with them.
    Each section loads only the columns its rows show."""

    template_name = "memberships/state_detail.html"
    context_object_name = "state"

    def get_offers(self):
        # The meetings it hosted (calendar, feed) and the statements it signed (feed).
        slug = self.object.slug
        return Offers(
            calendar="events:meeting-calendar",
            feeds=(
                ("events:meeting-feed", _("meetings hosted")),
                ("events:statement-feed", _("statements signed"), {"signatory": slug}),
            ),
            fixed={"host_state": slug},
        )

    def get_queryset(self):
        return State.objects.with_current_role().prefetch_related("memberships", "sources")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        state = self.object

        def section(name, queryset, **options):
            # Built and read only when the section is not in the cache (otscoop/fragments.py).
            latest_rows(context, name, queryset, size=STATE_SECTION_ROWS, **options)

        section(
            "hosted_meetings",
            lambda: state.hosted_meetings.published().for_rows().order_by("-start_date", "-id"),
        )
        section(
            "delegations",
            lambda: (
                state.delegations.filter(meeting__publication=Publication.PUBLISHED)
                .select_related("meeting__council", "meeting__place")
                .only("state", "head_of_delegation", "title", "level", *DELEGATION_MEETING_FIELDS)
                .order_by("-meeting__start_date", "-meeting_id")
            ),
            versions=("pk", "updated_at", "meeting__updated_at"),
        )
        section(
            "statements",
            lambda: (
                state.statements_signed.published()
                .only(*SIGNED_STATEMENT_FIELDS)
                .order_by("-issued_on", "-id")
            ),
        )
        section(
            "candidacies",
            lambda: (
                state.candidacies.published()
                .for_rows()
                .prefetch_related(endorsing_documents())
                .order_by("-term_start", "post", "-id")
            ),
            # The documents that endorsed them show their meeting's or statement's title: any
            # change to one moves its updated_at on, and so the latest of them.
            versions=(
                "pk",
                "updated_at",
                *(Max(f"endorsing_documents__{field}updated_at") for field in ENDORSER_PATHS),
            ),
        )
        section(
            "supports_given",
            lambda: (
                state.supports_given.public()
                .filter(candidacy__publication=Publication.PUBLISHED)
                .for_rows()
                .order_by("-declared_on", "-id")
            ),
        )
        section(
            "missions",
            lambda: (
                state.observed_elections.published()
                .only(*MISSION_ROW_FIELDS)
                .order_by("-election_date", "-id")
            ),
        )
        # Counted only when its cached fragment is drawn again: when a candidacy or a support
        # changes, or one of the meetings the state hosts (`activity_versions`), not after any
        # other meeting's edit.
        context["activity_chart"] = SimpleLazyObject(lambda: state_activity_chart(state))
        context["activity_versions"] = SimpleLazyObject(lambda: hosted_versions(state))
        # A handful in the organization's life: all of them, each linked to its entry on the
        # Secretaries General page.
        context["secretaries_general"] = list(state.secretaries_general.order_by("term_start"))
        return context
