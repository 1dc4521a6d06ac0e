"""The like-for-like peers (docs/compare/like-for-like.md): the same two catalogue tasks in every peer.

Hello: GET /hello answers {"message": "Hello, world"}. Validation: POST /items
with {"name": 1-50 characters, "price": > 0} answers 201 with the item, and
422 naming the bad field otherwise.
"""

import asyncio

import pytest
from fastapi.testclient import TestClient
from starlette.testclient import TestClient as StarletteTestClient

from snippets.peers.hello import apiflask_app as apiflask_hello
from snippets.peers.hello import quart_app as quart_hello
from snippets.peers.hello import starlette_app as starlette_hello
from snippets.peers.validation import apiflask_app as apiflask_items
from snippets.peers.validation import apiflask_pydantic_app as apiflask_pydantic_items
from snippets.peers.validation import fastapi_app as fastapi_items
from snippets.peers.validation import flask_app as flask_items
from snippets.peers.validation import quart_app as quart_items
from snippets.peers.validation import starlette_app as starlette_items

HELLO = {"message": "Hello, world"}
GOOD = {"name": "Teapot", "price": 12.5}
BAD = {"name": "", "price": -1}


def quart_request(app, method: str, path: str, **kwargs) -> tuple[int, object]:
    async def call():
        response = await getattr(app.test_client(), method)(path, **kwargs)
        return response.status_code, await response.get_json()

    return asyncio.run(call())


def pydantic_fields(detail: list[dict]) -> set[str]:
    return {error["loc"][-1] for error in detail}


def test_starlette_hello():
    response = StarletteTestClient(starlette_hello.app).get("/hello")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.json() == HELLO


def test_quart_hello():
    assert quart_request(quart_hello.app, "get", "/hello") == (200, HELLO)


def test_apiflask_hello():
    response = apiflask_hello.app.test_client().get("/hello")
    assert response.status_code == 200
    assert response.get_json() == HELLO


@pytest.mark.urls("snippets.peers.hello.ninja_app")
def test_django_ninja_hello(client):
    response = client.get("/hello")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response.json() == HELLO


def test_flask_by_hand_validation():
    client = flask_items.app.test_client()
    created = client.post("/items", json=GOOD)
    assert (created.status_code, created.get_json()) == (201, GOOD)
    rejected = client.post("/items", json=BAD)
    assert rejected.status_code == 422
    assert pydantic_fields(rejected.get_json()["detail"]) == {"name", "price"}
    malformed = client.post("/items", data="{not json", content_type="application/json")
    assert malformed.status_code == 422
    assert malformed.get_json()["detail"][0]["type"] == "json_invalid"


def test_starlette_by_hand_validation():
    client = StarletteTestClient(starlette_items.app)
    created = client.post("/items", json=GOOD)
    assert (created.status_code, created.json()) == (201, GOOD)
    rejected = client.post("/items", json=BAD)
    assert rejected.status_code == 422
    assert pydantic_fields(rejected.json()["detail"]) == {"name", "price"}
    malformed = client.post("/items", content=b"{not json", headers={"content-type": "application/json"})
    assert malformed.status_code == 422
    assert malformed.json()["detail"][0]["type"] == "json_invalid"


def test_quart_by_hand_validation():
    assert quart_request(quart_items.app, "post", "/items", json=GOOD) == (201, GOOD)
    status, body = quart_request(quart_items.app, "post", "/items", json=BAD)
    assert status == 422
    assert pydantic_fields(body["detail"]) == {"name", "price"}


def test_apiflask_validation():
    client = apiflask_items.app.test_client()
    created = client.post("/items", json=GOOD)
    assert (created.status_code, created.get_json()) == (201, GOOD)
    rejected = client.post("/items", json=BAD)
    assert rejected.status_code == 422
    body = rejected.get_json()
    assert body["message"] == "Validation error"
    assert set(body["detail"]["json"]) == {"name", "price"}


def test_apiflask_validation_with_a_pydantic_model():
    client = apiflask_pydantic_items.app.test_client()
    created = client.post("/items", json=GOOD)
    assert (created.status_code, created.get_json()) == (201, GOOD)
    rejected = client.post("/items", json=BAD)
    assert rejected.status_code == 422
    assert rejected.get_json() == {
        "message": "Validation error",
        "detail": {
            "json": {
                "name": ["String should have at least 1 character"],
                "price": ["Input should be greater than 0"],
            }
        },
    }


def test_apiflask_publishes_the_pydantic_model_with_its_exclusive_bound():
    spec = apiflask_pydantic_items.app.test_client().get("/openapi.json").get_json()
    price = spec["components"]["schemas"]["Item"]["properties"]["price"]
    assert price["exclusiveMinimum"] == 0
    assert sorted(spec["paths"]["/items"]["post"]["responses"]) == ["201", "422"]


def test_apiflask_publishes_openapi():
    spec = apiflask_items.app.test_client().get("/openapi.json").get_json()
    assert "/items" in spec["paths"]


def test_fastapi_validation():
    with TestClient(fastapi_items.app) as client:
        created = client.post("/items", json=GOOD)
        rejected = client.post("/items", json=BAD)
        spec = client.get("/openapi.json").json()
    assert (created.status_code, created.json()) == (201, GOOD)
    assert rejected.status_code == 422
    assert pydantic_fields(rejected.json()["detail"]) == {"name", "price"}
    assert "/items" in spec["paths"]


@pytest.mark.urls("snippets.peers.validation.ninja_app")
def test_django_ninja_validation(client):
    created = client.post("/items", GOOD, content_type="application/json")
    assert (created.status_code, created.json()) == (201, GOOD)
    rejected = client.post("/items", BAD, content_type="application/json")
    assert rejected.status_code == 422
    assert pydantic_fields(rejected.json()["detail"]) == {"name", "price"}
    assert "/items" in client.get("/openapi.json").json()["paths"]
