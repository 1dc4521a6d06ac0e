"""Every `/data/*.json` file matches its model in `guide.schemas`, and the build says which file and field
do not: a producer that drops a field, adds one or changes a type stops `guide.publish.rendered`."""

import copy
import importlib
import inspect
import json
import pkgutil
import re
from typing import get_args

import pytest
from pydantic import BaseModel

from guide import ROOT, publish, schemas
from guide.schemas import SCHEMAS

REFERENCE_PAGE = ROOT / "docs" / "reference" / "published-data.md"


@pytest.fixture(scope="module")
def files() -> dict[str, str]:
    return publish.rendered()


def producer_of(filename: str):
    return publish.producers()[filename]


def defined_models() -> list[type[BaseModel]]:
    """Every model defined in the `guide.schemas` package, in module order."""
    found = []
    for info in pkgutil.iter_modules(schemas.__path__, prefix="guide.schemas."):
        module = importlib.import_module(info.name)
        found += [
            value
            for name, value in vars(module).items()
            if inspect.isclass(value)
            and issubclass(value, BaseModel)
            and value.__module__ == module.__name__
            and name.isidentifier()
        ]
    return found


def models_in(annotation) -> list[type[BaseModel]]:
    """The models an annotation names, however deep (`list[Cell] | None` names `Cell`)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [model for argument in get_args(annotation) for model in models_in(argument)]


def published_models() -> list[type[BaseModel]]:
    """Every model a published file is made of, wherever it is defined (`Sample` is the result
    file's own model, from `guide.bench.schema`)."""
    found: list[type[BaseModel]] = []
    todo = list(SCHEMAS.values())
    while todo:
        model = todo.pop(0)
        if model not in found:
            found.append(model)
            todo += [
                nested for field in model.model_fields.values() for nested in models_in(field.annotation)
            ]
    return found


def models() -> list[type[BaseModel]]:
    """The models the reference page must show: every published one and every one `guide.schemas`
    defines (but its `Published` base)."""
    defined = [model for model in defined_models() if model.__name__ != "Published"]
    return published_models() + [model for model in defined if model not in published_models()]


def test_every_published_file_has_a_schema_and_every_schema_a_file():
    assert sorted(publish.producers()) == sorted(SCHEMAS)


@pytest.mark.parametrize("filename", sorted(SCHEMAS))
def test_every_published_file_validates(files, filename):
    SCHEMAS[filename].model_validate_json(files[f"data/{filename}"])


def test_the_published_text_is_the_producers_value_not_the_models(files):
    for filename, produce in publish.producers().items():
        assert files[f"data/{filename}"] == json.dumps(produce(), indent=2, ensure_ascii=False) + "\n"


def test_every_field_of_every_model_has_a_description():
    for model in models():
        for name, field in model.model_fields.items():
            assert field.description, f"{model.__module__}.{model.__name__}.{name} has no docstring"
        assert model.__doc__ and model.__doc__ != BaseModel.__doc__, f"{model.__name__} has no docstring"


def test_every_model_is_exported_and_rendered_on_the_reference_page():
    names = {model.__name__ for model in models()}
    assert names <= set(schemas.__all__)
    assert all(getattr(schemas, model.__name__) is model for model in models())
    page = REFERENCE_PAGE.read_text(encoding="utf-8")
    rendered = set(re.findall(r"^::: guide\.schemas\.(\w+)$", page, flags=re.MULTILINE))
    assert rendered == names | {"Source"}


def listed_members() -> dict[str, list[str]]:
    """The fields the reference page lists by hand (`members: [...]`), by model name."""
    page = REFERENCE_PAGE.read_text(encoding="utf-8")
    blocks = re.findall(r"^::: guide\.schemas\.(\w+)\n((?:    .*\n)*)", page, flags=re.MULTILINE)
    return {
        name: [member.strip() for member in listed.group(1).split(",")]
        for name, options in blocks
        if (listed := re.search(r"^      members: \[(.*)\]$", options, flags=re.MULTILINE))
    }


def test_a_model_that_inherits_fields_lists_them_all_on_the_reference_page_in_order():
    """The page shows only a class's own fields unless it lists them: `RunMetadata` narrows
    `guide.bench.schema.Run`, which the page does not show, so its inherited fields are listed, in the
    file's order. (`VersionsFile` need not: the page shows its base, `PackageVersions`.)"""
    listed, shown = listed_members(), models()
    for model in shown:
        inherited = set(model.model_fields) - set(model.__annotations__)
        base_shown = any(base in shown and inherited <= set(base.model_fields) for base in model.__mro__[1:])
        if inherited and not base_shown:
            assert model.__name__ in listed, f"{model.__name__} inherits fields: list its members on the page"
    for name, members in listed.items():
        assert members == list(getattr(schemas, name).model_fields), f"{name}: the page lists other members"


def broken(monkeypatch, filename: str, change) -> None:
    """Replace the producer of `filename` with one that returns its value changed by `change`."""
    value = copy.deepcopy(producer_of(filename)())
    change(value)
    monkeypatch.setitem(publish._PUBLISHED, filename, lambda: value)


def test_a_missing_field_names_the_file_and_the_field(monkeypatch):
    broken(monkeypatch, "matrix.json", lambda value: value[0]["frameworks"]["flask"].pop("verdict"))
    with pytest.raises(ValueError, match=r"data/matrix\.json: 0\.frameworks\.flask\.verdict: Field required"):
        publish.rendered()


def test_an_unknown_field_names_the_file_and_the_field(monkeypatch):
    broken(monkeypatch, "versions.json", lambda value: value["stacks"]["lts"].update(score=1))
    with pytest.raises(
        ValueError, match=r"data/versions\.json: stacks\.lts\.score: Extra inputs are not permitted"
    ):
        publish.rendered()


def test_a_wrong_type_names_the_file_and_the_field(monkeypatch):
    def lines_as_text(value):
        value[1]["frameworks"]["django"]["lines"] = "15"

    broken(monkeypatch, "tasks.json", lines_as_text)
    with pytest.raises(ValueError, match=r"data/tasks\.json: 1\.frameworks\.django\.lines: Input should be"):
        publish.rendered()


def test_a_wrong_evidence_kind_names_the_file_and_the_field(monkeypatch):
    broken(monkeypatch, "support.json", lambda value: value["lines"][0]["sources"][0].update(kind="blog"))
    with pytest.raises(ValueError, match=r"data/support\.json: lines\.0\.sources\.0: Input tag 'blog'"):
        publish.rendered()


def test_a_value_that_is_not_json_names_the_file(monkeypatch):
    monkeypatch.setitem(publish._PUBLISHED, "claims.json", lambda: {"tests"})
    with pytest.raises(ValueError, match=r"data/claims\.json: the value is not JSON"):
        publish.rendered()


def test_many_problems_are_counted_not_all_listed(monkeypatch):
    broken(monkeypatch, "claims.json", lambda value: [claim.pop("url") for claim in value])
    with pytest.raises(ValueError) as raised:
        publish.rendered()
    message = str(raised.value)
    assert message.count("Field required") == publish.SHOWN_PROBLEMS
    assert re.search(r"data/claims\.json: and \d+ more problems", message)


def test_a_file_published_without_a_schema_fails_clearly(monkeypatch):
    publish.producers()
    monkeypatch.setitem(publish._PUBLISHED, "frameworks.json", lambda: ["flask", "fastapi", "django"])
    with pytest.raises(ValueError, match=r"data/frameworks\.json: published without a schema"):
        publish.rendered()
