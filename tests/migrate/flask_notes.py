"""The Flask notes API that two paths start from (docs/migrate/flask-to-fastapi.md, flask-to-apiflask.md).

Step 0 of both paths is the same small Flask app: notes behind a bearer token
(`API_TOKEN`), errors as `{code, name, description}`. `REQUESTS` is the part of the client
suite both paths send, and `BEFORE` what that app answers; each path adds the requests
its move is about.
"""

from __future__ import annotations

import secrets
from dataclasses import replace

from tests.migrate.suite import NO_URL, Answer, Request, error

TOKEN = secrets.token_urlsafe(32)
AUTH = {"Authorization": f"Bearer {TOKEN}"}
NO_TOKEN = error(401, "Unauthorized", "Invalid or missing token", **{"WWW-Authenticate": "Bearer"})
BAD_TITLE = error(400, "Bad Request", "title must be a string of 1 to 200 characters")

REQUESTS = {
    "list": Request("GET", "/notes"),
    "list-head": Request("HEAD", "/notes"),
    "list-trailing-slash": Request("GET", "/notes/"),
    "read": Request("GET", "/notes/1"),
    "read-missing": Request("GET", "/notes/99"),
    "read-not-a-number": Request("GET", "/notes/abc"),
    "create": Request("POST", "/notes", AUTH, {"title": "Call Bob"}),
    "create-lower-case-scheme": Request(
        "POST", "/notes", {"Authorization": f"bearer {TOKEN}"}, {"title": "x"}
    ),
    "create-no-token": Request("POST", "/notes", json={"title": "Call Bob"}),
    "create-wrong-token": Request("POST", "/notes", {"Authorization": "Bearer wrong"}, {"title": "Call Bob"}),
    "create-no-token-bad-body": Request("POST", "/notes", content=b"nope"),
    "create-empty-title": Request("POST", "/notes", AUTH, {"title": ""}),
    "create-not-json": Request("POST", "/notes", AUTH | {"Content-Type": "text/plain"}, content=b"Call Bob"),
    "put-notes": Request("PUT", "/notes"),
    "delete": Request("DELETE", "/notes/1", AUTH),
    "delete-missing": Request("DELETE", "/notes/99", AUTH),
    "delete-no-token": Request("DELETE", "/notes/1"),
    "unknown-url": Request("GET", "/nothing-here"),
}

BEFORE = {
    "list": Answer(200, [{"id": 1, "title": "Buy milk"}]),
    "list-head": Answer(200),
    "list-trailing-slash": error(404, "Not Found", NO_URL),
    "read": Answer(200, {"id": 1, "title": "Buy milk"}),
    "read-missing": error(404, "Not Found", "Note not found"),
    "read-not-a-number": error(404, "Not Found", NO_URL),
    "create": Answer(201, {"id": 2, "title": "Call Bob"}),
    "create-lower-case-scheme": Answer(201, {"id": 2, "title": "x"}),
    "create-no-token": NO_TOKEN,
    "create-wrong-token": NO_TOKEN,
    "create-no-token-bad-body": NO_TOKEN,
    "create-empty-title": BAD_TITLE,
    "create-not-json": BAD_TITLE,
    "put-notes": replace(
        error(405, "Method Not Allowed", "The method is not allowed for the requested URL."),
        allow=frozenset({"GET", "HEAD", "OPTIONS", "POST"}),
    ),
    "delete": Answer(204),
    "delete-missing": error(404, "Not Found", "Note not found"),
    "delete-no-token": NO_TOKEN,
    "unknown-url": error(404, "Not Found", NO_URL),
}
"""What the Flask app of step 0 answers to each of `REQUESTS`."""
