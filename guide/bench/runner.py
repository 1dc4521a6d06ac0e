"""Run the benchmark matrix: start each server, check it, warm it up, measure it, stop it.

Every cell (scenario x configuration) is visited once per round, the rounds in
a fresh random order each, and each visit starts a new server process: so the
repeats include process-to-process variation and the cold start is measured
every time, and a slow phase of the machine does not land on one configuration.
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import secrets
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

from guide import ROOT
from guide.bench import database, openloop, probes, wrk
from guide.bench.cells import (
    cell_record,
    configurations_record,
    scenarios_record,
    server_command,
    server_env,
    server_group,
    wrk_options,
)
from guide.bench.checks import BenchError, CellFailed, drain, failure_of, open_loop_failure, prime
from guide.bench.configurations import CONFIGURATIONS
from guide.bench.scenarios import CELLS, SCENARIOS, SMOKE_CELLS, Cell
from guide.bench.servers import RunningServer, ServerError, free_port, serve
from guide.bench.settings import SLOW_RATE, Settings
from guide.versions import VersionError, version

SCHEMA_VERSION = 1

PACKAGES = (
    "flask",
    "werkzeug",
    "jinja2",
    "pydantic",
    "pydantic-core",
    "fastapi",
    "starlette",
    "django",
    "django-ninja",
    "quart",
    "apiflask",
    "flask-smorest",
    "marshmallow",
    "sqlalchemy",
    "psycopg",
    "gunicorn",
    "uvicorn",
    "uvloop",
    "httptools",
    "granian",
    "gevent",
    "psutil",
)
"""The packages whose versions a result file records."""


def check_tools() -> str:
    """Make sure wrk and taskset exist; return wrk's path.

    Raises:
        BenchError: With the Debian package to install.
    """
    try:
        path = wrk.find_wrk()
    except wrk.WrkMissing as error:
        raise BenchError(str(error)) from None
    if shutil.which("taskset") is None:
        raise BenchError("taskset is not installed: install Debian's util-linux")
    return path


def compile_bytecode(prefix: Path) -> float:
    """Compile the virtualenv's packages and the repository's code into a private bytecode cache.

    The project's Makefile sets PYTHONDONTWRITEBYTECODE and uv installs no
    `.pyc` files, so without this every server start would compile Django,
    pydantic and the rest from source; a deployment ships compiled bytecode.
    Returns the seconds it took.
    """
    began = time.monotonic()
    folders = [
        *sorted({path for path in map(Path, sys.path) if path.name == "site-packages"}),
        ROOT / "snippets",
    ]
    subprocess.run(  # noqa: S603
        [sys.executable, "-m", "compileall", "-q", "-j", "0", *map(str, folders), str(ROOT / "guide")],
        env={**os.environ, "PYTHONPYCACHEPREFIX": str(prefix), "PYTHONDONTWRITEBYTECODE": ""},
        capture_output=True,
        timeout=600,
        check=False,
    )
    return round(time.monotonic() - began, 1)


def packages() -> dict[str, dict[str, str | None]]:
    """Locked (uv.lock) and installed version of each package the benchmark touches."""
    found = {}
    for name in PACKAGES:
        try:
            locked = version(name)
        except VersionError:
            locked = None
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            installed = None
        found[name] = {"locked": locked, "installed": installed}
    return found


def measure(server: RunningServer, cell: Cell, settings: Settings, wrk_path: str) -> dict:
    """Check, warm up and measure one cell against a running server; return one sample.

    Raises:
        CellFailed: A wrong answer, or a run with errors.
    """
    scenario = SCENARIOS[cell.scenario]
    sample: dict = {
        "started": datetime.now(UTC).isoformat(timespec="seconds"),
        "load_average": probes.load_average(),
        "cold_start_s": round(server.cold_start, 4),
    }
    url = server.base_url + cell.path
    prime(url, cell)
    wrk_args = {**wrk_options(cell, settings), "wrk": wrk_path}
    try:
        warm = wrk.run(wrk.command(url, duration_s=settings.warmup_s, **wrk_args), settings.warmup_s)
        if reason := failure_of(warm):
            raise CellFailed(f"warm-up: {reason}")
        drain(url, cell, settings.drain_timeout_s)
        sample["memory_after_warmup"] = probes.memory(server.process.pid)
        window = probes.CpuWindow(server.process.pid, (settings.server_core, settings.load_generator_core))
        window.start()
        measured = wrk.run(wrk.command(url, duration_s=settings.measure_s, **wrk_args), settings.measure_s)
        sample["cpu"] = window.stop()
    except wrk.WrkOutputError as error:
        raise CellFailed(str(error)) from None
    if reason := failure_of(measured):
        raise CellFailed(reason)
    sample["requests"] = measured.requests
    sample["duration_s"] = round(measured.duration_s, 4)
    sample["requests_per_s"] = round(measured.requests_per_s, 2)
    sample["requests_per_cpu_s"] = round(measured.requests / max(sample["cpu"]["server_cpu_s"], 0.001), 2)
    sample["latency_ms"] = {name: round(value, 3) for name, value in measured.latency_ms.items()}
    sample["errors"] = measured.errors
    drain(url, cell, settings.drain_timeout_s)
    slow = scenario.open_loop_rate < SLOW_RATE
    duration = settings.open_loop_s_slow if slow else settings.open_loop_s
    paced = asdict(
        asyncio.run(
            openloop.paced(
                url,
                scenario.open_loop_rate,
                duration,
                scenario.method,
                scenario.body,
                scenario.expected_status,
                settings.wrk_timeout_s,
            )
        )
    )
    if reason := open_loop_failure(paced):
        raise CellFailed(reason)
    sample["open_loop"] = paced
    sample["memory_after_load"] = probes.memory(server.process.pid)
    return sample


def visit(
    cells: list[Cell], base_env: dict[str, str], settings: Settings, wrk_path: str, rng: random.Random
) -> dict[str, dict | CellFailed]:
    """Start the server the cells share, measure each cell on it (in random order), stop it.

    Returns:
        For each cell key, a sample or the `CellFailed` that stopped it.
    """
    first = cells[0]
    ready = next((cell.path for cell in cells if SCENARIOS[cell.scenario].method == "GET"), first.path)
    port = free_port()
    outcomes: dict[str, dict | CellFailed] = {}
    order = list(cells)
    rng.shuffle(order)
    with tempfile.TemporaryFile(mode="w+") as log:
        try:
            with serve(
                server_command(first, port, settings),
                port,
                ready_path=ready,
                env=server_env(first, base_env),
                timeout=settings.server_start_timeout_s,
                stdout=log,
                stderr=subprocess.STDOUT,
            ) as server:
                for cell in order:
                    try:
                        outcomes[cell.key] = measure(server, cell, settings, wrk_path)
                    except CellFailed as error:
                        outcomes[cell.key] = error
        except ServerError as error:
            log.seek(0)
            tail = log.read()[-1500:].strip()
            failure = CellFailed(
                f"server did not start: {error}" + (f"; its output:\n{tail}" if tail else "")
            )
            return {cell.key: failure for cell in cells}
    return outcomes


def measure_imports(
    cells: list[Cell], base_env: dict[str, str], settings: Settings, rng: random.Random
) -> dict:
    """Import time of each distinct app, `repeats` times in random order, in fresh pinned interpreters."""
    targets: dict[str, tuple[tuple[str, ...], dict[str, str]]] = {}
    for cell in cells:
        if cell.scenario != "hello":
            continue
        configuration = CONFIGURATIONS[cell.configuration]
        key = " + ".join(configuration.import_modules)
        targets[key] = (configuration.import_modules, {**base_env, **configuration.env})
    visits = [key for key in targets for _ in range(settings.repeats)]
    rng.shuffle(visits)
    results: dict[str, list[float]] = {key: [] for key in targets}
    for key in visits:
        modules, env = targets[key]
        results[key].append(round(probes.import_time(modules, env, settings.server_core), 4))
    return {key: {"modules": list(targets[key][0]), "seconds": values} for key, values in results.items()}


def run(
    settings: Settings,
    cells: list[Cell] | None = None,
    progress: Callable[[str], None] = lambda message: None,
) -> dict:
    """Run the whole matrix (or `cells`) and return the result document."""
    wrk_path = check_tools()
    if cells is None:
        cells = SMOKE_CELLS if settings.mode == "smoke" else CELLS
    cells = list(cells)
    seed = settings.seed or secrets.randbelow(2**31)
    rng = random.Random(seed)  # noqa: S311 (visiting order, not security)
    began = time.monotonic()
    document: dict = {
        "schema": SCHEMA_VERSION,
        "run": {
            "mode": settings.mode,
            "started": datetime.now(UTC).isoformat(timespec="seconds"),
            "command": shlex.join(["python", "-m", "guide.bench", *sys.argv[1:]]),
            "load_average_start": probes.load_average(),
            "machine": probes.machine(),
            "wrk": probes.wrk_version(),
            "packages": packages(),
            "settings": {**asdict(settings), "seed": seed},
        },
        "configurations": configurations_record(cells),
        "scenarios": scenarios_record(cells),
    }
    needs_postgres = any(cell.scenario == "database-postgres" for cell in cells)
    with tempfile.TemporaryDirectory(prefix="bench-") as folder, database.postgres(needs_postgres) as pg_env:
        db = database.create(Path(folder) / "bench.sqlite3")
        base_env = {
            **database.environment(db),
            **pg_env,
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "SECRET_KEY": secrets.token_urlsafe(50),
        }
        document["run"]["bytecode_compile_s"] = None
        if settings.compile_bytecode:
            pycache = Path(folder) / "pycache"
            progress("compiling bytecode into a private cache")
            document["run"]["bytecode_compile_s"] = compile_bytecode(pycache)
            base_env.update({"PYTHONPYCACHEPREFIX": str(pycache), "PYTHONDONTWRITEBYTECODE": ""})
        progress(f"import times ({settings.repeats} repeats)")
        document["import_times"] = measure_imports(cells, base_env, settings, rng)
        records = {cell.key: cell_record(cell, settings) for cell in cells}
        with pinned(settings.load_generator_core):
            measure_rounds(cells, records, base_env, settings, wrk_path, rng, progress)
    document["cells"] = list(records.values())
    document["run"]["finished"] = datetime.now(UTC).isoformat(timespec="seconds")
    document["run"]["duration_s"] = round(time.monotonic() - began, 1)
    document["run"]["load_average_end"] = probes.load_average()
    return document


@contextmanager
def pinned(cpu: int) -> Iterator[None]:
    """Run the harness itself (and so the open-loop client) on the load-generator core, then restore."""
    previous = os.sched_getaffinity(0)
    os.sched_setaffinity(0, {cpu})
    try:
        yield
    finally:
        os.sched_setaffinity(0, previous)


def measure_rounds(
    cells: list[Cell],
    records: dict[str, dict],
    base_env: dict[str, str],
    settings: Settings,
    wrk_path: str,
    rng: random.Random,
    progress: Callable[[str], None],
) -> None:
    """Visit every server group once per round, rounds and groups in random order."""
    groups: dict[tuple, list[Cell]] = {}
    for cell in cells:
        groups.setdefault(server_group(cell), []).append(cell)
    total = len(cells) * settings.repeats
    done = 0
    for round_number in range(1, settings.repeats + 1):
        order = list(groups.values())
        rng.shuffle(order)
        for position, group in enumerate(order, start=1):
            active = [cell for cell in group if records[cell.key]["status"] == "ok"]
            done += len(group) - len(active)
            if not active:
                continue
            for key, outcome in visit(active, base_env, settings, wrk_path, rng).items():
                record = records[key]
                done += 1
                if isinstance(outcome, CellFailed):
                    record["status"] = "failed"
                    record["failure"] = f"round {round_number}: {outcome}"
                    record["samples"] = []
                    progress(f"[{done}/{total}] {key}: FAILED: {outcome}")
                    continue
                outcome["round"] = round_number
                outcome["position"] = position
                record["samples"].append(outcome)
                progress(
                    f"[{done}/{total}] {key}: {outcome['requests_per_s']:.0f} req/s, "
                    f"{outcome['requests_per_cpu_s']:.0f} per CPU-s, open-loop p99 "
                    f"{outcome['open_loop']['p99_ms']:.1f} ms, load {outcome['load_average'][0]}"
                )


def write(document: dict, path: Path) -> Path:
    """Write a result document as JSON (one space of indent keeps the committed files small)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(document, indent=1) + "\n", encoding="utf-8")
    return path
