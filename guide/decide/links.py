"""Wizard links read as the wizard script reads them.

Wizard links carry the answers as `question=answer` parameters (a question
that takes several answers repeats its parameter), the tree's `edition` as `v`
and the outcome reached as `outcome`. `read_link` reads one the way the wizard
script does: ids renamed since the link's edition are carried over through the
tree's `renamed` map, other parameters are ignored, and an answer that cannot
be followed is dropped with the reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qsl

from guide.decide.paths import Step, find_answer
from guide.decide.schema import EDITION_PARAM, LINK_PARAMS, NONE, OUTCOME_PARAM, Answer, Question, Tree

Pair = tuple[str, str, str]
"""A link's (question id, answer id, the parameter as the link wrote it)."""


def split_pairs(text: str, source: str) -> list[Pair]:
    """`question=answer` pairs joined with `&`, each tagged with the parameter they came from."""
    return [(*item.split("=", 1), source) for item in text.split("&")]


def _renames(tree: Tree, since: int) -> list[dict[str, str]]:
    return [tree.renamed[edition] for edition in sorted(tree.renamed) if edition > since]


def _rename(mapping: dict[str, str], pair: Pair) -> list[Pair]:
    question, answer, source = pair
    target = mapping.get(f"{question}={answer}")
    return split_pairs(target, source) if target else [(mapping.get(question, question), answer, source)]


def carry(tree: Tree, pairs: list[Pair], since: int) -> list[Pair]:
    """Answers written with the ids of edition `since`, in today's ids."""
    for mapping in _renames(tree, since):
        pairs = [moved for pair in pairs for moved in _rename(mapping, pair)]
    return pairs


def carry_id(tree: Tree, node: str, since: int) -> str:
    """A question or outcome id of edition `since`, in today's ids."""
    for mapping in _renames(tree, since):
        node = mapping.get(node, node)
    return node


@dataclass
class Link:
    """A wizard link as the wizard reads it."""

    steps: list[Step]
    outcome: str | None
    """The outcome today's tree reaches, or `None` when it still has a question to ask."""
    recorded: str | None
    """The outcome the link says it reached when it was made (in today's ids)."""
    dropped: list[str]
    """Why each answer that could not be followed was dropped, naming its parameter."""

    @property
    def changed(self) -> bool:
        """Whether today's tree reaches another outcome than the one the link recorded."""
        return self.recorded is not None and not self.dropped and self.recorded != self.outcome


def _edition(tree: Tree, version: str) -> int:
    """The edition a link names; today's when it names none this tree has had."""
    if re.fullmatch("[0-9]+", version) and 1 <= int(version) <= tree.edition:
        return int(version)
    return tree.edition


def _not_an_answer(source: str, answer_id: str, question: Question) -> str:
    return f"“{source}” was dropped: “{answer_id}” is not an answer to “{question.text}”"


def read_link(tree: Tree, query: str) -> Link:
    """Read a wizard link's query string as the wizard script does.

    Parameters that are not questions are ignored. An answer that is not one of
    its question's answers ends the path there (on a multiple-choice question,
    only that answer is dropped); answers to routing questions the path does not
    reach, and second answers to a question that takes one, are dropped. Answers
    to the questions under `then` wait silently until the path reaches an outcome.
    """
    params = parse_qsl(query, keep_blank_values=True)
    first = dict(reversed(params))
    edition = _edition(tree, first.get(EDITION_PARAM, "1"))
    written = [(key, value, f"{key}={value}") for key, value in params if key not in LINK_PARAMS]
    answers, dropped = _answers_by_question(tree, carry(tree, written, edition))
    steps: list[Step] = []
    node = tree.start
    while (question := tree.question(node)) is not None and question.id in answers:
        answer_id, source = answers.pop(question.id)[0]
        answer = find_answer(question, answer_id)
        if answer is None:
            dropped.append(_not_an_answer(source, answer_id, question))
            break
        steps.append((question, answer))
        node = answer.next
    outcome = node if tree.outcome(node) else None
    for question in tree.then_questions if outcome else []:
        valid = _ticked(question, answers.pop(question.id, []), dropped)
        if not valid:
            outcome = None
            break
        steps.extend((question, answer) for answer in question.answers if answer in valid)
    for question_id, given in answers.items():
        if question_id in tree.then:
            continue
        asked = tree.question(question_id).text
        dropped.append(
            f"“{given[0][1]}” was dropped: the link’s other answers never reach the question “{asked}”"
        )
    recorded = first.get(OUTCOME_PARAM)
    return Link(steps, outcome, carry_id(tree, recorded, edition) if recorded else None, dropped)


def _answers_by_question(tree: Tree, pairs: list[Pair]) -> tuple[dict[str, list[tuple[str, str]]], list[str]]:
    """Question id -> (answer id, parameter) in link order, and why repeated answers were dropped."""
    answers: dict[str, list[tuple[str, str]]] = {}
    dropped: list[str] = []
    for question_id, answer_id, source in pairs:
        question = tree.question(question_id)
        if question is None:
            continue
        given = answers.setdefault(question_id, [])
        if any(answer_id == known for known, _ in given):
            continue
        if given and not question.multiple:
            dropped.append(
                f"“{source}” was dropped: the link answers “{question.text}” more than once, "
                "and only the first answer counts"
            )
            continue
        given.append((answer_id, source))
    return answers, dropped


def _ticked(question: Question, given: list[tuple[str, str]], dropped: list[str]) -> list[Answer]:
    """The answers a link ticks on a question under `then`; what cannot be ticked goes to `dropped`."""
    valid: list[Answer] = []
    for answer_id, source in given:
        answer = find_answer(question, answer_id)
        if answer is None:
            dropped.append(_not_an_answer(source, answer_id, question))
        else:
            valid.append(answer)
    if len(valid) > 1 and any(answer.id == NONE for answer in valid):
        dropped.append(
            f"“{question.id}={NONE}” was dropped: other answers to “{question.text}” are ticked with it"
        )
        valid = [answer for answer in valid if answer.id != NONE]
    return valid
