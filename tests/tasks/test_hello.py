"""The JSON hello endpoint (docs/tasks/basics.md#hello): every framework answers the same JSON."""

import pytest
from fastapi.testclient import TestClient

from snippets.hello import fastapi_app, flask_app

EXPECTED = {"message": "Hello, world"}


def test_flask_hello_returns_json():
    response = flask_app.app.test_client().get("/hello")
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    assert response.get_json() == EXPECTED


def test_flask_hello_rejects_post():
    assert flask_app.app.test_client().post("/hello").status_code == 405


def test_fastapi_hello_returns_json():
    with TestClient(fastapi_app.app) as client:
        response = client.get("/hello")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.json() == EXPECTED


@pytest.mark.urls("snippets.hello.django_app")
def test_django_hello_returns_json(client):
    response = client.get("/hello")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == EXPECTED


@pytest.mark.urls("snippets.hello.django_app")
def test_django_hello_rejects_post(client):
    assert client.post("/hello").status_code == 405
