import os
import sqlite3
from contextlib import closing
from dataclasses import dataclass

SCHEMA = "CREATE TABLE IF NOT EXISTS links (id INTEGER PRIMARY KEY, title TEXT, url TEXT, tags TEXT)"


@dataclass(frozen=True)
class Link:
    id: int
    title: str
    url: str
    tags: list[str]


def connect():
    connection = sqlite3.connect(os.environ.get("LINKS_DATABASE", "links.db"), autocommit=True)
    connection.row_factory = sqlite3.Row
    connection.execute(SCHEMA)
    return closing(connection)


def _link(row):
    return Link(row["id"], row["title"], row["url"], row["tags"].split())


def get_link(link_id):
    with connect() as db:
        row = db.execute("SELECT id, title, url, tags FROM links WHERE id = ?", (link_id,)).fetchone()
    return _link(row) if row is not None else None


def add_link(title, url, tags):
    with connect() as db:
        cursor = db.execute(
            "INSERT INTO links (title, url, tags) VALUES (?, ?, ?)", (title, url, " ".join(tags))
        )
    return Link(cursor.lastrowid, title, url, tags)
