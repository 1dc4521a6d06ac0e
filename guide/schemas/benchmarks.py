"""`benchmarks.json`: every benchmark run the benchmarks page shows, down to each repeat.

The parts that describe a run's set-up are in `guide.schemas.benchmark_setup`.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from guide.schemas.base import Published
from guide.schemas.benchmark_setup import Configuration, ImportTime, RunMetadata, Scenario, Spread


class Latency(Published):
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


class Errors(Published):
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


class OpenLoop(Published):
    """The fixed-rate latency measurement: requests sent on schedule whether or not the earlier ones
    were answered, each on a new connection, timed from when it was due."""

    rate: float
    """Requests per second sent."""
    sent: int
    """Requests sent."""
    ok: int
    """Requests answered with the expected status."""
    errors: Literal[0]
    """Failed requests: always 0, a sample with failures is not published."""
    p50_ms: float
    """Median latency."""
    p99_ms: float
    """99th percentile latency."""
    max_ms: float
    """The slowest request."""
    first_error: None
    """Always null, for the same reason."""


class Cpu(Published):
    """CPU use during the throughput measurement. Busy figures are fractions of one core, 0 to 1."""

    server_cpu_s: float
    """CPU seconds the server's processes used."""
    server_core_busy: float
    """How busy the server's core was, whatever used it."""
    server_process: float
    """The share of the server's core the server's processes used."""
    server_core_other: float
    """The share of the server's core that other programs used: near 0 on a quiet machine."""
    load_core_busy: float
    """How busy the load generator's core was."""


class Memory(Published):
    """Memory of the server's processes at one moment, in mebibytes."""

    workers: int
    """Worker processes (a server without separate workers counts as its own)."""
    worker_rss_mb: float
    """Resident memory of the largest worker."""
    worker_pss_mb: float
    """Proportional memory of the largest worker: pages shared with other processes count in part;
    the better figure for what one more worker costs."""
    total_rss_mb: float
    """Resident memory of all the server's processes together, main process included."""
    total_pss_mb: float
    """Proportional memory of all the server's processes together."""


class Sample(Published):
    """One repeat of one cell, measured during one visit to a freshly started server."""

    round: int
    """The round it was measured in, from 1."""
    position: int
    """Which server of its round this was, from 1 (the order is random in every round)."""
    started: str
    """When the measurement began, ISO 8601 with time zone."""
    load_average: list[float] = Field(min_length=3, max_length=3)
    """The machine's 1, 5 and 15 minute load averages just before."""
    cold_start_s: float
    """Seconds from starting the server to its first answer; the same for every scenario measured in
    the same visit."""
    requests: int
    """Requests answered during the throughput measurement."""
    duration_s: float
    """How long the throughput measurement lasted."""
    requests_per_s: float
    """Requests answered per second of that measurement."""
    requests_per_cpu_s: float
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


class CellSummary(Published):
    """Each main figure of a cell, summarised over its repeats."""

    repeats: int
    """The number of samples."""
    requests_per_s: Spread
    """Requests per second."""
    requests_per_cpu_s: Spread
    """Requests per CPU second of the server."""
    wrk_latency_p50_ms: Spread
    """Median latency under wrk's load."""
    wrk_latency_p99_ms: Spread
    """99th percentile latency under wrk's load."""
    open_loop_p50_ms: Spread
    """Median latency at the fixed rate."""
    open_loop_p99_ms: Spread
    """99th percentile latency at the fixed rate."""
    open_loop_rate: float
    """The fixed rate, in requests per second."""
    cold_start_s: Spread
    """Seconds from start to first answer."""
    worker_rss_mb_after_warmup: Spread
    """Resident memory of the largest worker after the warm-up."""
    worker_pss_mb_after_warmup: Spread
    """Proportional memory of the largest worker after the warm-up."""
    worker_rss_mb_after_load: Spread
    """Resident memory of the largest worker after the measurements."""
    worker_pss_mb_after_load: Spread
    """Proportional memory of the largest worker after the measurements."""
    server_core_other: Spread
    """The share of the server's core other programs used (0 to 1)."""
    load_average_1m: Spread
    """The machine's one-minute load average before each sample."""


class RatioToBaseline(Published):
    """A cell's median divided by the baseline configuration's median in the same scenario and run."""

    requests_per_s: float | None
    """For requests per second; null when this cell or the baseline's has no result."""
    requests_per_cpu_s: float | None
    """For requests per CPU second; null likewise."""


class Cell(Published):
    """One scenario measured in one configuration in one run."""

    scenario: str
    """The scenario's key in the run's `scenarios`."""
    configuration: str
    """The configuration's key in the run's `configurations`."""
    status: Literal["ok", "failed"]
    """`ok` when every repeat was measured, `failed` when one went wrong."""
    failure: str | None
    """What went wrong, with its round; null when the status is `ok`."""
    server_command: str
    """The full server command line, with the CPU pinning; `{port}` stands for the port."""
    wrk_command: str
    """The full wrk command line of the throughput measurement."""
    repeats: int
    """The number of samples; 0 for a failed cell."""
    summary: CellSummary | None
    """The samples summarised; null for a failed cell."""
    ratio_to_baseline: RatioToBaseline
    """The cell's medians relative to the baseline's."""
    samples: list[Sample]
    """Every repeat, in the order measured; empty for a failed cell."""


class Run(Published):
    """One complete run of the harness, as committed to our repository."""

    file: str
    """The result file, relative to the repository root (`data/benchmarks/full-...json`)."""
    metadata: RunMetadata
    """When, where and how the run was made."""
    baseline: str
    """The configuration every ratio of this run is relative to."""
    configurations: dict[str, Configuration]
    """Every configuration measured, by key (`flask-gunicorn-sync`)."""
    scenarios: dict[str, Scenario]
    """Every scenario measured, by key (`hello`)."""
    import_times: dict[str, ImportTime]
    """Import time of each benchmark app, keyed by its modules joined with ` + `."""
    cells: list[Cell]
    """Every scenario and configuration pair measured."""


class Agreement(Published):
    """How far one ratio to the baseline moved between the two runs."""

    scenario: str
    """The scenario's key."""
    configuration: str
    """The configuration's key (never the baseline's)."""
    metric: Literal["requests_per_s", "requests_per_cpu_s"]
    """Which figure the ratio is of."""
    ratio_run_1: float
    """The ratio in the first run, to four decimals."""
    ratio_run_2: float
    """The ratio in the second run, to four decimals."""
    difference_pct: float
    """How far the second lies from the first, in per cent (negative when lower)."""
    agrees: bool
    """True when that difference is within `agreement_limit_pct` either way."""


class BenchmarksFile(Published):
    """`benchmarks.json`: one JSON object with the runs the benchmarks page shows, down to each repeat.

    Units are in the key names: `_s` seconds, `_ms` milliseconds, `_mb` mebibytes (2^20 bytes),
    `_pct` per cent. A configuration is a framework under one server setup, a scenario one kind of
    request, and a cell one scenario measured in one configuration.
    """

    runs: list[Run]
    """The runs, oldest first: the newest two (fewer while fewer exist)."""
    agreement_limit_pct: float
    """How far, in per cent, a ratio may move between the runs and still count as agreeing."""
    agreement: list[Agreement] = Field(default_factory=list)
    """Every ratio measured in both runs, and how far it moved. The key is absent (never null)
    when there are fewer than two runs."""
