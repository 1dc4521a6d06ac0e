"""`tasks.json` (the task catalogue) and `migrations.json` (the migration paths): facts counted
from the tested example code."""

from __future__ import annotations

from typing import Literal

from pydantic import ConfigDict, Field, RootModel

from guide.schemas.base import Published


class TaskCode(Published):
    """What one framework's version of a task takes."""

    lines: int
    """Non-blank lines of its example files."""
    packages: list[str]
    """The PyPI packages it needs beyond the framework and the standard library; often empty."""


class TaskFrameworks(Published):
    """One task in each framework."""

    flask: TaskCode
    """The Flask version."""
    fastapi: TaskCode
    """The FastAPI version."""
    django: TaskCode
    """The Django version."""


class TaskVariant(Published):
    """A second version of a task in one framework that runs on one tested stack only
    (for example a feature new in Django 6)."""

    framework: Literal["flask", "fastapi", "django"]
    """The framework (`django`)."""
    label: str
    """What sets it apart (`template partials`)."""
    lines: int
    """Non-blank lines of its example files."""
    packages: list[str]
    """The PyPI packages it needs beyond the framework."""
    stack: str
    """The one tested stack it runs on (`current`)."""
    tested_on: str
    """The versions it was tested with, and why it does not run on the other stack, as one
    sentence."""


class Task(Published):
    """One task every framework does: its page and what the code takes."""

    id: str
    """Identifier in lower case with hyphens (`hello`); also the anchor of its section."""
    title: str
    """The task in a few words (`JSON hello endpoint`)."""
    url: str
    """Its section, relative to the site root (`tasks/basics/#hello`)."""
    frameworks: TaskFrameworks
    """Lines and extra packages of each framework's version."""
    variants: list[TaskVariant]
    """Versions that run on one stack only; usually empty."""


class TasksFile(RootModel[list[Task]]):
    """`tasks.json`: a JSON array with one entry per finished task, in catalogue order
    (tasks still to write are left out)."""

    model_config = ConfigDict(use_attribute_docstrings=True, strict=True)

    root: list[Task]
    """The tasks: the whole file is this array (`root` is Pydantic's name for it,
    not a key)."""


class ChangedFile(Published):
    """How one file differs from the step before."""

    file: str
    """The file name, relative to the step's folder (`main.py`)."""
    status: Literal["added", "removed", "modified"]
    """Whether the step adds the file, removes it, or changes it."""
    added: int
    """Non-blank lines added to this file."""
    removed: int
    """Non-blank lines removed from this file."""


class MigrationStep(Published):
    """One state of the app on the way; each is a runnable app that passes the same tests."""

    number: int
    """The step's position: 0 is the app before the migration, then 1, 2, ..."""
    title: str
    """What the step does (`Move GET /notes`)."""
    page: str
    """Its section of the path's page, relative to the site root (`migrate/flask-to-fastapi/#step-2`)."""
    folder: str
    """The folder of its files in our repository, relative to its root."""
    app: str
    """The app a server runs, as `module:attribute`."""
    server: Literal["gunicorn", "uvicorn"]
    """The server that runs it: `gunicorn` for a WSGI app, `uvicorn` for an ASGI app."""
    files: list[str]
    """Its Python files, relative to the repository root."""
    lines: int
    """Non-blank lines over all its files."""
    lines_added: int | None
    """Non-blank lines added since the step before; null for step 0."""
    lines_removed: int | None
    """Non-blank lines removed since the step before; null for step 0."""
    changed_files: list[ChangedFile]
    """The files that differ from the step before, by name (files left as they were are not
    listed); empty for step 0."""


class MigrationPath(Published):
    """One way from an app you have to another framework or version, in small steps."""

    id: str
    """Identifier in lower case with hyphens (`flask-to-fastapi`)."""
    title: str
    """The path in a few words."""
    from_: str = Field(alias="from")
    """What the app is built with at step 0 (`flask`). The JSON key is `from`; the model calls it
    `from_` because `from` is a Python keyword."""
    to: str
    """What it is built with after the last step (`fastapi`)."""
    page: str
    """The path's page, relative to the site root (`migrate/flask-to-fastapi/`)."""
    lines_added: int
    """Non-blank lines added over all steps."""
    lines_removed: int
    """Non-blank lines removed over all steps."""
    steps: list[MigrationStep]
    """The steps in order, from step 0; at least two."""


class MigrationsFile(RootModel[list[MigrationPath]]):
    """`migrations.json`: a JSON array with one entry per migration path, in the order of the
    Migrate section."""

    model_config = ConfigDict(use_attribute_docstrings=True, strict=True)

    root: list[MigrationPath]
    """The migration paths: the whole file is this array (`root` is Pydantic's name for it,
    not a key)."""
