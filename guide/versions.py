"""The exact package versions the guide was verified against, read from `uv.lock`."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

from packaging.markers import Marker

from guide import ROOT

LOCK_FILE = ROOT / "uv.lock"

FRAMEWORKS = ("flask", "fastapi", "django")
"""Package names of the three frameworks, in the order the site shows them."""

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


class VersionError(LookupError):
    """A package the site names is not in the lock file."""


def applies_here(package: dict) -> bool:
    """True when a lock entry is the one this interpreter installs.

    uv locks a package at more than one version when the right version depends on the
    Python version (a forked resolution: quart is 0.22.0 below Python 3.13 and 0.23.1 from
    3.13 on); each such entry lists the `resolution-markers` it is for.
    """
    markers = package.get("resolution-markers")
    return not markers or any(Marker(marker).evaluate() for marker in markers)


@cache
def locked_packages(lock_file: Path = LOCK_FILE) -> dict[str, dict]:
    """Map each package name in the lock file to its lock entry for this interpreter.

    Args:
        lock_file: The uv lock file to read.

    Returns:
        Normalised package name to its `[[package]]` table (version, wheels, ...).
    """
    with lock_file.open("rb") as handle:
        lock = tomllib.load(handle)
    return {
        package["name"]: package
        for package in lock.get("package", [])
        if "version" in package and applies_here(package)
    }


def locked_versions(lock_file: Path = LOCK_FILE) -> dict[str, str]:
    """Map each package name in the lock file to the version pinned for this interpreter.

    Args:
        lock_file: The uv lock file to read.

    Returns:
        Normalised package name to version string.
    """
    return {name: package["version"] for name, package in locked_packages(lock_file).items()}


def version(package: str, lock_file: Path = LOCK_FILE) -> str:
    """Return the locked version of one package.

    Args:
        package: Package name as PyPI spells it (case and `_`/`-` ignored).
        lock_file: The uv lock file to read.

    Raises:
        VersionError: The package is not in the lock file.
    """
    name = package.lower().replace("_", "-")
    versions = locked_versions(lock_file)
    try:
        return versions[name]
    except KeyError:
        raise VersionError(f"{lock_file.name}: no package named {package!r}") from None
