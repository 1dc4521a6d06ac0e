"""Execute the notebook pages under `docs/` and compare or refresh their stored outputs.

mkdocs-jupyter renders the outputs stored in each notebook (the build does
not execute them: its `allow_errors` defaults to true, so a failing cell would
still publish). The test suite executes every notebook instead and fails when
a cell raises or when a fresh output differs from the stored one;
`make snapshots` (`python -m guide.devtools.notebooks refresh`) stores fresh outputs.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from guide import ROOT
from guide.pages import DOCS_DIR

TIMEOUT = 120


def notebook_paths() -> list[Path]:
    """Every notebook page under `docs/`."""
    return sorted(path for path in DOCS_DIR.rglob("*.ipynb") if ".ipynb_checkpoints" not in path.parts)


def execute(path: Path) -> nbformat.NotebookNode:
    """Run every cell of a notebook (from the repository root) and return the executed copy.

    Raises:
        nbclient.exceptions.CellExecutionError: A cell raised.
    """
    notebook = nbformat.read(path, as_version=4)
    NotebookClient(
        notebook, timeout=TIMEOUT, kernel_name="python3", resources={"metadata": {"path": str(ROOT)}}
    ).execute()
    return notebook


def outputs(notebook: nbformat.NotebookNode) -> list[list[str]]:
    """The text each code cell printed or returned, cell by cell (what the page shows)."""
    shown = []
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        texts = []
        for output in cell.get("outputs", []):
            if output.output_type == "stream":
                texts.append(output.text)
            elif output.output_type in {"execute_result", "display_data"}:
                data = output.get("data", {})
                texts.append(data.get("text/markdown") or data.get("text/plain", ""))
            elif output.output_type == "error":
                texts.append(f"{output.ename}: {output.evalue}")
        shown.append(texts)
    return shown


def refresh(paths: list[Path] | None = None) -> list[Path]:
    """Execute notebooks and write their fresh outputs back to disk."""
    written = []
    for path in paths or notebook_paths():
        nbformat.write(execute(path), path)
        written.append(path)
    return written


def main(argv: list[str]) -> int:
    """Command line: `python -m guide.devtools.notebooks refresh`."""
    if argv != ["refresh"]:
        print("usage: python -m guide.devtools.notebooks refresh", file=sys.stderr)
        return 2
    for path in refresh():
        print(f"refreshed {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
