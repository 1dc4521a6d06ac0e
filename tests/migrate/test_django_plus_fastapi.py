"""Django app plus a FastAPI service for the long-lived connections (docs/migrate/django-plus-fastapi.md).

Every step under snippets/migrate/django_plus_fastapi/ is tested in process (Django's
test client with CSRF checks on, FastAPI's `TestClient`) and on real servers on
127.0.0.1: Django under gunicorn, the FastAPI service under uvicorn, one database. The
real-server test logs in on Django, gets a token from it, and uses the token on the
service's WebSocket; a forged or expired token is refused at the handshake.
"""

from __future__ import annotations

import importlib
import json
import re
import sqlite3
import sys
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

import httpx
import itsdangerous.timed
import pytest
from django.contrib.auth.models import User
from django.core.handlers.wsgi import WSGIHandler
from django.test import Client
from fastapi.testclient import TestClient
from starlette.routing import BaseRoute
from starlette.websockets import WebSocketDisconnect
from websockets.exceptions import InvalidStatus
from websockets.sync.client import connect

from guide import ROOT, migrate
from snippets.migrate.django_plus_fastapi.models import Notification
from tests.migrate import suite
from tests.support import django_db
from tests.support.servers import Served, running

PATH = migrate.path("django-plus-fastapi")
STEPS = list(range(len(PATH.steps)))
USERNAME, PASSWORD = "ann", "correct horse battery staple"
KEY = "a-test-key-for-live-tokens-only-0123456789"
CSRF_TOKEN = "b" * 32
FAST_HASHER = ["django.contrib.auth.hashers.MD5PasswordHasher"]
"""For the in-process tests only, as Django's testing docs advise: the snippets keep the default hasher."""
PROXY = ROOT / "snippets/migrate/django_plus_fastapi/nginx.conf"


def package(number: int) -> str:
    return suite.package(PATH.steps[number])


def fresh(module: str):
    """Import a module of a step again: `tokens` and `live` read the environment at import."""
    for name in [name for name in sys.modules if name == module or name.startswith(module + ".")]:
        del sys.modules[name]
    return importlib.import_module(module)


def migrated_database(folder: Path) -> dict[str, str]:
    """A SQLite database with Django's tables and one user, made as `manage.py` would make them."""
    site = django_db.sqlite_site(folder / "db.sqlite3", LIVE_TOKEN_KEY=KEY)
    return django_db.with_superuser(site, USERNAME, PASSWORD)


@pytest.fixture(scope="module")
def database(tmp_path_factory) -> dict[str, str]:
    return migrated_database(tmp_path_factory.mktemp("live"))


@pytest.fixture
def env(database, monkeypatch) -> dict[str, str]:
    for name in ("LIVE_TOKEN_KEY", "DJANGO_DATABASE"):
        monkeypatch.setenv(name, database[name])
    with closing(sqlite3.connect(database["DJANGO_DATABASE"], autocommit=True)) as db:
        db.execute("DELETE FROM notifications")
    return database


def owner(database: dict[str, str], notification_id: int) -> int:
    with closing(sqlite3.connect(database["DJANGO_DATABASE"])) as db:
        return db.execute("SELECT user_id FROM notifications WHERE id = ?", (notification_id,)).fetchone()[0]


def add_notification(database: dict[str, str], text: str) -> int:
    """Write a notification as Django would (the service only reads them)."""
    with closing(sqlite3.connect(database["DJANGO_DATABASE"], autocommit=True)) as db:
        user_id = db.execute("SELECT id FROM auth_user WHERE username = ?", (USERNAME,)).fetchone()[0]
        return db.execute(
            "INSERT INTO notifications (user_id, text) VALUES (?, ?)", (user_id, text)
        ).lastrowid


# --------------------------------------------------------------------------- Django, in process


@pytest.fixture(params=STEPS, ids=[f"step{number}" for number in STEPS])
def django_step(request, env, settings, db):
    settings.PASSWORD_HASHERS = FAST_HASHER
    settings.ROOT_URLCONF = f"{package(request.param)}.urls"
    user = User.objects.create_user(USERNAME, password=PASSWORD)
    return request.param, user


def browser() -> Client:
    """A client with CSRF checks on, holding the CSRF cookie as a browser would after `GET /session`."""
    client = Client(enforce_csrf_checks=True)
    assert client.get("/session").json() == {"username": None}
    assert "csrftoken" in client.cookies
    return client


def csrf(client: Client) -> dict[str, str]:
    return {"X-CSRFToken": client.cookies["csrftoken"].value}


def logged_in() -> Client:
    client = browser()
    answer = client.post("/session/login", {"username": USERNAME, "password": PASSWORD}, headers=csrf(client))
    assert answer.json() == {"username": USERNAME}
    return client


def test_logging_in_and_out_needs_the_password_and_the_csrf_token(django_step):
    client = browser()
    assert client.post("/session/login", {"username": USERNAME, "password": PASSWORD}).status_code == 403
    wrong = client.post("/session/login", {"username": USERNAME, "password": "wrong"}, headers=csrf(client))
    assert (wrong.status_code, wrong.json()) == (400, {"detail": "Wrong username or password"})
    client = logged_in()
    assert client.get("/session").json() == {"username": USERNAME}
    assert client.post("/session/logout").status_code == 403
    assert client.post("/session/logout", headers=csrf(client)).status_code == 204
    assert client.get("/session").json() == {"username": None}
    assert client.get("/session/login").status_code == 405


def test_notifications_are_created_for_the_user_logged_in(django_step):
    anonymous = browser()
    refused = anonymous.post("/notifications", {"text": "hi"}, headers=csrf(anonymous))
    assert (refused.status_code, refused.json()) == (401, {"detail": "Log in first"})
    client = logged_in()
    created = client.post("/notifications", {"text": "Build finished"}, headers=csrf(client))
    assert created.status_code == 201
    assert created.json() == {"id": created.json()["id"], "text": "Build finished"}
    for text in ("", "x" * 201):
        bad = client.post("/notifications", {"text": text}, headers=csrf(client))
        assert (bad.status_code, bad.json()) == (400, {"detail": "text must be 1 to 200 characters"})
    assert list(Notification.objects.values_list("text", flat=True)) == ["Build finished"]


def events(response) -> list[dict]:
    body = b"".join(response.streaming_content).decode()
    found = re.findall(r"id: (\d+)\ndata: (.*)\n\n", body)
    assert "".join(f"id: {number}\ndata: {data}\n\n" for number, data in found) == body
    return [{"event": int(number)} | json.loads(data) for number, data in found]


def test_django_streams_notifications_as_server_sent_events_until_step_2(django_step, monkeypatch):
    number, user = django_step
    client = logged_in()
    assert Client().get("/notifications/stream").status_code == (401 if number < 2 else 404)
    if number == 2:
        assert client.get("/notifications/stream").status_code == 404
        return
    views = sys.modules[f"{package(number)}.views"]
    monkeypatch.setattr(views, "STREAM_SECONDS", 0.2)
    monkeypatch.setattr(views, "POLL_SECONDS", 0.05)
    first, second = (Notification.objects.create(user=user, text=text) for text in ("one", "two"))
    response = client.get("/notifications/stream")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/event-stream"
    assert response["Cache-Control"] == "no-cache"
    assert events(response) == [
        {"event": first.id, "id": first.id, "text": "one"},
        {"event": second.id, "id": second.id, "text": "two"},
    ]
    resumed = client.get("/notifications/stream", headers={"Last-Event-ID": str(first.id)})
    assert [event["text"] for event in events(resumed)] == ["two"]
    garbled = client.get("/notifications/stream", headers={"Last-Event-ID": "x"})
    assert [event["text"] for event in events(garbled)] == ["one", "two"]


def test_django_issues_live_tokens_from_step_1_to_a_logged_in_user_with_csrf(django_step):
    number, user = django_step
    anonymous = browser()
    if number == 0:
        assert anonymous.post("/live-token", headers=csrf(anonymous)).status_code == 404
        return
    assert anonymous.post("/live-token", headers=csrf(anonymous)).status_code == 401
    client = logged_in()
    assert client.post("/live-token").status_code == 403
    answer = client.post("/live-token", headers=csrf(client))
    assert answer.status_code == 200
    assert answer.json()["expires_in"] == 60
    tokens = sys.modules[f"{package(number)}.tokens"]
    assert tokens.verify(answer.json()["token"]) == user.pk


def test_every_step_has_a_wsgi_entry_point_for_its_own_urls(monkeypatch):
    for number in STEPS:
        monkeypatch.setenv("DJANGO_URLCONF", f"{package(number)}.urls")
        module, _, attribute = PATH.steps[number].app.partition(":")
        assert isinstance(getattr(fresh(module), attribute), WSGIHandler)


# --------------------------------------------------------------------------- tokens and the service


@pytest.fixture(params=STEPS[1:], ids=[f"step{number}" for number in STEPS[1:]])
def service(request, env):
    number = request.param
    return number, fresh(f"{package(number)}.tokens"), fresh(f"{package(number)}.live")


def test_a_token_is_refused_when_forged_tampered_with_or_expired(service, monkeypatch):
    _, tokens, _ = service
    token = tokens.issue(7)
    assert tokens.verify(token) == 7
    assert tokens.verify(token[:-2] + ("AA" if not token.endswith("AA") else "BB")) is None
    assert (
        tokens.verify(itsdangerous.URLSafeTimedSerializer("another key", salt="live").dumps({"user": 7}))
        is None
    )
    assert tokens.verify("") is None
    issued = time.time()
    monkeypatch.setattr(itsdangerous.timed.time, "time", lambda: issued - tokens.MAX_AGE - 1)
    expired = tokens.issue(7)
    monkeypatch.undo()
    assert tokens.verify(expired) is None


def test_the_service_knows_the_user_of_a_token_and_nothing_else(service):
    _, tokens, live = service
    with TestClient(live.app) as http:
        assert http.get("/live/me", headers={"Authorization": f"Bearer {tokens.issue(7)}"}).json() == {
            "user": 7
        }
        forged = http.get("/live/me", headers={"Authorization": "Bearer forged"})
        assert (forged.status_code, forged.json()) == (401, {"detail": "Invalid or expired token"})
        assert forged.headers["WWW-Authenticate"] == "Bearer"
        missing = http.get("/live/me")
        assert (missing.status_code, missing.json()) == (401, {"detail": "Not authenticated"})
        assert http.get("/docs").status_code == 404


def test_the_service_pushes_the_users_notifications_over_a_websocket_from_step_2(service, monkeypatch):
    number, tokens, live = service
    paths = {route.path for route in live.app.routes if isinstance(route, BaseRoute)}
    assert ("/live/notifications" in paths) == (number == 2)
    if number < 2:
        return
    monkeypatch.setattr(live, "POLL_SECONDS", 0.05)
    database = {"DJANGO_DATABASE": live.DATABASE}
    first = add_notification(database, "one")
    user_id = owner(database, first)
    with TestClient(live.app) as http:
        with http.websocket_connect(f"/live/notifications?token={tokens.issue(user_id)}") as socket:
            assert socket.receive_json() == {"id": first, "text": "one"}
            time.sleep(live.POLL_SECONDS * 4)
            socket.send_text("ignored")
            second = add_notification(database, "two")
            assert socket.receive_json() == {"id": second, "text": "two"}
        for token in ("forged", ""):
            with pytest.raises(WebSocketDisconnect) as refused:
                with http.websocket_connect(f"/live/notifications?token={token}"):
                    pass
            assert refused.value.code == 1008


def test_the_proxy_sends_every_service_route_to_uvicorn_and_the_rest_to_django(env):
    config = PROXY.read_text(encoding="utf-8")
    assert re.findall(r"location (\S+) \{\s*proxy_pass http://(\w+);", config) == [
        ("/live/", "live"),
        ("/", "django"),
    ]
    assert "proxy_set_header Upgrade $http_upgrade;" in config
    for number in STEPS:
        urls = importlib.import_module(f"{package(number)}.urls")
        assert not any(str(pattern.pattern).startswith("live/") for pattern in urls.urlpatterns)
        if number > 0:
            live = fresh(f"{package(number)}.live")
            assert all(
                route.path.startswith("/live/") for route in live.app.routes if isinstance(route, BaseRoute)
            )


# --------------------------------------------------------------------------- both real servers


@contextmanager
def django_browser(base_url: str) -> Iterator[httpx.Client]:
    """An HTTP client that keeps cookies, holding the CSRF cookie after `GET /session`."""
    with httpx.Client(base_url=base_url, trust_env=False, timeout=5) as http:
        http.get("/session").raise_for_status()
        yield http


def post(http: httpx.Client, url: str, data: dict | None = None) -> httpx.Response:
    return http.post(url, data=data, headers={"X-CSRFToken": http.cookies["csrftoken"]})


@suite.over_steps(STEPS[1:])
def test_a_django_login_opens_the_fastapi_service_on_real_servers(number, tmp_path):
    env = migrated_database(tmp_path)
    step = PATH.steps[number]
    with (
        running(Served(step.server, step.app), ready_path="/session", env=env) as django,
        running(Served("uvicorn", f"{package(number)}.live:app"), ready_path="/live/me", env=env) as service,
    ):
        with django_browser(django.base_url) as http:
            assert (
                post(http, "/session/login", {"username": USERNAME, "password": PASSWORD}).status_code == 200
            )
            assert "sessionid" in http.cookies
            token = post(http, "/live-token").json()["token"]
            me = httpx.get(
                f"{service.base_url}/live/me", headers={"Authorization": f"Bearer {token}"}, trust_env=False
            )
            assert me.json() == {"user": 1}
            if number == 2:
                created = post(http, "/notifications", {"text": "Build finished"}).json()
                socket_url = service.base_url.replace("http", "ws", 1) + "/live/notifications"
                with connect(f"{socket_url}?token={token}") as socket:
                    assert json.loads(socket.recv(timeout=5)) == created
                    assert post(http, "/session/logout").status_code == 204
                    assert post(http, "/live-token").status_code == 401
                    later = notify_from_another_browser(django.base_url, "Still connected")
                    assert json.loads(socket.recv(timeout=5)) == later
                with connect(f"{socket_url}?token={token}") as socket:
                    assert json.loads(socket.recv(timeout=5)) == created
                for bad in (token[:-2] + "xx", "forged"):
                    with pytest.raises(InvalidStatus) as refused:
                        connect(f"{socket_url}?token={bad}")
                    assert refused.value.response.status_code == 403
                assert http.get("/notifications/stream").status_code == 404
    assert django.process.returncode is not None and service.process.returncode is not None


def notify_from_another_browser(base_url: str, text: str) -> dict:
    """The same user, logged in from another browser, sends themself a notification."""
    with django_browser(base_url) as http:
        post(http, "/session/login", {"username": USERNAME, "password": PASSWORD})
        return post(http, "/notifications", {"text": text}).json()
