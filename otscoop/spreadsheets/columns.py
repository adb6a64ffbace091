"""The columns a spreadsheet resource is written with: `columns.text(Meeting, "title")` ...
(used as `columns.x`, since a resource's own columns take the helpers' names: `text`,
`number`, `sources`)."""

from import_export.fields import Field
from modeltranslation import settings as modeltranslation_settings
from modeltranslation.utils import build_localized_fieldname

from .cells import ChoiceWidget, PartialDateField, TextWidget, WholeNumberWidget
from .relations import (
    RecordsWidget,
    RecordWidget,
    RelationSetField,
    SourcesField,
    is_translated,
)

DEFAULT_LANGUAGE = modeltranslation_settings.DEFAULT_LANGUAGE
OTHER_LANGUAGES = [
    language
    for language in modeltranslation_settings.AVAILABLE_LANGUAGES
    if language != DEFAULT_LANGUAGE
]


def text(model, name: str) -> Field:
    """A text column; a translated text's column holds the default language (English): the
    resource's `translated` adds a column per other language (title_tr, title_ru)."""
    attribute = name
    if is_translated(model, name):
        attribute = build_localized_fieldname(name, DEFAULT_LANGUAGE)
    widget = TextWidget(null=model._meta.get_field(attribute).null)
    return Field(attribute=attribute, column_name=name, widget=widget)


def number(name: str) -> Field:
    return Field(attribute=name, column_name=name, widget=WholeNumberWidget())


def choice(model, name: str) -> Field:
    return Field(attribute=name, column_name=name, widget=ChoiceWidget(model._meta.get_field(name)))


def record(model, name: str, lookups=("slug", "name"), hint=None) -> Field:
    """A foreign key, written by any of `lookups` of the related record (see RecordWidget)."""
    related = model._meta.get_field(name).related_model
    return Field(attribute=name, column_name=name, widget=RecordWidget(related, lookups, hint))


def records(model, name: str, lookups=("slug", "name"), hint=None) -> RelationSetField:
    """A many-to-many field, its records separated by commas."""
    related = model._meta.get_field(name).related_model
    return RelationSetField(name, RecordsWidget(related, lookups, hint))


def partial_date(name: str, precision=None, *, start_column=None) -> PartialDateField:
    return PartialDateField(name, precision, start_column=start_column)


def sources() -> SourcesField:
    return SourcesField()
