"""Support windows (`data/support.yml`): how long each release line gets fixes, with sources.

Rendered as one table on the popularity page and published as `/data/support.json`.
A line the guide tests names its stack, and the table shows the version that stack locks.
"""

from __future__ import annotations

from datetime import date
from functools import cache

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from guide import data, versions
from guide.compare import Evidence
from guide.frameworks import LABELS
from guide.publish import published
from guide.render import Context, directive, table

SUPPORT_FILE = "support.yml"


class ReleaseLine(BaseModel):
    """One release line (or a version policy, for projects without lines) and its support."""

    model_config = ConfigDict(extra="forbid")
    package: str
    series: str
    released: date | None = None
    security_until: date | None = None
    security_until_text: str | None = None
    tested_on: str | None = None
    policy: str = Field(min_length=10)
    sources: list[Evidence] = Field(min_length=1)

    @field_validator("package")
    @classmethod
    def known_package(cls, package: str) -> str:
        if package not in LABELS:
            raise ValueError(f"unknown package {package!r}; known: {', '.join(LABELS)}")
        return package

    @field_validator("tested_on")
    @classmethod
    def known_stack(cls, stack: str | None) -> str | None:
        if stack is not None:
            versions.stack(stack)
        return stack

    @model_validator(mode="after")
    def one_end(self) -> ReleaseLine:
        if self.security_until is not None and self.security_until_text is not None:
            raise ValueError("give 'security_until' (a date) or 'security_until_text', not both")
        return self

    @property
    def until(self) -> str:
        """The end of security fixes as the table shows it."""
        if self.security_until is not None:
            return self.security_until.isoformat()
        return self.security_until_text or "no fixed date: the latest release only"

    @property
    def tested(self) -> str:
        """The locked version this guide tests on this line, or a dash."""
        if self.tested_on is None:
            return "not tested here"
        stack = versions.stack(self.tested_on)
        return f"{versions.version(self.package, stack_name=stack.name)} ({stack.title} stack)"


class SupportWindows(BaseModel):
    """The whole of `data/support.yml`."""

    model_config = ConfigDict(extra="forbid")
    checked: date
    lines: list[ReleaseLine] = Field(min_length=1)


@cache
def support() -> SupportWindows:
    """Load and validate `data/support.yml` (once per process)."""
    return data.load(SUPPORT_FILE, SupportWindows)


@directive("support-windows")
def support_windows(context: Context) -> str:
    """The support-window table, with the date every entry was checked."""
    windows = support()
    rows = [
        [
            LABELS[line.package],
            line.series,
            line.released.isoformat() if line.released else "n/a",
            line.until,
            line.tested,
            line.policy,
            "; ".join(source.markdown(context) for source in line.sources),
        ]
        for line in windows.lines
    ]
    header = ["Project", "Line", "Released", "Security fixes until", "Tested here", "Policy", "Sources"]
    checked = f"Every line was checked against its sources on {windows.checked.isoformat()}."
    return table(header, rows) + "\n\n" + checked


@published("support.json")
def support_data() -> dict:
    """Every release line with its dates, tested version, policy and sources."""
    windows = support()
    return {
        "checked": windows.checked.isoformat(),
        "lines": [
            {
                "package": line.package,
                "series": line.series,
                "released": line.released.isoformat() if line.released else None,
                "security_until": line.security_until.isoformat() if line.security_until else None,
                "security_until_text": line.security_until_text,
                "tested_on": line.tested_on,
                "tested_version": (
                    versions.version(line.package, stack_name=line.tested_on) if line.tested_on else None
                ),
                "policy": line.policy,
                "sources": [source.published() for source in line.sources],
            }
            for line in windows.lines
        ],
    }
