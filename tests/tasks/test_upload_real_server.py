"""The upload task's too-large file, sent to each framework under its production server on 127.0.0.1."""

import http.client
import io
import json

import pytest
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from guide.frameworks import FRAMEWORKS
from tests.support.http_answers import Answer, assert_saved
from tests.support.servers import HOST, task_app

LIMIT = 1024 * 1024


def upload(port: int, size: int) -> Answer:
    """POST a file of `size` bytes as the multipart field `file`."""
    boundary, body = encode_multipart({"file": FileStorage(io.BytesIO(b"x" * size), "data.bin")})
    connection = http.client.HTTPConnection(HOST, port, timeout=10)
    try:
        connection.request(
            "POST", "/upload", body, {"Content-Type": f"multipart/form-data; boundary={boundary}"}
        )
        response = connection.getresponse()
        return Answer(response.status, response.headers, response.read())
    finally:
        connection.close()


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_upload_limit_under_production_server(framework, serve_app):
    server = serve_app(task_app("upload", framework), ready_path="/upload")
    small = upload(server.port, 1000)
    assert small.status == 201
    assert json.loads(small.body) == {"filename": "data.bin", "size": 1000}

    assert_saved(f"snippets/upload/responses/{framework}_too_large.txt", upload(server.port, LIMIT + 1))
