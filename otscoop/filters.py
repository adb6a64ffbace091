"""Filters shared by the apps' FilterSets (the public pages and the API)."""

import django_filters


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
