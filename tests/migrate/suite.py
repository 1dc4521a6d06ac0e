"""What the migration paths' client suites share (tests/migrate/test_*.py).

Each path runs one client suite, the same requests with the same expected answers,
against every step of its move. A module lists its requests (`REQUESTS`), what the app
answers before the move (`BEFORE`) and, per step, the answers that change on purpose
from that step on (`CHANGES`, the table its page shows); `expected` reads the answer a
step owes, `assert_answer` compares an httpx response with it. The steps' apps are
imported fresh (they read the environment at import) and reached through httpx: over
WSGI for a Flask app, through Starlette's `TestClient` for an ASGI app.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field

import httpx
import pytest
from flask import Flask
from starlette.testclient import TestClient

from guide.migrate import Step
from tests.support.servers import RunningServer, Served, running


@dataclass(frozen=True)
class Request:
    method: str
    url: str
    headers: dict[str, str] = field(default_factory=dict)
    json: object = None
    content: bytes | None = None


@dataclass(frozen=True)
class Answer:
    status: int
    body: object = None
    """The JSON body, parsed; `bytes` for a body that is not JSON; `None` for an empty body."""
    headers: dict[str, str] = field(default_factory=dict)
    """Headers that must be equal."""
    allow: frozenset[str] | None = None
    """The methods the `Allow` header must list, in any order."""


def error(code: int, name: str, description: str, **headers: str) -> Answer:
    """An error in the shape of the Flask apps' handler: `{code, name, description}`."""
    return Answer(code, {"code": code, "name": name, "description": description}, headers)


NO_URL = (
    "The requested URL was not found on the server. If you entered the URL manually please check your "
    "spelling and try again."
)
"""Werkzeug's description of a 404."""


def expected(
    before: Mapping[str, Answer], changes: Mapping[int, Mapping[str, Answer]], number: int, name: str
):
    """What step `number` owes the request `name`: the answer before the move, or the latest change."""
    answer = before[name]
    for step, changed in sorted(changes.items()):
        if step <= number and name in changed:
            answer = changed[name]
    return answer


def assert_changes_are_changes(
    before: Mapping[str, Answer],
    changes: Mapping[int, Mapping[str, Answer]],
    requests: Mapping,
    steps: list[int],
) -> None:
    """Every listed change starts at a later step, names a real request and changes its answer."""
    assert before.keys() == requests.keys()
    for number, changed in changes.items():
        assert number in steps[1:]
        for name in changed:
            assert name in requests
            assert expected(before, changes, number, name) != expected(before, changes, number - 1, name), (
                f"step {number}: {name}"
            )


def over_steps(numbers: list[int], name: str = "number"):
    """Parametrize a test over step numbers, with ids `step0`, `step1`, ..."""
    return pytest.mark.parametrize(name, numbers, ids=[f"step{number}" for number in numbers])


def package(step: Step) -> str:
    """The step's folder as a package name."""
    return step.folder.replace("/", ".")


def forget(step: Step) -> None:
    """Drop the step's modules, so that the next import runs them again."""
    prefix = package(step) + "."
    for name in [name for name in sys.modules if name.startswith(prefix)]:
        del sys.modules[name]


def load_app(step: Step):
    """Import a step's app fresh: its modules read the environment at import."""
    forget(step)
    module, _, attribute = step.app.partition(":")
    return getattr(importlib.import_module(module), attribute)


def client(app) -> httpx.Client:
    """An httpx client of an app in process: over WSGI for Flask, Starlette's `TestClient` for ASGI."""
    if isinstance(app, Flask):
        return httpx.Client(transport=httpx.WSGITransport(app=app), base_url="http://testserver")
    return TestClient(app)


def send(http: httpx.Client, request: Request) -> httpx.Response:
    return http.request(
        request.method,
        request.url,
        headers=request.headers,
        json=request.json,
        content=request.content,
        follow_redirects=False,
    )


def allowed(header: str) -> frozenset[str]:
    """The methods an `Allow` header lists."""
    return frozenset(method.strip() for method in header.split(","))


def assert_answer(response: httpx.Response, answer: Answer, where: str) -> None:
    """The response has the answer's status, body (JSON, or empty), headers and allowed methods."""
    assert response.status_code == answer.status, f"{where}: {response.status_code} {response.text}"
    if answer.body is None:
        assert response.content == b"", f"{where}: body {response.content!r}"
    else:
        assert response.headers["content-type"] == "application/json", where
        assert response.json() == answer.body, where
    for name, value in answer.headers.items():
        assert response.headers.get(name) == value, f"{where}: header {name}"
    if answer.allow is not None:
        assert allowed(response.headers["allow"]) == answer.allow, (
            f"{where}: Allow {response.headers['allow']}"
        )


@contextmanager
def on_real_server(
    step: Step, ready_path: str, env: Mapping[str, str], client_timeout: float = 5, **options
) -> Iterator[tuple[RunningServer, httpx.Client]]:
    """The step's app under its server on loopback (`step.server`), and an httpx client of it;
    `options` go to `tests.support.servers.running`."""
    with running(Served(step.server, step.app), ready_path=ready_path, env=env, **options) as server:
        with httpx.Client(base_url=server.base_url, trust_env=False, timeout=client_timeout) as http:
            yield server, http
