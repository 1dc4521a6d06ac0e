"""Flask to Flask + APIFlask or flask-smorest (docs/migrate/flask-to-apiflask.md).

One client suite, the same requests with the same expected answers, runs against every
step under snippets/migrate/flask_to_apiflask/ through httpx's WSGI transport: every step
is a Flask app (APIFlask's class is a Flask subclass; flask-smorest extends a plain Flask).

`BEFORE` is what the plain Flask app answers. Where a step changes an answer on purpose,
`CHANGES` gives the new answer under the step where it starts (it holds for the later
steps too); the page shows that table. Every other answer must stay exactly the same.
Steps 3 and 4 are the other ways at the same point (marshmallow instead of Pydantic, then
flask-smorest instead of APIFlask): their changes are written against the step before,
as their diffs are.
"""

from __future__ import annotations

import importlib
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest
from apiflask import APIFlask
from flask import Flask
from flask_smorest import Api, Blueprint
from werkzeug.exceptions import HTTPException

from guide import migrate
from tests.migrate import flask_notes, suite
from tests.migrate.flask_notes import AUTH, BAD_TITLE, TOKEN
from tests.migrate.suite import NO_URL, Answer, Request, assert_answer, error, send

PATH = migrate.path("flask-to-apiflask")
STEPS = list(range(len(PATH.steps)))


def apiflask_invalid(**fields: list[str]) -> Answer:
    """APIFlask's validation error: 422, `{detail: {json: {field: [messages]}}, message}`."""
    return Answer(422, {"detail": {"json": fields}, "message": "Validation error"})


UNPROCESSABLE = "The request was well-formed but was unable to be followed due to semantic errors."


def smorest_invalid(**fields: list[str]) -> Answer:
    """flask-smorest's validation error as the app's own handler shapes it: our fields plus `detail`."""
    body = {
        "code": 422,
        "name": "Unprocessable Entity",
        "description": UNPROCESSABLE,
        "detail": {"json": fields},
    }
    return Answer(422, body)


BAD_REQUEST = "The browser (or proxy) sent a request that this server could not understand."
NOT_A_DICT = "Input should be a valid dictionary or instance of NoteIn"

REQUESTS = flask_notes.REQUESTS | {
    "create-long-title": Request("POST", "/notes", AUTH, {"title": "x" * 201}),
    "create-extra-field": Request("POST", "/notes", AUTH, {"title": "Call Bob", "due": "today"}),
    "create-list-body": Request("POST", "/notes", AUTH, ["Call Bob"]),
    "create-broken-json": Request(
        "POST", "/notes", AUTH | {"Content-Type": "application/json"}, content=b'{"title": '
    ),
}

BEFORE = flask_notes.BEFORE | {
    "create-long-title": BAD_TITLE,
    "create-extra-field": Answer(201, {"id": 2, "title": "Call Bob"}),
    "create-list-body": BAD_TITLE,
    "create-broken-json": BAD_TITLE,
}

# --8<-- [start:changes]
CHANGES = {
    1: {},
    2: {
        "create-empty-title": apiflask_invalid(title=["String should have at least 1 character"]),
        "create-long-title": apiflask_invalid(title=["String should have at most 200 characters"]),
        "create-list-body": apiflask_invalid(_schema=[NOT_A_DICT]),
        "create-not-json": error(400, "Bad Request", BAD_REQUEST),
        "create-broken-json": error(400, "Bad Request", BAD_REQUEST),
    },
    3: {
        "create-empty-title": apiflask_invalid(title=["Length must be between 1 and 200."]),
        "create-long-title": apiflask_invalid(title=["Length must be between 1 and 200."]),
        "create-list-body": apiflask_invalid(_schema=["Invalid input type."]),
        "create-not-json": apiflask_invalid(title=["Missing data for required field."]),
        "create-extra-field": apiflask_invalid(due=["Unknown field."]),
    },
    4: {
        "create-empty-title": smorest_invalid(title=["Length must be between 1 and 200."]),
        "create-long-title": smorest_invalid(title=["Length must be between 1 and 200."]),
        "create-list-body": smorest_invalid(_schema=["Invalid input type."]),
        "create-not-json": smorest_invalid(title=["Missing data for required field."]),
        "create-extra-field": smorest_invalid(due=["Unknown field."]),
        "create-broken-json": Answer(
            400,
            {
                "code": 400,
                "name": "Bad Request",
                "description": BAD_REQUEST,
                "detail": {"json": ["Invalid JSON body."]},
            },
        ),
    },
}
# --8<-- [end:changes]


def expected(number: int, name: str) -> Answer:
    """What step `number` must answer to the request `name`: the Flask answer or the latest change."""
    return suite.expected(BEFORE, CHANGES, number, name)


@pytest.fixture(scope="module")
def apps():
    """Every step's app, imported with the token set (it reads `API_TOKEN` at import), and the one
    data layer every step imports (`notes.py`)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("API_TOKEN", TOKEN)
        notes = importlib.import_module("snippets.migrate.flask_to_apiflask.notes")
        yield {number: (suite.load_app(PATH.steps[number]), notes) for number in STEPS}


@contextmanager
def running(apps, number: int, database: Path, monkeypatch):
    """A client of step `number`'s app with a fresh database holding one note."""
    monkeypatch.setenv("NOTES_DATABASE", str(database))
    app, notes = apps[number]
    notes.add_note("Buy milk")
    with suite.client(app) as http:
        yield http


@pytest.fixture(params=STEPS, ids=[f"step{number}" for number in STEPS])
def step(request, apps, tmp_path, monkeypatch):
    with running(apps, request.param, tmp_path / "notes.db", monkeypatch) as http:
        yield request.param, apps[request.param][0], http


@pytest.mark.parametrize("name", REQUESTS)
def test_every_step_gives_the_suite_the_answers_it_expects(step, name):
    number, _, http = step
    assert_answer(send(http, REQUESTS[name]), expected(number, name), f"step {number}, {name}")


def test_every_expected_change_is_a_change_and_names_a_real_request():
    assert sorted(CHANGES) == STEPS[1:]
    suite.assert_changes_are_changes(BEFORE, CHANGES, REQUESTS, STEPS)


ROUTES = {("/notes", "get"), ("/notes", "post"), ("/notes/{note_id}", "get"), ("/notes/{note_id}", "delete")}


def test_the_plain_flask_app_has_no_openapi_document_or_docs(apps, tmp_path, monkeypatch):
    with running(apps, 0, tmp_path / "notes.db", monkeypatch) as http:
        for url in ("/openapi.json", "/docs"):
            assert_answer(http.get(url), error(404, "Not Found", NO_URL), url)


@suite.over_steps(STEPS[1:])
def test_every_later_step_serves_an_openapi_document_of_the_four_routes_and_docs(
    number, apps, tmp_path, monkeypatch
):
    with running(apps, number, tmp_path / "notes.db", monkeypatch) as http:
        spec = http.get("/openapi.json").json()
        docs = http.get("/docs")
    assert spec["info"] == {"title": "Notes API", "version": "1.0.0"}
    assert spec["openapi"] == "3.1.0"
    assert {
        (url, method) for url, item in spec["paths"].items() for method in item if method != "parameters"
    } == ROUTES
    assert docs.status_code == 200
    assert docs.headers["content-type"].startswith("text/html")
    assert "https://cdn.jsdelivr.net/npm/swagger-ui-dist/" in docs.text


def test_swapping_the_class_documents_routes_without_bodies_and_errors_in_the_wrong_shape(
    apps, tmp_path, monkeypatch
):
    with running(apps, 1, tmp_path / "notes.db", monkeypatch) as http:
        spec = http.get("/openapi.json").json()
    create = spec["paths"]["/notes"]["post"]
    assert "requestBody" not in create and "security" not in create
    assert create["responses"]["200"]["content"]["application/json"]["schema"] == {}
    assert spec["components"]["schemas"]["HTTPError"]["properties"].keys() == {"detail", "message"}


@suite.over_steps(STEPS[2:])
def test_the_schemas_document_bodies_rules_errors_and_the_token(number, apps, tmp_path, monkeypatch):
    with running(apps, number, tmp_path / "notes.db", monkeypatch) as http:
        spec = http.get("/openapi.json").json()
    schemas = spec["components"]["schemas"]
    create = spec["paths"]["/notes"]["post"]
    assert create["requestBody"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/NoteIn"
    }
    assert create["responses"]["201"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Note"
    }
    assert create["security"] == [{"BearerAuth": []}]
    assert spec["paths"]["/notes/{note_id}"]["delete"]["security"] == [{"BearerAuth": []}]
    assert spec["components"]["securitySchemes"] == {"BearerAuth": {"type": "http", "scheme": "bearer"}}
    title = schemas["NoteIn"]["properties"]["title"]
    assert (title["type"], title["minLength"], title["maxLength"]) == ("string", 1, 200)
    assert schemas["NoteIn"]["required"] == ["title"]
    assert set(schemas["Note"]["required"]) == {"id", "title"}
    error_schema = schemas["Error" if number == 4 else "HTTPError"]
    assert {"code", "name", "description"} <= error_schema["properties"].keys()
    assert "404" in spec["paths"]["/notes/{note_id}"]["get"]["responses"]


def test_the_token_is_checked_before_the_body_only_when_its_decorator_is_above_input(apps):
    module = sys.modules[PATH.steps[2].app.partition(":")[0]]
    app = APIFlask("order")

    @app.post("/input-outside")
    @app.input(module.NoteIn)
    @module.require_token
    def input_outside(json_data):
        return {}

    @app.post("/token-outside")
    @module.require_token
    @app.input(module.NoteIn)
    def token_outside(json_data):
        return {}

    with app.test_client() as http:
        assert http.post("/input-outside", json={"title": ""}).status_code == 422
        assert http.post("/token-outside", json={"title": ""}).status_code == 401
        assert http.post("/token-outside", headers=AUTH, json={"title": "x"}).status_code == 200


CONVERSATION = [
    (Request("POST", "/notes", AUTH, {"title": "Call Bob"}), 201, {"id": 1, "title": "Call Bob"}),
    (Request("GET", "/notes/1"), 200, {"id": 1, "title": "Call Bob"}),
    (Request("GET", "/notes"), 200, [{"id": 1, "title": "Call Bob"}]),
    (Request("POST", "/notes", AUTH, {"title": ""}), None, None),
    (Request("DELETE", "/notes/1", AUTH), 204, None),
    (
        Request("DELETE", "/notes/1", AUTH),
        404,
        {"code": 404, "name": "Not Found", "description": "Note not found"},
    ),
]
"""Requests in order with the answer each gets from every step; `None` where the step decides (`CHANGES`)."""


@suite.over_steps(STEPS)
def test_every_step_answers_under_gunicorn_on_loopback(number, tmp_path):
    step = PATH.steps[number]
    assert step.server == "gunicorn"
    env = {"API_TOKEN": TOKEN, "NOTES_DATABASE": str(tmp_path / "notes.db")}
    with suite.on_real_server(step, "/notes", env) as (server, http):
        for request, status, body in CONVERSATION:
            response = send(http, request)
            if status is None:
                assert_answer(response, expected(number, "create-empty-title"), f"step {number}")
                continue
            assert response.status_code == status, response.text
            assert (response.json() if body is not None else response.content) == (body if body else b"")
        openapi = http.get("/openapi.json")
        assert openapi.status_code == (404 if number == 0 else 200)
    assert server.process.returncode is not None


def test_flask_smorest_validation_errors_lose_their_messages_in_the_old_error_handler(apps):
    old_handler = sys.modules[PATH.steps[0].app.partition(":")[0]].json_error
    schemas = sys.modules[PATH.steps[4].app.partition(":")[0]]
    app = Flask("old_handler")
    app.config.update(API_TITLE="t", API_VERSION="1", OPENAPI_VERSION="3.1.0")
    api = Api(app)
    app.register_error_handler(HTTPException, old_handler)
    blp = Blueprint("notes", "old_handler")

    @blp.post("/notes")
    @blp.arguments(schemas.NoteIn)
    def create_note(json_data):
        return json_data

    api.register_blueprint(blp)
    with app.test_client() as http:
        response = http.post("/notes", json={"title": ""})
    assert response.status_code == 422
    assert response.json == {"code": 422, "name": "Unprocessable Entity", "description": UNPROCESSABLE}
