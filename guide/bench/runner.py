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
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

from guide import ROOT
from guide.bench import database, openloop, probes, wrk
from guide.bench.configurations import CONFIGURATIONS, GTHREAD_THREADS
from guide.bench.scenarios import BASELINE, CELLS, ROUTE_COUNTS, SCENARIOS, SMOKE_CELLS, Cell
from guide.servers import RunningServer, ServerError, free_port, serve
from guide.versions import VersionError, version

SERVER_CORE = 0
LOAD_CORE = 1
SCHEMA_VERSION = 1
SLOW_RATE = 20

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
SMOKE = Settings(
    mode="smoke",
    repeats=1,
    warmup_s=1,
    measure_s=1,
    open_loop_s=0.5,
    open_loop_s_slow=0.5,
    compile_bytecode=False,
)


class BenchError(RuntimeError):
    """The harness cannot run at all (a tool is missing); the message says what to install."""


class CellFailed(RuntimeError):
    """One visit went wrong: the server did not start, answered wrongly, or requests failed."""


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


def server_command(cell: Cell, port: int | str, settings: Settings) -> list[str]:
    configuration = CONFIGURATIONS[cell.configuration]
    return ["taskset", "--cpu-list", str(settings.server_core), *configuration.command(port, cell.app)]


def server_env(cell: Cell, base: dict[str, str]) -> dict[str, str]:
    """The server's environment: the run's, the configuration's, then the cell's, whose values may
    name a variable of the run's environment in braces (`{POSTGRES_URL}`)."""
    try:
        own = {key: value.format_map(base) for key, value in cell.env.items()}
    except KeyError as missing:
        message = f"{cell.key}: its environment needs {missing}, which this run does not set"
        raise BenchError(message) from None
    return {**base, **CONFIGURATIONS[cell.configuration].env, **own}


def server_group(cell: Cell) -> tuple:
    """Cells with the same server command line and environment share one server process per round."""
    configuration = CONFIGURATIONS[cell.configuration]
    environment = {**configuration.env, **cell.env}
    return (tuple(configuration.command("{port}", cell.app)), tuple(sorted(environment.items())))


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
    wrk_args = dict(
        connections=scenario.connections,
        method=scenario.method,
        body=scenario.body,
        expected_status=scenario.expected_status,
        timeout_s=settings.wrk_timeout_s,
        cpu=settings.load_generator_core,
        wrk=wrk_path,
    )
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


def cell_record(cell: Cell, settings: Settings) -> dict:
    configuration = CONFIGURATIONS[cell.configuration]
    scenario = SCENARIOS[cell.scenario]
    command = server_command(cell, "{port}", settings)
    url = f"http://127.0.0.1:{{port}}{cell.path}"
    return {
        "scenario": cell.scenario,
        "configuration": cell.configuration,
        "path": cell.path,
        "app": cell.app or configuration.app,
        "env": {**configuration.env, **cell.env},
        "server_command": shlex.join(command).replace(f"{ROOT}/", ""),
        "wrk_command": shlex.join(
            wrk.command(
                url,
                connections=scenario.connections,
                duration_s=settings.measure_s,
                method=scenario.method,
                body=scenario.body,
                expected_status=scenario.expected_status,
                timeout_s=settings.wrk_timeout_s,
                cpu=settings.load_generator_core,
            )
        ),
        "status": "ok",
        "failure": None,
        "samples": [],
    }


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
        "configurations": {
            name: {
                "label": configuration.label,
                "framework": configuration.framework,
                "server": configuration.server,
                "worker_model": configuration.worker_model,
                "workers": 1,
                "threads": configuration.threads,
                "app": configuration.app,
                "command": shlex.join(configuration.command("{port}")).replace(f"{ROOT}/", ""),
                "env": dict(configuration.env),
            }
            for name, configuration in CONFIGURATIONS.items()
            if any(cell.configuration == name for cell in cells)
        },
        "scenarios": {
            name: {
                "title": scenario.title,
                "section": scenario.section,
                "description": scenario.description,
                "method": scenario.method,
                "path": scenario.path,
                "body": scenario.body,
                "expected_status": scenario.expected_status,
                "connections": scenario.connections,
                "open_loop_rate": scenario.open_loop_rate,
            }
            for name, scenario in SCENARIOS.items()
            if any(cell.scenario == name for cell in cells)
        },
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
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(document, indent=1) + "\n", encoding="utf-8")
    return path
