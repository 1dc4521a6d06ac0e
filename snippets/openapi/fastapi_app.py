from itertools import count

from fastapi import FastAPI
from pydantic import BaseModel, Field

app = FastAPI(title="Items API", version="1.0.0")
ids = count(1)


class ItemIn(BaseModel):
    name: str = Field(min_length=1, max_length=50)
    price: float = Field(gt=0)


class Item(ItemIn):
    id: int


@app.post("/items", status_code=201)
async def create_item(item: ItemIn) -> Item:
    return Item(id=next(ids), **item.model_dump())
