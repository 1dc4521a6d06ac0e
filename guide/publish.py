"""Data files the site publishes under `/data/` as JSON.

Topic modules register a function with `@published("name.json")`. The build
adds what each returns to the site as the file `data/name.json` (see
`rendered`), so pages can link to it like any other file and MkDocs checks
those links.
"""

from __future__ import annotations

import json
from collections.abc import Callable

Producer = Callable[[], object]
_PUBLISHED: dict[str, Producer] = {}


def published(filename: str) -> Callable[[Producer], Producer]:
    """Register a function whose return value the site publishes as `/data/<filename>`."""

    def register(function: Producer) -> Producer:
        _PUBLISHED[filename] = function
        return function

    return register


def producers() -> dict[str, Producer]:
    """Return the registered producers by file name."""
    from guide.render import load_topics

    load_topics()
    return dict(_PUBLISHED)


def rendered() -> dict[str, str]:
    """Every published data file as `{"data/<name>.json": json_text}`, in name order."""
    return {
        f"data/{filename}": json.dumps(produce(), indent=2, ensure_ascii=False) + "\n"
        for filename, produce in sorted(producers().items())
    }
