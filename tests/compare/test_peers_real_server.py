"""The like-for-like peers under production servers on 127.0.0.1: hello and validation over real HTTP."""

import json
import urllib.error
import urllib.request

import pytest

from tests.support.servers import DJANGO_WSGI, Served

SERVERS = {
    "starlette-uvicorn": lambda task: Served("uvicorn", f"snippets.peers.{task}.starlette_app:app"),
    "quart-uvicorn": lambda task: Served("uvicorn", f"snippets.peers.{task}.quart_app:app"),
    "apiflask-gunicorn": lambda task: Served("gunicorn", f"snippets.peers.{task}.apiflask_app:app"),
    "ninja-gunicorn": lambda task: Served(
        "gunicorn", DJANGO_WSGI, {"DJANGO_URLCONF": f"snippets.peers.{task}.ninja_app"}
    ),
}
"""Per peer: its app for a task (`snippets/peers/<task>/`) under its production server."""


def post_json(url: str, body: dict) -> tuple[int, dict]:
    request = urllib.request.Request(
        url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"}, method="POST"
    )
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


@pytest.mark.parametrize("name", SERVERS)
def test_hello_under_a_production_server(name, serve_app):
    server = serve_app(SERVERS[name]("hello"), ready_path="/hello")
    with urllib.request.urlopen(server.base_url + "/hello", timeout=5) as response:
        assert response.status == 200
        assert response.headers["Content-Type"].startswith("application/json")
        assert json.loads(response.read()) == {"message": "Hello, world"}


@pytest.mark.parametrize("name", SERVERS)
def test_validation_under_a_production_server(name, serve_app):
    server = serve_app(SERVERS[name]("validation"), ready_path="/items")
    assert post_json(server.base_url + "/items", {"name": "Teapot", "price": 12.5}) == (
        201,
        {"name": "Teapot", "price": 12.5},
    )
    status, body = post_json(server.base_url + "/items", {"name": "", "price": -1})
    assert status == 422
    assert "name" in json.dumps(body) and "price" in json.dumps(body)
