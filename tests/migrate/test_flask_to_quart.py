"""Flask to Quart for async handlers (docs/migrate/flask-to-quart.md).

The app looks prices up from a slow upstream service. The tests start a fake upstream on
127.0.0.1 that waits `DELAY` seconds before each answer, so time tells how many lookups
ran at once. One client suite runs unchanged against every step: through httpx's WSGI
transport to the Flask app of step 0 and through Starlette's `TestClient` (an httpx
client that runs any ASGI app) to the Quart apps. No answer of the suite changes during
the move; what changes is how many lookups wait at the same time, measured under each
step's real server.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import httpx
import pytest
from flask import Flask

from guide import migrate
from tests.migrate import suite
from tests.migrate.suite import NO_URL, assert_answer, send
from tests.support.servers import HOST

PATH = migrate.path("flask-to-quart")
STEPS = list(range(len(PATH.steps)))
DELAY = 0.4
"""Seconds the fake upstream waits before every answer."""
CONCURRENT = 5
"""Lookups sent at once in the timing tests."""
OVERLAPPED = (CONCURRENT - 1) * DELAY
"""Less than this, and the lookups cannot have waited in turn (that takes `CONCURRENT * DELAY` at least)."""


class Upstream(BaseHTTPRequestHandler):
    """The fake price service: `GET /prices?symbol=X` after `DELAY` s; `NONE` is unknown, `BOOM` fails."""

    def do_GET(self):
        symbol = parse_qs(urlparse(self.path).query).get("symbol", [""])[0]
        time.sleep(DELAY)
        status, body = {"NONE": (404, {"error": "unknown"}), "BOOM": (500, {"error": "down"})}.get(
            symbol, (200, {"symbol": symbol, "price": 12.5})
        )
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def upstream_url():
    server = ThreadingHTTPServer((HOST, 0), Upstream)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://{HOST}:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def apps(upstream_url):
    """Every step's app, imported with the upstream's URL set (it reads `UPSTREAM_URL` at import)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("UPSTREAM_URL", upstream_url)
        yield {number: suite.load_app(PATH.steps[number]) for number in STEPS}


@pytest.fixture(params=STEPS, ids=[f"step{number}" for number in STEPS])
def step(request, apps):
    with suite.client(apps[request.param]) as http:
        yield request.param, http


@dataclass(frozen=True)
class Request:
    """A request as `suite.send` takes it, written (method, url, json, content): no headers."""

    method: str
    url: str
    json: object = None
    content: bytes | None = None
    headers: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Answer:
    """An answer as `suite.assert_answer` takes it, written (status, body, allow): no header is checked."""

    status: int
    body: object = None
    allow: frozenset[str] | None = None
    headers: dict[str, str] = field(default_factory=dict)


def error(code: int, name: str, description: str) -> Answer:
    return Answer(code, {"code": code, "name": name, "description": description})


BAD_SYMBOLS = error(400, "Bad Request", "symbols must be a list of 1 to 10 strings")

# --8<-- [start:suite]
SUITE = {
    "read": (Request("GET", "/prices/ACME"), Answer(200, {"symbol": "ACME", "price": 12.5})),
    "read-head": (Request("HEAD", "/prices/ACME"), Answer(200)),
    "read-unknown": (Request("GET", "/prices/NONE"), error(404, "Not Found", "No price for NONE")),
    "read-upstream-fails": (
        Request("GET", "/prices/BOOM"),
        error(502, "Bad Gateway", "The price service failed"),
    ),
    "batch": (
        Request("POST", "/prices", {"symbols": ["A", "B"]}),
        Answer(200, [{"symbol": "A", "price": 12.5}, {"symbol": "B", "price": 12.5}]),
    ),
    "batch-unknown": (
        Request("POST", "/prices", {"symbols": ["A", "NONE"]}),
        error(404, "Not Found", "No price for NONE"),
    ),
    "batch-empty": (Request("POST", "/prices", {"symbols": []}), BAD_SYMBOLS),
    "batch-eleven": (Request("POST", "/prices", {"symbols": ["A"] * 11}), BAD_SYMBOLS),
    "batch-not-strings": (Request("POST", "/prices", {"symbols": [1]}), BAD_SYMBOLS),
    "batch-not-json": (Request("POST", "/prices", content=b"A,B"), BAD_SYMBOLS),
    "batch-wrong-method": (
        Request("PUT", "/prices"),
        Answer(
            405,
            {
                "code": 405,
                "name": "Method Not Allowed",
                "description": "The method is not allowed for the requested URL.",
            },
            frozenset({"POST", "OPTIONS"}),
        ),
    ),
    "unknown-url": (Request("GET", "/nothing-here"), error(404, "Not Found", NO_URL)),
}
# --8<-- [end:suite]


@pytest.mark.parametrize("name", SUITE)
def test_every_step_gives_the_suite_the_same_answers(step, name):
    number, http = step
    request, answer = SUITE[name]
    assert_answer(send(http, request), answer, f"step {number}, {name}")


def test_one_batch_of_five_symbols_waits_once_only_with_the_async_client(step):
    number, http = step
    started = time.monotonic()
    response = http.post("/prices", json={"symbols": [f"S{index}" for index in range(CONCURRENT)]})
    elapsed = time.monotonic() - started
    assert response.status_code == 200
    assert [price["symbol"] for price in response.json()] == [f"S{index}" for index in range(CONCURRENT)]
    if number < 2:
        assert elapsed >= CONCURRENT * DELAY, f"step {number}: {elapsed:.2f} s"
    else:
        assert elapsed < OVERLAPPED, f"step {number}: {elapsed:.2f} s"


@suite.over_steps(STEPS)
def test_concurrent_lookups_under_the_real_server_with_one_worker(number, upstream_url):
    env = {"UPSTREAM_URL": upstream_url}
    with suite.on_real_server(PATH.steps[number], "/nothing-here", env, client_timeout=30) as (server, http):
        assert http.get("/prices/ACME").json() == {"symbol": "ACME", "price": 12.5}

        def lookup(index: int) -> int:
            return http.get(f"/prices/S{index}").status_code

        started = time.monotonic()
        with ThreadPoolExecutor(CONCURRENT) as pool:
            statuses = list(pool.map(lookup, range(CONCURRENT)))
        elapsed = time.monotonic() - started
    assert statuses == [200] * CONCURRENT
    if number < 2:
        assert elapsed >= CONCURRENT * DELAY, f"step {number}: {elapsed:.2f} s, the lookups overlapped"
    else:
        assert elapsed < OVERLAPPED, f"step {number}: {elapsed:.2f} s, the lookups waited in turn"
    assert server.process.returncode is not None


def test_flask_async_views_overlap_awaits_within_one_request_only(upstream_url):
    app = Flask("flask_async")

    @app.get("/both")
    async def both():
        async with httpx.AsyncClient(base_url=upstream_url, timeout=5) as http:
            answers = await asyncio.gather(*(http.get("/prices", params={"symbol": s}) for s in "ABC"))
        return [answer.json() for answer in answers]

    with httpx.Client(transport=httpx.WSGITransport(app=app), base_url="http://testserver") as http:
        started = time.monotonic()
        response = http.get("/both")
        elapsed = time.monotonic() - started
    assert [price["symbol"] for price in response.json()] == ["A", "B", "C"]
    assert elapsed < 2 * DELAY, f"{elapsed:.2f} s, the three calls waited in turn"
