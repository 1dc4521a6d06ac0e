"""Structuring a bigger app (docs/tasks/basics.md#structure): feature modules mounted under prefixes."""

import pytest
from django.apps import apps
from django.urls import reverse
from fastapi.testclient import TestClient
from flask import url_for

from snippets.structure import fastapi_app, flask_app

ITEMS = {"items": [{"id": 1, "name": "apple"}, {"id": 2, "name": "pear"}]}
ONE_ITEM = {"id": 1, "name": "apple"}
USERS = {"users": [{"id": 1, "name": "ada"}]}
ANSWERS = [("/items/", ITEMS), ("/items/1", ONE_ITEM), ("/users/", USERS)]


@pytest.mark.parametrize(("path", "expected"), ANSWERS)
def test_flask_blueprints_answer_under_their_prefixes(path, expected):
    response = flask_app.app.test_client().get(path)
    assert (response.status_code, response.get_json()) == (200, expected)


@pytest.mark.parametrize(("path", "expected"), ANSWERS)
def test_fastapi_routers_answer_under_their_prefixes(path, expected):
    with TestClient(fastapi_app.app) as client:
        response = client.get(path)
    assert (response.status_code, response.json()) == (200, expected)


@pytest.mark.urls("snippets.structure.django_app")
@pytest.mark.parametrize(("path", "expected"), ANSWERS)
def test_django_apps_answer_under_their_prefixes(path, expected, client):
    response = client.get(path)
    assert (response.status_code, response.json()) == (200, expected)


def test_flask_unknown_item_is_404():
    assert flask_app.app.test_client().get("/items/9").status_code == 404


def test_fastapi_unknown_item_is_404():
    with TestClient(fastapi_app.app) as client:
        response = client.get("/items/9")
    assert (response.status_code, response.json()) == (404, {"detail": "Item not found"})


@pytest.mark.urls("snippets.structure.django_app")
def test_django_unknown_item_is_404(client):
    assert client.get("/items/9").status_code == 404


def test_flask_names_endpoints_after_their_blueprint():
    with flask_app.app.test_request_context():
        assert url_for("items.read_item", item_id=1) == "/items/1"
        assert url_for("users.list_users") == "/users/"


def test_fastapi_tags_each_router_in_the_openapi_document():
    operations = {
        path: [operation["tags"] for operation in methods.values()]
        for path, methods in fastapi_app.app.openapi()["paths"].items()
    }
    assert operations == {"/items/": [["items"]], "/items/{item_id}": [["items"]], "/users/": [["users"]]}
    assert fastapi_app.app.url_path_for("read_item", item_id=1) == "/items/1"


@pytest.mark.urls("snippets.structure.django_app")
def test_django_apps_are_installed_and_their_urls_namespaced():
    assert apps.is_installed("snippets.structure.django_items")
    assert apps.is_installed("snippets.structure.django_users")
    assert reverse("items:detail", args=[1]) == "/items/1"
    assert reverse("users:list") == "/users/"


@pytest.mark.urls("snippets.structure.django_app")
def test_django_missing_slash_redirects(client):
    response = client.get("/items")
    assert (response.status_code, response["Location"]) == (301, "/items/")


def test_flask_and_fastapi_redirect_a_missing_slash():
    flask_response = flask_app.app.test_client().get("/items")
    assert (flask_response.status_code, flask_response.headers["Location"]) == (
        308,
        "http://localhost/items/",
    )
    with TestClient(fastapi_app.app, follow_redirects=False) as client:
        fastapi_response = client.get("/items")
    assert (fastapi_response.status_code, fastapi_response.headers["location"]) == (
        307,
        "http://testserver/items/",
    )


def test_fastapi_route_names_are_app_wide_so_the_first_included_wins():
    from fastapi import APIRouter, FastAPI

    first, second = APIRouter(), APIRouter()

    @first.get("/{item_id}")
    async def read_item(item_id: int) -> int:
        return item_id

    second.add_api_route("/{item_id}", read_item)
    app = FastAPI()
    app.include_router(first, prefix="/items")
    app.include_router(second, prefix="/orders")
    assert app.url_path_for("read_item", item_id=1) == "/items/1"
