import os
from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import String, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

engine = create_engine(os.environ.get("DATABASE_URL", "sqlite:///notes.db"))


class Base(DeclarativeBase):
    pass


class Note(Base):
    __tablename__ = "notes"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))


class NoteIn(BaseModel):
    title: str = Field(min_length=1, max_length=200)


class NoteOut(NoteIn):
    model_config = ConfigDict(from_attributes=True)
    id: int


class NotFound(BaseModel):
    detail: str


Base.metadata.create_all(engine)
app = FastAPI()


def get_session() -> Iterator[Session]:
    with Session(engine) as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]


def get_note(session: SessionDep, note_id: int) -> Note:
    note = session.get(Note, note_id)
    if note is None:
        raise HTTPException(status_code=404, detail="Note not found")
    return note


NoteDep = Annotated[Note, Depends(get_note)]
NOT_FOUND = {404: {"model": NotFound, "description": "No note with this id"}}


@app.get("/notes")
def list_notes(session: SessionDep) -> list[NoteOut]:
    return session.scalars(select(Note).order_by(Note.id)).all()


@app.post("/notes", status_code=201)
def create_note(data: NoteIn, session: SessionDep) -> NoteOut:
    note = Note(title=data.title)
    session.add(note)
    session.commit()
    return note


@app.get("/notes/{note_id}", responses=NOT_FOUND)
def read_note(note: NoteDep) -> NoteOut:
    return note


@app.put("/notes/{note_id}", responses=NOT_FOUND)
def update_note(data: NoteIn, note: NoteDep, session: SessionDep) -> NoteOut:
    note.title = data.title
    session.commit()
    return note


@app.delete("/notes/{note_id}", status_code=204, responses=NOT_FOUND)
def delete_note(note: NoteDep, session: SessionDep) -> None:
    session.delete(note)
    session.commit()
