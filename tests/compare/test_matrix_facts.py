"""Facts behind matrix verdicts, checked on the locked packages (docs/compare/matrix.md#checks)."""

import importlib.util
from importlib.metadata import files
from pathlib import Path

import pytest
from django.conf import global_settings
from flask import Flask, session


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
    from fastapi import FastAPI

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
