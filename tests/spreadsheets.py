"""Helpers of the spreadsheet tests: files as a person makes them (CSV, XLSX), and the admin's
import and export driven as a person drives them (the import form, then the confirm form)."""

import csv
import io
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook, load_workbook

SAMPLES = Path(settings.BASE_DIR) / "docs" / "import-samples"
FORMATS = {"csv": "0", "xlsx": "1"}  # the admin's format choices, in SpreadsheetAdmin.formats


def read_sample(name: str) -> list[dict]:
    with (SAMPLES / f"{name}.csv").open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def spreadsheet(rows: list[dict], file_format: str, name: str = "records") -> SimpleUploadedFile:
    """The rows as a CSV or XLSX file (the first row's keys are the header)."""
    headers = list(rows[0])
    if file_format == "csv":
        text = io.StringIO()
        writer = csv.DictWriter(text, fieldnames=headers, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        content = text.getvalue().encode("utf-8")
    else:
        workbook = Workbook()
        workbook.active.append(headers)
        for row in rows:
            workbook.active.append([row.get(header) for header in headers])
        buffer = io.BytesIO()
        workbook.save(buffer)
        content = buffer.getvalue()
    return SimpleUploadedFile(f"{name}.{file_format}", content)


def read_spreadsheet(content: bytes, file_format: str) -> list[dict]:
    """The rows of an exported file, every cell as text ("" when empty)."""
    if file_format == "csv":
        return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))
    sheet = load_workbook(io.BytesIO(content), read_only=True).active
    rows = list(sheet.iter_rows(values_only=True))
    return [
        {
            header: "" if value is None else str(value)
            for header, value in zip(rows[0], row, strict=True)
        }
        for row in rows[1:]
    ]


def admin_url(model, action: str) -> str:
    return f"/admin/{model._meta.app_label}/{model._meta.model_name}/{action}/"


def preview(client, model, upload):
    """Uploads a file on the import page (its format chosen by its name's ending): the response
    shows the preview, or the errors."""
    file_format = upload.name.rsplit(".", 1)[-1]
    return client.post(
        admin_url(model, "import"),
        {"resource": "0", "format": FORMATS[file_format], "import_file": upload},
    )


def confirm(client, model, preview_response):
    """Confirms the import the preview offers (its hidden form, as the browser posts it)."""
    form = preview_response.context["confirm_form"]
    return client.post(admin_url(model, "process_import"), form.initial)


def errors_by_line(result) -> dict:
    """{line in the file (the header is line 1): {column: [messages]}} of a preview."""
    return {row.number + 1: row.field_specific_errors for row in result.invalid_rows}


def export(client, model, file_format: str, query: str = "") -> bytes:
    """Exports the changelist (with `query`, its filters) with every column selected."""
    page = client.get(admin_url(model, "export") + query)
    columns = {
        name: "on"
        for name, field in page.context["form"].fields.items()
        if getattr(field, "is_selectable_field", False)
    }
    data = {"resource": "0", "format": FORMATS[file_format], **columns}
    response = client.post(admin_url(model, "export") + query, data)
    assert response.status_code == 200, response.content[:500]
    return response.content
