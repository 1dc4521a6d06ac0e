"""Path and query parameters (docs/tasks/basics.md#params): documented requests get documented answers."""

import pytest
from fastapi.testclient import TestClient

from snippets.params import fastapi_app, flask_app
from tests.tasks.http_examples import (
    ROOT,
    assert_example,
    example_request,
    included_by,
    send_django,
    send_fastapi,
    send_flask,
)

EXAMPLES = "snippets/params/examples"
CASES = ["good", "limit_not_a_number", "limit_too_large", "id_not_a_number"]
PAGE = "tasks/basics.md"


def request_file(case: str) -> str:
    return f"{EXAMPLES}/{case}.request.http"


def response_file(case: str, framework: str) -> str:
    return f"{EXAMPLES}/{case}.{framework}.http"


def test_every_example_file_is_a_documented_case_shown_on_the_page():
    files = sorted(str(path.relative_to(ROOT)) for path in (ROOT / EXAMPLES).glob("*.http"))
    expected = sorted(
        [request_file(case) for case in CASES]
        + [response_file(case, name) for case in CASES for name in ("flask", "fastapi", "django")]
    )
    assert files == expected
    assert [path for path in files if not included_by(PAGE, path)] == []


@pytest.mark.parametrize("case", CASES)
def test_flask_answers_as_documented(case):
    answer = send_flask(flask_app.app, example_request(request_file(case)))
    assert_example(response_file(case, "flask"), answer)


@pytest.mark.parametrize("case", CASES)
def test_fastapi_answers_as_documented(case):
    answer = send_fastapi(fastapi_app.app, example_request(request_file(case)))
    assert_example(response_file(case, "fastapi"), answer)


@pytest.mark.urls("snippets.params.django_app")
@pytest.mark.parametrize("case", CASES)
def test_django_answers_as_documented(case, client):
    answer = send_django(client, example_request(request_file(case)))
    assert_example(response_file(case, "django"), answer)


DEFAULTS = {"item_id": 7, "q": None, "limit": 10}


def test_flask_applies_the_defaults():
    assert flask_app.app.test_client().get("/items/7").get_json() == DEFAULTS


def test_fastapi_applies_the_defaults():
    with TestClient(fastapi_app.app) as client:
        assert client.get("/items/7").json() == DEFAULTS


@pytest.mark.urls("snippets.params.django_app")
def test_django_applies_the_defaults(client):
    assert client.get("/items/7").json() == DEFAULTS


def test_flask_silently_replaces_a_bad_limit_with_the_default():
    body = flask_app.app.test_client().get("/items/3?limit=abc").get_json()
    assert body["limit"] == 10


@pytest.mark.parametrize("limit", ["0", "101", "-5"])
def test_flask_rejects_a_limit_out_of_range(limit):
    response = flask_app.app.test_client().get(f"/items/3?limit={limit}")
    assert response.status_code == 400
    assert response.get_json() == {"error": "limit must be between 1 and 100"}


def test_fastapi_accepts_a_negative_id_that_flask_and_django_route_to_404():
    with TestClient(fastapi_app.app) as client:
        assert client.get("/items/-1").json() == {"item_id": -1, "q": None, "limit": 10}
    assert flask_app.app.test_client().get("/items/-1").status_code == 404


@pytest.mark.urls("snippets.params.django_app")
def test_django_routes_a_negative_id_to_404_and_treats_an_empty_limit_as_missing(client):
    assert client.get("/items/-1").status_code == 404
    assert client.get("/items/3?limit=").json() == {"item_id": 3, "q": None, "limit": 10}


@pytest.mark.urls("snippets.params.django_app")
def test_django_rejects_post(client):
    assert client.post("/items/3").status_code == 405
