"""The tests' PostgreSQL server: one per session, from `guide.postgres`.

Without PostgreSQL on the machine the fixture skips with the reason, except in CI
(`CI=true`), which installs it (.ci/run) and so must not skip.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from guide.postgres import Server, Unavailable, running


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
