"""Directives that write sentences with figures in them; the words are templates under
`docs/templates/bench/`, this module computes the figures."""

from __future__ import annotations

import statistics

from guide import templates
from guide.bench import schema
from guide.bench.report.analysis import baseline_of, ratio_uncertainty, ratios
from guide.bench.report.formatting import label, ratio_range
from guide.bench.report.results import NamedRun, Shown, newest, runs_or_note, scenario_or_error, with_runs
from guide.render import Context, directive

HEADLINE_METRICS = [("requests_per_s", "req/s"), ("requests_per_cpu_s", "per CPU-second")]
"""The measures a headline names the fastest and slowest by; I/O-bound scenarios use the first only."""


@directive("bench-headlines")
@with_runs
def headlines(shown: Shown, *scenarios: str) -> str:
    """One bullet per scenario: the fastest and slowest configuration, with their ratio in each run."""
    found, latest = shown.runs, shown.latest
    bullets = []
    for scenario in scenarios or tuple(latest.scenarios):
        scenario_or_error(latest, scenario)
        failed = {
            cell.configuration
            for _, result in found
            for cell in result.cells
            if cell.scenario == scenario and cell.status == "failed"
        }
        bullets.append(
            {
                "title": latest.scenarios[scenario].title,
                "extremes": _extremes(found, scenario),
                "failed": [label(latest, name) for name in sorted(failed)],
            }
        )
    text = templates.render("bench/headlines.md.j2", scenarios=bullets)
    return (shown.note + "\n" if shown.note else "") + text


def _extremes(found: list[NamedRun], scenario: str) -> list[dict]:
    """Per headline metric: the configurations fastest and slowest in every run, with their ratio range."""
    latest = found[-1][1]
    metrics = HEADLINE_METRICS[:1] if latest.scenarios[scenario].section == "io-bound" else HEADLINE_METRICS
    extremes = []
    for metric, title in metrics:
        per_run = [ratios(result, scenario, metric) for _, result in found]
        common = set.intersection(*(set(run) for run in per_run))
        if not common:
            continue
        ordered = sorted(common, key=lambda name, runs=per_run: statistics.median(run[name] for run in runs))

        def measured(name: str, per_run=per_run, metric=metric) -> dict:
            if name == baseline_of(latest):
                return {"label": label(latest, name), "ratio": None}
            error = ratio_uncertainty([result for _, result in found], scenario, name, metric)
            return {"label": label(latest, name), "ratio": ratio_range([run[name] for run in per_run], error)}

        extremes.append({"metric": title, "fastest": measured(ordered[-1]), "slowest": measured(ordered[0])})
    return extremes


@directive("bench-procedure")
def procedure(context: Context) -> str:
    """The rounds and the steps of one server visit, with the settings of the newest run filled in."""
    result = newest()
    if result is None:
        return runs_or_note()[1]
    text = templates.render("bench/procedure.md.j2", settings=result.run.settings, servers=_servers(result))
    return text + "\n"


def _servers(result: schema.ResultFile) -> int:
    """How many distinct servers (command line and environment) a run started each round."""
    return len({(cell.server_command, tuple(sorted(cell.env.items()))) for cell in result.cells})
