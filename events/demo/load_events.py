"""The demo loader's steps for the events app: councils, meetings with their documents and
delegations, joint statements, election observation missions and Secretaries General."""

from events.models import (
    Council,
    Delegation,
    Document,
    ElectionObservationMission,
    JointStatement,
    Meeting,
    SecretaryGeneral,
    Topic,
)
from memberships.places_table import split_cities

from .sync import PUBLISHED, RowSync, turkish_name

MEETING_LISTS = ("summits", "foreign_ministers_meetings", "other_meetings")


class EventSteps(RowSync):
    """The steps that load the events app's records."""

    def load_councils(self):
        for record in self.data["bodies"]:
            values = record["app"].get("council")
            if values is None:
                continue
            fields = {k: v for k, v in values.items() if k != "slug"}
            fields.update(
                self.vocabulary.names("council", values["slug"], facts_tr=turkish_name(record))
            )
            council = self.sync(
                Council,
                {"slug": values["slug"]},
                fields,
                m2m={"sources": self.source_rows(record["sources"])},
            )
            self.councils[values["slug"]] = council

    def load_meetings(self):
        for key in MEETING_LISTS:
            for record in self.data[key]:
                values = dict(record["app"]["meeting"])
                slug = values.pop("slug")
                values["council"] = self.council(values["council"])
                for field in ("host_state", "chairmanship_from", "chairmanship_to"):
                    values[field] = self.state(values[field])
                values["place"], values["note"] = self.meeting_place(values["city"], values["note"])
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
                        # A document is known from its meeting's sources.
                        m2m={"sources": self.source_rows(record["sources"])},
                        parent=meeting,
                    )
                for delegation in record["app"].get("delegations", []):
                    values = dict(delegation)
                    urls = values.pop("sources")
                    self.sync(
                        Delegation,
                        {"meeting": meeting, "state": self.states[values.pop("state")]},
                        values,
                        m2m={"sources": self.source_rows(urls)},
                    )

    def meeting_place(self, city: str, note: str):
        """The place of a meeting's city, and its note: a meeting has one place, so a second
        city ("Ankara / Istanbul") is said in the note."""
        cities = split_cities(city)
        if not cities:
            return None, note
        if len(cities) > 1:
            also = f"Also held in {', '.join(cities[1:])}."
            note = f"{note} {also}" if note else also
        return self.place_named(cities[0]), note

    def load_statements(self):
        for record in self.data["joint_statements"]:
            values = dict(record["app"]["statement"])
            slug = values.pop("slug")
            topics = []
            for topic in values.pop("topics"):
                if topic["slug"] not in self.topics:
                    self.topics[topic["slug"]] = self.sync(
                        Topic,
                        {"slug": topic["slug"]},
                        {"name": topic["name"], **self.vocabulary.names("topic", topic["slug"])},
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
                    "places": self.places_named(values["observed_locations"]),
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
