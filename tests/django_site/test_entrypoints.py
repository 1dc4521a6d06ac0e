"""The Django project's WSGI and ASGI entry points serve the configured URLconf."""

import pytest
from fastapi.testclient import TestClient
from werkzeug.test import Client

from snippets.django_site import asgi, wsgi

pytestmark = pytest.mark.django_db


def test_wsgi_entry_point_serves_hello():
    response = Client(wsgi.app).get("/hello", headers={"Host": "localhost"})
    assert response.status_code == 200
    assert response.json == {"message": "Hello, world"}


def test_asgi_entry_point_serves_hello():
    response = TestClient(asgi.app, base_url="http://localhost").get("/hello")
    assert response.status_code == 200
    assert response.json() == {"message": "Hello, world"}


def test_unknown_host_is_rejected():
    response = Client(wsgi.app).get("/hello", headers={"Host": "attacker.example"})
    assert response.status_code == 400
