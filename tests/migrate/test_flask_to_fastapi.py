"""Flask to FastAPI, endpoint by endpoint (docs/migrate/flask-to-fastapi.md).

One client suite, the same requests with the same expected answers, runs against every
step under snippets/migrate/flask_to_fastapi/. It speaks httpx to every step: through
httpx's WSGI transport to the Flask app of step 0, through FastAPI's `TestClient` (an
httpx client too) to the later ones, so not a line of it changes during the move.

`BEFORE` is what the Flask app answers. Where a step changes an answer on purpose,
`CHANGES` gives the new answer under the step where it starts (it holds for the later
steps too); the page shows that table. Every other answer must stay exactly the same.
"""

from __future__ import annotations

import importlib
import secrets
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path

import httpx
import pytest
from a2wsgi import WSGIMiddleware
from fastapi import FastAPI
from fastapi.testclient import TestClient
from flask import Flask, session
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import Request as StarletteRequest
from starlette.routing import Mount

from guide import migrate
from guide.servers import free_port, serve

PATH = migrate.path("flask-to-fastapi")
STEPS = list(range(len(PATH.steps)))
TOKEN = secrets.token_urlsafe(32)
AUTH = {"Authorization": f"Bearer {TOKEN}"}
BIN = Path(sys.executable).parent


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
    """The JSON body, parsed; `None` for an empty body."""
    headers: dict[str, str] = field(default_factory=dict)
    """Headers that must be equal."""
    allow: frozenset[str] | None = None
    """The methods the `Allow` header must list, in any order."""


def error(code: int, name: str, description: str, **headers: str) -> Answer:
    """An error in the shape of the Flask app's handler: `{code, name, description}`."""
    return Answer(code, {"code": code, "name": name, "description": description}, headers)


def invalid(kind: str, where: list, message: str, value: object, **context: object) -> Answer:
    """FastAPI's 422: a list of errors, each naming where the bad value was."""
    detail = {"type": kind, "loc": where, "msg": message, "input": value}
    return Answer(422, {"detail": [detail | ({"ctx": context} if context else {})]})


NO_URL = (
    "The requested URL was not found on the server. If you entered the URL manually please check your "
    "spelling and try again."
)
NO_TOKEN = error(401, "Unauthorized", "Invalid or missing token", **{"WWW-Authenticate": "Bearer"})
BAD_TITLE = error(400, "Bad Request", "title must be a string of 1 to 200 characters")
NOT_AN_INT = invalid(
    "int_parsing",
    ["path", "note_id"],
    "Input should be a valid integer, unable to parse string as an integer",
    "abc",
)

REQUESTS = {
    "list": Request("GET", "/notes"),
    "list-head": Request("HEAD", "/notes"),
    "list-trailing-slash": Request("GET", "/notes/"),
    "read": Request("GET", "/notes/1"),
    "read-missing": Request("GET", "/notes/99"),
    "read-not-a-number": Request("GET", "/notes/abc"),
    "create": Request("POST", "/notes", AUTH, {"title": "Call Bob"}),
    "create-lower-case-scheme": Request(
        "POST", "/notes", {"Authorization": f"bearer {TOKEN}"}, {"title": "x"}
    ),
    "create-no-token": Request("POST", "/notes", json={"title": "Call Bob"}),
    "create-wrong-token": Request("POST", "/notes", {"Authorization": "Bearer wrong"}, {"title": "Call Bob"}),
    "create-basic-auth": Request(
        "POST", "/notes", {"Authorization": f"Basic {TOKEN}"}, {"title": "Call Bob"}
    ),
    "create-no-token-bad-body": Request("POST", "/notes", content=b"nope"),
    "create-empty-title": Request("POST", "/notes", AUTH, {"title": ""}),
    "create-not-json": Request("POST", "/notes", AUTH | {"Content-Type": "text/plain"}, content=b"Call Bob"),
    "put-notes": Request("PUT", "/notes"),
    "delete": Request("DELETE", "/notes/1", AUTH),
    "delete-missing": Request("DELETE", "/notes/99", AUTH),
    "delete-not-a-number": Request("DELETE", "/notes/abc", AUTH),
    "delete-no-token": Request("DELETE", "/notes/1"),
    "unknown-url": Request("GET", "/nothing-here"),
}

BEFORE = {
    "list": Answer(200, [{"id": 1, "title": "Buy milk"}]),
    "list-head": Answer(200),
    "list-trailing-slash": error(404, "Not Found", NO_URL),
    "read": Answer(200, {"id": 1, "title": "Buy milk"}),
    "read-missing": error(404, "Not Found", "Note not found"),
    "read-not-a-number": error(404, "Not Found", NO_URL),
    "create": Answer(201, {"id": 2, "title": "Call Bob"}),
    "create-lower-case-scheme": Answer(201, {"id": 2, "title": "x"}),
    "create-no-token": NO_TOKEN,
    "create-wrong-token": NO_TOKEN,
    "create-basic-auth": NO_TOKEN,
    "create-no-token-bad-body": NO_TOKEN,
    "create-empty-title": BAD_TITLE,
    "create-not-json": BAD_TITLE,
    "put-notes": replace(
        error(405, "Method Not Allowed", "The method is not allowed for the requested URL."),
        allow=frozenset({"GET", "HEAD", "OPTIONS", "POST"}),
    ),
    "delete": Answer(204),
    "delete-missing": error(404, "Not Found", "Note not found"),
    "delete-not-a-number": error(404, "Not Found", NO_URL),
    "delete-no-token": NO_TOKEN,
    "unknown-url": error(404, "Not Found", NO_URL),
}

# --8<-- [start:changes]
CHANGES = {
    2: {
        "list-head": Answer(405, allow=frozenset({"OPTIONS", "POST"})),
        "put-notes": replace(BEFORE["put-notes"], allow=frozenset({"OPTIONS", "POST"})),
    },
    3: {
        "read-not-a-number": NOT_AN_INT,
    },
    4: {
        "create-empty-title": invalid(
            "string_too_short", ["body", "title"], "String should have at least 1 character", "", min_length=1
        ),
        "create-not-json": invalid(
            "model_attributes_type",
            ["body"],
            "Input should be a valid dictionary or object to extract fields from",
            "Call Bob",
        ),
        "put-notes": error(404, "Not Found", NO_URL),
        "list-head": Answer(404),
    },
    5: {
        "unknown-url": error(404, "Not Found", "Not Found"),
        "put-notes": replace(
            error(405, "Method Not Allowed", "Method Not Allowed"), allow=frozenset({"GET"})
        ),
        "list-head": Answer(405, allow=frozenset({"GET"})),
        "list-trailing-slash": Answer(307, headers={"location": "http://testserver/notes"}),
        "delete-not-a-number": NOT_AN_INT,
    },
}
# --8<-- [end:changes]

FASTAPI_ROUTES = {
    0: set(),
    1: set(),
    2: {"GET /notes"},
    3: {"GET /notes", "GET /notes/{note_id}"},
    4: {"GET /notes", "GET /notes/{note_id}", "POST /notes"},
    5: {"GET /notes", "GET /notes/{note_id}", "POST /notes", "DELETE /notes/{note_id}"},
}
"""The routes FastAPI serves after each step; Flask serves the others."""
ROUTES = FASTAPI_ROUTES[5]


def expected(number: int, name: str) -> Answer:
    """What step `number` must answer to the request `name`: the Flask answer or the latest change."""
    answer = BEFORE[name]
    for step, changes in sorted(CHANGES.items()):
        if step <= number and name in changes:
            answer = changes[name]
    return answer


PACKAGE = "snippets.migrate.flask_to_fastapi"
"""The path's package: every step imports the one data layer, `notes.py`, from here."""


def load(number: int):
    """Import a step's app fresh (its modules read `API_TOKEN` at import) and its data layer."""
    step = PATH.steps[number]
    package = step.folder.replace("/", ".")
    for name in [name for name in sys.modules if name.startswith(package + ".")]:
        del sys.modules[name]
    module, _, attribute = step.app.partition(":")
    return getattr(importlib.import_module(module), attribute), importlib.import_module(f"{PACKAGE}.notes")


@pytest.fixture(scope="module")
def apps():
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("API_TOKEN", TOKEN)
        yield {number: load(number) for number in STEPS}


def client(app) -> httpx.Client:
    if isinstance(app, Flask):
        return httpx.Client(transport=httpx.WSGITransport(app=app), base_url="http://testserver")
    return TestClient(app)


@pytest.fixture(params=STEPS, ids=[f"step{number}" for number in STEPS])
def step(request, apps, tmp_path, monkeypatch):
    monkeypatch.setenv("NOTES_DATABASE", str(tmp_path / "notes.db"))
    app, notes = apps[request.param]
    notes.add_note("Buy milk")
    with client(app) as http:
        yield request.param, app, http


def send(http: httpx.Client, request: Request) -> httpx.Response:
    return http.request(
        request.method,
        request.url,
        headers=request.headers,
        json=request.json,
        content=request.content,
        follow_redirects=False,
    )


def assert_answer(response: httpx.Response, answer: Answer, where: str) -> None:
    assert response.status_code == answer.status, f"{where}: {response.status_code} {response.text}"
    if answer.body is None:
        assert response.content == b"", f"{where}: body {response.content!r}"
    else:
        assert response.headers["content-type"] == "application/json", where
        assert response.json() == answer.body, where
    for name, value in answer.headers.items():
        assert response.headers.get(name) == value, f"{where}: header {name}"
    if answer.allow is not None:
        allowed = frozenset(method.strip() for method in response.headers["allow"].split(","))
        assert allowed == answer.allow, f"{where}: Allow {response.headers['allow']}"


@pytest.mark.parametrize("name", REQUESTS)
def test_every_step_gives_the_suite_the_answers_it_expects(step, name):
    number, _, http = step
    assert_answer(send(http, REQUESTS[name]), expected(number, name), f"step {number}, {name}")


def test_every_expected_change_is_a_change_and_names_a_real_request():
    for number, changes in CHANGES.items():
        assert number in STEPS[1:]
        for name in changes:
            assert name in REQUESTS
            assert expected(number, name) != expected(number - 1, name), f"step {number}: {name}"
    assert BEFORE.keys() == REQUESTS.keys()


def flask_routes(app) -> set[str]:
    if not isinstance(app, Flask):
        mounts = [route for route in app.routes if isinstance(route, Mount)]
        if not mounts:
            return set()
        app = mounts[0].app.app
    return {
        f"{method} {rule.rule.replace('<int:', '{').replace('>', '}')}"
        for rule in app.url_map.iter_rules()
        if rule.endpoint != "static"
        for method in rule.methods - {"HEAD", "OPTIONS"}
    }


def test_every_route_is_served_by_exactly_one_framework_at_every_step(step):
    number, app, http = step
    openapi = http.get("/openapi.json")
    if number == 0:
        assert openapi.status_code == 404
        served_by_fastapi = set()
    else:
        paths = openapi.json()["paths"]
        served_by_fastapi = {f"{method.upper()} {url}" for url, item in paths.items() for method in item}
    assert served_by_fastapi == FASTAPI_ROUTES[number]
    assert flask_routes(app) == ROUTES - FASTAPI_ROUTES[number]
    for page in ("/docs", "/redoc"):
        answer = http.get(page)
        assert answer.status_code == (404 if number == 0 else 200)
        assert answer.headers["content-type"].startswith("application/json" if number == 0 else "text/html")


def test_a_route_declared_below_the_mount_is_never_reached():
    legacy = Flask("legacy")
    legacy.add_url_rule("/late", "late", lambda: "Flask")
    app = FastAPI()
    app.mount("/", WSGIMiddleware(legacy))
    app.add_api_route("/late", lambda: "FastAPI")
    with TestClient(app) as http:
        assert http.get("/late").text == "Flask"


CONVERSATION = [
    (
        "POST /notes",
        Request("POST", "/notes", AUTH, {"title": "Call Bob"}),
        201,
        b'{"id":1,"title":"Call Bob"}',
    ),
    ("GET /notes/{note_id}", Request("GET", "/notes/1"), 200, b'{"id":1,"title":"Call Bob"}'),
    ("GET /notes", Request("GET", "/notes"), 200, b'[{"id":1,"title":"Call Bob"}]'),
    ("DELETE /notes/{note_id}", Request("DELETE", "/notes/1", AUTH), 204, b""),
    ("DELETE /notes/{note_id}", Request("DELETE", "/notes/1", AUTH), 404, b"Note not found"),
]
"""Requests in order, each with the route that serves it, its status and its JSON body as FastAPI sends it.

Flask sends the same JSON with other bytes: `jsonify` adds a newline at the end, and the
error handler's `json.dumps` a space after each separator. That tells who answered.
"""


def as_flask_sends_it(body: bytes, status: int) -> bytes:
    if status == 404:
        return b'{"code": 404, "name": "Not Found", "description": "Note not found"}'
    return body + b"\n" if body else body


def as_fastapi_sends_it(body: bytes, status: int) -> bytes:
    if status == 404:
        return b'{"code":404,"name":"Not Found","description":"Note not found"}'
    return body


def command(number: int, port: int) -> list[str]:
    step = PATH.steps[number]
    if step.server == "gunicorn":
        return [str(BIN / "gunicorn"), "--bind", f"127.0.0.1:{port}", "--workers", "1", step.app]
    return [str(BIN / "uvicorn"), "--host", "127.0.0.1", "--port", str(port), "--no-access-log", step.app]


@pytest.mark.parametrize("number", STEPS, ids=[f"step{number}" for number in STEPS])
def test_old_flask_and_new_fastapi_routes_answer_on_one_real_server(number, tmp_path):
    port = free_port()
    env = {"API_TOKEN": TOKEN, "NOTES_DATABASE": str(tmp_path / "notes.db")}
    answered_by = set()
    with serve(command(number, port), port, ready_path="/notes", env=env, timeout=30) as server:
        with httpx.Client(base_url=server.base_url, trust_env=False, timeout=5) as http:
            for route, request, status, body in CONVERSATION:
                framework = "fastapi" if route in FASTAPI_ROUTES[number] else "flask"
                sent = as_fastapi_sends_it if framework == "fastapi" else as_flask_sends_it
                response = send(http, request)
                assert response.status_code == status, f"{route}: {response.text}"
                assert response.content == sent(body, status), f"{route} should be answered by {framework}"
                answered_by.add(framework)
            openapi = http.get("/openapi.json")
            if number > 0:
                assert openapi.status_code == 200
                answered_by.add("fastapi")
            else:
                assert (openapi.status_code, openapi.json()) == (404, BEFORE["unknown-url"].body)
    both = "flask" in answered_by and "fastapi" in answered_by
    assert both == (PATH.steps[number].server == "uvicorn" and number < STEPS[-1]), answered_by
    assert server.process.returncode is not None


def test_a_flask_session_cookie_is_not_a_starlette_session():
    secret = secrets.token_urlsafe(32)
    legacy = Flask("legacy")
    legacy.secret_key = secret

    @legacy.post("/login")
    def login():
        session["username"] = "ann"
        return "", 204

    app = FastAPI()
    app.add_middleware(SessionMiddleware, secret_key=secret, session_cookie="session")

    @app.get("/me")
    def me(request: StarletteRequest) -> dict:
        return {"username": request.session.get("username")}

    app.mount("/", WSGIMiddleware(legacy))
    with TestClient(app) as http:
        assert http.post("/login").status_code == 204
        assert "session" in http.cookies
        assert http.get("/me").json() == {"username": None}
