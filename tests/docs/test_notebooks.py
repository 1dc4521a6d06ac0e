"""Notebook pages run without errors and show what a fresh run shows."""

import nbformat
import pytest

from guide import ROOT
from guide.devtools import notebooks

PATHS = notebooks.notebook_paths()


def test_there_is_a_notebook_page():
    assert PATHS, "docs/ should hold at least one notebook page"


@pytest.mark.parametrize("path", PATHS, ids=[str(p.relative_to(ROOT)) for p in PATHS])
def test_notebook_outputs_match_a_fresh_run(path):
    stored = notebooks.outputs(nbformat.read(path, as_version=4))
    fresh = notebooks.outputs(notebooks.execute(path))
    assert all(cell for cell in fresh), "every code cell of a notebook page should show an output"
    assert not any(text.startswith(("Traceback", "Error")) for cell in fresh for text in cell)
    assert fresh == stored, f"{path.relative_to(ROOT)}: stored outputs are stale; run 'make snapshots'"
