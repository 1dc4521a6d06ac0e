"""The decision tree (`data/decision_tree.yml`) and the use cases (`data/use_cases.yml`).

Everything the Decide section shows is rendered from those two files: the
flowchart (an SVG drawn here at build time), its text version, the data the
wizard script reads, the outcome pages and the use-case sections, and the
published `/data/decision-tree.json` and `/data/use-cases.json`.

Loading validates the tree as a graph (no unknown targets, no cycles, no
unreachable node, every outcome has its page) and walks every use case
through it; any problem is a `DataError` naming the file and the field.

Wizard links carry the answers as `question=answer` parameters (a question
that takes several answers repeats its parameter), the tree's `edition` as `v`
and the outcome reached as `outcome`. The routing questions lead to an
outcome; the questions under `then` are asked on every path after it and
attach caveats (warnings with evidence) and add-ons, never another outcome. `read_link` reads one
the way the wizard script does: ids renamed since the link's edition are
carried over through the tree's `renamed` map, other parameters are ignored,
and an answer that cannot be followed is dropped with the reason.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from html import escape
from pathlib import Path
from posixpath import dirname, relpath
from typing import Literal
from urllib.parse import parse_qsl, urlencode

from pydantic import BaseModel, ConfigDict, Field

from guide import ROOT, data, migrate, snippets, tasks
from guide.compare import Evidence as Source
from guide.compare import site_url as source_url
from guide.data import DataError
from guide.publish import published
from guide.render import Context, DirectiveError, directive, table

TREE_FILE = "decision_tree.yml"
USE_CASES_FILE = "use_cases.yml"
OUTCOME_PAGES = ROOT / "docs" / "decide" / "outcomes"
"""Folder of the outcome pages: one `<outcome id>.md` per outcome."""
WIZARD_PAGE = "decide/index.md"
USE_CASES_PAGE = "decide/use-cases.md"
Identifier = str
ID_PATTERN = r"^[a-z0-9-]+$"
EDITION_PARAM = "v"
OUTCOME_PARAM = "outcome"
LINK_PARAMS = {EDITION_PARAM, OUTCOME_PARAM, "h"}
"""Link parameters that are not answers (`h` is the theme's search highlighting), so no question id."""
NONE = "none"
"""The answer of a multiple-choice question that means none of its other answers."""
_ID = "[a-z0-9-]+"
_PAIR = f"{_ID}={_ID}"

BenchmarkSection = Literal["results", "io-bound", "memory", "start-up", "routing", "methodology", "caveats"]
BENCHMARK_TITLES = {
    "results": "Results",
    "io-bound": "I/O-bound handlers",
    "memory": "Memory per worker",
    "start-up": "Cold start and import time",
    "routing": "Routing cost",
    "methodology": "Methodology",
    "caveats": "Caveats",
}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Answer(_Strict):
    """One answer to a question, and where it leads."""

    id: Identifier = Field(pattern=ID_PATTERN)
    label: str = Field(min_length=1)
    reason: str = Field(min_length=1)
    """One line: why this answer leads where it does."""
    next: Identifier | None = None
    """Id of the next question or of an outcome; none on the questions under `then`."""
    caveats: list[Identifier] = []
    """Ids of caveats this answer attaches to whatever outcome the path reaches."""
    addons: list[Identifier] = []
    """Ids of add-ons or specialist exits this answer attaches."""


class Question(_Strict):
    """A question of the tree."""

    id: Identifier = Field(pattern=ID_PATTERN)
    short: str = Field(min_length=1)
    """A few words naming the question (decision record, summaries)."""
    text: str = Field(min_length=1)
    multiple: bool = False
    """Several answers at once (only under `then`); the answer `none` means none of the others."""
    answers: list[Answer] = Field(min_length=2)


class Caveat(_Strict):
    """A warning an answer attaches: what to watch, why, and where to check it."""

    id: Identifier = Field(pattern=ID_PATTERN)
    title: str = Field(min_length=1)
    text: str = Field(min_length=1)
    evidence: list[Source] = Field(min_length=1)


class Addon(_Strict):
    """A library to add next to the outcome, or a specialist exit (a tool that may fit better)."""

    id: Identifier = Field(pattern=ID_PATTERN)
    kind: Literal["add-on", "exit"]
    title: str = Field(min_length=1)
    text: str = Field(min_length=1)
    evidence: list[Source] = Field(min_length=1)


class Alternative(_Strict):
    title: str = Field(min_length=1)
    text: str = Field(min_length=1)


class Evidence(_Strict):
    """Where the reasons for an outcome can be checked."""

    tasks: list[str] = []
    """Task ids from `data/tasks.yml`."""
    benchmarks: list[BenchmarkSection] = []
    """Sections of the benchmarks page."""
    matrix: list[str] = []
    """Criterion ids of the comparison matrix (`compare/matrix.md#<id>`)."""
    claims: list[str] = []
    """Claim ids of the claims ledger (`compare/claims.md#<id>`)."""


class Outcome(_Strict):
    """A recommendation the tree can reach."""

    id: Identifier = Field(pattern=ID_PATTERN)
    title: str = Field(min_length=1)
    summary: str = Field(min_length=1)
    recommendation: str = Field(min_length=1)
    alternative: Alternative
    changes: list[str] = Field(min_length=1)
    """What would change this answer."""
    consequences: list[str] = Field(min_length=1)
    snippets: list[str] = Field(min_length=1)
    """Tested starter files under `snippets/` (100 % covered by the snippet tests)."""
    evidence: Evidence
    migrations: list[str] = []
    """Ids of migration paths in `data/migrations.yml` that lead to this outcome from an app you have."""

    @property
    def page(self) -> str:
        """Source path of the outcome's page, relative to `docs/`."""
        return f"decide/outcomes/{self.id}.md"


class Tree(_Strict):
    """The whole of `data/decision_tree.yml`."""

    edition: int = Field(ge=1)
    """Written into every wizard link as `v`; links without one are edition 1."""
    renamed: dict[int, dict[str, str]] = {}
    """Edition -> what it renamed: `old-id: new-id` for a question or an outcome,
    `question=answer: question=answer` (or several joined with `&`) for an answer."""
    start: Identifier
    then: list[Identifier] = []
    """Questions asked, in this order, on every path once its answers reach an outcome."""
    questions: list[Question] = Field(min_length=1)
    caveats: list[Caveat] = []
    addons: list[Addon] = []
    outcomes: list[Outcome] = Field(min_length=1)

    def question(self, node: str) -> Question | None:
        return next((question for question in self.questions if question.id == node), None)

    def outcome(self, node: str) -> Outcome | None:
        return next((outcome for outcome in self.outcomes if outcome.id == node), None)

    def caveat(self, caveat_id: str) -> Caveat:
        return next(caveat for caveat in self.caveats if caveat.id == caveat_id)

    def addon(self, addon_id: str) -> Addon:
        return next(addon for addon in self.addons if addon.id == addon_id)

    @property
    def routing(self) -> list[Question]:
        """The questions that lead to an outcome (all but those under `then`)."""
        return [question for question in self.questions if question.id not in self.then]


class UseCase(_Strict):
    """A named situation, its answers through the tree and the outcome they reach."""

    id: Identifier = Field(pattern=ID_PATTERN)
    title: str = Field(min_length=1)
    situation: str = Field(min_length=1)
    answers: dict[str, str | list[str]] = Field(min_length=1)
    """Question id -> answer id (a list for a multiple-choice question), in the order the wizard asks them."""
    outcome: Identifier
    caveats: list[Identifier] = []
    """The caveats the answers collect, in the order the wizard shows them."""
    addons: list[Identifier] = []
    """The add-ons and specialist exits the answers collect."""


class UseCases(_Strict):
    """The whole of `data/use_cases.yml`."""

    use_cases: list[UseCase] = Field(min_length=1)


class PathError(ValueError):
    """A set of answers that does not describe a path through the tree."""


# --------------------------------------------------------------------------- loading


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
    check_tree(tree, _display(path), outcome_pages)
    return tree


def check_tree(tree: Tree, source: str, outcome_pages: Path = OUTCOME_PAGES) -> None:
    """Raise `DataError` (naming `source` and the field) unless the tree is a sound decision tree."""

    def fail(field: str, message: str) -> DataError:
        return DataError(f"{source}: {field}: {message}")

    seen: set[str] = set()
    for kind, nodes in (("questions", tree.questions), ("outcomes", tree.outcomes)):
        for node in nodes:
            if node.id in seen:
                raise fail(f"{kind}[{node.id}].id", f"id {node.id!r} is used twice")
            seen.add(node.id)
    if tree.question(tree.start) is None:
        raise fail("start", f"{tree.start!r} is not a question id")
    for index, question_id in enumerate(tree.then):
        if tree.question(question_id) is None:
            raise fail(f"then[{index}]", f"{question_id!r} is not a question id")
    if tree.start in tree.then:
        raise fail("start", f"{tree.start!r} is asked after an outcome (it is under `then`)")
    caveat_ids = _unique_ids(tree.caveats, "caveats", fail)
    addon_ids = _unique_ids(tree.addons, "addons", fail)
    for question in tree.questions:
        answer_ids: set[str] = set()
        then = question.id in tree.then
        if question.multiple and not then:
            raise fail(
                f"questions[{question.id}].multiple", "only questions under `then` take several answers"
            )
        if question.multiple and NONE not in {answer.id for answer in question.answers}:
            raise fail(
                f"questions[{question.id}].answers", f"a multiple-choice question needs an answer {NONE!r}"
            )
        for answer in question.answers:
            field = f"questions[{question.id}].answers[{answer.id}]"
            if answer.id in answer_ids:
                raise fail(f"{field}.id", f"answer id {answer.id!r} is used twice in this question")
            answer_ids.add(answer.id)
            if then and answer.next is not None:
                raise fail(
                    f"{field}.next", "questions under `then` lead nowhere: they never change the outcome"
                )
            if not then and answer.next is None:
                raise fail(f"{field}.next", "missing: name the next question or an outcome")
            if answer.next is not None and answer.next not in seen:
                raise fail(f"{field}.next", f"{answer.next!r} is neither a question nor an outcome")
            if answer.next in tree.then:
                raise fail(
                    f"{field}.next", f"{answer.next!r} is asked on every path; lead to an outcome instead"
                )
            for kind, known in (("caveats", caveat_ids), ("addons", addon_ids)):
                for item in getattr(answer, kind):
                    if item not in known:
                        raise fail(f"{field}.{kind}", f"no {item!r} under `{kind}`")
    used = {item for question in tree.questions for answer in question.answers for item in answer.caveats}
    used_addons = {
        item for question in tree.questions for answer in question.answers for item in answer.addons
    }
    for kind, ids, attached in (("caveats", caveat_ids, used), ("addons", addon_ids, used_addons)):
        for item in ids:
            if item not in attached:
                raise fail(f"{kind}[{item}]", "no answer attaches it")
    for question in tree.questions:
        if question.id in LINK_PARAMS:
            raise fail(f"questions[{question.id}].id", f"{question.id!r} is a parameter of wizard links")
    _check_renames(tree, fail)
    _check_acyclic(tree, fail)
    reached = _reachable(tree)
    for kind, nodes in (("questions", tree.questions), ("outcomes", tree.outcomes)):
        for node in nodes:
            if node.id not in reached:
                raise fail(f"{kind}[{node.id}]", "no path from the start question reaches it")
    task_ids = {task.id for task in tasks.catalogue().tasks}
    snippet_files = set(snippets.snippet_files())
    for outcome in tree.outcomes:
        field = f"outcomes[{outcome.id}]"
        page = outcome_pages / f"{outcome.id}.md"
        if not page.is_file():
            raise fail(
                field,
                f"has no page: create {_display(page)} holding <!-- guide:decide-outcome {outcome.id} -->",
            )
        if f"<!-- guide:decide-outcome {outcome.id} -->" not in page.read_text(encoding="utf-8"):
            raise fail(
                field, f"its page {_display(page)} does not hold <!-- guide:decide-outcome {outcome.id} -->"
            )
        for snippet in outcome.snippets:
            if not (ROOT / snippet).is_file():
                raise fail(f"{field}.snippets", f"{snippet} does not exist")
            if snippet not in snippet_files:
                raise fail(f"{field}.snippets", f"{snippet} is not a tested Python file under snippets/")
        for task_id in outcome.evidence.tasks:
            if task_id not in task_ids:
                raise fail(f"{field}.evidence.tasks", f"no task {task_id!r} in data/tasks.yml")
        known_paths = {path.id for path in migrate.migrations().paths}
        for path_id in outcome.migrations:
            if path_id not in known_paths:
                raise fail(f"{field}.migrations", f"no migration path {path_id!r} in data/migrations.yml")
        for kind, known in (("matrix", _criterion_ids()), ("claims", _claim_ids())):
            for item in getattr(outcome.evidence, kind):
                if item not in known:
                    source_file = "data/matrix.yml" if kind == "matrix" else "data/claims.yml"
                    raise fail(f"{field}.evidence.{kind}", f"no {item!r} in {source_file}")


def _unique_ids(items: list[Caveat] | list[Addon], kind: str, fail) -> set[str]:
    seen: set[str] = set()
    for item in items:
        if item.id in seen:
            raise fail(f"{kind}[{item.id}].id", f"id {item.id!r} is used twice")
        seen.add(item.id)
    return seen


def _criterion_ids() -> set[str]:
    from guide import compare

    return {criterion.id for criterion in compare.matrix().criteria}


def _claim_ids() -> set[str]:
    from guide import compare

    return {claim.id for claim in compare.ledger().claims}


def _check_renames(tree: Tree, fail) -> None:
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
                carried = _carry_id(tree, new, edition)
                if not (tree.question(carried) or tree.outcome(carried)):
                    raise fail(field, f"{carried!r} is neither a question nor an outcome")
            elif not re.fullmatch(_PAIR, old):
                raise fail(field, "write an old id, or an old answer as question=answer")
            elif not re.fullmatch(f"{_PAIR}(&{_PAIR})*", new):
                raise fail(field, f"{new!r} is not question=answer (several joined with &)")
            else:
                for question_id, answer_id, _ in _carry(tree, _pairs(new, old), edition):
                    question = tree.question(question_id)
                    if question is None:
                        raise fail(field, f"{question_id!r} is not a question")
                    if answer_id not in {answer.id for answer in question.answers}:
                        raise fail(field, f"{answer_id!r} is not an answer to {question_id!r}")


def _check_acyclic(tree: Tree, fail) -> None:
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


def load_use_cases(tree: Tree, path: Path | str = USE_CASES_FILE) -> list[UseCase]:
    """Load `data/use_cases.yml` and walk each use case through the tree.

    Raises:
        DataError: A field is missing, an id repeats, or a use case's answers do
            not reach the outcome it states.
    """
    cases = data.load(path, UseCases).use_cases
    source = _display(path)
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
        for kind in ("caveats", "addons"):
            computed = collected(steps, kind)
            if getattr(case, kind) != computed:
                raise DataError(
                    f"{source}: {field}.{kind}: states {getattr(case, kind)}, "
                    f"but its answers collect {computed}"
                )
    return cases


def _display(path: Path | str) -> str:
    path = Path(path)
    if not path.is_absolute():
        path = data.DATA_DIR / path
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


@cache
def tree() -> Tree:
    """The validated decision tree (loaded once per process)."""
    return load_tree()


@cache
def use_cases() -> list[UseCase]:
    """The validated use cases (loaded once per process)."""
    return load_use_cases(tree())


# --------------------------------------------------------------------------- walking


Step = tuple[Question, Answer]
"""One answer on a path; a multiple-choice question gives one step per ticked answer."""


def _find(question: Question, answer_id: str) -> Answer | None:
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

    def chosen(question: Question) -> list[Answer]:
        given = remaining.pop(question.id)
        picked = []
        for answer_id in given:
            answer = _find(question, answer_id)
            if answer is None:
                choices = ", ".join(answer.id for answer in question.answers)
                raise PathError(
                    f"{question.id}={answer_id}: {answer_id!r} is not an answer (choices: {choices})"
                )
            picked.append(answer)
        if not picked or (len(picked) > 1 and not question.multiple):
            raise PathError(f"{question.id}: give exactly one answer")
        if len(picked) > 1 and any(answer.id == NONE for answer in picked):
            raise PathError(f"{question.id}: {NONE!r} cannot be ticked with other answers")
        return [answer for answer in question.answers if answer in picked]

    while (question := tree.question(node)) is not None and question.id in remaining:
        answer = chosen(question)[0]
        steps.append((question, answer))
        node = answer.next
    reached = node if tree.outcome(node) else None
    for question_id in tree.then if reached else []:
        question = tree.question(question_id)
        if question_id not in remaining:
            reached = None
            break
        steps.extend((question, answer) for answer in chosen(question))
    for key in remaining:
        if tree.question(key) is None:
            raise PathError(f"{key!r} is not a question")
        raise PathError(f"{key!r} is not asked on the path these answers take")
    return steps, reached


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


def collected(steps: list[Step], kind: Literal["caveats", "addons"]) -> list[str]:
    """The caveat (or add-on) ids a path's answers attach, in path order, each once."""
    found: list[str] = []
    for _, answer in steps:
        found += [item for item in getattr(answer, kind) if item not in found]
    return found


Pair = tuple[str, str, str]
"""A link's (question id, answer id, the parameter as the link wrote it)."""


def _pairs(text: str, source: str) -> list[Pair]:
    return [(*item.split("=", 1), source) for item in text.split("&")]


def _renames(tree: Tree, since: int) -> list[dict[str, str]]:
    return [tree.renamed[edition] for edition in sorted(tree.renamed) if edition > since]


def _rename(mapping: dict[str, str], pair: Pair) -> list[Pair]:
    question, answer, source = pair
    target = mapping.get(f"{question}={answer}")
    return _pairs(target, source) if target else [(mapping.get(question, question), answer, source)]


def _carry(tree: Tree, pairs: list[Pair], since: int) -> list[Pair]:
    """Answers written with the ids of edition `since`, in today's ids."""
    for mapping in _renames(tree, since):
        pairs = [moved for pair in pairs for moved in _rename(mapping, pair)]
    return pairs


def _carry_id(tree: Tree, node: str, since: int) -> str:
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
    answers: dict[str, list[tuple[str, str]]] = {}
    dropped: list[str] = []
    for question_id, answer_id, source in _carry(tree, written, edition):
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
    steps: list[Step] = []
    node = tree.start
    while (question := tree.question(node)) is not None and question.id in answers:
        answer_id, source = answers.pop(question.id)[0]
        answer = _find(question, answer_id)
        if answer is None:
            dropped.append(f"“{source}” was dropped: “{answer_id}” is not an answer to “{question.text}”")
            break
        steps.append((question, answer))
        node = answer.next
    outcome = node if tree.outcome(node) else None
    for question_id in tree.then if outcome else []:
        question = tree.question(question_id)
        valid: list[Answer] = []
        for answer_id, source in answers.pop(question_id, []):
            answer = _find(question, answer_id)
            if answer is None:
                dropped.append(f"“{source}” was dropped: “{answer_id}” is not an answer to “{question.text}”")
            else:
                valid.append(answer)
        if len(valid) > 1 and any(answer.id == NONE for answer in valid):
            dropped.append(
                f"“{question_id}={NONE}” was dropped: other answers to “{question.text}” are ticked with it"
            )
            valid = [answer for answer in valid if answer.id != NONE]
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
    return Link(steps, outcome, _carry_id(tree, recorded, edition) if recorded else None, dropped)


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


def page_link(context: Context, target: str) -> str:
    """A link target from the page being rendered to `target` (a source path relative to `docs/`)."""
    path, _, rest = target.partition("#")
    link = relpath(path, dirname(context.page) or ".")
    return f"{link}#{rest}" if rest else link


def url_link(context: Context, site_path: str) -> str:
    """A link from the built page of `context` to a site-relative URL.

    For raw HTML (the flowchart, the wizard's data), which MkDocs does not rewrite.
    """
    page = context.page.removesuffix(".md")
    page_dir = dirname(page) if page == "index" or page.endswith("/index") else page
    path, hash_mark, anchor = site_path.partition("#")
    link = relpath(path or ".", page_dir or ".")
    if not path or path.endswith("/"):
        link += "/"
    return link + hash_mark + anchor


def outcome_url(outcome: Outcome) -> str:
    """The outcome page's URL relative to the site root."""
    return f"decide/outcomes/{outcome.id}/"


def _outcome(outcome_id: str) -> Outcome:
    found = tree().outcome(outcome_id)
    if found is None:
        raise DirectiveError(f"no outcome {outcome_id!r} in data/{TREE_FILE}")
    return found


# --------------------------------------------------------------------------- evidence


def evidence_links(outcome: Outcome) -> list[tuple[str, str]]:
    """(label, target page relative to `docs/`) for every piece of evidence an outcome names."""
    links = []
    for task_id in outcome.evidence.tasks:
        task = tasks.task(task_id)
        links.append((f"Task: {task.title}", task.url))
    for section in outcome.evidence.benchmarks:
        links.append((f"Benchmarks: {BENCHMARK_TITLES[section]}", f"benchmarks/index.md#{section}"))
    from guide import compare

    for criterion in outcome.evidence.matrix:
        title = compare.criterion(criterion).title
        links.append((f"Comparison matrix: {title}", f"compare/matrix.md#{criterion}"))
    for claim in outcome.evidence.claims:
        entry = compare.claim(claim)
        links.append((f"Claim: “{entry.claim}” ({entry.verdict})", f"compare/claims.md#{claim}"))
    return links


def site_url_of(target: str) -> str:
    """The built URL (relative to the site root) of a `docs/`-relative page target."""
    path, _, anchor = target.partition("#")
    path = path.removesuffix(".md")
    path = path.removesuffix("index") if path.endswith("index") else path + "/"
    return f"{path}#{anchor}" if anchor else path


def snippet_task(path: str) -> tasks.Task | None:
    """The task that shows a snippet file, if any."""
    for task in tasks.catalogue().tasks:
        if task.files and path in task.files.flask + task.files.fastapi + task.files.django:
            return task
    return None


# --------------------------------------------------------------------------- directives: pages


def attached_to(tree: Tree, outcome_id: str, kind: Literal["caveats", "addons"]) -> dict[str, list[Step]]:
    """Caveat (or add-on) id -> the answers that can attach it on a path to the outcome (tree order)."""
    found: dict[str, list[Step]] = {}
    candidates = [step for steps in paths_to(tree, outcome_id) for step in steps]
    candidates += [
        (tree.question(question_id), answer)
        for question_id in tree.then
        for answer in tree.question(question_id).answers
    ]
    for question, answer in candidates:
        for item in getattr(answer, kind):
            if (question, answer) not in found.setdefault(item, []):
                found[item].append((question, answer))
    order = [item.id for item in getattr(tree, kind)]
    return {item: found[item] for item in order if item in found}


def evidence_markdown(context: Context, evidence: list[Source]) -> str:
    """Evidence as Markdown links, separated by semicolons."""
    return "; ".join(item.markdown(context) for item in evidence)


def _attached_section(context: Context, outcome_id: str, kind: Literal["caveats", "addons"]) -> list[str]:
    attached = attached_to(tree(), outcome_id, kind)
    if not attached:
        return []
    if kind == "caveats":
        parts = [
            "## Caveats that can reach this outcome {#caveats}",
            "",
            "A caveat rides along with the answer that raises it; the wizard's result and decision record "
            "show the ones your answers collect.",
            "",
        ]
    else:
        parts = ["## Add-ons and specialist exits {#addons}", ""]
    for item_id, steps in attached.items():
        item = tree().caveat(item_id) if kind == "caveats" else tree().addon(item_id)
        raised = ", ".join(f"“{answer.label}” ({question.short.lower()})" for question, answer in steps)
        label = " (specialist exit)" if kind == "addons" and item.kind == "exit" else ""
        parts += [
            f"- **{item.title}**{label}. {item.text}",
            "",
            f"    Raised by: {raised}. Evidence: {evidence_markdown(context, item.evidence)}.",
            "",
        ]
    return parts


@directive("decide-outcome")
def outcome_page(context: Context, outcome_id: str) -> str:
    """The whole body of an outcome page: recommendation, paths, alternative, changes, snippet, evidence."""
    outcome = _outcome(outcome_id)
    parts = [f"# {outcome.title}", "", f"**{outcome.summary}**", "", outcome.recommendation, ""]
    parts += ["## How you get here {#paths}", ""]
    parts.append(
        "Every path through the [decision tree](" + page_link(context, WIZARD_PAGE) + ") that ends here:"
    )
    parts.append("")
    for number, steps in enumerate(paths_to(tree(), outcome.id), start=1):
        wizard = page_link(context, WIZARD_PAGE) + "?" + permalink(tree(), steps).partition("?")[2]
        parts.append(f"{number}. [Open path {number} in the wizard]({wizard})")
        for question, answer in steps:
            parts.append(f"    - {question.text} **{answer.label}**: {answer.reason}")
    parts += [
        "",
        "Each path then asks "
        + ", ".join(f"“{tree().question(question_id).short.lower()}”" for question_id in tree().then)
        + ": those answers add caveats, not another outcome.",
    ]
    cases = [case for case in use_cases() if case.outcome == outcome.id]
    if cases:
        parts += [
            "",
            "Use cases that end here: "
            + ", ".join(f"[{case.title}]({page_link(context, USE_CASES_PAGE)}#{case.id})" for case in cases)
            + ".",
        ]
    parts += [
        "",
        f"## The credible alternative: {outcome.alternative.title} {{#alternative}}",
        "",
        outcome.alternative.text,
        "",
    ]
    parts += [
        "## What would change this answer {#changes}",
        "",
        *(f"- {change}" for change in outcome.changes),
        "",
    ]
    parts += _attached_section(context, outcome.id, "caveats")
    parts += _attached_section(context, outcome.id, "addons")
    if outcome.migrations:
        parts += ["## How to get there from the app you have {#migration}", ""]
        parts += [
            f"- [{path.title}]({page_link(context, path.page)}): {len(path.steps) - 1} tested steps"
            for path in map(migrate.path, outcome.migrations)
        ]
        parts.append("")
    parts += ["## Consequences {#consequences}", "", *(f"- {item}" for item in outcome.consequences), ""]
    parts += ["## Starter snippet {#starter}", ""]
    for snippet in outcome.snippets:
        task = snippet_task(snippet)
        tested = (
            f"Tested in the test suite as part of the task [{task.title}]({page_link(context, task.url)})."
            if task
            else "Tested in the test suite, like every file under `snippets/` (coverage must stay at 100 %)."
        )
        parts += [f'```python title="{snippet}"', f'--8<-- "{snippet}"', "```", "", tested, ""]
    parts += ["## Evidence {#evidence}", ""]
    parts += [f"- [{label}]({page_link(context, target)})" for label, target in evidence_links(outcome)]
    parts += [
        "",
        "## Your decision record {#record}",
        "",
        "The [wizard](" + page_link(context, WIZARD_PAGE) + "#wizard) builds a Markdown decision record "
        "from your answers, ready to paste into a design review.",
    ]
    return "\n".join(parts)


@directive("decide-use-cases")
def use_cases_sections(context: Context) -> str:
    """A section per use case: situation, answers with reasons, outcome and the wizard link."""
    wizard = page_link(context, WIZARD_PAGE)
    parts = [
        table(
            ["Use case", "Outcome", "Caveats"],
            [
                [
                    f"[{case.title}](#{case.id})",
                    f"[{_outcome(case.outcome).title}]({page_link(context, _outcome(case.outcome).page)})",
                    str(len(case.caveats)),
                ]
                for case in use_cases()
            ],
        ),
        "",
    ]
    for case in use_cases():
        steps, _ = walk(tree(), case.answers)
        outcome = _outcome(case.outcome)
        parts += [f"## {case.title} {{#{case.id}}}", "", case.situation, ""]
        parts.append(
            table(
                ["Question", "Answer", "Why"],
                [
                    [q.text, "; ".join(a.label for a in chosen), " ".join(a.reason for a in chosen)]
                    for q, chosen in grouped(steps)
                ],
            )
        )
        parts += [
            "",
            f"**Outcome: [{outcome.title}]({page_link(context, outcome.page)})**. {outcome.summary}",
            "",
        ]
        for kind, heading in (("addons", "Add-ons and exits"), ("caveats", "Caveats")):
            items = [tree().addon(i) if kind == "addons" else tree().caveat(i) for i in getattr(case, kind)]
            if items:
                parts.append(
                    f"{heading}: "
                    + "; ".join(
                        f"[{item.title}]({page_link(context, outcome.page)}#{kind})" for item in items
                    )
                    + "."
                )
                parts.append("")
        if not case.caveats:
            parts += ["Caveats: none.", ""]
        parts += [
            f"[Open “{case.title}” in the wizard]({wizard}?{permalink(tree(), steps).partition('?')[2]})",
            "",
        ]
    return "\n".join(parts)


@directive("decide-outcome-list")
def outcome_list(context: Context) -> str:
    """A list of every outcome with its one-line summary."""
    return "\n".join(
        f"- [{outcome.title}]({page_link(context, outcome.page)}): {outcome.summary}"
        for outcome in tree().outcomes
    )


@directive("decide-tree-text")
def tree_text(context: Context) -> str:
    """The whole tree as a nested list: the accessible text version of the flowchart."""
    lines: list[str] = []

    def node_lines(node: str, depth: int) -> None:
        indent = "    " * depth
        question = tree().question(node)
        if question is None:
            outcome = _outcome(node)
            lines.append(f"{indent}Outcome: [{outcome.title}]({page_link(context, outcome.page)})")
            return
        lines.append(f"{indent}**{question.text}**")
        lines.append("")
        for answer in question.answers:
            lines.append(f"{indent}- *{answer.label}*: {answer.reason}{_riders(context, answer)}")
            lines.append("")
            if answer.next is not None:
                node_lines(answer.next, depth + 1)
                lines.append("")

    node_lines(tree().start, 0)
    lines += [
        "Then, on every path, before the result (these answers add caveats, never another outcome):",
        "",
    ]
    for number, question_id in enumerate(tree().then, start=1):
        question = tree().question(question_id)
        kind = "tick all that apply" if question.multiple else "one answer"
        lines += [f"{number}. **{question.text}** ({kind})", ""]
        for answer in question.answers:
            lines += [f"    - *{answer.label}*: {answer.reason}{_riders(context, answer)}", ""]
    return "\n".join(lines)


def _riders(context: Context, answer: Answer) -> str:
    """What an answer attaches, for the text version: ' Caveat: ... Add-on: ...'."""
    text = ""
    for item in map(tree().addon, answer.addons):
        text += f" {'Specialist exit' if item.kind == 'exit' else 'Add-on'}: {item.title}."
    for item in map(tree().caveat, answer.caveats):
        text += f" Caveat: {item.title}."
    return text


# --------------------------------------------------------------------------- directive: wizard


def wizard_data(context: Context) -> dict:
    """What the wizard script needs: the tree, outcome pages and evidence links relative to the page."""
    current = tree()

    def sources(evidence: list[Source]) -> list[dict]:
        return [
            {"title": item.title, "url": url_link(context, source_url(item.page))}
            if item.page
            else {"title": item.title, "url": str(item.url), "retrieved": item.retrieved.isoformat()}
            for item in evidence
        ]

    return {
        "start": current.start,
        "then": current.then,
        "none": NONE,
        "ownContext": OWN_CONTEXT,
        "edition": current.edition,
        "renamed": current.renamed,
        "siteRoot": url_link(context, ""),
        "questions": [
            {
                "id": question.id,
                "short": question.short,
                "text": question.text,
                "multiple": question.multiple,
                "answers": [answer.model_dump(exclude_defaults=True) for answer in question.answers],
            }
            for question in current.questions
        ],
        "caveats": [
            {"id": item.id, "title": item.title, "text": item.text, "evidence": sources(item.evidence)}
            for item in current.caveats
        ],
        "addons": [
            {
                "id": item.id,
                "kind": item.kind,
                "title": item.title,
                "text": item.text,
                "evidence": sources(item.evidence),
            }
            for item in current.addons
        ],
        "outcomes": [
            {
                "id": outcome.id,
                "title": outcome.title,
                "summary": outcome.summary,
                "recommendation": outcome.recommendation,
                "changes": outcome.changes,
                "url": url_link(context, outcome_url(outcome)),
                "alternative": outcome.alternative.model_dump(),
                "consequences": outcome.consequences,
                "migrations": [
                    {"title": path.title, "url": url_link(context, migrate.page_url(path.page))}
                    for path in map(migrate.path, outcome.migrations)
                ],
                "evidence": [
                    {"label": label, "url": url_link(context, site_url_of(target))}
                    for label, target in evidence_links(outcome)
                ],
            }
            for outcome in current.outcomes
        ],
    }


@directive("decide-wizard")
def wizard(context: Context) -> str:
    """The wizard's mount point with the tree as JSON in an attribute; `wizard.js` does the rest.

    An attribute rather than a `<script type="application/json">`: Material's
    instant navigation re-creates the scripts of a new page without their
    `type`, which would run the JSON as JavaScript.
    """
    payload = json.dumps(wizard_data(context), ensure_ascii=False, separators=(",", ":"))
    return (
        f'<div class="decide-wizard" data-decide-wizard data-tree="{escape(payload, quote=True)}">'
        '<p class="decide-wizard__fallback">The wizard needs JavaScript. Without it, follow the '
        '<a href="#flowchart">flowchart</a> or its <a href="#text-version">text version</a> below.</p>'
        "</div>"
    )


# --------------------------------------------------------------------------- directive: flowchart

WIDTH = 360
MARGIN = 6
INDENT = 22
ANSWER_FONT = 12
BOX_FONT = 13
PAD = 7
XHTML = "http://www.w3.org/1999/xhtml"
"""Outcome links are HTML links in `<foreignObject>`: Material's scripts expect `a.href` to be a string."""
CHAR_WIDTH = 0.56
"""Average glyph width as a fraction of the font size (system sans-serif), for wrapping."""


def wrap(text: str, width: float, font_size: int) -> list[str]:
    """Split text into lines that fit `width` pixels at `font_size`."""
    limit = max(8, int(width / (font_size * CHAR_WIDTH)))
    lines: list[str] = []
    current = ""
    for word in text.split():
        if current and len(current) + 1 + len(word) > limit:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    return [*lines, current] if current else lines


def flowchart_svg(context: Context) -> str:
    """The tree drawn as an indented flowchart: one row per node, outcomes link to their pages."""
    current = tree()
    body: list[str] = []
    y = MARGIN

    def text_block(lines: list[str], x: float, top: float, size: int, css: str) -> str:
        spans = "".join(
            f'<tspan x="{x:g}" y="{top + size * (index + 1) + 2 * index:g}">{escape(line)}</tspan>'
            for index, line in enumerate(lines)
        )
        return f'<text class="{css}" font-size="{size}">{spans}</text>'

    def draw(node: str, depth: int, answer: Answer | None, parent_anchor: float | None) -> None:
        nonlocal y
        x = MARGIN + depth * INDENT
        inner = WIDTH - MARGIN - x
        if answer is not None:
            riders = [f"add-on: {current.addon(item).title}" for item in answer.addons]
            riders += [f"caveat: {current.caveat(item).title}" for item in answer.caveats]
            lines = wrap(answer.label + "".join(f" ({rider})" for rider in riders), inner, ANSWER_FONT)
            body.append(text_block(lines, x, y, ANSWER_FONT, "decide-flowchart__answer"))
            y += len(lines) * (ANSWER_FONT + 2) + 4
        question = current.question(node)
        label = question.text if question else _outcome(node).title
        lines = wrap(label, inner - 2 * PAD, BOX_FONT)
        height = len(lines) * (BOX_FONT + 2) + 2 * PAD
        if parent_anchor is not None:
            middle = y + height / 2
            body.append(
                f'<path class="decide-flowchart__edge" d="M{x - INDENT + 10:g} {parent_anchor:g}'
                f'V{middle:g}H{x - 1:g}" marker-end="url(#decide-arrow)"/>'
            )
        rect = (
            f'<rect x="{x:g}" y="{y:g}" width="{inner:g}" height="{height:g}" '
            f'rx="{8 if question else height / 2:g}"/>'
        )
        if question:
            label_svg = text_block(lines, x + PAD, y + PAD - 2, BOX_FONT, "decide-flowchart__label")
            body.append(f'<g class="decide-flowchart__question" data-node="{node}">{rect}{label_svg}</g>')
        else:
            outcome = _outcome(node)
            body.append(
                f'<g class="decide-flowchart__outcome" data-node="{node}">{rect}'
                f'<foreignObject x="{x:g}" y="{y:g}" width="{inner:g}" height="{height:g}">'
                f'<a xmlns="{XHTML}" class="decide-flowchart__link" data-node="{node}" '
                f'href="{escape(url_link(context, outcome_url(outcome)))}">'
                + "<br/>".join(escape(line) for line in lines)
                + "</a></foreignObject></g>"
            )
        anchor = y + height
        y += height + 10
        for child in question.answers if question else []:
            draw(child.next, depth + 1, child, anchor)

    draw(current.start, 0, None, None)
    y += 6
    lines = wrap(
        "Then, on every path: these answers add caveats, never another outcome", WIDTH - 2 * MARGIN, BOX_FONT
    )
    body.append(text_block(lines, MARGIN, y, BOX_FONT, "decide-flowchart__label"))
    y += len(lines) * (BOX_FONT + 2) + 8
    for question_id in current.then:
        question = current.question(question_id)
        inner = WIDTH - 2 * MARGIN
        suffix = " (tick all that apply)" if question.multiple else ""
        lines = wrap(question.text.replace(" Tick all that apply.", "") + suffix, inner - 2 * PAD, BOX_FONT)
        height = len(lines) * (BOX_FONT + 2) + 2 * PAD
        rect = f'<rect x="{MARGIN:g}" y="{y:g}" width="{inner:g}" height="{height:g}" rx="8"/>'
        label_svg = text_block(lines, MARGIN + PAD, y + PAD - 2, BOX_FONT, "decide-flowchart__label")
        body.append(f'<g class="decide-flowchart__question" data-node="{question.id}">{rect}{label_svg}</g>')
        y += height + 4
        for answer in question.answers:
            riders = [current.caveat(item).title for item in answer.caveats]
            text = answer.label + (f" (caveat: {riders[0]})" if riders else "")
            lines = wrap(text, inner - INDENT, ANSWER_FONT)
            body.append(text_block(lines, MARGIN + INDENT, y, ANSWER_FONT, "decide-flowchart__answer"))
            y += len(lines) * (ANSWER_FONT + 2) + 4
        y += 8
    height = y + MARGIN
    return (
        f'<svg class="decide-flowchart" viewBox="0 0 {WIDTH} {height:g}" width="{WIDTH}" height="{height:g}" '
        'role="group" aria-labelledby="decide-flowchart-title" xmlns="http://www.w3.org/2000/svg">'
        '<title id="decide-flowchart-title">Decision flowchart: questions, answers and the outcome each '
        "path reaches</title>"
        '<defs><marker id="decide-arrow" viewBox="0 0 8 8" refX="7" refY="4" '
        'markerWidth="7" markerHeight="7" '
        'orient="auto"><path d="M0 0L8 4L0 8z" class="decide-flowchart__arrow"/></marker></defs>'
        + "".join(body)
        + "</svg>"
    )


@directive("decide-flowchart")
def flowchart(context: Context) -> str:
    """The flowchart SVG followed by its text version (a nested list of the same tree)."""
    return "\n".join(
        [
            '<div class="decide-tree" markdown>',
            "",
            '<figure class="decide-tree__diagram">' + flowchart_svg(context) + "</figure>",
            "",
            '<div class="decide-tree__text" markdown>',
            "",
            "### Text version {#text-version}",
            "",
            tree_text(context),
            "",
            "</div>",
            "",
            "</div>",
        ]
    )


# --------------------------------------------------------------------------- published data


@published("decision-tree.json")
def decision_tree_data() -> dict:
    """The decision tree: questions with answers, reasons and targets, the outcomes with their pages,
    and the edition with the ids each edition renamed (to read older wizard links)."""
    current = tree()
    return {
        "edition": current.edition,
        "renamed": current.renamed,
        "start": current.start,
        "then": current.then,
        "questions": [question.model_dump() for question in current.questions],
        "caveats": [
            {
                "id": item.id,
                "title": item.title,
                "text": item.text,
                "evidence": [source.published() for source in item.evidence],
            }
            for item in current.caveats
        ],
        "addons": [
            {
                "id": item.id,
                "kind": item.kind,
                "title": item.title,
                "text": item.text,
                "evidence": [source.published() for source in item.evidence],
            }
            for item in current.addons
        ],
        "outcomes": [
            {
                "id": outcome.id,
                "title": outcome.title,
                "summary": outcome.summary,
                "page": outcome_url(outcome),
                "migrations": outcome.migrations,
            }
            for outcome in current.outcomes
        ],
    }


@published("use-cases.json")
def use_cases_data() -> list[dict]:
    """Every use case: answers, outcome, caveats, add-ons and the site-relative wizard URL reproducing it."""
    return [
        {
            "id": case.id,
            "title": case.title,
            "answers": case.answers,
            "outcome": case.outcome,
            "caveats": case.caveats,
            "addons": case.addons,
            "permalink": permalink(tree(), walk(tree(), case.answers)[0]),
        }
        for case in use_cases()
    ]


# --------------------------------------------------------------------------- decision record

OWN_CONTEXT = (
    "<!-- Our own context: add what the guide did not ask (deadlines, budget, the people "
    "who will build and run it, systems this must fit with). -->"
)
"""The marked place in a decision record for the team's own context (the wizard writes the same)."""


def alternatives(tree: Tree, steps: list[Step]) -> list[tuple[str, str]]:
    """The credible alternatives for a path: the outcome's own, then the outcomes one other answer to
    the path's last routing question (when it offers at most three) would reach."""
    outcome = tree.outcome(routed(tree, steps))
    found = [(outcome.alternative.title, outcome.alternative.text)]
    routing = [(question, answer) for question, answer in steps if question.id not in tree.then]
    question, chosen = routing[-1]
    if len(question.answers) <= 3:
        for answer in question.answers:
            other = tree.outcome(answer.next) if answer is not chosen else None
            if other and other.id != outcome.id and other.title not in {title for title, _ in found}:
                found.append(
                    (
                        other.title,
                        f"{other.summary} Where the answer to “{question.text}” is “{answer.label}”.",
                    )
                )
    return found


def decision_record(tree: Tree, steps: list[Step], base: str, date: str) -> str:
    """The Markdown decision record for a complete path, as the wizard builds it.

    Args:
        steps: A path that reaches an outcome.
        base: The site's absolute root URL, ending in `/`.
        date: The date the record is made, `YYYY-MM-DD`.
    """
    outcome = tree.outcome(reached(tree, steps))
    link = base + permalink(tree, steps)

    def evidence(items: list[Source]) -> str:
        return "; ".join(
            f"[{item.title}]({base}{source_url(item.page)})"
            if item.page
            else f"[{item.title}]({item.url}) (retrieved {item.retrieved.isoformat()})"
            for item in items
        )

    lines = [
        f"# Decision record: {outcome.title}",
        "",
        "- Status: proposed",
        f"- Date: {date}",
        f"- Answers in the decision guide: {link}",
        "",
        "## Context",
        "",
        "We answered the questions of the Flask, FastAPI or Django decision guide as follows:",
        "",
    ]
    for number, (question, chosen) in enumerate(grouped(steps), start=1):
        labels = "; ".join(answer.label for answer in chosen)
        reasons = " ".join(answer.reason for answer in chosen)
        lines.append(f"{number}. {question.text} **{labels}**. {reasons}")
    lines += ["", "### Our own context", "", OWN_CONTEXT, "", "## Decision", "", outcome.summary, ""]
    lines += [outcome.recommendation, "", f"The reasoning in full: {base}{outcome_url(outcome)}", ""]
    addons = [tree.addon(item) for item in collected(steps, "addons")]
    if addons:
        lines += ["### Add-ons and specialist exits", ""]
        for item in addons:
            kind = "specialist exit" if item.kind == "exit" else "add-on"
            lines.append(f"- **{item.title}** ({kind}). {item.text} Evidence: {evidence(item.evidence)}.")
        lines.append("")
    lines += ["## Caveats", ""]
    caveats = [tree.caveat(item) for item in collected(steps, "caveats")]
    for item in caveats:
        lines.append(f"- **{item.title}.** {item.text} Evidence: {evidence(item.evidence)}.")
    if not caveats:
        lines.append("- None of our answers raised a caveat.")
    lines += ["", "## Alternatives considered", ""]
    lines += [f"- {title}: {text}" for title, text in alternatives(tree, steps)]
    lines += ["", "## What would change this answer", "", *(f"- {item}" for item in outcome.changes)]
    lines += ["", "## Consequences", "", *(f"- {item}" for item in outcome.consequences)]
    if outcome.migrations:
        lines += ["", "## How to get there", ""]
        for path in map(migrate.path, outcome.migrations):
            lines.append(f"- [{path.title}]({base}{migrate.page_url(path.page)})")
    lines += ["", "## Evidence", ""]
    lines += [f"- [{label}]({base}{site_url_of(target)})" for label, target in evidence_links(outcome)]
    lines += [f"- [These answers in the decision guide]({link})", ""]
    return "\n".join(lines)
