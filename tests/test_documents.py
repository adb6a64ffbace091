"""The documents library: `/documents/` with its filters and search, a page per document, and
`/api/v1/documents/`; a document is public when its meeting or statement is
(events/documents_page.py)."""

import csv
import datetime
import io

import pytest

from events.choices import DocumentKind
from otscoop.choices import DatePrecision, Publication

from .factories import (
    CandidacyFactory,
    CouncilFactory,
    DocumentFactory,
    JointStatementFactory,
    MeetingFactory,
    SourceFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def library():
    ministers = CouncilFactory(slug="ministers")
    summit = MeetingFactory(
        slug="bishkek-summit", start_date=datetime.date(2024, 11, 6), title="Bishkek Summit"
    )
    statement = JointStatementFactory(
        slug="afghanistan", council=ministers, issued_on=datetime.date(2021, 9, 27)
    )
    declaration = DocumentFactory(
        meeting=summit,
        title="Bishkek Declaration",
        symbol="OTS/S/11",
        kind=DocumentKind.DECLARATION,
    )
    declaration.sources.add(SourceFactory(url="https://www.turkicstates.org/bishkek"))
    declaration.endorsed_candidacies.add(CandidacyFactory(post="Non-permanent member"))
    communique = DocumentFactory(
        meeting=None,
        statement=statement,
        title="Communiqué on Afghanistan",
        kind=DocumentKind.COMMUNIQUE,
        url="https://example.org/communique",
        date=datetime.date(2021, 9, 1),
        date_precision=DatePrecision.MONTH,
    )
    hidden = DocumentFactory(
        meeting=MeetingFactory(slug="draft-meeting", publication=Publication.DRAFT),
        title="Draft minutes",
    )
    return {"declaration": declaration, "communique": communique, "hidden": hidden}


def test_a_document_is_dated_as_its_record_unless_it_has_a_date(library):
    assert library["declaration"].date == datetime.date(2024, 11, 6)
    assert library["communique"].date_display == "September 2021"


def test_the_library_lists_public_documents_with_filters_and_search(client, library):
    page = client.get("/en/documents/").content.decode()
    assert "Bishkek Declaration" in page and "Communiqué on Afghanistan" in page
    assert "Draft minutes" not in page
    assert 'href="/en/meetings/bishkek-summit/"' in page
    for query, shown, hidden in (
        ("kind=communique", "Communiqué", "Bishkek Declaration"),
        ("council=ministers", "Communiqué", "Bishkek Declaration"),
        ("year=2024", "Bishkek Declaration", "Communiqué"),
        ("meeting=bishkek-summit", "Bishkek Declaration", "Communiqué"),
        ("statement=afghanistan", "Communiqué", "Bishkek Declaration"),
        ("q=bishkek+declaration", "Bishkek Declaration", "Communiqué"),
        ("q=OTS/S/11", "Bishkek Declaration", "Communiqué"),
    ):
        page = client.get(f"/en/documents/?{query}").content.decode()
        results = page[page.index('id="results-heading"') :]
        assert shown in results and hidden not in results, query
    assert (
        'href="/api/v1/documents/?year=2024&amp;format=csv&amp;lang=en"'
        in client.get("/en/documents/?year=2024").content.decode()
    )


def test_the_site_search_finds_public_documents_by_title_and_symbol(client, library):
    for query in ("declaration bishkek", "OTS/S/11"):
        page = client.get("/en/search/", {"q": query}).content.decode()
        results = page[page.index('id="results-documents"') :]
        results = results[: results.index("</section>")]
        assert "Bishkek Declaration" in results, query
        assert f'href="/en/documents/{library["declaration"].pk}/"' in results
        assert 'href="/en/meetings/bishkek-summit/"' in results
    page = client.get("/en/search/", {"q": "minutes"}).content.decode()
    assert "Draft minutes" not in page
    # An edit of the document shows at once in the (cached) results.
    library["declaration"].title = "Bishkek Declaration of the Eleventh Summit"
    library["declaration"].save()
    page = client.get("/en/search/", {"q": "declaration bishkek"}).content.decode()
    assert "Bishkek Declaration of the Eleventh Summit" in page


def test_a_documents_page_shows_what_a_library_page_needs(client, library):
    declaration = library["declaration"]
    page = client.get(f"/tr/documents/{declaration.pk}/").content.decode()
    for text in ("OTS/S/11", 'href="/tr/meetings/bishkek-summit/"', "turkicstates.org", "Non-perm"):
        assert text in page, text
    assert '<html lang="tr">' in page
    communique = client.get(f"/en/documents/{library['communique'].pk}/").content.decode()
    assert 'href="https://example.org/communique"' in communique
    assert client.get(f"/en/documents/{library['hidden'].pk}/").status_code == 404


def test_the_api_lists_public_documents_and_their_csv(client, library):
    body = client.get("/api/v1/documents/", {"kind": "declaration"}).json()
    assert [item["title"] for item in body["results"]] == ["Bishkek Declaration"]
    item = body["results"][0]
    assert item["meeting"]["slug"] == "bishkek-summit" and item["statement"] is None
    assert item["page_url"] == f"http://testserver/en/documents/{library['declaration'].pk}/"
    assert item["date"] == "2024-11-06" and item["symbol"] == "OTS/S/11"
    communique = client.get("/api/v1/documents/", {"kind": "communique"}).json()["results"][0]
    # A statement nests as a brief, as the decisions' steps nest it (and a meeting here).
    assert communique["meeting"] is None
    assert communique["statement"]["slug"] == "afghanistan"
    assert communique["statement"]["url"].endswith("/api/v1/statements/afghanistan/")
    assert set(communique["statement"]) == {"id", "url", "slug", "title", "issued_on"}
    titles = {item["title"] for item in client.get("/api/v1/documents/").json()["results"]}
    assert "Draft minutes" not in titles
    assert client.get(f"/api/v1/documents/{library['hidden'].pk}/").status_code == 404
    rows = list(csv.DictReader(io.StringIO(client.get("/api/v1/documents/?format=csv").text)))
    assert {row["title"] for row in rows} == {"Bishkek Declaration", "Communiqué on Afghanistan"}
    assert client.post("/api/v1/documents/", {}).status_code in (401, 403, 405)


def test_a_meetings_documents_link_to_their_pages(client, library):
    page = client.get("/en/meetings/bishkek-summit/").content.decode()
    assert f'href="/en/documents/{library["declaration"].pk}/"' in page
    sitemap = client.get("/sitemap.xml").content.decode()
    assert f"/en/documents/{library['declaration'].pk}/" in sitemap
    assert f"/documents/{library['hidden'].pk}/" not in sitemap
