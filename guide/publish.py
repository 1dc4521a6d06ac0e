"""Data files the site publishes under `/data/` as JSON.

Topic modules register a function with `@published("name.json")`; after the
build, `write_all` writes what each returns into `site/data/`.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

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


def write_all(site_dir: Path) -> list[Path]:
    """Write every published data file into `site_dir/data/` and return their paths."""
    target = site_dir / "data"
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for filename, produce in sorted(producers().items()):
        path = target / filename
        path.write_text(json.dumps(produce(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        written.append(path)
    return written
