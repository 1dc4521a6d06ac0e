"""Checks on the built site: every test here is marked `site` and needs `make build` first."""

import os
from pathlib import Path

import pytest

from guide import ROOT

SITE = Path(os.environ.get("SITE_DIR", ROOT / "site")).resolve()
"""The built site under test: `site/`, or the folder `SITE_DIR` names (as `make SITE_DIR=... test` sets)."""


def pytest_collection_modifyitems(config, items):
    for item in items:
        if Path(item.path).is_relative_to(Path(__file__).parent):
            item.add_marker(pytest.mark.site)


@pytest.fixture(scope="session")
def site_dir() -> Path:
    if not (SITE / "index.html").is_file():
        pytest.fail("site/ is not built: run 'make build' first")
    return SITE


@pytest.fixture(scope="session")
def html_pages(site_dir) -> list[Path]:
    return sorted(site_dir.rglob("*.html"))


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="session")
def site_url(site_dir):
    """Base URL of the built site, served on loopback for the duration of the session."""
    from tests.support.staticserver import serve_directory

    with serve_directory(site_dir) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """Debian's headless Chromium driven by Playwright; skips (or fails in CI) when it is missing."""
    if not CHROMIUM.exists():
        message = "browser tests need Debian's chromium: apt-get install chromium"
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail(message + " (REQUIRE_BROWSER is set, as in CI)")
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, site_url):
    """A fresh browser page whose requests to any origin but the site's are blocked and recorded.

    `page.blocked_requests` lists the URLs that were blocked.
    """
    context = browser.new_context()
    blocked: list[str] = []

    def route(route):
        if route.request.url.startswith(site_url) or route.request.url.startswith("data:"):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.blocked_requests = blocked
    yield page
    context.close()
