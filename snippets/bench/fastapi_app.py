import asyncio
import time
from pathlib import Path as FilePath
from typing import Annotated

from fastapi import FastAPI, Path, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel, Field

app = FastAPI()
templates = Jinja2Templates(directory=FilePath(__file__).parent / "templates")


# --8<-- [start:hello]
@app.get("/hello")
async def hello() -> dict[str, str]:
    return {"message": "Hello, world"}


# --8<-- [end:hello]


# --8<-- [start:params]
@app.get("/users/{user_id}/items")
async def user_items(user_id: int, limit: int = 10, q: str = "") -> dict[str, int | str]:
    return {"user_id": user_id, "limit": limit, "q": q}


# --8<-- [end:params]


# --8<-- [start:validation]
class Item(BaseModel):
    name: str = Field(min_length=1, max_length=100)
    price: float = Field(gt=0)
    quantity: int = Field(ge=1, le=1000)


@app.post("/items", status_code=201)
async def create_item(item: Item) -> Item:
    return item


# --8<-- [end:validation]


# --8<-- [start:io]
Milliseconds = Annotated[int, Path(ge=0, le=1000)]


@app.get("/io/{milliseconds}")
async def wait_for_upstream(milliseconds: Milliseconds) -> dict[str, int]:
    await asyncio.sleep(milliseconds / 1000)
    return {"waited_ms": milliseconds}


@app.get("/io-blocking/{milliseconds}")
async def block_the_event_loop(milliseconds: Milliseconds) -> dict[str, int]:
    time.sleep(milliseconds / 1000)
    return {"waited_ms": milliseconds}


# --8<-- [end:io]


# --8<-- [start:template]
ITEMS = [{"name": f"Item {number}", "price": number * 1.5} for number in range(1, 21)]


@app.get("/page", response_class=HTMLResponse)
async def page(request: Request):
    return templates.TemplateResponse(request, "items.html", {"title": "Catalogue", "items": ITEMS})


# --8<-- [end:template]
