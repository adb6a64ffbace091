"""The region maps in a real browser, at a phone's and a desktop's width: drawn with their base
map loaded, no sideways scrolling, no console error."""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from tests.factories import ElectionObservationMissionFactory, MeetingFactory, PlaceFactory

pytestmark = pytest.mark.django_db(transaction=True)

PAGES = ["/en/", "/en/meetings/", "/en/election-missions/", "/ru/meetings/?place=baku"]
WIDTHS = [375, 1280]
# Whether the page's base map image was fetched and answered 200 (Resource Timing).
BASE_MAP_LOADED = """
const entries = performance.getEntriesByType("resource")
  .filter((entry) => entry.name.endsWith("/maps/region.svg"));
return entries.length > 0 && entries.every((entry) => (entry.responseStatus || 200) === 200);
"""


@pytest.fixture
def site(live_server):
    baku = PlaceFactory(name="Baku", slug="baku", latitude="40.377670", longitude="49.892010")
    astana = PlaceFactory(name="Astana", slug="astana", latitude="51.1801", longitude="71.44598")
    for place in (baku, baku, astana):
        MeetingFactory(place=place)
    new_york = PlaceFactory(name="New York", latitude="40.71427", longitude="-74.00597")
    MeetingFactory(place=new_york, title="A meeting at the United Nations, far off the map")
    ElectionObservationMissionFactory(observed_state=baku.state).places.add(baku)
    ElectionObservationMissionFactory()  # a country with no place: listed, not drawn
    return live_server.url


@pytest.mark.parametrize("width", WIDTHS)
def test_the_maps_are_drawn_and_fit_the_width_without_console_errors(browser, site, width):
    browser.get_log("browser")  # start with an empty console
    browser.set_window_size(width, 900)
    try:
        for path in PAGES:
            browser.get(site + path)
            picture = browser.find_element(By.CSS_SELECTOR, ".region-map__picture")
            size = picture.size
            assert size["width"] > 0 and size["height"] > 0, path
            assert size["width"] <= width, path
            assert browser.find_elements(By.CSS_SELECTOR, ".region-map__marker"), path
            assert browser.find_elements(By.CSS_SELECTOR, ".region-map__list li"), path
            WebDriverWait(browser, 10).until(lambda driver: driver.execute_script(BASE_MAP_LOADED))
            wider = browser.execute_script(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth"
            )
            assert not wider, path
        errors = [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
        assert errors == []
    finally:
        browser.set_window_size(1280, 900)
