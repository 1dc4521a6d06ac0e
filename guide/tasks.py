"""The task catalogue (`data/tasks.yml`): line counts, extra packages and the overview table."""

from __future__ import annotations

from functools import cache
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, field_validator

from guide import ROOT, data, snippets, versions
from guide.data import Slug, SnippetPath, unique_ids
from guide.frameworks import FRAMEWORKS, LABELS, Framework
from guide.pages import PageTarget, site_url
from guide.publish import published
from guide.render import Context, DirectiveError, by_id, directive, table

TASKS_FILE = "tasks.yml"


class PerFramework(BaseModel):
    """One list per framework."""

    model_config = ConfigDict(extra="forbid")
    flask: list[str]
    fastapi: list[str]
    django: list[str]


class Variant(BaseModel):
    """A second version of a task in one framework that exists on one tested stack only.

    For example Django's Tasks framework, new in Django 6.0: its snippet runs on the
    current stack, and its test is skipped on the LTS stack with `reason`.
    """

    model_config = ConfigDict(extra="forbid")
    framework: Framework
    label: str
    files: list[SnippetPath] = Field(min_length=1)
    packages: list[str] = []
    stack: str
    reason: str

    @field_validator("stack")
    @classmethod
    def stack_exists(cls, stack: str) -> str:
        versions.stack(stack)
        return stack

    def lines(self) -> int:
        """Non-blank lines of code of the variant."""
        return sum(snippets.line_count(path) for path in self.files)


class Task(BaseModel):
    """One task of the catalogue."""

    model_config = ConfigDict(extra="forbid")
    id: Slug
    title: str
    page: PageTarget
    files: PerFramework | None = None
    packages: PerFramework | None = None
    variants: list[Variant] = []
    also_shown: list[SnippetPath] = []
    """Files the page shows beside the task but does not count: alternatives, shared scaffolding."""

    @field_validator("files")
    @classmethod
    def files_exist(cls, files: PerFramework | None) -> PerFramework | None:
        for framework in FRAMEWORKS:
            for path in getattr(files, framework, []) if files else []:
                if not (ROOT / path).is_file():
                    raise ValueError(f"{framework}: snippet file {path} does not exist")
        return files

    @property
    def url(self) -> str:
        """Site-relative link target of the task's section, as Markdown links from `docs/` write it."""
        return f"{self.page}#{self.id}"

    @property
    def done(self) -> bool:
        """True once the task has snippets for all three frameworks."""
        return self.files is not None and self.packages is not None

    def lines(self, framework: Framework) -> int:
        """Non-blank lines of code of one framework's version of the task."""
        if self.files is None:
            raise DirectiveError(f"task {self.id!r} in data/{TASKS_FILE} has no 'files'")
        return sum(snippets.line_count(path) for path in getattr(self.files, framework))


class Catalogue(BaseModel):
    """The whole of `data/tasks.yml`."""

    model_config = ConfigDict(extra="forbid")
    tasks: Annotated[list[Task], unique_ids("task id")]


@cache
def catalogue() -> Catalogue:
    """Load and validate `data/tasks.yml` (once per process)."""
    return data.load(TASKS_FILE, Catalogue)


def task(task_id: str) -> Task:
    """Look up one task by id.

    Raises:
        DirectiveError: No task has that id.
    """
    return by_id(catalogue().tasks, task_id, "task", TASKS_FILE)


def variant(path: str) -> Variant:
    """The stack-only variant a snippet file belongs to (tests take their skip reason from it).

    Raises:
        LookupError: No variant in `data/tasks.yml` lists that file.
    """
    for entry in catalogue().tasks:
        for candidate in entry.variants:
            if path in candidate.files:
                return candidate
    raise LookupError(f"data/{TASKS_FILE}: no task variant lists {path}")


def _packages(names: list[str]) -> str:
    return ", ".join(f"+ {name}" for name in names) if names else "nothing extra"


def verified_on(framework: Framework, stack: str | None = None, reason: str = "") -> str:
    """The versions a framework's snippet was tested on, read from the lock.

    Args:
        framework: Which framework.
        stack: The one stack a variant runs on, or `None` for a snippet every stack tests.
        reason: Why a variant is missing from the other stacks.
    """
    python = f"Python {versions.python_version()}"
    label = LABELS[framework]
    if stack is not None:
        only = versions.version(framework, stack_name=stack)
        others = [
            f"{versions.version(framework, stack_name=other.name)} {other.title}"
            for other in versions.STACKS
            if other.name != stack and versions.version(framework, stack_name=other.name) != only
        ]
        missing = f" (not on {', '.join(others)}: {reason})" if others else ""
        return f"{label} {only}, {python}{missing}"
    found = []
    for entry in versions.STACKS:
        locked = versions.version(framework, stack_name=entry.name)
        if locked not in found:
            found.append(locked)
    if len(found) == 1:
        return f"{label} {found[0]}, {python}"
    titled = [
        f"{versions.version(framework, stack_name=entry.name)} ({entry.title})" for entry in versions.STACKS
    ]
    return f"{label} {' and '.join(titled)}, {python}"


@directive("task-facts")
def task_facts(context: Context, task_id: str) -> str:
    """Lines of code, extra packages and tested versions per framework for one task.

    Computed from its snippet files and the lock; a variant that exists on one stack
    only (a Django 6 feature) gets a row of its own that says so.
    """
    entry = task(task_id)
    if not entry.done:
        raise DirectiveError(f"task {task_id!r} in data/{TASKS_FILE} needs 'files' and 'packages'")
    rows = [
        [LABELS[name], str(entry.lines(name)), _packages(getattr(entry.packages, name)), verified_on(name)]
        for name in FRAMEWORKS
    ]
    rows += [
        [
            f"{LABELS[variant.framework]}: {variant.label}",
            str(variant.lines()),
            _packages(variant.packages),
            verified_on(variant.framework, variant.stack, variant.reason),
        ]
        for variant in entry.variants
    ]
    return table(["Framework", "Lines of code", "Packages beyond the framework", "Tested on"], rows)


@directive("task-overview")
def task_overview(context: Context) -> str:
    """A table of every task: lines of code per framework and what each needed beyond itself."""
    rows = []
    for entry in catalogue().tasks:
        if not entry.done:
            rows.append([entry.title, "to do", "to do", "to do"])
            continue
        link = f"[{entry.title}]({context.link(entry.url)})"
        rows.append(
            [link]
            + [
                f"{entry.lines(name)}"
                + (f" ({_packages(getattr(entry.packages, name))})" if getattr(entry.packages, name) else "")
                for name in FRAMEWORKS
            ]
        )
    return table(["Task", *(LABELS[name] for name in FRAMEWORKS)], rows)


@published("tasks.json")
def tasks_data() -> list[dict]:
    """Every finished task with its page, lines of code and extra packages per framework."""
    return [
        {
            "id": entry.id,
            "title": entry.title,
            "url": site_url(entry.url),
            "frameworks": {
                name: {"lines": entry.lines(name), "packages": getattr(entry.packages, name)}
                for name in FRAMEWORKS
            },
            "variants": [
                {
                    "framework": variant.framework,
                    "label": variant.label,
                    "lines": variant.lines(),
                    "packages": variant.packages,
                    "stack": variant.stack,
                    "tested_on": verified_on(variant.framework, variant.stack, variant.reason),
                }
                for variant in entry.variants
            ],
        }
        for entry in catalogue().tasks
        if entry.done
    ]
