"""Middleware and CORS (docs/tasks/operations.md#middleware).

Every response carries an `X-Request-ID` (the caller's, if it is safe to echo, else a new
one); only origins listed in `CORS_ALLOWED_ORIGINS` get CORS headers.
"""

import importlib
import json
import re
import urllib.request

import pytest
from django.urls import clear_url_caches
from fastapi.testclient import TestClient

from guide.frameworks import FRAMEWORKS
from snippets.middleware import django_settings, fastapi_app, flask_app
from tests.support.servers import DJANGO_WSGI, Served

ALLOWED = "https://app.example.com"
FOREIGN = "https://evil.example"
NEW_ID = re.compile(r"[0-9a-f]{32}")
PREFLIGHT = {"Access-Control-Request-Method": "GET"}


@pytest.fixture
def cors_env(monkeypatch):
    monkeypatch.setenv("CORS_ALLOWED_ORIGINS", ALLOWED)


@pytest.fixture
def flask_client(cors_env):
    return importlib.reload(flask_app).app.test_client()


@pytest.fixture
def fastapi_client(cors_env):
    with TestClient(importlib.reload(fastapi_app).app) as client:
        yield client


@pytest.fixture
def django_client(client, settings, cors_env):
    local = importlib.reload(django_settings)
    settings.ROOT_URLCONF = local.ROOT_URLCONF
    settings.MIDDLEWARE = local.MIDDLEWARE
    settings.CORS_ALLOWED_ORIGINS = local.CORS_ALLOWED_ORIGINS
    settings.CORS_ALLOW_METHODS = local.CORS_ALLOW_METHODS
    settings.CORS_PREFLIGHT_MAX_AGE = local.CORS_PREFLIGHT_MAX_AGE
    clear_url_caches()
    yield client
    clear_url_caches()


def get(name, request, path, headers):
    client = request.getfixturevalue(f"{name}_client")
    response = client.get(path, headers=headers)
    body = response.data if hasattr(response, "data") else response.content
    return response.status_code, response.headers, body


def options(name, request, path, headers):
    client = request.getfixturevalue(f"{name}_client")
    response = client.options(path, headers=headers)
    return response.status_code, response.headers


@pytest.mark.parametrize("name", FRAMEWORKS)
def test_safe_request_id_is_echoed(name, request):
    status, headers, body = get(name, request, "/ping", {"X-Request-ID": "trace-42"})
    assert status == 200
    assert headers["X-Request-ID"] == "trace-42"
    assert json.loads(body) == {"status": "ok", "request_id": "trace-42"}


@pytest.mark.parametrize("name", FRAMEWORKS)
@pytest.mark.parametrize("incoming", [None, "has spaces", "x" * 65, "<script>"])
def test_missing_or_unsafe_request_id_is_replaced(name, request, incoming):
    headers = {} if incoming is None else {"X-Request-ID": incoming}
    status, response_headers, _ = get(name, request, "/ping", headers)
    assert status == 200
    assert NEW_ID.fullmatch(response_headers["X-Request-ID"])


@pytest.mark.parametrize("name", FRAMEWORKS)
def test_not_found_also_gets_a_request_id(name, request):
    status, headers, _ = get(name, request, "/nowhere", {})
    assert status == 404
    assert NEW_ID.fullmatch(headers["X-Request-ID"])


@pytest.mark.parametrize("name", FRAMEWORKS)
def test_allowed_origin_gets_cors_headers(name, request):
    status, headers, _ = get(name, request, "/ping", {"Origin": ALLOWED})
    assert status == 200
    assert headers["Access-Control-Allow-Origin"] == ALLOWED
    assert "Access-Control-Allow-Credentials" not in headers


@pytest.mark.parametrize("name", FRAMEWORKS)
def test_foreign_origin_gets_no_cors_headers(name, request):
    status, headers, _ = get(name, request, "/ping", {"Origin": FOREIGN})
    assert status == 200
    assert "Access-Control-Allow-Origin" not in headers


@pytest.mark.parametrize("name", FRAMEWORKS)
def test_preflight_from_allowed_origin(name, request):
    status, headers = options(name, request, "/ping", {"Origin": ALLOWED, **PREFLIGHT})
    assert status == 200
    assert headers["Access-Control-Allow-Origin"] == ALLOWED
    assert set(headers["Access-Control-Allow-Methods"].replace(" ", "").split(",")) >= {"GET", "POST"}
    assert headers["Access-Control-Max-Age"] == "600"
    assert NEW_ID.fullmatch(headers["X-Request-ID"])


@pytest.mark.parametrize(("name", "expected_status"), [("flask", 200), ("fastapi", 400), ("django", 200)])
def test_preflight_from_foreign_origin(name, expected_status, request):
    status, headers = options(name, request, "/ping", {"Origin": FOREIGN, **PREFLIGHT})
    assert status == expected_status
    assert "Access-Control-Allow-Origin" not in headers


def test_without_configuration_no_origin_is_allowed(monkeypatch):
    monkeypatch.delenv("CORS_ALLOWED_ORIGINS", raising=False)
    assert importlib.reload(django_settings).CORS_ALLOWED_ORIGINS == []
    for module in (flask_app, fastapi_app):
        app = importlib.reload(module).app
        client = app.test_client() if module is flask_app else TestClient(app)
        response = client.get("/ping", headers={"Origin": ALLOWED})
        assert response.status_code == 200
        assert "Access-Control-Allow-Origin" not in response.headers


def test_django_settings_module_under_gunicorn(serve_app):
    env = {"DJANGO_SETTINGS_MODULE": "snippets.middleware.django_settings", "CORS_ALLOWED_ORIGINS": ALLOWED}
    server = serve_app(Served("gunicorn", DJANGO_WSGI, env), ready_path="/ping")
    request = urllib.request.Request(server.base_url + "/ping", headers={"Origin": ALLOWED})
    with urllib.request.urlopen(request, timeout=5) as response:
        assert response.status == 200
        assert response.headers["Access-Control-Allow-Origin"] == ALLOWED
        assert NEW_ID.fullmatch(response.headers["X-Request-ID"])
