"""Flask runs `async def` views that await calls concurrently, and each request still holds a thread.

The upstream answers only when two calls are in flight together (a barrier of
two), so a 200 from it proves concurrency without timing anything; a 504 means
the second call never arrived while the first was waiting.
"""

import asyncio
import threading
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest
from flask import Flask
from werkzeug.serving import make_server

BARRIER_TIMEOUT = 3


class Upstream:
    """A loopback HTTP server whose GET / answers 200 once two requests are waiting, else 504."""

    def __init__(self) -> None:
        self.barrier = threading.Barrier(2)
        barrier = self.barrier

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                try:
                    barrier.wait(timeout=BARRIER_TIMEOUT)
                    status = 200
                except threading.BrokenBarrierError:
                    status = 504
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/"

    def __enter__(self) -> "Upstream":
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


def make_app(upstream_url: str) -> Flask:
    app = Flask(__name__)

    async def fetch(client: httpx.AsyncClient) -> int:
        return (await client.get(upstream_url, timeout=10)).status_code

    @app.get("/one")
    async def one_upstream_call():
        async with httpx.AsyncClient(trust_env=False) as client:
            return {"upstream": await fetch(client)}

    @app.get("/two")
    async def two_upstream_calls_at_once():
        async with httpx.AsyncClient(trust_env=False) as client:
            statuses = await asyncio.gather(fetch(client), fetch(client))
        return {"upstream": list(statuses)}

    return app


class FlaskServer:
    """Werkzeug's WSGI server on loopback; `threaded=False` serves one request at a time."""

    def __init__(self, app: Flask, threaded: bool) -> None:
        self.server = make_server("127.0.0.1", 0, app, threaded=threaded)
        self.url = f"http://127.0.0.1:{self.server.server_port}"

    def __enter__(self) -> "FlaskServer":
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


def get_json(url: str) -> dict:
    response = httpx.get(url, timeout=20, trust_env=False)
    assert response.status_code == 200
    return response.json()


def two_requests_at_once(url: str) -> list[dict]:
    with ThreadPoolExecutor(max_workers=2) as pool:
        return list(pool.map(get_json, [url, url]))


@pytest.mark.parametrize("threaded", [True, False], ids=["thread-per-request", "one-worker"])
def test_one_async_view_awaits_two_calls_concurrently(threaded):
    with Upstream() as upstream, FlaskServer(make_app(upstream.url), threaded=threaded) as server:
        assert get_json(server.url + "/two") == {"upstream": [200, 200]}


def test_async_views_overlap_when_each_request_has_its_own_thread():
    with Upstream() as upstream, FlaskServer(make_app(upstream.url), threaded=True) as server:
        assert two_requests_at_once(server.url + "/one") == [{"upstream": 200}, {"upstream": 200}]


def test_an_async_view_still_holds_its_worker_for_the_whole_request():
    with Upstream() as upstream, FlaskServer(make_app(upstream.url), threaded=False) as server:
        assert two_requests_at_once(server.url + "/one") == [{"upstream": 504}, {"upstream": 504}]
