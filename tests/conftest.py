"""What every test run shares: which stack it tests, tests that exist on one stack only, PostgreSQL.

The header names the stack and the versions under test, so a log of `make test` says
what was verified. A test marked `@pytest.mark.stack("current", reason=...)` runs only on
that stack and is skipped elsewhere with its reason, never silently.

The stacks lock the same versions of everything but Django. On a stack other than the
first, a test case parametrized for Flask or FastAPI alone (its id starts `[flask` or
`[fastapi` and names no Django library) cannot depend on the stack: it is deselected, and
the header says so. If the stacks ever differ in another package, nothing is deselected.

The `serve_app` fixture starts snippet apps under their production servers on loopback for
one test and stops them when it ends (`tests.support.servers`). The `postgres` fixture is one
throwaway PostgreSQL server for the session (`guide.bench.postgres`). Without PostgreSQL on
the machine it skips with the reason, except in CI (`CI=true`), which installs it (.ci/run)
and so must not skip.
"""

import os
import platform
import re
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from functools import cache

import pytest

from guide import versions
from guide.bench.postgres import Server, Unavailable, running
from guide.frameworks import LABELS
from tests.support import servers


def pytest_report_header(config):
    stack = versions.installed_stack()
    named = ", ".join(
        f"{LABELS[name]} {versions.version(name, stack_name=stack.name)}"
        for name in ("django", "flask", "fastapi")
    )
    header = f"stack: {stack.name} (Python {platform.python_version()}, {named})"
    if stack != versions.STACKS[0] and only_django_differs():
        header += "; only Django differs from the current stack: Flask- and FastAPI-only cases deselected"
    return header


DJANGO_LIBRARIES = ("django", "ninja", "drf")
NOT_DJANGO_CASE = re.compile(r"\[(flask|fastapi)")


@cache
def only_django_differs() -> bool:
    """Whether the tested stacks lock the same version of every package except Django."""
    first, *others = (versions.locked_versions(stack_name=stack.name) for stack in versions.STACKS)
    return all(
        {name for name in first.keys() | other.keys() if first.get(name) != other.get(name)} <= {"django"}
        for other in others
    )


def stack_independent(nodeid: str) -> bool:
    """A case for Flask or FastAPI alone: its outcome cannot depend on the Django version."""
    lowered = nodeid.lower()
    return bool(NOT_DJANGO_CASE.search(nodeid)) and not any(name in lowered for name in DJANGO_LIBRARIES)


def pytest_collection_modifyitems(config, items):
    here = versions.installed_stack()
    if here != versions.STACKS[0] and only_django_differs():
        deselected = [item for item in items if stack_independent(item.nodeid)]
        if deselected:
            config.hook.pytest_deselected(items=deselected)
            items[:] = [item for item in items if not stack_independent(item.nodeid)]
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


@pytest.fixture
def serve_app() -> Iterator[Callable[..., servers.RunningServer]]:
    """Start an app under its production server for this test; every one started stops when it ends.

        server = serve_app(task_app("hello", "flask"), ready_path="/hello")

    Takes the arguments of `tests.support.servers.running` (`ready_path`, `env`, `timeout`, ...)
    and returns the running server (`base_url`, `process`).
    """
    with ExitStack() as stack:
        yield lambda served, **options: stack.enter_context(servers.running(served, **options))
