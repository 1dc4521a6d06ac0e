"""Build-time code for the framework guide.

Everything the site computes from data lives here: loading and validating the
files under `data/`, reading the pinned versions from the lock file, and the
directives that render data into pages. MkDocs reaches it through
`guide/mkdocs_hooks.py`.
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
"""The repository root (the folder that holds `mkdocs.yml`)."""
