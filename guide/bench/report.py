"""Directives that render the benchmark result files into the benchmarks page, and `/data/benchmarks.json`.

Every figure on the page comes from the committed result files
`data/benchmarks/full-*.json` (the two newest are "run 1" and "run 2"); nothing
is typed by hand. Summaries (medians, spread, ratios, run-to-run agreement)
are computed here, at build time, from the raw samples.
"""

from __future__ import annotations

import html
import math
import statistics
from functools import cache
from pathlib import Path

from guide import ROOT
from guide.bench import schema
from guide.bench.stats import agreement_pct, certain_decimals, ratio, summary
from guide.publish import published
from guide.render import Context, DirectiveError, directive, table

RESULTS_DIR = ROOT / "data" / "benchmarks"
RUNS_SHOWN = 2
AGREEMENT_LIMIT_PCT = 10.0
"""Ratios between configurations should agree within this many per cent from run to run."""


def result_paths(folder: Path = RESULTS_DIR) -> list[Path]:
    """The newest committed full runs, oldest first."""
    return sorted(folder.glob("full-*.json"))[-RUNS_SHOWN:]


def record_paths(folder: Path = RESULTS_DIR) -> list[Path]:
    """The previous record, kept for comparison: the newest two full runs, before the ones shown,
    made on another machine (another CPU model) than the newest run shown; when there are none,
    the two full runs just before the ones shown."""
    every = sorted(folder.glob("full-*.json"))
    shown, earlier = every[-RUNS_SHOWN:], every[:-RUNS_SHOWN]
    if not shown:
        return []

    def cpu(path: Path) -> str:
        return _load(path, path.stat().st_mtime).run.machine.cpu_model

    elsewhere = [path for path in earlier if cpu(path) != cpu(shown[-1])]
    return (elsewhere or earlier)[-RUNS_SHOWN:]


def check_paths(folder: Path = RESULTS_DIR) -> list[Path]:
    """Partial runs made to tell machine from version effects (`check-*.json`), by name."""
    return sorted(folder.glob("check-*.json"))


@cache
def _load(path: Path, mtime: float) -> schema.ResultFile:
    return schema.load(path)


def runs(folder: Path = RESULTS_DIR) -> list[tuple[str, schema.ResultFile]]:
    """(file name, validated result) for each run shown, oldest first."""
    return [(path.name, _load(path, path.stat().st_mtime)) for path in result_paths(folder)]


def _runs_or_note() -> tuple[list[tuple[str, schema.ResultFile]], str]:
    found = runs()
    if not found:
        return (
            found,
            '!!! warning "No results yet"\n    No result file is committed under `data/benchmarks/`.\n\n',
        )
    if len(found) < RUNS_SHOWN:
        return (
            found,
            '!!! warning "One run only"\n    A second full run is needed to show run-to-run agreement.\n\n',
        )
    return found, ""


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
    return {cell.configuration: cell for cell in result.cells if cell.scenario == scenario}


def baseline_of(result: schema.ResultFile) -> str:
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


def ratio_text(value: float, *uncertainties: float) -> str:
    """A ratio printed with the decimals the largest of `uncertainties` supports (no × sign)."""
    return f"{value:.{certain_decimals(value, max(uncertainties))}f}"


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


def _number(value: float) -> str:
    if value >= 100:
        return f"{value:,.0f}"
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def _median_spread(stats: dict) -> str:
    return f"{_number(stats['median'])} ±{stats['spread_pct'] / 2:.0f} %"


def _label(result: schema.ResultFile, configuration: str) -> str:
    return result.configurations[configuration].label


def _scenario_or_error(result: schema.ResultFile, scenario: str) -> None:
    if scenario not in result.scenarios:
        known = ", ".join(result.scenarios)
        raise DirectiveError(f"unknown benchmark scenario {scenario!r}; known: {known}")


def bar_chart(title: str, rows: list[tuple[str, list[float | None]]], series: list[str], unit: str) -> str:
    """A horizontal grouped bar chart as inline SVG (no script, no external resource)."""
    label_width, bar_width, row_height, bar_height = 350, 270, 16 * len(series) + 12, 14
    width = label_width + bar_width + 80
    height = 52 + row_height * len(rows) + 20
    peak = max((value for _, values in rows for value in values if value is not None), default=1.0) or 1.0
    colours = ["#3f51b5", "#ef6c00", "#2e7d32"]
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {width} {height}" '
        f'width="100%" style="max-width:{width}px" aria-label="{html.escape(title)}" class="bench-chart">',
        f"<title>{html.escape(title)}</title>",
        f'<text x="0" y="16" font-size="13" font-weight="bold" fill="currentColor">'
        f"{html.escape(title)}</text>",
    ]
    for index, name in enumerate(series):
        x = label_width + index * 110
        parts.append(f'<rect x="{x}" y="28" width="12" height="12" fill="{colours[index]}"/>')
        parts.append(
            f'<text x="{x + 16}" y="38" font-size="12" fill="currentColor">{html.escape(name)}</text>'
        )
    for row_index, (label, values) in enumerate(rows):
        top = 52 + row_index * row_height
        parts.append(
            f'<text x="{label_width - 8}" y="{top + row_height / 2 + 2}" font-size="12" text-anchor="end" '
            f'fill="currentColor">{html.escape(label)}</text>'
        )
        for index, value in enumerate(values):
            y = top + 4 + index * 16
            if value is None:
                parts.append(
                    f'<text x="{label_width + 4}" y="{y + 11}" font-size="11" '
                    'fill="currentColor">failed</text>'
                )
                continue
            length = max(1.0, value / peak * bar_width)
            parts.append(
                f'<rect x="{label_width}" y="{y}" width="{length:.1f}" height="{bar_height}" '
                f'fill="{colours[index]}"/>'
            )
            parts.append(
                f'<text x="{label_width + length + 4:.1f}" y="{y + 11}" font-size="11" '
                f'fill="currentColor">{_number(value)}{unit}</text>'
            )
    parts.append("</svg>")
    return "".join(parts)


@directive("bench-runs")
def runs_table(context: Context) -> str:
    """One row per run shown: when, how long, on what, and how busy the machine was."""
    found, note = _runs_or_note()
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
    found, note = _runs_or_note()
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


def stack_of(result: schema.ResultFile) -> str:
    """The framework versions a run measured, as its result file recorded them."""
    packages = result.run.packages
    named = [("Flask", "flask"), ("FastAPI", "fastapi"), ("Django", "django")]
    return ", ".join(f"{label} {packages[name].installed}" for label, name in named if name in packages)


@directive("bench-scenario")
def scenario_section(context: Context, scenario: str) -> str:
    """Table and chart of one scenario: both runs' throughput, ratios to the baseline, latency."""
    found, note = _runs_or_note()
    if not found:
        return note
    latest = found[-1][1]
    _scenario_or_error(latest, scenario)
    spec = latest.scenarios[scenario]
    base = baseline_of(latest)
    configurations = list(cells_of(latest, scenario))
    header = ["Configuration"]
    for number in range(1, len(found) + 1):
        header += [f"Run {number}: req/s (median ±half-range)", f"Run {number}: × baseline"]
    header += [
        "Per CPU-second × baseline (runs)",
        f"Latency at {spec.open_loop_rate:g} req/s, p50 / p99 (ms)",
    ]
    rows = []
    chart_rows = []
    chart_metric = "requests_per_s" if spec.section == "io-bound" else "requests_per_cpu_s"
    for configuration in configurations:
        row = [_label(latest, configuration) + (" (baseline)" if configuration == base else "")]
        chart_values: list[float | None] = []
        cpu_ratios = []
        for _, result in found:
            cell = cells_of(result, scenario).get(configuration)
            stats = cell_summary(cell) if cell else None
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
            shown = [other for _, other in found]
            throughput_error = ratio_uncertainty(shown, scenario, configuration, "requests_per_s")
            row += [
                _median_spread(stats["requests_per_s"]),
                ratio_text(throughput, throughput_error) if throughput else "–",
            ]
            chart_values.append(stats[chart_metric]["median"])
            cpu_ratios.append(
                ratio_text(per_cpu, ratio_uncertainty(shown, scenario, configuration, "requests_per_cpu_s"))
                if per_cpu
                else "–"
            )
        latest_stats = cell_summary(cells_of(latest, scenario)[configuration])
        latency = "–"
        if latest_stats:
            latency = (
                f"{_number(latest_stats['open_loop_p50_ms']['median'])} / "
                f"{_number(latest_stats['open_loop_p99_ms']['median'])}"
            )
            if latest_stats["requests_per_s"]["median"] <= spec.open_loop_rate:
                latency += " (saturated: capacity below the rate)"
        row += [" / ".join(cpu_ratios), latency]
        rows.append(row)
        chart_rows.append((_label(latest, configuration), chart_values))
    measure = "requests per second" if chart_metric == "requests_per_s" else "requests per CPU-second"
    chart = bar_chart(
        f"{spec.title}: {measure} of the server, median of each run",
        chart_rows,
        [f"Run {number}" for number in range(1, len(found) + 1)],
        "",
    )
    intro = (
        f"*{spec.description}* `{spec.method} {spec.path}`, {spec.connections} wrk connections; "
        f"latency measured open-loop at {spec.open_loop_rate:g} requests/s (run {len(found)})."
    )
    return "\n".join([note, intro, "", table(header, rows), "", chart, ""])


@directive("bench-memory")
def memory_table(context: Context, scenario: str = "hello") -> str:
    """Memory of one worker process (RSS and PSS) after warm-up and after load, per configuration."""
    found, note = _runs_or_note()
    if not found:
        return note
    header = ["Configuration"]
    for number in range(1, len(found) + 1):
        header += [f"Run {number}: RSS after warm-up / after load (MB)", f"Run {number}: PSS after load (MB)"]
    rows = []
    latest = found[-1][1]
    _scenario_or_error(latest, scenario)
    for configuration in cells_of(latest, scenario):
        row = [_label(latest, configuration)]
        for _, result in found:
            cell = cells_of(result, scenario).get(configuration)
            stats = cell_summary(cell) if cell else None
            if stats is None:
                row += ["failed", "–"]
                continue
            row += [
                f"{stats['worker_rss_mb_after_warmup']['median']:.1f} / "
                f"{stats['worker_rss_mb_after_load']['median']:.1f}",
                f"{stats['worker_pss_mb_after_load']['median']:.1f}",
            ]
        rows.append(row)
    return note + table(header, rows)


FOOTPRINT = {
    "flask": ("flask-minimal", "flask-gunicorn-sync", "also Pydantic, SQLAlchemy and Jinja2 templates"),
    "fastapi": ("fastapi-minimal", "fastapi-uvicorn-async", "also Jinja2 templates"),
    "django": ("django-minimal", "django-gunicorn", "every snippet app of this site and its models"),
}
"""Per framework: the hello-only configuration, the benchmark app's, and what the benchmark app loads."""


@directive("bench-footprint")
def footprint(context: Context, part: str = "table", scenario: str = "hello") -> str:
    """Memory of a hello-only app beside the benchmark app, per framework: PSS after load, each run,
    and which framework is smallest in each case (computed). `part` is `table` (the table and
    the ranking) or `summary` (the ranking sentence only, for other pages)."""
    if part not in ("table", "summary"):
        raise DirectiveError(f"bench-footprint: part must be 'table' or 'summary', not {part!r}")
    found, note = _runs_or_note()
    if not found:
        return note
    latest = found[-1][1]
    header = ["Framework", "App", "What it loads"] + [
        f"Run {number}: PSS after load (MB)" for number in range(1, len(found) + 1)
    ]
    rows = []
    medians: dict[str, dict[str, float]] = {"minimal": {}, "benchmark": {}}
    for framework, (minimal, full, loads) in FOOTPRINT.items():
        for kind, configuration, what in (
            ("minimal", minimal, "the framework and one JSON route"),
            ("benchmark", full, f"the benchmark app: {loads}"),
        ):
            values = []
            for _, result in found:
                cell = cells_of(result, scenario).get(configuration)
                stats = cell_summary(cell) if cell else None
                values.append(stats["worker_pss_mb_after_load"]["median"] if stats else None)
            if all(value is None for value in values):
                raise DirectiveError(f"bench-footprint: no {scenario} result for {configuration}")
            measured = [value for value in values if value is not None]
            medians[kind][framework] = statistics.median(measured)
            rows.append(
                [
                    framework.capitalize() if framework != "fastapi" else "FastAPI",
                    _label(latest, configuration),
                    what,
                    *(f"{value:.1f}" if value is not None else "failed" for value in values),
                ]
            )
    names = {"flask": "Flask", "fastapi": "FastAPI", "django": "Django"}

    def order(kind: str) -> str:
        ranked = sorted(medians[kind], key=medians[kind].get)
        return ", then ".join(f"{names[name]} ({medians[kind][name]:.0f} MB)" for name in ranked)

    summary_line = (
        f"Memory of one worker (PSS after load), smallest first, median of the runs: hello-only apps "
        f"{order('minimal')}; the benchmark apps {order('benchmark')}."
    )
    if part == "summary":
        return summary_line + "\n"
    return note + table(header, rows) + "\n\n" + summary_line + "\n"


@directive("bench-startup")
def startup_table(context: Context) -> str:
    """Cold start (hello scenario) per configuration and import time per app, both runs."""
    found, note = _runs_or_note()
    if not found:
        return note
    latest = found[-1][1]
    header = ["Configuration"] + [
        f"Run {number}: cold start (s, median ±half-range)" for number in range(1, len(found) + 1)
    ]
    rows = []
    for configuration in cells_of(latest, "hello"):
        row = [_label(latest, configuration)]
        for _, result in found:
            cell = cells_of(result, "hello").get(configuration)
            stats = cell_summary(cell) if cell else None
            row.append(_median_spread(stats["cold_start_s"]) if stats else "failed")
        rows.append(row)
    imports_header = ["App modules imported"] + [
        f"Run {number}: import time (s, median ±half-range)" for number in range(1, len(found) + 1)
    ]
    import_rows = []
    for key, timing in latest.import_times.items():
        row = [", ".join(f"`{module}`" for module in timing.modules)]
        for _, result in found:
            other = result.import_times.get(key)
            row.append(_median_spread(summary(other.seconds)) if other else "–")
        import_rows.append(row)
    return "\n".join([note, table(header, rows), "", table(imports_header, import_rows), ""])


def baseline_drift(first: schema.ResultFile, second: schema.ResultFile) -> str:
    """The baseline's own median and spread per scenario in both runs: every ratio divides by it."""
    base = baseline_of(first)
    rows = []
    for scenario, spec in first.scenarios.items():
        one = cell_summary(cells_of(first, scenario)[base]) if base in cells_of(first, scenario) else None
        two = cell_summary(cells_of(second, scenario)[base]) if base in cells_of(second, scenario) else None
        if not (one and two):
            continue
        rows.append(
            [
                spec.title,
                f"{_median_spread(one['requests_per_s'])} → {_median_spread(two['requests_per_s'])}",
                f"{_median_spread(one['requests_per_cpu_s'])} → {_median_spread(two['requests_per_cpu_s'])}",
                f"{agreement_pct(one['requests_per_s']['median'], two['requests_per_s']['median']):+.0f} %",
            ]
        )
    header = [
        "Scenario",
        f"Baseline req/s, run 1 → run 2 ({_label(first, base)})",
        "Baseline per CPU-second, run 1 → run 2",
        "Change of the baseline's req/s",
    ]
    return table(header, rows)


def _where(result: schema.ResultFile) -> str:
    machine = result.run.machine
    return f"{machine.cpu_model}, Python {machine.python}, {stack_of(result)}"


def _mean_ratios(results: list[schema.ResultFile], scenario: str, metric: str) -> dict[str, float]:
    found: dict[str, list[float]] = {}
    for result in results:
        for configuration, value in ratios(result, scenario, metric).items():
            found.setdefault(configuration, []).append(value)
    return {name: statistics.fmean(values) for name, values in found.items() if len(values) == len(results)}


@directive("bench-across")
def across_machines(context: Context, scenario: str, metric: str = "requests_per_s") -> str:
    """Each configuration's ratio to the baseline in the previous record, in every check run and
    in the runs shown, with how far each moved from the previous column."""
    found, note = _runs_or_note()
    record = [_load(path, path.stat().st_mtime) for path in record_paths()]
    checks = [_load(path, path.stat().st_mtime) for path in check_paths()]
    checks = [check for check in checks if cells_of(check, scenario)]
    if not found or not record:
        return note + "No earlier record to compare with."
    columns = [("Previous record", record)]
    columns += [("Check: record's stack, this machine", [check]) for check in checks]
    columns.append(("Runs shown above", [result for _, result in found]))
    for _, results in columns:
        _scenario_or_error(results[0], scenario)
    means = [_mean_ratios(results, scenario, metric) for _, results in columns]
    latest = found[-1][1]
    rows = []
    for configuration in means[-1]:
        if configuration == baseline_of(latest) or not all(configuration in column for column in means):
            continue
        cells = [_label(latest, configuration)]
        for index, column in enumerate(means):
            error = ratio_uncertainty(columns[index][1], scenario, configuration, metric)
            value = f"{ratio_text(column[configuration], error)}×"
            if index:
                moved = agreement_pct(means[index - 1][configuration], column[configuration])
                value += f" ({moved:+.0f} %)"
            cells.append(value)
        rows.append(cells)
    where = [
        [
            title,
            f"{len(results)} run{'s' if len(results) > 1 else ''}",
            _where(results[0]),
            _number(_mean_baseline(results, scenario, metric)),
        ]
        for title, results in columns
    ]
    header = ["Configuration", *(title for title, _ in columns)]
    where_header = [
        "Column",
        "Runs",
        "Machine and stack",
        f"Baseline ({_label(latest, baseline_of(latest))}), {METRIC_UNITS[metric]}",
    ]
    return note + table(where_header, where) + "\n\n" + table(header, rows)


METRIC_UNITS = {"requests_per_s": "requests/s", "requests_per_cpu_s": "requests per CPU-second"}


def _mean_baseline(results: list[schema.ResultFile], scenario: str, metric: str) -> float:
    medians = []
    for result in results:
        stats = cell_summary(cells_of(result, scenario)[baseline_of(result)])
        medians.append(stats[metric]["median"])
    return statistics.fmean(medians)


@directive("bench-agreement")
def agreement_section(context: Context) -> str:
    """How well the ratios to the baseline agree between the two runs, for both metrics."""
    found, note = _runs_or_note()
    if len(found) < RUNS_SHOWN:
        return note
    (_, first), (_, second) = found
    lines = [note, baseline_drift(first, second), ""]
    header = [
        "Scenario",
        "Configuration",
        "Run 1 ratio",
        "Run 2 ratio",
        "Difference",
        "Spread of the configuration, run 1 / run 2",
        "Spread of the baseline, run 1 / run 2",
        "Server core used by others: configuration / baseline, run 1 → run 2",
    ]

    def stats_of(result: schema.ResultFile, scenario: str, configuration: str) -> dict:
        return cell_summary(cells_of(result, scenario)[configuration]) or {}

    def spread(scenario: str, configuration: str, metric: str) -> str:
        values = [
            stats_of(result, scenario, configuration)[metric]["spread_pct"] for result in (first, second)
        ]
        return " / ".join(f"{value:.0f} %" for value in values)

    def others(scenario: str, configuration: str) -> str:
        base = baseline_of(first)
        runs_text = []
        for result in (first, second):
            mine = stats_of(result, scenario, configuration)["server_core_other"]["median"]
            theirs = stats_of(result, scenario, base)["server_core_other"]["median"]
            runs_text.append(f"{mine * 100:.0f} % / {theirs * 100:.0f} %")
        return " → ".join(runs_text)

    for metric, title in (
        ("requests_per_s", "Requests per second"),
        ("requests_per_cpu_s", "Requests per CPU-second"),
    ):
        rows = agreement(first, second, metric)
        agreeing = sum(row["agrees"] for row in rows)
        lines.append(
            f"**{title}:** {agreeing} of {len(rows)} ratios agree within ±{AGREEMENT_LIMIT_PCT:g} %; "
            f"the median absolute difference is "
            f"{statistics.median(abs(row['difference_pct']) for row in rows):.1f} %."
            if rows
            else f"**{title}:** no ratio was measured in both runs."
        )
        lines.append("")
        disagreeing = [row for row in rows if not row["agrees"]]
        if disagreeing:
            lines.append(f'??? note "{title}: the {len(disagreeing)} ratios outside ±10 %"')
            lines.append("")
            body = table(
                header,
                [
                    [
                        first.scenarios[row["scenario"]].title,
                        _label(first, row["configuration"]),
                        ratio_text(
                            row["ratio_run_1"],
                            ratio_uncertainty([first], row["scenario"], row["configuration"], metric),
                        ),
                        ratio_text(
                            row["ratio_run_2"],
                            ratio_uncertainty([second], row["scenario"], row["configuration"], metric),
                        ),
                        f"{row['difference_pct']:+.1f} %",
                        spread(row["scenario"], row["configuration"], metric),
                        spread(row["scenario"], baseline_of(first), metric),
                        others(row["scenario"], row["configuration"]),
                    ]
                    for row in disagreeing
                ],
            )
            lines += ["    " + line for line in body.splitlines()]
            lines.append("")
    return "\n".join(lines)


@directive("bench-settings")
def settings_table(context: Context) -> str:
    """Every setting of the newest run, and the exact server command of each configuration."""
    found, note = _runs_or_note()
    if not found:
        return note
    result = found[-1][1]
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
            note,
            f"The run was started with `{result.run.command}`.",
            "",
            table(["Setting", "Value"], settings_rows),
            "",
            table(["Configuration", "Worker model", "Server command", "Environment"], command_rows),
            "",
        ]
    )


@directive("bench-packages")
def packages_table(context: Context) -> str:
    """Package versions each run used: as installed (the lock file's pin when a run did not record it)."""
    found, note = _runs_or_note()
    if not found:
        return note
    names = list(found[-1][1].run.packages)
    rows = []
    for name in names:
        row = [f"`{name}`"]
        for _, result in found:
            package = result.run.packages.get(name)
            row.append(package.installed or package.locked or "–" if package else "–")
        rows.append(row)
    return note + table(["Package"] + [f"Run {n}" for n in range(1, len(found) + 1)], rows)


@directive("bench-figure")
def figure(context: Context, scenario: str, configuration: str, metric: str = "requests_per_s") -> str:
    """One ratio to the baseline from the newest run, inline (for sentences on other pages)."""
    found, _ = _runs_or_note()
    if not found:
        return "(no benchmark results yet)"
    result = found[-1][1]
    _scenario_or_error(result, scenario)
    value = ratios(result, scenario, metric).get(configuration)
    if value is None:
        raise DirectiveError(f"no result for {scenario}/{configuration}")
    error = ratio_uncertainty([other for _, other in found], scenario, configuration, metric)
    return f"{ratio_text(value, error)}×"


@published("benchmarks.json")
def benchmarks_data() -> dict:
    """Every run shown on the page: metadata, configurations, scenarios, each cell's samples and spread."""
    found = runs()
    published_runs = []
    for name, result in found:
        published_runs.append(
            {
                "file": f"data/benchmarks/{name}",
                "metadata": result.run.model_dump(),
                "baseline": baseline_of(result),
                "configurations": {key: value.model_dump() for key, value in result.configurations.items()},
                "scenarios": {key: value.model_dump() for key, value in result.scenarios.items()},
                "import_times": {
                    key: {**value.model_dump(), "summary": summary(value.seconds)}
                    for key, value in result.import_times.items()
                },
                "cells": [
                    {
                        "scenario": cell.scenario,
                        "configuration": cell.configuration,
                        "status": cell.status,
                        "failure": cell.failure,
                        "server_command": cell.server_command,
                        "wrk_command": cell.wrk_command,
                        "repeats": len(cell.samples),
                        "summary": cell_summary(cell),
                        "ratio_to_baseline": {
                            metric: ratios(result, cell.scenario, metric).get(cell.configuration)
                            for metric in ("requests_per_s", "requests_per_cpu_s")
                        },
                        "samples": [sample.model_dump() for sample in cell.samples],
                    }
                    for cell in result.cells
                ],
            }
        )
    document: dict = {"runs": published_runs, "agreement_limit_pct": AGREEMENT_LIMIT_PCT}
    if len(found) == RUNS_SHOWN:
        (_, first), (_, second) = found
        document["agreement"] = agreement(first, second, "requests_per_s") + agreement(
            first, second, "requests_per_cpu_s"
        )
    return document


def _range(values: list[float], uncertainty: float) -> str:
    low, high = ratio_text(min(values), uncertainty), ratio_text(max(values), uncertainty)
    return f"{low}×" if low == high else f"{low}–{high}×"


@directive("bench-headlines")
def headlines(context: Context, *scenarios: str) -> str:
    """One bullet per scenario: the fastest and slowest configuration, with their ratio in each run."""
    found, note = _runs_or_note()
    if not found:
        return note
    latest = found[-1][1]
    lines = [note] if note else []
    for scenario in scenarios or tuple(latest.scenarios):
        _scenario_or_error(latest, scenario)
        parts = []
        metrics = [("requests_per_s", "req/s"), ("requests_per_cpu_s", "per CPU-second")]
        if latest.scenarios[scenario].section == "io-bound":
            metrics = metrics[:1]
        for metric, title in metrics:
            per_run = [ratios(result, scenario, metric) for _, result in found]
            common = set.intersection(*(set(run) for run in per_run))
            if not common:
                continue
            ordered = sorted(common, key=lambda name: statistics.median(run[name] for run in per_run))
            best, worst = ordered[-1], ordered[0]
            base = baseline_of(latest)

            def said(name: str, per_run=per_run, base=base, scenario=scenario, metric=metric) -> str:
                if name == base:
                    return f"{_label(latest, name)} (the baseline)"
                error = ratio_uncertainty([result for _, result in found], scenario, name, metric)
                return f"{_label(latest, name)} {_range([run[name] for run in per_run], error)} the baseline"

            parts.append(f"by {title}, fastest {said(best)}, slowest {said(worst)}")
        failed = [
            cell.configuration for _, result in found for cell in result.cells if cell.scenario == scenario
        ]
        failed = sorted(
            {
                name
                for name in failed
                if any(
                    cell.status == "failed"
                    for _, result in found
                    for cell in result.cells
                    if cell.scenario == scenario and cell.configuration == name
                )
            }
        )
        summary_text = "; ".join(parts) if parts else "no configuration measured in every run"
        if failed:
            summary_text += "; failed in at least one run: " + ", ".join(
                _label(latest, name) for name in failed
            )
        lines.append(f"- **{latest.scenarios[scenario].title}**: {summary_text}.")
    return "\n".join(lines) + "\n"


def _newest() -> schema.ResultFile | None:
    found = runs()
    return found[-1][1] if found else None


@directive("bench-procedure")
def procedure(context: Context) -> str:
    """The rounds and the steps of one server visit, with the settings of the newest run filled in."""
    result = _newest()
    if result is None:
        return _runs_or_note()[1]
    settings = result.run.settings
    servers = {(cell.server_command, tuple(sorted(cell.env.items()))) for cell in result.cells}
    return f"""**Rounds and visits.** A full run makes {settings["repeats"]} rounds. In each round the harness
starts every distinct server (a configuration with its app and environment: {len(servers)} of them)
once, in random order, and measures every scenario that server serves, again in random order. A
fresh random order every round (the seed is recorded) spreads a busy phase of the machine over all
configurations instead of letting it land on one, and a new server process every round puts
process-to-process variation into the repeats. For one server:

1. start the server command on `127.0.0.1` with a free port and wait (at most
   {settings["server_start_timeout_s"]} s) for the first answer: the cold start, recorded with every
   sample of that server;
2. for each of its scenarios: send three requests and check status *and* body (a wrong answer
   fails the cell before anything is measured);
3. warm up with a {settings["warmup_s"]}-second wrk run, then wait until the server has answered
   everything wrk left queued (one more request queues behind them);
4. record RSS and PSS of the worker, then measure with wrk ({settings["wrk_threads"]} thread, the
   scenario's connections, {settings["measure_s"]} seconds, a {settings["wrk_timeout_s"]}-second
   timeout, a cap of {settings["wrk_request_cap"]:,} requests), recording the CPU time the server's
   processes and both cores used in that window;
5. wait for the queue to drain again, run the open-loop client ({settings["open_loop_s"]} s, or
   {settings["open_loop_s_slow"]} s for the slowly paced scenarios), record memory again;
6. after the last scenario, stop the server (SIGTERM to its process group).
"""


@directive("bench-open-loop-rates")
def open_loop_rates(context: Context) -> str:
    """The fixed request rate and wrk connection count of every scenario, from the newest run."""
    result = _newest()
    if result is None:
        return _runs_or_note()[1]
    rows = [
        [spec.title, f"`{spec.method} {spec.path}`", str(spec.connections), f"{spec.open_loop_rate:g}"]
        for spec in result.scenarios.values()
    ]
    return table(["Scenario", "Request", "wrk connections", "Open-loop rate (requests/s)"], rows)


@directive("bench-io-models")
def io_models(context: Context) -> str:
    """How many requests each I/O configuration can keep waiting at once, from the recorded settings."""
    result = _newest()
    if result is None:
        return _runs_or_note()[1]
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


@directive("bench-cold-start")
def cold_start(context: Context, *scenarios: str) -> str:
    """Cold start (median of the repeats) per configuration for the given scenarios, every run."""
    found, note = _runs_or_note()
    if not found:
        return note
    latest = found[-1][1]
    for scenario in scenarios:
        _scenario_or_error(latest, scenario)
    header = ["Configuration"] + [
        f"{latest.scenarios[scenario].title}, run {number} (s)"
        for scenario in scenarios
        for number in range(1, len(found) + 1)
    ]
    names = list(
        dict.fromkeys(cell.configuration for s in scenarios for cell in latest.cells if cell.scenario == s)
    )
    rows = []
    for configuration in names:
        row = [_label(latest, configuration)]
        for scenario in scenarios:
            for _, result in found:
                cell = cells_of(result, scenario).get(configuration)
                stats = cell_summary(cell) if cell else None
                row.append(_median_spread(stats["cold_start_s"]) if stats else "–")
        rows.append(row)
    return note + table(header, rows)
