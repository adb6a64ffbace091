"""Related records in a spreadsheet: written by slug or name (or an ISO code, an acronym ...),
several in one cell separated by commas, and read back as slugs. Sources are written by URL.

A name is looked up in every language it is written in ("Türkiye", "Türkiye Cumhuriyeti" ...,
"Турция"), case aside. A cell naming no record, or more than one, is an error of its column.
"""

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from import_export.fields import Field
from import_export.widgets import ForeignKeyWidget, ManyToManyWidget
from modeltranslation import settings as modeltranslation_settings
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname

from ..models import Source


def records_of(value) -> list:
    """The records of a many-to-many value: a related manager, or a list of them."""
    if value is None:
        return []
    return list(value.all()) if hasattr(value, "all") else list(value)


def is_translated(model, name: str) -> bool:
    """Whether a field is written in each language (django-modeltranslation)."""
    try:
        return name in translator.get_options_for_model(model).all_fields
    except NotRegistered:
        return False


def columns_of(model, name: str) -> list[str]:
    """The database columns of a field: each language's for a translated one."""
    if is_translated(model, name):
        languages = modeltranslation_settings.AVAILABLE_LANGUAGES
        return [build_localized_fieldname(name, language) for language in languages]
    return [name]


class RecordFinder:
    """Finds the one record of `model` a text names, trying each of `lookups` in turn (e.g.
    "iso2", "slug", "name"); `hint` says them to a person ("ISO code, slug or name")."""

    def __init__(self, model, lookups, hint):
        self.model = model
        self.lookups = lookups
        self.hint = hint
        self.found = {}  # for this import: a file names the same few records over and over

    def find(self, text: str):
        key = text.lower()
        if key not in self.found:
            self.found[key] = self.look_up(text)
        return self.found[key]

    def look_up(self, text: str):
        for name in self.lookups:
            condition = Q()
            for column in columns_of(self.model, name):
                condition |= Q(**{f"{column}__iexact": text})
            records = list(self.model.objects.filter(condition)[:2])
            if len(records) == 1:
                return records[0]
            if records:
                raise ValueError(
                    gettext("“%(value)s” names more than one %(model)s: write its slug.")
                    % {"value": text, "model": self.model._meta.verbose_name}
                )
        raise ValueError(
            gettext("No %(model)s is written “%(value)s” (write its %(hint)s).")
            % {"value": text, "model": self.model._meta.verbose_name, "hint": self.hint}
        )


class RecordWidget(ForeignKeyWidget):
    """One related record (a foreign key)."""

    def __init__(self, model, lookups=("slug", "name"), hint=None, **kwargs):
        super().__init__(model, field="slug", **kwargs)
        self.finder = RecordFinder(model, lookups, hint or _("slug or name"))

    def clean(self, value, row=None, **kwargs):
        text = "" if value is None else str(value).strip()
        return self.finder.find(text) if text else None


class RecordsWidget(ManyToManyWidget):
    """Several related records (a many-to-many field), separated by commas."""

    def __init__(self, model, lookups=("slug", "name"), hint=None):
        super().__init__(model, separator=",", field="slug")
        self.finder = RecordFinder(model, lookups, hint or _("slug or name"))

    def clean(self, value, row=None, **kwargs):
        text = "" if value is None else str(value)
        records, problems = [], []
        for part in text.split(self.separator):
            if not part.strip():
                continue
            try:
                record = self.finder.find(part.strip())
            except ValueError as error:
                problems.append(str(error))
                continue
            if record not in records:
                records.append(record)
        if problems:
            raise ValueError(" ".join(problems))
        return records

    def render(self, value, obj=None, **kwargs):
        return ", ".join(record.slug for record in records_of(value))


class RelationSetField(Field):
    """A many-to-many column: the records it names replace those the record had (saved after
    the record itself, by django-import-export's many-to-many step)."""

    def __init__(self, attribute, widget, **kwargs):
        kwargs.setdefault("column_name", attribute)
        super().__init__(attribute=attribute, widget=widget, **kwargs)

    def keys(self, records) -> set:
        return {record.pk for record in records}

    def changed(self, original, row) -> bool:
        """Whether the cell names other records than `original` has."""
        current = [] if original.pk is None else records_of(self.get_value(original))
        return self.keys(self.clean(row)) != self.keys(current)


class SourcesWidget(ManyToManyWidget):
    """Public sources, written by URL, separated by spaces or line breaks (a URL holds no
    space, but may hold a comma)."""

    def __init__(self):
        super().__init__(Source, field="url")

    def clean(self, value, row=None, **kwargs):
        urls, invalid = [], []
        for url in ("" if value is None else str(value)).split():
            try:
                URLValidator()(url)
            except ValidationError:
                invalid.append(url)
                continue
            if url not in urls:
                urls.append(url)
        if invalid:
            raise ValueError(
                gettext("Not a web address: %(values)s.") % {"values": ", ".join(invalid)}
            )
        return urls

    def render(self, value, obj=None, **kwargs):
        return " ".join(source.url for source in records_of(value))


class SourcesField(RelationSetField):
    """The record's sources: a URL not yet among the sources becomes a new source (its title
    and publisher can be filled in later in the admin)."""

    def __init__(self, attribute="sources", **kwargs):
        super().__init__(attribute, SourcesWidget(), **kwargs)

    def keys(self, records) -> set:
        return {record if isinstance(record, str) else record.url for record in records}

    def save(self, instance, row, is_m2m=False, **kwargs):
        if is_m2m:
            sources = [Source.objects.get_or_create(url=url)[0] for url in self.clean(row)]
            getattr(instance, self.attribute).set(sources)
