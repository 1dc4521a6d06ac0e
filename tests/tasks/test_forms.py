"""Forms with CSRF protection (docs/tasks/html.md#forms): a contact form refusing posts without a token."""

import importlib
import re

import pytest
from django.test import Client
from fastapi.testclient import TestClient

from guide.frameworks import FRAMEWORKS
from tests.support.http_answers import Answer, assert_saved

TOKEN_FIELD = {"flask": "csrf_token", "fastapi": "csrf_token", "django": "csrfmiddlewaretoken"}


class Browser:
    """GET and POST through one framework's test client, keeping its cookies like a browser."""

    def __init__(self, framework, client):
        self.framework, self.client = framework, client

    def get(self, path):
        response = self.client.get(path)
        return self._reply(response)

    def post(self, path, data):
        response = self.client.post(path, data=data)
        return self._reply(response)

    def _reply(self, response):
        status = response.status_code
        if self.framework == "flask":
            return status, response.headers, response.get_data(as_text=True)
        if self.framework == "fastapi":
            return status, response.headers, response.text
        return status, response.headers, response.content.decode()

    def form_token(self):
        _, _, html = self.get("/contact")
        name = TOKEN_FIELD[self.framework]
        (token,) = re.findall(rf'name="{name}"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="{name}"', html)
        return token[0] or token[1]


def browser_for(framework, request):
    if framework == "flask":
        module = importlib.import_module("snippets.forms.flask_app")
        return Browser("flask", module.app.test_client())
    if framework == "fastapi":
        module = importlib.import_module("snippets.forms.fastapi_app")
        client = TestClient(module.app, base_url="https://testserver")
        request.addfinalizer(client.close)
        return Browser("fastapi", client)
    request.getfixturevalue("settings").ROOT_URLCONF = "snippets.forms.django_app"
    return Browser("django", Client(enforce_csrf_checks=True))


@pytest.fixture(params=FRAMEWORKS)
def browser(request):
    return browser_for(request.param, request)


def test_form_page_carries_a_csrf_token(browser):
    status, headers, html = browser.get("/contact")
    assert status == 200
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert '<form method="post">' in html
    assert len(browser.form_token()) >= 32


def test_post_with_token_is_accepted(browser):
    token = browser.form_token()
    status, _, html = browser.post(
        "/contact", {TOKEN_FIELD[browser.framework]: token, "name": "<b>Ada</b>", "message": "Hi"}
    )
    assert status == 200
    assert "<p>Thanks, &lt;b&gt;Ada&lt;/b&gt;!</p>" in html


def test_post_without_token_gets_documented_error(browser):
    browser.get("/contact")
    status, headers, html = browser.post("/contact", {"name": "Ada", "message": "Hi"})
    path = f"snippets/forms/responses/{browser.framework}_missing_csrf.txt"
    assert_saved(path, Answer(status, headers, html), excerpt=browser.framework == "django")
    assert "Thanks" not in html


def test_post_with_wrong_token_is_refused(browser):
    browser.get("/contact")
    status, _, html = browser.post(
        "/contact", {TOKEN_FIELD[browser.framework]: "x" * 64, "name": "Ada", "message": "Hi"}
    )
    assert status == {"flask": 400, "fastapi": 403, "django": 403}[browser.framework]
    assert "Thanks" not in html


def test_token_from_another_session_is_refused(request):
    for framework in FRAMEWORKS:
        token = browser_for(framework, request).form_token()
        other = browser_for(framework, request)
        other.get("/contact")
        status, _, _ = other.post("/contact", {TOKEN_FIELD[framework]: token, "name": "Ada", "message": "Hi"})
        assert status in (400, 403), framework


def test_invalid_fields_with_valid_token(browser):
    token = browser.form_token()
    status, _, html = browser.post(
        "/contact", {TOKEN_FIELD[browser.framework]: token, "name": "", "message": "Hi"}
    )
    if browser.framework == "fastapi":
        assert status == 422
        assert '"loc":["body","name"]' in html
    else:
        assert status == 200
        assert "This field is required." in html
        assert "Thanks" not in html


@pytest.mark.parametrize("framework", ["flask", "fastapi"])
def test_session_cookie_holding_the_token_is_secure_and_httponly(framework, request):
    browser = browser_for(framework, request)
    _, headers, _ = browser.get("/contact")
    cookie = headers.get("Set-Cookie", "")
    assert cookie.startswith("session=")
    assert {"httponly", "secure", "samesite=lax"} <= {part.strip() for part in cookie.lower().split(";")}


@pytest.mark.urls("snippets.forms.django_app")
def test_django_form_rejects_put(client):
    assert client.put("/contact").status_code == 405
