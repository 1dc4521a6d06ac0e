"""Send every bad input to every app on its real server and keep what came back.

Each app's server is started once, gets the six requests one after another, and is
stopped; a few servers run at the same time (`PARALLEL`) so the whole run stays short on
a small machine. The Django apps share one SQLite file, migrated once per run; the
observability apps read a one-row notes table in SQLite; the PostgreSQL apps each get a
database of their own on the server the caller started (`guide.bench.postgres.running()`),
where Flask and FastAPI create their table themselves and Django is migrated, as in
`tests/tasks/test_postgres.py`.

The servers write compiled bytecode to a cache of their own for the run
(`PYTHONPYCACHEPREFIX`): the environment usually forbids writing it
(`PYTHONDONTWRITEBYTECODE`), and without it each of the eighty-odd servers would compile
Django or FastAPI from source again.
"""

from __future__ import annotations

import sqlite3
import tempfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from pathlib import Path

from guide.bad_input import PROBES, excerpt, names_cause
from guide.bench.postgres import Server
from tests.badinput.apps import APPS, App
from tests.badinput.client import Answer, send
from tests.support import django_db
from tests.support.servers import ServerError, free_port, serve

PARALLEL = 3
OVERSIZED = 10 * 1024 * 1024
MALFORMED = b'{"name": '
STAND_IN = b'{"name": "Teapot"}'


def oversized_body() -> bytes:
    """A well-formed JSON object of exactly `OVERSIZED` bytes: one long string."""
    return b'{"name": "' + b"x" * (OVERSIZED - 12) + b'"}'


def _with_body(app: App, body: bytes, content_type: str) -> tuple[str, str, dict[str, str], bytes]:
    return app.method, app.path, {**app.headers, "Content-Type": content_type}, body


REQUESTS: dict[str, Callable[[App], tuple[str, str, dict[str, str], bytes]]] = {
    "malformed-json": lambda app: _with_body(app, MALFORMED, "application/json"),
    "oversized": lambda app: _with_body(app, oversized_body(), "application/json"),
    "wrong-type": lambda app: _with_body(app, app.body or STAND_IN, "text/plain"),
    "path-utf8": lambda app: ("GET", "/%ff", app.headers, b""),
    "query-utf8": lambda app: (
        app.method,
        app.path + "?q=%ff",
        {**app.headers, **({"Content-Type": app.content_type} if app.body else {})},
        app.body,
    ),
    "unknown-method": lambda app: ("BREW", app.path, app.headers, b""),
}
"""How each bad input (by `guide.bad_input.PROBES` id) is built from an app's main request."""


def bytecode_cache(folder: Path) -> dict[str, str]:
    """Environment that lets every process of the run share one bytecode cache in `folder`."""
    return {"PYTHONDONTWRITEBYTECODE": "", "PYTHONPYCACHEPREFIX": str(folder / "pycache")}


def migrate_django(folder: Path) -> None:
    """Create every Django table in a fresh SQLite file (and fill the bytecode cache with Django)."""
    django_db.migrate(django_db.sqlite_site(folder / "django.db", **bytecode_cache(folder)))


def create_notes(folder: Path) -> Path:
    """The observability apps' SQLite file: a `notes` table with note 1, as their tests make it."""
    path = folder / "notes.db"
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, title TEXT NOT NULL)")
        connection.execute("INSERT INTO notes (title) VALUES ('Buy milk')")
    return path


def on_postgres(app: App, folder: Path, server: Server) -> dict[str, str]:
    """A fresh database for `app` on `server`: its `DATABASE_URL`, the Django one migrated."""
    name = app.key
    server.create_database(name)
    if app.framework != "django":
        return {"DATABASE_URL": server.url(name, name)}
    url = server.url(name, name, scheme="postgresql")
    django_db.migrate({**bytecode_cache(folder), **app.env, "DATABASE_URL": url})
    return {"DATABASE_URL": url}


def probe(app: App, folder: Path, extra: dict[str, str]) -> dict[str, Answer]:
    """Start `app` under its server, send every bad input, stop it; return the answers by probe id."""
    port = free_port()
    command, env = app.command(port)
    env = {**env, **app.env, **bytecode_cache(folder), **extra}
    if app.framework == "django" or app.file.endswith("ninja_app.py"):
        env["DJANGO_DATABASE"] = str(folder / "django.db")
    if app.file.startswith(("snippets/crud/", "snippets/admin/")):
        env["DATABASE_URL"] = f"sqlite:///{folder / (app.key + '.db')}"
    if app.file.startswith("snippets/observability/"):
        env["NOTES_DATABASE"] = str(folder / "notes.db")
    log_path = folder / f"{app.key}.log"
    with log_path.open("wb") as log:
        try:
            with serve(command, port, ready_path="/", env=env, timeout=60, stdout=log, stderr=log):
                return {probe.id: send(port, *REQUESTS[probe.id](app)) for probe in PROBES}
        except (ServerError, OSError) as error:
            raise ServerError(f"{app.key}: {error}\n{log_path.read_text(errors='replace')[-3000:]}") from None


def run(
    apps: tuple[App, ...] = APPS, parallel: int = PARALLEL, postgres: Server | None = None
) -> dict[str, dict[str, Answer]]:
    """Probe every app, a few at a time; answers by app key, in the order of `apps`.

    Raises:
        ValueError: An app needs PostgreSQL and no `postgres` server was given.
    """
    if postgres is None and any(app.needs_postgres for app in apps):
        raise ValueError("the PostgreSQL apps need a server: pass postgres=, or leave them out")
    with (
        tempfile.TemporaryDirectory(prefix="badinput-") as name,
        ThreadPoolExecutor(max_workers=parallel) as pool,
    ):
        folder = Path(name)
        migrate_django(folder)
        create_notes(folder)
        extra = {app.key: on_postgres(app, folder, postgres) if app.needs_postgres else {} for app in apps}
        answers = list(pool.map(lambda app: probe(app, folder, extra[app.key]), apps))
    return {app.key: answer for app, answer in zip(apps, answers, strict=True)}


def as_result(app: App, answers: dict[str, Answer]) -> dict:
    """One app's entry in `data/bad_input_results.json`."""
    return {
        "key": app.key,
        "task": app.task,
        "framework": app.framework,
        "label": app.label,
        "file": app.file,
        "server": app.server,
        "request": app.request,
        "answers": {
            probe_id: {
                "status": answer.status,
                "media_type": answer.media_type,
                "names_cause": names_cause(probe_id, answer.status, answer.media_type, answer.body),
                "excerpt": excerpt(answer.status, answer.media_type, answer.body),
            }
            for probe_id, answer in answers.items()
        },
    }
