"""Pydantic v1-style models to v2 in a FastAPI app (docs/migrate/pydantic-v2.md).

One client suite runs against both steps. `BEFORE` is what step 0 answers, with its
models imported from `pydantic.v1`; `CHANGES` is what the v2 rewrite (step 1) answers
differently, on purpose. The page shows that table. Everything else must stay the same,
byte for byte.

The locked FastAPI no longer accepts `pydantic.v1` models in a route (FastAPI 0.128.0
dropped them); a test shows the exact error, which is why step 0 validates the body
with its v1 model itself.
"""

from __future__ import annotations

import importlib
import re

import pytest
from fastapi import FastAPI
from fastapi.exceptions import PydanticV1NotSupportedError
from fastapi.testclient import TestClient
from pydantic import BaseModel, ValidationError

from guide import migrate
from tests.migrate import suite
from tests.migrate.suite import Answer, assert_answer

PATH = migrate.path("pydantic-v2")
STEPS = list(range(len(PATH.steps)))
PACKAGE = "snippets.migrate.pydantic_v2"


def v1_error(field: str, message: str, kind: str, **context: object) -> dict:
    """An error as step 0 reports it: pydantic.v1's `errors()` entry, with `body` in front of `loc`."""
    return {"loc": ["body", field], "msg": message, "type": kind} | ({"ctx": context} if context else {})


def v2_error(where: list, kind: str, message: str, value: object, **context: object) -> dict:
    """An error as FastAPI reports a Pydantic v2 validation error."""
    return {"type": kind, "loc": where, "msg": message, "input": value} | (
        {"ctx": context} if context else {}
    )


def invalid(*errors: dict) -> Answer:
    return Answer(422, {"detail": list(errors)})


GOOD = {"title": "  Django docs ", "url": "https://docs.djangoproject.com", "tags": ["Python", "WEB"]}
SAVED = {"title": "Django docs", "url": "https://docs.djangoproject.com", "tags": ["python", "web"]}
SIX_TAGS = list("abcdef")

REQUESTS = {
    "create": ("POST", "/links", GOOD),
    "create-empty-title": ("POST", "/links", {"title": "", "url": "https://example.com"}),
    "create-number-title": ("POST", "/links", {"title": 123, "url": "https://example.com"}),
    "create-http-url": ("POST", "/links", {"title": "x", "url": "http://example.com"}),
    "create-six-tags": ("POST", "/links", {"title": "x", "url": "https://example.com", "tags": SIX_TAGS}),
    "create-number-tag": ("POST", "/links", {"title": "x", "url": "https://example.com", "tags": [1]}),
    "create-null-tags": ("POST", "/links", {"title": "x", "url": "https://example.com", "tags": None}),
    "create-extra-field": ("POST", "/links", {"title": "x", "url": "https://example.com", "admin": True}),
    "create-no-title": ("POST", "/links", {"url": "https://example.com"}),
    "create-not-an-object": ("POST", "/links", ["x"]),
    "read": ("GET", "/links/1", None),
    "read-missing": ("GET", "/links/99", None),
    "read-not-a-number": ("GET", "/links/abc", None),
}

BEFORE = {
    "create": Answer(201, SAVED | {"id": 2}),
    "create-empty-title": invalid(
        v1_error(
            "title",
            "ensure this value has at least 1 characters",
            "value_error.any_str.min_length",
            limit_value=1,
        )
    ),
    "create-number-title": Answer(201, {"title": "123", "url": "https://example.com", "tags": [], "id": 2}),
    "create-http-url": invalid(
        v1_error(
            "url", 'string does not match regex "^https://"', "value_error.str.regex", pattern="^https://"
        )
    ),
    "create-six-tags": invalid(
        v1_error("tags", "ensure this value has at most 5 items", "value_error.list.max_items", limit_value=5)
    ),
    "create-number-tag": Answer(201, {"title": "x", "url": "https://example.com", "tags": ["1"], "id": 2}),
    "create-null-tags": invalid(
        v1_error("tags", "none is not an allowed value", "type_error.none.not_allowed")
    ),
    "create-extra-field": invalid(v1_error("admin", "extra fields not permitted", "value_error.extra")),
    "create-no-title": invalid(v1_error("title", "field required", "value_error.missing")),
    "create-not-an-object": invalid(
        v2_error(["body"], "dict_type", "Input should be a valid dictionary", ["x"])
    ),
    "read": Answer(200, SAVED | {"id": 1}),
    "read-missing": Answer(404, {"detail": "Link not found"}),
    "read-not-a-number": invalid(
        v2_error(
            ["path", "link_id"],
            "int_parsing",
            "Input should be a valid integer, unable to parse string as an integer",
            "abc",
        )
    ),
}

# --8<-- [start:changes]
CHANGES = {
    1: {
        "create-empty-title": invalid(
            v2_error(
                ["body", "title"],
                "string_too_short",
                "String should have at least 1 character",
                "",
                min_length=1,
            )
        ),
        "create-number-title": invalid(
            v2_error(["body", "title"], "string_type", "Input should be a valid string", 123)
        ),
        "create-http-url": invalid(
            v2_error(
                ["body", "url"],
                "string_pattern_mismatch",
                "String should match pattern '^https://'",
                "http://example.com",
                pattern="^https://",
            )
        ),
        "create-six-tags": invalid(
            v2_error(
                ["body", "tags"],
                "too_long",
                "List should have at most 5 items after validation, not 6",
                SIX_TAGS,
                field_type="List",
                max_length=5,
                actual_length=6,
            )
        ),
        "create-number-tag": invalid(
            v2_error(["body", "tags", 0], "string_type", "Input should be a valid string", 1)
        ),
        "create-null-tags": invalid(
            v2_error(["body", "tags"], "list_type", "Input should be a valid list", None)
        ),
        "create-extra-field": invalid(
            v2_error(["body", "admin"], "extra_forbidden", "Extra inputs are not permitted", True)
        ),
        "create-no-title": invalid(
            v2_error(["body", "title"], "missing", "Field required", {"url": "https://example.com"})
        ),
        "create-not-an-object": invalid(
            v2_error(
                ["body"],
                "model_attributes_type",
                "Input should be a valid dictionary or object to extract fields from",
                ["x"],
            )
        ),
    },
}
# --8<-- [end:changes]


def expected(number: int, name: str) -> Answer:
    return suite.expected(BEFORE, CHANGES, number, name)


def load(number: int):
    """A step's app module and the shared data layer (imported once: pydantic.v1 refuses to
    register a validator function twice, and neither module reads the environment at import)."""
    module = PATH.steps[number].app.partition(":")[0]
    return importlib.import_module(module), importlib.import_module(f"{PACKAGE}.links")


@pytest.fixture(params=STEPS, ids=[f"step{number}" for number in STEPS])
def step(request, tmp_path, monkeypatch):
    monkeypatch.setenv("LINKS_DATABASE", str(tmp_path / "links.db"))
    main, links = load(request.param)
    links.add_link(SAVED["title"], SAVED["url"], SAVED["tags"])
    with TestClient(main.app) as http:
        yield request.param, main, http


@pytest.mark.parametrize("name", REQUESTS)
def test_every_step_gives_the_suite_the_answers_it_expects(step, name):
    number, _, http = step
    method, url, body = REQUESTS[name]
    assert_answer(http.request(method, url, json=body), expected(number, name), f"step {number}, {name}")


def test_every_expected_change_is_a_change_and_names_a_real_request():
    suite.assert_changes_are_changes(BEFORE, CHANGES, REQUESTS, STEPS)


def test_successful_answers_are_the_same_bytes_at_every_step(tmp_path, monkeypatch):
    sent = {}
    for number in STEPS:
        monkeypatch.setenv("LINKS_DATABASE", str(tmp_path / f"links{number}.db"))
        main, _ = load(number)
        with TestClient(main.app) as http:
            created = http.post("/links", json=GOOD)
            sent[number] = (created.status_code, created.content, http.get("/links/1").content)
    assert (
        sent[0]
        == sent[1]
        == (
            201,
            *[
                b'{"title":"Django docs","url":"https://docs.djangoproject.com",'
                b'"tags":["python","web"],"id":1}'
            ]
            * 2,
        )
    )


def test_the_locked_fastapi_refuses_a_pydantic_v1_model_in_a_route():
    main, _ = load(0)
    app = FastAPI()

    def create_link(data):
        raise AssertionError("never registered")

    create_link.__annotations__ = {"data": main.LinkIn, "return": None}
    message = (
        "pydantic.v1 models are no longer supported by FastAPI. "
        f"Please update the response model {main.LinkIn!r}."
    )
    with pytest.raises(PydanticV1NotSupportedError, match=f"^{re.escape(message)}$"):
        app.post("/links")(create_link)
    assert app.openapi()["paths"] == {}


def test_only_the_v2_step_documents_the_body_schema(step):
    number, _, http = step
    body = http.get("/openapi.json").json()["paths"]["/links"]["post"]["requestBody"]["content"]
    schema = body["application/json"]["schema"]
    if number == 0:
        assert schema == {"type": "object", "additionalProperties": True, "title": "Payload"}
    else:
        assert schema == {"$ref": "#/components/schemas/LinkIn"}


def test_from_attributes_is_what_lets_v2_read_the_data_layers_objects():
    main, links = load(1)
    link = links.Link(1, "Django docs", "https://docs.djangoproject.com", ["python"])
    assert main.LinkOut.model_validate(link).model_dump() == {
        "title": "Django docs",
        "url": "https://docs.djangoproject.com",
        "tags": ["python"],
        "id": 1,
    }

    class WithoutFromAttributes(BaseModel):
        id: int
        title: str

    with pytest.raises(ValidationError, match="model_type"):
        WithoutFromAttributes.model_validate(link)


@suite.over_steps(STEPS)
def test_each_step_runs_under_uvicorn(number, tmp_path):
    step = PATH.steps[number]
    assert step.server == "uvicorn"
    env = {"LINKS_DATABASE": str(tmp_path / "links.db")}
    with suite.on_real_server(step, "/openapi.json", env) as (_, http):
        created = http.post("/links", json=GOOD)
        assert (created.status_code, created.json()) == (201, SAVED | {"id": 1})
        assert http.get("/links/1").json() == SAVED | {"id": 1}
        bad = http.post("/links", json={"title": "", "url": "https://example.com"})
        assert bad.status_code == 422
        assert bad.json() == expected(number, "create-empty-title").body
