import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import lru_cache
from typing import Annotated, Any

import httpx
from fastapi import Depends, FastAPI, Request
from pydantic_settings import BaseSettings


class Settings(BaseSettings):
    upstreams: dict[str, str] = {}


@lru_cache
def get_settings() -> Settings:
    return Settings()


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[dict[str, httpx.AsyncClient]]:
    async with httpx.AsyncClient(timeout=2.0) as client:
        yield {"client": client}


app = FastAPI(lifespan=lifespan)


async def fetch(client: httpx.AsyncClient, url: str) -> tuple[str, Any]:
    try:
        response = await client.get(url)
        response.raise_for_status()
        return "results", response.json()
    except httpx.TimeoutException:
        return "errors", "timeout"
    except httpx.HTTPStatusError as error:
        return "errors", f"HTTP {error.response.status_code}"
    except (httpx.HTTPError, ValueError):
        return "errors", "unavailable"


@app.get("/dashboard")
async def dashboard(
    request: Request, settings: Annotated[Settings, Depends(get_settings)]
) -> dict[str, dict[str, Any]]:
    upstreams = settings.upstreams
    outcomes = await asyncio.gather(*(fetch(request.state.client, url) for url in upstreams.values()))
    body: dict[str, dict[str, Any]] = {"results": {}, "errors": {}}
    for name, (kind, value) in zip(upstreams, outcomes, strict=True):
        body[kind][name] = value
    return body
