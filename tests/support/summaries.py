"""Tables printed at the end of a test run, whole also when pytest-xdist runs the tests in workers.

A test module or conftest registers a table with `table(title, rows, render)`: `rows` is called
once at the end of the session, in the process that ran the tests, and returns the records
that process gathered (none when it ran no test feeding the table); `render` turns records
into the printed text. Under pytest-xdist (`make test` runs two workers) each worker sends
its records to the main process, which joins them per title and renders the table, so the
axe table counts every page whichever worker checked it. `render` must be a module-level
function (the main process imports it by name) and records plain data (JSON-like). Loaded
for every run with `-p` (pyproject.toml).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

import pytest

_tables: dict[str, tuple[Callable[[], list], Callable[[list], str]]] = {}
"""Tables registered in this process: title -> (what gathers its records, what renders them)."""
_received: dict[str, tuple[str, list]] = {}
"""Records joined in the main process, from the workers and its own tests: title -> (the
renderer's import name, the records)."""


def table(title: str, rows: Callable[[], list], render: Callable[[list], str]) -> None:
    """Print `render(records)` under `title` at the end of the run, unless no process gathered any."""
    _tables[title] = (rows, render)


def lines(records: list[str]) -> str:
    """The renderer for a table whose records are already its printed lines."""
    return "\n".join(records)


def _name(render: Callable) -> str:
    return f"{render.__module__}:{render.__qualname__}"


def _load(name: str) -> Callable[[list], str]:
    module, _, attribute = name.partition(":")
    return getattr(importlib.import_module(module), attribute)


def _gathered() -> dict[str, tuple[str, list]]:
    return {title: (_name(render), found) for title, (rows, render) in _tables.items() if (found := rows())}


def pytest_sessionfinish(session):
    output = getattr(session.config, "workeroutput", None)
    if output is not None:
        output["summaries"] = _gathered()


def _join(found: dict[str, tuple[str, list]]) -> None:
    for title, (render, records) in found.items():
        _received.setdefault(title, (render, []))[1].extend(records)


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    _join(getattr(node, "workeroutput", {}).get("summaries", {}))


def pytest_terminal_summary(terminalreporter, config):
    if getattr(config, "workeroutput", None) is not None:
        return
    _join(_gathered())
    for title, (render, records) in _received.items():
        terminalreporter.write_sep("=", title)
        terminalreporter.write_line(_load(render)(records))
