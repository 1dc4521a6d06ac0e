"""Does each app's OpenAPI document match what the app does? (docs/tasks/operations.md#openapi-contract)

Schemathesis reads the document every API snippet publishes, generates requests from it
(examples, coverage of boundaries and invalid values, then a fixed-seed fuzzing run) and
checks each answer against the document. The apps run in process: FastAPI over ASGI,
APIFlask and Django Ninja over WSGI. A failed check does not stop the run; every failure is
recorded as a finding and `test_findings` asserts the exact list per app, so a finding that
disappears after an upgrade, or a new one, fails here and the page is updated.

`data/contract_results.json` holds the same results for the site; regenerate it with
`UPDATE_CONTRACT=1`.
"""

import contextlib
import os

import pytest
import schemathesis
from schemathesis.config import SchemathesisConfig
from schemathesis.core.failures import FailureGroup

from tests.contract import results
from tests.contract.apps import APPS

pytestmark = pytest.mark.django_db

CONFIG = {
    "seed": 20261202,
    "generation": {"max-examples": 25, "deterministic": True, "database": "none"},
    "phases": {"stateful": {"enabled": False}, "fuzzing": {"enabled": False}},
}


def load_schema(app):
    config = SchemathesisConfig.from_dict(CONFIG)
    target = app.load()
    if app.library == "FastAPI":
        return schemathesis.openapi.from_asgi("/openapi.json", target, config=config)
    return schemathesis.openapi.from_wsgi("/openapi.json", target, config=config)


SCHEMAS = {app.key: load_schema(app) for app in APPS}
KEYS = {id(schema.app): key for key, schema in SCHEMAS.items()}


@schemathesis.hook
def after_validate(context, case, response, outcomes):
    key = KEYS.get(id(case.operation.schema.app))
    if key is not None:
        results.record(key, case, response, outcomes)


def call(case):
    """Send the case and run every check on the answer; a failed check is recorded, not raised."""
    response = case.call()
    with contextlib.suppress(FailureGroup):
        case.validate_response(response)
    return response


@schemathesis.pytest.parametrize(**SCHEMAS)
def test_contract(case):
    assert call(case).status_code < 500


BAD_BODIES = {"truncated": b'{"name": ', "not-utf8": b'{"name": "\xff"}'}


def json_operations():
    for key, schema in SCHEMAS.items():
        for result in schema.get_all_operations():
            operation = result.ok()
            if any("json" in body.media_type for body in operation.body):
                yield pytest.param(key, operation, id=f"{key}-{operation.label}")


@pytest.mark.parametrize(("key", "operation"), list(json_operations()))
@pytest.mark.parametrize("bad", BAD_BODIES)
def test_unparsable_body(key, operation, bad):
    """Every operation with a JSON body gets the same two bodies that no JSON parser accepts."""
    assert 400 <= call(unparsable_body(operation, BAD_BODIES[bad])).status_code < 500


def path_parameters(operation) -> dict[str, int]:
    return {parameter.name: 1 for parameter in operation.path_parameters}


def unparsable_body(operation, body: bytes):
    """A request of `operation` with a JSON body no parser accepts."""
    return operation.Case(
        path_parameters=path_parameters(operation), body=body, media_type="application/json"
    )


def without_body(operation):
    """A request of `operation` without the body its document marks optional."""
    return operation.Case(path_parameters=path_parameters(operation))


def record_optional_body(result: results.AppResult, operation, status: int) -> None:
    """Record the check an optional body asks for: the app must accept a request without it."""
    result.ran.add("positive_data_acceptance")
    if status >= 400:
        result.failed.add("positive_data_acceptance")
        finding = f"request without a body (optional in the document) rejected with {status}"
        result.findings.add(("positive_data_acceptance", operation.label, finding))


def optional_body_operations():
    for key, schema in SCHEMAS.items():
        for result in schema.get_all_operations():
            operation = result.ok()
            if operation.body and not any(body.is_required for body in operation.body):
                yield pytest.param(key, operation, id=f"{key}-{operation.label}")


@pytest.mark.parametrize(("key", "operation"), list(optional_body_operations()))
def test_optional_body_left_out(key, operation):
    """A document that marks the body optional allows a request without one; the app must accept it.

    Schemathesis's random phase sends such a request only sometimes (its choice of examples
    varies with what else the process has imported), so the run sends it always, here, and
    leaves the random phase off.
    """
    response = call(without_body(operation))
    record_optional_body(results.RESULTS[key], operation, response.status_code)
    assert response.status_code < 500


MALFORMED = "a malformed JSON body"
NO_BODY = "a request without a body"
NOT_UTF8 = "a JSON body that is not UTF-8"
INVALID = "a schema-violating request"
VALID = "a schema-valid request"


def undocumented(operation, status, documented, request):
    finding = f"status {status} not documented (documented: {documented}) for {request}"
    return ("status_code_conformance", operation, finding)


FASTAPI_ITEMS = {undocumented("POST /items", 400, "201, 422", NOT_UTF8)}
"""FastAPI's `POST /items` (one item model in the validation, openapi and peer apps)."""
APIFLASK_ITEMS = {
    (
        "positive_data_acceptance",
        "POST /items",
        "request without a body (optional in the document) rejected with 422",
    ),
    (
        "positive_data_acceptance",
        "POST /items",
        "schema-valid request rejected with 422 (price: Must be greater than 0.)",
    ),
    undocumented("POST /items", 400, "201, 422", NOT_UTF8),
    undocumented("POST /items", 400, "201, 422", MALFORMED),
}
"""APIFlask's `POST /items` with a marshmallow schema (the openapi app and the peer)."""
NINJA_ITEMS = {
    undocumented("POST /items", 400, "201", NOT_UTF8),
    undocumented("POST /items", 400, "201", MALFORMED),
    undocumented("POST /items", 422, "201", INVALID),
    undocumented("POST /items", 422, "201", NO_BODY),
}
"""Django Ninja's `POST /items` (the openapi app and the peer)."""

FINDINGS: dict[str, set[tuple[str, str, str]]] = {
    "fastapi_hello": set(),
    "fastapi_params": set(),
    "fastapi_validation": FASTAPI_ITEMS,
    "fastapi_errors": set(),
    "fastapi_openapi": FASTAPI_ITEMS,
    "fastapi_crud": {
        ("allow_header_conformance", "GET /notes", "OPTIONS answered 405 with Allow: GET (missing POST)"),
        (
            "allow_header_conformance",
            "GET /notes/{note_id}",
            "OPTIONS answered 405 with Allow: GET (missing DELETE, PUT)",
        ),
        undocumented("POST /notes", 400, "201, 422", NOT_UTF8),
        undocumented("PUT /notes/{note_id}", 400, "200, 404, 422", NOT_UTF8),
    },
    "fastapi_structure": set(),
    "fastapi_background": {
        undocumented("POST /signup", 400, "202, 422", NOT_UTF8),
    },
    "fastapi_middleware": set(),
    "fastapi_settings": set(),
    "fastapi_token_auth": set(),
    "fastapi_sessions": {
        undocumented("POST /login", 400, "200, 401, 422", NOT_UTF8),
    },
    "fastapi_peers_validation": FASTAPI_ITEMS,
    "apiflask_openapi": APIFLASK_ITEMS,
    "apiflask_peers_hello": set(),
    "apiflask_peers_validation": APIFLASK_ITEMS,
    "apiflask_pydantic_peers_validation": {
        (
            "positive_data_acceptance",
            "POST /items",
            "request without a body (optional in the document) rejected with 400",
        ),
        undocumented("POST /items", 400, "201, 422", NOT_UTF8),
        undocumented("POST /items", 400, "201, 422", MALFORMED),
        undocumented("POST /items", 400, "201, 422", NO_BODY),
    },
    "smorest_migrate_notes": set(),
    "ninja_openapi": NINJA_ITEMS | {undocumented("GET /items/{item_id}", 422, "200, 404", INVALID)},
    "ninja_peers_hello": set(),
    "ninja_peers_validation": NINJA_ITEMS,
}
"""What the run finds per app: (check, operation, finding)."""


@pytest.mark.parametrize("app", APPS, ids=lambda app: app.key)
def test_findings(app):
    result = results.RESULTS[app.key]
    if not result.operations:
        pytest.skip("test_contract did not run for this app in this session")
    assert result.findings == FINDINGS[app.key]


def test_results_file_is_current():
    if not results.complete():
        pytest.skip("the whole module must run to compare the results file")
    text = results.dump(results.as_data())
    if os.environ.get("UPDATE_CONTRACT") == "1":
        results.RESULTS_FILE.write_text(text, encoding="utf-8")
    assert results.RESULTS_FILE.read_text(encoding="utf-8") == text, "run with UPDATE_CONTRACT=1 and review"
