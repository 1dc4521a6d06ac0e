"""Schema migrations (docs/tasks/data.md#migrations): Alembic and Django migrations on empty SQLite files."""

import io

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from guide import ROOT

ALEMBIC_INI = ROOT / "snippets/migrations/alembic.ini"


@pytest.fixture
def alembic(monkeypatch, tmp_path):
    """An Alembic config pointing at an empty temporary SQLite file, and an engine to inspect it."""
    url = f"sqlite:///{tmp_path / 'books.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    engine = sa.create_engine(url)
    yield Config(str(ALEMBIC_INI)), engine
    engine.dispose()


def columns(engine, table):
    return {column["name"]: column for column in sa.inspect(engine).get_columns(table)}


def test_alembic_upgrade_head_builds_the_schema(alembic):
    config, engine = alembic
    command.upgrade(config, "head")
    assert set(sa.inspect(engine).get_table_names()) == {"alembic_version", "books"}
    books = columns(engine, "books")
    assert list(books) == ["id", "title", "author"]
    assert books["author"]["nullable"] is False
    assert books["author"]["default"] == "''"
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar_one() == "0002"


def test_alembic_add_column_keeps_existing_rows(alembic):
    config, engine = alembic
    command.upgrade(config, "0001")
    assert "author" not in columns(engine, "books")
    with engine.begin() as conn:
        conn.execute(sa.text("INSERT INTO books (title) VALUES (:title)"), {"title": "Dune"})
    command.upgrade(config, "head")
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT title, author FROM books")).all() == [("Dune", "")]


def test_alembic_downgrades_step_by_step(alembic):
    config, engine = alembic
    command.upgrade(config, "head")
    command.downgrade(config, "-1")
    assert list(columns(engine, "books")) == ["id", "title"]
    command.downgrade(config, "base")
    assert sa.inspect(engine).get_table_names() == ["alembic_version"]


def test_alembic_models_match_the_migrations(alembic):
    config, _ = alembic
    command.upgrade(config, "head")
    command.check(config)


def test_alembic_offline_mode_writes_the_sql(alembic, capsys):
    config, engine = alembic
    command.upgrade(config, "head", sql=True)
    sql = capsys.readouterr().out
    assert "CREATE TABLE books" in sql
    assert "ALTER TABLE books ADD COLUMN author VARCHAR(200) DEFAULT '' NOT NULL;" in sql
    assert sa.inspect(engine).get_table_names() == []


def test_django_models_match_the_migrations(db):
    call_command("makemigrations", "django_books", "--check", "--dry-run", verbosity=0)


@pytest.mark.django_db(transaction=True)
def test_django_sqlmigrate_rebuilds_the_table_on_sqlite():
    output = io.StringIO()
    call_command("sqlmigrate", "django_books", "0002", stdout=output)
    sql = output.getvalue()
    assert 'CREATE TABLE "new__django_books_book"' in sql
    assert """SELECT "id", "title", '' FROM "django_books_book\"""" in sql


@pytest.mark.django_db(transaction=True)
def test_django_migrate_forwards_and_backwards_keeps_rows():
    latest = [("django_books", "0002_book_author")]
    try:
        migrate([("django_books", None)])
        assert "django_books_book" not in connection.introspection.table_names()

        migrate([("django_books", "0001_initial")])
        assert table_columns("django_books_book") == ["id", "title"]
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO django_books_book (title) VALUES (%s)", ["Dune"])

        migrate(latest)
        assert table_columns("django_books_book") == ["id", "title", "author"]
        with connection.cursor() as cursor:
            cursor.execute("SELECT title, author FROM django_books_book")
            assert cursor.fetchall() == [("Dune", "")]

        migrate([("django_books", "0001_initial")])
        assert table_columns("django_books_book") == ["id", "title"]
    finally:
        migrate(latest)


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)


def table_columns(table):
    with connection.cursor() as cursor:
        return [column.name for column in connection.introspection.get_table_description(cursor, table)]
