"""The public pages: every page in every language shows its data; rows and record pages link
and name what they show; drafts and internal support never show; dates keep their precision;
filters, pagination and bad parameters; the language switcher. (Their query counts are in
tests/test_query_budgets.py.)"""

import datetime
import re
from types import SimpleNamespace

import pytest
from django.template import Context, Template
from django.urls import set_script_prefix
from django.utils import translation

from events.choices import MeetingKind
from events.models import Council
from events.state_page import STATE_SECTION_ROWS
from events.views import HOME_SUMMITS, SummitListView
from memberships.choices import CandidacyOutcome, MembershipRole, SupportVisibility
from otscoop.choices import DatePrecision, Publication
from otscoop.pages import SECTION_ROWS

from .factories import (
    CandidacyFactory,
    CandidacySupportFactory,
    CouncilFactory,
    DelegationFactory,
    DocumentFactory,
    ElectionObservationMissionFactory,
    JointStatementFactory,
    MeetingFactory,
    MembershipFactory,
    ObserverStatusFactory,
    ObserverStatusStepFactory,
    OrganizationFactory,
    SecretaryGeneralFactory,
    SourceFactory,
    StateFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db

LANGUAGES = ["tr", "en", "ru"]
DRAFT = Publication.DRAFT


def html(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def results(page: str) -> str:
    """The part of a list page after the filter form: the results and the pagination."""
    return page.split('id="results-heading"', 1)[1]


def alert(page: str) -> str:
    """The text of the filter error box ("" when there is none)."""
    match = re.search(r'<div class="alert" role="alert">(.*?)</div>', page, re.S)
    return re.sub(r"<[^>]+>", "", match.group(1)) if match else ""


def matrix_row(page: str, slug: str) -> str:
    match = re.search(rf'<tr id="candidacy-{slug}">(.*?)</tr>', page, re.S)
    assert match, f"no matrix row for {slug}"
    return match.group(1)


def matrix_cell(row: str, state_name: str) -> str:
    """The matrix cell of a row that names the state (supported or not)."""
    cells = re.findall(r"<td[^>]*>.*?</td>", row, re.S)
    return next((cell for cell in cells if state_name in cell), "")


@pytest.fixture
def world(db):
    """A small but complete set of published records, with distinctive names to look for."""
    w = SimpleNamespace()
    w.source = SourceFactory(
        url="https://www.turkicstates.org/en/almaty-declaration", title="Almaty summit page"
    )
    w.kazakhstan = StateFactory(name="Kazakhstan", slug="kazakhstan", capital="Astana")
    w.kyrgyzstan = StateFactory(name="Kyrgyzstan", slug="kyrgyzstan")
    w.hungary = StateFactory(name="Hungary", slug="hungary")
    MembershipFactory(state=w.kazakhstan)
    MembershipFactory(state=w.kyrgyzstan)
    MembershipFactory(
        state=w.hungary, role=MembershipRole.OBSERVER, start_date=datetime.date(2018, 9, 3)
    )
    w.heads = CouncilFactory(name="Council of Heads of State", slug="heads-of-state")
    w.ministers = CouncilFactory(name="Council of Foreign Ministers", slug="foreign-ministers")

    w.summit = MeetingFactory(
        kind=MeetingKind.SUMMIT,
        council=w.heads,
        number=1,
        title="First Summit in Almaty",
        slug="first-summit",
        start_date=datetime.date(2011, 10, 1),
        end_date=None,
        date_precision=DatePrecision.MONTH,
        city="Almaty",
        host_state=w.kazakhstan,
        theme="Economic cooperation",
        summary="The heads of state met.\n\nThey founded the Secretariat.",
    )
    w.summit.sources.add(w.source)
    DocumentFactory(
        meeting=w.summit, title="Almaty Declaration", url="https://example.org/almaty.pdf"
    )
    DelegationFactory(
        meeting=w.summit, state=w.kyrgyzstan, head_of_delegation="President Atambayev"
    )
    SecretaryGeneralFactory(
        name="Secretary General Omuraliev", nationality=w.kyrgyzstan, appointed_at=w.summit
    ).sources.add(w.source)
    w.meeting = MeetingFactory(
        council=w.ministers,
        title="Ministers meet in Bishkek",
        slug="ministers-bishkek",
        host_state=w.kyrgyzstan,
        start_date=datetime.date(2024, 11, 5),
        end_date=datetime.date(2024, 11, 6),
    )

    w.topic = TopicFactory(name="Afghanistan", slug="afghanistan")
    w.organization = OrganizationFactory(
        name="United Nations Security Council", acronym="UNSC", slug="unsc"
    )
    w.candidacy = CandidacyFactory(
        state=w.kazakhstan,
        organization=w.organization,
        post="Non-permanent member of the Security Council",
        slug="kazakhstan-unsc",
        term_start=2017,
        term_end=2018,
        outcome=CandidacyOutcome.ELECTED,
    )
    w.candidacy.sources.add(w.source)
    w.support = CandidacySupportFactory(
        candidacy=w.candidacy,
        supporting_state=w.kyrgyzstan,
        declared_on=datetime.date(2016, 6, 1),
        declared_on_precision=DatePrecision.MONTH,
        source_text="Cholpon-Ata Declaration",
        source_url="https://www.turkicstates.org/cholpon-ata",
    )

    w.statement = JointStatementFactory(
        title="Joint statement on Afghanistan",
        slug="afghanistan-statement",
        council=w.ministers,
        meeting=w.meeting,
        issued_on=datetime.date(2024, 11, 5),
        issuer="The Council of Foreign Ministers",
        text="The first paragraph.\n\nThe second paragraph.",
    )
    w.statement.signatories.add(w.kazakhstan, w.kyrgyzstan)
    w.statement.topics.add(w.topic)
    w.statement.endorsed_candidacies.add(w.candidacy)
    w.statement.sources.add(w.source)

    w.mission = ElectionObservationMissionFactory(
        observed_state=w.kyrgyzstan,
        title="Presidential election in Kyrgyzstan",
        slug="kyrgyzstan-2021",
        election_date=datetime.date(2021, 1, 10),
        head_of_mission="Ambassador Amanov",
        findings="The vote was calm.",
    )
    w.mission.participating_states.add(w.kazakhstan)
    w.mission.sources.add(w.source)
    # Titles typed in every language (a typed title wins over a composed one; composed titles:
    # tests/test_titles.py), so each page shows the same titles in tr, en and ru.
    for record in (w.summit, w.meeting, w.mission):
        record.title_tr = record.title_ru = record.title_en
        record.save()

    w.unga = OrganizationFactory(
        name="United Nations General Assembly", acronym="UNGA", slug="unga"
    )
    w.observer_status = ObserverStatusFactory(organization=w.unga, reference="A/66/141")
    step = ObserverStatusStepFactory(
        observer_status=w.observer_status,
        date=datetime.date(2011, 7, 1),
        date_precision=DatePrecision.MONTH,
        decision_reference="Request letter of July 2011",
    )
    step.sources.add(SourceFactory(url="https://undocs.org/A/66/141", title=""))
    return w


PAGES = [
    ("", ["First Summit in Almaty", "Joint statement on Afghanistan", "Kazakhstan", "Hungary"]),
    ("meetings/", ["First Summit in Almaty", "Ministers meet in Bishkek", "Almaty"]),
    (
        "meetings/first-summit/",
        [
            "First Summit in Almaty",
            "Economic cooperation",
            "They founded the Secretariat.",
            "Almaty Declaration",
            "President Atambayev",
            "Secretary General Omuraliev",
            "Almaty summit page",
            "Council of Heads of State",
        ],
    ),
    ("summits/", ["First Summit in Almaty", "Economic cooperation", "Almaty Declaration"]),
    ("councils/", ["Council of Heads of State", "Council of Foreign Ministers"]),
    (
        "councils/foreign-ministers/",
        ["Ministers meet in Bishkek", "Joint statement on Afghanistan"],
    ),
    ("statements/", ["Joint statement on Afghanistan", "Afghanistan"]),
    (
        "statements/afghanistan-statement/",
        [
            "<p>The second paragraph.</p>",
            "The Council of Foreign Ministers",
            "Ministers meet in Bishkek",
            "Kazakhstan",
            "Kyrgyzstan",
            "Afghanistan",
            "Non-permanent member of the Security Council",
            "Almaty summit page",
        ],
    ),
    ("election-missions/", ["Presidential election in Kyrgyzstan", "Ambassador Amanov"]),
    (
        "election-missions/kyrgyzstan-2021/",
        ["Presidential election in Kyrgyzstan", "The vote was calm.", "Kazakhstan"],
    ),
    ("states/", ["Kazakhstan", "Kyrgyzstan", "Hungary"]),
    (
        "states/kazakhstan/",
        [
            "Astana",
            "First Summit in Almaty",
            "Joint statement on Afghanistan",
            "Non-permanent member of the Security Council",
            "Kyrgyzstan",
        ],
    ),
    (
        "states/kyrgyzstan/",
        [
            "President Atambayev",
            "Presidential election in Kyrgyzstan",
            "Secretary General Omuraliev",
        ],
    ),
    (
        "secretaries-general/",
        [
            "Secretary General Omuraliev",
            "Kyrgyzstan",
            "First Summit in Almaty",
            "Almaty summit page",
        ],
    ),
    (
        "candidacies/",
        ["Non-permanent member of the Security Council", "UNSC", "Almaty summit page"],
    ),
    ("observer-status/", ["United Nations General Assembly", "A/66/141", "undocs.org"]),
]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("path", "expected"), PAGES, ids=[path or "home" for path, _ in PAGES])
def test_every_page_answers_in_each_language_and_shows_its_data(
    client, world, language, path, expected
):
    page = html(client.get(f"/{language}/{path}"))
    assert f'<html lang="{language}">' in page
    assert page.count("<h1") == 1
    for text in expected:
        assert text in page, text
    assert "<time datetime=" in page
    assert 'class="last-updated"' in page


def test_detail_pages_cite_their_sources_as_links(client, world):
    for path in ("meetings/first-summit/", "statements/afghanistan-statement/"):
        page = html(client.get(f"/en/{path}"))
        assert (
            '<a href="https://www.turkicstates.org/en/almaty-declaration" rel="noopener">'
            "Almaty summit page</a>" in page
        )


def test_a_source_without_a_title_shows_its_site(client, world):
    page = html(client.get("/en/observer-status/"))
    assert '<a href="https://undocs.org/A/66/141" rel="noopener">undocs.org</a>' in page


def test_a_source_without_a_title_shows_its_publisher_and_site(client, world):
    # The publisher comes from the table of known sites when none is given.
    w = world
    w.summit.sources.add(SourceFactory(url="https://en.trend.az/azerbaijan/1.html", title=""))
    page = html(client.get("/en/meetings/first-summit/"))
    assert (
        '<a href="https://en.trend.az/azerbaijan/1.html" rel="noopener">Trend News Agency</a> '
        '<span class="source-list__site">(en.trend.az)</span>'
    ) in page
    # A titled source names its publisher and site after the title.
    assert (
        "Almaty summit page</a> "
        '<span class="source-list__site">(Organization of Turkic States, turkicstates.org)</span>'
    ) in page


# Rows and record pages ------------------------------------------------------------------------


def test_records_link_to_their_pages_in_the_active_language():
    meeting = MeetingFactory(slug="first-summit")
    state = StateFactory(slug="azerbaijan")
    with translation.override("tr"):
        assert meeting.get_absolute_url() == "/tr/meetings/first-summit/"
        assert state.get_absolute_url() == "/tr/states/azerbaijan/"
    try:
        set_script_prefix("/otscoop/")
        with translation.override("en"):
            assert meeting.get_absolute_url() == "/otscoop/en/meetings/first-summit/"
    finally:
        set_script_prefix("/")


def test_a_state_shows_its_flag_and_name_linked_to_its_page():
    state = StateFactory(name="Kazakhstan", slug="kazakhstan", iso2="KZ")
    template = Template("{% load otscoop %}{% state_link s %}|{% state_link s link=False %}")
    with translation.override("en"):
        linked, plain = template.render(Context({"s": state})).split("|")
    # The flag is decorative (alt=""): the state's name stands beside it.
    image = (
        '<img class="flag" src="/static/vendor/flag-icons/4x3/kz.svg" alt="" width="20" '
        'height="15" loading="lazy">'
    )
    assert linked == f'<a class="state" href="/en/states/kazakhstan/">{image} Kazakhstan</a>'
    assert plain == f'<span class="state">{image} Kazakhstan</span>'
    # The TRNC, which flag-icons lacks, has a flag of our own; a state with neither has none.
    trnc = StateFactory(name="TRNC", slug="trnc", iso2=None)
    assert "/static/flags/trnc.svg" in template.render(Context({"s": trnc}))
    other = StateFactory(name="Nowhere", slug="nowhere", iso2=None)
    assert "<img" not in template.render(Context({"s": other}))
    state.name = "<script>"
    assert "&lt;script&gt;" in template.render(Context({"s": state}))
    assert template.render(Context({"s": None})) == "|"


def test_rows_without_a_council_or_host_state_show_neither(client):
    MeetingFactory(title="Informal meeting", council=None, host_state=None, city="")
    row = results(html(client.get("/en/meetings/")))
    assert "Informal meeting" in row
    assert 'class="state"' not in row


def test_a_renamed_council_shows_on_the_next_page(client):
    council = CouncilFactory(name="Council of Foreign Ministers")
    MeetingFactory(council=council, title="Ministerial meeting")
    assert "Council of Foreign Ministers" in html(client.get("/en/meetings/"))
    council.name = "Council of Heads of State"
    council.save()
    page = html(client.get("/en/meetings/"))
    assert "Council of Heads of State" in page
    assert "Council of Foreign Ministers" not in page


def test_home_page_shows_the_latest_summits_even_without_a_place(client):
    first = datetime.date(2000, 1, 1)
    for number in range(1, HOME_SUMMITS + 4):
        MeetingFactory(
            kind=MeetingKind.SUMMIT,
            number=number,
            start_date=first.replace(year=2000 + number),
            city="",
            host_state=None,
        )
    response = client.get("/en/")
    assert response.status_code == 200
    summits = response.context["summits"]
    assert [s.number for s in summits] == list(range(4, HOME_SUMMITS + 4))  # oldest first


def test_state_page_shows_the_latest_records_and_links_to_the_rest(client):
    state = StateFactory(slug="turkiye", name="Türkiye")
    for day in range(STATE_SECTION_ROWS + 3):
        MeetingFactory(
            host_state=state, start_date=datetime.date(2020, 1, 1) + datetime.timedelta(days=day)
        )
    response = client.get(state.get_absolute_url())
    hosted = response.context["hosted_meetings"]
    assert len(hosted) == STATE_SECTION_ROWS
    assert hosted[0].start_date == datetime.date(2020, 1, 1) + datetime.timedelta(
        days=STATE_SECTION_ROWS + 2
    )
    page = html(response)
    assert 'href="/en/meetings/?host_state=turkiye"' in page
    # Fewer statements than a section shows: no link to the whole list (the feed of the
    # statements it signed is offered all the same).
    assert 'href="/en/statements/?signatory=turkiye"' not in page


def test_council_page_shows_the_latest_meetings_and_links_to_the_rest(client):
    council = CouncilFactory(slug="cfm")
    for _ in range(SECTION_ROWS + 1):
        MeetingFactory(council=council)
    response = client.get(council.get_absolute_url())
    assert len(response.context["meetings"]) == SECTION_ROWS
    assert 'href="/en/meetings/?council=cfm"' in html(response)
    assert "?council=cfm" not in html(response).split("statements-heading")[1]


def test_council_page_shows_the_latest_statements_and_links_to_the_rest(client):
    council = CouncilFactory(slug="cfm")
    JointStatementFactory.create_batch(SECTION_ROWS + 1, council=council)
    response = client.get(council.get_absolute_url())
    assert len(response.context["statements"]) == SECTION_ROWS
    assert 'href="/en/statements/?council=cfm"' in html(response)


# Drafts ---------------------------------------------------------------------------------


@pytest.fixture
def drafts(world):
    w = world
    meeting = MeetingFactory(
        kind=MeetingKind.SUMMIT,
        council=w.heads,
        number=2,
        title="DRAFT summit in Turkestan",
        slug="draft-summit",
        host_state=w.kazakhstan,
        start_date=datetime.date(2030, 1, 1),
        end_date=None,
        publication=DRAFT,
    )
    DelegationFactory(meeting=meeting, state=w.kazakhstan)
    # A document of the draft meeting endorsing a public candidacy, and a Secretary General
    # appointed there: neither the document nor the meeting shows.
    DocumentFactory(meeting=meeting, title="DRAFT declaration").endorsed_candidacies.add(
        w.candidacy
    )
    SecretaryGeneralFactory(name="Secretary General Amreyev", appointed_at=meeting)
    statement = JointStatementFactory(
        title="DRAFT statement on trade",
        slug="draft-statement",
        council=w.ministers,
        meeting=w.summit,
        issued_on=datetime.date(2011, 10, 1),
        publication=DRAFT,
    )
    statement.signatories.add(w.kazakhstan)
    statement.topics.add(w.topic)
    ElectionObservationMissionFactory(
        observed_state=w.kazakhstan,
        title="DRAFT mission to Kazakhstan",
        slug="draft-mission",
        publication=DRAFT,
    )
    candidacy = CandidacyFactory(
        state=w.kazakhstan,
        organization=w.organization,
        post="DRAFT candidacy for the Court",
        slug="draft-candidacy",
        publication=DRAFT,
    )
    CandidacySupportFactory(candidacy=candidacy, supporting_state=w.kyrgyzstan)
    # A public declaration endorsing the draft candidacy does not name it.
    w.summit.documents.get(title="Almaty Declaration").endorsed_candidacies.add(candidacy)
    ObserverStatusFactory(
        # The organization itself is public (filters list it); its observer status is a draft.
        organization=OrganizationFactory(name="Organization of Islamic Cooperation"),
        publication=DRAFT,
    )
    return w


DRAFT_LISTS = [
    "",
    "meetings/",
    "meetings/?kind=summit",
    "meetings/first-summit/",
    "summits/",
    "councils/heads-of-state/",
    "councils/foreign-ministers/",
    "statements/",
    "statements/?topic=afghanistan",
    "election-missions/",
    "states/kazakhstan/",
    "states/kyrgyzstan/",
    "candidacies/",
    "candidacies/?state=kazakhstan",
    "observer-status/",
    "secretaries-general/",
]


@pytest.mark.parametrize("path", DRAFT_LISTS)
def test_drafts_are_absent_from_every_list(client, drafts, path):
    page = html(client.get(f"/en/{path}"))
    assert "DRAFT" not in page
    assert "draft-" not in page
    if path == "observer-status/":
        assert "Islamic Cooperation" not in page
    if path == "secretaries-general/":
        assert "Secretary General Amreyev" in page
        assert "Appointed at" not in page.split("Secretary General Amreyev")[1].split("</li>")[0]


@pytest.mark.parametrize(
    "path",
    [
        "meetings/draft-summit/",
        "statements/draft-statement/",
        "election-missions/draft-mission/",
    ],
)
def test_draft_detail_pages_are_not_found(client, drafts, path):
    for language in LANGUAGES:
        assert client.get(f"/{language}/{path}").status_code == 404


# The support matrix -----------------------------------------------------------------------


def test_matrix_is_a_table_with_a_caption_and_headers(client, world):
    page = html(client.get("/en/candidacies/"))
    assert "<table" in page
    assert "<caption" in page
    assert page.count('<th scope="col" class="matrix__state">') == 3
    assert '<th scope="row"' in page
    assert 'class="table-scroll matrix-wrapper"' in page


def test_matrix_cell_links_the_support_to_its_source(client, world):
    page = html(client.get("/en/candidacies/"))
    row = matrix_row(page, "kazakhstan-unsc")
    cell = matrix_cell(row, "Kyrgyzstan")
    assert (
        '<a href="https://www.turkicstates.org/cholpon-ata" rel="noopener" '
        'title="Cholpon-Ata Declaration">' in cell
    )
    assert "✓" in cell
    assert "Supported by Kyrgyzstan, declared on June 2016" in cell


def test_matrix_marks_the_candidate_and_the_states_without_support(client, world):
    row = matrix_row(html(client.get("/en/candidacies/")), "kazakhstan-unsc")
    assert 'matrix__cell--candidate">candidate</td>' in row
    assert row.count("no recorded support") == 1  # Hungary
    assert "Elected" in row
    assert "2017–2018" in row


def test_internal_support_never_shows_in_the_matrix_nor_on_state_pages(client, world):
    CandidacySupportFactory(
        candidacy=world.candidacy,
        supporting_state=world.hungary,
        visibility=SupportVisibility.INTERNAL,
        source_text="Internal note of the Secretariat",
        source_url="https://internal.example.org/secret",
    )
    matrix = html(client.get("/en/candidacies/"))
    row = matrix_row(matrix, "kazakhstan-unsc")
    assert "Supported by Hungary" not in row
    assert row.count("no recorded support") == 1
    filtered = html(client.get("/en/candidacies/?supporting_state=hungary"))
    assert 'id="candidacy-kazakhstan-unsc"' not in filtered
    for page in (
        matrix,
        filtered,
        html(client.get("/en/states/kazakhstan/")),
        html(client.get("/en/states/hungary/")),
    ):
        assert "internal.example.org" not in page
        assert "Internal note" not in page
    assert "Hungary" not in html(client.get("/en/states/kazakhstan/"))
    assert "No public support given is recorded." in html(client.get("/en/states/hungary/"))


def test_state_page_lists_public_support_received_and_given(client, world):
    kazakhstan = html(client.get("/en/states/kazakhstan/"))
    assert "Kyrgyzstan" in kazakhstan
    kyrgyzstan = html(client.get("/en/states/kyrgyzstan/"))
    assert "https://www.turkicstates.org/cholpon-ata" in kyrgyzstan
    assert "Non-permanent member of the Security Council" in kyrgyzstan


# Dates known in part ------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["meetings/", "meetings/first-summit/", "summits/"])
def test_a_month_precision_meeting_shows_the_month_and_no_day(client, world, path):
    page = html(client.get(f"/en/{path}"))
    assert '<time datetime="2011-10">October 2011</time>' in page
    assert "1 October 2011" not in page
    assert "2011-10-01" not in page


def test_a_month_precision_date_is_written_in_the_pages_language(client, world):
    assert "Ekim 2011" in html(client.get("/tr/meetings/first-summit/"))
    assert "1 Ekim 2011" not in html(client.get("/tr/meetings/first-summit/"))


# Filters ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        ("council=foreign-ministers", "Ministers meet in Bishkek", "First Summit in Almaty"),
        ("kind=summit", "First Summit in Almaty", "Ministers meet in Bishkek"),
        ("year=2011", "First Summit in Almaty", "Ministers meet in Bishkek"),
        ("host_state=kyrgyzstan", "Ministers meet in Bishkek", "First Summit in Almaty"),
        (
            "date_from=2024-01-01&date_to=2024-12-31",
            "Ministers meet in Bishkek",
            "First Summit in Almaty",
        ),
        ("date_to=2012-01-01", "First Summit in Almaty", "Ministers meet in Bishkek"),
    ],
)
def test_the_meeting_list_filters_by_council_kind_year_host_state_and_dates(
    client, world, query, shown, hidden
):
    page = results(html(client.get(f"/en/meetings/?{query}")))
    assert shown in page
    assert hidden not in page


@pytest.fixture
def second_statement(world):
    climate = TopicFactory(name="Climate", slug="climate")
    statement = JointStatementFactory(
        title="Statement on climate",
        slug="climate-statement",
        council=world.heads,
        issued_on=datetime.date(2022, 3, 1),
    )
    statement.signatories.add(world.hungary)
    statement.topics.add(climate)
    return statement


@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        ("council=foreign-ministers", "Joint statement on Afghanistan", "Statement on climate"),
        ("council=heads-of-state", "Statement on climate", "Joint statement on Afghanistan"),
        ("signatory=kazakhstan", "Joint statement on Afghanistan", "Statement on climate"),
        ("signatory=hungary", "Statement on climate", "Joint statement on Afghanistan"),
        ("topic=climate", "Statement on climate", "Joint statement on Afghanistan"),
        ("year=2024", "Joint statement on Afghanistan", "Statement on climate"),
        ("year=2022", "Statement on climate", "Joint statement on Afghanistan"),
    ],
)
def test_the_statement_list_filters_by_council_signatory_topic_and_year(
    client, world, second_statement, query, shown, hidden
):
    page = results(html(client.get(f"/en/statements/?{query}")))
    assert shown in page
    assert hidden not in page


@pytest.fixture
def second_candidacy(world):
    unesco = OrganizationFactory(name="UNESCO", acronym="UNESCO", slug="unesco")
    candidacy = CandidacyFactory(
        state=world.kyrgyzstan,
        organization=unesco,
        post="Member of the Executive Board",
        slug="kyrgyzstan-unesco",
        outcome=CandidacyOutcome.PENDING,
    )
    CandidacySupportFactory(candidacy=candidacy, supporting_state=world.hungary)
    return candidacy


@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        ("state=kazakhstan", "kazakhstan-unsc", "kyrgyzstan-unesco"),
        ("state=kyrgyzstan", "kyrgyzstan-unesco", "kazakhstan-unsc"),
        ("organization=unesco", "kyrgyzstan-unesco", "kazakhstan-unsc"),
        ("outcome=elected", "kazakhstan-unsc", "kyrgyzstan-unesco"),
        ("outcome=pending", "kyrgyzstan-unesco", "kazakhstan-unsc"),
        ("supporting_state=kyrgyzstan", "kazakhstan-unsc", "kyrgyzstan-unesco"),
        ("supporting_state=hungary", "kyrgyzstan-unesco", "kazakhstan-unsc"),
    ],
)
def test_the_candidacy_matrix_filters_by_state_organization_outcome_and_supporter(
    client, world, second_candidacy, query, shown, hidden
):
    page = html(client.get(f"/en/candidacies/?{query}"))
    assert f'id="candidacy-{shown}"' in page
    assert f'id="candidacy-{hidden}"' not in page


@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        ("observed_state=kyrgyzstan", "Presidential election in Kyrgyzstan", "in Kazakhstan"),
        ("observed_state=kazakhstan", "Early presidential election in Kazakhstan", "in Kyrgyz"),
        ("year=2021", "Presidential election in Kyrgyzstan", "in Kazakhstan"),
        ("year=2022", "Early presidential election in Kazakhstan", "in Kyrgyz"),
    ],
)
def test_the_mission_list_filters_by_observed_state_and_year(client, world, query, shown, hidden):
    ElectionObservationMissionFactory(
        observed_state=world.kazakhstan,
        title="Early presidential election in Kazakhstan",
        election_date=datetime.date(2022, 11, 20),
    )
    page = results(html(client.get(f"/en/election-missions/?{query}")))
    assert shown in page
    assert hidden not in page


def test_filter_form_labels_are_bound_to_their_inputs(client, world):
    page = html(client.get("/en/meetings/"))
    for name in ("council", "kind", "year", "host_state", "date_from", "date_to"):
        assert f'<label for="id_{name}">' in page
        assert f'id="id_{name}"' in page
    assert 'method="get"' in page
    assert 'type="submit"' in page
    assert "Clear filters" not in page
    assert "Clear filters" in html(client.get("/en/meetings/?kind=summit"))


def test_filter_form_keeps_choices_and_the_chosen_values(client):
    council = CouncilFactory(name="Council of Foreign Ministers", slug="cfm")
    page = html(client.get("/en/meetings/", {"council": "cfm", "kind": "summit", "year": "2020"}))
    assert f'<option value="{council.slug}" selected>{council.name}</option>' in page
    assert '<option value="summit" selected>Summit</option>' in page
    assert 'name="year" value="2020"' in page
    assert '<input type="date" name="date_from"' in page


def test_filter_options_are_named_and_ordered_in_the_pages_language(client):
    StateFactory(slug="hungary", name_en="Hungary", name_tr="Macaristan")
    StateFactory(slug="azerbaijan", name_en="Azerbaijan", name_tr="Azerbaycan")
    StateFactory(slug="kazakhstan", name_en="Kazakhstan", name_tr="Kazakistan")
    for language, names in (
        ("en", ["Azerbaijan", "Hungary", "Kazakhstan"]),
        ("tr", ["Azerbaycan", "Kazakistan", "Macaristan"]),
    ):
        form = html(client.get(f"/{language}/meetings/")).split('name="host_state"', 1)[1]
        options = re.findall(r'<option value="[a-z]+">([^<]+)</option>', form.split("</select>")[0])
        assert options == names, language


def test_a_filter_accepts_a_record_added_since_and_names_an_unknown_one(client):
    html(client.get("/en/meetings/"))
    Council.objects.bulk_create([Council(name="New council", slug="new", kind="council")])
    assert "Council:" not in alert(html(client.get("/en/meetings/?council=new")))
    message = alert(html(client.get("/en/meetings/?council=no-such-council")))
    assert "Council: Select a valid choice." in message


# Pagination --------------------------------------------------------------------------------


def test_pagination_shows_25_and_its_links_keep_the_filters(client, world):
    council = CouncilFactory(slug="busy-council")
    for day in range(1, 31):
        MeetingFactory(council=council, start_date=datetime.date(2020, 1, day), end_date=None)
    MeetingFactory(title="Meeting of another council", start_date=datetime.date(2020, 2, 1))

    first = results(html(client.get("/en/meetings/?council=busy-council")))
    assert first.count('<li class="record">') == 25
    assert "30 meetings" in first
    assert 'href="?council=busy-council&amp;page=2"' in first
    assert 'aria-current="page"' in first
    assert 'aria-label="Pages"' in first

    second = results(html(client.get("/en/meetings/?council=busy-council&page=2")))
    assert second.count('<li class="record">') == 5
    assert 'href="?council=busy-council&amp;page=1"' in second
    assert "Meeting of another council" not in first + second


def test_summit_timeline_is_paged_oldest_first(client):
    for number in range(1, SummitListView.paginate_by + 3):
        MeetingFactory(
            kind=MeetingKind.SUMMIT, number=number, start_date=datetime.date(1900 + number, 1, 1)
        )
    first = client.get("/en/summits/")
    assert [s.number for s in first.context["summits"]][:2] == [1, 2]
    assert len(first.context["summits"]) == SummitListView.paginate_by
    assert 'href="?page=2"' in html(first)
    second = client.get("/en/summits/?page=2")
    assert [s.number for s in second.context["summits"]] == [
        SummitListView.paginate_by + 1,
        SummitListView.paginate_by + 2,
    ]


# Bad parameters ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "label"),
    [
        ("meetings/?year=abc", "Year"),
        # The same year filter as the API's: a whole number from 1900 to 2200.
        ("meetings/?year=1999.5", "Year"),
        ("statements/?year=1800", "Year"),
        ("meetings/?council=nope", "Council"),
        ("meetings/?host_state=nope", "Host state"),
        ("meetings/?date_from=yesterday", "From (date)"),
        ("statements/?year=abc", "Year"),
        ("statements/?council=nope", "Council"),
        ("statements/?topic=nope", "Topic"),
        ("election-missions/?year=abc", "Year"),
        ("election-missions/?observed_state=nope", "Observed state"),
        ("candidacies/?state=nope", "Candidate state"),
        ("candidacies/?outcome=nope", "Outcome"),
    ],
)
def test_a_bad_filter_is_reported_by_its_field_and_the_page_still_answers(
    client, world, path, label
):
    page = html(client.get(f"/en/{path}"))
    message = alert(page)
    assert "Some filters could not be applied" in message
    assert f"{label}:" in message


def test_the_valid_filters_still_apply_beside_a_bad_one(client, world):
    page = html(client.get("/en/meetings/?year=abc&council=foreign-ministers"))
    assert "Year:" in alert(page)
    assert "Council:" not in alert(page)
    assert "Ministers meet in Bishkek" in results(page)
    assert "First Summit in Almaty" not in results(page)


@pytest.mark.parametrize("page_number", ["999", "abc", "0", "-1"])
@pytest.mark.parametrize("path", ["meetings/", "statements/", "election-missions/", "candidacies/"])
def test_an_impossible_page_number_shows_a_page(client, world, path, page_number):
    page = html(client.get(f"/en/{path}?page={page_number}"))
    assert 'role="alert"' not in page
    assert '<li class="record">' in page or "<tbody>" in page


def test_a_page_without_errors_has_no_alert(client, world):
    assert 'role="alert"' not in html(client.get("/en/meetings/?kind=summit"))


# Languages -----------------------------------------------------------------------------------


def test_language_switcher_links_to_the_same_page_in_the_other_languages(client, world):
    page = html(client.get("/en/meetings/?council=foreign-ministers"))
    for code in ("tr", "ru"):
        assert (
            f'<a href="/{code}/meetings/?council=foreign-ministers" lang="{code}" '
            f'hreflang="{code}">' in page
        )
    assert (
        '<a href="/en/meetings/?council=foreign-ministers" lang="en" hreflang="en" '
        'aria-current="true">' in page
    )
    detail = html(client.get("/ru/meetings/first-summit/"))
    assert '<a href="/tr/meetings/first-summit/" lang="tr" hreflang="tr">' in detail
    assert '<a href="/en/meetings/first-summit/" lang="en" hreflang="en">' in detail


def test_a_page_names_each_language_version_as_an_hreflang_alternate(client, world):
    page = html(client.get("/tr/statements/afghanistan-statement/"))
    for code in LANGUAGES:
        assert (
            f'<link rel="alternate" hreflang="{code}" '
            f'href="http://testserver/{code}/statements/afghanistan-statement/">' in page
        )
    assert (
        '<link rel="alternate" hreflang="x-default" '
        'href="http://testserver/en/statements/afghanistan-statement/">' in page
    )


def test_navigation_stays_in_the_page_language(client, world):
    page = html(client.get("/ru/"))
    for path in ("meetings/", "summits/", "statements/", "candidacies/", "observer-status/"):
        assert f'href="/ru/{path}"' in page
    assert 'href="#main"' in page
    assert '<main id="main"' in page


def test_navigation_marks_the_current_section(client):
    page = html(client.get("/en/meetings/"))
    assert '<li><a href="/en/meetings/" aria-current="page">Meetings</a></li>' in page
    assert '<li><a href="/en/states/">States</a></li>' in page
    meeting = MeetingFactory()
    page = html(client.get(meeting.get_absolute_url()))
    assert '<li><a href="/en/meetings/" aria-current="true">Meetings</a></li>' in page


def test_rows_and_filters_name_states_in_the_pages_language(client):
    state = StateFactory(name_en="Turkey", name_tr="Türkiye", slug="turkiye")
    MeetingFactory(host_state=state, city="Ankara")
    english = html(client.get("/en/meetings/"))
    turkish = html(client.get("/tr/meetings/"))
    assert " Turkey</a>" in results(english)
    assert '<option value="turkiye">Turkey</option>' in english
    assert " Türkiye</a>" in results(turkish)
    assert '<option value="turkiye">Türkiye</option>' in turkish


# Facts as structure ---------------------------------------------------------------------------


def test_a_meeting_page_lists_each_delegations_level_note_and_sources(client, world):
    w = world
    delegation = DelegationFactory(
        meeting=w.meeting,
        state=w.kazakhstan,
        head_of_delegation="Bekir Bozdağ",
        title="Deputy Prime Minister",
        level="deputy_prime_minister",
        note="Expected: the Prime Minister.",
    )
    delegation.sources.add(SourceFactory(url="https://en.trend.az/1947590.html", title=""))
    for language, level in {"en": "Deputy prime minister", "tr": "Başbakan yardımcısı"}.items():
        page = html(client.get(f"/{language}/meetings/ministers-bishkek/"))
        row = page.split("Bekir Bozdağ", 1)[1].split("</tr>", 1)[0]
        assert f"<td>{level}</td>" in row
        assert "Expected: the Prime Minister." in row
        assert (
            '<a href="https://en.trend.az/1947590.html" rel="noopener">Trend News Agency</a>' in row
        )


def test_a_declaration_links_the_candidacies_it_endorses_and_they_link_back(client, world):
    w = world
    declaration = w.summit.documents.get(title="Almaty Declaration")
    declaration.endorsed_candidacies.add(w.candidacy)
    meeting_page = html(client.get("/en/meetings/first-summit/"))
    assert 'href="/en/candidacies/#candidacy-kazakhstan-unsc"' in meeting_page
    row = matrix_row(html(client.get("/en/candidacies/")), "kazakhstan-unsc")
    assert "Endorsed in:" in row
    assert '<a href="/en/meetings/first-summit/">Almaty Declaration</a>' in row
    state_page = html(client.get("/ru/states/kazakhstan/"))
    assert "Поддержана в документе:" in state_page
    # The document's title exists in English only: marked as such on a Russian page.
    assert (
        '<a href="/ru/meetings/first-summit/"><span lang="en">Almaty Declaration</span> '
        '<span class="fallback-mark">(на английском)</span></a>'
    ) in state_page


def test_the_secretaries_general_page_is_linked_from_home_and_state_pages(client, world):
    for language in LANGUAGES:
        assert f'href="/{language}/secretaries-general/"' in html(client.get(f"/{language}/"))
        state_page = html(client.get(f"/{language}/states/kyrgyzstan/"))
        assert f'href="/{language}/secretaries-general/#secretary-general-' in state_page
    # A state without one has no such section.
    assert 'id="secretaries-heading"' not in html(client.get("/en/states/kazakhstan/"))
