"""Directives for what a worker costs besides throughput: memory per worker and start-up time."""

from __future__ import annotations

import statistics
from collections.abc import Callable

from guide import templates
from guide.bench import schema
from guide.bench.report.analysis import cells_of, stats_of
from guide.bench.report.formatting import label, median_spread
from guide.bench.report.results import NamedRun, Shown, runs_or_note, scenario_or_error, with_runs
from guide.bench.stats import summary
from guide.render import Context, DirectiveError, directive, table

FOOTPRINT = {
    "flask": ("flask-minimal", "flask-gunicorn-sync", "also Pydantic, SQLAlchemy and Jinja2 templates"),
    "fastapi": ("fastapi-minimal", "fastapi-uvicorn-async", "also Jinja2 templates"),
    "django": ("django-minimal", "django-gunicorn", "every snippet app of this site and its models"),
}
"""Per framework: the hello-only configuration, the benchmark app's, and what the benchmark app loads."""

FRAMEWORK_NAMES = {"flask": "Flask", "fastapi": "FastAPI", "django": "Django"}


def per_run(
    found: list[NamedRun], scenario: str, configuration: str, text: Callable[[dict], str], missing: str
) -> list[str]:
    """One table cell per run: `text` of the configuration's summary, or `missing` when it failed."""
    cells = []
    for _, result in found:
        stats = stats_of(result, scenario, configuration)
        cells.append(text(stats) if stats else missing)
    return cells


def run_columns(found: list[NamedRun], title: str) -> list[str]:
    """One column header per run: "Run 1: `title`", "Run 2: `title`", ..."""
    return [f"Run {run}: {title}" for run in range(1, len(found) + 1)]


@directive("bench-memory")
@with_runs
def memory_table(shown: Shown, scenario: str = "hello") -> str:
    """Memory of one worker process (RSS and PSS) after warm-up and after load, per configuration."""
    header = ["Configuration"]
    for run in range(1, len(shown.runs) + 1):
        header += [f"Run {run}: RSS after warm-up / after load (MB)", f"Run {run}: PSS after load (MB)"]
    rows = []
    latest = shown.latest
    scenario_or_error(latest, scenario)
    for configuration in cells_of(latest, scenario):
        row = [label(latest, configuration)]
        for result in shown.results:
            stats = stats_of(result, scenario, configuration)
            if stats is None:
                row += ["failed", "–"]
                continue
            row += [
                f"{stats['worker_rss_mb_after_warmup']['median']:.1f} / "
                f"{stats['worker_rss_mb_after_load']['median']:.1f}",
                f"{stats['worker_pss_mb_after_load']['median']:.1f}",
            ]
        rows.append(row)
    return shown.note + table(header, rows)


@directive("bench-footprint")
def footprint(context: Context, part: str = "table", scenario: str = "hello") -> str:
    """Memory of a hello-only app beside the benchmark app, per framework: PSS after load, each run,
    and which framework is smallest in each case (computed). `part` is `table` (the table and
    the ranking) or `summary` (the ranking sentence only, for other pages)."""
    if part not in ("table", "summary"):
        raise DirectiveError(f"bench-footprint: part must be 'table' or 'summary', not {part!r}")
    found, note = runs_or_note()
    if not found:
        return note
    latest = found[-1][1]
    header = ["Framework", "App", "What it loads", *run_columns(found, "PSS after load (MB)")]
    rows = []
    medians: dict[str, dict[str, float]] = {"minimal": {}, "benchmark": {}}
    for framework, (minimal, full, loads) in FOOTPRINT.items():
        for kind, configuration, what in (
            ("minimal", minimal, "the framework and one JSON route"),
            ("benchmark", full, f"the benchmark app: {loads}"),
        ):
            values = _pss_after_load(found, scenario, configuration)
            measured = [value for value in values if value is not None]
            medians[kind][framework] = statistics.median(measured)
            rows.append(
                [
                    FRAMEWORK_NAMES[framework],
                    label(latest, configuration),
                    what,
                    *(f"{value:.1f}" if value is not None else "failed" for value in values),
                ]
            )

    def smallest_first(kind: str) -> list[tuple[str, float]]:
        ranked = sorted(medians[kind], key=medians[kind].get)
        return [(FRAMEWORK_NAMES[name], medians[kind][name]) for name in ranked]

    summary_line = templates.render(
        "bench/footprint.md.j2", minimal=smallest_first("minimal"), benchmark=smallest_first("benchmark")
    )
    if part == "summary":
        return summary_line + "\n"
    return note + table(header, rows) + "\n\n" + summary_line + "\n"


def _pss_after_load(found: list[NamedRun], scenario: str, configuration: str) -> list[float | None]:
    """A worker's median PSS after load in each run (None where the cell failed).

    Raises:
        DirectiveError: The configuration has no result in any run.
    """
    values = []
    for _, result in found:
        stats = stats_of(result, scenario, configuration)
        values.append(stats["worker_pss_mb_after_load"]["median"] if stats else None)
    if all(value is None for value in values):
        raise DirectiveError(f"bench-footprint: no {scenario} result for {configuration}")
    return values


@directive("bench-startup")
@with_runs
def startup_table(shown: Shown) -> str:
    """Cold start (hello scenario) per configuration and import time per app, both runs."""
    header = ["Configuration", *run_columns(shown.runs, "cold start (s, median ±half-range)")]
    rows = [
        [label(shown.latest, name), *per_run(shown.runs, "hello", name, _cold_start, "failed")]
        for name in cells_of(shown.latest, "hello")
    ]
    imports_header = ["App modules imported", *run_columns(shown.runs, "import time (s, median ±half-range)")]
    import_rows = [
        [", ".join(f"`{module}`" for module in timing.modules), *_import_times(shown.runs, key)]
        for key, timing in shown.latest.import_times.items()
    ]
    return "\n".join([shown.note, table(header, rows), "", table(imports_header, import_rows), ""])


def _cold_start(stats: dict) -> str:
    return median_spread(stats["cold_start_s"])


def _import_times(found: list[NamedRun], key: str) -> list[str]:
    """The import time of one app in each run, "–" where a run did not time it."""
    timings: list[schema.ImportTime | None] = [result.import_times.get(key) for _, result in found]
    return [median_spread(summary(timing.seconds)) if timing else "–" for timing in timings]


@directive("bench-cold-start")
@with_runs
def cold_start(shown: Shown, *scenarios: str) -> str:
    """Cold start (median of the repeats) per configuration for the given scenarios, every run."""
    found, latest = shown.runs, shown.latest
    for scenario in scenarios:
        scenario_or_error(latest, scenario)
    header = ["Configuration"] + [
        f"{latest.scenarios[scenario].title}, run {run} (s)"
        for scenario in scenarios
        for run in range(1, len(found) + 1)
    ]
    names = dict.fromkeys(name for scenario in scenarios for name in cells_of(latest, scenario))
    rows = [
        [
            label(latest, configuration),
            *(
                text
                for scenario in scenarios
                for text in per_run(found, scenario, configuration, _cold_start, "–")
            ),
        ]
        for configuration in names
    ]
    return shown.note + table(header, rows)
