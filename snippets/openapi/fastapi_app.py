from itertools import count

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, Field

app = FastAPI(title="Items API", version="1.0.0")
ids = count(1)


class ItemIn(BaseModel):
    name: str = Field(min_length=1, max_length=50)
    price: float = Field(gt=0)


class Item(ItemIn):
    id: int


class NotFound(BaseModel):
    detail: str


items: dict[int, Item] = {}


@app.post("/items", status_code=201)
async def create_item(item: ItemIn) -> Item:
    created = Item(id=next(ids), **item.model_dump())
    items[created.id] = created
    return created


@app.get("/items/{item_id}", responses={404: {"model": NotFound}})
async def read_item(item_id: int) -> Item:
    if item_id not in items:
        raise HTTPException(404, "Item not found")
    return items[item_id]
