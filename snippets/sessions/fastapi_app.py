import os
import secrets
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException, Request
from pwdlib import PasswordHash
from pydantic import BaseModel
from starlette.middleware.sessions import SessionMiddleware

password_hash = PasswordHash.recommended()
USERS = {os.environ["APP_USERNAME"]: os.environ["APP_PASSWORD_HASH"]}
DUMMY_HASH = password_hash.hash(secrets.token_urlsafe())

app = FastAPI()
app.add_middleware(SessionMiddleware, secret_key=os.environ["SECRET_KEY"], https_only=True)


class Unauthorized(BaseModel):
    detail: str


class Credentials(BaseModel):
    username: str
    password: str


@app.post("/login", responses={401: {"model": Unauthorized}})
def login(credentials: Credentials, request: Request) -> dict[str, str]:
    stored = USERS.get(credentials.username)
    if not password_hash.verify(credentials.password, stored or DUMMY_HASH) or stored is None:
        raise HTTPException(401, "Invalid username or password")
    request.session.clear()
    request.session["username"] = credentials.username
    return {"username": credentials.username}


def current_user(request: Request) -> str:
    if "username" not in request.session:
        raise HTTPException(401, "Not logged in")
    return request.session["username"]


@app.get("/me", responses={401: {"model": Unauthorized}})
def me(username: Annotated[str, Depends(current_user)]) -> dict[str, str]:
    return {"username": username}


@app.post("/logout", status_code=204)
def logout(request: Request) -> None:
    request.session.clear()
