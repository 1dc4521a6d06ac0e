"""Tables printed at the end of a test run, whole also when pytest-xdist runs the tests in workers.

A test module or conftest registers a table with `table(title, lines)`: `lines` is called once
at the end of the session, in the process that ran the tests, and returns the table's lines
(nothing when that process ran none of them). Under pytest-xdist (`make unit` runs `-n 2`)
each worker renders its own tables and sends them to the main process, which prints them; a
table is whole when every test feeding it ran in one worker, which `tests.support.workers`
ensures. Loaded for every run with `-p` (pyproject.toml).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

_tables: dict[str, Callable[[], list[str]]] = {}
"""Tables registered in this process: title -> what renders its lines."""
_received: list[tuple[str, list[str]]] = []
"""Tables rendered by pytest-xdist workers, in the order the workers finished."""


def table(title: str, lines: Callable[[], list[str]]) -> None:
    """Print `lines()` under `title` at the end of the run, unless it returns no line."""
    _tables[title] = lines


def _rendered() -> list[tuple[str, list[str]]]:
    return [(title, found) for title, render in _tables.items() if (found := render())]


def pytest_sessionfinish(session):
    output = getattr(session.config, "workeroutput", None)
    if output is not None:
        output["summaries"] = _rendered()


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    sent = getattr(node, "workeroutput", {}).get("summaries", [])
    _received.extend((title, list(lines)) for title, lines in sent)


def pytest_terminal_summary(terminalreporter, config):
    if getattr(config, "workeroutput", None) is not None:
        return
    for title, lines in [*_received, *_rendered()]:
        terminalreporter.write_sep("=", title)
        for line in lines:
            terminalreporter.write_line(line)
