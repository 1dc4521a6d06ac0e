"""GraphQL (docs/tasks/features.md#graphql): one Strawberry schema served by Flask, FastAPI and Django."""

import pytest
from django.test import Client
from fastapi.testclient import TestClient

from guide.frameworks import FRAMEWORKS
from snippets.graphql import schema as shared
from tests.tasks.json_clients import django_caller, flask_caller, starlette_caller

ADD = "mutation Add($title: String!) { addNote(note: {title: $title}) { id title } }"


@pytest.fixture(autouse=True)
def empty_store(monkeypatch):
    monkeypatch.setattr(shared, "NOTES", {})


@pytest.fixture(params=FRAMEWORKS)
def graphql(request):
    """A function that POSTs one GraphQL operation as JSON and returns the reply."""
    if request.param == "flask":
        from snippets.graphql.flask_app import app

        call = flask_caller(app.test_client())
        headers = {}
    elif request.param == "fastapi":
        from snippets.graphql.fastapi_app import app

        call = starlette_caller(TestClient(app))
        headers = {}
    else:
        request.getfixturevalue("settings").ROOT_URLCONF = "snippets.graphql.django_app"
        call = django_caller(Client(enforce_csrf_checks=True))
        token = call("GET", "/graphql?query={notes{id}}").set_cookies
        assert token and token[0].startswith("csrftoken=")
        headers = {"X-CSRFToken": token[0].split(";")[0].removeprefix("csrftoken=")}

    def post(query, **variables):
        return call("POST", "/graphql", json={"query": query, "variables": variables}, headers=headers)

    return post


def test_a_mutation_adds_a_note_and_a_query_reads_it(graphql):
    added = graphql(ADD, title="  Buy milk ")
    assert added.status == 200
    assert added.headers["Content-Type"] == "application/json"
    assert added.json() == {"data": {"addNote": {"id": 1, "title": "Buy milk"}}}
    assert graphql("{ notes { id title } }").json() == {"data": {"notes": [{"id": 1, "title": "Buy milk"}]}}
    assert graphql("{ note(id: 1) { title } }").json() == {"data": {"note": {"title": "Buy milk"}}}


@pytest.mark.parametrize("title", ["", "   ", "x" * 101])
def test_an_invalid_title_is_refused_with_a_clear_error_and_nothing_is_stored(graphql, title):
    refused = graphql(ADD, title=title)
    assert refused.status == 200
    assert refused.json() == {
        "data": None,
        "errors": [
            {
                "message": "title must be 1 to 100 characters",
                "locations": [{"line": 1, "column": 33}],
                "path": ["addNote"],
            }
        ],
    }
    assert shared.NOTES == {}


def test_an_unknown_note_is_an_error_with_its_path(graphql):
    assert graphql("{ note(id: 7) { title } }").json() == {
        "data": None,
        "errors": [
            {"message": "note 7 does not exist", "locations": [{"line": 1, "column": 3}], "path": ["note"]}
        ],
    }


def test_a_query_the_schema_does_not_allow_is_refused_before_running(graphql):
    refused = graphql("{ notes { author } }")
    assert refused.json() == {
        "data": None,
        "errors": [
            {
                "message": "Cannot query field 'author' on type 'Note'.",
                "locations": [{"line": 1, "column": 11}],
            }
        ],
    }


def test_a_missing_variable_is_refused_before_running(graphql):
    assert graphql(ADD).json() == {
        "data": None,
        "errors": [
            {
                "message": "Variable '$title' has invalid value: "
                "Expected a value of non-null type 'String!' to be provided.",
                "locations": [{"line": 1, "column": 14}],
            }
        ],
    }
    assert shared.NOTES == {}


def test_an_unexpected_exception_is_masked(graphql, monkeypatch):
    monkeypatch.setattr(shared, "NOTES", None)
    assert graphql("{ notes { id } }").json() == {
        "data": None,
        "errors": [
            {"message": "Unexpected error.", "locations": [{"line": 1, "column": 3}], "path": ["notes"]}
        ],
    }


def test_django_keeps_csrf_protection_on_for_the_graphql_view(settings):
    settings.ROOT_URLCONF = "snippets.graphql.django_app"
    client = Client(enforce_csrf_checks=True)
    body = {"query": ADD, "variables": {"title": "Forged"}}
    refused = client.post("/graphql", body, content_type="application/json")
    assert refused.status_code == 403
    as_get = client.get("/graphql", {"query": ADD, "variables": '{"title": "Forged"}'})
    assert as_get.status_code == 400
    assert as_get.content == b"mutations are not allowed when using GET"
    assert shared.NOTES == {}


def test_fastapi_lists_the_endpoint_in_openapi_but_not_the_graphql_schema():
    from snippets.graphql.fastapi_app import app

    operations = app.openapi()["paths"]["/graphql"]
    assert set(operations) == {"get", "post"}
    assert "requestBody" not in operations["post"]
