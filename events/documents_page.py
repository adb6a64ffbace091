"""The documents library: `/documents/` (filtered by kind, council, year, the meeting or the
statement, and words of the title) and a page per document. A document is public when its
meeting or statement is; its file is served only by `/documents/<id>/file/` (events/views.py)."""

from django.db.models import Prefetch
from django.views.generic import DetailView

from memberships.models import Candidacy
from otscoop.pages import FilteredListView
from otscoop.subscriptions import Offers, OffersMixin

from .filters import DocumentFilterSet
from .models import Document


def public_documents():
    return (
        Document.objects.public()
        .select_related("meeting__council", "meeting__place", "statement__council")
        .order_by("-date", "-id")
    )


class DocumentListView(OffersMixin, FilteredListView):
    filterset_class = DocumentFilterSet
    template_name = "events/document_list.html"
    offers = Offers(csv="documents-list")

    def get_queryset(self):
        return public_documents()


class DocumentDetailView(DetailView):
    template_name = "events/document_detail.html"
    context_object_name = "document"

    def get_queryset(self):
        return public_documents().prefetch_related(
            "sources",
            Prefetch(
                "endorsed_candidacies",
                queryset=Candidacy.objects.published().select_related("state", "organization"),
            ),
        )
