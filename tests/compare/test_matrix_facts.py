"""Facts behind matrix verdicts, checked on the locked packages (docs/compare/matrix.md#checks)."""

import importlib.util
import os
from importlib.metadata import files, requires
from pathlib import Path

import pytest
from django.conf import global_settings
from fastapi import FastAPI, Request
from fastapi.testclient import TestClient
from flask import Flask, session
from starlette.middleware.httpsredirect import HTTPSRedirectMiddleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.middleware.trustedhost import TrustedHostMiddleware


def ships_type_hints(package: str) -> bool:
    return any(Path(str(file)).name == "py.typed" for file in files(package) or [])


@pytest.mark.parametrize(("package", "typed"), [("flask", True), ("fastapi", True), ("django", False)])
def test_which_framework_ships_type_hints(package, typed):
    assert ships_type_hints(package) is typed


def test_django_new_project_turns_on_csrf_and_clickjacking_protection():
    template = Path(importlib.util.find_spec("django").origin).parent / "conf/project_template"
    settings = (template / "project_name/settings.py-tpl").read_text(encoding="utf-8")
    assert "django.middleware.csrf.CsrfViewMiddleware" in settings
    assert "django.middleware.clickjacking.XFrameOptionsMiddleware" in settings
    assert "django.contrib.admin" in settings
    assert global_settings.CSRF_COOKIE_HTTPONLY is False


def test_django_new_project_gets_both_wsgi_and_asgi_entry_points():
    template = Path(importlib.util.find_spec("django").origin).parent / "conf/project_template/project_name"
    assert (template / "wsgi.py-tpl").is_file()
    assert (template / "asgi.py-tpl").is_file()


def test_flask_autoescapes_html_templates_only():
    app = Flask(__name__)
    assert app.select_jinja_autoescape("page.html") is True
    assert app.select_jinja_autoescape("page.txt") is False


def test_flask_sessions_need_a_secret_key():
    app = Flask(__name__)

    @app.get("/login")
    def login():
        session["user"] = "ada"
        return "ok"

    assert app.test_client().get("/login").status_code == 500


def test_flask_has_no_websocket_route_and_starlette_does():
    assert not hasattr(Flask, "websocket")
    assert callable(FastAPI().websocket)


def test_background_work_after_the_response():
    from fastapi import BackgroundTasks
    from starlette.background import BackgroundTasks as StarletteBackgroundTasks

    assert issubclass(BackgroundTasks, StarletteBackgroundTasks)


@pytest.mark.stack("current", reason="django.tasks is new in Django 6.0")
def test_django_6_has_a_tasks_framework_with_no_worker():
    from django.tasks import backends

    assert importlib.util.find_spec("django.tasks") is not None
    shipped = sorted(path.stem for path in Path(backends.__file__).parent.glob("*.py"))
    assert shipped == ["__init__", "base", "dummy", "immediate"]


@pytest.mark.stack("lts", reason="checks what the 5.2 LTS lacks")
def test_django_5_2_has_no_tasks_framework():
    assert importlib.util.find_spec("django.tasks") is None


def test_built_in_admin_and_migrations():
    assert importlib.util.find_spec("django.contrib.admin") is not None
    assert importlib.util.find_spec("django.db.migrations") is not None


def test_fastapi_installs_starlettes_security_middleware_and_turns_none_on():
    assert any(name.startswith("starlette") for name in requires("fastapi") or [])
    shipped = (SessionMiddleware, TrustedHostMiddleware, HTTPSRedirectMiddleware)
    assert all(cls.__module__.startswith("starlette.middleware.") for cls in shipped)
    assert FastAPI().user_middleware == []
    itsdangerous = [name for name in requires("fastapi") or [] if name.startswith("itsdangerous")]
    assert itsdangerous
    assert all(name.endswith('extra == "all"') for name in itsdangerous)


# --8<-- [start:fastapi-security-middleware]
def fastapi_with_security_middleware() -> FastAPI:
    app = FastAPI()
    app.add_middleware(SessionMiddleware, secret_key=os.environ["SECRET_KEY"], https_only=True)
    app.add_middleware(HTTPSRedirectMiddleware)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=["example.com", "*.example.com"])
    return app


# --8<-- [end:fastapi-security-middleware]


def test_starlettes_security_middleware_once_turned_on(monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "a-test-secret")
    app = fastapi_with_security_middleware()

    @app.get("/visits")
    def visits(request: Request) -> dict[str, int]:
        request.session["visits"] = request.session.get("visits", 0) + 1
        return {"visits": request.session["visits"]}

    assert [entry.cls for entry in app.user_middleware] == [
        TrustedHostMiddleware,
        HTTPSRedirectMiddleware,
        SessionMiddleware,
    ]
    plain = TestClient(app, base_url="http://example.com").get("/visits", follow_redirects=False)
    assert plain.status_code == 307
    assert plain.headers["location"] == "https://example.com/visits"
    assert TestClient(app, base_url="https://attacker.test").get("/visits").status_code == 400

    client = TestClient(app, base_url="https://api.example.com")
    first = client.get("/visits")
    assert first.json() == {"visits": 1}
    assert "secure" in first.headers["set-cookie"].lower()
    assert client.get("/visits").json() == {"visits": 2}
