"""`data/tasks.yml` and the task pages agree: each task's section includes exactly the
snippet files the catalogue counts for it (the line counts on the site come from the list).

A task's section runs from its `## Title {#task-id}` heading to the next `## ` heading.
Documented requests and answers (`examples/`, `responses/`) are shown but not counted.
"""

import re

import pytest

from guide import ROOT, snippets, tasks

SHOWN_NOT_COUNTED = re.compile(r"/(examples|responses)/")


def section(page: str, task_id: str) -> str:
    markdown = (ROOT / "docs" / page).read_text(encoding="utf-8")
    match = re.search(rf"^## .*\{{#{re.escape(task_id)}\}}$", markdown, re.MULTILINE)
    assert match, f"docs/{page} has no '## ... {{#{task_id}}}' heading"
    following = re.search(r"^## ", markdown[match.end() :], re.MULTILINE)
    return markdown[match.end() : match.end() + following.start()] if following else markdown[match.end() :]


def listed(entry: tasks.Task) -> set[str]:
    files = {path for name in tasks.FRAMEWORKS for path in getattr(entry.files, name)}
    return files | {path for variant in entry.variants for path in variant.files} | set(entry.also_shown)


def included(entry: tasks.Task) -> set[str]:
    return counted(section(entry.page, entry.id))


DONE = [entry for entry in tasks.catalogue().tasks if entry.done]


def disagreements(entry: tasks.Task, page_section: str | None = None) -> list[str]:
    """What the catalogue and the page say differently about one task (empty when they agree)."""
    shown = included(entry) if page_section is None else counted(page_section)
    problems = []
    if missing := listed(entry) - shown:
        problems.append(
            f"data/tasks.yml lists for {entry.id!r} files its page section does not include: "
            f"{sorted(missing)}"
        )
    if unlisted := shown - listed(entry):
        problems.append(
            f"docs/{entry.page}#{entry.id} includes files data/tasks.yml does not list: {sorted(unlisted)}"
        )
    return problems


def counted(page_section: str) -> set[str]:
    return {path for path, _ in snippets.includes(page_section) if not SHOWN_NOT_COUNTED.search(path)}


@pytest.mark.parametrize("entry", DONE, ids=[entry.id for entry in DONE])
def test_a_task_section_includes_exactly_the_files_its_entry_lists(entry):
    assert disagreements(entry) == []


def test_the_check_fails_when_a_listed_file_is_not_on_the_page():
    entry = tasks.task("background").model_copy(deep=True)
    entry.files.django.append("snippets/background/not_on_the_page.py")
    assert disagreements(entry) == [
        "data/tasks.yml lists for 'background' files its page section does not include: "
        "['snippets/background/not_on_the_page.py']"
    ]


def test_the_check_fails_when_the_page_includes_a_file_the_entry_does_not_list():
    entry = tasks.task("background")
    page_section = section(entry.page, entry.id) + '\n```python\n--8<-- "snippets/hello/flask_app.py"\n```\n'
    assert disagreements(entry, page_section) == [
        f"docs/{entry.page}#background includes files data/tasks.yml does not list: "
        "['snippets/hello/flask_app.py']"
    ]
