"""The databases the database scenarios read: one table, 100 rows, created fresh for each run.

SQLite is a file; PostgreSQL is a throwaway server on loopback (`guide.bench.postgres`), started
only when a run includes the PostgreSQL scenario.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

ROWS = 100


def create(path: Path) -> Path:
    """Create (or replace) the benchmark database at `path` and return it."""
    path.unlink(missing_ok=True)
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute(
            "CREATE TABLE bench_item"
            " (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL, price REAL NOT NULL)"
        )
        connection.executemany(
            "INSERT INTO bench_item (id, name, price) VALUES (?, ?, ?)",
            [(number, f"Product {number}", number * 1.25) for number in range(1, ROWS + 1)],
        )
    return path


def environment(path: Path) -> dict[str, str]:
    """Environment variables that point every framework's data layer at `path`."""
    return {"DATABASE_URL": f"sqlite:///{path}", "DJANGO_DATABASE": str(path)}


POSTGRES_DATABASE = "bench"


@contextmanager
def postgres(needed: bool) -> Iterator[dict[str, str]]:
    """Start PostgreSQL with the benchmark table for the block, if `needed`; yield the variables
    that point an app at it (`POSTGRES_URL` for SQLAlchemy, the parts for Django's settings)."""
    if not needed:
        yield {}
        return
    from guide.bench import postgres as server

    with server.running() as running:
        running.create_database(POSTGRES_DATABASE)
        with running.connect(POSTGRES_DATABASE) as connection:
            connection.execute(
                "CREATE TABLE bench_item"
                " (id integer PRIMARY KEY, name varchar(100) NOT NULL, price real NOT NULL)"
            )
            with connection.cursor() as cursor:
                cursor.executemany(
                    "INSERT INTO bench_item (id, name, price) VALUES (%s, %s, %s)",
                    [(number, f"Product {number}", number * 1.25) for number in range(1, ROWS + 1)],
                )
        yield {
            "POSTGRES_URL": running.url(POSTGRES_DATABASE, "bench"),
            "POSTGRES_HOST": server.HOST,
            "POSTGRES_PORT": str(running.port),
            "POSTGRES_DB": POSTGRES_DATABASE,
            "POSTGRES_USER": server.SUPERUSER,
        }
