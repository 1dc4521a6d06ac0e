import os

from flask import Flask, abort, request
from sqlalchemy import String, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

engine = create_engine(os.environ.get("DATABASE_URL", "sqlite:///notes.db"))


class Base(DeclarativeBase):
    pass


class Note(Base):
    __tablename__ = "notes"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))

    def to_dict(self):
        return {"id": self.id, "title": self.title}


Base.metadata.create_all(engine)
app = Flask(__name__)


def read_title():
    payload = request.get_json(silent=True)
    title = payload.get("title") if isinstance(payload, dict) else None
    if not isinstance(title, str) or not 1 <= len(title) <= 200:
        abort(422, description="title must be a string of 1 to 200 characters")
    return title


def get_note(session, note_id):
    note = session.get(Note, note_id)
    if note is None:
        abort(404, description="Note not found")
    return note


@app.errorhandler(404)
@app.errorhandler(422)
def json_error(error):
    return {"detail": error.description}, error.code


@app.get("/notes")
def list_notes():
    with Session(engine) as session:
        return [note.to_dict() for note in session.scalars(select(Note).order_by(Note.id))]


@app.post("/notes")
def create_note():
    with Session(engine) as session:
        note = Note(title=read_title())
        session.add(note)
        session.commit()
        return note.to_dict(), 201


@app.get("/notes/<int:note_id>")
def read_note(note_id):
    with Session(engine) as session:
        return get_note(session, note_id).to_dict()


@app.put("/notes/<int:note_id>")
def update_note(note_id):
    with Session(engine) as session:
        note = get_note(session, note_id)
        note.title = read_title()
        session.commit()
        return note.to_dict()


@app.delete("/notes/<int:note_id>")
def delete_note(note_id):
    with Session(engine) as session:
        session.delete(get_note(session, note_id))
        session.commit()
        return "", 204
