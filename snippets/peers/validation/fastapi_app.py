from fastapi import FastAPI
from pydantic import BaseModel, Field

app = FastAPI()


class Item(BaseModel):
    name: str = Field(min_length=1, max_length=50)
    price: float = Field(gt=0)


@app.post("/items", status_code=201)
async def create_item(item: Item) -> Item:
    return item
