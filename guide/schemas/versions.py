"""`versions.json` (the versions this guide was tested with) and `support.json` (support windows)."""

from __future__ import annotations

from guide.schemas.base import Published, Source


class PackageVersions(Published):
    """The locked version of each package the site names, as `X.Y.Z` strings."""

    flask: str
    """Flask's version."""
    fastapi: str
    """FastAPI's version."""
    django: str
    """Django's version."""
    pydantic: str
    """Pydantic's version."""
    starlette: str
    """The version of Starlette, the toolkit FastAPI is built on."""
    werkzeug: str
    """The version of Werkzeug, the toolkit Flask is built on."""
    sqlalchemy: str
    """SQLAlchemy's version."""
    gunicorn: str
    """The version of gunicorn, the WSGI server of the examples and benchmarks."""
    uvicorn: str
    """The version of uvicorn, the ASGI server of the examples and benchmarks."""
    granian: str
    """The version of granian, the server written in Rust that the benchmarks also measure."""


class Stack(Published):
    """One set of versions the whole test suite runs against."""

    python: str
    """The Python version (`3.13`)."""
    group: str
    """The project's dependency group that sets this stack apart (`django-lts`)."""
    packages: PackageVersions
    """The locked version of each package on this stack."""


class Stacks(Published):
    """The two tested stacks. They differ only in Django."""

    current: Stack
    """The newest releases: what the pages show first."""
    lts: Stack
    """The same, but with Django's long-term support release."""


class VersionsFile(PackageVersions):
    """`versions.json`: one JSON object.

    Every key of [`PackageVersions`][guide.schemas.PackageVersions] (`flask`,
    `fastapi`, `django` and the others) gives a version on the current stack: the file held
    only those before the LTS stack was added, and they stay for the tools that read them.
    `stacks` gives both stacks in full.
    """

    stacks: Stacks
    """Both tested stacks, by name."""


class ReleaseLine(Published):
    """One release line of a project (`5.2 LTS`), or its version policy when it has no lines."""

    package: str
    """The project's PyPI name in lower case (`django`)."""
    series: str
    """The line (`6.1`, `5.2 LTS`) or the range a policy covers (`0.x (every release)`)."""
    released: str | None
    """The line's first release date (`YYYY-MM-DD`); null for a policy that covers every
    release."""
    security_until: str | None
    """The announced last day of security fixes (`YYYY-MM-DD`); null when there is no fixed
    date. At most one of `security_until` and `security_until_text` is set."""
    security_until_text: str | None
    """The end of security fixes in words, when it is expected but not fixed to a day; null
    otherwise. When both are null, only the latest release gets fixes."""
    tested_on: str | None
    """The tested stack (`current` or `lts`) that runs this line; null when no stack does."""
    tested_version: str | None
    """The exact version of the line that stack locks; null when `tested_on` is null."""
    policy: str
    """The project's support policy for this line, in one or two sentences."""
    sources: list[Source]
    """Where the dates and the policy come from; at least one."""


class SupportFile(Published):
    """`support.json`: one JSON object with the support windows of every release line we list."""

    checked: str
    """The date every line was last checked against its sources (`YYYY-MM-DD`)."""
    lines: list[ReleaseLine]
    """The release lines, in the order of the table on the popularity page."""
