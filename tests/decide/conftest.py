"""Fixtures shared by the decision-tree tests."""

import pytest
import yaml


@pytest.fixture
def write_tree(tmp_path):
    pages = tmp_path / "outcomes"
    pages.mkdir()

    def write(document: dict, with_pages: bool = True):
        path = tmp_path / "tree.yml"
        path.write_text(yaml.safe_dump(document), encoding="utf-8")
        if with_pages:
            for outcome in document.get("outcomes", []):
                (pages / f"{outcome['id']}.md").write_text(
                    f"<!-- guide:decide-outcome {outcome['id']} -->\n", encoding="utf-8"
                )
        return path, pages

    return write
