"""OpenAPI contract results (`data/contract_results.json`): does each app's document match what it does?

`tests/contract/test_openapi_contract.py` runs Schemathesis against every snippet app that
publishes an OpenAPI document and writes what it found to the data file (`UPDATE_CONTRACT=1`);
the test fails when the file is stale. This module renders the file as a table on the
operations page and computes the matrix verdict per framework from it, so the verdict in
`data/matrix.yml` can be checked against the run.
"""

from __future__ import annotations

from functools import cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from guide import data, versions
from guide.frameworks import FRAMEWORKS, LABELS, Framework
from guide.render import Context, directive, table

RESULTS_FILE = "contract_results.json"


class Finding(BaseModel):
    """One failed check: which check, on which operation, and what happened."""

    model_config = ConfigDict(extra="forbid")
    check: str
    operation: str
    finding: str


class SnippetApp(BaseModel):
    """One snippet app a results file reports on: which file, library and framework, which operations."""

    model_config = ConfigDict(extra="forbid")
    key: str
    file: str = Field(pattern=r"^snippets/[a-z0-9_/]+\.py$")
    library: str
    framework: Framework
    operations: list[str] = Field(min_length=1)


class AppResult(SnippetApp):
    """The contract checks on one snippet app."""

    checks: dict[str, Literal["passed", "failed"]]
    findings: list[Finding]

    @property
    def passed(self) -> int:
        return sum(status == "passed" for status in self.checks.values())

    @property
    def failed(self) -> int:
        return sum(status == "failed" for status in self.checks.values())


class Results(BaseModel):
    """The whole of `data/contract_results.json`."""

    model_config = ConfigDict(extra="forbid")
    apps: list[AppResult] = Field(min_length=1)

    def of(self, framework: str) -> list[AppResult]:
        return [app for app in self.apps if app.framework == framework]


@cache
def results() -> Results:
    """Load and validate the results file (once per process)."""
    return data.load(RESULTS_FILE, Results)


def verdict(framework: str) -> str:
    """The matrix verdict for one framework, computed from the results."""
    apps = results().of(framework)
    passed = sum(app.passed for app in apps)
    total = sum(len(app.checks) for app in apps)
    libraries = " and ".join(sorted({app.library for app in apps}))
    failing = sorted({finding.check for app in apps for finding in app.findings})
    summary = f"{libraries}: {passed} of {total} checks passed over {len(apps)} apps"
    return f"{summary}; failed: {', '.join(failing)}." if failing else f"{summary}."


@directive("contract-results")
def contract_results(context: Context) -> str:
    """A table per framework: each app, its checks passed and failed, and every finding named."""
    rows = []
    for framework in FRAMEWORKS:
        for app in results().of(framework):
            findings = "<br>".join(
                f"`{item.operation}`: {item.finding} ({item.check})" for item in app.findings
            )
            rows.append(
                [
                    LABELS[framework],
                    f"{app.library}, `{app.file}`",
                    str(app.passed),
                    str(app.failed),
                    findings or "none",
                ]
            )
    return table(["Framework", "App", "Checks passed", "Checks failed", "Findings"], rows)


CLIENT_RESULTS_FILE = "client_results.json"
CLIENT_CASES = {
    "create": "Create",
    "read": "Read it back",
    "invalid": "Invalid body",
    "missing": "Missing id",
}
"""The cases of the generated-client tests, in table order, with their column titles."""
CLIENT_PACKAGES = ("openapi-python-client", "fastapi", "apiflask", "django-ninja", "django")
"""The packages whose locked versions the generated-client section names."""


class ClientOutcome(BaseModel):
    """What one call through the generated client returned: the status and the class of `parsed`."""

    model_config = ConfigDict(extra="forbid")
    operation: str = Field(pattern=r"^(GET|POST|PUT|PATCH|DELETE) /")
    status: int = Field(ge=100, le=599)
    parsed: str | None

    @property
    def returns(self) -> str:
        """In words: a typed object, a typed error or the untyped fallback."""
        if self.parsed is None:
            return "untyped: `parsed` is `None`"
        kind = "typed object" if self.status < 400 else "typed error"
        return f"{kind} `{self.parsed}`"


class ClientResult(SnippetApp):
    """The generated-client cases on one snippet app."""

    cases: dict[Literal["create", "read", "invalid", "missing"], ClientOutcome]


class ClientResults(BaseModel):
    """The whole of `data/client_results.json`."""

    model_config = ConfigDict(extra="forbid")
    clients: list[ClientResult] = Field(min_length=1)


@cache
def client_results_data() -> ClientResults:
    """Load and validate the generated-client results (once per process)."""
    return data.load(CLIENT_RESULTS_FILE, ClientResults)


def client_versions() -> str:
    """The locked versions of the generator and the frameworks, with the stacks where they differ."""
    named = []
    for package in CLIENT_PACKAGES:
        locked = [(stack, versions.version(package, stack_name=stack.name)) for stack in versions.STACKS]
        if versions.differs(package):
            shown = " and ".join(f"{number} ({stack.title} stack)" for stack, number in locked)
        else:
            shown = locked[0][1]
        named.append(f"`{package}` {shown}")
    return ", ".join(named)


@directive("client-results")
def client_results(context: Context) -> str:
    """A table per snippet app: for each case, the status and what the generated client returns."""
    rows = []
    for framework in FRAMEWORKS:
        for client in client_results_data().clients:
            if client.framework != framework:
                continue
            cells = []
            for case in CLIENT_CASES:
                outcome = client.cases.get(case)
                if outcome is None:
                    listed = ", ".join(f"`{operation}`" for operation in client.operations)
                    cells.append(f"no such operation (the document has only {listed})")
                else:
                    cells.append(f"`{outcome.status}`, {outcome.returns}")
            rows.append([LABELS[framework], f"{client.library}, `{client.file}`", *cells])
    header = ["Framework", "App", *CLIENT_CASES.values()]
    return table(header, rows) + f"\n\nGenerated and run on both stacks with {client_versions()}."
