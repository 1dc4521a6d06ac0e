import os
import secrets

from flask import Flask, request, session
from werkzeug.security import check_password_hash, generate_password_hash

app = Flask(__name__)
app.config.update(
    SECRET_KEY=os.environ["SECRET_KEY"],
    SESSION_COOKIE_SECURE=True,
    SESSION_COOKIE_SAMESITE="Lax",
)
USERS = {os.environ["APP_USERNAME"]: os.environ["APP_PASSWORD_HASH"]}
DUMMY_HASH = generate_password_hash(secrets.token_urlsafe())


@app.post("/login")
def login():
    payload = request.get_json(silent=True)
    credentials = payload if isinstance(payload, dict) else {}
    username, password = credentials.get("username"), credentials.get("password")
    if not isinstance(username, str) or not isinstance(password, str):
        return {"detail": "username and password are required"}, 422
    stored = USERS.get(username)
    if not check_password_hash(stored or DUMMY_HASH, password) or stored is None:
        return {"detail": "Invalid username or password"}, 401
    session.clear()
    session["username"] = username
    return {"username": username}


@app.get("/me")
def me():
    if "username" not in session:
        return {"detail": "Not logged in"}, 401
    return {"username": session["username"]}


@app.post("/logout")
def logout():
    session.clear()
    return "", 204
