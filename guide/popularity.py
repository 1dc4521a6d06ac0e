"""Popularity and maintenance: the figures of `data/popularity.yml` and the locked releases.

`data/popularity.yml` holds dated figures (stars, downloads), each with its
source and what it does and does not mean, and survey or download signals,
which carry a number only when we could verify it against its source. The
release dates come from `uv.lock`, so they follow the locked versions.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from guide import data, versions
from guide.compare import Evidence
from guide.data import Slug
from guide.frameworks import FRAMEWORKS, LABELS
from guide.render import Context, DirectiveError, directive, table

POPULARITY_FILE = "popularity.yml"


class Figure(BaseModel):
    """One dated number per framework (stars, downloads), with its source."""

    model_config = ConfigDict(extra="forbid")
    as_of: date
    flask: int = Field(gt=0)
    fastapi: int = Field(gt=0)
    django: int = Field(gt=0)
    source: Evidence


class Measure(BaseModel):
    """A kind of popularity figure and how to read it."""

    model_config = ConfigDict(extra="forbid")
    id: Slug
    title: str
    unit: str
    means: str
    does_not_mean: str
    figures: list[Figure] = Field(min_length=1)


class Shares(BaseModel):
    """The percentage a survey reports for each framework (the signal's finding says of whom)."""

    model_config = ConfigDict(extra="forbid")
    flask: int = Field(ge=0, le=100)
    fastapi: int = Field(ge=0, le=100)
    django: int = Field(ge=0, le=100)


class Signal(BaseModel):
    """A survey or a download statistic: what it found, whether we could verify it, how to read it.

    A finding we could not check against its primary source carries no number:
    only a verified signal may give `shares`.
    """

    model_config = ConfigDict(extra="forbid")
    kind: Literal["survey", "downloads"]
    name: str
    period: str
    shares: Shares | None = None
    finding: str
    status: Literal["verified", "unverified"]
    means: str
    does_not_mean: str
    sources: Annotated[list[Evidence], Field(min_length=1)]

    @model_validator(mode="after")
    def numbers_only_when_verified(self) -> Signal:
        if self.shares is not None and self.status != "verified":
            raise ValueError("'shares' needs status 'verified': an unverified finding carries no number")
        return self


class Popularity(BaseModel):
    """The whole of `data/popularity.yml`."""

    model_config = ConfigDict(extra="forbid")
    measures: list[Measure]
    signals: list[Signal]


@cache
def popularity() -> Popularity:
    """Load and validate `data/popularity.yml` (once per process)."""
    return data.load(POPULARITY_FILE, Popularity)


@directive("popularity-measures")
def popularity_measures(context: Context) -> str:
    """A section per popularity measure: the dated figures, their sources and how to read them."""
    sections = []
    for measure in popularity().measures:
        rows = [
            [figure.as_of.isoformat()]
            + [f"{getattr(figure, name):,}" for name in FRAMEWORKS]
            + [figure.source.markdown(context)]
            for figure in measure.figures
        ]
        sections.append(
            "\n\n".join(
                [
                    f"## {measure.title} {{#{measure.id}}}",
                    table(
                        ["Date", *(f"{LABELS[name]} ({measure.unit})" for name in FRAMEWORKS), "Source"], rows
                    ),
                    f"**What it means:** {measure.means}",
                    f"**What it does not mean:** {measure.does_not_mean}",
                ]
            )
        )
    return "\n\n".join(sections) + "\n"


@directive("popularity-signals")
def popularity_signals(context: Context, kind: str) -> str:
    """Surveys or download statistics: finding, whether we verified it, sources and how to read it."""
    chosen = [signal for signal in popularity().signals if signal.kind == kind]
    if not chosen:
        raise DirectiveError(f"no signals of kind {kind!r} in data/{POPULARITY_FILE}")
    rows = [
        [
            signal.name,
            signal.period,
            _finding(signal),
            signal.status,
            "; ".join(item.markdown(context) for item in signal.sources),
        ]
        for signal in chosen
    ]
    notes = [
        f"- **{signal.name}.** What it means: {signal.means} What it does not mean: {signal.does_not_mean}"
        for signal in chosen
    ]
    return table(["Source", "Period", "Finding", "Status", "Sources"], rows) + "\n\n" + "\n".join(notes)


def _sources(context: Context, signal: Signal) -> str:
    return "; ".join(item.markdown(context) for item in signal.sources)


def _finding(signal: Signal) -> str:
    """The finding, led by the share per framework when the signal gives them."""
    if signal.shares is None:
        return signal.finding
    shares = ", ".join(f"{LABELS[name]} {getattr(signal.shares, name)}%" for name in FRAMEWORKS)
    return f"**{shares}.** {signal.finding}"


def upload_date(package: str, stack: str = "current") -> date:
    """The date the locked version's wheel was uploaded to PyPI, read from `uv.lock`.

    Raises:
        LookupError: The package, or an upload time for it, is not in the lock file.
    """
    entry = versions.locked_packages(stack_name=stack).get(package)
    if entry is None:
        raise LookupError(f"{package} is not in uv.lock")
    times = [wheel["upload-time"] for wheel in entry.get("wheels", []) if "upload-time" in wheel]
    if not times:
        raise LookupError(f"uv.lock has no upload time for {package}")
    return date.fromisoformat(min(times)[:10])


@directive("locked-releases")
def locked_releases(context: Context, *packages: str) -> str:
    """The locked version of each package and the date it was uploaded to PyPI (from `uv.lock`).

    A package the stacks lock at different versions (Django) gets a row per stack.
    """
    names = packages or FRAMEWORKS
    rows = []
    for name in names:
        stacks = versions.STACKS if versions.differs(name) else versions.STACKS[:1]
        for stack in stacks:
            label = f"`{name}` ({stack.title} stack)" if len(stacks) > 1 else f"`{name}`"
            rows.append(
                [
                    label,
                    versions.version(name, stack_name=stack.name),
                    upload_date(name, stack.name).isoformat(),
                ]
            )
    return table(["Package", "Locked version", "Uploaded to PyPI"], rows)
