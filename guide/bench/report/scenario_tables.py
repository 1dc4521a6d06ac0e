"""Directives for the measured scenarios: one section per scenario, and single ratios for other pages."""

from __future__ import annotations

from guide import templates
from guide.bench.report.analysis import baseline_of, cells_of, ratio_uncertainty, ratios, stats_of
from guide.bench.report.charts import bar_chart
from guide.bench.report.formatting import label, median_spread, number, ratio_text
from guide.bench.report.results import Shown, runs_or_note, scenario_or_error, with_runs
from guide.render import Context, DirectiveError, directive, table


@directive("bench-scenario")
@with_runs
def scenario_section(shown: Shown, scenario: str) -> str:
    """Table and chart of one scenario: both runs' throughput, ratios to the baseline, latency."""
    latest = shown.latest
    scenario_or_error(latest, scenario)
    spec = latest.scenarios[scenario]
    base = baseline_of(latest)
    results = shown.results
    header = ["Configuration"]
    for run in range(1, len(results) + 1):
        header += [f"Run {run}: req/s (median ±half-range)", f"Run {run}: × baseline"]
    header += [
        "Per CPU-second × baseline (runs)",
        f"Latency at {spec.open_loop_rate:g} req/s, p50 / p99 (ms)",
    ]
    rows = []
    chart_rows = []
    chart_metric = "requests_per_s" if spec.section == "io-bound" else "requests_per_cpu_s"
    for configuration in cells_of(latest, scenario):
        row = [label(latest, configuration) + (" (baseline)" if configuration == base else "")]
        chart_values: list[float | None] = []
        cpu_ratios = []
        for result in results:
            cell = cells_of(result, scenario).get(configuration)
            stats = stats_of(result, scenario, configuration)
            if stats is None:
                reason = cell.failure if cell else "not measured"
                row += [f"failed: {reason}" if cell else reason, "–"]
                chart_values.append(None)
                cpu_ratios.append("–")
                continue
            throughput = ratios(result, scenario, "requests_per_s").get(configuration)
            per_cpu = (
                None
                if spec.section == "io-bound"
                else ratios(result, scenario, "requests_per_cpu_s").get(configuration)
            )
            throughput_error = ratio_uncertainty(results, scenario, configuration, "requests_per_s")
            row += [
                median_spread(stats["requests_per_s"]),
                ratio_text(throughput, throughput_error) if throughput else "–",
            ]
            chart_values.append(stats[chart_metric]["median"])
            cpu_ratios.append(
                ratio_text(per_cpu, ratio_uncertainty(results, scenario, configuration, "requests_per_cpu_s"))
                if per_cpu
                else "–"
            )
        latency = _latency(stats_of(latest, scenario, configuration), spec.open_loop_rate)
        row += [" / ".join(cpu_ratios), latency]
        rows.append(row)
        chart_rows.append((label(latest, configuration), chart_values))
    measure = "requests per second" if chart_metric == "requests_per_s" else "requests per CPU-second"
    chart = bar_chart(
        f"{spec.title}: {measure} of the server, median of each run",
        chart_rows,
        [f"Run {run}" for run in range(1, len(results) + 1)],
        "",
    )
    intro = templates.render("bench/scenario.md.j2", scenario=spec, runs=len(results))
    return "\n".join([shown.note, intro, "", table(header, rows), "", chart, ""])


def _latency(stats: dict | None, rate: float) -> str:
    """Open-loop p50 / p99 of the newest run, marked when the server could not keep up with `rate`."""
    if not stats:
        return "–"
    latency = f"{number(stats['open_loop_p50_ms']['median'])} / {number(stats['open_loop_p99_ms']['median'])}"
    if stats["requests_per_s"]["median"] <= rate:
        latency += " (saturated: capacity below the rate)"
    return latency


@directive("bench-figure")
def figure(context: Context, scenario: str, configuration: str, metric: str = "requests_per_s") -> str:
    """One ratio to the baseline from the newest run, inline (for sentences on other pages)."""
    found, _ = runs_or_note()
    if not found:
        return "(no benchmark results yet)"
    result = found[-1][1]
    scenario_or_error(result, scenario)
    value = ratios(result, scenario, metric).get(configuration)
    if value is None:
        raise DirectiveError(f"no result for {scenario}/{configuration}")
    error = ratio_uncertainty([other for _, other in found], scenario, configuration, metric)
    return f"{ratio_text(value, error)}×"
