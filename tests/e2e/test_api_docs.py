"""Swagger UI renders in a real browser from local assets, under the strict CSP."""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

pytestmark = pytest.mark.django_db(transaction=True)


def test_swagger_ui_lists_the_operations(browser, live_server):
    browser.get(live_server.url + "/api/docs/")
    WebDriverWait(browser, 20).until(
        expected_conditions.presence_of_element_located((By.CSS_SELECTOR, ".opblock"))
    )
    operations = browser.find_elements(By.CSS_SELECTOR, ".opblock-summary-path")
    paths = {element.text.replace("\u200b", "") for element in operations}
    assert "/api/v1/meetings/" in paths
    assert "/api/v1/election-missions/{slug}/" in paths
    policy_errors = [
        entry
        for entry in browser.get_log("browser")
        if "Content Security Policy" in entry.get("message", "")
    ]
    assert policy_errors == []
