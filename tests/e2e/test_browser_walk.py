"""A visitor's walk through the public site in a real browser: home → meetings → filter →
detail, switching language, and the layout at phone width."""

import datetime

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import Select, WebDriverWait

from tests.factories import CouncilFactory, MeetingFactory, StateFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def site(live_server):
    heads = CouncilFactory(name="Council of Heads of State", slug="council-of-heads-of-state")
    ministers = CouncilFactory(
        name="Council of Foreign Ministers", slug="council-of-foreign-ministers"
    )
    azerbaijan = StateFactory(name="Azerbaijan", slug="azerbaijan", iso2="AZ", iso3="AZE")
    MeetingFactory(
        title="12th Summit of the OTS",
        slug="12th-summit",
        kind="summit",
        council=heads,
        number=12,
        start_date=datetime.date(2025, 10, 7),
        end_date=None,
        city="Gabala",
        host_state=azerbaijan,
        theme="Regional Peace and Security",
    )
    MeetingFactory(
        title="Council of Foreign Ministers in Gabala",
        slug="cfm-gabala-2025",
        council=ministers,
        start_date=datetime.date(2025, 10, 1),
        end_date=None,
        date_precision="month",
        host_state=azerbaijan,
    )
    return live_server.url


def wait_for_url(browser, fragment):
    """Clicks and form submissions navigate asynchronously: wait for the new address."""
    WebDriverWait(browser, 15).until(expected_conditions.url_contains(fragment))


def scrolls_sideways(browser):
    return browser.execute_script("return document.documentElement.scrollWidth > window.innerWidth")


def test_visitor_walks_from_home_to_a_filtered_meeting(browser, site):
    browser.get(site + "/en/")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    browser.find_element(By.LINK_TEXT, "Meetings").click()
    wait_for_url(browser, "/en/meetings/")
    titles = [e.text for e in browser.find_elements(By.CSS_SELECTOR, ".record__title")]
    assert titles == ["12th Summit of the OTS", "Council of Foreign Ministers in Gabala"]

    Select(browser.find_element(By.NAME, "council")).select_by_visible_text(
        "Council of Foreign Ministers"
    )
    browser.find_element(By.CSS_SELECTOR, ".filters__form button[type=submit]").click()
    wait_for_url(browser, "council=council-of-foreign-ministers")
    titles = [e.text for e in browser.find_elements(By.CSS_SELECTOR, ".record__title")]
    assert titles == ["Council of Foreign Ministers in Gabala"]
    # Known only to the month: no day is shown.
    assert "October 2025" in browser.find_element(By.CSS_SELECTOR, ".record__meta").text

    link = browser.find_element(By.LINK_TEXT, "Council of Foreign Ministers in Gabala")
    # The row is below the window's fold (the subscribe buttons come first), and the site
    # scrolls smoothly: WebDriver would click while the page still moves. Scroll at once.
    browser.execute_script(
        "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", link
    )
    link.click()
    wait_for_url(browser, "/en/meetings/cfm-gabala-2025/")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Council of Foreign Ministers in Gabala"


def test_language_switcher_keeps_the_page(browser, site):
    browser.get(site + "/en/meetings/12th-summit/")
    browser.find_element(By.CSS_SELECTOR, ".language-switcher a[hreflang=tr]").click()
    wait_for_url(browser, "/tr/meetings/12th-summit/")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "tr"
    browser.find_element(By.CSS_SELECTOR, ".language-switcher a[hreflang=ru]").click()
    wait_for_url(browser, "/ru/meetings/12th-summit/")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "ru"


@pytest.mark.parametrize(
    "path",
    [
        "/en/",
        "/en/meetings/",
        "/en/meetings/12th-summit/",
        "/en/summits/",
        "/en/statements/",
        "/en/states/",
        "/en/candidacies/",
        "/en/observer-status/",
        "/en/election-missions/",
        "/ru/meetings/",
        "/en/search/?q=Gabala",
    ],
)
def test_pages_fit_a_phone_without_sideways_scrolling(browser, site, path):
    browser.set_window_size(360, 800)
    try:
        browser.get(site + path)
        assert browser.find_element(By.TAG_NAME, "h1").is_displayed()
        assert not scrolls_sideways(browser), path
    finally:
        browser.set_window_size(1280, 900)


def test_skip_link_moves_focus_to_the_main_content(browser, site):
    browser.get(site + "/en/meetings/")
    body = browser.find_element(By.TAG_NAME, "body")
    body.send_keys("\ue004")  # Tab: the skip link comes first
    active = browser.switch_to.active_element
    assert active.get_attribute("class") == "skip-link"
    active.send_keys("\ue007")  # Enter
    wait_for_url(browser, "#main")


def test_visitor_searches_from_the_header(browser, site):
    browser.get(site + "/en/summits/")
    box = browser.find_element(By.ID, "site-search-q")
    box.send_keys("Gabala")
    box.submit()
    wait_for_url(browser, "/en/search/?q=Gabala")
    results = [e.text for e in browser.find_elements(By.CSS_SELECTOR, ".record__title")]
    assert "12th Summit of the OTS" in results
    browser.find_element(By.LINK_TEXT, "12th Summit of the OTS").click()
    wait_for_url(browser, "/en/meetings/12th-summit/")
