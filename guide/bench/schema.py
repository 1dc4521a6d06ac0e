"""The result file format, validated with Pydantic; every error names the file and the field.

A result file is what one `python -m guide.bench` run writes under
`data/benchmarks/`. The site's numbers come only from these files. `/data/benchmarks.json`
publishes most of its objects as they are, so `guide.schemas` checks them with these models and the
published-data page (`docs/reference/published-data.md`) shows their docstrings to readers.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from guide import ROOT
from guide.data import DataError

MIN_REPEATS = 5
"""Every published (full) cell that did not fail has at least this many samples."""


class Strict(BaseModel):
    """A model that rejects fields it does not declare, so a misspelt key is an error, not a default;
    each field's docstring becomes its description."""

    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)


class Memory(Strict):
    """Memory of the server's processes at one moment, in mebibytes."""

    workers: int = Field(ge=1)
    """Worker processes (a server without separate workers counts as its own)."""
    worker_rss_mb: float = Field(gt=0)
    """Resident memory of the largest worker."""
    worker_pss_mb: float = Field(gt=0)
    """Proportional memory of the largest worker: pages shared with other processes count in part;
    the better figure for what one more worker costs."""
    total_rss_mb: float = Field(gt=0)
    """Resident memory of all the server's processes together, main process included."""
    total_pss_mb: float = Field(gt=0)
    """Proportional memory of all the server's processes together."""


class Errors(Strict):
    """Failed requests of the throughput measurement, by kind; all 0 in a published sample."""

    connect: int
    """Connections that could not be opened."""
    read: int
    """Responses that could not be read."""
    write: int
    """Requests that could not be sent."""
    timeout: int
    """Requests that timed out."""
    status: int
    """Answers with another HTTP status than the scenario expects."""


class Latency(Strict):
    """Latency of the throughput measurement, as wrk reports it, in milliseconds."""

    mean: float
    """The mean."""
    p50: float
    """The median."""
    p90: float
    """The 90th percentile."""
    p99: float
    """The 99th percentile."""
    max: float
    """The slowest request."""


class OpenLoop(Strict):
    """The fixed-rate latency measurement: requests sent on schedule whether or not the earlier ones
    were answered, each on a new connection, timed from when it was due."""

    rate: float = Field(gt=0)
    """Requests per second sent."""
    sent: int = Field(ge=1)
    """Requests sent."""
    ok: int = Field(ge=1)
    """Requests answered with the expected status."""
    errors: Literal[0]
    """Failed requests: always 0, a sample with failures is not published."""
    p50_ms: float
    """Median latency."""
    p99_ms: float
    """99th percentile latency."""
    max_ms: float
    """The slowest request."""
    first_error: None = None
    """Always null, for the same reason."""


class Cpu(Strict):
    """CPU use during the throughput measurement. Busy figures are fractions of one core, 0 to 1."""

    # Measured by `probes.CpuWindow`.
    server_cpu_s: float = Field(gt=0)
    """CPU seconds the server's processes used."""
    server_core_busy: float = Field(ge=0, le=1)
    """How busy the server's core was, whatever used it."""
    server_process: float = Field(ge=0, le=1)
    """The share of the server's core the server's processes used."""
    server_core_other: float = Field(ge=0, le=1)
    """The share of the server's core that other programs used: near 0 on a quiet machine."""
    load_core_busy: float = Field(ge=0, le=1)
    """How busy the load generator's core was."""


class Sample(Strict):
    """One repeat of one cell, measured during one visit to a freshly started server."""

    round: int = Field(ge=1)
    """The round it was measured in, from 1."""
    position: int = Field(ge=1)
    """Which server of its round this was, from 1 (the order is random in every round)."""
    started: str
    """When the measurement began, ISO 8601 with time zone."""
    load_average: list[float] = Field(min_length=3, max_length=3)
    """The machine's 1, 5 and 15 minute load averages just before."""
    cold_start_s: float = Field(gt=0)
    """Seconds from starting the server to its first answer; the same for every scenario measured in
    the same visit."""
    requests: int = Field(ge=1)
    """Requests answered during the throughput measurement."""
    duration_s: float = Field(gt=0)
    """How long the throughput measurement lasted."""
    requests_per_s: float = Field(gt=0)
    """Requests answered per second of that measurement."""
    requests_per_cpu_s: float = Field(gt=0)
    """Requests answered per CPU second the server's processes used."""
    latency_ms: Latency
    """Latency of the throughput measurement."""
    errors: Errors
    """Failed requests of the throughput measurement."""
    open_loop: OpenLoop
    """The fixed-rate latency measurement that followed."""
    cpu: Cpu
    """CPU use during the throughput measurement."""
    memory_after_warmup: Memory
    """Memory after the warm-up, before the measurement."""
    memory_after_load: Memory
    """Memory after both measurements."""

    # No docstring: the published-data page leaves members without one out.
    @model_validator(mode="after")
    def no_errors(self) -> Sample:
        counts = self.errors.model_dump()
        if any(counts.values()):
            raise ValueError(f"a sample with errors {counts} must not be published as a number")
        return self


class Cell(Strict):
    """One scenario measured in one configuration (`/data/benchmarks.json` publishes it reshaped)."""

    scenario: str
    """The scenario's key in the file's `scenarios`."""
    configuration: str
    """The configuration's key in the file's `configurations`."""
    path: str
    """The request path, with its query string."""
    app: str
    """The benchmark app served, as `module:attribute`."""
    env: dict[str, str]
    """Environment variables set for the server."""
    server_command: str
    """The full server command line, with the CPU pinning; `{port}` stands for the port."""
    wrk_command: str
    """The full wrk command line of the throughput measurement."""
    status: Literal["ok", "failed"]
    """`ok` when every repeat was measured, `failed` when one went wrong."""
    failure: str | None
    """What went wrong, with its round; null when the status is `ok`."""
    samples: list[Sample]
    """Every repeat, in the order measured; empty for a failed cell."""

    @model_validator(mode="after")
    def failure_matches_status(self) -> Cell:
        if self.status == "failed" and (not self.failure or self.samples):
            raise ValueError("a failed cell has a failure message and no samples")
        if self.status == "ok" and (self.failure or not self.samples):
            raise ValueError("an ok cell has samples and no failure message")
        return self


class Configuration(Strict):
    """A framework under one server setup (`flask-gunicorn-sync`)."""

    label: str
    """Its name on the benchmarks page."""
    framework: str
    """The framework or library serving the requests (`flask`, `django-ninja`)."""
    server: str
    """The server program (`gunicorn`, `uvicorn`, `granian`)."""
    worker_model: str
    """How the server handles requests, in words (`1 process, 1 request at a time`)."""
    workers: int
    """Worker processes."""
    threads: int | None
    """Threads or greenlets per worker; null when the server model has none to set."""
    app: str
    """The benchmark app it serves, as `module:attribute` in our repository."""
    command: str
    """The server command line; `{port}` stands for the port chosen at run time."""
    env: dict[str, str]
    """Environment variables set for the server; often empty."""


class Scenario(Strict):
    """One kind of request, measured in every configuration that can serve it."""

    title: str
    """Its name on the benchmarks page (`JSON hello`)."""
    section: Literal["results", "io-bound", "routing"]
    """The part of the benchmarks page that shows it."""
    description: str
    """What the handler does, in one sentence."""
    method: str
    """The HTTP method (`GET`)."""
    path: str
    """The request path, with its query string."""
    body: str
    """The request body; empty for none."""
    expected_status: int
    """The HTTP status every answer must have."""
    connections: int
    """Open connections during the throughput measurement."""
    open_loop_rate: float
    """Requests per second of the fixed-rate latency measurement."""


class Machine(Strict):
    """The computer a run was made on."""

    cpu_model: str
    """The processor's model name."""
    cores: int
    """Logical cores."""
    physical_cores: int | None
    """Physical cores; null when the system does not say."""
    memory_gb: float
    """Main memory in gibibytes, to one decimal."""
    kernel: str
    """The operating system kernel's release."""
    os: str
    """The platform string of the operating system."""
    python: str
    """The Python version (`3.13.0`)."""
    python_implementation: str
    """`CPython` for every published run."""


class PackageVersion(Strict):
    """One package's version in a run."""

    locked: str | None
    """The version our lock file pins; null when it pins none."""
    installed: str | None
    """The version installed when the run was made; null when it was not installed."""


class Run(Strict):
    """When, where and how a run was made."""

    mode: Literal["full", "smoke"]
    """`full` for a run the site may publish, `smoke` for a short trial run."""
    started: str
    """When the run began, ISO 8601 with time zone."""
    finished: str
    """When it ended, ISO 8601 with time zone."""
    duration_s: float
    """How long it took."""
    bytecode_compile_s: float | None
    """How long compiling the code to bytecode took; null when the run did not compile it."""
    command: str
    """The command that started the run."""
    load_average_start: list[float] = Field(min_length=3, max_length=3)
    """The machine's 1, 5 and 15 minute load averages when the run began."""
    load_average_end: list[float] = Field(min_length=3, max_length=3)
    """The same when it ended."""
    machine: Machine
    """The computer."""
    wrk: str
    """wrk's version line."""
    packages: dict[str, PackageVersion]
    """The version of each package that matters to the figures, by PyPI name."""
    settings: dict[str, object]
    """The harness settings, by name (`guide.bench.settings.Settings`)."""


class ImportTime(Strict):
    """How long a fresh Python process takes to import one benchmark app, once per repeat."""

    modules: list[str]
    """The modules imported, in order."""
    seconds: list[float] = Field(min_length=1)
    """Seconds each repeat took."""


class ResultFile(Strict):
    """One result file: what one `python -m guide.bench` run writes."""

    schema_: Literal[1] = Field(alias="schema")
    """The version of this format."""
    run: Run
    """When, where and how the run was made."""
    configurations: dict[str, Configuration]
    """Every configuration measured, by key (`flask-gunicorn-sync`)."""
    scenarios: dict[str, Scenario]
    """Every scenario measured, by key (`hello`)."""
    import_times: dict[str, ImportTime]
    """Import time of each benchmark app, keyed by its modules joined with ` + `."""
    cells: list[Cell] = Field(min_length=1)
    """Every scenario and configuration pair measured."""

    @model_validator(mode="after")
    def consistent(self) -> ResultFile:
        for index, cell in enumerate(self.cells):
            if cell.scenario not in self.scenarios:
                raise ValueError(f"cells.{index}.scenario: unknown scenario {cell.scenario!r}")
            if cell.configuration not in self.configurations:
                raise ValueError(f"cells.{index}.configuration: unknown configuration {cell.configuration!r}")
        return self


def _problems(error: ValidationError, name: str) -> list[str]:
    return [
        f"{name}: {'.'.join(str(part) for part in issue['loc']) or '(document)'}: {issue['msg']}"
        for issue in error.errors()
    ]


def validate_document(document: object, name: str, require_full: bool = True) -> list[str]:
    """Every problem of a result document, each as "<file>: <field path>: <message>"."""
    try:
        result = ResultFile.model_validate(document)
    except ValidationError as error:
        return _problems(error, name)
    problems = []
    if require_full:
        if result.run.mode != "full":
            problems.append(f"{name}: run.mode: a published run must be a full run, not {result.run.mode!r}")
        for index, cell in enumerate(result.cells):
            if cell.status == "ok" and len(cell.samples) < MIN_REPEATS:
                problems.append(
                    f"{name}: cells.{index}.samples: {cell.scenario}/{cell.configuration} has "
                    f"{len(cell.samples)} repeats, at least {MIN_REPEATS} are needed"
                )
        for key, timing in result.import_times.items():
            if len(timing.seconds) < MIN_REPEATS:
                problems.append(f"{name}: import_times.{key}.seconds: fewer than {MIN_REPEATS} repeats")
    return problems


def load(path: Path) -> ResultFile:
    """Read and validate one published result file.

    Raises:
        DataError: The file is missing, not JSON, or a field is wrong; the message names both.
    """
    name = str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataError(f"{name}: file not found") from None
    except json.JSONDecodeError as error:
        raise DataError(f"{name}: not valid JSON: {error}") from None
    problems = validate_document(document, name)
    if problems:
        raise DataError("; ".join(problems))
    return ResultFile.model_validate(document)
