"""Settings from environment variables (docs/tasks/basics.md#settings).

Each app reads APP_* variables; a missing secret stops it at start-up with the documented
message (checked in a fresh process), and the documented outputs are the files under
`snippets/settings/examples/`.
"""

import importlib
import json
import os
import secrets
import subprocess
import sys
import urllib.request

import pytest
from django.core.exceptions import ImproperlyConfigured
from fastapi.testclient import TestClient
from pydantic import ValidationError

from guide import ROOT
from tests.support.http_answers import assert_saved, included_by, read_request, send_flask
from tests.support.servers import DJANGO_WSGI, Served, running, task_app

EXAMPLES = "snippets/settings/examples"
PAGE = "tasks/basics.md"
APP_VARIABLES = ("APP_SECRET_KEY", "APP_SITE_NAME", "APP_PAGE_SIZE", "APP_ALLOWED_HOSTS")
DEFAULTS = {"site_name": "Example shop", "page_size": 20}
DJANGO_SETTINGS = "snippets.settings.django_settings"
IMPORT = {
    "flask": ("snippets.settings.flask_app", {}),
    "fastapi": ("snippets.settings.fastapi_app", {}),
    "django": ("snippets.django_site.wsgi", {"DJANGO_SETTINGS_MODULE": DJANGO_SETTINGS}),
}


def fresh(module: str):
    """Import `module` again, so that it reads the environment as it is now."""
    if module in sys.modules:
        return importlib.reload(sys.modules[module])
    return importlib.import_module(module)


@pytest.fixture
def environment(monkeypatch):
    """Start from an environment without APP_* variables; return a setter."""
    for name in APP_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    return monkeypatch.setenv


def start_in_fresh_process(framework: str, **variables: str) -> subprocess.CompletedProcess:
    """Import the app (for Django: its WSGI entry point) in a new interpreter, as a server would."""
    module, extra = IMPORT[framework]
    env = {name: value for name, value in os.environ.items() if not name.startswith("APP_")}
    return subprocess.run(
        [sys.executable, "-c", f"import {module}"],
        cwd=ROOT,
        env={**env, **extra, **variables},
        capture_output=True,
        text=True,
        timeout=60,
    )


def documented_output(case: str, framework: str) -> str:
    return (ROOT / EXAMPLES / f"{case}.{framework}.txt").read_text(encoding="utf-8")


def test_every_example_file_is_shown_on_the_page():
    files = sorted(str(path.relative_to(ROOT)) for path in (ROOT / EXAMPLES).iterdir())
    assert files == sorted(
        [f"{EXAMPLES}/missing_secret.{name}.txt" for name in IMPORT]
        + [f"{EXAMPLES}/bad_page_size.{name}.txt" for name in ("fastapi", "django")]
        + [f"{EXAMPLES}/bad_page_size.flask.http", f"{EXAMPLES}/show.request.http"]
    )
    assert [path for path in files if not included_by(PAGE, path)] == []


@pytest.mark.parametrize("framework", list(IMPORT))
def test_a_missing_secret_stops_the_app_at_start_up_with_the_documented_message(framework):
    result = start_in_fresh_process(framework)
    assert result.returncode == 1
    assert documented_output("missing_secret", framework) in result.stderr


@pytest.mark.parametrize("framework", ["fastapi", "django"])
def test_a_page_size_that_is_not_a_number_stops_the_app(framework):
    result = start_in_fresh_process(framework, APP_SECRET_KEY=secrets.token_urlsafe(), APP_PAGE_SIZE="many")
    assert result.returncode == 1
    assert documented_output("bad_page_size", framework) in result.stderr


def test_flask_starts_with_a_page_size_that_is_not_a_number_and_serves_the_text(environment):
    environment("APP_SECRET_KEY", secrets.token_urlsafe())
    environment("APP_PAGE_SIZE", "many")
    module = fresh("snippets.settings.flask_app")
    answer = send_flask(module.app, read_request(f"{EXAMPLES}/show.request.http"))
    assert_saved(f"{EXAMPLES}/bad_page_size.flask.http", answer)


def test_flask_missing_secret_raises(environment):
    with pytest.raises(RuntimeError, match="^Set the APP_SECRET_KEY environment variable$"):
        fresh("snippets.settings.flask_app")


def test_fastapi_missing_secret_raises(environment):
    with pytest.raises(ValidationError) as error:
        fresh("snippets.settings.fastapi_app")
    assert [(item["type"], item["loc"]) for item in error.value.errors()] == [("missing", ("secret_key",))]


def test_django_missing_secret_raises(environment):
    with pytest.raises(ImproperlyConfigured, match="^Set the APP_SECRET_KEY environment variable$"):
        fresh(DJANGO_SETTINGS)


def test_flask_defaults_and_typed_values(environment):
    secret = secrets.token_urlsafe()
    environment("APP_SECRET_KEY", secret)
    module = fresh("snippets.settings.flask_app")
    assert module.app.test_client().get("/settings").get_json() == DEFAULTS
    environment("APP_PAGE_SIZE", "50")
    module = fresh("snippets.settings.flask_app")
    assert module.app.config["SECRET_KEY"] == secret
    assert module.app.test_client().get("/settings").get_json() == {**DEFAULTS, "page_size": 50}


def test_fastapi_defaults_and_typed_values(environment):
    secret = secrets.token_urlsafe()
    environment("APP_SECRET_KEY", secret)
    module = fresh("snippets.settings.fastapi_app")
    with TestClient(module.app) as client:
        assert client.get("/settings").json() == DEFAULTS
    assert module.settings.secret_key.get_secret_value() == secret
    assert secret not in repr(module.settings)
    environment("APP_PAGE_SIZE", "50")
    module = fresh("snippets.settings.fastapi_app")
    assert module.settings.page_size == 50


@pytest.mark.urls("snippets.settings.django_app")
def test_django_settings_module_and_view(environment, client, settings):
    secret = secrets.token_urlsafe()
    environment("APP_SECRET_KEY", secret)
    environment("APP_PAGE_SIZE", "50")
    module = fresh(DJANGO_SETTINGS)
    assert secret == module.SECRET_KEY
    assert module.DEBUG is False
    assert module.PAGE_SIZE == 50
    assert module.ALLOWED_HOSTS == ["localhost", "127.0.0.1"]
    settings.SITE_NAME, settings.PAGE_SIZE = module.SITE_NAME, module.PAGE_SIZE
    assert client.get("/settings").json() == {**DEFAULTS, "page_size": 50}


SERVERS = {
    "flask": task_app("settings", "flask"),
    "fastapi": task_app("settings", "fastapi"),
    "django": Served("gunicorn", DJANGO_WSGI, {"DJANGO_SETTINGS_MODULE": DJANGO_SETTINGS}),
}


@pytest.mark.parametrize("framework", list(SERVERS))
def test_production_server_reads_the_environment_and_never_shows_the_secret(framework):
    secret = secrets.token_urlsafe()
    env = {"APP_SECRET_KEY": secret, "APP_PAGE_SIZE": "50", "APP_SITE_NAME": "Shop"}
    with running(SERVERS[framework], ready_path="/settings", env=env) as server:
        with urllib.request.urlopen(server.base_url + "/settings", timeout=5) as response:
            body = response.read().decode("utf-8")
    assert json.loads(body) == {"site_name": "Shop", "page_size": 50}
    assert secret not in body
