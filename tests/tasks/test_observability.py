"""Request logs and tracing (docs/tasks/observability.md): JSON access lines and OpenTelemetry spans.

The global tracer provider can be set only once per process, so this module sets the SDK's
provider if nobody has yet and adds its own in-memory exporter to it; each test starts
from an empty exporter.
"""

import importlib
import json
import logging
import sqlite3
from contextlib import closing

import pytest
from fastapi.testclient import TestClient
from opentelemetry import trace
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind

from guide.frameworks import FRAMEWORKS
from snippets.observability.telemetry import QUERY, JsonLines

ROUTES = {"flask": "/notes/<int:note_id>", "fastapi": "/notes/{note_id}", "django": "notes/<int:note_id>"}


@pytest.fixture(scope="module")
def exporter():
    if not isinstance(trace.get_tracer_provider(), TracerProvider):
        trace.set_tracer_provider(TracerProvider())
    exporter = InMemorySpanExporter()
    trace.get_tracer_provider().add_span_processor(SimpleSpanProcessor(exporter))
    return exporter


@pytest.fixture
def spans(exporter):
    exporter.clear()
    yield exporter.get_finished_spans
    exporter.clear()


@pytest.fixture(autouse=True)
def database(tmp_path, monkeypatch):
    path = tmp_path / "notes.db"
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, title TEXT NOT NULL)")
        connection.execute("INSERT INTO notes (title) VALUES ('Buy milk')")
    monkeypatch.setenv("NOTES_DATABASE", str(path))


@pytest.fixture(params=FRAMEWORKS)
def get(request):
    """GET a path from one framework's app; returns (status, JSON body)."""
    if request.param == "flask":
        from snippets.observability.flask_app import app

        client = app.test_client()
        return request.param, lambda path: (lambda reply: (reply.status_code, reply.get_json()))(
            client.get(path)
        )
    if request.param == "fastapi":
        from snippets.observability.fastapi_app import app

        client = TestClient(app)
        return request.param, lambda path: (lambda reply: (reply.status_code, reply.json()))(client.get(path))
    from opentelemetry.instrumentation.django import DjangoInstrumentor

    settings = request.getfixturevalue("settings")
    local = importlib.import_module("snippets.observability.django_settings")
    settings.ROOT_URLCONF, settings.MIDDLEWARE = local.ROOT_URLCONF, local.MIDDLEWARE
    wsgi = importlib.import_module("snippets.observability.django_wsgi")
    request.addfinalizer(DjangoInstrumentor().uninstrument)
    assert importlib.reload(wsgi).application is not None
    assert (
        settings.MIDDLEWARE[0]
        == "opentelemetry.instrumentation.django.middleware.otel_middleware._DjangoMiddleware"
    )
    client = request.getfixturevalue("client")
    return request.param, lambda path: (lambda reply: (reply.status_code, reply.json()))(client.get(path))


def one(items):
    assert len(items) == 1, items
    return items[0]


def test_the_request_span_has_the_database_span_as_its_child(get, spans):
    framework, call = get
    assert call("/notes/1") == (200, {"id": 1, "title": "Buy milk"})
    server = one([span for span in spans() if span.kind is SpanKind.SERVER])
    database = one([span for span in spans() if span.kind is SpanKind.CLIENT])
    assert server.name == f"GET {ROUTES[framework]}"
    assert server.attributes["http.route"] == ROUTES[framework]
    assert server.attributes["http.status_code"] == 200
    assert server.parent is None
    assert database.name == "SELECT notes"
    assert dict(database.attributes) == {"db.system": "sqlite", "db.statement": QUERY}
    assert database.parent.span_id == server.context.span_id
    assert database.context.trace_id == server.context.trace_id


def test_a_missing_note_is_a_404_on_the_span_too(get, spans):
    _, call = get
    assert call("/notes/99") == (404, {"detail": "note not found"})
    server = one([span for span in spans() if span.kind is SpanKind.SERVER])
    assert server.attributes["http.status_code"] == 404
    assert one([span for span in spans() if span.kind is SpanKind.CLIENT]).name == "SELECT notes"


@pytest.mark.parametrize(("path", "status"), [("/notes/1", 200), ("/notes/99", 404)])
def test_each_request_writes_one_json_access_line(get, spans, caplog, path, status):
    _, call = get
    with caplog.at_level(logging.INFO, logger="access"):
        call(path)
    record = one([record for record in caplog.records if record.name == "access"])
    line = json.loads(JsonLines().format(record))
    assert set(line) == {"time", "level", "message", "method", "path", "status", "duration_ms", "trace_id"}
    assert (line["level"], line["message"], line["method"], line["path"], line["status"]) == (
        "INFO",
        "request",
        "GET",
        path,
        status,
    )
    assert 0 <= line["duration_ms"] < 5000
    server = one([span for span in spans() if span.kind is SpanKind.SERVER])
    assert line["trace_id"] == format(server.context.trace_id, "032x")
