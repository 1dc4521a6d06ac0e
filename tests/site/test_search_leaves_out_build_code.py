"""The site's search finds what readers read, not our build code.

The build-code reference (`docs/reference/*.md` but the published-data page) is for contributors
and carries `search: exclude`; had it leaked into the index, searching a framework topic would
list our build functions. So no function defined in `guide/` may appear in the search index,
neither by its dotted path nor, where its name cannot be an ordinary word, by its bare name.
The published-data page, written for readers, is in the index.
"""

import ast
import json
import re
from functools import cache
from pathlib import Path
from typing import get_args

from pydantic import BaseModel

from guide import ROOT
from guide.schemas import SCHEMAS

GUIDE = ROOT / "guide"
READER_REFERENCE = "reference/published-data/"
"""The one page under `reference/` written for readers."""
SHORTEST = 7
"""Names shorter than this are too likely to be part of other words and code."""
ON_READER_PAGES = {
    "guide.tasks.variant": "the contributing page shows how a variant's tests read their stack with it",
    "guide.templates.render": "the contributing page shows how a renderer fills a page template",
    "python_version": "the Verified versions notebook shows the call that reads the Python version",
    "read_link": "also the name of a view in the Pydantic v2 migration snippets",
    "use_cases": "part of the data file name data/use_cases.yml, which the contributing page names",
}
"""Functions of ours (by name or dotted path) that searchable pages show on purpose, and why."""


def search_index(site_dir: Path) -> list[dict]:
    return json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def defined_functions(tree: ast.AST, prefix: str) -> list[str]:
    """The dotted path of every function and method defined in a module, nested ones included."""
    found = []
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            found.append(f"{prefix}.{node.name}")
            found += defined_functions(node, f"{prefix}.{node.name}")
        elif isinstance(node, ast.ClassDef):
            found += defined_functions(node, f"{prefix}.{node.name}")
        else:
            found += defined_functions(node, prefix)
    return found


@cache
def build_functions() -> tuple[str, ...]:
    """The dotted path (`guide.compare.matrix_overview`) of every function defined in `guide/`."""
    paths = []
    for path in sorted(GUIDE.rglob("*.py")):
        paths += defined_functions(ast.parse(path.read_text(encoding="utf-8")), module_name(path))
    return tuple(paths)


def models_in(annotation) -> list[type[BaseModel]]:
    """The models an annotation names, however deep (`list[Cell] | None` names `Cell`)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [model for argument in get_args(annotation) for model in models_in(argument)]


def published_keys() -> set[str]:
    """Every key of the published JSON files: the published-data page names them all, by design."""
    keys: set[str] = set()
    todo, seen = list(SCHEMAS.values()), set()
    while todo:
        model = todo.pop()
        if model in seen:
            continue
        seen.add(model)
        for name, field in model.model_fields.items():
            keys |= {name, field.alias or name}
            todo += models_in(field.annotation)
    return keys


def telling_names() -> set[str]:
    """Bare function names that can only be code: not a dunder, not one plain word, long enough,
    not a key of the published files and not a name reader pages show for another reason."""
    skipped = published_keys() | set(ON_READER_PAGES)
    names = {path.rpartition(".")[2] for path in build_functions()}
    return {
        name
        for name in names
        if len(name) >= SHORTEST
        and not (name.startswith("__") and name.endswith("__"))
        and not re.fullmatch(r"[a-z]+", name)
        and name not in skipped
    }


def occurrences(docs: list[dict], names) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for name in sorted(names):
        pattern = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")
        where = [doc["location"] for doc in docs if pattern.search(doc["title"] + "\n" + doc["text"])]
        if where:
            found[name] = where[:3]
    return found


def test_the_check_has_names_to_look_for():
    assert len(build_functions()) > 300
    assert {"matrix_overview", "checked_json"} <= telling_names()


def test_the_build_code_reference_shows_names_this_check_looks_for(site_dir):
    page = (site_dir / "reference" / "render" / "index.html").read_text(encoding="utf-8")
    assert "guide.publish.checked_json" in page
    assert len({name for name in telling_names() if name in page}) > 5


def test_every_exception_is_still_on_a_searchable_page(site_dir):
    docs = search_index(site_dir)
    unused = set(ON_READER_PAGES) - set(occurrences(docs, ON_READER_PAGES))
    assert not unused, f"no longer on any searchable page, drop from ON_READER_PAGES: {sorted(unused)}"


def test_no_build_function_path_is_in_the_search_index(site_dir):
    found = occurrences(search_index(site_dir), set(build_functions()) - set(ON_READER_PAGES))
    assert not found, f"build functions by dotted path in the search index (name: pages): {found}"


def test_no_build_function_name_is_in_the_search_index(site_dir):
    found = occurrences(search_index(site_dir), telling_names())
    assert not found, f"build functions by name in the search index (name: pages): {found}"


def test_the_published_data_page_is_searchable_and_the_build_code_reference_is_not(site_dir):
    locations = {doc["location"].partition("#")[0] for doc in search_index(site_dir)}
    assert READER_REFERENCE in locations
    build_code_pages = [
        "reference/" if path.stem == "index" else f"reference/{path.stem}/"
        for path in sorted((ROOT / "docs" / "reference").glob("*.md"))
        if path.stem != "published-data"
    ]
    assert "reference/" in build_code_pages and len(build_code_pages) > 5
    for page in build_code_pages:
        assert (site_dir / page / "index.html").is_file(), f"{page} was not built"
    leaked = sorted(set(build_code_pages) & locations)
    assert not leaked, f"build-code reference pages in the search index: {leaked}"
