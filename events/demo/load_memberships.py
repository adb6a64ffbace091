"""The demo loader's steps for the memberships app: states and their memberships, organizations,
observer statuses, candidacies and the support they get."""

from collections import defaultdict

from events.models import Document
from memberships.models import (
    Candidacy,
    CandidacySupport,
    Membership,
    ObserverStatus,
    ObserverStatusStep,
    Organization,
    Place,
    State,
)
from memberships.places_table import read_places, slugs_by_spelling
from otscoop.models import Source
from otscoop.publishers import publisher_of

from .sync import PUBLISHED, RowSync, to_date, turkish_name


class MembershipSteps(RowSync):
    """The steps that load the memberships app's records."""

    def save_state(self, values: dict, urls, name_tr=None):
        fields = {k: values[k] for k in ("name", "official_name", "kind", "iso2", "iso3", "note")}
        fields["capital"] = values.get("capital", "")
        fields.update(self.vocabulary.state_names(values, facts_tr=name_tr))
        state = self.sync(
            State, {"slug": values["slug"]}, fields, m2m={"sources": self.source_rows(urls)}
        )
        self.states[values["slug"]] = state
        if values["iso2"]:
            self.states[values["iso2"]] = state
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
                    parent=state,
                )
        for record in self.data["states"]:
            self.save_state(record, record["sources"])

    def load_places(self):
        """The places of the reviewed table (memberships/data/places.csv)."""
        rows = read_places()
        for row in rows:
            # The coordinates' source: the place's page at GeoNames.
            sources = []
            if row.geonames_id:
                url = f"https://www.geonames.org/{row.geonames_id}/"
                sources.append(
                    self.sync(Source, {"url": url}, {"title": "", "publisher": publisher_of(url)})
                )
            self.places[row.slug] = self.sync(
                Place,
                {"slug": row.slug},
                {
                    "name": row.names["en"],
                    "name_tr": row.names["tr"],
                    "name_ru": row.names["ru"],
                    "state": self.states[row.state],
                    "latitude": row.latitude,
                    "longitude": row.longitude,
                    "geonames_id": row.geonames_id,
                },
                m2m={"sources": sources},
            )
        self.place_slugs = slugs_by_spelling(rows)

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
        fields.update(self.vocabulary.names("organization", values["slug"], facts_tr=name_tr))
        organization = self.sync(
            Organization,
            {"slug": values["slug"]},
            fields,
            m2m={"sources": self.source_rows(urls)},
        )
        self.organizations[values["slug"]] = organization

    def load_organizations(self):
        for record in self.data["organizations"]:  # parents come before their children
            self.save_organization(record, record["sources"])
        for record in self.data["bodies"]:
            if "organization" in record["app"]:
                self.save_organization(
                    record["app"]["organization"], record["sources"], name_tr=turkish_name(record)
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
                    parent=status,
                )

    def load_candidacies(self):
        endorsed = defaultdict(list)  # (meeting slug, document title) -> candidacies
        for record in self.data["candidacies"]:
            values = dict(record["app"]["candidacy"])
            slug = values.pop("slug")
            state = values["state"] = self.states[values["state"]]
            values["organization"] = self.organizations[values["organization"]]
            values.update(self.vocabulary.names("candidacy", slug, field="post"))
            endorsed_in = record["app"].get("endorsed_in")
            candidacy = self.sync(
                Candidacy,
                {"slug": slug},
                {**values, **PUBLISHED},
                m2m={"sources": self.source_rows(record["sources"])},
            )
            if endorsed_in:
                endorsed[(endorsed_in["meeting"], endorsed_in["document"])].append(candidacy)
            for support in record["app"]["supports"]:
                self.sync(
                    CandidacySupport,
                    {"candidacy": candidacy, "supporting_state": self.states[support["state"]]},
                    {
                        # The copy of the candidate state the database constraint relies on.
                        "candidate_state": state,
                        "declared_on": support["declared_on"],
                        "declared_on_precision": support["declared_on_precision"],
                        "source_text": support["source_text"],
                        "source_url": support["source_url"],
                        "visibility": support["visibility"],
                        "note": support["note"],
                    },
                    parent=candidacy,
                )
        # The outcome document that endorsed them (a meeting's, loaded before).
        for (meeting, title), candidacies in endorsed.items():
            self.sync(
                Document,
                {"meeting": self.meetings[meeting], "title": title},
                m2m={"endorsed_candidacies": candidacies},
            )
