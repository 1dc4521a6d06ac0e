"""Snippet apps under their production servers on 127.0.0.1, for the real-server tests.

Every real-server test starts its app the same way: the production server from the
project's virtualenv (gunicorn for Flask and Django over WSGI, uvicorn for ASGI apps), one
worker, a free port on loopback, then it waits until the app answers and stops the server's
process group afterwards (`guide.bench.servers.serve`, which the benchmark harness uses too).

    def test_hello(serve_app):
        server = serve_app(task_app("hello", "flask"), ready_path="/hello")
        urllib.request.urlopen(server.base_url + "/hello")

`serve_app` (tests/conftest.py) stops every server it started when the test ends; `running`
is the context manager under it, for a server that must stop inside a test or that a
module-scoped fixture keeps. `Served` names an app and its server; `task_app` is the usual
one for a task's `snippets/<task>/<framework>_app.py`, and `gunicorn`/`uvicorn` build the
command lines for anything else.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from guide.bench.servers import HOST, RunningServer, ServerError, free_port, serve

__all__ = [
    "BIN",
    "DJANGO_ASGI",
    "DJANGO_WSGI",
    "HOST",
    "RunningServer",
    "Served",
    "ServerError",
    "free_port",
    "gunicorn",
    "gunicorn_production",
    "running",
    "serve",
    "task_app",
    "uvicorn",
]

BIN = Path(sys.executable).parent
"""The virtualenv's scripts folder: the servers of the stack under test."""
DJANGO_WSGI = "snippets.django_site.wsgi:app"
DJANGO_ASGI = "snippets.django_site.asgi:app"


def gunicorn(app: str, port: int, *options: str) -> list[str]:
    """gunicorn with one worker on 127.0.0.1:`port`; `options` go before the app (`--threads 4`)."""
    return [str(BIN / "gunicorn"), "--bind", f"{HOST}:{port}", "--workers", "1", *options, app]


def uvicorn(app: str, port: int, *options: str) -> list[str]:
    """uvicorn on 127.0.0.1:`port` without the access log; `options` go before the app."""
    return [str(BIN / "uvicorn"), "--host", HOST, "--port", str(port), "--no-access-log", *options, app]


def gunicorn_production(app: str, port: int) -> tuple[list[str], dict[str, str]]:
    """gunicorn with the operations page's configuration (`snippets/production/gunicorn_conf.py`),
    one worker with four threads: the command and the environment the configuration reads."""
    command = [str(BIN / "gunicorn"), "--config", "python:snippets.production.gunicorn_conf", app]
    return command, {"HOST": HOST, "PORT": str(port), "WEB_CONCURRENCY": "1", "THREADS": "4"}


COMMANDS = {"gunicorn": gunicorn, "uvicorn": uvicorn}


@dataclass(frozen=True)
class Served:
    """An app (`module:attribute`) and the server that runs it, with the environment it needs."""

    server: str
    """`gunicorn` or `uvicorn`."""
    app: str
    env: Mapping[str, str] = field(default_factory=dict)
    options: tuple[str, ...] = ()
    """Server options before the app, such as `("--threads", "4")`."""

    def command(self, port: int) -> list[str]:
        """The command line that serves the app on 127.0.0.1:`port`."""
        return COMMANDS[self.server](self.app, port, *self.options)


def task_app(task: str, framework: str, **env: str) -> Served:
    """A task's app (`snippets/<task>/<framework>_app.py`) under the server its page shows:
    Flask under gunicorn, FastAPI under uvicorn, Django under gunicorn (the shared WSGI entry
    point with the app's URLconf). `task` is the snippet folder (`token_auth`)."""
    if framework == "flask":
        return Served("gunicorn", f"snippets.{task}.flask_app:app", env)
    if framework == "fastapi":
        return Served("uvicorn", f"snippets.{task}.fastapi_app:app", env)
    if framework == "django":
        return Served("gunicorn", DJANGO_WSGI, {"DJANGO_URLCONF": f"snippets.{task}.django_app", **env})
    raise ValueError(f"unknown framework {framework!r} for snippets/{task}/")


@contextmanager
def running(
    served: Served, ready_path: str = "/", env: Mapping[str, str] | None = None, timeout: float = 30, **popen
) -> Iterator[RunningServer]:
    """Serve `served` on a free port for the `with` block; `env` adds to its own environment.

    Raises:
        ServerError: The server is missing, exits early or does not answer `ready_path` in time.
    """
    port = free_port()
    environment = {**served.env, **(env or {})}
    with serve(
        served.command(port), port, ready_path=ready_path, env=environment, timeout=timeout, **popen
    ) as server:
        yield server
