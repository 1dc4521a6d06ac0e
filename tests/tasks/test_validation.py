"""JSON body validation (docs/tasks/basics.md#validation): documented bodies get documented answers."""

import pytest
from django.test import Client
from fastapi.testclient import TestClient
from pydantic import ValidationError

from snippets.validation import fastapi_app, flask_app

TOO_LONG = {"name": "x" * 51, "quantity": 1}


def test_flask_rejects_a_name_that_is_too_long():
    response = flask_app.app.test_client().post("/items", json=TOO_LONG)
    assert response.status_code == 422
    assert [(error["type"], error["loc"]) for error in response.get_json()] == [("string_too_long", ["name"])]


def test_fastapi_rejects_a_name_that_is_too_long():
    with TestClient(fastapi_app.app) as client:
        response = client.post("/items", json=TOO_LONG)
    assert response.status_code == 422
    errors = response.json()["detail"]
    assert [(error["type"], error["loc"]) for error in errors] == [("string_too_long", ["body", "name"])]


@pytest.mark.urls("snippets.validation.django_app")
def test_django_rejects_a_name_that_is_too_long(client):
    response = client.post("/items", TOO_LONG, content_type="application/json")
    assert response.status_code == 400
    assert response.json() == {
        "errors": {
            "name": [
                {"message": "Ensure this value has at most 50 characters (it has 51).", "code": "max_length"}
            ]
        }
    }


@pytest.mark.urls("snippets.validation.django_app")
def test_django_endpoint_takes_json_without_a_csrf_token():
    strict = Client(enforce_csrf_checks=True)
    response = strict.post("/items", {"name": "apple", "quantity": 3}, content_type="application/json")
    assert response.status_code == 201


@pytest.mark.urls("snippets.validation.django_app")
def test_django_rejects_get(client):
    assert client.get("/items").status_code == 405


def test_flask_rejects_get():
    assert flask_app.app.test_client().get("/items").status_code == 405


NUMBER_AS_NAME = {"name": 5, "quantity": 3}
TEXT_AS_QUANTITY = {"name": "apple", "quantity": "3"}


def test_pydantic_refuses_a_number_for_a_string_in_flask_and_fastapi():
    flask_errors = flask_app.app.test_client().post("/items", json=NUMBER_AS_NAME).get_json()
    with TestClient(fastapi_app.app) as client:
        fastapi_errors = client.post("/items", json=NUMBER_AS_NAME).json()["detail"]
    assert [(error["type"], error["loc"]) for error in flask_errors] == [("string_type", ["name"])]
    assert [(error["type"], error["loc"]) for error in fastapi_errors] == [("string_type", ["body", "name"])]


@pytest.mark.urls("snippets.validation.django_app")
def test_a_django_form_turns_a_number_into_a_string(client):
    response = client.post("/items", NUMBER_AS_NAME, content_type="application/json")
    assert (response.status_code, response.json()) == (201, {"name": "5", "quantity": 3})


@pytest.mark.urls("snippets.validation.django_app")
def test_all_three_accept_a_number_written_as_text(client):
    expected = {"name": "apple", "quantity": 3}
    assert flask_app.app.test_client().post("/items", json=TEXT_AS_QUANTITY).get_json() == expected
    with TestClient(fastapi_app.app) as fastapi_client:
        assert fastapi_client.post("/items", json=TEXT_AS_QUANTITY).json() == expected
    assert client.post("/items", TEXT_AS_QUANTITY, content_type="application/json").json() == expected


def test_the_shorter_flask_error_body_would_fail_on_broken_json():
    """The page explains why the Flask view renders `error.json()` instead of `error.errors()`."""
    with pytest.raises(ValidationError) as error:
        flask_app.NewItem.model_validate_json(b'{"name": "apple",')
    assert isinstance(error.value.errors()[0]["input"], bytes)
    with pytest.raises(TypeError, match="bytes is not JSON serializable"):
        flask_app.app.json.dumps({"detail": error.value.errors(include_url=False)})
