"""The parts of `benchmarks.json` that say how a run was set up: machine, settings,
configurations and scenarios (the measurements are in `guide.schemas.benchmarks`)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from guide.schemas.base import Published


class Machine(Published):
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


class PackageVersion(Published):
    """One package's version in a run."""

    locked: str | None
    """The version our lock file pins; null when it pins none."""
    installed: str | None
    """The version installed when the run was made; null when it was not installed."""


class Settings(Published):
    """Every setting of the harness for a run."""

    mode: Literal["full"]
    """Always `full`: shorter trial runs are never published."""
    repeats: int
    """Rounds: how many times every cell is measured, each time in a new server process."""
    warmup_s: int
    """Seconds of load before each measurement, not counted."""
    measure_s: int
    """Seconds of each throughput measurement."""
    open_loop_s: float
    """Seconds of each fixed-rate latency measurement."""
    open_loop_s_slow: float
    """The same for scenarios paced below 20 requests per second, so they send enough requests
    for a 99th percentile."""
    server_start_timeout_s: float
    """How long a server may take to answer its first request before the cell fails."""
    drain_timeout_s: float
    """How long a server may take to answer the requests still queued after a measurement."""
    wrk_threads: int
    """Threads of wrk, the throughput load generator."""
    wrk_timeout_s: int
    """Seconds after which wrk counts a request as timed out."""
    wrk_request_cap: int
    """Most requests one throughput measurement sends."""
    server_core: int
    """The CPU core the server is pinned to."""
    load_generator_core: int
    """The CPU core the load generators are pinned to."""
    workers_per_server: int
    """Worker processes of every server."""
    gthread_threads: int
    """Threads per worker for the configurations that use threads."""
    route_counts: list[int]
    """The route table sizes of the routing scenarios."""
    database_rows: int
    """Rows in the database of the database scenarios."""
    baseline: str
    """The configuration every ratio is relative to."""
    compile_bytecode: bool
    """True when all Python code was compiled to bytecode before the servers started, as a
    deployment ships it."""
    seed: int
    """The seed of the random visiting order, to repeat the run in the same order."""


class RunMetadata(Published):
    """When, where and how a run was made."""

    mode: Literal["full"]
    """Always `full`."""
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
    settings: Settings
    """The harness settings."""


class Configuration(Published):
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


class Scenario(Published):
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


class Spread(Published):
    """Median, range and spread of one figure over the repeats."""

    n: int
    """The number of repeats."""
    median: float
    """The median."""
    min: float
    """The smallest value."""
    max: float
    """The largest value."""
    spread_pct: float
    """(max - min) / median, in per cent: the whole range the repeats covered."""


class ImportTime(Published):
    """How long a fresh Python process takes to import one benchmark app."""

    modules: list[str]
    """The modules imported, in order."""
    seconds: list[float]
    """Seconds each repeat took."""
    summary: Spread
    """Those seconds summarised."""
