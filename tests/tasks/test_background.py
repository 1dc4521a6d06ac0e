"""Work after the response (docs/tasks/async.md#background): 202 first, then the welcome email.

A WSGI server calls the response's `close()` once the last byte is sent; the Werkzeug
test client only does so when the test closes the response, which lets the Flask test
see that the work has not run before.
"""

import logging
from concurrent.futures import ThreadPoolExecutor

import pytest
from fastapi.testclient import TestClient

from snippets.background import django_app, fastapi_app, flask_app

ACCEPTED = {"status": "accepted"}
BAD_EMAIL = {"error": "a valid email is required"}
BAD_BODIES = [{"email": "not-an-email"}, {"name": "no email"}, ["ann@example.com"], {"email": 5}]


def sent(caplog, module) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == module.__name__]


def test_flask_work_waits_for_the_response_to_close(caplog):
    caplog.set_level(logging.INFO)
    client = flask_app.app.test_client()
    response = client.post("/signup", json={"email": "bob@example.com"}, buffered=False)
    assert response.status_code == 202
    assert response.get_json() == ACCEPTED
    assert sent(caplog, flask_app) == []
    response.close()
    assert sent(caplog, flask_app) == ["welcome email sent to bob@example.com"]


@pytest.mark.parametrize("body", BAD_BODIES)
def test_flask_rejects_bad_email_without_work(caplog, body):
    caplog.set_level(logging.INFO)
    response = flask_app.app.test_client().post("/signup", json=body)
    assert response.status_code == 400
    assert response.get_json() == BAD_EMAIL
    assert sent(caplog, flask_app) == []


def test_flask_rejects_non_json_body():
    response = flask_app.app.test_client().post("/signup", data="email=ann@example.com")
    assert response.status_code == 400
    assert response.get_json() == BAD_EMAIL


def test_fastapi_runs_background_task_after_response(caplog):
    caplog.set_level(logging.INFO)
    with TestClient(fastapi_app.app) as client:
        response = client.post("/signup", json={"email": "ann@example.com"})
    assert response.status_code == 202
    assert response.json() == ACCEPTED
    assert sent(caplog, fastapi_app) == ["welcome email sent to ann@example.com"]


def test_fastapi_rejects_bad_email_with_422(caplog):
    caplog.set_level(logging.INFO)
    with TestClient(fastapi_app.app) as client:
        response = client.post("/signup", json={"email": "not-an-email"})
    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert error["loc"] == ["body", "email"]
    assert error["type"] == "string_pattern_mismatch"
    assert sent(caplog, fastapi_app) == []


@pytest.fixture
def fresh_executor(monkeypatch):
    """A private pool, so the test can wait for exactly the work its request submitted."""
    executor = ThreadPoolExecutor(max_workers=1)
    monkeypatch.setattr(django_app, "executor", executor)
    yield executor
    executor.shutdown(wait=True)


@pytest.mark.urls("snippets.background.django_app")
def test_django_hands_work_to_the_thread_pool(client, caplog, fresh_executor):
    caplog.set_level(logging.INFO)
    response = client.post("/signup", {"email": "ann@example.com"}, content_type="application/json")
    assert response.status_code == 202
    assert response.json() == ACCEPTED
    fresh_executor.shutdown(wait=True)
    assert sent(caplog, django_app) == ["welcome email sent to ann@example.com"]


@pytest.mark.urls("snippets.background.django_app")
@pytest.mark.parametrize("body", [*BAD_BODIES, "not json"])
def test_django_rejects_bad_email_without_work(client, caplog, fresh_executor, body):
    caplog.set_level(logging.INFO)
    response = client.post("/signup", body, content_type="application/json")
    assert response.status_code == 400
    assert response.json() == BAD_EMAIL
    fresh_executor.shutdown(wait=True)
    assert sent(caplog, django_app) == []


@pytest.mark.urls("snippets.background.django_app")
def test_django_signup_rejects_get(client):
    assert client.get("/signup").status_code == 405
