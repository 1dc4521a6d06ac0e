"""Facts about the example apps under `snippets/`: which exist, how long they are, who includes them."""

from __future__ import annotations

import re

from guide import ROOT

SNIPPETS_DIR = ROOT / "snippets"

INCLUDE = re.compile(r"""^\s*--8<--\s+["']([^"':]+)(?::([^"']*))?["']\s*$""")
"""A single-line pymdownx.snippets include: `--8<-- "path"` or `--8<-- "path:section"`."""


class SnippetError(LookupError):
    """A snippet file a page or data file names does not exist."""


def snippet_files() -> list[str]:
    """Every Python file under `snippets/` that a page must show, relative to the repository root."""
    return sorted(
        str(path.relative_to(ROOT))
        for path in SNIPPETS_DIR.rglob("*.py")
        if path.name != "__init__.py" and "__pycache__" not in path.parts
    )


def includes(markdown: str) -> list[tuple[str, str | None]]:
    """The `(file, section)` pairs a page's Markdown includes with single-line snippet includes."""
    return [
        (match.group(1), match.group(2)) for line in markdown.splitlines() if (match := INCLUDE.match(line))
    ]


def check_include(path: str, section: str | None) -> None:
    """Raise a clear error when an included file, or a named section of it, does not exist.

    pymdownx.snippets (with `check_paths`) fails the build too, but without
    naming the page or the file; this check runs first and names both.

    Raises:
        SnippetError: The file or the section is missing.
    """
    file = ROOT / path
    if not file.is_file():
        raise SnippetError(f"includes {path}, which does not exist")
    if section is None or section.replace(",", "").replace("-", "").isdigit():
        return
    text = file.read_text(encoding="utf-8")
    if f"[start:{section}]" not in text or f"[end:{section}]" not in text:
        raise SnippetError(f"includes section {section!r} of {path}, which has no such section")


def line_count(path: str) -> int:
    """Count the non-blank lines of a snippet file (the code a reader has to read).

    Args:
        path: The file, relative to the repository root.

    Raises:
        SnippetError: The file does not exist.
    """
    file = ROOT / path
    if not file.is_file():
        raise SnippetError(f"{path}: snippet file not found")
    return sum(1 for line in file.read_text(encoding="utf-8").splitlines() if line.strip())
