"""Admin building blocks shared by every app, and the admin of sources."""

from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.core.exceptions import ImproperlyConfigured
from django.db.models import Max, Min, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname
from simple_history.admin import SimpleHistoryAdmin

from .choices import Publication
from .models import Source
from .search import related_by_name, search, terms

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


class OptionsOnceInline:
    """An inline whose foreign keys in `options_once` (a few dozen states, say) are selects with
    their options read once for all the rows: an autocomplete widget reads each row's choice
    with a query of its own, so a form's queries would grow with its rows."""

    options_once = ()

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name in self.options_once:
            field.choices = list(field.choices)
        return field


def year_filter(field_name: str):
    """A changelist filter by the year of a date field, in place of `date_hierarchy`: its years
    run from the first to the last date (two index look-ups), where the date hierarchy reads
    every distinct year of the table (a scan of 100,000 meetings on each changelist)."""

    class YearListFilter(admin.SimpleListFilter):
        title = _("year")
        parameter_name = "year"

        def lookups(self, request, model_admin):
            bounds = model_admin.get_queryset(request).aggregate(
                first=Min(field_name), last=Max(field_name)
            )
            if bounds["first"] is None:
                return []
            years = range(bounds["last"].year, bounds["first"].year - 1, -1)
            return [(str(year), str(year)) for year in years]

        def queryset(self, request, queryset):
            if self.value() is None:
                return queryset
            try:
                year = int(self.value())
            except ValueError as error:
                raise IncorrectLookupParameters(error) from error
            return queryset.filter(**{f"{field_name}__year": year})

    return YearListFilter


def missing_translation_filter(field_name: str):
    """A changelist filter of the records whose translated field `field_name` (a title, a name)
    has no Turkish, or no Russian, text: what the Secretariat has left to translate. An empty
    text counts as missing, as a NULL does."""

    class MissingTranslationListFilter(admin.SimpleListFilter):
        title = _("missing translation")
        parameter_name = "missing_translation"
        # A whole phrase per language, rather than a language's name put into one phrase: in
        # Russian the name would have to change its case.
        phrases = {"tr": _("no Turkish %(field)s"), "ru": _("no Russian %(field)s")}

        def __init__(self, request, params, model, model_admin):
            if field_name not in translator.get_options_for_model(model).get_field_names():
                raise ImproperlyConfigured(f"{model.__name__}.{field_name} is not translated.")
            self.field = model._meta.get_field(field_name)
            super().__init__(request, params, model, model_admin)

        def lookups(self, request, model_admin):
            return [
                (lang, phrase % {"field": self.field.verbose_name})
                for lang, phrase in self.phrases.items()
            ]

        def queryset(self, request, queryset):
            if self.value() is None:
                return queryset
            if self.value() not in self.phrases:
                raise IncorrectLookupParameters(f"No such language: {self.value()!r}.")
            column = build_localized_fieldname(field_name, self.value())
            return queryset.filter(Q(**{f"{column}__isnull": True}) | Q(**{column: ""}))

    return MissingTranslationListFilter


class DocumentSearchAdmin(BaseAdmin):
    """The changelist's search box (and the autocompletes that look records up here) through
    the table's stored search document: every language column of `search_document_columns`,
    answered from its GIN index on PostgreSQL instead of a `LIKE` over every row (otscoop/
    search.py). Each word matches the words it begins, or the name of a related record in
    `search_document_relations` ({"host_state_id": State}: a meeting hosted by a state named
    so)."""

    search_document_columns: tuple[str, ...] | list[str] = ()
    search_document_relations: dict = {}

    def get_search_results(self, request, queryset, search_term):
        if not self.search_document_columns:
            return super().get_search_results(request, queryset, search_term)
        if not terms(search_term):
            return queryset, False
        found = search(
            queryset,
            self.search_document_columns,
            search_term,
            related=related_by_name(self.search_document_relations),
            prefix=True,
        )
        return found, False


class TranslatedAdmin(TabbedTranslationAdmin, DocumentSearchAdmin):
    """A tab per language for the fields staff write in Turkish, English and Russian."""


class PublishedAdmin(TranslatedAdmin):
    """Publish and unpublish actions for records with a publication state."""

    actions = ["publish", "unpublish"]

    @admin.action(description=_("Publish the selected records"), permissions=["change"])
    def publish(self, request, queryset):
        count = self.move(queryset, Publication.DRAFT, Publication.PUBLISHED)
        message = ngettext("%(count)d record published.", "%(count)d records published.", count)
        self.message_user(request, message % {"count": count}, messages.SUCCESS)

    @admin.action(
        description=_("Unpublish the selected records (back to draft)"), permissions=["change"]
    )
    def unpublish(self, request, queryset):
        count = self.move(queryset, Publication.PUBLISHED, Publication.DRAFT)
        message = ngettext("%(count)d record unpublished.", "%(count)d records unpublished.", count)
        self.message_user(request, message % {"count": count}, messages.SUCCESS)

    @staticmethod
    def move(queryset, source, target) -> int:
        """Move the selected records in `source` to `target`, one by one so that the history
        records each change with its user (save() sets published_at); how many moved."""
        records = list(queryset.filter(publication=source))
        for record in records:
            record.publication = target
            record.save()
        return len(records)


@admin.register(Source)
class SourceAdmin(BaseAdmin):
    list_display = ["url", "title", "publisher", "accessed_on", "updated_at"]
    list_filter = ["publisher"]
    search_fields = ["url", "title", "publisher"]
    date_hierarchy = "accessed_on"
