"""The upload task's too-large file, sent to each framework under its production server on 127.0.0.1."""

import http.client
import io
import json
import sys
from pathlib import Path

import pytest
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from guide.servers import free_port, serve
from tests.tasks.response_files import assert_documented

BIN = Path(sys.executable).parent
LIMIT = 1024 * 1024

SERVERS = {
    "flask": ("gunicorn", "snippets.upload.flask_app:app", {}),
    "fastapi": ("uvicorn", "snippets.upload.fastapi_app:app", {}),
    "django": ("gunicorn", "snippets.django_site.wsgi:app", {"DJANGO_URLCONF": "snippets.upload.django_app"}),
}


def command(server: str, app: str, port: int) -> list[str]:
    if server == "gunicorn":
        return [str(BIN / "gunicorn"), "--bind", f"127.0.0.1:{port}", "--workers", "1", app]
    return [str(BIN / "uvicorn"), "--host", "127.0.0.1", "--port", str(port), "--no-access-log", app]


def upload(port: int, size: int):
    """POST a file of `size` bytes as the multipart field `file`; return (status, headers, body)."""
    boundary, body = encode_multipart({"file": FileStorage(io.BytesIO(b"x" * size), "data.bin")})
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request(
            "POST", "/upload", body, {"Content-Type": f"multipart/form-data; boundary={boundary}"}
        )
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


@pytest.mark.parametrize("framework", SERVERS)
def test_upload_limit_under_production_server(framework):
    server_name, app, env = SERVERS[framework]
    port = free_port()
    with serve(command(server_name, app, port), port, ready_path="/upload", env=env, timeout=30) as server:
        status, _, body = upload(port, 1000)
        assert status == 201
        assert json.loads(body) == {"filename": "data.bin", "size": 1000}

        status, headers, body = upload(port, LIMIT + 1)
        assert_documented(f"snippets/upload/responses/{framework}_too_large.txt", status, headers, body)
    assert server.process.returncode is not None
