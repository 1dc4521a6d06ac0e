"""Documented HTTP examples: request and response files under `snippets/<task>/examples/`.

A page includes them with `--8<--` and a test sends the request to the real app and
compares the answer, so the page cannot drift from what the app does. A request file:

    GET /items/3?limit=abc HTTP/1.1

A response file, one per framework (`<case>.<framework>.http`):

    HTTP/1.1 422 Unprocessable Content
    content-type: application/json

    {"detail": [...]}

The status code (with its standard reason phrase), each listed header and the body must
match. A JSON body is compared as parsed JSON, so the page may pretty-print it; any
other body is compared as text.

After a deliberate change of behaviour (or a framework upgrade that changes a message),
rewrite the response files from the live answers, review the diff, and commit it:

    UPDATE_EXAMPLES=1 .venv/bin/pytest tests/tasks/test_params.py tests/tasks/test_validation.py \
        tests/tasks/test_errors.py tests/tasks/test_settings.py
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from http import HTTPStatus
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
UNORDERED_HEADERS = {"allow"}
"""Headers whose comma-separated values are a set (Flask builds `Allow` from a set, in no fixed order)."""


def _tokens(value: str | None) -> set[str] | None:
    return None if value is None else {token.strip() for token in value.split(",")}


@dataclass(frozen=True)
class ExampleRequest:
    """A request as a page documents it."""

    method: str
    target: str
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""


@dataclass(frozen=True)
class ExampleResponse:
    """A response as a page documents it."""

    path: str
    status: int
    headers: dict[str, str]
    body: str


@dataclass(frozen=True)
class Answer:
    """What an app answered: status, case-insensitive headers, raw body."""

    status: int
    headers: Mapping[str, str]
    body: bytes


def _split(path: str) -> tuple[str, list[str], str]:
    text = (ROOT / path).read_text(encoding="utf-8")
    head, _, body = text.partition("\n\n")
    first, *header_lines = head.strip("\n").splitlines()
    return first, header_lines, body.rstrip("\n")


def _headers(path: str, lines: list[str]) -> dict[str, str]:
    pairs = [line.split(": ", 1) for line in lines]
    assert all(len(pair) == 2 for pair in pairs), f"{path}: a header line has no ': '"
    return {name.lower(): value for name, value in pairs}


def example_request(path: str) -> ExampleRequest:
    """Read a request file (path relative to the repository root)."""
    first, header_lines, body = _split(path)
    method, target, version = first.split(" ")
    assert version == "HTTP/1.1", f"{path}: request line must end with HTTP/1.1"
    return ExampleRequest(method, target, _headers(path, header_lines), body.encode("utf-8"))


def example_response(path: str) -> ExampleResponse:
    """Read a response file (path relative to the repository root)."""
    first, header_lines, body = _split(path)
    version, code, phrase = first.split(" ", 2)
    assert version == "HTTP/1.1", f"{path}: status line must start with HTTP/1.1"
    assert HTTPStatus(int(code)).phrase == phrase, f"{path}: {code} is not {phrase!r}"
    return ExampleResponse(path, int(code), _headers(path, header_lines), body)


def pretty_json(value: object, indent: int = 0) -> str:
    """JSON with one key per line, but short lists of plain values (such as `loc`) on one line."""
    pad = "  " * (indent + 1)
    if isinstance(value, dict) and value:
        items = [f"{pad}{json.dumps(key)}: {pretty_json(item, indent + 1)}" for key, item in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + "  " * indent + "}"
    if isinstance(value, list) and any(isinstance(item, dict | list) for item in value):
        items = [pad + pretty_json(item, indent + 1) for item in value]
        return "[\n" + ",\n".join(items) + "\n" + "  " * indent + "]"
    return json.dumps(value, ensure_ascii=False)


def write_example(path: str, answer: Answer) -> None:
    """Write a response file from a real answer, keeping the headers the existing file lists."""
    file = ROOT / path
    names = list(example_response(path).headers) if file.is_file() else ["content-type"]
    lines = [f"HTTP/1.1 {answer.status} {HTTPStatus(answer.status).phrase}"]
    lines += [f"{name}: {answer.headers.get(name)}" for name in names if answer.headers.get(name) is not None]
    text = answer.body.decode("utf-8")
    if answer.headers.get("content-type") == "application/json":
        text = pretty_json(json.loads(text))
    file.write_text("\n".join(lines) + "\n\n" + text.rstrip("\n") + "\n", encoding="utf-8")


def assert_example(path: str, answer: Answer) -> None:
    """Assert that a real answer (status, headers, body) is the response the file `path` documents.

    With `UPDATE_EXAMPLES=1` in the environment, rewrite the file from the answer first.
    """
    if os.environ.get("UPDATE_EXAMPLES") == "1":
        write_example(path, answer)
    expected = example_response(path)
    status, headers, text = answer.status, answer.headers, answer.body.decode("utf-8")
    assert status == expected.status, f"{path}: got status {status}, documented {expected.status}: {text}"
    assert status < 500, f"{path}: a documented input must never get a server error"
    for name, value in expected.headers.items():
        actual = headers.get(name)
        if name in UNORDERED_HEADERS:
            actual, value = _tokens(actual), _tokens(value)
        assert actual == value, f"{path}: header {name} is {headers.get(name)!r}"
    if expected.headers.get("content-type") == "application/json":
        assert json.loads(text) == json.loads(expected.body), f"{path}: got body {text}"
    else:
        assert text.rstrip("\n") == expected.body, f"{path}: got body {text!r}"


def included_by(page: str, path: str) -> bool:
    """True when the page (relative to docs/) includes `path` with a snippet include line."""
    return f'--8<-- "{path}"' in (ROOT / "docs" / page).read_text(encoding="utf-8")


def send_flask(app, request: ExampleRequest) -> Answer:
    """Send a documented request through Flask's test client."""
    response = app.test_client().open(
        request.target, method=request.method, headers=request.headers, data=request.body
    )
    return Answer(response.status_code, response.headers, response.get_data())


def send_fastapi(app, request: ExampleRequest) -> Answer:
    """Send a documented request through Starlette's TestClient."""
    from fastapi.testclient import TestClient

    with TestClient(app) as client:
        response = client.request(
            request.method, request.target, headers=request.headers, content=request.body
        )
    return Answer(response.status_code, response.headers, response.content)


def send_django(client, request: ExampleRequest) -> Answer:
    """Send a documented request through pytest-django's `client`."""
    content_type = request.headers.get("content-type", "application/octet-stream")
    response = client.generic(request.method, request.target, data=request.body, content_type=content_type)
    return Answer(response.status_code, response.headers, response.content)


def send_real(base_url: str, request: ExampleRequest, timeout: float = 5) -> Answer:
    """Send a documented request to a running server over loopback."""
    import urllib.error
    import urllib.request

    outgoing = urllib.request.Request(
        base_url + request.target, data=request.body or None, headers=request.headers, method=request.method
    )
    try:
        with urllib.request.urlopen(outgoing, timeout=timeout) as response:
            return Answer(response.status, response.headers, response.read())
    except urllib.error.HTTPError as error:
        with error:
            return Answer(error.code, error.headers, error.read())


DOCUMENTED_CASES = {
    "params": ["good", "limit_not_a_number", "limit_too_large", "id_not_a_number"],
    "validation": ["good", "missing_name", "wrong_type", "broken_json", "not_an_object"],
    "errors": ["found", "missing_item", "unknown_url", "out_of_stock", "wrong_method"],
}
"""Task -> the documented request/answer cases under `snippets/<task>/examples/`."""


def request_file(task: str, case: str) -> str:
    """The documented request of one case."""
    return f"snippets/{task}/examples/{case}.request.http"


def response_file(task: str, case: str, framework: str) -> str:
    """One framework's documented answer to one case."""
    return f"snippets/{task}/examples/{case}.{framework}.http"
