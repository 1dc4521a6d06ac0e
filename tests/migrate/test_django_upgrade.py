"""Django 5.2 LTS to 6.x (docs/migrate/django-upgrade.md).

The app makes an HTML link card from a form. Step 0 is written the 5.2 way: it runs on
the LTS with two `RemovedInDjango60Warning`s and breaks on 6.x, because Django 6.0 removed
what those warnings announced. Step 1 fixes both and runs unchanged on both stacks. Step 2
adopts Django 6.0's built-in Content Security Policy and runs on 6.x only.

This file runs on both stacks (tests/migrate is in LTS_TESTS): tests that hold on one
stack only carry `pytest.mark.stack` with their reason. Each step is tested twice: in
process with its own settings (its URLconf, middleware and templates), and under gunicorn
with `DJANGO_SETTINGS_MODULE` pointing at the step's settings module.
"""

from __future__ import annotations

import importlib
import re
import secrets
import sys
import warnings
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import httpx
import pytest

from guide import migrate, versions
from tests.migrate import suite

PATH = migrate.path("django-upgrade")
HERE = versions.installed_stack().name
SECRET_KEY = secrets.token_urlsafe(50)

URLFIELD_WARNING = (
    "The default scheme will be changed from 'http' to 'https' in Django 6.0. Pass the "
    "forms.URLField.assume_scheme argument to silence this warning, or set the "
    "FORMS_URLFIELD_ASSUME_HTTPS transitional setting to True to opt into using 'https' as the "
    "new default scheme."
)
FORMAT_HTML_WARNING = "Calling format_html() without passing args or kwargs is deprecated."
FORMAT_HTML_ERROR = "args or kwargs must be provided."
POLICY = "default-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'"
NEW_IN_6 = (
    "the built-in Content Security Policy (django.middleware.csp, django.utils.csp) is new in Django 6.0"
)
SIX_ONLY = pytest.mark.stack("current", reason=NEW_IN_6)

LTS_ONLY = "RemovedInDjango60Warning exists on the 5.2 LTS only; Django 6.0 removed what it announced"
REMOVED = "Django 6.0 removed what step 0's warnings announced"


def card(url: str, title: str = "Django docs") -> str:
    return f'<a href="{url}" rel="nofollow">{title}</a><p><a href="/card">Make another card</a></p>'


@dataclass
class Step:
    number: int
    settings: ModuleType
    cards: ModuleType
    warnings: list[tuple[type[Warning], str]]
    """Every warning importing the step's modules raised: (class, message)."""


def package(number: int) -> str:
    return suite.package(PATH.steps[number])


def forget(number: int) -> None:
    suite.forget(PATH.steps[number])


def load(number: int) -> Step:
    """Import a step's settings and views fresh, recording the warnings the imports raise."""
    forget(number)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        settings = importlib.import_module(f"{package(number)}.settings")
        cards = importlib.import_module(f"{package(number)}.cards")
    return Step(number, settings, cards, [(warning.category, str(warning.message)) for warning in caught])


@pytest.fixture(scope="module")
def steps():
    loaded: dict[int, Step] = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_SECRET_KEY", SECRET_KEY)

        def get(number: int) -> Step:
            if number not in loaded:
                loaded[number] = load(number)
            return loaded[number]

        yield get


def use(settings, step: Step) -> None:
    """Give the test the step's own settings, where they differ from the shared test settings."""
    settings.ROOT_URLCONF = step.settings.ROOT_URLCONF
    settings.MIDDLEWARE = step.settings.MIDDLEWARE
    settings.TEMPLATES = step.settings.TEMPLATES
    if hasattr(step.settings, "SECURE_CSP"):
        settings.SECURE_CSP = step.settings.SECURE_CSP


STEP_PARAMS = [0, 1, pytest.param(2, marks=SIX_ONLY)]
STEP_IDS = ["step0", "step1", "step2"]


@pytest.fixture(params=STEP_PARAMS, ids=STEP_IDS)
def step(request, steps, settings, client):
    loaded = steps(request.param)
    use(settings, loaded)
    return loaded, client


@pytest.fixture(params=[1, pytest.param(2, marks=SIX_ONLY)], ids=STEP_IDS[1:])
def fixed_step(request, steps, settings, client):
    loaded = steps(request.param)
    use(settings, loaded)
    return loaded, client


def post(client, url: str, title: str = "Django docs"):
    return client.post("/card", {"title": title, "url": url})


# --------------------------------------------------------------------------- step 0 on each stack


@pytest.mark.stack("lts", reason=LTS_ONLY)
def test_on_the_lts_step_0_imports_with_the_url_field_warning(steps):
    from django.utils.deprecation import RemovedInDjango60Warning

    assert steps(0).warnings == [(RemovedInDjango60Warning, URLFIELD_WARNING)]
    assert issubclass(RemovedInDjango60Warning, DeprecationWarning)


@pytest.mark.stack("lts", reason=LTS_ONLY)
def test_on_the_lts_step_0_answers_with_http_and_warns_about_format_html(steps, settings, client):
    from django.utils.deprecation import RemovedInDjango60Warning

    use(settings, steps(0))
    with pytest.warns(RemovedInDjango60Warning, match=re.escape(FORMAT_HTML_WARNING)) as caught:
        response = post(client, "example.com")
    assert [(warning.category, str(warning.message)) for warning in caught] == [
        (RemovedInDjango60Warning, FORMAT_HTML_WARNING)
    ]
    assert response.status_code == 200
    assert response.content.decode() == card("http://example.com")


@pytest.mark.stack("current", reason=REMOVED)
def test_on_6_step_0_imports_silently_and_its_url_field_assumes_https(steps):
    step0 = steps(0)
    assert step0.warnings == []
    form = step0.cards.CardForm({"title": "Django docs", "url": "example.com"})
    assert form.is_valid()
    assert form.cleaned_data["url"] == "https://example.com"


@pytest.mark.stack("current", reason=REMOVED)
def test_on_6_step_0_fails_where_format_html_gets_no_arguments(steps, settings, client):
    use(settings, steps(0))
    with pytest.raises(TypeError, match=f"^{re.escape(FORMAT_HTML_ERROR)}$"):
        post(client, "example.com")


# --------------------------------------------------------------------------- the fixed steps


@pytest.mark.parametrize("number", STEP_PARAMS[1:], ids=STEP_IDS[1:])
def test_the_fixed_steps_import_without_any_warning(steps, number):
    assert steps(number).warnings == []


def test_a_fixed_step_answers_with_https_on_every_stack(fixed_step):
    _, client = fixed_step
    response = post(client, "example.com")
    assert response.status_code == 200
    assert response.content.decode() == card("https://example.com")
    assert post(client, "http://example.com").content.decode() == card("http://example.com")


def test_a_fixed_step_escapes_the_title(fixed_step):
    _, client = fixed_step
    response = post(client, "https://example.com", title="<b>bold</b>")
    assert response.content.decode() == card("https://example.com", "&lt;b&gt;bold&lt;/b&gt;")


# --------------------------------------------------------------------------- every step


def test_every_step_serves_the_form_with_a_csrf_token(step):
    _, client = step
    response = client.get("/card")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.startswith("<!doctype html><title>New card</title>")
    assert re.search(r'<input type="hidden" name="csrfmiddlewaretoken" value="\w+">', html)
    assert '<input type="url" name="url" maxlength="200" required id="id_url">' in html


def test_every_step_rejects_a_url_that_is_not_one(step):
    _, client = step
    response = post(client, "javascript:alert(1)")
    assert response.status_code == 400
    assert "<li>Enter a valid URL.</li>" in response.content.decode()


def test_every_step_answers_only_get_and_post(step):
    _, client = step
    response = client.put("/card")
    assert response.status_code == 405
    assert response["Allow"] == "GET, POST"


@pytest.mark.parametrize("url", ["/card", "/nothing-here"])
def test_every_step_sends_the_same_content_security_policy(step, url):
    _, client = step
    assert client.get(url)["Content-Security-Policy"] == POLICY


@SIX_ONLY
def test_step_2_lets_django_build_the_policy(steps):
    step2 = steps(2)
    assert "django.middleware.csp.ContentSecurityPolicyMiddleware" in step2.settings.MIDDLEWARE
    assert not hasattr(step2.cards, "content_security_policy")
    assert all(not name.endswith(".content_security_policy") for name in step2.settings.MIDDLEWARE)


@pytest.mark.stack("lts", reason="shows what happens when step 2 is deployed on the 5.2 LTS")
def test_on_the_lts_step_2_does_not_even_load_its_settings(monkeypatch):
    monkeypatch.setenv("DJANGO_SECRET_KEY", SECRET_KEY)
    forget(2)
    with pytest.raises(ModuleNotFoundError, match=r"^No module named 'django\.utils\.csp'$"):
        importlib.import_module(f"{package(2)}.settings")


# --------------------------------------------------------------------------- entry points and real servers


def test_the_wsgi_entry_point_builds_the_app_with_the_step_settings(step, db):
    """`db` lets Django's request hooks touch the test database connection earlier tests opened."""
    loaded, _ = step
    forget_wsgi = f"{package(loaded.number)}.wsgi"
    sys.modules.pop(forget_wsgi, None)
    app = importlib.import_module(forget_wsgi).app
    with httpx.Client(transport=httpx.WSGITransport(app=app), base_url="http://localhost") as http:
        response = http.get("/card")
    assert response.status_code == 200
    assert response.headers["content-security-policy"] == POLICY


TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="(\w+)"')


def answer_under_gunicorn(number: int, log: Path) -> httpx.Response:
    """Start the step under gunicorn with its own settings (its output to `log`), fetch the form,
    post it with its CSRF token."""
    env = {"DJANGO_SECRET_KEY": SECRET_KEY, "DJANGO_SETTINGS_MODULE": f"{package(number)}.settings"}
    with (
        log.open("w") as output,
        suite.on_real_server(PATH.steps[number], "/card", env, stdout=output, stderr=output) as (_, http),
    ):
        form = http.get("/card")
        assert form.headers["content-security-policy"] == POLICY
        token = TOKEN.search(form.text).group(1)
        data = {"csrfmiddlewaretoken": token, "title": "Django docs", "url": "example.com"}
        return http.post("/card", data=data)


@pytest.mark.stack("lts", reason=LTS_ONLY)
def test_under_gunicorn_on_the_lts_step_0_runs_and_its_warnings_go_unseen(tmp_path):
    log = tmp_path / "gunicorn.log"
    response = answer_under_gunicorn(0, log)
    assert (response.status_code, response.text) == (200, card("http://example.com"))
    assert "Booting worker" in log.read_text()
    assert "Warning" not in log.read_text()


@pytest.mark.stack("current", reason=REMOVED)
def test_under_gunicorn_on_6_step_0_answers_500(tmp_path):
    log = tmp_path / "gunicorn.log"
    response = answer_under_gunicorn(0, log)
    assert response.status_code == 500
    assert "<h1>Server Error (500)</h1>" in response.text
    assert f"TypeError: {FORMAT_HTML_ERROR}" in log.read_text()


@pytest.mark.parametrize("number", STEP_PARAMS[1:], ids=STEP_IDS[1:])
def test_under_gunicorn_a_fixed_step_answers_with_https(number, tmp_path):
    response = answer_under_gunicorn(number, tmp_path / "gunicorn.log")
    assert (response.status_code, response.text) == (200, card("https://example.com"))


def test_every_step_refuses_a_post_without_the_csrf_token(step):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post("/card", {"title": "x", "url": "https://example.com"})
    assert response.status_code == 403
