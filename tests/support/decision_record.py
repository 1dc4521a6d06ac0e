"""What every decision record holds, whether Python or the wizard's JavaScript wrote it."""

RECORD_HEADINGS = (
    "## Context",
    "### Our own context",
    "## Decision",
    "## Caveats",
    "## Alternatives considered",
    "## What would change this answer",
    "## Consequences",
    "## Evidence",
)
"""The headings of a decision record, in order (`How to get there` only when the outcome implies a move)."""
