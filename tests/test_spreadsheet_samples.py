"""The sample files in docs/import-samples/: real rows of the demo data, each in CSV and XLSX
(bin/import_samples.py writes the XLSX from the CSV), importable as they are."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from decisions.models import Decision
from events.models import ElectionObservationMission, JointStatement, Meeting
from memberships.models import Candidacy

from .spreadsheets import SAMPLES, preview, read_sample, read_spreadsheet

MODELS = {
    "meetings": Meeting,
    "statements": JointStatement,
    "election-missions": ElectionObservationMission,
    "candidacies": Candidacy,
    "decisions": Decision,
}


def test_every_sample_has_a_csv_and_an_xlsx_file_holding_the_same_rows():
    assert sorted(path.name for path in SAMPLES.iterdir()) == sorted(
        f"{name}.{ending}" for name in MODELS for ending in ("csv", "xlsx")
    )
    for name in MODELS:
        from_xlsx = read_spreadsheet((SAMPLES / f"{name}.xlsx").read_bytes(), "xlsx")
        assert from_xlsx == read_sample(name)
        assert len(from_xlsx) >= 10


@pytest.mark.usefixtures("media_root", "demo_data")
@pytest.mark.parametrize("name", MODELS)
def test_each_sample_imports_without_errors_on_the_demo_data_from_csv_and_from_xlsx(
    editor_client, name
):
    for file_format in ("csv", "xlsx"):
        path = SAMPLES / f"{name}.{file_format}"

        response = preview(
            editor_client, MODELS[name], SimpleUploadedFile(path.name, path.read_bytes())
        )

        result = response.context["result"]
        assert not result.has_errors() and not result.has_validation_errors()
        assert len(result.valid_rows()) == len(read_sample(name))
        assert "confirm_form" in response.context
