"""Translations and a language switch (docs/tasks/features.md#i18n) in Flask, FastAPI and Django.

The `.po` catalogues are the sources in the repository; the binary `.mo` files the apps
load are compiled from them with Babel for the test run and removed afterwards.
"""

import importlib
from urllib.parse import urlencode

import pytest
from babel.messages.extract import extract_from_file
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from fastapi.testclient import TestClient

from guide import ROOT
from guide.frameworks import FRAMEWORKS
from tests.tasks.json_clients import django_caller, flask_caller, starlette_caller

CATALOGUES = {
    "flask and fastapi": ROOT / "snippets/i18n/translations/fr/LC_MESSAGES/messages.po",
    "django": ROOT / "snippets/i18n/locale/fr/LC_MESSAGES/django.po",
}
ENGLISH = {"language": "en", "greeting": "Welcome back!", "unread": "3 new messages"}
FRENCH = {"language": "fr", "greeting": "Bon retour !", "unread": "3 nouveaux messages"}


def read(path):
    with path.open("rb") as source:
        return read_po(source)


def form(**fields):
    return {"data": urlencode(fields), "content_type": "application/x-www-form-urlencoded"}


@pytest.fixture(scope="module", autouse=True)
def compiled_catalogues():
    written = []
    for source in CATALOGUES.values():
        target = source.with_suffix(".mo")
        with target.open("wb") as output:
            write_mo(output, read(source))
        written.append(target)
    yield
    for target in written:
        target.unlink()


@pytest.fixture(params=FRAMEWORKS)
def app(request):
    if request.param == "flask":
        from snippets.i18n import flask_app

        return "flask", flask_caller(flask_app.app.test_client())
    if request.param == "fastapi":
        from snippets.i18n import fastapi_app

        return "fastapi", starlette_caller(TestClient(importlib.reload(fastapi_app).app))
    settings = request.getfixturevalue("settings")
    local = importlib.import_module("snippets.i18n.django_settings")
    for name in ("ROOT_URLCONF", "LANGUAGE_CODE", "LANGUAGES", "LOCALE_PATHS", "MIDDLEWARE"):
        setattr(settings, name, getattr(local, name))
    return "django", django_caller(request.getfixturevalue("client"))


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        (None, ENGLISH),
        ("fr", FRENCH),
        ("fr-CA", FRENCH),
        ("fr-CA,fr;q=0.9,en;q=0.8", FRENCH),
        ("en;q=0.4, fr;q=0.8", FRENCH),
        ("de-DE,de;q=0.9", ENGLISH),
        ("de, en;q=0.5, fr;q=0.9", FRENCH),
    ],
)
def test_the_accept_language_header_picks_the_language(app, accept_language, expected):
    _, call = app
    reply = call("GET", "/inbox/3", headers={"Accept-Language": accept_language} if accept_language else {})
    assert reply.status == 200
    assert reply.json() == expected
    assert reply.headers["Content-Language"] == expected["language"]
    assert "Accept-Language" in reply.headers["Vary"]


@pytest.mark.parametrize(
    ("count", "english", "french"),
    [
        (0, "0 new messages", "0 nouveau message"),
        (1, "1 new message", "1 nouveau message"),
        (2, "2 new messages", "2 nouveaux messages"),
    ],
)
def test_plurals_follow_each_language_s_rule(app, count, english, french):
    _, call = app
    assert call("GET", f"/inbox/{count}", headers={"Accept-Language": "en"}).json()["unread"] == english
    assert call("GET", f"/inbox/{count}", headers={"Accept-Language": "fr"}).json()["unread"] == french


def test_the_reader_switches_language_against_the_browser_s_header(app):
    framework, call = app
    browser = {"Accept-Language": "en"}
    if framework == "django":
        switched = call("POST", "/i18n/setlang/", headers=browser, **form(language="fr", next="/inbox/3"))
        assert (switched.status, switched.headers["Location"]) == (302, "/inbox/3")
        assert any(cookie.startswith("django_language=fr;") for cookie in switched.set_cookies)
        path = "/inbox/3"
    else:
        path = "/inbox/3?lang=fr"
    assert call("GET", path, headers=browser).json() == FRENCH


def test_an_unknown_language_in_the_switch_is_ignored(app):
    framework, call = app
    if framework == "django":
        call("POST", "/i18n/setlang/", **form(language="xx", next="/inbox/3"))
        path = "/inbox/3"
    else:
        path = "/inbox/3?lang=xx"
    assert call("GET", path, headers={"Accept-Language": "fr"}).json() == FRENCH


@pytest.mark.parametrize("header", ["fr;q=abc, en", ",,;", "*"])
def test_a_malformed_header_falls_back_without_an_error(app, header):
    _, call = app
    reply = call("GET", "/inbox/3", headers={"Accept-Language": header})
    assert reply.status == 200
    assert reply.json()["language"] in {"en", "fr"}


@pytest.mark.parametrize("name", CATALOGUES)
def test_every_message_the_apps_use_is_translated(name):
    catalogue = read(CATALOGUES[name])
    apps = ["flask_app.py", "fastapi_app.py"] if name != "django" else ["django_app.py"]
    keywords = {"gettext": None, "ngettext": (1, 2)}
    used = {
        message
        for app in apps
        for _, message, _, _ in extract_from_file("python", ROOT / "snippets/i18n" / app, keywords=keywords)
    }
    assert used == {message.id for message in catalogue if message.id}
    assert all(message.string and all(message.string) for message in catalogue if message.id)
    assert not any(message.fuzzy for message in catalogue if message.id)
