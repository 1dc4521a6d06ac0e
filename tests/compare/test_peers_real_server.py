"""The like-for-like peers under production servers on 127.0.0.1: hello and validation over real HTTP."""

import json
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from guide.servers import free_port, serve

BIN = Path(sys.executable).parent


def gunicorn(app: str, port: int) -> list[str]:
    return [str(BIN / "gunicorn"), "--bind", f"127.0.0.1:{port}", "--workers", "1", app]


def uvicorn(app: str, port: int) -> list[str]:
    return [str(BIN / "uvicorn"), "--host", "127.0.0.1", "--port", str(port), "--no-access-log", app]


DJANGO = "snippets.django_site.wsgi:app"
SERVERS = {
    "starlette-uvicorn": (uvicorn, "snippets.peers.{task}.starlette_app:app", {}),
    "quart-uvicorn": (uvicorn, "snippets.peers.{task}.quart_app:app", {}),
    "apiflask-gunicorn": (gunicorn, "snippets.peers.{task}.apiflask_app:app", {}),
    "ninja-gunicorn": (gunicorn, DJANGO, {"DJANGO_URLCONF": "snippets.peers.{task}.ninja_app"}),
}


def start(name: str, task: str, ready_path: str, port: int):
    command, app, env = SERVERS[name]
    env = {key: value.format(task=task) for key, value in env.items()}
    return serve(command(app.format(task=task), port), port, ready_path=ready_path, env=env, timeout=30)


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
def test_hello_under_a_production_server(name):
    port = free_port()
    with start(name, "hello", "/hello", port) as server:
        with urllib.request.urlopen(server.base_url + "/hello", timeout=5) as response:
            assert response.status == 200
            assert response.headers["Content-Type"].startswith("application/json")
            assert json.loads(response.read()) == {"message": "Hello, world"}


@pytest.mark.parametrize("name", SERVERS)
def test_validation_under_a_production_server(name):
    port = free_port()
    with start(name, "validation", "/items", port) as server:
        assert post_json(server.base_url + "/items", {"name": "Teapot", "price": 12.5}) == (
            201,
            {"name": "Teapot", "price": 12.5},
        )
        status, body = post_json(server.base_url + "/items", {"name": "", "price": -1})
        assert status == 422
        assert "name" in json.dumps(body) and "price" in json.dumps(body)
