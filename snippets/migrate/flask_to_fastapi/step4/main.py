import os
import secrets
from http import HTTPStatus
from typing import Annotated

from a2wsgi import WSGIMiddleware
from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import notes
from . import flask_app

API_TOKEN = os.environ["API_TOKEN"]
bearer = HTTPBearer(auto_error=False)


class NoteIn(BaseModel):
    title: str = Field(min_length=1, max_length=200)


class Note(BaseModel):
    id: int
    title: str


app = FastAPI(title="Notes")


@app.exception_handler(StarletteHTTPException)
async def flask_style_error(request: Request, error: StarletteHTTPException) -> JSONResponse:
    name = HTTPStatus(error.status_code).phrase
    body = {"code": error.status_code, "name": name, "description": error.detail}
    return JSONResponse(body, error.status_code, headers=error.headers)


def require_token(credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> None:
    token = credentials.credentials if credentials is not None else None
    if token is None or not secrets.compare_digest(token.encode(), API_TOKEN.encode()):
        raise HTTPException(401, "Invalid or missing token", headers={"WWW-Authenticate": "Bearer"})


@app.get("/notes")
def list_notes() -> list[Note]:
    return notes.all_notes()


@app.get("/notes/{note_id}")
def read_note(note_id: int) -> Note:
    note = notes.get_note(note_id)
    if note is None:
        raise HTTPException(404, "Note not found")
    return note


@app.post("/notes", status_code=201, dependencies=[Depends(require_token)])
def create_note(data: NoteIn) -> Note:
    return notes.add_note(data.title)


app.mount("/", WSGIMiddleware(flask_app.app))
