"""Bearer token authentication (docs/tasks/auth.md#token-auth): the token comes from API_TOKEN."""

import importlib
import secrets

import pytest
from fastapi.testclient import TestClient

from guide.frameworks import FRAMEWORKS
from tests.support.http_answers import assert_saved
from tests.tasks.json_clients import django_caller, flask_caller, starlette_caller

TOKEN = secrets.token_urlsafe(32)


def load(framework, monkeypatch):
    monkeypatch.setenv("API_TOKEN", TOKEN)
    return importlib.reload(importlib.import_module(f"snippets.token_auth.{framework}_app"))


@pytest.fixture(params=FRAMEWORKS)
def api(request, monkeypatch):
    module = load(request.param, monkeypatch)
    if request.param == "flask":
        yield "flask", flask_caller(module.app.test_client())
    elif request.param == "fastapi":
        with TestClient(module.app) as client:
            yield "fastapi", starlette_caller(client)
    else:
        request.getfixturevalue("settings").ROOT_URLCONF = "snippets.token_auth.django_app"
        yield "django", django_caller(request.getfixturevalue("client"))


@pytest.mark.parametrize("scheme", ["Bearer", "bearer"])
def test_right_token_is_let_in(api, scheme):
    _, call = api
    reply = call("GET", "/private", headers={"Authorization": f"{scheme} {TOKEN}"})
    assert reply.status == 200
    assert reply.json() == {"message": "Hello, token holder"}


def test_wrong_token_gets_documented_401(api):
    framework, call = api
    reply = call("GET", "/private", headers={"Authorization": "Bearer wrong-token"})
    path = f"snippets/token_auth/responses/{framework}_wrong_token.txt"
    assert_saved(path, reply)


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": ""},
        {"Authorization": "Bearer"},
        {"Authorization": "Bearer "},
        {"Authorization": f"Basic {TOKEN}"},
        {"Authorization": f"Token {TOKEN}"},
        {"Authorization": f"Bearer {TOKEN}x"},
        {"Authorization": f"Bearer {TOKEN[:-1]}"},
        {"X-API-Key": TOKEN},
    ],
    ids=[
        "none",
        "empty",
        "scheme-only",
        "scheme-space",
        "basic",
        "other-scheme",
        "longer",
        "shorter",
        "wrong-header",
    ],
)
def test_every_other_credential_gets_the_same_401(api, headers):
    framework, call = api
    reply = call("GET", "/private", headers=headers)
    assert_saved(f"snippets/token_auth/responses/{framework}_wrong_token.txt", reply)


def test_non_ascii_token_is_a_401_not_a_500(api):
    framework, call = api
    value = "Bearer t\u00f6ken".encode("latin-1") if framework == "fastapi" else "Bearer t\u00f6ken"
    reply = call("GET", "/private", headers={"Authorization": value})
    assert reply.status == 401


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_app_refuses_to_start_without_a_token(framework, monkeypatch):
    monkeypatch.delenv("API_TOKEN", raising=False)
    with pytest.raises(KeyError, match="API_TOKEN"):
        importlib.reload(importlib.import_module(f"snippets.token_auth.{framework}_app"))
