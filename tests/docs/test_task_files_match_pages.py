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
    return {
        path
        for path, _ in snippets.includes(section(entry.page, entry.id))
        if not SHOWN_NOT_COUNTED.search(path)
    }


DONE = [entry for entry in tasks.catalogue().tasks if entry.done]


@pytest.mark.parametrize("entry", DONE, ids=[entry.id for entry in DONE])
def test_a_task_section_includes_exactly_the_files_its_entry_lists(entry):
    missing = listed(entry) - included(entry)
    unlisted = included(entry) - listed(entry)
    assert not missing, (
        f"data/tasks.yml lists for {entry.id!r} files its page section does not include: {sorted(missing)}"
    )
    assert not unlisted, (
        f"docs/{entry.page}#{entry.id} includes files data/tasks.yml does not list: {sorted(unlisted)}"
    )


def test_the_check_fails_when_a_listed_file_is_not_on_the_page():
    entry = tasks.task("background").model_copy(deep=True)
    entry.files.django.append("snippets/background/not_on_the_page.py")
    assert "snippets/background/not_on_the_page.py" in listed(entry) - included(entry)
