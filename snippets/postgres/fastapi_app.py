import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import String
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

engine = create_async_engine(
    os.environ["DATABASE_URL"],
    pool_size=5,
    max_overflow=5,
    pool_timeout=10,
    pool_recycle=1800,
    pool_pre_ping=True,
)
Sessions = async_sessionmaker(engine, expire_on_commit=False)


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


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    async with engine.begin() as connection:
        await connection.run_sync(Base.metadata.create_all)
    yield
    await engine.dispose()


app = FastAPI(lifespan=lifespan)


async def get_session() -> AsyncIterator[AsyncSession]:
    async with Sessions() as session:
        yield session


SessionDep = Annotated[AsyncSession, Depends(get_session)]


@app.post("/notes", status_code=201)
async def create_note(data: NoteIn, session: SessionDep) -> NoteOut:
    note = Note(title=data.title)
    session.add(note)
    await session.commit()
    return note


@app.get("/notes/{note_id}", responses={404: {"model": NotFound, "description": "No note with this id"}})
async def read_note(note_id: int, session: SessionDep) -> NoteOut:
    note = await session.get(Note, note_id)
    if note is None:
        raise HTTPException(status_code=404, detail="Note not found")
    return note
