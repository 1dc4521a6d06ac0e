"""The matrix, an outcome page and the wizard's decision record print cleanly.

Chromium emulates print media at the width of an A4 page's printable area: the
navigation chrome is hidden, and no table, code block or text box is wider than the
page or cuts its content off.
"""

import json
from fnmatch import fnmatchcase

import pytest

from tests.support import quality

pytestmark = pytest.mark.browser

PRINTABLE_WIDTH = 718
"""A4 (8.27 in) minus 0.4 in margins each side, at 96 px per inch."""
CHROME = [".md-header", ".md-tabs", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer"]

OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const out = [];
  for (const el of document.querySelectorAll("article table, article pre, article textarea, article img")) {
    const box = el.getBoundingClientRect();
    if (!box.width) continue;
    const name = el.tagName.toLowerCase() + (el.id ? "#" + el.id : "");
    if (box.right > width + 1) out.push(`${name} ends at ${Math.round(box.right)} px, page is ${width} px`);
    if (el.scrollWidth > el.clientWidth + 1 && el.tagName !== "IMG")
      out.push(`${name} scrolls horizontally (${el.scrollWidth} > ${el.clientWidth} px)`);
    if (el.tagName === "TEXTAREA" && el.scrollHeight > el.clientHeight + 2)
      out.push(`${name} cuts off its text (${el.scrollHeight} > ${el.clientHeight} px)`);
  }
  return out;
}"""


def print_views(site_dir) -> dict[str, str]:
    """View name -> site-relative URL: the matrix, an outcome page, a decision record from the wizard."""
    pages = quality.site_pages(site_dir)
    views = {"matrix": quality.pick_sample(pages)["comparison matrix"] or "compare/"}
    outcomes = [page for page in pages if fnmatchcase(page, "decide/outcomes/*/")]
    if outcomes:
        views["outcome"] = outcomes[0]
    use_cases = site_dir / "data" / "use-cases.json"
    if use_cases.is_file():
        views["decision record"] = json.loads(use_cases.read_text(encoding="utf-8"))[0]["permalink"]
    return views


def test_print_views_exist(site_dir):
    assert set(print_views(site_dir)) == {"matrix", "outcome", "decision record"}


@pytest.mark.parametrize("view", ["matrix", "outcome", "decision record"])
def test_view_prints_without_chrome_or_overflow(view, page, site_url, site_dir):
    views = print_views(site_dir)
    if view not in views:
        pytest.fail(f"no {view} page in the built site")
    page.set_viewport_size({"width": PRINTABLE_WIDTH, "height": 1000})
    page.goto(site_url + views[view], wait_until="networkidle")
    page.emulate_media(media="print")
    visible_chrome = [selector for selector in CHROME if page.locator(selector).first.is_visible()]
    assert visible_chrome == [], f"{view}: navigation chrome shows in print: {visible_chrome}"
    assert page.locator("article h1").first.is_visible()
    if view == "matrix":
        assert page.locator("article table").count() > 0
    if view == "decision record":
        assert page.locator("article textarea, article pre").count() > 0
    overflow = page.evaluate(OVERFLOW)
    assert overflow == [], f"{view} (/{views[view]}) does not fit the printed page:\n" + "\n".join(overflow)
