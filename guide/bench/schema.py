"""The result file format, validated with Pydantic; every error names the file and the field.

A result file is what one `python -m guide.bench` run writes under
`data/benchmarks/`. The site's numbers come only from these files.
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
    """A model that rejects fields it does not declare, so a misspelt key is an error, not a default."""

    model_config = ConfigDict(extra="forbid")


class Memory(Strict):
    workers: int = Field(ge=1)
    worker_rss_mb: float = Field(gt=0)
    worker_pss_mb: float = Field(gt=0)
    total_rss_mb: float = Field(gt=0)
    total_pss_mb: float = Field(gt=0)


class Errors(Strict):
    connect: int
    read: int
    write: int
    timeout: int
    status: int


class Latency(Strict):
    """wrk's latency distribution of the measured window, in milliseconds."""

    mean: float
    p50: float
    p90: float
    p99: float
    max: float


class OpenLoop(Strict):
    rate: float = Field(gt=0)
    sent: int = Field(ge=1)
    ok: int = Field(ge=1)
    errors: Literal[0]
    p50_ms: float
    p99_ms: float
    max_ms: float
    first_error: None = None


class Cpu(Strict):
    """CPU use during the measured window (see `probes.CpuWindow`); the shares are fractions of one core."""

    server_cpu_s: float = Field(gt=0)
    """CPU seconds the server's processes used."""
    server_core_busy: float = Field(ge=0, le=1)
    server_process: float = Field(ge=0, le=1)
    """The share of the server core the server's processes used."""
    server_core_other: float = Field(ge=0, le=1)
    """The share of the server core other processes used: a busy machine shows here."""
    load_core_busy: float = Field(ge=0, le=1)


class Sample(Strict):
    round: int = Field(ge=1)
    position: int = Field(ge=1)
    started: str
    load_average: list[float] = Field(min_length=3, max_length=3)
    cold_start_s: float = Field(gt=0)
    requests: int = Field(ge=1)
    duration_s: float = Field(gt=0)
    requests_per_s: float = Field(gt=0)
    requests_per_cpu_s: float = Field(gt=0)
    latency_ms: Latency
    errors: Errors
    open_loop: OpenLoop
    cpu: Cpu
    memory_after_warmup: Memory
    memory_after_load: Memory

    @model_validator(mode="after")
    def no_errors(self) -> Sample:
        counts = self.errors.model_dump()
        if any(counts.values()):
            raise ValueError(f"a sample with errors {counts} must not be published as a number")
        return self


class Cell(Strict):
    scenario: str
    configuration: str
    path: str
    app: str
    env: dict[str, str]
    server_command: str
    wrk_command: str
    status: Literal["ok", "failed"]
    failure: str | None
    samples: list[Sample]

    @model_validator(mode="after")
    def failure_matches_status(self) -> Cell:
        if self.status == "failed" and (not self.failure or self.samples):
            raise ValueError("a failed cell has a failure message and no samples")
        if self.status == "ok" and (self.failure or not self.samples):
            raise ValueError("an ok cell has samples and no failure message")
        return self


class Configuration(Strict):
    label: str
    framework: str
    server: str
    worker_model: str
    workers: int
    threads: int | None
    app: str
    command: str
    env: dict[str, str]


class Scenario(Strict):
    title: str
    section: Literal["results", "io-bound", "routing"]
    description: str
    method: str
    path: str
    body: str
    expected_status: int
    connections: int
    open_loop_rate: float


class Machine(Strict):
    cpu_model: str
    cores: int
    physical_cores: int | None
    memory_gb: float
    kernel: str
    os: str
    python: str
    python_implementation: str


class PackageVersion(Strict):
    locked: str | None
    installed: str | None


class Run(Strict):
    mode: Literal["full", "smoke"]
    started: str
    finished: str
    duration_s: float
    bytecode_compile_s: float | None
    command: str
    load_average_start: list[float] = Field(min_length=3, max_length=3)
    load_average_end: list[float] = Field(min_length=3, max_length=3)
    machine: Machine
    wrk: str
    packages: dict[str, PackageVersion]
    settings: dict[str, object]


class ImportTime(Strict):
    modules: list[str]
    seconds: list[float] = Field(min_length=1)


class ResultFile(Strict):
    schema_: Literal[1] = Field(alias="schema")
    run: Run
    configurations: dict[str, Configuration]
    scenarios: dict[str, Scenario]
    import_times: dict[str, ImportTime]
    cells: list[Cell] = Field(min_length=1)

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
