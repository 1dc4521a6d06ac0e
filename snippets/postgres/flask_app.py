import os

from flask import Flask, request
from sqlalchemy import String, create_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

engine = create_engine(
    os.environ["DATABASE_URL"],
    pool_size=5,
    max_overflow=5,
    pool_timeout=10,
    pool_recycle=1800,
    pool_pre_ping=True,
)


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


@app.post("/notes")
def create_note():
    payload = request.get_json(silent=True)
    title = payload.get("title") if isinstance(payload, dict) else None
    if not isinstance(title, str) or not 1 <= len(title) <= 200:
        return {"detail": "title must be a string of 1 to 200 characters"}, 422
    with Session(engine) as session:
        note = Note(title=title)
        session.add(note)
        session.commit()
        return note.to_dict(), 201


@app.get("/notes/<int:note_id>")
def read_note(note_id):
    with Session(engine) as session:
        note = session.get(Note, note_id)
        if note is None:
            return {"detail": "Note not found"}, 404
        return note.to_dict()
