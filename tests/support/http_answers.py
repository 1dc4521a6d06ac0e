"""Saved HTTP answers that pages show: read them, compare them with live answers, refresh them.

A page includes the files with `--8<--`, and a test compares each with what the app
really answers, so the page cannot drift from the app. A saved answer reads like the start
of an HTTP response:

    HTTP/1.1 404 Not Found
    Content-Type: application/json

    {"detail":"Note not found"}

The status code must carry its standard reason phrase; the status, every listed header and
the body must match the live answer (`Allow` as a set of methods: Flask builds it from a
set, in no fixed order), and a saved answer is never a server error. The files come in two
kinds, which differ only in how the body is written:

- `snippets/<task>/responses/<framework>_<case>.txt`: the body exactly as the app sends
  it, byte for byte, or an excerpt of a long page (`excerpt=True`).
- `snippets/<task>/examples/<case>.<framework>.http`, next to the request it answers
  (`<case>.request.http`, a request line such as `GET /items/3?limit=abc HTTP/1.1`,
  headers and a body): a JSON body is pretty-printed for the page and compared as parsed
  JSON; any other body is compared as text.

After a deliberate change of behaviour (or a framework upgrade that changes a message),
rewrite the saved answers of both kinds from the live answers, review the diff, and commit it:

    UPDATE_EXAMPLES=1 .venv/bin/pytest -p no:cacheprovider --no-cov tests/tasks
    git diff snippets/

Only files whose answer changed are rewritten (the listed headers are kept, with their
new values); an excerpt is kept as long as the live page still contains it, and otherwise
has to be chosen again by hand.
"""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass, field
from http import HTTPStatus

from guide import ROOT

REFRESH = "UPDATE_EXAMPLES"
"""With this environment variable set to `1`, `assert_saved` first rewrites a saved answer that differs."""
UNORDERED_HEADERS = {"allow"}
"""Headers whose comma-separated values are a set."""


@dataclass(frozen=True)
class Answer:
    """What an app answered: status, case-insensitive headers, body (bytes, or text already decoded)."""

    status: int
    headers: Mapping[str, str]
    body: bytes | str


def _text(answer: Answer) -> str:
    return answer.body.decode("utf-8") if isinstance(answer.body, bytes) else answer.body


@dataclass(frozen=True)
class SavedRequest:
    """A request as a page shows it (`<case>.request.http`)."""

    method: str
    target: str
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""


@dataclass(frozen=True)
class SavedAnswer:
    """An answer as a page shows it; header names as the file writes them."""

    path: str
    status: int
    headers: dict[str, str]
    body: str

    def header(self, name: str) -> str | None:
        """A listed header's value, whatever the case of its name in the file."""
        return next((value for key, value in self.headers.items() if key.lower() == name.lower()), None)


def pretty_printed(path: str) -> bool:
    """True for the examples kind, whose JSON bodies are pretty-printed; false for `responses/`."""
    return "/examples/" in path


def _split(path: str) -> tuple[str, dict[str, str], str]:
    head, _, body = (ROOT / path).read_text(encoding="utf-8").partition("\n\n")
    first, *lines = head.strip("\n").splitlines()
    pairs = [line.split(": ", 1) for line in lines]
    assert all(len(pair) == 2 for pair in pairs), f"{path}: a header line has no ': '"
    return first, dict(pairs), body.rstrip("\n")


def read_request(path: str) -> SavedRequest:
    """Read a saved request (path relative to the repository root)."""
    first, headers, body = _split(path)
    method, target, version = first.split(" ")
    assert version == "HTTP/1.1", f"{path}: request line must end with HTTP/1.1"
    return SavedRequest(method, target, headers, body.encode("utf-8"))


def read_answer(path: str) -> SavedAnswer:
    """Read a saved answer (path relative to the repository root)."""
    first, headers, body = _split(path)
    version, code, phrase = first.split(" ", 2)
    assert version == "HTTP/1.1", f"{path}: status line must start with HTTP/1.1"
    assert HTTPStatus(int(code)).phrase == phrase, f"{path}: {code} is not {phrase!r}"
    return SavedAnswer(path, int(code), headers, body)


def _tokens(value: str | None) -> set[str] | None:
    return None if value is None else {token.strip() for token in value.split(",")}


def _same_header(name: str, actual: str | None, saved: str) -> bool:
    if name.lower() in UNORDERED_HEADERS:
        return _tokens(actual) == _tokens(saved)
    return actual == saved


def differences(saved: SavedAnswer, answer: Answer, excerpt: bool = False) -> list[str]:
    """How a live answer differs from the saved one; empty when it is the same."""
    path, text = saved.path, _text(answer)
    found = []
    if answer.status != saved.status:
        found.append(f"{path}: got status {answer.status}, saved {saved.status}: {text}")
    if answer.status >= 500:
        found.append(f"{path}: a saved answer must never be a server error")
    for name, value in saved.headers.items():
        actual = answer.headers.get(name)
        if not _same_header(name, actual, value):
            found.append(f"{path}: header {name} is {actual!r}, saved {value!r}")
    if excerpt:
        same = saved.body in text
    elif pretty_printed(path) and saved.header("content-type") == "application/json":
        same = json.loads(text) == json.loads(saved.body)
    else:
        same = text.rstrip("\n") == saved.body
    if not same:
        found.append(f"{path}: got body {text!r}" + (" without the saved excerpt" if excerpt else ""))
    return found


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


def write_answer(path: str, answer: Answer, excerpt: bool = False) -> None:
    """Write a saved answer from a live one, keeping the headers (and an excerpt) the file has."""
    file = ROOT / path
    saved = read_answer(path) if file.is_file() else None
    names = list(saved.headers) if saved else ["content-type" if pretty_printed(path) else "Content-Type"]
    lines = [f"HTTP/1.1 {answer.status} {HTTPStatus(answer.status).phrase}"]
    lines += [f"{name}: {answer.headers.get(name)}" for name in names if answer.headers.get(name) is not None]
    text = _text(answer)
    if excerpt and saved:
        text = saved.body
    elif pretty_printed(path) and answer.headers.get("content-type") == "application/json":
        text = pretty_json(json.loads(text))
    file.write_text("\n".join(lines) + "\n\n" + text.rstrip("\n") + "\n", encoding="utf-8")


def assert_saved(path: str, answer: Answer, *, excerpt: bool = False) -> None:
    """Assert that a live answer is the one saved at `path` (relative to the repository root).

    `answer` is anything with `status`, `headers` and `body`. With `UPDATE_EXAMPLES=1` in the
    environment, a saved answer that differs is first rewritten from the live one.
    """
    if os.environ.get(REFRESH) == "1" and (
        not (ROOT / path).is_file() or differences(read_answer(path), answer, excerpt)
    ):
        write_answer(path, answer, excerpt)
    problems = differences(read_answer(path), answer, excerpt)
    assert not problems, "\n".join(problems)


def included_by(page: str, path: str) -> bool:
    """True when the page (relative to docs/) includes `path` with a snippet include line."""
    return f'--8<-- "{path}"' in (ROOT / "docs" / page).read_text(encoding="utf-8")


# --------------------------------------------------------------------------- the examples of tasks/basics.md

BASICS_CASES = {
    "params": ["good", "limit_not_a_number", "limit_too_large", "id_not_a_number"],
    "validation": ["good", "missing_name", "wrong_type", "broken_json", "not_an_object"],
    "errors": ["found", "missing_item", "unknown_url", "out_of_stock", "wrong_method"],
}
"""Task -> its saved request/answer cases under `snippets/<task>/examples/`, shown on docs/tasks/basics.md."""


def request_file(task: str, case: str) -> str:
    """The saved request of one case."""
    return f"snippets/{task}/examples/{case}.request.http"


def response_file(task: str, case: str, framework: str) -> str:
    """One framework's saved answer to one case."""
    return f"snippets/{task}/examples/{case}.{framework}.http"


# --------------------------------------------------------------------------- sending a saved request


def send_flask(app, request: SavedRequest) -> Answer:
    """Send a saved request through Flask's test client."""
    response = app.test_client().open(
        request.target, method=request.method, headers=request.headers, data=request.body
    )
    return Answer(response.status_code, response.headers, response.get_data())


def send_fastapi(app, request: SavedRequest) -> Answer:
    """Send a saved request through Starlette's TestClient."""
    from fastapi.testclient import TestClient

    with TestClient(app) as client:
        response = client.request(
            request.method, request.target, headers=request.headers, content=request.body
        )
    return Answer(response.status_code, response.headers, response.content)


def send_django(client, request: SavedRequest) -> Answer:
    """Send a saved request through pytest-django's `client`."""
    content_type = request.headers.get("content-type", "application/octet-stream")
    response = client.generic(request.method, request.target, data=request.body, content_type=content_type)
    return Answer(response.status_code, response.headers, response.content)


def send_real(base_url: str, request: SavedRequest, timeout: float = 5) -> Answer:
    """Send a saved request to a running server over loopback."""
    return fetch(base_url + request.target, request.method, request.body or None, request.headers, timeout)


def fetch(
    url: str,
    method: str = "GET",
    data: bytes | None = None,
    headers: Mapping[str, str] | None = None,
    timeout: float = 5,
) -> Answer:
    """One request with urllib; an HTTP error status is an answer like any other."""
    outgoing = urllib.request.Request(url, data=data, headers=dict(headers or {}), method=method)
    try:
        with urllib.request.urlopen(outgoing, timeout=timeout) as response:
            return Answer(response.status, response.headers, response.read())
    except urllib.error.HTTPError as error:
        with error:
            return Answer(error.code, error.headers, error.read())


def fetch_json(url: str, method: str = "GET", payload: object = None, **headers: str) -> Answer:
    """`fetch` with a JSON body (when `payload` is not None) and `Content-Type: application/json`."""
    data = None if payload is None else json.dumps(payload).encode()
    return fetch(url, method, data, {"Content-Type": "application/json", **headers})
