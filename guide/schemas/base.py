"""What every published model shares: strict, closed objects, and the evidence links."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field


class Published(BaseModel):
    """One JSON object of a published file.

    Unknown keys are errors, values are taken as JSON gives them (no string is read as a
    number), and each field's docstring becomes its description.
    """

    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True, strict=True)


class InternalSource(Published):
    """Evidence on this site: a section of one of its pages."""

    kind: Literal["internal"]
    """Always `internal`."""
    title: str
    """What the section shows, as the link text on the page."""
    href: str
    """The section's address relative to the site root, with its anchor
    (`tasks/basics/#hello`); prefix the site's base URL to open it."""


class ExternalSource(Published):
    """Evidence elsewhere: a page of another site, with the date we read it."""

    kind: Literal["external"]
    """Always `external`."""
    title: str
    """What the page is (`Flask docs: ASGI`)."""
    href: str
    """The page's absolute URL."""
    retrieved: str
    """The date we last read the page and checked the statement against it (`YYYY-MM-DD`)."""


Source = Annotated[InternalSource | ExternalSource, Field(discriminator="kind")]
"""The type of every evidence list: each item is an `InternalSource` or an `ExternalSource`,
as its `kind` says."""
