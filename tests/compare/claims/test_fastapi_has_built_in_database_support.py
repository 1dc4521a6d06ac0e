"""FastAPI installs no database layer, even with its `standard` and `all` extras.

Django, for contrast, ships an ORM and migrations.
"""

import importlib.metadata
import importlib.util
import pkgutil

import fastapi
import pytest
from packaging.requirements import Requirement

DATABASE_PACKAGES = {
    "sqlalchemy",
    "sqlmodel",
    "databases",
    "alembic",
    "tortoise-orm",
    "peewee",
    "pony",
    "asyncpg",
    "psycopg",
    "psycopg2",
    "aiosqlite",
    "pymongo",
    "motor",
}


def dependencies(package: str, extra: str | None) -> set[str]:
    """Names of the packages `pip install package[extra]` pulls in directly."""
    names = set()
    for line in importlib.metadata.requires(package) or []:
        requirement = Requirement(line)
        environment = {"extra": extra or ""}
        if requirement.marker is None or requirement.marker.evaluate(environment):
            names.add(requirement.name.lower())
    return names


@pytest.mark.parametrize("extra", [None, "standard", "all"])
def test_fastapi_depends_on_no_database_package(extra):
    found = dependencies("fastapi", extra)
    assert {"starlette", "pydantic"} <= found
    assert not found & DATABASE_PACKAGES


def test_fastapi_has_no_database_module():
    modules = {info.name for info in pkgutil.walk_packages(fastapi.__path__, "fastapi.")}
    assert "fastapi.routing" in modules
    words = {word for name in modules for word in name.replace(".", "_").split("_")}
    assert not words & {"sql", "orm", "db", "database", "databases", "migrations"}


def test_django_ships_an_orm_and_migrations():
    assert importlib.util.find_spec("django.db.models") is not None
    assert importlib.util.find_spec("django.db.migrations") is not None
    assert not dependencies("django", None) & DATABASE_PACKAGES
