"""What can go wrong in a run, and the checks that tell: a wrong answer, a server that does not
recover, a load run with errors."""

from __future__ import annotations

import urllib.error
import urllib.request

from guide.bench import wrk
from guide.bench.scenarios import SCENARIOS, Cell


class BenchError(RuntimeError):
    """The harness cannot run at all (a tool is missing); the message says what to install."""


class CellFailed(RuntimeError):
    """One visit went wrong: the server did not start, answered wrongly, or requests failed."""


def request(url: str, method: str, body: str, timeout: float = 10) -> tuple[int, bytes]:
    """One request with urllib; returns status and body (also for error statuses)."""
    data = body.encode() if body else None
    headers = {"Content-Type": "application/json"} if body else {}
    prepared = urllib.request.Request(url, data=data, method=method, headers=headers)  # noqa: S310
    try:
        with urllib.request.urlopen(prepared, timeout=timeout) as response:  # noqa: S310
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def prime(url: str, cell: Cell) -> None:
    """Send a few requests and check status and body, so a wrong answer fails before any measuring."""
    scenario = SCENARIOS[cell.scenario]
    for _ in range(3):
        status, body = request(url, scenario.method, scenario.body)
        if status != scenario.expected_status or not scenario.check(body):
            expected = scenario.expected_status
            raise CellFailed(
                f"unexpected response from {cell.path}: status {status} (expected {expected}),"
                f" body {body[:200]!r}"
            )


def drain(url: str, cell: Cell, timeout: float) -> None:
    """Wait until the server has worked through the requests a finished wrk run left queued.

    When wrk stops, its open connections may still sit in the server's accept
    queue (a sync worker serves them one by one, 100 ms each in the slow I/O
    scenario). One more request waits behind them; when it is answered, the
    queue is empty and the next measurement starts on an idle server.
    """
    scenario = SCENARIOS[cell.scenario]
    try:
        request(url, scenario.method, scenario.body, timeout=timeout)
    except OSError as error:
        raise CellFailed(f"server did not recover after a wrk run: {error}") from None


def failure_of(result: wrk.WrkResult) -> str | None:
    """Why a wrk run cannot be reported as a number, or None when it can."""
    if result.error_count:
        details = ", ".join(f"{name} {count}" for name, count in result.errors.items() if count)
        return f"wrk saw {result.error_count} errors ({details})"
    if result.requests == 0:
        return "wrk completed no request"
    if result.requests >= wrk.REQUEST_CAP:
        return f"wrk hit the request cap ({wrk.REQUEST_CAP}); the duration no longer measures throughput"
    return None


def open_loop_failure(result: dict) -> str | None:
    """Why an open-loop run cannot be reported, or None."""
    if result["errors"]:
        count, sent, first = result["errors"], result["sent"], result["first_error"]
        return f"open-loop client: {count} of {sent} requests failed ({first})"
    if not result["ok"]:
        return "open-loop client completed no request"
    return None
