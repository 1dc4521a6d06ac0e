"""Generate the site's Markdown from `docs/`, `data/` and the templates, without a site generator.

    python -m guide.generate [OUT] [--notebooks-as-markdown]     # default OUT: build/docs

A page under `docs/` asks for generated content with directive lines
(`<!-- guide:NAME ARG ... -->`, see `guide.render`). This module is the one
place that turns pages and data into finished Markdown:

- `page()` expands one page. The MkDocs hook calls it for every page it builds,
  so `mkdocs serve` regenerates on every edit to data, snippets or templates.
- `data_files()` returns the published `/data/*.json` files.
- `write()` writes every page, expanded, with every other file under `docs/` and
  the published data files, into a folder that any Markdown site generator can
  build as it is: `make zensical` builds it with Zensical, which runs no hooks.
  Only files whose content changed are rewritten, and files that no longer
  have a source are removed.

Errors (an unknown directive, bad data, a missing snippet) name the page and
its line, or the data file and its field.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

from guide import ROOT, publish, render, snippets
from guide.pages import DOCS_DIR

DEFAULT_OUT = ROOT / "build" / "docs"
SKIPPED_DIRS = {"templates"}
"""Folders of `docs/` that are not part of the site (MkDocs excludes `templates/` by default)."""

FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)


class GenerateError(ValueError):
    """A page or a data file could not be generated; the message names the file."""


def page(markdown: str, source: str, first_line: int = 1) -> str:
    """Expand the directives of one page and check the snippet files it includes.

    Args:
        markdown: The page's Markdown, after its front matter.
        source: The page's path relative to `docs/`.
        first_line: The line of the page file where `markdown` begins.

    Raises:
        GenerateError: A directive failed or an included file or section is missing.
    """
    try:
        expanded = render.expand(markdown, source, first_line=first_line)
    except (render.DirectiveError, ValueError, LookupError) as error:
        raise GenerateError(str(error)) from None
    for path, section in snippets.includes(expanded):
        try:
            snippets.check_include(path, section)
        except snippets.SnippetError as error:
            raise GenerateError(f"docs/{source}: {error}") from None
    return expanded


def data_files() -> dict[str, str]:
    """The published data files as `{"data/<name>.json": text}`."""
    try:
        return publish.rendered()
    except (ValueError, LookupError) as error:
        raise GenerateError(str(error)) from None


def page_file(text: str, source: str) -> str:
    """A whole page file (front matter kept as it is) with its body expanded."""
    front = FRONT_MATTER.match(text)
    head = front.group(0) if front else ""
    return head + page(text[len(head) :], source, first_line=head.count("\n") + 1)


def notebook_as_markdown(path: Path) -> str:
    """A notebook page as Markdown with its stored outputs, for site generators without a notebook plugin."""
    import nbformat
    from nbconvert import MarkdownExporter

    notebook = nbformat.read(path, as_version=4)
    body, _ = MarkdownExporter().from_notebook_node(notebook)
    description = json.dumps(notebook.metadata.get("description", ""), ensure_ascii=False)
    return f"---\ndescription: {description}\n---\n\n{body}"


@dataclass
class Written:
    """What `write` did."""

    pages: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def sources() -> list[Path]:
    """Every file under `docs/` that belongs to the site, in path order."""
    return sorted(
        path
        for path in DOCS_DIR.rglob("*")
        if path.is_file()
        and not any(part.startswith(".") for part in path.relative_to(DOCS_DIR).parts)
        and path.relative_to(DOCS_DIR).parts[0] not in SKIPPED_DIRS
    )


def write(out: Path = DEFAULT_OUT, notebooks_as_markdown: bool = False) -> Written:
    """Write the whole generated site source into `out`.

    Args:
        out: The folder to write; created if missing.
        notebooks_as_markdown: Write `name.md` for each `name.ipynb` (for generators
            without a notebook plugin) instead of copying the notebook.

    Raises:
        GenerateError: A page or a data file could not be generated.
    """
    result = Written()
    wanted: dict[str, bytes] = {}
    for path in sources():
        source = path.relative_to(DOCS_DIR).as_posix()
        if path.suffix == ".md":
            wanted[source] = page_file(path.read_text(encoding="utf-8"), source).encode("utf-8")
            result.pages.append(source)
        elif path.suffix == ".ipynb" and notebooks_as_markdown:
            markdown_source = source.removesuffix(".ipynb") + ".md"
            wanted[markdown_source] = notebook_as_markdown(path).encode("utf-8")
            result.pages.append(markdown_source)
        else:
            wanted[source] = path.read_bytes()
    for name, text in data_files().items():
        wanted[name] = text.encode("utf-8")
    for name, content in wanted.items():
        target = out / name
        if not target.is_file() or target.read_bytes() != content:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
            result.changed.append(name)
    if out.is_dir():
        for path in sorted(out.rglob("*"), reverse=True):
            name = path.relative_to(out).as_posix()
            if path.is_file() and name not in wanted:
                path.unlink()
                result.removed.append(name)
            elif path.is_dir() and not any(path.iterdir()):
                shutil.rmtree(path)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m guide.generate", description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, default=DEFAULT_OUT, help="folder to write (build/docs)")
    parser.add_argument("--notebooks-as-markdown", action="store_true", help="notebook pages as Markdown")
    options = parser.parse_args(argv)
    try:
        written = write(options.out, notebooks_as_markdown=options.notebooks_as_markdown)
    except GenerateError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(
        f"{options.out}: {len(written.pages)} pages; {len(written.changed)} files written, "
        f"{len(written.removed)} removed"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
