"""The knobs of a benchmark run: how long, how often, on which cores; every value is recorded in the
result file."""

from __future__ import annotations

from dataclasses import dataclass

from guide.bench import database, wrk
from guide.bench.configurations import GTHREAD_THREADS
from guide.bench.scenarios import BASELINE, ROUTE_COUNTS

SERVER_CORE = 0
LOAD_CORE = 1
SLOW_RATE = 20
"""Scenarios paced below this many requests per second get the longer open-loop duration."""


@dataclass(frozen=True)
class Settings:
    """Every knob of a run; recorded in the result file."""

    mode: str
    repeats: int
    warmup_s: int
    measure_s: int
    open_loop_s: float
    open_loop_s_slow: float
    """Open-loop duration for scenarios paced below SLOW_RATE requests/s (more requests for a p99)."""
    server_start_timeout_s: float = 60
    drain_timeout_s: float = 30
    wrk_threads: int = 1
    wrk_timeout_s: int = 5
    wrk_request_cap: int = wrk.REQUEST_CAP
    server_core: int = SERVER_CORE
    load_generator_core: int = LOAD_CORE
    workers_per_server: int = 1
    gthread_threads: int = GTHREAD_THREADS
    route_counts: tuple[int, ...] = ROUTE_COUNTS
    database_rows: int = database.ROWS
    baseline: str = BASELINE
    compile_bytecode: bool = True
    seed: int = 0


FULL = Settings(mode="full", repeats=5, warmup_s=1, measure_s=2, open_loop_s=1.0, open_loop_s_slow=2.0)
"""`make bench`: the run the site publishes."""

SMOKE = Settings(
    mode="smoke",
    repeats=1,
    warmup_s=1,
    measure_s=1,
    open_loop_s=0.5,
    open_loop_s_slow=0.5,
    compile_bytecode=False,
)
"""`python -m guide.bench --smoke`: one short repeat, to see that every framework answers."""
