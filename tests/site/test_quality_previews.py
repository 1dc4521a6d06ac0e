"""Link previews: every page has a title, a description, a canonical URL and Open Graph/Twitter tags."""

import html
import re

from tests.support import quality, sitecheck

TITLE = re.compile(r"<title>(.*?)</title>", re.S)
REQUIRED = ("description", "og:type", "og:site_name", "og:title", "og:description", "og:url", "twitter:card")


def test_every_page_previews_well(site_dir):
    problems = []
    for url in quality.site_pages(site_dir):
        path = site_dir / url / "index.html"
        text = path.read_text(encoding="utf-8")
        parsed = sitecheck.parse_page(path)
        title = TITLE.search(text)
        if not title or not title.group(1).strip():
            problems.append(f"/{url}: no <title>")
        problems += [f"/{url}: no meta {key}" for key in REQUIRED if not parsed.meta.get(key, "").strip()]
        canonical = parsed.links.get("canonical", "")
        if not canonical.endswith("/" + url):
            problems.append(f"/{url}: canonical link {canonical!r} does not point at the page")
        if parsed.meta.get("og:url") != canonical:
            problems.append(f"/{url}: og:url {parsed.meta.get('og:url')!r} differs from the canonical link")
        if parsed.meta.get("og:description") != parsed.meta.get("description"):
            problems.append(f"/{url}: og:description differs from the meta description")
    assert not problems, "\n".join(problems)


def test_preview_title_is_the_page_title(site_dir):
    path = site_dir / "tasks" / "index.html"
    parsed = sitecheck.parse_page(path)
    page_title = html.unescape(TITLE.search(path.read_text(encoding="utf-8")).group(1))
    assert page_title.startswith(parsed.meta["og:title"] + " - ")
    assert parsed.meta["twitter:title"] == parsed.meta["og:title"]


def test_sitemap_lists_every_page(site_dir):
    sitemap = (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    missing = [url for url in quality.site_pages(site_dir) if f"/{url}</loc>" not in sitemap]
    assert not missing, "pages missing from sitemap.xml: " + ", ".join(missing)
