"""HTML templates (docs/tasks/html.md#templates): layout inheritance, a loop, and autoescaping."""

import re
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from guide.frameworks import FRAMEWORKS
from snippets.templates import fastapi_app, flask_app
from tests.support.http_answers import Answer, assert_saved

HOSTILE_NAME = "<i>O'Hara & co"


@pytest.fixture(params=FRAMEWORKS)
def get(request):
    """A function GET path -> (status, headers, text) for each framework."""
    if request.param == "flask":
        client = flask_app.app.test_client()

        def flask_get(path):
            response = client.get(path)
            return response.status_code, response.headers, response.get_data(as_text=True)

        yield "flask", flask_get
    elif request.param == "fastapi":
        with TestClient(fastapi_app.app) as client:

            def fastapi_get(path):
                response = client.get(path)
                return response.status_code, response.headers, response.text

            yield "fastapi", fastapi_get
    else:
        request.getfixturevalue("settings").ROOT_URLCONF = "snippets.templates.django_app"
        client = request.getfixturevalue("client")

        def django_get(path):
            response = client.get(path)
            return response.status_code, response.headers, response.content.decode()

        yield "django", django_get


def test_page_is_rendered_from_the_layout(get):
    _, fetch = get
    status, headers, text = fetch("/hello/Ada")
    assert status == 200
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert text.startswith("<!doctype html>")
    assert "<title>Hello, Ada</title>" in text
    assert "<h1>Hello, Ada!</h1>" in text
    assert re.findall(r"<li>(.*?)</li>", text) == ["Flask", "FastAPI", "Django"]


def test_user_input_is_escaped_as_documented(get):
    framework, fetch = get
    status, headers, text = fetch("/hello/" + quote(HOSTILE_NAME))
    assert "<i>" not in text
    path = f"snippets/templates/responses/{framework}_escaped.txt"
    assert_saved(path, Answer(status, headers, text), excerpt=True)


@pytest.mark.urls("snippets.templates.django_app")
def test_django_page_rejects_post(client):
    assert client.post("/hello/Ada").status_code == 405
