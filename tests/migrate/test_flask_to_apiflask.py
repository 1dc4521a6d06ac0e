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
import secrets
import sys
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

import httpx
import pytest
from apiflask import APIFlask
from flask import Flask
from flask_smorest import Api, Blueprint
from werkzeug.exceptions import HTTPException

from guide import migrate
from guide.servers import free_port, serve

PATH = migrate.path("flask-to-apiflask")
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


NO_URL = (
    "The requested URL was not found on the server. If you entered the URL manually please check your "
    "spelling and try again."
)
BAD_REQUEST = "The browser (or proxy) sent a request that this server could not understand."
NO_TOKEN = error(401, "Unauthorized", "Invalid or missing token", **{"WWW-Authenticate": "Bearer"})
BAD_TITLE = error(400, "Bad Request", "title must be a string of 1 to 200 characters")
NOT_A_DICT = "Input should be a valid dictionary or instance of NoteIn"

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
    "create-no-token-bad-body": Request("POST", "/notes", content=b"nope"),
    "create-empty-title": Request("POST", "/notes", AUTH, {"title": ""}),
    "create-long-title": Request("POST", "/notes", AUTH, {"title": "x" * 201}),
    "create-extra-field": Request("POST", "/notes", AUTH, {"title": "Call Bob", "due": "today"}),
    "create-list-body": Request("POST", "/notes", AUTH, ["Call Bob"]),
    "create-not-json": Request("POST", "/notes", AUTH | {"Content-Type": "text/plain"}, content=b"Call Bob"),
    "create-broken-json": Request(
        "POST", "/notes", AUTH | {"Content-Type": "application/json"}, content=b'{"title": '
    ),
    "put-notes": Request("PUT", "/notes"),
    "delete": Request("DELETE", "/notes/1", AUTH),
    "delete-missing": Request("DELETE", "/notes/99", AUTH),
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
    "create-no-token-bad-body": NO_TOKEN,
    "create-empty-title": BAD_TITLE,
    "create-long-title": BAD_TITLE,
    "create-extra-field": Answer(201, {"id": 2, "title": "Call Bob"}),
    "create-list-body": BAD_TITLE,
    "create-not-json": BAD_TITLE,
    "create-broken-json": BAD_TITLE,
    "put-notes": replace(
        error(405, "Method Not Allowed", "The method is not allowed for the requested URL."),
        allow=frozenset({"GET", "HEAD", "OPTIONS", "POST"}),
    ),
    "delete": Answer(204),
    "delete-missing": error(404, "Not Found", "Note not found"),
    "delete-no-token": NO_TOKEN,
    "unknown-url": error(404, "Not Found", NO_URL),
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
    answer = BEFORE[name]
    for step, changes in sorted(CHANGES.items()):
        if step <= number and name in changes:
            answer = changes[name]
    return answer


PACKAGE = "snippets.migrate.flask_to_apiflask"
"""The path's package: every step imports the one data layer, `notes.py`, from here."""


def load(number: int):
    """Import a step's app fresh (it reads `API_TOKEN` at import) and its data layer."""
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


@contextmanager
def running(apps, number: int, database: Path, monkeypatch):
    """A client of step `number`'s app with a fresh database holding one note."""
    monkeypatch.setenv("NOTES_DATABASE", str(database))
    app, notes = apps[number]
    notes.add_note("Buy milk")
    with httpx.Client(transport=httpx.WSGITransport(app=app), base_url="http://testserver") as http:
        yield http


@pytest.fixture(params=STEPS, ids=[f"step{number}" for number in STEPS])
def step(request, apps, tmp_path, monkeypatch):
    with running(apps, request.param, tmp_path / "notes.db", monkeypatch) as http:
        yield request.param, apps[request.param][0], http


def steps(*numbers: int):
    return pytest.mark.parametrize("number", numbers, ids=[f"step{number}" for number in numbers])


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
    assert sorted(CHANGES) == STEPS[1:]
    for number, changes in CHANGES.items():
        for name in changes:
            assert name in REQUESTS
            assert expected(number, name) != expected(number - 1, name), f"step {number}: {name}"
    assert BEFORE.keys() == REQUESTS.keys()


ROUTES = {("/notes", "get"), ("/notes", "post"), ("/notes/{note_id}", "get"), ("/notes/{note_id}", "delete")}


def test_the_plain_flask_app_has_no_openapi_document_or_docs(apps, tmp_path, monkeypatch):
    with running(apps, 0, tmp_path / "notes.db", monkeypatch) as http:
        for url in ("/openapi.json", "/docs"):
            assert_answer(http.get(url), error(404, "Not Found", NO_URL), url)


@steps(*STEPS[1:])
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


@steps(*STEPS[2:])
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


@pytest.mark.parametrize("number", STEPS, ids=[f"step{number}" for number in STEPS])
def test_every_step_answers_under_gunicorn_on_loopback(number, tmp_path):
    step = PATH.steps[number]
    assert step.server == "gunicorn"
    port = free_port()
    env = {"API_TOKEN": TOKEN, "NOTES_DATABASE": str(tmp_path / "notes.db")}
    command = [str(BIN / "gunicorn"), "--bind", f"127.0.0.1:{port}", "--workers", "1", step.app]
    with serve(command, port, ready_path="/notes", env=env, timeout=30) as server:
        with httpx.Client(base_url=server.base_url, trust_env=False, timeout=5) as http:
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
