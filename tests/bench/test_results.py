"""The committed result files are valid, cover the whole matrix, and render into every directive."""

import json
import statistics

import pytest

from guide.bench import report, schema
from guide.bench.scenarios import CELLS, SCENARIOS
from guide.render import Context, DirectiveError

PATHS = report.result_paths()


def test_two_full_runs_are_committed():
    assert len(PATHS) == 2, "commit two full runs: make bench (twice)"


@pytest.mark.parametrize("path", PATHS, ids=lambda path: path.name)
def test_result_file_is_valid_and_covers_the_matrix(path):
    result = schema.load(path)
    assert {(cell.scenario, cell.configuration) for cell in result.cells} == {
        (cell.scenario, cell.configuration) for cell in CELLS
    }
    assert result.run.duration_s < 30 * 60, "a full run must finish within 30 minutes"
    for cell in result.cells:
        for sample in cell.samples:
            assert sample.requests_per_s == pytest.approx(sample.requests / sample.duration_s, rel=0.01)


def test_every_directive_renders_from_the_committed_files():
    context = Context(page="benchmarks/index.md")
    for scenario in SCENARIOS:
        assert "| Configuration |" in report.scenario_section(context, scenario)
    rendered = [
        report.runs_table(context),
        report.machine_table(context),
        report.memory_table(context),
        report.startup_table(context),
        report.agreement_section(context),
        report.settings_table(context),
        report.packages_table(context),
        report.headlines(context),
        report.procedure(context),
        report.open_loop_rates(context),
        report.io_models(context),
        report.cold_start(context, "routing-10", "routing-1000"),
    ]
    assert all(rendered)
    assert "No results yet" not in "".join(rendered)


def test_packages_table_shows_the_versions_each_run_installed():
    rendered = report.packages_table(Context(page="benchmarks/index.md"))
    found = report.runs()
    for name in ("flask", "fastapi", "django", "quart"):
        cells = " | ".join(result.run.packages[name].installed for _, result in found)
        assert f"| `{name}` | {cells} |" in rendered


def test_agreement_is_computed_from_the_ratios():
    (_, first), (_, second) = report.runs()
    rows = report.agreement(first, second, "requests_per_s")
    assert rows
    for row in rows:
        one = report.ratios(first, row["scenario"], "requests_per_s")[row["configuration"]]
        two = report.ratios(second, row["scenario"], "requests_per_s")[row["configuration"]]
        assert row["difference_pct"] == pytest.approx((two / one - 1) * 100, abs=0.01)
        assert row["agrees"] == (abs(row["difference_pct"]) <= report.AGREEMENT_LIMIT_PCT)


def test_unknown_scenario_is_a_clear_directive_error():
    with pytest.raises(DirectiveError, match="unknown benchmark scenario 'nope'"):
        report.scenario_section(Context(page="benchmarks/index.md"), "nope")


def test_published_data_is_json_serialisable():
    json.dumps(report.benchmarks_data())


def test_no_results_renders_a_warning_not_an_error(monkeypatch, tmp_path):
    monkeypatch.setattr(report.results, "RESULTS_DIR", tmp_path)
    monkeypatch.setattr(report.results, "runs", lambda folder=tmp_path: [])
    assert "No results yet" in report.scenario_section(Context(page="x"), "hello")
    assert report.benchmarks_data() == {"runs": [], "agreement_limit_pct": report.AGREEMENT_LIMIT_PCT}


def test_bar_chart_is_self_contained_svg_and_shows_failures():
    svg = report.bar_chart("T <1>", [("A & B", [10.0, None]), ("C", [5.0, 20.0])], ["Run 1", "Run 2"], "")
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg" role="img"')
    assert "<title>T &lt;1&gt;</title>" in svg
    assert "A &amp; B" in svg
    assert ">failed</text>" in svg
    assert "http" not in svg.replace("http://www.w3.org/2000/svg", "")
    assert 'width="270.0"' in svg
    assert 'width="67.5"' in svg


def test_the_across_machines_table_is_computed_from_the_record_checks_and_runs():
    context = Context(page="benchmarks/index.md")
    rendered = report.across_machines(context, "hello")
    record = [schema.load(path) for path in report.record_paths()]
    shown = [result for _, result in report.runs()]
    assert len(record) == 2
    checks = [schema.load(path) for path in report.check_paths()]
    columns = [record] + [[check] for check in checks if report.cells_of(check, "hello")] + [shown]
    for configuration in ("fastapi-uvicorn-async", "django-gunicorn"):
        means = [report.mean_ratios(results, "hello", "requests_per_s")[configuration] for results in columns]
        label = shown[-1].configurations[configuration].label
        row = next(line for line in rendered.splitlines() if line.startswith(f"| {label} |"))
        errors = [
            report.ratio_uncertainty(results, "hello", configuration, "requests_per_s") for results in columns
        ]
        assert row.split(" | ")[1] == f"{report.ratio_text(means[0], errors[0])}×"
        assert row.split(" | ")[-1].startswith(f"{report.ratio_text(means[-1], errors[-1])}× (")
    for results in columns:
        assert report.where(results[0]) in rendered


def test_footprint_compares_hello_only_and_benchmark_apps_per_framework():
    context = Context(page="benchmarks/index.md")
    rendered = report.footprint(context)
    summary = report.footprint(context, "summary")
    assert summary.strip() in rendered
    assert summary.startswith("Memory of one worker (PSS after load), smallest first")
    with pytest.raises(DirectiveError, match="part must be 'table' or 'summary'"):
        report.footprint(context, "chart")


def test_a_django_worker_is_not_the_largest_in_either_footprint():
    """Backs the claim 'Django is too heavy for APIs' (data/claims.yml), which says so in words."""
    found = [result for _, result in report.runs()]

    def pss(configuration: str) -> float:
        values = []
        for result in found:
            cell = report.cells_of(result, "hello").get(configuration)
            stats = report.cell_summary(cell) if cell else None
            if stats:
                values.append(stats["worker_pss_mb_after_load"]["median"])
        return statistics.median(values)

    for kind in (0, 1):
        sizes = {framework: pss(names[kind]) for framework, names in report.FOOTPRINT.items()}
        assert max(sizes, key=sizes.get) != "django", sizes


def test_the_previous_record_comes_from_another_machine():
    record = [schema.load(path) for path in report.record_paths()]
    shown = [result for _, result in report.runs()]
    assert len(record) == 2
    assert {result.run.machine.cpu_model for result in record}.isdisjoint(
        {result.run.machine.cpu_model for result in shown}
    )
