"""Filters by a record's slug whose options and lookups come from the reference tables.

A list page's filter form offers every council, state, organization or topic. Loading them on
each request costs two queries and some forty model instances, a sixth of an uncached meetings
page (bench/RESULTS.md). They come from the reference tables each worker keeps
(otscoop/references.py), and the options — (slug, name in the page's language) — are kept per
model and language too, tagged with the content generation the request read from the shared
cache (otscoop/cache.py): any change to the content drops them, in every worker at once, so a
renamed council shows in the form on the next request. A submitted slug is looked up there as
well; one the table does not know is checked against the database as before.
"""

import django_filters
from django.conf import settings
from django.utils.translation import get_language

from .cache import process_cached
from .references import reference_index, reference_table


class CachedChoiceIterator(django_filters.fields.ModelChoiceIterator):
    """django-filter's iterator (empty and null options first), the records' options cached."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        if self.field.null_label is not None:
            yield (self.field.null_value, self.field.null_label)
        yield from self.options()

    def __len__(self):
        extra = (self.field.empty_label is not None) + (self.field.null_label is not None)
        return len(self.options()) + extra

    def __bool__(self):
        return self.field.empty_label is not None or bool(self.options())

    def options(self) -> list[tuple[str, str]]:
        field = self.field
        model = self.queryset.model
        language = get_language() or settings.LANGUAGE_CODE
        key = f"otscoop:choices:{model._meta.label_lower}:{field.to_field_name}:{language}"
        return process_cached(
            key,
            lambda: [
                (str(field.prepare_value(obj)), str(field.label_from_instance(obj)))
                for obj in reference_table(model).values()
            ],
        )


class CachedChoiceField(django_filters.fields.ModelChoiceField):
    iterator = CachedChoiceIterator

    def to_python(self, value):
        # A known slug is the record from the reference table; anything else (empty, the null
        # choice, a record added since, a wrong slug) is checked by django-filter as usual.
        is_null_choice = self.null_label is not None and value == self.null_value
        if isinstance(value, str) and value and not is_null_choice:
            record = reference_index(self.queryset.model, self.to_field_name).get(value)
            if record is not None:
                return record
        return super().to_python(value)


class SlugChoiceFilter(django_filters.ModelChoiceFilter):
    """Every record of `model`, chosen by slug; the options cached (see the module).

    The queryset is always the whole table in its default order: the cache key names only the
    model, the field and the language.
    """

    field_class = CachedChoiceField

    def __init__(self, model, **kwargs):
        kwargs.update(queryset=model._default_manager.all(), to_field_name="slug")
        super().__init__(**kwargs)
