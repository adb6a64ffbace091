"""The candidacies page (the support matrix) with the outcome documents that endorsed each
candidacy, e.g. the summit declaration that backs it.

It lives in events because documents are events' records: events depends on memberships, never
the reverse. The root URLconf routes /<lang>/candidacies/ here (name "candidacy-list").
"""

from django.db.models import Prefetch
from django.utils.functional import SimpleLazyObject

from memberships.views import CandidacyListView

from .charts import support_by_state_chart
from .models import Document


def endorsing_documents():
    """A candidacy's endorsing documents whose meeting or statement is public, as the list
    `public_endorsing_documents`, each with its meeting or statement joined."""
    return Prefetch(
        "endorsing_documents",
        queryset=Document.objects.public()
        .select_related("meeting__council", "meeting__place", "statement")
        .order_by("pk"),
        to_attr="public_endorsing_documents",
    )


class CandidacyMatrixView(CandidacyListView):
    """The support matrix, each candidacy with the documents that endorsed it, and the chart of
    the support each state gave and received over every candidacy the filters select."""

    def get_queryset(self):
        return super().get_queryset().prefetch_related(endorsing_documents())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filtered = self.object_list  # every page of the filtered list
        context["support_chart"] = SimpleLazyObject(lambda: support_by_state_chart(filtered))
        return context
