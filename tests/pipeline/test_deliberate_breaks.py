"""Deliberate breaks fail the stage they belong to, with a message naming the file.

Each test builds a small fixture site with the real `mkdocs.yml` (through
`INHERIT`), or runs the snippet-test stage on a temporary copy of the project.
"""

import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from guide import ROOT

BIN = Path(sys.executable).parent


def build_fixture_site(tmp_path: Path, pages: dict[str, str]) -> subprocess.CompletedProcess:
    docs = tmp_path / "docs"
    docs.mkdir()
    for name, body in pages.items():
        (docs / name).write_text(body, encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        textwrap.dedent(
            f"""\
            INHERIT: {ROOT / "mkdocs.yml"}
            docs_dir: {docs}
            site_dir: {tmp_path / "site"}
            hooks: [{ROOT / "guide" / "mkdocs_hooks.py"}]
            theme:
              custom_dir: {ROOT / "overrides"}
            nav: [{", ".join(pages)}]
            watch: [{ROOT / "snippets"}]
            """
        ),
        encoding="utf-8",
    )
    return subprocess.run(
        [str(BIN / "mkdocs"), "build", "--strict", "-f", str(config)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": str(BIN), "NO_MKDOCS_2_WARNING": "1", "HOME": str(tmp_path)},
    )


PAGE = "---\ndescription: A fixture page.\n---\n# Fixture\n"


def test_fixture_site_builds_when_nothing_is_broken(tmp_path):
    result = build_fixture_site(
        tmp_path, {"index.md": PAGE + '\n```python\n--8<-- "snippets/hello/flask_app.py"\n```\n'}
    )
    assert result.returncode == 0, result.stderr
    assert "Hello, world" in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")


OTHER = PAGE.replace("# Fixture", "# Other\n\n## Real heading")
BREAKS = {
    "missing-snippet-section": (
        {"index.md": PAGE + '\n```python\n--8<-- "snippets/hello/flask_app.py:no-such-section"\n```\n'},
        ["snippets/hello/flask_app.py", "no-such-section"],
    ),
    "missing-snippet-file": (
        {"index.md": PAGE + '\n```python\n--8<-- "snippets/hello/no_such_app.py"\n```\n'},
        ["snippets/hello/no_such_app.py"],
    ),
    "broken-internal-link": (
        {"index.md": PAGE + "\nSee [the other page](missing.md).\n"},
        ["index.md", "missing.md"],
    ),
    "broken-anchor": (
        {"index.md": PAGE + "\nSee [that](other.md#no-such-anchor).\n", "other.md": OTHER},
        ["index.md", "no-such-anchor"],
    ),
    "page-without-description": (
        {"index.md": "# No front matter\n"},
        ["docs/index.md: front matter has no 'description'"],
    ),
    "unknown-directive": (
        {"index.md": PAGE + "\n<!-- guide:no-such-thing -->\n"},
        ["docs/index.md:6: unknown directive 'no-such-thing'"],
    ),
}
"""Per break: the fixture site's pages, and what the build's error output must name."""


@pytest.mark.parametrize("name", BREAKS)
def test_a_broken_page_fails_the_build_naming_the_file(name, tmp_path):
    pages, named = BREAKS[name]
    result = build_fixture_site(tmp_path, pages)
    assert result.returncode != 0
    for text in named:
        assert text in result.stderr, f"{name}: {text!r} not in the build's output"


def copy_for_snippet_tests(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    shutil.copytree(
        ROOT / "snippets", project / "snippets", ignore=shutil.ignore_patterns("__pycache__", "*.sqlite3")
    )
    (project / "tests" / "tasks").mkdir(parents=True)
    shutil.copy(ROOT / "tests" / "tasks" / "test_hello.py", project / "tests" / "tasks")
    shutil.copy(ROOT / "pyproject.toml", project)
    return project


def run_snippet_tests(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(BIN / "pytest"), "tests/tasks/test_hello.py", "-p", "no:cacheprovider", "-q", "--no-header"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_snippet_tests_pass_on_an_unchanged_copy(tmp_path):
    result = run_snippet_tests(copy_for_snippet_tests(tmp_path))
    assert result.returncode == 0, result.stdout


def test_snippet_whose_test_fails_fails_naming_the_test_file(tmp_path):
    project = copy_for_snippet_tests(tmp_path)
    app = project / "snippets" / "hello" / "flask_app.py"
    app.write_text(app.read_text(encoding="utf-8").replace("Hello, world", "Hi"), encoding="utf-8")
    result = run_snippet_tests(project)
    assert result.returncode == 1
    assert "FAILED tests/tasks/test_hello.py::test_flask_hello_returns_json" in result.stdout
    assert "'Hi'" in result.stdout
