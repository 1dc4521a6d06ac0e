from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from . import tokens

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
