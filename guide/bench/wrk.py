"""Throughput with wrk (closed loop): build the command, run it, parse its result line."""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

SCRIPT = Path(__file__).with_name("wrk_report.lua")
MARKER = "WRK_RESULT "
REQUEST_CAP = 200_000
"""wrk stops after this many responses: a bound on every run besides its duration."""


class WrkMissing(RuntimeError):
    """wrk is not installed."""


class WrkOutputError(ValueError):
    """wrk's output has no result line, or the line is malformed."""


@dataclass(frozen=True)
class WrkResult:
    """What one wrk run measured."""

    requests: int
    duration_s: float
    errors: dict[str, int]
    latency_ms: dict[str, float]

    @property
    def requests_per_s(self) -> float:
        return self.requests / self.duration_s if self.duration_s > 0 else 0.0

    @property
    def error_count(self) -> int:
        return sum(self.errors.values())


def find_wrk() -> str:
    """Path of the wrk binary.

    Raises:
        WrkMissing: wrk is not on PATH, with the command that installs it.
    """
    path = shutil.which("wrk")
    if path is None:
        raise WrkMissing("wrk is not installed: install Debian's wrk (sudo apt-get install wrk)")
    return path


def command(
    url: str,
    *,
    connections: int,
    duration_s: int,
    method: str = "GET",
    body: str = "",
    expected_status: int = 200,
    timeout_s: int = 5,
    cpu: int | None = None,
    wrk: str = "wrk",
) -> list[str]:
    """The wrk command line: one thread, `connections` connections, pinned to `cpu` with taskset."""
    pin = ["taskset", "--cpu-list", str(cpu)] if cpu is not None else []
    return [
        *pin,
        wrk,
        "--threads",
        "1",
        "--connections",
        str(connections),
        "--duration",
        f"{duration_s}s",
        "--timeout",
        f"{timeout_s}s",
        "--script",
        str(SCRIPT),
        url,
        "--",
        method,
        str(expected_status),
        str(REQUEST_CAP),
        body,
    ]


def parse(output: str) -> WrkResult:
    """Read the result line that `wrk_report.lua` prints.

    Raises:
        WrkOutputError: No result line, or a field is missing or not a number.
    """
    lines = [line for line in output.splitlines() if line.startswith(MARKER)]
    if not lines:
        raise WrkOutputError("wrk printed no result line (WRK_RESULT ...); output was:\n" + output[-2000:])
    try:
        data = json.loads(lines[-1][len(MARKER) :])
        errors = {name: int(data["errors"][name]) for name in ("connect", "read", "write", "timeout")}
        errors["status"] = max(int(data["errors"]["status"]), int(data["errors"]["unexpected_status"]))
        latency = {
            name: float(data["latency_us"][name]) / 1000 for name in ("mean", "p50", "p90", "p99", "max")
        }
        return WrkResult(
            requests=int(data["requests"]),
            duration_s=int(data["duration_us"]) / 1_000_000,
            errors=errors,
            latency_ms=latency,
        )
    except (ValueError, KeyError, TypeError) as error:
        raise WrkOutputError(f"wrk result line is malformed ({error!r}): {lines[-1]}") from None


def run(arguments: list[str], duration_s: int) -> WrkResult:
    """Run a wrk command (bounded by its duration plus a margin) and parse its result."""
    try:
        finished = subprocess.run(  # noqa: S603
            arguments, capture_output=True, text=True, timeout=duration_s + 30, check=False
        )
    except FileNotFoundError:
        raise WrkMissing(
            f"cannot run {arguments[0]}: install Debian's wrk (sudo apt-get install wrk) and util-linux"
        ) from None
    if finished.returncode != 0:
        raise WrkOutputError(f"wrk exited with code {finished.returncode}: {finished.stderr.strip()[-500:]}")
    return parse(finished.stdout)
