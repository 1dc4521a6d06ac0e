"""With a return type, FastAPI validates what an endpoint returns and drops undeclared fields."""

from fastapi import FastAPI
from fastapi.testclient import TestClient
from pydantic import BaseModel


class User(BaseModel):
    name: str
    email: str


app = FastAPI()


@app.get("/filtered")
def extra_field() -> User:
    return {"name": "Ada", "email": "ada@example.org", "password_hash": "secret"}


@app.get("/broken")
def missing_field() -> User:
    return {"name": "Ada"}


def test_fields_the_return_type_does_not_declare_are_dropped():
    with TestClient(app) as client:
        response = client.get("/filtered")
    assert response.status_code == 200
    assert response.json() == {"name": "Ada", "email": "ada@example.org"}


def test_a_response_that_does_not_match_the_type_is_a_server_error():
    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/broken")
    assert response.status_code == 500
