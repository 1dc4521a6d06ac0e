import os
import secrets
from functools import wraps

from flask import Flask, request

API_TOKEN = os.environ["API_TOKEN"]
app = Flask(__name__)


def require_token(view):
    @wraps(view)
    def check_token(*args, **kwargs):
        auth = request.authorization
        token = auth.token if auth is not None and auth.type == "bearer" else None
        if token is None or not secrets.compare_digest(token.encode(), API_TOKEN.encode()):
            return {"detail": "Invalid or missing token"}, 401, {"WWW-Authenticate": "Bearer"}
        return view(*args, **kwargs)

    return check_token


@app.get("/private")
@require_token
def private():
    return {"message": "Hello, token holder"}
