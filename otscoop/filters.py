"""Filters shared by the apps' FilterSets (the public pages and the API)."""

import django_filters
from django import forms
from django.core.exceptions import BadRequest
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field

YEAR_MIN = 1900
YEAR_MAX = 2200


class SlugFilter(django_filters.ModelChoiceFilter):
    """A record of `model` chosen by its slug: django-filter's ModelChoiceFilter, whose options
    are every record, read per request — so that they are ordered by their names in the
    request's language (modeltranslation fixes the language of a queryset's default ordering
    when the queryset is made) — with only the columns an option shows: the slug, the name in
    every language, and any of `shown` that the record's name needs (e.g. an acronym)."""

    def __init__(self, model, *, shown=(), **kwargs):
        kwargs.setdefault("to_field_name", "slug")
        kwargs["queryset"] = lambda request: model.objects.only("slug", "name", *shown)
        super().__init__(**kwargs)


@extend_schema_field(
    {"type": "integer", "minimum": YEAR_MIN, "maximum": YEAR_MAX, "description": _("Year")}
)
class YearFilter(django_filters.NumberFilter):
    """The year of a date field, as a whole number from 1900 to 2200: `1999.5` is an error, not
    quietly 1999 — the same on the public pages and in the API."""

    field_class = forms.IntegerField

    def __init__(self, field_name, **kwargs):
        kwargs.setdefault("label", _("Year"))
        super().__init__(
            field_name=field_name,
            lookup_expr="year",
            min_value=YEAR_MIN,
            max_value=YEAR_MAX,
            **kwargs,
        )


def valid_filters(filterset_class, request, queryset):
    """The list's FilterSet on the request's query; a filter that is not valid is a 400 naming
    it (as the calendar says): the Atom feeds of events and decisions."""
    filterset = filterset_class(request.GET, queryset=queryset)
    if not filterset.is_valid():
        names = ", ".join(str(filterset.form[name].label) for name in filterset.errors)
        raise BadRequest(gettext("Invalid filter: %(names)s") % {"names": names})
    return filterset
