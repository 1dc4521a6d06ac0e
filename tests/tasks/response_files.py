"""Documented responses: files under `snippets/<task>/responses/`, shown on a page and compared by a test.

A file reads like the start of an HTTP response, so the page shows it as is:

    HTTP/1.1 404 Not Found
    Content-Type: application/json

    {"detail":"Note not found"}

The status code and its reason phrase, every listed header and the body must match the
real response (the body exactly, or as an excerpt when a page shows only part of a long page).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from http import HTTPStatus
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class DocumentedResponse:
    """One response as a page documents it."""

    path: str
    status: int
    headers: dict[str, str]
    body: str


def documented(path: str) -> DocumentedResponse:
    """Read a response file (path relative to the repository root)."""
    head, _, body = (ROOT / path).read_text(encoding="utf-8").partition("\n\n")
    status_line, *header_lines = head.splitlines()
    version, code, phrase = status_line.split(" ", 2)
    assert version == "HTTP/1.1", f"{path}: status line must start with HTTP/1.1"
    assert HTTPStatus(int(code)).phrase == phrase, f"{path}: {code} is not {phrase!r}"
    headers = dict(line.split(": ", 1) for line in header_lines)
    return DocumentedResponse(path, int(code), headers, body.rstrip("\n"))


def assert_documented(
    path: str, status: int, headers: Mapping[str, str], body: str | bytes, *, excerpt: bool = False
) -> None:
    """Assert that a real response (status, headers, body) is the one `path` documents."""
    expected = documented(path)
    text = body.decode("utf-8") if isinstance(body, bytes) else body
    assert status == expected.status, f"{path}: status {status}, documented {expected.status}"
    for name, value in expected.headers.items():
        assert headers.get(name) == value, f"{path}: header {name} is {headers.get(name)!r}"
    if excerpt:
        assert expected.body in text, f"{path}: documented excerpt not in body {text!r}"
    else:
        assert text.rstrip("\n") == expected.body, f"{path}: body {text!r}"
