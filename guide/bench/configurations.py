"""The server configurations the harness measures: framework, server, worker model, exact command.

Every configuration runs ONE worker process, pinned to the server core, so the
numbers compare frameworks and servers per core rather than how many
processes each one happens to start. The command lines below are recorded in
every result file.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

BIN = Path(sys.executable).parent
"""The virtualenv's scripts folder (gunicorn, uvicorn, granian live here)."""

HOST = "127.0.0.1"
GTHREAD_THREADS = 8
"""Threads of the gunicorn gthread worker (gunicorn's default is 1)."""


@dataclass(frozen=True)
class Configuration:
    """One way of serving an app: a framework under a server with a worker model."""

    name: str
    label: str
    framework: str
    server: str
    worker_model: str
    app: str
    """The import target the server loads, `module:attribute`."""
    argv: tuple[str, ...]
    """The server's arguments; `{port}` and `{app}` are filled in by `command`."""
    env: Mapping[str, str] = field(default_factory=dict)
    import_modules: tuple[str, ...] = ()
    """Modules whose import time is measured (the app and, for Django, its URLconf)."""
    threads: int | None = None
    """Request threads per worker, when the worker model uses a thread pool."""

    def command(self, port: int | str, app: str | None = None) -> list[str]:
        """The full server command line for a port (and optionally another app target)."""
        return [part.format(port=port, app=app or self.app) for part in self.argv]


def gunicorn(worker_class: str, *extra: str) -> tuple[str, ...]:
    """Arguments of gunicorn with one worker of a class."""
    return (
        str(BIN / "gunicorn"),
        "--bind",
        f"{HOST}:{{port}}",
        "--workers",
        "1",
        "--worker-class",
        worker_class,
        *extra,
        "--log-level",
        "warning",
        "{app}",
    )


UVICORN = (
    str(BIN / "uvicorn"),
    "{app}",
    "--host",
    HOST,
    "--port",
    "{port}",
    "--loop",
    "uvloop",
    "--http",
    "httptools",
    "--no-access-log",
    "--log-level",
    "warning",
)


def granian(interface: str) -> tuple[str, ...]:
    """Arguments of granian with one worker for an interface (wsgi or asgi)."""
    return (
        str(BIN / "granian"),
        "--interface",
        interface,
        "--host",
        HOST,
        "--port",
        "{port}",
        "--workers",
        "1",
        "--no-access-log",
        "--log-level",
        "warning",
        "{app}",
    )


DJANGO_BENCH = {"DJANGO_URLCONF": "snippets.bench.django_app"}
DJANGO_NINJA = {"DJANGO_URLCONF": "snippets.bench.django_ninja_app"}
DJANGO_MINIMAL = {"DJANGO_SETTINGS_MODULE": "snippets.bench.minimal.django_settings"}
GEVENT_CONNECTIONS = 100
"""Greenlets per gevent worker (gunicorn's --worker-connections; its default is 1000)."""


def flask_gunicorn_pool(
    worker_class: str, size_option: str, size: int, unit: str, worker_model: str = ""
) -> Configuration:
    """The Flask benchmark app under one gunicorn worker that serves up to `size` requests at once.

    Args:
        worker_class: gunicorn's worker class (`gthread`, `gevent`).
        size_option: The gunicorn option that sets the pool size.
        size: How many requests the worker serves at once.
        unit: What serves them (threads, greenlets), for the label.
        worker_model: How the worker serves requests, when more is to be said than
            "1 process, `size` `unit`".
    """
    return Configuration(
        f"flask-gunicorn-{worker_class}",
        f"Flask · gunicorn {worker_class} ({size} {unit})",
        "flask",
        "gunicorn",
        worker_model or f"1 process, {size} {unit}",
        "snippets.bench.flask_app:app",
        gunicorn(worker_class, size_option, str(size)),
        import_modules=("snippets.bench.flask_app",),
        threads=size,
    )


CONFIGURATIONS: dict[str, Configuration] = {
    config.name: config
    for config in (
        Configuration(
            "flask-gunicorn-sync",
            "Flask · gunicorn sync",
            "flask",
            "gunicorn",
            "1 process, 1 request at a time",
            "snippets.bench.flask_app:app",
            gunicorn("sync"),
            import_modules=("snippets.bench.flask_app",),
        ),
        flask_gunicorn_pool("gthread", "--threads", GTHREAD_THREADS, "threads"),
        flask_gunicorn_pool(
            "gevent",
            "--worker-connections",
            GEVENT_CONNECTIONS,
            "greenlets",
            f"1 process, gevent, up to {GEVENT_CONNECTIONS} greenlets (monkey-patched blocking calls)",
        ),
        Configuration(
            "flask-granian",
            "Flask · granian WSGI",
            "flask",
            "granian",
            "1 process, granian's blocking thread pool",
            "snippets.bench.flask_app:app",
            granian("wsgi"),
            import_modules=("snippets.bench.flask_app",),
        ),
        Configuration(
            "fastapi-uvicorn-def",
            "FastAPI def · uvicorn",
            "fastapi",
            "uvicorn",
            "1 process, event loop + AnyIO thread pool (40)",
            "snippets.bench.fastapi_sync_app:app",
            UVICORN,
            import_modules=("snippets.bench.fastapi_sync_app",),
            threads=40,
        ),
        Configuration(
            "fastapi-uvicorn-async",
            "FastAPI async def · uvicorn",
            "fastapi",
            "uvicorn",
            "1 process, event loop",
            "snippets.bench.fastapi_app:app",
            UVICORN,
            import_modules=("snippets.bench.fastapi_app",),
        ),
        Configuration(
            "fastapi-uvicorn-async-blocking",
            "FastAPI async def + blocking call · uvicorn (anti-pattern)",
            "fastapi",
            "uvicorn",
            "1 process, event loop blocked by the handler",
            "snippets.bench.fastapi_app:app",
            UVICORN,
            import_modules=("snippets.bench.fastapi_app",),
        ),
        Configuration(
            "fastapi-granian",
            "FastAPI async def · granian ASGI",
            "fastapi",
            "granian",
            "1 process, event loop",
            "snippets.bench.fastapi_app:app",
            granian("asgi"),
            import_modules=("snippets.bench.fastapi_app",),
        ),
        Configuration(
            "starlette-uvicorn",
            "Starlette · uvicorn",
            "starlette",
            "uvicorn",
            "1 process, event loop",
            "snippets.bench.starlette_app:app",
            UVICORN,
            import_modules=("snippets.bench.starlette_app",),
        ),
        Configuration(
            "quart-uvicorn",
            "Quart · uvicorn",
            "quart",
            "uvicorn",
            "1 process, event loop",
            "snippets.bench.quart_app:app",
            UVICORN,
            import_modules=("snippets.bench.quart_app",),
        ),
        Configuration(
            "django-gunicorn",
            "Django · gunicorn sync (WSGI)",
            "django",
            "gunicorn",
            "1 process, 1 request at a time",
            "snippets.django_site.wsgi:app",
            gunicorn("sync"),
            env=DJANGO_BENCH,
            import_modules=("snippets.django_site.wsgi", "snippets.bench.django_app"),
        ),
        Configuration(
            "django-uvicorn",
            "Django · uvicorn (ASGI)",
            "django",
            "uvicorn",
            "1 process, event loop; sync views in one thread",
            "snippets.django_site.asgi:app",
            UVICORN,
            env=DJANGO_BENCH,
            import_modules=("snippets.django_site.asgi", "snippets.bench.django_app"),
        ),
        Configuration(
            "ninja-gunicorn",
            "Django Ninja · gunicorn sync (WSGI)",
            "django-ninja",
            "gunicorn",
            "1 process, 1 request at a time",
            "snippets.django_site.wsgi:app",
            gunicorn("sync"),
            env=DJANGO_NINJA,
            import_modules=("snippets.django_site.wsgi", "snippets.bench.django_ninja_app"),
        ),
        Configuration(
            "apiflask-gunicorn",
            "APIFlask (Pydantic) · gunicorn sync",
            "apiflask",
            "gunicorn",
            "1 process, 1 request at a time",
            "snippets.bench.apiflask_app:app",
            gunicorn("sync"),
            import_modules=("snippets.bench.apiflask_app",),
        ),
        Configuration(
            "smorest-gunicorn",
            "flask-smorest (marshmallow) · gunicorn sync",
            "flask-smorest",
            "gunicorn",
            "1 process, 1 request at a time",
            "snippets.bench.smorest_app:app",
            gunicorn("sync"),
            import_modules=("snippets.bench.smorest_app",),
        ),
        Configuration(
            "flask-minimal",
            "Flask, hello only · gunicorn sync",
            "flask",
            "gunicorn",
            "1 process, 1 request at a time",
            "snippets.bench.minimal.flask_app:app",
            gunicorn("sync"),
            import_modules=("snippets.bench.minimal.flask_app",),
        ),
        Configuration(
            "fastapi-minimal",
            "FastAPI, hello only · uvicorn",
            "fastapi",
            "uvicorn",
            "1 process, event loop",
            "snippets.bench.minimal.fastapi_app:app",
            UVICORN,
            import_modules=("snippets.bench.minimal.fastapi_app",),
        ),
        Configuration(
            "django-minimal",
            "Django, hello only, no apps · gunicorn sync",
            "django",
            "gunicorn",
            "1 process, 1 request at a time",
            "snippets.django_site.wsgi:app",
            gunicorn("sync"),
            env=DJANGO_MINIMAL,
            import_modules=("snippets.django_site.wsgi", "snippets.bench.minimal.django_app"),
        ),
    )
}
"""Every configuration by name."""
