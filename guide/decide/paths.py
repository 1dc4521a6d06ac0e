"""Paths through the decision tree: following answers as the wizard does, and the wizard URL of a path.

A path is a list of steps, one `(question, answer)` pair per answer given; a
multiple-choice question under `then` gives one step per ticked answer.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal
from urllib.parse import urlencode

from guide.decide.schema import EDITION_PARAM, NONE, OUTCOME_PARAM, Answer, Question, Tree

Step = tuple[Question, Answer]
"""One answer on a path; a multiple-choice question gives one step per ticked answer."""
RiderKind = Literal["caveats", "addons"]


class PathError(ValueError):
    """A set of answers that does not describe a path through the tree."""


def find_answer(question: Question, answer_id: str) -> Answer | None:
    """The question's answer with this id, or `None`."""
    return next((answer for answer in question.answers if answer.id == answer_id), None)


def walk(tree: Tree, answers: Mapping[str, str | list[str]]) -> tuple[list[Step], str | None]:
    """Follow answers from the start question, as the wizard does.

    Returns:
        The steps taken and the outcome id reached, or `None` when the answers
        stop before an outcome or before the last question under `then`.

    Raises:
        PathError: An answer is not one of its question's answers, names an
            unknown question, answers a question this path never asks, or gives
            several answers to a question that takes one.
    """
    remaining = {key: [value] if isinstance(value, str) else list(value) for key, value in answers.items()}
    steps: list[Step] = []
    node = tree.start
    while (question := tree.question(node)) is not None and question.id in remaining:
        answer = _chosen(question, remaining.pop(question.id))[0]
        steps.append((question, answer))
        node = answer.next
    reached = node if tree.outcome(node) else None
    for question in tree.then_questions if reached else []:
        if question.id not in remaining:
            reached = None
            break
        steps.extend((question, answer) for answer in _chosen(question, remaining.pop(question.id)))
    for key in remaining:
        if tree.question(key) is None:
            raise PathError(f"{key!r} is not a question")
        raise PathError(f"{key!r} is not asked on the path these answers take")
    return steps, reached


def _chosen(question: Question, given: list[str]) -> list[Answer]:
    """The answers given to a question, in the question's order; `PathError` unless they can be given."""
    picked = []
    for answer_id in given:
        answer = find_answer(question, answer_id)
        if answer is None:
            choices = ", ".join(answer.id for answer in question.answers)
            raise PathError(f"{question.id}={answer_id}: {answer_id!r} is not an answer (choices: {choices})")
        picked.append(answer)
    if not picked or (len(picked) > 1 and not question.multiple):
        raise PathError(f"{question.id}: give exactly one answer")
    if len(picked) > 1 and any(answer.id == NONE for answer in picked):
        raise PathError(f"{question.id}: {NONE!r} cannot be ticked with other answers")
    return [answer for answer in question.answers if answer in picked]


def routed(tree: Tree, steps: list[Step]) -> str | None:
    """The outcome a path's routing answers lead to, answered or not the questions under `then`."""
    routing = [answer for question, answer in steps if question.id not in tree.then]
    return routing[-1].next if routing and tree.outcome(routing[-1].next) else None


def reached(tree: Tree, steps: list[Step]) -> str | None:
    """The outcome a path reaches: its routed outcome once every question under `then` is answered."""
    answered = {question.id for question, _ in steps}
    outcome = routed(tree, steps)
    return outcome if outcome and all(question_id in answered for question_id in tree.then) else None


def steps_end(tree: Tree, steps: list[Step]) -> str:
    """Id of the question a partial path stops at."""
    outcome = routed(tree, steps)
    if outcome is None:
        return steps[-1][1].next if steps else tree.start
    answered = {question.id for question, _ in steps}
    return next(question_id for question_id in tree.then if question_id not in answered)


def grouped(steps: list[Step]) -> list[tuple[Question, list[Answer]]]:
    """The steps with the answers to one multiple-choice question together."""
    groups: list[tuple[Question, list[Answer]]] = []
    for question, answer in steps:
        if groups and groups[-1][0].id == question.id:
            groups[-1][1].append(answer)
        else:
            groups.append((question, [answer]))
    return groups


def collected(steps: list[Step], kind: RiderKind) -> list[str]:
    """The caveat (or add-on) ids a path's answers attach, in path order, each once."""
    found: list[str] = []
    for _, answer in steps:
        found += [item for item in getattr(answer, kind) if item not in found]
    return found


def paths_to(tree: Tree, outcome_id: str) -> list[list[Step]]:
    """Every path of routing answers from the start question to an outcome, in the tree's order."""
    found: list[list[Step]] = []

    def follow(node: str, trail: list[Step]) -> None:
        if node == outcome_id:
            found.append(trail)
        question = tree.question(node)
        for answer in question.answers if question else []:
            follow(answer.next, [*trail, (question, answer)])

    follow(tree.start, [])
    return found


def attached_to(tree: Tree, outcome_id: str, kind: RiderKind) -> dict[str, list[Step]]:
    """Caveat (or add-on) id -> the answers that can attach it on a path to the outcome (tree order)."""
    found: dict[str, list[Step]] = {}
    candidates = [step for steps in paths_to(tree, outcome_id) for step in steps]
    candidates += [(question, answer) for question in tree.then_questions for answer in question.answers]
    for question, answer in candidates:
        for item in getattr(answer, kind):
            if (question, answer) not in found.setdefault(item, []):
                found[item].append((question, answer))
    order = [item.id for item in getattr(tree, kind)]
    return {item: found[item] for item in order if item in found}


def permalink(tree: Tree, steps: list[Step]) -> str:
    """The wizard URL, relative to the site root, that reproduces these answers.

    It names the tree's edition and, when the answers reach one, the outcome.
    """
    params = [(EDITION_PARAM, str(tree.edition))] if steps else []
    params += [(question.id, answer.id) for question, answer in steps]
    outcome = reached(tree, steps)
    if outcome:
        params.append((OUTCOME_PARAM, outcome))
    return "decide/?" + urlencode(params)


def permalink_query(tree: Tree, steps: list[Step]) -> str:
    """The query string of `permalink` (what follows `?`), to append to a link to the wizard page."""
    return permalink(tree, steps).partition("?")[2]
