"""The snippet apps that publish an OpenAPI document, loaded in process for the contract tests.

Each entry names the snippet file, the library that writes its document and the framework
column of the matrix it belongs to. Apps that read settings from the environment at import
are loaded as a private copy of their module with those variables set, so the copy the task
tests import (with their own values) is never touched.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import tempfile
from dataclasses import dataclass, field
from types import ModuleType
from unittest import mock

from django.core.handlers.wsgi import WSGIHandler
from pwdlib import PasswordHash

from guide import ROOT

SCRATCH = tempfile.mkdtemp(prefix="contract-")


@dataclass(frozen=True)
class ContractApp:
    """One snippet app whose OpenAPI document the contract tests check."""

    key: str
    file: str
    library: str
    framework: str
    env: dict[str, str] = field(default_factory=dict)

    @property
    def module_name(self) -> str:
        return self.file.removesuffix(".py").replace("/", ".")

    def load(self) -> object:
        """The app object: an ASGI or WSGI callable."""
        if self.library == "Django Ninja":
            importlib.import_module(self.module_name)
            return UrlconfHandler(self.module_name)
        return self._module().app

    def _module(self) -> ModuleType:
        if not self.env:
            return importlib.import_module(self.module_name)
        package, _, module = self.module_name.rpartition(".")
        name = f"{package}.contract_{module}"
        spec = importlib.util.spec_from_file_location(name, ROOT / self.file)
        module = importlib.util.module_from_spec(spec)
        with mock.patch.dict(os.environ, self.env):
            spec.loader.exec_module(module)
        return module


class UrlconfHandler(WSGIHandler):
    """Django's WSGI handler serving one snippet's URLconf instead of the project's ROOT_URLCONF."""

    def __init__(self, urlconf: str) -> None:
        super().__init__()
        self.urlconf = urlconf

    def get_response(self, request):
        request.urlconf = self.urlconf
        return super().get_response(request)


def _fastapi(key: str, folder: str, **env: str) -> ContractApp:
    return ContractApp(key, f"snippets/{folder}/fastapi_app.py", "FastAPI", "fastapi", env)


APPS: tuple[ContractApp, ...] = (
    _fastapi("fastapi_hello", "hello"),
    _fastapi("fastapi_params", "params"),
    _fastapi("fastapi_validation", "validation"),
    _fastapi("fastapi_errors", "errors"),
    _fastapi("fastapi_openapi", "openapi"),
    _fastapi("fastapi_crud", "crud", DATABASE_URL=f"sqlite:///{SCRATCH}/notes.db"),
    _fastapi("fastapi_structure", "structure"),
    _fastapi("fastapi_background", "background"),
    _fastapi("fastapi_middleware", "middleware"),
    _fastapi("fastapi_settings", "settings", APP_SECRET_KEY="contract-tests"),
    _fastapi("fastapi_token_auth", "token_auth", API_TOKEN="contract-tests-token"),
    _fastapi(
        "fastapi_sessions",
        "sessions",
        APP_USERNAME="ada",
        APP_PASSWORD_HASH=PasswordHash.recommended().hash("contract-tests"),
        SECRET_KEY="contract-tests",
    ),
    _fastapi("fastapi_peers_validation", "peers/validation"),
    ContractApp("apiflask_openapi", "snippets/openapi/flask_app.py", "APIFlask", "flask"),
    ContractApp("apiflask_peers_hello", "snippets/peers/hello/apiflask_app.py", "APIFlask", "flask"),
    ContractApp(
        "apiflask_peers_validation", "snippets/peers/validation/apiflask_app.py", "APIFlask", "flask"
    ),
    ContractApp(
        "apiflask_pydantic_peers_validation",
        "snippets/peers/validation/apiflask_pydantic_app.py",
        "APIFlask",
        "flask",
    ),
    ContractApp(
        "smorest_migrate_notes",
        "snippets/migrate/flask_to_apiflask/step4/app.py",
        "flask-smorest",
        "flask",
        {"API_TOKEN": "contract-tests-token", "NOTES_DATABASE": f"{SCRATCH}/smorest-notes.db"},
    ),
    ContractApp("ninja_openapi", "snippets/openapi/django_app.py", "Django Ninja", "django"),
    ContractApp("ninja_peers_hello", "snippets/peers/hello/ninja_app.py", "Django Ninja", "django"),
    ContractApp("ninja_peers_validation", "snippets/peers/validation/ninja_app.py", "Django Ninja", "django"),
)
"""Every snippet app with an OpenAPI document, in the order the results list them."""

NOT_TESTED: dict[str, str] = {
    "snippets/upstream/fastapi_app.py": "calls an upstream HTTP service; covered by its task tests",
    "snippets/websocket/fastapi_app.py": "its only route is a WebSocket, which OpenAPI does not describe",
    "snippets/forms/fastapi_app.py": "an HTML form behind a CSRF token, not a JSON API",
    "snippets/templates/fastapi_app.py": "an HTML page, not a JSON API",
    "snippets/streaming/fastapi_app.py": "a server-sent event stream, not a JSON API",
    "snippets/upload/fastapi_app.py": "a multipart upload, checked by its task tests",
    "snippets/bench/": "benchmark apps, measured rather than documented",
}
"""FastAPI apps that also publish a document but are left out, and why."""
