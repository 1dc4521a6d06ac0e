"""SQL database CRUD (docs/tasks/data.md#crud): the same notes API on SQLAlchemy 2 and the Django ORM."""

import importlib
import sys

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import inspect

from guide.frameworks import FRAMEWORKS
from tests.support.http_answers import assert_saved
from tests.tasks.json_clients import django_caller, flask_caller, starlette_caller

pytestmark = pytest.mark.django_db

INVALID_TITLE = "title must be a string of 1 to 200 characters"


def load_with_database(module_name, monkeypatch, tmp_path):
    """Import a SQLAlchemy snippet against a fresh SQLite file named by DATABASE_URL.

    The engine of an earlier import is disposed first: its pooled SQLite connection
    would otherwise be garbage-collected open (a ResourceWarning since Python 3.13).
    """
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'notes.db'}")
    if module_name in sys.modules:
        sys.modules[module_name].engine.dispose()
        return importlib.reload(sys.modules[module_name])
    return importlib.import_module(module_name)


@pytest.fixture(params=FRAMEWORKS)
def api(request, monkeypatch, tmp_path):
    if request.param == "flask":
        module = load_with_database("snippets.crud.flask_app", monkeypatch, tmp_path)
        yield "flask", flask_caller(module.app.test_client())
        module.engine.dispose()
    elif request.param == "fastapi":
        module = load_with_database("snippets.crud.fastapi_app", monkeypatch, tmp_path)
        with TestClient(module.app) as client:
            yield "fastapi", starlette_caller(client)
        module.engine.dispose()
    else:
        request.getfixturevalue("settings").ROOT_URLCONF = "snippets.crud.django_app"
        yield "django", django_caller(request.getfixturevalue("client"))


def test_create_read_update_delete(api):
    _, call = api
    assert call("GET", "/notes").json() == []

    created = call("POST", "/notes", json={"title": "Buy milk"})
    assert created.status == 201
    assert created.headers["Content-Type"] == "application/json"
    note = created.json()
    assert note == {"id": note["id"], "title": "Buy milk"}

    assert call("GET", f"/notes/{note['id']}").json() == note
    assert call("GET", "/notes").json() == [note]

    updated = call("PUT", f"/notes/{note['id']}", json={"title": "Buy oat milk"})
    assert updated.status == 200
    assert updated.json() == {"id": note["id"], "title": "Buy oat milk"}

    deleted = call("DELETE", f"/notes/{note['id']}")
    assert deleted.status == 204
    assert deleted.body == b""
    assert call("GET", "/notes").json() == []


@pytest.mark.parametrize("method", ["GET", "PUT", "DELETE"])
def test_missing_note_gets_documented_404(api, method):
    framework, call = api
    reply = call(method, "/notes/999", json={"title": "x"} if method == "PUT" else None)
    assert_saved(f"snippets/crud/responses/{framework}_missing.txt", reply)


@pytest.mark.parametrize("payload", [{}, {"title": ""}, {"title": 5}, {"title": "x" * 201}, ["title"]])
def test_invalid_title_is_rejected_with_422(api, payload):
    framework, call = api
    created = call("POST", "/notes", json=payload)
    assert created.status == 422
    if framework != "fastapi":
        assert created.json() == {"detail": INVALID_TITLE}
    assert call("GET", "/notes").json() == []


def test_invalid_title_on_update_is_rejected_and_changes_nothing(api):
    framework, call = api
    note = call("POST", "/notes", json={"title": "Keep me"}).json()
    assert call("PUT", f"/notes/{note['id']}", json={"title": ""}).status == 422
    assert call("GET", f"/notes/{note['id']}").json() == note


@pytest.mark.parametrize("body", [b"not json", b"{"])
def test_body_that_is_not_json_is_a_422_not_a_500(api, body):
    framework, call = api
    if framework == "django":
        reply = call("POST", "/notes", data=body, content_type="application/json")
    elif framework == "flask":
        reply = call("POST", "/notes", data=body, headers={"Content-Type": "application/json"})
    else:
        reply = call("POST", "/notes", content=body, headers={"Content-Type": "application/json"})
    assert reply.status == 422


def test_title_with_sql_metacharacters_is_stored_verbatim(api):
    _, call = api
    title = "Robert'); DROP TABLE notes;--"
    note = call("POST", "/notes", json={"title": title}).json()
    assert call("GET", f"/notes/{note['id']}").json()["title"] == title
    assert len(call("GET", "/notes").json()) == 1


def test_sqlalchemy_snippets_create_the_notes_table(monkeypatch, tmp_path):
    for name in ("snippets.crud.flask_app", "snippets.crud.fastapi_app"):
        module = load_with_database(name, monkeypatch, tmp_path)
        columns = {column["name"] for column in inspect(module.engine).get_columns("notes")}
        assert columns == {"id", "title"}
        module.engine.dispose()
