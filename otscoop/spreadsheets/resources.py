"""The base of every spreadsheet resource.

A row is matched to its record by the `slug` column (made from the title, as the admin makes
it, when the cell is empty). Before a row is saved, the record passes the admin's validation
(`full_clean()`: `clean()`, field checks, unique and check constraints), and every error is
filed under the column it comes from, so the preview shows each row's errors by column. A row
that would change nothing is left alone and shown as unchanged; rows are saved one by one with
`save()` (never in bulk), so that the history records each change and who made it.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from import_export.fields import Field
from import_export.resources import ModelResource
from import_export.widgets import ManyToManyWidget
from modeltranslation.utils import build_localized_fieldname

from ..slugs import slug_of
from ..validation import clean_instance
from .cells import PartialDateField, TextWidget
from .columns import DEFAULT_LANGUAGE, OTHER_LANGUAGES


class SpreadsheetResource(ModelResource):
    """Columns of one model: declared with `otscoop.spreadsheets.columns`, and named in
    `Meta.fields` in the order a file has them."""

    # Translated texts: each gets a column per other language (title_tr, title_ru), after the
    # declared ones.
    translated: tuple[str, ...] = ()
    # The columns a missing slug is made from (default: the model's `slug_from` text).
    slug_columns: tuple[str, ...] = ()
    # Model fields whose errors belong to a column of another name ({"candidate_state": "state"}).
    error_columns: dict[str, str] = {}
    missing_translation = _(
        "This text is required in the default language (%(language)s), which the others fall "
        "back to."
    )

    class Meta:
        import_id_fields = ("slug",)
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True
        use_bulk = False  # save() per row: the history records each change and its user

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        model = self.Meta.model
        for name in self.translated:
            for language in OTHER_LANGUAGES:
                column = build_localized_fieldname(name, language)
                widget = TextWidget(null=model._meta.get_field(column).null)
                self.fields[column] = Field(attribute=column, column_name=column, widget=widget)
        # Which column each model field's errors go under.
        self.column_of = {}
        for field in self.fields.values():
            self.column_of[field.attribute] = field.column_name
            if field.attribute == build_localized_fieldname(field.column_name, DEFAULT_LANGUAGE):
                self.column_of[field.column_name] = field.column_name  # "title" for title_en
            if isinstance(field, PartialDateField) and field.precision and not field.start_column:
                self.column_of[field.precision] = field.column_name
        self.column_of.update(self.error_columns)
        self.lines_by_slug = {}  # the file's line of each record met so far

    def column_names(self) -> list[str]:
        return [field.column_name for field in self.get_import_fields()]

    def before_import(self, dataset, **kwargs):
        """Headers are read case and spaces aside; an unknown one stops the import (its data
        would be silently left out); the slug column may be left out."""
        dataset.headers = [str(header or "").strip().lower() for header in dataset.headers or []]
        known = self.column_names()
        unknown = [header for header in dataset.headers if header and header not in known]
        if unknown:
            raise ValueError(
                gettext("Unknown columns: %(unknown)s. The columns are: %(known)s.")
                % {"unknown": ", ".join(unknown), "known": ", ".join(known)}
            )
        if self.keyed_by_slug() and "slug" not in dataset.headers:
            dataset.append_col([""] * dataset.height, header="slug")

    def keyed_by_slug(self) -> bool:
        """Whether rows are matched by slug (else by `Meta.import_id_fields`: a decision's
        meeting and order)."""
        return tuple(self._meta.import_id_fields) == ("slug",)

    def get_slug_columns(self) -> tuple[str, ...]:
        return self.slug_columns or (self.Meta.model.slug_from,)

    def before_import_row(self, row, **kwargs):
        if not self.keyed_by_slug():
            self.note_line(row, **kwargs)
            return
        slug = str(row.get("slug") or "").strip()
        if not slug:
            cells = [row.get(column) for column in self.get_slug_columns()]
            words = " ".join(str(cell).strip() for cell in cells if cell not in (None, ""))
            slug = slug_of(self.Meta.model, words)
        row["slug"] = slug
        # A second row of the same record would silently overwrite the first.
        line = kwargs["row_number"] + 1  # as the spreadsheet numbers it, after the header
        if slug in self.lines_by_slug:
            message = gettext("Line %(line)s is this record already (slug “%(slug)s”).")
            raise ValidationError(
                {"slug": [message % {"line": self.lines_by_slug[slug], "slug": slug}]}
            )
        if slug:
            self.lines_by_slug[slug] = line

    def note_line(self, row, **kwargs):
        """A second row with the same key columns (a decision's meeting and order) would
        silently overwrite the first: refused under the key's first column."""
        id_fields = tuple(self._meta.import_id_fields)
        key = tuple(str(row.get(column) or "").strip().casefold() for column in id_fields)
        line = kwargs["row_number"] + 1
        if all(key) and key in self.lines_by_slug:
            message = gettext("Line %(line)s is this record already.")
            raise ValidationError({id_fields[0]: [message % {"line": self.lines_by_slug[key]}]})
        if all(key):
            self.lines_by_slug[key] = line

    def import_instance(self, instance, row, **kwargs):
        """Sets the row's cells on the record; every cell that cannot be read is reported
        under its column, those of many-to-many columns too (saved later)."""
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                errors[self.column_of.get(name, name)] = messages
        for field in self.get_import_fields():
            if isinstance(field.widget, ManyToManyWidget) and field.column_name in row:
                try:
                    field.clean(row)
                except ValueError as error:
                    errors[field.column_name] = [str(error)]
        if not errors:
            errors = self.check_row(instance, row)
        if errors:
            raise ValidationError(errors)

    def check_row(self, instance, row) -> dict:
        """Rules across the row's cells that the record's own validation cannot see, such as
        a candidacy's supporters (saved after it): {column: [messages]}."""
        return {}

    def skip_row(self, instance, original, row, import_validation_errors=None):
        """Unchanged: an existing record whose every column in the file reads as it is."""
        if import_validation_errors or original is None or original.pk is None:
            return False
        for field in self.get_import_fields():
            if field.column_name not in row:
                continue
            if callable(getattr(field, "changed", None)):  # saved after the record itself
                if field.changed(original, row):
                    return False
            elif field.export(instance) != field.export(original):
                return False
        return True

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        """The admin's validation, each error under its column (the cells that could not be
        read are not checked again)."""
        errors = dict(import_validation_errors or {})
        failed = {name for name, column in self.column_of.items() if column in errors}
        try:
            clean_instance(instance, self.missing_translation, exclude=failed)
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                errors.setdefault(self.column_of.get(name, name), []).extend(messages)
        if errors:
            raise ValidationError(errors)

    # Related records each row exports, loaded with the rows.
    export_select_related: tuple[str, ...] = ()
    export_prefetch_related: tuple[str, ...] = ()

    def filter_export(self, queryset, **kwargs):
        return queryset.select_related(*self.export_select_related).prefetch_related(
            *self.export_prefetch_related
        )
