"""Load the single sources of truth under `data/` and validate them.

Every loader raises `DataError` with the file and the field at fault, so a bad
data file stops the build with a message a contributor can act on instead of a
traceback or a silently wrong page.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Annotated

import yaml
from pydantic import AfterValidator, BaseModel, Field, ValidationError

from guide import ROOT

DATA_DIR = ROOT / "data"
"""Folder that holds the data files."""


class DataError(ValueError):
    """A data file is missing, unreadable or does not match its schema."""


def require_unique(ids: Iterable[str], what: str = "id") -> None:
    """For a model validator: fail when an id appears twice in a list of entries.

    Raises:
        ValueError: The message names the repeated id (pydantic adds the field).
    """
    seen = set()
    for item in ids:
        if item in seen:
            raise ValueError(f"{what} {item!r} appears twice")
        seen.add(item)


SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
"""The one rule for ids in data files and for anchors: lower-case words joined by single hyphens."""

Slug = Annotated[str, Field(pattern=SLUG)]
"""A data-file id following `SLUG`."""


def existing_snippet(path: str) -> str:
    """Check that a path relative to the repository root names a file.

    Raises:
        ValueError: No such file (pydantic adds the field).
    """
    if not (ROOT / path).is_file():
        raise ValueError(f"snippet file {path} does not exist")
    return path


SnippetPath = Annotated[str, AfterValidator(existing_snippet)]
"""A data-file field naming a file of the repository (`snippets/...`) that must exist."""


def unique_ids[Entry](what: str = "id") -> AfterValidator:
    """A validator for a list field whose entries' `id`s must all differ."""

    def check(entries: list[Entry]) -> list[Entry]:
        require_unique((entry.id for entry in entries), what)
        return entries

    return AfterValidator(check)


def read_yaml(path: Path) -> object:
    """Parse one YAML file.

    Args:
        path: The file to read.

    Returns:
        The parsed document.

    Raises:
        DataError: The file does not exist or is not valid YAML.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError(f"{_display(path)}: file not found") from None
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise DataError(f"{_display(path)}: not valid YAML: {error}") from None


def load[Model: BaseModel](path: Path | str, model: type[Model]) -> Model:
    """Read a YAML data file and validate it against a Pydantic model.

    Args:
        path: The file, absolute or relative to `data/`.
        model: The model the whole document must match.

    Returns:
        The validated document.

    Raises:
        DataError: The file is missing, is not YAML, or a field is missing or
            wrong; the message names the file and every field at fault.
    """
    path = Path(path)
    if not path.is_absolute():
        path = DATA_DIR / path
    document = read_yaml(path)
    try:
        return model.model_validate(document)
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(str(part) for part in issue['loc']) or '(document)'}: {issue['msg']}"
            for issue in error.errors()
        )
        raise DataError(f"{_display(path)}: {problems}") from None


def _display(path: Path) -> str:
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)
