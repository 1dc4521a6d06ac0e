"""Links that never break: every URL in data/public_urls.txt still answers, every internal link resolves.

The second half proves the check on small fixture sites built with MkDocs: renaming a
listed heading or moving a listed page fails with the lost URL named, and an anchor
alias or a mkdocs-redirects entry makes it pass again.
"""

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.support import links


def test_every_public_url_still_resolves(site_dir):
    listed = links.read_list()
    assert len(listed) > 50, "data/public_urls.txt looks truncated: run make public-urls"
    problems = links.check_list(site_dir, listed)
    assert not problems, "public URLs the site no longer answers:\n" + "\n".join(problems)


def test_every_internal_link_and_anchor_resolves(site_dir):
    problems = links.internal_link_problems(site_dir)
    assert not problems, "broken internal links:\n" + "\n".join(problems)


def test_list_covers_pages_and_named_anchors():
    listed = set(links.read_list())
    assert "/" in listed
    pages = {url for url in listed if "#" not in url}
    assert {"/compare/", "/decide/", "/tasks/", "/benchmarks/"} <= pages
    assert all(url.partition("#")[0] in pages for url in listed), "an anchor whose page is not listed"


# ---- the check itself, on fixture sites ------------------------------------------------

CONFIG = """\
site_name: Fixture
site_url: http://127.0.0.1/
theme:
  name: material
  font: false
markdown_extensions: [attr_list, toc]
plugins:
  - redirects:
      redirect_maps: {redirects}
"""


def build(project: Path, pages: dict[str, str], redirects: str = "{}") -> Path:
    docs = project / "docs"
    if docs.exists():
        for old in docs.rglob("*.md"):
            old.unlink()
    for name, text in pages.items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(textwrap.dedent(text), encoding="utf-8")
    (project / "mkdocs.yml").write_text(CONFIG.format(redirects=redirects), encoding="utf-8")
    site = project / "site"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "--clean", "-f", str(project / "mkdocs.yml")],
        capture_output=True,
        text=True,
        timeout=60,
        env={"DISABLE_MKDOCS_2_WARNING": "true", "NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return site


INDEX = "# Home\n\nSee [the guide](guide.md#old-name).\n"
GUIDE = "# Guide\n\n## Old name\n\nText.\n"


@pytest.fixture
def listed_site(tmp_path):
    site = build(tmp_path, {"index.md": INDEX, "guide.md": GUIDE})
    listing = tmp_path / "public_urls.txt"
    urls = links.write_list(site, listing)
    assert "/guide/#old-name" in urls
    assert links.check_list(site, links.read_list(listing)) == []
    return tmp_path, listing


def test_renaming_a_listed_heading_fails_naming_the_lost_url(listed_site):
    project, listing = listed_site
    site = build(project, {"index.md": INDEX, "guide.md": GUIDE.replace("Old name", "New name")})
    problems = links.check_list(site, links.read_list(listing))
    assert len(problems) == 1
    assert problems[0].startswith("/guide/#old-name: /guide/ has no element with id 'old-name'")
    assert "[](){#old-name}" in problems[0]


def test_refreshing_the_list_does_not_drop_a_lost_url_silently(listed_site):
    project, listing = listed_site
    site = build(project, {"index.md": INDEX, "guide.md": GUIDE.replace("Old name", "New name")})
    with pytest.raises(links.LostURLs, match="/guide/#old-name"):
        links.write_list(site, listing)
    assert "/guide/#old-name" in links.read_list(listing)
    assert "/guide/#old-name" not in links.write_list(site, listing, allow_removals=True)


def test_an_anchor_alias_covers_a_renamed_heading(listed_site):
    project, listing = listed_site
    renamed = "# Guide\n\n[](){#old-name}\n## New name\n\nText.\n"
    site = build(project, {"index.md": INDEX, "guide.md": renamed})
    assert links.check_list(site, links.read_list(listing)) == []


def test_moving_a_listed_page_fails_unless_a_redirect_covers_it(listed_site):
    project, listing = listed_site
    moved = {"index.md": INDEX.replace("guide.md", "handbook.md"), "handbook.md": GUIDE}
    site = build(project, moved)
    problems = links.check_list(site, links.read_list(listing))
    assert problems == [
        f"{url}: page /guide/ is gone; add a redirect (mkdocs.yml: redirects)"
        for url in ("/guide/", "/guide/#guide", "/guide/#old-name")
    ]
    site = build(project, moved, redirects="{guide.md: handbook.md}")
    assert links.check_list(site, links.read_list(listing)) == []


def test_a_redirect_to_a_page_without_the_anchor_still_fails(listed_site):
    project, listing = listed_site
    moved = {"index.md": "# Home\n", "handbook.md": "# Handbook\n"}
    site = build(project, moved, redirects="{guide.md: handbook.md}")
    problems = links.check_list(site, links.read_list(listing))
    assert problems == [
        f"/guide/#{anchor}: /handbook/ has no element with id '{anchor}' (heading renamed or removed?); "
        f"restore it or leave an alias on the page: [](){{#{anchor}}}"
        for anchor in ("guide", "old-name")
    ]


def test_broken_internal_link_is_reported(tmp_path):
    site = build(tmp_path, {"index.md": INDEX, "guide.md": GUIDE})
    page = site / "index.html"
    html = page.read_text(encoding="utf-8")
    page.write_text(html.replace("guide/#old-name", "guide/#gone"), encoding="utf-8")
    problems = links.internal_link_problems(site)
    assert problems == [
        "/: link 'guide/#gone': /guide/#gone: /guide/ has no element with id 'gone' "
        "(heading renamed or removed?); restore it or leave an alias on the page: [](){#gone}"
    ]
