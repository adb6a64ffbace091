"""The one line that reports a demo record the loader skipped, naming the other record that
holds its unique key (slug, ISO code, name ...)."""

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models


def describe(obj) -> str:
    """E.g. 'state "Kazakhstan"'."""
    return f'{obj._meta.verbose_name} "{obj}"'


def key_text(lookup: dict) -> str:
    """The demo key as the report shows it, e.g. "kazakhstan" or "Astana Summit, Kazakhstan"."""
    return ", ".join("-" if value is None else str(value) for value in lookup.values())


def field_names(model, names) -> str:
    labels = [str(model._meta.get_field(name).verbose_name) for name in names]
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " and " + labels[-1]


def unique_keys(model):
    """(field names, condition) of each unique key of `model`: unique fields and constraints."""
    for field in model._meta.concrete_fields:
        if field.unique and not field.primary_key:
            yield [field.name], None
    for constraint in model._meta.constraints:
        if isinstance(constraint, models.UniqueConstraint) and constraint.fields:
            yield list(constraint.fields), constraint.condition


def holder(obj, names, condition):
    """Another row that holds `obj`'s values of the fields `names`, or None."""
    model = type(obj)
    filters = {}
    for name in names:
        value = getattr(obj, model._meta.get_field(name).attname)
        if value is None:
            return None  # NULL never clashes
        filters[model._meta.get_field(name).attname] = value
    rows = model._meta.default_manager.filter(**filters)
    if condition is not None:
        rows = rows.filter(condition)
    if obj.pk is not None:
        rows = rows.exclude(pk=obj.pk)
    return rows.first()


def held_key(obj):
    """(field names, the other row) of the first unique key of `obj` another row holds."""
    for names, condition in unique_keys(type(obj)):
        other = holder(obj, names, condition)
        if other is not None:
            return names, other
    return None, None


def held_by(obj, names, other) -> str:
    """E.g. 'its ISO alpha-2 code "KZ" is held by state "Qazaqstan" (#7)'."""
    model = type(obj)
    if len(names) == 1:
        value = getattr(obj, model._meta.get_field(names[0]).attname)
        what = f'its {field_names(model, names)} "{value}" is'
    else:
        what = f"its {field_names(model, names)} are"
    return f"{what} held by {describe(other)} (#{other.pk}), which the demo did not load"


def errors_text(error: ValidationError) -> str:
    """A validation error in one line, each message after the field it concerns."""
    if not hasattr(error, "error_dict"):
        return "; ".join(error.messages)
    parts = []
    for field, messages in error.message_dict.items():
        text = "; ".join(messages)
        parts.append(text if field == NON_FIELD_ERRORS else f"{field}: {text}")
    return "; ".join(parts)


def skipped_line(obj, lookup: dict, reason: str) -> str:
    """E.g. 'Skipped demo state "Kazakhstan" (kazakhstan): its ISO alpha-2 code ...'."""
    return f"Skipped demo {describe(obj)} ({key_text(lookup)}): {reason}."


def refused_reason(obj, error: Exception) -> str:
    """Why the database or the model's rules refused `obj`: the unique key another row holds
    when that is the cause, else the error's own words."""
    names, other = held_key(obj)
    if other is not None:
        return held_by(obj, names, other)
    if isinstance(error, ValidationError):
        return errors_text(error)
    return f"the database refused it ({error})"
