"""The demo loader's one write helper, `RowSync.sync`, the lookups of the rows already loaded by
their keys in data.json, and the conversions of data.json's values.

`sync` writes a demo record only where that loses no one's work (see ledger.py): it adds missing
records, brings records nobody has changed up to the demo's values, and leaves alone records a
person changed or deleted. A record another row's unique key stands in the way of is skipped with
one line saying so. What `sync` returns for a record it did not load is `MISSING`: records that
need it are left out, and those that may go without it are loaded without it.
"""

import datetime
from collections import Counter, defaultdict

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from events.models import Council, Meeting, Topic
from memberships.models import Organization, Place, State
from memberships.places_table import split_cities
from otscoop.choices import Publication
from otscoop.models import Source

from .conflicts import held_by, refused_reason, skipped_line
from .ledger import (
    Ledger,
    changed_by_person,
    changed_outside,
    created_by_person,
    demo_key,
    snapshot,
)
from .vocabulary import Vocabulary

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


class Missing:
    """A demo record the loader did not load (a person deleted it, or it is in conflict)."""

    def __repr__(self):
        return "MISSING"


MISSING = Missing()


def turkish_name(record) -> str | None:
    """The record's Turkish name, unless the data marks it as an outdated form ("[...]")."""
    name = record.get("name_tr")
    return None if not name or "[" in name else name


def to_date(value):
    return datetime.date.fromisoformat(value) if value else None


class RowSync:
    """The rows loaded so far and the counts of what each save did; the steps build on it.

    Outcomes counted per model: created, updated, unchanged, kept (a person changed the record,
    or the record it belongs to), deleted (a person deleted it), conflict (another row holds its
    unique key) and left_out (it needs a record that was not loaded).
    """

    def __init__(self, data: dict, warn=None):
        self.data = data
        self.warn = warn or (lambda line: None)
        self.ledger = Ledger()
        self.vocabulary = Vocabulary()  # the names in Turkish and Russian
        self.kept: set[tuple[str, int]] = set()  # (model label, id) of records kept as they are
        self.counts: dict[str, Counter] = defaultdict(Counter)
        self.sources: dict[str, Source] = {}
        self.states: dict[str, State] = {}  # by ISO alpha-2 code and by slug
        self.places: dict[str, Place] = {}
        self.place_slugs: dict[str, str] = {}  # by a name or alias, case aside
        self.organizations: dict[str, Organization] = {}
        self.councils: dict[str, Council] = {}
        self.meetings: dict[str, Meeting] = {}
        self.topics: dict[str, Topic] = {}

    # ------------------------------------------------------------------ the one write helper
    def sync(self, model, lookup: dict, values=None, m2m=None, parent=None):
        """Load the demo record of `model` with natural key `lookup`; return its row or MISSING.

        `values` maps field names to values (rows, MISSING or None for foreign keys); `m2m` maps
        many-to-many field names to the wanted related rows; `parent` is the record this one is
        edited with in the admin (a meeting's document, a state's membership): a parent a person
        changed keeps its children as they are too.
        """
        m2m = m2m or {}
        wanted = self.wanted(model, values or {})
        if wanted is MISSING or any(v is MISSING for v in (parent, *lookup.values())):
            return self.outcome(model, "left_out")
        lists = {name: [row for row in rows if row is not MISSING] for name, rows in m2m.items()}
        key = demo_key(lookup)
        entry = self.ledger.get(model, key)
        if entry is not None:
            obj = model._meta.default_manager.filter(pk=entry.object_id).first()
            if obj is None:
                return self.outcome(model, "deleted")
        else:
            obj = model._meta.default_manager.filter(**lookup).first()
        if parent is not None and (parent._meta.label, parent.pk) in self.kept:
            return self.keep(obj, entry) if obj is not None else self.outcome(model, "kept")
        if obj is None:
            return self.create(model, key, lookup, wanted, lists)
        if entry is None and created_by_person(obj):
            demo = self.build(model, lookup, wanted)
            return self.skip(demo, lookup, held_by(demo, list(lookup), obj))
        present_lists = {name: set(getattr(obj, name).values_list("pk", flat=True)) for name in m2m}
        if entry is None:  # loaded before the ledger was kept
            present = {attname: getattr(obj, attname) for attname in wanted}
            entry = self.ledger.adopt(model, key, obj, snapshot(present, present_lists))
        return self.update(obj, lookup, entry, wanted, lists, present_lists)

    def wanted(self, model, values: dict):
        """{attname: value} of `values`, or MISSING when a required row was not loaded."""
        wanted = {}
        for name, value in values.items():
            field = model._meta.get_field(name)
            if field.many_to_one:
                if value is MISSING and not field.null:
                    return MISSING
                wanted[field.attname] = None if value is None or value is MISSING else value.pk
            elif name in DATE_FIELDS and isinstance(value, str):
                wanted[field.attname] = to_date(value)
            else:
                wanted[field.attname] = value
        return wanted

    def create(self, model, key, lookup, wanted, lists):
        obj = self.build(model, lookup, wanted)
        if not self.write(obj, lookup):
            return MISSING
        for name, rows in lists.items():
            getattr(obj, name).set(rows)
        self.ledger.record(model, key, obj, self.demo_values(wanted, lists))
        return self.outcome(model, "created", obj)

    def update(self, obj, lookup, entry, wanted, lists, present_lists):
        model = type(obj)
        demo = self.demo_values(wanted, lists)
        if changed_by_person(obj, entry.loaded_at):
            return self.keep(obj, entry)
        changed = {a: v for a, v in wanted.items() if getattr(obj, a) != v}
        moved = {n: rows for n, rows in lists.items() if present_lists[n] != {r.pk for r in rows}}
        if not changed and not moved:
            self.ledger.keep(entry, demo)
            return self.outcome(model, "unchanged", obj)
        if changed_outside(obj, entry, present_lists):
            return self.keep(obj, entry)
        if changed:
            for attname, value in changed.items():
                setattr(obj, attname, value)
            if not self.write(obj, lookup):
                obj.refresh_from_db()
                return obj  # the demo's row stays as it was: records that need it keep it
        for name, rows in moved.items():
            getattr(obj, name).set(rows)  # adds and removes only the differences
        self.ledger.record(model, entry.key, obj, demo, entry)
        return self.outcome(model, "updated", obj)

    def write(self, obj, lookup) -> bool:
        """Validate and save `obj`; on a refusal report it in one line and return False."""
        try:
            obj.full_clean()
            with transaction.atomic():  # a savepoint: a refused row leaves the load going
                obj.save()
        except (ValidationError, IntegrityError) as error:
            self.skip(obj, lookup, refused_reason(obj, error))
            return False
        return True

    # ------------------------------------------------------------------ outcomes
    def keep(self, obj, entry):
        if entry is not None:
            self.ledger.keep(entry)
        self.kept.add((obj._meta.label, obj.pk))
        return self.outcome(type(obj), "kept", obj)

    def skip(self, obj, lookup, reason: str):
        self.warn(skipped_line(obj, lookup, reason))
        return self.outcome(type(obj), "conflict")

    def outcome(self, model, outcome: str, obj=MISSING):
        self.counts[model._meta.label][outcome] += 1
        return obj

    @staticmethod
    def build(model, lookup, wanted):
        obj = model(**lookup)
        for attname, value in wanted.items():
            setattr(obj, attname, value)
        return obj

    @staticmethod
    def demo_values(wanted, lists) -> dict:
        return snapshot(wanted, {name: {row.pk for row in rows} for name, rows in lists.items()})

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

    def place_named(self, city: str):
        """The place of a city's name or alias; None for a name the table lacks."""
        slug = self.place_slugs.get(city.casefold())
        return self.places[slug] if slug else None

    def places_named(self, text: str) -> list:
        """The places of the cities a text names, in its order; a name the table lacks (a
        region: "Aghdam district") is left out."""
        places = [self.place_named(city) for city in split_cities(text)]
        return [place for place in places if place is not None]
