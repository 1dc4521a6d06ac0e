"""Data files the site publishes under `/data/` as JSON.

Topic modules register a function with `@published("name.json")`. The build
adds what each returns to the site as the file `data/name.json` (see
`rendered`), so pages can link to it like any other file and MkDocs checks
those links.

Every file has a model in `guide.schemas.SCHEMAS`, and `rendered` checks the
JSON text against it before handing it over: a file without a model, or one
whose shape no longer matches its model, stops the build with the file and the
field named. The text published is the producer's value as `json.dumps` writes
it, never the model's dump, so the model cannot change the file.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from pydantic import ValidationError

from guide.schemas import SCHEMAS

Producer = Callable[[], object]
_PUBLISHED: dict[str, Producer] = {}
SHOWN_PROBLEMS = 10
"""At most this many problems of one file are listed in the error message."""


def published(filename: str) -> Callable[[Producer], Producer]:
    """Register a function whose return value the site publishes as `/data/<filename>`."""

    def register(function: Producer) -> Producer:
        _PUBLISHED[filename] = function
        return function

    return register


def producers() -> dict[str, Producer]:
    """Return the registered producers by file name."""
    from guide.render import load_topics

    load_topics()
    return dict(_PUBLISHED)


def rendered() -> dict[str, str]:
    """Every published data file as `{"data/<name>.json": json_text}`, in name order.

    Raises:
        ValueError: A file has no model in `guide.schemas.SCHEMAS`, its value is not
            JSON, or its JSON does not match its model; the message names the file
            and each wrong field.
    """
    found = producers()
    unknown = sorted(set(found) - set(SCHEMAS))
    if unknown:
        names = ", ".join(f"data/{filename}" for filename in unknown)
        raise ValueError(
            f"{names}: published without a schema; add its model to guide.schemas.SCHEMAS "
            "and describe it on docs/reference/published-data.md"
        )
    return {f"data/{filename}": checked_json(filename, found[filename]()) for filename in sorted(found)}


def checked_json(filename: str, value: object) -> str:
    """The JSON text of one file's value, after checking it against the file's model.

    Raises:
        ValueError: The value is not JSON, or its JSON does not match the model;
            the message names `data/<filename>` and the field path of each problem.
    """
    path = f"data/{filename}"
    try:
        text = json.dumps(value, indent=2, ensure_ascii=False) + "\n"
    except (TypeError, ValueError) as error:
        raise ValueError(f"{path}: the value is not JSON: {error}") from None
    try:
        SCHEMAS[filename].model_validate_json(text)
    except ValidationError as error:
        raise ValueError(schema_problems(path, error)) from None
    return text


def schema_problems(path: str, error: ValidationError) -> str:
    """One message for every problem pydantic found, each as `<file>: <field path>: <message>`."""
    issues = error.errors(include_url=False)
    lines = [
        f"{path}: {'.'.join(str(part) for part in issue['loc']) or '(whole file)'}: {issue['msg']}"
        for issue in issues[:SHOWN_PROBLEMS]
    ]
    if len(issues) > SHOWN_PROBLEMS:
        lines.append(f"{path}: and {len(issues) - SHOWN_PROBLEMS} more problems")
    return f"{path} does not match its schema (guide.schemas):\n" + "\n".join(lines)
