"""The demo loader's one write helper, `RowSync.sync` (a row fetched by its natural key and saved
only when a value differs), the lookups of the rows already loaded by their keys in data.json,
and the conversions of data.json's values."""

import datetime
from collections import Counter, defaultdict

from events.models import Council, Meeting, Topic
from memberships.models import Organization, State
from otscoop.choices import Publication
from otscoop.models import Source

# Date fields of the "app" objects: ISO strings in data.json, dates in the database.
DATE_FIELDS = {
    "start_date",
    "end_date",
    "established_on",
    "founded_on",
    "issued_on",
    "date",
    "declared_on",
    "election_date",
    "term_start",
    "term_end",
}
PUBLISHED = {"publication": Publication.PUBLISHED}


def turkish_name(record) -> str | None:
    """The record's Turkish name, unless the data marks it as an outdated form ("[...]")."""
    name = record.get("name_tr")
    return None if not name or "[" in name else name


def to_date(value):
    return datetime.date.fromisoformat(value) if value else None


class RowSync:
    """The rows loaded so far and the counts of what each save did; the steps build on it."""

    def __init__(self, data: dict):
        self.data = data
        self.counts: dict[str, Counter] = defaultdict(Counter)
        self.sources: dict[str, Source] = {}
        self.states: dict[str, State] = {}  # by ISO alpha-2 code and by slug
        self.organizations: dict[str, Organization] = {}
        self.councils: dict[str, Council] = {}
        self.meetings: dict[str, Meeting] = {}
        self.topics: dict[str, Topic] = {}

    # ------------------------------------------------------------------ the one write helper
    def sync(self, model, lookup: dict, values: dict | None = None, m2m: dict | None = None):
        """Create or update the row with `lookup`, saving only when a value differs.

        `values` maps field names to values (model instances or None for foreign keys);
        `m2m` maps many-to-many field names to the wanted related objects.
        """
        values = values or {}
        wanted = {}
        for name, value in values.items():
            field = model._meta.get_field(name)
            if field.many_to_one:
                wanted[field.attname] = value.pk if value is not None else None
            elif name in DATE_FIELDS and isinstance(value, str):
                wanted[field.attname] = to_date(value)
            else:
                wanted[field.attname] = value

        obj = model.objects.filter(**lookup).first()
        if obj is None:
            obj = model(**lookup)
            for attname, value in wanted.items():
                setattr(obj, attname, value)
            obj.full_clean()
            obj.save()
            outcome = "created"
        else:
            changed = {a: v for a, v in wanted.items() if getattr(obj, a) != v}
            if changed:
                for attname, value in changed.items():
                    setattr(obj, attname, value)
                obj.full_clean()
                obj.save()
                outcome = "updated"
            else:
                outcome = "unchanged"

        for name, related in (m2m or {}).items():
            manager = getattr(obj, name)
            wanted_pks = {item.pk for item in related}
            if set(manager.values_list("pk", flat=True)) != wanted_pks:
                manager.set(related)  # adds and removes only the differences
                if outcome == "unchanged":
                    outcome = "updated"

        self.counts[model._meta.label][outcome] += 1
        return obj

    # ------------------------------------------------------------------ helpers
    def source_rows(self, urls):
        return [self.sources[url] for url in urls]

    def state(self, key):
        return self.states[key] if key else None

    def meeting(self, slug):
        return self.meetings[slug] if slug else None

    def council(self, slug):
        return self.councils[slug] if slug else None

    def organization(self, slug):
        return self.organizations[slug] if slug else None
