"""The benchmark apps answer what the harness checks, through each framework's own test client."""

import asyncio
import importlib
import sys

import pytest
from django.db import connection
from fastapi.testclient import TestClient
from sqlalchemy import create_engine

from guide.bench import database
from guide.bench.scenarios import SCENARIOS, VALID_ITEM
from snippets.bench import (
    apiflask_app,
    django_routes,
    fastapi_app,
    fastapi_routes,
    fastapi_sync_app,
    flask_app,
    flask_routes,
    quart_app,
    smorest_app,
    starlette_app,
)
from snippets.bench.minimal import fastapi_app as minimal_fastapi
from snippets.bench.minimal import flask_app as minimal_flask

HELLO = {"message": "Hello, world"}
PARAMS = {"user_id": 42, "limit": 5, "q": "chair"}
FIRST_PRODUCT = {"id": 1, "name": "Product 1", "price": 1.25}


@pytest.fixture
def sqlite_engine(tmp_path):
    path = database.create(tmp_path / "bench.sqlite3")
    engine = create_engine(f"sqlite:///{path}")
    yield engine
    engine.dispose()


def assert_scenario(scenario: str, status: int, body: bytes) -> None:
    assert status == SCENARIOS[scenario].expected_status
    assert SCENARIOS[scenario].check(body)


class TestFlask:
    client = flask_app.app.test_client()

    def test_hello_params_validation_template(self):
        for scenario in ("hello", "params", "validation", "template"):
            spec = SCENARIOS[scenario]
            response = self.client.open(
                spec.path, method=spec.method, data=spec.body or None, content_type="application/json"
            )
            assert_scenario(scenario, response.status_code, response.data)
        assert self.client.get("/users/1/items").get_json() == {"user_id": 1, "limit": 10, "q": ""}

    def test_invalid_item_is_a_422_with_field_errors(self):
        response = self.client.post("/items", data='{"name": "", "price": -1, "quantity": 2}')
        assert response.status_code == 422
        assert [error["loc"] for error in response.get_json()["detail"]] == [["name"], ["price"]]

    def test_io_waits_and_rejects_long_waits(self):
        assert self.client.get("/io/10").get_json() == {"waited_ms": 10}
        assert self.client.get("/io/1001").status_code == 400

    def test_products_reads_the_database(self, monkeypatch, sqlite_engine):
        monkeypatch.setattr(flask_app, "engine", sqlite_engine)
        response = self.client.get("/products")
        assert_scenario("database", response.status_code, response.data)


class TestFastAPI:
    client = TestClient(fastapi_app.app)

    def test_hello_params_validation_template(self):
        for scenario in ("hello", "params", "validation", "template"):
            spec = SCENARIOS[scenario]
            headers = {"Content-Type": "application/json"} if spec.body else {}
            response = self.client.request(spec.method, spec.path, content=spec.body or None, headers=headers)
            assert_scenario(scenario, response.status_code, response.content)
        assert self.client.get("/users/1/items").json() == {"user_id": 1, "limit": 10, "q": ""}

    def test_invalid_item_is_a_422(self):
        response = self.client.post("/items", json={"name": "", "price": -1, "quantity": 2})
        assert response.status_code == 422
        assert [error["loc"] for error in response.json()["detail"]] == [["body", "name"], ["body", "price"]]

    def test_awaited_and_blocking_waits(self):
        assert self.client.get("/io/10").json() == {"waited_ms": 10}
        assert self.client.get("/io-blocking/10").json() == {"waited_ms": 10}
        assert self.client.get("/io/1001").status_code == 422

    def test_def_handlers(self, monkeypatch, sqlite_engine):
        monkeypatch.setattr(fastapi_sync_app, "engine", sqlite_engine)
        client = TestClient(fastapi_sync_app.app)
        assert client.get("/hello").json() == HELLO
        assert client.get("/io/10").json() == {"waited_ms": 10}
        response = client.get("/products")
        assert_scenario("database", response.status_code, response.content)


@pytest.mark.urls("snippets.bench.django_app")
class TestDjango:
    def test_hello_params_validation_template(self, client):
        for scenario in ("hello", "params", "validation", "template"):
            spec = SCENARIOS[scenario]
            response = client.generic(spec.method, spec.path, spec.body, content_type="application/json")
            assert_scenario(scenario, response.status_code, response.content)
        assert client.get("/users/1/items").json() == {"user_id": 1, "limit": 10, "q": ""}
        assert client.get("/users/1/items?limit=many").status_code == 400

    def test_invalid_items(self, client):
        response = client.post(
            "/items", {"name": "", "price": -1, "quantity": 2}, content_type="application/json"
        )
        assert response.status_code == 422
        assert set(response.json()["detail"]) == {"name", "price"}
        assert client.post("/items", "not json", content_type="application/json").status_code == 400
        assert client.post("/items", "[1]", content_type="application/json").status_code == 422

    @pytest.mark.django_db
    def test_products_reads_the_database(self, client):
        with connection.cursor() as cursor:
            cursor.execute("CREATE TABLE bench_item (id INTEGER PRIMARY KEY, name VARCHAR(100), price REAL)")
            cursor.executemany(
                "INSERT INTO bench_item (id, name, price) VALUES (%s, %s, %s)",
                [(number, f"Product {number}", number * 1.25) for number in range(1, 31)],
            )
        response = client.get("/products")
        assert_scenario("database", response.status_code, response.content)


@pytest.mark.urls("snippets.bench.django_ninja_app")
def test_django_ninja(client):
    assert client.get("/hello").json() == HELLO
    response = client.post("/items", VALID_ITEM, content_type="application/json")
    assert_scenario("validation", response.status_code, response.content)
    assert client.post("/items", {"name": "x"}, content_type="application/json").status_code == 422


def test_starlette():
    assert TestClient(starlette_app.app).get("/hello").json() == HELLO


def test_quart():
    async def call():
        response = await quart_app.app.test_client().get("/hello")
        return response.status_code, await response.get_json()

    assert asyncio.run(call()) == (200, HELLO)


@pytest.mark.parametrize("count", [10, 1000])
def test_flask_and_fastapi_routing_apps_answer_on_their_last_route(count):
    path = f"/route{count - 1}/7"
    expected = {"route": count - 1, "item_id": 7}
    assert flask_routes.create_app(count).test_client().get(path).get_json() == expected
    assert TestClient(fastapi_routes.create_app(count)).get(path).json() == expected


@pytest.mark.urls("snippets.bench.django_routes")
def test_django_routing_app(client):
    assert client.get("/route9/7").json() == {"route": 9, "item_id": 7}
    assert len(django_routes.build_urlpatterns(1000)) == 1000


@pytest.mark.parametrize("app", [apiflask_app.app, smorest_app.app], ids=["apiflask", "flask-smorest"])
def test_flask_api_layers(app):
    client = app.test_client()
    assert client.get("/hello").get_json() == HELLO
    spec = SCENARIOS["validation"]
    response = client.post(spec.path, data=spec.body, content_type="application/json")
    assert_scenario("validation", response.status_code, response.data)
    rejected = client.post(spec.path, json={"name": "", "price": -1, "quantity": 2})
    assert rejected.status_code == 422
    assert set(rejected.get_json()["errors" if app is smorest_app.app else "detail"]["json"]) == {
        "name",
        "price",
    }


def test_minimal_flask_and_fastapi_answer_hello_only():
    assert minimal_flask.app.test_client().get("/hello").get_json() == HELLO
    assert len(list(minimal_flask.app.url_map.iter_rules())) == 2
    assert TestClient(minimal_fastapi.app).get("/hello").json() == HELLO


@pytest.mark.urls("snippets.bench.minimal.django_app")
def test_minimal_django_answers_hello(client):
    assert client.get("/hello").json() == HELLO


def test_minimal_django_settings_install_no_app(monkeypatch):
    monkeypatch.setenv("DJANGO_SECRET_KEY", "test")
    sys.modules.pop("snippets.bench.minimal.django_settings", None)
    settings = importlib.import_module("snippets.bench.minimal.django_settings")
    assert settings.INSTALLED_APPS == []
    assert settings.ROOT_URLCONF == "snippets.bench.minimal.django_app"


def test_postgres_settings_point_django_at_the_run_server(monkeypatch):
    for name, value in {
        "POSTGRES_HOST": "127.0.0.1",
        "POSTGRES_PORT": "5999",
        "POSTGRES_DB": "bench",
        "POSTGRES_USER": "postgres",
    }.items():
        monkeypatch.setenv(name, value)
    sys.modules.pop("snippets.bench.django_postgres_settings", None)
    settings = importlib.import_module("snippets.bench.django_postgres_settings")
    database = settings.DATABASES["default"]
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert (database["PORT"], database["NAME"], database["CONN_MAX_AGE"]) == ("5999", "bench", 60)
    assert "snippets.bench.django_catalog" in settings.INSTALLED_APPS
