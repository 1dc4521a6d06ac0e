"""WebSocket echo (docs/tasks/async.md#websocket): every text message comes back unchanged.

Flask's test client speaks no WebSocket, so the Flask app runs under gunicorn with threads,
as the page recommends; FastAPI uses its TestClient; Django is driven with raw
ASGI messages (through asgiref's `ApplicationCommunicator`; `channels.testing` would
import daphne, which this project does not install) and also runs under uvicorn.
"""

import threading

import pytest
from asgiref.sync import async_to_sync
from asgiref.testing import ApplicationCommunicator
from fastapi.testclient import TestClient
from websockets.exceptions import InvalidStatus
from websockets.sync.client import connect
from werkzeug.serving import make_server

from snippets.websocket import django_asgi, fastapi_app, flask_app
from tests.support.servers import Served

MESSAGES = ["hello", "héllo wörld", '{"json": true}']


def echo_over_real_socket(url: str, origin: str = "http://localhost") -> list[str]:
    with connect(url, origin=origin, open_timeout=5, close_timeout=5) as ws:
        replies = []
        for message in MESSAGES:
            ws.send(message)
            replies.append(ws.recv(timeout=5))
    return replies


def test_flask_sock_echoes_under_gunicorn_threads(serve_app):
    served = Served("gunicorn", "snippets.websocket.flask_app:app", options=("--threads", "8"))
    server = serve_app(served, ready_path="/ws")
    assert echo_over_real_socket(server.base_url.replace("http", "ws") + "/ws") == MESSAGES


def test_flask_sock_echoes_in_process():
    """The same app in a threaded Werkzeug server inside the test process, so coverage sees it."""
    server = make_server("127.0.0.1", 0, flask_app.app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        assert echo_over_real_socket(f"ws://127.0.0.1:{server.server_port}/ws") == MESSAGES
    finally:
        server.shutdown()
        thread.join(timeout=5)


def test_flask_sock_does_not_echo_an_oversized_message():
    """Above `max_message_size` simple-websocket gives up on the connection: no echo comes back.

    (It does not close cleanly either: the handler thread stays blocked, which the page
    mentions; the daemon thread ends with the test process.)
    """
    server = make_server("127.0.0.1", 0, flask_app.app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        with connect(
            f"ws://127.0.0.1:{server.server_port}/ws", open_timeout=5, close_timeout=1, compression=None
        ) as ws:
            ws.send("small")
            assert ws.recv(timeout=5) == "small"
            ws.send("x" * (64 * 1024 + 1))
            with pytest.raises(TimeoutError):
                ws.recv(timeout=2)
    finally:
        server.shutdown()
        thread.join(timeout=5)


def test_fastapi_echoes_text():
    with TestClient(fastapi_app.app) as client, client.websocket_connect("/ws") as ws:
        for message in MESSAGES:
            ws.send_text(message)
            assert ws.receive_text() == message


def test_fastapi_echo_ends_cleanly_when_client_leaves():
    with TestClient(fastapi_app.app) as client:
        with client.websocket_connect("/ws") as ws:
            ws.send_text("bye")
            assert ws.receive_text() == "bye"
        with client.websocket_connect("/ws") as ws:
            ws.send_text("still serving")
            assert ws.receive_text() == "still serving"


async def django_echo(origin: bytes) -> tuple[bool, list[str]]:
    scope = {
        "type": "websocket",
        "path": "/ws",
        "raw_path": b"/ws",
        "query_string": b"",
        "headers": [(b"host", b"localhost"), (b"origin", origin)],
        "subprotocols": [],
    }
    communicator = ApplicationCommunicator(django_asgi.app, scope)
    await communicator.send_input({"type": "websocket.connect"})
    answer = await communicator.receive_output(timeout=5)
    replies = []
    if answer["type"] == "websocket.accept":
        for message in MESSAGES:
            await communicator.send_input({"type": "websocket.receive", "text": message})
            reply = await communicator.receive_output(timeout=5)
            replies.append(reply["text"])
    await communicator.send_input({"type": "websocket.disconnect", "code": 1000})
    await communicator.wait(timeout=5)
    return answer["type"] == "websocket.accept", replies


@pytest.fixture
def channels_db_cleanup(django_db_blocker):
    """Channels closes stale database connections around each event; let it, though the echo uses none."""
    with django_db_blocker.unblock():
        yield


def test_django_channels_echoes_text(channels_db_cleanup):
    assert async_to_sync(django_echo)(b"http://localhost") == (True, MESSAGES)


def test_django_channels_rejects_foreign_origin(channels_db_cleanup):
    assert async_to_sync(django_echo)(b"https://evil.example") == (False, [])


def test_django_channels_echoes_under_uvicorn(serve_app):
    server = serve_app(Served("uvicorn", "snippets.websocket.django_asgi:app"), ready_path="/ws")
    url = server.base_url.replace("http", "ws") + "/ws"
    assert echo_over_real_socket(url) == MESSAGES
    with pytest.raises(InvalidStatus) as rejected:
        echo_over_real_socket(url, origin="https://evil.example")
    assert rejected.value.response.status_code == 403
