"""The charts in Chromium at a phone's width and a desktop's: each drawing is shown at a size, the
page never scrolls sideways, and the console stays free of errors (a Content-Security-Policy
violation would show there)."""

import datetime

import pytest
from selenium.webdriver.common.by import By

from events.choices import CouncilLevel, MeetingKind
from tests.factories import (
    CandidacyFactory,
    CandidacySupportFactory,
    CouncilFactory,
    MeetingFactory,
    MembershipFactory,
    StateFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)

WIDTHS = (375, 1280)
PAGES = (
    ("/en/", "chart-meetings-by-level"),
    ("/ru/states/kyrgyz-republic-of-long-names/", "chart-state-activity"),
    ("/tr/candidacies/", "chart-support-by-state"),
)


@pytest.fixture
def records():
    """Meetings of every level over fifteen years, a state with a long name that hosted some,
    and candidacies with supports (one without a date)."""
    chs = CouncilFactory(level=CouncilLevel.HEADS_OF_STATE)
    cfm = CouncilFactory(level=CouncilLevel.FOREIGN_MINISTERS)
    host = MembershipFactory(
        state=StateFactory(
            name="Kyrgyz Republic of the Rather Long Official Name",
            slug="kyrgyz-republic-of-long-names",
        )
    ).state
    others = [MembershipFactory().state for _ in range(4)]
    for year in range(2010, 2025):
        day = datetime.date(year, 5, 1)
        MeetingFactory(kind=MeetingKind.SUMMIT, council=chs, start_date=day, end_date=None)
        for _ in range(year % 4):
            MeetingFactory(council=cfm, start_date=day, end_date=None, host_state=host)
        MeetingFactory(council=None, kind=MeetingKind.OTHER, start_date=day, end_date=None)
    for number, state in enumerate(others):
        bid = CandidacyFactory(state=state)
        CandidacySupportFactory(
            candidacy=bid, supporting_state=host, declared_on=datetime.date(2015 + number, 1, 1)
        )
        own = CandidacyFactory(state=host)
        CandidacySupportFactory(candidacy=own, supporting_state=state, declared_on=None)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize(("path", "slug"), PAGES)
def test_each_chart_is_drawn_within_the_page_without_console_errors(
    browser, live_server, records, path, slug, width
):
    browser.get_log("browser")  # start with an empty console
    browser.set_window_size(width, 900)
    try:
        browser.get(live_server.url + path)
        figure = browser.find_element(By.ID, slug)
        drawing = figure.find_element(By.CSS_SELECTOR, "svg.chart__svg")
        assert drawing.is_displayed()
        size = drawing.size
        assert size["width"] > 200 and size["height"] > 100, size
        assert size["width"] <= width
        bars = drawing.find_elements(By.CSS_SELECTOR, "rect.chart__bar")
        assert bars and all(bar.size["width"] > 0 for bar in bars)
        # Every bar and its number inside the drawing: nothing cut off at its right edge.
        right = drawing.location["x"] + size["width"]
        for number in drawing.find_elements(By.CSS_SELECTOR, "text.chart__number"):
            assert number.location["x"] + number.size["width"] <= right + 1
        assert figure.find_element(By.TAG_NAME, "table").is_displayed()
        scroll, client = browser.execute_script(
            "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        assert scroll <= client
        errors = [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
        assert errors == []
    finally:
        browser.set_window_size(1280, 900)
