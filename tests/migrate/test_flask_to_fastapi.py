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
from dataclasses import replace

import pytest
from a2wsgi import WSGIMiddleware
from fastapi import FastAPI
from fastapi.testclient import TestClient
from flask import Flask, session
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import Request as StarletteRequest
from starlette.routing import Mount

from guide import migrate
from tests.migrate import flask_notes, suite
from tests.migrate.flask_notes import AUTH, NO_TOKEN, TOKEN
from tests.migrate.suite import NO_URL, Answer, Request, assert_answer, error, send

PATH = migrate.path("flask-to-fastapi")
STEPS = list(range(len(PATH.steps)))


def invalid(kind: str, where: list, message: str, value: object, **context: object) -> Answer:
    """FastAPI's 422: a list of errors, each naming where the bad value was."""
    detail = {"type": kind, "loc": where, "msg": message, "input": value}
    return Answer(422, {"detail": [detail | ({"ctx": context} if context else {})]})


NOT_AN_INT = invalid(
    "int_parsing",
    ["path", "note_id"],
    "Input should be a valid integer, unable to parse string as an integer",
    "abc",
)

REQUESTS = flask_notes.REQUESTS | {
    "create-basic-auth": Request(
        "POST", "/notes", {"Authorization": f"Basic {TOKEN}"}, {"title": "Call Bob"}
    ),
    "delete-not-a-number": Request("DELETE", "/notes/abc", AUTH),
}

BEFORE = flask_notes.BEFORE | {
    "create-basic-auth": NO_TOKEN,
    "delete-not-a-number": error(404, "Not Found", NO_URL),
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
    return suite.expected(BEFORE, CHANGES, number, name)


@pytest.fixture(scope="module")
def apps():
    """Every step's app, imported with the token set (its modules read `API_TOKEN` at import), and the
    one data layer every step imports (`notes.py`)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("API_TOKEN", TOKEN)
        notes = importlib.import_module("snippets.migrate.flask_to_fastapi.notes")
        yield {number: (suite.load_app(PATH.steps[number]), notes) for number in STEPS}


@pytest.fixture(params=STEPS, ids=[f"step{number}" for number in STEPS])
def step(request, apps, tmp_path, monkeypatch):
    monkeypatch.setenv("NOTES_DATABASE", str(tmp_path / "notes.db"))
    app, notes = apps[request.param]
    notes.add_note("Buy milk")
    with suite.client(app) as http:
        yield request.param, app, http


@pytest.mark.parametrize("name", REQUESTS)
def test_every_step_gives_the_suite_the_answers_it_expects(step, name):
    number, _, http = step
    assert_answer(send(http, REQUESTS[name]), expected(number, name), f"step {number}, {name}")


def test_every_expected_change_is_a_change_and_names_a_real_request():
    suite.assert_changes_are_changes(BEFORE, CHANGES, REQUESTS, STEPS)


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


@suite.over_steps(STEPS)
def test_old_flask_and_new_fastapi_routes_answer_on_one_real_server(number, tmp_path):
    env = {"API_TOKEN": TOKEN, "NOTES_DATABASE": str(tmp_path / "notes.db")}
    answered_by = set()
    with suite.on_real_server(PATH.steps[number], "/notes", env) as (server, http):
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
