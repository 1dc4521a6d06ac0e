"""Links that never break: the committed list of public URLs, and the checks against a built site.

`data/public_urls.txt` lists every page of the site and every anchor readers link to
(headings such as matrix criteria, claims, outcomes and use cases, and any explicit
`{#id}` in a page's content), one URL a line from the site root (`/tasks/#hello`).
A later build must still answer each of them: the page exists (or a mkdocs-redirects stub sends the reader to
a page that does) and the anchor is an `id` on that page (the heading itself, or an
alias such as `[](){#old-id}` left where a heading was renamed).

    python -m tests.support.links write [SITE_DIR]   # refresh the list from a build (make public-urls)
    python -m tests.support.links write SITE_DIR --allow-removals   # ... and drop URLs that are gone
    python -m tests.support.links check [SITE_DIR]   # what the site test checks
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from guide import ROOT
from tests.support.quality import is_redirect_stub, site_pages

PUBLIC_URLS = ROOT / "data" / "public_urls.txt"
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
GENERATED_ID = re.compile(r"^(__|fn:|fnref\d*:|cell-id=|cell-\d+$|\d)")
"""Ids that Markdown extensions generate (tabs, code lines, footnotes, notebook cells): not public.
Ids inside inline SVG (diagram internals) are not public either."""
CODE_REFERENCE_PAGE = re.compile(r"^reference/(?!published-data/)")
CODE_OBJECT_ID = re.compile(r"^(guide|tests)\.")
"""The build-code reference pages (for contributors, out of search) anchor each Python object by
its dotted path: those anchors follow the code as it moves, so they are not public. The pages
themselves are, and so is the published-data page's schema reference, which readers' tools use."""
LIST_HEADER = """\
# Every public URL and anchor of the site, relative to the site root. A build that
# no longer answers one of them fails `make test` (tests/site/test_quality_links.py)
# unless a redirect (mkdocs.yml: redirects) or an anchor alias covers it.
# Refresh after adding pages or anchors: make public-urls (see docs/about/contributing.md).
"""


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.public_ids: list[str] = []
        self.hrefs: list[str] = []
        self.redirect: str | None = None
        self._content_depth = 0
        self._svg_depth = 0

    def handle_starttag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        in_content = self._content_depth > 0
        if tag == "article" and (in_content or "md-content__inner" in attributes.get("class", "").split()):
            self._content_depth += 1
        for name in ("id", "name") if tag == "a" else ("id",):
            if attributes.get(name):
                self.ids.add(attributes[name])
        if tag == "svg":
            self._svg_depth += 1
        anchor = attributes.get("id", "")
        public = in_content and not self._svg_depth and anchor and not GENERATED_ID.match(anchor)
        if public and anchor not in self.public_ids:
            self.public_ids.append(anchor)
        if tag == "a" and "href" in attributes:
            self.hrefs.append(attributes["href"])
        if tag == "meta" and attributes.get("http-equiv", "").lower() == "refresh":
            self.redirect = attributes.get("content", "").partition("url=")[2].strip() or None

    def handle_endtag(self, tag):
        if tag == "article" and self._content_depth:
            self._content_depth -= 1
        if tag == "svg" and self._svg_depth:
            self._svg_depth -= 1


@dataclass
class Page:
    """What the checks need from one built HTML file."""

    ids: set[str] = field(default_factory=set)
    public_ids: list[str] = field(default_factory=list)
    hrefs: list[str] = field(default_factory=list)
    redirect: str | None = None


@cache
def _parse(path: Path, mtime: int, size: int) -> Page:
    parser = _PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return Page(parser.ids, parser.public_ids, parser.hrefs, parser.redirect)


def parse(path: Path) -> Page:
    """Parse a built page (cached while the file is unchanged)."""
    stat = path.stat()
    return _parse(path, stat.st_mtime_ns, stat.st_size)


def public_urls(site_dir: Path) -> list[str]:
    """Every page URL of a built site, each followed by its public anchors (`page/#anchor`)."""
    urls = []
    for page in site_pages(site_dir):
        urls.append("/" + page)
        anchors = parse(site_dir / page / "index.html").public_ids
        urls.extend(url for anchor in anchors if not is_code_object_url(url := f"/{page}#{anchor}"))
    return urls


def is_code_object_url(url: str) -> bool:
    """Whether a URL is an object's anchor on a build-code reference page (never public)."""
    page, _, anchor = url.removeprefix("/").partition("#")
    return bool(CODE_REFERENCE_PAGE.match(page) and CODE_OBJECT_ID.match(anchor))


def read_list(path: Path = PUBLIC_URLS) -> list[str]:
    """The committed list, without comments and blank lines."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


class LostURLs(ValueError):
    """Refreshing the list would drop URLs the build no longer answers."""


def write_list(site_dir: Path, path: Path = PUBLIC_URLS, allow_removals: bool = False) -> list[str]:
    """Refresh the list from a build, keeping listed URLs the build still answers (redirects, aliases).

    Listed URLs the build no longer answers raise `LostURLs` unless `allow_removals`:
    dropping one is a decision to break a public link, not a side effect of a refresh.
    """
    current = public_urls(site_dir)
    listed = read_list(path) if path.exists() else []
    lost = check_list(site_dir, [url for url in listed if url not in current])
    if lost and not allow_removals:
        raise LostURLs("\n".join(lost))
    kept = [
        url
        for url in listed
        if url not in current and not check_url(site_dir, url) and not is_code_object_url(url)
    ]
    urls = sorted(set(current) | set(kept), key=lambda url: (url.partition("#")[0], url))
    path.write_text(LIST_HEADER + "\n".join(urls) + "\n", encoding="utf-8")
    return urls


def _file_for(site_dir: Path, path: str) -> Path | None:
    """The built file a site-relative path (no query, no fragment) is served from, or None."""
    target = site_dir / unquote(path)
    if path == "" or path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target if target.is_file() else None


def check_url(site_dir: Path, url: str) -> str | None:
    """Why a listed URL (`page/` or `page/#anchor`) is no longer answered by the build, or None if it is."""
    path, _, anchor = url.lstrip("/").partition("#")
    followed = []
    for _ in range(5):
        file = _file_for(site_dir, path)
        if file is None:
            via = f" (redirected via {' -> '.join(followed)})" if followed else ""
            return f"{url}: page /{path} is gone{via}; add a redirect (mkdocs.yml: redirects)"
        if file.suffix != ".html":
            return f"{url}: /{path} is not a page, it has no anchors" if anchor else None
        page = parse(file)
        if page.redirect is None or not is_redirect_stub(file.read_text(encoding="utf-8")):
            break
        followed.append("/" + path)
        target = urlsplit(urljoin("/" + path, page.redirect))
        if target.scheme or target.netloc:
            return None
        path = target.path.lstrip("/")
        anchor = target.fragment or anchor
    else:
        return f"{url}: redirect loop ({' -> '.join(followed)})"
    if anchor and anchor not in page.ids:
        return (
            f"{url}: /{path} has no element with id '{anchor}' (heading renamed or removed?); "
            f"restore it or leave an alias on the page: [](){{#{anchor}}}"
        )
    return None


def check_list(site_dir: Path, urls: list[str]) -> list[str]:
    """Problems with each listed public URL that the build no longer answers."""
    return [problem for url in urls if (problem := check_url(site_dir, url))]


def internal_link_problems(site_dir: Path) -> list[str]:
    """Links in built pages to a page, file or anchor of the site that does not exist."""
    problems = []
    for page_url in site_pages(site_dir):
        source = "/" + page_url
        for href in parse(site_dir / page_url / "index.html").hrefs:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith(("javascript:", "mailto:")) or href == "":
                continue
            target = urljoin(source, href)
            problem = check_url(site_dir, urlsplit(target).path + _fragment(parts.fragment))
            if problem:
                problems.append(f"{source}: link {href!r}: {problem}")
    return sorted(set(problems))


def _fragment(fragment: str) -> str:
    return "#" + unquote(fragment) if fragment else ""


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    arguments = [arg for arg in argv[1:] if not arg.startswith("--")]
    site_dir = Path(arguments[0] if arguments else ROOT / "site")
    if not (site_dir / "index.html").is_file():
        print(f"{site_dir} has no index.html: build the site first (make build)", file=sys.stderr)
        return 2
    if command == "write":
        try:
            urls = write_list(site_dir, allow_removals="--allow-removals" in argv)
        except LostURLs as error:
            print(f"{error}\nthese listed URLs no longer resolve: add redirects or anchor aliases,")
            print("or drop them on purpose: python -m tests.support.links write SITE_DIR --allow-removals")
            return 1
        print(f"wrote {len(urls)} public URLs to {PUBLIC_URLS.relative_to(ROOT)}")
        return 0
    if command == "check":
        problems = check_list(site_dir, read_list()) + internal_link_problems(site_dir)
        print("\n".join(problems) or "every public URL and internal link resolves")
        return 1 if problems else 0
    print("usage: python -m tests.support.links write|check [SITE_DIR]", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
