"""The crud task under each production server, on 127.0.0.1 with a free port and a temp database."""

import json
import os
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from guide.servers import free_port, serve
from tests.tasks.response_files import assert_documented

BIN = Path(sys.executable).parent


def gunicorn(app: str, port: int) -> list[str]:
    return [str(BIN / "gunicorn"), "--bind", f"127.0.0.1:{port}", "--workers", "1", app]


def uvicorn(app: str, port: int) -> list[str]:
    return [str(BIN / "uvicorn"), "--host", "127.0.0.1", "--port", str(port), "--no-access-log", app]


def migrate_django(database: Path) -> dict[str, str]:
    """Create the Django tables in a fresh SQLite file; return the environment that points the site at it."""
    env = {"DJANGO_DATABASE": str(database), "DJANGO_SETTINGS_MODULE": "snippets.django_site.settings"}
    subprocess.run(
        [sys.executable, "-m", "django", "migrate", "--no-input", "-v", "0"],
        env={**os.environ, **env},
        check=True,
        timeout=60,
    )
    return env


def request(method: str, url: str, payload=None):
    """Send a JSON request; return (status, headers, body) for successes and HTTP errors alike."""
    data = None if payload is None else json.dumps(payload).encode()
    req = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=5) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, error.headers, error.read()


@pytest.mark.parametrize("framework", ["flask", "fastapi", "django"])
def test_crud_under_production_server(framework, tmp_path):
    port = free_port()
    if framework == "flask":
        command = gunicorn("snippets.crud.flask_app:app", port)
        env = {"DATABASE_URL": f"sqlite:///{tmp_path / 'notes.db'}"}
    elif framework == "fastapi":
        command = uvicorn("snippets.crud.fastapi_app:app", port)
        env = {"DATABASE_URL": f"sqlite:///{tmp_path / 'notes.db'}"}
    else:
        command = gunicorn("snippets.django_site.wsgi:app", port)
        env = {**migrate_django(tmp_path / "django.db"), "DJANGO_URLCONF": "snippets.crud.django_app"}

    with serve(command, port, ready_path="/notes", env=env, timeout=30) as server:
        status, headers, body = request("POST", server.base_url + "/notes", {"title": "Buy milk"})
        assert status == 201
        note = json.loads(body)
        assert note["title"] == "Buy milk"

        status, headers, body = request("GET", f"{server.base_url}/notes/{note['id']}")
        assert status == 200
        assert json.loads(body) == note

        status, headers, body = request("GET", server.base_url + "/notes/999")
        assert_documented(f"snippets/crud/responses/{framework}_missing.txt", status, headers, body)
    assert server.process.returncode is not None
