from http import HTTPStatus

from a2wsgi import WSGIMiddleware
from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import notes
from . import flask_app


class Note(BaseModel):
    id: int
    title: str


app = FastAPI(title="Notes")


@app.exception_handler(StarletteHTTPException)
async def flask_style_error(request: Request, error: StarletteHTTPException) -> JSONResponse:
    name = HTTPStatus(error.status_code).phrase
    body = {"code": error.status_code, "name": name, "description": error.detail}
    return JSONResponse(body, error.status_code, headers=error.headers)


@app.get("/notes")
def list_notes() -> list[Note]:
    return notes.all_notes()


@app.get("/notes/{note_id}")
def read_note(note_id: int) -> Note:
    note = notes.get_note(note_id)
    if note is None:
        raise HTTPException(404, "Note not found")
    return note


app.mount("/", WSGIMiddleware(flask_app.app))
