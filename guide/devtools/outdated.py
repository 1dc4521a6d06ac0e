"""`make outdated`: which locked frameworks and docs packages are behind PyPI.

A report for maintainers, not a test (the tests stay offline). For every package that
`pyproject.toml` names in the docs, frameworks and Django groups it prints the version
each stack locks, the newest release `pyproject.toml` allows and the newest release on
PyPI, and marks the ones that are behind.
"""

from __future__ import annotations

import json
import sys
import tomllib
import urllib.error
import urllib.request
from dataclasses import dataclass

from packaging.requirements import Requirement
from packaging.version import InvalidVersion, Version

from guide import ROOT, versions

GROUPS = ("docs", "frameworks", *(stack.group for stack in versions.STACKS))
"""The dependency groups whose packages the report covers."""

PYPI = "https://pypi.org/pypi/{name}/json"


@dataclass(frozen=True)
class Row:
    """One package of one stack in the report."""

    package: str
    stack: str
    locked: str
    newest_allowed: str
    newest: str

    @property
    def behind(self) -> bool:
        """The lock is older than what `pyproject.toml` allows: `uv lock --upgrade-package` takes it."""
        return self.newest_allowed != "none" and Version(self.locked) < Version(self.newest_allowed)

    @property
    def capped(self) -> bool:
        """`pyproject.toml` keeps out a newer release (on purpose for the LTS stack)."""
        return self.newest_allowed == "none" or Version(self.newest_allowed) < Version(self.newest)


def requirements() -> dict[str, list[Requirement]]:
    """The requirements of each reported group, as `pyproject.toml` states them."""
    with (ROOT / "pyproject.toml").open("rb") as handle:
        groups = tomllib.load(handle)["dependency-groups"]
    return {group: [Requirement(line) for line in groups[group]] for group in GROUPS}


def releases(name: str) -> list[Version]:
    """Every final, non-yanked release of a package on PyPI."""
    with urllib.request.urlopen(PYPI.format(name=name), timeout=30) as response:  # noqa: S310
        document = json.load(response)
    found = []
    for text, files in document["releases"].items():
        try:
            release = Version(text)
        except InvalidVersion:
            continue
        if files and not release.is_prerelease and not all(file.get("yanked") for file in files):
            found.append(release)
    return sorted(found)


def rows() -> list[Row]:
    """One row per reported package: shared packages once, each stack's own group per stack."""
    report = []
    for group, wanted in requirements().items():
        own = [stack for stack in versions.STACKS if stack.group == group]
        stack = own[0] if own else versions.STACKS[0]
        for requirement in wanted:
            available = releases(requirement.name)
            allowed = [release for release in available if requirement.specifier.contains(release)]
            report.append(
                Row(
                    package=requirement.name,
                    stack=stack.name if own else "both",
                    locked=versions.version(requirement.name, stack_name=stack.name),
                    newest_allowed=str(allowed[-1]) if allowed else "none",
                    newest=str(available[-1]),
                )
            )
    return report


def format_report(report: list[Row]) -> str:
    """The report as aligned text, with what to do for each package that is behind."""
    header = ("package", "stack", "locked", "newest allowed", "newest on PyPI", "")
    lines = [header]
    for row in report:
        note = ""
        if row.behind:
            note = f"behind: uv lock --upgrade-package {row.package}"
        elif row.capped:
            note = "newer release outside pyproject.toml's range"
        lines.append((row.package, row.stack, row.locked, row.newest_allowed, row.newest, note))
    widths = [max(len(line[column]) for line in lines) for column in range(len(header))]
    text = [
        "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip()
        for line in lines
    ]
    behind = sum(row.behind for row in report)
    capped = sum(row.capped and not row.behind for row in report)
    text.append(
        f"\n{behind} of {len(report)} locked packages are behind the newest release their range allows; "
        f"{capped} more are held back by pyproject.toml (the LTS stack's Django is, on purpose)."
    )
    return "\n".join(text)


def main() -> int:
    try:
        report = rows()
    except (urllib.error.URLError, TimeoutError) as error:
        print(
            f"make outdated: could not reach PyPI ({error}); this report needs the network", file=sys.stderr
        )
        return 1
    print(format_report(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
