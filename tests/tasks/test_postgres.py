"""A real database, async and sync (docs/tasks/postgres.md#postgres): the notes API on PostgreSQL.

Every test talks to a PostgreSQL server the session starts itself (`postgres`, tests/conftest.py).
Flask and FastAPI run in process against a database of their own. Django is configured once
per process (pytest-django's SQLite test database stays the default), so in process the
PostgreSQL settings of `snippets/postgres/django_settings.py` are added as a second
connection alias that a test-only router sends the notes model to; the real-server tests
then run the unchanged settings module under gunicorn and uvicorn, one process each.

Pooling is asserted from the server's side: it logs every connection it accepts, tagged
with the app's `application_name`, and `pg_stat_activity` lists those still open.
"""

import importlib
import json
import sys
import uuid
from concurrent.futures import ThreadPoolExecutor

import psycopg
import pytest
from django.core.management import call_command
from django.db import connections
from django.test import Client
from fastapi.testclient import TestClient

from guide.frameworks import FRAMEWORKS
from tests.support import django_db
from tests.support.http_answers import fetch_json
from tests.support.polling import wait_for
from tests.support.servers import DJANGO_ASGI, DJANGO_WSGI, Served
from tests.tasks.json_clients import django_caller, flask_caller, starlette_caller

ALIAS = "postgres"
INVALID_TITLE = "title must be a string of 1 to 200 characters"
REQUESTS = 40
POOL_SIZE, MAX_OVERFLOW = 5, 5


def fresh(server, framework: str) -> tuple[str, str]:
    """A new database and a unique application name for one test."""
    name = f"{framework}_{uuid.uuid4().hex[:8]}"
    server.create_database(name)
    return name, name.replace("_", "-")


def load(module_name: str, monkeypatch, url: str):
    monkeypatch.setenv("DATABASE_URL", url)
    if module_name in sys.modules:
        return importlib.reload(sys.modules[module_name])
    return importlib.import_module(module_name)


class ToPostgres:
    """Test-only router: the notes model lives on the PostgreSQL alias."""

    def db_for_read(self, model, **hints):
        return ALIAS if model._meta.app_label == "django_notes" else None

    db_for_write = db_for_read

    def allow_migrate(self, db, app_label, **hints):
        return db == ALIAS and app_label == "django_notes"


@pytest.fixture
def django_on_postgres(postgres, monkeypatch, settings, django_db_blocker):
    """The Django snippet's DATABASES["default"] as alias `postgres`, migrated; removed afterwards."""
    database, application = fresh(postgres, "django")
    monkeypatch.setenv("DATABASE_URL", postgres.url(database, application, scheme="postgresql"))
    local = importlib.reload(importlib.import_module("snippets.postgres.django_settings"))
    configured = connections.configure_settings(
        {"default": dict(connections.settings["default"]), ALIAS: dict(local.DATABASES["default"])}
    )
    connections.settings[ALIAS] = configured[ALIAS]
    settings.DATABASE_ROUTERS = [ToPostgres()]
    settings.ROOT_URLCONF = local.ROOT_URLCONF
    try:
        with django_db_blocker.unblock():
            call_command("migrate", "django_notes", database=ALIAS, verbosity=0)
            yield application
            connections[ALIAS].close()
    finally:
        del connections[ALIAS]
        del connections.settings[ALIAS]


@pytest.fixture(params=[*FRAMEWORKS, "django-async"])
def api(request, postgres, monkeypatch):
    """(call, application_name, path prefix) for each app, on its own database."""
    if request.param == "flask":
        database, application = fresh(postgres, "flask")
        module = load("snippets.postgres.flask_app", monkeypatch, postgres.url(database, application))
        yield flask_caller(module.app.test_client()), application, ""
        module.engine.dispose()
    elif request.param == "fastapi":
        database, application = fresh(postgres, "fastapi")
        module = load("snippets.postgres.fastapi_app", monkeypatch, postgres.url(database, application))
        with TestClient(module.app) as client:
            yield starlette_caller(client), application, ""
    else:
        application = request.getfixturevalue("django_on_postgres")
        prefix = "/async" if request.param == "django-async" else ""
        yield django_caller(Client()), application, prefix


def test_rows_are_created_and_read_back(api, postgres):
    call, _, prefix = api
    created = call("POST", f"{prefix}/notes", json={"title": "Robert'); DROP TABLE notes;--"})
    assert created.status == 201
    note = created.json()
    assert note == {"id": note["id"], "title": "Robert'); DROP TABLE notes;--"}
    read = call("GET", f"{prefix}/notes/{note['id']}")
    assert read.status == 200
    assert read.json() == note


def test_missing_row_is_a_json_404(api):
    call, _, prefix = api
    reply = call("GET", f"{prefix}/notes/999999")
    assert reply.status == 404
    assert reply.json() == {"detail": "Note not found"}


@pytest.mark.parametrize("payload", [{}, {"title": ""}, {"title": 5}, {"title": "x" * 201}, ["title"]])
def test_invalid_title_is_a_422(api, payload):
    call, _, prefix = api
    reply = call("POST", f"{prefix}/notes", json=payload)
    assert reply.status == 422
    if "detail" in reply.json() and isinstance(reply.json()["detail"], str):
        assert reply.json() == {"detail": INVALID_TITLE}


def test_sequential_requests_reuse_one_connection(api, postgres):
    call, application, prefix = api
    for number in range(REQUESTS // 2):
        note = call("POST", f"{prefix}/notes", json={"title": f"note {number}"}).json()
        assert call("GET", f"{prefix}/notes/{note['id']}").status == 200
    assert postgres.connections_opened(application) == 1
    assert postgres.open_connections(application) == 1


def test_the_log_counts_every_new_connection(postgres):
    database, application = fresh(postgres, "control")
    for _ in range(3):
        psycopg.connect(postgres.url(database, application, scheme="postgresql")).close()
    assert postgres.connections_opened(application) == 3
    assert postgres.open_connections(application) == 0


@pytest.mark.parametrize("module_name", ["snippets.postgres.flask_app", "snippets.postgres.fastapi_app"])
def test_concurrent_requests_stay_within_pool_size_plus_overflow(module_name, postgres, monkeypatch):
    database, application = fresh(postgres, module_name.split(".")[-1].split("_")[0])
    module = load(module_name, monkeypatch, postgres.url(database, application))
    assert (module.engine.pool.size(), module.engine.pool._max_overflow) == (POOL_SIZE, MAX_OVERFLOW)
    peaks = []

    def work(call):
        note = call("POST", "/notes", json={"title": "busy"}).json()
        peaks.append(postgres.open_connections(application))
        return call("GET", f"/notes/{note['id']}").status

    if module_name.endswith("flask_app"):
        calls = [flask_caller(module.app.test_client()) for _ in range(REQUESTS)]
        with ThreadPoolExecutor(max_workers=16) as pool:
            statuses = list(pool.map(work, calls))
        kept = postgres.open_connections(application)
        module.engine.dispose()
    else:
        with TestClient(module.app) as client, ThreadPoolExecutor(max_workers=16) as pool:
            statuses = list(pool.map(work, [starlette_caller(client)] * REQUESTS))
            kept = postgres.open_connections(application)
    assert statuses == [200] * REQUESTS
    assert max(peaks) <= POOL_SIZE + MAX_OVERFLOW
    assert 1 <= kept <= POOL_SIZE
    assert postgres.connections_opened(application) < 2 * REQUESTS


def django_server_env(postgres, application: str, **extra: str) -> dict[str, str]:
    database, _ = fresh(postgres, "djangoserver")
    return django_db.migrate(
        {
            "DJANGO_SETTINGS_MODULE": "snippets.postgres.django_settings",
            "DATABASE_URL": postgres.url(database, application, scheme="postgresql"),
            **extra,
        }
    )


def post_and_read(base_url: str, prefix: str) -> None:
    created = fetch_json(f"{base_url}{prefix}/notes", "POST", {"title": "from a real server"})
    assert created.status == 201
    note = json.loads(created.body)
    read = fetch_json(f"{base_url}{prefix}/notes/{note['id']}")
    assert (read.status, json.loads(read.body)) == (200, note)


def test_django_settings_module_under_gunicorn_keeps_one_connection(postgres, serve_app):
    application = f"gunicorn-{uuid.uuid4().hex[:8]}"
    env = django_server_env(postgres, application)
    server = serve_app(Served("gunicorn", DJANGO_WSGI, env), ready_path="/notes/1")
    before = postgres.connections_opened(application)
    for _ in range(10):
        post_and_read(server.base_url, "")
        post_and_read(server.base_url, "/async")
    assert postgres.connections_opened(application) - before == 0
    assert postgres.open_connections(application) == 1


def test_django_async_views_under_uvicorn_open_a_connection_per_request(postgres, serve_app):
    """Django closes a `CONN_MAX_AGE=0` connection once the request has finished, which on an
    ASGI server can be just after the client has read the answer: the test waits for it."""
    application = f"uvicorn-{uuid.uuid4().hex[:8]}"
    env = django_server_env(postgres, application, DJANGO_CONN_MAX_AGE="0")
    server = serve_app(Served("uvicorn", DJANGO_ASGI, env), ready_path="/async/notes/1")
    before = postgres.connections_opened(application)
    for _ in range(10):
        post_and_read(server.base_url, "/async")
    assert postgres.connections_opened(application) - before == 20
    closed = wait_for(lambda: postgres.open_connections(application) == 0, timeout=5)
    assert closed, f"still open after 5 s: {postgres.open_connections(application)}"


def test_a_body_that_is_not_json_is_a_422(api, request):
    call, _, prefix = api
    framework = request.node.callspec.params["api"]
    if framework.startswith("django"):
        reply = call("POST", f"{prefix}/notes", data=b"not json", content_type="application/json")
    elif framework == "flask":
        reply = call("POST", "/notes", data=b"not json", headers={"Content-Type": "application/json"})
    else:
        reply = call("POST", "/notes", content=b"not json", headers={"Content-Type": "application/json"})
    assert reply.status == 422
