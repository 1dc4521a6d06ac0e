"""The SQLite file the database scenario reads: one table, 100 rows, created fresh for each run."""

from __future__ import annotations

import sqlite3
from contextlib import closing
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
