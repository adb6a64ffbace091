"""Spreadsheet columns of meetings, joint statements and election observation missions (see
otscoop/spreadsheets/ for how cells are read, and the README's "Bringing in data from
spreadsheets")."""

from django.utils.translation import gettext_lazy as _

from memberships.resources import (
    ORGANIZATION_HINT,
    ORGANIZATION_LOOKUPS,
    STATE_HINT,
    STATE_LOOKUPS,
)
from otscoop.spreadsheets import columns
from otscoop.spreadsheets.resources import SpreadsheetResource

from .models import ElectionObservationMission, JointStatement, Meeting

COUNCIL_LOOKUPS = ("slug", "acronym", "name")
COUNCIL_HINT = _("slug, acronym or name")


class MeetingResource(SpreadsheetResource):
    slug = columns.text(Meeting, "slug")
    title = columns.text(Meeting, "title")
    kind = columns.choice(Meeting, "kind")
    council = columns.record(Meeting, "council", COUNCIL_LOOKUPS, COUNCIL_HINT)
    number = columns.number("number")
    status = columns.choice(Meeting, "status")
    start_date = columns.partial_date("start_date", "date_precision")
    # A meeting's dates share one precision: the end is written as the start is.
    end_date = columns.partial_date("end_date", "date_precision", start_column="start_date")
    place = columns.record(Meeting, "place")
    city = columns.text(Meeting, "city")
    host_state = columns.record(Meeting, "host_state", STATE_LOOKUPS, STATE_HINT)
    # Not named "format": the export form's own "format" field (the file's) would take its
    # place and leave the column out of every export.
    meeting_format = columns.choice(Meeting, "format")
    theme = columns.text(Meeting, "theme")
    summary = columns.text(Meeting, "summary")
    chairmanship_from = columns.record(Meeting, "chairmanship_from", STATE_LOOKUPS, STATE_HINT)
    chairmanship_to = columns.record(Meeting, "chairmanship_to", STATE_LOOKUPS, STATE_HINT)
    note = columns.text(Meeting, "note")
    publication = columns.choice(Meeting, "publication")
    sources = columns.sources()

    translated = ("title", "city", "theme", "summary", "note")
    export_select_related = (
        "council",
        "place",
        "host_state",
        "chairmanship_from",
        "chairmanship_to",
    )
    export_prefetch_related = ("sources",)

    class Meta:
        model = Meeting
        fields = (
            "slug",
            "title",
            "kind",
            "council",
            "number",
            "status",
            "start_date",
            "end_date",
            "place",
            "city",
            "host_state",
            "meeting_format",
            "theme",
            "summary",
            "chairmanship_from",
            "chairmanship_to",
            "note",
            "publication",
            "sources",
        )


class JointStatementResource(SpreadsheetResource):
    slug = columns.text(JointStatement, "slug")
    title = columns.text(JointStatement, "title")
    kind = columns.choice(JointStatement, "kind")
    issued_on = columns.partial_date("issued_on", "date_precision")
    issuer = columns.text(JointStatement, "issuer")
    council = columns.record(JointStatement, "council", COUNCIL_LOOKUPS, COUNCIL_HINT)
    meeting = columns.record(JointStatement, "meeting", ("slug", "title"), _("slug or title"))
    summary = columns.text(JointStatement, "summary")
    text = columns.text(JointStatement, "text")
    signatories = columns.records(JointStatement, "signatories", STATE_LOOKUPS, STATE_HINT)
    topics = columns.records(JointStatement, "topics")
    endorsed_candidacies = columns.records(
        JointStatement, "endorsed_candidacies", ("slug",), _("slug")
    )
    note = columns.text(JointStatement, "note")
    publication = columns.choice(JointStatement, "publication")
    sources = columns.sources()

    translated = ("title", "issuer", "summary", "text", "note")
    export_select_related = ("council", "meeting")
    export_prefetch_related = ("signatories", "topics", "endorsed_candidacies", "sources")

    class Meta:
        model = JointStatement
        fields = (
            "slug",
            "title",
            "kind",
            "issued_on",
            "issuer",
            "council",
            "meeting",
            "summary",
            "text",
            "signatories",
            "topics",
            "endorsed_candidacies",
            "note",
            "publication",
            "sources",
        )


class ElectionObservationMissionResource(SpreadsheetResource):
    slug = columns.text(ElectionObservationMission, "slug")
    title = columns.text(ElectionObservationMission, "title")
    observed_state = columns.record(
        ElectionObservationMission, "observed_state", STATE_LOOKUPS, STATE_HINT
    )
    election_kind = columns.choice(ElectionObservationMission, "election_kind")
    election_date = columns.partial_date("election_date", "election_date_precision")
    start_date = columns.partial_date("start_date")
    end_date = columns.partial_date("end_date")
    head_of_mission = columns.text(ElectionObservationMission, "head_of_mission")
    observer_count = columns.number("observer_count")
    polling_stations_observed = columns.number("polling_stations_observed")
    observed_locations = columns.text(ElectionObservationMission, "observed_locations")
    places = columns.records(ElectionObservationMission, "places")
    participating_states = columns.records(
        ElectionObservationMission, "participating_states", STATE_LOOKUPS, STATE_HINT
    )
    partner_organizations = columns.records(
        ElectionObservationMission,
        "partner_organizations",
        ORGANIZATION_LOOKUPS,
        ORGANIZATION_HINT,
    )
    findings = columns.text(ElectionObservationMission, "findings")
    report_url = columns.text(ElectionObservationMission, "report_url")
    note = columns.text(ElectionObservationMission, "note")
    publication = columns.choice(ElectionObservationMission, "publication")
    sources = columns.sources()

    translated = ("title", "observed_locations", "findings", "note")
    export_select_related = ("observed_state",)
    export_prefetch_related = (
        "places",
        "participating_states",
        "partner_organizations",
        "sources",
    )

    class Meta:
        model = ElectionObservationMission
        fields = (
            "slug",
            "title",
            "observed_state",
            "election_kind",
            "election_date",
            "start_date",
            "end_date",
            "head_of_mission",
            "observer_count",
            "polling_stations_observed",
            "observed_locations",
            "places",
            "participating_states",
            "partner_organizations",
            "findings",
            "report_url",
            "note",
            "publication",
            "sources",
        )
