"""Directives that describe how the runs were made: when and where, settings, versions, request rates."""

from __future__ import annotations

import statistics

from guide import ROOT
from guide.bench.report.formatting import stack_of
from guide.bench.report.results import Shown, newest, runs_or_note, with_runs
from guide.render import Context, directive, table


@directive("bench-runs")
def runs_table(context: Context) -> str:
    """One row per run shown: when, how long, on what, and how busy the machine was."""
    found, note = runs_or_note()
    rows = []
    for number, (name, result) in enumerate(found, start=1):
        run = result.run
        other = [
            sample.cpu.server_core_other
            for cell in result.cells
            for sample in cell.samples
            if cell.status == "ok"
        ]
        rows.append(
            [
                f"Run {number}",
                f"`{name}`",
                run.started.replace("T", " ").replace("+00:00", " UTC"),
                f"{run.duration_s / 60:.1f} min",
                " / ".join(map(str, run.load_average_start)),
                " / ".join(map(str, run.load_average_end)),
                f"{statistics.median(other) * 100:.0f} %" if other else "n/a",
                str(sum(cell.status == "failed" for cell in result.cells)),
            ]
        )
    header = [
        "Run",
        "File",
        "Started",
        "Took",
        "Load avg. at start (1/5/15 min)",
        "at end",
        "Server core used by other processes (median)",
        "Failed cells",
    ]
    return note + ("\n" + table(header, rows) if rows else "")


@directive("bench-machine")
def machine_table(context: Context) -> str:
    """The machine, Python and wrk of each run."""
    found, note = runs_or_note()
    rows = []
    for number, (_, result) in enumerate(found, start=1):
        machine = result.run.machine
        rows.append(
            [
                f"Run {number}",
                machine.cpu_model,
                f"{machine.cores} logical ({machine.physical_cores or '?'} physical)",
                f"{machine.memory_gb} GB",
                f"{machine.python_implementation} {machine.python}",
                stack_of(result),
                machine.kernel,
                result.run.wrk,
            ]
        )
    return note + table(["Run", "CPU", "Cores", "Memory", "Python", "Frameworks", "Kernel", "wrk"], rows)


@directive("bench-settings")
@with_runs
def settings_table(shown: Shown) -> str:
    """Every setting of the newest run, and the exact server command of each configuration."""
    result = shown.latest
    settings_rows = [[f"`{name}`", f"`{value}`"] for name, value in result.run.settings.items()]
    command_rows = [
        [
            config.label,
            config.worker_model,
            f"`{config.command.replace(f'{ROOT}/', '')}`",
            ", ".join(f"`{k}={v}`" for k, v in config.env.items()),
        ]
        for config in result.configurations.values()
    ]
    return "\n".join(
        [
            shown.note,
            f"The run was started with `{result.run.command}`.",
            "",
            table(["Setting", "Value"], settings_rows),
            "",
            table(["Configuration", "Worker model", "Server command", "Environment"], command_rows),
            "",
        ]
    )


@directive("bench-packages")
@with_runs
def packages_table(shown: Shown) -> str:
    """Package versions each run used: as installed (the lock file's pin when a run did not record it)."""
    rows = []
    for name in shown.latest.run.packages:
        row = [f"`{name}`"]
        for result in shown.results:
            package = result.run.packages.get(name)
            row.append(package.installed or package.locked or "–" if package else "–")
        rows.append(row)
    return shown.note + table(["Package"] + [f"Run {n}" for n in range(1, len(shown.runs) + 1)], rows)


@directive("bench-open-loop-rates")
def open_loop_rates(context: Context) -> str:
    """The fixed request rate and wrk connection count of every scenario, from the newest run."""
    result = newest()
    if result is None:
        return runs_or_note()[1]
    rows = [
        [spec.title, f"`{spec.method} {spec.path}`", str(spec.connections), f"{spec.open_loop_rate:g}"]
        for spec in result.scenarios.values()
    ]
    return table(["Scenario", "Request", "wrk connections", "Open-loop rate (requests/s)"], rows)


@directive("bench-io-models")
def io_models(context: Context) -> str:
    """How many requests each I/O configuration can keep waiting at once, from the recorded settings."""
    result = newest()
    if result is None:
        return runs_or_note()[1]
    configurations = result.configurations
    connections = result.scenarios["io-100ms"].connections
    gthread = configurations["flask-gunicorn-gthread"].threads
    pool = configurations["fastapi-uvicorn-def"].threads
    rows = [
        ["Blocking call in a plain function", "gunicorn sync worker", "1"],
        [
            "Blocking call in a plain function",
            "gunicorn gthread worker",
            f"the thread count ({gthread} here)",
        ],
        *(
            [
                [
                    "Blocking call in a plain function, patched by gevent",
                    "gunicorn gevent worker (`time.sleep` and sockets made cooperative)",
                    f"the worker connections ({configurations['flask-gunicorn-gevent'].threads} here)",
                ]
            ]
            if "flask-gunicorn-gevent" in configurations
            else []
        ),
        [
            "Blocking call in a FastAPI `def` handler",
            "uvicorn; FastAPI runs it in AnyIO's thread pool",
            f"the pool size ({pool} by default)",
        ],
        [
            "`await asyncio.sleep(...)` in `async def`",
            "uvicorn's event loop",
            f"as many as are connected ({connections} wrk connections)",
        ],
        [
            "`time.sleep(...)` inside `async def` (anti-pattern)",
            "uvicorn's event loop",
            "1: the call blocks the loop",
        ],
    ]
    return table(["How the wait is written", "Served by", "Requests waiting at once (per worker)"], rows)
