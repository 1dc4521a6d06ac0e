"""The exact package versions the guide was verified against, read from `uv.lock`."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

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


@cache
def locked_versions(lock_file: Path = LOCK_FILE) -> dict[str, str]:
    """Map each package name in the lock file to its pinned version.

    Args:
        lock_file: The uv lock file to read.

    Returns:
        Normalised package name to version string.
    """
    with lock_file.open("rb") as handle:
        lock = tomllib.load(handle)
    return {
        package["name"]: package["version"] for package in lock.get("package", []) if "version" in package
    }


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
