from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationTabularInline

from memberships.models import Place, State
from otscoop.admin import (
    OptionsOnceInline,
    PublishedAdmin,
    TranslatedAdmin,
    missing_translation_filter,
    year_filter,
)
from otscoop.spreadsheets.admin import SpreadsheetAdmin

from .models import (
    MEETING_SEARCH_COLUMNS,
    MISSION_SEARCH_COLUMNS,
    STATEMENT_SEARCH_COLUMNS,
    Council,
    Delegation,
    Document,
    ElectionObservationMission,
    JointStatement,
    Meeting,
    SecretaryGeneral,
    Topic,
)
from .resources import ElectionObservationMissionResource, JointStatementResource, MeetingResource


@admin.register(Council)
class CouncilAdmin(TranslatedAdmin):
    list_display = ["name", "acronym", "kind", "level", "established_display", "seat", "order"]
    list_editable = ["order"]
    list_filter = ["kind", "level", missing_translation_filter("name")]
    search_fields = ["name", "acronym", "description"]
    prepopulated_fields = {"slug": [Council.slug_from]}
    autocomplete_fields = ["sources"]

    @admin.display(description=_("established"), ordering="established_on")
    def established_display(self, obj):
        return obj.established_display


class DelegationInline(OptionsOnceInline, TranslationTabularInline):
    model = Delegation
    extra = 0
    fields = ["state", "head_of_delegation", "title", "level", "note"]
    options_once = ["state"]

    def get_queryset(self, request):
        # Each row shows its delegation's name, "state — meeting": read both with the rows.
        return super().get_queryset(request).select_related("state", "meeting")


class MeetingDocumentInline(TranslationTabularInline):
    model = Document
    fk_name = "meeting"
    extra = 0
    fields = ["title", "kind", "language", "file", "url", "symbol", "order", "endorsed_candidacies"]
    autocomplete_fields = ["endorsed_candidacies"]


class StatementDocumentInline(MeetingDocumentInline):
    fk_name = "statement"


@admin.register(Meeting)
class MeetingAdmin(SpreadsheetAdmin, PublishedAdmin):
    resource_classes = [MeetingResource]
    list_display = [
        "title",
        "kind",
        "council",
        "number",
        "dates_display",
        "place",
        "host_state",
        "status",
        "publication",
        "updated_at",
    ]
    list_filter = [
        "publication",
        "kind",
        "council",
        "status",
        "format",
        "host_state",
        year_filter("start_date"),
        missing_translation_filter("title"),
    ]
    list_select_related = ["council", "place", "host_state"]
    search_fields = ["title", "city", "theme", "summary", "place__name", "host_state__name"]
    search_document_columns = MEETING_SEARCH_COLUMNS
    search_document_relations = {"host_state_id": State, "place_id": Place}
    prepopulated_fields = {"slug": [Meeting.slug_from]}
    autocomplete_fields = [
        "council",
        "place",
        "host_state",
        "chairmanship_from",
        "chairmanship_to",
        "sources",
    ]
    inlines = [DelegationInline, MeetingDocumentInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "kind", "council", "number", "status"]}),
        (
            _("When and where"),
            {
                "fields": [
                    "start_date",
                    "end_date",
                    "date_precision",
                    "place",
                    "city",
                    "host_state",
                    "format",
                ]
            },
        ),
        (
            _("Content"),
            {"fields": ["theme", "summary", "chairmanship_from", "chairmanship_to", "note"]},
        ),
        (_("Sources and publication"), {"fields": ["sources", "publication", "published_at"]}),
    ]

    @admin.display(description=_("dates"), ordering="start_date")
    def dates_display(self, obj):
        return obj.dates_display


@admin.register(Delegation)
class DelegationAdmin(TranslatedAdmin):
    list_display = ["meeting", "state", "head_of_delegation", "level"]
    list_filter = ["level", "state"]
    list_select_related = ["meeting", "state"]
    search_fields = ["head_of_delegation", "meeting__title", "state__name"]
    autocomplete_fields = ["meeting", "state", "sources"]


@admin.register(Document)
class DocumentAdmin(TranslatedAdmin):
    list_display = ["title", "kind", "meeting", "statement", "language", "symbol"]
    list_filter = ["kind", "language", missing_translation_filter("title")]
    list_select_related = ["meeting", "statement"]
    search_fields = ["title", "symbol", "meeting__title", "statement__title"]
    autocomplete_fields = ["meeting", "statement", "endorsed_candidacies"]


@admin.register(Topic)
class TopicAdmin(TranslatedAdmin):
    list_display = ["name", "slug"]
    list_filter = [missing_translation_filter("name")]
    search_fields = ["name"]
    prepopulated_fields = {"slug": [Topic.slug_from]}


@admin.register(JointStatement)
class JointStatementAdmin(SpreadsheetAdmin, PublishedAdmin):
    resource_classes = [JointStatementResource]
    list_display = [
        "title",
        "kind",
        "issued_on_display",
        "council",
        "meeting",
        "publication",
        "updated_at",
    ]
    list_filter = [
        "publication",
        "kind",
        "council",
        "topics",
        "signatories",
        year_filter("issued_on"),
        missing_translation_filter("title"),
    ]
    list_select_related = ["council", "meeting"]
    search_fields = ["title", "issuer", "summary", "text"]
    search_document_columns = STATEMENT_SEARCH_COLUMNS
    prepopulated_fields = {"slug": [JointStatement.slug_from]}
    autocomplete_fields = [
        "council",
        "meeting",
        "signatories",
        "topics",
        "endorsed_candidacies",
        "sources",
    ]
    inlines = [StatementDocumentInline]

    @admin.display(description=_("issued on"), ordering="issued_on")
    def issued_on_display(self, obj):
        return obj.issued_on_display


@admin.register(ElectionObservationMission)
class ElectionObservationMissionAdmin(SpreadsheetAdmin, PublishedAdmin):
    resource_classes = [ElectionObservationMissionResource]
    list_display = [
        "title",
        "observed_state",
        "election_kind",
        "election_date_display",
        "head_of_mission",
        "publication",
        "updated_at",
    ]
    list_filter = [
        "publication",
        "election_kind",
        "observed_state",
        year_filter("election_date"),
        missing_translation_filter("title"),
    ]
    list_select_related = ["observed_state"]
    search_fields = ["title", "head_of_mission", "observed_locations", "findings"]
    search_document_columns = MISSION_SEARCH_COLUMNS
    search_document_relations = {"observed_state_id": State}
    prepopulated_fields = {"slug": [ElectionObservationMission.slug_from]}
    autocomplete_fields = [
        "observed_state",
        "places",
        "participating_states",
        "partner_organizations",
        "sources",
    ]

    @admin.display(description=_("election date"), ordering="election_date")
    def election_date_display(self, obj):
        return obj.election_date_display


@admin.register(SecretaryGeneral)
class SecretaryGeneralAdmin(TranslatedAdmin):
    list_display = ["name", "nationality", "term_display", "appointed_at"]
    list_filter = ["nationality", year_filter("term_start")]
    list_select_related = ["nationality", "appointed_at"]
    search_fields = ["name", "note"]
    prepopulated_fields = {"slug": [SecretaryGeneral.slug_from]}
    autocomplete_fields = ["nationality", "appointed_at", "sources"]

    @admin.display(description=_("term"), ordering="term_start")
    def term_display(self, obj):
        return obj.term_display
