"""The charts (events/charts.py, otscoop/charts.py, templates/includes/bar_chart.html): each
chart's text equivalent, the table beside it, holds the numbers counted here from the records
one by one; the SVG draws a bar for each number that is not zero, as long as its number; drafts,
cancelled meetings and internal supports never count; an edit shows at once on a cached page;
every language draws them."""

import datetime
import html
import re
from collections import Counter
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import translation

from events.charts import meetings_by_level_chart
from events.choices import SUMMIT_KINDS, CouncilLevel, MeetingKind, MeetingStatus
from events.models import Council, Meeting
from memberships.choices import SupportVisibility
from memberships.models import Candidacy, CandidacySupport, State
from otscoop.choices import Publication

from .factories import (
    CandidacyFactory,
    CandidacySupportFactory,
    CouncilFactory,
    MeetingFactory,
    MembershipFactory,
    StateFactory,
)

pytestmark = pytest.mark.django_db

LANGUAGES = ["tr", "en", "ru"]
HOME = "chart-meetings-by-level"
STATE = "chart-state-activity"
SUPPORT = "chart-support-by-state"
LEVELS = [level.value for level in CouncilLevel]
ACTIVITY = ["hosted", "given", "received"]
SUPPORT_SERIES = ["given", "received"]
UNDATED = "Date not recorded"
BAR = re.compile(
    r'<rect class="chart__bar" x="(?P<x>[\d.]+)%" y="\d+" width="(?P<width>[\d.]+)%"[^>]*'
    r'data-row="(?P<row>[^"]*)" data-series="(?P<series>[^"]*)" data-value="(?P<value>\d+)"'
)


def day(year, month=6, date=15):
    return datetime.date(year, month, date)


@pytest.fixture
def world():
    """Meetings of three levels over 2019-2022 (none published in 2020), with a draft and a
    cancelled meeting; candidacies with public supports of several years, one without a date,
    an internal one, and a draft candidacy's."""
    chs = CouncilFactory(level=CouncilLevel.HEADS_OF_STATE)
    cfm = CouncilFactory(level=CouncilLevel.FOREIGN_MINISTERS)
    soc = CouncilFactory()  # other
    host, first, second, third = (
        MembershipFactory(state=StateFactory(name=name, slug=name.lower())).state
        for name in ("Hostland", "Firstland", "Secondland", "Thirdland")
    )
    MeetingFactory(kind=MeetingKind.SUMMIT, council=chs, start_date=day(2019), host_state=host)
    MeetingFactory(council=cfm, start_date=day(2019, 3), end_date=None, host_state=host)
    MeetingFactory(kind=MeetingKind.SUMMIT, council=None, start_date=day(2021), host_state=first)
    MeetingFactory(council=soc, start_date=day(2021, 9), end_date=None, host_state=host)
    MeetingFactory.create_batch(2, council=cfm, start_date=day(2022), end_date=None)
    MeetingFactory(kind=MeetingKind.OTHER, council=None, start_date=day(2022), end_date=None)
    MeetingFactory(council=cfm, start_date=day(2020), host_state=host, publication="draft")
    MeetingFactory(council=chs, start_date=day(2015), host_state=host, publication="draft")
    MeetingFactory(
        council=chs, start_date=day(2022), host_state=host, status=MeetingStatus.CANCELLED
    )
    own = CandidacyFactory(state=host, slug="own-bid")
    CandidacySupportFactory(candidacy=own, supporting_state=first, declared_on=day(2020))
    CandidacySupportFactory(candidacy=own, supporting_state=second, declared_on=day(2021))
    CandidacySupportFactory(candidacy=own, supporting_state=third, declared_on=None)
    CandidacySupportFactory(
        candidacy=own, supporting_state=StateFactory(), visibility=SupportVisibility.INTERNAL
    )
    backed = CandidacyFactory(state=first)
    CandidacySupportFactory(candidacy=backed, supporting_state=host, declared_on=day(2019))
    CandidacySupportFactory(candidacy=backed, supporting_state=second, declared_on=day(2021))
    draft = CandidacyFactory(state=second, publication=Publication.DRAFT)
    CandidacySupportFactory(candidacy=draft, supporting_state=host, declared_on=day(2021))
    CandidacySupportFactory(
        candidacy=CandidacyFactory(state=first),
        supporting_state=host,
        visibility=SupportVisibility.INTERNAL,
    )
    return host


# Reading a chart off the page -------------------------------------------------------------------


def plain(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def chart_of(page: str, slug: str) -> str:
    found = re.search(rf'<figure class="chart" id="{slug}".*?</figure>', page, re.S)
    assert found, f"no chart {slug}"
    return found.group(0)


def table_of(chart: str) -> dict:
    """{"head": [...], "rows": {label: [numbers]}, "foot": [...]} of a chart's table."""
    thead = chart.split("<tbody>")[0]
    head = [plain(cell) for cell in re.findall(r"<th[^>]*>(.*?)</th>", thead, re.S)]
    body = chart.split("<tbody>")[1].split("</tbody>")[0]
    rows = {}
    for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S):
        label = plain(re.search(r"<th[^>]*>(.*?)</th>", row, re.S).group(1))
        rows[label] = [int(plain(cell)) for cell in re.findall(r"<td>(.*?)</td>", row, re.S)]
    foot = re.search(r"<tfoot>(.*?)</tfoot>", chart, re.S)
    cells = re.findall(r"<td>(.*?)</td>", foot.group(1), re.S) if foot else []
    totals = [int(plain(cell)) for cell in cells]
    return {"head": head[-len(totals) :] if totals else [], "rows": rows, "foot": totals}


def bars_of(chart: str) -> list[dict]:
    return [match.groupdict() for match in BAR.finditer(chart)]


def page(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def check_bars(chart: str, table: dict, series: list[str], stacked: bool) -> None:
    """A bar for each number of the table that is not zero (but those without a date, which the
    bars cannot place), as long as its number (a stack's one after the other), and no other."""
    drawn = {(bar["row"], bar["series"]): int(bar["value"]) for bar in bars_of(chart)}
    expected = {
        (label, key): value
        for label, values in table["rows"].items()
        if label != UNDATED
        for key, value in zip(series, values[: len(series)], strict=True)
        if value
    }
    assert drawn == expected
    widths = {round(float(bar["width"]) / int(bar["value"]), 2) for bar in bars_of(chart)}
    assert len(widths) == 1  # the same length for each unit
    ends = {}
    for bar in bars_of(chart):
        start = ends.get(bar["row"], 0.0) if stacked else 0.0
        assert float(bar["x"]) == pytest.approx(start, abs=0.01)
        ends[bar["row"]] = float(bar["x"]) + float(bar["width"])


# The numbers, counted record by record ----------------------------------------------------------


def year_table(counts: Counter, series: list[str], undated_label: str | None = None) -> dict:
    """{year: [numbers]} from the first year to the last, and the counts without a date."""
    years = [year for year, _key in counts if year is not None]
    rows = {
        str(year): [counts[year, key] for key in series]
        for year in range(min(years), max(years) + 1)
    }
    if undated_label and any(counts[None, key] for key in series):
        rows[undated_label] = [counts[None, key] for key in series]
    return rows


def meetings_by_level() -> Counter:
    counts = Counter()
    for meeting in Meeting.objects.select_related("council"):
        if meeting.publication != Publication.PUBLISHED or meeting.status == "cancelled":
            continue
        if meeting.council is not None:
            level = meeting.council.level
        elif meeting.kind in SUMMIT_KINDS:
            level = CouncilLevel.HEADS_OF_STATE
        else:
            level = CouncilLevel.OTHER
        counts[meeting.start_date.year, level] += 1
    return counts


def public_supports() -> list:
    return [
        support
        for support in CandidacySupport.objects.select_related("candidacy")
        if support.visibility == SupportVisibility.PUBLIC
        and support.candidacy.publication == Publication.PUBLISHED
    ]


def activity_of(state) -> Counter:
    counts = Counter()
    for meeting in Meeting.objects.filter(host_state=state):
        if meeting.publication == Publication.PUBLISHED and meeting.status != "cancelled":
            counts[meeting.start_date.year, "hosted"] += 1
    for support in public_supports():
        year = support.declared_on.year if support.declared_on else None
        if support.supporting_state_id == state.pk:
            counts[year, "given"] += 1
        if support.candidacy.state_id == state.pk:
            counts[year, "received"] += 1
    return counts


def support_by_state(candidacies) -> dict:
    chosen = {candidacy.pk for candidacy in candidacies}
    counts = Counter()
    for support in public_supports():
        if support.candidacy_id in chosen:
            counts[support.supporting_state_id, "given"] += 1
            counts[support.candidacy.state_id, "received"] += 1
    states = State.objects.filter(pk__in={state for state, _key in counts})
    return {state.name: [counts[state.pk, key] for key in SUPPORT_SERIES] for state in states}


# The charts ------------------------------------------------------------------------------------


def test_the_home_chart_counts_published_meetings_by_year_and_level(client, world):
    chart = chart_of(page(client, "/en/"), HOME)
    table = table_of(chart)
    counts = meetings_by_level()
    expected = year_table(counts, LEVELS)
    assert {label: values[:3] for label, values in table["rows"].items()} == expected
    assert list(expected) == ["2019", "2020", "2021", "2022"]  # 2020 shows, with no meeting
    assert table["rows"]["2020"] == [0, 0, 0, 0]  # its draft does not count
    assert all(values[3] == sum(values[:3]) for values in table["rows"].values())
    assert table["foot"] == [*map(sum, zip(*expected.values(), strict=True)), sum(counts.values())]
    assert table["head"] == ["Heads of state", "Foreign ministers", "Other", "Total"]
    check_bars(chart, table, LEVELS, stacked=True)


def test_the_state_chart_counts_meetings_hosted_and_support_given_and_received(client, world):
    chart = chart_of(page(client, "/en/states/hostland/"), STATE)
    table = table_of(chart)
    expected = year_table(activity_of(world), ACTIVITY, UNDATED)
    assert table["rows"] == expected
    assert expected == {
        "2019": [2, 1, 0],
        "2020": [0, 0, 1],
        "2021": [1, 0, 1],
        UNDATED: [0, 0, 1],
    }
    assert table["foot"] == [3, 1, 3]
    check_bars(chart, table, ACTIVITY, stacked=False)
    assert f'data-row="{UNDATED}"' not in chart  # said in the table, not drawn


def test_the_candidacies_chart_counts_supports_given_and_received_by_state(client, world):
    chart = chart_of(page(client, "/en/candidacies/"), SUPPORT)
    table = table_of(chart)
    expected = support_by_state(Candidacy.objects.filter(publication=Publication.PUBLISHED))
    assert table["rows"] == expected
    assert expected["Hostland"] == [1, 3]
    assert "Thirdland" in expected and not any(name.startswith("State") for name in expected)
    check_bars(chart, table, SUPPORT_SERIES, stacked=False)
    assert '<a href="/en/states/hostland/">Hostland</a>' in chart


def test_the_candidacies_chart_follows_the_filters_over_every_page(client, world):
    first = State.objects.get(slug="firstland")
    chart = chart_of(page(client, "/en/candidacies/?state=firstland"), SUPPORT)
    published = Candidacy.objects.filter(publication=Publication.PUBLISHED, state=first)
    assert table_of(chart)["rows"] == support_by_state(published)
    for _ in range(30):  # more than a page
        CandidacySupportFactory(candidacy=CandidacyFactory(state=first))
    text = page(client, "/en/candidacies/?state=firstland")
    assert text.count('<tr id="candidacy-') == 25
    rows = table_of(chart_of(text, SUPPORT))["rows"]
    assert rows["Firstland"] == [0, 32]
    assert rows == support_by_state(Candidacy.objects.filter(state=first, publication="published"))


def test_an_edit_shows_at_once_on_the_cached_pages(client, world):
    assert table_of(chart_of(page(client, "/en/"), HOME))["rows"].keys() >= {"2019", "2022"}
    assert client.get("/en/").headers["X-Cache"] == "hit"
    draft = Meeting.objects.get(start_date=day(2015))
    draft.publication = Publication.PUBLISHED
    draft.save()
    rows = table_of(chart_of(page(client, "/en/"), HOME))["rows"]
    assert rows["2015"] == [1, 0, 0, 1] and rows["2016"] == [0, 0, 0, 0]

    page(client, "/en/states/hostland/")
    assert client.get("/en/states/hostland/").headers["X-Cache"] == "hit"
    support = CandidacySupport.objects.get(declared_on=None)
    support.declared_on = day(2021, 1)
    support.save()
    rows = table_of(chart_of(page(client, "/en/states/hostland/"), STATE))["rows"]
    assert rows["2021"] == [1, 0, 2] and UNDATED not in rows

    page(client, "/en/candidacies/")
    CandidacySupport.objects.filter(supporting_state__slug="secondland").delete()
    rows = table_of(chart_of(page(client, "/en/candidacies/"), SUPPORT))["rows"]
    assert "Secondland" not in rows and rows["Hostland"] == [1, 2]


def test_a_council_s_level_moves_its_meetings_at_once(client, world):
    page(client, "/en/")
    council = Council.objects.get(level=CouncilLevel.FOREIGN_MINISTERS)
    council.level = CouncilLevel.OTHER
    council.save()
    rows = table_of(chart_of(page(client, "/en/"), HOME))["rows"]
    assert rows["2022"] == [0, 0, 3, 3]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_draws_the_charts_with_the_same_numbers(client, world, language):
    with translation.override(language):
        title = str(meetings_by_level_chart().title)
    for path, slug in (("", HOME), ("states/hostland/", STATE), ("candidacies/", SUPPORT)):
        chart = chart_of(page(client, f"/{language}/{path}"), slug)
        english = chart_of(page(client, f"/en/{path}"), slug)
        numbers = list(table_of(chart)["rows"].values())
        assert numbers == list(table_of(english)["rows"].values())
        assert bars_of(chart) and len(bars_of(chart)) == len(bars_of(english))
    assert title in page(client, f"/{language}/")
    if language != "en":
        assert title != "Meetings a year, by level"


def test_a_page_without_records_says_so_instead_of_a_chart(client):
    assert "No meeting is recorded yet." in chart_of(page(client, "/en/"), HOME)
    MembershipFactory(state=StateFactory(slug="quietland"))
    chart = chart_of(page(client, "/en/states/quietland/"), STATE)
    assert "No hosted meeting or public support is recorded for this state." in chart
    assert "<svg" not in chart and "<table" not in chart


def test_the_demo_s_principal_councils_have_their_levels(client, demo_data):
    levels = dict(Council.objects.values_list("slug", "level"))
    assert levels["council-of-heads-of-state"] == CouncilLevel.HEADS_OF_STATE
    assert levels["council-of-foreign-ministers"] == CouncilLevel.FOREIGN_MINISTERS
    assert set(levels.values()) == set(LEVELS)
    table = table_of(chart_of(page(client, "/en/"), HOME))
    expected = year_table(meetings_by_level(), LEVELS)
    assert {label: values[:3] for label, values in table["rows"].items()} == expected
    output = StringIO()
    call_command("load_demo", stdout=output)  # a second run writes nothing
    assert "0 created, 0 updated" in output.getvalue()
