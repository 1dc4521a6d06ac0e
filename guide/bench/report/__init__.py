"""Directives that render the benchmark result files into the benchmarks page, and `/data/benchmarks.json`.

Every figure on the page comes from the committed result files
`data/benchmarks/full-*.json` (the two newest are "run 1" and "run 2"); nothing
is typed by hand. Summaries (medians, spread, ratios, run-to-run agreement)
are computed here, at build time, from the raw samples; sentences are
templates under `docs/templates/bench/`.

| Module | What it holds |
| --- | --- |
| `results` | which result files are shown, read once per build |
| `analysis` | summaries of the samples, ratios to the baseline, agreement |
| `formatting` | numbers and names as the page prints them |
| `charts` | the SVG bar chart |
| `run_tables` | how the runs were made: `bench-runs`, `-machine`, `-settings`, `-packages`, ... |
| `scenario_tables` | `bench-scenario`, `bench-figure` |
| `memory_tables` | `bench-memory`, `-footprint`, `-startup`, `-cold-start` |
| `agreement_tables` | `bench-agreement`, `bench-across` |
| `text` | `bench-headlines`, `bench-procedure` |
| `published` | `/data/benchmarks.json` |

Importing this package registers every directive (`guide.render` imports it by name).
"""

from __future__ import annotations

from guide.bench.report import (
    agreement_tables,
    memory_tables,
    published,
    results,
    run_tables,
    scenario_tables,
    text,
)
from guide.bench.report.agreement_tables import across_machines, agreement_section
from guide.bench.report.analysis import (
    AGREEMENT_LIMIT_PCT,
    agreement,
    baseline_of,
    cell_summary,
    cells_of,
    mean_ratios,
    ratio_uncertainty,
    ratios,
)
from guide.bench.report.charts import bar_chart
from guide.bench.report.formatting import ratio_text, stack_of, where
from guide.bench.report.memory_tables import FOOTPRINT, cold_start, footprint, memory_table, startup_table
from guide.bench.report.published import benchmarks_data
from guide.bench.report.results import RESULTS_DIR, RUNS_SHOWN, check_paths, record_paths, result_paths, runs
from guide.bench.report.run_tables import (
    io_models,
    machine_table,
    open_loop_rates,
    packages_table,
    runs_table,
    settings_table,
)
from guide.bench.report.scenario_tables import figure, scenario_section
from guide.bench.report.text import headlines, procedure

__all__ = [
    "AGREEMENT_LIMIT_PCT",
    "FOOTPRINT",
    "RESULTS_DIR",
    "RUNS_SHOWN",
    "across_machines",
    "agreement",
    "agreement_section",
    "agreement_tables",
    "bar_chart",
    "baseline_of",
    "benchmarks_data",
    "cell_summary",
    "cells_of",
    "check_paths",
    "cold_start",
    "figure",
    "footprint",
    "headlines",
    "io_models",
    "machine_table",
    "mean_ratios",
    "memory_table",
    "memory_tables",
    "open_loop_rates",
    "packages_table",
    "procedure",
    "published",
    "ratio_text",
    "ratio_uncertainty",
    "ratios",
    "record_paths",
    "result_paths",
    "results",
    "run_tables",
    "runs",
    "runs_table",
    "scenario_section",
    "scenario_tables",
    "settings_table",
    "stack_of",
    "startup_table",
    "text",
    "where",
]
