"""Small reference tables — councils, states — kept in each worker's memory.

A list row shows its meeting's council and host state. Joining them costs little in PostgreSQL
but a model instance each in Python: fifty of a meeting list's seventy-five objects, ~0.8 ms
of an uncached page (bench/RESULTS.md). The tables hold a few dozen rows, so each worker keeps
them whole, by id, tagged with the content generation the request read (otscoop/cache.py):
any change to the content reloads them on the next request, in every worker. Instances read
their translated names in the active language when used, so one copy serves every language.

Querysets get them through `with_references()` (an iterable class in place of a join): a record
whose reference is not in the table (added since it was loaded) keeps the ordinary lazy
foreign key.
"""

from functools import cache

from django.db.models.query import ModelIterable

from .cache import process_cached


def reference_table(model) -> dict:
    """Every `model` record by id, from this worker's memory until the content changes."""
    return process_cached(
        f"otscoop:references:{model._meta.label_lower}",
        lambda: {record.pk: record for record in model._default_manager.all()},
    )


def reference_index(model, field_name: str) -> dict:
    """Every `model` record by the value of a unique field (its slug), like reference_table()."""
    return process_cached(
        f"otscoop:references:{model._meta.label_lower}:{field_name}",
        lambda: {getattr(record, field_name): record for record in reference_table(model).values()},
    )


class ReferencedRows(ModelIterable):
    """Model instances with the foreign keys in `references` attached from reference_table()
    instead of joined (subclass it to name them)."""

    references: tuple[str, ...] = ()

    def __iter__(self):
        model = self.queryset.model
        fields = [model._meta.get_field(name) for name in self.references]
        tables = {}
        for record in super().__iter__():
            values = record.__dict__
            for field in fields:
                # A deferred key (not loaded) stays deferred; a related record already there
                # (select_related) stays.
                key = values.get(field.attname)
                if key is None or field.is_cached(record):
                    continue
                table = tables.get(field.name)
                if table is None:
                    table = tables[field.name] = reference_table(field.related_model)
                related = table.get(key)
                if related is not None:
                    field.set_cached_value(record, related)
            yield record


@cache
def _referenced_rows(names: tuple[str, ...]) -> type[ReferencedRows]:
    return type("ReferencedRows", (ReferencedRows,), {"references": names})


def with_references(queryset, *names):
    """`queryset` whose records get their foreign keys `names` (to small tables: councils,
    states) from the reference tables instead of a join (select_related)."""
    queryset = queryset.all()
    queryset._iterable_class = _referenced_rows(names)
    return queryset
