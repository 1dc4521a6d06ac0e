"""Inspect the built site: resources loaded from other origins, page metadata, snippets no page shows."""

from __future__ import annotations

import re
from collections.abc import Iterable
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

RESOURCE_ATTRIBUTES = {
    "script": ("src",),
    "img": ("src", "srcset"),
    "iframe": ("src",),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "track": ("src",),
}
"""Elements whose attributes make the browser fetch something."""

LOADED_LINK_RELS = {
    "stylesheet",
    "icon",
    "preload",
    "modulepreload",
    "prefetch",
    "manifest",
    "preconnect",
    "dns-prefetch",
}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)""")
CSS_IMPORT = re.compile(r"""@import\s+['"]([^'"]+)""")


def is_other_origin(url: str) -> bool:
    """True when a URL points at another origin (absolute `http(s)://` or protocol-relative `//`)."""
    url = url.strip()
    return url.startswith("//") or urlsplit(url).scheme in {"http", "https", "ws", "wss", "ftp"}


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.resources: list[tuple[str, str]] = []
        self.meta: dict[str, str] = {}
        self.links: dict[str, str] = {}
        self.styles: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        for name in RESOURCE_ATTRIBUTES.get(tag, ()):
            if attributes.get(name):
                for url in attributes[name].split(","):
                    self.resources.append((tag, url.strip().split(" ")[0]))
        if tag == "link":
            rels = set(attributes.get("rel", "").lower().split())
            if rels & LOADED_LINK_RELS and attributes.get("href"):
                self.resources.append((f"link rel={' '.join(sorted(rels))}", attributes["href"]))
            for rel in rels:
                self.links.setdefault(rel, attributes.get("href", ""))
        if tag == "meta":
            key = attributes.get("name") or attributes.get("property")
            if key:
                self.meta[key] = attributes.get("content", "")
        if "style" in attributes:
            self.styles.append(attributes["style"])
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.styles.append(data)


def parse_page(path: Path) -> _Collector:
    """Parse one HTML file and collect what it loads, its meta tags and its link relations."""
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8"))
    return collector


def css_references(css: str) -> list[str]:
    """URLs a stylesheet makes the browser fetch (`url()` and `@import`)."""
    return CSS_URL.findall(css) + CSS_IMPORT.findall(css)


def external_resources(site_dir: Path) -> list[str]:
    """Every place in the built site that loads a resource from another origin, as `file: element url`."""
    found = []
    for page in sorted(site_dir.rglob("*.html")):
        collected = parse_page(page)
        for element, url in collected.resources:
            if is_other_origin(url):
                found.append(f"{page.relative_to(site_dir)}: <{element}> {url}")
        for style in collected.styles:
            found.extend(
                f"{page.relative_to(site_dir)}: inline style url {url}"
                for url in css_references(style)
                if is_other_origin(url)
            )
    for sheet in sorted(site_dir.rglob("*.css")):
        found.extend(
            f"{sheet.relative_to(site_dir)}: url {url}"
            for url in css_references(sheet.read_text(encoding="utf-8"))
            if is_other_origin(url)
        )
    return found


def orphan_snippets(snippet_files: Iterable[str], included: Iterable[str]) -> list[str]:
    """Snippet files that no page includes."""
    return sorted(set(snippet_files) - set(included))
