"""`matrix.json` (the comparison matrix) and `claims.json` (the claims ledger)."""

from __future__ import annotations

from typing import Literal

from pydantic import ConfigDict, RootModel

from guide.schemas.base import Published, Source


class StackVersion(Published):
    """The version of one framework on each tested stack, as `X.Y.Z` strings."""

    current: str
    """On the current stack."""
    lts: str
    """On the LTS stack (it differs from `current` only for Django)."""


class Verdict(Published):
    """One framework's answer to one criterion."""

    verdict: str
    """The answer in one or two sentences, as the matrix shows it. For a criterion we measure
    (the OpenAPI contract tests), it is computed from our latest results."""
    lts_verdict: str | None
    """The answer on the LTS stack when it differs from `verdict`, which then holds for the
    current stack; null when one answer holds for both."""
    tested_on: StackVersion
    """The framework versions the answer was checked on."""
    evidence: list[Source]
    """Where the answer can be checked; at least one."""


class FrameworkVerdicts(Published):
    """The answer of each framework to one criterion."""

    flask: Verdict
    """Flask's answer."""
    fastapi: Verdict
    """FastAPI's answer."""
    django: Verdict
    """Django's answer."""


class Criterion(Published):
    """One row of the comparison matrix: a question every framework answers."""

    id: str
    """Stable identifier in lower case with hyphens (`protocol`); also the anchor of its section."""
    title: str
    """The criterion's name (`Server protocol (WSGI or ASGI)`)."""
    url: str
    """Its section of the matrix page, relative to the site root (`compare/matrix/#protocol`)."""
    frameworks: FrameworkVerdicts
    """The answer of each framework."""


class MatrixFile(RootModel[list[Criterion]]):
    """`matrix.json`: a JSON array with one entry per criterion, in the order of the matrix page."""

    model_config = ConfigDict(use_attribute_docstrings=True, strict=True)

    root: list[Criterion]
    """The criteria: the whole file is this array (`root` is Pydantic's name for it,
    not a key)."""


class Claim(Published):
    """One claim heard in the public debate, and what we found."""

    id: str
    """Stable identifier in lower case with hyphens (`flask-is-dead`); also the anchor of its section."""
    claim: str
    """The claim as people make it (`Flask is dead`)."""
    verdict: Literal["true", "false", "partly true", "misleading", "unverified"]
    """Our verdict: one of `true`, `false`, `partly true`, `misleading` or `unverified`."""
    url: str
    """Its section of the claims ledger, relative to the site root (`compare/claims/#flask-is-dead`)."""
    evidence: list[Source]
    """Where the verdict can be checked; at least one. A claim we test also links to the test's code
    on the ledger."""
    tests: list[str]
    """The test files in our repository that back the verdict, relative to its root
    (`tests/compare/claims/...py`); empty when the verdict rests on sources alone."""


class ClaimsFile(RootModel[list[Claim]]):
    """`claims.json`: a JSON array with one entry per claim, in the order of the ledger."""

    model_config = ConfigDict(use_attribute_docstrings=True, strict=True)

    root: list[Claim]
    """The claims: the whole file is this array (`root` is Pydantic's name for it,
    not a key)."""
