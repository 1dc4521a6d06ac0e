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
import sys
from dataclasses import dataclass, field
from pathlib import Path

from pwdlib import PasswordHash
from werkzeug.security import generate_password_hash

from guide import ROOT
from guide.frameworks import FRAMEWORKS
from guide.tasks import Variant, catalogue, variant

BIN = Path(sys.executable).parent
DJANGO_WSGI = "snippets.django_site.wsgi:app"
DJANGO_ASGI = "snippets.django_site.asgi:app"
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
            config = "python:snippets.production.gunicorn_conf"
            env = {"HOST": "127.0.0.1", "PORT": str(port), "WEB_CONCURRENCY": "1", "THREADS": "4"}
            return [str(BIN / "gunicorn"), "--config", config, self.target], env
        command = [str(BIN / "uvicorn"), "--host", "127.0.0.1", "--port", str(port), "--no-access-log"]
        return [*command, "--timeout-graceful-shutdown", "1", self.target], {}


def users(hasher) -> dict[str, str]:
    return {"APP_USERNAME": "ada", "APP_PASSWORD_HASH": hasher("right-password")}


def _json(payload: dict) -> dict:
    return {"body": json.dumps(payload).encode(), "content_type": "application/json"}


def _module(file: str) -> str:
    return file.removesuffix(".py").replace("/", ".")


def _folder(task: str) -> str:
    return task.replace("-", "_")


def flask(task: str, method: str = "GET", path: str = "", **extra) -> App:
    file = f"snippets/{_folder(task)}/flask_app.py"
    return App(task, "flask", "Flask", file, "gunicorn", _module(file) + ":app", method, path, **extra)


def fastapi(task: str, method: str = "GET", path: str = "", **extra) -> App:
    file = f"snippets/{_folder(task)}/fastapi_app.py"
    return App(task, "fastapi", "FastAPI", file, "uvicorn", _module(file) + ":app", method, path, **extra)


def django(task: str, method: str, path: str, file: str = "", server: str = "gunicorn", **extra) -> App:
    file = file or f"snippets/{_folder(task)}/django_app.py"
    extra.setdefault("env", {"DJANGO_URLCONF": _module(file)})
    target = extra.pop("target", DJANGO_WSGI if server == "gunicorn" else DJANGO_ASGI)
    return App(task, "django", "Django", file, server, target, method, path, **extra)


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
    flask("hello", "GET", "/hello"),
    fastapi("hello", "GET", "/hello"),
    django("hello", "GET", "/hello"),
    flask("params", "GET", "/items/1"),
    fastapi("params", "GET", "/items/1"),
    django("params", "GET", "/items/1"),
    flask("validation", "POST", "/items", **_json(ITEM)),
    fastapi("validation", "POST", "/items", **_json(ITEM)),
    django("validation", "POST", "/items", **_json(ITEM)),
    flask("errors", "GET", "/items/1"),
    fastapi("errors", "GET", "/items/1"),
    django("errors", "GET", "/items/1"),
    flask("settings", "GET", "/settings", env={"APP_SECRET_KEY": "bad-input-tests"}),
    fastapi("settings", "GET", "/settings", env={"APP_SECRET_KEY": "bad-input-tests"}),
    django(
        "settings",
        "GET",
        "/settings",
        env={
            "DJANGO_SETTINGS_MODULE": "snippets.settings.django_settings",
            "APP_SECRET_KEY": "bad-input-tests",
        },
    ),
    flask("structure", "GET", "/items/1"),
    fastapi("structure", "GET", "/items/1"),
    django("structure", "GET", "/items/1"),
    flask("crud", "POST", "/notes", **_json({"title": "Buy milk"})),
    fastapi("crud", "POST", "/notes", **_json({"title": "Buy milk"})),
    django("crud", "POST", "/notes", **_json({"title": "Buy milk"})),
    flask("token-auth", "GET", "/private", env={"API_TOKEN": TOKEN}, headers=BEARER),
    fastapi("token-auth", "GET", "/private", env={"API_TOKEN": TOKEN}, headers=BEARER),
    django(
        "token-auth",
        "GET",
        "/private",
        env={"DJANGO_URLCONF": "snippets.token_auth.django_app", "API_TOKEN": TOKEN},
        headers=BEARER,
    ),
    flask("sessions", "POST", "/login", env={**SECRETS, **users(generate_password_hash)}, **LOGIN),
    fastapi("sessions", "POST", "/login", env={**SECRETS, **users(PasswordHash.recommended().hash)}, **LOGIN),
    django("sessions", "POST", "/login", **LOGIN),
    flask("templates", "GET", "/hello/ada"),
    fastapi("templates", "GET", "/hello/ada"),
    django("templates", "GET", "/hello/ada"),
    django(
        "templates",
        "GET",
        "/frameworks",
        file="snippets/templates/django_partials_app.py",
    ),
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
    flask("upload", "POST", "/upload", body=UPLOAD, content_type=f"multipart/form-data; boundary={BOUNDARY}"),
    fastapi(
        "upload", "POST", "/upload", body=UPLOAD, content_type=f"multipart/form-data; boundary={BOUNDARY}"
    ),
    django(
        "upload", "POST", "/upload", body=UPLOAD, content_type=f"multipart/form-data; boundary={BOUNDARY}"
    ),
    flask("background", "POST", "/signup", **_json({"email": "ada@example.com"})),
    fastapi("background", "POST", "/signup", **_json({"email": "ada@example.com"})),
    django("background", "POST", "/signup", **_json({"email": "ada@example.com"})),
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
    flask("streaming", "GET", "/countdown"),
    fastapi("streaming", "GET", "/countdown"),
    django("streaming", "GET", "/countdown", server="uvicorn"),
    flask("upstream", "GET", "/dashboard"),
    fastapi("upstream", "GET", "/dashboard"),
    django("upstream", "GET", "/dashboard", server="uvicorn"),
    flask("middleware", "GET", "/ping"),
    fastapi("middleware", "GET", "/ping"),
    django(
        "middleware", "GET", "/ping", env={"DJANGO_SETTINGS_MODULE": "snippets.middleware.django_settings"}
    ),
    App(
        "openapi",
        "flask",
        "APIFlask",
        "snippets/openapi/flask_app.py",
        "gunicorn",
        "snippets.openapi.flask_app:app",
        **PRICED,
    ),
    fastapi("openapi", **PRICED),
    App(
        "openapi",
        "django",
        "Django Ninja",
        "snippets/openapi/django_app.py",
        "gunicorn",
        DJANGO_WSGI,
        env={"DJANGO_URLCONF": "snippets.openapi.django_app"},
        **PRICED,
    ),
    flask("postgres", "POST", "/notes", **_json({"title": "Buy milk"})),
    fastapi("postgres", "POST", "/notes", **_json({"title": "Buy milk"})),
    django(
        "postgres",
        "POST",
        "/notes",
        env={"DJANGO_SETTINGS_MODULE": "snippets.postgres.django_settings"},
        **_json({"title": "Buy milk"}),
    ),
    flask("caching", "GET", "/search"),
    fastapi("caching", "GET", "/search"),
    django("caching", "GET", "/search"),
    flask("graphql", **GRAPHQL),
    fastapi("graphql", **GRAPHQL),
    django("graphql", headers=DJANGO_CSRF, **GRAPHQL),
    flask("i18n", "GET", "/inbox/3"),
    fastapi("i18n", "GET", "/inbox/3"),
    django("i18n", "GET", "/inbox/3", env={"DJANGO_SETTINGS_MODULE": "snippets.i18n.django_settings"}),
    flask("observability", "GET", "/notes/1"),
    fastapi("observability", "GET", "/notes/1"),
    django(
        "observability",
        "GET",
        "/notes/1",
        target="snippets.observability.django_wsgi:application",
        env={"DJANGO_SETTINGS_MODULE": "snippets.observability.django_settings"},
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
