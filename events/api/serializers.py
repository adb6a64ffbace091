"""API serializers of councils, meetings (with delegations and documents), joint statements
and topics (election observation missions: mission_serializers.py).

Brief serializers (id, url, slug, name) are what other records nest; relations are written as
slugs (see `otscoop.api.fields.BriefRelatedField`).
"""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from memberships.api.serializers import (
    CandidacyBriefSerializer,
    place_field,
    state_field,
)
from memberships.models import Candidacy
from otscoop.api.fields import (
    BriefRelatedField,
    DisplayTextField,
    FallbacksField,
    PageUrlField,
    choice_label_field,
    display_field,
    url_field,
)
from otscoop.api.serializers import ApiModelSerializer, sources_field

from ..models import (
    Council,
    Delegation,
    Document,
    JointStatement,
    Meeting,
    Topic,
)


class CouncilBriefSerializer(ApiModelSerializer):
    """An OTS organ in brief, as other records nest it."""

    url = url_field("councils-detail")

    class Meta:
        model = Council
        fields = ["id", "url", "slug", "name", "acronym"]


class MeetingBriefSerializer(ApiModelSerializer):
    """A meeting in brief, as other records nest it."""

    url = url_field("meetings-detail")

    class Meta:
        model = Meeting
        fields = ["id", "url", "slug", "title", "start_date"]


class StatementBriefSerializer(ApiModelSerializer):
    """A joint statement in brief, as other records nest it (a document, a decision's step)."""

    url = url_field("statements-detail")

    class Meta:
        model = JointStatement
        fields = ["id", "url", "slug", "title", "issued_on"]


class TopicBriefSerializer(ApiModelSerializer):
    """A topic in brief, as other records nest it."""

    url = url_field("topics-detail")

    class Meta:
        model = Topic
        fields = ["id", "url", "slug", "name"]


def council_field(**kwargs):
    return BriefRelatedField(
        CouncilBriefSerializer,
        queryset=Council.objects.all(),
        required=False,
        allow_null=True,
        **kwargs,
    )


class CouncilSerializer(ApiModelSerializer):
    """An organ of the OTS: a council, committee, the Secretariat or an office."""

    url = url_field("councils-detail")
    page_url = PageUrlField()
    display = DisplayTextField()
    kind_display = choice_label_field(_("The kind, as a label."), source="kind")
    level_display = choice_label_field(_("The level, as a label."), source="level")
    established_display = display_field(_("The establishment date as text, at its precision."))
    sources = sources_field()
    fallbacks = FallbacksField()

    class Meta:
        model = Council
        fields = [
            "id",
            "url",
            "page_url",
            "display",
            "fallbacks",
            "slug",
            "name",
            "acronym",
            "kind",
            "kind_display",
            "level",
            "level_display",
            "description",
            "established_on",
            "established_on_precision",
            "established_display",
            "seat",
            "order",
            "sources",
            "created_at",
            "updated_at",
        ]


class DelegationSerializer(ApiModelSerializer):
    """A state's delegation to the meeting, and who led it."""

    state = state_field(read_only=True, help_text=_("The state the delegation represented."))
    level_display = choice_label_field(_("The level, as a label."), source="level")
    sources = sources_field()

    class Meta:
        model = Delegation
        fields = [
            "id",
            "state",
            "head_of_delegation",
            "title",
            "level",
            "level_display",
            "note",
            "sources",
        ]
        read_only_fields = fields


@extend_schema_field({"type": "string", "format": "uri", "nullable": True})
class DocumentFileField(serializers.Field):
    """The absolute URL of a document's PDF at `/documents/<id>/file/` — the only public way to
    a stored file (served while its meeting or statement is public); null without one."""

    def __init__(self, **kwargs):
        kwargs.update(source="*", read_only=True)
        kwargs.setdefault(
            "help_text", _("Absolute URL of its PDF (`/documents/<id>/file/`); null without one.")
        )
        super().__init__(**kwargs)

    def to_representation(self, document):
        path = document.get_file_url()
        request = self.context.get("request")
        if not path:
            return None
        return request.build_absolute_uri(path) if request else path


class DocumentSerializer(ApiModelSerializer):
    """A document of the meeting or statement: a declaration, communiqué, report ..."""

    kind_display = choice_label_field(_("The kind, as a label."), source="kind")
    file = DocumentFileField()

    class Meta:
        model = Document
        fields = ["id", "title", "kind", "kind_display", "language", "file", "url", "symbol"]
        read_only_fields = fields
        extra_kwargs = {"url": {"help_text": _("Address of the document elsewhere; may be empty.")}}


class MeetingDocumentSerializer(DocumentSerializer):
    """A document of the meeting, with the candidacies it endorses (a summit declaration ...)."""

    endorsed_candidacies = BriefRelatedField(
        CandidacyBriefSerializer,
        many=True,
        read_only=True,
        help_text=_("Candidacies the document endorses."),
    )

    class Meta(DocumentSerializer.Meta):
        fields = [*DocumentSerializer.Meta.fields, "endorsed_candidacies"]
        read_only_fields = fields


class MeetingSerializer(ApiModelSerializer):
    """A meeting of an OTS organ or under its roof: a summit, a council session, a training."""

    url = url_field("meetings-detail")
    page_url = PageUrlField()
    display = DisplayTextField()
    kind_display = choice_label_field(_("The kind, as a label."), source="kind")
    council = council_field(help_text=_("The OTS organ that met (slug when writing)."))
    dates_display = display_field(_("The dates as text, at their precision: never a made-up day."))
    place = place_field(
        required=False,
        allow_null=True,
        help_text=_("Where it was held; null online (slug when writing)."),
    )
    host_state = state_field(
        required=False, allow_null=True, help_text=_("The host state (slug when writing).")
    )
    format_display = choice_label_field(_("The format, as a label."), source="format")
    status_display = choice_label_field(_("The status, as a label."), source="status")
    chairmanship_from = state_field(
        required=False,
        allow_null=True,
        help_text=_("The state that handed over the chairmanship (slug when writing)."),
    )
    chairmanship_to = state_field(
        required=False,
        allow_null=True,
        help_text=_("The state that took over the chairmanship (slug when writing)."),
    )
    delegations = DelegationSerializer(
        many=True, read_only=True, help_text=_("The states' delegations, by state name.")
    )
    documents = MeetingDocumentSerializer(
        many=True, read_only=True, help_text=_("The meeting's documents, in their order.")
    )
    sources = sources_field()
    fallbacks = FallbacksField()

    class Meta:
        model = Meeting
        shown_fields = ("title",)  # composed in the request's language
        fields = [
            "id",
            "url",
            "page_url",
            "display",
            "fallbacks",
            "slug",
            "kind",
            "kind_display",
            "council",
            "number",
            "title",
            "start_date",
            "end_date",
            "date_precision",
            "dates_display",
            "place",
            "city",
            "host_state",
            "format",
            "format_display",
            "theme",
            "summary",
            "status",
            "status_display",
            "chairmanship_from",
            "chairmanship_to",
            "note",
            "delegations",
            "documents",
            "publication",
            "published_at",
            "sources",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["published_at"]


class MeetingListItemSerializer(MeetingSerializer):
    """A meeting as the list shows it: without its delegations, documents and sources, which
    its detail (`url`) has."""

    class Meta(MeetingSerializer.Meta):
        fields = [
            name
            for name in MeetingSerializer.Meta.fields
            if name not in ("delegations", "documents", "sources")
        ]


def topic_page_path(topic):
    return f"{reverse('events:statement-list')}?{urlencode({'topic': topic.slug})}"


class TopicSerializer(ApiModelSerializer):
    """A subject that joint statements address, e.g. "Afghanistan" or "Terrorism"."""

    url = url_field("topics-detail")
    page_url = PageUrlField(
        path=topic_page_path,
        help_text=_("The public list of statements on this topic (topics have no own page)."),
    )
    display = DisplayTextField()

    class Meta:
        model = Topic
        fields = ["id", "url", "page_url", "display", "slug", "name", "created_at", "updated_at"]


class JointStatementSerializer(ApiModelSerializer):
    """A statement issued by the foreign ministers, the heads of state or the Secretariat."""

    url = url_field("statements-detail")
    page_url = PageUrlField()
    display = DisplayTextField()
    kind_display = choice_label_field(_("The kind, as a label."), source="kind")
    issued_on_display = display_field(_("The issue date as text, at its precision."))
    council = council_field(help_text=_("The OTS organ that issued it (slug when writing)."))
    meeting = BriefRelatedField(
        MeetingBriefSerializer,
        queryset=Meeting.objects.all(),
        required=False,
        allow_null=True,
        help_text=_("The meeting it was issued at (slug when writing)."),
    )
    signatories = state_field(
        many=True, required=False, help_text=_("The signatory states (slugs when writing).")
    )
    topics = BriefRelatedField(
        TopicBriefSerializer,
        queryset=Topic.objects.all(),
        many=True,
        required=False,
        help_text=_("The topics it addresses (slugs when writing)."),
    )
    endorsed_candidacies = BriefRelatedField(
        CandidacyBriefSerializer,
        queryset=Candidacy.objects.all(),
        many=True,
        required=False,
        help_text=_("Candidacies the statement endorses (slugs when writing)."),
    )
    documents = DocumentSerializer(
        many=True, read_only=True, help_text=_("The statement's documents, in their order.")
    )
    sources = sources_field()
    fallbacks = FallbacksField()

    class Meta:
        model = JointStatement
        fields = [
            "id",
            "url",
            "page_url",
            "display",
            "fallbacks",
            "slug",
            "title",
            "kind",
            "kind_display",
            "issued_on",
            "date_precision",
            "issued_on_display",
            "issuer",
            "council",
            "meeting",
            "summary",
            "text",
            "signatories",
            "topics",
            "endorsed_candidacies",
            "documents",
            "note",
            "publication",
            "published_at",
            "sources",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["published_at"]
