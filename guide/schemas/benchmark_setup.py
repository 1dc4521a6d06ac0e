"""The parts of `benchmarks.json` that say how a run was set up: machine, settings,
configurations and scenarios (the measurements are in `guide.schemas.benchmarks`).

The machine, package versions, configurations and scenarios are published as the result files hold
them, so their models are the result file's own (`guide.bench.schema`); only what the published file
adds or narrows is declared here. Those models, and the ones here that extend them, check values in
pydantic's default (lax) mode rather than strictly like `Published`: the published values are their
own `model_dump()`, so a loosely typed value cannot reach the file.
"""

from __future__ import annotations

from typing import Literal

from guide.bench import schema as recorded
from guide.schemas.base import Published


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


class RunMetadata(recorded.Run):
    """When, where and how a run was made."""

    mode: Literal["full"]
    """Always `full`."""
    settings: Settings
    """The harness settings."""


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


class ImportTime(recorded.ImportTime):
    """How long a fresh Python process takes to import one benchmark app."""

    summary: Spread
    """Those seconds summarised."""
