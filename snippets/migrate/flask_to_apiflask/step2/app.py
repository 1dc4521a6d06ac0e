import hmac
import json
import os
from functools import wraps

from apiflask import APIFlask
from flask import abort, request
from pydantic import BaseModel, Field
from werkzeug.datastructures import WWWAuthenticate
from werkzeug.exceptions import HTTPException

from .. import notes

API_TOKEN = os.environ["API_TOKEN"]
app = APIFlask(__name__, title="Notes API", version="1.0.0")
app.config["HTTP_ERROR_SCHEMA"] = {
    "type": "object",
    "properties": {
        "code": {"type": "integer"},
        "name": {"type": "string"},
        "description": {"type": "string"},
    },
}
app.security_schemes = {"BearerAuth": {"type": "http", "scheme": "bearer"}}


class NoteIn(BaseModel):
    title: str = Field(min_length=1, max_length=200)


class Note(BaseModel):
    id: int
    title: str


@app.errorhandler(HTTPException)
def json_error(error):
    response = error.get_response()
    response.data = json.dumps({"code": error.code, "name": error.name, "description": error.description})
    response.content_type = "application/json"
    return response


def require_token(view):
    @wraps(view)
    def check_token(*args, **kwargs):
        auth = request.authorization
        token = auth.token if auth is not None and auth.type == "bearer" else None
        if token is None or not hmac.compare_digest(token.encode(), API_TOKEN.encode()):
            abort(401, "Invalid or missing token", www_authenticate=WWWAuthenticate("bearer"))
        return view(*args, **kwargs)

    return check_token


@app.get("/notes")
@app.output(list[Note])
def list_notes():
    return notes.all_notes()


@app.get("/notes/<int:note_id>")
@app.output(Note)
@app.doc(responses=[404])
def read_note(note_id):
    note = notes.get_note(note_id)
    if note is None:
        abort(404, "Note not found")
    return note


@app.post("/notes")
@require_token
@app.input(NoteIn)
@app.output(Note, status_code=201)
@app.doc(security="BearerAuth")
def create_note(json_data):
    return notes.add_note(json_data.title)


@app.delete("/notes/<int:note_id>")
@require_token
@app.output({}, status_code=204)
@app.doc(security="BearerAuth", responses=[404])
def delete_note(note_id):
    if not notes.delete_note(note_id):
        abort(404, "Note not found")
    return ""
