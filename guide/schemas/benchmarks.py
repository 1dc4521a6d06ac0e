"""`benchmarks.json`: every benchmark run the benchmarks page shows, down to each repeat.

The parts that describe a run's set-up are in `guide.schemas.benchmark_setup`. Each sample is
published as the result file holds it, so its model is the result file's own
(`guide.bench.schema.Sample`); what is declared here is what the published file adds.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from guide.bench.schema import Configuration, Sample, Scenario
from guide.schemas.base import Published
from guide.schemas.benchmark_setup import ImportTime, RunMetadata, Spread


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
