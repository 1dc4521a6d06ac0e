"""`data/migrations.yml`, the path pages and `/data/migrations.json` agree with the snippet files."""

import difflib
import json
import re

import pytest
import yaml

from guide import ROOT, migrate, publish
from guide.data import DataError
from guide.render import Context, DirectiveError, expand

PAGE = Context(page="migrate/flask-to-fastapi.md")


def published() -> list[dict]:
    return json.loads(publish.rendered()["data/migrations.json"])


def non_blank(lines) -> int:
    return sum(1 for line in lines if line.strip())


def counted_by_difflib(before: str, after: str, name: str) -> tuple[int, int]:
    """Non-blank lines added and removed between two versions of a file, from difflib's opcodes."""
    old_file, new_file = ROOT / before / name, ROOT / after / name
    old = old_file.read_text(encoding="utf-8").splitlines() if old_file.is_file() else []
    new = new_file.read_text(encoding="utf-8").splitlines() if new_file.is_file() else []
    added = removed = 0
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new).get_opcodes():
        if tag in ("replace", "delete"):
            removed += non_blank(old[i1:i2])
        if tag in ("replace", "insert"):
            added += non_blank(new[j1:j2])
    return added, removed


def python_files(folder: str) -> list[str]:
    return sorted(
        str(path.relative_to(ROOT)) for path in (ROOT / folder).glob("*.py") if path.name != "__init__.py"
    )


def test_published_counts_are_what_difflib_computes_from_the_files():
    paths = published()
    assert [entry["id"] for entry in paths] == [entry.id for entry in migrate.migrations().paths]
    for entry in paths:
        steps = entry["steps"]
        assert [step["number"] for step in steps] == list(range(len(steps)))
        for before, after in zip([None, *steps], steps, strict=False):
            assert after["files"] == python_files(after["folder"])
            assert after["lines"] == sum(
                non_blank((ROOT / file).read_text(encoding="utf-8").splitlines()) for file in after["files"]
            )
            if before is None:
                assert (after["lines_added"], after["lines_removed"], after["changed_files"]) == (
                    None,
                    None,
                    [],
                )
                continue
            names = {file.rpartition("/")[2] for file in before["files"] + after["files"]}
            expected = {
                name: counted_by_difflib(before["folder"], after["folder"], name) for name in sorted(names)
            }
            expected = {name: counts for name, counts in expected.items() if counts != (0, 0)}
            changed = {file["file"]: (file["added"], file["removed"]) for file in after["changed_files"]}
            assert changed == expected, f"{entry['id']} step {after['number']}"
            assert after["lines_added"] == sum(added for added, _ in expected.values())
            assert after["lines_removed"] == sum(removed for _, removed in expected.values())
            assert after["lines"] - before["lines"] == after["lines_added"] - after["lines_removed"]
        assert entry["lines_added"] == sum(step["lines_added"] or 0 for step in steps)
        assert entry["lines_removed"] == sum(step["lines_removed"] or 0 for step in steps)


def test_published_paths_name_their_ends_and_link_their_steps():
    for entry in published():
        assert entry.keys() >= {"id", "title", "from", "to", "page", "steps"}
        for step in entry["steps"]:
            assert step["page"] == f"{entry['page']}#step-{step['number']}"


def test_the_first_and_last_step_of_flask_to_fastapi_are_all_flask_and_all_fastapi():
    path = migrate.path("flask-to-fastapi")
    first, last = path.steps[0], path.steps[-1]
    assert (path.from_, path.to) == ("flask", "fastapi")
    imports = {
        step.folder: {
            line.split()[1].split(".")[0]
            for name in step.names()
            for line in step.text(name)
            if line.startswith(("import ", "from "))
        }
        for step in (first, last)
    }
    assert "flask" in imports[first.folder] and "fastapi" not in imports[first.folder]
    assert "fastapi" in imports[last.folder] and not imports[last.folder] & {"flask", "werkzeug", "a2wsgi"}


def test_a_step_diff_is_rendered_from_the_files_with_its_counts():
    path = migrate.path("flask-to-fastapi")
    change = path.change(2)
    rendered = migrate.step_section(PAGE, "flask-to-fastapi", "2")
    assert rendered.startswith("## Step 2: ")
    assert "{#step-2}" in rendered.splitlines()[0]
    assert f'```diff title="Diff from step 1"\n{change.diff()}\n```' in rendered
    assert f"+{change.added} −{change.removed} lines" in rendered
    assert change.diff().startswith(f"--- {path.steps[1].folder}/")
    for file in path.steps[2].files():
        assert f'--8<-- "{file}"' in rendered


def test_the_page_renders_every_step_once_in_order():
    for entry in migrate.migrations().paths:
        markdown = (ROOT / "docs" / entry.page).read_text(encoding="utf-8")
        numbers = re.findall(rf"^<!-- guide:migration-step {re.escape(entry.id)} (\d+) -->$", markdown, re.M)
        assert numbers == [str(number) for number in range(len(entry.steps))], entry.page
        assert f"<!-- guide:migration-summary {entry.id} -->" in markdown
        headings = re.findall(r"^## Step (\d+): ", expand(markdown, entry.page), re.M)
        assert headings == numbers


def test_the_index_lists_every_path():
    rendered = migrate.paths_table(Context(page="migrate/index.md"))
    for entry in migrate.migrations().paths:
        assert f"[{entry.title}]({entry.page.removeprefix('migrate/')})" in rendered


def write(tmp_path, change) -> str:
    document = yaml.safe_load((ROOT / "data" / migrate.MIGRATIONS_FILE).read_text(encoding="utf-8"))
    change(document["paths"][0]["steps"])
    path = tmp_path / "migrations.yml"
    path.write_text(yaml.safe_dump(document), encoding="utf-8")
    return str(path)


def test_a_missing_folder_fails_naming_the_file_and_the_field(tmp_path):
    def missing_folder(steps):
        steps[2]["folder"] = "snippets/migrate/flask_to_fastapi/step9"
        steps[2]["app"] = "snippets.migrate.flask_to_fastapi.step9.main:app"

    file = write(tmp_path, missing_folder)
    with pytest.raises(DataError) as raised:
        migrate.load(file)
    message = str(raised.value)
    assert message.startswith(f"{file}: ")
    assert "paths.0.steps.2.folder" in message
    assert "snippets/migrate/flask_to_fastapi/step9 does not exist" in message


def test_a_step_whose_app_is_missing_fails_naming_the_file_and_the_field(tmp_path):
    def missing_app(steps):
        steps[1]["app"] = "snippets.migrate.flask_to_fastapi.step1.server:app"

    file = write(tmp_path, missing_app)
    with pytest.raises(DataError, match=r"paths\.0\.steps\.1\.app: .*step1/server\.py does not exist"):
        migrate.load(file)


def test_a_step_without_a_field_fails_naming_it(tmp_path):
    file = write(tmp_path, lambda steps: steps[3].pop("rollback"))
    with pytest.raises(DataError, match=r"migrations\.yml: paths\.0\.steps\.3\.rollback: Field required"):
        migrate.load(file)


def test_a_page_asking_for_a_missing_step_fails_naming_the_data_file():
    with pytest.raises(
        DirectiveError, match=r"data/migrations\.yml: path 'flask-to-fastapi' has no step '9'"
    ):
        migrate.step_section(PAGE, "flask-to-fastapi", "9")
    with pytest.raises(DirectiveError, match="docs/migrate/flask-to-fastapi.md:3: "):
        expand("\n\n<!-- guide:migration-step flask-to-fastapi 9 -->\n", PAGE.page)
    with pytest.raises(DirectiveError, match=r"no migration path 'no-such-path' in data/migrations\.yml"):
        migrate.summary(PAGE, "no-such-path")
