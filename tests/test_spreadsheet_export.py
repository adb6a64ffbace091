"""Exporting from the admin to CSV and XLSX: the changelist's filters decide the rows, and an
exported file imports back unchanged. Who may import and export."""

import pytest

from events.models import Council, ElectionObservationMission, JointStatement, Meeting
from memberships.models import Candidacy

from .spreadsheets import admin_url, export, preview, read_spreadsheet, spreadsheet

pytestmark = pytest.mark.usefixtures("media_root", "demo_data")


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_an_export_holds_only_the_changelists_filtered_rows_and_imports_back_unchanged(
    editor_client, file_format
):
    council = Council.objects.get(slug="council-of-foreign-ministers")
    query = f"?council__id__exact={council.pk}&year=2022"
    expected = Meeting.objects.filter(council=council, start_date__year=2022)

    content = export(editor_client, Meeting, file_format, query)

    rows = read_spreadsheet(content, file_format)
    assert sorted(row["slug"] for row in rows) == sorted(expected.values_list("slug", flat=True))
    assert {row["council"] for row in rows} == {"council-of-foreign-ministers"}
    assert len(rows) >= 2
    upload = spreadsheet(rows, file_format)
    result = preview(editor_client, Meeting, upload).context["result"]
    assert (result.totals["skip"], result.totals["new"], result.totals["update"]) == (
        len(rows),
        0,
        0,
    )


def test_a_search_of_the_changelist_limits_the_export_to_the_rows_it_lists(editor_client):
    listed = editor_client.get("/admin/events/meeting/?q=Gabala").context["cl"].queryset

    rows = read_spreadsheet(export(editor_client, Meeting, "csv", "?q=Gabala"), "csv")

    assert 0 < len(rows) < Meeting.objects.count()
    assert sorted(row["slug"] for row in rows) == sorted(listed.values_list("slug", flat=True))


@pytest.mark.parametrize(
    "model", [Meeting, JointStatement, ElectionObservationMission, Candidacy], ids=str
)
def test_every_demo_record_exported_imports_back_unchanged_with_its_dates_as_written(
    editor_client, model
):
    rows = read_spreadsheet(export(editor_client, model, "csv"), "csv")

    result = preview(editor_client, model, spreadsheet(rows, "csv")).context["result"]

    assert len(rows) == model.objects.count() >= 10
    assert (result.totals["skip"], result.totals["new"], result.totals["update"]) == (
        len(rows),
        0,
        0,
    )


def test_partial_dates_are_exported_as_they_are_known(editor_client):
    rows = {
        row["slug"]: row for row in read_spreadsheet(export(editor_client, Meeting, "xlsx"), "xlsx")
    }

    assert rows["junior-diplomats-programme-6-2019"]["start_date"] == "2019"
    assert rows["cfm-2025-10-gabala"]["start_date"] == "2025-10"
    assert rows["3rd-summit-2013-gabala"]["start_date"] == "2013-08-15"
    assert rows["3rd-summit-2013-gabala"]["end_date"] == "2013-08-16"


def test_a_viewer_may_export_but_sees_no_import_and_is_refused_the_import_pages(viewer_client):
    changelist = viewer_client.get("/admin/events/meeting/")

    assert changelist.status_code == 200
    assert 'class="export_link"' in changelist.content.decode()
    assert 'class="import_link"' not in changelist.content.decode()
    assert viewer_client.get(admin_url(Meeting, "import")).status_code == 403
    assert viewer_client.post(admin_url(Meeting, "process_import"), {}).status_code == 403
    assert read_spreadsheet(export(viewer_client, Meeting, "csv"), "csv")


def test_an_editor_sees_both_buttons(editor_client):
    changelist = editor_client.get("/admin/events/jointstatement/").content.decode()

    assert 'class="import_link"' in changelist and 'class="export_link"' in changelist
