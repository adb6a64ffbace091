"""The admin of decisions and their follow-up steps, and the decisions inline of a meeting's
change form (added here to the meeting's admin: events never imports decisions)."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationStackedInline, TranslationTabularInline

from events.choices import MeetingKind
from events.models import JointStatement, Meeting
from otscoop.admin import (
    OptionsOnceInline,
    PublishedAdmin,
    TranslatedAdmin,
    missing_translation_filter,
    year_filter,
)
from otscoop.search import localized
from otscoop.spreadsheets.admin import SpreadsheetAdmin

from .filters import adopting_meetings
from .models import Decision, DecisionStep
from .resources import DecisionResource

# The meetings that report on decisions: summits and council meetings (a step's "reported at"
# offers these, read once for all the rows; any meeting would be thousands of options a row).
REPORTING_KINDS = (
    MeetingKind.SUMMIT,
    MeetingKind.INFORMAL_SUMMIT,
    MeetingKind.EXTRAORDINARY_SUMMIT,
    MeetingKind.COUNCIL_MEETING,
    MeetingKind.INFORMAL_MEETING,
    MeetingKind.EXTRAORDINARY_MEETING,
)


def reporting_meetings():
    return Meeting.objects.filter(kind__in=REPORTING_KINDS).select_related("council", "place")


class AdoptingMeetingFilter(admin.SimpleListFilter):
    """The meetings that adopted a decision (not every meeting of the table)."""

    title = _("meeting")
    parameter_name = "meeting"

    def lookups(self, request, model_admin):
        return [(str(meeting.pk), str(meeting)) for meeting in adopting_meetings(request)]

    def queryset(self, request, queryset):
        if self.value() is None:
            return queryset
        if not self.value().isdigit():
            return queryset.none()
        return queryset.filter(meeting_id=int(self.value()))


class DecisionStepInline(OptionsOnceInline, TranslationTabularInline):
    model = DecisionStep
    extra = 0
    fields = ["date", "date_precision", "status", "reported_at", "reported_in", "note"]
    options_once = ["reported_at", "reported_in"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "reported_at":
            kwargs["queryset"] = reporting_meetings()
        elif db_field.name == "reported_in":
            kwargs["queryset"] = JointStatement.objects.all()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_queryset(self, request):
        # A step's clean() reads its decision's meeting (the date it may not come before).
        return super().get_queryset(request).select_related("decision__meeting")


@admin.register(Decision)
class DecisionAdmin(SpreadsheetAdmin, PublishedAdmin):
    resource_classes = [DecisionResource]
    list_display = [
        "__str__",
        "kind",
        "meeting",
        "order",
        "status",
        "deadline_display",
        "publication",
        "updated_at",
    ]
    list_filter = [
        "publication",
        ("meeting__council", admin.RelatedOnlyFieldListFilter),
        AdoptingMeetingFilter,
        "status",
        "kind",
        "addressed_councils",
        "addressed_states",
        "addressed_organizations",
        "topics",
        year_filter("meeting__start_date"),
        missing_translation_filter("text"),
    ]
    list_select_related = ["meeting__council", "meeting__place"]
    search_fields = [*localized("text"), *localized("meeting__title"), "meeting__slug"]
    autocomplete_fields = [
        "meeting",
        "document",
        "addressed_councils",
        "addressed_states",
        "addressed_organizations",
        "topics",
        "sources",
    ]
    readonly_fields = ["status"]
    inlines = [DecisionStepInline]
    fieldsets = [
        (None, {"fields": ["meeting", "kind", "order", "text", "document", "status"]}),
        (
            _("Addressed to"),
            {"fields": ["addressed_councils", "addressed_states", "addressed_organizations"]},
        ),
        (_("Topics and deadline"), {"fields": ["topics", "deadline", "deadline_precision"]}),
        (_("Sources and publication"), {"fields": ["sources", "publication", "published_at"]}),
    ]

    @admin.display(description=_("deadline"), ordering="deadline")
    def deadline_display(self, obj):
        return obj.deadline_display or "—"

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # The steps' saves keep the status on their decision's own copy; the form's is older.
        form.instance.refresh_from_db(fields=["status"])


@admin.register(DecisionStep)
class DecisionStepAdmin(TranslatedAdmin):
    list_display = ["decision", "date_display", "status", "reported_at"]
    list_filter = ["status", "date_precision", year_filter("date")]
    list_select_related = ["decision", "reported_at__council", "reported_at__place"]
    search_fields = [*localized("note"), *localized("decision__text")]
    autocomplete_fields = ["decision", "reported_at", "reported_in", "sources"]

    @admin.display(description=_("date"), ordering="date")
    def date_display(self, obj):
        return obj.date_display


class MeetingDecisionInline(TranslationStackedInline):
    """The decisions a meeting adopted, on its change form."""

    model = Decision
    fk_name = "meeting"
    extra = 0
    fields = ["order", "kind", "text", "status", "publication"]
    readonly_fields = ["status"]
    show_change_link = True
    verbose_name_plural = _("decisions adopted")


def add_decisions_to_the_meeting_form(site=admin.site):
    meeting_admin = site.get_model_admin(Meeting)
    if MeetingDecisionInline not in meeting_admin.inlines:
        meeting_admin.inlines = [*meeting_admin.inlines, MeetingDecisionInline]


add_decisions_to_the_meeting_form()
