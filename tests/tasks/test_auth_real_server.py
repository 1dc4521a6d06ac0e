"""token-auth under each production server: the right token gets in, a wrong one gets the documented 401."""

import json
import secrets
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from guide.servers import free_port, serve
from tests.tasks.response_files import assert_documented

BIN = Path(sys.executable).parent
TOKEN = secrets.token_urlsafe(32)

SERVERS = {
    "flask": ("gunicorn", "snippets.token_auth.flask_app:app", {}),
    "fastapi": ("uvicorn", "snippets.token_auth.fastapi_app:app", {}),
    "django": (
        "gunicorn",
        "snippets.django_site.wsgi:app",
        {"DJANGO_URLCONF": "snippets.token_auth.django_app"},
    ),
}


def command(server: str, app: str, port: int) -> list[str]:
    if server == "gunicorn":
        return [str(BIN / "gunicorn"), "--bind", f"127.0.0.1:{port}", "--workers", "1", app]
    return [str(BIN / "uvicorn"), "--host", "127.0.0.1", "--port", str(port), "--no-access-log", app]


def get(url: str, token: str):
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, error.headers, error.read()


@pytest.mark.parametrize("framework", SERVERS)
def test_token_auth_under_production_server(framework):
    server_name, app, env = SERVERS[framework]
    port = free_port()
    env = {**env, "API_TOKEN": TOKEN}
    with serve(command(server_name, app, port), port, ready_path="/private", env=env, timeout=30) as server:
        status, _, body = get(server.base_url + "/private", TOKEN)
        assert status == 200
        assert json.loads(body) == {"message": "Hello, token holder"}

        status, headers, body = get(server.base_url + "/private", "wrong-token")
        assert_documented(f"snippets/token_auth/responses/{framework}_wrong_token.txt", status, headers, body)
    assert server.process.returncode is not None
