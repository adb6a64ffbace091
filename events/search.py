"""Search across meetings, statements, candidacies and election missions (published only)."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from memberships.models import CANDIDACY_SEARCH_COLUMNS, Candidacy
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


def _names_match(*relations: str):
    """A word matching the name of a related state or organization (in any language)."""

    def related(word):
        condition = Q()
        for relation in relations:
            for column in localized("name"):
                condition |= Q(**{f"{relation}__{column}__icontains": word})
        return condition

    return related


def _candidacy_related(word):
    return _names_match("state", "organization")(word) | Q(organization__acronym__iexact=word)


GROUPS = (
    (
        "meetings",
        _("Meetings"),
        lambda: Meeting.objects.published().select_related("council", "host_state"),
        MEETING_SEARCH_COLUMNS,
        _names_match("host_state"),
    ),
    (
        "statements",
        _("Joint statements"),
        lambda: JointStatement.objects.published().select_related("council"),
        STATEMENT_SEARCH_COLUMNS,
        None,
    ),
    (
        "candidacies",
        _("Candidacies"),
        lambda: Candidacy.objects.published().select_related("state", "organization"),
        CANDIDACY_SEARCH_COLUMNS,
        _candidacy_related,
    ),
    (
        "missions",
        _("Election observation missions"),
        lambda: ElectionObservationMission.objects.published().select_related("observed_state"),
        MISSION_SEARCH_COLUMNS,
        _names_match("observed_state"),
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
