"""How the tests are shared among pytest-xdist workers, and how their tables come back whole."""

from types import SimpleNamespace

import pytest

from tests.support import quality, summaries, workers


@pytest.mark.parametrize(
    ("nodeid", "unit"),
    [
        ("tests/tasks/test_hello.py::test_hello[flask]", "tests/tasks/test_hello.py"),
        ("tests/badinput/test_bad_input.py::test_statuses[x]", "tests/badinput/"),
        ("tests/badinput/test_bad_input_data.py::test_table", "tests/badinput/"),
        (
            "tests/site/test_quality_pages.py::test_axe_finds_no_violation[/-dark]",
            "tests/site/test_quality_pages.py::test_axe_finds_no_violation[/-dark]",
        ),
    ],
)
def test_a_test_runs_with_its_file_its_shared_folder_or_alone(nodeid, unit):
    assert workers.work_unit(nodeid) == unit


class Reporter:
    def __init__(self):
        self.lines: list[str] = []

    def write_sep(self, sep, title):
        self.lines.append(f"== {title}")

    def write_line(self, text):
        self.lines.extend(text.splitlines())


@pytest.fixture
def fresh(monkeypatch):
    monkeypatch.setattr(summaries, "_tables", {})
    monkeypatch.setattr(summaries, "_received", {})


def worker(records: list[dict]) -> SimpleNamespace:
    render = "tests.support.quality:format_axe_summary"
    return SimpleNamespace(workeroutput={"summaries": {"axe": (render, records)}})


HOME = {"url": "", "palette": "light", "violations": 0}
TASKS = {"url": "tasks/", "palette": "dark", "violations": 2}


def test_the_main_process_joins_the_workers_records_into_one_table(fresh):
    summaries.pytest_testnodedown(worker([HOME]), None)
    summaries.pytest_testnodedown(worker([TASKS]), None)
    reporter = Reporter()
    summaries.pytest_terminal_summary(reporter, SimpleNamespace())
    expected = quality.format_axe_summary([HOME, TASKS])
    assert reporter.lines == ["== axe", *expected.splitlines()]
    assert reporter.lines[-1].split() == ["all", "pages", "2", "0", "2"]


def test_a_worker_sends_its_records_and_prints_nothing(fresh):
    summaries.table("numbers", lambda: ["one", "two"], summaries.lines)
    summaries.table("empty", list, summaries.lines)
    config = SimpleNamespace(workeroutput={})
    summaries.pytest_sessionfinish(SimpleNamespace(config=config))
    assert config.workeroutput["summaries"] == {"numbers": ("tests.support.summaries:lines", ["one", "two"])}
    reporter = Reporter()
    summaries.pytest_terminal_summary(reporter, config)
    assert reporter.lines == []


def test_without_workers_the_process_prints_its_own_tables(fresh):
    summaries.table("numbers", lambda: ["one", "two"], summaries.lines)
    summaries.table("empty", list, summaries.lines)
    reporter = Reporter()
    summaries.pytest_terminal_summary(reporter, SimpleNamespace())
    assert reporter.lines == ["== numbers", "one", "two"]
