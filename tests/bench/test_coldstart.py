"""The cold-start measurement (guide/bench/coldstart.py) and its result files."""

import json

import pytest

from guide.bench import coldstart
from guide.data import DataError
from guide.render import Context


@pytest.fixture(scope="module")
def document():
    return coldstart.run(repeats=2, frameworks=("flask", "django"))


def test_a_run_records_import_and_first_invocation_per_framework(document):
    assert document["kind"] == "coldstart"
    assert document["repeats"] == 2
    assert set(document["frameworks"]) == {"flask", "django"}
    assert {"cpu_model", "cores", "python"} <= set(document["machine"])
    assert set(document["versions"]) == {"flask", "fastapi", "django", "mangum", "a2wsgi"}
    for result in document["frameworks"].values():
        assert len(result["samples"]) == 2
        assert all(sample["status"] == 200 for sample in result["samples"])
        for measure in ("import_ms", "first_invocation_ms"):
            values = [sample[measure] for sample in result["samples"]]
            assert result[measure]["min"] == min(values) > 0
            assert result[measure]["max"] == max(values)
            assert result[measure]["min"] <= result[measure]["median"] <= result[measure]["max"]


def test_a_run_written_to_a_file_loads_and_renders(document, tmp_path, monkeypatch):
    path = tmp_path / "coldstart-20990101T0000.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    assert coldstart.load(path).frameworks["flask"].samples[0].status == 200
    monkeypatch.setattr(coldstart, "RESULTS_DIR", tmp_path)
    monkeypatch.setattr(coldstart, "ROOT", tmp_path)
    monkeypatch.setattr(coldstart, "newest", lambda: path)
    rendered = coldstart.coldstart_table(Context(page="tasks/scaling.md"))
    assert "| Flask | `snippets/serverless/flask_handler.py` |" in rendered
    assert "of 2 fresh processes each" in rendered


def test_a_result_file_without_a_field_names_the_file_and_the_field(document, tmp_path):
    broken = json.loads(json.dumps(document))
    del broken["frameworks"]["django"]["first_invocation_ms"]["median"]
    path = tmp_path / "coldstart-broken.json"
    path.write_text(json.dumps(broken), encoding="utf-8")
    with pytest.raises(DataError) as error:
        coldstart.load(path)
    assert "coldstart-broken.json" in str(error.value)
    assert "frameworks.django.first_invocation_ms.median: Field required" in str(error.value)


def test_a_negative_time_is_rejected(document, tmp_path):
    broken = json.loads(json.dumps(document))
    broken["frameworks"]["flask"]["samples"][0]["import_ms"] = -1
    path = tmp_path / "coldstart-negative.json"
    path.write_text(json.dumps(broken), encoding="utf-8")
    with pytest.raises(DataError, match=r"frameworks\.flask\.samples\.0\.import_ms"):
        coldstart.load(path)


def test_the_committed_result_file_is_valid():
    path = coldstart.newest()
    assert path is not None, "no data/benchmarks/coldstart-*.json: run python -m guide.bench.coldstart"
    result = coldstart.load(path)
    assert set(result.frameworks) == {"flask", "fastapi", "django"}
    assert all(len(entry.samples) == result.repeats for entry in result.frameworks.values())


def test_a_handler_that_fails_is_reported(tmp_path):
    with pytest.raises(RuntimeError, match="cold start of snippets.serverless.missing failed"):
        coldstart.measure_once("snippets.serverless.missing", {}, {})
