"""What every test run shares: which stack it tests, tests that exist on one stack only, PostgreSQL.

The header names the stack and the versions under test, so a log of `make test` says
what was verified. A test marked `@pytest.mark.stack("current", reason=...)` runs only on
that stack and is skipped elsewhere with its reason, never silently.

The `postgres` fixture is one throwaway PostgreSQL server for the session
(`guide.bench.postgres`). Without PostgreSQL on the machine it skips with the reason, except
in CI (`CI=true`), which installs it (.ci/run) and so must not skip.
"""

import os
import platform
from collections.abc import Iterator

import pytest

from guide import versions
from guide.bench.postgres import Server, Unavailable, running
from guide.frameworks import LABELS


def pytest_report_header(config):
    stack = versions.installed_stack()
    named = ", ".join(
        f"{LABELS[name]} {versions.version(name, stack_name=stack.name)}"
        for name in ("django", "flask", "fastapi")
    )
    return f"stack: {stack.name} (Python {platform.python_version()}, {named})"


def pytest_collection_modifyitems(config, items):
    here = versions.installed_stack()
    for item in items:
        marker = item.get_closest_marker("stack")
        if marker is None:
            continue
        wanted = versions.stack(marker.args[0])
        if wanted != here:
            reason = marker.kwargs.get("reason", "")
            item.add_marker(
                pytest.mark.skip(reason=f"{wanted.title} stack only, not {here.title}: {reason}".rstrip(": "))
            )


@pytest.fixture(scope="session")
def postgres() -> Iterator[Server]:
    """One throwaway PostgreSQL server for the whole test session."""
    try:
        with running() as server:
            yield server
    except Unavailable as reason:
        if os.environ.get("CI") == "true":
            pytest.fail(f"PostgreSQL is required in CI: {reason}")
        pytest.skip(str(reason))
