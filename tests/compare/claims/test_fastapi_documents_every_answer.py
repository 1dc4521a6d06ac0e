"""FastAPI's generated document lists what it sees in the signature, not every answer the app gives."""

from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException
from fastapi.testclient import TestClient
from pydantic import BaseModel

ITEMS = {1: "apple"}


class Item(BaseModel):
    name: str


class NotFound(BaseModel):
    detail: str


def existing_item(item_id: int) -> str:
    if item_id not in ITEMS:
        raise HTTPException(404, "Item not found")
    return ITEMS[item_id]


app = FastAPI()


@app.get("/items/{item_id}")
def read_item(name: Annotated[str, Depends(existing_item)]) -> Item:
    return Item(name=name)


@app.get("/declared/{item_id}", responses={404: {"model": NotFound}})
def read_declared(name: Annotated[str, Depends(existing_item)]) -> Item:
    return Item(name=name)


@app.get("/items")
def list_items() -> list[Item]:
    return [Item(name=name) for name in ITEMS.values()]


@app.post("/items", status_code=201)
def create_item(item: Item) -> Item:
    return item


def documented(client: TestClient, path: str, method: str) -> list[str]:
    return sorted(client.get("/openapi.json").json()["paths"][path][method]["responses"])


def test_a_404_raised_in_a_dependency_is_answered_but_not_documented():
    with TestClient(app) as client:
        assert client.get("/items/2").status_code == 404
        assert documented(client, "/items/{item_id}", "get") == ["200", "422"]


def test_responses_puts_the_404_in_the_document():
    with TestClient(app) as client:
        assert client.get("/declared/2").status_code == 404
        assert documented(client, "/declared/{item_id}", "get") == ["200", "404", "422"]


def test_a_body_that_is_not_utf8_gets_a_400_the_document_does_not_list():
    with TestClient(app) as client:
        response = client.post(
            "/items", content=b'{"name": "\xff"}', headers={"Content-Type": "application/json"}
        )
        assert response.status_code == 400
        assert response.json() == {"detail": "There was an error parsing the body"}
        assert documented(client, "/items", "post") == ["201", "422"]


def test_options_on_a_path_with_two_methods_names_only_the_first_route():
    with TestClient(app) as client:
        response = client.options("/items")
    assert response.status_code == 405
    assert response.headers["Allow"] == "GET"
