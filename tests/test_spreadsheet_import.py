"""Importing meetings from a spreadsheet in the admin, as an editor does it: the import form,
the preview, then the confirm form. Files are real: the meetings sample (demo facts), in CSV
and XLSX, changed as each test needs."""

import datetime
import os
import time
from pathlib import Path

import pytest
from django.contrib.admin.models import LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile

from events.models import Council, Meeting
from otscoop.choices import DatePrecision

from .spreadsheets import confirm, errors_by_line, preview, read_sample, spreadsheet

pytestmark = pytest.mark.usefixtures("media_root", "demo_data")


def history_count():
    return Meeting.history.count()


def import_sample(client, file_format="csv"):
    """The meetings sample, imported and confirmed: the database then holds it as it is."""
    rows = read_sample("meetings")
    response = confirm(client, Meeting, preview(client, Meeting, spreadsheet(rows, file_format)))
    assert response.status_code == 302
    return rows


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_a_file_with_errors_in_several_columns_saves_nothing_and_shows_every_error_by_column(
    editor_client, file_format
):
    rows = import_sample(editor_client)
    before = (Meeting.objects.count(), history_count())
    rows[0]["start_date"] = "2025-13-07"
    rows[1]["council"] = "Council of Nobody"
    rows[2]["host_state"] = "Atlantis"
    rows[3]["kind"] = "picnic"
    rows[4]["title"] = ""
    rows[5]["end_date"] = "2022-06-01"  # before its start, 29 June 2022
    rows[6]["number"] = "twelve"
    rows[7]["end_date"] = "2019-08"  # its start is an approximate day
    rows[8]["chairmanship_to"] = "Narnia"
    rows[8]["start_date"] = "in 2019"
    rows[9]["title"] = "A corrected title that must not be saved"

    response = preview(editor_client, Meeting, spreadsheet(rows, file_format))

    assert response.status_code == 200
    assert "confirm_form" not in response.context  # nothing to confirm
    errors = errors_by_line(response.context["result"])
    assert {line: sorted(columns) for line, columns in errors.items()} == {
        2: ["start_date"],
        3: ["council"],
        4: ["host_state"],
        5: ["kind"],
        6: ["title"],
        7: ["end_date"],
        8: ["number"],
        9: ["end_date"],
        10: ["chairmanship_to", "start_date"],
    }
    assert "“Council of Nobody”" in errors[3]["council"][0]
    assert "“Atlantis”" in errors[4]["host_state"][0]
    assert "council_meeting" in errors[5]["kind"][0]  # the choices are listed
    assert "“2025-13-07” is not a date" in errors[2]["start_date"][0]
    assert "start_date" in errors[9]["end_date"][0]
    assert "“twelve” is not a whole number." in errors[8]["number"]
    content = response.content.decode()
    assert "Atlantis" in content and "Errors by column" in content
    assert (Meeting.objects.count(), history_count()) == before
    assert not Meeting.objects.filter(title="A corrected title that must not be saved").exists()


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_the_preview_shows_new_changed_and_unchanged_rows_and_confirming_saves_them_with_history(
    editor_client, editor, file_format
):
    rows = import_sample(editor_client)
    rows[0]["title"] = "12th Summit of the OTS (Gabala, corrected)"
    rows[1]["summary"] = "Cleared the Gabala Declaration for signature."
    new_rows = [
        dict(rows[1], slug="cfm-2019-10-test", start_date="2019-10", number="", title="CFM 2019"),
        dict(rows[1], slug="cfm-2019-test", start_date="2019", number="", title="CFM of 2019"),
        dict(rows[1], slug="cfm-about-test", start_date="about 2019-10-15", title="CFM about"),
    ]
    upload = spreadsheet(rows + new_rows, file_format)
    history_before, log_before = history_count(), LogEntry.objects.filter(user=editor).count()

    response = preview(editor_client, Meeting, upload)

    result = response.context["result"]
    assert not result.has_errors() and not result.has_validation_errors()
    assert (result.totals["new"], result.totals["update"], result.totals["skip"]) == (3, 2, 10)
    assert "3 new, 2 changed and 10 unchanged rows" in response.content.decode()
    assert not Meeting.objects.filter(slug="cfm-2019-test").exists()  # a preview saves nothing
    assert history_count() == history_before

    response = confirm(editor_client, Meeting, response)

    assert response.status_code == 302
    assert Meeting.objects.get(slug=rows[0]["slug"]).title == rows[0]["title"]
    dates = {
        meeting.slug: (meeting.start_date, meeting.date_precision)
        for meeting in Meeting.objects.filter(slug__in=[row["slug"] for row in new_rows])
    }
    assert dates == {
        "cfm-2019-10-test": (datetime.date(2019, 10, 1), DatePrecision.MONTH),
        "cfm-2019-test": (datetime.date(2019, 1, 1), DatePrecision.YEAR),
        "cfm-about-test": (datetime.date(2019, 10, 15), DatePrecision.APPROXIMATE),
    }
    records = Meeting.history.filter(history_id__gt=0).order_by("-history_id")[:5]
    assert {(record.slug, record.history_type, record.history_user) for record in records} == {
        (rows[0]["slug"], "~", editor),
        (rows[1]["slug"], "~", editor),
        *((row["slug"], "+", editor) for row in new_rows),
    }
    assert history_count() == history_before + 5
    assert LogEntry.objects.filter(user=editor).count() == log_before + 5


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_re_importing_the_same_file_changes_nothing(editor_client, file_format):
    rows = read_sample("meetings")
    first = preview(editor_client, Meeting, spreadsheet(rows, file_format))
    confirm(editor_client, Meeting, first)
    history_before = history_count()
    changed_before = list(Meeting.objects.values_list("slug", "updated_at"))

    again = preview(editor_client, Meeting, spreadsheet(rows, file_format))

    assert again.context["result"].totals["skip"] == len(rows) >= 10
    assert again.context["result"].totals["new"] == again.context["result"].totals["update"] == 0
    assert confirm(editor_client, Meeting, again).status_code == 302
    assert history_count() == history_before
    assert list(Meeting.objects.values_list("slug", "updated_at")) == changed_before


def test_a_row_that_became_invalid_before_the_confirmation_rolls_the_whole_file_back(
    editor_client,
):
    rows = import_sample(editor_client)
    rows[0]["title"] = "A title saved only with the rest of the file"
    rows[1]["council"] = "senior-officials-committee"
    new_row = dict(rows[2], slug="council-of-elders-19-2026", number="19", title="19th Meeting")
    response = preview(editor_client, Meeting, spreadsheet([*rows, new_row], "csv"))
    assert "confirm_form" in response.context
    # Meanwhile someone renames the council the second row names.
    Council.objects.filter(slug="senior-officials-committee").update(
        slug="senior-officials", name="Senior Officials", name_en="Senior Officials"
    )

    response = confirm(editor_client, Meeting, response)

    assert response.status_code == 200
    assert "Nothing was imported" in response.content.decode()
    errors = errors_by_line(response.context["result"])
    assert {line: list(columns) for line, columns in errors.items()} == {
        3: ["council"],
        9: ["council"],  # the Senior Officials meeting
    }
    assert not Meeting.objects.filter(title=rows[0]["title"]).exists()
    assert not Meeting.objects.filter(slug=new_row["slug"]).exists()


def test_an_unknown_column_stops_the_import_and_is_named(editor_client):
    rows = [dict(row, hoststate=row["host_state"]) for row in read_sample("meetings")]

    response = preview(editor_client, Meeting, spreadsheet(rows, "csv"))

    assert "confirm_form" not in response.context
    assert [str(error.error) for error in response.context["result"].base_errors] == [
        "Unknown columns: hoststate. The columns are: "
        + ", ".join(field for field in response.context["fields_list"][0][1])
        + "."
    ]


def test_an_empty_slug_is_made_from_the_title_and_finds_the_record_again(editor_client):
    rows = [dict(row, slug="") for row in read_sample("meetings")[:1]]
    rows[0]["title"] = "Kırgızistan Toplantısı"
    rows[0]["number"] = ""

    confirm(editor_client, Meeting, preview(editor_client, Meeting, spreadsheet(rows, "csv")))
    again = preview(editor_client, Meeting, spreadsheet(rows, "csv"))

    assert Meeting.objects.filter(slug="kirgizistan-toplantisi").count() == 1
    assert again.context["result"].totals["skip"] == 1


def test_an_upload_waits_in_the_file_storage_until_confirmed_and_a_day_old_one_is_removed(
    editor_client, media_root
):
    folder = Path(media_root) / "spreadsheet-imports"
    rows = read_sample("meetings")
    preview(editor_client, Meeting, spreadsheet(rows, "csv"))  # never confirmed
    (abandoned,) = folder.iterdir()
    two_days_ago = time.time() - 2 * 86400
    os.utime(abandoned, (two_days_ago, two_days_ago))

    response = preview(editor_client, Meeting, spreadsheet(rows, "xlsx"))

    waiting = response.context["confirm_form"].initial["import_file_name"]
    assert [path.name for path in folder.iterdir()] == [waiting]
    confirm(editor_client, Meeting, response)
    assert list(folder.iterdir()) == []


def test_two_rows_of_the_same_record_are_an_error_of_the_second_rows_slug(editor_client):
    rows = read_sample("meetings")
    rows.append(dict(rows[0], title="The same summit, written twice"))

    response = preview(editor_client, Meeting, spreadsheet(rows, "xlsx"))

    errors = errors_by_line(response.context["result"])
    assert list(errors) == [len(rows) + 1]
    assert errors[len(rows) + 1]["slug"] == [
        f"Line 2 is this record already (slug “{rows[0]['slug']}”)."
    ]


@pytest.mark.parametrize(
    ("content", "file_format"), [(b"PK\x03\x04broken", "xlsx"), (b"\xff\xfe\x00", "csv")]
)
def test_a_file_that_is_not_of_its_format_is_refused_on_the_form(
    editor_client, content, file_format
):
    upload = SimpleUploadedFile(f"meetings.{file_format}", content)

    response = preview(editor_client, Meeting, upload)

    assert response.status_code == 200
    assert response.context["form"].errors["import_file"]
    assert "confirm_form" not in response.context
