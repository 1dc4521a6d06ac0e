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

import pytest
import schemathesis
from schemathesis.config import SchemathesisConfig
from schemathesis.pytest.lazy import get_all_tests

from tests.contract import results
from tests.contract.apps import SCRATCH
from tests.contract.test_openapi_contract import (
    BAD_BODIES,
    CONFIG,
    FINDINGS,
    call,
    record_optional_body,
    unparsable_body,
    without_body,
)
from tests.support.servers import running, task_app

SERVERS = {
    "fastapi_crud": task_app("crud", "fastapi", DATABASE_URL=f"sqlite:///{SCRATCH}/real-server-notes.db"),
    "apiflask_openapi": task_app("openapi", "flask"),
    "ninja_openapi": task_app("openapi", "django"),
}
"""Per app key: the app and the server that runs it."""

FOUND: dict[str, results.AppResult] = {}


@contextlib.contextmanager
def real_schema(key: str):
    with running(SERVERS[key], ready_path="/openapi.json") as server:
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
    assert call(case).status_code < 500


def send_unparsable_bodies(operation) -> None:
    """The two bodies no JSON parser accepts, as `test_unparsable_body` sends them in process."""
    for body in BAD_BODIES.values():
        check(unparsable_body(operation, body))


def leave_out_optional_body(key: str, operation) -> None:
    """A request without the body the document marks optional, as `test_optional_body_left_out` sends it."""
    response = call(without_body(operation))
    record_optional_body(FOUND[key], operation, response.status_code)
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
