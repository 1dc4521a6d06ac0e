"""How each cell (scenario x configuration) is run, and what the result file records of the matrix:
the server's command line and environment, the wrk options, the configurations and scenarios."""

from __future__ import annotations

import shlex

from guide import ROOT
from guide.bench import wrk
from guide.bench.checks import BenchError
from guide.bench.configurations import CONFIGURATIONS
from guide.bench.scenarios import SCENARIOS, Cell
from guide.bench.settings import Settings


def server_command(cell: Cell, port: int | str, settings: Settings) -> list[str]:
    """The command line of the cell's server, pinned to the server core."""
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


def wrk_options(cell: Cell, settings: Settings) -> dict:
    """The wrk options of a cell's scenario under `settings`: all but the URL, the duration and wrk's path."""
    scenario = SCENARIOS[cell.scenario]
    return {
        "connections": scenario.connections,
        "method": scenario.method,
        "body": scenario.body,
        "expected_status": scenario.expected_status,
        "timeout_s": settings.wrk_timeout_s,
        "cpu": settings.load_generator_core,
    }


def cell_record(cell: Cell, settings: Settings) -> dict:
    """A cell as the result file starts it: how it is run, status ok and no samples yet."""
    configuration = CONFIGURATIONS[cell.configuration]
    command = server_command(cell, "{port}", settings)
    url = f"http://127.0.0.1:{{port}}{cell.path}"
    wrk_command = wrk.command(url, duration_s=settings.measure_s, **wrk_options(cell, settings))
    return {
        "scenario": cell.scenario,
        "configuration": cell.configuration,
        "path": cell.path,
        "app": cell.app or configuration.app,
        "env": {**configuration.env, **cell.env},
        "server_command": shlex.join(command).replace(f"{ROOT}/", ""),
        "wrk_command": shlex.join(wrk_command),
        "status": "ok",
        "failure": None,
        "samples": [],
    }


def configurations_record(cells: list[Cell]) -> dict[str, dict]:
    """Every configuration `cells` use, as the result file records it."""
    return {
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
    }


SCENARIO_FIELDS = (
    "title",
    "section",
    "description",
    "method",
    "path",
    "body",
    "expected_status",
    "connections",
    "open_loop_rate",
)
"""The fields of a scenario a result file records (not its body check, which is code)."""


def scenarios_record(cells: list[Cell]) -> dict[str, dict]:
    """Every scenario `cells` measure, as the result file records it."""
    measured = {cell.scenario for cell in cells}
    return {
        name: {field: getattr(scenario, field) for field in SCENARIO_FIELDS}
        for name, scenario in SCENARIOS.items()
        if name in measured
    }
