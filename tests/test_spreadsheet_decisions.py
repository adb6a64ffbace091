"""Decisions through the admin's spreadsheet import and export: rows matched by meeting and
order, related records by slug or name, partial deadlines, every error under its column, all or
nothing, editors only."""

import pytest

from decisions.models import Decision

from .spreadsheets import (
    admin_url,
    confirm,
    errors_by_line,
    export,
    preview,
    read_sample,
    read_spreadsheet,
    spreadsheet,
)

pytestmark = pytest.mark.usefixtures("media_root", "demo_data")


def new_row(**cells):
    row = {
        "meeting": "12th-summit-2025-gabala",
        "order": "9",
        "kind": "instruction",
        "text": "The heads of state asked the Secretariat to report on the OTS+ format.",
        "addressed_councils": "Secretariat",
        "addressed_states": "AZ, Kazakhstan",
        "addressed_organizations": "",
        "topics": "",
        "deadline": "2026",
        "publication": "draft",
        "sources": "https://example.org/gabala",
        "text_tr": "",
        "text_ru": "",
    }
    return row | cells


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_every_demo_decision_exported_imports_back_unchanged(editor_client, file_format):
    rows = read_spreadsheet(export(editor_client, Decision, file_format), file_format)

    result = preview(editor_client, Decision, spreadsheet(rows, file_format)).context["result"]

    assert len(rows) == Decision.objects.count() == 51
    assert (result.totals["skip"], result.totals["new"], result.totals["update"]) == (51, 0, 0)


def test_the_export_follows_the_changelists_filters(editor_client):
    rows = read_spreadsheet(
        export(editor_client, Decision, "csv", "?status__exact=implemented"), "csv"
    )

    assert {row["meeting"] for row in rows} >= {"8th-summit-2021-istanbul"}
    assert len(rows) == Decision.objects.filter(status="implemented").count()


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_a_new_row_is_added_and_a_changed_one_updated_with_history(
    editor_client, editor, file_format
):
    sample = read_sample("decisions")
    sample[0]["text"] = "The OTS+ format was established by the heads of state."
    rows = [*sample, new_row()]

    response = preview(editor_client, Decision, spreadsheet(rows, file_format))
    result = response.context["result"]
    assert (result.totals["new"], result.totals["update"]) == (1, 1)
    assert confirm(editor_client, Decision, response).status_code == 302

    added = Decision.objects.get(meeting__slug="12th-summit-2025-gabala", order=9)
    assert added.deadline_display == "2026"
    assert sorted(added.addressed_states.values_list("iso2", flat=True)) == ["AZ", "KZ"]
    assert list(added.addressed_councils.values_list("slug", flat=True)) == ["secretariat"]
    assert added.history.get().history_user == editor
    changed = Decision.objects.get(meeting__slug="12th-summit-2025-gabala", order=1)
    assert changed.text == "The OTS+ format was established by the heads of state."
    assert changed.history.first().history_user == editor


def test_errors_are_shown_by_column_and_nothing_is_saved(editor_client):
    before = Decision.objects.count(), Decision.history.count()
    rows = [
        new_row(order="10", meeting="the-summit-of-nowhere"),
        new_row(order="11", kind="wish"),
        new_row(order="12", deadline="2020"),  # before its meeting
        new_row(order="13", addressed_states="Atlantis"),
        new_row(order="14", text=""),
        new_row(order="fifteen"),
        new_row(order="16", addressed_councils="Council of Nobody"),
    ]

    response = preview(editor_client, Decision, spreadsheet(rows, "csv"))

    assert "confirm_form" not in response.context
    errors = errors_by_line(response.context["result"])
    assert {line: sorted(columns) for line, columns in errors.items()} == {
        2: ["meeting"],
        3: ["kind"],
        4: ["deadline"],
        5: ["addressed_states"],
        6: ["text"],
        7: ["order"],
        8: ["addressed_councils"],
    }
    assert "“Atlantis”" in errors[5]["addressed_states"][0]
    assert (Decision.objects.count(), Decision.history.count()) == before


def test_two_rows_of_the_same_meeting_and_order_are_an_error(editor_client):
    rows = [new_row(), new_row(text="The same decision again.")]

    response = preview(editor_client, Decision, spreadsheet(rows, "csv"))

    errors = errors_by_line(response.context["result"])
    assert list(errors) == [3]
    assert "Line 2" in errors[3]["meeting"][0]
    assert not Decision.objects.filter(order=9).exists()


def test_viewers_may_export_decisions_but_not_import_them(viewer_client):
    assert viewer_client.get(admin_url(Decision, "import")).status_code == 403
    assert len(read_spreadsheet(export(viewer_client, Decision, "csv"), "csv")) == 51
