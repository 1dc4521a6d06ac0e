"""One run per session: every app that exists on this stack is started once and gets every bad input.

The PostgreSQL apps run against the session's server (`postgres` in tests/conftest.py); where that
fixture skips (no PostgreSQL on this machine, never in CI) they are left out of the run
and their tests skip, while every other app is still probed.
"""

import pytest

from guide import versions
from tests.badinput import run
from tests.badinput.apps import APPS

NO_POSTGRES = "no PostgreSQL here (fixture `postgres`, tests/conftest.py): the PostgreSQL apps were not run"


def on_this_stack(app) -> bool:
    return app.variant is None or versions.stack(app.variant.stack) == versions.installed_stack()


@pytest.fixture(scope="session")
def postgres_or_none(request):
    """The session's PostgreSQL server, or `None` where the `postgres` fixture skips."""
    try:
        return request.getfixturevalue("postgres")
    except pytest.skip.Exception:
        return None


@pytest.fixture(scope="session")
def answers(postgres_or_none):
    """The answers of every app on this stack, by app key and probe id (a minute or two on two cores)."""
    apps = tuple(
        app for app in APPS if on_this_stack(app) and (postgres_or_none is not None or not app.needs_postgres)
    )
    return run.run(apps, postgres=postgres_or_none)


@pytest.fixture
def answers_of(answers):
    """One app's answers; skips an app the run left out for want of PostgreSQL."""

    def get(app):
        if app.key not in answers:
            pytest.skip(NO_POSTGRES)
        return answers[app.key]

    return get
