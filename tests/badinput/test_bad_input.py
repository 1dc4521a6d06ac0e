"""Bad input on the real servers (docs/tasks/operations.md#bad-input).

Every snippet app that answers HTTP runs under the server its page shows (gunicorn for
WSGI, uvicorn for ASGI, on 127.0.0.1) and gets six bad requests built from its main
request (`tests/badinput/run.py`, `guide.bad_input.PROBES`). `EXPECTED` is what each app
answers; a status that changes after an upgrade or an edit fails here, and a `500`
anywhere fails `test_no_server_error` whatever `EXPECTED` says.

`data/bad_input_results.json` holds the same run for the site, with whether each refusal
names its cause; regenerate it with `UPDATE_BAD_INPUT=1` and review the diff.
"""

import json
import os

import pytest

from guide import ROOT
from guide.bad_input import PROBES
from tests.badinput import run
from tests.badinput.apps import APPS, NOT_HTTP, app_files, served_files

RESULTS_FILE = ROOT / "data" / "bad_input_results.json"
COLUMNS = tuple(probe.id for probe in PROBES)

EXPECTED: dict[str, tuple[int, ...]] = {
    "hello_flask_app": (200, 200, 200, 404, 200, 405),
    "hello_fastapi_app": (200, 200, 200, 404, 200, 400),
    "hello_django_app": (200, 200, 200, 404, 200, 403),
    "params_flask_app": (200, 200, 200, 404, 200, 405),
    "params_fastapi_app": (200, 200, 200, 404, 200, 400),
    "params_django_app": (200, 200, 200, 404, 200, 403),
    "validation_flask_app": (422, 422, 201, 404, 201, 405),
    "validation_fastapi_app": (422, 422, 422, 404, 201, 400),
    "validation_django_app": (400, 400, 201, 404, 201, 405),
    "errors_flask_app": (200, 200, 200, 404, 200, 405),
    "errors_fastapi_app": (200, 200, 200, 404, 200, 400),
    "errors_django_app": (200, 200, 200, 404, 200, 403),
    "settings_flask_app": (200, 200, 200, 404, 200, 405),
    "settings_fastapi_app": (200, 200, 200, 404, 200, 400),
    "settings_django_app": (200, 200, 200, 404, 200, 405),
    "structure_flask_app": (200, 200, 200, 404, 200, 405),
    "structure_fastapi_app": (200, 200, 200, 404, 200, 400),
    "structure_django_app": (200, 200, 200, 404, 200, 403),
    "crud_flask_app": (422, 422, 422, 404, 201, 405),
    "crud_fastapi_app": (422, 422, 422, 404, 201, 400),
    "crud_django_app": (422, 400, 201, 404, 201, 405),
    "token_auth_flask_app": (200, 200, 200, 404, 200, 405),
    "token_auth_fastapi_app": (200, 200, 200, 404, 200, 400),
    "token_auth_django_app": (200, 200, 200, 404, 200, 403),
    "sessions_flask_app": (422, 422, 422, 404, 401, 405),
    "sessions_fastapi_app": (422, 422, 422, 404, 401, 400),
    "sessions_django_app": (403, 403, 403, 404, 403, 403),
    "templates_flask_app": (200, 200, 200, 404, 200, 405),
    "templates_fastapi_app": (200, 200, 200, 404, 200, 400),
    "templates_django_app": (200, 200, 200, 404, 200, 403),
    "templates_django_partials_app": (200, 200, 200, 404, 200, 403),
    "templates_django_csp_app": (200, 200, 200, 404, 200, 403),
    "forms_flask_app": (400, 400, 400, 404, 400, 405),
    "forms_fastapi_app": (403, 403, 403, 404, 403, 400),
    "forms_django_app": (403, 403, 403, 404, 403, 403),
    "upload_flask_app": (400, 413, 400, 404, 201, 405),
    "upload_fastapi_app": (422, 413, 422, 404, 201, 400),
    "upload_django_app": (400, 413, 400, 404, 201, 405),
    "background_flask_app": (400, 400, 400, 404, 202, 405),
    "background_fastapi_app": (422, 422, 422, 404, 202, 400),
    "background_django_app": (400, 400, 202, 404, 202, 405),
    "background_django_tasks_app": (400, 400, 202, 404, 202, 405),
    "websocket_flask_app": (400, 400, 400, 404, 400, 405),
    "websocket_fastapi_app": (404, 404, 404, 404, 404, 400),
    "websocket_django_app": (404, 404, 404, 404, 404, 400),
    "streaming_flask_app": (200, 200, 200, 404, 200, 405),
    "streaming_fastapi_app": (200, 200, 200, 404, 200, 400),
    "streaming_django_app": (200, 200, 200, 404, 200, 400),
    "upstream_flask_app": (200, 200, 200, 404, 200, 405),
    "upstream_fastapi_app": (200, 200, 200, 404, 200, 400),
    "upstream_django_app": (200, 200, 200, 404, 200, 400),
    "middleware_flask_app": (200, 200, 200, 404, 200, 405),
    "middleware_fastapi_app": (200, 200, 200, 404, 200, 400),
    "middleware_django_app": (200, 200, 200, 404, 200, 403),
    "openapi_flask_app": (400, 422, 422, 404, 201, 405),
    "openapi_fastapi_app": (422, 422, 422, 404, 201, 400),
    "openapi_django_app": (400, 400, 201, 404, 201, 405),
    "postgres_flask_app": (422, 422, 422, 404, 201, 405),
    "postgres_fastapi_app": (422, 422, 422, 404, 201, 400),
    "postgres_django_app": (422, 400, 201, 404, 201, 405),
    "caching_flask_app": (200, 200, 200, 404, 200, 405),
    "caching_fastapi_app": (200, 200, 200, 404, 200, 400),
    "caching_django_app": (200, 200, 200, 404, 200, 403),
    "graphql_flask_app": (400, 400, 400, 404, 200, 405),
    "graphql_fastapi_app": (400, 400, 400, 404, 200, 400),
    "graphql_django_app": (400, 400, 400, 404, 200, 405),
    "i18n_flask_app": (200, 200, 200, 404, 200, 405),
    "i18n_fastapi_app": (200, 200, 200, 404, 200, 400),
    "i18n_django_app": (200, 200, 200, 404, 200, 403),
    "observability_flask_app": (200, 200, 200, 404, 200, 405),
    "observability_fastapi_app": (200, 200, 200, 404, 200, 400),
    "observability_django_app": (200, 200, 200, 404, 200, 403),
    "admin_flask_app": (200, 200, 200, 404, 200, 405),
    "admin_fastapi_app": (200, 200, 200, 404, 200, 400),
    "admin_django_app": (200, 200, 200, 404, 200, 403),
    "peers_hello_apiflask_app": (200, 200, 200, 404, 200, 405),
    "peers_hello_quart_app": (200, 200, 200, 404, 200, 400),
    "peers_hello_starlette_app": (200, 200, 200, 404, 200, 400),
    "peers_hello_ninja_app": (200, 200, 200, 404, 200, 405),
    "peers_validation_flask_app": (422, 422, 201, 404, 201, 405),
    "peers_validation_apiflask_app": (400, 422, 422, 404, 201, 405),
    "peers_validation_apiflask_pydantic_app": (400, 422, 201, 404, 201, 405),
    "peers_validation_quart_app": (422, 422, 201, 404, 201, 400),
    "peers_validation_fastapi_app": (422, 422, 422, 404, 201, 400),
    "peers_validation_starlette_app": (422, 422, 201, 404, 201, 400),
    "peers_validation_ninja_app": (400, 400, 201, 404, 201, 405),
}
"""Status per app for each bad input, in the order of `COLUMNS`."""


def stack_marks(app):
    if app.variant is None:
        return []
    return [pytest.mark.stack(app.variant.stack, reason=app.variant.reason)]


APP_PARAMS = [pytest.param(app, id=app.key, marks=stack_marks(app)) for app in APPS]


@pytest.mark.parametrize("app", APP_PARAMS)
def test_statuses(app, answers_of):
    statuses = tuple(answers_of(app)[column].status for column in COLUMNS)
    assert dict(zip(COLUMNS, statuses, strict=True)) == dict(zip(COLUMNS, EXPECTED[app.key], strict=True))


@pytest.mark.parametrize("app", APP_PARAMS)
def test_no_server_error(app, answers_of):
    errors = {column: answer.body[:300] for column, answer in answers_of(app).items() if answer.status >= 500}
    assert not errors, f"{app.key} answered a server error: {errors}"


def test_every_http_app_is_probed():
    """Every app of every task in data/tasks.yml and every like-for-like peer has a row
    (or a reason in NOT_HTTP)."""
    missing = sorted(app_files() - served_files() - set(NOT_HTTP))
    assert not missing, (
        f"add these apps to tests/badinput/apps.py and EXPECTED, then UPDATE_BAD_INPUT=1: {missing}"
    )
    assert set(EXPECTED) == {app.key for app in APPS}


def test_every_exclusion_is_still_needed():
    """A file in NOT_HTTP is one the rule picks up, and no row serves it."""
    assert set(NOT_HTTP) <= app_files() - served_files()
    assert all(reason.strip() for reason in NOT_HTTP.values())


def test_every_bad_input_has_a_request():
    assert set(run.REQUESTS) == set(COLUMNS)


def test_oversized_body_is_ten_mebibytes_of_json():
    body = run.oversized_body()
    assert len(body) == 10 * 1024 * 1024
    assert json.loads(body)["name"] == "x" * (len(body) - 12)


@pytest.mark.stack("current", reason="the results file records the current stack")
def test_results_file_is_current(answers_of):
    data = {
        "apps": [run.as_result(app, answers_of(app)) for app in APPS],
        "not_http": [{"file": file, "reason": reason} for file, reason in NOT_HTTP.items()],
    }
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    if os.environ.get("UPDATE_BAD_INPUT") == "1":
        RESULTS_FILE.write_text(text, encoding="utf-8")
    assert RESULTS_FILE.read_text(encoding="utf-8") == text, "run with UPDATE_BAD_INPUT=1 and review"
