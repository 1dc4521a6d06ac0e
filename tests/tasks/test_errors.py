"""Errors as JSON (docs/tasks/basics.md#errors): documented requests get documented error answers."""

import pytest
from django.urls import Resolver404, get_resolver
from fastapi.testclient import TestClient

from snippets.errors import django_app, fastapi_app, flask_app

SERVER_ERROR = {"detail": "Internal server error"}


@pytest.mark.parametrize("framework", ["flask", "fastapi", "django"])
def test_an_item_in_stock_can_be_ordered(framework, client, settings):
    settings.ROOT_URLCONF = "snippets.errors.django_app"
    if framework == "flask":
        response = flask_app.app.test_client().post("/items/1/order")
        status, body = response.status_code, response.get_json()
    elif framework == "fastapi":
        with TestClient(fastapi_app.app) as fastapi_client:
            response = fastapi_client.post("/items/1/order")
        status, body = response.status_code, response.json()
    else:
        response = client.post("/items/1/order")
        status, body = response.status_code, response.json()
    assert (status, body) == (201, {"ordered": "apple"})


def test_flask_turns_an_unhandled_exception_into_a_json_500():
    with flask_app.app.test_request_context("/items/1"):
        response = flask_app.app.handle_exception(RuntimeError("database is down"))
    assert response.status_code == 500
    assert response.content_type == "application/json"
    assert response.get_json() == {
        "detail": "The server encountered an internal error and was unable to complete your request. "
        "Either the server is overloaded or there is an error in the application."
    }


@pytest.fixture
def failing_fastapi_route():
    async def broken() -> None:
        raise RuntimeError("database is down")

    fastapi_app.app.add_api_route("/broken", broken)
    route = fastapi_app.app.router.routes[-1]
    yield "/broken"
    fastapi_app.app.router.routes.remove(route)


def test_fastapi_turns_an_unhandled_exception_into_a_json_500(failing_fastapi_route):
    with TestClient(fastapi_app.app, raise_server_exceptions=False) as client:
        response = client.get(failing_fastapi_route)
    assert response.status_code == 500
    assert response.headers["content-type"] == "application/json"
    assert response.json() == SERVER_ERROR


def test_django_uses_the_json_handlers_of_the_root_urlconf(rf):
    resolver = get_resolver("snippets.errors.django_app")
    assert resolver.resolve_error_handler(404) is django_app.not_found
    assert resolver.resolve_error_handler(500) is django_app.server_error
    response = django_app.server_error(rf.get("/items/1"))
    assert response.status_code == 500
    assert response["Content-Type"] == "application/json"
    assert response.content == b'{"detail": "Internal server error"}'


def test_django_unknown_url_exception_lists_the_patterns_tried():
    """Why the page's 404 handler does not echo the exception it receives."""
    with pytest.raises(Resolver404) as error:
        get_resolver("snippets.errors.django_app").resolve("/no/such/page")
    assert "tried" in error.value.args[0]
