"""The hello task under each framework's production server, on 127.0.0.1 with a free port."""

import json
import sys
import urllib.request
from pathlib import Path

import pytest

from guide.servers import free_port, serve

BIN = Path(sys.executable).parent


def gunicorn(app: str, port: int) -> list[str]:
    return [str(BIN / "gunicorn"), "--bind", f"127.0.0.1:{port}", "--workers", "1", app]


def uvicorn(app: str, port: int) -> list[str]:
    return [str(BIN / "uvicorn"), "--host", "127.0.0.1", "--port", str(port), "--no-access-log", app]


SERVERS = {
    "flask-gunicorn": (gunicorn, "snippets.hello.flask_app:app", {}),
    "fastapi-uvicorn": (uvicorn, "snippets.hello.fastapi_app:app", {}),
    "django-gunicorn": (
        gunicorn,
        "snippets.django_site.wsgi:app",
        {"DJANGO_URLCONF": "snippets.hello.django_app"},
    ),
}


@pytest.mark.parametrize("name", SERVERS)
def test_hello_under_production_server(name):
    command, app, env = SERVERS[name]
    port = free_port()
    with serve(command(app, port), port, ready_path="/hello", env=env, timeout=30) as server:
        with urllib.request.urlopen(server.base_url + "/hello", timeout=5) as response:
            assert response.status == 200
            assert response.headers["Content-Type"].startswith("application/json")
            assert json.loads(response.read()) == {"message": "Hello, world"}
    assert server.process.returncode is not None
