"""The harness's pure parts: wrk output, statistics, failure classification, result-file validation."""

import copy
import json
import random
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from guide.bench import __main__ as cli
from guide.bench import openloop, runner, schema, stats, wrk
from guide.bench.configurations import CONFIGURATIONS, Configuration
from guide.bench.scenarios import BASELINE, CELLS, SCENARIOS, Cell, contains, json_equals, product_list
from guide.bench.settings import Settings
from guide.data import DataError

RESULT_LINE = (
    'WRK_RESULT {"requests": 5000, "duration_us": 2000000, "bytes": 1, '
    '"errors": {"connect": 0, "read": 0, "write": 0, "timeout": 0, "status": 0, "unexpected_status": 0}, '
    '"latency_us": {"mean": 6100.5, "p50": 6000, "p90": 7000, "p99": 9500, "max": 12000}}'
)


def wrk_output(line: str = RESULT_LINE) -> str:
    return "Running 2s test @ http://127.0.0.1:1/hello\n  1 threads and 32 connections\n" + line + "\n"


class TestWrkParsing:
    def test_result_line_is_read_in_milliseconds_and_seconds(self):
        result = wrk.parse(wrk_output())
        assert result.requests == 5000
        assert result.duration_s == 2.0
        assert result.requests_per_s == 2500.0
        assert result.latency_ms == {"mean": 6.1005, "p50": 6.0, "p90": 7.0, "p99": 9.5, "max": 12.0}
        assert result.error_count == 0

    def test_unexpected_statuses_count_as_status_errors(self):
        line = RESULT_LINE.replace(
            '"status": 0, "unexpected_status": 0', '"status": 0, "unexpected_status": 7'
        )
        assert wrk.parse(wrk_output(line)).errors["status"] == 7

    def test_missing_result_line_is_a_clear_error(self):
        with pytest.raises(wrk.WrkOutputError, match="no result line"):
            wrk.parse("Running 2s test\nunable to connect to 127.0.0.1:1 Connection refused\n")

    def test_malformed_result_line_is_a_clear_error(self):
        with pytest.raises(wrk.WrkOutputError, match="malformed"):
            wrk.parse(wrk_output('WRK_RESULT {"requests": 5}'))

    def test_command_pins_wrk_and_passes_the_script_arguments(self):
        argv = wrk.command(
            "http://127.0.0.1:9/items",
            connections=32,
            duration_s=2,
            method="POST",
            body="{}",
            expected_status=201,
            cpu=1,
        )
        assert argv[:3] == ["taskset", "--cpu-list", "1"]
        assert argv[argv.index("--connections") + 1] == "32"
        assert argv[-5:] == ["--", "POST", "201", str(wrk.REQUEST_CAP), "{}"]


class TestFailureClassification:
    def result(self, **changes):
        values = {
            "requests": 100,
            "duration_s": 2.0,
            "errors": dict.fromkeys(wrk.parse(wrk_output()).errors, 0),
        }
        values.update(changes)
        return wrk.WrkResult(latency_ms={}, **values)

    def test_a_clean_run_is_a_number(self):
        assert runner.failure_of(self.result()) is None

    def test_errors_fail_the_run_and_are_named(self):
        errors = {"connect": 0, "read": 2, "write": 0, "timeout": 3, "status": 0}
        assert runner.failure_of(self.result(errors=errors)) == "wrk saw 5 errors (read 2, timeout 3)"

    def test_no_request_and_the_cap_fail_the_run(self):
        assert runner.failure_of(self.result(requests=0)) == "wrk completed no request"
        assert "request cap" in runner.failure_of(self.result(requests=wrk.REQUEST_CAP))

    def test_open_loop_errors_fail_the_run(self):
        ok = {"errors": 0, "sent": 10, "ok": 10, "first_error": None}
        assert runner.open_loop_failure(ok) is None
        failed = {"errors": 1, "sent": 10, "ok": 9, "first_error": "request 3: status 500, expected 200"}
        assert runner.open_loop_failure(failed) == (
            "open-loop client: 1 of 10 requests failed (request 3: status 500, expected 200)"
        )


class TestStatistics:
    def test_percentile_interpolates(self):
        assert stats.percentile([1, 2, 3, 4], 50) == 2.5
        assert stats.percentile([5], 99) == 5
        assert stats.percentile(list(range(101)), 99) == 99

    def test_percentile_rejects_bad_input(self):
        with pytest.raises(ValueError, match="no values"):
            stats.percentile([], 50)
        with pytest.raises(ValueError, match="outside"):
            stats.percentile([1], 101)

    def test_summary_spread_is_the_range_over_the_median(self):
        assert stats.summary([90, 100, 110, 100, 100]) == {
            "n": 5,
            "median": 100,
            "min": 90,
            "max": 110,
            "spread_pct": 20.0,
        }

    def test_a_ratio_keeps_only_the_decimals_its_spread_supports(self):
        assert stats.certain_decimals(1.83, 0.05) == 1
        assert stats.certain_decimals(1.83, 0.003) == 2
        assert stats.certain_decimals(1.83, 0.4) == 0
        assert stats.certain_decimals(1.83, 0.0) == 2
        with pytest.raises(ValueError, match="negative uncertainty"):
            stats.certain_decimals(1.0, -0.1)

    def test_ratio_and_agreement(self):
        assert stats.ratio(50, 200) == 0.25
        with pytest.raises(ValueError, match="zero baseline"):
            stats.ratio(1, 0)
        assert stats.agreement_pct(2.0, 2.2) == pytest.approx(10.0)


class TestChecks:
    def test_body_checks(self):
        assert json_equals({"a": 1})(b'{"a": 1}')
        assert not json_equals({"a": 1})(b"not json")
        assert contains("<li>")(b"<ul><li>x</li></ul>")
        rows = [{"id": n, "name": f"Product {n}", "price": n * 1.25} for n in range(1, 21)]
        assert product_list(json.dumps(rows).encode())
        assert not product_list(json.dumps(rows[:19]).encode())
        assert not product_list(b"<html>")


class TestMatrix:
    def test_the_baseline_runs_in_every_scenario(self):
        for scenario in SCENARIOS:
            configurations = {cell.configuration for cell in CELLS if cell.scenario == scenario}
            assert BASELINE in configurations, scenario
            assert len(configurations) >= 3, scenario

    def test_every_cell_names_a_known_configuration_and_is_unique(self):
        assert all(cell.configuration in CONFIGURATIONS for cell in CELLS)
        assert len({cell.key for cell in CELLS}) == len(CELLS)

    def test_io_is_written_four_ways(self):
        ways = {cell.configuration for cell in CELLS if cell.scenario == "io-100ms"}
        assert {
            "flask-gunicorn-sync",
            "flask-gunicorn-gthread",
            "fastapi-uvicorn-async",
            "fastapi-uvicorn-async-blocking",
        } <= ways

    def test_io_includes_gevent_and_postgres_reads_come_from_the_run_server(self):
        ways = {cell.configuration for cell in CELLS if cell.scenario == "io-10ms"}
        assert "flask-gunicorn-gevent" in ways
        postgres = [cell for cell in CELLS if cell.scenario == "database-postgres"]
        assert {cell.configuration for cell in postgres} == {
            "flask-gunicorn-sync",
            "fastapi-uvicorn-def",
            "django-gunicorn",
        }
        assert all(cell.env["DATABASE_URL"] == "{POSTGRES_URL}" for cell in postgres)

    def test_a_cell_environment_is_filled_from_the_run_or_named_as_missing(self):
        cell = next(cell for cell in CELLS if cell.key == "database-postgres/flask-gunicorn-sync")
        env = runner.server_env(cell, {"POSTGRES_URL": "postgresql+psycopg://u@127.0.0.1:1/bench"})
        assert env["DATABASE_URL"] == "postgresql+psycopg://u@127.0.0.1:1/bench"
        with pytest.raises(
            runner.BenchError, match="database-postgres/flask-gunicorn-sync: .*'POSTGRES_URL'"
        ):
            runner.server_env(cell, {})

    def test_only_takes_several_texts_and_names_the_one_that_matches_nothing(self, capsys):
        assert (
            cli.main(["--only", "hello/flask-minimal", "--only", "no-such-cell", "--out", "/tmp/x.json"]) == 2
        )
        assert "error: no cell matches 'no-such-cell'" in capsys.readouterr().err

    def test_every_configuration_runs_one_worker(self):
        for configuration in CONFIGURATIONS.values():
            argv = configuration.command(8000)
            if "--workers" in argv:
                assert argv[argv.index("--workers") + 1] == "1"
            else:
                assert configuration.server == "uvicorn"


class TestMissingTools:
    def test_missing_wrk_is_a_clear_message(self, monkeypatch, capsys):
        monkeypatch.setattr(wrk.shutil, "which", lambda name: None)
        with pytest.raises(runner.BenchError, match="install Debian's wrk"):
            runner.check_tools()
        assert cli.main(["--smoke", "--out", "/tmp/never-written.json"]) == 2
        assert "error: wrk is not installed: install Debian's wrk" in capsys.readouterr().err

    def test_missing_taskset_is_a_clear_message(self, monkeypatch):
        monkeypatch.setattr(runner.shutil, "which", lambda name: None)
        monkeypatch.setattr(wrk, "find_wrk", lambda: "/usr/bin/wrk")
        with pytest.raises(runner.BenchError, match="util-linux"):
            runner.check_tools()


def test_a_server_that_does_not_start_fails_its_cell_with_its_output(monkeypatch):
    broken = Configuration(
        "broken",
        "Broken",
        "flask",
        "none",
        "none",
        "nowhere:app",
        (sys.executable, "-c", "import sys; print('cannot import nowhere'); sys.exit(3)"),
    )
    monkeypatch.setitem(CONFIGURATIONS, "broken", broken)
    settings = Settings(
        mode="smoke", repeats=1, warmup_s=1, measure_s=1, open_loop_s=0.1, open_loop_s_slow=0.1
    )
    cells = [Cell("hello", "broken", "/hello"), Cell("params", "broken", "/users/1/items")]
    outcomes = runner.visit(cells, {}, settings, "wrk", random.Random(1))  # noqa: S311
    assert set(outcomes) == {"hello/broken", "params/broken"}
    for failure in outcomes.values():
        assert isinstance(failure, runner.CellFailed)
        assert str(failure).startswith("server did not start: server exited with code 3")
        assert "cannot import nowhere" in str(failure)


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        status = 200 if self.path == "/ok" else 503
        body = b'{"ok": true}'
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def local_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


class TestOpenLoop:
    def test_request_bytes(self):
        host, port, raw = openloop.build_request("http://127.0.0.1:8123/items?x=1", "POST", '{"a": 1}')
        assert (host, port) == ("127.0.0.1", 8123)
        assert raw.startswith(b"POST /items?x=1 HTTP/1.1\r\nHost: 127.0.0.1:8123\r\nConnection: close\r\n")
        assert raw.endswith(b'Content-Length: 8\r\n\r\n{"a": 1}')

    def test_paced_requests_are_all_measured(self, local_server):
        result = openloop.asyncio.run(openloop.paced(local_server + "/ok", 50, 0.2, "GET", "", 200, 5))
        assert (result.sent, result.ok, result.errors) == (10, 10, 0)
        assert 0 < result.p50_ms <= result.p99_ms <= result.max_ms

    def test_unexpected_status_is_an_error_not_a_latency(self, local_server):
        result = openloop.asyncio.run(openloop.paced(local_server + "/down", 50, 0.1, "GET", "", 200, 5))
        assert result.ok == 0
        assert result.errors == 5
        assert result.first_error.endswith("status 503, expected 200")
        assert result.p99_ms is None


def valid_document() -> dict:
    memory = {
        "workers": 1,
        "worker_rss_mb": 40.0,
        "worker_pss_mb": 30.0,
        "total_rss_mb": 60.0,
        "total_pss_mb": 45.0,
    }
    sample = {
        "round": 1,
        "position": 1,
        "started": "2026-11-22T02:00:00+00:00",
        "load_average": [0.5, 0.4, 0.3],
        "cold_start_s": 0.5,
        "requests": 4000,
        "duration_s": 2.0,
        "requests_per_s": 2000.0,
        "requests_per_cpu_s": 2100.0,
        "latency_ms": {"mean": 8.0, "p50": 7.5, "p90": 9.0, "p99": 12.0, "max": 20.0},
        "errors": {"connect": 0, "read": 0, "write": 0, "timeout": 0, "status": 0},
        "open_loop": {
            "rate": 100.0,
            "sent": 100,
            "ok": 100,
            "errors": 0,
            "p50_ms": 2.0,
            "p99_ms": 5.0,
            "max_ms": 6.0,
            "first_error": None,
        },
        "cpu": {
            "server_cpu_s": 1.9,
            "server_core_busy": 1.0,
            "server_process": 0.95,
            "server_core_other": 0.05,
            "load_core_busy": 0.6,
        },
        "memory_after_warmup": memory,
        "memory_after_load": memory,
    }
    return {
        "schema": 1,
        "run": {
            "mode": "full",
            "started": "2026-11-22T02:00:00+00:00",
            "finished": "2026-11-22T02:20:00+00:00",
            "duration_s": 1200.0,
            "bytecode_compile_s": 10.0,
            "command": "python -m guide.bench",
            "load_average_start": [0.5, 0.4, 0.3],
            "load_average_end": [0.5, 0.4, 0.3],
            "machine": {
                "cpu_model": "AMD EPYC",
                "cores": 2,
                "physical_cores": 1,
                "memory_gb": 4.0,
                "kernel": "6.1",
                "os": "Linux",
                "python": "3.11.2",
                "python_implementation": "CPython",
            },
            "wrk": "wrk 4.1.0",
            "packages": {"flask": {"locked": "3.1.3", "installed": "3.1.3"}},
            "settings": {"repeats": 5},
        },
        "configurations": {
            "flask-gunicorn-sync": {
                "label": "Flask",
                "framework": "flask",
                "server": "gunicorn",
                "worker_model": "sync",
                "workers": 1,
                "threads": None,
                "app": "snippets.bench.flask_app:app",
                "command": "gunicorn",
                "env": {},
            }
        },
        "scenarios": {
            "hello": {
                "title": "JSON hello",
                "section": "results",
                "description": "",
                "method": "GET",
                "path": "/hello",
                "body": "",
                "expected_status": 200,
                "connections": 32,
                "open_loop_rate": 100.0,
            }
        },
        "import_times": {"m": {"modules": ["m"], "seconds": [0.1] * 5}},
        "cells": [
            {
                "scenario": "hello",
                "configuration": "flask-gunicorn-sync",
                "path": "/hello",
                "app": "snippets.bench.flask_app:app",
                "env": {},
                "server_command": "gunicorn",
                "wrk_command": "wrk",
                "status": "ok",
                "failure": None,
                "samples": [{**copy.deepcopy(sample), "round": number} for number in range(1, 6)],
            }
        ],
    }


class TestResultSchema:
    def test_a_complete_document_is_valid(self):
        assert schema.validate_document(valid_document(), "data/benchmarks/x.json") == []

    def test_a_missing_field_names_file_and_field(self):
        document = valid_document()
        del document["cells"][0]["samples"][2]["requests_per_s"]
        assert schema.validate_document(document, "data/benchmarks/x.json") == [
            "data/benchmarks/x.json: cells.0.samples.2.requests_per_s: Field required"
        ]

    def test_fewer_than_five_repeats_is_rejected(self):
        document = valid_document()
        document["cells"][0]["samples"] = document["cells"][0]["samples"][:4]
        (problem,) = schema.validate_document(document, "x.json")
        assert problem.startswith("x.json: cells.0.samples: hello/flask-gunicorn-sync has 4 repeats")

    def test_a_sample_with_errors_cannot_be_published(self):
        document = valid_document()
        document["cells"][0]["samples"][0]["errors"]["timeout"] = 1
        (problem,) = schema.validate_document(document, "x.json")
        assert problem.startswith("x.json: cells.0.samples.0: Value error, a sample with errors")

    def test_a_failed_cell_keeps_no_numbers(self):
        document = valid_document()
        document["cells"][0]["status"] = "failed"
        document["cells"][0]["failure"] = "round 1: wrk saw 3 errors (timeout 3)"
        assert (
            "a failed cell has a failure message and no samples" in schema.validate_document(document, "x")[0]
        )
        document["cells"][0]["samples"] = []
        assert schema.validate_document(document, "x") == []

    def test_unknown_configuration_and_smoke_runs_are_rejected(self):
        document = valid_document()
        document["cells"][0]["configuration"] = "nope"
        assert "unknown configuration 'nope'" in schema.validate_document(document, "x")[0]
        smoke = valid_document()
        smoke["run"]["mode"] = "smoke"
        assert schema.validate_document(smoke, "x") == [
            "x: run.mode: a published run must be a full run, not 'smoke'"
        ]
        assert schema.validate_document(smoke, "x", require_full=False) == []

    def test_load_names_the_file(self, tmp_path):
        path = tmp_path / "broken.json"
        path.write_text("{", encoding="utf-8")
        with pytest.raises(DataError, match=r"broken.json: not valid JSON"):
            schema.load(path)
        with pytest.raises(DataError, match=r"missing.json: file not found"):
            schema.load(tmp_path / "missing.json")
        document = copy.deepcopy(valid_document())
        del document["run"]["machine"]["cores"]
        path.write_text(json.dumps(document), encoding="utf-8")
        with pytest.raises(DataError, match=r"broken.json: run.machine.cores: Field required"):
            schema.load(path)
