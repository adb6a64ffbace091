"""Load the demo dataset (`data.json`, beside this module) into the database, idempotently.

`data.json` keeps the lists of the shared OTS facts file record by record: each record holds the
fact fields (dates, codes, names, sources) and an "app" object with the values the app stores,
so this loader only translates references (ISO codes, slugs) into rows. The extra lists
"organizations" and "states" hold records the facts imply without listing them.

Every row is fetched by its natural key, compared field by field and saved (after `full_clean()`)
only when something differs, so a second run writes nothing: no row, no history entry.
"""

import datetime
import json
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.utils import translation

from events.models import (
    Council,
    Document,
    ElectionObservationMission,
    JointStatement,
    Meeting,
    SecretaryGeneral,
    Topic,
)
from memberships.models import (
    Candidacy,
    CandidacySupport,
    Membership,
    ObserverStatus,
    ObserverStatusStep,
    Organization,
    State,
)
from otscoop.choices import Publication
from otscoop.models import Source

DATA_PATH = Path(__file__).with_name("data.json")

# The lists of the facts file, in the order the loader reads them.
FACT_LISTS = (
    "member_states",
    "observer_states",
    "bodies",
    "summits",
    "foreign_ministers_meetings",
    "other_meetings",
    "joint_statements",
    "observer_statuses",
    "candidacies",
    "election_missions",
    "secretaries_general",
)
MEETING_LISTS = ("summits", "foreign_ministers_meetings", "other_meetings")
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


def read_data(path: Path = DATA_PATH) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def source_title(url: str) -> str:
    """The host name without "www.", e.g. "turkicstates.org"."""
    host = urlsplit(url).hostname or url
    return host.removeprefix("www.")


def turkish_name(record) -> str | None:
    """The record's Turkish name, unless the data marks it as an outdated form ("[...]")."""
    name = record.get("name_tr")
    return None if not name or "[" in name else name


def to_date(value):
    return datetime.date.fromisoformat(value) if value else None


class DemoLoader:
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

    # ------------------------------------------------------------------ steps
    def load(self) -> dict:
        self.load_sources()
        self.load_states()
        self.load_organizations()
        self.load_councils()
        self.load_meetings()
        self.load_statements()
        self.load_observer_statuses()
        self.load_candidacies()
        self.load_missions()
        self.load_secretaries_general()
        return {label: dict(counter) for label, counter in sorted(self.counts.items())}

    def load_sources(self):
        urls = []
        for key in (*FACT_LISTS, "organizations", "states"):
            for record in self.data[key]:
                urls.extend(record["sources"])
        for url in dict.fromkeys(urls):
            self.sources[url] = self.sync(Source, {"url": url}, {"title": source_title(url)})

    def save_state(self, values: dict, urls, name_tr=None):
        fields = {k: values[k] for k in ("name", "official_name", "kind", "iso2", "iso3", "note")}
        fields["capital"] = values.get("capital", "")
        fields["name_tr"] = name_tr
        state = self.sync(
            State, {"slug": values["slug"]}, fields, m2m={"sources": self.source_rows(urls)}
        )
        self.states[state.slug] = state
        if state.iso2:
            self.states[state.iso2] = state
        return state

    def load_states(self):
        for key in ("member_states", "observer_states"):
            for record in self.data[key]:
                app = record["app"]
                if "state" not in app:
                    continue  # an organization observer: see load_observer_statuses
                state = self.save_state(
                    app["state"], record["sources"], name_tr=turkish_name(record)
                )
                membership = app["membership"]
                self.sync(
                    Membership,
                    {
                        "state": state,
                        "role": membership["role"],
                        "start_date": to_date(membership["start_date"]),
                    },
                    {"end_date": None, "note": membership["note"]},
                    m2m={"sources": self.source_rows(record["sources"])},
                )
        for record in self.data["states"]:
            self.save_state(record, record["sources"])

    def save_organization(self, values: dict, urls, name_tr=None):
        fields = {
            k: values[k]
            for k in (
                "name",
                "acronym",
                "kind",
                "website",
                "headquarters",
                "founded_on",
                "founded_on_precision",
                "description",
            )
        }
        fields["parent"] = self.organization(values["parent"])
        fields["name_tr"] = name_tr
        organization = self.sync(
            Organization,
            {"slug": values["slug"]},
            fields,
            m2m={"sources": self.source_rows(urls)},
        )
        self.organizations[organization.slug] = organization

    def load_organizations(self):
        for record in self.data["organizations"]:  # parents come before their children
            self.save_organization(record, record["sources"])
        for record in self.data["bodies"]:
            if "organization" in record["app"]:
                self.save_organization(
                    record["app"]["organization"], record["sources"], name_tr=turkish_name(record)
                )

    def load_councils(self):
        for record in self.data["bodies"]:
            values = record["app"].get("council")
            if values is None:
                continue
            fields = {k: v for k, v in values.items() if k != "slug"}
            fields["name_tr"] = turkish_name(record)
            council = self.sync(
                Council,
                {"slug": values["slug"]},
                fields,
                m2m={"sources": self.source_rows(record["sources"])},
            )
            self.councils[council.slug] = council

    def load_meetings(self):
        for key in MEETING_LISTS:
            for record in self.data[key]:
                values = dict(record["app"]["meeting"])
                slug = values.pop("slug")
                values["council"] = self.council(values["council"])
                for field in ("host_state", "chairmanship_from", "chairmanship_to"):
                    values[field] = self.state(values[field])
                meeting = self.sync(
                    Meeting,
                    {"slug": slug},
                    {**values, **PUBLISHED},
                    m2m={"sources": self.source_rows(record["sources"])},
                )
                self.meetings[slug] = meeting
                for order, document in enumerate(record["app"]["documents"], start=1):
                    self.sync(
                        Document,
                        {"meeting": meeting, "title": document["title"]},
                        {
                            "statement": None,
                            "kind": document["kind"],
                            "language": "",
                            "url": "",
                            "symbol": "",
                            "order": order,
                        },
                    )

    def load_statements(self):
        for record in self.data["joint_statements"]:
            values = dict(record["app"]["statement"])
            slug = values.pop("slug")
            topics = []
            for topic in values.pop("topics"):
                if topic["slug"] not in self.topics:
                    self.topics[topic["slug"]] = self.sync(
                        Topic, {"slug": topic["slug"]}, {"name": topic["name"]}
                    )
                topics.append(self.topics[topic["slug"]])
            signatories = [self.states[iso2] for iso2 in values.pop("signatories")]
            values["council"] = self.council(values["council"])
            values["meeting"] = self.meeting(values["meeting"])
            self.sync(
                JointStatement,
                {"slug": slug},
                {**values, **PUBLISHED},
                m2m={
                    "topics": topics,
                    "signatories": signatories,
                    "sources": self.source_rows(record["sources"]),
                },
            )

    def load_observer_statuses(self):
        for record in self.data["observer_statuses"]:
            values = record["app"]["observer_status"]
            sources = self.source_rows(record["sources"])
            status = self.sync(
                ObserverStatus,
                {
                    "organization": self.organization(values["organization"]),
                    "direction": values["direction"],
                    "affiliate": self.organization(values["affiliate"]),
                },
                {
                    "current_stage": values["current_stage"],
                    "reference": values["reference"],
                    "note": values["note"],
                    **PUBLISHED,
                },
                m2m={"sources": sources},
            )
            for step in record["app"]["steps"]:
                self.sync(
                    ObserverStatusStep,
                    {
                        "observer_status": status,
                        "date": to_date(step["date"]),
                        "stage": step["stage"],
                    },
                    {
                        "date_precision": step["date_precision"],
                        "decision_reference": step["decision_reference"],
                        "note": step["note"],
                    },
                    m2m={"sources": sources},
                )

    def load_candidacies(self):
        for record in self.data["candidacies"]:
            values = dict(record["app"]["candidacy"])
            slug = values.pop("slug")
            values["state"] = self.states[values["state"]]
            values["organization"] = self.organizations[values["organization"]]
            candidacy = self.sync(
                Candidacy,
                {"slug": slug},
                {**values, **PUBLISHED},
                m2m={"sources": self.source_rows(record["sources"])},
            )
            for support in record["app"]["supports"]:
                self.sync(
                    CandidacySupport,
                    {"candidacy": candidacy, "supporting_state": self.states[support["state"]]},
                    {
                        # The copy of the candidate state the database constraint relies on.
                        "candidate_state": candidacy.state,
                        "declared_on": support["declared_on"],
                        "declared_on_precision": support["declared_on_precision"],
                        "source_text": support["source_text"],
                        "source_url": support["source_url"],
                        "visibility": support["visibility"],
                        "note": support["note"],
                    },
                )

    def load_missions(self):
        for record in self.data["election_missions"]:
            values = dict(record["app"]["mission"])
            slug = values.pop("slug")
            partners = [self.organizations[s] for s in values.pop("partner_organizations")]
            values["observed_state"] = self.states[values["observed_state"]]
            self.sync(
                ElectionObservationMission,
                {"slug": slug},
                {**values, **PUBLISHED},
                m2m={
                    "partner_organizations": partners,
                    "sources": self.source_rows(record["sources"]),
                },
            )

    def load_secretaries_general(self):
        for record in self.data["secretaries_general"]:
            values = dict(record["app"]["secretary_general"])
            slug = values.pop("slug")
            values["nationality"] = self.states[values["nationality"]]
            values["appointed_at"] = self.meeting(values["appointed_at"])
            self.sync(
                SecretaryGeneral,
                {"slug": slug},
                values,
                m2m={"sources": self.source_rows(record["sources"])},
            )


def totals(counts: dict) -> Counter:
    total = Counter()
    for counter in counts.values():
        total.update(counter)
    return total


def load_demo(*, stdout=None) -> dict:
    """Load data.json; return {model label: {"created": n, "updated": n, "unchanged": n}}."""
    # English is the default language: plain field names (name, title ...) write its column.
    with translation.override(settings.MODELTRANSLATION_DEFAULT_LANGUAGE), transaction.atomic():
        counts = DemoLoader(read_data()).load()
    if stdout is not None:
        for label, counter in counts.items():
            stdout.write(
                f"{label}: {counter.get('created', 0)} created, "
                f"{counter.get('updated', 0)} updated, {counter.get('unchanged', 0)} unchanged"
            )
    return counts
