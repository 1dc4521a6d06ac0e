"""What a client generated from a snippet's OpenAPI gets back (docs/tasks/operations.md#generated-client).

For one snippet per framework that publishes OpenAPI, the session fixture reads the
document from the app in process, generates a typed Python client from it with
openapi-python-client (into a pytest temporary folder, never into the repository) and
imports it. The client then talks to the same app in process through httpx: FastAPI over
`httpx.ASGITransport`, APIFlask and Django Ninja over `httpx.WSGITransport`. Each case
(create an item, read it back, send an invalid body, read an id that does not exist) records
the status and what the generated function puts in `parsed`: an instance of a generated
model, or `None` when the document does not list the status.

`EXPECTED` pins those outcomes, and `data/client_results.json` holds them for the page;
regenerate it with `UPDATE_CLIENT=1`. The site's flask-smorest code is a migration step
(docs/migrate/flask-to-apiflask.md), not a task snippet, so it has no row here.
"""

from __future__ import annotations

import asyncio
import dataclasses
import importlib
import json
import os
import sys
from dataclasses import dataclass
from types import ModuleType

import httpx
import pytest
from openapi_python_client import generate
from openapi_python_client.config import Config, ConfigFile, MetaType

from guide import ROOT, contract
from guide.render import Context
from tests.contract.apps import APPS, ContractApp
from tests.support import summaries

RESULTS_FILE = ROOT / "data" / "client_results.json"
BASE_URL = "http://localhost"
CASES = ("create", "read", "invalid", "missing")


@dataclass(frozen=True)
class Operation:
    label: str
    """Method and path, as the document lists them."""
    module: str
    """The module openapi-python-client writes for it under `api/default/`."""


@dataclass(frozen=True)
class Target:
    """One snippet app, the operations its client calls and the bodies it sends."""

    app: ContractApp
    create: Operation
    read: Operation | None
    body: str
    """The generated model of the request body."""
    valid: dict
    invalid: dict
    """A body the document's types allow but the app's validation refuses."""

    @property
    def key(self) -> str:
        return self.app.key

    @property
    def package(self) -> str:
        return f"generated_{self.key}"


BY_KEY = {app.key: app for app in APPS}
ITEM = {"name": "pen", "price": 1.5}
TARGETS: tuple[Target, ...] = (
    Target(
        BY_KEY["fastapi_crud"],
        Operation("POST /notes", "create_note_notes_post"),
        Operation("GET /notes/{note_id}", "read_note_notes_note_id_get"),
        "NoteIn",
        {"title": "Buy milk"},
        {"title": ""},
    ),
    Target(
        BY_KEY["apiflask_openapi"],
        Operation("POST /items", "post_items"),
        Operation("GET /items/{item_id}", "get_items_item_id"),
        "ItemIn",
        ITEM,
        {**ITEM, "name": ""},
    ),
    Target(
        BY_KEY["ninja_openapi"],
        Operation("POST /items", "snippets_openapi_django_app_create_item"),
        Operation("GET /items/{item_id}", "snippets_openapi_django_app_read_item"),
        "ItemIn",
        ITEM,
        {**ITEM, "name": ""},
    ),
)

EXPECTED: dict[str, dict[str, tuple[int, str | None]]] = {
    "fastapi_crud": {
        "create": (201, "NoteOut"),
        "read": (200, "NoteOut"),
        "invalid": (422, "HTTPValidationError"),
        "missing": (404, "NotFound"),
    },
    "apiflask_openapi": {
        "create": (201, "Item"),
        "read": (200, "Item"),
        "invalid": (422, "ValidationError"),
        "missing": (404, "HTTPError"),
    },
    "ninja_openapi": {
        "create": (201, "Item"),
        "read": (200, "Item"),
        "invalid": (422, None),
        "missing": (404, "NotFound"),
    },
}
"""(status, class of `parsed` or None) per app and case."""

OPERATIONS: dict[str, list[str]] = {
    "fastapi_crud": [
        "DELETE /notes/{note_id}",
        "GET /notes",
        "GET /notes/{note_id}",
        "POST /notes",
        "PUT /notes/{note_id}",
    ],
    "apiflask_openapi": ["GET /items/{item_id}", "POST /items"],
    "ninja_openapi": ["GET /items/{item_id}", "POST /items"],
}
"""Every operation each document lists."""


@dataclass
class Generated:
    """A generated client package, imported, and the app it was generated from."""

    target: Target
    app: object
    document: dict
    package: ModuleType

    @property
    def operations(self) -> list[str]:
        return sorted(
            f"{method.upper()} {path}" for path, item in self.document["paths"].items() for method in item
        )

    def model(self, name: str) -> type:
        return getattr(importlib.import_module(f"{self.package.__name__}.models"), name)

    def call(self, operation: Operation, *, raise_on_unexpected_status: bool = False, **kwargs):
        """Call one generated operation against the app in process; returns its `Response`."""
        module = importlib.import_module(f"{self.package.__name__}.api.default.{operation.module}")
        client = self.package.Client(base_url=BASE_URL, raise_on_unexpected_status=raise_on_unexpected_status)
        if self.target.app.library == "FastAPI":

            async def detailed():
                transport = httpx.ASGITransport(app=self.app)
                async with httpx.AsyncClient(transport=transport, base_url=BASE_URL) as http:
                    return await module.asyncio_detailed(client=client.set_async_httpx_client(http), **kwargs)

            return asyncio.run(detailed())
        with httpx.Client(transport=httpx.WSGITransport(app=self.app), base_url=BASE_URL) as http:
            return module.sync_detailed(client=client.set_httpx_client(http), **kwargs)


def read_document(library: str, app: object) -> dict:
    """The app's OpenAPI document, fetched from `/openapi.json` in process."""
    if library == "FastAPI":

        async def fetch():
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url=BASE_URL) as http:
                return await http.get("/openapi.json")

        response = asyncio.run(fetch())
    else:
        with httpx.Client(transport=httpx.WSGITransport(app=app), base_url=BASE_URL) as http:
            response = http.get("/openapi.json")
    assert response.status_code == 200, response.text
    return response.json()


def generate_client(document: dict, package: str, folder) -> None:
    """Write a client package for `document` into `folder/package`, without ruff's post hooks."""
    source = folder / f"{package}.json"
    source.write_text(json.dumps(document), encoding="utf-8")
    config = Config.from_sources(
        ConfigFile(package_name_override=package, post_hooks=[]),
        MetaType.NONE,
        document_source=source,
        file_encoding="utf-8",
        overwrite=False,
        output_path=folder / package,
    )
    problems = generate(config=config)
    assert not problems, "\n".join(f"{problem.header}: {problem.detail}" for problem in problems)


@pytest.fixture(scope="session")
def clients(tmp_path_factory, django_db_setup, django_db_blocker) -> dict[str, Generated]:
    """Every target's client, generated once per session into a temporary folder and imported.

    The FastAPI app gets a database of its own in that folder. Django closes stale database
    connections around every request, so the Django Ninja calls need database access
    (pytest-django's session-level way), although the app itself never queries."""
    folder = tmp_path_factory.mktemp("generated-clients")
    sys.path.insert(0, str(folder))
    generated = {}
    for target in TARGETS:
        app = target.app
        if app.env.get("DATABASE_URL"):
            app = dataclasses.replace(app, env={**app.env, "DATABASE_URL": f"sqlite:///{folder}/notes.db"})
        loaded = app.load()
        with django_db_blocker.unblock():
            document = read_document(app.library, loaded)
        generate_client(document, target.package, folder)
        package = importlib.import_module(target.package)
        generated[target.key] = Generated(target, loaded, document, package)
    yield generated
    sys.path.remove(str(folder))
    for name in [name for name in sys.modules if name.startswith("generated_")]:
        del sys.modules[name]


@dataclass
class Outcome:
    operation: str
    response: object
    """The generated `Response`: `status_code`, `content`, `headers` and `parsed`."""

    @property
    def status(self) -> int:
        return int(self.response.status_code)

    @property
    def parsed(self) -> str | None:
        parsed = self.response.parsed
        return None if parsed is None else type(parsed).__name__

    def as_data(self) -> dict:
        return {"operation": self.operation, "status": self.status, "parsed": self.parsed}


def case_call(generated: Generated, case: str, created_id: int | None = None) -> tuple[Operation, dict]:
    """The operation one case calls and its arguments; read cases need the id the create case got."""
    target = generated.target
    body = generated.model(target.body)
    if case == "create":
        return target.create, {"body": body.from_dict(target.valid)}
    if case == "invalid":
        return target.create, {"body": body.from_dict(target.invalid)}
    (name,) = [part.strip("{}") for part in target.read.label.split("/") if part.startswith("{")]
    return target.read, {name: created_id if case == "read" else created_id + 1}


def first_id(found: dict) -> int | None:
    return found["create"].response.parsed.id if "create" in found else None


def run_cases(generated: Generated) -> dict[str, Outcome]:
    """Create an item, send an invalid body, read the item back and read the next id, which
    does not exist (the FastAPI app has a database of its own, with this one note in it)."""
    cases = ["create", "invalid", *(["read", "missing"] if generated.target.read else [])]
    found = {}
    for case in cases:
        operation, arguments = case_call(generated, case, first_id(found))
        found[case] = Outcome(operation.label, generated.call(operation, **arguments))
    return {case: found[case] for case in CASES if case in found}


@pytest.fixture(scope="session")
def outcomes(clients, django_db_blocker) -> dict[str, dict[str, Outcome]]:
    """Every case of every target, run once per session; also printed at the end of the run."""
    with django_db_blocker.unblock():
        found = {key: run_cases(generated) for key, generated in clients.items()}
    title = "Generated Python client (openapi-python-client)"
    summaries.table(title, lambda: client_table(found), summaries.lines)
    return found


def client_table(found: dict[str, dict[str, Outcome]]) -> list[str]:
    """The outcomes per app, printed at the end of the run like the contract checks' table."""
    lines = []
    for key, outcomes in found.items():
        shown = ", ".join(f"{case} {outcome.status} {outcome.parsed}" for case, outcome in outcomes.items())
        lines.append(f"{BY_KEY[key].library:<13} {shown}")
    return lines


def as_data(clients: dict[str, Generated], found: dict[str, dict[str, Outcome]]) -> dict:
    return {
        "clients": [
            {
                "key": target.key,
                "file": target.app.file,
                "library": target.app.library,
                "framework": target.app.framework,
                "operations": clients[target.key].operations,
                "cases": {case: outcome.as_data() for case, outcome in found[target.key].items()},
            }
            for target in TARGETS
        ]
    }


PAIRS = [(key, case) for key, cases in EXPECTED.items() for case in cases]


@pytest.mark.parametrize("target", TARGETS, ids=lambda target: target.key)
def test_document_lists_the_operations(clients, target):
    assert clients[target.key].operations == OPERATIONS[target.key]
    labels = [target.create.label] + ([target.read.label] if target.read else [])
    assert set(labels) <= set(OPERATIONS[target.key])
    has_read = any(label.startswith("GET ") and "{" in label for label in OPERATIONS[target.key])
    assert has_read == (target.read is not None)


@pytest.mark.parametrize(("key", "case"), PAIRS, ids=[f"{key}-{case}" for key, case in PAIRS])
def test_outcome(outcomes, clients, key, case):
    outcome = outcomes[key][case]
    assert (outcome.status, outcome.parsed) == EXPECTED[key][case], outcome.response.content
    if outcome.parsed is not None:
        assert isinstance(outcome.response.parsed, clients[key].model(outcome.parsed))


@pytest.mark.parametrize("target", TARGETS, ids=lambda target: target.key)
def test_created_item_comes_back_typed(outcomes, target):
    created = outcomes[target.key]["create"].response.parsed
    assert isinstance(created.id, int)
    assert created.to_dict() == {**target.valid, "id": created.id}
    if target.read is not None:
        assert outcomes[target.key]["read"].response.parsed == created


@pytest.mark.parametrize("target", TARGETS, ids=lambda target: target.key)
def test_validation_error_names_the_field(outcomes, target):
    (field,) = [name for name, value in target.invalid.items() if value != target.valid[name]]
    response = outcomes[target.key]["invalid"].response
    body = json.loads(response.content)
    match target.app.library:
        case "FastAPI":
            assert [error.loc for error in response.parsed.detail] == [["body", field]]
        case "APIFlask":
            assert response.parsed.message == "Validation error"
            assert list(response.parsed.detail.additional_properties) == ["json"]
            assert list(response.parsed.detail["json"]) == [field]
        case "Django Ninja":
            assert response.parsed is None
            assert [error["loc"] for error in body["detail"]] == [["body", "item", field]]


def test_apiflask_error_placeholders_become_unused_attributes(clients, outcomes):
    """APIFlask documents its error body with placeholder keys, so the generated model has a
    `location` attribute that real answers never fill; the field messages sit in
    `additional_properties`, untyped."""
    detail = clients["apiflask_openapi"].document["components"]["schemas"]["ValidationError"]
    assert list(detail["properties"]["detail"]["properties"]) == ["<location>"]
    parsed = outcomes["apiflask_openapi"]["invalid"].response.parsed
    assert not parsed.detail.location


def test_missing_note_is_a_typed_error(outcomes):
    parsed = outcomes["fastapi_crud"]["missing"].response.parsed
    assert parsed.detail == "Note not found"


def test_fastapi_404_is_typed_only_because_the_route_declares_it(clients, outcomes, tmp_path, monkeypatch):
    """The same document without the CRUD snippet's `responses=` declaration gives `parsed = None`."""
    generated = clients["fastapi_crud"]
    document = json.loads(json.dumps(generated.document))
    for item in document["paths"].values():
        for operation in item.values():
            operation["responses"].pop("404", None)
    generate_client(document, "generated_fastapi_crud_undeclared", tmp_path)
    monkeypatch.syspath_prepend(tmp_path)
    package = importlib.import_module("generated_fastapi_crud_undeclared")
    undeclared = Generated(generated.target, generated.app, document, package)
    operation, arguments = case_call(
        undeclared, "missing", outcomes["fastapi_crud"]["create"].response.parsed.id
    )
    response = undeclared.call(operation, **arguments)
    assert (response.status_code, response.parsed) == (404, None)


UNTYPED = [(key, case) for key, case in PAIRS if EXPECTED[key][case][1] is None]


@pytest.mark.django_db
@pytest.mark.parametrize(("key", "case"), UNTYPED, ids=[f"{key}-{case}" for key, case in UNTYPED])
def test_untyped_answer_raises_when_asked(clients, outcomes, key, case):
    """An answer the document does not list raises `UnexpectedStatus` with `raise_on_unexpected_status`."""
    generated = clients[key]
    operation, arguments = case_call(generated, case, outcomes[key]["create"].response.parsed.id)
    errors = importlib.import_module(f"{generated.package.__name__}.errors")
    with pytest.raises(errors.UnexpectedStatus) as raised:
        generated.call(operation, raise_on_unexpected_status=True, **arguments)
    assert raised.value.status_code == EXPECTED[key][case][0]


def test_results_file_is_current(clients, outcomes):
    text = json.dumps(as_data(clients, outcomes), indent=2, ensure_ascii=False) + "\n"
    if os.environ.get("UPDATE_CLIENT") == "1":
        RESULTS_FILE.write_text(text, encoding="utf-8")
    assert RESULTS_FILE.read_text(encoding="utf-8") == text, "run with UPDATE_CLIENT=1 and review"


def test_page_table_shows_every_case():
    rendered = contract.client_results(Context(page="tasks/operations.md"))
    for client in contract.client_results_data().clients:
        assert f"`{client.file}`" in rendered
        for outcome in client.cases.values():
            assert f"`{outcome.status}`" in rendered
            assert (f"`{outcome.parsed}`" if outcome.parsed else "`parsed` is `None`") in rendered
