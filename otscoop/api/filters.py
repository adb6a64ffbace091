"""Filtering of the REST API: ordering and search with errors that name the parameter, and the
base of every API FilterSet (`updated_since`, whole-number years, slug filters described for
the schema). The apps' API FilterSets subclass `ApiFilterSet` and their shared FilterSet."""

import copy
import datetime

import django_filters
from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import exceptions, filters

from ..filters import SlugFilter


class ApiOrderingFilter(filters.OrderingFilter):
    """`?ordering=` among the view's `ordering_fields` (comma-separated, `-` for descending).

    DRF drops unknown fields silently; here they are a 400 naming `ordering`. The primary key
    always ends the ordering, so that pages are stable when other values tie.
    """

    def get_ordering(self, request, queryset, view):
        params = request.query_params.get(self.ordering_param)
        if not params:
            return self.get_default_ordering(view)
        fields = [param.strip() for param in params.split(",")]
        valid = self.remove_invalid_fields(queryset, fields, view, request)
        invalid = [field for field in fields if field not in valid]
        if invalid:
            raise exceptions.ValidationError(
                {
                    self.ordering_param: [
                        _("Unknown ordering field(s): %(invalid)s. Use: %(valid)s.")
                        % {
                            "invalid": ", ".join(invalid),
                            "valid": ", ".join(self.ordering_terms(view)),
                        }
                    ]
                }
            )
        return valid

    def filter_queryset(self, request, queryset, view):
        ordering = self.get_ordering(request, queryset, view)
        if not ordering:
            ordering = queryset.query.order_by or queryset.model._meta.ordering
        return queryset.order_by(*ordering, "pk")

    @staticmethod
    def ordering_terms(view):
        fields = [field if isinstance(field, str) else field[0] for field in view.ordering_fields]
        return [term for field in fields for term in (field, f"-{field}")]

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": self.ordering_param,
                "required": False,
                "in": "query",
                "description": str(
                    _(
                        "Sort order: one or more fields separated by commas, each optionally "
                        "prefixed with `-` for descending order. Unknown fields are a 400."
                    )
                ),
                "schema": {
                    "type": "array",
                    "items": {"type": "string", "enum": self.ordering_terms(view)},
                },
                "style": "form",
                "explode": False,
            }
        ]


class ApiSearchFilter(filters.SearchFilter):
    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": self.search_param,
                "required": False,
                "in": "query",
                "description": str(
                    _("Search words, all of which must appear in one of: %(fields)s.")
                    % {
                        "fields": ", ".join(
                            field.lstrip("^=@$").replace("__", " ") for field in view.search_fields
                        )
                    }
                ),
                "schema": {"type": "string"},
            }
        ]


# --- Filters ---------------------------------------------------------------------------------


class UtcDateTimeField(django_filters.fields.IsoDateTimeField):
    """An ISO 8601 date-time, passed on in UTC: PostgreSQL refuses offsets past ±15:59 that
    ISO allows, and the date-time must exist in UTC (year 1 at +01:00 does not)."""

    def to_python(self, value):
        result = super().to_python(value)
        if result is None:
            return None
        try:
            return result.astimezone(datetime.UTC)
        except (OverflowError, ValueError) as error:
            raise forms.ValidationError(_("Enter a valid date/time.")) from error


class UpdatedSinceFilter(django_filters.IsoDateTimeFilter):
    field_class = UtcDateTimeField


class StrictBooleanField(forms.Field):
    """`true`/`false` (or 1/0); anything else is an error rather than "no filter"."""

    widget = forms.TextInput
    values = {"true": True, "1": True, "false": False, "0": False}

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            return self.values[str(value).lower()]
        except KeyError:
            raise forms.ValidationError(_("Enter true or false.")) from None


class StrictBooleanFilter(django_filters.BooleanFilter):
    field_class = StrictBooleanField


class ApiFilterSet(django_filters.FilterSet):
    """Base of every API FilterSet: `updated_since`, and filters described for the schema.

    The API subclasses each shared FilterSet (`class MeetingApiFilterSet(ApiFilterSet,
    MeetingFilterSet)`), so the public pages keep theirs unchanged. Filters by slug are copied
    and described as slugs in the schema; nothing else changes, so a filter validates the same
    on the pages and in the API.
    """

    updated_since = UpdatedSinceFilter(
        field_name="updated_at",
        lookup_expr="gte",
        label=_("Changed at or after this ISO 8601 date-time, e.g. 2025-01-31T00:00:00Z"),
    )

    @classmethod
    def get_filters(cls):
        filters_ = super().get_filters()
        for name, filter_ in list(filters_.items()):
            if isinstance(filter_, SlugFilter):
                filter_ = copy.deepcopy(filter_)
                description = format_lazy("{label} {note}", label=filter_.label, note=_("(slug)"))
                filters_[name] = extend_schema_field(
                    {"type": "string", "description": description}
                )(filter_)
        return filters_
