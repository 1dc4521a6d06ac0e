"""Which result files the benchmarks page shows, each read and validated once per build.

The two newest `data/benchmarks/full-*.json` are "run 1" and "run 2"; older full
runs from another machine are the previous record; `check-*.json` are partial
runs made to tell machine from version effects.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from guide import ROOT, templates
from guide.bench import schema
from guide.render import Context, DirectiveError

RESULTS_DIR = ROOT / "data" / "benchmarks"
RUNS_SHOWN = 2

NamedRun = tuple[str, schema.ResultFile]
"""A result file's name and its validated content."""


def result_paths(folder: Path = RESULTS_DIR) -> list[Path]:
    """The newest committed full runs, oldest first."""
    return sorted(folder.glob("full-*.json"))[-RUNS_SHOWN:]


def record_paths(folder: Path = RESULTS_DIR) -> list[Path]:
    """The previous record, kept for comparison: the newest two full runs, before the ones shown,
    made on another machine (another CPU model) than the newest run shown; when there are none,
    the two full runs just before the ones shown."""
    every = sorted(folder.glob("full-*.json"))
    shown, earlier = every[-RUNS_SHOWN:], every[:-RUNS_SHOWN]
    if not shown:
        return []

    def cpu(path: Path) -> str:
        return load(path).run.machine.cpu_model

    elsewhere = [path for path in earlier if cpu(path) != cpu(shown[-1])]
    return (elsewhere or earlier)[-RUNS_SHOWN:]


def check_paths(folder: Path = RESULTS_DIR) -> list[Path]:
    """Partial runs made to tell machine from version effects (`check-*.json`), by name."""
    return sorted(folder.glob("check-*.json"))


@cache
def _load(path: Path, mtime: float) -> schema.ResultFile:
    return schema.load(path)


def load(path: Path) -> schema.ResultFile:
    """One validated result file, read again only when it changed (so `mkdocs serve` sees new runs)."""
    return _load(path, path.stat().st_mtime)


def runs(folder: Path = RESULTS_DIR) -> list[NamedRun]:
    """(file name, validated result) for each run shown, oldest first."""
    return [(path.name, load(path)) for path in result_paths(folder)]


def runs_or_note() -> tuple[list[NamedRun], str]:
    """The runs shown and, when there are fewer than `RUNS_SHOWN`, a warning to put above the output."""
    found = runs()
    if len(found) >= RUNS_SHOWN:
        return found, ""
    return found, templates.render("bench/runs-note.md.j2", runs=len(found)) + "\n"


def newest() -> schema.ResultFile | None:
    """The newest run shown, or None when no result file is committed."""
    found = runs()
    return found[-1][1] if found else None


def scenario_or_error(result: schema.ResultFile, scenario: str) -> None:
    """Check that a run measured `scenario`.

    Raises:
        DirectiveError: It did not; the message lists the scenarios it did measure.
    """
    if scenario not in result.scenarios:
        known = ", ".join(result.scenarios)
        raise DirectiveError(f"unknown benchmark scenario {scenario!r}; known: {known}")


@dataclass(frozen=True)
class Shown:
    """The runs a directive shows, oldest first, and the warning to put above its output (or "")."""

    runs: list[NamedRun]
    note: str

    @property
    def results(self) -> list[schema.ResultFile]:
        """The validated results, oldest first."""
        return [result for _, result in self.runs]

    @property
    def latest(self) -> schema.ResultFile:
        """The newest run shown."""
        return self.runs[-1][1]


def with_runs(renderer: Callable[..., str]) -> Callable[..., str]:
    """Make `renderer(shown, *args)` a directive renderer `(context, *args)`; with no run
    committed, the directive prints the "No results yet" warning instead of calling it."""

    @functools.wraps(renderer)
    def render(context: Context, *args: str) -> str:
        found, note = runs_or_note()
        if not found:
            return note
        return renderer(Shown(found, note), *args)

    return render
