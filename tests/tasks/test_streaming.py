"""Streaming and server-sent events (docs/tasks/async.md#streaming): the same event stream from all three."""

import httpx
import pytest
from asgiref.sync import async_to_sync
from django.test import AsyncClient
from fastapi.testclient import TestClient

from snippets.streaming import fastapi_app, flask_app
from tests.support.servers import DJANGO_ASGI, Served, task_app

STREAM_OF_3 = (
    'data: {"n": 3}\nid: 3\n\ndata: {"n": 2}\nid: 2\n\ndata: {"n": 1}\nid: 1\n\nevent: done\ndata: {}\n\n'
)
STREAM_OF_1 = 'data: {"n": 1}\nid: 1\n\nevent: done\ndata: {}\n\n'
BAD_START = {"error": "start must be an integer from 1 to 10"}
BAD_QUERIES = ["start=0", "start=11", "start=abc", "start=-1", "start=2.5", "start="]


def assert_event_stream_headers(headers):
    assert headers["Content-Type"].split(";")[0] == "text/event-stream"
    assert headers["Cache-Control"] == "no-cache"
    assert headers["X-Accel-Buffering"] == "no"


@pytest.mark.parametrize(("query", "expected"), [("", STREAM_OF_3), ("?start=1", STREAM_OF_1)])
def test_flask_streams_server_sent_events(query, expected):
    response = flask_app.app.test_client().get("/countdown" + query)
    assert response.status_code == 200
    assert response.is_streamed
    assert_event_stream_headers(response.headers)
    assert response.get_data(as_text=True) == expected


@pytest.mark.parametrize("query", BAD_QUERIES)
def test_flask_rejects_bad_start(query):
    response = flask_app.app.test_client().get("/countdown?" + query)
    assert response.status_code == 400
    assert response.get_json() == BAD_START


@pytest.mark.parametrize(("query", "expected"), [("", STREAM_OF_3), ("?start=1", STREAM_OF_1)])
def test_fastapi_streams_server_sent_events(query, expected):
    with TestClient(fastapi_app.app) as client, client.stream("GET", "/countdown" + query) as response:
        assert response.status_code == 200
        assert_event_stream_headers(response.headers)
        assert "".join(response.iter_text()) == expected


@pytest.mark.parametrize("query", BAD_QUERIES)
def test_fastapi_rejects_bad_start_with_422(query):
    with TestClient(fastapi_app.app) as client:
        response = client.get("/countdown?" + query)
    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert error["loc"] == ["query", "start"]


async def django_get(path: str) -> tuple[int, dict, str]:
    response = await AsyncClient().get(path)
    if response.streaming:
        body = b"".join([chunk async for chunk in response.streaming_content])
    else:
        body = response.content
    return response.status_code, response.headers, body.decode()


@pytest.mark.urls("snippets.streaming.django_app")
@pytest.mark.parametrize(("query", "expected"), [("", STREAM_OF_3), ("?start=1", STREAM_OF_1)])
def test_django_streams_server_sent_events_under_asgi(query, expected):
    status, headers, body = async_to_sync(django_get)("/countdown" + query)
    assert status == 200
    assert_event_stream_headers(headers)
    assert body == expected


@pytest.mark.urls("snippets.streaming.django_app")
@pytest.mark.parametrize("query", BAD_QUERIES)
def test_django_rejects_bad_start(client, query):
    response = client.get("/countdown?" + query)
    assert response.status_code == 400
    assert response.json() == BAD_START


@pytest.mark.urls("snippets.streaming.django_app")
def test_django_under_wsgi_buffers_the_async_stream_with_a_warning(client):
    with pytest.warns(Warning, match="must consume asynchronous iterators"):
        response = client.get("/countdown")
        body = b"".join(response).decode()
    assert body == STREAM_OF_3


@pytest.mark.urls("snippets.streaming.django_app")
def test_django_countdown_rejects_post(client):
    assert client.post("/countdown").status_code == 405


REAL_SERVERS = {
    "flask-gunicorn": (
        Served("gunicorn", "snippets.streaming.flask_app:app", options=("--threads", "4")),
        400,
        BAD_START,
    ),
    "fastapi-uvicorn": (task_app("streaming", "fastapi"), 422, None),
    "django-uvicorn": (
        Served("uvicorn", DJANGO_ASGI, {"DJANGO_URLCONF": "snippets.streaming.django_app"}),
        400,
        BAD_START,
    ),
}


@pytest.mark.parametrize("name", REAL_SERVERS)
def test_streams_under_production_server(name, serve_app):
    served, bad_status, bad_body = REAL_SERVERS[name]
    server = serve_app(served, ready_path="/countdown?start=1")
    with httpx.stream("GET", server.base_url + "/countdown", timeout=5) as response:
        assert response.status_code == 200
        assert response.headers["transfer-encoding"] == "chunked"
        assert_event_stream_headers(response.headers)
        assert "".join(response.iter_text()) == STREAM_OF_3
    bad = httpx.get(server.base_url + "/countdown?start=99", timeout=5)
    assert bad.status_code == bad_status
    if bad_body is not None:
        assert bad.json() == bad_body
    else:
        assert bad.json()["detail"][0]["loc"] == ["query", "start"]
