"""Search across meetings, statements, documents, candidacies and election missions (published
only), and the groups other apps register (otscoop.search.SEARCH_GROUPS: decisions add theirs)."""

from functools import cache

from django.utils.translation import gettext_lazy as _

from memberships.models import (
    CANDIDACY_SEARCH_COLUMNS,
    STATE_LINK_FIELDS,
    Candidacy,
    Organization,
    Place,
    State,
)
from otscoop.search import SEARCH_GROUPS, SearchGroup, ids_named, related_by_name, search

from .documents_page import public_documents
from .models import (
    DOCUMENT_SEARCH_COLUMNS,
    MEETING_SEARCH_COLUMNS,
    MISSION_SEARCH_COLUMNS,
    STATEMENT_SEARCH_COLUMNS,
    ElectionObservationMission,
    JointStatement,
    Meeting,
)

RESULTS_PER_GROUP = 25
# Matches are counted up to this many; past it a group says "more than 100". An exact count of
# a frequent word visits every matching row (0.6 s for the 30,000 statements with "energy" in a
# 100,000-row table); counting to 1,000 still took 15-30 ms there, to 100 about 2 ms. Only 25
# are listed, so the number past 100 would only say "add words" less clearly.
COUNT_LIMIT = 100
MAX_QUERY_LENGTH = 200


# Each group reads only the columns its list shows (templates/events/search.html and its
# includes), so long texts (a statement's full text in three languages) stay in the database.
GROUPS = (
    SearchGroup(
        "meetings",
        _("Meetings"),
        lambda: Meeting.objects.published().for_rows().order_by("-start_date", "-id"),
        MEETING_SEARCH_COLUMNS,
        {"host_state_id": State, "place_id": Place},
    ),
    SearchGroup(
        "statements",
        _("Joint statements"),
        lambda: JointStatement.objects.published().for_rows().order_by("-issued_on", "-id"),
        STATEMENT_SEARCH_COLUMNS,
    ),
    SearchGroup(
        "documents",
        _("Documents"),
        public_documents,
        DOCUMENT_SEARCH_COLUMNS,
        row_template="includes/document_row.html",
        document=False,
    ),
    SearchGroup(
        "candidacies",
        _("Candidacies"),
        lambda: (
            Candidacy.objects.published()
            .select_related("state", "organization")
            .only(
                *("slug", "post", "term_start", "term_end", "outcome"),
                *(f"state__{field}" for field in STATE_LINK_FIELDS),
                *("organization__name", "organization__acronym"),
            )
        ),
        CANDIDACY_SEARCH_COLUMNS,
        {"state_id": State, "organization_id": Organization},
    ),
    SearchGroup(
        "missions",
        _("Election observation missions"),
        lambda: (
            ElectionObservationMission.objects.published()
            .select_related("observed_state")
            .only(
                *("slug", "title", "election_kind", "election_date", "election_date_precision"),
                *(f"observed_state__{field}" for field in STATE_LINK_FIELDS),
            )
        ),
        MISSION_SEARCH_COLUMNS,
        {"observed_state_id": State},
    ),
)


def search_everything(query: str) -> list[dict]:
    """One group per kind of record, each a dict of:

    - `results`: the newest matches, at most RESULTS_PER_GROUP;
    - `count`: how many records match, counted up to COUNT_LIMIT;
    - `more`: True when more than `count` records match (then `count` is COUNT_LIMIT);
    - `has_more`: True when there are matches beyond `results`.

    One query per group, plus one count for each group with more matches than a page, plus
    one name lookup per word for states, one for places and one for organizations — whatever
    the number of matches.
    """
    query = query.strip()[:MAX_QUERY_LENGTH]
    named = cache(ids_named)  # this search only: each word is looked up once per model
    groups = []
    for group in SEARCH_GROUPS:
        related = related_by_name(group.relations, named) if group.relations else None
        matches = search(group.queryset(), group.columns, query, related, document=group.document)
        rows = list(matches[: RESULTS_PER_GROUP + 1])
        if len(rows) > RESULTS_PER_GROUP:
            count = matches.order_by()[: COUNT_LIMIT + 1].count()
        else:
            count = len(rows)
        groups.append(
            {
                "key": group.key,
                "label": group.label,
                "row_template": group.row_template,
                "results": rows[:RESULTS_PER_GROUP],
                "count": min(count, COUNT_LIMIT),
                "more": count > COUNT_LIMIT,
                "has_more": len(rows) > RESULTS_PER_GROUP,
            }
        )
    return groups
