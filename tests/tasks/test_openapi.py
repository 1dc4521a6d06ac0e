"""OpenAPI documentation (docs/tasks/operations.md#openapi): the same items API, described by each framework.

Each app serves its OpenAPI document at `/openapi.json`; the tests check that it
describes what the endpoint really does (request schema with its constraints, the 201
response, the 422 on bad input) and that the endpoint behaves that way.
"""

import pytest
from fastapi.testclient import TestClient

from snippets.openapi import fastapi_app, flask_app

GOOD = {"name": "pen", "price": 1.5}
BAD_BODIES = [{"name": "", "price": 1}, {"name": "pen", "price": 0}, {"name": "pen"}, {"price": 2}]


def flask_get(path):
    response = flask_app.app.test_client().get(path)
    return response.status_code, response.get_json()


def fastapi_get(path):
    with TestClient(fastapi_app.app) as client:
        response = client.get(path)
    return response.status_code, response.json()


def schema(document, ref):
    return document["components"]["schemas"][ref["$ref"].rsplit("/", 1)[1]]


def assert_describes_items_api(document, price_minimum, statuses):
    assert (document["info"]["title"], document["info"]["version"]) == ("Items API", "1.0.0")
    operation = document["paths"]["/items"]["post"]
    request_schema = schema(document, operation["requestBody"]["content"]["application/json"]["schema"])
    assert set(request_schema["required"]) == {"name", "price"}
    name, price = request_schema["properties"]["name"], request_schema["properties"]["price"]
    assert (name["type"], name["minLength"], name["maxLength"]) == ("string", 1, 50)
    assert price == {"type": "number", **price_minimum, **({"title": "Price"} if "title" in price else {})}
    assert set(operation["responses"]) == statuses
    response_schema = schema(document, operation["responses"]["201"]["content"]["application/json"]["schema"])
    assert set(response_schema["properties"]) == {"id", "name", "price"}


def test_flask_apiflask_describes_the_endpoint():
    status, document = flask_get("/openapi.json")
    assert status == 200
    assert document["openapi"].startswith("3.")
    assert_describes_items_api(document, {"minimum": 0}, {"201", "422"})


def test_flask_document_understates_the_price_rule():
    """apispec writes `minimum: 0` for `Range(min=0, min_inclusive=False)`, yet 0 is rejected."""
    response = flask_app.app.test_client().post("/items", json={"name": "pen", "price": 0})
    assert response.status_code == 422


def test_fastapi_describes_the_endpoint():
    status, document = fastapi_get("/openapi.json")
    assert status == 200
    assert document["openapi"].startswith("3.")
    assert_describes_items_api(document, {"exclusiveMinimum": 0}, {"201", "422"})


@pytest.mark.urls("snippets.openapi.django_app")
def test_django_ninja_describes_the_endpoint(client):
    response = client.get("/openapi.json")
    assert response.status_code == 200
    document = response.json()
    assert document["openapi"].startswith("3.")
    assert_describes_items_api(document, {"exclusiveMinimum": 0}, {"201"})


def test_flask_docs_page_is_served():
    response = flask_app.app.test_client().get("/docs")
    assert response.status_code == 200
    assert b"swagger-ui" in response.data
    assert b"https://cdn.jsdelivr.net/npm/swagger-ui-dist" in response.data


def test_fastapi_docs_page_is_served():
    with TestClient(fastapi_app.app) as client:
        response = client.get("/docs")
    assert response.status_code == 200
    assert "swagger-ui" in response.text
    assert "https://cdn.jsdelivr.net/npm/swagger-ui-dist" in response.text


@pytest.mark.urls("snippets.openapi.django_app")
def test_django_docs_page_is_served(client):
    response = client.get("/docs")
    assert response.status_code == 200
    assert b"swagger-ui" in response.content
    assert b"https://cdn.jsdelivr.net/npm/swagger-ui-dist" in response.content


def test_flask_creates_item():
    response = flask_app.app.test_client().post("/items", json=GOOD)
    assert response.status_code == 201
    assert response.get_json() == {"id": response.get_json()["id"], **GOOD}


@pytest.mark.parametrize("body", BAD_BODIES)
def test_flask_bad_item_gets_422(body):
    response = flask_app.app.test_client().post("/items", json=body)
    assert response.status_code == 422
    error = response.get_json()
    assert error["message"] == "Validation error"
    assert set(error["detail"]["json"]) == {
        k for k in ("name", "price") if k not in body or body[k] in ("", 0)
    }


def test_flask_invalid_json_gets_400():
    response = flask_app.app.test_client().post("/items", data="{", content_type="application/json")
    assert response.status_code == 400
    assert response.get_json() == {"detail": {}, "message": "Bad Request"}


def test_fastapi_creates_item():
    with TestClient(fastapi_app.app) as client:
        response = client.post("/items", json=GOOD)
    assert response.status_code == 201
    assert response.json() == {"id": response.json()["id"], **GOOD}


@pytest.mark.parametrize("body", BAD_BODIES)
def test_fastapi_bad_item_gets_422(body):
    with TestClient(fastapi_app.app) as client:
        response = client.post("/items", json=body)
    assert response.status_code == 422
    assert {error["loc"][-1] for error in response.json()["detail"]} == {
        k for k in ("name", "price") if k not in body or body[k] in ("", 0)
    }


@pytest.mark.urls("snippets.openapi.django_app")
def test_django_creates_item(client):
    response = client.post("/items", GOOD, content_type="application/json")
    assert response.status_code == 201
    assert response.json() == {"id": response.json()["id"], **GOOD}


@pytest.mark.urls("snippets.openapi.django_app")
@pytest.mark.parametrize("body", BAD_BODIES)
def test_django_bad_item_gets_422(client, body):
    response = client.post("/items", body, content_type="application/json")
    assert response.status_code == 422
    assert {error["loc"][-1] for error in response.json()["detail"]} == {
        k for k in ("name", "price") if k not in body or body[k] in ("", 0)
    }


@pytest.mark.urls("snippets.openapi.django_app")
def test_django_invalid_json_gets_400(client):
    response = client.post("/items", "{", content_type="application/json")
    assert response.status_code == 400
    assert response.json() == {"detail": "Cannot parse request body"}


def test_flask_reads_an_item_and_documents_its_404():
    client = flask_app.app.test_client()
    created = client.post("/items", json=GOOD).get_json()
    assert client.get(f"/items/{created['id']}").get_json() == created
    missing = client.get("/items/999999")
    assert (missing.status_code, missing.get_json()) == (404, {"detail": {}, "message": "Item not found"})
    responses = client.get("/openapi.json").get_json()["paths"]["/items/{item_id}"]["get"]["responses"]
    assert sorted(responses) == ["200", "404"]


def test_fastapi_reads_an_item_and_documents_its_404():
    with TestClient(fastapi_app.app) as client:
        created = client.post("/items", json=GOOD).json()
        assert client.get(f"/items/{created['id']}").json() == created
        missing = client.get("/items/999999")
        document = client.get("/openapi.json").json()
    assert (missing.status_code, missing.json()) == (404, {"detail": "Item not found"})
    assert sorted(document["paths"]["/items/{item_id}"]["get"]["responses"]) == ["200", "404", "422"]


@pytest.mark.urls("snippets.openapi.django_app")
def test_django_reads_an_item_and_documents_its_404(client):
    created = client.post("/items", GOOD, content_type="application/json").json()
    assert client.get(f"/items/{created['id']}").json() == created
    missing = client.get("/items/999999")
    assert (missing.status_code, missing.json()) == (404, {"detail": "Item not found"})
    document = client.get("/openapi.json").json()
    assert sorted(document["paths"]["/items/{item_id}"]["get"]["responses"]) == ["200", "404"]
