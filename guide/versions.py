"""The exact package versions the guide was verified against, read from `uv.lock`.

The lock holds two tested stacks (see `STACKS`): they share every package but Django,
which `pyproject.toml` puts in two conflicting dependency groups. uv records the Django
of each group in the project's own lock entry, which is how a stack's version is found.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path

from packaging.markers import Marker

from guide import ROOT

LOCK_FILE = ROOT / "uv.lock"
PYTHON_VERSION_FILE = ROOT / ".python-version"
PROJECT = "framework-guide"


SHOWN = (
    "flask",
    "fastapi",
    "django",
    "pydantic",
    "starlette",
    "werkzeug",
    "sqlalchemy",
    "gunicorn",
    "uvicorn",
    "granian",
)
"""Packages listed on the versions table of the site."""


@dataclass(frozen=True)
class Stack:
    """One tested set of versions: the lock's shared packages plus one dependency group."""

    name: str
    """Short name used in data files (`tested_on`, `stack`) and test output."""
    group: str
    """The dependency group of `pyproject.toml` that sets this stack apart."""
    title: str
    """How pages name the stack."""


STACKS = (
    Stack("current", "django-current", "current"),
    Stack("lts", "django-lts", "LTS"),
)
"""The tested stacks; pages show the first one first."""


class VersionError(LookupError):
    """A package or stack the site names is not in the lock file."""


def stack(name: str) -> Stack:
    """Look up a stack by name.

    Raises:
        VersionError: No stack has that name.
    """
    for candidate in STACKS:
        if candidate.name == name:
            return candidate
    known = ", ".join(candidate.name for candidate in STACKS)
    raise VersionError(f"no stack named {name!r}; known: {known}")


def applies_here(package: dict) -> bool:
    """True when a lock entry is the one this interpreter installs.

    uv locks a package at more than one version when the right version depends on the
    Python version (a forked resolution); each such entry lists the `resolution-markers`
    it is for.
    """
    markers = package.get("resolution-markers")
    return not markers or any(Marker(marker).evaluate() for marker in markers)


def _group_pins(lock: dict, group: str) -> dict[str, str]:
    """The versions the project's lock entry pins for one dependency group."""
    for package in lock.get("package", []):
        if package["name"] == PROJECT:
            return {pin["name"]: pin["version"] for pin in package.get("dev-dependencies", {}).get(group, [])}
    return {}


@cache
def locked_packages(lock_file: Path = LOCK_FILE, stack_name: str = "current") -> dict[str, dict]:
    """Map each package name in the lock file to its lock entry for this interpreter and stack.

    Args:
        lock_file: The uv lock file to read.
        stack_name: Which tested stack (`STACKS`) to read.

    Returns:
        Normalised package name to its `[[package]]` table (version, wheels, ...).

    Raises:
        VersionError: A package is locked at several versions and the stack's group
            does not say which one it installs.
    """
    with lock_file.open("rb") as handle:
        lock = tomllib.load(handle)
    pins = _group_pins(lock, stack(stack_name).group)
    entries: dict[str, list[dict]] = {}
    for package in lock.get("package", []):
        if "version" in package and applies_here(package):
            entries.setdefault(package["name"], []).append(package)
    chosen = {}
    for name, candidates in entries.items():
        if len(candidates) > 1:
            candidates = [entry for entry in candidates if entry["version"] == pins.get(name)]
        if len(candidates) != 1:
            raise VersionError(
                f"{lock_file.name}: {name} is locked at several versions and the dependency group "
                f"{stack(stack_name).group!r} pins none of them"
            )
        chosen[name] = candidates[0]
    return chosen


def locked_versions(lock_file: Path = LOCK_FILE, stack_name: str = "current") -> dict[str, str]:
    """Map each package name in the lock file to the version pinned for this interpreter and stack."""
    return {name: package["version"] for name, package in locked_packages(lock_file, stack_name).items()}


def version(package: str, lock_file: Path = LOCK_FILE, stack_name: str = "current") -> str:
    """Return the locked version of one package on one stack.

    Args:
        package: Package name as PyPI spells it (case and `_`/`-` ignored).
        lock_file: The uv lock file to read.
        stack_name: Which tested stack (`STACKS`) to read.

    Raises:
        VersionError: The package is not in the lock file.
    """
    name = package.lower().replace("_", "-")
    versions = locked_versions(lock_file, stack_name)
    try:
        return versions[name]
    except KeyError:
        raise VersionError(f"{lock_file.name}: no package named {package!r}") from None


def differs(package: str) -> bool:
    """True when the stacks lock different versions of a package (Django, today)."""
    return len({version(package, stack_name=entry.name) for entry in STACKS}) > 1


def python_version(path: Path = PYTHON_VERSION_FILE) -> str:
    """The Python both stacks are tested on, as `.python-version` names it (for example `3.13`).

    Raises:
        VersionError: The file is missing or empty.
    """
    try:
        named = path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        raise VersionError(f"{path.name} is missing: it names the Python the stacks run on") from None
    if not named:
        raise VersionError(f"{path.name} is empty: it should name a Python version such as 3.13")
    return named


def installed_stack(lock_file: Path = LOCK_FILE) -> Stack:
    """The stack this environment has installed, told apart by the installed Django.

    Raises:
        VersionError: The installed Django matches no stack of the lock file.
    """
    installed = metadata.version("django")
    for candidate in STACKS:
        if version("django", lock_file, candidate.name) == installed:
            return candidate
    raise VersionError(f"installed Django {installed} is not the Django of any stack in {lock_file.name}")
