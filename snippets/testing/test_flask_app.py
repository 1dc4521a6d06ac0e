from unittest.mock import ANY

import pytest

from snippets.openapi.flask_app import app


@pytest.fixture
def client():
    app.config.update(TESTING=True)
    return app.test_client()


def test_create_item(client):
    response = client.post("/items", json={"name": "pen", "price": 1.5})
    assert response.status_code == 201
    assert response.json == {"id": ANY, "name": "pen", "price": 1.5}


def test_negative_price_is_rejected(client):
    response = client.post("/items", json={"name": "pen", "price": -1})
    assert response.status_code == 422
    assert response.json["detail"]["json"] == {"price": ["Must be greater than 0."]}
