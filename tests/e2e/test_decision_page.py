"""A decision's page at a phone's width: no sideways scrolling, no console error."""

import datetime

import pytest
from selenium.webdriver.common.by import By

from decisions.choices import StepStatus
from tests.factories import DecisionFactory, DecisionStepFactory, MeetingFactory, SourceFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_decision_page_fits_a_phone_without_console_errors(browser, live_server):
    decision = DecisionFactory(
        text="Instruct the Council of Foreign Ministers to prepare the Turkic World Vision 2040 "
        "and to report on its implementation_at_every_summit_without_exception_whatsoever.",
        deadline=datetime.date(2024, 6, 1),
    )
    decision.sources.add(
        SourceFactory(title="A source with a rather long title that must wrap on a phone")
    )
    DecisionStepFactory(
        decision=decision,
        status=StepStatus.PARTLY_IMPLEMENTED,
        note="Adopted in part at the following summit.",
        reported_at=MeetingFactory(title="The following summit of the heads of state"),
    )
    browser.get_log("browser")  # start with an empty console
    browser.set_window_size(375, 800)
    try:
        browser.get(live_server.url + decision.get_absolute_url())
        assert browser.find_element(By.TAG_NAME, "h1").is_displayed()
        assert (
            "Partly implemented"
            in browser.find_element(By.ID, "follow-up-heading").find_element(By.XPATH, "..").text
        )
        wider = browser.execute_script(
            "return document.documentElement.scrollWidth > window.innerWidth"
        )
        assert not wider
        errors = [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
        assert errors == []
    finally:
        browser.set_window_size(1280, 900)
