"""Migration paths (`data/migrations.yml`): per-step diffs and changed-line counts computed from the snippets.

A path moves a small real app from one framework (or version) to another in steps.
Each step is a folder under `snippets/` holding a complete, runnable state of the app;
the diff of a step is taken from the files of its folder and the folder before it with
`difflib.unified_diff`, never pasted by hand. Lines are counted as everywhere on the
site: non-blank lines only.

The prose of a step (what changes, what breaks, what to learn, how to roll back) lives
in the data file and is rendered under the step's heading; the pages add the context.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from guide import ROOT, data, templates
from guide.data import Slug, unique_ids
from guide.frameworks import LABELS
from guide.pages import PageTarget, site_url
from guide.publish import published
from guide.render import Context, DirectiveError, by_id, directive, table

MIGRATIONS_FILE = "migrations.yml"

SNIPPETS = "snippets/"


class Step(BaseModel):
    """One runnable state of the app on the way from one framework to the other."""

    model_config = ConfigDict(extra="forbid")
    title: str
    folder: str
    """The step's folder, relative to the repository root (under `snippets/`)."""
    app: str = Field(pattern=r"^[A-Za-z_][\w.]*:[A-Za-z_]\w*$")
    """The app a server runs for this step, as `module:attribute` (a module of `folder`)."""
    server: Literal["gunicorn", "uvicorn"]
    """The server that runs `app`: gunicorn for a WSGI app, uvicorn for an ASGI app."""
    changes: str
    breaks: str
    """What breaks, and how the tests caught it."""
    learn: str
    """What the team must learn for this step."""
    rollback: str

    @field_validator("folder")
    @classmethod
    def folder_exists(cls, folder: str) -> str:
        if not folder.startswith(SNIPPETS):
            raise ValueError(f"{folder} is not under {SNIPPETS}")
        if not (ROOT / folder).is_dir():
            raise ValueError(f"snippet folder {folder} does not exist")
        if not _python_files(ROOT / folder):
            raise ValueError(f"snippet folder {folder} holds no Python file")
        return folder

    @field_validator("app")
    @classmethod
    def app_is_in_folder(cls, app: str, info: ValidationInfo) -> str:
        folder = info.data.get("folder")
        if folder is None:
            return app
        module = app.partition(":")[0]
        package = folder.replace("/", ".") + "."
        name = module.removeprefix(package)
        if not module.startswith(package) or "." in name:
            raise ValueError(f"{app} is not a module of {folder}")
        if not (ROOT / folder / f"{name}.py").is_file():
            raise ValueError(f"{folder}/{name}.py does not exist")
        return app

    def names(self) -> list[str]:
        """The step's Python files (without `__init__.py`), relative to its folder, sorted."""
        return [path.name for path in _python_files(ROOT / self.folder)]

    def files(self) -> list[str]:
        """The step's Python files, relative to the repository root."""
        return [f"{self.folder}/{name}" for name in self.names()]

    def text(self, name: str) -> list[str]:
        """The lines of one of the step's files; none when the step has no such file."""
        path = ROOT / self.folder / name
        return path.read_text(encoding="utf-8").splitlines() if path.is_file() else []

    def lines(self) -> int:
        """Non-blank lines of all the step's files."""
        return sum(_non_blank(self.text(name)) for name in self.names())


class MigrationPath(BaseModel):
    """One path: a page and the steps from the first state of the app to the last."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    id: Slug
    title: str
    from_: str = Field(alias="from", pattern=r"^[a-z0-9.-]+$")
    to: str = Field(pattern=r"^[a-z0-9.-]+$")
    page: PageTarget
    steps: list[Step] = Field(min_length=2)

    @field_validator("steps")
    @classmethod
    def folders_differ(cls, steps: list[Step]) -> list[Step]:
        seen = set()
        for number, step in enumerate(steps):
            if step.folder in seen:
                raise ValueError(f"step {number}: folder {step.folder} is used by an earlier step")
            seen.add(step.folder)
        return steps

    def step(self, number: int | str) -> Step:
        """One step by its number (0 is the app before the move).

        Raises:
            DirectiveError: The path has no such step; the message names the data file.
        """
        try:
            index = int(number)
        except ValueError:
            index = -1
        if not 0 <= index < len(self.steps):
            raise DirectiveError(
                f"data/{MIGRATIONS_FILE}: path {self.id!r} has no step {number!r} "
                f"(its steps are 0 to {len(self.steps) - 1})"
            )
        return self.steps[index]

    def change(self, number: int) -> Change:
        """What step `number` (1 or later) changes compared with the step before it."""
        return compare(self.steps[number - 1], self.step(number))


class Migrations(BaseModel):
    """The whole of `data/migrations.yml`."""

    model_config = ConfigDict(extra="forbid")
    paths: Annotated[list[MigrationPath], unique_ids("path id")] = Field(min_length=1)


@dataclass(frozen=True)
class FileChange:
    """How one file differs between two steps."""

    name: str
    """The file, relative to the step folders."""
    status: Literal["added", "removed", "modified"]
    added: int
    """Non-blank lines added."""
    removed: int
    """Non-blank lines removed."""
    diff: list[str]
    """The unified diff, one line per item, without line endings."""


@dataclass(frozen=True)
class Change:
    """How a step differs from the step before it."""

    files: list[FileChange]
    """The files that differ, in name order (unchanged files are left out)."""

    @property
    def added(self) -> int:
        """Non-blank lines added, over all files."""
        return sum(file.added for file in self.files)

    @property
    def removed(self) -> int:
        """Non-blank lines removed, over all files."""
        return sum(file.removed for file in self.files)

    def diff(self) -> str:
        """The unified diff of every changed file, as one text."""
        return "\n".join(line for file in self.files for line in file.diff)


def compare(before: Step, after: Step) -> Change:
    """Diff two steps file by file with `difflib.unified_diff` and count the changed lines."""
    changed = []
    for name in sorted(set(before.names()) | set(after.names())):
        old, new = before.text(name), after.text(name)
        if old == new:
            continue
        status = (
            "added" if name not in before.names() else "removed" if name not in after.names() else "modified"
        )
        diff = list(
            difflib.unified_diff(
                old,
                new,
                fromfile="/dev/null" if status == "added" else f"{before.folder}/{name}",
                tofile="/dev/null" if status == "removed" else f"{after.folder}/{name}",
                lineterm="",
            )
        )
        body = [line for line in diff[2:] if not line.startswith("@@")]
        added = _non_blank(line[1:] for line in body if line.startswith("+"))
        removed = _non_blank(line[1:] for line in body if line.startswith("-"))
        changed.append(FileChange(name, status, added, removed, diff))
    return Change(changed)


@cache
def migrations() -> Migrations:
    """Load and validate `data/migrations.yml` (once per process)."""
    return load()


def load(path: Path | str = MIGRATIONS_FILE) -> Migrations:
    """Read and validate a migrations file (by default `data/migrations.yml`).

    Raises:
        guide.data.DataError: The file is missing or wrong; the message names the file and field.
    """
    return data.load(path, Migrations)


def path(path_id: str) -> MigrationPath:
    """Look up one migration path by id.

    Raises:
        DirectiveError: No path has that id.
    """
    return by_id(migrations().paths, path_id, "migration path", MIGRATIONS_FILE)


ENDPOINT_LABELS = {
    **LABELS,
    "apiflask": "APIFlask",
    "quart": "Quart",
    "django-ninja": "Django Ninja",
    "django-plus-fastapi": "Django + a FastAPI service",
}
"""How pages name a path's start or end: the frameworks, and the stacks paths lead to."""


def label(name: str) -> str:
    """How a page names a path's start or end (the id itself when it has no label)."""
    return ENDPOINT_LABELS.get(name, name)


def step_anchor(number: int) -> str:
    """The anchor of a step's section on its path's page."""
    return f"step-{number}"


def _python_files(folder: Path) -> list[Path]:
    return sorted(path for path in folder.glob("*.py") if path.name != "__init__.py")


def _non_blank(lines) -> int:
    return sum(1 for line in lines if line.strip())


def _counts(added: int, removed: int) -> str:
    return f"+{added} −{removed}"


# --------------------------------------------------------------------------- directives


@directive("migration-paths")
def paths_table(context: Context) -> str:
    """Every migration path: from, to, steps and the size of the move, linked to its page."""
    rows = []
    for entry in migrations().paths:
        changes = [entry.change(number) for number in range(1, len(entry.steps))]
        rows.append(
            [
                f"[{entry.title}]({context.link(entry.page)})",
                label(entry.from_),
                label(entry.to),
                str(len(entry.steps) - 1),
                _counts(sum(change.added for change in changes), sum(change.removed for change in changes)),
                f"{entry.steps[0].lines()} → {entry.steps[-1].lines()}",
            ]
        )
    return table(["Path", "From", "To", "Steps", "Lines changed", "Lines of code, before → after"], rows)


@directive("migration-summary")
def summary(context: Context, path_id: str) -> str:
    """One path's steps in a table: title, server, files and the lines each step adds and removes."""
    entry = path(path_id)
    rows = []
    for number, step in enumerate(entry.steps):
        title = f"[{step.title}](#{step_anchor(number)})"
        if number == 0:
            changed, counts = "(the starting point)", "–"
        else:
            change = entry.change(number)
            changed = ", ".join(f"`{file.name}` ({file.status})" for file in change.files)
            counts = _counts(change.added, change.removed)
        rows.append([str(number), title, step.server, changed, counts, str(step.lines())])
    return table(["Step", "What", "Server", "Files changed", "Lines changed", "Lines of code after"], rows)


@directive("migration-step")
def step_section(context: Context, path_id: str, number: str) -> str:
    """A step's section: heading, what changes, the computed diff and counts, what breaks,
    what to learn, how to roll back, and the step's files in full (collapsed)."""
    entry = path(path_id)
    step = entry.step(number)
    index = entry.steps.index(step)
    return templates.render(
        "migrate/step.md.j2",
        number=index,
        anchor=step_anchor(index),
        step=step,
        change=entry.change(index) if index else None,
        files=step.files(),
        lines=step.lines(),
        counts=lambda item: _counts(item.added, item.removed),
    ).rstrip("\n")


# --------------------------------------------------------------------------- published data


@published("migrations.json")
def migrations_data() -> list[dict]:
    """Every migration path with its steps, their files and the non-blank lines each step adds and removes."""
    published_paths = []
    for entry in migrations().paths:
        steps = []
        for number, step in enumerate(entry.steps):
            change = entry.change(number) if number else None
            steps.append(
                {
                    "number": number,
                    "title": step.title,
                    "page": f"{site_url(entry.page)}#{step_anchor(number)}",
                    "folder": step.folder,
                    "app": step.app,
                    "server": step.server,
                    "files": step.files(),
                    "lines": step.lines(),
                    "lines_added": change.added if change else None,
                    "lines_removed": change.removed if change else None,
                    "changed_files": [
                        {
                            "file": file.name,
                            "status": file.status,
                            "added": file.added,
                            "removed": file.removed,
                        }
                        for file in (change.files if change else [])
                    ],
                }
            )
        published_paths.append(
            {
                "id": entry.id,
                "title": entry.title,
                "from": entry.from_,
                "to": entry.to,
                "page": site_url(entry.page),
                "lines_added": sum(step["lines_added"] or 0 for step in steps),
                "lines_removed": sum(step["lines_removed"] or 0 for step in steps),
                "steps": steps,
            }
        )
    return published_paths


def _file_data(file: FileChange) -> dict:
    return {"file": file.name, "status": file.status, "added": file.added, "removed": file.removed}
