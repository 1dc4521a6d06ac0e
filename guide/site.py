"""Directives used across the whole site: the verified versions."""

from __future__ import annotations

from guide import versions
from guide.publish import published
from guide.render import Context, directive, table

LABELS = {"flask": "Flask", "fastapi": "FastAPI", "django": "Django"}


@directive("versions")
def versions_table(context: Context) -> str:
    """A table of the packages the guide was verified against, with their locked versions."""
    rows = [[f"`{name}`", versions.version(name)] for name in versions.SHOWN]
    return table(["Package", "Version"], rows)


@directive("framework-versions")
def framework_versions(context: Context) -> str:
    """One sentence naming the three framework versions, for the home page."""
    named = [f"{LABELS[name]} {versions.version(name)}" for name in versions.FRAMEWORKS]
    return (
        f"Every example on this site runs in our test suite against {', '.join(named[:-1])} and {named[-1]}."
    )


@directive("version")
def one_version(context: Context, package: str) -> str:
    """The locked version of one package, inline."""
    return versions.version(package)


@published("versions.json")
def versions_data() -> dict[str, str]:
    """The locked versions of the packages the site names."""
    return {name: versions.version(name) for name in versions.SHOWN}
