"""The built benchmarks page and /data/benchmarks.json carry every measured cell of both runs."""

import json

from guide.bench import report
from guide.bench.scenarios import CELLS


def published(site_dir) -> dict:
    return json.loads((site_dir / "data" / "benchmarks.json").read_text(encoding="utf-8"))


def test_benchmarks_json_has_both_runs_with_every_cell_and_their_spread(site_dir):
    data = published(site_dir)
    assert [run["file"] for run in data["runs"]] == [
        f"data/benchmarks/{p.name}" for p in report.result_paths()
    ]
    assert len(data["runs"]) == 2
    for run in data["runs"]:
        assert run["metadata"]["mode"] == "full"
        assert run["metadata"]["machine"]["cores"] >= 2
        assert run["metadata"]["load_average_start"] and run["metadata"]["packages"]["django"]["locked"]
        measured = {(cell["scenario"], cell["configuration"]) for cell in run["cells"]}
        assert measured == {(cell.scenario, cell.configuration) for cell in CELLS}
        for cell in run["cells"]:
            if cell["status"] == "ok":
                assert cell["repeats"] >= 5
                assert len(cell["samples"]) == cell["repeats"]
                spread = cell["summary"]["requests_per_s"]
                assert spread["min"] <= spread["median"] <= spread["max"]
            else:
                assert cell["failure"] and cell["summary"] is None and not cell["samples"]
    assert {row["metric"] for row in data["agreement"]} == {"requests_per_s", "requests_per_cpu_s"}


def test_page_shows_tables_charts_and_keeps_its_anchors(site_dir):
    page = (site_dir / "benchmarks" / "index.html").read_text(encoding="utf-8")
    for anchor in (
        "results",
        "database-postgres",
        "io-bound",
        "memory",
        "footprint",
        "start-up",
        "routing",
        "methodology",
        "caveats",
    ):
        assert f'id="{anchor}"' in page, anchor
    charts = page.count('<svg xmlns="http://www.w3.org/2000/svg" role="img"')
    assert charts == len(published(site_dir)["runs"][-1]["scenarios"])
    assert "guide:bench" not in page


def test_page_figures_are_the_published_ones(site_dir):
    data = published(site_dir)
    page = (site_dir / "benchmarks" / "index.html").read_text(encoding="utf-8")
    latest = data["runs"][-1]
    cell = next(
        c for c in latest["cells"] if c["scenario"] == "hello" and c["configuration"] == "starlette-uvicorn"
    )
    ratio = cell["ratio_to_baseline"]["requests_per_s"]
    shown = [result for _, result in report.runs()]
    error = report.ratio_uncertainty(shown, "hello", "starlette-uvicorn", "requests_per_s")
    assert f"<td>{report.ratio_text(ratio, error)}</td>" in page
