"""One calling convention over the three test clients, so a scenario can run against every framework."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Reply:
    """What a test needs from any framework's response."""

    status: int
    headers: Mapping[str, str]
    body: bytes
    set_cookies: tuple[str, ...] = ()

    def json(self) -> Any:
        return json.loads(self.body)


Call = Callable[..., Reply]


def flask_caller(client) -> Call:
    """Wrap a Flask test client."""

    def call(method: str, path: str, json: Any = None, **kwargs) -> Reply:
        response = client.open(path, method=method, json=json, **kwargs)
        cookies = tuple(response.headers.getlist("Set-Cookie"))
        return Reply(response.status_code, response.headers, response.data, cookies)

    return call


def starlette_caller(client) -> Call:
    """Wrap a Starlette/FastAPI TestClient."""

    def call(method: str, path: str, json: Any = None, **kwargs) -> Reply:
        response = client.request(method, path, json=json, **kwargs)
        cookies = tuple(response.headers.get_list("set-cookie"))
        return Reply(response.status_code, response.headers, response.content, cookies)

    return call


def django_caller(client) -> Call:
    """Wrap a Django test client."""

    def call(method: str, path: str, json: Any = None, headers=None, **kwargs) -> Reply:
        if json is not None:
            kwargs.update(data=_dumps(json), content_type="application/json")
        response = client.generic(method, path, headers=headers, **kwargs)
        cookies = tuple(morsel.OutputString() for morsel in response.cookies.values())
        return Reply(response.status_code, response.headers, response.content, cookies)

    return call


def _dumps(value: Any) -> str:
    return json.dumps(value)
