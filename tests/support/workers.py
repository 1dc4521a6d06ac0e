"""How pytest-xdist shares the tests out among its workers (`make test` runs two).

Each unit of work runs whole, in collection order, in one worker process:

- a test file, so a module's fixtures and the order of its tests hold as in one process;
- a folder whose files share results within a session (`SHARED_SESSION`): every bad-input
  test reads one run of all the apps;
- a set of tests whose end-of-run table counts all of them (`ONE_TABLE`: axe on every page).

The grouping is a scheduler (xdist's `pytest_xdist_make_scheduler` hook) rather than
`xdist_group` marks: `--dist loadgroup` renames items through `item._nodeid`, which pytest 9
no longer reads, so the marks group nothing there. Loaded for every run with `-p`
(pyproject.toml); without pytest-xdist, or without `-n`, the hook is never called.

The contract tests (tests/contract) are not run in workers at all: in an xdist worker,
Schemathesis 4.32's pytest integration collected 52 of the 87 cases a plain run collects,
so `make unit` runs that folder in a plain process after the others.
"""

from __future__ import annotations

import pytest

SHARED_SESSION = ("tests/badinput/",)
ONE_TABLE = {"tests/site/test_quality_pages.py::test_axe_finds_no_violation": "axe"}
"""Test function (node id up to its parameters) -> the unit all its cases run in."""


def work_unit(nodeid: str) -> str:
    """The unit of work a test belongs to: its table, its shared-session folder or its file."""
    function = nodeid.split("[", 1)[0]
    if function in ONE_TABLE:
        return ONE_TABLE[function]
    path = nodeid.split("::", 1)[0]
    return next((folder for folder in SHARED_SESSION if path.startswith(folder)), path)


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    from xdist.scheduler import LoadScopeScheduling

    class ByWorkUnit(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return work_unit(nodeid)

    return ByWorkUnit(config, log)
