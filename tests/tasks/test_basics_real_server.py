"""Documented bad input sent to the real production servers (gunicorn, uvicorn) on 127.0.0.1.

Covers the `params`, `validation` and `errors` tasks of docs/tasks/basics.md: each server must answer
every documented request with the documented status, headers and body.
"""

import pytest

from tests.support.http_answers import (
    BASICS_CASES,
    assert_saved,
    read_request,
    request_file,
    response_file,
    send_real,
)
from tests.support.servers import task_app

READY_PATH = {"params": "/items/1", "validation": "/items", "errors": "/items/1"}


@pytest.mark.parametrize("framework", ["flask", "fastapi", "django"])
@pytest.mark.parametrize("task", list(BASICS_CASES))
def test_documented_requests_get_documented_answers_from_the_production_server(task, framework, serve_app):
    server = serve_app(task_app(task, framework), ready_path=READY_PATH[task])
    for case in BASICS_CASES[task]:
        request = read_request(request_file(task, case))
        answer = send_real(server.base_url, request, timeout=5)
        assert_saved(response_file(task, case, framework), answer)
