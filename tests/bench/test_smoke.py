"""`make test` runs the harness's smoke mode: real servers, one scenario per framework, seconds."""

import os
import shutil

import pytest

from guide.bench import runner, schema
from guide.bench.scenarios import SMOKE_CELLS
from guide.bench.settings import SMOKE


@pytest.fixture
def wrk_installed():
    if shutil.which("wrk") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("wrk is missing in CI: install Debian's wrk (sudo apt-get install wrk)")
        pytest.skip("install Debian's wrk to run the benchmark smoke test (sudo apt-get install wrk)")


@pytest.mark.timeout(110)
def test_smoke_run_measures_every_framework_with_real_servers(wrk_installed, tmp_path):
    document = runner.run(SMOKE)
    path = runner.write(document, tmp_path / "smoke.json")
    assert schema.validate_document(document, str(path), require_full=False) == []
    assert {cell["configuration"] for cell in document["cells"]} == {
        cell.configuration for cell in SMOKE_CELLS
    }
    for cell in document["cells"]:
        assert cell["status"] == "ok", cell["failure"]
        (sample,) = cell["samples"]
        assert sample["requests_per_s"] > 0
        assert sample["open_loop"]["ok"] == sample["open_loop"]["sent"]
        assert sample["memory_after_load"]["worker_pss_mb"] > 0
    assert document["run"]["duration_s"] < 90
