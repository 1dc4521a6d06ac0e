"""Loading `data/decision_tree.yml` and `data/use_cases.yml`, checked, once per process."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from guide import data
from guide.decide.graph import check_tree, check_use_cases, display
from guide.decide.schema import OUTCOME_PAGES, TREE_FILE, USE_CASES_FILE, Outcome, Tree, UseCase, UseCases
from guide.render import by_id


def load_tree(path: Path | str = TREE_FILE, outcome_pages: Path = OUTCOME_PAGES) -> Tree:
    """Load `data/decision_tree.yml` and check it as a graph.

    Args:
        path: The file, absolute or relative to `data/`.
        outcome_pages: Folder that must hold one page per outcome.

    Raises:
        DataError: A field is missing or wrong, an answer leads nowhere, the tree
            has a cycle or an unreachable node, or an outcome has no page.
    """
    tree = data.load(path, Tree)
    check_tree(tree, display(path), outcome_pages)
    return tree


def load_use_cases(tree: Tree, path: Path | str = USE_CASES_FILE) -> list[UseCase]:
    """Load `data/use_cases.yml` and walk each use case through the tree.

    Raises:
        DataError: A field is missing, an id repeats, or a use case's answers do
            not reach the outcome it states.
    """
    cases = data.load(path, UseCases).use_cases
    check_use_cases(tree, cases, display(path))
    return cases


@cache
def tree() -> Tree:
    """The validated decision tree (loaded once per process)."""
    return load_tree()


@cache
def use_cases() -> list[UseCase]:
    """The validated use cases (loaded once per process)."""
    return load_use_cases(tree())


def outcome(outcome_id: str) -> Outcome:
    """The outcome of the tree with this id, for the renderers.

    Raises:
        DirectiveError: No outcome has that id; the message names the data file.
    """
    return by_id(tree().outcomes, outcome_id, "outcome", TREE_FILE)
