"""Importing candidacies with their supports from a spreadsheet in the admin: one row per
candidacy, its supporting states in one cell (the candidacies sample, demo facts)."""

import datetime

import pytest
from django.contrib.auth.models import Permission

from memberships.models import Candidacy, CandidacySupport
from otscoop.choices import DatePrecision

from .factories import UserFactory
from .spreadsheets import admin_url, confirm, errors_by_line, preview, read_sample, spreadsheet

pytestmark = pytest.mark.usefixtures("media_root", "demo_data")


def supporters(slug: str) -> list[str]:
    supports = CandidacySupport.objects.filter(candidacy__slug=slug)
    return sorted(supports.values_list("supporting_state__slug", flat=True))


def support_details(slug: str) -> set:
    supports = CandidacySupport.objects.filter(candidacy__slug=slug)
    return set(supports.values_list("declared_on", "declared_on_precision", "source_text"))


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_candidacies_import_with_a_support_for_each_state_named_and_re_import_unchanged(
    editor_client, file_format
):
    rows = read_sample("candidacies")
    Candidacy.objects.filter(slug__in=[row["slug"] for row in rows]).delete()

    response = preview(editor_client, Candidacy, spreadsheet(rows, file_format))
    assert response.context["result"].totals["new"] == len(rows) >= 10
    confirm(editor_client, Candidacy, response)

    for row in rows:
        named = sorted(state.strip() for state in row["supporting_states"].split(","))
        assert supporters(row["slug"]) == named
    by_slug = {row["slug"]: row for row in rows}
    slug = "kazakhstan-un-security-council-2017-2018"
    assert by_slug[slug]["supports_declared_on"] == "about 2015-09-11"
    assert support_details(slug) == {
        (datetime.date(2015, 9, 11), DatePrecision.APPROXIMATE, by_slug[slug]["supports_source"])
    }
    assert support_details("turkiye-ecosoc-2026-2028") == {
        (
            datetime.date(2025, 5, 21),
            DatePrecision.DAY,
            "Budapest Declaration of the Informal Summit",
        )
    }
    again = preview(editor_client, Candidacy, spreadsheet(rows, file_format))
    assert again.context["result"].totals["skip"] == len(rows)


def test_a_state_left_out_loses_its_support_a_state_added_gets_one_and_history_says_who(
    editor_client, editor
):
    rows = read_sample("candidacies")
    confirm(editor_client, Candidacy, preview(editor_client, Candidacy, spreadsheet(rows, "csv")))
    row = next(row for row in rows if row["slug"] == "turkiye-cop31-2026")
    assert supporters(row["slug"]) == ["azerbaijan"]
    row["supporting_states"] = "Kazakhstan, UZ"  # by name and by ISO code
    row["supports_declared_on"] = "2025-10"

    response = preview(editor_client, Candidacy, spreadsheet(rows, "csv"))

    assert response.context["result"].totals["update"] == 1
    confirm(editor_client, Candidacy, response)
    assert supporters(row["slug"]) == ["kazakhstan", "uzbekistan"]
    assert support_details(row["slug"]) == {
        (datetime.date(2025, 10, 1), DatePrecision.MONTH, row["supports_source"])
    }
    history = CandidacySupport.history.filter(candidacy__slug=row["slug"]).order_by("-history_id")
    assert {(record.supporting_state.slug, record.history_type) for record in history[:3]} == {
        ("azerbaijan", "-"),
        ("kazakhstan", "+"),
        ("uzbekistan", "+"),
    }
    assert {record.history_user for record in history[:3]} == {editor}


def test_supporting_states_naming_the_candidate_or_no_state_are_errors_of_that_column(
    editor_client,
):
    rows = read_sample("candidacies")
    rows[0]["supporting_states"] += ", Kazakhstan"  # the candidate itself
    rows[1]["supporting_states"] = "azerbaijan, Atlantis"
    rows[2]["supports_declared_on"] = "May 2025"
    rows[3]["supports_source_url"] = "not a web address"
    rows[4]["organization"] = "UNICEF"
    before = CandidacySupport.objects.count(), CandidacySupport.history.count()

    response = preview(editor_client, Candidacy, spreadsheet(rows, "xlsx"))

    errors = errors_by_line(response.context["result"])
    assert {line: sorted(columns) for line, columns in errors.items()} == {
        2: ["supporting_states"],
        3: ["supporting_states"],
        4: ["supports_declared_on"],
        5: ["supports_source_url"],
        6: ["organization"],
    }
    assert "Kazakhstan" in errors[2]["supporting_states"][0]
    assert "“Atlantis”" in errors[3]["supporting_states"][0]
    assert (CandidacySupport.objects.count(), CandidacySupport.history.count()) == before


def test_an_editor_without_the_support_permissions_may_not_import_candidacies(client):
    """Importing candidacies writes their supports: the user must be free to change those."""
    user = UserFactory(username="candidacy-editor")
    codenames = ["add_candidacy", "change_candidacy", "view_candidacy"]
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    client.force_login(user)

    assert client.get(admin_url(Candidacy, "import")).status_code == 403
    changelist = client.get("/admin/memberships/candidacy/").content.decode()
    assert 'class="import_link"' not in changelist
    assert 'class="export_link"' in changelist
