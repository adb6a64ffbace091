"""The documents library in the API: `/api/v1/documents/` (read only; documents are written with
their meeting or statement in the admin)."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from memberships.api.serializers import CandidacyBriefSerializer
from otscoop.api.fields import (
    BriefRelatedField,
    DisplayTextField,
    FallbacksField,
    PageUrlField,
    choice_label_field,
    display_field,
)
from otscoop.api.serializers import ApiModelSerializer, sources_field

from ..models import Document
from .serializers import DocumentFileField, MeetingBriefSerializer, StatementBriefSerializer


class DocumentLibrarySerializer(ApiModelSerializer):
    """A document of a meeting or a statement, as the documents library shows it."""

    url = serializers.HyperlinkedIdentityField(
        view_name="documents-detail", help_text=_("Absolute URL of this record in the API.")
    )
    page_url = PageUrlField()
    display = DisplayTextField()
    fallbacks = FallbacksField()
    kind_display = choice_label_field(_("The kind, as a label."), source="kind")
    date_display = display_field(_("The date as text, at its precision."))
    meeting = BriefRelatedField(
        MeetingBriefSerializer,
        read_only=True,
        allow_null=True,
        help_text=_("The meeting it belongs to; null for a statement's document."),
    )
    statement = BriefRelatedField(
        StatementBriefSerializer,
        read_only=True,
        allow_null=True,
        help_text=_("The statement it belongs to; null for a meeting's document."),
    )
    file = DocumentFileField()
    link = serializers.URLField(
        source="url", read_only=True, help_text=_("Address of the document elsewhere.")
    )
    endorsed_candidacies = BriefRelatedField(
        CandidacyBriefSerializer,
        many=True,
        read_only=True,
        help_text=_("Candidacies the document endorses."),
    )
    sources = sources_field()

    class Meta:
        model = Document
        fields = [
            "id",
            "url",
            "page_url",
            "display",
            "fallbacks",
            "title",
            "kind",
            "kind_display",
            "symbol",
            "date",
            "date_precision",
            "date_display",
            "language",
            "meeting",
            "statement",
            "file",
            "link",
            "endorsed_candidacies",
            "sources",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields
