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

from guide import data
from guide.frameworks import FRAMEWORKS, LABELS
from guide.render import Context, directive, table

RESULTS_FILE = "contract_results.json"


class Finding(BaseModel):
    """One failed check: which check, on which operation, and what happened."""

    model_config = ConfigDict(extra="forbid")
    check: str
    operation: str
    finding: str


class AppResult(BaseModel):
    """The contract checks on one snippet app."""

    model_config = ConfigDict(extra="forbid")
    key: str
    file: str = Field(pattern=r"^snippets/[a-z0-9_/]+\.py$")
    library: str
    framework: Literal["flask", "fastapi", "django"]
    operations: list[str] = Field(min_length=1)
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
