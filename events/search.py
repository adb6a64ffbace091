"""Search across meetings, statements, candidacies and election missions (published only)."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from memberships.models import CANDIDACY_SEARCH_COLUMNS, Candidacy, Organization, State
from otscoop.search import localized, search

from .models import (
    MEETING_SEARCH_COLUMNS,
    MISSION_SEARCH_COLUMNS,
    STATEMENT_SEARCH_COLUMNS,
    ElectionObservationMission,
    JointStatement,
    Meeting,
)

RESULTS_PER_GROUP = 25
MAX_QUERY_LENGTH = 200


def _ids_named(model, word):
    """Ids of the (few) states or organizations whose name, in any language, holds the word.

    Looked up first, so the search can test a plain column of its own table against a short
    list of ids — which keeps the whole condition answerable from indexes.
    """
    condition = Q()
    for column in localized("name"):
        condition |= Q(**{f"{column}__icontains": word})
    if model is Organization:
        condition |= Q(acronym__iexact=word)
    return list(model.objects.filter(condition).values_list("pk", flat=True)[:200])


def _by_related(**relations):
    """related(word) → Q(host_state_id__in=[...]) | ... for each relation: model."""

    def related(word):
        condition = Q()
        for field, model in relations.items():
            ids = _ids_named(model, word)
            if ids:
                condition |= Q(**{f"{field}__in": ids})
        return condition

    return related


GROUPS = (
    (
        "meetings",
        _("Meetings"),
        lambda: (
            Meeting.objects.published()
            .select_related("council", "host_state")
            .order_by("-start_date", "-id")
        ),
        MEETING_SEARCH_COLUMNS,
        _by_related(host_state_id=State),
    ),
    (
        "statements",
        _("Joint statements"),
        lambda: (
            JointStatement.objects.published()
            .select_related("council")
            .order_by("-issued_on", "-id")
        ),
        STATEMENT_SEARCH_COLUMNS,
        None,
    ),
    (
        "candidacies",
        _("Candidacies"),
        lambda: Candidacy.objects.published().select_related("state", "organization"),
        CANDIDACY_SEARCH_COLUMNS,
        _by_related(state_id=State, organization_id=Organization),
    ),
    (
        "missions",
        _("Election observation missions"),
        lambda: ElectionObservationMission.objects.published().select_related("observed_state"),
        MISSION_SEARCH_COLUMNS,
        _by_related(observed_state_id=State),
    ),
)


def search_everything(query: str) -> list[dict]:
    """One group per kind of record: {key, label, results (at most 25), has_more}.

    One query per group, whatever the number of matches.
    """
    query = query.strip()[:MAX_QUERY_LENGTH]
    groups = []
    for key, label, queryset, columns, related in GROUPS:
        rows = list(search(queryset(), columns, query, related)[: RESULTS_PER_GROUP + 1])
        groups.append(
            {
                "key": key,
                "label": label,
                "results": rows[:RESULTS_PER_GROUP],
                "has_more": len(rows) > RESULTS_PER_GROUP,
            }
        )
    return groups
