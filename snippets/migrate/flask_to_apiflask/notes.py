import os
import sqlite3
from contextlib import closing

SCHEMA = "CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY, title TEXT NOT NULL)"


def connect():
    connection = sqlite3.connect(os.environ.get("NOTES_DATABASE", "notes.db"), autocommit=True)
    connection.row_factory = sqlite3.Row
    connection.execute(SCHEMA)
    return closing(connection)


def all_notes():
    with connect() as db:
        return [dict(row) for row in db.execute("SELECT id, title FROM notes ORDER BY id")]


def get_note(note_id):
    with connect() as db:
        row = db.execute("SELECT id, title FROM notes WHERE id = ?", (note_id,)).fetchone()
    return dict(row) if row is not None else None


def add_note(title):
    with connect() as db:
        cursor = db.execute("INSERT INTO notes (title) VALUES (?)", (title,))
    return {"id": cursor.lastrowid, "title": title}


def delete_note(note_id):
    with connect() as db:
        return db.execute("DELETE FROM notes WHERE id = ?", (note_id,)).rowcount == 1
