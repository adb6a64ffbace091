from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationTabularInline

from otscoop.admin import (
    BaseAdmin,
    OptionsOnceInline,
    PublishedAdmin,
    TranslatedAdmin,
    missing_translation_filter,
    year_filter,
)
from otscoop.search import localized
from otscoop.spreadsheets.admin import SpreadsheetAdmin

from .models import (
    Candidacy,
    CandidacySupport,
    Membership,
    ObserverStatus,
    ObserverStatusStep,
    Organization,
    Place,
    State,
)
from .resources import CandidacyResource


class MembershipInline(TranslationTabularInline):
    model = Membership
    extra = 0
    fields = ["role", "start_date", "end_date", "note"]


@admin.register(State)
class StateAdmin(TranslatedAdmin):
    list_display = ["name", "iso2", "iso3", "kind", "current_role", "capital"]
    list_filter = ["kind", "memberships__role", missing_translation_filter("name")]
    search_fields = ["name", "official_name", "iso2", "iso3"]
    prepopulated_fields = {"slug": [State.slug_from]}
    autocomplete_fields = ["sources"]
    inlines = [MembershipInline]

    def get_queryset(self, request):
        return super().get_queryset(request).with_current_role()

    @admin.display(description=_("current role"), ordering="current_role")
    def current_role(self, obj):
        return dict(Membership._meta.get_field("role").choices).get(obj.current_role, "—")


@admin.register(Membership)
class MembershipAdmin(TranslatedAdmin):
    list_display = ["state", "role", "start_date", "end_date"]
    list_filter = ["role", "state", year_filter("start_date")]
    list_select_related = ["state"]
    search_fields = ["state__name", "note"]
    autocomplete_fields = ["state", "sources"]


@admin.register(Place)
class PlaceAdmin(TranslatedAdmin):
    """Places are picked by autocomplete in meetings and missions, whose "+" adds one here."""

    list_display = ["name", "state", "latitude", "longitude", "geonames_id"]
    list_filter = ["state", missing_translation_filter("name")]
    list_select_related = ["state"]
    # Every language's name: an editor finds Gabala as "Gebele" or "Габала" too.
    search_fields = [*localized("name"), "slug", "state__name"]
    prepopulated_fields = {"slug": [Place.slug_from]}
    autocomplete_fields = ["state", "sources"]


@admin.register(Organization)
class OrganizationAdmin(TranslatedAdmin):
    list_display = ["name", "acronym", "kind", "parent", "headquarters"]
    list_filter = ["kind", missing_translation_filter("name")]
    list_select_related = ["parent"]
    search_fields = ["name", "acronym"]
    prepopulated_fields = {"slug": [Organization.slug_from]}
    autocomplete_fields = ["parent", "sources"]


class ObserverStatusStepInline(TranslationTabularInline):
    model = ObserverStatusStep
    extra = 0
    fields = ["date", "date_precision", "stage", "decision_reference", "note"]


@admin.register(ObserverStatus)
class ObserverStatusAdmin(PublishedAdmin):
    list_display = [
        "__str__",
        "organization",
        "direction",
        "current_stage",
        "reference",
        "publication",
        "updated_at",
    ]
    list_filter = ["publication", "direction", "current_stage"]
    list_select_related = ["organization", "affiliate"]
    search_fields = ["organization__name", "organization__acronym", "reference", "note"]
    autocomplete_fields = ["organization", "affiliate", "sources"]
    inlines = [ObserverStatusStepInline]


@admin.register(ObserverStatusStep)
class ObserverStatusStepAdmin(TranslatedAdmin):
    list_display = ["observer_status", "date_display", "stage", "decision_reference"]
    list_filter = ["stage", "date_precision", year_filter("date")]
    list_select_related = ["observer_status__organization", "observer_status__affiliate"]
    search_fields = ["observer_status__organization__name", "decision_reference", "note"]
    autocomplete_fields = ["observer_status", "sources"]

    @admin.display(description=_("date"), ordering="date")
    def date_display(self, obj):
        return obj.date_display


class CandidacySupportInline(OptionsOnceInline, admin.TabularInline):
    model = CandidacySupport
    fk_name = "candidacy"
    extra = 0
    fields = [
        "supporting_state",
        "declared_on",
        "declared_on_precision",
        "source_text",
        "source_url",
        "visibility",
    ]
    options_once = ["supporting_state"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("candidacy__state", "candidacy__organization", "supporting_state")
        )


@admin.register(Candidacy)
class CandidacyAdmin(SpreadsheetAdmin, PublishedAdmin):
    resource_classes = [CandidacyResource]
    import_also_changes = [CandidacySupport]  # the supports of each row
    list_display = [
        "post",
        "state",
        "organization",
        "term_display",
        "outcome",
        "publication",
        "updated_at",
    ]
    list_filter = [
        "publication",
        "outcome",
        "state",
        "organization",
        year_filter("election_date"),
        missing_translation_filter("post"),
    ]
    list_select_related = ["state", "organization"]
    search_fields = ["post", "candidate_person", "state__name", "organization__name", "note"]
    prepopulated_fields = {"slug": [Candidacy.slug_from]}
    autocomplete_fields = ["state", "organization", "sources"]
    inlines = [CandidacySupportInline]

    @admin.display(description=_("term"), ordering="term_start")
    def term_display(self, obj):
        return obj.term_display


@admin.register(CandidacySupport)
class CandidacySupportAdmin(BaseAdmin):
    list_display = ["candidacy", "supporting_state", "declared_on_display", "visibility"]
    list_filter = ["visibility", "supporting_state", year_filter("declared_on")]
    list_select_related = ["candidacy__state", "candidacy__organization", "supporting_state"]
    search_fields = ["candidacy__post", "supporting_state__name", "source_text"]
    autocomplete_fields = ["candidacy", "supporting_state"]

    @admin.display(description=_("declared on"), ordering="declared_on")
    def declared_on_display(self, obj):
        return obj.declared_on_display
