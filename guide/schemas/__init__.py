"""The shape of every JSON file the site publishes under `/data/`, as Pydantic models.

`SCHEMAS` maps each file name to the model of the whole file. The build checks every file
against its model before writing it (`guide.publish.rendered`), so a file never changes shape
without its model, and its reference page (`docs/reference/published-data.md`), changing too.
A tool can check a downloaded file the same way:
`SCHEMAS["matrix.json"].model_validate_json(text)`.

Every model is importable from here (`from guide.schemas import Criterion`); the reference page
renders them from here too, so its anchors (`#guide.schemas.Criterion.id`) do not depend on
which module defines a model. The objects `benchmarks.json` publishes as the result files hold
them (`Sample`, `Machine`, ...) are the result file's own models, from `guide.bench.schema`.
"""

from __future__ import annotations

from pydantic import BaseModel

from guide.bench.schema import (
    Configuration,
    Cpu,
    Errors,
    Latency,
    Machine,
    Memory,
    OpenLoop,
    PackageVersion,
    Sample,
    Scenario,
)
from guide.schemas.base import ExternalSource, InternalSource, Source
from guide.schemas.benchmark_setup import ImportTime, RunMetadata, Settings, Spread
from guide.schemas.benchmarks import Agreement, BenchmarksFile, Cell, CellSummary, RatioToBaseline, Run
from guide.schemas.code import (
    ChangedFile,
    MigrationPath,
    MigrationsFile,
    MigrationStep,
    Task,
    TaskCode,
    TaskFrameworks,
    TasksFile,
    TaskVariant,
)
from guide.schemas.comparison import (
    Claim,
    ClaimsFile,
    Criterion,
    FrameworkVerdicts,
    MatrixFile,
    StackVersion,
    Verdict,
)
from guide.schemas.decision import (
    Addon,
    Answer,
    Caveat,
    DecisionTreeFile,
    Outcome,
    Question,
    UseCase,
    UseCasesFile,
)
from guide.schemas.versions import PackageVersions, ReleaseLine, Stack, Stacks, SupportFile, VersionsFile

SCHEMAS: dict[str, type[BaseModel]] = {
    "versions.json": VersionsFile,
    "matrix.json": MatrixFile,
    "claims.json": ClaimsFile,
    "decision-tree.json": DecisionTreeFile,
    "use-cases.json": UseCasesFile,
    "support.json": SupportFile,
    "migrations.json": MigrationsFile,
    "benchmarks.json": BenchmarksFile,
    "tasks.json": TasksFile,
}
"""The model of each published file, by file name."""

__all__ = [
    "SCHEMAS",
    "Addon",
    "Agreement",
    "Answer",
    "BenchmarksFile",
    "Caveat",
    "Cell",
    "CellSummary",
    "ChangedFile",
    "Claim",
    "ClaimsFile",
    "Configuration",
    "Cpu",
    "Criterion",
    "DecisionTreeFile",
    "Errors",
    "ExternalSource",
    "FrameworkVerdicts",
    "ImportTime",
    "InternalSource",
    "Latency",
    "Machine",
    "MatrixFile",
    "Memory",
    "MigrationPath",
    "MigrationStep",
    "MigrationsFile",
    "OpenLoop",
    "Outcome",
    "PackageVersion",
    "PackageVersions",
    "Question",
    "RatioToBaseline",
    "ReleaseLine",
    "Run",
    "RunMetadata",
    "Sample",
    "Scenario",
    "Settings",
    "Source",
    "Spread",
    "Stack",
    "StackVersion",
    "Stacks",
    "SupportFile",
    "Task",
    "TaskCode",
    "TaskFrameworks",
    "TaskVariant",
    "TasksFile",
    "UseCase",
    "UseCasesFile",
    "Verdict",
    "VersionsFile",
]
