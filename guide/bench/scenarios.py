"""What the harness measures: the scenarios, and which configurations run each one (the matrix).

A scenario fixes the request (method, path, body), the status and body every
response must have, the number of wrk connections, and the request rate of
the open-loop latency measurement (chosen below the slowest configuration's
capacity, so every server in the scenario is measured unsaturated).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from guide.bench.configurations import CONFIGURATIONS

BASELINE = "flask-gunicorn-sync"
"""The configuration every ratio is computed against; it runs in every scenario."""

ROUTE_COUNTS = (10, 1000)


def json_equals(expected: object) -> Callable[[bytes], bool]:
    """A body check: the response is JSON equal to `expected`."""

    def check(body: bytes) -> bool:
        try:
            return json.loads(body) == expected
        except ValueError:
            return False

    return check


def contains(text: str) -> Callable[[bytes], bool]:
    """A body check: the response contains `text`."""
    return lambda body: text.encode() in body


def product_list(body: bytes) -> bool:
    """A body check for the database read: 20 products, the first one with id 1."""
    try:
        rows = json.loads(body)
    except ValueError:
        return False
    return (
        isinstance(rows, list)
        and len(rows) == 20
        and rows[0] == {"id": 1, "name": "Product 1", "price": 1.25}
    )


@dataclass(frozen=True)
class Scenario:
    """One kind of request, sent to every configuration in its row of the matrix."""

    name: str
    title: str
    section: str
    """The page section (anchor) that shows it: results, io-bound or routing."""
    path: str
    check: Callable[[bytes], bool] = field(compare=False, repr=False)
    method: str = "GET"
    body: str = ""
    expected_status: int = 200
    connections: int = 32
    open_loop_rate: float = 100.0
    """Requests per second of the open-loop latency measurement."""
    description: str = ""


VALID_ITEM = {"name": "Chair", "price": 49.5, "quantity": 2}
POSTGRES_ENV = {
    "DATABASE_URL": "{POSTGRES_URL}",
    "DJANGO_SETTINGS_MODULE": "snippets.bench.django_postgres_settings",
}
"""What points a cell at PostgreSQL; `{POSTGRES_URL}` is filled in by the runner once the server runs."""


def _scenarios() -> dict[str, Scenario]:
    scenarios = [
        Scenario(
            "hello",
            "JSON hello",
            "results",
            "/hello",
            json_equals({"message": "Hello, world"}),
            description="GET a constant JSON object: the framework's fixed cost per request.",
        ),
        Scenario(
            "params",
            "Path and query parameters",
            "results",
            "/users/42/items?limit=5&q=chair",
            json_equals({"user_id": 42, "limit": 5, "q": "chair"}),
            description="An integer path parameter and two query parameters, converted and echoed.",
        ),
        Scenario(
            "validation",
            "Body validation (POST)",
            "results",
            "/items",
            json_equals(VALID_ITEM),
            method="POST",
            body=json.dumps(VALID_ITEM),
            expected_status=201,
            description="POST a JSON object that is parsed, validated (three constrained fields) and echoed.",
        ),
        Scenario(
            "template",
            "HTML template",
            "results",
            "/page",
            contains("<li>Item 20: 30.00</li>"),
            description="Render a list of 20 items with the framework's usual template engine.",
        ),
        Scenario(
            "database",
            "SQLite read",
            "results",
            "/products",
            product_list,
            description="Read 20 rows from SQLite through the usual data layer and return them as JSON.",
        ),
        Scenario(
            "database-postgres",
            "PostgreSQL read",
            "results",
            "/products",
            product_list,
            description=(
                "Read 20 rows from PostgreSQL (a local server on loopback) through the usual data layer,"
                " with pooled connections, and return them as JSON."
            ),
        ),
    ]
    for milliseconds, rate in ((10, 25.0), (100, 5.0)):
        scenarios.append(
            Scenario(
                f"io-{milliseconds}ms",
                f"I/O wait {milliseconds} ms",
                "io-bound",
                f"/io/{milliseconds}",
                json_equals({"waited_ms": milliseconds}),
                open_loop_rate=rate,
                description=f"The handler waits {milliseconds} ms (a sleep stands in for an upstream call).",
            )
        )
    for count in ROUTE_COUNTS:
        last = count - 1
        scenarios.append(
            Scenario(
                f"routing-{count}",
                f"Routing, {count:,} routes",
                "routing",
                f"/route{last}/7",
                json_equals({"route": last, "item_id": 7}),
                open_loop_rate=15.0,
                description=f"An app with {count:,} routes; the request matches the last one registered.",
            )
        )
    return {scenario.name: scenario for scenario in scenarios}


SCENARIOS = _scenarios()


@dataclass(frozen=True)
class Cell:
    """One scenario under one configuration, with what differs from the configuration's defaults."""

    scenario: str
    configuration: str
    path: str
    app: str | None = None
    env: Mapping[str, str] = field(default_factory=dict)

    @property
    def key(self) -> str:
        return f"{self.scenario}/{self.configuration}"


def _cells() -> list[Cell]:
    cells: list[Cell] = []

    def add(scenario: str, configurations: list[str], **overrides) -> None:
        for configuration in configurations:
            path = overrides.get("paths", {}).get(configuration, SCENARIOS[scenario].path)
            cells.append(
                Cell(
                    scenario,
                    configuration,
                    path,
                    app=overrides.get("apps", {}).get(configuration),
                    env=overrides.get("env", {}),
                )
            )

    add("hello", [name for name in CONFIGURATIONS if name != "fastapi-uvicorn-async-blocking"])
    add("params", ["flask-gunicorn-sync", "fastapi-uvicorn-async", "django-gunicorn"])
    add(
        "validation",
        [
            "flask-gunicorn-sync",
            "fastapi-uvicorn-async",
            "django-gunicorn",
            "ninja-gunicorn",
            "apiflask-gunicorn",
            "smorest-gunicorn",
        ],
    )
    add("template", ["flask-gunicorn-sync", "fastapi-uvicorn-async", "django-gunicorn"])
    add("database", ["flask-gunicorn-sync", "fastapi-uvicorn-def", "django-gunicorn"])
    add(
        "database-postgres",
        ["flask-gunicorn-sync", "fastapi-uvicorn-def", "django-gunicorn"],
        env=POSTGRES_ENV,
    )
    for milliseconds in (10, 100):
        add(
            f"io-{milliseconds}ms",
            [
                "flask-gunicorn-sync",
                "flask-gunicorn-gthread",
                "flask-gunicorn-gevent",
                "fastapi-uvicorn-def",
                "fastapi-uvicorn-async",
                "fastapi-uvicorn-async-blocking",
            ],
            paths={"fastapi-uvicorn-async-blocking": f"/io-blocking/{milliseconds}"},
        )
    for count in ROUTE_COUNTS:
        add(
            f"routing-{count}",
            ["flask-gunicorn-sync", "fastapi-uvicorn-async", "django-gunicorn"],
            apps={
                "flask-gunicorn-sync": "snippets.bench.flask_routes:app",
                "fastapi-uvicorn-async": "snippets.bench.fastapi_routes:app",
                "django-gunicorn": "snippets.django_site.wsgi:app",
            },
            env={"ROUTE_COUNT": str(count), "DJANGO_URLCONF": "snippets.bench.django_routes"},
        )
    return cells


CELLS = _cells()
"""The full matrix: every scenario with the configurations that run it."""

SMOKE_CELLS = [
    Cell("hello", "flask-gunicorn-sync", "/hello"),
    Cell("hello", "fastapi-uvicorn-async", "/hello"),
    Cell("hello", "django-gunicorn", "/hello"),
]
"""The smoke run: one scenario per framework, real servers, seconds."""
