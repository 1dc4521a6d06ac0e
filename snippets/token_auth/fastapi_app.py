import os
import secrets
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel

API_TOKEN = os.environ["API_TOKEN"]
bearer = HTTPBearer(auto_error=False)
app = FastAPI()


class Unauthorized(BaseModel):
    detail: str


def require_token(credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> None:
    token = credentials.credentials if credentials is not None else None
    if token is None or not secrets.compare_digest(token.encode(), API_TOKEN.encode()):
        raise HTTPException(401, "Invalid or missing token", headers={"WWW-Authenticate": "Bearer"})


@app.get("/private", dependencies=[Depends(require_token)], responses={401: {"model": Unauthorized}})
async def private() -> dict[str, str]:
    return {"message": "Hello, token holder"}
