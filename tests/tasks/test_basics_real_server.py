"""Documented bad input sent to the real production servers (gunicorn, uvicorn) on 127.0.0.1.

Covers the `params`, `validation` and `errors` tasks of docs/tasks/basics.md: each server must answer
every documented request with the documented status, headers and body.
"""

import sys
from pathlib import Path

import pytest

from guide.servers import free_port, serve
from tests.tasks.http_examples import (
    DOCUMENTED_CASES,
    assert_example,
    example_request,
    request_file,
    response_file,
    send_real,
)

BIN = Path(sys.executable).parent
READY_PATH = {"params": "/items/1", "validation": "/items", "errors": "/items/1"}


def gunicorn(app: str, port: int) -> list[str]:
    return [str(BIN / "gunicorn"), "--bind", f"127.0.0.1:{port}", "--workers", "1", app]


def uvicorn(app: str, port: int) -> list[str]:
    return [str(BIN / "uvicorn"), "--host", "127.0.0.1", "--port", str(port), "--no-access-log", app]


def server(task: str, framework: str, port: int) -> tuple[list[str], dict[str, str]]:
    """The production command line and extra environment for one task's app."""
    if framework == "flask":
        return gunicorn(f"snippets.{task}.flask_app:app", port), {}
    if framework == "fastapi":
        return uvicorn(f"snippets.{task}.fastapi_app:app", port), {}
    return gunicorn("snippets.django_site.wsgi:app", port), {"DJANGO_URLCONF": f"snippets.{task}.django_app"}


@pytest.mark.parametrize("framework", ["flask", "fastapi", "django"])
@pytest.mark.parametrize("task", list(DOCUMENTED_CASES))
def test_documented_requests_get_documented_answers_from_the_production_server(task, framework):
    port = free_port()
    command, env = server(task, framework, port)
    with serve(command, port, ready_path=READY_PATH[task], env=env, timeout=30) as running:
        for case in DOCUMENTED_CASES[task]:
            request = example_request(request_file(task, case))
            answer = send_real(running.base_url, request, timeout=5)
            assert_example(response_file(task, case, framework), answer)
    assert running.process.returncode is not None
