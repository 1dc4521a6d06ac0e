import json
import os
import secrets
from functools import wraps

from flask import Flask, abort, request
from werkzeug.datastructures import WWWAuthenticate
from werkzeug.exceptions import HTTPException

from .. import notes

API_TOKEN = os.environ["API_TOKEN"]
app = Flask(__name__)


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
        if token is None or not secrets.compare_digest(token.encode(), API_TOKEN.encode()):
            abort(401, "Invalid or missing token", www_authenticate=WWWAuthenticate("bearer"))
        return view(*args, **kwargs)

    return check_token


@app.delete("/notes/<int:note_id>")
@require_token
def delete_note(note_id):
    if not notes.delete_note(note_id):
        abort(404, "Note not found")
    return "", 204
