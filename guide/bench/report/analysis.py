"""Summaries computed at build time from the raw samples: medians and spread of each cell, ratios to
the baseline with their uncertainty, and how well two runs agree."""

from __future__ import annotations

import math
import statistics

from guide.bench import schema
from guide.bench.stats import agreement_pct, ratio, summary
from guide.render import DirectiveError

AGREEMENT_LIMIT_PCT = 10.0
"""Ratios between configurations should agree within this many per cent from run to run."""

METRICS = ("requests_per_s", "requests_per_cpu_s")
"""The throughput measures a ratio to the baseline is given for."""


def cell_summary(cell: schema.Cell) -> dict | None:
    """Medians and spread of one cell's repeats, or None when the cell failed."""
    if cell.status != "ok":
        return None
    samples = cell.samples

    def over(values):
        return summary(list(values))

    return {
        "repeats": len(samples),
        "requests_per_s": over(s.requests_per_s for s in samples),
        "requests_per_cpu_s": over(s.requests_per_cpu_s for s in samples),
        "wrk_latency_p50_ms": over(s.latency_ms.p50 for s in samples),
        "wrk_latency_p99_ms": over(s.latency_ms.p99 for s in samples),
        "open_loop_p50_ms": over(s.open_loop.p50_ms for s in samples),
        "open_loop_p99_ms": over(s.open_loop.p99_ms for s in samples),
        "open_loop_rate": samples[0].open_loop.rate,
        "cold_start_s": over(s.cold_start_s for s in samples),
        "worker_rss_mb_after_warmup": over(s.memory_after_warmup.worker_rss_mb for s in samples),
        "worker_pss_mb_after_warmup": over(s.memory_after_warmup.worker_pss_mb for s in samples),
        "worker_rss_mb_after_load": over(s.memory_after_load.worker_rss_mb for s in samples),
        "worker_pss_mb_after_load": over(s.memory_after_load.worker_pss_mb for s in samples),
        "server_core_other": over(s.cpu.server_core_other for s in samples),
        "load_average_1m": over(s.load_average[0] for s in samples),
    }


def cells_of(result: schema.ResultFile, scenario: str) -> dict[str, schema.Cell]:
    """The cells of one scenario by configuration name."""
    return {cell.configuration: cell for cell in result.cells if cell.scenario == scenario}


def stats_of(result: schema.ResultFile, scenario: str, configuration: str) -> dict | None:
    """The summary of one cell of a run, or None when it failed or was not measured."""
    cell = cells_of(result, scenario).get(configuration)
    return cell_summary(cell) if cell else None


def baseline_of(result: schema.ResultFile) -> str:
    """The configuration every ratio of a run divides by."""
    return str(result.run.settings.get("baseline", "flask-gunicorn-sync"))


def ratios(result: schema.ResultFile, scenario: str, metric: str) -> dict[str, float]:
    """Median `metric` of each configuration divided by the baseline's, for one scenario."""
    cells = cells_of(result, scenario)
    base = cells.get(baseline_of(result))
    base_summary = cell_summary(base) if base else None
    if base_summary is None:
        return {}
    found = {}
    for name, cell in cells.items():
        cell_stats = cell_summary(cell)
        if cell_stats is not None:
            found[name] = ratio(cell_stats[metric]["median"], base_summary[metric]["median"])
    return found


def ratio_uncertainty(
    results: list[schema.ResultFile], scenario: str, configuration: str, metric: str
) -> float:
    """Relative uncertainty of a configuration's ratio to the baseline.

    With two or more runs it is the run-to-run spread: half the range of the runs' ratios over
    their mean. With one run, the half-ranges of the two cells' repeats, combined as independent
    errors (root of the sum of squares).
    """
    measured = [result for result in results if configuration in ratios(result, scenario, metric)]
    values = [ratios(result, scenario, metric)[configuration] for result in measured]
    if len(values) >= 2:
        return (max(values) - min(values)) / 2 / statistics.fmean(values)
    if not measured:
        raise DirectiveError(f"no {scenario} result for {configuration} to estimate its spread from")
    cells = cells_of(measured[0], scenario)
    own, base = cell_summary(cells[configuration]), cell_summary(cells[baseline_of(measured[0])])
    return math.hypot(own[metric]["spread_pct"], base[metric]["spread_pct"]) / 200


def agreement(first: schema.ResultFile, second: schema.ResultFile, metric: str) -> list[dict]:
    """For every scenario x configuration measured in both runs: each run's ratio and how far they differ."""
    rows = []
    for scenario in first.scenarios:
        one, two = ratios(first, scenario, metric), ratios(second, scenario, metric)
        for configuration in one:
            if configuration in two and configuration != baseline_of(first):
                difference = agreement_pct(one[configuration], two[configuration])
                rows.append(
                    {
                        "scenario": scenario,
                        "configuration": configuration,
                        "metric": metric,
                        "ratio_run_1": round(one[configuration], 4),
                        "ratio_run_2": round(two[configuration], 4),
                        "difference_pct": round(difference, 2),
                        "agrees": abs(difference) <= AGREEMENT_LIMIT_PCT,
                    }
                )
    return rows


def mean_ratios(results: list[schema.ResultFile], scenario: str, metric: str) -> dict[str, float]:
    """Each configuration's ratio to the baseline, averaged over `results` (only those measured in all)."""
    found: dict[str, list[float]] = {}
    for result in results:
        for configuration, value in ratios(result, scenario, metric).items():
            found.setdefault(configuration, []).append(value)
    return {name: statistics.fmean(values) for name, values in found.items() if len(values) == len(results)}


def mean_baseline(results: list[schema.ResultFile], scenario: str, metric: str) -> float:
    """The baseline's median `metric`, averaged over `results`."""
    medians = []
    for result in results:
        stats = cell_summary(cells_of(result, scenario)[baseline_of(result)])
        medians.append(stats[metric]["median"])
    return statistics.fmean(medians)
