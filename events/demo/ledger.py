"""The demo loader's ledger (otscoop.DemoRecord): which records it wrote, by their demo key, with
the values it last wrote; and what the records' history says about people.

The loader uses it to leave people's work alone:
- a recorded key whose row is gone: a person deleted the record, so it stays deleted;
- a history row with a user after the loader's last write, or a value that is no longer the one
  it wrote: someone changed the record, so it is kept as it is;
- a row that holds a demo key but is not in the ledger: it was loaded before the ledger existed
  (created without a user, as the loader creates records), or a person made it (its first
  history row names a user), which is a conflict.
"""

import datetime
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone

from otscoop.models import DemoRecord


def plain(value):
    """A value as JSON holds it: a row by its id, a date as its ISO string."""
    if isinstance(value, models.Model):
        value = value.pk
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder))


def demo_key(lookup: dict) -> str:
    """The natural key as stored, e.g. '{"slug": "kazakhstan"}' (rows it names by their id)."""
    return json.dumps(
        {name: plain(value) for name, value in lookup.items()}, sort_keys=True, ensure_ascii=False
    )


def snapshot(fields: dict, m2m: dict) -> dict:
    """Field values (by attname) and many-to-many ids (by field name), as the ledger keeps them."""
    return {
        "fields": {name: plain(value) for name, value in fields.items()},
        "m2m": {name: sorted(ids) for name, ids in m2m.items()},
    }


def current_values(obj, entry: DemoRecord, m2m: dict) -> dict:
    """`obj`'s present values of the fields and lists the entry recorded; `m2m` holds the present
    ids of lists already read."""
    names = {field.attname for field in obj._meta.concrete_fields}
    fields = {
        attname: getattr(obj, attname) for attname in entry.values["fields"] if attname in names
    }
    lists = {
        name: m2m[name] if name in m2m else set(getattr(obj, name).values_list("pk", flat=True))
        for name in entry.values["m2m"]
    }
    return snapshot(fields, lists)


def changed_outside(obj, entry: DemoRecord, m2m: dict) -> bool:
    """Whether a value the loader wrote has changed since (by anyone: the admin, the API, a shell,
    a data migration). Fields the loader did not write then are not compared."""
    now = current_values(obj, entry, m2m)
    then = entry.values
    return any(now["fields"][name] != then["fields"][name] for name in now["fields"]) or any(
        now["m2m"][name] != then["m2m"][name] for name in now["m2m"]
    )


def changed_by_person(obj, since: datetime.datetime) -> bool:
    """Whether the record's history has a change by a user after `since`."""
    return obj.history.filter(history_user__isnull=False, history_date__gt=since).exists()


def created_by_person(obj) -> bool:
    """Whether the record's first history row (its creation) names a user."""
    first = obj.history.order_by("history_date").first()
    return first is not None and first.history_user_id is not None


class Ledger:
    """The ledger's entries, read once at the start of a load and written as records are."""

    def __init__(self):
        self.entries = {(entry.model, entry.key): entry for entry in DemoRecord.objects.all()}

    def get(self, model, key: str) -> DemoRecord | None:
        return self.entries.get((model._meta.label_lower, key))

    def adopt(self, model, key: str, obj, present: dict) -> DemoRecord:
        """An entry (saved later) for a row the loader wrote before it kept a ledger: as if it had
        written the row's present values when the row was created."""
        first = obj.history.order_by("history_date").first()
        return DemoRecord(
            model=model._meta.label_lower,
            key=key,
            object_id=obj.pk,
            values=present,
            loaded_at=first.history_date if first else timezone.now(),
        )

    def record(self, model, key: str, obj, values: dict, entry: DemoRecord | None = None):
        """Note that the loader has just written `values` to `obj`."""
        if entry is None:
            entry = DemoRecord(model=model._meta.label_lower, key=key)
        entry.object_id = obj.pk
        entry.values = values
        entry.loaded_at = timezone.now()
        self.save(entry)

    def keep(self, entry: DemoRecord, values: dict | None = None):
        """Save an adopted entry, or new values of a row that already holds them (nothing is
        written to the row itself)."""
        if values is not None and entry.values != values:
            entry.values = values
            self.save(entry)
        elif entry.pk is None:
            self.save(entry)

    def save(self, entry: DemoRecord):
        entry.save()
        self.entries[(entry.model, entry.key)] = entry
