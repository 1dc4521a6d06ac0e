"""File upload with a size limit (docs/tasks/html.md#upload): 1 MiB per request body, 413 beyond it."""

import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from fastapi.testclient import TestClient
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from guide.frameworks import FRAMEWORKS
from snippets.upload import django_app, fastapi_app, flask_app
from tests.support.http_answers import Answer, assert_saved

LIMIT = 1024 * 1024


def post_file(framework, client, content: bytes | None, filename="notes.txt"):
    """POST `content` as the multipart field `file` (or a form without it); return (status, headers, body).

    Flask's body is encoded in memory: Werkzeug's test client spools a large body to a temp file it
    never closes, which `filterwarnings = error` would report as a ResourceWarning.
    """
    if framework == "flask":
        fields = (
            {"other": "field"} if content is None else {"file": FileStorage(io.BytesIO(content), filename)}
        )
        boundary, data = encode_multipart(fields)
        response = client.post("/upload", data=data, content_type=f"multipart/form-data; boundary={boundary}")
        return response.status_code, response.headers, response.data
    if framework == "fastapi":
        files = None if content is None else {"file": (filename, content)}
        response = client.post("/upload", files=files, data={"other": "field"})
        return response.status_code, response.headers, response.content
    upload = {"other": "field"} if content is None else {"file": SimpleUploadedFile(filename, content)}
    response = client.post("/upload", upload)
    return response.status_code, response.headers, response.content


@pytest.fixture(params=FRAMEWORKS)
def uploader(request):
    if request.param == "flask":
        yield "flask", flask_app.app.test_client()
    elif request.param == "fastapi":
        with TestClient(fastapi_app.app) as client:
            yield "fastapi", client
    else:
        request.getfixturevalue("settings").ROOT_URLCONF = "snippets.upload.django_app"
        yield "django", request.getfixturevalue("client")


def test_small_file_is_accepted(uploader):
    status, _, body = post_file(*uploader, b"hello")
    assert status == 201
    assert json.loads(body) == {"filename": "notes.txt", "size": 5}


def test_file_just_under_the_limit_is_accepted(uploader):
    status, _, body = post_file(*uploader, b"x" * (LIMIT - 1024))
    assert status == 201
    assert json.loads(body)["size"] == LIMIT - 1024


def test_too_large_file_gets_documented_413(uploader):
    framework, client = uploader
    status, headers, body = post_file(framework, client, b"x" * (LIMIT + 1))
    assert_saved(f"snippets/upload/responses/{framework}_too_large.txt", Answer(status, headers, body))


def test_limit_counts_the_whole_body_not_just_the_file(uploader):
    framework, client = uploader
    status, _, _ = post_file(framework, client, b"x" * LIMIT)
    assert status == 413


def test_missing_file_is_a_client_error(uploader):
    framework, client = uploader
    status, _, body = post_file(framework, client, None)
    if framework == "fastapi":
        assert status == 422
        assert json.loads(body)["detail"][0]["loc"] == ["body", "file"]
    else:
        assert status == 400
        assert json.loads(body) == {"detail": "Send the file in the form field 'file'"}


@pytest.mark.urls("snippets.upload.django_app")
def test_django_upload_rejects_get(client):
    assert client.get("/upload").status_code == 405


@pytest.mark.urls("snippets.upload.django_app")
@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=1024, FILE_UPLOAD_MAX_MEMORY_SIZE=1024)
def test_django_settings_alone_do_not_limit_file_size(client, monkeypatch):
    """Why the view checks Content-Length: Django's upload settings leave file parts unlimited."""
    monkeypatch.setattr(django_app, "MAX_UPLOAD_BYTES", 10 * LIMIT)
    response = client.post("/upload", {"file": SimpleUploadedFile("big.bin", b"x" * (2 * LIMIT))})
    assert response.status_code == 201
    assert response.json()["size"] == 2 * LIMIT


def test_fastapi_counts_a_chunked_body_and_answers_json_413():
    """Without Content-Length FastAPI counts bytes as they arrive; that path answers in its JSON shape."""
    boundary, body = encode_multipart({"file": FileStorage(io.BytesIO(b"x" * (LIMIT + 1)), "big.bin")})
    chunks = (body[start : start + 65536] for start in range(0, len(body), 65536))
    with TestClient(fastapi_app.app) as client:
        response = client.post(
            "/upload", content=chunks, headers={"Content-Type": f"multipart/form-data; boundary={boundary}"}
        )
    assert response.request.headers["Transfer-Encoding"] == "chunked"
    assert response.status_code == 413
    assert response.json() == {"detail": "Content Too Large"}
