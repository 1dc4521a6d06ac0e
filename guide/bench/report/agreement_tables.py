"""Directives that say how far the results can be trusted: run-to-run agreement, and the same ratios
on another machine (the previous record and the check runs)."""

from __future__ import annotations

import statistics

from guide import templates
from guide.bench import schema
from guide.bench.report.analysis import (
    AGREEMENT_LIMIT_PCT,
    agreement,
    baseline_of,
    cells_of,
    mean_baseline,
    mean_ratios,
    ratio_uncertainty,
    stats_of,
)
from guide.bench.report.formatting import METRIC_UNITS, label, median_spread, number, ratio_text, where
from guide.bench.report.results import (
    RUNS_SHOWN,
    check_paths,
    load,
    record_paths,
    runs_or_note,
    scenario_or_error,
)
from guide.bench.stats import agreement_pct
from guide.render import Context, directive, table

DISAGREEMENT_HEADER = [
    "Scenario",
    "Configuration",
    "Run 1 ratio",
    "Run 2 ratio",
    "Difference",
    "Spread of the configuration, run 1 / run 2",
    "Spread of the baseline, run 1 / run 2",
    "Server core used by others: configuration / baseline, run 1 → run 2",
]


def baseline_drift(first: schema.ResultFile, second: schema.ResultFile) -> str:
    """The baseline's own median and spread per scenario in both runs: every ratio divides by it."""
    base = baseline_of(first)
    rows = []
    for scenario, spec in first.scenarios.items():
        one = stats_of(first, scenario, base)
        two = stats_of(second, scenario, base)
        if not (one and two):
            continue
        rows.append(
            [
                spec.title,
                f"{median_spread(one['requests_per_s'])} → {median_spread(two['requests_per_s'])}",
                f"{median_spread(one['requests_per_cpu_s'])} → {median_spread(two['requests_per_cpu_s'])}",
                f"{agreement_pct(one['requests_per_s']['median'], two['requests_per_s']['median']):+.0f} %",
            ]
        )
    header = [
        "Scenario",
        f"Baseline req/s, run 1 → run 2 ({label(first, base)})",
        "Baseline per CPU-second, run 1 → run 2",
        "Change of the baseline's req/s",
    ]
    return table(header, rows)


@directive("bench-agreement")
def agreement_section(context: Context) -> str:
    """How well the ratios to the baseline agree between the two runs, for both metrics."""
    found, note = runs_or_note()
    if len(found) < RUNS_SHOWN:
        return note
    (_, first), (_, second) = found
    metrics = []
    for metric, title in (
        ("requests_per_s", "Requests per second"),
        ("requests_per_cpu_s", "Requests per CPU-second"),
    ):
        rows = agreement(first, second, metric)
        outside = [row for row in rows if not row["agrees"]]
        metrics.append(
            {
                "title": title,
                "compared": len(rows),
                "agreeing": sum(row["agrees"] for row in rows),
                "median_difference": statistics.median(abs(row["difference_pct"]) for row in rows)
                if rows
                else None,
                "outside": len(outside),
                "outside_table": _disagreements(first, second, metric, outside),
            }
        )
    text = templates.render("bench/agreement.md.j2", metrics=metrics, limit=AGREEMENT_LIMIT_PCT)
    return "\n".join([note, baseline_drift(first, second), "", text])


def _disagreements(first: schema.ResultFile, second: schema.ResultFile, metric: str, rows: list[dict]) -> str:
    """The ratios of `metric` that moved more than the limit, with the spreads and the machine's
    other load that may explain it."""
    both = (first, second)

    def spread(scenario: str, configuration: str) -> str:
        values = [stats_of(result, scenario, configuration)[metric]["spread_pct"] for result in both]
        return " / ".join(f"{value:.0f} %" for value in values)

    def others(scenario: str, configuration: str) -> str:
        runs_text = []
        for result in both:
            mine = stats_of(result, scenario, configuration)["server_core_other"]["median"]
            theirs = stats_of(result, scenario, baseline_of(first))["server_core_other"]["median"]
            runs_text.append(f"{mine * 100:.0f} % / {theirs * 100:.0f} %")
        return " → ".join(runs_text)

    def ratio_in(result: schema.ResultFile, row: dict, key: str) -> str:
        error = ratio_uncertainty([result], row["scenario"], row["configuration"], metric)
        return ratio_text(row[key], error)

    return table(
        DISAGREEMENT_HEADER,
        [
            [
                first.scenarios[row["scenario"]].title,
                label(first, row["configuration"]),
                ratio_in(first, row, "ratio_run_1"),
                ratio_in(second, row, "ratio_run_2"),
                f"{row['difference_pct']:+.1f} %",
                spread(row["scenario"], row["configuration"]),
                spread(row["scenario"], baseline_of(first)),
                others(row["scenario"], row["configuration"]),
            ]
            for row in rows
        ],
    )


@directive("bench-across")
def across_machines(context: Context, scenario: str, metric: str = "requests_per_s") -> str:
    """Each configuration's ratio to the baseline in the previous record, in every check run and
    in the runs shown, with how far each moved from the previous column."""
    found, note = runs_or_note()
    record = [load(path) for path in record_paths()]
    checks = [load(path) for path in check_paths()]
    checks = [check for check in checks if cells_of(check, scenario)]
    if not found or not record:
        return note + "No earlier record to compare with."
    columns = [("Previous record", record)]
    columns += [("Check: record's stack, this machine", [check]) for check in checks]
    columns.append(("Runs shown above", [result for _, result in found]))
    for _, results in columns:
        scenario_or_error(results[0], scenario)
    means = [mean_ratios(results, scenario, metric) for _, results in columns]
    latest = found[-1][1]
    rows = []
    for configuration in means[-1]:
        if configuration == baseline_of(latest) or not all(configuration in column for column in means):
            continue
        cells = [label(latest, configuration)]
        for index, column in enumerate(means):
            error = ratio_uncertainty(columns[index][1], scenario, configuration, metric)
            value = f"{ratio_text(column[configuration], error)}×"
            if index:
                moved = agreement_pct(means[index - 1][configuration], column[configuration])
                value += f" ({moved:+.0f} %)"
            cells.append(value)
        rows.append(cells)
    sources = [
        [
            title,
            f"{len(results)} run{'s' if len(results) > 1 else ''}",
            where(results[0]),
            number(mean_baseline(results, scenario, metric)),
        ]
        for title, results in columns
    ]
    header = ["Configuration", *(title for title, _ in columns)]
    sources_header = [
        "Column",
        "Runs",
        "Machine and stack",
        f"Baseline ({label(latest, baseline_of(latest))}), {METRIC_UNITS[metric]}",
    ]
    return note + table(sources_header, sources) + "\n\n" + table(header, rows)
