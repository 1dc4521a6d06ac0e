from unittest.mock import ANY

from fastapi.testclient import TestClient

from snippets.openapi.fastapi_app import app

client = TestClient(app)


def test_create_item():
    response = client.post("/items", json={"name": "pen", "price": 1.5})
    assert response.status_code == 201
    assert response.json() == {"id": ANY, "name": "pen", "price": 1.5}


def test_negative_price_is_rejected():
    response = client.post("/items", json={"name": "pen", "price": -1})
    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert error["loc"] == ["body", "price"]
    assert error["type"] == "greater_than"
