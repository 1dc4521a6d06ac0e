"""Every snippet app that answers HTTP, with the production server its page shows and one main request.

The bad inputs (`guide.bad_input.PROBES`) all start from an app's main request: the route
the task is about, with the body it takes (JSON, a form or a file) or none. Flask and
Django run under gunicorn with the production configuration of the operations page
(`snippets/production/gunicorn_conf.py`, one worker); FastAPI, Starlette, Quart and the
Django apps with async views, streaming or WebSockets run under uvicorn. All listen on
127.0.0.1 with a free port.
"""

from __future__ import annotations

import base64
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from pwdlib import PasswordHash
from werkzeug.security import generate_password_hash

from guide import ROOT
from guide.frameworks import FRAMEWORKS
from guide.tasks import Variant, catalogue, variant
from tests.support.servers import DJANGO_ASGI, DJANGO_WSGI, gunicorn_production, uvicorn

TOKEN = "bad-input-tests-token"

ITEM = {"name": "Teapot", "quantity": 2}
PRICED_ITEM = {"name": "Teapot", "price": 12.5}
BOUNDARY = "badinputboundary"
UPLOAD = (
    f"--{BOUNDARY}\r\n"
    'Content-Disposition: form-data; name="file"; filename="data.txt"\r\n'
    "Content-Type: text/plain\r\n\r\nhello\r\n"
    f"--{BOUNDARY}--\r\n"
).encode()
FORM = b"name=Ada&message=Hello"


@dataclass(frozen=True)
class App:
    """One snippet app: where it is, how it is served and the request every bad input starts from."""

    task: str
    framework: str
    label: str
    file: str
    server: str
    target: str
    method: str
    path: str
    body: bytes = b""
    content_type: str = ""
    env: dict[str, str] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def key(self) -> str:
        """The file without `snippets/` and `.py`, slashes as underscores: `hello_flask_app`."""
        return self.file.removeprefix("snippets/").removesuffix(".py").replace("/", "_")

    @property
    def variant(self) -> Variant | None:
        """The stack-only task variant this app is (Django 6 features), from `data/tasks.yml`."""
        try:
            return variant(self.file)
        except LookupError:
            return None

    @property
    def needs_postgres(self) -> bool:
        """The app reads `DATABASE_URL` and needs a PostgreSQL server (the PostgreSQL task)."""
        return self.file.startswith("snippets/postgres/")

    @property
    def request(self) -> str:
        return f"{self.method} {self.path}"

    def command(self, port: int) -> tuple[list[str], dict[str, str]]:
        """The server command line and the environment it needs beyond the app's own."""
        if self.server == "gunicorn":
            return gunicorn_production(self.target, port)
        return uvicorn(self.target, port, "--timeout-graceful-shutdown", "1"), {}


def users(hasher) -> dict[str, str]:
    return {"APP_USERNAME": "ada", "APP_PASSWORD_HASH": hasher("right-password")}


def _json(payload: dict) -> dict:
    return {"body": json.dumps(payload).encode(), "content_type": "application/json"}


def _module(file: str) -> str:
    return file.removesuffix(".py").replace("/", ".")


def _folder(task: str) -> str:
    return task.replace("-", "_")


def flask(task: str, method: str = "GET", path: str = "", label: str = "Flask", **extra) -> App:
    file = f"snippets/{_folder(task)}/flask_app.py"
    return App(task, "flask", label, file, "gunicorn", _module(file) + ":app", method, path, **extra)


def fastapi(task: str, method: str = "GET", path: str = "", **extra) -> App:
    file = f"snippets/{_folder(task)}/fastapi_app.py"
    return App(task, "fastapi", "FastAPI", file, "uvicorn", _module(file) + ":app", method, path, **extra)


def django(
    task: str,
    method: str = "GET",
    path: str = "",
    file: str = "",
    server: str = "gunicorn",
    label: str = "Django",
    **extra,
) -> App:
    file = file or f"snippets/{_folder(task)}/django_app.py"
    extra.setdefault("env", {"DJANGO_URLCONF": _module(file)})
    target = extra.pop("target", DJANGO_WSGI if server == "gunicorn" else DJANGO_ASGI)
    return App(task, "django", label, file, server, target, method, path, **extra)


def each_framework(
    task: str, method: str, path: str, django_only: dict | None = None, **extra
) -> tuple[App, ...]:
    """The task's Flask, FastAPI and Django apps with the same main request; `django_only` holds what
    differs for the Django app (its server, its settings module in `env`, ...)."""
    return (
        flask(task, method, path, **extra),
        fastapi(task, method, path, **extra),
        django(task, method, path, **{**extra, **(django_only or {})}),
    )


def peer(
    task: str, framework: str, label: str, library: str, method: str = "GET", path: str = "", **extra
) -> App:
    file = f"snippets/peers/{task}/{library}_app.py"
    if library == "ninja":
        server, target = "gunicorn", DJANGO_WSGI
        extra["env"] = {"DJANGO_URLCONF": _module(file)}
    else:
        server = "gunicorn" if library.startswith(("flask", "apiflask")) else "uvicorn"
        target = _module(file) + ":app"
    return App(f"peers-{task}", framework, label, file, server, target, method, path, **extra)


SECRETS = {"SECRET_KEY": "bad-input-tests-secret"}
BEARER = {"Authorization": f"Bearer {TOKEN}"}
LOGIN = _json({"username": "ada", "password": "wrong"})
PRICED = {"method": "POST", "path": "/items", **_json(PRICED_ITEM)}
GRAPHQL = {"method": "POST", "path": "/graphql", **_json({"query": "{ notes { id title } }"})}
ADMIN = {**SECRETS, "ADMIN_USERNAME": "ada", "ADMIN_PASSWORD_HASH": generate_password_hash("right-password")}
ADMIN_BASIC = {"Authorization": "Basic " + base64.b64encode(b"ada:right-password").decode()}
"""Flask-Admin's staff check: HTTP Basic against a username and a password hash from the environment."""
CSRF_TOKEN = "badinputcsrftoken" + "0" * 15
DJANGO_CSRF = {"Cookie": f"csrftoken={CSRF_TOKEN}", "X-CSRFToken": CSRF_TOKEN}
"""What a Django JSON client sends back after its first GET: the `csrftoken` cookie and the same value
in the header (a 32-character secret; Django accepts it unmasked)."""


APPS: tuple[App, ...] = (
    *each_framework("hello", "GET", "/hello"),
    *each_framework("params", "GET", "/items/1"),
    *each_framework("validation", "POST", "/items", **_json(ITEM)),
    *each_framework("errors", "GET", "/items/1"),
    *each_framework(
        "settings",
        "GET",
        "/settings",
        env={"APP_SECRET_KEY": "bad-input-tests"},
        django_only={
            "env": {
                "DJANGO_SETTINGS_MODULE": "snippets.settings.django_settings",
                "APP_SECRET_KEY": "bad-input-tests",
            }
        },
    ),
    *each_framework("structure", "GET", "/items/1"),
    *each_framework("crud", "POST", "/notes", **_json({"title": "Buy milk"})),
    *each_framework(
        "token-auth",
        "GET",
        "/private",
        env={"API_TOKEN": TOKEN},
        headers=BEARER,
        django_only={"env": {"DJANGO_URLCONF": "snippets.token_auth.django_app", "API_TOKEN": TOKEN}},
    ),
    flask("sessions", "POST", "/login", env={**SECRETS, **users(generate_password_hash)}, **LOGIN),
    fastapi("sessions", "POST", "/login", env={**SECRETS, **users(PasswordHash.recommended().hash)}, **LOGIN),
    django("sessions", "POST", "/login", **LOGIN),
    *each_framework("templates", "GET", "/hello/ada"),
    django("templates", "GET", "/frameworks", file="snippets/templates/django_partials_app.py"),
    django(
        "templates",
        "GET",
        "/hello/ada",
        file="snippets/templates/django_csp_app.py",
        env={"DJANGO_SETTINGS_MODULE": "snippets.templates.django_csp_settings"},
    ),
    flask(
        "forms", "POST", "/contact", env=SECRETS, body=FORM, content_type="application/x-www-form-urlencoded"
    ),
    fastapi(
        "forms", "POST", "/contact", env=SECRETS, body=FORM, content_type="application/x-www-form-urlencoded"
    ),
    django("forms", "POST", "/contact", body=FORM, content_type="application/x-www-form-urlencoded"),
    *each_framework(
        "upload", "POST", "/upload", body=UPLOAD, content_type=f"multipart/form-data; boundary={BOUNDARY}"
    ),
    *each_framework("background", "POST", "/signup", **_json({"email": "ada@example.com"})),
    django(
        "background",
        "POST",
        "/signup",
        file="snippets/background/django_tasks_app.py",
        **_json({"email": "ada@example.com"}),
    ),
    flask("websocket", "GET", "/ws"),
    fastapi("websocket", "GET", "/ws"),
    django("websocket", "GET", "/ws", server="uvicorn", target="snippets.websocket.django_asgi:app", env={}),
    *each_framework("streaming", "GET", "/countdown", django_only={"server": "uvicorn"}),
    *each_framework("upstream", "GET", "/dashboard", django_only={"server": "uvicorn"}),
    *each_framework(
        "middleware",
        "GET",
        "/ping",
        django_only={"env": {"DJANGO_SETTINGS_MODULE": "snippets.middleware.django_settings"}},
    ),
    flask("openapi", label="APIFlask", **PRICED),
    fastapi("openapi", **PRICED),
    django("openapi", label="Django Ninja", **PRICED),
    *each_framework(
        "postgres",
        "POST",
        "/notes",
        django_only={"env": {"DJANGO_SETTINGS_MODULE": "snippets.postgres.django_settings"}},
        **_json({"title": "Buy milk"}),
    ),
    *each_framework("caching", "GET", "/search"),
    *each_framework("graphql", django_only={"headers": DJANGO_CSRF}, **GRAPHQL),
    *each_framework(
        "i18n",
        "GET",
        "/inbox/3",
        django_only={"env": {"DJANGO_SETTINGS_MODULE": "snippets.i18n.django_settings"}},
    ),
    *each_framework(
        "observability",
        "GET",
        "/notes/1",
        django_only={
            "target": "snippets.observability.django_wsgi:application",
            "env": {"DJANGO_SETTINGS_MODULE": "snippets.observability.django_settings"},
        },
    ),
    flask("admin", "GET", "/admin/", env=ADMIN, headers=ADMIN_BASIC),
    fastapi("admin", "GET", "/admin/", env=ADMIN, headers=ADMIN_BASIC),
    django("admin", "GET", "/admin/login/"),
    peer("hello", "flask", "APIFlask", "apiflask", "GET", "/hello"),
    peer("hello", "flask", "Quart", "quart", "GET", "/hello"),
    peer("hello", "fastapi", "Starlette", "starlette", "GET", "/hello"),
    peer("hello", "django", "Django Ninja", "ninja", "GET", "/hello"),
    peer("validation", "flask", "Flask", "flask", **PRICED),
    peer("validation", "flask", "APIFlask", "apiflask", **PRICED),
    peer("validation", "flask", "APIFlask with Pydantic", "apiflask_pydantic", **PRICED),
    peer("validation", "flask", "Quart", "quart", **PRICED),
    peer("validation", "fastapi", "FastAPI", "fastapi", **PRICED),
    peer("validation", "fastapi", "Starlette", "starlette", **PRICED),
    peer("validation", "django", "Django Ninja", "ninja", **PRICED),
)
"""Every snippet app that answers HTTP, grouped by task in the order the pages show them."""


LAMBDA = "a Lambda handler: it takes API Gateway events, not HTTP requests, and no server runs it"
NOT_HTTP: dict[str, str] = {
    "snippets/serverless/flask_handler.py": LAMBDA,
    "snippets/serverless/fastapi_handler.py": LAMBDA,
    "snippets/serverless/django_handler.py": LAMBDA,
    "snippets/observability/telemetry.py": (
        "the logging and tracing helpers the three observability apps share (its `handler` is a log handler)"
    ),
}
"""Files the rule below picks up that are not HTTP apps, each with the reason it has no row.

The apps the serverless handlers wrap (the hello apps, the Django site) have rows of their own."""

ENTRY_POINT = re.compile(r"^(app|application|handler) = ", re.MULTILINE)


def is_app(path: str) -> bool:
    """A module that defines an entry point (`app`, `application` or `handler` = ...) or a Django
    URLconf (`*_app.py` with `urlpatterns`)."""
    text = (ROOT / path).read_text(encoding="utf-8")
    stem = Path(path).stem
    return bool(ENTRY_POINT.search(text)) or (
        stem.endswith("_app") and not stem.startswith("test_") and "urlpatterns" in text
    )


def app_files() -> set[str]:
    """Every app of every task in `data/tasks.yml` and every like-for-like peer: the set `APPS` must serve.

    Benchmark apps and the migration paths' steps are left out: they are measured on the
    benchmarks page and tested step by step by `tests/migrate/`, not shown as a task's code.
    """
    files = set()
    for task in catalogue().tasks:
        for framework in FRAMEWORKS:
            files.update(getattr(task.files, framework) if task.files else [])
        files.update(path for entry in task.variants for path in entry.files)
    files |= {path.relative_to(ROOT).as_posix() for path in (ROOT / "snippets" / "peers").rglob("*.py")}
    return {path for path in files if path.endswith(".py") and is_app(path)}


def served_files() -> set[str]:
    """The snippet files `APPS` serve: each app's file and the module its server loads."""
    targets = {app.target.split(":")[0].replace(".", "/") + ".py" for app in APPS}
    return {app.file for app in APPS} | targets
