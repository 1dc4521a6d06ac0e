"""Search works although its index is fetched only when the reader starts to search (overrides/main.html)."""

import pytest

pytestmark = pytest.mark.browser


def index_requests(page) -> list[str]:
    requests: list[str] = []
    page.on("request", lambda request: "search_index" in request.url and requests.append(request.url))
    return requests


def test_page_load_does_not_fetch_the_search_index(page, site_url):
    requests = index_requests(page)
    page.goto(site_url, wait_until="networkidle")
    assert requests == []


def test_searching_fetches_the_index_and_finds_pages(page, site_url):
    requests = index_requests(page)
    page.goto(site_url + "tasks/", wait_until="networkidle")
    page.locator("[data-md-component=search-query]").click()
    page.locator("[data-md-component=search-query]").fill("django")
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=10_000)
    assert len(requests) == 1
    assert results.count() > 0
    assert page.blocked_requests == []


def test_keyboard_shortcut_opens_search_with_results(page, site_url):
    page.goto(site_url, wait_until="networkidle")
    page.keyboard.press("/")
    page.keyboard.type("flask")
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)


def test_highlight_link_fetches_the_index_at_once(page, site_url):
    requests = index_requests(page)
    page.goto(site_url + "tasks/basics/?h=flask", wait_until="networkidle")
    assert len(requests) == 1
