"""CSV export of every API list (`?format=csv`), with the list's filters."""

import csv
import datetime
import io

import pytest

from otscoop.api import views as api_views

from . import factories
from .api_helpers import (
    RESOURCES,
    anonymous_client,
    detail_url,
    list_url,
    make_draft,
    make_rich,
    token_client,
)

pytestmark = pytest.mark.django_db


def export(resource, client=None, **params):
    response = (client or anonymous_client()).get(list_url(resource), {"format": "csv", **params})
    assert response.status_code == 200, response.content
    return response, list(csv.DictReader(io.StringIO(response.content.decode("utf-8"))))


@pytest.mark.parametrize("resource", RESOURCES)
def test_every_list_exports_as_a_csv_attachment(resource):
    record = make_rich(resource)

    response, rows = export(resource)

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="{resource}.csv"'
    assert str(record.pk) in {row["id"] for row in rows}
    assert {"id", "url", "page_url", "display"} <= set(rows[0])


def test_the_export_applies_the_filters():
    council = factories.CouncilFactory()
    kept = factories.MeetingFactory(council=council, start_date=datetime.date(2019, 10, 15))
    factories.MeetingFactory(council=council)
    factories.MeetingFactory(start_date=datetime.date(2019, 4, 1))

    _response, rows = export("meetings", council=council.slug, year=2019)

    assert [row["slug"] for row in rows] == [kept.slug]
    assert rows[0]["council"] == council.slug


def test_the_export_holds_every_row_not_one_page():
    factories.TopicFactory.create_batch(130)

    _response, rows = export("topics", page_size=10)

    assert len(rows) == 130


def test_the_export_follows_the_ordering():
    first = factories.TopicFactory(name="Aral Sea")
    second = factories.TopicFactory(name="Zangezur corridor")

    _response, rows = export("topics", ordering="-name")

    assert [row["slug"] for row in rows] == [second.slug, first.slug]


def test_nested_records_are_flattened_to_slugs():
    statement = make_rich("statements")
    meeting = make_rich("meetings")

    _response, statements = export("statements")
    _response, meetings = export("meetings", search=meeting.title)

    row = next(row for row in statements if row["slug"] == statement.slug)
    assert row["signatories"] == "; ".join(statement.signatories.values_list("slug", flat=True))
    assert row["topics"] == statement.topics.get().slug
    assert row["meeting"] == statement.meeting.slug
    assert row["sources"] == statement.sources.get().url
    assert meetings[0]["council"] == meeting.council.slug
    assert meetings[0]["host_state"] == meeting.host_state.slug


def test_the_meeting_export_has_the_columns_of_the_list():
    make_rich("meetings")

    _response, rows = export("meetings")

    assert {"council", "host_state", "dates_display"} <= set(rows[0])
    assert not {"delegations", "documents", "sources"} & set(rows[0])


def test_an_export_is_empty_but_has_its_header_without_rows():
    response = anonymous_client().get(list_url("councils"), {"format": "csv"})

    header = response.content.decode().splitlines()
    assert header[0].startswith("id,url,page_url,display,slug,name")
    assert len(header) == 1


def test_cells_that_look_like_formulas_are_defused():
    factories.TopicFactory(name="=HYPERLINK(1)")

    _response, rows = export("topics")

    assert rows[0]["name"] == "'=HYPERLINK(1)"


def test_drafts_are_exported_only_to_the_secretariat(editor):
    draft = make_draft("meetings")

    _response, public = export("meetings")
    _response, secretariat = export("meetings", client=token_client(editor))

    assert public == []
    assert [row["slug"] for row in secretariat] == [draft.slug]


def test_too_large_an_export_asks_for_narrower_filters(monkeypatch):
    monkeypatch.setattr(api_views, "CSV_MAX_ROWS", 3)
    factories.TopicFactory.create_batch(4)

    response = anonymous_client().get(list_url("topics"), {"format": "csv"})

    assert response.status_code == 400
    assert "format" in response.json()


def test_a_detail_is_not_offered_as_csv():
    topic = factories.TopicFactory()

    response = anonymous_client().get(detail_url("topics", topic.slug), {"format": "csv"})

    assert response.status_code == 404


def test_the_export_speaks_the_requested_language():
    factories.MeetingFactory(start_date=datetime.date(2024, 11, 5), end_date=None)

    _response, rows = export("meetings", lang="ru")

    assert rows[0]["dates_display"] == "5 ноября 2024"
