"""Admin building blocks shared by every app, and the admin of sources."""

from django.contrib import admin, messages
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from .choices import Publication
from .models import Source

admin.site.site_header = _("otscoop — OTS political cooperation")
admin.site.site_title = _("otscoop admin")
admin.site.index_title = _("Secretariat records")


class BaseAdmin(SimpleHistoryAdmin):
    """History on every change page.

    Deleting a record that others refer to (PROTECT) is refused by Django's own delete page,
    which lists the records in the way.
    """

    list_per_page = 50
    show_full_result_count = False


class TranslatedAdmin(TabbedTranslationAdmin, BaseAdmin):
    """A tab per language for the fields staff write in Turkish, English and Russian."""


class PublishedAdmin(TranslatedAdmin):
    """Publish and unpublish actions for records with a publication state."""

    actions = ["publish", "unpublish"]

    @admin.action(description=_("Publish the selected records"), permissions=["change"])
    def publish(self, request, queryset):
        count = 0
        for record in queryset.filter(publication=Publication.DRAFT):
            record.publication = Publication.PUBLISHED
            record.published_at = record.published_at or timezone.now()
            # Saving one by one records each change in the history with the user.
            record.save()
            count += 1
        self.message_user(
            request,
            ngettext("%(count)d record published.", "%(count)d records published.", count)
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(
        description=_("Unpublish the selected records (back to draft)"), permissions=["change"]
    )
    def unpublish(self, request, queryset):
        count = 0
        for record in queryset.filter(publication=Publication.PUBLISHED):
            record.publication = Publication.DRAFT
            record.save()
            count += 1
        self.message_user(
            request,
            ngettext("%(count)d record unpublished.", "%(count)d records unpublished.", count)
            % {"count": count},
            messages.SUCCESS,
        )


@admin.register(Source)
class SourceAdmin(BaseAdmin):
    list_display = ["url", "title", "publisher", "accessed_on", "updated_at"]
    list_filter = ["publisher"]
    search_fields = ["url", "title", "publisher"]
    date_hierarchy = "accessed_on"
