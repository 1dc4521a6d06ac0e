"""Documented requests on docs/tasks/basics.md (params, validation, errors) get the documented answers.

Each case is a request file and one answer file per framework under
`snippets/<task>/examples/`; the page includes them, and these tests send the
request through each framework's test client and compare the live answer.
"""

import importlib

import pytest

from guide import ROOT
from guide.frameworks import FRAMEWORKS
from tests.support.http_answers import (
    BASICS_CASES,
    assert_saved,
    included_by,
    read_request,
    request_file,
    response_file,
    send_django,
    send_fastapi,
    send_flask,
)

PAGE = "tasks/basics.md"
CASES = [(task, case) for task, cases in BASICS_CASES.items() for case in cases]


def app(task: str, framework: str):
    return importlib.import_module(f"snippets.{task}.{framework}_app").app


@pytest.mark.parametrize("task", list(BASICS_CASES))
def test_every_example_file_is_a_documented_case_shown_on_the_page(task):
    cases = BASICS_CASES[task]
    files = sorted(
        str(path.relative_to(ROOT)) for path in (ROOT / f"snippets/{task}/examples").glob("*.http")
    )
    expected = sorted(
        [request_file(task, case) for case in cases]
        + [response_file(task, case, name) for case in cases for name in FRAMEWORKS]
    )
    assert files == expected
    assert [path for path in files if not included_by(PAGE, path)] == []


@pytest.mark.parametrize(("task", "case"), CASES)
def test_flask_answers_as_documented(task, case):
    answer = send_flask(app(task, "flask"), read_request(request_file(task, case)))
    assert_saved(response_file(task, case, "flask"), answer)


@pytest.mark.parametrize(("task", "case"), CASES)
def test_fastapi_answers_as_documented(task, case):
    answer = send_fastapi(app(task, "fastapi"), read_request(request_file(task, case)))
    assert_saved(response_file(task, case, "fastapi"), answer)


@pytest.mark.parametrize(
    ("task", "case"),
    [pytest.param(task, case, marks=pytest.mark.urls(f"snippets.{task}.django_app")) for task, case in CASES],
)
def test_django_answers_as_documented(task, case, client):
    answer = send_django(client, read_request(request_file(task, case)))
    assert_saved(response_file(task, case, "django"), answer)
