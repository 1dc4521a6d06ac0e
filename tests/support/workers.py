"""How pytest-xdist shares the tests out among its workers (`make test` runs two).

Each unit of work runs whole, in collection order, in one worker process:

- a test file, so a module's fixtures and the order of its tests hold as in one process;
- a folder whose files share results within a session (`SHARED_SESSION`): every bad-input
  test reads one run of all the apps;

except in a file whose every test stands alone (`EACH_TEST_ALONE`: a page and a palette per
axe or privacy check), where each test is a unit, so that both workers share those pages.

End-of-run tables need no grouping: `tests.support.summaries` joins the workers' records.

The grouping is a scheduler (xdist's `pytest_xdist_make_scheduler` hook) rather than
`xdist_group` marks: `--dist loadgroup` renames items through `item._nodeid`, which pytest 9
no longer reads, so the marks group nothing there. Loaded for every run with `-p`
(pyproject.toml); without `-n` the hook is never called.

The contract tests (tests/contract) are not run in workers at all: in an xdist worker,
Schemathesis 4.32's pytest integration collected 52 of the 87 cases a plain run collects,
so `make unit` runs that folder in a plain process after the others.
"""

from __future__ import annotations

import pytest
from xdist.scheduler import LoadScopeScheduling

SHARED_SESSION = ("tests/badinput/",)
EACH_TEST_ALONE = ("tests/site/test_quality_pages.py",)


def work_unit(nodeid: str) -> str:
    """The unit of work a test belongs to: itself, its shared-session folder or its file."""
    path = nodeid.split("::", 1)[0]
    if path in EACH_TEST_ALONE:
        return nodeid
    return next((folder for folder in SHARED_SESSION if path.startswith(folder)), path)


class ByWorkUnit(LoadScopeScheduling):
    """xdist's scope scheduling, with `work_unit` as the scope."""

    def _split_scope(self, nodeid: str) -> str:
        return work_unit(nodeid)


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    return ByWorkUnit(config, log)
