"""Directives used across the whole site: the verified versions of both tested stacks."""

from __future__ import annotations

from guide import versions
from guide.frameworks import FRAMEWORKS, LABELS
from guide.publish import published
from guide.render import Context, directive, table


@directive("versions")
def versions_table(context: Context) -> str:
    """A table of the packages the guide was verified against, one column per tested stack."""
    header = ["Package", *(f"{stack.title[0].upper()}{stack.title[1:]} stack" for stack in versions.STACKS)]
    python = ["Python", *(versions.python_version() for _ in versions.STACKS)]
    rows = [
        [f"`{name}`", *(versions.version(name, stack_name=stack.name) for stack in versions.STACKS)]
        for name in versions.SHOWN
    ]
    return table(header, [python, *rows])


@directive("framework-versions")
def framework_versions(context: Context) -> str:
    """One sentence naming the framework versions of both stacks, for the home page."""
    first, *others = versions.STACKS
    named = [f"{LABELS[name]} {versions.version(name, stack_name=first.name)}" for name in FRAMEWORKS]
    again = [
        f"{LABELS[name]} {versions.version(name, stack_name=stack.name)} {stack.title}"
        for stack in others
        for name in FRAMEWORKS
        if versions.version(name, stack_name=stack.name) != versions.version(name, stack_name=first.name)
    ]
    sentence = (
        f"Every example on this site runs in our test suite against {', '.join(named[:-1])} and {named[-1]}"
    )
    if again:
        sentence += f", and again against {' and '.join(again)}"
    return sentence + f", on Python {versions.python_version()}."


@directive("version")
def one_version(context: Context, package: str, stack: str = "current") -> str:
    """The locked version of one package on one stack, inline."""
    return versions.version(package, stack_name=stack)


@published("versions.json")
def versions_data() -> dict:
    """The locked versions of the packages the site names: the current stack at the top level
    (as before the LTS stack existed), and every stack under `stacks`."""
    current = {name: versions.version(name) for name in versions.SHOWN}
    stacks = {
        stack.name: {
            "python": versions.python_version(),
            "group": stack.group,
            "packages": {name: versions.version(name, stack_name=stack.name) for name in versions.SHOWN},
        }
        for stack in versions.STACKS
    }
    return {**current, "stacks": stacks}
