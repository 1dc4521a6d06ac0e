"""`decision-tree.json` (the wizard's questions and outcomes) and `use-cases.json` (worked examples)."""

from __future__ import annotations

from typing import Literal

from pydantic import ConfigDict, RootModel

from guide.schemas.base import Published, Source


class Answer(Published):
    """One answer to a question, and where it leads."""

    id: str
    """Identifier, unique within its question (`new`); wizard links carry it as `question=answer`."""
    label: str
    """The answer as the wizard offers it."""
    reason: str
    """One sentence: why this answer leads where it does."""
    next: str | None
    """The id of the next question or of an outcome; null for the answers of the questions
    asked after the outcome (see `then`), which lead nowhere else."""
    caveats: list[str]
    """Ids of the caveats this answer adds to whatever outcome the path reaches."""
    addons: list[str]
    """Ids of the add-ons and specialist exits this answer adds."""


class Question(Published):
    """One question of the tree."""

    id: str
    """Identifier, unique among questions and outcomes (`start`)."""
    short: str
    """A few words naming the question (`Starting point`), for summaries."""
    text: str
    """The question as the wizard asks it."""
    multiple: bool
    """True when several answers may be chosen at once (only questions under `then`); the answer
    `none` then means none of the others."""
    answers: list[Answer]
    """The answers, in the order the wizard offers them; at least two."""


class Caveat(Published):
    """A warning some answers attach to the outcome: what to watch, and why."""

    id: str
    """Identifier (`cpu-bound`), as the answers' `caveats` name it."""
    title: str
    """The warning in a few words."""
    text: str
    """What to watch and why, in a few sentences."""
    evidence: list[Source]
    """Where to check it; at least one."""


class Addon(Published):
    """A library to add next to the outcome, or a specialist exit: a tool that may fit better."""

    id: str
    """Identifier (`strawberry`), as the answers' `addons` name it."""
    kind: Literal["add-on", "exit"]
    """`add-on` for a library to add, `exit` for a tool to consider instead."""
    title: str
    """What to add or consider, in a few words."""
    text: str
    """Why, in a few sentences."""
    evidence: list[Source]
    """Where to check it; at least one."""


class Outcome(Published):
    """A recommendation the tree can reach."""

    id: str
    """Identifier (`django-ninja`), as the answers' `next` name it."""
    title: str
    """The recommendation in a few words (`Django with Django Ninja`)."""
    summary: str
    """The recommendation in one sentence."""
    page: str
    """Its page, relative to the site root (`decide/outcomes/django-ninja/`)."""
    migrations: list[str]
    """Ids of the migration paths (`migrations.json`) that lead to this outcome from an app you
    already have; often empty."""


class DecisionTreeFile(Published):
    """`decision-tree.json`: one JSON object holding the whole tree the wizard walks.

    A path starts at the question `start` and follows each answer's `next` until it reaches an
    outcome; then the questions listed in `then` are asked in order, and their answers only add
    caveats and add-ons.
    """

    edition: int
    """The tree's edition, a whole number from 1 that grows when ids are renamed; wizard links
    carry it as `v`."""
    renamed: dict[str, dict[str, str]]
    """What each edition renamed, keyed by the edition number written as a string: old to new
    for a question or an outcome id, or `question=answer` to the answers that replace it (several
    joined with `&`). Use it to read a link made with an older edition."""
    start: str
    """The id of the first question."""
    then: list[str]
    """The ids of the questions asked, in this order, once a path has reached an outcome."""
    questions: list[Question]
    """Every question, routing questions and those under `then` alike."""
    caveats: list[Caveat]
    """Every warning an answer can attach."""
    addons: list[Addon]
    """Every add-on and specialist exit an answer can attach."""
    outcomes: list[Outcome]
    """Every recommendation the tree can reach."""


class UseCase(Published):
    """A named situation, walked through the tree: its answers and the outcome they reach."""

    id: str
    """Identifier in lower case with hyphens (`ml-model-serving`); also its anchor on the use-cases page."""
    title: str
    """The situation in a few words (`Serving a machine-learning model`)."""
    answers: dict[str, str | list[str]]
    """The answer given to each question on the path, in the order the wizard asks them: question
    id to answer id, or to a list of answer ids for a question that takes several."""
    outcome: str
    """The id of the outcome the answers reach (see `decision-tree.json`)."""
    caveats: list[str]
    """Ids of the caveats the answers collect, in the order the wizard shows them."""
    addons: list[str]
    """Ids of the add-ons and specialist exits the answers collect."""
    permalink: str
    """The wizard address that replays these answers, relative to the site root
    (`decide/?v=2&start=new&...&outcome=fastapi`)."""


class UseCasesFile(RootModel[list[UseCase]]):
    """`use-cases.json`: a JSON array with one entry per use case, in the order of the use-cases page."""

    model_config = ConfigDict(use_attribute_docstrings=True, strict=True)

    root: list[UseCase]
    """The use cases: the whole file is this array (`root` is Pydantic's name for it,
    not a key)."""
