"""Checks of the decision tree as a whole, and of each use case's path through it.

A sound tree has no unknown targets, no cycles and no unreachable node, every
caveat and add-on is attached by some answer, every outcome has its page and
names evidence that exists, and its `renamed` map leads to today's ids. Every
problem is a `DataError` naming the file and the field.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path

from guide import ROOT, compare, data, migrate, snippets, tasks
from guide.data import DataError
from guide.decide.links import carry, carry_id, split_pairs
from guide.decide.paths import PathError, collected, grouped, steps_end, walk
from guide.decide.schema import LINK_PARAMS, NONE, OUTCOME_PAGES, Question, Tree, UseCase

Fail = Callable[[str, str], DataError]
"""Makes the error for a field and a message; the file is already known."""
_ID = "[a-z0-9-]+"
_PAIR = f"{_ID}={_ID}"
_KINDS = ("caveats", "addons")


def check_tree(tree: Tree, source: str, outcome_pages: Path = OUTCOME_PAGES) -> None:
    """Raise `DataError` (naming `source` and the field) unless the tree is a sound decision tree."""

    def fail(field: str, message: str) -> DataError:
        return DataError(f"{source}: {field}: {message}")

    nodes = _unique_ids(tree.questions, "questions", fail)
    _unique_ids(tree.outcomes, "outcomes", fail, nodes)
    _check_start(tree, fail)
    riders = {kind: _unique_ids(getattr(tree, kind), kind, fail) for kind in _KINDS}
    for question in tree.questions:
        _check_question(tree, question, nodes, riders, fail)
    for kind in _KINDS:
        answers = [answer for question in tree.questions for answer in question.answers]
        attached = {item for answer in answers for item in getattr(answer, kind)}
        for item in riders[kind]:
            if item not in attached:
                raise fail(f"{kind}[{item}]", "no answer attaches it")
    for question in tree.questions:
        if question.id in LINK_PARAMS:
            raise fail(f"questions[{question.id}].id", f"{question.id!r} is a parameter of wizard links")
    _check_renames(tree, fail)
    _check_acyclic(tree, fail)
    reached = _reachable(tree)
    for kind, members in (("questions", tree.questions), ("outcomes", tree.outcomes)):
        for node in members:
            if node.id not in reached:
                raise fail(f"{kind}[{node.id}]", "no path from the start question reaches it")
    _check_outcomes(tree, outcome_pages, fail)


def _unique_ids(items: Iterable, kind: str, fail: Fail, seen: set[str] | None = None) -> set[str]:
    """The items' ids (added to `seen`); an error names the first id used twice."""
    seen = set() if seen is None else seen
    for item in items:
        if item.id in seen:
            raise fail(f"{kind}[{item.id}].id", f"id {item.id!r} is used twice")
        seen.add(item.id)
    return seen


def _check_start(tree: Tree, fail: Fail) -> None:
    if tree.question(tree.start) is None:
        raise fail("start", f"{tree.start!r} is not a question id")
    for index, question_id in enumerate(tree.then):
        if tree.question(question_id) is None:
            raise fail(f"then[{index}]", f"{question_id!r} is not a question id")
    if tree.start in tree.then:
        raise fail("start", f"{tree.start!r} is asked after an outcome (it is under `then`)")


def _check_question(
    tree: Tree, question: Question, nodes: set[str], riders: dict[str, set[str]], fail: Fail
) -> None:
    """One question: its answers, where they lead and what they attach."""
    then = question.id in tree.then
    if question.multiple and not then:
        raise fail(f"questions[{question.id}].multiple", "only questions under `then` take several answers")
    if question.multiple and NONE not in {answer.id for answer in question.answers}:
        raise fail(
            f"questions[{question.id}].answers", f"a multiple-choice question needs an answer {NONE!r}"
        )
    answer_ids: set[str] = set()
    for answer in question.answers:
        field = f"questions[{question.id}].answers[{answer.id}]"
        if answer.id in answer_ids:
            raise fail(f"{field}.id", f"answer id {answer.id!r} is used twice in this question")
        answer_ids.add(answer.id)
        if then and answer.next is not None:
            raise fail(f"{field}.next", "questions under `then` lead nowhere: they never change the outcome")
        if not then and answer.next is None:
            raise fail(f"{field}.next", "missing: name the next question or an outcome")
        if answer.next is not None and answer.next not in nodes:
            raise fail(f"{field}.next", f"{answer.next!r} is neither a question nor an outcome")
        if answer.next in tree.then:
            raise fail(f"{field}.next", f"{answer.next!r} is asked on every path; lead to an outcome instead")
        for kind in _KINDS:
            for item in getattr(answer, kind):
                if item not in riders[kind]:
                    raise fail(f"{field}.{kind}", f"no {item!r} under `{kind}`")


def _check_renames(tree: Tree, fail: Fail) -> None:
    for edition, mapping in tree.renamed.items():
        if edition > tree.edition:
            raise fail(f"renamed[{edition}]", f"is later than the current edition, {tree.edition}")
        if edition < 2:
            raise fail(f"renamed[{edition}]", "renames start with edition 2 (edition 1 is the first)")
        for old, new in mapping.items():
            field = f"renamed[{edition}][{old}]"
            if re.fullmatch(_ID, old):
                if not re.fullmatch(_ID, new):
                    raise fail(field, f"{new!r} is not a question or outcome id")
                carried = carry_id(tree, new, edition)
                if not (tree.question(carried) or tree.outcome(carried)):
                    raise fail(field, f"{carried!r} is neither a question nor an outcome")
            elif not re.fullmatch(_PAIR, old):
                raise fail(field, "write an old id, or an old answer as question=answer")
            elif not re.fullmatch(f"{_PAIR}(&{_PAIR})*", new):
                raise fail(field, f"{new!r} is not question=answer (several joined with &)")
            else:
                for question_id, answer_id, _ in carry(tree, split_pairs(new, old), edition):
                    question = tree.question(question_id)
                    if question is None:
                        raise fail(field, f"{question_id!r} is not a question")
                    if answer_id not in {answer.id for answer in question.answers}:
                        raise fail(field, f"{answer_id!r} is not an answer to {question_id!r}")


def _check_acyclic(tree: Tree, fail: Fail) -> None:
    state: dict[str, str] = {}

    def visit(node: str, trail: list[str]) -> None:
        question = tree.question(node)
        if question is None:
            return
        if state.get(node) == "open":
            raise fail(f"questions[{node}]", "cycle: " + " -> ".join([*trail, node]))
        if state.get(node) == "done":
            return
        state[node] = "open"
        for answer in question.answers:
            if answer.next is not None:
                visit(answer.next, [*trail, node])
        state[node] = "done"

    for question in tree.questions:
        visit(question.id, [])


def _reachable(tree: Tree) -> set[str]:
    reached: set[str] = set()
    pending = [tree.start]
    while pending:
        node = pending.pop()
        if node in reached:
            continue
        reached.add(node)
        question = tree.question(node)
        if question:
            pending.extend(answer.next for answer in question.answers if answer.next is not None)
        elif tree.outcome(node):
            pending.extend(tree.then)
    return reached


def _check_outcomes(tree: Tree, outcome_pages: Path, fail: Fail) -> None:
    """Every outcome has its page, tested snippets, and evidence and migrations that exist."""
    task_ids = {task.id for task in tasks.catalogue().tasks}
    snippet_files = set(snippets.snippet_files())
    known_paths = {path.id for path in migrate.migrations().paths}
    known = {
        "matrix": ({criterion.id for criterion in compare.matrix().criteria}, "data/matrix.yml"),
        "claims": ({claim.id for claim in compare.ledger().claims}, "data/claims.yml"),
    }
    for outcome in tree.outcomes:
        field = f"outcomes[{outcome.id}]"
        page = outcome_pages / f"{outcome.id}.md"
        marker = f"<!-- guide:decide-outcome {outcome.id} -->"
        if not page.is_file():
            raise fail(field, f"has no page: create {display(page)} holding {marker}")
        if marker not in page.read_text(encoding="utf-8"):
            raise fail(field, f"its page {display(page)} does not hold {marker}")
        for snippet in outcome.snippets:
            if not (ROOT / snippet).is_file():
                raise fail(f"{field}.snippets", f"{snippet} does not exist")
            if snippet not in snippet_files:
                raise fail(f"{field}.snippets", f"{snippet} is not a tested Python file under snippets/")
        for task_id in outcome.evidence.tasks:
            if task_id not in task_ids:
                raise fail(f"{field}.evidence.tasks", f"no task {task_id!r} in data/tasks.yml")
        for path_id in outcome.migrations:
            if path_id not in known_paths:
                raise fail(f"{field}.migrations", f"no migration path {path_id!r} in data/migrations.yml")
        for kind, (ids, source_file) in known.items():
            for item in getattr(outcome.evidence, kind):
                if item not in ids:
                    raise fail(f"{field}.evidence.{kind}", f"no {item!r} in {source_file}")


def check_use_cases(tree: Tree, cases: list[UseCase], source: str) -> None:
    """Raise `DataError` (naming `source` and the field) unless each use case walks the tree as it states."""
    seen: set[str] = set()
    for case in cases:
        field = f"use_cases[{case.id}]"
        if case.id in seen:
            raise DataError(f"{source}: {field}.id: id {case.id!r} is used twice")
        seen.add(case.id)
        try:
            steps, outcome = walk(tree, case.answers)
        except PathError as error:
            raise DataError(f"{source}: {field}.answers: {error}") from None
        if outcome is None:
            raise DataError(
                f"{source}: {field}.answers: stop before an outcome, at question {steps_end(tree, steps)!r}"
            )
        if outcome != case.outcome:
            raise DataError(
                f"{source}: {field}.outcome: states {case.outcome!r}, but its answers lead to {outcome!r}"
            )
        if list(case.answers) != [question.id for question, _ in grouped(steps)]:
            raise DataError(f"{source}: {field}.answers: list them in the order the wizard asks them")
        for kind in _KINDS:
            computed = collected(steps, kind)
            if getattr(case, kind) != computed:
                raise DataError(
                    f"{source}: {field}.{kind}: states {getattr(case, kind)}, "
                    f"but its answers collect {computed}"
                )


def display(path: Path | str) -> str:
    """A data file's path as error messages show it: relative to the repository when it is inside."""
    path = Path(path)
    if not path.is_absolute():
        path = data.DATA_DIR / path
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)
