"""The shape of `data/decision_tree.yml` and `data/use_cases.yml`, and where the Decide pages live.

The models check each field on its own; `guide.decide.graph` checks the tree
as a whole and `guide.decide.load` loads both files.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from guide.compare import Evidence as Source
from guide.data import SLUG
from guide.pages import DOCS_DIR

TREE_FILE = "decision_tree.yml"
USE_CASES_FILE = "use_cases.yml"
OUTCOME_PAGES = DOCS_DIR / "decide" / "outcomes"
"""Folder of the outcome pages: one `<outcome id>.md` per outcome."""
WIZARD_PAGE = "decide/index.md"
USE_CASES_PAGE = "decide/use-cases.md"
Identifier = str
"""The id of a question, an answer, an outcome, a caveat or an add-on, where one is referred to."""
EDITION_PARAM = "v"
OUTCOME_PARAM = "outcome"
LINK_PARAMS = {EDITION_PARAM, OUTCOME_PARAM, "h"}
"""Link parameters that are not answers (`h` is the theme's search highlighting), so no question id."""
NONE = "none"
"""The answer of a multiple-choice question that means none of its other answers."""

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


Id = Annotated[Identifier, Field(pattern=SLUG)]
"""An id where it is given: lower-case words joined by single hyphens (`guide.data.SLUG`)."""
Text = Annotated[str, Field(min_length=1)]
"""Words that must not be empty."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Answer(_Strict):
    """One answer to a question, and where it leads."""

    id: Id
    label: Text
    reason: Text
    """One line: why this answer leads where it does."""
    next: Identifier | None = None
    """Id of the next question or of an outcome; none on the questions under `then`."""
    caveats: list[Identifier] = []
    """Ids of caveats this answer attaches to whatever outcome the path reaches."""
    addons: list[Identifier] = []
    """Ids of add-ons or specialist exits this answer attaches."""


class Question(_Strict):
    """A question of the tree."""

    id: Id
    short: Text
    """A few words naming the question (decision record, summaries)."""
    text: Text
    multiple: bool = False
    """Several answers at once (only under `then`); the answer `none` means none of the others."""
    answers: list[Answer] = Field(min_length=2)


class Rider(_Strict):
    """Something an answer attaches to the path it is on: a caveat or an add-on."""

    id: Id
    title: Text
    text: Text
    evidence: list[Source] = Field(min_length=1)


class Caveat(Rider):
    """A warning an answer attaches: what to watch, why, and where to check it."""


class Addon(Rider):
    """A library to add next to the outcome, or a specialist exit (a tool that may fit better)."""

    kind: Literal["add-on", "exit"]

    @property
    def kind_label(self) -> str:
        """`specialist exit` or `add-on`."""
        return "specialist exit" if self.kind == "exit" else "add-on"


class Alternative(_Strict):
    title: Text
    text: Text


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

    id: Id
    title: Text
    summary: Text
    recommendation: Text
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

    @property
    def url(self) -> str:
        """The outcome page's URL relative to the site root."""
        return f"decide/outcomes/{self.id}/"


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
        """The question with this id, or `None`."""
        return next((question for question in self.questions if question.id == node), None)

    def outcome(self, node: str) -> Outcome | None:
        """The outcome with this id, or `None`."""
        return next((outcome for outcome in self.outcomes if outcome.id == node), None)

    def caveat(self, caveat_id: str) -> Caveat:
        """The caveat with this id."""
        return next(caveat for caveat in self.caveats if caveat.id == caveat_id)

    def addon(self, addon_id: str) -> Addon:
        """The add-on or specialist exit with this id."""
        return next(addon for addon in self.addons if addon.id == addon_id)

    @property
    def routing(self) -> list[Question]:
        """The questions that lead to an outcome (all but those under `then`)."""
        return [question for question in self.questions if question.id not in self.then]

    @property
    def then_questions(self) -> list[Question]:
        """The questions under `then`, in the order they are asked."""
        return [self.question(question_id) for question_id in self.then]


class UseCase(_Strict):
    """A named situation, its answers through the tree and the outcome they reach."""

    id: Id
    title: Text
    situation: Text
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
