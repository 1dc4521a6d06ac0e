import hmac
import json
import os
from functools import wraps

from apiflask import APIFlask
from flask import abort, request
from werkzeug.datastructures import WWWAuthenticate
from werkzeug.exceptions import HTTPException

from .. import notes

API_TOKEN = os.environ["API_TOKEN"]
app = APIFlask(__name__, title="Notes API", version="1.0.0")


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
def list_notes():
    return notes.all_notes()


@app.get("/notes/<int:note_id>")
def read_note(note_id):
    note = notes.get_note(note_id)
    if note is None:
        abort(404, "Note not found")
    return note


@app.post("/notes")
@require_token
def create_note():
    payload = request.get_json(silent=True)
    title = payload.get("title") if isinstance(payload, dict) else None
    if not isinstance(title, str) or not 1 <= len(title) <= 200:
        abort(400, "title must be a string of 1 to 200 characters")
    return notes.add_note(title), 201


@app.delete("/notes/<int:note_id>")
@require_token
def delete_note(note_id):
    if not notes.delete_note(note_id):
        abort(404, "Note not found")
    return "", 204
