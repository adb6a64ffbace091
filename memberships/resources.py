"""Spreadsheet columns of candidacies, with their supports (see otscoop/spreadsheets/).

A candidacy's row names the states backing it in `supporting_states`: each gets a support row
(one a row no longer names is removed). `supports_declared_on`, `supports_source` and
`supports_source_url`, when filled, are written on every support of the row; an export fills
them where all the candidacy's supports agree.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from import_export.fields import Field
from import_export.widgets import Widget

from otscoop.spreadsheets import columns
from otscoop.spreadsheets.cells import read_partial_date, write_partial_date
from otscoop.spreadsheets.relations import RecordsWidget, RelationSetField
from otscoop.spreadsheets.resources import SpreadsheetResource

from .models import Candidacy, CandidacySupport, State

# How a spreadsheet names a state or an organization.
STATE_LOOKUPS = ("iso2", "iso3", "slug", "name")
STATE_HINT = _("ISO code, slug or name")
ORGANIZATION_LOOKUPS = ("slug", "acronym", "name")
ORGANIZATION_HINT = _("slug, acronym or name")


class SupportingStatesField(RelationSetField):
    """The states backing a candidacy, one support row each (written by the resource's
    `after_save_instance`, with the supports' other columns)."""

    def __init__(self):
        widget = RecordsWidget(State, STATE_LOOKUPS, STATE_HINT)
        super().__init__("supporting_states", widget, readonly=True)

    def get_value(self, instance):
        if instance.pk is None:
            return None
        return [support.supporting_state for support in instance.supports.all()]


class SupportsColumn(Field):
    """A support field (`support_field` of CandidacySupport) written once for all the
    candidacy's supports; an empty cell leaves each support's own value as it is."""

    def __init__(self, column, support_field, precision=None):
        super().__init__(attribute=column, column_name=column, widget=Widget(), readonly=True)
        self.support_field = support_field
        self.precision = precision

    def text_of(self, support) -> str:
        value = getattr(support, self.support_field)
        if self.precision:
            return write_partial_date(value, getattr(support, self.precision))
        return value or ""

    def get_value(self, instance):
        if instance.pk is None:
            return ""
        values = {self.text_of(support) for support in instance.supports.all()}
        return values.pop() if len(values) == 1 else ""

    def clean(self, row, **kwargs):
        """The cell as a support stores it: (date, precision), or checked text."""
        value = row.get(self.column_name)
        if self.precision:
            return read_partial_date(value)
        value = "" if value is None else str(value).strip()
        try:
            return CandidacySupport._meta.get_field(self.support_field).clean(value, None)
        except ValidationError as error:
            raise ValueError(" ".join(error.messages)) from error

    def cell_text(self, row) -> str:
        value = self.clean(row)
        if self.precision:
            return write_partial_date(*value) if value else ""
        return value

    def save(self, instance, row, is_m2m=False, **kwargs):
        self.clean(row)  # only checked here: the supports are saved after the candidacy

    def changed(self, original, row) -> bool:
        cell = self.cell_text(row) if self.column_name in row else ""
        if not cell or original.pk is None:
            return False
        return any(self.text_of(support) != cell for support in original.supports.all())

    def apply(self, support, row):
        value = self.clean(row) if self.column_name in row else None
        if not value:
            return
        if self.precision:
            setattr(support, self.support_field, value[0])
            setattr(support, self.precision, value[1])
        else:
            setattr(support, self.support_field, value)


class CandidacyResource(SpreadsheetResource):
    slug = columns.text(Candidacy, "slug")
    state = columns.record(Candidacy, "state", STATE_LOOKUPS, STATE_HINT)
    organization = columns.record(
        Candidacy, "organization", ORGANIZATION_LOOKUPS, ORGANIZATION_HINT
    )
    post = columns.text(Candidacy, "post")
    candidate_person = columns.text(Candidacy, "candidate_person")
    term_start = columns.number("term_start")
    term_end = columns.number("term_end")
    election_date = columns.partial_date("election_date", "election_date_precision")
    outcome = columns.choice(Candidacy, "outcome")
    outcome_note = columns.text(Candidacy, "outcome_note")
    note = columns.text(Candidacy, "note")
    publication = columns.choice(Candidacy, "publication")
    supporting_states = SupportingStatesField()
    supports_declared_on = SupportsColumn(
        "supports_declared_on", "declared_on", precision="declared_on_precision"
    )
    supports_source = SupportsColumn("supports_source", "source_text")
    supports_source_url = SupportsColumn("supports_source_url", "source_url")
    sources = columns.sources()

    translated = ("post", "outcome_note", "note")
    # Posts repeat from state to state: a slug made from the post alone would merge them.
    slug_columns = ("state", "organization", "post", "term_start", "term_end")
    error_columns = {"candidate_state": "state"}
    export_select_related = ("state", "organization")
    export_prefetch_related = ("supports__supporting_state", "sources")

    class Meta:
        model = Candidacy
        fields = (
            "slug",
            "state",
            "organization",
            "post",
            "candidate_person",
            "term_start",
            "term_end",
            "election_date",
            "outcome",
            "outcome_note",
            "note",
            "publication",
            "supporting_states",
            "supports_declared_on",
            "supports_source",
            "supports_source_url",
            "sources",
        )

    def support_columns(self) -> list[SupportsColumn]:
        return [field for field in self.fields.values() if isinstance(field, SupportsColumn)]

    def check_row(self, instance, row) -> dict:
        if "supporting_states" not in row:
            return {}
        states = self.fields["supporting_states"].clean(row)
        if any(state.pk == instance.state_id for state in states):
            message = gettext("A state cannot support its own candidacy: %(state)s.")
            return {"supporting_states": [message % {"state": instance.state}]}
        return {}

    def after_save_instance(self, instance, row, **kwargs):
        """Writes the supports: one per state named, with the filled support columns."""
        supports = {support.supporting_state_id: support for support in instance.supports.all()}
        if "supporting_states" in row:
            states = self.fields["supporting_states"].clean(row)
        else:
            states = [support.supporting_state for support in supports.values()]
        named = {state.pk for state in states}
        for state_id, support in supports.items():
            if state_id not in named:
                support.delete()
        for state in states:
            support = supports.get(state.pk) or CandidacySupport(
                candidacy=instance, supporting_state=state
            )
            before = [column.text_of(support) for column in self.support_columns()]
            for column in self.support_columns():
                column.apply(support, row)
            after = [column.text_of(support) for column in self.support_columns()]
            if support.pk is None or before != after:
                support.save()
