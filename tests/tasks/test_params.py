"""Path and query parameters (docs/tasks/basics.md#params): documented requests get documented answers."""

import pytest
from fastapi.testclient import TestClient

from snippets.params import fastapi_app, flask_app

DEFAULTS = {"item_id": 7, "q": None, "limit": 10}


def test_flask_applies_the_defaults():
    assert flask_app.app.test_client().get("/items/7").get_json() == DEFAULTS


def test_fastapi_applies_the_defaults():
    with TestClient(fastapi_app.app) as client:
        assert client.get("/items/7").json() == DEFAULTS


@pytest.mark.urls("snippets.params.django_app")
def test_django_applies_the_defaults(client):
    assert client.get("/items/7").json() == DEFAULTS


def test_flask_silently_replaces_a_bad_limit_with_the_default():
    body = flask_app.app.test_client().get("/items/3?limit=abc").get_json()
    assert body["limit"] == 10


@pytest.mark.parametrize("limit", ["0", "101", "-5"])
def test_flask_rejects_a_limit_out_of_range(limit):
    response = flask_app.app.test_client().get(f"/items/3?limit={limit}")
    assert response.status_code == 400
    assert response.get_json() == {"error": "limit must be between 1 and 100"}


def test_fastapi_accepts_a_negative_id_that_flask_and_django_route_to_404():
    with TestClient(fastapi_app.app) as client:
        assert client.get("/items/-1").json() == {"item_id": -1, "q": None, "limit": 10}
    assert flask_app.app.test_client().get("/items/-1").status_code == 404


@pytest.mark.urls("snippets.params.django_app")
def test_django_routes_a_negative_id_to_404_and_treats_an_empty_limit_as_missing(client):
    assert client.get("/items/-1").status_code == 404
    assert client.get("/items/3?limit=").json() == {"item_id": 3, "q": None, "limit": 10}


@pytest.mark.urls("snippets.params.django_app")
def test_django_rejects_post(client):
    assert client.post("/items/3").status_code == 405
