"""Django REST framework to Django Ninja, side by side (docs/migrate/drf-to-ninja.md).

One client suite, the same requests with the same expected answers, runs against every
step under snippets/migrate/drf_to_ninja/, at both URLs a client may call: the old one
that DRF serves (`/api/notes/`) and the new one that Django Ninja serves
(`/api/v2/notes/`). It speaks to every step through Django's test client with CSRF
checks on, as a browser would meet them, logged in with HTTP Basic or with a session.

`DRF` is what the DRF viewset answers. `NINJA` lists, exactly, every answer of the Ninja
API that differs from it; every other answer must be equal. Step 2 adds deprecation
headers to the old URL, step 3 answers it with `410 Gone`. The page shows these tables.
"""

from __future__ import annotations

import importlib
import sys
from base64 import b64encode
from dataclasses import dataclass, replace
from types import ModuleType

import httpx
import pytest
from django.contrib.auth.models import User
from django.core.handlers.wsgi import WSGIHandler
from django.test import Client

from guide import migrate
from snippets.migrate.drf_to_ninja.models import Note
from tests.migrate import suite
from tests.migrate.suite import Answer
from tests.support import django_db

pytestmark = pytest.mark.django_db

PATH = migrate.path("drf-to-ninja")
STEPS = list(range(len(PATH.steps)))
OLD, NEW = "/api/notes/", "/api/v2/notes/"
USERNAME, PASSWORD = "ann", "correct horse battery staple"
CSRF_TOKEN = "a" * 32
FAST_HASHER = ["django.contrib.auth.hashers.MD5PasswordHasher"]
"""For the in-process tests only, as Django's testing docs advise: the snippets keep the default hasher."""


def basic(username: str, password: str) -> dict[str, str]:
    return {"Authorization": "Basic " + b64encode(f"{username}:{password}".encode()).decode()}


@dataclass(frozen=True)
class Request:
    method: str
    url: str
    """Relative to the resource's URL, old or new."""
    auth: str | None = None
    """`basic`, `wrong-password`, `session` (with the CSRF token), `session-no-csrf` or none."""
    body: str | None = None
    content_type: str = "application/json"


REQUESTS = {
    "list": Request("GET", ""),
    "list-page-2": Request("GET", "?page=2"),
    "list-page-abc": Request("GET", "?page=abc"),
    "read": Request("GET", "1/"),
    "read-missing": Request("GET", "99/"),
    "read-not-a-number": Request("GET", "abc/"),
    "create-basic": Request("POST", "", "basic", '{"title": "Call Bob"}'),
    "create-session": Request("POST", "", "session", '{"title": "Call Bob"}'),
    "create-session-no-csrf": Request("POST", "", "session-no-csrf", '{"title": "Call Bob"}'),
    "create-no-auth": Request("POST", "", None, '{"title": "Call Bob"}'),
    "create-wrong-password": Request("POST", "", "wrong-password", '{"title": "Call Bob"}'),
    "create-empty-title": Request("POST", "", "basic", '{"title": ""}'),
    "create-no-title": Request("POST", "", "basic", "{}"),
    "create-done-not-a-boolean": Request("POST", "", "basic", '{"title": "x", "done": "maybe"}'),
    "create-broken-json": Request("POST", "", "basic", "{"),
    "create-text-plain": Request("POST", "", "basic", "Call Bob", "text/plain"),
    "put": Request("PUT", "1/", "basic", '{"title": "x"}'),
    "delete": Request("DELETE", "1/", "basic"),
    "delete-missing": Request("DELETE", "99/", "basic"),
    "delete-no-auth": Request("DELETE", "1/"),
}

BUY_MILK = {"id": 1, "title": "Buy milk", "done": False}
CALL_BOB = {"id": 2, "title": "Call Bob", "done": False}
NO_CREDENTIALS = Answer(403, {"detail": "Authentication credentials were not provided."})

DRF = {
    "list": Answer(200, {"count": 1, "next": None, "previous": None, "results": [BUY_MILK]}),
    "list-page-2": Answer(404, {"detail": "Invalid page."}),
    "list-page-abc": Answer(404, {"detail": "Invalid page."}),
    "read": Answer(200, BUY_MILK),
    "read-missing": Answer(404, {"detail": "No Note matches the given query."}),
    "read-not-a-number": Answer(404, {"detail": "Not found."}),
    "create-basic": Answer(201, CALL_BOB),
    "create-session": Answer(201, CALL_BOB),
    "create-session-no-csrf": Answer(403, {"detail": "CSRF Failed: CSRF cookie not set."}),
    "create-no-auth": NO_CREDENTIALS,
    "create-wrong-password": Answer(403, {"detail": "Invalid username/password."}),
    "create-empty-title": Answer(400, {"title": ["This field may not be blank."]}),
    "create-no-title": Answer(400, {"title": ["This field is required."]}),
    "create-done-not-a-boolean": Answer(400, {"done": ["Must be a valid boolean."]}),
    "create-broken-json": Answer(
        400,
        {
            "detail": "JSON parse error - Expecting property name enclosed in double quotes: "
            + "line 1 column 2 (char 1)"
        },
    ),
    "create-text-plain": Answer(415, {"detail": 'Unsupported media type "text/plain" in request.'}),
    "put": Answer(
        405, {"detail": 'Method "PUT" not allowed.'}, allow=frozenset({"GET", "DELETE", "HEAD", "OPTIONS"})
    ),
    "delete": Answer(204),
    "delete-missing": Answer(404, {"detail": "No Note matches the given query."}),
    "delete-no-auth": NO_CREDENTIALS,
}


def invalid(kind: str, where: list[str], message: str, **context: object) -> Answer:
    """Django Ninja's 422: a list of errors, each naming where the bad value was."""
    return Answer(
        422,
        {"detail": [{"type": kind, "loc": where, "msg": message} | ({"ctx": context} if context else {})]},
    )


# --8<-- [start:changes]
CSRF_FAILED = Answer(403, {"detail": "CSRF check Failed"})
NOT_AN_INT = "Input should be a valid integer, unable to parse string as an integer"
NINJA = {
    "list": Answer(200, {"items": [BUY_MILK], "count": 1}),
    "list-page-2": Answer(200, {"items": [], "count": 1}),
    "list-page-abc": invalid("int_parsing", ["query", "page"], NOT_AN_INT),
    "read-missing": Answer(404, {"detail": "Not Found"}),
    "read-not-a-number": invalid("int_parsing", ["path", "note_id"], NOT_AN_INT),
    "create-session-no-csrf": CSRF_FAILED,
    "create-no-auth": CSRF_FAILED,
    "create-wrong-password": CSRF_FAILED,
    "create-empty-title": invalid(
        "string_too_short",
        ["body", "payload", "title"],
        "String should have at least 1 character",
        min_length=1,
    ),
    "create-no-title": invalid("missing", ["body", "payload", "title"], "Field required"),
    "create-done-not-a-boolean": invalid(
        "bool_parsing",
        ["body", "payload", "done"],
        "Input should be a valid boolean, unable to interpret input",
    ),
    "create-broken-json": Answer(400, {"detail": "Cannot parse request body"}),
    "create-text-plain": Answer(400, {"detail": "Cannot parse request body"}),
    "put": Answer(
        405, b"Method not allowed", {"Content-Type": "text/html; charset=utf-8"}, frozenset({"GET", "DELETE"})
    ),
    "delete-missing": Answer(404, {"detail": "Not Found"}),
    "delete-no-auth": CSRF_FAILED,
}
"""Where Django Ninja at /api/v2/notes/ answers otherwise than DRF at /api/notes/ (from step 1)."""

DEPRECATION = {
    "Deprecation": "@1796083200",
    "Sunset": "Tue, 01 Jun 2027 00:00:00 GMT",
    "Link": '</api/v2/notes/>; rel="successor-version"',
}
"""Added to every answer of the old URL in step 2."""

GONE = Answer(410, {"detail": "This API has moved to /api/v2/notes/"}, {"Link": DEPRECATION["Link"]})
"""Every request to the old URL from step 3 on."""
# --8<-- [end:changes]

NOT_FOUND = Answer(404)
"""A URL no route serves: Django's HTML page (the suite checks the status and the type)."""

SERVED_BY = {
    0: {OLD: "drf", NEW: None},
    1: {OLD: "drf", NEW: "ninja"},
    2: {OLD: "drf", NEW: "ninja"},
    3: {OLD: None, NEW: "ninja"},
}
"""Which framework serves each URL after each step."""


def expected(number: int, url: str, name: str) -> Answer:
    """What step `number` must answer to the request `name` at `url`."""
    framework = SERVED_BY[number][url]
    if framework == "ninja":
        return NINJA.get(name, DRF[name])
    if framework is None:
        return GONE if url == OLD else NOT_FOUND
    if number >= 2:
        return replace(DRF[name], headers=DRF[name].headers | DEPRECATION)
    return DRF[name]


def step_package(number: int) -> str:
    return suite.package(PATH.steps[number])


@pytest.fixture(params=STEPS, ids=[f"step{number}" for number in STEPS])
def step(request, settings):
    settings.PASSWORD_HASHERS = FAST_HASHER
    settings.ROOT_URLCONF = f"{step_package(request.param)}.urls"
    user = User.objects.create_user(USERNAME, password=PASSWORD)
    Note.objects.create(title="Buy milk")
    return request.param, user


def send(user: User, url: str, request: Request):
    client = Client(enforce_csrf_checks=True)
    headers = {}
    if request.auth == "basic":
        headers = basic(USERNAME, PASSWORD)
    elif request.auth == "wrong-password":
        headers = basic(USERNAME, "wrong")
    elif request.auth in ("session", "session-no-csrf"):
        client.force_login(user)
    if request.auth == "session":
        client.cookies["csrftoken"] = CSRF_TOKEN
        headers = {"X-CSRFToken": CSRF_TOKEN}
    return client.generic(
        request.method, url + request.url, request.body or "", request.content_type, headers=headers
    )


def assert_answer(response, answer: Answer, where: str) -> None:
    assert response.status_code == answer.status, f"{where}: {response.status_code} {response.content!r}"
    if answer is NOT_FOUND:
        assert response["Content-Type"] == "text/html; charset=utf-8", where
    elif answer.body is None or isinstance(answer.body, bytes):
        assert response.content == (answer.body or b""), f"{where}: body {response.content!r}"
    else:
        assert response["Content-Type"].partition(";")[0] == "application/json", where
        assert response.json() == answer.body, where
    for name, value in answer.headers.items():
        assert response.get(name) == value, f"{where}: header {name}"
    if answer.allow is not None:
        assert suite.allowed(response["Allow"]) == answer.allow, where
    if "Deprecation" not in answer.headers:
        assert "Deprecation" not in response, where


@pytest.mark.parametrize("url", [OLD, NEW], ids=["old-url", "new-url"])
@pytest.mark.parametrize("name", REQUESTS)
def test_every_step_gives_the_suite_the_answers_it_expects(step, url, name):
    number, user = step
    assert_answer(
        send(user, url, REQUESTS[name]), expected(number, url, name), f"step {number}, {url}, {name}"
    )


def test_every_listed_difference_is_a_difference_and_names_a_real_request():
    assert DRF.keys() == REQUESTS.keys()
    for name, answer in NINJA.items():
        assert name in REQUESTS
        assert answer != DRF[name], name


@pytest.mark.parametrize("number", [1, 2], ids=["step1", "step2"])
def test_a_note_written_through_one_framework_is_read_through_the_other(number, settings):
    settings.PASSWORD_HASHERS = FAST_HASHER
    settings.ROOT_URLCONF = f"{step_package(number)}.urls"
    user = User.objects.create_user(USERNAME, password=PASSWORD)
    created = send(user, OLD, REQUESTS["create-basic"]).json()
    assert send(user, NEW, Request("GET", f"{created['id']}/")).json() == created
    assert send(user, NEW, Request("DELETE", f"{created['id']}/", "basic")).status_code == 204
    assert send(user, OLD, Request("GET", f"{created['id']}/")).status_code == 404


def test_every_step_has_a_wsgi_entry_point_for_its_own_urls(monkeypatch):
    for number in STEPS:
        monkeypatch.setenv("DJANGO_URLCONF", f"{step_package(number)}.urls")
        module, _, attribute = PATH.steps[number].app.partition(":")
        sys.modules.pop(module, None)
        assert isinstance(getattr(importlib.import_module(module), attribute), WSGIHandler)


def test_the_ninja_api_documents_the_routes_drf_served(settings):
    settings.ROOT_URLCONF = f"{step_package(3)}.urls"
    from snippets.migrate.drf_to_ninja.step3.api import api

    paths = api.get_openapi_schema()["paths"]
    assert {f"{method.upper()} {url}" for url, item in paths.items() for method in item} == {
        "GET /api/v2/notes/",
        "POST /api/v2/notes/",
        "GET /api/v2/notes/{note_id}/",
        "DELETE /api/v2/notes/{note_id}/",
    }


NOTE = CALL_BOB | {"id": 1}
CONVERSATION = [
    (OLD, Request("POST", "", "basic", '{"title": "Call Bob"}'), 201, {"drf": NOTE, "ninja": NOTE}),
    (NEW, Request("GET", "1/"), 200, {"drf": NOTE, "ninja": NOTE}),
    (
        OLD,
        Request("GET", ""),
        200,
        {
            "drf": {"count": 1, "next": None, "previous": None, "results": [NOTE]},
            "ninja": {"items": [NOTE], "count": 1},
        },
    ),
    (NEW, Request("DELETE", "1/", "basic"), 204, {"drf": None, "ninja": None}),
    (
        OLD,
        Request("GET", "1/"),
        404,
        {"drf": {"detail": "No Note matches the given query."}, "ninja": {"detail": "Not Found"}},
    ),
]
"""Requests in order, each to the URL it prefers, with its status and its body as each framework sends it.

A request goes to the other URL when its own is not served at that step. DRF's JSON
renderer writes compact JSON (`{"id":1`), Django Ninja's puts a space after each separator
(`{"id": 1`): the bytes tell which framework answered.
"""


def answered_by(response: httpx.Response) -> str:
    return "ninja" if b'": ' in response.content else "drf"


@suite.over_steps(STEPS)
def test_drf_and_ninja_routes_answer_on_one_real_server(number, tmp_path):
    env = django_db.with_superuser(django_db.sqlite_site(tmp_path / "db.sqlite3"), USERNAME, PASSWORD)
    served = SERVED_BY[number]
    frameworks = set()
    with suite.on_real_server(PATH.steps[number], "/api/", env) as (server, http):
        for preferred, request, status, bodies in CONVERSATION:
            url = preferred if served[preferred] else next(url for url in served if served[url])
            framework = served[url]
            response = http.request(
                request.method,
                url + request.url,
                content=request.body,
                headers=(basic(USERNAME, PASSWORD) if request.auth else {})
                | {"Content-Type": request.content_type},
            )
            assert response.status_code == status, f"{url}{request.url}: {response.text}"
            if bodies[framework] is None:
                assert response.content == b""
                continue
            assert response.json() == bodies[framework]
            assert answered_by(response) == framework, f"{url} should be answered by {framework}"
            frameworks.add(framework)
        for url in [url for url in served if not served[url]]:
            assert http.get(url).status_code == expected(number, url, "list").status
    assert frameworks == {framework for framework in served.values() if framework}
    assert server.process.returncode is not None


def test_django_auth_before_basic_auth_would_fail_every_basic_auth_write(settings):
    from django.urls import path
    from ninja import NinjaAPI
    from ninja.security import django_auth

    from snippets.migrate.drf_to_ninja.step1.api import BasicAuth

    settings.PASSWORD_HASHERS = FAST_HASHER
    User.objects.create_user(USERNAME, password=PASSWORD)
    orders = {"basic-first": [BasicAuth(), django_auth], "session-first": [django_auth, BasicAuth()]}
    urlpatterns = []
    for name, auth in orders.items():
        api = NinjaAPI(urls_namespace=name, auth=auth)
        api.post("/write")(lambda request: {"user": request.auth.get_username()})
        urlpatterns.append(path(f"{name}/", api.urls))
    urls = ModuleType("auth_order_urls")
    urls.urlpatterns = urlpatterns
    settings.ROOT_URLCONF = urls
    client = Client(enforce_csrf_checks=True)
    answers = {name: client.post(f"/{name}/write", headers=basic(USERNAME, PASSWORD)) for name in orders}
    assert answers["basic-first"].json() == {"user": USERNAME}
    assert (answers["session-first"].status_code, answers["session-first"].json()) == (403, CSRF_FAILED.body)
