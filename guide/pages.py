"""Pages and their URLs: the one place that maps a page under `docs/` to a link or a site URL.

Data files name pages as MkDocs does, by their path under `docs/` with an
optional anchor (`tasks/basics.md#hello`). With MkDocs's `use_directory_urls`
(the default, which this site keeps) `tasks/basics.md` is built as
`tasks/basics/` and `tasks/index.md` as `tasks/`; a test checks `site_url`
against MkDocs's own `File` objects.
"""

from __future__ import annotations

from posixpath import dirname, relpath
from typing import Annotated

from pydantic import AfterValidator

from guide import ROOT

DOCS_DIR = ROOT / "docs"


def existing_page(target: str) -> str:
    """Check that a `page.md#anchor` target names a page under `docs/`.

    Raises:
        ValueError: No such page; the message names the missing file.
    """
    path = target.partition("#")[0]
    if not (DOCS_DIR / path).is_file():
        raise ValueError(f"page docs/{path} does not exist")
    return target


PageTarget = Annotated[str, AfterValidator(existing_page)]
"""A data-file field naming a page under `docs/`, with an optional `#anchor`, that must exist."""


def relative(from_page: str, target: str) -> str:
    """A Markdown link from one page to a `page.md#anchor` target (both relative to `docs/`)."""
    path, _, anchor = target.partition("#")
    link = relpath(path, dirname(from_page) or ".")
    return f"{link}#{anchor}" if anchor else link


def site_url(target: str) -> str:
    """The built site's URL (relative to the site root) of a `page.md#anchor` target."""
    path, _, anchor = target.partition("#")
    stem = path.removesuffix(".md")
    folder = stem.removesuffix("index") if stem == "index" or stem.endswith("/index") else stem + "/"
    return f"{folder}#{anchor}" if anchor else folder
