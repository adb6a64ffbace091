"""The decisions' group on the search page (registered in DecisionsConfig.ready()): published
decisions of published meetings, by their text in any language.

The decisions table has no stored search document, so words are looked up with `icontains`
on every database (a few hundred decisions: a scan costs nothing worth an index).
"""

from django.utils.translation import gettext_lazy as _

from otscoop.search import SearchGroup, localized

from .models import Decision

GROUP = SearchGroup(
    "decisions",
    _("Decisions"),
    lambda: (
        Decision.objects.public()
        .select_related("meeting__council", "meeting__place")
        .order_by("-meeting__start_date", "-meeting_id", "order", "id")
    ),
    localized("text"),
    row_template="includes/decision_row.html",
    document=False,
)
