"""Calling upstream services concurrently (docs/tasks/async.md#upstream).

The upstreams are a local stub (`upstream_stub.py`) on 127.0.0.1: every call of a round
waits until all calls of that round have arrived, so an app that called them one after
another would see a timeout and these tests would fail. No timing assertions needed.
"""

import uuid

import pytest
from fastapi.testclient import TestClient

from guide.frameworks import FRAMEWORKS
from snippets.upstream import fastapi_app, flask_app
from tests.support.servers import Served, free_port, running

NAMES = ("weather", "news", "stocks")


@pytest.fixture(scope="module")
def stub():
    options = ("--app-dir", "tests/tasks", "--timeout-graceful-shutdown", "1")
    with running(Served("uvicorn", "upstream_stub:app", options=options), ready_path="/ready") as server:
        yield server.base_url


@pytest.fixture(scope="module", autouse=True)
def close_flask_client():
    """The Flask app keeps one pooled client for the process; close its connections after these tests."""
    yield
    flask_app.client.close()


def round_of(base_url: str, behaviours: dict[str, str]) -> dict[str, str]:
    """Upstream URLs for one round: every call waits for the others of its round."""
    round_id = uuid.uuid4().hex
    return {
        name: f"{base_url}/{round_id}/{len(behaviours)}/{behaviour}/{name}"
        for name, behaviour in behaviours.items()
    }


def all_ok(base_url: str) -> dict[str, str]:
    return round_of(base_url, dict.fromkeys(NAMES, "ok"))


def with_failures(base_url: str) -> dict[str, str]:
    upstreams = round_of(base_url, {"weather": "ok", "news": "fail", "stocks": "hang", "quotes": "text"})
    upstreams["offline"] = f"http://127.0.0.1:{free_port()}/"
    return upstreams


EXPECTED_OK = {"results": {name: {"service": name} for name in NAMES}, "errors": {}}
EXPECTED_FAILURES = {
    "results": {"weather": {"service": "weather"}},
    "errors": {"news": "HTTP 500", "stocks": "timeout", "quotes": "unavailable", "offline": "unavailable"},
}


def flask_dashboard(upstreams, monkeypatch):
    monkeypatch.setitem(flask_app.app.config, "UPSTREAMS", upstreams)
    response = flask_app.app.test_client().get("/dashboard")
    return response.status_code, response.get_json()


def fastapi_dashboard(upstreams):
    fastapi_app.app.dependency_overrides[fastapi_app.get_settings] = lambda: fastapi_app.Settings(
        upstreams=upstreams
    )
    try:
        with TestClient(fastapi_app.app) as client:
            response = client.get("/dashboard")
    finally:
        fastapi_app.app.dependency_overrides.clear()
    return response.status_code, response.json()


def django_dashboard(upstreams, settings, client):
    settings.ROOT_URLCONF = "snippets.upstream.django_app"
    settings.UPSTREAMS = upstreams
    response = client.get("/dashboard")
    return response.status_code, response.json()


@pytest.fixture(params=FRAMEWORKS)
def dashboard(request, monkeypatch):
    """`GET /dashboard` of one framework's app with the given upstreams: (status, JSON body)."""
    if request.param == "flask":
        return lambda upstreams: flask_dashboard(upstreams, monkeypatch)
    if request.param == "fastapi":
        return fastapi_dashboard
    settings, client = request.getfixturevalue("settings"), request.getfixturevalue("client")
    return lambda upstreams: django_dashboard(upstreams, settings, client)


@pytest.mark.parametrize(
    ("upstreams", "expected"),
    [(all_ok, EXPECTED_OK), (with_failures, EXPECTED_FAILURES)],
    ids=["calls-upstreams-concurrently", "reports-each-failed-upstream"],
)
def test_the_dashboard_answers_for_every_upstream(dashboard, stub, upstreams, expected):
    assert dashboard(upstreams(stub)) == (200, expected)


def test_flask_reads_upstreams_from_prefixed_env(monkeypatch):
    monkeypatch.setenv("FLASK_UPSTREAMS", '{"weather": "http://127.0.0.1:9/"}')
    flask_app.app.config.from_prefixed_env()
    try:
        assert flask_app.app.config["UPSTREAMS"] == {"weather": "http://127.0.0.1:9/"}
    finally:
        flask_app.app.config["UPSTREAMS"] = {}


def test_fastapi_settings_read_upstreams_from_env(monkeypatch):
    monkeypatch.setenv("UPSTREAMS", '{"news": "http://127.0.0.1:9/"}')
    fastapi_app.get_settings.cache_clear()
    try:
        assert fastapi_app.get_settings().upstreams == {"news": "http://127.0.0.1:9/"}
    finally:
        fastapi_app.get_settings.cache_clear()


@pytest.mark.urls("snippets.upstream.django_app")
def test_django_without_upstreams_setting_returns_empty(client):
    response = client.get("/dashboard")
    assert response.status_code == 200
    assert response.json() == {"results": {}, "errors": {}}


@pytest.mark.urls("snippets.upstream.django_app")
def test_django_dashboard_rejects_post(client):
    assert client.post("/dashboard").status_code == 405


def test_sequential_calls_would_fail(stub):
    """The stub's barrier is what proves concurrency: calling one upstream alone times out."""
    import httpx

    url = next(iter(all_ok(stub).values()))
    with pytest.raises(httpx.TimeoutException):
        httpx.get(url, timeout=2.0)
