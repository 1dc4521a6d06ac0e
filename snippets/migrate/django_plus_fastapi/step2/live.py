import asyncio
import os
import sqlite3
from contextlib import closing
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException, WebSocket, WebSocketException, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from . import tokens

DATABASE = os.environ["DJANGO_DATABASE"]
POLL_SECONDS = 1
app = FastAPI(title="Live", docs_url=None, redoc_url=None, openapi_url=None)
bearer = HTTPBearer()


def current_user(credentials: Annotated[HTTPAuthorizationCredentials, Depends(bearer)]) -> int:
    user = tokens.verify(credentials.credentials)
    if user is None:
        raise HTTPException(401, "Invalid or expired token", headers={"WWW-Authenticate": "Bearer"})
    return user


@app.get("/live/me")
def me(user: Annotated[int, Depends(current_user)]) -> dict[str, int]:
    return {"user": user}


def new_notifications(user_id: int, last_id: int) -> list[tuple[int, str]]:
    with closing(sqlite3.connect(f"file:{DATABASE}?mode=ro", uri=True)) as db:
        query = "SELECT id, text FROM notifications WHERE user_id = ? AND id > ? ORDER BY id"
        return db.execute(query, (user_id, last_id)).fetchall()


@app.websocket("/live/notifications")
async def notifications(websocket: WebSocket, token: str = "") -> None:
    user = tokens.verify(token)
    if user is None:
        raise WebSocketException(status.WS_1008_POLICY_VIOLATION, "Invalid or expired token")
    await websocket.accept()
    last_id = 0
    while True:
        for notification_id, text in await asyncio.to_thread(new_notifications, user, last_id):
            await websocket.send_json({"id": notification_id, "text": text})
            last_id = notification_id
        try:
            message = await asyncio.wait_for(websocket.receive(), POLL_SECONDS)
        except TimeoutError:
            continue
        if message["type"] == "websocket.disconnect":
            return
