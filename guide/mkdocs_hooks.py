"""MkDocs hooks: the only place the build calls into the `guide` package.

The content itself comes from `guide.generate`, which works without MkDocs
(`python -m guide.generate` writes the same pages for any site generator).
These hooks only hand MkDocs what it generates, and check what MkDocs knows:

- every page must carry a `description` in its front matter (used for the
  meta description and link previews);
- each page is expanded by `guide.generate.page` (directive lines, see `guide.render`);
- snippet includes are recorded so the tests can find snippets no page shows;
- the published data files are added to the site as `data/*.json`, so links to
  them are checked like links to pages.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from guide import generate, snippets

_included: dict[str, set[str]] = {}


def includes_record(site_dir: str | Path) -> Path:
    """Where a build into `site_dir` records which page includes which snippet file.

    A sibling of the site folder (`site` -> `site.includes.json`), so that
    builds into different folders never share it and it is never published.
    """
    site_dir = Path(site_dir)
    return site_dir.with_name(site_dir.name + ".includes.json")


def on_pre_build(config, **kwargs) -> None:
    _included.clear()


def on_files(files, config, **kwargs):
    try:
        published = generate.data_files()
    except generate.GenerateError as error:
        raise PluginError(str(error)) from None
    for src_uri, content in published.items():
        files.append(File.generated(config, src_uri, content=content))
    return files


def on_page_markdown(markdown, page, config, files, **kwargs):
    source = page.file.src_uri
    if source.endswith(".ipynb") and not page.meta.get("description"):
        page.meta["description"] = notebook_description(Path(page.file.abs_src_path))
    if not page.meta.get("description"):
        raise PluginError(
            f"docs/{source}: front matter has no 'description' (needed for search previews and SEO)"
        )
    try:
        markdown = generate.page(markdown, source, first_line=body_start(page.file.content_string, markdown))
    except generate.GenerateError as error:
        raise PluginError(str(error)) from None
    for path, _section in snippets.includes(markdown):
        _included.setdefault(path, set()).add(source)
    return markdown


def body_start(source: str, markdown: str) -> int:
    """Line number, in the page file, where the Markdown after the front matter begins."""
    if not source.endswith(markdown):
        return 1
    return source[: len(source) - len(markdown)].count("\n") + 1


def notebook_description(path: Path) -> str | None:
    """A notebook's page description, from `metadata.description` in the `.ipynb` file."""
    return json.loads(path.read_text(encoding="utf-8")).get("metadata", {}).get("description")


def on_post_build(config, **kwargs) -> None:
    includes_record(config.site_dir).write_text(
        json.dumps({path: sorted(pages) for path, pages in sorted(_included.items())}, indent=2) + "\n",
        encoding="utf-8",
    )
