"""Caching and rate limits (docs/tasks/scaling.md#caching): a cached view and a limited route per framework.

Each app counts how often its report is really computed (`run`), so a second answer with the
same number came from the cache. The limited route allows 5 requests a minute per client
address; the sixth gets a 429, with exactly the headers each implementation sends.
"""

import importlib
import sys

import pytest
from django.core.cache import cache
from fastapi.testclient import TestClient

from guide.frameworks import FRAMEWORKS
from tests.tasks.json_clients import django_caller, flask_caller, starlette_caller

LIMIT = 5


def fresh(module_name: str):
    """The snippet module re-imported, so its cache, counter and limiter start empty."""
    if module_name in sys.modules:
        return importlib.reload(sys.modules[module_name])
    return importlib.import_module(module_name)


@pytest.fixture(params=FRAMEWORKS)
def api(request):
    if request.param == "flask":
        yield "flask", flask_caller(fresh("snippets.caching.flask_app").app.test_client())
    elif request.param == "fastapi":
        with TestClient(fresh("snippets.caching.fastapi_app").app) as client:
            yield "fastapi", starlette_caller(client)
    else:
        fresh("snippets.caching.django_app")
        request.getfixturevalue("settings").ROOT_URLCONF = "snippets.caching.django_app"
        cache.clear()
        yield "django", django_caller(request.getfixturevalue("client"))
        cache.clear()


def test_the_second_request_is_served_from_the_cache(api):
    _, call = api
    first = call("GET", "/report")
    second = call("GET", "/report")
    assert first.status == second.status == 200
    assert first.json() == second.json() == {"run": 1}


def test_cache_headers_each_framework_sends(api):
    framework, call = api
    headers = call("GET", "/report").headers
    if framework == "flask":
        assert "Cache-Control" not in headers
    elif framework == "fastapi":
        assert headers["Cache-Control"] == "max-age=60"
    else:
        assert headers["Cache-Control"] == "max-age=60"
        assert "Expires" in headers


def test_the_cache_expires_after_its_timeout(api, monkeypatch):
    framework, call = api
    assert call("GET", "/report").json() == {"run": 1}
    if framework == "flask":
        sys.modules["snippets.caching.flask_app"].cache.clear()
    elif framework == "fastapi":
        module = sys.modules["snippets.caching.fastapi_app"]
        expires, body = module.cached["report"]
        module.cached["report"] = (expires - 61, body)
    else:
        cache.clear()
    assert call("GET", "/report").json() == {"run": 2}


@pytest.mark.parametrize(
    ("first_call_at", "sixth_call_at", "expected"),
    [(1000.25, 1000.75, 60), (1000.75, 1001.25, 59)],
    ids=["same-second", "next-second"],
)
def test_flask_limiter_counts_retry_after_in_whole_clock_seconds(
    monkeypatch, first_call_at, sixth_call_at, expected
):
    client = fresh("snippets.caching.flask_app").app.test_client()
    clock = [first_call_at]
    monkeypatch.setattr("time.time", lambda: clock[0])
    for _ in range(LIMIT):
        assert client.get("/search?q=books").status_code == 200
    clock[0] = sixth_call_at
    refused = client.get("/search?q=books")
    assert refused.status_code == 429
    assert refused.headers["Retry-After"] == str(expected)


def test_the_request_after_the_limit_gets_429(api):
    framework, call = api
    for _ in range(LIMIT):
        allowed = call("GET", "/search?q=books")
        assert allowed.status == 200
        assert allowed.json() == {"query": "books"}
    refused = call("GET", "/search?q=books")
    assert refused.status == 429
    retry_after = int(refused.headers["Retry-After"])
    if framework == "flask":
        assert refused.json() == {"detail": "Rate limit exceeded: 5 per 1 minute"}
        assert retry_after in (59, 60)
        assert refused.headers["X-RateLimit-Limit"] == "5"
        assert refused.headers["X-RateLimit-Remaining"] == "0"
    elif framework == "fastapi":
        assert refused.json() == {"error": "Rate limit exceeded: 5 per 1 minute"}
        assert retry_after == 60
        assert refused.headers["X-RateLimit-Limit"] == "5"
        assert refused.headers["X-RateLimit-Remaining"] == "0"
    else:
        assert refused.json() == {"detail": "Rate limit exceeded"}
        assert 1 <= retry_after <= 60
        assert "X-RateLimit-Limit" not in refused.headers


def test_rate_limit_headers_on_allowed_requests(api):
    framework, call = api
    allowed = call("GET", "/search")
    if framework == "django":
        assert "X-RateLimit-Remaining" not in allowed.headers
    else:
        assert allowed.headers["X-RateLimit-Remaining"] == "4"
    assert ("Retry-After" in allowed.headers) is (framework != "django")


def test_the_cached_report_is_not_rate_limited(api):
    _, call = api
    replies = [call("GET", "/report") for _ in range(LIMIT + 3)]
    assert {reply.status for reply in replies} == {200}


def test_django_limit_counts_per_client_address(settings, client):
    fresh("snippets.caching.django_app")
    settings.ROOT_URLCONF = "snippets.caching.django_app"
    cache.clear()
    for _ in range(LIMIT):
        assert client.get("/search", REMOTE_ADDR="192.0.2.1").status_code == 200
    assert client.get("/search", REMOTE_ADDR="192.0.2.1").status_code == 429
    assert client.get("/search", REMOTE_ADDR="192.0.2.2").status_code == 200
    cache.clear()
