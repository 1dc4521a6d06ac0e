"""`python -m guide.generate` writes the whole site source without MkDocs, and says what is wrong."""

import json

import pytest

from guide import generate, render

PAGE = "---\ndescription: A fixture page.\n---\n# Fixture\n\n"


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    out = tmp_path_factory.mktemp("generated")
    written = generate.write(out, notebooks_as_markdown=True)
    return out, written


def test_every_page_is_written_with_no_directive_left(generated):
    out, written = generated
    sources = [path for path in generate.sources() if path.suffix in {".md", ".ipynb"}]
    assert len(written.pages) == len(sources)
    for page in written.pages:
        text = (out / page).read_text(encoding="utf-8")
        assert not [line for line in text.splitlines() if render.parse(line)], page
        assert text.startswith("---\n") and "\ndescription:" in text.split("\n---\n")[0], page


def test_directives_are_replaced_by_what_they_render(generated):
    out, _ = generated
    text = (out / "tasks" / "index.md").read_text(encoding="utf-8")
    assert generate.page("<!-- guide:task-overview -->\n", "tasks/index.md").strip() in text
    assert "| --- |" in text


def test_templates_and_notebooks_are_not_copied_as_they_are(generated):
    out, written = generated
    assert not (out / "templates").exists()
    assert not list(out.rglob("*.ipynb"))
    versions = (out / "about" / "versions.md").read_text(encoding="utf-8")
    assert "about/versions.md" in written.pages
    assert versions.startswith('---\ndescription: "The package versions')
    assert "```python\nfrom guide import versions" in versions


def test_published_data_files_are_written(generated):
    out, _ = generated
    for name, text in generate.data_files().items():
        assert (out / name).read_text(encoding="utf-8") == text
    first_task = json.loads((out / "data" / "tasks.json").read_text(encoding="utf-8"))[0]
    assert {"id", "title", "url", "frameworks"} <= set(first_task)


def test_a_second_run_rewrites_nothing_and_removes_stale_files(generated):
    out, _ = generated
    stale = out / "gone" / "old.md"
    stale.parent.mkdir()
    stale.write_text("# old\n", encoding="utf-8")
    again = generate.write(out, notebooks_as_markdown=True)
    assert again.changed == []
    assert again.removed == ["gone/old.md"]
    assert not stale.parent.exists()


def test_unknown_directive_names_the_page_and_line():
    expected = r"^docs/fixture\.md:8: unknown directive 'no-such-thing'"
    with pytest.raises(generate.GenerateError, match=expected):
        generate.page_file(PAGE + "Text.\n\n<!-- guide:no-such-thing -->\n", "fixture.md")


def test_bad_directive_argument_names_the_page_and_the_data_file():
    with pytest.raises(generate.GenerateError, match=r"^docs/fixture\.md:6: no task 'nope'"):
        generate.page_file(PAGE + "<!-- guide:task-facts nope -->\n", "fixture.md")


def test_missing_snippet_file_names_the_page():
    expected = r"^docs/fixture\.md: includes snippets/nope\.py, which does not exist"
    with pytest.raises(generate.GenerateError, match=expected):
        generate.page('```python\n--8<-- "snippets/nope.py"\n```\n', "fixture.md")


def test_the_command_reports_what_it_wrote_and_fails_cleanly(tmp_path, capsys, monkeypatch):
    assert generate.main([str(tmp_path / "out")]) == 0
    assert "pages;" in capsys.readouterr().out
    assert (tmp_path / "out" / "about" / "versions.ipynb").is_file()

    def broken():
        raise generate.GenerateError("data/tasks.yml: tasks[0]: field 'title' is missing")

    monkeypatch.setattr(generate, "data_files", broken)
    assert generate.main([str(tmp_path / "out")]) == 1
    assert capsys.readouterr().err == "error: data/tasks.yml: tasks[0]: field 'title' is missing\n"
