from a2wsgi import WSGIMiddleware
from fastapi import FastAPI
from pydantic import BaseModel

from .. import notes
from . import flask_app


class Note(BaseModel):
    id: int
    title: str


app = FastAPI(title="Notes")


@app.get("/notes")
def list_notes() -> list[Note]:
    return notes.all_notes()


app.mount("/", WSGIMiddleware(flask_app.app))
