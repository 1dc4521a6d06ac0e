"""The comparison matrix and the claims ledger.

Two data files are the single sources of truth (the popularity figures are in
`guide.popularity`):

- `data/matrix.yml`: one entry per criterion, a verdict and evidence per framework;
- `data/claims.yml`: claims from the public debate, each with a verdict, an
  explanation, evidence and (where we could test it) the test files that back it;

Evidence is either internal (`page: tasks/basics.md#hello`, a page and anchor
of this site, rendered as a relative Markdown link so `mkdocs build --strict`
checks it) or external (`url`, `title` and a `retrieved` date).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from functools import cache
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, field_validator, model_validator

from guide import ROOT, contract, data, snippets, versions
from guide.data import SLUG, Slug, unique_ids
from guide.frameworks import FRAMEWORKS, LABELS
from guide.pages import PageTarget, site_url
from guide.publish import published
from guide.render import Context, DirectiveError, by_id, directive, table

VERDICTS = ("true", "false", "partly true", "misleading", "unverified")
MATRIX_FILE = "matrix.yml"
CLAIMS_FILE = "claims.yml"
MATRIX_PAGE = "compare/matrix.md"
CLAIMS_PAGE = "compare/claims.md"
INTERNAL = r"^[a-z0-9_/-]+\.md#" + SLUG.removeprefix("^")


class Evidence(BaseModel):
    """One piece of evidence: a page and anchor of this site, or a dated external source."""

    model_config = ConfigDict(extra="forbid")
    title: str = Field(min_length=3)
    page: PageTarget | None = Field(default=None, pattern=INTERNAL)
    url: HttpUrl | None = None
    retrieved: date | None = None

    @model_validator(mode="after")
    def one_kind(self) -> Evidence:
        if (self.page is None) == (self.url is None):
            raise ValueError("give exactly one of 'page' (this site) or 'url' (external source)")
        if self.url is not None and self.retrieved is None:
            raise ValueError("an external source needs its 'retrieved' date")
        if self.page is not None and self.retrieved is not None:
            raise ValueError("'retrieved' belongs to external sources only")
        if self.retrieved is not None and self.retrieved > _latest_plausible_date():
            raise ValueError(f"'retrieved' date {self.retrieved} is in the future")
        return self

    @property
    def internal(self) -> bool:
        return self.page is not None

    def markdown(self, context: Context) -> str:
        """A Markdown link to the evidence, relative to the page being rendered."""
        if self.page is not None:
            return f"[{self.title}]({context.link(self.page)})"
        return f"[{self.title}]({self.url}) (retrieved {self.retrieved.isoformat()})"

    def published(self) -> dict:
        """The evidence as the published JSON shows it."""
        if self.page is not None:
            return {"kind": "internal", "title": self.title, "href": site_url(self.page)}
        return {
            "kind": "external",
            "title": self.title,
            "href": str(self.url),
            "retrieved": self.retrieved.isoformat(),
        }


class Cell(BaseModel):
    """One framework's verdict on one criterion.

    A verdict that depends on the version gives `lts`, the verdict on the LTS stack;
    the page then names the locked version each verdict was checked on.
    """

    model_config = ConfigDict(extra="forbid")
    verdict: str = Field(default="", max_length=160)
    lts: str | None = Field(default=None, min_length=3, max_length=160)
    computed: Literal["contract"] | None = None
    """Where a verdict is a measurement of ours, the results it is computed from instead of typed:
    `contract`, the OpenAPI contract tests (`guide.contract`)."""
    evidence: Annotated[list[Evidence], Field(min_length=1)]

    @model_validator(mode="after")
    def typed_or_computed(self) -> Cell:
        if (len(self.verdict) >= 3) == (self.computed is not None):
            raise ValueError("give a 'verdict' (3 to 160 characters) or 'computed', not both")
        return self

    def shown(self, framework: str) -> str:
        """The verdict itself: typed in the data file, or computed from our results."""
        if self.computed == "contract":
            return contract.verdict(framework)
        return self.verdict

    def text(self, framework: str) -> str:
        """The verdict as a page shows it: with the versions it holds for when it depends on them."""
        if self.lts is None:
            return self.shown(framework)
        current, lts = versions.STACKS
        label = LABELS[framework]
        return (
            f"{label} {versions.version(framework, stack_name=current.name)}: {self.verdict}<br>"
            f"{label} {versions.version(framework, stack_name=lts.name)} {lts.title}: {self.lts}"
        )


class Criterion(BaseModel):
    """One row of the comparison matrix."""

    model_config = ConfigDict(extra="forbid")
    id: Slug
    title: str
    question: str
    flask: Cell
    fastapi: Cell
    django: Cell

    def cell(self, framework: str) -> Cell:
        if framework not in FRAMEWORKS:
            raise DirectiveError(f"unknown framework {framework!r}; known: {', '.join(FRAMEWORKS)}")
        return getattr(self, framework)


class Matrix(BaseModel):
    """The whole of `data/matrix.yml`."""

    model_config = ConfigDict(extra="forbid")
    criteria: Annotated[list[Criterion], unique_ids()] = Field(min_length=20)


class TestFile(BaseModel):
    """A test of ours that backs a claim; the ledger shows its code."""

    model_config = ConfigDict(extra="forbid")
    file: str = Field(pattern=r"^tests/[a-z0-9_/]+\.py$")
    shows: str = Field(min_length=10)

    @field_validator("file")
    @classmethod
    def file_exists(cls, file: str) -> str:
        if not (ROOT / file).is_file():
            raise ValueError(f"test file {file} does not exist")
        return file


class Claim(BaseModel):
    """One claim of the ledger."""

    model_config = ConfigDict(extra="forbid")
    id: Slug
    claim: str
    heard: str
    verdict: Literal["true", "false", "partly true", "misleading", "unverified"]
    explanation: str
    evidence: Annotated[list[Evidence], Field(min_length=1)]
    tests: list[TestFile] = []

    @property
    def test_anchor(self) -> str:
        return f"{self.id}-test"

    def all_evidence(self) -> list[Evidence]:
        """The listed evidence plus, when the claim is tested, the test shown on the ledger."""
        shown = [
            Evidence(title="Our test (code shown on the ledger)", page=f"{CLAIMS_PAGE}#{self.test_anchor}")
        ]
        return self.evidence + (shown if self.tests else [])


class Ledger(BaseModel):
    """The whole of `data/claims.yml`."""

    model_config = ConfigDict(extra="forbid")
    claims: Annotated[list[Claim], unique_ids()] = Field(min_length=15)


def _latest_plausible_date() -> date:
    """Today in UTC plus one day, so a date written anywhere on Earth today is accepted."""
    return datetime.now(UTC).date() + timedelta(days=1)


@cache
def matrix() -> Matrix:
    """Load and validate `data/matrix.yml` (once per process)."""
    return data.load(MATRIX_FILE, Matrix)


@cache
def ledger() -> Ledger:
    """Load and validate `data/claims.yml` (once per process)."""
    return data.load(CLAIMS_FILE, Ledger)


def criterion(criterion_id: str) -> Criterion:
    """Look up one criterion by id; raise `DirectiveError` naming the file when it does not exist."""
    return by_id(matrix().criteria, criterion_id, "criterion", MATRIX_FILE)


def claim(claim_id: str) -> Claim:
    """Look up one claim by id; raise `DirectiveError` naming the file when it does not exist."""
    return by_id(ledger().claims, claim_id, "claim", CLAIMS_FILE)


def _evidence(context: Context, evidence: list[Evidence]) -> str:
    return "; ".join(item.markdown(context) for item in evidence)


def _frameworks(names: tuple[str, ...]) -> tuple[str, ...]:
    for name in names:
        if name not in FRAMEWORKS:
            raise DirectiveError(f"unknown framework {name!r}; known: {', '.join(FRAMEWORKS)}")
    return names


@directive("matrix-overview")
def matrix_overview(context: Context) -> str:
    """One table of every criterion with each framework's short verdict, linked to the criterion's section."""
    rows = [
        [f"[{entry.title}]({context.link(f'{MATRIX_PAGE}#{entry.id}')})"]
        + [entry.cell(name).text(name) for name in FRAMEWORKS]
        for entry in matrix().criteria
    ]
    return table(["Criterion", *(LABELS[name] for name in FRAMEWORKS)], rows)


def _criterion_section(context: Context, entry: Criterion) -> str:
    rows = [
        [LABELS[name], entry.cell(name).text(name), _evidence(context, entry.cell(name).evidence)]
        for name in FRAMEWORKS
    ]
    return "\n\n".join(
        [
            f"## {entry.title} {{#{entry.id}}}",
            entry.question,
            table(["Framework", "Verdict", "Evidence"], rows),
        ]
    )


@directive("matrix-criteria")
def matrix_criteria(context: Context) -> str:
    """A section per criterion (its anchor is the criterion id) with verdicts and evidence per framework."""
    return "\n\n".join(_criterion_section(context, entry) for entry in matrix().criteria) + "\n"


@directive("matrix-pair")
def matrix_pair(context: Context, first: str, second: str, *criterion_ids: str) -> str:
    """Two frameworks side by side on the named criteria, each row linked to its matrix section."""
    names = _frameworks((first, second))
    if not criterion_ids:
        raise DirectiveError("matrix-pair needs at least one criterion id after the two frameworks")
    rows = []
    for criterion_id in criterion_ids:
        entry = criterion(criterion_id)
        link = f"[{entry.title}]({context.link(f'{MATRIX_PAGE}#{entry.id}')})"
        rows.append([link, *(entry.cell(name).text(name) for name in names)])
    return table(["Criterion", *(LABELS[name] for name in names)], rows)


@directive("claims-overview")
def claims_overview(context: Context) -> str:
    """A table of every claim and its verdict, each linked to its section of the ledger."""
    rows = [
        [
            f"[“{entry.claim}”]({context.link(f'{CLAIMS_PAGE}#{entry.id}')})",
            f"**{entry.verdict}**",
            "tested by us" if entry.tests else "sourced",
        ]
        for entry in ledger().claims
    ]
    return table(["Claim", "Verdict", "Backed by"], rows)


def _claim_section(context: Context, entry: Claim) -> str:
    parts = [
        f"## “{entry.claim}” {{#{entry.id}}}",
        f"**Verdict: {entry.verdict}.** {entry.explanation}",
        f"*Where it is heard:* {entry.heard}",
        "**Evidence:**\n\n" + "\n".join(f"- {item.markdown(context)}" for item in entry.all_evidence()),
    ]
    for test in entry.tests:
        parts.append(
            f"**Our test** ({test.shows}):\n{{: #{entry.test_anchor} }}\n\n"
            f'??? example "{test.file}"\n\n'
            f'    ```python title="{test.file}"\n'
            f'    --8<-- "{test.file}"\n'
            "    ```"
        )
    return "\n\n".join(parts)


@directive("claims-ledger")
def claims_ledger(context: Context) -> str:
    """A section per claim (its anchor is the claim id): verdict, explanation, evidence and our tests."""
    return "\n\n".join(_claim_section(context, entry) for entry in ledger().claims) + "\n"


@directive("claims-list")
def claims_list(context: Context, *claim_ids: str) -> str:
    """A bullet list of the named claims with their verdicts, each linked to the ledger."""
    if not claim_ids:
        raise DirectiveError("claims-list needs at least one claim id")
    lines = []
    for claim_id in claim_ids:
        entry = claim(claim_id)
        link = context.link(f"{CLAIMS_PAGE}#{entry.id}")
        tested = " (tested by us)" if entry.tests else ""
        lines.append(f"- [“{entry.claim}”]({link}): **{entry.verdict}**{tested}")
    return "\n".join(lines)


@directive("snippet-lines")
def snippet_lines(context: Context, *pairs: str) -> str:
    """Non-blank lines of each named snippet file, given as `"Label=path"` arguments."""
    if not pairs:
        raise DirectiveError('snippet-lines needs at least one "Label=path" argument')
    rows = []
    for pair in pairs:
        label, separator, path = pair.partition("=")
        if not separator or not label or not path:
            raise DirectiveError(f'expected "Label=path", got {pair!r}')
        rows.append([label, f"`{path}`", str(snippets.line_count(path))])
    return table(["Version", "File", "Non-blank lines"], rows)


@published("matrix.json")
def matrix_data() -> list[dict]:
    """Every criterion with its id, title, page URL and per-framework verdict and evidence links."""
    return [
        {
            "id": entry.id,
            "title": entry.title,
            "url": site_url(f"{MATRIX_PAGE}#{entry.id}"),
            "frameworks": {
                name: {
                    "verdict": entry.cell(name).shown(name),
                    "lts_verdict": entry.cell(name).lts,
                    "tested_on": {
                        stack.name: versions.version(name, stack_name=stack.name) for stack in versions.STACKS
                    },
                    "evidence": [item.published() for item in entry.cell(name).evidence],
                }
                for name in FRAMEWORKS
            },
        }
        for entry in matrix().criteria
    ]


@published("claims.json")
def claims_data() -> list[dict]:
    """Every claim with its id, wording, verdict, page URL, evidence links and the tests that back it."""
    return [
        {
            "id": entry.id,
            "claim": entry.claim,
            "verdict": entry.verdict,
            "url": site_url(f"{CLAIMS_PAGE}#{entry.id}"),
            "evidence": [item.published() for item in entry.all_evidence()],
            "tests": [test.file for test in entry.tests],
        }
        for entry in ledger().claims
    ]
