"""Databases for Django apps that a test runs in a process of their own (under gunicorn or uvicorn).

The test process's Django uses pytest-django's test database; a server started by a test
reads its database from the environment instead, so the tables are made beforehand with
`django-admin` in a fresh interpreter, as a deployment runs `manage.py migrate`.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

from guide import ROOT

SITE_SETTINGS = "snippets.django_site.settings"
"""The settings of the Django project the examples run in; `DJANGO_DATABASE` names its SQLite file."""


def sqlite_site(database: Path, **extra: str) -> dict[str, str]:
    """The environment that points the examples' Django project at the SQLite file `database`."""
    return {"DJANGO_SETTINGS_MODULE": SITE_SETTINGS, "DJANGO_DATABASE": str(database), **extra}


def manage(env: Mapping[str, str], *command: str, timeout: float = 60) -> None:
    """Run `python -m django COMMAND` from the repository root with `env` over this process's
    environment (less `DJANGO_URLCONF`, which a test may have set for its own app).

    Raises:
        RuntimeError: The command failed; its output is in the message.
    """
    inherited = {name: value for name, value in os.environ.items() if name != "DJANGO_URLCONF"}
    finished = subprocess.run(
        [sys.executable, "-m", "django", *command],
        cwd=ROOT,
        env=inherited | dict(env),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if finished.returncode != 0:
        raise RuntimeError(f"django {' '.join(command)} failed:\n{finished.stdout}{finished.stderr}")


def migrate(env: Mapping[str, str]) -> dict[str, str]:
    """Create every table of the settings `env` names; return `env` for the server."""
    manage(env, "migrate", "--no-input", "-v", "0")
    return dict(env)


def with_superuser(env: Mapping[str, str], username: str, password: str) -> dict[str, str]:
    """Migrate, then add a superuser as `createsuperuser --no-input` does; return `env` for the server
    (with `DJANGO_SUPERUSER_PASSWORD`)."""
    env = migrate({**env, "DJANGO_SUPERUSER_PASSWORD": password})
    manage(env, "createsuperuser", "--no-input", "--username", username, "--email", f"{username}@example.com")
    return env
