"""`/data/benchmarks.json`: every run shown on the benchmarks page, with its raw samples."""

from __future__ import annotations

from guide.bench import schema
from guide.bench.report import results
from guide.bench.report.analysis import (
    AGREEMENT_LIMIT_PCT,
    METRICS,
    agreement,
    baseline_of,
    cell_summary,
    ratios,
)
from guide.bench.report.results import RUNS_SHOWN
from guide.bench.stats import summary
from guide.publish import published


@published("benchmarks.json")
def benchmarks_data() -> dict:
    """Every run shown on the page: metadata, configurations, scenarios, each cell's samples and spread."""
    found = results.runs()
    document: dict = {
        "runs": [_run(name, result) for name, result in found],
        "agreement_limit_pct": AGREEMENT_LIMIT_PCT,
    }
    if len(found) == RUNS_SHOWN:
        (_, first), (_, second) = found
        document["agreement"] = [row for metric in METRICS for row in agreement(first, second, metric)]
    return document


def _run(name: str, result: schema.ResultFile) -> dict:
    """One run as published: its file, metadata, configurations, scenarios, import times and cells."""
    return {
        "file": f"data/benchmarks/{name}",
        "metadata": result.run.model_dump(),
        "baseline": baseline_of(result),
        "configurations": {key: value.model_dump() for key, value in result.configurations.items()},
        "scenarios": {key: value.model_dump() for key, value in result.scenarios.items()},
        "import_times": {
            key: {**value.model_dump(), "summary": summary(value.seconds)}
            for key, value in result.import_times.items()
        },
        "cells": [_cell(result, cell) for cell in result.cells],
    }


def _cell(result: schema.ResultFile, cell: schema.Cell) -> dict:
    """One cell as published: how it was run, its summary, its ratios to the baseline and every sample."""
    return {
        "scenario": cell.scenario,
        "configuration": cell.configuration,
        "status": cell.status,
        "failure": cell.failure,
        "server_command": cell.server_command,
        "wrk_command": cell.wrk_command,
        "repeats": len(cell.samples),
        "summary": cell_summary(cell),
        "ratio_to_baseline": {
            metric: ratios(result, cell.scenario, metric).get(cell.configuration) for metric in METRICS
        },
        "samples": [sample.model_dump() for sample in cell.samples],
    }
