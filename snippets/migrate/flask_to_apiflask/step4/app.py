import hmac
import json
import os
from functools import wraps

from flask import Flask, abort, request
from flask_smorest import Api, Blueprint
from marshmallow import Schema
from marshmallow.fields import Dict, Integer, String
from marshmallow.validate import Length
from werkzeug.datastructures import WWWAuthenticate
from werkzeug.exceptions import HTTPException

from .. import notes

API_TOKEN = os.environ["API_TOKEN"]
app = Flask(__name__)
app.config.update(
    API_TITLE="Notes API",
    API_VERSION="1.0.0",
    OPENAPI_VERSION="3.1.0",
    OPENAPI_URL_PREFIX="/",
    OPENAPI_SWAGGER_UI_PATH="docs",
    OPENAPI_SWAGGER_UI_URL="https://cdn.jsdelivr.net/npm/swagger-ui-dist/",
)


class Error(Schema):
    code = Integer()
    name = String()
    description = String()
    detail = Dict()


class NotesApi(Api):
    ERROR_SCHEMA = Error


api = NotesApi(app)
api.spec.components.security_scheme("BearerAuth", {"type": "http", "scheme": "bearer"})
blp = Blueprint("notes", __name__)


class NoteIn(Schema):
    title = String(required=True, validate=Length(min=1, max=200))


class Note(Schema):
    id = Integer(required=True)
    title = String(required=True)


@app.errorhandler(HTTPException)
def json_error(error):
    body = {"code": error.code, "name": error.name, "description": error.description}
    messages = getattr(error, "data", {}).get("messages")
    if messages:
        body["detail"] = messages
    response = error.get_response()
    response.data = json.dumps(body)
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


@blp.get("/notes")
@blp.response(200, Note(many=True))
def list_notes():
    return notes.all_notes()


@blp.get("/notes/<int:note_id>")
@blp.response(200, Note)
@blp.alt_response(404, description="Note not found")
def read_note(note_id):
    note = notes.get_note(note_id)
    if note is None:
        abort(404, "Note not found")
    return note


@blp.post("/notes")
@require_token
@blp.arguments(NoteIn)
@blp.response(201, Note)
@blp.doc(security=[{"BearerAuth": []}])
def create_note(json_data):
    return notes.add_note(json_data["title"])


@blp.delete("/notes/<int:note_id>")
@require_token
@blp.response(204)
@blp.alt_response(404, description="Note not found")
@blp.doc(security=[{"BearerAuth": []}])
def delete_note(note_id):
    if not notes.delete_note(note_id):
        abort(404, "Note not found")


api.register_blueprint(blp)
