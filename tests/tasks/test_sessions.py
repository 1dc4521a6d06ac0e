"""Login sessions with hashed passwords (docs/tasks/auth.md#sessions)."""

import importlib
import json

import pytest
from django.test import Client
from fastapi.testclient import TestClient
from pwdlib import PasswordHash
from werkzeug.security import generate_password_hash

from guide.frameworks import FRAMEWORKS
from tests.support.http_answers import assert_saved
from tests.tasks.json_clients import django_caller, flask_caller, starlette_caller

pytestmark = pytest.mark.django_db

USERNAME, PASSWORD = "alice", "correct horse battery staple"
HASHES = {
    "flask": lambda password: generate_password_hash(password),
    "fastapi": lambda password: PasswordHash.recommended().hash(password),
}


def load(framework, monkeypatch):
    monkeypatch.setenv("APP_USERNAME", USERNAME)
    monkeypatch.setenv("APP_PASSWORD_HASH", HASHES[framework](PASSWORD))
    return importlib.reload(importlib.import_module(f"snippets.sessions.{framework}_app"))


def with_csrf_token(client, call):
    """Django keeps CSRF checks on for the JSON login: send the csrftoken cookie's value back as a header.

    GET /csrf sets the cookie; login rotates the token, so it is read again before every POST,
    as browser code reading the cookie would.
    """
    assert call("GET", "/csrf").json()["csrf_token"]

    def call_with_token(method, path, json=None, headers=None, **kwargs):
        if method == "POST":
            headers = {"X-CSRFToken": client.cookies["csrftoken"].value, **(headers or {})}
        return call(method, path, json=json, headers=headers, **kwargs)

    return call_with_token


@pytest.fixture(params=FRAMEWORKS)
def api(request, monkeypatch):
    if request.param == "flask":
        module = load("flask", monkeypatch)
        yield "flask", flask_caller(module.app.test_client())
    elif request.param == "fastapi":
        module = load("fastapi", monkeypatch)
        with TestClient(module.app, base_url="https://testserver") as client:
            yield "fastapi", starlette_caller(client)
    else:
        request.getfixturevalue("settings").ROOT_URLCONF = "snippets.sessions.django_app"
        request.getfixturevalue("django_user_model").objects.create_user(USERNAME, password=PASSWORD)
        client = Client(enforce_csrf_checks=True)
        yield "django", with_csrf_token(client, django_caller(client))


def test_login_me_logout(api):
    _, call = api
    assert call("GET", "/me").status == 401

    login = call("POST", "/login", json={"username": USERNAME, "password": PASSWORD})
    assert login.status == 200
    assert login.json() == {"username": USERNAME}
    assert call("GET", "/me").json() == {"username": USERNAME}

    logout = call("POST", "/logout")
    assert logout.status == 204
    me = call("GET", "/me")
    assert me.status == 401
    assert me.json() == {"detail": "Not logged in"}


def test_session_cookie_is_httponly_and_samesite_lax(api):
    framework, call = api
    reply = call("POST", "/login", json={"username": USERNAME, "password": PASSWORD})
    name = "sessionid" if framework == "django" else "session"
    (cookie,) = [cookie for cookie in reply.set_cookies if cookie.startswith(f"{name}=")]
    attributes = {part.strip().split("=")[0].lower(): part for part in cookie.split(";")}
    assert "httponly" in attributes
    assert attributes["samesite"].strip().lower() == "samesite=lax"
    assert ("secure" in attributes) is (framework != "django")


@pytest.mark.parametrize(
    "credentials",
    [{"username": USERNAME, "password": "wrong"}, {"username": "mallory", "password": PASSWORD}],
    ids=["wrong-password", "unknown-user"],
)
def test_bad_credentials_get_documented_401_and_no_session(api, credentials):
    framework, call = api
    reply = call("POST", "/login", json=credentials)
    path = f"snippets/sessions/responses/{framework}_wrong_password.txt"
    assert_saved(path, reply)
    assert call("GET", "/me").status == 401


@pytest.mark.parametrize("payload", [{}, {"username": USERNAME}, {"username": 1, "password": PASSWORD}, []])
def test_malformed_login_is_a_422(api, payload):
    _, call = api
    assert call("POST", "/login", json=payload).status == 422


def test_flask_stores_only_a_salted_hash(monkeypatch):
    module = load("flask", monkeypatch)
    stored = module.USERS[USERNAME]
    assert PASSWORD not in stored
    assert stored.startswith("scrypt:")
    assert stored != generate_password_hash(PASSWORD)


def test_fastapi_stores_only_an_argon2_hash(monkeypatch):
    module = load("fastapi", monkeypatch)
    assert module.USERS[USERNAME].startswith("$argon2id$")


def test_django_stores_only_a_pbkdf2_hash(django_user_model):
    user = django_user_model.objects.create_user("bob", password=PASSWORD)
    assert user.password.startswith("pbkdf2_sha256$")
    assert PASSWORD not in user.password


@pytest.mark.urls("snippets.sessions.django_app")
def test_django_login_without_csrf_token_is_refused(django_user_model):
    django_user_model.objects.create_user(USERNAME, password=PASSWORD)
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        "/login", json.dumps({"username": USERNAME, "password": PASSWORD}), content_type="application/json"
    )
    assert response.status_code == 403
    assert client.get("/me").status_code == 401


@pytest.mark.parametrize("framework", ["flask", "fastapi"])
def test_signed_cookie_sessions_cannot_be_revoked_by_logout(framework, monkeypatch):
    """A copy of the cookie taken before logout still works: the session lives in the cookie itself."""
    module = load(framework, monkeypatch)
    if framework == "flask":
        client = module.app.test_client()
        client.post("/login", json={"username": USERNAME, "password": PASSWORD})
        stolen = client.get_cookie("session").value
        client.post("/logout")
        replay = module.app.test_client()
        replay.set_cookie("session", stolen)
        assert replay.get("/me").get_json() == {"username": USERNAME}
    else:
        with TestClient(module.app, base_url="https://testserver") as client:
            client.post("/login", json={"username": USERNAME, "password": PASSWORD})
            stolen = client.cookies["session"]
            client.post("/logout")
        with TestClient(module.app, base_url="https://testserver", cookies={"session": stolen}) as replay:
            assert replay.get("/me").json() == {"username": USERNAME}


@pytest.mark.urls("snippets.sessions.django_app")
def test_django_logout_revokes_the_session_on_the_server(django_user_model, client, settings):
    django_user_model.objects.create_user(USERNAME, password=PASSWORD)
    client.post("/login", {"username": USERNAME, "password": PASSWORD}, content_type="application/json")
    stolen = client.cookies[settings.SESSION_COOKIE_NAME].value
    client.post("/logout")
    replay = Client()
    replay.cookies[settings.SESSION_COOKIE_NAME] = stolen
    assert replay.get("/me").status_code == 401


@pytest.mark.urls("snippets.sessions.django_app")
def test_django_login_rotates_the_session_key(django_user_model, client, settings):
    django_user_model.objects.create_user(USERNAME, password=PASSWORD)
    client.get("/csrf")
    client.session.save()
    before = client.session.session_key
    client.post("/login", {"username": USERNAME, "password": PASSWORD}, content_type="application/json")
    assert client.cookies[settings.SESSION_COOKIE_NAME].value != before


def test_login_body_that_is_not_json_is_a_422(api):
    framework, call = api
    headers = {"Content-Type": "application/json"}
    if framework == "django":
        reply = call("POST", "/login", data=b"{", content_type="application/json")
    elif framework == "flask":
        reply = call("POST", "/login", data=b"{", headers=headers)
    else:
        reply = call("POST", "/login", content=b"{", headers=headers)
    assert reply.status == 422
