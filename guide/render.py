"""Directives that render data into Markdown pages.

A page asks for generated content with a line of its own of the form

    <!-- guide:NAME ARG ... -->

and the build replaces that line with the Markdown the renderer registered
under NAME returns. The line is an HTML comment, so a page read as plain
Markdown (on GitHub, in an editor) still makes sense. Renderers are small
functions in the topic modules (`guide.tasks`, `guide.compare`, ...), each
registered with `@directive("name")`.
"""

from __future__ import annotations

import importlib
import shlex
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from guide import pages

PREFIX = "<!-- guide:"
SUFFIX = "-->"

TOPIC_MODULES = (
    "guide.site",
    "guide.tasks",
    "guide.compare",
    "guide.popularity",
    "guide.contract",
    "guide.bad_input",
    "guide.support",
    "guide.decide",
    "guide.migrate",
    "guide.bench.report",
    "guide.bench.coldstart",
)
"""Modules whose import registers directives and published data files."""

Renderer = Callable[..., str]
_DIRECTIVES: dict[str, Renderer] = {}


class DirectiveError(ValueError):
    """A page uses a directive that does not exist or gives it bad arguments."""


@dataclass(frozen=True)
class Context:
    """What a renderer may know about the page it renders into."""

    page: str
    """Source path of the page, relative to `docs/`."""

    def link(self, target: str) -> str:
        """A Markdown link target from this page to a `page.md#anchor` target under `docs/`."""
        return pages.relative(self.page, target)


def directive(name: str) -> Callable[[Renderer], Renderer]:
    """Register a renderer under a directive name.

    The renderer is called as `renderer(context, *args)` and returns Markdown.
    """

    def register(function: Renderer) -> Renderer:
        if name in _DIRECTIVES and _DIRECTIVES[name] is not function:
            raise DirectiveError(f"directive {name!r} is registered twice")
        _DIRECTIVES[name] = function
        return function

    return register


def load_topics() -> None:
    """Import every topic module so that its directives are registered."""
    for module in TOPIC_MODULES:
        importlib.import_module(module)


def directives() -> dict[str, Renderer]:
    """Return the registered directives by name."""
    load_topics()
    return dict(_DIRECTIVES)


def parse(line: str) -> tuple[str, list[str]] | None:
    """Split a directive line into its name and arguments.

    Returns:
        `None` when the line is not a directive.
    """
    stripped = line.strip()
    if not (stripped.startswith(PREFIX) and stripped.endswith(SUFFIX)):
        return None
    words = shlex.split(stripped[len(PREFIX) : -len(SUFFIX)])
    if not words:
        raise DirectiveError(f"empty directive: {stripped}")
    return words[0], words[1:]


def expand(markdown: str, page: str, first_line: int = 1) -> str:
    """Replace every directive line of a page with its rendered Markdown.

    Args:
        markdown: The page source.
        page: The page's path relative to `docs/`, used in error messages.
        first_line: Line number of the first line of `markdown` in the page's
            file (after the front matter), so error messages point at the file.

    Raises:
        DirectiveError: Unknown directive, or the renderer rejected its
            arguments; the message names the page and the line.
    """
    known = directives()
    lines = []
    for number, line in enumerate(markdown.splitlines(), start=first_line):
        try:
            parsed = parse(line)
        except (DirectiveError, ValueError) as error:
            raise DirectiveError(f"docs/{page}:{number}: {error}") from None
        if parsed is None:
            lines.append(line)
            continue
        name, args = parsed
        if name not in known:
            raise DirectiveError(
                f"docs/{page}:{number}: unknown directive {name!r}; known: {', '.join(sorted(known))}"
            )
        try:
            lines.append(known[name](Context(page=page), *args))
        except DirectiveError as error:
            raise DirectiveError(f"docs/{page}:{number}: {error}") from None
        except (LookupError, ValueError, TypeError) as error:
            raise DirectiveError(f"docs/{page}:{number}: {name}: {error}") from None
    return "\n".join(lines) + "\n"


def by_id[Item](items: Iterable[Item], item_id: str, what: str, source: str) -> Item:
    """The item whose `id` is `item_id`, for data files whose entries have ids.

    Raises:
        DirectiveError: No item has that id; the message names the data file.
    """
    for item in items:
        if item.id == item_id:
            return item
    raise DirectiveError(f"no {what} {item_id!r} in data/{source}")


def table(header: list[str], rows: list[list[str]]) -> str:
    """Render a Markdown table, escaping pipes in cells."""

    def cells(values: list[str]) -> str:
        return "| " + " | ".join(str(value).replace("|", "\\|") for value in values) + " |"

    return "\n".join([cells(header), cells(["---"] * len(header)), *map(cells, rows)])
