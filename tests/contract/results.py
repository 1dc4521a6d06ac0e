"""What the contract tests found, collected while Schemathesis runs; kept in `data/contract_results.json`.

Every response Schemathesis validates passes through `record`: each check that ran is
counted as passed for that app until one of its runs fails, and every failure is kept as a
finding named by check, operation and what happened, without the generated data, so the
same run always names the same findings.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from guide import ROOT
from tests.contract.apps import APPS, ContractApp

RESULTS_FILE = ROOT / "data" / "contract_results.json"


@dataclass
class AppResult:
    app: ContractApp
    operations: set[str] = field(default_factory=set)
    ran: set[str] = field(default_factory=set)
    failed: set[str] = field(default_factory=set)
    findings: set[tuple[str, str, str]] = field(default_factory=set)

    def as_data(self) -> dict:
        return {
            "key": self.app.key,
            "file": self.app.file,
            "library": self.app.library,
            "framework": self.app.framework,
            "operations": sorted(self.operations),
            "checks": {name: ("failed" if name in self.failed else "passed") for name in sorted(self.ran)},
            "findings": [
                {"check": check, "operation": operation, "finding": finding}
                for check, operation, finding in sorted(self.findings)
            ],
        }


RESULTS: dict[str, AppResult] = {app.key: AppResult(app) for app in APPS}


def record(key: str, case, response, results) -> None:
    """Keep the outcome of every check that ran on one response of app `key`."""
    result = RESULTS[key]
    operation = case.operation.label
    result.operations.add(operation)
    for outcome in results:
        result.ran.add(outcome.name)
        if outcome.failure is not None:
            result.failed.add(outcome.name)
            result.findings.add((outcome.name, operation, describe(outcome.failure, case, response)))


def describe(failure, case, response) -> str:
    """A short, stable description of one failure: what was sent and what came back."""
    status = response.status_code
    name = type(failure).__name__
    if name == "UndefinedStatusCode":
        documented = ", ".join(str(code) for code in failure.defined_status_codes)
        return f"status {status} not documented (documented: {documented}) for {request_kind(case, response)}"
    if name == "RejectedPositiveData" and not response.request.body:
        return f"request without a body (optional in the document) rejected with {status}"
    if name == "RejectedPositiveData":
        return f"schema-valid request rejected with {status} ({rejection_reason(response)})"
    if name == "AcceptedNegativeData":
        return f"schema-violating request accepted with {status}"
    if name == "UnsupportedMethodResponse":
        return f"{failure.method} answered {status}: {failure.failure_reason}"
    if name == "AllowHeaderMismatch":
        missing = ", ".join(sorted(failure.missing_methods or []))
        return f"OPTIONS answered {status} with Allow: {failure.allow_header} (missing {missing})"
    if name == "JsonSchemaError":
        return f"{status} response body violates its schema ({failure.validation_message})"
    return f"{failure.title} ({status})"


def rejection_reason(response) -> str:
    """The first field error of a validation answer: Pydantic's list or marshmallow's mapping."""
    detail = json.loads(response.content)["detail"]
    if isinstance(detail, list):
        return f"{detail[0]['loc'][-1]}: {detail[0]['msg']}"
    field, messages = next(iter(detail["json"].items()))
    return f"{field}: {messages[0]}"


def request_kind(case, response) -> str:
    """What kind of request got an answer: a malformed JSON body, a schema-violating one or a valid one."""
    body = response.request.body
    if not body and case.operation.body:
        return "a request without a body"
    content_type = response.request.headers.get("Content-Type", "")
    if body and "json" in content_type:
        try:
            text = body.decode() if isinstance(body, bytes) else body
        except UnicodeDecodeError:
            return "a JSON body that is not UTF-8"
        try:
            json.loads(text)
        except ValueError:
            return "a malformed JSON body"
    meta = case.meta
    if meta is not None and meta.generation.mode.name == "NEGATIVE":
        return "a schema-violating request"
    return "a schema-valid request"


def complete() -> bool:
    """Whether every app's test ran in this session (a `-k` selection leaves some out)."""
    return all(result.operations for result in RESULTS.values())


def as_data() -> dict:
    return {"apps": [RESULTS[app.key].as_data() for app in APPS]}


def dump(data: dict) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
