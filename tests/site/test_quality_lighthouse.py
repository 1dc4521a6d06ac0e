"""Lighthouse on one page of each page type, served gzip-compressed as GitHub Pages serves it.

Gates: mobile performance >= 95 (median of three runs), desktop performance 100,
accessibility, best practices and SEO 100 on mobile and desktop, compressed transfer within
the page type's budget. Performance depends on how busy the machine is, so a page type that
misses a performance gate is measured once more and the second measurement decides (both are
reported; see `quality.audit_page_type`). The figures are printed at the end of the test
run (`tests.support.summaries`). `make site` runs this module
alone, after the other site checks, so that nothing else competes for the CPU while it measures.
"""

import os

import pytest

from tests.support import quality, summaries

pytestmark = [pytest.mark.browser, pytest.mark.timeout(300)]

rows: list[dict] = []
"""Figures of the page types checked in this session, printed as one table at the end."""
summaries.table("Lighthouse per page type", lambda: rows, quality.format_summary)


@pytest.fixture(scope="module")
def sample(site_dir) -> dict[str, str]:
    return quality.pick_sample(quality.site_pages(site_dir))


@pytest.fixture(scope="module")
def lighthouse_ready():
    try:
        quality.lighthouse_command()
    except quality.LighthouseUnavailable as error:
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail(f"{error} (REQUIRE_BROWSER is set, as in CI)")
        pytest.skip(str(error))


@pytest.mark.parametrize("page_type", list(quality.PAGE_TYPES))
def test_lighthouse_gates(page_type, sample, site_url, lighthouse_ready):
    report = quality.audit_page_type(page_type, site_url, sample[page_type])
    rows.append(quality.summary_row(report))
    assert not report.problems, f"/{report.url} ({page_type}):\n  " + "\n  ".join(report.problems)


def test_every_page_type_has_a_page_of_its_own(sample):
    """The sample falls back to the home page when a page type has no page yet; say so."""
    missing = [page_type for page_type, url in sample.items() if page_type != "home" and url == ""]
    message = "no page of these types in the built site (checked the home page instead): "
    assert not missing, message + ", ".join(missing)
