"""The same contract run against one app per framework under the server its task page shows.

The in-process run (`test_openapi_contract.py`) calls the apps through ASGI and WSGI
adapters. Here FastAPI runs under uvicorn, APIFlask and Django Ninja under gunicorn, each on
127.0.0.1, Schemathesis reads the document the server publishes and sends real HTTP requests
with the same seed and limits. `test_real_server_findings_match_in_process` then requires
that each server produces exactly the findings its in-process run recorded, so the table on
docs/tasks/operations.md#openapi-contract holds for the deployed app and not only for the
test adapter.
"""

import contextlib
import json
import sys
from pathlib import Path

import pytest
import schemathesis
from schemathesis.config import SchemathesisConfig
from schemathesis.core.failures import FailureGroup
from schemathesis.pytest.lazy import get_all_tests

from guide.servers import free_port, serve
from tests.contract import results
from tests.contract.apps import SCRATCH
from tests.contract.test_openapi_contract import BAD_BODIES, CONFIG, FINDINGS

BIN = Path(sys.executable).parent
DJANGO_WSGI = "snippets.django_site.wsgi:app"

SERVERS = {
    "fastapi_crud": (
        ["uvicorn", "--host", "127.0.0.1", "--port", "{port}", "--no-access-log"],
        "snippets.crud.fastapi_app:app",
        {"DATABASE_URL": f"sqlite:///{SCRATCH}/real-server-notes.db"},
    ),
    "apiflask_openapi": (
        ["gunicorn", "--bind", "127.0.0.1:{port}", "--workers", "1"],
        "snippets.openapi.flask_app:app",
        {},
    ),
    "ninja_openapi": (
        ["gunicorn", "--bind", "127.0.0.1:{port}", "--workers", "1"],
        DJANGO_WSGI,
        {"DJANGO_URLCONF": "snippets.openapi.django_app"},
    ),
}
"""Per app key: the server command (before the app), the app to serve and its environment."""

FOUND: dict[str, results.AppResult] = {}


def command(key: str, port: int) -> list[str]:
    server, app, _ = SERVERS[key]
    executable, *arguments = server
    return [str(BIN / executable), *(argument.format(port=port) for argument in arguments), app]


@contextlib.contextmanager
def real_schema(key: str):
    port = free_port()
    with serve(
        command(key, port), port, ready_path="/openapi.json", env=SERVERS[key][2], timeout=30
    ) as server:
        config = SchemathesisConfig.from_dict(CONFIG)
        schema = schemathesis.openapi.from_url(server.base_url + "/openapi.json", config=config)
        FOUND[key] = results.AppResult(results.RESULTS[key].app)
        schema_ids[id(schema)] = key
        yield schema


schema_ids: dict[int, str] = {}


@schemathesis.hook
def after_validate(context, case, response, outcomes):
    key = schema_ids.get(id(case.operation.schema))
    if key is None:
        return
    found = FOUND[key]
    found.operations.add(case.operation.label)
    for outcome in outcomes:
        found.ran.add(outcome.name)
        if outcome.failure is not None:
            found.failed.add(outcome.name)
            found.findings.add(
                (outcome.name, case.operation.label, results.describe(outcome.failure, case, response))
            )


def check(case):
    response = case.call()
    with contextlib.suppress(FailureGroup):
        case.validate_response(response)
    assert response.status_code < 500


def send_unparsable_bodies(operation) -> None:
    """The two bodies no JSON parser accepts, as `test_unparsable_body` sends them in process."""
    path_parameters = {parameter.name: 1 for parameter in operation.path_parameters}
    for body in BAD_BODIES.values():
        case = operation.Case(path_parameters=path_parameters, body=body, media_type="application/json")
        check(case)


def leave_out_optional_body(key: str, operation) -> None:
    """A request without the body the document marks optional, as `test_optional_body_left_out` sends it."""
    case = operation.Case(path_parameters={parameter.name: 1 for parameter in operation.path_parameters})
    response = case.call()
    with contextlib.suppress(FailureGroup):
        case.validate_response(response)
    FOUND[key].ran.add("positive_data_acceptance")
    if response.status_code >= 400:
        finding = f"request without a body (optional in the document) rejected with {response.status_code}"
        FOUND[key].findings.add(("positive_data_acceptance", operation.label, finding))
    assert response.status_code < 500


@pytest.mark.parametrize("key", SERVERS)
def test_real_server_findings_match_in_process(key):
    """Every operation's generated tests and the two unparsable bodies go to the server; the
    findings equal the in-process run's.

    Schemathesis's lazy pytest loader (`schemathesis.pytest.from_fixture`) fails on pytest 9
    (it writes `Function._nodeid`, which pytest 9 no longer has), so the per-operation tests
    it would build are built with the same function and run here, one after the other.
    """
    with real_schema(key) as schema:
        tests = list(get_all_tests(schema=schema, test_func=check, settings=None, given_kwargs={}))
        assert tests, f"{key}: the served document lists no operation"
        for result in tests:
            operation, test = result.ok()
            test()
            if any("json" in body.media_type for body in operation.body):
                send_unparsable_bodies(operation)
            if operation.body and not any(body.is_required for body in operation.body):
                leave_out_optional_body(key, operation)
    recorded = {
        app["key"]: app for app in json.loads(results.RESULTS_FILE.read_text(encoding="utf-8"))["apps"]
    }
    assert sorted(FOUND[key].operations) == recorded[key]["operations"]
    assert FOUND[key].findings == FINDINGS[key]
